package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where an error of a JSON Lines record is: its line, then the field or the column (an auditor's review). */
class InputExceptionTest {
    @Test
    void aRecordsErrorIsNamedByItsLine() {
        assertThat(new InputException("dateOfService", "not a day").onLine(4).getMessage())
                .isEqualTo("line 4, dateOfService: not a day");
        assertThat(new InputException("services[0].minutes", "negative").onLine(7).getMessage())
                .isEqualTo("line 7, services[0].minutes: negative");
        // The JSON parser counts the record's own line as 1: the column is within the file's line.
        assertThat(new InputException("line 1, column 13", "malformed JSON: x").onLine(2).getMessage())
                .isEqualTo("line 2, column 13: malformed JSON: x");
        assertThat(new InputException("", "empty").onLine(5).getMessage()).isEqualTo("line 5: empty");
    }

    @Test
    void theVisitReaderNamesTheLineOfABadRecord() {
        String bad = "{\"id\":\"J1\",\"dateOfService\":\"2026-13-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"services\":[{\"code\":\"97110\",\"minutes\":20,\"provider\":{\"id\":\"T1\",\"role\":\"PT\"}}]}";
        var results = VisitInput.read("\n" + bad + "\n{\"id\":\"J2\", bad\n", VisitFormat.JSONL,
                org.minutewise.refdata.RefData.defaults());
        assertThat(results).extracting(r -> r.error().map(Throwable::getMessage).orElse("")).containsExactly(
                "line 2, dateOfService: \"2026-13-02\" is not a day of the calendar (check the month and the day)",
                "line 3, column 13: malformed JSON: unexpected 'b': was expecting double-quote "
                        + "to start field name");
    }
}
