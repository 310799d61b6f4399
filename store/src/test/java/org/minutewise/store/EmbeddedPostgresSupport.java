package org.minutewise.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/** Starts the embedded PostgreSQL for tests, with a startup wait suited to a busy two-core machine. */
final class EmbeddedPostgresSupport {
    private EmbeddedPostgresSupport() {
    }

    static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
    }
}
