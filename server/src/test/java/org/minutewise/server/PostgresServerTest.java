package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service with its store in a real PostgreSQL (--db), started from Maven Central binaries. */
class PostgresServerTest {
    @TempDir
    Path dir;

    @Test
    void savesAndReadsVisitsInPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE minutewise");
            }
            ServerOptions options = ServerOptions.local(dir).withDb(pg.getJdbcUrl("postgres", "minutewise"),
                    "postgres", "");
            try (TestServer s = new TestServer(options)) {
                assertThat(s.server.store().config().isPostgres()).isTrue();
                TestServer.Reply first = s.postJson("/api/v1/visits", ApiTest.visit("PG-1", "P-PG1", "TP1", "10:00",
                        "10:25"));
                assertThat(first.status()).as(first.body()).isEqualTo(201);
                TestServer.Reply second = s.postJson("/api/v1/visits", ApiTest.visit("PG-2", "P-PG2", "TP1",
                        "10:15", "10:40"));
                assertThat(second.body()).contains("MW-A001");
                JsonNode h = s.get("/api/v1/visits/PG-2/history").json();
                assertThat(h.get("audit").get(0).get("action").asText()).isEqualTo("visit.created");
                assertThat(s.get("/api/v1/visits?therapist=TP1").json().get("visits")).hasSize(2);
            }
        }
    }
}
