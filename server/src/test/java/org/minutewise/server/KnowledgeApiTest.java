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

    /** The answers a coder's review found wrong (2026-12-07) come the same over HTTP: worked out by the engine. */
    @Test
    void askWorksOutAnAssistantsCqAndAnEvaluationsUnitOverHttp() {
        JsonNode cq = s.get("/api/v1/ask?q=" + q("PTA 23 min 97110, PT 13 min 97110, PT 30 min 97140, which units "
                + "get CQ")).json();
        assertThat(cq.get("known").asBoolean()).isTrue();
        assertThat(cq.get("answer").asText()).contains("97110 GP CQ x1, 97110 GP x1, 97140 GP x2");
        assertThat(cq.get("cards").get(0).get("id").asText()).isEqualTo("CQ");
        JsonNode eval = s.get("/api/v1/ask?q=" + q("pt eval 60 minutes how many units")).json();
        assertThat(eval.get("answer").asText()).startsWith("60 min: untimed, so 1 unit").doesNotContain("4 units");
        JsonNode year = s.get("/api/v1/ask?q=" + q("can I bill G0515 in 2026")).json();
        assertThat(year.get("answer").asText()).startsWith("No, not for 2026: G0515 was deleted");
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
