package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Severity;

class ReportHtmlTest {
    private static AuditTotals totals() {
        AuditTotals t = new AuditTotals();
        t.therapistVisit("PT00001", 3, 3, BigDecimal.ZERO, BigDecimal.ZERO, 0, 1, 2);
        return t;
    }

    @Test
    void anAssistantWithFindingsButNoVisitsOfTheirOwnIsExplained() {
        AuditTotals t = totals();
        t.finding("MW-A007", Severity.WARN, "PTA00001", "");
        String html = ReportHtml.render(t, VisitAudit.catalog(), List.of("visits.csv"));
        assertThat(html).contains("<td>PTA00001</td>").contains("no visits of their own");
    }

    @Test
    void noNoteWhenEveryTherapistHasVisits() {
        String html = ReportHtml.render(totals(), VisitAudit.catalog(), List.of("visits.csv"));
        assertThat(html).contains("<td>PT00001</td>").doesNotContain("no visits of their own");
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
}
