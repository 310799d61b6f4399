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

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> StoreConfig.of("jdbc:mysql://db/x?password=secret", "u", "p"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThat(StoreConfig.of("jdbc:postgresql://u:pw@localhost/mw?password=pw", "u", "p").describe())
                .isEqualTo("jdbc:postgresql://localhost/mw");
    }
}
