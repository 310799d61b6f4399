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
                "MW-E008", "MW-G001", "MW-G002", "MW-W001", "MW-W002", "MW-W003", "MW-W004", "MW-W005", "MW-W006",
                "MW-C002", "MW-C003", "MW-C004", "MW-C005", "MW-C006", "MW-P001", "MW-P002", "MW-P003", "MW-K001",
                "MW-K002", "MW-K003", "MW-K004", "MW-M001", "MW-S001", "MW-S002", "MW-O001", "MW-X001");
    }

    @Test
    void catalogIsSortedById() {
        List<String> ids = catalog.stream().map(RuleInfo::id).toList();

        assertThat(ids).isSorted();
    }
}
