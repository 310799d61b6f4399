package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.group;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.slp;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Visit;

/** Group time is 97150, never an individual code (RULES.md §1-§2). */
class GroupTimeTest {

    private static CheckResult check(Visit v) {
        return only(new GroupTime()).check(v);
    }

    @Test
    void groupAndAnIndividualCodeSharingMinutesG001() {
        CheckResult r = check(visit()
                .service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", "09:15", "09:30", pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-G001");
        assertThat(r.findings().get(0).path()).isEqualTo("services[1]");
        assertThat(r.findings().get(0).blocks()).isTrue();
    }

    /** The group session recorded again under 97110 as group time: its minutes are left out (MW-U007), no block. */
    @Test
    void aTimedCodeRecordedAsTheGroupsTimeIsNotG001() {
        CheckResult r = check(visit()
                .service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(group(at("97110", "09:00", "09:30", pt("T1"))))
                .build());

        assertThat(ids(r)).doesNotContain("MW-G001");
    }

    /**
     * A group code whose service says it was one-on-one (an OT/SLP coder's review: 92508 "one-on-one" passed): a
     * warning naming the individual code. Near misses: a group code with no mode (group time by its code) or in group
     * mode; the individual 92507 documented one-on-one.
     */
    @Test
    void aGroupCodeDocumentedOneOnOneG004() {
        CheckResult speech = check(visit().planOfCare(org.minutewise.core.model.Discipline.SLP)
                .service(at("92508", "09:00", "09:55", slp("S1")).withMode(Mode.ONE_ON_ONE)).build());
        assertThat(ids(speech)).containsExactly("MW-G004");
        assertThat(speech.findings().get(0)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(org.minutewise.core.check.Severity.WARN);
            assertThat(f.path()).isEqualTo("services[0].mode");
            assertThat(f.message()).isEqualTo("92508 is group speech, language or voice treatment (two or more "
                    + "patients treated at once), but the service is documented as one-on-one time. Treatment of one "
                    + "patient alone is billed as 92507, the individual code.");
            assertThat(f.citation()).contains("§230 A");
        });
        CheckResult therapy = check(visit().service(at("97150", "09:00", "09:30", pt("T1")).withMode(Mode.ONE_ON_ONE))
                .build());
        assertThat(ids(therapy)).containsExactly("MW-G004");
        assertThat(therapy.findings().get(0).message()).startsWith("97150 is a group therapy code")
                .contains("the timed procedure codes (97110-97546) by their minutes");

        assertThat(ids(check(visit().planOfCare(org.minutewise.core.model.Discipline.SLP)
                .service(at("92508", "09:00", "09:55", slp("S1"))).build()))).doesNotContain("MW-G004");
        assertThat(ids(check(visit().service(group(at("97150", "09:00", "09:30", pt("T1")))).build())))
                .doesNotContain("MW-G004");
        assertThat(ids(check(visit().planOfCare(org.minutewise.core.model.Discipline.SLP)
                .service(at("92507", "09:00", "09:55", slp("S1")).withMode(Mode.ONE_ON_ONE)).build()))).isEmpty();
    }

    @Test
    void groupThenIndividualInTouchingPeriodsIsFine() {
        CheckResult r = check(visit()
                .service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", "09:30", "09:45", pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void oneOnOneCodeBilledForGroupTimeG002() {
        // A timed code's group minutes are left out of the units (v3): MW-U007 says so, not this rule.
        CheckResult r = check(visit().service(group(minutes("97110", 30, pt("T1")))).build());

        assertThat(ids(r)).isEmpty();
        assertThat(r.units().timedUnits()).isZero();
    }

    /** 92507 is individual speech treatment: group time under it is 92508 (CPT); one-on-one 92507 is fine. */
    @Test
    void individualSpeechTreatmentBilledForGroupTimeG002() {
        CheckResult r = check(visit().planOfCare(org.minutewise.core.model.Discipline.SLP)
                .service(group(untimed("92507", slp("S1")))).build());
        assertThat(ids(r)).containsExactly("MW-G002");
        assertThat(r.findings().get(0).message()).contains("Group speech, language or voice treatment is 92508");
        assertThat(check(visit().planOfCare(org.minutewise.core.model.Discipline.SLP)
                .service(untimed("92507", slp("S1"))).build()).findings()).isEmpty();
    }

    @Test
    void constantAttendanceModalityBilledForGroupTimeG002() {
        CheckResult r = check(visit().service(group(minutes("97032", 15, pt("T1")))).build());

        assertThat(ids(r)).isEmpty(); // left out of the units: MW-U007's
    }

    @Test
    void groupTimeBilledAs97150IsFine() {
        CheckResult r = check(visit().service(group(untimed("97150", pt("T1")))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void oneOnOneCodeInOneOnOneModeIsFine() {
        CheckResult r = check(visit().service(minutes("97110", 30, pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void oneOnOneCodeOrConstantAttendanceBilledForSupervisedTimeG003() {
        CheckResult r = check(visit().service(minutes("97110", 30, pt("T1")).withMode(Mode.SUPERVISED))
                .service(minutes("97032", 8, pt("T1")).withMode(Mode.SUPERVISED)).build());

        assertThat(r.findings()).extracting(f -> f.ruleId() + " " + f.path())
                .containsExactly("MW-G003 services[0].mode", "MW-G003 services[1].mode");
        assertThat(r.findings().get(1).message()).contains("constant attendance");
        assertThat(r.findings().get(0).blocks()).isFalse(); // v2: left out of the units, so a warning
    }

    @Test
    void aSupervisedModalityInSupervisedModeIsFine() {
        CheckResult r = check(visit().service(minutes("97010", 10, pt("T1")).withMode(Mode.SUPERVISED))
                .service(untimed("G0283", pt("T1")).withMode(Mode.SUPERVISED)).build());

        assertThat(r.findings()).isEmpty();
    }
}
