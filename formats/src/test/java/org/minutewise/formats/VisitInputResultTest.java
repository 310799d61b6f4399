package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.refdata.RefData;

/**
 * {@link VisitInput.Result#line()} and {@link VisitInput.Result#visitId()} of JSON Lines and CSV, as an integrator
 * reads them: where each visit starts, and the id of a rejected one when its input names it (both were 0 and empty).
 */
class VisitInputResultTest {
    private static final String OK = "{\"id\":\"J1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
            + "\"planOfCare\":\"PT\",\"services\":[{\"code\":\"97110\",\"minutes\":20,\"provider\":{\"role\":\"PT\"}}]}";

    /** One line per result: line()/visitId()/ok or the error's start. */
    private static List<String> shown(String text, VisitFormat format) {
        return VisitInput.read(text, format, RefData.defaults()).stream().map(r -> r.line() + "/"
                + r.visitId().orElse("-") + "/" + (r.visit().isPresent() ? "ok" : "error")).toList();
    }

    @Test
    void jsonLinesResultsCarryTheirLineAndARejectedVisitItsId() {
        String badDate = OK.replace("J1", "J2").replace("2026-03-02", "2026-13-01");
        String badMinutes = OK.replace("J1", "J4").replace("\"minutes\":20", "\"minutes\":-5");
        String text = OK + "\n\n" + badDate + "\n{\"id\":\"J3\", broken\n" + badMinutes + "\n"
                + OK.replace("J1", "J5") + "\n";
        assertThat(shown(text, VisitFormat.JSONL)).containsExactly("1/J1/ok", "3/J2/error", "4/-/error",
                "5/J4/error", "6/J5/ok");
    }

    @Test
    void aRejectedVisitWithoutAnIdItCouldHaveIsNotNamed() {
        // Near misses: no id, an id that is not a string, a blank one: nothing to name the visit by.
        String noId = OK.replace("\"id\":\"J1\",", "").replace("2026-03-02", "2026-13-01");
        String numberId = OK.replace("\"J1\"", "7").replace("2026-03-02", "2026-13-01");
        String blankId = OK.replace("\"J1\"", "\" \"");
        assertThat(shown(noId + "\n" + numberId + "\n" + blankId + "\n", VisitFormat.JSONL))
                .containsExactly("1/-/error", "2/-/error", "3/-/error");
    }

    @Test
    void aJsonArraysRejectedVisitIsNamedByItsId() {
        String text = "[" + OK + "," + OK.replace("J1", "J2").replace("\"minutes\":20", "\"minutes\":-5") + "]";
        assertThat(shown(text, VisitFormat.JSON)).containsExactly("0/J1/ok", "0/J2/error");
    }

    @Test
    void csvResultsCarryTheLineOfTheirFirstRowAndTheVisitId() {
        String header = "visitId,dateOfService,payer,planOfCare,code,minutes,role\n";
        String text = header
                + "V1,2026-03-02,medicare,PT,97110,20,PT\n"     // line 2
                + "V1,2026-03-02,medicare,PT,97112,abc,PT\n"    // line 3: unreadable, so V1 is set aside
                + "V2,2026-03-02,medicare,PT,97110,20,PT\n"     // line 4
                + "V2,2026-03-02,medicare,PT,97112,15,PT\n"     // line 5
                + "V3,2026-03-02,medicare,PT,97110,20,ZZ\n"     // line 6: unreadable, V3's only row
                + "V4,2026-03-02,medicare,PT,97110,20,PT\n";    // line 7
        assertThat(shown(text, VisitFormat.CSV)).containsExactly("3/V1/error", "6/V3/error", "2/V1/error",
                "4/V2/ok", "7/V4/ok");
    }

    @Test
    void aCsvRowWithoutAVisitIdIsNotNamed() {
        String text = "visitId,dateOfService,payer,planOfCare,code,minutes,role\n"
                + ",2026-03-02,medicare,PT,97110,20,PT\n";
        assertThat(shown(text, VisitFormat.CSV)).containsExactly("2/-/error");
    }
}
