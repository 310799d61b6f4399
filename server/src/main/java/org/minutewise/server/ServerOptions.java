package org.minutewise.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the service.
 *
 * @param bind       the address to listen on (127.0.0.1 unless told otherwise)
 * @param port       the port; 0 picks a free one
 * @param dataDir    where the embedded H2 store lives when no {@code db} is given
 * @param db         a JDBC URL (PostgreSQL) for the store instead of H2
 * @param dbUser     the database user
 * @param dbPassword the database password
 * @param token      the API token; required when bound beyond loopback
 * @param maxBody    the largest request body accepted, in bytes
 */
public record ServerOptions(String bind, int port, Path dataDir, Optional<String> db, String dbUser,
                            String dbPassword, Optional<String> token, int maxBody) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY = 1024 * 1024;
    /** A token shorter than this is refused: it would be guessable. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: must be between 0 and 65535, got " + port);
        }
        if (maxBody < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
    }

    /** Loopback on a free port, H2 under the directory, no token: for tests. */
    public static ServerOptions local(Path dataDir) {
        return new ServerOptions(DEFAULT_BIND, 0, dataDir, Optional.empty(), "", "", Optional.empty(),
                DEFAULT_MAX_BODY);
    }

    public ServerOptions withToken(String t) {
        return new ServerOptions(bind, port, dataDir, db, dbUser, dbPassword, Optional.of(t), maxBody);
    }

    public ServerOptions withBind(String b) {
        return new ServerOptions(b, port, dataDir, db, dbUser, dbPassword, token, maxBody);
    }

    public ServerOptions withDb(String url, String user, String password) {
        return new ServerOptions(bind, port, dataDir, Optional.of(url), user, password, token, maxBody);
    }
}
