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
    /**
     * A secondary policy someone else holds (a child on a parent's plan: the visit's secondaryRelationship and
     * secondarySubscriberLastName/FirstName, 837 2320 SBR02 and 2330A): the second Coverage names its holder, a
     * RelatedPerson, and the patient's relationship to them (FHIR's code and the 837's), and reads back the same;
     * `convert` no longer lists them as left behind. Near misses: without the relationship nothing is written (the
     * patient holds it); a relationship without a subscriber is refused, named.
     */
    @Test
    void aSecondaryPolicySomeoneElseHoldsTravelsOnTheSecondCoverage() throws Exception {
        Visit plain = withSecondary();
        Visit v = plain.toBuilder().claimInfo(plain.claimInfo().withSecondary(plain.claimInfo().secondary()
                .heldBy(Optional.of("19"), Optional.of("Park"), Optional.of("Helen")))).build();
        Bundle b = FhirValidation.parseStrict(FhirVisitWriter.write(v, NEW_YORK));
        assertThat(FhirValidation.unresolvedReferences(b)).isEmpty();
        Coverage second = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Coverage.class::isInstance).map(Coverage.class::cast).filter(c -> c.getOrder() == 2)
                .findFirst().orElseThrow();
        // The two new resources against the R4 schema and invariants (the whole Bundle's date-only periods trip the
        // Schematron's xs:dateTime casts, a limit of that validator, not of the data).
        assertThat(FhirValidation.errors(second)).isEmpty();
        assertThat(second.getRelationship().getCoding()).extracting(org.hl7.fhir.r4.model.Coding::getCode)
                .containsExactly("child", "19");
        org.hl7.fhir.r4.model.RelatedPerson holder = (org.hl7.fhir.r4.model.RelatedPerson) target(b,
                second.getSubscriber().getReference());
        assertThat(holder.getNameFirstRep().getFamily()).isEqualTo("Park");
        assertThat(holder.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Helen");
        assertThat(FhirValidation.errors(holder)).isEmpty();

        String json = FhirR4.jsonParser().encodeResourceToString(b);
        Visit read = FhirVisitReader.read(json, REF, "commercial").get(0).visit().orElseThrow();
        assertThat(read.claimInfo().secondary()).isEqualTo(v.claimInfo().secondary());
        assertThat(read.claimInfo().subscriber().relationship()).isEmpty(); // the primary is still the patient's
        assertThat(FhirVisitWriter.notCarried(v, c -> true)).doesNotContain("secondaryRelationship",
                "secondarySubscriberLastName", "secondarySubscriberFirstName");
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(v)).contains("secondaryRelationship",
                "secondarySubscriberLastName", "secondarySubscriberFirstName");

        // Near miss: the patient holds it: no subscriber or relationship on the second Coverage, none read back.
        Bundle own = FhirValidation.parseStrict(FhirVisitWriter.write(plain, NEW_YORK));
        Coverage ownSecond = own.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Coverage.class::isInstance).map(Coverage.class::cast).filter(c -> c.getOrder() == 2)
                .findFirst().orElseThrow();
        assertThat(ownSecond.hasSubscriber()).isFalse();
        assertThat(ownSecond.hasRelationship()).isFalse();
        Visit ownRead = FhirVisitReader.read(FhirR4.jsonParser().encodeResourceToString(own), REF, "commercial")
                .get(0).visit().orElseThrow();
        assertThat(ownRead.claimInfo().secondary().dependent()).isFalse();

        // A relationship without the policy holder: refused, named by the second Coverage's path.
        second.setSubscriber(null);
        FhirVisitReader.Result bad = FhirVisitReader.read(FhirR4.jsonParser().encodeResourceToString(b), REF,
                "commercial").get(0);
        assertThat(bad.error()).get().extracting(Throwable::getMessage).asString().contains(".subscriber")
                .contains("relationship 19");
    }
}
