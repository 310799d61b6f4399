package org.minutewise.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.VisitChecker;

/**
 * A visit built in code (an integrator's EMR, not a reader) is held to what the readers take: what no reader would
 * produce is refused at {@code build()}, naming the field as the readers do; what is well formed passes.
 */
final class VisitValidationTest {
    private static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    private static Visit.Builder base() {
        return Visit.builder("V-1", DOS).payer("medicare").planOfCare(Discipline.PT).diagnosis("I69.351")
                .totalTreatmentMinutes(20).service(ServiceLine.of("97110", 20, Role.PT));
    }

    private static void refused(Visit.Builder b, String message) {
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aDiagnosisThatIsNoIcd10CodeIsRefusedNamingItsPlace() {
        refused(base().diagnoses(List.of("I69.351", "hello")), "diagnoses[1]: not an ICD-10-CM code: \"hello\" "
                + "(expected a code like I69.351)");
        refused(base().diagnoses(List.of("")), "diagnoses[0]: must not be empty");
        refused(base().diagnoses(List.of("  ")), "diagnoses[0]: must not be empty");
        refused(base().diagnoses(List.of("I69.35111")), "diagnoses[0]: not an ICD-10-CM code: \"I69.35111\" "
                + "(expected a code like I69.351)");
        refused(base().diagnoses(List.of("U07.1")), "diagnoses[0]: not an ICD-10-CM code: \"U07.1\" "
                + "(expected a code like I69.351)");
    }

    @Test
    void wellFormedDiagnosesPassDottedOrNotEvenWhenTheCodeSetWouldNotHoldThem() {
        // Near miss: the shape is the model's; whether the code exists is the check's (MW-C015, MW-C007).
        // In lower case too: the rules compare diagnoses in capitals.
        assertThat(base().diagnoses(List.of("I69351", "R26.81", "M54.5", "Z99.XX", "i69.351")).build().diagnoses())
                .containsExactly("I69351", "R26.81", "M54.5", "Z99.XX", "i69.351");
    }

    @Test
    void aWellFormedDiagnosisNoCodeEndsInIsAFindingOfTheCheckNotAnException() {
        Visit v = base().diagnoses(List.of("J45.9X")).build();
        CheckResult r = new VisitChecker(Fixtures.REF).check(v);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("MW-C015");
            assertThat(f.path()).isEqualTo("diagnoses[0]");
        });
        assertThat(r.blocks()).isTrue();
    }

    @Test
    void minutesOutOfADayAreRefusedNamingTheLine() {
        refused(base().service(ServiceLine.of("97112", -5, Role.PT)),
                "services[1].minutes: must be between 0 and 1440, got -5");
        refused(base().services(List.of(ServiceLine.of("97110", Integer.MAX_VALUE, Role.PT),
                ServiceLine.of("97112", Integer.MAX_VALUE, Role.PT))),
                "services[0].minutes: must be between 0 and 1440, got 2147483647");
        refused(base().totalTreatmentMinutes(-40), "totalTreatmentMinutes: must be between 0 and 1440, got -40");
        refused(base().totalTreatmentMinutes(1441), "totalTreatmentMinutes: must be between 0 and 1440, got 1441");
    }

    @Test
    void minutesAtTheEdgesOfADayPass() {
        assertThat(base().services(List.of(ServiceLine.of("97110", 0, Role.PT), ServiceLine.of("97112",
                Visit.MAX_MINUTES, Role.PT))).totalTreatmentMinutes(Visit.MAX_MINUTES).build().services())
                .hasSize(2);
        assertThat(base().totalTreatmentMinutes(0).build().totalTreatmentMinutes()).hasValue(0);
    }

    @Test
    void aCodeThatIsNoCptOrHcpcsCodeIsRefused() {
        refused(base().service(ServiceLine.of("hello", 10, Role.PT)), "services[1].code: not a CPT or HCPCS code: "
                + "\"hello\" (expected 5 digits like 97112, or a letter and 4 digits like G0283)");
        // Near miss: a well-formed code the catalog does not know is the check's to report.
        assertThat(base().service(ServiceLine.of("99999", 10, Role.PT)).build().services()).hasSize(2);
    }

    @Test
    void billedUnitsOutOfRangeAreRefused() {
        refused(base().billed(List.of(new BilledLine("97110", List.of("GP"), -3, Optional.empty()))),
                "billed[0].units: expected a whole number from 0 to 10000, got -3");
        refused(base().billed(List.of(new BilledLine("97110", List.of("GP"), 1, Optional.empty()),
                new BilledLine("97110", List.of("GP"), Visit.MAX_UNITS + 1, Optional.empty()))),
                "billed[1].units: expected a whole number from 0 to 10000, got 10001");
        assertThat(base().billed(List.of(new BilledLine("97110", List.of("GP"), 0, Optional.empty()),
                new BilledLine("97110", List.of("GP"), Visit.MAX_UNITS, Optional.empty()))).build().billed())
                .extracting(BilledLine::units).containsExactly(0, Visit.MAX_UNITS);
    }

    @Test
    void anOverrideNeedsAFindingIdAndAReason() {
        refused(base().override(new FindingOverride("MW-P002", " ")), "overrides[0].reason: must not be empty");
        refused(base().override(new FindingOverride("MW-P002", "x".repeat(Visit.MAX_OVERRIDE_REASON + 1))),
                "overrides[0].reason: at most 500 characters, got 501");
        refused(base().override(new FindingOverride("P002", "accepted")),
                "overrides[0].finding: expected a finding id like MW-D003, got \"P002\"");
        refused(base().override(new FindingOverride("MW-p002", "accepted")),
                "overrides[0].finding: expected a finding id like MW-D003, got \"MW-p002\"");
        assertThat(base().override(new FindingOverride("MW-P002", "x".repeat(Visit.MAX_OVERRIDE_REASON))).build()
                .overrides()).hasSize(1);
    }

    @Test
    void anEmptyIdOrPayerIsRefused() {
        assertThatThrownBy(() -> Visit.builder(" ", DOS).service(ServiceLine.of("97110", 20, Role.PT)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id: must not be empty");
        refused(base().payer(""), "payer: must not be empty");
    }

    @Test
    void theLimitsAreTheReadersNumbers() {
        assertThat(Visit.MAX_MINUTES).isEqualTo(24 * 60);
        assertThat(org.minutewise.core.check.rules.MinutesBeyondADay.DAY).isEqualTo(Visit.MAX_MINUTES);
    }

    /** Any minutes within a day build a visit whose count never goes negative; any outside are refused by name. */
    @Property(tries = 300)
    void minutesWithinADayBuildAndCountOthersAreRefused(@ForAll @IntRange(min = -5000, max = 5000) int a,
                                                       @ForAll @IntRange(min = 0, max = 1440) int b) {
        Visit.Builder v = Visit.builder("V-P", DOS).diagnosis("R26.81").services(List.of(
                new ServiceLine("97110", OptionalInt.of(a), List.of(), Provider.of(Role.PT), Optional.empty(),
                        Optional.empty()), ServiceLine.of("97112", b, Role.PT)));
        if (a < 0 || a > Visit.MAX_MINUTES) {
            assertThatThrownBy(v::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("services[0].minutes: must be between 0 and 1440, got " + a);
            return;
        }
        CheckResult r = new VisitChecker(Fixtures.REF).check(v.build());
        assertThat(r.units().totalTimedMinutes()).isEqualTo(a + b);
        assertThat(r.findings()).extracting(f -> f.ruleId()).doesNotContain("MW-X001");
    }
}
