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
}
