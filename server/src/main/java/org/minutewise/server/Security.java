package org.minutewise.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** The token check (constant time), loopback detection and the response headers every answer carries. */
final class Security {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Optional<byte[]> tokenDigest;

    Security(Optional<String> token) {
        this.tokenDigest = token.map(Security::digest);
    }

    boolean tokenRequired() {
        return tokenDigest.isPresent();
    }

    /** Whether an Authorization header carries the token ({@code Bearer <token>}); compared in constant time. */
    boolean authorized(String authorization) {
        if (tokenDigest.isEmpty()) {
            return true;
        }
        String given = "";
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        return MessageDigest.isEqual(tokenDigest.get(), digest(given));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether the bind address is a loopback address (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String bind) {
        String b = bind.trim();
        if (b.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!b.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(b.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether a Host header names this machine's loopback (a defence against DNS rebinding when the service
     * listens on loopback without a token): localhost, 127.x.y.z or [::1], with any port.
     */
    static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
