package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.refdata.RefData;

/**
 * An unlisted code's description (what was done, in words: the 837P's SV101-7, which the payer needs to price and
 * review it, MW-C013) travels through FHIR: {@code Procedure.code.text} in a visit Bundle, the Claim item's
 * {@code productOrService.text}; both are read back. They were dropped, silently, and the line read back drew MW-C013.
 */
class FhirDescriptionTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final VisitChecker CHECKER = new VisitChecker(REF);
    private static final String WHAT = "Blood flow restriction training";

    private static Visit withUnlisted() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        List<ServiceLine> s = new ArrayList<>(v.services());
        s.add(ServiceLine.of("97799", 12, Role.PT).withDescription(Optional.of(WHAT)));
        return v.toBuilder().services(s).build();
    }

    private static boolean findsNoDescription(Visit v) {
        return CHECKER.check(v).findings().stream().anyMatch(f -> f.ruleId().equals("MW-C013"));
    }

    @Test
    void anUnlistedCodesDescriptionTravelsInAVisitBundle() throws Exception {
        Visit v = withUnlisted();
        assertThat(findsNoDescription(v)).isFalse();
        Bundle b = FhirValidation.parseStrict(FhirVisitWriter.write(v, ZoneId.of("UTC")));
        assertThat(b.getEntry()).map(Bundle.BundleEntryComponent::getResource).filteredOn(Procedure.class::isInstance)
                .map(r -> ((Procedure) r).getCode().getText()).containsOnlyOnce(WHAT);
        Visit back = FhirVisitReader.read(FhirR4.jsonParser().encodeResourceToString(b), REF, "medicare").get(0)
                .visit().orElseThrow();
        assertThat(back.services()).extracting(ServiceLine::description)
                .isEqualTo(v.services().stream().map(ServiceLine::description).toList());
        assertThat(findsNoDescription(back)).isFalse();
        assertThat(FhirVisitWriter.notCarried(v, c -> false, "97799"::equals)).noneMatch(f -> f.contains("description"));
    }

    @Test
    void anUnlistedCodesDescriptionTravelsOnTheClaimItem() throws Exception {
        Visit v = withUnlisted();
        Bundle b = FhirValidation.parseStrict(FhirClaimWriter.write(CHECKER.check(v)));
        Claim claim = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Claim.class::isInstance).map(Claim.class::cast).findFirst().orElseThrow();
        assertThat(claim.getItem()).filteredOn(i -> i.getProductOrService().getCodingFirstRep().getCode()
                .equals("97799")).singleElement().satisfies(i -> assertThat(i.getProductOrService().getText())
                .isEqualTo(WHAT));
        assertThat(claim.getItem()).filteredOn(i -> !i.getProductOrService().getCodingFirstRep().getCode()
                .equals("97799")).allSatisfy(i -> assertThat(i.getProductOrService().hasText()).isFalse());
        assertThat(FhirValidation.errors(claim)).isEmpty();
        Visit back = FhirVisitReader.read(FhirR4.jsonParser().encodeResourceToString(b), REF, "medicare").get(0)
                .visit().orElseThrow();
        assertThat(back.services()).filteredOn(l -> l.code().equals("97799")).singleElement()
                .satisfies(l -> assertThat(l.description()).contains(WHAT));
        assertThat(findsNoDescription(back)).isFalse();
    }

    /**
     * Near miss: a listed code's text is its name in the sender's system, no description: not read (an 837 written
     * from it would carry the name as SV101-7); a visit giving a listed code a description says FHIR leaves it.
     */
    @Test
    void aListedCodesTextIsNotADescription() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        List<ServiceLine> s = new ArrayList<>(v.services());
        s.set(0, s.get(0).withDescription(Optional.of("Neuromuscular reeducation")));
        Visit named = v.toBuilder().services(s).build();
        Visit back = FhirVisitReader.read(FhirVisitWriter.write(named, ZoneId.of("UTC")), REF, "medicare").get(0)
                .visit().orElseThrow();
        assertThat(back.services().get(0).description()).isEmpty();
        assertThat(FhirVisitWriter.notCarried(named, c -> false, "97799"::equals))
                .contains("services[0].description (" + s.get(0).code() + " is a listed code)");
    }
}
