package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitCalculator;

/** What a unit count can tell from its codes alone, through the same rule classes as the full check. */
final class CodeLevelCheckTest {
    private static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    private static List<Finding> of(String payer, LocalDate dos, CodeMinutes... input) {
        ReferenceData ref = ComplianceFixture.ref();
        var profile = ref.payers().find(payer).orElseThrow();
        var units = UnitCalculator.compute(profile.method(), List.of(input), ref.codes());
        return CodeLevelCheck.of(List.of(input), units, profile, ref, dos);
    }

    @Test
    void firesOnUnitLimitsCodesThePayerDoesNotTakeAndTwoEvaluations() {
        assertThat(of("medicare", DOS, new CodeMinutes("97112", 75))).extracting(Finding::ruleId, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MW-E006", "97112"));
        assertThat(of("medicare", DOS, new CodeMinutes("97014", 0))).extracting(Finding::ruleId)
                .containsExactly("MW-C002");
        assertThat(of("medicare", DOS, new CodeMinutes("97161", 0), new CodeMinutes("97162", 0)))
                .extracting(Finding::ruleId).containsExactly("MW-E008");
        assertThat(of("medicare", DOS, new CodeMinutes("97532", 30))).extracting(Finding::ruleId)
                .containsExactly("MW-C005");
    }

    /** Near misses: within the MUE, 97014 to a commercial payer, one evaluation per discipline, a code on its date. */
    @Test
    void staysQuietWhenTheCodesAreFine() {
        assertThat(of("medicare", DOS, new CodeMinutes("97112", 60), new CodeMinutes("97110", 23))).isEmpty();
        assertThat(of("commercial", DOS, new CodeMinutes("97014", 0))).isEmpty();
        assertThat(of("medicare", DOS, new CodeMinutes("97161", 0), new CodeMinutes("97165", 0))).isEmpty();
        assertThat(of("medicare", LocalDate.of(2019, 5, 1), new CodeMinutes("97532", 30))).isEmpty();
        // No visit, no diagnosis: the diagnosis findings of the same rule class are not a count's business.
        assertThat(of("medicare", DOS, new CodeMinutes("97110", 30))).noneMatch(f -> f.ruleId().equals("MW-C008"));
    }

    /**
     * An NCCI pair is visible from the codes alone (RULES.md §4-§5): a count has no times, so it says the pair needs
     * separate intervals for 59/X (MW-E003), never that the services overlapped (MW-E002).
     */
    @Test
    void reportsTheNcciPairTheCodesShowWithoutClaimingAnOverlap() {
        List<Finding> f = of("medicare", DOS, new CodeMinutes("97530", 30), new CodeMinutes("97140", 15));
        assertThat(f).extracting(Finding::ruleId, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MW-E003", "97140"));
        assertThat(f.get(0).message()).contains("97530 (column one) and 97140 (column two) are an NCCI pair")
                .contains("different time intervals").doesNotContain("overlap");
        // Indicator 0: no modifier bypasses it.
        assertThat(of("medicare", DOS, new CodeMinutes("97113", 30), new CodeMinutes("97110", 15)))
                .extracting(Finding::ruleId).containsExactly("MW-E001");
        // A payer that denies 59/X on the pair says so.
        var denies = ComplianceFixture.Payer.commercial("denies", org.minutewise.core.units.UnitMethod.CPT)
                .deniesDistinct("97530/97140").build();
        ReferenceData ref = ComplianceFixture.ref(denies);
        List<CodeMinutes> in = List.of(new CodeMinutes("97530", 30), new CodeMinutes("97140", 15));
        var units = UnitCalculator.compute(denies.method(), in, ref.codes());
        assertThat(CodeLevelCheck.of(in, units, denies, ref, DOS)).extracting(Finding::ruleId).contains("MW-E005");
    }

    /** Near misses: two codes that are no pair, and the pair's column one alone. */
    @Test
    void saysNothingOfCodesThatAreNoPair() {
        assertThat(of("medicare", DOS, new CodeMinutes("97530", 30), new CodeMinutes("97110", 15))).isEmpty();
        assertThat(of("medicare", DOS, new CodeMinutes("97530", 45))).isEmpty();
        assertThat(of("medicare", DOS, new CodeMinutes("97140", 15), new CodeMinutes("97140", 15))).isEmpty();
    }
}
