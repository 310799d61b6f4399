package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.server.ApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookup, search and ask over a real socket: the same JSON as the CLI's lookup, search and ask --json. */
class KnowledgeApiTest {
    @TempDir
    static Path dir;
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.local(dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void askAnswersWithTheContractFieldsBestFirst() {
        TestServer.Reply r = s.get("/api/v1/ask?q=" + q("which code for group therapy"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("answer").asText()).isNotBlank();
        JsonNode first = j.get("cards").get(0);
        for (String field : new String[] {"kind", "id", "title", "score", "citation"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(j.get("cards").findValuesAsText("id")).contains("97150");
    }

    @Test
    void askSaysWhenItDoesNotKnow() {
        JsonNode j = s.get("/api/v1/ask?q=" + q("what is the weather in Paris tomorrow")).json();
        assertThat(j.get("cards")).isEmpty();
    }

    @Test
    void searchUsesTherapistsWords() {
        JsonNode j = s.get("/api/v1/search?q=" + q("neuro re-ed") + "&limit=3").json();
        assertThat(j.toString()).contains("97112");
    }

    @Test
    void lookupFindsACardAndNamesAMissingOne() {
        TestServer.Reply r = s.get("/api/v1/knowledge/97112");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("97112");
        TestServer.Reply missing = s.get("/api/v1/knowledge/97999");
        assertThat(missing.status()).isEqualTo(404);
        // The lookup's own answer (not found, with suggestions), not the generic "no such resource".
        assertThat(missing.json().get("found").asBoolean()).isFalse();
        assertThat(missing.json().has("suggestions")).isTrue();
        // ... as a problem document, like every other 4xx of the API (and as the OpenAPI says).
        assertProblem(missing, 404, "id");
        assertThat(s.get("/api/v1/no-such-route").body()).contains("no such resource");
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        assertProblem(s.get("/api/v1/ask"), 400, "q");
        assertProblem(s.get("/api/v1/search?q=x&limit=0"), 400, "limit");
        // The same bound as the CLI's search --limit.
        assertThat(s.get("/api/v1/search?q=" + q("balance") + "&limit=200").status()).isEqualTo(200);
        assertProblem(s.get("/api/v1/search?q=x&limit=201"), 400, "limit");
        assertProblem(s.get("/api/v1/ask?q=" + "a".repeat(501)), 400, "q");
        assertProblem(s.get("/api/v1/knowledge/" + q("<script>")), 400, "id");
    }
}
