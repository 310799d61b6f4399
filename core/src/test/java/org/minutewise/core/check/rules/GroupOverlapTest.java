package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.group;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/**
 * An individual timed code's minutes inside a group code's period (RULES.md §2: one clinician treating two or more
 * patients in the same minutes is group therapy, billed as 97150, and a minute belongs to one code; CMS Pub 100-02
 * ch. 15 §230 A): the minutes are group time, not one-on-one minutes, so the timed code loses them before units are
 * counted, under either method, and MW-G001 still blocks the overlap and says so. Periods that only touch, or a group
 * apart from the timed code, cut nothing.
 */
class GroupOverlapTest {

    private static CheckResult check(Visit.Builder v) {
        return checker().check(v.build());
    }

    /** 97150 09:00-09:30 (group) and 97110 09:20-09:50 by one PT: 10 shared minutes (09:20-09:30). */
    private static Visit.Builder groupOverTherEx() {
        return visit().service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", "09:20", "09:50", pt("T1")));
    }

    /** 97110 keeps 09:30-09:50: 20 minutes, 1 unit (30 minutes and 2 units before the cut). */
    @Test
    void theGroupsPeriodTakesTheTimedCodesMinutesInsideIt() {
        CheckResult r = check(groupOverTherEx());

        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
        assertThat(r.units().timedUnits()).isEqualTo(1);
        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(r.units().unitsOf("97150")).isEqualTo(1);
        assertThat(lines(r)).contains("97150 x1 GP").anySatisfy(l -> assertThat(l).startsWith("97110 x1 GP"));
        assertThat(findings(r, "MW-G001")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("services[1]");
            assertThat(f.message()).startsWith("97150 (group) and 97110 (individual) share 10 documented minutes; "
                    + "the same minutes cannot be both group and one-on-one.").endsWith("Until the times are "
                    + "corrected, the units leave these minutes out of 97110's one-on-one minutes, as group time (see "
                    + "the explanation).");
        });
        assertThat(ids(r)).doesNotContain("MW-U003");
        assertThat(r.explanation()).contains("97110: 30 minutes are documented, 10 of them (09:20-09:30) fall "
                + "inside 97150's group time (09:00-09:30): the same minutes cannot be both group and one-on-one, and "
                + "group time is billed once, as the group code (CMS Pub 100-02 ch. 15 §230 A; MW-G001), so 97110 "
                + "has 20 minutes.");
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("20 timed minutes"));
    }

    /**
     * The group's minutes are group time whichever began first: 97110 09:00-09:30 then 97150 09:20-09:50 (no mode
     * recorded on the group line) leaves 97110 09:00-09:20, 20 minutes, 1 unit.
     */
    @Test
    void theGroupKeepsItsMinutesEvenWhenTheTimedCodeBeganFirst() {
        CheckResult r = check(visit().service(at("97110", "09:00", "09:30", pt("T1")))
                .service(at("97150", "09:20", "09:50", pt("T1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(findings(r, "MW-G001")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the units leave these minutes out of 97110's one-on-one minutes"));
    }

    /** The CPT per-code method counts the same cut minutes: 97110 09:30-09:50 is 20 minutes, 1 unit. */
    @Test
    void thePerCodeMethodCountsTheCutMinutesToo() {
        CheckResult r = check(groupOverTherEx().payer("commercial"));

        assertThat(r.units().unitsOf("97110")).isEqualTo(1);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(20);
        assertThat(ids(r)).contains("MW-G001");
    }

    /**
     * A group beside two timed codes that overlap each other too: each minute counts once, the group's for nobody's
     * timed minutes, the rest for the timed code begun first. 97150 09:00-09:20, 97110 09:10-09:40, 97112
     * 09:30-09:55: 97110 keeps 09:20-09:40 (20), 97112 09:40-09:55 (15): 35 minutes, 2 units.
     */
    @Test
    void aGroupAndATimedOverlapAreEachCountedOnce() {
        CheckResult r = check(visit().service(group(at("97150", "09:00", "09:20", pt("T1"))))
                .service(at("97110", "09:10", "09:40", pt("T1")))
                .service(at("97112", "09:30", "09:55", pt("T1"))));

        assertThat(r.units().totalTimedMinutes()).isEqualTo(35);
        assertThat(r.units().timedUnits()).isEqualTo(2);
        assertThat(ids(r)).contains("MW-G001", "MW-U003");
        assertThat(r.explanation()).anySatisfy(e -> assertThat(e).startsWith("97110: 30 minutes are documented, ")
                .contains("10 of them (09:10-09:20) fall inside 97150's group time (09:00-09:20)")
                .endsWith("so 97110 has 20 minutes."));
    }

    /** A group period over the whole timed period leaves the timed code no one-on-one minute: 0 units. */
    @Test
    void aTimedCodeWhollyInsideTheGroupKeepsNoMinute() {
        CheckResult r = check(visit().service(group(at("97150", "09:00", "09:45", pt("T1"))))
                .service(at("97110", "09:30", "09:45", pt("T1"))));

        assertThat(r.units().unitsOf("97110")).isZero();
        assertThat(r.units().timedUnits()).isZero();
        assertThat(ids(r)).contains("MW-G001");
        assertThat(r.blocks()).isTrue();
    }

    /** Billed with the overlap counted (97110 x2): MW-B002, as the cut minutes support 1 unit; x1 is not. */
    @Test
    void unitsBilledWithTheGroupMinutesCountedAreOverBilled() {
        UntimedOverlapTest.billedWithTheCutMinutesIsOverBilled(GroupOverlapTest::groupOverTherEx, "97150");
    }

    /** The audit's supported units are the count's: the group minutes are no provider's one-on-one minutes. */
    @Test
    void theAuditDigestTakesTheSameCut() {
        UntimedOverlapTest.theDigestCounts(check(groupOverTherEx()), "97110", 20);
    }

    // ---- near misses ------------------------------------------------------------------------------------------

    /**
     * Periods touching end to start share no minute (half-open), and a group an hour before the timed code shares
     * none either: nothing is cut, no MW-G001.
     */
    @ParameterizedTest
    @CsvSource({"09:30, 10:00", "10:30, 11:00"})
    void aGroupSharingNoMinuteCutsNothing(String start, String end) {
        CheckResult r = check(visit().service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", start, end, pt("T1"))));

        assertThat(r.units().unitsOf("97110")).isEqualTo(2);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(30);
        assertThat(ids(r)).doesNotContain("MW-G001", "MW-U003");
        assertThat(r.explanation()).noneMatch(e -> e.contains("group time") || e.contains("documented,"));
    }

    /**
     * The group session recorded again under 97110 as group time: those minutes count for nothing already (MW-U007),
     * no MW-G001, and the explanation says why once (not as a cut inside the group).
     */
    @Test
    void aTimedCodeRecordedAsGroupTimeIsLeftToU007() {
        CheckResult r = check(visit().service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(group(at("97110", "09:00", "09:30", pt("T1")))));

        assertThat(r.units().unitsOf("97110")).isZero();
        assertThat(ids(r)).doesNotContain("MW-G001");
        assertThat(r.explanation()).noneMatch(e -> e.contains("fall inside"));
    }

    /** An aide's minutes count for nothing: MW-G001 still blocks but says nothing of the units (nothing to cut). */
    @Test
    void anAidesLineInTheGroupsMinutesSaysNothingOfTheUnits() {
        CheckResult r = check(visit().service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", "09:15", "09:45", assistant("X1", Role.AIDE))));

        assertThat(findings(r, "MW-G001")).singleElement().satisfies(f -> assertThat(f.message())
                .doesNotContain("the units leave"));
        assertThat(r.units().unitsOf("97110")).isZero();
    }
}
