package org.minutewise.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.minutewise.core.Fixtures.minutes;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;

/** The allocation of RULES.md §3.1 (CMS total-time method), and how §3.2 (CPT per code) differs. */
final class CmsAllocationTest {

    private static UnitResult cms(String... items) {
        return UnitCalculator.compute(UnitMethod.CMS, minutes(items), Fixtures.CATALOG);
    }

    private static UnitResult cpt(String... items) {
        return UnitCalculator.compute(UnitMethod.CPT, minutes(items), Fixtures.CATALOG);
    }

    /** The timed codes' units only, as the alternatives list them. */
    private static Map<String, Integer> timedUnits(UnitResult r) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (CodeUnits l : r.lines()) {
            if (l.kind() == CodeKind.TIMED) {
                m.put(l.code(), l.units());
            }
        }
        return m;
    }

    @Nested
    final class RulesExamples {
        @Test
        void seedExample24And23() {
            UnitResult r = cms("97112:24", "97110:23");
            assertThat(r.totalTimedMinutes()).isEqualTo(47);
            assertThat(r.timedUnits()).isEqualTo(3);
            assertThat(r.totalUnits()).isEqualTo(3);
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97112", 2), Map.entry("97110", 1));
            assertThat(r.professionalChoice()).isFalse();
            assertThat(r.tiedCodes()).isEmpty();
            assertThat(r.alternatives()).isEmpty();
        }

        @Test
        void oneCodeInTwoPeriodsAddsUpBeforeRounding() {
            UnitResult r = cms("97112:20", "97112:25");
            assertThat(r.totalTimedMinutes()).isEqualTo(45);
            assertThat(r.totalUnits()).isEqualTo(3);
            assertThat(r.lines()).singleElement().satisfies(l -> {
                assertThat(l.minutes()).isEqualTo(45);
                assertThat(l.units()).isEqualTo(3);
            });
        }

        @Test
        void oneCodeInTwoPeriodsFromServiceLines() {
            List<ServiceLine> lines = List.of(Fixtures.line("97112", Role.PT, "08:00-08:20"),
                    Fixtures.line("97112", Role.PT, "14:00-14:25"));
            List<CodeMinutes> pooled = UnitCalculator.pool(lines);
            assertThat(pooled).containsExactly(new CodeMinutes("97112", 45));
            assertThat(UnitCalculator.compute(UnitMethod.CMS, pooled, Fixtures.CATALOG).unitsOf("97112"))
                    .isEqualTo(3);
        }

        /** RULES.md §2: two clinicians treating together still give one unit per 15 minutes. */
        @Test
        void minutesTwoClinicansShareCountOnce() {
            List<ServiceLine> lines = List.of(Fixtures.line("97110", "T1", Role.PT, "09:00-09:30"),
                    Fixtures.line("97110", "A1", Role.PTA, "09:15-09:45"),
                    Fixtures.line("97112", "T1", Role.PT, "10:00-10:20"));
            assertThat(UnitCalculator.sharedMinutes(lines, "97110")).isEqualTo(15);
            assertThat(UnitCalculator.sharedMinutes(lines, "97112")).isZero();
            // 09:00-09:45 is 45 minutes of 97110, not 60 (4 units with 97112's 20 would be 5).
            assertThat(UnitCalculator.pool(lines)).containsExactly(new CodeMinutes("97110", 45, true),
                    new CodeMinutes("97112", 20));
            // Periods of one line that overlap count once too; back-to-back ones share nothing.
            assertThat(UnitCalculator.sharedMinutes(List.of(Fixtures.line("97110", Role.PT, "09:00-09:20",
                    "09:10-09:25")), "97110")).isEqualTo(10);
            assertThat(UnitCalculator.sharedMinutes(List.of(Fixtures.line("97110", "T1", Role.PT, "09:00-09:15"),
                    Fixtures.line("97110", "A1", Role.PTA, "09:15-09:30")), "97110")).isZero();
        }

        @Test
        void seedScenarioDIsThreeUnitsNotTwo() {
            UnitResult r = cms("97112:20", "97110:18");
            assertThat(r.totalTimedMinutes()).isEqualTo(38);
            assertThat(r.totalUnits()).isEqualTo(3);
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97112", 2), Map.entry("97110", 1));
        }
    }

    @Nested
    final class SeveralCodes {
        @Test
        void threeCodesLeftoverUnitsGoToLargestLeftovers() {
            // 33 + 12 + 10 = 55 min = 4 units; full blocks 97110 x2; leftovers 3, 12, 10: two units to 12 and 10.
            UnitResult r = cms("97110:33", "97112:12", "97140:10");
            assertThat(r.timedUnits()).isEqualTo(4);
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97110", 2), Map.entry("97112", 1),
                    Map.entry("97140", 1));
            assertThat(r.professionalChoice()).isFalse();
        }

        @Test
        void fourCodesOneEndsWithZeroUnits() {
            // 40 + 14 + 6 + 13 = 73 min = 5 units; blocks 97110 x2; leftovers 10, 14, 6, 13: 14, 13, 10 win.
            UnitResult r = cms("97110:40", "97112:14", "97116:6", "97140:13");
            assertThat(r.totalTimedMinutes()).isEqualTo(73);
            assertThat(r.timedUnits()).isEqualTo(5);
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97110", 3), Map.entry("97112", 1),
                    Map.entry("97116", 0), Map.entry("97140", 1));
            assertThat(r.professionalChoice()).isFalse();
        }

        @Test
        void codeWithFifteenMinutesNeverEndsWithZeroUnits() {
            // 15 + 44 = 59 min = 4 units: 97112 may not take all four, 97110 keeps its full block.
            UnitResult r = cms("97110:15", "97112:44");
            assertThat(r.timedUnits()).isEqualTo(4);
            assertThat(r.unitsOf("97110")).isEqualTo(1);
            assertThat(r.unitsOf("97112")).isEqualTo(3);
        }

        @Test
        void codeWithFifteenMinutesBesideTwoLargeLeftovers() {
            // 15 + 14 + 14 = 43 min = 3 units: each code one unit, none with 0.
            UnitResult r = cms("97110:15", "97112:14", "97116:14");
            assertThat(r.timedUnits()).isEqualTo(3);
            assertThat(r.unitsByCode()).containsOnly(Map.entry("97110", 1), Map.entry("97112", 1),
                    Map.entry("97116", 1));
        }

        @Test
        void repeatedCodesAddUp() {
            // 97112 10 + 12 = 22 and 97110 12: 34 min = 2 units; blocks 97112 x1; leftovers 7 and 12.
            UnitResult r = cms("97112:10", "97110:12", "97112:12");
            assertThat(r.totalTimedMinutes()).isEqualTo(34);
            assertThat(r.lines()).extracting(CodeUnits::code, CodeUnits::minutes)
                    .containsExactly(tuple("97112", 22), tuple("97110", 12));
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97112", 1), Map.entry("97110", 1));
        }

        @Test
        void repeatedCodeAloneIsOneCode() {
            UnitResult r = cms("97112:10", "97112:12");
            assertThat(r.lines()).hasSize(1);
            assertThat(r.unitsOf("97112")).isEqualTo(1);
        }
    }

    @Nested
    final class Ties {
        @Test
        void tieAtTheCutOffIsTheProfessionalsChoice() {
            // 30 + 10 + 10 = 50 min = 3 units; blocks 97140 x2; 97110 and 97112 both 10 left, 10 in all.
            UnitResult r = cms("97140:30", "97112:10", "97110:10");
            assertThat(r.timedUnits()).isEqualTo(3);
            assertThat(r.professionalChoice()).isTrue();
            assertThat(r.tiedCodes()).containsExactlyInAnyOrder("97110", "97112");
            // Default: the lowest code number gets the unit.
            assertThat(r.unitsByCode()).containsOnly(Map.entry("97140", 2), Map.entry("97110", 1),
                    Map.entry("97112", 0));
            assertThat(r.alternatives()).containsExactly(Map.of("97140", 2, "97110", 0, "97112", 1));
            assertThat(r.alternatives()).doesNotContain(timedUnits(r));
        }

        /**
         * A tie between the therapist's code and one the assistant furnished: the default goes to the therapist's
         * (no CQ/CO, paid in full rather than at 85%), whatever the code numbers; it stays the professional's
         * choice, with the assistant's code as the alternative, and the explanation says why.
         */
        @Test
        void aTieDefaultsToTheCodeTheTherapistFurnishedAlone() {
            List<ServiceLine> lines = List.of(Fixtures.line("97140", "T1", Role.PT, "09:00-09:08"),
                    Fixtures.line("97110", "A1", Role.PTA, "09:08-09:16"));
            UnitResult r = UnitCalculator.compute(UnitMethod.CMS, UnitCalculator.pool(lines), Fixtures.CATALOG);
            assertThat(r.timedUnits()).isEqualTo(1);
            assertThat(r.professionalChoice()).isTrue();
            assertThat(r.unitsOf("97140")).isEqualTo(1);
            assertThat(r.unitsOf("97110")).isZero();
            assertThat(r.tiedWithAssistant()).containsExactly("97110");
            assertThat(r.alternatives()).containsExactly(Map.of("97140", 0, "97110", 1));
            assertThat(r.explanation()).anyMatch(s -> s.contains("Minutewise gives it to 97140 by default (its unit "
                    + "carries no CQ/CO and is paid in full, where a unit of 97110 would carry CQ/CO for the "
                    + "assistant's minutes)"));
            // Both the therapist's: the lowest code number, as before, and said so.
            UnitResult both = UnitCalculator.compute(UnitMethod.CMS, UnitCalculator.pool(List.of(
                    Fixtures.line("97140", "T1", Role.PT, "09:00-09:08"),
                    Fixtures.line("97110", "T1", Role.PT, "09:08-09:16"))), Fixtures.CATALOG);
            assertThat(both.unitsOf("97110")).isEqualTo(1);
            assertThat(both.tiedWithAssistant()).isEmpty();
            assertThat(both.explanation()).anyMatch(s -> s.contains("by default (lowest code number)"));
        }

        @Test
        void twoSevensBesideFortyFive() {
            // 45 + 7 + 7 = 59 min = 4 units; 97140 x3 from blocks; one unit for two equal 7-minute codes.
            UnitResult r = cms("97140:45", "97112:7", "97110:7");
            assertThat(r.timedUnits()).isEqualTo(4);
            assertThat(r.unitsOf("97140")).isEqualTo(3);
            assertThat(r.professionalChoice()).isTrue();
            assertThat(r.tiedCodes()).containsExactlyInAnyOrder("97110", "97112");
            assertThat(r.unitsOf("97110")).isEqualTo(1);
            assertThat(r.unitsOf("97112")).isZero();
            assertThat(r.alternatives()).containsExactly(Map.of("97140", 3, "97110", 0, "97112", 1));
        }

        @Test
        void threeWayTieForTwoUnitsListsEveryOtherChoice() {
            // 10 + 10 + 10 = 30 min = 2 units, no full block: any two of the three codes.
            UnitResult r = cms("97116:10", "97112:10", "97110:10");
            assertThat(r.timedUnits()).isEqualTo(2);
            assertThat(r.professionalChoice()).isTrue();
            assertThat(r.tiedCodes()).containsExactlyInAnyOrder("97110", "97112", "97116");
            Map<String, Integer> chosen = timedUnits(r);
            assertThat(chosen).containsOnly(Map.entry("97110", 1), Map.entry("97112", 1), Map.entry("97116", 0));
            assertThat(r.alternatives()).hasSize(2).doesNotContain(chosen);
            Set<Map<String, Integer>> all = new HashSet<>(r.alternatives());
            all.add(chosen);
            assertThat(all).containsExactlyInAnyOrder(
                    Map.of("97110", 1, "97112", 1, "97116", 0),
                    Map.of("97110", 1, "97112", 0, "97116", 1),
                    Map.of("97110", 0, "97112", 1, "97116", 1));
            for (Map<String, Integer> alt : r.alternatives()) {
                assertThat(alt.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
            }
        }

        @Test
        void equalLeftoversBrokenByTotalMinutesIsNotAChoice() {
            // 25 + 10 = 35 min = 2 units; both have 10 left, but 97112 has more minutes in all (25 against 10).
            UnitResult r = cms("97110:10", "97112:25");
            assertThat(r.timedUnits()).isEqualTo(2);
            assertThat(r.unitsOf("97112")).isEqualTo(2);
            assertThat(r.unitsOf("97110")).isZero();
            assertThat(r.professionalChoice()).isFalse();
            assertThat(r.tiedCodes()).isEmpty();
            assertThat(r.alternatives()).isEmpty();
        }

        @Test
        void equalCodesThatBothWinAreNoChoice() {
            // 12 + 12 + 5 = 29 min = 2 units: both 12s get one; the tie does not straddle the cut-off.
            UnitResult r = cms("97110:12", "97112:12", "97116:5");
            assertThat(r.unitsByCode()).containsOnly(Map.entry("97110", 1), Map.entry("97112", 1),
                    Map.entry("97116", 0));
            assertThat(r.professionalChoice()).isFalse();
            assertThat(r.alternatives()).isEmpty();
        }
    }

    @Nested
    final class UnderEightMinutes {
        @Test
        void allUnderEightButTogetherEightOrMoreGivesOneUnitToTheMost() {
            UnitResult r = cms("97110:5", "97112:6");
            assertThat(r.totalTimedMinutes()).isEqualTo(11);
            assertThat(r.timedUnits()).isEqualTo(1);
            assertThat(r.unitsOf("97112")).isEqualTo(1);
            assertThat(r.unitsOf("97110")).isZero();
            assertThat(r.professionalChoice()).isFalse();
        }

        @Test
        void allUnderEightAndTogetherUnderEightGivesNothing() {
            UnitResult r = cms("97110:3", "97112:4");
            assertThat(r.totalTimedMinutes()).isEqualTo(7);
            assertThat(r.timedUnits()).isZero();
            assertThat(r.totalUnits()).isZero();
            // Both codes stay documented, with 0 units.
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97110", 0), Map.entry("97112", 0));
            assertThat(r.professionalChoice()).isFalse();
        }
    }

    @Nested
    final class UntimedAndUnknown {
        @Test
        void untimedCodesGiveOneUnitAndDoNotCountAsTimedMinutes() {
            UnitResult r = cms("97161:0", "97112:24", "97010:10");
            assertThat(r.totalTimedMinutes()).isEqualTo(24);
            assertThat(r.timedUnits()).isEqualTo(2);
            assertThat(r.totalUnits()).isEqualTo(4);
            assertThat(r.lines()).extracting(CodeUnits::code, CodeUnits::kind, CodeUnits::units).containsExactly(
                    tuple("97161", CodeKind.UNTIMED, 1),
                    tuple("97112", CodeKind.TIMED, 2),
                    tuple("97010", CodeKind.UNTIMED, 1));
        }

        @Test
        void untimedMinutesDoNotTipTheTimedTotal() {
            // 7 timed minutes stay under 8 even beside 30 minutes of hot packs.
            UnitResult r = cms("97112:7", "97010:30");
            assertThat(r.totalTimedMinutes()).isEqualTo(7);
            assertThat(r.unitsOf("97112")).isZero();
            assertThat(r.unitsOf("97010")).isEqualTo(1);
        }

        @Test
        void unknownCodeIsKeptWithZeroUnits() {
            UnitResult r = cms("97112:24", "99999:10");
            assertThat(r.totalTimedMinutes()).isEqualTo(24);
            assertThat(r.totalUnits()).isEqualTo(2);
            assertThat(r.lines()).extracting(CodeUnits::code).containsExactly("97112", "99999");
            CodeUnits unknown = r.lines().get(1);
            assertThat(unknown.kind()).isEqualTo(CodeKind.UNKNOWN);
            assertThat(unknown.units()).isZero();
            assertThat(unknown.minutes()).isEqualTo(10);
        }

        @Test
        void unknownAndUntimedUnderCpt() {
            UnitResult r = cpt("97112:24", "99999:10", "97161:0");
            assertThat(r.totalTimedMinutes()).isEqualTo(24);
            assertThat(r.unitsByCode()).containsExactly(Map.entry("97112", 2), Map.entry("99999", 0),
                    Map.entry("97161", 1));
            assertThat(r.totalUnits()).isEqualTo(3);
        }
    }

    @Nested
    final class CptDiffers {
        @Test
        void eightAndEight() {
            UnitResult byCpt = cpt("97110:8", "97112:8");
            assertThat(byCpt.method()).isEqualTo(UnitMethod.CPT);
            assertThat(byCpt.unitsByCode()).containsExactly(Map.entry("97110", 1), Map.entry("97112", 1));
            assertThat(byCpt.timedUnits()).isEqualTo(2);
            assertThat(cms("97110:8", "97112:8").timedUnits()).isEqualTo(1);
        }

        @Test
        void twentyAndTwenty() {
            UnitResult byCpt = cpt("97110:20", "97112:20");
            assertThat(byCpt.unitsByCode()).containsExactly(Map.entry("97110", 1), Map.entry("97112", 1));
            assertThat(byCpt.timedUnits()).isEqualTo(2);
            assertThat(byCpt.totalTimedMinutes()).isEqualTo(40);
            assertThat(cms("97110:20", "97112:20").timedUnits()).isEqualTo(3);
        }

        @Test
        void cptNeverPoolsMinutesUnderEight() {
            UnitResult r = cpt("97110:7", "97112:7", "97116:7");
            assertThat(r.timedUnits()).isZero();
            assertThat(r.professionalChoice()).isFalse();
        }
    }
}
