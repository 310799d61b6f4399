package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.UnitMethod;

/** The checker runs every rule; a rule that fails is a blocking finding, never a silent pass (RULES.md §8). */
final class VisitCheckerTest {

    private static final RuleInfo THROWS = new RuleInfo("MW-T001", Severity.INFO, "Always throws", "none", "test",
            "test");
    private static final RuleInfo WRITES = new RuleInfo("MW-T002", Severity.INFO, "Always reports", "none", "test",
            "test");

    /** Adds a finding, then throws: the half-written finding must not survive. */
    private static final class Throwing implements Rule {
        @Override
        public RuleInfo info() {
            return THROWS;
        }

        @Override
        public void check(CheckContext ctx, List<Finding> out) {
            out.add(THROWS.finding("services[0]", "half written"));
            throw new IllegalStateException("boom");
        }
    }

    private static final class Reporting implements Rule {
        private final RuleInfo info;

        Reporting(RuleInfo info) {
            this.info = info;
        }

        @Override
        public RuleInfo info() {
            return info;
        }

        @Override
        public void check(CheckContext ctx, List<Finding> out) {
            out.add(info.finding("", "ran"));
        }
    }

    private static Visit simple() {
        return visit(ServiceLine.of("97112", 24, Role.PT));
    }

    @Test
    void aRuleThatThrowsBecomesABlockingFinding() {
        CheckResult r = new VisitChecker(Fixtures.REF, RuleBook.of(List.of(new Throwing()))).check(simple());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MW-X001");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.message()).contains("MW-T001").contains("IllegalStateException");
        });
        assertThat(r.blocks()).isTrue();
    }

    @Test
    void aUnitCountThatThrowsIsABlockingFindingNamingTheVisitNotAnExceptionOrASilentPass() {
        // The count runs before the rules: its failure used to escape check() (a negative minute, CodeMinutes).
        VisitChecker failing = new VisitChecker(Fixtures.REF, RuleBook.standard(), java.util.Optional.empty(),
                (c, v, p, codes) -> {
                    throw new IllegalArgumentException("boom");
                });
        CheckResult r = failing.check(simple());
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MW-X001");
            assertThat(f.message()).contains("Counting the units").contains(simple().id())
                    .contains("IllegalArgumentException").contains("not checked");
        });
        assertThat(r.blocks()).isTrue();
        assertThat(r.claim().lines()).isEmpty();
        assertThat(r.claim().estimate().available()).isFalse();
        // asOf keeps the checker's count (the point of care's checker is the same checker).
        assertThat(failing.asOf(java.time.LocalDate.of(2026, 3, 2)).check(simple()).findings())
                .extracting(Finding::ruleId).containsExactly("MW-X001");
    }

    @Test
    void aUnitCountThatSucceedsRunsTheRulesAsBefore() {
        // Near miss: the same checker with the real count reports what the rule book finds, no MW-X001.
        CheckResult r = new VisitChecker(Fixtures.REF, RuleBook.standard()).check(simple());
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("MW-X001");
        assertThat(r.claim().lines()).isNotEmpty();
    }

    @Test
    void theOtherRulesStillRunAroundAFailingOne() {
        RuleBook book = RuleBook.of(List.of(new Reporting(WRITES), new Throwing(),
                new Reporting(new RuleInfo("MW-T003", Severity.WARN, "After", "none", "test", "test"))));
        CheckResult r = new VisitChecker(Fixtures.REF, book).check(simple());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("MW-T002", "MW-X001", "MW-T003");
        assertThat(r.count(Severity.BLOCK)).isEqualTo(1);
    }

    @Test
    void ruleBookRejectsDuplicateIds() {
        assertThatThrownBy(() -> RuleBook.of(List.of(new Reporting(WRITES), new Reporting(WRITES))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MW-T002");
    }

    @Test
    void ruleBookRejectsARuleThatTakesTheFailureId() {
        RuleInfo clash = new RuleInfo("MW-X001", Severity.INFO, "Clash", "none", "test", "test");
        assertThatThrownBy(() -> RuleBook.of(List.of(new Reporting(clash))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MW-X001");
    }

    @Test
    void ruleIdsMustLookLikeMwIds() {
        assertThatThrownBy(() -> new RuleInfo("U001", Severity.INFO, "t", "f", "c", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void standardCatalogListsEveryIdSorted() {
        assertThat(RuleBook.standard().catalog()).extracting(RuleInfo::id)
                .contains("MW-U001", "MW-U002", "MW-U003", "MW-X001").isSorted().doesNotHaveDuplicates();
        assertThat(RuleBook.standard().find("MW-U003")).get().extracting(RuleInfo::severity)
                .isEqualTo(Severity.BLOCK);
    }

    @Test
    void cleanVisitHasNoFindingsAndDoesNotBlock() {
        CheckResult r = new VisitChecker(Fixtures.REF).check(visit(line("97112", Role.PT, "09:00-09:24"),
                line("97110", Role.PTA, "09:24-09:47"), line("G0283", Role.PTA, "09:40-09:55")));
        assertThat(r.findings()).isEmpty();
        assertThat(r.blocks()).isFalse();
        assertThat(r.units().method()).isEqualTo(UnitMethod.CMS);
        assertThat(r.units().unitsByCode()).containsEntry("97112", 2).containsEntry("97110", 1)
                .containsEntry("G0283", 1);
    }

    @Test
    void overlapBlocksTheVisit() {
        CheckResult r = new VisitChecker(Fixtures.REF).check(visit(line("97112", Role.PT, "10:00-10:25"),
                line("97530", Role.PT, "10:15-10:40")));
        assertThat(r.blocks()).isTrue();
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-U003");
    }

    /**
     * Co-treatment (RULES.md §2, §4): a PT 09:00-09:30 and a PTA 09:15-09:45 on 97110 are 45 minutes, 3 units, not
     * 60 and 4; the PTA furnished 15 minutes alone (09:30-09:45), one full block: one unit carries CQ.
     */
    @Test
    void coTreatmentCountsTheSharedMinutesOnceAndDoesNotBlock() {
        CheckResult r = new VisitChecker(Fixtures.REF).check(visit(line("97110", "T1", Role.PT, "09:00-09:30"),
                line("97110", "A1", Role.PTA, "09:15-09:45")));
        assertThat(r.units().totalTimedMinutes()).isEqualTo(45);
        assertThat(r.units().unitsByCode()).containsEntry("97110", 3);
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-U004").doesNotContain("MW-U003");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("MW-U")).noneMatch(Finding::blocks);
        assertThat(r.claim().lines()).extracting(l -> l.code() + " " + l.modifiers() + " x" + l.units())
                .containsExactlyInAnyOrder("97110 [GP] x2", "97110 [GP, CQ] x1");
    }

    @Test
    void thePayerProfileDecidesTheMethod() {
        Visit v = visit(ServiceLine.of("97110", 20, Role.PT), ServiceLine.of("97112", 20, Role.PT)).toBuilder()
                .payer("commercial").build();
        CheckResult r = new VisitChecker(Fixtures.REF).check(v);
        assertThat(r.units().method()).isEqualTo(UnitMethod.CPT);
        assertThat(r.units().timedUnits()).isEqualTo(2);
        assertThat(new VisitChecker(Fixtures.REF).check(v, Fixtures.MEDICARE).units().timedUnits()).isEqualTo(3);
    }

    @Test
    void unknownPayerIsNamed() {
        Visit v = simple().toBuilder().payer("acme").build();
        assertThatThrownBy(() -> new VisitChecker(Fixtures.REF).check(v))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("payer: unknown payer profile");
    }
}
