package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.x12.X12ClaimReader;
import org.minutewise.refdata.RefData;

/**
 * Whether a visit says its purpose (MW-M002 warns a payer asking for 96/97 when it does not) survives the visit
 * JSON both ways, and an 837's 96 or 97 says it. Near misses: no purpose given stays not stated; a claim without
 * 96/97 states none.
 */
class PurposeStatedTest {
    private static final ReferenceData REF = RefData.defaults();

    private static Visit viaJson(Visit v) {
        VisitJsonReader r = new VisitJsonReader(REF);
        return r.read(VisitJsonWriter.write(v));
    }

    @Test
    void aStatedPurposeSurvivesTheVisitJsonEitherWay() throws IOException {
        VisitJsonReader r = new VisitJsonReader(REF);
        Visit plain = r.read(r.parse(Files.readString(Path.of("..", "examples", "stroke-visit.json"),
                StandardCharsets.UTF_8)));
        assertThat(plain.purposeStated()).isFalse();
        assertThat(viaJson(plain).purposeStated()).isFalse();
        assertThat(VisitJsonWriter.write(plain).has("purpose")).isFalse();
        for (Purpose p : Purpose.values()) {
            Visit stated = plain.toBuilder().purpose(p).build();
            Visit back = viaJson(stated);
            assertThat(back.purposeStated()).as(p.name()).isTrue();
            assertThat(back.purpose()).isEqualTo(p);
        }
    }

    @Test
    void anEightThirtySevensNinetySixOrNinetySevenStatesThePurpose() throws IOException {
        String edi = Files.readString(Path.of("src/test/resources/x12/read/rendering-names.edi"),
                StandardCharsets.UTF_8);
        assertThat(edi).contains("SV1*HC:97530:GP*");
        Visit none = X12ClaimReader.read(edi, "medicare", REF).get(0).visit().orElseThrow();
        assertThat(none.purposeStated()).isFalse();
        for (String[] m : new String[][] {{"96", "HABILITATIVE"}, {"97", "REHABILITATIVE"}}) {
            Visit v = X12ClaimReader.read(edi.replace("SV1*HC:97530:GP*", "SV1*HC:97530:GP:" + m[0] + "*"),
                    "medicare", REF).get(0).visit().orElseThrow();
            assertThat(v.purposeStated()).as(m[0]).isTrue();
            assertThat(v.purpose().name()).isEqualTo(m[1]);
        }
    }
}
