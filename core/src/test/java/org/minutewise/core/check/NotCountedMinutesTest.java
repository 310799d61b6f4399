package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.slp;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/**
 * Minutes the rules say may not be billed as a timed code (RULES.md §2: an aide's, supervised or group time, an SLPA's
 * to Medicare) are left out of the count, so the claim lines, the estimate and the explanation are what the countable
 * minutes support, beside the finding that blocks (review: 40 minutes and a "professional's choice" were claimed
 * where 28 counted).
 */
final class NotCountedMinutesTest {
    private static final VisitChecker CHECKER = ComplianceFixture.checker(ComplianceFixture.COMMERCIAL);

    @Test
    void supervisedMinutesAreLeftOut() {
        Visit v = visit().service(minutes("97112", 20, pt("T1"))).service(minutes("97110", 8, pt("T1")))
                .service(minutes("97110", 12, pt("T1")).withMode(Mode.SUPERVISED)).build();
        CheckResult r = CHECKER.check(v);
        assertThat(r.units().totalTimedMinutes()).isEqualTo(28);
        assertThat(r.units().unitsByCode()).containsExactly(Map.entry("97112", 1), Map.entry("97110", 1));
        assertThat(r.units().professionalChoice()).isFalse();
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-G003");
        assertThat(r.explanation()).contains("97110 (services[2]): 12 minutes documented as supervised time, and only "
                + "direct one-on-one time counts, so they are left out of the count (RULES.md §2).");
    }

    @Test
    void anAidesMinutesAreLeftOut() {
        Visit v = visit().service(minutes("97112", 20, pt("T1")))
                .service(minutes("97110", 20, assistant("AIDE1", Role.AIDE))).build();
        CheckResult r = CHECKER.check(v);
        assertThat(r.units().unitsByCode()).containsExactly(Map.entry("97112", 1), Map.entry("97110", 0));
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-U007").doesNotContain("MW-W002");
        // Recorded, not billed: nothing to delete from the documentation (the commercial payer's other findings aside).
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-U007")).allMatch(f -> !f.blocks())
                .singleElement().satisfies(f -> assertThat(f.fix()).startsWith("Keep the aide's minutes off the "
                        + "claim").doesNotContain("97150"));
        assertThat(r.explanation()).contains("97110 ends with 0 units: it has no minutes that count.");
    }

