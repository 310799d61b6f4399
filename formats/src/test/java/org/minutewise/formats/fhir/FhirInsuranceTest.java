package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Visit;
import org.minutewise.refdata.RefData;

/**
 * Claim.insurance lists every coverage that may pay, in order (FHIR R4): the primary (sequence 1, focal) and the
 * visit's secondary payer (sequence 2, not focal), as the 837 names it in loop 2320. It listed the primary alone,
 * the secondary's Coverage left in the Bundle with nothing referring to it. The reader takes the order of the
 * visit's Claim.insurance before Coverage.order.
 */
class FhirInsuranceTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final VisitChecker CHECKER = new VisitChecker(REF);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Visit withSecondary() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        return v.toBuilder().secondaryPayer("commercial").claimInfo(v.claimInfo().withSecondary(new SecondaryCoverage(
                Optional.of("Acme Supplement"), Optional.of("ACME02"), Optional.of("SUP12345"), Optional.empty())))
                .build();
    }

    private static Claim claim(Bundle b) {
        return b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Claim.class::isInstance)
                .map(Claim.class::cast).findFirst().orElseThrow();
    }

    /** The entry a Claim's reference names by its fullUrl. */
    private static Resource target(Bundle b, String reference) {
        return b.getEntry().stream().filter(e -> e.getFullUrl().equals(reference)).findFirst().orElseThrow()
                .getResource();
    }

    @Test
    void theClaimListsTheSecondaryPayersCoverageSecond() throws Exception {
        String json = FhirClaimWriter.write(CHECKER.check(withSecondary()));
        Bundle b = FhirValidation.parseStrict(json);
        List<Claim.InsuranceComponent> ins = claim(b).getInsurance();
        assertThat(ins).hasSize(2);
        assertThat(ins.get(0).getSequence()).isEqualTo(1);
        assertThat(ins.get(0).getFocal()).isTrue();
        assertThat(((Coverage) target(b, ins.get(0).getCoverage().getReference())).getOrder()).isEqualTo(1);
        assertThat(ins.get(1).getSequence()).isEqualTo(2);
        assertThat(ins.get(1).getFocal()).isFalse();
        Coverage second = (Coverage) target(b, ins.get(1).getCoverage().getReference());
        assertThat(second.getOrder()).isEqualTo(2);
        assertThat(second.getSubscriberId()).isEqualTo("SUP12345");
        assertThat(FhirValidation.unresolvedReferences(b)).isEmpty();
        assertThat(FhirValidation.errors(b)).isEmpty();
        // Near miss: a visit without a secondary payer lists its primary alone.
        Bundle one = FhirValidation.parseStrict(FhirClaimWriter.write(CHECKER.check(
                FhirClaimWriterTest.example("stroke-visit.json"))));
        assertThat(claim(one).getInsurance()).singleElement().satisfies(i -> {
            assertThat(i.getSequence()).isEqualTo(1);
            assertThat(i.getFocal()).isTrue();
        });
    }

    /** The visit writer's Claim (a replacement or void) lists both too. */
    @Test
    void theVisitWritersClaimListsBothCoverages() throws Exception {
        Visit v = withSecondary();
        v = v.toBuilder().claimInfo(v.claimInfo().withClaimFrequency(Optional.of("7"))
                .withPayerClaimControlNumber(Optional.of("ICN-1"))).build();
        Bundle b = FhirValidation.parseStrict(FhirVisitWriter.write(v, NEW_YORK));
        List<Claim.InsuranceComponent> ins = claim(b).getInsurance();
        assertThat(ins).extracting(Claim.InsuranceComponent::getSequence).containsExactly(1, 2);
        assertThat(ins).extracting(Claim.InsuranceComponent::getFocal).containsExactly(true, false);
        assertThat(((Coverage) target(b, ins.get(1).getCoverage().getReference())).getSubscriberId())
                .isEqualTo("SUP12345");
    }

    /**
     * Read back, the Claim's insurance order decides which Coverage is the primary, before Coverage.order: here the
     * orders are swapped, and the Claim still says Medicare first. Near miss: without the Claim's insurance,
     * Coverage.order decides.
     */
    @Test
    void theReaderTakesTheClaimsInsuranceOrder() throws Exception {
        Visit v = withSecondary();
        v = v.toBuilder().claimInfo(v.claimInfo().withClaimFrequency(Optional.of("7"))
                .withPayerClaimControlNumber(Optional.of("ICN-1"))).build();
        Bundle b = FhirValidation.parseStrict(FhirVisitWriter.write(v, NEW_YORK));
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof Coverage c) {
                c.setOrder(c.getOrder() == 1 ? 2 : 1);
            }
        }
        String swapped = FhirR4.jsonParser().encodeResourceToString(b);
        Visit read = FhirVisitReader.read(swapped, REF, "commercial").get(0).visit().orElseThrow();
        assertThat(read.payer()).isEqualTo("medicare");
        assertThat(read.secondaryPayer()).contains("commercial");
        assertThat(read.claimInfo().secondary().memberId()).contains("SUP12345");

        claim(b).getInsurance().clear();
        Visit byOrder = FhirVisitReader.read(FhirR4.jsonParser().encodeResourceToString(b), REF, "commercial").get(0)
                .visit().orElseThrow();
        assertThat(byOrder.payer()).isEqualTo("commercial");
        assertThat(byOrder.secondaryPayer()).contains("medicare");
    }
}
