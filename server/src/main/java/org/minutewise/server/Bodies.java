package org.minutewise.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Request bodies: the content type checked (415), the size bounded while reading (413), UTF-8 strictly (400). */
final class Bodies {
    static final String JSON = "application/json";
    static final String FHIR = "application/fhir+json";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    /** An X12 837P or 837I interchange (IANA application/EDI-X12; media types compare in lower case). */
    static final String X12 = "application/edi-x12";

    private Bodies() {
    }

    /** The media type of the request without parameters, lower case; "" when absent. */
    static String mediaType(Context ctx) {
        String ct = ctx.header("Content-Type");
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        String type = (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (semi >= 0) {
            String params = ct.substring(semi + 1).toLowerCase(Locale.ROOT).replace(" ", "");
            if (params.contains("charset=") && !params.contains("charset=utf-8")
                    && !params.contains("charset=\"utf-8\"")) {
                throw new ApiException(415, "Unsupported media type", "only UTF-8 bodies are accepted, got \""
                        + ct + "\"", "Content-Type");
            }
        }
        return type;
    }

    /** Checks the content type is one of those accepted; returns it. */
    static String require(Context ctx, List<String> accepted) {
        String type = mediaType(ctx);
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ApiException(415, "Unsupported media type", "Content-Encoding \"" + encoding.trim()
                    + "\" is not accepted: send the body uncompressed", "Content-Encoding");
        }
        if (!accepted.contains(type)) {
            throw new ApiException(415, "Unsupported media type", "expected Content-Type " + String.join(" or ",
                    accepted) + ", got " + (type.isEmpty() ? "none" : "\"" + type + "\""), "Content-Type");
        }
        return type;
    }

    /** The body as text, at most {@code limit} bytes. */
    static String text(Context ctx, int limit) {
        return utf8(bytes(ctx, limit));
    }

    /** The body's bytes, at most {@code limit}; never empty. */
    static byte[] bytes(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        byte[] buf;
        int n = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            buf = new byte[(int) (declared >= 0 ? declared + 1 : Math.min(8192L, limit + 1L))];
            int r;
            while ((r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                if (n == buf.length) {
                    if (n > limit) {
                        throw tooLarge(limit);
                    }
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, limit + 1L));
                }
            }
        } catch (IOException e) {
            throw new ApiException(400, "Bad request", "the request body could not be read", "");
        }
        if (n > limit) {
            throw tooLarge(limit);
        }
        if (n == 0) {
            throw new ApiException(400, "Bad request", "the request body is empty", "");
        }
        return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
    }

    /** Strict UTF-8: a malformed sequence is a bad request naming the byte. */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            requireUtf8(body);
            throw notUtf8(body, 0);
        }
    }

    /**
     * Checks bytes to be parsed as JSON without decoding them are UTF-8, as {@link #utf8} does text (the JSON parser
     * would otherwise take a UTF-16 or UTF-32 body, with or without its byte order mark, that the CLI and the other
     * endpoints refuse): a byte that is not UTF-8, or a NUL (which JSON in UTF-8 never holds, and UTF-16 does), is a
     * bad request naming the byte.
     */
    static void requireUtf8(byte[] body) {
        int bad = org.minutewise.formats.Utf8.firstInvalid(body, 0, body.length);
        if (bad >= 0) {
            throw notUtf8(body, bad);
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new ApiException(400, "Bad request", "the request body holds a NUL byte at byte " + (i + 1)
                        + " (0x00), which JSON in UTF-8 never does (a UTF-16 body?); the body must be UTF-8", "");
            }
        }
    }

    private static ApiException notUtf8(byte[] body, int at) {
        return new ApiException(400, "Bad request", "the request body is " + org.minutewise.formats.Utf8.problem(body,
                at, at + 1L, "").replace("the file must", "the body must").replace(" (save it as UTF-8 and try "
                + "again)", ""), "");
    }

    static ApiException tooLarge(int limit) {
        return new ApiException(413, "Payload too large", "the request body is larger than " + limit + " bytes", "");
    }
}
