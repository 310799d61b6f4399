package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;
import org.minutewise.refdata.RefData;

/**
 * The Claim Bundle {@code check --out fhir} writes (FhirClaimWriter), read back as input (FhirVisitReader): one visit
 * per Claim, its items the billed lines, as the 837 reader reads a claim; converted to an 837 it is the claim the
 * original visit gives.
 */
class FhirClaimReaderTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final VisitChecker CHECKER = new VisitChecker(REF);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);
    private static final X12Envelope ENVELOPE = X12Envelope.defaults();

    private static List<Visit> visits(Path p) throws Exception {
        VisitJsonReader r = new VisitJsonReader(REF);
        JsonNode n = r.parse(Files.readString(p));
        List<Visit> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(r.read(x)));
        } else {
            out.add(r.read(n));
        }
        return out;
    }

    /** The claim-visit example's Claim Bundle as check --out fhir writes it. */
    private static String claimBundle() throws Exception {
        return FhirClaimWriter.write(CHECKER.check(FhirClaimWriterTest.example("claim-visit.json")));
    }

    private static Visit readOne(String json) {
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(json, REF, "medicare");
        assertThat(rs).hasSize(1);
        rs.get(0).error().ifPresent(e -> {
            throw new AssertionError(e.getMessage(), e);
        });
        return rs.get(0).visit().orElseThrow();
    }

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) Json.mapper().readTree(json);
    }

    /** The first entry's resource: the Claim. */
    private static ObjectNode claim(ObjectNode bundle) {
        return (ObjectNode) bundle.get("entry").get(0).get("resource");
    }

    private static ObjectNode item(ObjectNode bundle, int j) {
        return (ObjectNode) claim(bundle).get("item").get(j);
    }

    private static InputException error(ObjectNode bundle) {
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(bundle.toString(), REF, "medicare");
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).error()).as("an error").isPresent();
        return rs.get(0).error().get();
    }

    private static String x12(List<CheckResult> results) {
        return X12Writer.write(results, ENVELOPE, NOW);
    }

    @Test
    void aClaimBundleReadsBackAsTheVisitsBilledClaim() throws Exception {
        Visit original = FhirClaimWriterTest.example("claim-visit.json");
        CheckResult checked = CHECKER.check(original);
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(FhirClaimWriter.write(checked), REF, "commercial");
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).notes()).isEmpty();
        Visit v = rs.get(0).visit().orElseThrow();
        assertThat(v.id()).isEqualTo("V-2001");
        assertThat(v.dateOfService()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(v.payer()).as("the payer profile of the Coverage, not the default").isEqualTo("medicare");
        assertThat(v.diagnoses()).isEqualTo(original.diagnoses());
        assertThat(v.patient().id()).isEqualTo(original.patient().id());
        assertThat(v.claimInfo().billingProvider()).isEqualTo(original.claimInfo().billingProvider());
        assertThat(v.claimInfo().subscriber().memberId()).isEqualTo(original.claimInfo().subscriber().memberId());
        assertThat(v.claimInfo().payerName()).isEqualTo(original.claimInfo().payerName());
        assertThat(v.claimInfo().payerId()).isEqualTo(original.claimInfo().payerId());
        assertThat(v.claimInfo().placeOfService()).contains("11");
        assertThat(v.setting()).isEqualTo(Setting.PRIVATE_PRACTICE);
        // The billed lines are the checked claim's lines; the services are placeholders with no minutes, no note.
        List<BilledLine> expected = new ArrayList<>();
        for (ClaimLine l : checked.claim().lines()) {
            expected.add(new BilledLine(l.code(), l.modifiers(), l.units(),
                    l.charge().map(c -> c.setScale(2, java.math.RoundingMode.HALF_UP)), l.diagnosisPointers()));
        }
        assertThat(v.billed()).isEqualTo(expected).isNotEmpty();
        assertThat(v.note()).isEmpty();
        assertThat(v.services()).allSatisfy(s -> assertThat(s.hasTime()).isFalse());
        assertThat(v.services()).extracting(ServiceLine::code).containsExactly("97112", "97110");
        // The rendering PT; the PTA who furnished the CQ line under her (the care team's assist member).
        assertThat(v.services().get(0).provider().role()).isEqualTo(Role.PT);
        assertThat(v.services().get(0).provider().npi()).contains("1245319599");
        assertThat(v.services().get(1).provider().role()).isEqualTo(Role.PTA);
        assertThat(v.services().get(1).provider().id()).contains("A1");
        assertThat(v.services().get(1).provider().supervisorNpi()).contains("1245319599");
        // The certifying physician: the referring member of the care team, without the dates a Claim does not carry.
        assertThat(v.certification()).hasValueSatisfying(c -> {
            assertThat(c.physician()).contains("Dr. Maria Chen");
            assertThat(c.physicianNpi()).contains("1287654325");
            assertThat(c.from()).isEmpty();
        });
    }

    /**
     * check --out fhir, read back --in fhir, convert to an 837: the same 837 as the original visit's (billed lines,
     * diagnoses and pointers, rendering and referring providers, billing provider, payer and subscriber, secondary
     * payer, institutional settings, dependents), for every example visit that can go out as an 837, its claim filing
     * indicators and the secondary's MSP type left out (neither FHIR mapping carries them: the 837 then follows the
     * payer profiles).
     */
    @Test
    void aClaimReadBackConvertsToTheSame837AsItsVisit() throws Exception {
        List<Visit> all = new ArrayList<>();
        for (String n : List.of("claim-visit.json", "dependent-claim-visit.json")) {
            all.add(FhirClaimWriterTest.example(n));
        }
        for (String n : List.of("pt-assistant.json", "batch-mixed.json", "secondary-payer.json", "dependent.json",
                "institutional-ot-slp.json")) {
            all.addAll(visits(Path.of("src/test/resources/x12/write", n)));
        }
        List<CheckResult> originals = new ArrayList<>();
        for (Visit v : all) {
            if (v.claimInfo().billingProvider().npi().isEmpty()) {
                continue; // no 837 without it
            }
            ClaimInfo ci = v.claimInfo();
            SecondaryCoverage s = ci.secondary();
            originals.add(CHECKER.check(v.toBuilder().claimInfo(new ClaimInfo(ci.billingProvider(), ci.payerName(),
                    ci.payerId(), ci.subscriber(), ci.placeOfService(), Optional.empty(), ci.claimFrequency(),
                    ci.payerClaimControlNumber(), s.isEmpty() ? s : new SecondaryCoverage(s.payerName(), s.payerId(),
                    s.memberId(), Optional.empty(), Optional.empty()))).build()));
        }
        assertThat(originals).hasSize(all.size()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(originals).as("institutional ones too").anyMatch(r -> r.visit().setting().institutional());
        assertThat(originals).as("with a secondary payer").anyMatch(r -> r.visit().secondaryPayer().isPresent());
        assertThat(originals).as("a dependent").anyMatch(r -> r.visit().claimInfo().subscriber().dependent());
        // One visit at a time, and all of them in one Bundle.
        List<CheckResult> back = new ArrayList<>();
        for (CheckResult r : originals) {
            CheckResult again = CHECKER.check(readOne(FhirClaimWriter.write(r)));
            assertThat(x12(List.of(again))).as(r.visit().id()).isEqualTo(x12(List.of(r)));
            back.add(again);
        }
        List<Visit> together = new ArrayList<>();
        for (FhirVisitReader.Result r : FhirVisitReader.read(FhirClaimWriter.writeAll(originals.stream()
                .map(FhirClaimWriter.Entry::checked).toList()), REF, "medicare")) {
            together.add(r.visit().orElseThrow(() -> new AssertionError(r.error().get().getMessage())));
        }
        assertThat(x12(together.stream().map(CHECKER::check).toList())).isEqualTo(x12(originals)).isEqualTo(x12(back));
    }

    /** A replacement and a void come back with their frequency and the payer's number of the claim they correct. */
    @Test
    void aReplacementOrVoidComesBack() throws Exception {
        Visit v = FhirClaimWriterTest.example("claim-visit.json");
        for (String frequency : List.of("7", "8")) {
            Visit corrected = v.toBuilder().claimInfo(v.claimInfo().withClaimFrequency(Optional.of(frequency))
                    .withPayerClaimControlNumber(Optional.of("PCN-889"))).build();
            CheckResult r = CHECKER.check(corrected);
            Visit back = readOne(FhirClaimWriter.write(r));
            assertThat(back.claimInfo().claimFrequency()).contains(frequency);
            assertThat(back.claimInfo().payerClaimControlNumber()).contains("PCN-889");
            assertThat(x12(List.of(CHECKER.check(back)))).isEqualTo(x12(List.of(r)));
        }
        assertThat(readOne(claimBundle()).claimInfo().claimFrequency()).as("an original").isEmpty();
    }

    /** The Claim Bundle of the claim-visit example, and the visit read back from it. */
    @Test
    void theGoldenClaimBundleReadsBackAsTheGoldenVisit() throws Exception {
        String bundle = claimBundle();
        Golden.check("out/claim-visit.claim.json", bundle);
        FhirVisitReader.Result r = FhirVisitReader.read(Golden.read("out/claim-visit.claim.json"), REF, "medicare")
                .get(0);
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                VisitJsonWriter.write(r.visit().orElseThrow()));
        Golden.check("in/claim-visit.claim.visit.json", json);
        // Findings of the visit read back point into the Claim: a billed line at its item.
        assertThat(r.source().expressions("billed[1].units")).containsExactly("Bundle.entry[0].resource.item[1]"
                + ".quantity");
        assertThat(r.source().expressions("services[0]")).containsExactly("Bundle.entry[0].resource.item[0]");
        assertThat(r.source().expressions("diagnoses[1]")).containsExactly("Bundle.entry[0].resource.diagnosis[1]"
                + ".diagnosisCodeableConcept.coding[0].code");
    }

    /** An institutional setting rides on the Claim as the setting extension (Claim.type says only institutional). */
    @Test
    void anInstitutionalSettingComesBack() throws Exception {
        Visit v = FhirClaimWriterTest.example("claim-visit.json");
        for (Setting s : Setting.values()) {
            Visit w = v.toBuilder().setting(s).build();
            String json = FhirClaimWriter.write(CHECKER.check(w));
            assertThat(json.contains(FhirCodes.EXT_SETTING)).as(s.wire()).isEqualTo(s != Setting.PRIVATE_PRACTICE);
            assertThat(readOne(json).setting()).as(s.wire()).isEqualTo(s);
        }
        // Without the extension (a Claim from elsewhere): institutional is taken as hospital-outpatient, said.
        ObjectNode t = tree(FhirClaimWriter.write(CHECKER.check(v.toBuilder().setting(Setting.CORF).build())));
        claim(t).remove("extension");
        FhirVisitReader.Result r = FhirVisitReader.read(t.toString(), REF, "medicare").get(0);
        assertThat(r.visit().orElseThrow().setting()).isEqualTo(Setting.HOSPITAL_OUTPATIENT);
        assertThat(r.notes()).containsExactly("Bundle.entry[0].resource.type: institutional; the setting taken as "
                + "hospital-outpatient (the Claim does not say which institution; extension " + FhirCodes.EXT_SETTING
                + " does)");
        claim(t).putArray("extension").addObject().put("url", FhirCodes.EXT_SETTING).put("valueCode", "garage");
        assertThat(error(t).getMessage()).startsWith("Bundle.entry[0].resource.extension[0].valueCode: expected one of");
    }

    /** The audit and check guess the format: a Claim Bundle is FHIR, read by VisitInput as any FHIR Bundle. */
    @Test
    void visitInputDetectsAndReadsAClaimBundle() throws Exception {
        String json = claimBundle();
        assertThat(VisitFormat.detect("claims.json", json)).isEqualTo(VisitFormat.FHIR);
        assertThat(VisitFormat.unreadable(VisitFormat.FHIR, json)).isEmpty();
        List<VisitInput.Result> rs = VisitInput.read(json, VisitFormat.FHIR, REF);
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).visit()).hasValueSatisfying(v -> assertThat(v.billed()).hasSize(2));
        assertThat(rs.get(0).source().isEmpty()).isFalse();
    }

    @Test
    void theQuantityIsTheUnitsAndMustBeAWholeNumber() throws Exception {
        ObjectNode t = tree(claimBundle());
        ((ObjectNode) item(t, 1).get("quantity")).put("value", 3.0);
        item(t, 1).remove("unitPrice"); // net stays the line's charge
        assertThat(readOne(t.toString()).billed().get(1).units()).as("3.0 is 3").isEqualTo(3);
        ((ObjectNode) item(t, 1).get("quantity")).put("value", 1.5);
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[1].quantity.value");
        assertThat(e.detail()).isEqualTo("expected a whole number of units from 0 to 10000, got 1.5");
        item(t, 1).remove("quantity");
        assertThat(error(t).getMessage()).isEqualTo("Bundle.entry[0].resource.item[1].quantity: required: the units "
                + "billed (quantity.value, like 2)");
    }

    @Test
    void theChargeIsNetElseUnitPriceTimesQuantityAndBothMustAgree() throws Exception {
        ObjectNode t = tree(claimBundle());
        item(t, 0).remove("net"); // 2 units at 70.00
        assertThat(readOne(t.toString()).billed().get(0).charge()).hasValueSatisfying(c ->
                assertThat(c).isEqualByComparingTo("140.00"));
        ((ObjectNode) item(t, 0).putObject("net")).put("value", 150.00).put("currency", "USD");
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[0].net");
        assertThat(e.detail()).matches("is not quantity \\(2\\) times unitPrice \\(70(\\.00)?\\): got 150(\\.0+)?");
        item(t, 0).remove("unitPrice");
        assertThat(readOne(t.toString()).billed().get(0).charge()).hasValueSatisfying(c ->
                assertThat(c).isEqualByComparingTo("150"));
        ((ObjectNode) item(t, 0).get("net")).put("currency", "EUR");
        assertThat(error(t).path()).isEqualTo("Bundle.entry[0].resource.item[0].net.currency");
        item(t, 0).remove("net");
        assertThat(readOne(t.toString()).billed().get(0).charge()).as("no charge at all").isEmpty();
    }

    @Test
    void aDiagnosisPointerMustNameADiagnosisOfTheClaim() throws Exception {
        ObjectNode t = tree(claimBundle());
        ArrayNode seq = (ArrayNode) item(t, 0).get("diagnosisSequence");
        seq.removeAll().add(2);
        assertThat(readOne(t.toString()).billed().get(0).diagnosisPointers()).containsExactly(2);
        seq.add(3);
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[0].diagnosisSequence[1]");
        assertThat(e.detail()).isEqualTo("points to no Claim.diagnosis: expected one of the sequences [1, 2], got 3");
    }

    @Test
    void aDiagnosisMustBeAnIcd10CmCode() throws Exception {
        ObjectNode t = tree(claimBundle());
        ObjectNode coding = (ObjectNode) claim(t).get("diagnosis").get(1).get("diagnosisCodeableConcept")
                .get("coding").get(0);
        coding.put("code", "R2681");
        assertThat(readOne(t.toString()).diagnoses()).as("the dot put back").containsExactly("I69.351", "R26.81");
        coding.put("code", "XYZ");
        assertThat(error(t).getMessage()).isEqualTo("Bundle.entry[0].resource.diagnosis[1].diagnosisCodeableConcept"
                + ".coding[0].code: not an ICD-10-CM code: \"XYZ\"");
        coding.put("system", "http://snomed.info/sct");
        assertThat(error(t).path()).isEqualTo("Bundle.entry[0].resource.diagnosis[1].diagnosisCodeableConcept");
    }

    @Test
    void anItemNeedsACptOrHcpcsCodeAndWellFormedModifiers() throws Exception {
        ObjectNode t = tree(claimBundle());
        ObjectNode code = (ObjectNode) item(t, 1).get("productOrService").get("coding").get(0);
        code.put("system", "http://example.org/codes");
        assertThat(error(t).getMessage()).startsWith("Bundle.entry[0].resource.item[1].productOrService: required: "
                + "a coding with system " + FhirCodes.CPT);
        code.put("system", FhirCodes.CPT).put("code", "9711");
        assertThat(error(t).path()).isEqualTo("Bundle.entry[0].resource.item[1].productOrService.coding[0].code");
        code.put("code", "97110");
        ObjectNode mod = (ObjectNode) item(t, 1).get("modifier").get(1).get("coding").get(0);
        mod.put("code", "cq");
        assertThat(readOne(t.toString()).billed().get(1).modifiers()).containsExactly("GP", "CQ");
        mod.put("code", "CQX");
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[1].modifier[1].coding[0].code");
        assertThat(e.detail()).isEqualTo("expected a 2-character modifier, got \"CQX\"");
    }

    @Test
    void aCareTeamSequenceMustNameAMember() throws Exception {
        ObjectNode t = tree(claimBundle());
        ((ArrayNode) item(t, 1).get("careTeamSequence")).set(1, Json.mapper().getNodeFactory().numberNode(9));
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[1].careTeamSequence[1]");
        assertThat(e.detail()).startsWith("refers to no Claim.careTeam member (sequence 9;");
        // No care team on an item: the rendering provider is unknown, said; a CQ line is still an assistant's.
        item(t, 1).remove("careTeamSequence");
        FhirVisitReader.Result r = FhirVisitReader.read(t.toString(), REF, "medicare").get(0);
        assertThat(r.visit().orElseThrow().services().get(1).provider().role()).isEqualTo(Role.PTA);
        assertThat(r.notes()).contains("Bundle.entry[0].resource.item[1].careTeamSequence: no care team member who "
                + "rendered the item; the rendering provider is unknown");
    }

    /**
     * An item is rendered by its primary member (CARIN's rendering role too), never by the claim's referring
     * physician listed on it; the assistant's line has its assist member under the primary one.
     */
    @Test
    void theRenderingProviderIsThePrimaryOrRenderingMember() throws Exception {
        ObjectNode t = tree(claimBundle());
        ArrayNode team = (ArrayNode) claim(t).get("careTeam");
        assertThat(team.get(2).get("role").get("coding").get(0).get("code").asText()).isEqualTo("referring");
        ArrayNode seq = (ArrayNode) item(t, 0).get("careTeamSequence");
        seq.removeAll().add(3).add(1);
        assertThat(readOne(t.toString()).services().get(0).provider().npi()).contains("1245319599");
        ((ObjectNode) team.get(0).get("role").get("coding").get(0)).put("system", FhirCodes.CARIN_CARE_TEAM_ROLE)
                .put("code", "rendering");
        assertThat(readOne(t.toString()).services().get(0).provider().npi()).as("CARIN rendering")
                .contains("1245319599");
        seq.removeAll().add(3);
        FhirVisitReader.Result r = FhirVisitReader.read(t.toString(), REF, "medicare").get(0);
        assertThat(r.visit().orElseThrow().services().get(0).provider().npi()).as("not the referring physician")
                .isEmpty();
        assertThat(r.notes()).contains("Bundle.entry[0].resource.item[0].careTeamSequence: no care team member who "
                + "rendered the item; the rendering provider is unknown");
        assertThat(r.visit().orElseThrow().certification()).hasValueSatisfying(c ->
                assertThat(c.physicianNpi()).contains("1287654325"));
    }

    @Test
    void aVisitIsOneDayOfService() throws Exception {
        ObjectNode t = tree(claimBundle());
        item(t, 1).put("servicedDate", "2026-03-03");
        InputException e = error(t);
        assertThat(e.path()).isEqualTo("Bundle.entry[0].resource.item[1].servicedDate");
        assertThat(e.detail()).isEqualTo("is on 2026-03-03, not on 2026-03-02 (Bundle.entry[0].resource.item[0]"
                + ".servicedDate): a visit is one day (write one Claim per date of service)");
        item(t, 1).remove("servicedDate");
        item(t, 1).putObject("servicedPeriod").put("start", "2026-03-02").put("end", "2026-03-02");
        assertThat(readOne(t.toString()).dateOfService()).isEqualTo(LocalDate.of(2026, 3, 2));
        item(t, 1).remove("servicedPeriod");
        assertThat(error(t).getMessage()).isEqualTo("Bundle.entry[0].resource.item[1].serviced[x]: required: the date "
                + "of service (servicedDate, a date like 2026-03-02)");
        claim(t).putObject("billablePeriod").put("start", "2026-03-02");
        assertThat(readOne(t.toString()).dateOfService()).as("the billable period's start").isEqualTo(
                LocalDate.of(2026, 3, 2));
    }

    /**
     * A Claim that bills nothing (cancelled, entered in error, a preauthorization) is refused naming the element;
     * the Bundle's other Claims are still read.
     */
    @Test
    void aClaimThatBillsNothingIsRefusedAndTheOthersAreRead() throws Exception {
        CheckResult a = CHECKER.check(FhirClaimWriterTest.example("claim-visit.json"));
        CheckResult b = CHECKER.check(FhirClaimWriterTest.example("dependent-claim-visit.json"));
        ObjectNode t = tree(FhirClaimWriter.writeAll(List.of(FhirClaimWriter.Entry.checked(a),
                FhirClaimWriter.Entry.checked(b))));
        claim(t).put("use", "preauthorization");
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(t.toString(), REF, "medicare");
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).error()).hasValueSatisfying(e -> assertThat(e.getMessage()).isEqualTo(
                "Bundle.entry[0].resource.use: expected claim (services given, to be paid), got preauthorization: "
                        + "nothing billed"));
        assertThat(rs.get(1).visit()).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(b.visit().id()));
        claim(t).put("use", "claim").put("status", "cancelled");
        assertThat(FhirVisitReader.read(t.toString(), REF, "medicare").get(0).error().orElseThrow().getMessage())
                .isEqualTo("Bundle.entry[0].resource.status: the Claim is cancelled: nothing to bill");
        claim(t).put("status", "active").remove("item");
        assertThat(FhirVisitReader.read(t.toString(), REF, "medicare").get(0).error().orElseThrow().path())
                .isEqualTo("Bundle.entry[0].resource.item");
    }

    /** The visit's id is the Claim's identifier of our visit-id system, else its first identifier, else its id. */
    @Test
    void theVisitIdIsTheClaimsVisitIdIdentifier() throws Exception {
        ObjectNode t = tree(claimBundle());
        ArrayNode ids = (ArrayNode) claim(t).get("identifier");
        ids.insertObject(0).put("system", "urn:other").put("value", "X-1");
        assertThat(readOne(t.toString()).id()).isEqualTo("V-2001");
        ids.remove(1);
        assertThat(readOne(t.toString()).id()).isEqualTo("X-1");
        claim(t).remove("identifier");
        assertThat(error(t).getMessage()).startsWith("Bundle.entry[0].resource.identifier: required");
        claim(t).put("id", "C-77");
        assertThat(readOne(t.toString()).id()).isEqualTo("C-77");
    }

    /** A Bundle of neither Encounters nor Claims says what it needs. */
    @Test
    void aBundleWithoutEncounterOrClaimIsRefused() throws Exception {
        ObjectNode t = tree(claimBundle());
        ((ArrayNode) t.get("entry")).remove(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FhirVisitReader.read(t.toString(), REF, "medicare"))
                .isInstanceOf(InputException.class).hasMessage("Bundle.entry: required: an Encounter for each visit, "
                        + "or a Claim for each claim (none in the Bundle)");
    }

    /**
     * A Claim's secondary payer named by our payer-profile identifier comes back as that profile, a Medicare
     * supplement too (as from a visit Bundle, FhirRoundTripTest); without the identifier its name decides.
     */
    @Test
    void theSecondaryPayerProfileComesBackAsWritten() throws Exception {
        Visit v = visits(Path.of("src/test/resources/x12/write/secondary-payer.json")).stream()
                .filter(x -> x.secondaryPayer().equals(Optional.of("aarp-medigap-g"))).findFirst().orElseThrow();
        assertThat(REF.payers().find("aarp-medigap-g")).as("not a built-in profile").isEmpty();
        String json = FhirClaimWriter.write(CHECKER.check(v));
        assertThat(readOne(json).secondaryPayer()).contains("aarp-medigap-g");
        ObjectNode t = tree(json);
        for (JsonNode e : t.get("entry")) {
            JsonNode ids = e.get("resource").path("identifier");
            for (int k = 0; k < ids.size(); k++) {
                if (ids.get(k).path("value").asText().equals("aarp-medigap-g")) {
                    ((ArrayNode) ids).remove(k);
                }
            }
        }
        assertThat(readOne(t.toString()).secondaryPayer()).contains("medicare");
    }

    /**
     * A unit price exact to the tenth of a cent (the writer's 37.625 for 2 units of 75.25) gives the charge in cents;
     * one whose product is not whole cents is refused naming it.
     */
    @Test
    void anExactUnitPriceToATenthOfACentGivesTheCharge() throws Exception {
        ObjectNode t = tree(claimBundle());
        item(t, 0).remove("net");
        ((ObjectNode) item(t, 0).get("unitPrice")).put("value", new BigDecimal("37.625"));
        assertThat(readOne(t.toString()).billed().get(0).charge()).hasValueSatisfying(c ->
                assertThat(c).isEqualByComparingTo("75.25"));
        ((ObjectNode) item(t, 0).get("quantity")).put("value", 3);
        assertThat(error(t).getMessage()).isEqualTo("Bundle.entry[0].resource.item[0].unitPrice.value: at most 2 "
                + "decimal places (cents), got 112.875");
    }
}
