package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Role;
import org.minutewise.core.units.UnitCalculator;

/**
 * The de minimis standard for CQ/CO (RULES.md §4): full 15-minute blocks go to whoever furnished them; a remaining
 * unit carries no CQ/CO when the therapist alone furnished 8 minutes or more of it, else CQ/CO when the
 * assistant furnished over 10% of it; two remaining units of 9-14 minutes each: one with CQ/CO, one without.
 */
class DeMinimisTest {

    /**
     * RULES.md §4, the CMS billing scenario: assistant 23 min of 97110, therapist 13 min of 97110, therapist 30 min
     * of 97140. 66 timed minutes = 4 units (53-67). 97110 has 36 min = 2 blocks + 6, 97140 30 min = 2 blocks: the
     * four blocks are the four units, so 97110 x2 and 97140 x2. Of 97110's two units: the assistant's full block
     * (15 of its 23 min) is CQ; the other unit holds the assistant's other 8 and the therapist's 13 min, the
     * therapist furnished 8 or more of it, so no CQ. 97140 is all the therapist's: GP only.
     */
    @Test
    void cmsExampleOnTheClaim() {
        CheckResult r = checker().check(visit()
                .service(minutes("97110", 23, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 13, pt("T1")))
                .service(minutes("97140", 30, pt("T1")))
                .build());

        assertThat(r.claim().totalUnits()).isEqualTo(4);
        assertThat(lines(r)).containsExactly("97110 x1 GP CQ", "97110 x1 GP", "97140 x2 GP");
    }

