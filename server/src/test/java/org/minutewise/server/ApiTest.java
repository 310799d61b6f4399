package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.VisitOutput;
import org.minutewise.refdata.RefData;

/** Every endpoint over a real socket (java.net.http), with good and bad input. */
class ApiTest {
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

    static void assertProblem(TestServer.Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(p.path("field").asText()).isEqualTo(field);
        }
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "org.minutewise.", "io.javalin.");
    }

    static String visit(String id, String patient, String therapist, String start, String end) {
        return "{\"id\":\"" + id + "\",\"dateOfService\":\"2026-04-06\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"patient\":{\"id\":\"" + patient + "\"},\"diagnoses\":[\"I69.351\"],"
                + "\"certification\":{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"physician\":\"Dr. A\"},"
                + "\"services\":[{\"code\":\"97112\",\"periods\":[{\"start\":\"" + start + "\",\"end\":\"" + end
                + "\"}],\"provider\":{\"id\":\"" + therapist + "\",\"role\":\"PT\"}}]}";
    }

    // ------------------------------------------------------------ health, page, reference

    @Test
    void healthAnswersWithSecurityHeaders() {
        TestServer.Reply r = s.get("/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        TestServer.Reply r = s.get("/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).isEqualTo(Security.CSP).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(r.body()).contains("app.js").doesNotContain("<script>").doesNotContain("style=")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(s.get("/app.js").status()).isEqualTo(200);
        assertThat(s.get("/app.css").status()).isEqualTo(200);
    }

    @Test
    void apiResponsesAreNotCached() {
        assertThat(s.get("/api/v1/rules").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void rulesListTheCatalogAndTheAcrossVisitsRule() {
        TestServer.Reply r = s.get("/api/v1/rules");
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains("MW-U001", "MW-U003", "MW-A001").isSorted();
    }

    @Test
    void payersAreTheKnownProfiles() {
        TestServer.Reply r = s.get("/api/v1/payers");
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains("medicare", "commercial");
    }

    @Test
    void aCodeIsLookedUp() {
        TestServer.Reply r = s.get("/api/v1/codes/97112");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("kind").asText()).isEqualTo("timed");
        assertThat(r.json().get("label").asText()).isNotBlank();
        assertThat(s.get("/api/v1/codes/97150").json().get("kind").asText()).isEqualTo("untimed");
        assertProblem(s.get("/api/v1/codes/99999"), 404, "code");
        assertProblem(s.get("/api/v1/codes/abc"), 400, "code");
    }

    // ------------------------------------------------------------ units and check

    @Test
    void unitsFromMinutesPerCode() {
        TestServer.Reply r = s.postJson("/api/v1/units",
                "{\"services\":[{\"code\":\"97112\",\"minutes\":24},{\"code\":\"97110\",\"minutes\":23}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("totalUnits").asInt()).isEqualTo(3);
        assertThat(r.json().get("method").asText()).isEqualTo("cms");
        assertThat(r.json().get("explanation")).isNotEmpty();

        TestServer.Reply cpt = s.postJson("/api/v1/units", "{\"payer\":\"commercial\",\"items\":[\"97112:24\","
                + "\"97110:23\"]}");
        assertThat(cpt.json().get("method").asText()).isEqualTo("cpt");
        assertThat(cpt.json().get("totalUnits").asInt()).isEqualTo(4);
    }

    @Test
    void unitsRefuseBadMinutesNamingTheField() {
        assertProblem(s.postJson("/api/v1/units", "{\"services\":[{\"code\":\"97112\",\"minutes\":-5}]}"), 422,
                "services[0].minutes");
        assertProblem(s.postJson("/api/v1/units", "{\"services\":[{\"code\":\"97112\",\"minutes\":2.5}]}"), 422,
                "services[0].minutes");
        assertProblem(s.postJson("/api/v1/units", "{\"services\":[{\"code\":\"nope\",\"minutes\":5}]}"), 422,
                "services[0].code");
        assertProblem(s.postJson("/api/v1/units", "{\"method\":\"xyz\",\"items\":[\"97112:5\"]}"), 422, "method");
        assertProblem(s.postJson("/api/v1/units", "{\"services\":[]}"), 422, "services");
        // More minutes than a day has, as `units` refuses them; a date that is no day of the calendar.
        assertProblem(s.postJson("/api/v1/units", "{\"items\":[\"97112:1000\",\"97110:1000\"]}"), 422, "items");
        assertProblem(s.postJson("/api/v1/units", "{\"date\":\"2026-02-30\",\"items\":[\"97112:24\"]}"), 422,
                "date");
        // A wrong-typed code is named with its service (integrator review #9); near miss: a string code is read.
        assertProblem(s.postJson("/api/v1/units", "{\"services\":[{\"code\":\"97110\",\"minutes\":20},"
                + "{\"code\":97112,\"minutes\":24}]}"), 422, "services[1].code");
        // A date of another shape than YYYY-MM-DD (an expanded year), or a year a visit refuses (review #12).
        TestServer.Reply y10k = s.postJson("/api/v1/units", "{\"date\":\"+10000-01-01\",\"items\":[\"97112:24\"]}");
        assertProblem(y10k, 422, "date");
        assertThat(y10k.json().get("detail").asText()).isEqualTo("expected a date like 2026-03-02, got "
                + "\"+10000-01-01\"");
        assertProblem(s.postJson("/api/v1/units", "{\"date\":\"1899-12-31\",\"items\":[\"97112:24\"]}"), 422, "date");
        assertThat(s.postJson("/api/v1/units", "{\"date\":\"2199-12-31\",\"services\":[{\"code\":\"97112\","
                + "\"minutes\":24}]}").status()).isEqualTo(200);
    }

    /** What the codes alone tell, as `units --json` says it: 97014 to Medicare, the MUE, two evaluations a day. */
    @Test
    void unitsReportTheCodeLevelFindingsOfTheCli() {
        assertThat(ids(s.postJson("/api/v1/units", "{\"date\":\"2026-03-02\",\"items\":[\"97014:20\"]}")))
                .contains("MW-C002");
        assertThat(ids(s.postJson("/api/v1/units", "{\"date\":\"2026-03-02\",\"items\":[\"97112:100\"]}")))
                .contains("MW-E006");
        assertThat(ids(s.postJson("/api/v1/units", "{\"date\":\"2026-03-02\",\"items\":[\"97161\",\"97162\"]}")))
                .contains("MW-E008");
        assertThat(ids(s.postJson("/api/v1/units", "{\"date\":\"2026-03-02\",\"items\":[\"97112:24\"]}")))
                .isEmpty();
    }

    /** An NCCI pair the codes alone show (97530/97140): reported as needing separate intervals, not as overlapping. */
    @Test
    void unitsReportTheNcciPairOfTheCodes() {
        TestServer.Reply r = s.postJson("/api/v1/units",
                "{\"date\":\"2026-03-02\",\"items\":[\"97530:30\",\"97140:15\"]}");
        assertThat(ids(r)).containsExactly("MW-E003");
        assertThat(r.json().path("findings").get(0).path("message").asText()).contains("NCCI pair")
                .doesNotContain("overlap");
        assertThat(ids(s.postJson("/api/v1/units", "{\"date\":\"2026-03-02\",\"items\":[\"97530:30\","
                + "\"97110:15\"]}"))).isEmpty();
    }

    private static List<String> ids(TestServer.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("findings").forEach(f -> out.add(f.path("id").asText()));
        return out;
    }

    @Test
    void checkGivesTheSameOutputAsCheckJson() throws Exception {
        String json = TestServer.example("stroke-visit.json");
        TestServer.Reply r = s.postJson("/api/v1/check", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        VisitJsonReader reader = new VisitJsonReader(RefData.defaults());
        CheckResult expected = new VisitChecker(RefData.defaults()).check(reader.read(reader.parse(json)));
        assertThat(r.body()).isEqualTo(Json.mapper().writeValueAsString(ResultJson.check(expected)));
        assertThat(r.json().get("visitId").asText()).isEqualTo("V-1001");
    }

    /** At the point of care a date of service after today blocks (MW-P005): a mistyped year, say. */
    @Test
    void aDateOfServiceInTheFutureBlocks() {
        String json = TestServer.example("stroke-visit.json");
        String later = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        TestServer.Reply r = s.postJson("/api/v1/check", json.replaceFirst("\"dateOfService\": *\"[0-9-]+\"",
                "\"dateOfService\": \"" + later + "\""));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("blocked").asBoolean()).isTrue();
        assertThat(r.body()).contains("MW-P005").contains(later);
        assertThat(s.postJson("/api/v1/check", json).body()).doesNotContain("MW-P005");
    }

    @Test
    void checkTakesAnArrayOfVisits() {
        String body = "[" + TestServer.example("stroke-visit.json") + "," + TestServer.example("overlap-visit.json")
                + "]";
        TestServer.Reply r = s.postJson("/api/v1/check", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(2);
        assertThat(r.json().get(1).get("blocked").asBoolean()).isTrue();
    }

    @Test
    void checkTakesCsv() {
        VisitJsonReader reader = new VisitJsonReader(RefData.defaults());
        String json = TestServer.example("stroke-visit.json");
        String csv = VisitOutput.csv(List.of(new VisitChecker(RefData.defaults()).check(reader.read(
                reader.parse(json)))));
        TestServer.Reply r = s.post("/api/v1/check", "text/csv; charset=utf-8", csv);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // One visit, one object, as check --json prints it.
        assertThat(r.json().get("visitId").asText()).isEqualTo("V-1001");
    }

    /**
     * The shape of check --json for the same input (integrator review #7): one claim of an 837 is one object, and
     * so is one visit of a CSV; JSON Lines is an array even of one. Near miss: an 837 of three claims is an array.
     */
    @Test
    void checkAnswersTheShapeOfTheCliForOneVisit() throws java.io.IOException {
        String edi = java.nio.file.Files.readString(java.nio.file.Path.of("..", "formats", "src", "test", "resources",
                "x12", "write", "pt-assistant.edi"));
        TestServer.Reply one = s.post("/api/v1/check", "application/EDI-X12", edi);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().isObject()).as(one.body()).isTrue();
        assertThat(one.json().get("visitId").asText()).isEqualTo("V-1001");
        TestServer.Reply lines = s.post("/api/v1/check", "application/x-ndjson",
                TestServer.example("claim-visit.json").replace("\n", " ") + "\n");
        assertThat(lines.json().isArray()).as(lines.body()).isTrue();
        String three = java.nio.file.Files.readString(java.nio.file.Path.of("..", "formats", "src", "test",
                "resources", "x12", "write", "batch-mixed.edi"));
        assertThat(s.post("/api/v1/check", "application/EDI-X12", three).json().isArray()).isTrue();
    }

    /**
     * A JSON body that is not UTF-8 is refused naming the byte, as the CLI refuses the file (integrator review #8):
     * UTF-16 with its byte order mark, or without (its NUL bytes). Near miss: the same visit in UTF-8 is checked.
     */
    @Test
    void aJsonBodyInUtf16IsRefusedNamingTheByte() {
        String json = TestServer.example("claim-visit.json");
        byte[] le = json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] bom = new byte[le.length + 2];
        bom[0] = (byte) 0xFF;
        bom[1] = (byte) 0xFE;
        System.arraycopy(le, 0, bom, 2, le.length);
        TestServer.Reply r = s.send(s.builder("/api/v1/check").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bom)));
        assertProblem(r, 400, null);
        assertThat(r.json().get("detail").asText()).isEqualTo("the request body is not valid UTF-8 at byte 1 (0xFF); "
                + "the body must be UTF-8");
        TestServer.Reply noBom = s.send(s.builder("/api/v1/check").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE))));
        assertProblem(noBom, 400, null);
        assertThat(noBom.json().get("detail").asText()).startsWith("the request body holds a NUL byte at byte 1");
        TestServer.Reply latin = s.send(s.builder("/api/v1/units").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                        "{\"payer\":\"medic\u00e9re\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertProblem(latin, 400, null);
        assertThat(latin.json().get("detail").asText()).contains("not valid UTF-8 at byte 16 (0xE9)");
        assertThat(s.postJson("/api/v1/check", json).status()).isEqualTo(200);
    }

    /** An 837P group and an 837I group: every claim checked as billed (X12 claims carry no minutes: MW-B001). */
    @Test
    void checkTakesX12() throws java.io.IOException {
        String edi = java.nio.file.Files.readString(java.nio.file.Path.of("..", "formats", "src", "test", "resources",
                "x12", "write", "batch-mixed.edi"));
        TestServer.Reply r = s.post("/api/v1/check", "application/EDI-X12", edi);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).hasSize(3);
        assertThat(r.json().get(2).get("visitId").asText()).isEqualTo("V-2003");
        assertThat(r.json().get(2).toString()).contains("MW-B001");
        TestServer.Reply bad = s.post("/api/v1/check", "application/edi-x12", "ISA*00*broken");
        assertThat(bad.status()).isIn(400, 422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).doesNotContain("Exception");
    }

    /** /units: codes as items or as services, not both; a huge whole number is out of range; paths name the item. */
    @Test
    void unitsRefusesAmbiguousOrOutOfRangeInput() {
        assertProblem(s.postJson("/api/v1/units", "{\"items\":[\"97112:24\"],\"services\":[{\"code\":\"97110\","
                + "\"minutes\":20}]}"), 422, "services");
        TestServer.Reply huge = s.postJson("/api/v1/units", "{\"items\":[\"97112:99999999999999999\"]}");
        assertProblem(huge, 422, "items[0]");
        assertThat(huge.body()).contains("must be between 0 and 1440");
        TestServer.Reply unknown = s.postJson("/api/v1/units", "{\"services\":[{\"code\":\"97110\",\"minutes\":20},"
                + "{\"code\":\"97999\",\"minutes\":10}]}");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("findings").get(0).get("path").asText()).isEqualTo("services[1].code");
    }

    /** A compressed body is refused as such (it read as "malformed JSON"). */
    @Test
    void aCompressedBodyIs415() {
        TestServer.Reply r = s.send(s.builder("/api/v1/check").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x1f, (byte) 0x8b, 0, 0})));
        assertProblem(r, 415, "Content-Encoding");
    }

    /** A problem quoting non-ASCII input back is UTF-8, and says so (it was sent as ISO-8859-1). */
    @Test
    void problemDocumentsAreUtf8() {
        String json = TestServer.example("stroke-visit.json").replace("\"planOfCare\": \"PT\"",
                "\"planOfCare\": \"PT\u00e9\"");
        assertThat(json).contains("PT\u00e9");
        TestServer.Reply r = s.postJson("/api/v1/check", json);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json").containsIgnoringCase("utf-8");
        assertThat(r.body()).contains("PT\u00e9");
    }

    @Test
    void checkRoutesFhirByItsContentType() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}";
        TestServer.Reply r = s.post("/api/v1/check", "application/fhir+json", bundle);
        // FHIR input comes with the formats module's FHIR reader; until then the API says so, as a problem.
        if (r.status() != 200) {
            assertThat(r.status()).isIn(415, 422);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("Exception");
        }
    }

    /** FHIR with offsets read in the clinic's zone (?zone=); a zone the service does not know is a 400 naming it. */
    @Test
    void checkReadsFhirTimesInTheClinicsZone() {
        org.minutewise.core.check.ReferenceData ref = org.minutewise.refdata.RefData.defaults();
        org.minutewise.formats.VisitJsonReader reader = new org.minutewise.formats.VisitJsonReader(ref);
        org.minutewise.core.model.Visit v = reader.read(reader.parse(TestServer.example("stroke-visit.json")));
        String bundle = org.minutewise.formats.VisitOutput.fhirVisits(java.util.List.of(v), java.time.ZoneOffset.UTC);
        TestServer.Reply ok = s.post("/api/v1/check?zone=America/New_York", "application/fhir+json", bundle);
        assertThat(ok.status()).as(ok.body()).isIn(200);
        assertProblem(s.post("/api/v1/check?zone=Mars/Olympus", "application/fhir+json", bundle), 400, "zone");
        assertProblem(s.post("/api/v1/check?zone=", "application/fhir+json", bundle), 400, "zone");
        assertProblem(s.postJson("/api/v1/check", bundle), 422, "resourceType");
    }

    @Test
    void checkNamesTheFieldOfAnInvalidVisit() {
        String bad = TestServer.example("stroke-visit.json").replace("\"minutes\": 24", "\"minutes\": -5");
        assertProblem(s.postJson("/api/v1/check", bad), 422, "services[0].minutes");
        TestServer.Reply many = s.postJson("/api/v1/check", "[" + TestServer.example("stroke-visit.json") + ","
                + bad + "]");
        assertProblem(many, 422, "[1].services[0].minutes");
        // In an array, the detail names the visit too (a biller's review).
        assertThat(many.json().get("errors").get(0).toString()).contains("visit V-1001: ");
        assertThat(many.json().get("results")).hasSize(1);
        assertThat(many.json().get("errors")).hasSize(1);
    }

    @Test
    void malformedJsonIsABadRequestNamingWhere() {
        TestServer.Reply r = s.postJson("/api/v1/check", "{\"id\": \"V-1\", ");
        assertProblem(r, 400, null);
        assertThat(r.json().get("field").asText()).startsWith("line 1, column");
        assertProblem(s.postJson("/api/v1/check", "{\"id\": 'single quotes'}"), 400, null);
    }

    @Test
    void aWrongContentTypeIsRefused() {
        assertProblem(s.post("/api/v1/check", "text/plain", TestServer.example("stroke-visit.json")), 415,
                "Content-Type");
        assertProblem(s.post("/api/v1/check", null, TestServer.example("stroke-visit.json")), 415, "Content-Type");
        assertProblem(s.post("/api/v1/check", "application/json; charset=iso-8859-1", "{}"), 415, "Content-Type");
        assertProblem(s.post("/api/v1/units", "text/csv", "97112,24"), 415, "Content-Type");
    }

    @Test
    void anOversizedBodyIsRefused() {
        // Read and dropped by the server before it answers, so the client gets the 413 (not a reset connection).
        String big = "[" + " ".repeat(ServerOptions.DEFAULT_MAX_BODY) + "]";
        for (int i = 0; i < 5; i++) {
            assertProblem(s.postJson("/api/v1/check", big), 413, null);
        }
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeAnyOfItIsRead() throws IOException {
        // Past the drain bound the server answers on the Content-Length alone: the request goes out as headers only
        // on a plain socket, and the 413 comes back without the server waiting for a byte of the body.
        int port = s.server.port();
        long declared = (long) MinutewiseServer.DRAIN_FACTOR * ServerOptions.DEFAULT_MAX_BODY + 1;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            JsonNode p = Json.mapper().readTree(body);
            assertThat(p.get("status").asInt()).isEqualTo(413);
            assertThat(p.get("detail").asText()).contains(String.valueOf(ServerOptions.DEFAULT_MAX_BODY));
            assertThat(body).doesNotContain("Exception", "\tat ", "org.minutewise.", "io.javalin.");
        }
    }

    /**
     * What Jetty refuses before any route (a URI it cannot decode, a request line or headers too large) is a
     * problem document too, not Jetty's HTML page.
     */
    @Test
    void errorsJettyAnswersItselfAreProblems() throws IOException {
        String[][] cases = {
            {"GET /api/v1/visits/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "400"},
            {"GET /api/v1/ask?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "414"},
            {"GET /api/v1/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", "431"}};
        for (String[] c : cases) {
            try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(c[0].getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                String answer = readAnswer(socket.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 " + c[1]);
                assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
                JsonNode p = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(p.get("status").asInt()).isEqualTo(Integer.parseInt(c[1]));
                assertThat(p.get("detail").asText()).isNotBlank();
            }
        }
    }

    /**
     * A query string with a malformed percent escape is a 400 that says so (the servlet decoder dropped the parameter,
     * and search answered "the query parameter q is required"); a well-formed escape is decoded as before.
     */
    @Test
    void aMalformedPercentEscapeInTheQueryIsSaid() throws Exception {
        for (String q : new String[] {"%ZZ", "bal%ZZance", "balance%2"}) {
            String answer = raw("GET /api/v1/search?q=" + q);
            assertThat(answer).as(q).startsWith("HTTP/1.1 400");
            JsonNode p = Json.mapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(p.get("detail").asText()).as(q).startsWith("the query string has a malformed percent escape");
            assertThat(p.get("field").asText()).isEqualTo("query");
        }
        assertThat(raw("GET /api/v1/search?q=balance%20board")).startsWith("HTTP/1.1 200");
        assertThat(MinutewiseServer.malformedEscape("q=50%25")).isNull();
        assertThat(MinutewiseServer.malformedEscape("q=50%")).isEqualTo("%");
    }

    /** A HEAD under /api says JSON, as the GET does (it said text/plain). */
    @Test
    void aHeadUnderTheApiIsJson() throws IOException {
        String answer = raw("HEAD /api/v1/rules");
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).containsIgnoringCase("content-type: application/json");
    }

    /** A request line sent as is (no client-side URI checks), and the answer (a HEAD's has no body to read). */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return requestLine.startsWith("HEAD ") ? head(socket.getInputStream()) : readAnswer(socket.getInputStream());
        }
    }

    /** An HTTP/1.1 answer read off a socket: the head, then as many body bytes as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        String h = head(in);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** An HTTP/1.1 answer's head, read off a socket up to its blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed in the answer's head: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhileReading() {
        byte[] big = new byte[ServerOptions.DEFAULT_MAX_BODY + 10];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        HttpRequest.Builder b = s.builder("/api/v1/check").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        assertProblem(s.send(b), 413, null);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"id\":\"V-1\",\"x\":" + "[".repeat(Json.MAX_NESTING + 5) + "]".repeat(Json.MAX_NESTING + 5)
                + "}";
        TestServer.Reply r = s.postJson("/api/v1/check", deep);
        // Well-formed JSON over a limit: 422 naming where, not "Malformed JSON".
        assertProblem(r, 422, "x");
        assertThat(r.json().get("detail").asText()).isEqualTo("nested deeper than " + Json.MAX_NESTING
                + " levels of objects and arrays (the limit of the input)");
    }

    /** A note over the limit is the client's 422 naming the field and the limit, in our words, not the parser's. */
    @Test
    void aNoteOverTheLimitNamesTheFieldAndTheLimit() {
        String visit = TestServer.example("stroke-visit.json");
        TestServer.Reply r = s.postJson("/api/v1/check", visit.replaceFirst("\"note\": \"",
                "\"note\": \"" + "x".repeat(Json.MAX_STRING + 100)));
        assertProblem(r, 422, "note");
        assertThat(r.json().get("detail").asText()).isEqualTo("longer than 1,000,000 characters (the limit of a "
                + "text field)");
        assertThat(r.body()).doesNotContain("StreamReadConstraints", "Malformed");
        // Near miss: a note at the limit is checked.
        int start = visit.indexOf("\"note\": \"") + 9;
        String atLimit = visit.substring(0, start) + "x".repeat(Json.MAX_STRING) + visit.substring(visit.indexOf('"',
                start));
        assertThat(s.postJson("/api/v1/check", atLimit).status()).isEqualTo(200);
    }

    /** JSON cut short is a 400 that says so, without the parser's source excerpt. */
    @Test
    void jsonCutShortSaysSo() {
        TestServer.Reply r = s.postJson("/api/v1/check", "{\"id\": \"V-1\",\n \"note\": \"cut");
        assertProblem(r, 400, null);
        assertThat(r.json().get("detail").asText()).isEqualTo("malformed JSON: the text ends before the JSON does "
                + "(is the file cut short?)");
        assertThat(r.body()).doesNotContain("Source", "REDACTED");
    }

    @Test
    void tooManyVisitsAreRefused() {
        String one = TestServer.example("overlap-visit.json").replaceAll("\\s+", " ");
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i <= Api.MAX_VISITS; i++) {
            sb.append(i == 0 ? "" : ",").append(one);
        }
        assertProblem(s.postJson("/api/v1/check", sb.append(']').toString()), 413, null);
    }

    @Test
    void emptyAndNonUtf8BodiesAreBadRequests() {
        assertProblem(s.postJson("/api/v1/check", ""), 400, null);
        HttpRequest.Builder b = s.builder("/api/v1/check").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        assertProblem(s.send(b), 400, null);
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        assertProblem(s.get("/api/v1/nothing-here"), 404, null);
        assertProblem(s.get("/nothing-here"), 404, null);
        assertProblem(s.send(s.builder("/api/v1/rules").DELETE()), 405, null);
        // A 405 says what the resource allows (RFC 9110 §15.5.6).
        assertThat(s.send(s.builder("/api/v1/rules").DELETE()).header("Allow")).isEqualTo("GET");
        assertThat(s.send(s.builder("/api/v1/visits").DELETE()).header("Allow")).isEqualTo("GET, POST");
    }

    // ------------------------------------------------------------ the store

    @Test
    void aVisitIsSavedAndEverySaveIsAVersionWithItsAuditTrail() {
        String v1 = visit("S-1", "P-S1", "TS1", "09:00", "09:38");
        TestServer.Reply saved = s.send(s.builder("/api/v1/visits").header("Content-Type", "application/json")
                .header("X-Minutewise-User", "Dana Biller").POST(HttpRequest.BodyPublishers.ofString(v1)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.header("Location")).isEqualTo("/api/v1/visits/S-1");
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);
        assertThat(saved.json().get("created").asBoolean()).isTrue();
        assertThat(saved.json().get("result").get("totalUnits").asInt()).isEqualTo(3);
        assertThat(saved.json().get("yearToDateSource").asText()).isEqualTo("store");

        TestServer.Reply again = s.postJson("/api/v1/visits", visit("S-1", "P-S1", "TS1", "09:00", "09:20"));
        assertThat(again.json().get("version").asInt()).isEqualTo(2);

        TestServer.Reply current = s.get("/api/v1/visits/S-1");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asInt()).isEqualTo(2);
        assertThat(current.json().get("visit").get("id").asText()).isEqualTo("S-1");
        assertThat(current.json().get("result").get("totalUnits").asInt()).isEqualTo(1);
        assertThat(s.get("/api/v1/visits/S-1/versions/1").json().get("result").get("totalUnits").asInt())
                .isEqualTo(3);
        assertProblem(s.get("/api/v1/visits/S-1/versions/9"), 404, "version");
        assertProblem(s.get("/api/v1/visits/S-1/versions/x"), 400, "version");

        JsonNode h = s.get("/api/v1/visits/S-1/history").json();
        assertThat(h.get("versions")).hasSize(2);
        assertThat(h.get("audit")).hasSize(2);
        assertThat(h.get("audit").get(0).get("actor").asText()).isEqualTo("Dana Biller");
        assertThat(h.get("audit").get(0).get("action").asText()).isEqualTo("visit.created");
        assertThat(h.get("audit").get(1).get("actor").asText()).isEqualTo("anonymous");
        assertThat(h.get("audit").get(1).get("detail").asText()).startsWith("changed: services");

        assertProblem(s.get("/api/v1/visits/nope"), 404, "id");
        assertProblem(s.get("/api/v1/visits/nope/history"), 404, "id");
    }

    /** The same visit saved again, with an amount written 1200.00 (stored as 1200): the log says nothing changed. */
    @Test
    void theSameVisitSavedAgainChangesNothingInTheLog() throws IOException {
        String v = java.nio.file.Files.readString(Path.of("../examples/claim-visit.json")).replace("\"V-2001\"",
                "\"S-AGAIN\"");
        assertThat(v).contains("1200.00").contains("S-AGAIN");
        assertThat(s.postJson("/api/v1/visits", v).status()).isEqualTo(201);
        assertThat(s.postJson("/api/v1/visits", v).status()).isEqualTo(201);
        JsonNode h = s.get("/api/v1/visits/S-AGAIN/history").json();
        assertThat(h.get("audit").get(1).get("detail").asText()).startsWith("changed: nothing (saved again)");
    }

    @Test
    void visitsAreListedAndFiltered() {
        s.postJson("/api/v1/visits", visit("L-1", "P-L1", "TL1", "09:00", "09:30"));
        s.postJson("/api/v1/visits", visit("L-2", "P-L2", "TL2", "09:00", "09:30"));
        JsonNode byPatient = s.get("/api/v1/visits?patient=P-L2").json().get("visits");
        assertThat(byPatient).hasSize(1);
        assertThat(byPatient.get(0).get("visitId").asText()).isEqualTo("L-2");
        assertThat(s.get("/api/v1/visits?therapist=TL1&date=2026-04-06").json().get("visits")).hasSize(1);
        assertThat(s.get("/api/v1/visits?limit=1").json().get("visits")).hasSize(1);
        assertProblem(s.get("/api/v1/visits?date=yesterday"), 400, "date");
        assertProblem(s.get("/api/v1/visits?limit=0"), 400, "limit");
    }

    @Test
    void savingRefusesAnInvalidVisitOrAnArray() {
        assertProblem(s.postJson("/api/v1/visits", "{\"id\":\"X\"}"), 422, "dateOfService");
        assertProblem(s.postJson("/api/v1/visits", "[]"), 422, null);
        assertProblem(s.post("/api/v1/visits", "text/csv", "a,b"), 415, "Content-Type");
    }

    /** Ids the store cannot keep are the client's 422 naming the field, never a 5xx; 64 characters are kept. */
    @Test
    void savingRefusesAnIdTheStoreCannotKeep() {
        String p64 = "P".repeat(64);
        assertThat(s.postJson("/api/v1/visits", visit("LONG-1", p64, "TL9", "09:00", "09:30")).status())
                .isEqualTo(201);
        assertProblem(s.postJson("/api/v1/visits", visit("LONG-2", p64 + "P", "TL9", "11:00", "11:30")), 422,
                "patient.id");
        assertProblem(s.postJson("/api/v1/visits", visit("LONG-3", "P-L3", "T".repeat(65), "11:00", "11:30")), 422,
                "services[0].provider.id");
        assertProblem(s.postJson("/api/v1/visits", visit("V".repeat(65), "P-L4", "TL9", "12:00", "12:30")), 422,
                "id");
        assertProblem(s.postJson("/api/v1/visits", visit("NUL\\u0000", "P-L5", "TL9", "13:00", "13:30")), 422,
                "id");
        String longReason = visit("LONG-6", "P-L6", "TL9", "14:00", "14:30").replace("\"services\"",
                "\"overrides\":[{\"finding\":\"MW-D003\",\"reason\":\"" + "x".repeat(501) + "\"}],\"services\"");
        assertProblem(s.postJson("/api/v1/visits", longReason), 422, "overrides[0].reason");
        // The check itself takes them (nothing is kept).
        assertThat(s.postJson("/api/v1/check", visit("LONG-2", p64 + "P", "TL9", "11:00", "11:30")).status())
                .isIn(200);
    }

    @Test
    void oneTherapistWithTwoPatientsInTheSameMinutesIsAFindingOnSave() {
        TestServer.Reply first = s.postJson("/api/v1/visits", visit("O-1", "P-O1", "TO1", "10:00", "10:25"));
        assertThat(ids(first.json().get("result").get("findings"))).doesNotContain("MW-A001");

        TestServer.Reply second = s.postJson("/api/v1/visits", visit("O-2", "P-O2", "TO1", "10:15", "10:40"));
        JsonNode findings = second.json().get("result").get("findings");
        assertThat(ids(findings)).contains("MW-A001");
        assertThat(second.json().get("result").get("blocked").asBoolean()).isTrue();
        JsonNode a001 = findings.get(ids(findings).indexOf("MW-A001"));
        assertThat(a001.get("severity").asText()).isEqualTo("block");
        assertThat(a001.get("path").asText()).isEqualTo("services[0].periods[0]");
        assertThat(a001.get("message").asText()).contains("O-1", "10 minutes overlap");
        assertThat(a001.get("citation").asText()).isEqualTo("CMS Pub 100-02 ch. 15 §230 A");

        JsonNode day = s.get("/api/v1/therapists/TO1/days/2026-04-06").json();
        assertThat(day.get("sessions")).hasSize(2);
        assertThat(day.get("overlaps")).hasSize(1);
        assertThat(day.get("overlaps").get(0).get("minutes").asInt()).isEqualTo(10);
        assertThat(ids(s.get("/api/v1/visits/O-1").json().get("acrossVisitsNow"))).containsExactly("MW-A001");
        assertProblem(s.get("/api/v1/therapists/TO1/days/not-a-date"), 400, "date");
    }

    @Test
    void anOverrideIsRecordedWithItsReasonAsANewVersion() {
        String v = visit("R-1", "P-R1", "TR1", "09:00", "09:38").replace("\"periods\"", "\"minutes\":30,\"periods\"");
        TestServer.Reply saved = s.postJson("/api/v1/visits", v);
        assertThat(ids(saved.json().get("result").get("findings"))).contains("MW-U002");

        TestServer.Reply o = s.postJson("/api/v1/visits/R-1/overrides",
                "{\"finding\":\"MW-U002\",\"reason\":\"The note's 30 is a typo; the times are right.\"}");
        assertThat(o.status()).as(o.body()).isEqualTo(201);
        assertThat(o.json().get("version").asInt()).isEqualTo(2);
        JsonNode findings = o.json().get("result").get("findings");
        JsonNode u002 = findings.get(ids(findings).indexOf("MW-U002"));
        assertThat(u002.get("overridden").asBoolean()).isTrue();
        assertThat(u002.get("overrideReason").asText()).contains("typo");

        JsonNode h = s.get("/api/v1/visits/R-1/history").json();
        assertThat(h.get("overrides")).hasSize(1);
        assertThat(h.get("overrides").get(0).get("applied").asBoolean()).isTrue();
        assertThat(h.get("audit").get(1).get("action").asText()).isEqualTo("override.recorded");

        // Saved again without an overrides field (as the page does): the accepted override stays.
        JsonNode again = s.postJson("/api/v1/visits", v).json();
        JsonNode againFindings = again.get("result").get("findings");
        assertThat(againFindings.get(ids(againFindings).indexOf("MW-U002")).get("overridden").asBoolean()).isTrue();
        // An explicit empty list withdraws it.
        JsonNode withdrawn = s.postJson("/api/v1/visits", v.replace("{\"id\":\"R-1\",",
                "{\"id\":\"R-1\",\"overrides\":[],")).json();
        JsonNode wf = withdrawn.get("result").get("findings");
        assertThat(wf.get(ids(wf).indexOf("MW-U002")).path("overridden").asBoolean()).isFalse();

        assertProblem(s.postJson("/api/v1/visits/R-1/overrides", "{\"finding\":\"MW-U002\"}"), 422, "reason");
        assertProblem(s.postJson("/api/v1/visits/R-1/overrides", "{\"finding\":\"U2\",\"reason\":\"x\"}"), 422,
                "finding");
        // A finding the visit does not have is not accepted (no new version saying the override was not applied).
        TestServer.Reply absent = s.postJson("/api/v1/visits/R-1/overrides",
                "{\"finding\":\"MW-D013\",\"reason\":\"x\"}");
        assertProblem(absent, 422, "finding");
        assertThat(absent.json().get("detail").asText()).contains("has no finding MW-D013").contains("MW-U002");
        assertThat(s.get("/api/v1/visits/R-1/history").json().get("versions")).hasSize(4);
        assertProblem(s.postJson("/api/v1/visits/nope/overrides", "{\"finding\":\"MW-U002\",\"reason\":\"x\"}"), 404,
                "id");
    }

    /**
     * The spend a visit states (the clinic's visits before the store held them) carries forward: the patient's next
     * visit, which states none, starts from it plus the first visit's own amount and gets KX (a biller's review).
     */
    @Test
    void aStatedYearToDateCarriesForwardToTheNextVisit() {
        String first = visit("K-2", "P-K2", "TK2", "09:00", "09:38").replace("\"patient\":{\"id\":\"P-K2\"}",
                "\"patient\":{\"id\":\"P-K2\",\"yearToDate\":{\"PT_SLP\":2400.00}}");
        TestServer.Reply a = s.postJson("/api/v1/visits", first);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        BigDecimal own = a.json().get("result").get("kx").get(0).get("thisVisit").decimalValue();
        String second = visit("K-3", "P-K2", "TK2", "09:00", "09:38").replace("2026-04-06", "2026-04-08");
        TestServer.Reply b = s.postJson("/api/v1/visits", second);
        assertThat(b.json().get("yearToDateSource").asText()).isEqualTo("store");
        JsonNode kx = b.json().get("result").get("kx").get(0);
        assertThat(kx.get("spentBefore").decimalValue()).isEqualByComparingTo(new BigDecimal("2400.00").add(own));
        assertThat(kx.get("kxApplied").asBoolean()).isTrue();
        assertThat(s.get("/api/v1/patients/P-K2/spend/2026").json().get("buckets").get(0).get("clinic")
                .decimalValue()).isGreaterThan(new BigDecimal("2400"));
    }

    /**
     * The page's live preview of a known patient: a check with spend=store counts the saved visits' spend as a save
     * does (KX on the line, MW-K001), while a check as given (the default) and a patient the store does not know
     * are checked from the visit alone (a therapist's review: the preview showed "97110 GP 2 ... Nothing blocks").
     */
    @Test
    void aCheckTakesAKnownPatientsSpendFromTheStoreWhenAsked() {
        String first = visit("K-5", "P-K5", "TK5", "09:00", "09:38").replace("\"patient\":{\"id\":\"P-K5\"}",
                "\"patient\":{\"id\":\"P-K5\",\"yearToDate\":{\"PT_SLP\":2470.00}}");
        assertThat(s.postJson("/api/v1/visits", first).status()).isEqualTo(201);
        String next = visit("K-6", "P-K5", "TK5", "09:00", "09:38").replace("2026-04-06", "2026-04-08");

        TestServer.Reply stored = s.post("/api/v1/check?spend=store", "application/json", next);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("yearToDateSource").asText()).isEqualTo("store");
        assertThat(stored.json().get("kx").get(0).get("kxApplied").asBoolean()).isTrue();
        assertThat(stored.json().get("claimLines").get(0).get("modifiers").toString()).contains("KX");
        assertThat(ids(stored.json().get("findings"))).contains("MW-K001");
        // The same as the save's result.
        TestServer.Reply saved = s.postJson("/api/v1/visits", next);
        assertThat(saved.json().get("result").get("claimLines")).isEqualTo(stored.json().get("claimLines"));

        // Near misses: the default is the visit as given; an unknown patient has nothing stored.
        TestServer.Reply given = s.postJson("/api/v1/check", next);
        assertThat(given.json().has("yearToDateSource")).isFalse();
        assertThat(given.json().get("claimLines").get(0).get("modifiers").toString()).doesNotContain("KX");
        TestServer.Reply unknown = s.post("/api/v1/check?spend=store", "application/json",
                next.replace("P-K5", "P-NOBODY"));
        assertThat(unknown.json().get("claimLines").get(0).get("modifiers").toString()).doesNotContain("KX");
        assertProblem(s.post("/api/v1/check?spend=maybe", "application/json", next), 400, "spend");
    }

    @Test
    void yearToDateSpendComesFromTheStoreWithOutsideSpend() {
        TestServer.Reply put = s.put("/api/v1/patients/P-K1/spend/2026", "application/json",
                "{\"PT_SLP\": 2400.00, \"OT\": 0}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("buckets").get(0).get("outside").decimalValue()).isEqualByComparingTo("2400");

        TestServer.Reply saved = s.postJson("/api/v1/visits", visit("K-1", "P-K1", "TK1", "09:00", "09:38"));
        assertThat(saved.json().get("yearToDateSource").asText()).isEqualTo("store");
        JsonNode kx = saved.json().get("result").get("kx").get(0);
        assertThat(kx.get("spentBefore").decimalValue()).isEqualByComparingTo("2400");
        assertThat(kx.get("kxApplied").asBoolean()).isTrue();

        JsonNode spend = s.get("/api/v1/patients/P-K1/spend/2026").json();
        JsonNode ptSlp = spend.get("buckets").get(0);
        assertThat(ptSlp.get("clinic").decimalValue()).isPositive();
        assertThat(ptSlp.get("total").decimalValue()).isGreaterThan(ptSlp.get("outside").decimalValue());
        assertThat(ptSlp.get("overThreshold").asBoolean()).isTrue();
        assertThat(spend.get("audit")).hasSize(2);

        assertProblem(s.put("/api/v1/patients/P-K1/spend/2026", "application/json", "{\"PT\": 1}"), 422, "PT");
        assertProblem(s.put("/api/v1/patients/P-K1/spend/2026", "application/json", "{\"OT\": -1}"), 422, "OT");
        assertProblem(s.get("/api/v1/patients/P-K1/spend/26"), 400, "year");
    }

    /** An earlier-dated visit saved later changes the expenses a stored visit was checked with: read back, it says so. */
    @Test
    void aVisitCheckedBeforeAnEarlierOneWasSavedSaysItsExpensesChanged() {
        s.put("/api/v1/patients/P-LATE/spend/2026", "application/json", "{\"PT_SLP\": 2400.00, \"OT\": 0}");
        s.postJson("/api/v1/visits", visit("LATE-2", "P-LATE", "TL1", "09:00", "09:38").replace("2026-04-06",
                "2026-04-10"));
        assertThat(ids(s.get("/api/v1/visits/LATE-2").json().get("acrossVisitsNow"))).doesNotContain("MW-A011");
        s.postJson("/api/v1/visits", visit("LATE-1", "P-LATE", "TL1", "11:00", "11:38").replace("2026-04-06",
                "2026-04-01"));
        JsonNode now = s.get("/api/v1/visits/LATE-2").json().get("acrossVisitsNow");
        assertThat(ids(now)).contains("MW-A011");
        assertThat(now.get(ids(now).indexOf("MW-A011")).get("message").asText()).contains("not the $2,400.00");
        // Saved again, it is judged on the expenses as they stand: nothing more to say.
        s.postJson("/api/v1/visits", visit("LATE-2", "P-LATE", "TL1", "09:00", "09:38").replace("2026-04-06",
                "2026-04-10"));
        assertThat(ids(s.get("/api/v1/visits/LATE-2").json().get("acrossVisitsNow"))).doesNotContain("MW-A011");
    }

    /** A new version may not move a visit to another patient (two visits given one id); the Location is encoded. */
    @Test
    void aVersionForAnotherPatientIsAConflictAndTheLocationIsEncoded() {
        TestServer.Reply first = s.postJson("/api/v1/visits", visit("X/1", "P-X1", "TX1", "09:00", "09:30"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/v1/visits/X%2F1");
        assertProblem(s.postJson("/api/v1/visits", visit("X/1", "P-X2", "TX1", "09:00", "09:30")), 409, "patient.id");
        assertThat(s.postJson("/api/v1/visits", visit("X/1", "P-X1", "TX1", "09:00", "09:35")).status())
                .isEqualTo(201);
    }

    /**
     * Two visits of one patient on one day count each other in the order of their ids (as the batch audit does);
     * a visit that gives only its spend at other providers, or one bucket, still takes the rest from the store.
     */
    @Test
    void sameDayVisitsAndPartialSpendTakeTheStoresAmounts() {
        s.put("/api/v1/patients/P-SD/spend/2026", "application/json", "{\"PT_SLP\": 100.00, \"OT\": 0}");
        JsonNode b = s.postJson("/api/v1/visits", visit("SD-B", "P-SD", "TSD", "10:00", "10:38")).json();
        JsonNode a = s.postJson("/api/v1/visits", visit("SD-A", "P-SD", "TSD", "08:00", "08:38")).json();
        BigDecimal afterA = a.get("result").get("kx").get(0).get("spentBefore").decimalValue()
                .add(a.get("result").get("kx").get(0).get("thisVisit").decimalValue());
        assertThat(a.get("result").get("kx").get(0).get("spentBefore").decimalValue()).isEqualByComparingTo("100");
        // SD-B, saved first, is re-saved: it now starts after SD-A, whose id sorts first.
        JsonNode b2 = s.postJson("/api/v1/visits", visit("SD-B", "P-SD", "TSD", "10:00", "10:38")).json();
        assertThat(b.get("result").get("kx").get(0).get("spentBefore").decimalValue()).isEqualByComparingTo("100");
        assertThat(b2.get("result").get("kx").get(0).get("spentBefore").decimalValue()).isEqualByComparingTo(afterA);

        String outsideOnly = visit("SD-C", "P-SD", "TSD", "12:00", "12:38").replace("\"patient\":{\"id\":\"P-SD\"}",
                "\"patient\":{\"id\":\"P-SD\",\"outsideSpend\":{\"PT_SLP\":500}}");
        JsonNode c = s.postJson("/api/v1/visits", outsideOnly).json();
        assertThat(c.get("yearToDateSource").asText()).isEqualTo("store");
        assertThat(c.get("result").get("kx").get(0).get("spentBefore").decimalValue())
                .isGreaterThan(new BigDecimal("500"));
        String otOnly = visit("SD-D", "P-SD", "TSD", "13:00", "13:38").replace("\"patient\":{\"id\":\"P-SD\"}",
                "\"patient\":{\"id\":\"P-SD\",\"yearToDate\":{\"OT\":10}}");
        JsonNode d = s.postJson("/api/v1/visits", otOnly).json();
        assertThat(d.get("yearToDateSource").asText()).isEqualTo("store");
        assertThat(d.get("result").get("kx").get(0).get("spentBefore").decimalValue())
                .as("the PT/SLP bucket the visit left out").isGreaterThan(new BigDecimal("100"));
    }

    private static List<String> ids(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.get("id").asText()));
        return out;
    }
}
