package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Severity;

/** The audit's CSV rows: RFC 4180 quoting, and no formula a spreadsheet would run. */
class AuditCsvTest {

    /** A visit id or message that starts like a formula is written as text (an apostrophe first). */
    @Test
    void inputTextThatLooksLikeAFormulaIsWrittenAsText() {
        StringBuilder sb = new StringBuilder();
        new AuditCsv.FindingRow("=HYPERLINK(\"http://x\",\"y\")", 3, "MW-B002", Severity.BLOCK, "-1 unit",
                "in.csv", "services[0]", "2026-03-02", "@P1", "+T1", "medicare").appendTo(sb);
        assertThat(sb.toString()).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,MW-B002,block,'-1 unit,"
                + "in.csv,services[0],2026-03-02,'@P1,'+T1,medicare\r\n");
    }

    /** Numbers stay numbers: a negative difference is not text. */
    @Test
    void numbersAndPlainTextAreWrittenAsTheyAre() {
        StringBuilder sb = new StringBuilder();
        new AuditCsv.ClaimRow("V1", 2, "2026-03-02", "P1", "T1", "medicare", "97110", "1", "GP", "2", "GP", "-1",
                "22.21").appendTo(sb);
        assertThat(sb.toString()).isEqualTo("V1,2,2026-03-02,P1,T1,medicare,97110,1,GP,2,GP,-1,22.21\r\n");
    }
}
