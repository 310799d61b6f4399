package org.minutewise.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.CATALOG;
import static org.minutewise.core.Fixtures.minutes;

import org.junit.jupiter.api.Test;

/**
 * RULES.md §1: 97129 and 97130 are one service, the first 15 minutes and each additional 15; the units of the
 * visit's cognitive-intervention minutes go first to 97129 (one at most), the rest to 97130.
 */
class AddOnPoolingTest {
    private static UnitResult cms(String... items) {
        return UnitCalculator.compute(UnitMethod.CMS, minutes(items), CATALOG);
    }

    private static UnitResult cpt(String... items) {
        return UnitCalculator.compute(UnitMethod.CPT, minutes(items), CATALOG);
    }

    @Test
    void perCodeMethodCountsTheirMinutesTogether() {
        UnitResult r = cpt("97129:20", "97130:20");
        // 40 minutes of one service are 3 units (not 1 + 1 for two codes of 20 minutes each).
        assertThat(r.unitsByCode()).containsExactly(java.util.Map.entry("97129", 1), java.util.Map.entry("97130", 2));
        assertThat(r.timedUnits()).isEqualTo(3);
        assertThat(r.pooledAddOns()).containsExactly(java.util.Map.entry("97130", "97129"));
        assertThat(r.lines()).extracting(CodeUnits::minutes).containsExactly(20, 20);
    }

    @Test
    void totalTimeMethodAllocatesThePairAsOneCode() {
        // 49 minutes, 3 units: pooled, 97129/97130 have 2 full blocks and 10 left against 9 for 97110.
        UnitResult r = cms("97129:20", "97130:20", "97110:9");
        assertThat(r.unitsByCode()).containsExactly(java.util.Map.entry("97129", 1), java.util.Map.entry("97130", 2),
                java.util.Map.entry("97110", 0));
        assertThat(r.professionalChoice()).as("no tie between the two halves of one service").isFalse();
        assertThat(r.explanation()).anySatisfy(l -> assertThat(l).contains("97129 and 97130 are one service"))
                .anySatisfy(l -> assertThat(l).contains("Of the 3 units of 97129/97130, 97129 takes the first and "
                        + "97130 the other 2."))
                .last().isEqualTo("Result: 97129 x1, 97130 x2, 97110 x0 (3 units in all).");
    }

    @Test
    void aTieWithAnotherCodeListsAlternativesSplitBetweenTheTwo() {
        // 97129/97130 13 + 10 = 23 (1 full block, 8 left) and 97110 23 (1 full block, 8 left): 46 minutes = 3 units,
        // the third a professional's choice between the pair and 97110.
        UnitResult r = cms("97129:13", "97130:10", "97110:23");
        assertThat(r.timedUnits()).isEqualTo(3);
        assertThat(r.professionalChoice()).isTrue();
        assertThat(r.alternatives()).allSatisfy(alt -> assertThat(alt).containsKeys("97129", "97130", "97110"));
        assertThat(r.alternatives()).allSatisfy(alt -> assertThat(alt.values().stream().mapToInt(Integer::intValue)
                .sum()).isEqualTo(3));
    }

    /**
     * 97129 documented alone (22 minutes) ties with 97110 (22): the alternative that gives 97129 two units says how the
     * claim bills them, 97129 x1 and 97130 x1 (a rulebook review: "the alternative is 97129 x2, 97110 x1").
     */
    @Test
    void anAlternativeWithTwoUnitsOf97129SaysTheClaimsSplit() {
        UnitResult r = cms("97129:22", "97110:22");
        assertThat(r.professionalChoice()).isTrue();
        assertThat(r.explanation()).anySatisfy(l -> assertThat(l).contains("97129 x2, 97110 x1 (on the claim 97129 x1 "
                + "and 97130 x1)"));
        assertThat(r.explanation()).noneSatisfy(l -> assertThat(l).contains("97129 x1, 97110 x2 (on the claim"));
    }

    @Test
    void eitherCodeAloneIsUnchanged() {
        assertThat(cpt("97130:30").unitsByCode()).containsExactly(java.util.Map.entry("97130", 2));
        assertThat(cpt("97129:30").unitsByCode()).containsExactly(java.util.Map.entry("97129", 2));
        assertThat(cms("97130:30").pooledAddOns()).isEmpty();
    }

    @Test
    void tooFewMinutesTogetherEarnNothing() {
        UnitResult r = cpt("97129:3", "97130:4");
        assertThat(r.unitsByCode()).containsExactly(java.util.Map.entry("97129", 0), java.util.Map.entry("97130", 0));
        assertThat(r.explanation()).anySatisfy(l -> assertThat(l).isEqualTo("97129/97130 earns no unit."));
        // 8 minutes together reach the first unit, which is 97129's.
        assertThat(cpt("97129:4", "97130:4").unitsByCode()).containsExactly(java.util.Map.entry("97129", 1),
                java.util.Map.entry("97130", 0));
    }
}
