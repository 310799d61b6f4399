package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Severity;

class ReportHtmlTest {
    private static AuditTotals totals() {
        AuditTotals t = new AuditTotals();
        t.therapistVisit("PT00001", 3, 3, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 1, 2);
        return t;
    }

    @Test
    void anAssistantWithFindingsButNoVisitsOfTheirOwnIsExplained() {
        AuditTotals t = totals();
        t.finding("MW-A007", Severity.WARN, "PTA00001", "");
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        assertThat(html).contains("<td>PTA00001</td>").contains("no visits of their own");
        // What the audit does (an auditor's review): an assistant's MW-A001 goes under the supervising therapist,
        // so the note does not say their row holds the overlapping minutes.
        assertThat(html).contains("an assistant's overlapping minutes, MW-A001, included")
                .contains("an assistant's row holds only the finding of their minutes per unit (MW-A007")
                .doesNotContain("(overlapping minutes, minutes per unit)");
    }

    @Test
    void noNoteWhenEveryTherapistHasVisits() {
        String html = ReportHtml.render(totals(), VisitAudit.catalog(), List.of("visits.csv"));
        assertThat(html).contains("<td>PT00001</td>").doesNotContain("no visits of their own");
    }

    /**
     * From a review: the estimate prices Medicare's fee schedule only, so a commercial payer's dollars over and under
     * read "not estimated", not "$0.00"; Medicare's, though zero, are estimated and read $0.00 (the near miss); the
     * duplicate claims' dollars are said to be their Medicare lines' beside visits and units of every payer.
     */
    @Test
    void anotherPayersDollarsAreNotEstimatedAndTheDuplicatesDollarsAreMedicares() {
        AuditTotals t = totals();
        t.visit("medicare", 3, true, 10, 9, BigDecimal.ZERO, BigDecimal.ZERO);
        t.visit("commercial", 3, true, 10, 8, BigDecimal.ZERO, BigDecimal.ZERO);
        t.unitsDifference("commercial", 2, 0);
        t.duplicateVisit("medicare");
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"), java.util.Optional.empty(),
                List.of(), List.of(), "medicare"::equals);
        String dollars = html.substring(html.indexOf("<h2>Estimated dollars over and under</h2>"),
                html.indexOf("<h2>KX exposure</h2>"));
        assertThat(dollars).contains(">commercial: over</text>").contains(">commercial: under</text>")
                .containsPattern(">commercial: over</text>\\s*<text [^>]*>not estimated</text>")
                .containsPattern(">medicare: over</text>\\s*<text [^>]*>\\$0.00</text>")
                .contains("allowed on their Medicare lines, which Medicare denies as duplicates (other payers' lines "
                        + "are counted in the visits and units, their dollars are not estimated)");
        // The table by payer says the same (it read $0.00 for the commercial payer), and summary.json's byPayer.
        String byPayer = html.substring(html.indexOf("<h2>By payer</h2>"), html.indexOf("<h2>Units billed"));
        assertThat(byPayer).containsPattern("<td>commercial</td>(<td class=\"n\">[^<]*</td>){7}"
                        + "<td class=\"n\">not estimated</td><td class=\"n\">not estimated</td>")
                .containsPattern("<td>medicare</td>(<td class=\"n\">[^<]*</td>){7}<td class=\"n\">\\$0.00</td>");
        t.estimated("medicare");
        com.fasterxml.jackson.databind.JsonNode payers = t.toJson().get("byPayer");
        assertThat(payers.get("commercial").get("dollarsNote").asText()).isEqualTo("not estimated");
        assertThat(payers.get("medicare").has("dollarsNote")).isFalse();
        assertThat(AuditTotals.fromJson(t.toJson()).toJson()).isEqualTo(t.toJson());
        AuditTotals part = new AuditTotals();
        part.merge(AuditTotals.fromJson(t.toPartJson()));
        assertThat(part.toJson()).isEqualTo(t.toJson());
        // Without the payers' profiles, every payer's dollars read as amounts (as before).
        assertThat(ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"))).doesNotContain(">not estimated<");
    }

