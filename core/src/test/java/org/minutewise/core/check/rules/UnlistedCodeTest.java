package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/** MW-C013 (an unlisted code needs a description of the service) and MW-C014 (canalith repositioning is 95992). */
class UnlistedCodeTest {
    private static final String EPLEY_NOTE = "R posterior canal BPPV: Dix-Hallpike positive. Canalith repositioning "
            + "(Epley) R x2, post-maneuver Dix-Hallpike with reduced nystagmus.";

    private static CheckResult check(Visit v) {
        return only(new UnlistedCode()).check(v);
    }

    private static ServiceLine unlisted(String description) {
        return untimed("97799", pt("T1")).withDescription(Optional.ofNullable(description));
    }

    @Test
    void anUnlistedCodeWithoutADescriptionWarns() {
        CheckResult r = check(visit().service(unlisted(null)).service(minutes("97112", 18, pt("T1")))
                .note("Instrument-assisted soft tissue work to the R calf.").build());

        assertThat(ids(r)).containsExactly("MW-C013");
        Finding f = findings(r, "MW-C013").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.path()).isEqualTo("services[0].description");
        assertThat(f.message()).contains("97799 is an unlisted code", "no RVUs", "without SV101-7");
    }

    /** Near miss: the same line with a description (and a blank one is none). */
    @Test
    void anUnlistedCodeWithADescriptionIsFine() {
        CheckResult r = check(visit().service(unlisted("Instrument-assisted soft tissue mobilization, R calf"))
                .note("Instrument-assisted soft tissue work to the R calf.").build());
        assertThat(r.findings()).isEmpty();

        CheckResult blank = check(visit().service(unlisted("   ")).note("IASTM R calf.").build());
        assertThat(ids(blank)).containsExactly("MW-C013");
    }

    /** A listed code never needs one: 97112 and 95992 without a description. */
    @Test
    void aListedCodeNeedsNoDescription() {
        CheckResult r = check(visit().service(untimed("95992", pt("T1"))).service(minutes("97112", 18, pt("T1")))
                .note(EPLEY_NOTE).build());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void canalithRepositioningBilledAs97799PointsTo95992() {
        CheckResult r = check(visit().service(unlisted("Canalith repositioning, R posterior canal, Epley x2"))
                .note(EPLEY_NOTE).build());

        assertThat(ids(r)).containsExactly("MW-C014");
        Finding f = findings(r, "MW-C014").get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.path()).isEqualTo("services[0].code");
        assertThat(f.message()).contains("\"Canalith repositioning\"", "95992",
                "therapists may bill it to Medicare since 2011");
        assertThat(f.fix()).contains("Bill 95992");
    }

    /** Each maneuver's name is enough, and a commercial payer hears of 95992 without the Medicare sentence. */
    @Test
    void eachManeuverIsRecognised() {
        for (String note : new String[] {"Semont maneuver L x1.", "BBQ roll for R horizontal canal.",
                "Barbecue roll x3, then Gufoni.", "Epley performed R."}) {
            assertThat(ids(check(visit().service(unlisted("Vestibular maneuver")).note(note).build())))
                    .as(note).containsExactly("MW-C014");
        }
        CheckResult commercial = check(visit().payer("commercial").service(unlisted("Epley R")).note("Epley R x2.")
                .build());
        assertThat(findings(commercial, "MW-C014").get(0).message()).doesNotContain("Medicare");
    }

    /**
     * Near misses: a note with the test only (Dix-Hallpike), a repositioning not done ("no Epley today", "Epley
     * deferred"), or no note at all.
     */
    @Test
    void noRepositioningDoneIsNoFinding() {
        for (String note : new String[] {"Dix-Hallpike negative bilaterally; habituation exercises.",
                "No Epley today: Dix-Hallpike negative.", "Epley deferred, patient nauseous.",
                "Patient declined the Epley maneuver."}) {
            assertThat(ids(check(visit().service(unlisted("Vestibular habituation")).note(note).build())))
                    .as(note).isEmpty();
        }
        assertThat(check(visit().service(unlisted("Vestibular habituation")).build()).findings()).isEmpty();
    }

    /** Near miss: 95992 is on the visit for the repositioning, and 97799 (described) for another service. */
    @Test
    void repositioningBilledAs95992BesideAnUnlistedCodeIsNoFinding() {
        CheckResult r = check(visit().service(untimed("95992", pt("T1")))
                .service(unlisted("Blood flow restriction cuff set-up and monitoring")).note(EPLEY_NOTE).build());
        assertThat(r.findings()).isEmpty();
    }

    /** 95992 did not exist for therapists to bill before 2011: no pointer to it on an older date of service. */
    @Test
    void notBefore2011() {
        CheckResult r = check(Visit.builder("V-1", LocalDate.of(2010, 6, 1)).service(unlisted("Epley R"))
                .note(EPLEY_NOTE).build());
        assertThat(r.findings()).isEmpty();
    }
}
