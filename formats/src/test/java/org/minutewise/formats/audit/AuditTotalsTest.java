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
        t.therapistVisit("T1", 7, 6, 0, 0, new BigDecimal(over), BigDecimal.ZERO, 0, 1, 0);
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

    /** Each therapist's dollars rounded alone would not add up to the total: the cents left go to the largest rests. */
    @Test
    void groupsAddUpToTheTotalRounded() {
        AuditTotals t = new AuditTotals();
        String[] over = {"10.005", "20.005", "30.005"};
        for (int i = 0; i < over.length; i++) {
            t.visit("medicare", 1, true, 2, 1, new BigDecimal(over[i]), BigDecimal.ZERO);
            t.therapistVisit("T" + i, 2, 1, 1, 0, new BigDecimal(over[i]), BigDecimal.ZERO, 0, 0, 0);
        }
        var json = t.toSummaryJson(java.util.Optional.empty());
        // 60.015 is 60.02; one by one 10.01 + 20.01 + 30.01 would be 60.03. Rounded down (60.00), the two cents
        // left go to the largest rests (all 0.005 here: the first two in key order).
        assertThat(json.get("dollarsOver").decimalValue()).isEqualByComparingTo("60.02");
        assertThat(json.get("byTherapist").get("T0").get("dollarsOver").decimalValue()).isEqualByComparingTo("10.01");
        assertThat(json.get("byTherapist").get("T1").get("dollarsOver").decimalValue()).isEqualByComparingTo("20.01");
        assertThat(json.get("byTherapist").get("T2").get("dollarsOver").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(json.get("byPayer").get("medicare").get("dollarsOver").decimalValue())
                .isEqualByComparingTo("60.02");
        assertThat(AuditTotals.apportioned(java.util.Map.of("a", new BigDecimal("0.005"), "b",
                new BigDecimal("0.005"), "c", new BigDecimal("0.005")))).containsValues(new BigDecimal("0.01"),
                new BigDecimal("0.01"), new BigDecimal("0.00"));
    }

    /** The audit's period: the first and last dates of service, whatever part saw them, through the part files. */
    @Test
    void thePeriodIsTheFirstAndLastDateOfService() {
        AuditTotals a = new AuditTotals();
        a.dateOfService(java.time.LocalDate.of(2026, 3, 2));
        AuditTotals b = new AuditTotals();
        b.dateOfService(java.time.LocalDate.of(2026, 12, 30));
        b.dateOfService(java.time.LocalDate.of(2026, 1, 5));
        AuditTotals all = new AuditTotals();
        all.merge(AuditTotals.fromJson(a.toPartJson()));
        all.merge(AuditTotals.fromJson(b.toPartJson()));
        var json = all.toSummaryJson(java.util.Optional.empty());
        assertThat(json.get("period").get("from").asText()).isEqualTo("2026-01-05");
        assertThat(json.get("period").get("to").asText()).isEqualTo("2026-12-30");
        assertThat(new AuditTotals().toSummaryJson(java.util.Optional.empty()).has("period")).isFalse();
        assertThat(ReportHtml.render(all, VisitAudit.catalog(), java.util.List.of("v.csv")))
                .contains("Dates of service: 2026-01-05 to 2026-12-30");
    }

    /** A correction with no therapist named is counted under "(none)", as the visits are (a code review). */
    @Test
    void aCorrectionWithoutATherapistGoesUnderNone() {
        AuditTotals t = new AuditTotals();
        t.therapistVisit("", 2, 2, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);
        t.corrected("medicare", "", new ClaimCorrection.Applied(java.util.List.of(), -1, -1, BigDecimal.ZERO,
                BigDecimal.ZERO));
        var json = t.toSummaryJson(java.util.Optional.empty());
        assertThat(json.get("byTherapist").has("")).isFalse();
        assertThat(json.get("byTherapist").get("(none)").get("unitsSupported").asLong()).isEqualTo(1);
    }
}
