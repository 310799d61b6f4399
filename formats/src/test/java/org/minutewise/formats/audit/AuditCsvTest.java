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
                "in.csv", "services[0]", "2026-03-02", "@P1", "+T1", "medicare", "Bill 1 unit.",
                "CMS 100-04 ch.5 §20.2").appendTo(sb);
        assertThat(sb.toString()).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3,MW-B002,block,'-1 unit,"
                + "in.csv,services[0],2026-03-02,'@P1,'+T1,medicare,Bill 1 unit.,CMS 100-04 ch.5 §20.2\r\n");
    }

    /**
     * The fix and citation are the last two columns (after the columns other tools read by position), quoted when
     * they hold a comma or a quote, and a row read back is written to the same bytes.
     */
    @Test
    void findingsCarryTheirFixAndCitationLastAndReadBackToTheSameBytes() {
        assertThat(AuditCsv.FINDINGS_HEADER).isEqualTo("visitId,line,ruleId,severity,message,file,path,"
                + "dateOfService,patientId,therapistId,payer,fix,citation\r\n");
        StringBuilder sb = new StringBuilder();
        AuditCsv.FindingRow row = new AuditCsv.FindingRow("=V1", 0, "MW-A006", Severity.WARN, "m", "", "claimLines",
                "", "", "T1", "", "Void the duplicate, then \"rebill\".", "CMS Pub 100-04 ch. 1, duplicate claims");
        row.appendTo(sb);
        assertThat(sb.toString()).isEqualTo("'=V1,,MW-A006,warn,m,,claimLines,,,T1,,\"Void the duplicate, then "
                + "\"\"rebill\"\".\",\"CMS Pub 100-04 ch. 1, duplicate claims\"\r\n");
        java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of("'=V1", "", "MW-A006", "warn",
                "m", "", "claimLines", "", "", "T1", "", "Void the duplicate, then \"rebill\".",
                "CMS Pub 100-04 ch. 1, duplicate claims"));
        StringBuilder again = new StringBuilder();
        AuditCsv.FindingRow.of(fields).appendTo(again);
        assertThat(again.toString()).isEqualTo(sb.toString());
        fields.remove(12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditCsv.FindingRow.of(fields))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Numbers stay numbers: a negative difference is not text. */
    @Test
    void numbersAndPlainTextAreWrittenAsTheyAre() {
        StringBuilder sb = new StringBuilder();
        new AuditCsv.ClaimRow("V1", 2, "2026-03-02", "P1", "T1", "medicare", "97110", "1", "GP", "2", "GP", "-1",
                "22.21").appendTo(sb);
        assertThat(sb.toString()).isEqualTo("V1,2,2026-03-02,P1,T1,medicare,97110,1,GP,2,GP,-1,22.21\r\n");
    }

    /**
     * KX goes on the supported side of a row whose kind (its billed side's: an assistant's line or not) the fixes
     * name; never without supported units, never beside GA/GZ or as a fifth modifier; in its documented place.
     */
    @Test
    void kxGoesOnTheRowsOfTheKindThatNeedsIt() {
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP", "2", "GP")).isEqualTo("GP;KX");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("1", "2", "GP", "2", "GP")).isEqualTo("GP");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("1", "1", "GP;CQ", "1", "GP;CQ")).isEqualTo("GP;CQ;KX");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("01", "1", "GP;CQ", "1", "GP;CQ")).isEqualTo("GP;CQ;KX");
        // Not billed: the supported side's kind.
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("1", "", "", "1", "GP;CQ")).isEqualTo("GP;CQ;KX");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP", "", "")).isEmpty();
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP", "0", "GP")).isEqualTo("GP");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP", "2", "GP;59;GA")).isEqualTo("GP;59;GA");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP;59;96", "2", "GP;59;96")).isEqualTo("GP;59;KX;96");
        assertThat(AuditCsv.ClaimRow.modifiersWithKx("0", "2", "GP", "2", "GP;59;XU;96")).isEqualTo("GP;59;XU;96");
    }

    /** A row read back from claims.csv is written again byte for byte, a formula-like id included. */
    @Test
    void aClaimRowReadBackIsWrittenTheSame() throws Exception {
        StringBuilder sb = new StringBuilder();
        new AuditCsv.ClaimRow("=V1", 0, "2026-03-02", "P,1", "T\"1", "medicare", "97110", "1", "GP", "2", "GP", "-1",
                "22.21").appendTo(sb);
        org.minutewise.formats.csv.CsvRecordReader.Record r = org.minutewise.formats.csv.CsvRecordReader.parse(
                sb.toString().strip(), 1);
        StringBuilder again = new StringBuilder();
        AuditCsv.ClaimRow.of(r.fields()).appendTo(again);
        assertThat(again.toString()).isEqualTo(sb.toString());
        assertThat(r.fields().get(0)).isEqualTo(AuditCsv.asWritten("=V1"));
    }
}
