package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.minutewise.refdata.RefData;

/**
 * {@link Json#writer()} writes as the project does and no caller can change it; what a caller configures on
 * {@link Json#mapper()} never reaches the readers. Each test puts {@link Json#mapper()} back as it was.
 */
class JsonWriterTest {
    private static final String DUPLICATE = "{\"id\":\"V-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
            + "\"planOfCare\":\"PT\",\"planOfCare\":\"OT\",\"services\":[{\"code\":\"97110\",\"minutes\":20,"
            + "\"provider\":{\"role\":\"PT\"}}]}";

    @Test
    void aCallerLooseningTheSharedMapperDoesNotLoosenARead() {
        VisitJsonReader before = new VisitJsonReader(RefData.defaults());
        Json.mapper().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, false);
        try {
            for (VisitJsonReader r : new VisitJsonReader[]{before, new VisitJsonReader(RefData.defaults())}) {
                assertThatThrownBy(() -> r.read(r.parse(DUPLICATE))).isInstanceOf(InputException.class)
                        .hasMessageContaining("Duplicate field 'planOfCare'");
            }
        } finally {
            Json.mapper().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        }
    }

    @Test
    void aVisitWithoutADuplicateStillReads() {
        // Near miss: the strict reader reads a visit that gives each key once.
        VisitJsonReader r = new VisitJsonReader(RefData.defaults());
        assertThat(r.read(r.parse(DUPLICATE.replace(",\"planOfCare\":\"OT\"", ""))).planOfCare().name())
                .isEqualTo("PT");
    }

    @Test
    void theWriterWritesAsTheMapperDoesAndIgnoresWhatACallerDoesToTheMapper() throws Exception {
        ObjectNode n = Json.mapper().createObjectNode().put("charge", new BigDecimal("1200.00")).put("units", 2);
        String project = Json.mapper().writeValueAsString(n);
        assertThat(Json.writer().writeValueAsString(n)).isEqualTo(project).isEqualTo("{\"charge\":1200.00,\"units\":2}");
        Json.mapper().configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, false);
        Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            assertThat(Json.writer().writeValueAsString(n)).isEqualTo(project);
        } finally {
            Json.mapper().disable(SerializationFeature.INDENT_OUTPUT);
            Json.mapper().configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        }
        // A caller's own variant is a copy: the writer itself is as it was.
        assertThat(Json.writer().withDefaultPrettyPrinter().writeValueAsString(n)).contains("\n");
        assertThat(Json.writer().writeValueAsString(n)).isEqualTo(project);
    }
}
