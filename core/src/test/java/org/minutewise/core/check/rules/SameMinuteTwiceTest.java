package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.REF;
import static org.minutewise.core.Fixtures.findings;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * MW-U003: a minute belongs to one code (RULES.md §2; NCCI ch. XI §P); supervised modalities 97010-97028 and
 * G0283 may share minutes. Periods are half-open, [start, end).
 */
final class SameMinuteTwiceTest {

    private static List<Finding> check(ServiceLine... lines) {
        return findings(new SameMinuteTwice(), visit(lines));
    }

    @Test
    void firesWhenTwoCodesShareMinutes() {
        List<Finding> f = check(line("97112", Role.PT, "10:00-10:25"), line("97530", Role.PT, "10:15-10:40"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U003");
            assertThat(x.severity()).isEqualTo(Severity.BLOCK);
            assertThat(x.blocks()).isTrue();
            assertThat(x.path()).isEqualTo("services[1]");
            assertThat(x.message()).contains("97112").contains("97530").contains("10 minutes")
                    .contains("10:15-10:25");
        });
    }

    /**
     * A minute belongs to one code: the units count the shared minutes once, under the code begun first, and the
     * block says which. 97112 10:00-10:30 and 97530 10:15-10:38 are 38 minutes, not 53: 3 units, not 4 (CMS).
     */
    @Test
    void theUnitsCountSharedMinutesOnceUnderTheCodeBegunFirst() {
        Visit v = visit(line("97112", Role.PT, "10:00-10:30"), line("97530", Role.PT, "10:15-10:38"));
        CheckResult r = new VisitChecker(REF).check(v);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(38);
        assertThat(r.units().timedUnits()).isEqualTo(3);
        assertThat(r.units().unitsOf("97112")).isEqualTo(2);
        assertThat(r.units().unitsOf("97530")).isEqualTo(1);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-U003")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("share 15 minutes (10:15-10:30)")
                        .contains("Until the times are corrected, the units count them once, for 97112 (see the "
                                + "explanation)."));
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("97530: 23 minutes are documented, "
                + "15 of them also under another code, which counts them").endsWith("so 97530 has 8 minutes."));
        // Listed the other way round: the same count (the code begun first keeps them, whatever the order).
        CheckResult swapped = new VisitChecker(REF).check(visit(line("97530", Role.PT, "10:15-10:38"),
                line("97112", Role.PT, "10:00-10:30")));
        assertThat(swapped.units().unitsOf("97112")).isEqualTo(2);
        assertThat(swapped.units().unitsOf("97530")).isEqualTo(1);
    }

    /** Units billed from the minutes counted twice: MW-B002 says the code's minutes went to another code. */
    @Test
    void overBillingFromTheSharedMinutesPointsAtTheOverlap() {
        Visit v = visit(line("97112", Role.PT, "10:00-10:30"), line("97530", Role.PT, "10:15-10:38")).toBuilder()
                .billed(List.of(new org.minutewise.core.model.BilledLine("97112", List.of("GP"), 2,
                        java.util.Optional.empty()), new org.minutewise.core.model.BilledLine("97530", List.of("GP"), 2,
                        java.util.Optional.empty()))).build();
        CheckResult r = new VisitChecker(REF).check(v);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("97530 is billed with 2 units")
                        .contains("97530's 8 minutes get 1 of them, 15 more of its documented minutes counting for "
                                + "another code documented in the same minutes (MW-U003)"));
    }

    /** The CPT per-code method counts each code's own minutes: the later code's are what is left of them. */
    @Test
    void perCodeUnitsCountTheSharedMinutesUnderOneCode() {
        Visit v = visit(line("97110", Role.PT, "09:00-09:23"), line("97140", Role.PT, "09:15-09:38")).toBuilder()
                .payer("commercial").build();
        CheckResult r = new VisitChecker(REF).check(v);
        assertThat(r.units().unitsOf("97110")).isEqualTo(2); // 23 minutes
        assertThat(r.units().unitsOf("97140")).isEqualTo(1); // 23 less 8 shared: 15
        // At the same start, the longer period keeps them; then the lower code.
        CheckResult same = new VisitChecker(REF).check(visit(line("97140", Role.PT, "09:00-09:10"),
                line("97110", Role.PT, "09:00-09:20")).toBuilder().payer("commercial").build());
        assertThat(same.units().unitsOf("97110")).isEqualTo(1);
        assertThat(same.units().unitsOf("97140")).isZero();
    }

    /**
     * A code two clinicians document together (MW-U004) loses a minute another code holds once, not once per line:
     * 97140 09:50-10:10, 97110 10:00-10:30 by a PT and by a second PT: 09:50-10:30 is 40 minutes, 3 units.
     */
    @Test
    void aMinuteTakenFromACoTreatedCodeIsTakenOnce() {
        CheckResult r = new VisitChecker(REF).check(visit(line("97140", "T1", Role.PT, "09:50-10:10"),
                line("97110", "T1", Role.PT, "10:00-10:30"), line("97110", "T2", Role.PT, "10:00-10:30")));
        assertThat(r.units().totalTimedMinutes()).isEqualTo(40);
        assertThat(r.units().timedUnits()).isEqualTo(3);
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("97110: 60 minutes are documented, 30 "
                + "of them twice").contains(", and 10 of them also under another code").endsWith("so 97110 has 20 "
                + "minutes."));
    }

    /**
     * CQ is judged on the minutes the code keeps (RULES.md §4): 97110 keeps the PT's 09:00-09:08 and the PTA's
     * 09:08-09:23 while 97140 (09:05-09:16, begun later than the PT's 97110) takes nothing of them... and where the
     * other code takes the therapist's minutes, the assistant's are what is left.
     */
    @Test
    void theAssistantModifierIsJudgedOnTheMinutesTheCodeKeeps() {
        // 97140 09:00-09:20 holds 09:12-09:20 of the PT's 97110: 97110 keeps only the PTA's 10 minutes: CQ.
        CheckResult r = new VisitChecker(REF).check(visit(line("97140", "T1", Role.PT, "09:00-09:20"),
                line("97110", "T1", Role.PT, "09:12-09:20"), line("97110", "A1", Role.PTA, "09:20-09:30")));
        assertThat(r.claim().lines()).filteredOn(l -> l.code().equals("97110")).singleElement()
                .satisfies(l -> assertThat(l.modifiers()).contains("CQ"));
        // The PT's 97110 began first and keeps its 8 minutes: no CQ on its unit.
        CheckResult t = new VisitChecker(REF).check(visit(line("97110", "T1", Role.PT, "09:00-09:08"),
                line("97110", "A1", Role.PTA, "09:08-09:23"), line("97140", "T1", Role.PT, "09:05-09:16")));
        assertThat(t.claim().lines()).filteredOn(l -> l.code().equals("97110")).allSatisfy(
                l -> assertThat(l.modifiers()).doesNotContain("CQ"));
    }

    /** At the same start the therapist's code keeps the minutes: a unit without CQ/CO, whatever the code numbers. */
    @Test
    void atTheSameStartTheTherapistsCodeKeepsTheMinutes() {
        CheckResult r = new VisitChecker(REF).check(visit(line("97140", "T1", Role.PT, "09:00-09:30"),
                line("97110", "A1", Role.PTA, "09:00-09:30")));
        assertThat(r.units().unitsOf("97140")).isEqualTo(2);
        assertThat(r.units().unitsOf("97110")).isZero();
    }

    /** The message names the code the count gives the minutes to: with three codes, the one begun first of all. */
    @Test
    void theMessageNamesTheCodeTheCountGivesTheMinutesTo() {
        List<Finding> f = check(line("97110", Role.PT, "10:00-10:30"), line("97112", Role.PT, "10:05-10:30"),
                line("97140", Role.PT, "10:10-10:20"));
        assertThat(f).filteredOn(x -> x.message().startsWith("97112 (10:05-10:30) and 97140")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("the units count them once, for 97110"));
        // An aide's line counts for nothing: no code is said to keep the minutes it shares.
        List<Finding> aide = check(line("97110", "X1", Role.AIDE, "09:00-09:30"),
                line("97140", "T1", Role.PT, "09:10-09:30"));
        assertThat(aide).allSatisfy(x -> assertThat(x.message()).doesNotContain("the units count them once"));
    }

    /**
     * Near misses: minutes that touch and a supervised modality beside the code keep their minutes (group time beside
     * it no longer does: GroupOverlapTest).
     */
    @Test
    void minutesNotSharedOrSharedWithASupervisedModalityAreNotTakenOff() {
        CheckResult touching = new VisitChecker(REF).check(visit(line("97112", Role.PT, "09:00-09:24"),
                line("97110", Role.PT, "09:24-09:47")));
        assertThat(touching.units().totalTimedMinutes()).isEqualTo(47);
        CheckResult modality = new VisitChecker(REF).check(visit(line("97112", Role.PT, "09:00-09:24"),
                line("97010", Role.PTA, "09:10-09:30")));
        assertThat(modality.units().unitsOf("97112")).isEqualTo(2);
        assertThat(modality.explanation()).noneSatisfy(e -> assertThat(e).contains("also under another code"));
    }

    /** 97150 beside 97110 in the same minutes is MW-G001's finding: not reported twice. 97150 beside 97150 is. */
    @Test
    void groupTimeBesideAnIndividualCodeIsLeftToG001() {
        assertThat(check(line("97150", Role.PT, "09:00-09:30"), line("97110", Role.PT, "09:20-09:40"))).isEmpty();
        assertThat(check(line("97150", Role.PT, "09:00-09:30"), line("97150", Role.PT, "09:20-09:40"))).hasSize(1);
    }

    @Test
    void firesOnASingleSharedMinute() {
        assertThat(check(line("97112", Role.PT, "09:00-09:25"), line("97110", Role.PT, "09:24-09:47")))
                .hasSize(1);
    }

    @Test
    void backToBackPeriodsDoNotOverlap() {
        assertThat(check(line("97112", Role.PT, "09:00-09:24"), line("97110", Role.PT, "09:24-09:47"))).isEmpty();
    }

    @Test
    void supervisedModalityMayShareMinutes() {
        assertThat(check(line("97112", Role.PT, "09:00-09:24"), line("97010", Role.PTA, "09:10-09:30"))).isEmpty();
        assertThat(check(line("G0283", Role.PTA, "09:00-09:15"), line("97110", Role.PT, "09:00-09:20"))).isEmpty();
    }

    /** MW-U004: two clinicians in the same minutes of one code treated together: a warning, not a block. */
    @Test
    void sameCodeFromTwoProvidersAtTheSameTimeIsCoTreatment() {
        List<Finding> f = check(line("97110", "T1", Role.PT, "09:00-09:30"),
                line("97110", "T2", Role.PTA, "09:15-09:30"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U004");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.path()).isEqualTo("services[1]");
            assertThat(x.message()).contains("The same 15 minutes (09:15-09:30) of 97110")
                    .contains("two clinicians").contains("counted once, as the therapist's (no CQ/CO for them)");
        });
        // One clinician twice is no co-treatment: the block, with the usual fix.
        List<Finding> same = check(line("97110", "T1", Role.PT, "09:00-09:30"),
                line("97110", "T1", Role.PT, "09:15-09:30"));
        assertThat(same).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U003");
            assertThat(x.fix()).contains("correct the start and end times");
        });
        // Two assistants: counted once, but the minutes stay an assistant's.
        List<Finding> assistants = check(line("97110", "A1", Role.PTA, "09:00-09:30"),
                line("97110", "A2", Role.PTA, "09:15-09:30"));
        assertThat(assistants).singleElement().satisfies(x -> assertThat(x.message()).doesNotContain("therapist's"));
        // Two clinicians on different codes in the same minutes: still the same minute under two codes.
        assertThat(check(line("97110", "T1", Role.PT, "09:00-09:30"), line("97112", "T2", Role.PTA, "09:15-09:30")))
                .singleElement().satisfies(x -> assertThat(x.ruleId()).isEqualTo("MW-U003"));
        // Two clinicians one after the other: nothing.
        assertThat(check(line("97110", "T1", Role.PT, "09:00-09:15"), line("97110", "T2", Role.PTA, "09:15-09:30")))
                .isEmpty();
    }

    @Test
    void overlappingPeriodsOfOneLineFire() {
        assertThat(check(line("97110", Role.PT, "09:00-09:20", "09:10-09:25"))).hasSize(1);
    }

    @Test
    void untimedServiceThatIsNotASupervisedModalityMayNotShareMinutes() {
        assertThat(check(line("97161", Role.PT, "09:00-09:30"), line("97112", Role.PT, "09:20-09:40")))
                .hasSize(1);
    }

    @Test
    void linesWithoutPeriodsCannotOverlap() {
        assertThat(check(ServiceLine.of("97112", 30, Role.PT), ServiceLine.of("97110", 30, Role.PT))).isEmpty();
    }

    @Test
    void separatePeriodsOfTheSameCodeDoNotOverlap() {
        assertThat(check(line("97112", Role.PT, "08:00-08:20"), line("97112", Role.PT, "14:00-14:25"))).isEmpty();
    }
}
