package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /openapi.json is a file kept by hand: every registered route is in it, and it has no route the server lacks. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentAndTheRegisteredRoutesAgree() {
        try (TestServer s = TestServer.local(dir)) {
            TestServer.Reply r = s.get("/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");

            List<String> documented = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " "
                        + p.getKey()));
            }
            assertThat(documented).containsExactlyInAnyOrderElementsOf(s.server.routes());
        }
    }

    @Test
    void everyOperationHasAnIdAndSaysItsProblems() {
        try (TestServer s = TestServer.local(dir)) {
            JsonNode doc = s.get("/openapi.json").json();
            for (JsonNode path : doc.get("paths")) {
                for (JsonNode op : path) {
                    assertThat(op.get("operationId").asText()).isNotBlank();
                    assertThat(op.get("responses")).isNotEmpty();
                }
            }
            assertThat(doc.at("/components/schemas/Problem/properties/field")).isNotNull();
        }
    }
}
