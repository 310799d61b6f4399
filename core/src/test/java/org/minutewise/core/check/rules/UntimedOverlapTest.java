package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.slp;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * A timed code's minutes inside an untimed one-on-one service's period (CMS Pub 100-04 ch. 5 §20.2; RULES.md §2-§3):
 * time spent on an untimed service (an evaluation, 92610, ...) is not counted toward the timed codes' minutes, and a
 * minute belongs to one code, so the timed code loses the minutes the service's period holds, under either unit
 * method; MW-U003 blocks the overlap and says so. Supervised modalities may share minutes and cut nothing.
 */
class UntimedOverlapTest {

    private static CheckResult check(Visit.Builder v) {
        return checker().check(v.build());
    }

    /** 97161 09:00-09:30 and 97110 09:20-09:50 by one PT: 10 shared minutes (09:20-09:30). */
    private static Visit.Builder evaluationOverTherEx() {
        return visit().service(at("97161", "09:00", "09:30", pt("T1"))).service(at("97110", "09:20", "09:50",
                pt("T1")));
    }

    /** 97161 09:00-09:30 and 97110 09:20-09:50: 97110 keeps 09:30-09:50, 20 minutes, 1 unit (was 30 and 2). */
    @Test
    void anEvaluationsPeriodTakesTheTimedCodesMinutesInsideIt() {
        CheckResult r = check(evaluationOverTherEx());

        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
        assertThat(r.units().timedUnits()).isEqualTo(1);
        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(r.units().unitsOf("97161")).isEqualTo(1);
        assertThat(lines(r)).contains("97161 x1 GP", "97110 x1 GP");
        assertThat(findings(r, "MW-U003")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.message()).contains("97161 (09:00-09:30) and 97110 (09:20-09:50) share 10 minutes "
                    + "(09:20-09:30)").contains("Time spent on an untimed service (97161) is not counted toward "
                    + "timed minutes (CMS Pub 100-04 ch. 5 §20.2): until the times are corrected, the units leave "
                    + "these minutes out of 97110's timed minutes");
        });
        assertThat(r.explanation()).contains("97110: 30 minutes are documented, 10 of them (09:20-09:30) fall "
                + "inside 97161's time (09:00-09:30), an untimed service: time spent on an untimed service is not "
                + "counted toward timed minutes (CMS Pub 100-04 ch. 5 §20.2; MW-U003), so 97110 has 20 minutes.");
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("20 timed minutes"));
    }

    /**
     * The service's minutes are its own whichever began first (unlike two timed codes, where the code begun first
     * keeps them): 97110 09:00-09:30 then 97161 09:20-09:50 leaves 97110 09:00-09:20, 20 minutes, 1 unit.
     */
    @Test
    void theServiceKeepsItsMinutesEvenWhenTheTimedCodeBeganFirst() {
        CheckResult r = check(visit().service(at("97110", "09:00", "09:30", pt("T1")))
                .service(at("97161", "09:20", "09:50", pt("T1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(findings(r, "MW-U003")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the units leave these minutes out of 97110's timed minutes"));
    }

    /** The CPT per-code method counts the same cut minutes: 97110 09:20-09:50 inside 97161 until 09:30 is 20: 1. */
    @Test
    void thePerCodeMethodCountsTheCutMinutesToo() {
        CheckResult r = check(evaluationOverTherEx().payer("commercial"));

        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
    }

    /** A PT re-evaluation (97164) beside 97140: the manual therapy inside it is not timed minutes. */
    @Test
    void aReEvaluationCutsTheTimedCodeInsideIt() {
        CheckResult r = check(visit().service(at("97164", "10:00", "10:25", pt("T1")))
                .service(at("97140", "10:15", "10:38", pt("T1"))));

        assertThat(r.units().unitsOf("97140")).isEqualTo(1); // 10:25-10:38, 13 minutes (23 documented: 2)
        assertThat(ids(r)).contains("MW-U003");
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("97140: 23 minutes are documented, "
                + "10 of them (10:15-10:25) fall inside 97164's time (10:00-10:25)").endsWith("97140 has 13 minutes."));
    }

    /** A swallowing evaluation (92610) and 97129 in the same minutes: 97129 keeps what is outside 92610's period. */
    @Test
    void aSwallowingEvaluationCutsTheCognitiveIntervention() {
        CheckResult r = check(visit().planOfCare(Discipline.SLP).service(at("92610", "13:00", "13:45", slp("S1")))
                .service(at("97129", "13:30", "13:55", slp("S1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(10);
        assertThat(r.units().unitsOf("97129")).isEqualTo(1);
        assertThat(findings(r, "MW-U003")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("92610").contains("97129").contains("share 15 minutes (13:30-13:45)"));
    }

    /** Billed with the overlap counted (97110 x2): MW-B002, as the cut minutes support 1 unit. */
    @Test
    void unitsBilledWithTheOverlapCountedAreOverBilled() {
        billedWithTheCutMinutesIsOverBilled(UntimedOverlapTest::evaluationOverTherEx, "97161");
    }

    /**
     * {@code visit} (97110 09:20-09:50 with 10 of its minutes cut by {@code service}'s period) billed with 97110 x2,
     * as if the cut minutes counted: MW-B002; billed x1, as the cut minutes support: no MW-B002.
     */
    static void billedWithTheCutMinutesIsOverBilled(java.util.function.Supplier<Visit.Builder> visit,
                                                    String service) {
        CheckResult r = check(visit.get().billed(billed(service, 2)));

        assertThat(findings(r, "MW-B002")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("97110 is billed with 2 units").contains("10 more of its documented minutes"));
        assertThat(ids(check(visit.get().billed(billed(service, 1))))).doesNotContain("MW-B002");
    }

    /** {@code service} x1 and 97110 with {@code units}, GP. */
    private static List<BilledLine> billed(String service, int units) {
        return List.of(new BilledLine(service, List.of("GP"), 1, Optional.empty()),
                new BilledLine("97110", List.of("GP"), units, Optional.empty()));
    }

    /** The audit's supported units are the count's: the cut minutes are no provider's timed minutes. */
    @Test
    void theAuditDigestTakesTheSameCut() {
        theDigestCounts(check(evaluationOverTherEx()), "97110", 20);
    }

    /** The audit's digest of {@code r} gives {@code code} {@code minutes} (the count's, after the cut). */
    static void theDigestCounts(CheckResult r, String code, int minutes) {
        VisitDigest d = VisitDigest.of(r, ComplianceFixture.codes());

        assertThat(d.treatments()).filteredOn(t -> t.code().equals(code)).singleElement()
                .satisfies(t -> assertThat(t.minutes()).isEqualTo(minutes));
    }

    // ---- near misses ------------------------------------------------------------------------------------------

    /** Periods touching end to start share no minute (half-open): nothing is cut, no MW-U003. */
    @Test
    void touchingPeriodsCutNothing() {
        CheckResult r = check(visit().service(at("97161", "09:00", "09:30", pt("T1")))
                .service(at("97110", "09:30", "10:00", pt("T1"))));

        assertThat(r.units().unitsOf("97110")).isEqualTo(2);
        assertThat(ids(r)).doesNotContain("MW-U003");
        assertThat(r.explanation()).noneMatch(e -> e.contains("untimed service"));
    }

    /** A supervised modality may share minutes with a timed code: 97010 over 97110 cuts nothing, no MW-U003. */
    @Test
    void aSupervisedModalityOverATimedCodeCutsNothing() {
        CheckResult r = check(visit().service(at("97010", "09:00", "09:30", pt("T1")))
                .service(at("97110", "09:20", "09:50", pt("T1"))));

        assertThat(r.units().unitsOf("97110")).isEqualTo(2);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(30);
        assertThat(ids(r)).doesNotContain("MW-U003");
    }

    /** Two timed codes' overlap is counted once, for the code begun first, as before: no untimed wording. */
    @Test
    void aTimedOverlapIsStillCountedOnceForTheCodeBegunFirst() {
        CheckResult r = check(visit().service(at("97112", "10:00", "10:30", pt("T1")))
                .service(at("97530", "10:15", "10:38", pt("T1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(38);
        assertThat(r.units().unitsOf("97112")).isEqualTo(2);
        assertThat(findings(r, "MW-U003")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the units count them once, for 97112").doesNotContain("untimed"));
    }

    /**
     * Two untimed services in the same minutes are MW-U003 as before, with no word of the units (no timed minute is
     * theirs), even when a timed code's overlap elsewhere in the visit is cut.
     */
    @Test
    void twoUntimedServicesSharingMinutesSayNothingOfTheUnits() {
        CheckResult r = check(visit().planOfCare(Discipline.SLP).service(at("92610", "13:00", "13:30", slp("S1")))
                .service(at("92507", "13:20", "13:40", slp("S1")))
                .service(at("97129", "13:35", "13:55", slp("S1"))));

        assertThat(findings(r, "MW-U003")).anySatisfy(f -> assertThat(f.message())
                .startsWith("92610 (13:00-13:30) and 92507 (13:20-13:40) share 10 minutes")
                .doesNotContain("the units"));
        assertThat(r.units().unitsOf("97129")).isEqualTo(1); // 13:40-13:55: 15 minutes outside 92507's period
        assertThat(r.units().totalTimedMinutes()).isEqualTo(15);
    }

    /** Lines without periods cannot overlap: stated minutes beside an evaluation stay as stated. */
    @Test
    void linesWithoutPeriodsCutNothing() {
        CheckResult r = check(visit().service(at("97161", "09:00", "09:30", pt("T1")))
                .service(minutes("97110", 30, pt("T1"))));

        assertThat(r.units().unitsOf("97110")).isEqualTo(2);
        assertThat(ids(r)).doesNotContain("MW-U003");
    }

    /**
     * An evaluation, a timed code overlapping it and a second timed code overlapping both: the service's minutes are
     * its own first, then the timed codes share the rest once. 97161 09:00-09:30, 97110 09:20-09:50, 97140
     * 09:40-10:00: 97110 keeps 09:30-09:50 (20), 97140 10 (09:50-10:00): 30 minutes, 2 units.
     */
    @Test
    void anEvaluationAndATimedOverlapTogether() {
        CheckResult r = check(evaluationOverTherEx().service(at("97140", "09:40", "10:00", pt("T1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(30);
        assertThat(r.units().timedUnits()).isEqualTo(2);
        List<ServiceLine> view = VisitChecker.minutesView(r.visit(), r.payer(), r.units());
        assertThat(view.get(0)).isSameAs(r.visit().services().get(0)); // the evaluation stays as documented
        assertThat(view.get(1).minutes()).isEqualTo(20);
        assertThat(view.get(2).minutes()).isEqualTo(10);
    }
}
