package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Severity;

/** The audit's totals: a part written and read back (resume, parallel parts) merges to the same summary. */
class AuditTotalsTest {
    private static AuditTotals part(long unverified, String over) {
        AuditTotals t = new AuditTotals();
        t.visit("medicare", 3, true, 7, 6, new BigDecimal(over), BigDecimal.ZERO);
        t.unverified(unverified);
        t.finding("MW-B001", Severity.WARN, "T1", "medicare");
        t.therapistVisit("T1", 7, 6, new BigDecimal(over), BigDecimal.ZERO, 0, 1, 0);
        t.kxExposure(1, new BigDecimal("12.345"));
        return t;
    }

    @Test
    void aPartReadBackMergesToTheSameSummary() {
        AuditTotals direct = part(2, "10.005");
        direct.merge(part(3, "0.005"));

        AuditTotals viaJson = AuditTotals.fromJson(part(2, "10.005").toPartJson());
        viaJson.merge(AuditTotals.fromJson(part(3, "0.005").toPartJson()));

        assertThat(viaJson.toJson()).isEqualTo(direct.toJson());
        assertThat(direct.unitsUnverified()).isEqualTo(5);
        assertThat(direct.toJson().get("unitsUnverified").asLong()).isEqualTo(5);
        // Dollars are summed unrounded and rounded once: 10.005 + 0.005 = 10.01.
        assertThat(direct.toJson().get("dollarsOver").decimalValue()).isEqualByComparingTo("10.01");
    }
}