    /** Minutes both furnish together are the therapist's (RULES.md §4): treated together throughout, no CQ. */
    @Test
    void minutesTreatedTogetherAreTheTherapists() {
        CheckResult together = checker().check(visit()
                .service(at("97110", "09:00", "09:25", assistant("A1", Role.PTA, "T1")))
                .service(at("97110", "09:00", "09:25", pt("T1")))
                .build());
        assertThat(together.claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).doesNotContain("CQ"));
        // Apart, the same minutes by the assistant alone are CQ units.
        CheckResult apart = checker().check(visit()
                .service(at("97110", "09:00", "09:25", assistant("A1", Role.PTA, "T1")))
                .service(at("97110", "09:30", "09:55", pt("T1")))
                .build());
        assertThat(apart.claim().lines()).anySatisfy(l -> assertThat(l.modifiers()).contains("CQ"));
    }

    /** The CMS example in words: the block with CQ, then the last unit without, and why. */
    @Test
    void cmsExampleExplained() {
        String e = DeMinimis.explain("97110", 2, 23, 13, "CQ", "the PTA", "the PT");
        assertThat(e).isEqualTo("97110, 2 units (the PTA alone 23 min, the PT 13 min): the PTA's full 15-minute "
                + "block is a unit with CQ; the last unit holds the PTA's 8 minutes left and the PT's 13: the PT "
                + "furnished 8 minutes or more of it, so it carries no CQ. So 1 unit carries CQ and 1 does not (de "
                + "minimis: more than 10% of a unit by the assistant; CMS Pub 100-04 ch. 5 §20.1).");
        CheckResult r = checker().check(visit()
                .service(minutes("97110", 23, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 13, pt("T1")))
                .service(minutes("97140", 30, pt("T1")))
                .build());
        assertThat(r.explanation()).contains(e);
        // No assistant: nothing to explain about CQ.
        assertThat(checker().check(visit().service(minutes("97110", 30, pt("T1"))).build()).explanation())
                .noneMatch(l -> l.contains("de minimis"));
    }

    /** Aide minutes count toward units but not toward who furnished them: three units can remain. */
    @Test
    void moreThanTwoUnitsLeftAreDescribedWithoutClaimingAOneAndOneSplit() {
        String e = DeMinimis.explain("97110", 3, 10, 10, "CQ", "the PTA", "the PT");
        assertThat(e).contains("the 3 units left hold the PTA's 10 minutes and the PT's 10")
                .doesNotContain("one carries CQ and one does not");
        assertThat(DeMinimis.explain("97110", 0, 5, 2, "CQ", "the PTA", "the PT"))
                .isEqualTo("97110: no unit, so nothing carries CQ.");
    }

    /** CQ units are between none and all of the units, and the words state the count the rule decides. */
    @Property
    void cqUnitsAreBetweenZeroAndTheUnitsAndTheExplanationStatesThem(
            @ForAll @IntRange(min = 0, max = 120) int assistant, @ForAll @IntRange(min = 0, max = 120) int therapist,
            @ForAll @IntRange(min = 0, max = 1) int pooledExtra) {
        int units = units(assistant, therapist, pooledExtra);
        int cq = DeMinimis.assistantUnits(units, assistant, therapist);
        assertThat(cq).isBetween(0, units);
        String e = DeMinimis.explain("97110", units, assistant, therapist, "CQ", "the PTA", "the PT");
        if (units <= 1) {
            return; // one unit: its own sentence says it (the cases above)
        }
        if (therapist == 0 || cq == units) {
            assertThat(e).containsAnyOf("every unit carries CQ", "it carries CQ", "the unit carries CQ");
        } else if (cq == 0) {
            assertThat(e).containsAnyOf("no unit carries CQ", "the unit carries no CQ");
        } else {
            assertThat(e).contains(". So " + cq + (cq == 1 ? " unit carries CQ and " : " units carry CQ and ")
                    + (units - cq));
        }
    }

    @Test
    void cmsExampleByTheNumbers() {
        assertThat(DeMinimis.assistantUnits(2, 23, 13)).isEqualTo(1);
        assertThat(DeMinimis.assistantUnits(2, 0, 30)).isZero();
    }

    @Test
    void assistantOnlyMakesEveryUnitCq() {
        // 40 min = 3 units, all furnished by the assistant.
        assertThat(DeMinimis.assistantUnits(3, 40, 0)).isEqualTo(3);
        assertThat(DeMinimis.assistantUnits(1, 8, 0)).isEqualTo(1);
    }

    @Test
    void therapistOnlyMakesNoUnitCq() {
        assertThat(DeMinimis.assistantUnits(3, 0, 40)).isZero();
    }

    @Test
    void noUnitsNoCq() {
        assertThat(DeMinimis.assistantUnits(0, 5, 2)).isZero();
    }

    @Test
    void remainingUnitWhereTheTherapistFurnished8OrMoreHasNoCq() {
        // 15 min = 1 unit: assistant 5, therapist 10. The therapist alone meets the 8-minute threshold.
        assertThat(DeMinimis.assistantUnits(1, 5, 10)).isZero();
        // 23 min = 2 units: the assistant's full block is CQ; the remaining unit is the therapist's 8 min.
        assertThat(DeMinimis.assistantUnits(2, 15, 8)).isEqualTo(1);
    }

    @Test
    void remainingUnitWhereTheAssistantFurnishedOver10PercentAndTheTherapistUnder8HasCq() {
        // 11 min = 1 unit: therapist 5 (< 8), assistant 6 of 11 (55%).
        assertThat(DeMinimis.assistantUnits(1, 6, 5)).isEqualTo(1);
        // 23 min = 2 units: the therapist's full block has no CQ; the remaining unit is therapist 5 + assistant 3:
        // therapist < 8, assistant 3 of 8 (37.5%) > 10%: CQ.
        assertThat(DeMinimis.assistantUnits(2, 3, 20)).isEqualTo(1);
    }

    /**
     * In a remaining unit where the therapist furnished under 8 minutes, any assistant minute is at least 1/8 of
     * it, so the 10% cut shows on a line whose only unit is the therapist's block: the assistant's 2 of 22 minutes
     * (9%), or exactly 3 of 30 (10%, not "more than 10%").
     */
    @Test
    void assistantAtOrUnder10PercentHasNoCq() {
        assertThat(DeMinimis.assistantUnits(1, 2, 20)).isZero();
        assertThat(DeMinimis.assistantUnits(2, 3, 27)).isZero();
    }

    @Test
    void twoRemainingUnitsOf9To14MinutesEachGiveOneCqAndOneNot() {
        // 24 min = 2 units, no full block of either: 12 + 12.
        assertThat(DeMinimis.assistantUnits(2, 12, 12)).isEqualTo(1);
        assertThat(DeMinimis.assistantUnits(2, 9, 14)).isEqualTo(1);
        assertThat(DeMinimis.assistantUnits(2, 14, 9)).isEqualTo(1);
        // 54 min = 4 units: a block each (one CQ), then 12 + 12 remain (one CQ).
        assertThat(DeMinimis.assistantUnits(4, 27, 27)).isEqualTo(2);
    }

    /**
     * A code that CMS gives a unit beyond its own minutes (it won a leftover unit in the pool): the assistant's
     * full block is CQ and the remaining unit, furnished by the therapist alone, is not.
     */
    @Test
    void pooledExtraUnitFurnishedByTheTherapistAloneHasNoCq() {
        assertThat(DeMinimis.assistantUnits(2, 15, 6)).isEqualTo(1);
    }

    /** The code's own units, or one more when the CMS pool gives it a leftover unit. */
    private static int units(int assistant, int therapist, int pooledExtra) {
        int m = assistant + therapist;
        return pooledExtra == 1 && m > 0 ? m / 15 + 1 : UnitCalculator.unitsForMinutes(m);
    }

    /**
     * More assistant minutes out of the same total never give fewer CQ units, when the code's units are those of
     * its own minutes (one code, or the CPT per-code method). Not asserted for a code that got a pooled leftover
     * unit beyond its own minutes: there the implementation gives 2 CQ units for assistant 14 + therapist 7 but 1
     * for assistant 15 + therapist 6 (see {@link #pooledExtraUnitFurnishedByTheTherapistAloneHasNoCq}).
     */
    @Property
    void moreAssistantMinutesOfTheSameTotalNeverReduceCqUnits(@ForAll @IntRange(min = 0, max = 120) int assistant,
                                                              @ForAll @IntRange(min = 1, max = 120) int therapist) {
        // One minute moves from the therapist to the assistant; the total, and so the units, stay the same.
        int units = UnitCalculator.unitsForMinutes(assistant + therapist);
        int before = DeMinimis.assistantUnits(units, assistant, therapist);
        int after = DeMinimis.assistantUnits(units, assistant + 1, therapist - 1);
        assertThat(after).as("assistant %d -> %d, therapist %d -> %d", assistant, assistant + 1, therapist,
                therapist - 1).isGreaterThanOrEqualTo(before);
    }
}