    /**
     * The duplicate claims' dollars are split by payer: Medicare's (estimated) as amounts that add up to the total,
     * the commercial payer's "not estimated", not $0.00; visits and units of every payer. summary.json says the same
     * ({@code duplicateClaims.byPayer}: {@code dollars} where estimated, else {@code dollarsNote}), and reads it back.
     * Near miss: without duplicates, no table.
     */
    @Test
    void theDuplicatesDollarsAreSplitByPayer() throws Exception {
        AuditTotals t = totals();
        t.visit("medicare", 3, true, 10, 9, BigDecimal.ZERO, BigDecimal.ZERO);
        t.estimated("medicare");
        t.visit("commercial", 3, true, 10, 8, BigDecimal.ZERO, BigDecimal.ZERO);
        t.visit("medicare-b", 3, true, 10, 8, BigDecimal.ZERO, BigDecimal.ZERO);
        t.estimated("medicare-b");
        String html0 = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"), java.util.Optional.empty(),
                List.of(), List.of(), p -> p.startsWith("medicare"));
        assertThat(html0).doesNotContain("Duplicate claims by payer");
        t.duplicateVisit("medicare");
        t.duplicateVisit("medicare");
        t.duplicateVisit("medicare-b");
        t.duplicateVisit("commercial");
        t.corrected("medicare", "T1", new ClaimCorrection.Applied(List.of(), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                0, 0, 0, 5, new BigDecimal("10.004")));
        t.corrected("medicare-b", "T1", new ClaimCorrection.Applied(List.of(), 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, 0, 1, new BigDecimal("1.006")));
        t.corrected("commercial", "T2", new ClaimCorrection.Applied(List.of(), 0, 0, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0, 0, 3, BigDecimal.ZERO));
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"), java.util.Optional.empty(),
                List.of(), List.of(), p -> p.startsWith("medicare"));
        String table = html.substring(html.indexOf("Duplicate claims by payer"));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("<td>commercial</td><td class=\"n\">1</td><td class=\"n\">3</td>"
                        + "<td class=\"n\">not estimated</td>")
                .contains("<td>medicare</td><td class=\"n\">2</td><td class=\"n\">5</td><td class=\"n\">$10.00</td>")
                .contains("<td>medicare-b</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">$1.01</td>");
        assertThat(html).contains("est. $11.01 allowed on their Medicare lines");
        com.fasterxml.jackson.databind.JsonNode dup = t.toJson().get("duplicateClaims");
        assertThat(dup.get("dollars").decimalValue()).isEqualByComparingTo("11.01");
        assertThat(dup.get("byPayer").get("medicare").get("dollars").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(dup.get("byPayer").get("medicare-b").get("dollars").decimalValue()).isEqualByComparingTo("1.01");
        assertThat(dup.get("byPayer").get("commercial").has("dollars")).isFalse();
        assertThat(dup.get("byPayer").get("commercial").get("dollarsNote").asText()).isEqualTo("not estimated");
        assertThat(dup.get("byPayer").get("commercial").get("units").asLong()).isEqualTo(3);
        assertThat(t.toJson().has("estimatedPayers")).isFalse();
        // Read back (a resumed run, a part merged): the same summary.
        assertThat(AuditTotals.fromJson(t.toJson()).toJson()).isEqualTo(t.toJson());
        AuditTotals merged = new AuditTotals();
        merged.merge(AuditTotals.fromJson(t.toPartJson()));
        assertThat(merged.toJson()).isEqualTo(t.toJson());
    }

    /**
     * Units over and units under are shown apart (2 over and 1 under read "1 more unit billed than supported"); a
     * duplicate's void units are said apart too. Near miss: nothing over or under says so.
     */
    @Test
    void unitsOverAndUnderAreShownApart() {
        AuditTotals t = totals();
        t.visit("medicare", 3, true, 10, 9, BigDecimal.ONE, BigDecimal.ONE);
        t.unitsDifference("medicare", 2, 1);
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        String units = html.substring(html.indexOf("<h2>Units billed against units supported</h2>"));
        assertThat(units).contains("Code by code: 2 units billed over what the documented minutes support, and 1 "
                + "unit the minutes support left unbilled").doesNotContain("more unit");
        AuditTotals even = totals();
        even.visit("medicare", 3, true, 9, 9, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(ReportHtml.render(even, VisitAudit.catalog(), List.of("visits.csv")))
                .contains("Code by code, as many units billed as the documented minutes support.");
    }

    /** A long value after the longest bar ("16,868 block, 19,989 warn") widens the chart so it is not clipped. */
    @Test
    void theLongestValueFitsInTheChart() {
        AuditTotals t = totals();
        for (int i = 0; i < 16_868; i++) {
            t.finding("MW-B002", Severity.BLOCK, "PT00001", "medicare");
        }
        for (int i = 0; i < 19_989; i++) {
            t.finding("MW-D001", Severity.WARN, "PT00001", "medicare");
        }
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        String byPayer = html.substring(html.indexOf("<h2>By payer</h2>"));
        // 330 for the labels, 360 for the bars, 12 + 25 characters x 7.5 for ">16,868 block, 19,989 warn<".
        assertThat(byPayer).contains(">16,868 block, 19,989 warn<").contains("viewBox=\"0 0 890 ");
    }

    /** Blocks head the findings by rule, however many information findings there are. */
    @Test
    void blocksComeFirstInTheFindingsByRule() {
        AuditTotals t = totals();
        for (int i = 0; i < 50; i++) {
            t.finding("MW-E004", Severity.INFO, "PT00001", "medicare");
        }
        t.finding("MW-B002", Severity.BLOCK, "PT00001", "medicare");
        t.finding("MW-D001", Severity.WARN, "PT00001", "medicare");
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        String table = html.substring(html.indexOf("<h2>Findings by rule</h2>"));
        assertThat(table.indexOf("<code>MW-B002</code>")).isLessThan(table.indexOf("<code>MW-D001</code>"));
        assertThat(table.indexOf("<code>MW-D001</code>")).isLessThan(table.indexOf("<code>MW-E004</code>"));
        // Charted apart, each on its own scale: 50 information findings do not shrink the block's bar.
        assertThat(table).contains("Findings by rule: block and warn").contains("Findings by rule: information");
        // By therapist, the chart is of what blocks or warns; the table counts every finding (an auditor's review).
        String byTherapist = html.substring(html.indexOf("<h2>By therapist</h2>"));
        assertThat(byTherapist).contains("Findings that block or warn, by therapist").contains(">1 block, 1 warn<");
    }

    /**
     * Therapists are ranked by blocking findings, then warnings: one with 50 information findings and a warning
     * comes after one with a single block, and past the top 20 it is the one left out. Near miss: with equal blocks
     * and warnings, more findings in all come first.
     */
    @Test
    void therapistsAreRankedByWhatBlocksThenWarns() {
        AuditTotals t = new AuditTotals();
        for (int i = 0; i < 50; i++) {
            t.finding("MW-E004", Severity.INFO, "PT09999", "medicare");
        }
        t.finding("MW-D001", Severity.WARN, "PT09999", "medicare");
        for (int k = 0; k < ReportHtml.TOP; k++) {
            String therapist = String.format("PT%05d", k);
            t.finding("MW-B002", Severity.BLOCK, therapist, "medicare");
            for (int i = 0; i < k % 3; i++) {
                t.finding("MW-E004", Severity.INFO, therapist, "medicare");
            }
        }
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        String byTherapist = html.substring(html.indexOf("<h2>By therapist</h2>"), html.indexOf("<h2>By payer</h2>"));
        assertThat(byTherapist).doesNotContain("PT09999")
                .contains("with the most blocking findings (then warnings) of 21");
        // The longest value, "1 block, 0 warn", gets 12 + 15 x 7.5 pixels after its bar.
        assertThat(byTherapist).contains("viewBox=\"0 0 815 ");
        // Equal blocks and warnings: PT00002 (two information findings) before PT00001 (one), before PT00000.
        assertThat(byTherapist.indexOf("<td>PT00002</td>")).isLessThan(byTherapist.indexOf("<td>PT00001</td>"));
        assertThat(byTherapist.indexOf("<td>PT00001</td>")).isLessThan(byTherapist.indexOf("<td>PT00000</td>"));
    }

    /** The totals' cards say "1 row checked", "1 visit", "1 finding" (auditor review #10); near miss: 2 are plural. */
    @Test
    void aCountOfOneIsSingular() {
        AuditTotals one = new AuditTotals();
        one.visit("medicare", 1, true, 1, 1, BigDecimal.ZERO, BigDecimal.ZERO);
        one.finding("MW-D001", Severity.WARN, "PT00001", "medicare");
        String html = ReportHtml.render(one, VisitAudit.catalog(), List.of("visits.csv"));
        assertThat(html).contains(">row read<", ">row checked<", ">visit<", ">finding<", ">unit billed<",
                ">unit supported<").doesNotContain(">rows checked<", ">visits<", ">findings<");
        AuditTotals two = new AuditTotals();
        two.visit("medicare", 2, true, 2, 2, BigDecimal.ZERO, BigDecimal.ZERO);
        two.finding("MW-D001", Severity.WARN, "PT00001", "medicare");
        two.finding("MW-D001", Severity.WARN, "PT00001", "medicare");
        assertThat(ReportHtml.render(two, VisitAudit.catalog(), List.of("visits.csv"))).contains(">rows read<",
                ">rows checked<", ">findings<", ">units billed<").doesNotContain(">row checked<", ">finding<");
    }

    /** Columns the layout does not read are named at the top, escaped; near miss: none, no note. */
    @Test
    void columnsNotReadAreNamedAtTheTop() {
        String html = ReportHtml.render(new AuditTotals(), VisitAudit.catalog(), List.of("v.csv"),
                java.util.Optional.empty(), List.of(), List.of("v.csv: header column \"<Min>\" is ignored"));
        assertThat(html).contains("<b>Columns not read:</b> v.csv: header column &quot;&lt;Min&gt;&quot; is "
                + "ignored.").doesNotContain("<Min>");
        assertThat(ReportHtml.render(new AuditTotals(), VisitAudit.catalog(), List.of("v.csv")))
                .doesNotContain("Columns not read");
    }
}
