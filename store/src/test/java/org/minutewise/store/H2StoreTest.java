package org.minutewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 in a file, the default store. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    StoreConfig freshDatabase() {
        return StoreConfig.h2(dir.resolve("data"));
    }

    @Test
    void theH2FileLivesUnderTheDataDirectory() {
        assertThat(Files.exists(dir.resolve("data").resolve("minutewise.mv.db"))).isTrue();
    }

    /**
     * H2 writes no trace file beside the store (it wrote minutewise.trace.db, with stack traces, and printed them on
     * stderr when it could not): an error reaches the caller as an exception.
     */
    @Test
    void h2WritesNoTraceFile() throws Exception {
        StoreConfig cfg = freshDatabase();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(cfg.jdbcUrl(), cfg.user(), "");
             java.sql.Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(dir.resolve("data").resolve("minutewise.trace.db")).doesNotExist();
        assertThat(cfg.describe()).isEqualTo("jdbc:h2:file:" + dir.resolve("data").toAbsolutePath().normalize()
                .resolve("minutewise"));
    }

    /**
     * A data directory that is a regular file: refused at once saying why (was: ten seconds of the pool retrying,
     * then "Connection is not available").
     */
    @Test
    void aDataDirectoryThatIsAFileIsRefusedAtOnce() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> VisitStore.open(StoreConfig.h2(file), REF.codes(), CLOCK))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("the store at jdbc:h2:file:" + file
                        .toAbsolutePath().normalize().resolve("minutewise") + " could not be opened: ")
                .hasMessageNotContaining("\n").hasMessageNotContaining("Connection is not available");
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> StoreConfig.of("jdbc:mysql://db/x?password=secret", "u", "p"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThat(StoreConfig.of("jdbc:postgresql://u:pw@localhost/mw?password=pw", "u", "p").describe())
                .isEqualTo("jdbc:postgresql://localhost/mw");
    }
}
