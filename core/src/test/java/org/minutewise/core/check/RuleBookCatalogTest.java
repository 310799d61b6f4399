package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog of finding ids (RULES.md §8): stable, well-formed ids, each with a title, a fix and a citation. */
class RuleBookCatalogTest {

    private final RuleBook book = RuleBook.standard();
    private final List<RuleInfo> catalog = book.catalog();

    @Test
    void idsAreUnique() {
        List<String> ids = catalog.stream().map(RuleInfo::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void idsLookLikeMwLetterThreeDigits() {
        assertThat(catalog).allSatisfy(i -> assertThat(i.id()).matches("MW-[A-Z]\\d{3}"));
    }

    @Test
    void everyEntryHasATitleAFixAndACitation() {
        assertThat(catalog).allSatisfy(i -> {
            assertThat(i.title()).as(i.id() + " title").isNotBlank();
            assertThat(i.fix()).as(i.id() + " fix").isNotBlank();
            assertThat(i.citation()).as(i.id() + " citation").isNotBlank();
        });
    }

    @Test
    void everyIdARuleEmitsIsInTheCatalog() {
        Set<String> ids = catalog.stream().map(RuleInfo::id).collect(Collectors.toSet());

        assertThat(book.rules()).allSatisfy(rule -> {
            assertThat(rule.emits()).as(rule.info().id() + " emits its own id").contains(rule.info());
            assertThat(rule.emits()).allSatisfy(i -> {
                assertThat(ids).contains(i.id());
                assertThat(book.find(i.id())).contains(i);
            });
        });
    }

    /**
     * RULES.md §8: versioned and effective-dated. The dated rules are those whose policy began within the years a
     * claim may still be audited; the checks across visits are undated, as their callers do not filter by date.
     */
    @Test
    void versionsAndDates() {
        assertThat(catalog).allSatisfy(i -> assertThat(i.version()).as(i.id()).isPositive());
        assertThat(book.find("MW-B005").orElseThrow().effectiveFrom()).hasToString("2020-01-01");
        assertThat(book.find("MW-C004").orElseThrow().effectiveFrom()).hasToString("2020-01-01");
        assertThat(book.find("MW-P001").orElseThrow().version()).isEqualTo(3);
        assertThat(book.find("MW-P001").orElseThrow().changes()).contains("only for a Medicare visit");
        assertThat(org.minutewise.core.across.PatientHistory.rules()).noneMatch(RuleInfo::dated);
        assertThat(org.minutewise.core.across.TherapistDay.OVERLAP.dated()).isFalse();
        assertThat(org.minutewise.core.across.TherapistVolume.LOW_MINUTES_PER_UNIT.dated()).isFalse();
    }

    @Test
    void aDatedRuleSaysItsDatesAndAppliesOnlyWithinThem() {
        RuleInfo r = new RuleInfo("MW-Z999", Severity.WARN, "t", "f", "Source §1", "RULES.md")
                .inEffectFrom(java.time.LocalDate.of(2020, 1, 1)).inEffectTo(java.time.LocalDate.of(2022, 12, 31));
        assertThat(r.inEffectOn(java.time.LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(r.inEffectOn(java.time.LocalDate.of(2020, 1, 1))).isTrue();
        assertThat(r.inEffectOn(java.time.LocalDate.of(2022, 12, 31))).isTrue();
        assertThat(r.inEffectOn(java.time.LocalDate.of(2023, 1, 1))).isFalse();
        assertThat(r.finding("p", "m").citation()).isEqualTo("Source §1; in effect from 2020-01-01 to 2022-12-31");
        RuleInfo undated = new RuleInfo("MW-Z998", Severity.WARN, "t", "f", "Source §2", "RULES.md");
        assertThat(undated.finding("p", "m").citation()).isEqualTo("Source §2");
        assertThat(undated.inEffectOn(java.time.LocalDate.of(1990, 1, 1))).isTrue();
    }

    @Test
    void aNewVersionSaysWhatChanged() {
        RuleInfo r = new RuleInfo("MW-Z999", Severity.WARN, "t", "f", "c", "RULES.md");
        assertThat(r.revised(2, "now per discipline").version()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.revised(2, ""))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.revised(1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingsOfRulesNotInEffectAreLeftOutAndTheListIsKeptWhenAllApply() {
        RuleInfo later = new RuleInfo("MW-Z999", Severity.WARN, "t", "f", "c", "RULES.md")
                .inEffectFrom(java.time.LocalDate.of(2020, 1, 1));
        RuleInfo always = new RuleInfo("MW-Z998", Severity.WARN, "t", "f", "c", "RULES.md");
        Rule rule = new Rule() {
            @Override
            public RuleInfo info() {
                return always;
            }

            @Override
            public List<RuleInfo> emits() {
                return List.of(always, later);
            }

            @Override
            public void check(CheckContext ctx, List<Finding> out) {
            }
        };
        RuleBook b = RuleBook.of(List.of(rule));
        List<Finding> found = List.of(always.finding("a", "1"), later.finding("b", "2"), always.finding("c", "3"));
        assertThat(b.inEffect(found, java.time.LocalDate.of(2019, 6, 1))).extracting(Finding::path)
                .containsExactly("a", "c");
        assertThat(b.inEffect(found, java.time.LocalDate.of(2020, 6, 1))).isSameAs(found);
    }

    @Test
    void theEngineIdsAreInTheCatalog() {
        assertThat(book.find(RuleBook.RULE_FAILED.id())).contains(RuleBook.RULE_FAILED);
        assertThat(book.find(RuleBook.OVERRIDE_REFUSED.id())).contains(RuleBook.OVERRIDE_REFUSED);
    }

    /** Every id the compliance engine is documented to emit. */
    @Test
    void theComplianceIdsAreAllThere() {
        Set<String> ids = catalog.stream().map(RuleInfo::id).collect(Collectors.toSet());

        assertThat(ids).contains("MW-E001", "MW-E002", "MW-E003", "MW-E004", "MW-E005", "MW-E006", "MW-E007",
                "MW-E008", "MW-G001", "MW-G002", "MW-G004", "MW-W001", "MW-W002", "MW-W003", "MW-W004", "MW-W005", "MW-W006",
                "MW-C002", "MW-C003", "MW-C004", "MW-C005", "MW-C006", "MW-C011", "MW-C012", "MW-C013", "MW-C014", "MW-C015", "MW-C016", "MW-P001", "MW-P002", "MW-P003", "MW-P004", "MW-K001",
                "MW-K002", "MW-K003", "MW-K004", "MW-M001", "MW-S001", "MW-S002", "MW-O001", "MW-X001", "MW-B014",
                "MW-B015", "MW-B016", "MW-B017", "MW-U008", "MW-M002");
    }

    @Test
    void catalogIsSortedById() {
        List<String> ids = catalog.stream().map(RuleInfo::id).toList();

        assertThat(ids).isSorted();
    }
}