    @Test
    void groupTimeUnderATimedCodeIsLeftOut() {
        Visit v = visit().service(minutes("97110", 30, pt("T1")).withMode(Mode.GROUP)).build();
        CheckResult r = CHECKER.check(v);
        assertThat(r.units().timedUnits()).isZero();
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-U007")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).startsWith("97110: 30 minutes documented as group time");
                    assertThat(f.fix()).contains("bill group time as 97150");
                });
    }

    @Test
    void anSlpasMinutesCountForACommercialPayerNotForMedicare() {
        Visit.Builder b = visit().planOfCare(Discipline.SLP)
                .service(minutes("97129", 30, assistant("SA1", Role.SLPA, "S1")));
        assertThat(CHECKER.check(b.build()).units().timedUnits()).isZero();
        assertThat(CHECKER.check(b.payer("commercial").build()).units().timedUnits()).isEqualTo(2);
        // The SLP's own minutes count.
        assertThat(CHECKER.check(visit().planOfCare(Discipline.SLP).service(minutes("97129", 30, slp("S1"))).build())
                .units().timedUnits()).isEqualTo(2);
    }

    /** An assistant's supervised minutes left out of the count put no CQ on the unit the PT's minutes make. */
    @Test
    void leftOutMinutesOfAnAssistantPutNoCq() {
        Visit v = visit().service(minutes("97110", 20, pt("T1")))
                .service(minutes("97110", 15, assistant("A1", Role.PTA, "T1")).withMode(Mode.SUPERVISED)).build();
        CheckResult r = ComplianceFixture.checker().check(v);
        assertThat(r.claim().lines()).extracting(l -> l.code() + " " + l.modifiers() + " x" + l.units())
                .containsExactly("97110 [GP] x1");
        assertThat(r.explanation()).noneMatch(s -> s.contains("with CQ"));
    }

    /** The secondary payer counts the same minutes: an aide's are left out for it too (no false MW-S001). */
    @Test
    void theSecondaryPayerLeavesOutTheSameMinutes() {
        Visit v = visit().secondaryPayer("medicare").service(minutes("97110", 20, pt("T1")))
                .service(minutes("97110", 15, assistant("AIDE1", Role.AIDE))).build();
        assertThat(ComplianceFixture.checker().check(v).findings()).extracting(Finding::ruleId)
                .doesNotContain("MW-S001");
    }

    /** An SLPA's minutes under a timed code, billed to Medicare: MW-U007 (left out), not MW-W011's block. */
    @Test
    void anSlpasLeftOutMinutesWarn() {
        CheckResult r = CHECKER.check(visit().planOfCare(Discipline.SLP)
                .service(minutes("97129", 30, assistant("SA1", Role.SLPA, "S1"))).build());
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-U007").doesNotContain("MW-W011");
    }

    /**
     * An SLP's 92507 continued by an SLPA, billed to Medicare (an OT/SLP coder's review: MW-W011 blocked the claim):
     * 92507 is untimed, so the SLP's own session supports its one unit, under the SLP; the SLPA's part is not
     * billable, which MW-U007 says, with no block. Near misses: the SLPA alone, or beside the SLP's other code, still
     * blocks (MW-W011) and MW-U007 says nothing of an untimed code; for a commercial payer the SLPA's part is W012's.
     */
    @Test
    void anSlpasPartOfAnSlpsUntimedServiceWarnsWithoutBlocking() {
        Visit v = visit().planOfCare(Discipline.SLP).diagnosis("R47.01")
                .service(ComplianceFixture.at("92507", "09:00", "09:20", slp("S1")))
                .service(ComplianceFixture.at("92507", "09:20", "09:40", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult r = CHECKER.check(v);
        assertThat(r.blocks()).isFalse();
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("MW-W011");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-U007")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("services[1]");
            assertThat(f.blocks()).isFalse();
            assertThat(f.message()).isEqualTo("92507: 20 minutes furnished by a speech-language pathology "
                    + "assistant (SA1), whose services Medicare does not pay. 92507 is untimed: its one unit rests on "
                    + "the speech-language pathologist's own session on this visit, and the SLPA's part adds nothing "
                    + "to it; it may not be billed on its own.");
            assertThat(f.fix()).startsWith("Keep the speech-language pathology assistant's minutes off the "
                    + "Medicare claim");
        });
        assertThat(r.claim().lines()).singleElement().satisfies(l -> {
            assertThat(l.units()).isEqualTo(1);
            assertThat(l.renderingProvider()).contains("S1");
        });

        Visit alone = visit().planOfCare(Discipline.SLP).diagnosis("R47.01")
                .service(ComplianceFixture.at("92507", "09:20", "09:40", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult blocked = CHECKER.check(alone);
        assertThat(blocked.findings()).extracting(Finding::ruleId).contains("MW-W011").doesNotContain("MW-U007");
        assertThat(blocked.blocks()).isTrue();
        Visit otherCode = visit().planOfCare(Discipline.SLP)
                .service(ComplianceFixture.at("92610", "09:00", "09:20", slp("S1")))
                .service(ComplianceFixture.at("92507", "09:20", "09:40", assistant("SA1", Role.SLPA, "S1"))).build();
        assertThat(CHECKER.check(otherCode).findings()).extracting(Finding::ruleId).contains("MW-W011")
                .doesNotContain("MW-U007");
        CheckResult commercial = CHECKER.check(v.toBuilder().payer("commercial").build());
        assertThat(commercial.findings()).extracting(Finding::ruleId).contains("MW-W012")
                .doesNotContain("MW-U007", "MW-W011");
    }

    /** The near miss: a PTA's one-on-one minutes count, and nothing is said about leaving any out. */
    @Test
    void anAssistantsOneOnOneMinutesCount() {
        Visit v = visit().service(minutes("97112", 20, pt("T1")))
                .service(minutes("97110", 20, assistant("A1", Role.PTA, "T1"))).build();
        CheckResult r = CHECKER.check(v);
        assertThat(r.units().timedUnits()).isEqualTo(3);
        assertThat(r.explanation()).noneMatch(s -> s.contains("left out of the count"));
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("MW-U007");
    }
}
