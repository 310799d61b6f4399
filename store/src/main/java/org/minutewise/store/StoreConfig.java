package org.minutewise.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives: an H2 file under a data directory (the default) or a PostgreSQL database by JDBC URL.
 * The password is never part of {@link #toString()} or {@link #describe()}.
 */
public final class StoreConfig {
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private StoreConfig(String jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    /**
     * An embedded H2 database in the file {@code minutewise.mv.db} under the directory. H2's own trace is off (its
     * trace file, {@code minutewise.trace.db}, and its fallback to stderr when that file cannot be written): a
     * failure reaches the caller as an exception, said once.
     */
    public static StoreConfig h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("minutewise");
        return new StoreConfig("jdbc:h2:file:" + file + ";TRACE_LEVEL_FILE=0;TRACE_LEVEL_SYSTEM_OUT=0", "sa", "");
    }

    /** A database by JDBC URL: {@code jdbc:postgresql:...} or {@code jdbc:h2:...}; anything else is refused. */
    public static StoreConfig of(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new StoreException("--db: expected a jdbc:postgresql: (or jdbc:h2:) URL, got \""
                    + redact(jdbcUrl) + "\"");
        }
        return new StoreConfig(jdbcUrl, user, password);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without its parameters (which may hold credentials), for messages. */
    public String describe() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        int semi = url.startsWith("jdbc:h2:") ? url.indexOf(';') : -1;
        int cut = q >= 0 ? q : semi;
        String base = cut >= 0 ? url.substring(0, cut) : url;
        return base.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + describe() + "]";
    }
}
