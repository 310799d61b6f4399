package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.refdata.RefData;

/** What an 837 written from checked visits is told on stderr beside it (VisitOutput.x12Notes). */
class X12NotesTest {
    private static final ReferenceData REF = RefData.defaults();

    private static CheckResult check(String billed) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        String json = "{\"id\":\"V-0\",\"dateOfService\":\"2026-10-14\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"diagnoses\":[\"I69.351\"],\"services\":[{\"code\":\"97110\",\"minutes\":30,"
                + "\"provider\":{\"id\":\"PT-AR\",\"role\":\"PT\"}}],\"billed\":[" + billed + "]}";
        return new VisitChecker(REF).check(reader.read(reader.parse(json)));
    }

    /** A billed line of 0 units goes on the 837 as billed (SV104 0): said, never silently (a billing review). */
    @Test
    void aZeroUnitBilledLineIsSaid() {
        CheckResult zero = check("{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":0,\"charge\":65},"
                + "{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":2,\"charge\":130}");
        assertThat(VisitOutput.x12Notes(List.of(zero))).singleElement().asString()
                .isEqualTo("visit V-0: billed line 1 (97110) is written with 0 units, as billed; payer medicare "
                        + "returns it as invalid units of service (MW-B013)");
        // Near miss: no 0-unit line (charged: a billed line without a charge is said too, LineCharges).
        assertThat(VisitOutput.x12Notes(List.of(check("{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":2,"
                + "\"charge\":130}")))).isEmpty();
    }
}
