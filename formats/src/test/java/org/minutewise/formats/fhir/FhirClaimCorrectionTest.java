package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.refdata.RefData;

/**
 * A replacement or void in FHIR R4 ({@link ClaimCorrection}): the visit's claimFrequency as a Claim.supportingInfo
 * coded in CMS Blue Button's clm_freq_cd, its payerClaimControlNumber as Claim.related (relationship prior,
 * reference.value); written by both writers, read back by the reader, refused with the FHIRPath when bad.
 */
class FhirClaimCorrectionTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Visit withCorrection(Optional<String> frequency, Optional<String> number) throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        return v.toBuilder().claimInfo(v.claimInfo().withClaimFrequency(frequency)
                .withPayerClaimControlNumber(number)).build();
    }

    private static List<FhirVisitReader.Result> read(String json) {
        return FhirVisitReader.read(json, REF, "commercial");
    }

    private static String error(String json) {
        List<FhirVisitReader.Result> rs = read(json);
        assertThat(rs).hasSize(1);
        return rs.get(0).error().orElseThrow(() -> new AssertionError("read without error:\n" + json)).getMessage();
    }

    /** The Bundle's entry index of the correction Claim (the last entry the visit writer adds). */
    private static int claimEntry(String json) {
        List<Bundle.BundleEntryComponent> es = FhirValidation.parseStrict(json).getEntry();
        for (int i = 0; i < es.size(); i++) {
            if (es.get(i).getResource() instanceof Claim) {
                return i;
            }
        }
        throw new AssertionError("no Claim in\n" + json);
    }

    @Test
    void eachFieldComesBackAndTheBundleValidates() throws Exception {
        for (Visit v : List.of(withCorrection(Optional.of("7"), Optional.of("ICN-2026-0001")),
                withCorrection(Optional.of("8"), Optional.of("ICN 77")),
                withCorrection(Optional.of("1"), Optional.empty()),
                withCorrection(Optional.empty(), Optional.of("PRIOR-9")))) {
            String json = FhirVisitWriter.write(v, NEW_YORK);
            Bundle b = FhirValidation.parseStrict(json);
            // The Claim is a valid one (the visit Bundle's CarePlan dates are dates, which HAPI's Schematron
            // check of a whole Bundle cannot take; the Claim on its own it can).
            assertThat(FhirValidation.errors(b.getEntry().get(claimEntry(json)).getResource())).as(json).isEmpty();
            assertThat(FhirValidation.unresolvedReferences(b)).isEmpty();
            assertThat(FhirVisitWriter.notCarried(v, code -> true))
                    .doesNotContain("claimFrequency", "payerClaimControlNumber");
            Visit w = FhirRoundTripTest.back(v, NEW_YORK);
            assertThat(w.claimInfo().claimFrequency()).as(json).isEqualTo(v.claimInfo().claimFrequency());
            assertThat(w.claimInfo().payerClaimControlNumber()).isEqualTo(v.claimInfo().payerClaimControlNumber());
            assertThat(FhirRoundTripTest.carried(w)).isEqualTo(FhirRoundTripTest.carried(v));
        }
    }

    @Test
    void theMappingIsCmsFrequencyCodeAndAPriorRelatedClaim() throws Exception {
        String json = FhirVisitWriter.write(withCorrection(Optional.of("7"), Optional.of("ICN-1")), NEW_YORK);
        Claim c = (Claim) FhirValidation.parseStrict(json).getEntry().get(claimEntry(json)).getResource();
        assertThat(c.getStatus()).as("a void or replacement is an active claim").isEqualTo(Claim.ClaimStatus.ACTIVE);
        assertThat(c.getIdentifierFirstRep().getValue()).isEqualTo("V-1001");
        Claim.SupportingInformationComponent info = c.getSupportingInfoFirstRep();
        assertThat(info.getCategory().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.CARIN_SUPPORTING_INFO_TYPE);
        assertThat(info.getCategory().getCodingFirstRep().getCode()).isEqualTo("typeofbill");
        assertThat(info.getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://bluebutton.cms.gov/resources/variables/clm_freq_cd");
        assertThat(info.getCode().getCodingFirstRep().getCode()).isEqualTo("7");
        Claim.RelatedClaimComponent rel = c.getRelatedFirstRep();
        assertThat(rel.getRelationship().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship");
        assertThat(rel.getRelationship().getCodingFirstRep().getCode()).isEqualTo("prior");
        assertThat(rel.getReference().getValue()).isEqualTo("ICN-1");
        assertThat(rel.getReference().getType().getCodingFirstRep().getCode()).isEqualTo("uc");
    }

    /** Without a frequency or prior claim the visit Bundle has no Claim (its golden file is the proof of the rest). */
    @Test
    void anOriginalClaimsBundleHasNoClaim() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        assertThat(FhirValidation.parseStrict(FhirVisitWriter.write(v, NEW_YORK)).getEntry())
                .noneMatch(e -> e.getResource() instanceof Claim);
        assertThat(FhirRoundTripTest.back(v, NEW_YORK).claimInfo().claimFrequency()).isEmpty();
    }

    /** With two visits in a Bundle, each Claim is its visit's by the visit id: the original stays an original. */
    @Test
    void withSeveralEncountersTheClaimIsTheVisitsByItsIdentifier() throws Exception {
        Visit replaced = withCorrection(Optional.of("7"), Optional.of("ICN-1"));
        Visit other = FhirClaimWriterTest.example("overlap-visit.json");
        String json = FhirR4.jsonParser().encodeResourceToString(FhirVisitWriter.bundle(List.of(other, replaced),
                NEW_YORK));
        List<FhirVisitReader.Result> rs = read(json);
        assertThat(rs).hasSize(2).allSatisfy(r -> assertThat(r.error()).isEmpty());
        assertThat(rs.get(0).visit().get().claimInfo().claimFrequency()).isEmpty();
        assertThat(rs.get(1).visit().get().claimInfo().claimFrequency()).contains("7");
        assertThat(rs.get(1).visit().get().claimInfo().payerClaimControlNumber()).contains("ICN-1");
    }

    @Test
    void aBadFrequencyIsRefusedNamingItsPath() throws Exception {
        String json = FhirVisitWriter.write(withCorrection(Optional.of("7"), Optional.of("ICN-1")), NEW_YORK);
        int n = claimEntry(json);
        String bad = json.replace("\"code\": \"7\"", "\"code\": \"replace\"");
        assertThat(bad).isNotEqualTo(json);
        assertThat(error(bad)).isEqualTo("Bundle.entry[" + n + "].resource.supportingInfo[0].code.coding[0].code: "
                + "expected one character like 1 (original), 7 (replacement) or 8 (void), got \"replace\"");
    }

    @Test
    void aBadRelationshipIsRefusedNamingItsPath() throws Exception {
        String json = FhirVisitWriter.write(withCorrection(Optional.of("8"), Optional.of("ICN-1")), NEW_YORK);
        int n = claimEntry(json);
        String unknownCode = json.replace("\"code\": \"prior\"", "\"code\": \"previous\"");
        assertThat(error(unknownCode)).startsWith("Bundle.entry[" + n + "].resource.related[0].relationship"
                + ".coding[0].code: expected prior (the claim this one replaces or voids) or associated")
                .endsWith("got \"previous\"");
        String otherSystem = json.replace("http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship",
                "http://example.org/relationship");
        assertThat(error(otherSystem)).startsWith("Bundle.entry[" + n + "].resource.related[0].relationship: "
                + "required: a coding of http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship");
        String noNumber = json.replace("\"value\": \"ICN-1\"", "\"value\": \" \"");
        assertThat(error(noNumber)).startsWith("Bundle.entry[" + n + "].resource.related[0].reference.value: "
                + "required: the payer's claim control number");
    }

    /** An associated claim is another relation, not the prior one: a note, and no control number. */
    @Test
    void anAssociatedClaimIsNotThePriorOne() throws Exception {
        String json = FhirVisitWriter.write(withCorrection(Optional.of("7"), Optional.of("ICN-1")), NEW_YORK);
        List<FhirVisitReader.Result> rs = read(json.replace("\"code\": \"prior\"", "\"code\": \"associated\""));
        assertThat(rs.get(0).visit().get().claimInfo().payerClaimControlNumber()).isEmpty();
        assertThat(rs.get(0).visit().get().claimInfo().claimFrequency()).contains("7");
        assertThat(rs.get(0).notes()).anyMatch(s -> s.contains(".related[0].relationship: an associated claim"));
    }

    /** The check's Claim carries them the same way, and still validates; an original's is as before. */
    @Test
    void theClaimWriterCarriesThemToo() throws Exception {
        org.minutewise.core.check.VisitChecker checker = new org.minutewise.core.check.VisitChecker(REF);
        Visit v = withCorrection(Optional.of("8"), Optional.of("ICN-1"));
        Bundle b = FhirValidation.parseStrict(FhirClaimWriter.write(checker.check(v)));
        assertThat(FhirValidation.errors(b)).isEmpty();
        Claim c = (Claim) b.getEntry().get(0).getResource();
        assertThat(c.getSupportingInfoFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("8");
        assertThat(c.getRelatedFirstRep().getReference().getValue()).isEqualTo("ICN-1");
        Claim original = (Claim) FhirValidation.parseStrict(FhirClaimWriter.write(checker.check(
                FhirClaimWriterTest.example("stroke-visit.json")))).getEntry().get(0).getResource();
        assertThat(original.hasSupportingInfo() || original.hasRelated()).isFalse();
    }

    /**
     * The secondary payer's claim filing indicator and Medicare secondary payer type have no standard FHIR home:
     * still named as not carried, and the Bundle is as without them.
     */
    @Test
    void theSecondaryFilingIndicatorAndMspTypeStayNotCarried() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json").toBuilder().secondaryPayer("medicare").build();
        Visit with = v.toBuilder().claimInfo(v.claimInfo().withSecondary(new SecondaryCoverage(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("MB"), Optional.of("12")))).build();
        assertThat(FhirVisitWriter.notCarried(with, code -> true))
                .contains("secondaryClaimFilingIndicator", "secondaryInsuranceType");
        assertThat(FhirVisitWriter.write(with, NEW_YORK)).isEqualTo(FhirVisitWriter.write(v, NEW_YORK));
        assertThat(VisitJsonWriter.write(with).has("secondaryInsuranceType")).isTrue();
    }
}
