package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.refdata.RefData;

class FhirClaimWriterTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final VisitChecker CHECKER = new VisitChecker(REF);

    static Visit example(String name) throws Exception {
        VisitJsonReader r = new VisitJsonReader(REF);
        return r.read(r.parse(Files.readString(Path.of("..", "examples", name), StandardCharsets.UTF_8)));
    }

    static FhirVisitReader.Result fromFhir() {
        return FhirVisitReader.read(Golden.read("in/stroke-visit.fhir.json"), REF, "medicare").get(0);
    }

    @Test
    void strokeVisitJsonGivesTheGoldenBundle() throws Exception {
        String json = FhirClaimWriter.write(CHECKER.check(example("stroke-visit.json")));
        Golden.check("out/stroke-visit.claim.json", json);
    }

    @Test
    void strokeVisitFromFhirGivesTheGoldenBundleWithExpressionsIntoTheInput() {
        FhirVisitReader.Result in = fromFhir();
        String json = FhirClaimWriter.write(CHECKER.check(in.visit().orElseThrow()), in.source());
        Golden.check("out/stroke-visit-from-fhir.claim.json", json);
        Bundle b = FhirValidation.parseStrict(json);
        OperationOutcome oo = (OperationOutcome) b.getEntry().get(1).getResource();
        assertThat(oo.getIssue()).isNotEmpty().allSatisfy(i -> assertThat(i.getExpression())
                .allSatisfy(x -> assertThat(x.getValue()).startsWith("Bundle.entry[")));
    }

    @Test
    void overlapVisitGivesTheGoldenBundleWithABlockingIssue() throws Exception {
        String json = FhirClaimWriter.write(CHECKER.check(example("overlap-visit.json")));
        Golden.check("out/overlap-visit.claim.json", json);
        OperationOutcome oo = (OperationOutcome) FhirValidation.parseStrict(json).getEntry().get(1).getResource();
        assertThat(oo.getIssue()).anySatisfy(i -> {
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
            assertThat(i.getDetails().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.FINDING_SYSTEM);
            assertThat(i.getDetails().getCodingFirstRep().getCode()).isEqualTo("MW-U003");
            assertThat(i.getDiagnostics()).contains(" Fix: ");
            assertThat(i.getExpression()).extracting(Object::toString).allMatch(x -> x.startsWith("services"));
        });
    }

    @Test
    void everyOutputParsesBackStrictlyAndPassesHapiStructureValidation() throws Exception {
        FhirVisitReader.Result in = fromFhir();
        Visit institutional = example("stroke-visit.json").toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build();
        List<String> outputs = List.of(
                FhirClaimWriter.write(CHECKER.check(example("stroke-visit.json"))),
                FhirClaimWriter.write(CHECKER.check(example("overlap-visit.json"))),
                FhirClaimWriter.write(CHECKER.check(in.visit().orElseThrow()), in.source()),
                FhirClaimWriter.write(CHECKER.check(institutional)),
                FhirClaimWriter.writeAll(List.of(FhirClaimWriter.Entry.checked(CHECKER.check(in.visit().get()),
                        in.source()), FhirClaimWriter.Entry.rejected(new InputException(
                        "Bundle.entry[6].resource.code", "required")))),
                FhirVisitWriter.write(in.visit().get()));
        for (String json : outputs) {
            Bundle b = FhirValidation.parseStrict(json);
            assertThat(FhirValidation.errors(b)).as(json).isEmpty();
            assertThat(FhirValidation.unresolvedReferences(b)).isEmpty();
        }
    }

    @Test
    void theValidatorDoesCatchBrokenStructure() throws Exception {
        Bundle b = FhirClaimWriter.bundle(List.of(CHECKER.check(example("stroke-visit.json"))));
        Claim c = (Claim) b.getEntry().get(0).getResource();
        c.setType(null);
        c.setBillablePeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-03-03T10:00:00Z"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-03-02T10:00:00Z")));
        List<String> errors = FhirValidation.errors(b);
        assertThat(errors).as("schema: Claim.type is required").anyMatch(m -> m.contains("type"));
        assertThat(errors).as("Schematron: per-1, start before end").anyMatch(m -> m.contains("per-1"));
    }

    @Test
    void theClaimCarriesTheRenderingTherapistAndTheAssistant() throws Exception {
        Bundle b = FhirValidation.parseStrict(FhirClaimWriter.write(CHECKER.check(example("stroke-visit.json"))));
        Claim c = (Claim) b.getEntry().get(0).getResource();
        assertThat(c.getStatus()).isEqualTo(Claim.ClaimStatus.ACTIVE);
        assertThat(c.getUse()).isEqualTo(Claim.Use.CLAIM);
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("professional");
        assertThat(c.getCreatedElement().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(c.getDiagnosis()).extracting(d -> d.getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
                .containsExactly("I69.351", "R26.81");
        Claim.CareTeamComponent first = c.getCareTeam().get(0);
        assertThat(first.getSequence()).isEqualTo(1);
        assertThat(first.getRole().getCodingFirstRep().getCode()).isEqualTo("primary");
        assertThat(codes(first.getQualification())).contains(FhirCodes.ROLE_SYSTEM + "|PT");
        Practitioner t1 = (Practitioner) resolve(b, first.getProvider().getReference());
        assertThat(t1.getIdentifierFirstRep().getValue()).isEqualTo("T1");
        Claim.CareTeamComponent assist = c.getCareTeam().stream()
                .filter(m -> m.getRole().getCodingFirstRep().getCode().equals("assist")).findFirst().orElseThrow();
        assertThat(codes(assist.getQualification())).contains(FhirCodes.ROLE_SYSTEM + "|PTA",
                FhirCodes.NUCC_TAXONOMY + "|225200000X");
        Claim.ItemComponent cq = c.getItem().stream()
                .filter(i -> codes(i.getModifier()).contains(FhirCodes.HCPCS + "|CQ")).findFirst().orElseThrow();
        assertThat(cq.getProductOrService().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.CPT);
        assertThat(cq.getCareTeamSequence()).extracting(PositiveIntType::getValue)
                .containsExactly(1, assist.getSequence());
        assertThat(codes(cq.getModifier()).get(0)).as("GP first").isEqualTo(FhirCodes.HCPCS + "|GP");
        assertThat(cq.getQuantity().getValue().intValue()).isPositive();
        assertThat(cq.getDiagnosisSequence()).isNotEmpty();
        assertThat(cq.getServicedDateType().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(c.getInsuranceFirstRep().getFocal()).isTrue();
        assertThat(resolve(b, c.getInsuranceFirstRep().getCoverage().getReference()).fhirType()).isEqualTo("Coverage");
    }

    /**
     * The certifying physician is the claim's referring provider on a professional claim (837P 2310A) and its
     * attending provider on an institutional one (837I), with the NPI; no item points at that member.
     */
    @Test
    void theCertifyingPhysicianIsTheReferringOrAttendingCareTeamMember() throws Exception {
        Visit v = example("stroke-visit.json");
        assertThat(v.certification().flatMap(c -> c.physicianNpi())).as("the example names the NPI").isPresent();
        Bundle b = FhirValidation.parseStrict(FhirClaimWriter.write(CHECKER.check(v)));
        Claim c = (Claim) b.getEntry().get(0).getResource();
        Claim.CareTeamComponent ref = c.getCareTeam().stream()
                .filter(m -> m.getRole().getCodingFirstRep().getCode().equals("referring")).findFirst().orElseThrow();
        assertThat(ref.getRole().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.CARIN_CARE_TEAM_ROLE);
        assertThat(ref.getResponsible()).isFalse();
        Practitioner doc = (Practitioner) resolve(b, ref.getProvider().getReference());
        assertThat(doc.getIdentifierFirstRep().getSystem()).isEqualTo(FhirCodes.NPI);
        assertThat(doc.getIdentifierFirstRep().getValue()).isEqualTo(v.certification().get().physicianNpi().get());
        assertThat(doc.getNameFirstRep().getText()).isEqualTo(v.certification().get().physician().get());
        assertThat(c.getItem()).allSatisfy(i -> assertThat(i.getCareTeamSequence())
                .extracting(PositiveIntType::getValue).doesNotContain(ref.getSequence()));

        Visit hospital = v.toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build();
        Claim ic = (Claim) FhirClaimWriter.bundle(List.of(CHECKER.check(hospital))).getEntry().get(0).getResource();
        assertThat(ic.getCareTeam()).extracting(m -> m.getRole().getCodingFirstRep().getCode())
                .contains("attending").doesNotContain("referring");

        Visit none = v.toBuilder().certification(null).build();
        Claim nc = (Claim) FhirClaimWriter.bundle(List.of(CHECKER.check(none))).getEntry().get(0).getResource();
        assertThat(nc.getCareTeam()).extracting(m -> m.getRole().getCodingFirstRep().getCode())
                .doesNotContain("referring", "attending");
    }

    @Test
    void anInstitutionalVisitGivesAnInstitutionalClaimWithRevenueCodes() throws Exception {
        Visit v = example("stroke-visit.json").toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build();
        Claim c = (Claim) FhirClaimWriter.bundle(List.of(CHECKER.check(v))).getEntry().get(0).getResource();
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("institutional");
        assertThat(c.getItem()).allSatisfy(i -> assertThat(codes(i.getRevenue()))
                .containsExactly(FhirCodes.NUBC_REVENUE + "|0420"));
    }

    /** A line's body region goes on the claim item (one region coded, several as text). */
    @Test
    void theBodyRegionOfALineIsOnItsItem() throws Exception {
        Visit base = example("stroke-visit.json");
        List<org.minutewise.core.model.ServiceLine> lines = new java.util.ArrayList<>(base.services());
        lines.set(0, lines.get(0).withRegions(List.of(org.minutewise.core.model.BodyRegion.LUMBAR)));
        lines.set(1, lines.get(1).withRegions(List.of(org.minutewise.core.model.BodyRegion.CERVICAL,
                org.minutewise.core.model.BodyRegion.UPPER_EXTREMITY)));
        Claim c = (Claim) FhirClaimWriter.bundle(List.of(CHECKER.check(base.toBuilder().services(lines).build())))
                .getEntry().get(0).getResource();
        Claim.ItemComponent first = c.getItem().stream().filter(i -> i.getProductOrService().getCodingFirstRep()
                .getCode().equals(lines.get(0).code())).findFirst().orElseThrow();
        assertThat(codes(first.getBodySite())).containsExactly(FhirCodes.BODY_REGION_SYSTEM + "|lumbar");
        Claim.ItemComponent second = c.getItem().stream().filter(i -> i.getProductOrService().getCodingFirstRep()
                .getCode().equals(lines.get(1).code())).findFirst().orElseThrow();
        assertThat(second.getBodySite().getText()).isEqualTo("cervical, upper extremity");
        assertThat(second.getBodySite().getCoding()).isEmpty();
    }

    @Test
    void aDatePassedInIsTheCreationDate() throws Exception {
        Bundle b = FhirClaimWriter.bundle(List.of(FhirClaimWriter.Entry.checked(
                CHECKER.check(example("stroke-visit.json")))), Optional.of(LocalDate.of(2026, 3, 9)));
        assertThat(((Claim) b.getEntry().get(0).getResource()).getCreatedElement().getValueAsString())
                .isEqualTo("2026-03-09");
    }

    @Test
    void aRejectedVisitBecomesAnErrorOutcomeWithItsExpression() {
        Bundle b = FhirClaimWriter.bundle(List.of(FhirClaimWriter.Entry.rejected(new InputException(
                "Bundle.entry[6].resource.code", "required: the CPT or HCPCS code"))), Optional.empty());
        OperationOutcome oo = (OperationOutcome) b.getEntryFirstRep().getResource();
        OperationOutcome.OperationOutcomeIssueComponent i = oo.getIssueFirstRep();
        assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
        assertThat(i.getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[6].resource.code");
        assertThat(i.getDiagnostics()).isEqualTo("Bundle.entry[6].resource.code: required: the CPT or HCPCS code");
    }

    @Test
    void aClaimLineFindingPointsAtTheProceduresOfTheLine() {
        FhirVisitReader.Result in = fromFhir();
        CheckResult r = CHECKER.check(in.visit().orElseThrow());
        CheckResult withLineFinding = new CheckResult(r.visit(), r.payer(), r.units(), r.claim(), List.of(
                new org.minutewise.core.check.Finding("MW-M001", org.minutewise.core.check.Severity.INFO,
                        "claimLines[1].modifiers", "m", "f", "c")));
        OperationOutcome oo = FhirClaimWriter.outcome(withLineFinding, in.source());
        int service = r.claim().lines().get(1).serviceIndexes().get(0);
        assertThat(oo.getIssueFirstRep().getExpression()).extracting(Object::toString)
                .contains(in.source().expressions("services[" + service + "]").get(0));
    }

    @Test
    void theOutputIsDeterministic() throws Exception {
        CheckResult r = CHECKER.check(example("stroke-visit.json"));
        assertThat(FhirClaimWriter.write(r)).isEqualTo(FhirClaimWriter.write(r));
    }

    static List<String> codes(CodeableConcept cc) {
        return cc.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList();
    }

    static List<String> codes(List<CodeableConcept> ccs) {
        return ccs.stream().flatMap(cc -> cc.getCoding().stream()).map((Coding c) -> c.getSystem() + "|" + c.getCode())
                .toList();
    }

    static org.hl7.fhir.r4.model.Resource resolve(Bundle b, String url) {
        return b.getEntry().stream().filter(e -> e.getFullUrl().equals(url)).findFirst().orElseThrow().getResource();
    }

    /** Claim.item.net is quantity x unitPrice: the unit price is exact (to the tenth of a cent), or left out. */
    @Test
    void theUnitPriceTimesTheQuantityIsTheNet() {
        assertThat(FhirClaimWriter.unitPrice(new java.math.BigDecimal("75.25"), 2)).isEqualByComparingTo("37.625");
        assertThat(FhirClaimWriter.unitPrice(new java.math.BigDecimal("75.00"), 2).toPlainString()).isEqualTo("37.50");
        assertThat(FhirClaimWriter.unitPrice(new java.math.BigDecimal("150.00"), 1).toPlainString()).isEqualTo("150.00");
        assertThat(FhirClaimWriter.unitPrice(new java.math.BigDecimal("100.00"), 3)).isNull();
        assertThat(FhirClaimWriter.unitPrice(new java.math.BigDecimal("100.00"), 0)).isNull();
    }
}
