package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Period;

/** MW-A007: a therapist whose timed minutes per billed timed unit stay under 15. */
class TherapistVolumeTest {
    private static VisitDigest visit(int i, String provider, int minutes, double units) {
        Period p = new Period(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(8, 0).plusMinutes(minutes));
        return new VisitDigest("V" + i, "P" + i, LocalDate.of(2026, 3, 2).plusDays(i), "medicare", true, false, 0, 0,
                false, List.of(new VisitDigest.Line("97110", List.of("GP"), (int) units, "PT_SLP", BigDecimal.ZERO)),
                List.of(new VisitDigest.Treatment(provider, "97110", true, minutes, units, List.of(p))),
                java.util.Optional.empty(), "", List.of(new VisitDigest.DayMinutes("PT", minutes, (int) units,
                        (int) units)));
    }

    /** The same visit under a payer of the CPT per-code method: no day minutes in its digest. */
    private static VisitDigest perCode(int i, String provider, int minutes, double units) {
        VisitDigest v = visit(i, provider, minutes, units);
        return new VisitDigest(v.visitId(), v.patientId(), v.date(), "acme", false, false, 0, 0, false, v.lines(),
                v.treatments());
    }

    @Test
    void aPayerOfTheCptMethodIsNotReviewed() {
        Map<String, long[]> mv = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            TherapistVolume.add(mv, u, perCode(i, "T1", 16, 2)); // 8 + 8 minutes: 2 units by the CPT method
        }
        assertThat(TherapistVolume.check(mv, u)).isEmpty();
        for (int i = 30; i < 60; i++) {
            TherapistVolume.add(mv, u, visit(i, "T1", 16, 2));
        }
        assertThat(TherapistVolume.check(mv, u)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("8.00 minutes per unit"));
    }

    /**
     * An assistant does not bill (the supervising therapist is the rendering provider): the message says the
     * clinician furnished the units, whoever it is; the citation's gloss is our reading, not a quotation.
     */
    @Test
    void theMessageSaysFurnishedNotBilled() {
        Map<String, long[]> mv = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            TherapistVolume.add(mv, u, visit(i, "PTA00007", 16, 2));
        }
        assertThat(TherapistVolume.check(mv, u)).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Clinician PTA00007 furnished 60 timed units for 480 timed minutes")
                    .doesNotContain("billed");
            assertThat(f.citation()).contains("our reading, not CMS wording").doesNotContain("license");
        });
    }

    /**
     * From a review: the visits counted are those of payers of the CMS method (a CPT-method visit adds nothing), and
     * the message says so, since a report counts all the therapist's visits beside it.
     */
    @Test
    void theMessageSaysTheVisitsCountedAreMedicareCmsMethodOnes() {
        Map<String, long[]> mv = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            TherapistVolume.add(mv, u, visit(i, "T1", 16, 2));
        }
        for (int i = 30; i < 40; i++) {
            TherapistVolume.add(mv, u, perCode(i, "T1", 16, 2));
        }
        assertThat(TherapistVolume.check(mv, u)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("for 480 timed minutes over 30 Medicare (CMS-method) visits: 8.00 minutes per unit"));
    }

    private static List<Finding> check(int visits, int minutes, double units) {
        Map<String, long[]> mv = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        for (int i = 0; i < visits; i++) {
            TherapistVolume.add(mv, u, visit(i, "T1", minutes, units));
        }
        return TherapistVolume.check(mv, u);
    }

    @Test
    void underFifteenMinutesAUnitIsReported() {
        List<Finding> out = check(30, 23, 2); // 11.5 minutes a unit
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MW-A007");
            assertThat(f.path()).isEqualTo("provider=T1");
            assertThat(f.message()).contains("11.50 minutes per unit");
        });
    }

    @Test
    void fifteenOrMoreIsNotNorIsATherapistWithFewUnits() {
        assertThat(check(30, 30, 2)).isEmpty();
        assertThat(check(5, 23, 2)).as("10 units: too few to judge").isEmpty();
    }

    @Test
    void anAverageJustUnderFifteenNeverReadsAsFifteen() {
        // 1,871 units for 28,022 minutes is 14.977 minutes a unit: rounded, 14.98.
        Map<String, long[]> mv = new HashMap<>(Map.of("T1", new long[] {28022, 633}));
        Map<String, double[]> u = new HashMap<>(Map.of("T1", new double[] {1871}));
        assertThat(TherapistVolume.check(mv, u)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("14.98 minutes per unit").contains("1871 timed units"));
        // 2,000 units for 29,991 minutes is 14.9955: cut to 14.99, never rounded up to 15.00.
        mv = new HashMap<>(Map.of("T1", new long[] {29991, 700}));
        u = new HashMap<>(Map.of("T1", new double[] {2000}));
        assertThat(TherapistVolume.check(mv, u)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("14.99 minutes per unit"));
        // Elsewhere rounded, not cut: 345 minutes for 26 units is 13.269, said 13.27 (an auditor's review).
        mv = new HashMap<>(Map.of("T1", new long[] {345, 13}));
        u = new HashMap<>(Map.of("T1", new double[] {26}));
        assertThat(TherapistVolume.check(mv, u)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("13.27 minutes per unit"));
    }

    /**
     * A consistent pattern: a therapist under 15 over the period but above it in a month with enough units is the
     * noise of the 8-minute rule, not reported; under 15 in every such month is.
     */
    @Test
    void onlyAPatternUnderFifteenInEveryMonthIsReported() {
        Map<String, long[]> mv = new HashMap<>();
        Map<String, double[]> u = new HashMap<>();
        Map<String, Map<java.time.YearMonth, double[]>> months = new HashMap<>();
        // March: 20 visits of 23 minutes for 2 units (11.5 a unit); April: 10 visits of 38 minutes for 2 (19 a unit).
        for (int i = 0; i < 20; i++) {
            TherapistVolume.add(mv, u, months, visit(i, "T1", 23, 2));
        }
        for (int i = 30; i < 40; i++) {
            TherapistVolume.add(mv, u, months, visit(i, "T1", 38, 2));
        }
        assertThat(mv.get("T1")[0] / u.get("T1")[0]).as("under 15 over the period").isLessThan(15.0);
        assertThat(TherapistVolume.check(mv, u, months)).isEmpty();
        // A month with fewer than 10 units says nothing either way.
        Map<String, long[]> mv2 = new HashMap<>();
        Map<String, double[]> u2 = new HashMap<>();
        Map<String, Map<java.time.YearMonth, double[]>> months2 = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            TherapistVolume.add(mv2, u2, months2, visit(i, "T1", 23, 2));
        }
        for (int i = 30; i < 33; i++) {
            TherapistVolume.add(mv2, u2, months2, visit(i, "T1", 38, 2));
        }
        assertThat(TherapistVolume.check(mv2, u2, months2)).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("MW-A007"));
        // Two months under 15 and one at 19: still a pattern (one month above does not hide the others).
        for (int i = 100; i < 120; i++) { // June
            TherapistVolume.add(mv, u, months, visit(i, "T1", 23, 2));
        }
        assertThat(TherapistVolume.check(mv, u, months)).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("MW-A007"));
    }
}
