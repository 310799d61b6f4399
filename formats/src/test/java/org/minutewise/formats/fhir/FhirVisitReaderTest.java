package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.refdata.RefData;

class FhirVisitReaderTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final String STROKE = "in/stroke-visit.fhir.json";

    static List<FhirVisitReader.Result> read(String json) {
        return FhirVisitReader.read(json, REF, "medicare");
    }

    static Visit readOne(String json) {
        List<FhirVisitReader.Result> rs = read(json);
        assertThat(rs).hasSize(1);
        rs.get(0).error().ifPresent(e -> {
            throw e;
        });
        return rs.get(0).visit().orElseThrow();
    }

    @Test
    void strokeVisitMatchesItsGoldenVisitJson() throws Exception {
        FhirVisitReader.Result r = read(Golden.read(STROKE)).get(0);
        assertThat(r.ok()).as(r.error().map(Throwable::getMessage).orElse("")).isTrue();
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                VisitJsonWriter.write(r.visit().get()));
        Golden.check("in/stroke-visit.visit.json", json);
    }

    /**
     * HCPCS Level II codes are read under HL7 Terminology's system (http://www.cms.gov/..., which Minutewise now
     * writes), the https spelling it wrote before, and the OID; a code under CPT's system as before. Near miss: a
     * coding in another system is no procedure code, refused naming the concept.
     */
    @Test
    void anHcpcsCodeIsReadUnderEitherSpellingOfItsSystem() throws Exception {
        String stroke = Golden.read(STROKE);
        String cpt = "\"system\": \"http://www.ama-assn.org/go/cpt\",\n              \"code\": \"97112\"";
        assertThat(stroke).contains(cpt);
        for (String system : List.of(FhirCodes.HCPCS, FhirCodes.HCPCS_HTTPS, "urn:oid:2.16.840.1.113883.6.285")) {
            Visit v = readOne(stroke.replace(cpt, "\"system\": \"" + system + "\",\n              \"code\": \"G0283\""));
            assertThat(v.services().get(0).code()).as(system).isEqualTo("G0283");
        }
        assertThat(FhirCodes.HCPCS).startsWith("http://www.cms.gov/");
        FhirVisitReader.Result other = read(stroke.replace(cpt, "\"system\": \"http://snomed.info/sct\",\n"
                + "              \"code\": \"G0283\"")).get(0);
        assertThat(other.error()).get().extracting(Throwable::getMessage).asString()
                .contains("required: a coding with system http://www.ama-assn.org/go/cpt (CPT) or " + FhirCodes.HCPCS);
    }

    /**
     * An EMR that writes UTC: with the clinic's zone the times and the date are the clinic's (the same visit as the
     * one written with New York's offset); without it they are read as written. An evening visit in New York is the
     * next day in UTC: the zone gives it back its date of service.
     */
    @Test
    void utcTimesReadInTheClinicsZone() throws Exception {
        String original = Golden.read(STROKE);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})"
                + "-05:00\"").matcher(original);
        StringBuilder utc = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(utc, "\"" + java.time.OffsetDateTime.parse(m.group(1) + "-05:00")
                    .withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime() + ":00Z\"");
        }
        m.appendTail(utc);
        assertThat(utc.toString()).contains("T14:00:00Z").doesNotContain("-05:00\"");
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        Visit clinic = FhirVisitReader.read(utc.toString(), REF, "medicare", Optional.of(ny)).get(0).visit()
                .orElseThrow();
        assertThat(clinic).isEqualTo(readOne(original));
        assertThat(readOne(utc.toString()).services().get(0).periods().get(0).toString()).startsWith("14:00");
        // 19:30 in New York is 00:30 the next day in UTC.
        String evening = utc.toString().replace("2026-03-02T14:", "2026-03-03T00:");
        Visit late = FhirVisitReader.read(evening, REF, "medicare", Optional.of(ny)).get(0).visit().orElseThrow();
        assertThat(late.dateOfService()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(late.services().get(0).periods().get(0).toString()).startsWith("19:00");
    }

    /** HL7's ICD-10-CM system writes the dot: a code written without it is read in its dotted form. */
    @Test
    void anUndottedDiagnosisIsReadDotted() {
        Visit v = readOne(Golden.read(STROKE).replace("\"I69.351\"", "\"I69351\"").replace("\"R26.81\"",
                "\"r2681\""));
        assertThat(v.diagnoses()).containsExactly("I69.351", "R26.81");
    }

    @Test
    void strokeVisitMapsWhatTheResourcesCarry() {
        FhirVisitReader.Result r = read(Golden.read(STROKE)).get(0);
        Visit v = r.visit().orElseThrow();
        assertThat(v.id()).isEqualTo("V-1001");
        assertThat(v.dateOfService()).hasToString("2026-03-02");
        assertThat(v.payer()).isEqualTo("medicare");
        assertThat(v.planOfCare()).isEqualTo(Discipline.PT);
        assertThat(v.patient().id()).contains("MRN-0042");
        assertThat(v.patient().birthDate().map(Object::toString)).contains("1948-05-01");
        assertThat(v.diagnoses()).as("Encounter.diagnosis rank order; the SNOMED-only Condition is left out")
                .containsExactly("I69.351", "R26.81");
        assertThat(v.totalTreatmentMinutes()).hasValue(55);
        assertThat(v.services()).extracting(ServiceLine::code).containsExactly("97112", "97110", "97010");
        ServiceLine first = v.services().get(0);
        assertThat(first.periods()).hasToString("[09:00-09:24]");
        assertThat(first.statedMinutes()).hasValue(24);
        assertThat(first.provider().role()).isEqualTo(Role.PT);
        assertThat(first.provider().id()).contains("T1");
        assertThat(first.provider().npi()).contains("1234567893");
        assertThat(first.mode()).contains(Mode.ONE_ON_ONE);
        ServiceLine second = v.services().get(1);
        assertThat(second.provider().role()).isEqualTo(Role.PTA);
        assertThat(second.provider().supervisorId()).contains("T1");
        assertThat(second.provider().supervisorNpi()).contains("1234567893");
        assertThat(second.statedMinutes()).hasValue(23);
        assertThat(v.services().get(2).provider().role()).as("from the Practitioner's NUCC qualification")
                .isEqualTo(Role.PTA);
        assertThat(v.note().orElseThrow()).startsWith("Patient with right hemiparesis after stroke");
        assertThat(v.claimInfo().payerName()).contains("Medicare Part B");
        assertThat(v.claimInfo().payerId()).contains("15202");
        assertThat(v.claimInfo().subscriber().memberId()).contains("1EG4TE5MK73");
        assertThat(v.claimInfo().subscriber().lastName()).contains("Doe");
        assertThat(v.claimInfo().subscriber().firstName()).contains("Jane");
        assertThat(v.claimInfo().subscriber().sex()).contains("F");
        assertThat(v.claimInfo().billingProvider().npi()).contains("1987654328");
        assertThat(v.claimInfo().billingProvider().taxId()).contains("123456789");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Bundle.entry[7].resource.code: no ICD-10-CM coding"));
        assertThat(r.source().expressions("services[1]")).containsExactly("Bundle.entry[3].resource");
        assertThat(r.source().expressions("services[0].provider.role"))
                .containsExactly("Bundle.entry[2].resource.performer[0].function");
        assertThat(r.source().expressions("services[code=97110]")).containsExactly("Bundle.entry[3].resource");
        assertThat(r.source().expressions("note[10:20]"))
                .containsExactly("Bundle.entry[13].resource.content[0].attachment.data");
        assertThat(r.source().expressions("diagnoses[1]"))
                .containsExactly("Bundle.entry[6].resource.code.coding[0].code");
        assertThat(r.source().expressions("patient.yearToDate")).containsExactly("Bundle.entry[1].resource");
        assertThat(r.source().expressions("")).containsExactly("Bundle.entry[0].resource");
        // A visit not read from FHIR: its own paths, a selection by code written as FHIRPath.
        assertThat(SourceMap.none().expressions("services[code=97140]"))
                .containsExactly("services.where(code='97140')");
        assertThat(SourceMap.none().expressions("billed[code=97112].modifiers"))
                .containsExactly("billed.where(code='97112').modifiers");
        assertThat(SourceMap.none().expressions("services[2].periods[0]")).containsExactly("services[2].periods[0]");
        assertThat(SourceMap.none().expressions("note[120:148]")).containsExactly("note");
    }

    @Test
    void aBundleWithTwoEncountersOneBadGivesOneVisitAndOneError() {
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(Golden.read("in/two-encounters-one-bad.fhir.json"),
                REF, "commercial");
        assertThat(rs).hasSize(2);
        Visit v = rs.get(0).visit().orElseThrow();
        assertThat(v.id()).isEqualTo("V-201");
        assertThat(v.payer()).as("Acme is no known profile: the caller's default").isEqualTo("commercial");
        assertThat(v.planOfCare()).as("from the performers' roles").isEqualTo(Discipline.OT);
        assertThat(v.patient().id()).contains("P-7");
        assertThat(v.services()).singleElement().satisfies(l -> {
            assertThat(l.code()).isEqualTo("97535");
            assertThat(l.minutes()).isEqualTo(30);
            assertThat(l.provider().id()).contains("OT1");
        });
        assertThat(rs.get(0).notes()).anyMatch(n -> n.contains("no plan of care discipline"))
                .anyMatch(n -> n.contains("\"Acme Health PPO\" is no payer profile we know"));
        InputException e = rs.get(1).error().orElseThrow();
        assertThat(e.path()).isEqualTo("Bundle.entry[6].resource.code");
        assertThat(e.getMessage()).startsWith("Bundle.entry[6].resource.code: required: the CPT or HCPCS code");
    }

    @Test
    void proceduresWithoutAnEncounterReferenceGoByPatientAndDay() {
        ObjectNode b = tree("in/two-encounters-one-bad.fhir.json");
        ArrayNode entries = (ArrayNode) b.get("entry");
        for (JsonNode e : entries) {
            ((ObjectNode) e.get("resource")).remove("encounter");
        }
        ((ObjectNode) entries.get(6).get("resource")).putObject("code").putArray("coding").addObject()
                .put("system", FhirCodes.CPT).put("code", "97110");
        List<FhirVisitReader.Result> rs = read(b.toString());
        assertThat(rs).allMatch(FhirVisitReader.Result::ok);
        assertThat(rs.get(1).visit().orElseThrow().services()).extracting(ServiceLine::code)
                .containsExactly("97530", "97110");
    }

    @Test
    void medicareIsRecognisedFromTheCoverageButNotMedicareAdvantage() {
        ObjectNode b = tree("in/two-encounters-one-bad.fhir.json");
        ObjectNode cov = (ObjectNode) b.get("entry").get(7).get("resource");
        cov.putArray("payor").addObject().put("display", "Medicare Advantage Gold");
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(b.toString(), REF, "commercial");
        assertThat(rs.get(0).visit().orElseThrow().payer()).isEqualTo("commercial");
        cov.putObject("type").put("text", "Medicare Part B");
        cov.putArray("payor").addObject().put("display", "Noridian");
        rs = FhirVisitReader.read(b.toString(), REF, "commercial");
        assertThat(rs.get(0).visit().orElseThrow().payer()).isEqualTo("medicare");
    }

    @Test
    void anUnknownDefaultPayerIsAProgrammingError() {
        assertThatThrownBy(() -> FhirVisitReader.read("{}", REF, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void containedPractitionersPractitionerRolesNarrativeNotesAndRelatedPersonSubscribersAreRead() {
        ObjectNode b = tree(STROKE);
        ArrayNode entries = (ArrayNode) b.get("entry");
        // 97112 by a contained Practitioner with no function: the role comes from its qualification.
        ObjectNode p1 = entry(b, 2);
        p1.putArray("contained").addObject().put("resourceType", "Practitioner").put("id", "c1")
                .putArray("qualification").addObject().putObject("code").putArray("coding").addObject()
                .put("system", FhirCodes.NUCC_TAXONOMY).put("code", "225X00000X");
        ObjectNode perf = (ObjectNode) p1.get("performer").get(0);
        perf.remove("function");
        perf.putObject("actor").put("reference", "#c1");
        // 97110 by a PractitionerRole whose code is SLP and whose practitioner has an NPI.
        ObjectNode role = entries.addObject().put("fullUrl", "urn:uuid:9d0e8c1a-3f7b-4b8e-9a55-0c1d2e3f4a5b")
                .putObject("resource").put("resourceType", "PractitionerRole");
        role.putObject("practitioner").put("reference", "Practitioner/T1");
        role.putArray("code").addObject().putArray("coding").addObject().put("system", FhirCodes.ROLE_SYSTEM)
                .put("code", "SLP");
        ObjectNode perf2 = (ObjectNode) entry(b, 3).get("performer").get(0);
        perf2.remove(List.of("function", "extension"));
        perf2.putObject("actor").put("reference", "urn:uuid:9d0e8c1a-3f7b-4b8e-9a55-0c1d2e3f4a5b");
        // No DocumentReference: the Encounter's narrative is the note.
        entries.remove(13);
        entry(b, 0).putObject("text").put("status", "additional")
                .put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Gait &amp; balance.</p><p>Berg 38/56</p></div>");
        // The subscriber is the patient's spouse.
        ObjectNode cov = entry(b, 8);
        cov.putObject("subscriber").put("reference", "#sp");
        cov.putArray("contained").addObject().put("resourceType", "RelatedPerson").put("id", "sp")
                .put("gender", "male").put("birthDate", "1946-01-09").putObject("patient")
                .put("reference", "Patient/P-1");
        ((ObjectNode) cov.get("contained").get(0)).putArray("name").addObject().put("family", "Doe")
                .putArray("given").add("John");
        Visit v = readOne(b.toString());
        assertThat(v.services().get(0).provider().role()).isEqualTo(Role.OT);
        assertThat(v.services().get(0).provider().id()).contains("c1");
        assertThat(v.services().get(1).provider().role()).isEqualTo(Role.SLP);
        assertThat(v.services().get(1).provider().npi()).contains("1234567893");
        assertThat(v.note()).contains("Gait & balance.\nBerg 38/56");
        assertThat(v.claimInfo().subscriber().firstName()).contains("John");
        assertThat(v.claimInfo().subscriber().sex()).contains("M");
        assertThat(v.claimInfo().subscriber().birthDate().map(Object::toString)).contains("1946-01-09");
        assertThat(v.patient().birthDate().map(Object::toString)).contains("1948-05-01");
    }

    /**
     * The patient's (subscriber's) address is read for the 837; one not in the US form is noted and not used, not
     * a refused visit (only an 837 needs it).
     */
    @Test
    void thePatientsAddressIsReadAndAForeignOneNotedNotRefused() {
        ObjectNode b = tree(STROKE);
        assertThat(entry(b, 1).path("resourceType").asText()).isEqualTo("Patient");
        ObjectNode a = entry(b, 1).putArray("address").addObject();
        a.putArray("line").add("12 Elm St");
        a.put("city", "Columbus").put("state", "OH").put("postalCode", "43215");
        Visit v = read(b.toString()).get(0).visit().orElseThrow();
        assertThat(v.claimInfo().subscriber().address()).hasValueSatisfying(x -> {
            assertThat(x.line1()).isEqualTo("12 Elm St");
            assertThat(x.zip()).isEqualTo("43215");
        });
        a.put("state", "Ohio");
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.visit().orElseThrow().claimInfo().subscriber().address()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains(".address[0].state: expected a 2-letter state code, got "
                + "\"Ohio\"; not used"));
    }

    @Test
    void aProcedureReferringToAMissingEncounterIsReportedAndTheVisitStillRead() {
        ObjectNode b = tree(STROKE);
        entry(b, 4).putObject("encounter").put("reference", "Encounter/elsewhere");
        List<FhirVisitReader.Result> rs = read(b.toString());
        assertThat(rs).hasSize(2);
        assertThat(rs.get(0).visit().orElseThrow().services()).hasSize(2);
        assertThat(rs.get(1).error().orElseThrow().getMessage()).isEqualTo("Bundle.entry[4].resource.encounter: "
                + "refers to Encounter/elsewhere, which is not an Encounter in the Bundle");
    }

    @Test
    void notDoneProceduresAreNoServicesAndUnknownElementsAreNoted() {
        ObjectNode b = tree(STROKE);
        entry(b, 4).put("status", "not-done");
        entry(b, 1).put("favouriteColour", "green");
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.visit().orElseThrow().services()).hasSize(2);
        assertThat(r.notes()).contains("Bundle.entry[4].resource: status not-done; not a completed service, not "
                + "billed").anyMatch(n -> n.startsWith("Bundle: unknown elements ignored: ")
                && n.contains("favouriteColour"));
        ObjectNode going = tree(STROKE);
        entry(going, 4).put("status", "in-progress");
        assertThat(read(going.toString()).get(0).visit().orElseThrow().services()).hasSize(2);
    }

    /** A refuted or mistaken Condition is no diagnosis; a modifier extension the reader does not know refuses it. */
    @Test
    void refutedConditionsAreNoDiagnosesAndModifierExtensionsAreRefused() {
        ObjectNode b = tree(STROKE);
        int condition = -1;
        for (int i = 0; i < b.get("entry").size(); i++) {
            if (entry(b, i).path("resourceType").asText().equals("Condition")) {
                condition = i;
                break;
            }
        }
        assertThat(condition).isNotNegative();
        Visit before = read(b.toString()).get(0).visit().orElseThrow();
        entry(b, condition).putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "refuted");
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.visit().orElseThrow().diagnoses()).hasSize(before.diagnoses().size() - 1);
        assertThat(r.notes()).anyMatch(n -> n.endsWith(".verificationStatus: refuted; not used as a diagnosis"));

        ObjectNode m = tree(STROKE);
        entry(m, 4).putArray("modifierExtension").addObject().put("url", "https://example.org/not-performed")
                .put("valueBoolean", true);
        assertThat(read(m.toString()).get(0).error()).get().satisfies(e -> assertThat(e.getMessage())
                .startsWith("Bundle.entry[4].resource.modifierExtension: a modifier extension"));
    }

    /** A second performer and a diagnosis reference that leads nowhere are said, not silently dropped. */
    @Test
    void aSecondPerformerAndADanglingEncounterDiagnosisAreNoted() {
        ObjectNode b = tree(STROKE);
        ArrayNode performers = (ArrayNode) entry(b, 2).get("performer");
        performers.add(performers.get(0).deepCopy());
        ((ObjectNode) entry(b, 0).get("diagnosis").get(0).get("condition")).put("reference", "Condition/gone");
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.visit().orElseThrow().services()).hasSize(3);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Bundle.entry[2].resource.performer[1..1]: 1 more "
                + "performer(s) not read"));
        assertThat(r.notes()).contains("Bundle.entry[0].resource.diagnosis[0].condition: Condition/gone is no "
                + "Condition in the Bundle; not used as a diagnosis");

        Visit plain = read(tree(STROKE).toString()).get(0).visit().orElseThrow();
        assertThat(read(tree(STROKE).toString()).get(0).notes()).noneMatch(n -> n.contains("performer")
                || n.contains("diagnosis["));
        assertThat(plain.diagnoses()).containsExactly("I69.351", "R26.81");
    }

    /** bdl-7: one fullUrl for two entries makes every reference to it a guess, unless they are two versions. */
    @Test
    void aFullUrlTwiceRefusesTheBundleUnlessTheVersionsDiffer() {
        ObjectNode b = tree(STROKE);
        ((ObjectNode) b.get("entry").get(6)).put("fullUrl", "http://clinic.example/fhir/Condition/dx-1");
        assertThatThrownBy(() -> read(b.toString())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("Bundle.entry[6].fullUrl: the same fullUrl as Bundle.entry[5] "
                        + "(\"http://clinic.example/fhir/Condition/dx-1\"): a fullUrl must be unique");
        entry(b, 5).putObject("meta").put("versionId", "1");
        entry(b, 6).putObject("meta").put("versionId", "2");
        assertThat(read(b.toString()).get(0).ok()).isTrue();
    }

    @Test
    void aLargePdfAttachmentIsNotedNotRead() {
        ObjectNode b = tree(STROKE);
        ArrayNode content = (ArrayNode) entry(b, 13).get("content");
        content.insertObject(0).putObject("attachment").put("contentType", "application/pdf")
                .put("data", java.util.Base64.getEncoder().encodeToString(new byte[3_000_000]));
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.visit().orElseThrow().note().orElseThrow()).startsWith("Patient with right hemiparesis");
        assertThat(r.notes()).contains("Bundle.entry[13].resource.content[0].attachment: content type "
                + "application/pdf is not read (only text/*)");
    }

    static Stream<Arguments> badBundles() {
        return Stream.of(
                bad("not JSON", "{\"resourceType\": \"Bundle\",", "line 1, column", "malformed JSON"),
                bad("not a Bundle", "{\"resourceType\": \"Patient\"}", "resourceType",
                        "expected a FHIR R4 Bundle, got \"Patient\""),
                bad("an array", "[]", "", "expected a FHIR R4 Bundle"),
                badEdit("a message Bundle", b -> b.put("type", "message"), "Bundle.type",
                        "expected collection, transaction, batch, document or searchset, got message"),
                badEdit("no Encounter", b -> entry(b, 0).put("resourceType", "Basic").remove(List.of("status",
                        "class", "serviceType", "period", "length", "diagnosis", "serviceProvider", "identifier")),
                        "Bundle.entry", "required: an Encounter"),
                badEdit("an unknown resource type", b -> entry(b, 7).put("resourceType", "Bogus"),
                        "Bundle.entry[7].resource.resourceType", "Unknown resource name"),
                badEdit("no date of service", b -> entry(b, 0).remove("period"),
                        "Bundle.entry[0].resource.period.start", "required: the date of service"),
                badEdit("a date HAPI refuses", b -> ((ObjectNode) entry(b, 2).get("performedPeriod"))
                        .put("start", "2026-13-02T09:00:00-05:00"),
                        "Bundle.entry[2].resource.performedPeriod.start", "2026-13-02T09:00:00-05:00"),
                badEdit("a code that is not CPT", b -> ((ObjectNode) entry(b, 2).get("code").get("coding").get(0))
                        .put("code", "9711"), "Bundle.entry[2].resource.code.coding[0].code",
                        "not a CPT or HCPCS code: \"9711\""),
                badEdit("no CPT coding", b -> ((ObjectNode) entry(b, 2).get("code").get("coding").get(0))
                        .put("system", "http://snomed.info/sct"), "Bundle.entry[2].resource.code",
                        "required: a coding with system http://www.ama-assn.org/go/cpt"),
                badEdit("no time for a timed code", b -> entry(b, 2).remove(List.of("performedPeriod", "extension")),
                        "Bundle.entry[2].resource.performedPeriod", "required for timed code 97112"),
                badEdit("end before start", b -> ((ObjectNode) entry(b, 2).get("performedPeriod"))
                        .put("end", "2026-03-02T08:50:00-05:00"), "Bundle.entry[2].resource.performedPeriod.end",
                        "must be after start 09:00, got 08:50"),
                badEdit("an additional period overlapping the performed one", b -> ((ArrayNode) entry(b, 2)
                        .get("extension")).addObject().put("url", FhirCodes.EXT_ADDITIONAL_PERIOD)
                        .putObject("valuePeriod").put("start", "2026-03-02T09:10:00-05:00")
                        .put("end", "2026-03-02T09:30:00-05:00"), "Bundle.entry[2].resource.extension[2].valuePeriod",
                        "overlaps Bundle.entry[2].resource.performedPeriod (09:00-09:24)"),
                badEdit("no end", b -> ((ObjectNode) entry(b, 2).get("performedPeriod")).remove("end"),
                        "Bundle.entry[2].resource.performedPeriod.end", "required: an end time"),
                badEdit("seconds", b -> ((ObjectNode) entry(b, 2).get("performedPeriod"))
                        .put("end", "2026-03-02T09:24:30-05:00"), "Bundle.entry[2].resource.performedPeriod.end",
                        "whole minutes"),
                badEdit("another day", b -> ((ObjectNode) entry(b, 2).get("performedPeriod"))
                        .put("start", "2026-03-01T09:00:00-05:00"), "Bundle.entry[2].resource.performedPeriod.start",
                        "is on 2026-03-01, not on the date of service 2026-03-02"),
                badEdit("too many stated minutes", b -> ((ObjectNode) entry(b, 2).get("extension").get(1)
                        .get("valueDuration")).put("value", 2000), "Bundle.entry[2].resource.extension[1].valueDuration.value",
                        "must be between 0 and 1440, got 2000"),
                badEdit("no performer", b -> entry(b, 2).remove("performer"), "Bundle.entry[2].resource.performer",
                        "required: who furnished the service"),
                badEdit("an unknown role", b -> ((ObjectNode) entry(b, 2).get("performer").get(0).get("function")
                        .get("coding").get(0)).put("code", "163W00000X"), "Bundle.entry[2].resource.performer[0].function",
                        "no role we know in http://nucc.org/provider-taxonomy|163W00000X"),
                badEdit("a bad ICD-10-CM code", b -> ((ObjectNode) entry(b, 5).get("code").get("coding").get(1))
                        .put("code", "stroke"), "Bundle.entry[5].resource.code.coding[1].code",
                        "not an ICD-10-CM code: \"stroke\""),
                badEdit("a bad NPI", b -> ((ObjectNode) entry(b, 11).get("identifier").get(0))
                        .put("value", "1234567890"), "Bundle.entry[11].resource.identifier[0].value",
                        "not a valid NPI"),
                badEdit("a bad plan of care", b -> ((ObjectNode) entry(b, 0).get("serviceType").get("coding").get(0))
                        .put("code", "PTX"), "Bundle.entry[0].resource.serviceType.coding[0].code",
                        "expected PT, OT or SLP, got \"PTX\""),
                badEdit("a bad mode", b -> ((ObjectNode) entry(b, 2).get("extension").get(0))
                        .put("valueCode", "solo"), "Bundle.entry[2].resource.extension[0].valueCode",
                        "expected one-on-one, group or supervised"),
                badEdit("a cancelled encounter", b -> entry(b, 0).put("status", "cancelled"),
                        "Bundle.entry[0].resource.status", "the Encounter is cancelled: nothing to bill"),
                // Shapes HAPI's parser failed on with a NullPointerException (found by mutating this Bundle).
                badEdit("a resource that is a string", b -> ((ObjectNode) b.get("entry").get(4)).put("resource",
                        "23:59"), "Bundle.entry[4].resource", "expected a resource (a JSON object with a resourceType)"),
                badEdit("a resource without its type", b -> entry(b, 8).remove("resourceType"),
                        "Bundle.entry[8].resource", "required: resourceType"),
                badEdit("an extension that is a number", b -> ((ArrayNode) entry(b, 2).get("extension")).insert(0, 1.5),
                        "Bundle.entry[2].resource.extension[0]", "expected an extension (a JSON object"),
                badEdit("a rank that is no number", b -> ((ObjectNode) entry(b, 0).get("diagnosis").get(0))
                        .put("rank", "OTA"), "Bundle.entry[0].resource.diagnosis[0].rank",
                        "expected a whole number, got \"OTA\""),
                badEdit("a JSON type HAPI refuses", b -> entry(b, 2).put("performedPeriod", "09:00"),
                        "Bundle.entry[2].resource.performedPeriod", "expected an object"));
    }

    private static Arguments bad(String name, String json, String path, String message) {
        return Arguments.of(name, json, path, message);
    }

    private static Arguments badEdit(String name, Consumer<ObjectNode> edit, String path, String message) {
        ObjectNode b = tree(STROKE);
        edit.accept(b);
        return Arguments.of(name, b.toString(), path, message);
    }

    private static ObjectNode carePlan(ObjectNode bundle, String status, String start, String end) {
        ObjectNode cp = ((ArrayNode) bundle.get("entry")).addObject().putObject("resource")
                .put("resourceType", "CarePlan").put("status", status).put("intent", "plan");
        cp.putObject("subject").put("reference", "Patient/P-1");
        ObjectNode period = cp.putObject("period").put("start", start);
        if (end != null) {
            period.put("end", end);
        }
        return cp;
    }

    /** A logical reference (display and NPI identifier, nothing to resolve) names the physician and the NPI. */
    @Test
    void aCarePlanAuthorByLogicalReferenceGivesTheNameAndTheNpi() {
        ObjectNode b = tree(STROKE);
        ObjectNode author = carePlan(b, "active", "2026-01-05", "2026-04-04").putObject("author")
                .put("display", "Dr. Maria Chen");
        author.putObject("identifier").put("system", "http://hl7.org/fhir/sid/us-npi").put("value", "1287654325");
        Visit v = readOne(b.toString());
        assertThat(v.certification().flatMap(Certification::physician)).contains("Dr. Maria Chen");
        assertThat(v.certification().flatMap(Certification::physicianNpi)).contains("1287654325");

        ObjectNode bad = tree(STROKE);
        carePlan(bad, "active", "2026-01-05", "2026-04-04").putObject("author").put("display", "Dr. X")
                .putObject("identifier").put("system", "http://hl7.org/fhir/sid/us-npi").put("value", "1287654320");
        List<FhirVisitReader.Result> rs = read(bad.toString());
        assertThat(rs.get(0).visit()).isEmpty();
        assertThat(rs.get(0).error().orElseThrow().getMessage()).contains("author.identifier.value")
                .contains("not a valid NPI");
    }

    @Test
    void theCarePlanHoldingTheDateIsTheCertification() {
        ObjectNode b = tree(STROKE);
        carePlan(b, "completed", "2025-10-01", "2025-12-29").putObject("author").put("display", "Dr. Old");
        carePlan(b, "active", "2026-01-05", "2026-04-04").putObject("author").put("reference", "Practitioner/T1");
        carePlan(b, "draft", "2026-03-01", "2026-05-29").putObject("author").put("display", "Dr. Draft");
        List<FhirVisitReader.Result> rs = read(b.toString());
        Visit v = rs.get(0).visit().orElseThrow();
        assertThat(v.certification()).contains(new Certification(Optional.of(LocalDate.of(2026, 1, 5)),
                Optional.of(LocalDate.of(2026, 4, 4)), Optional.of("Ana Rivera"), Optional.of("1234567893")));
        assertThat(rs.get(0).source().expressions("certification.to")).containsExactly("Bundle.entry[15].resource"
                + ".period.end");
        // Only a plan that ended before the visit: it is the certification, and the check says it lapsed.
        ObjectNode lapsed = tree(STROKE);
        carePlan(lapsed, "active", "2025-10-01", "2025-12-29");
        Visit old = readOne(lapsed.toString());
        assertThat(old.certification().flatMap(Certification::to)).contains(LocalDate.of(2025, 12, 29));
        assertThat(new VisitChecker(REF).check(old).findings()).extracting(Finding::ruleId).contains("MW-P001");
        // No CarePlan: no certification (the check warns MW-P002 for Medicare).
        assertThat(readOne(Golden.read(STROKE)).certification()).isEmpty();
    }

    @Test
    void aCarePlanEndingBeforeItStartsIsReportedAtItsEnd() {
        ObjectNode b = tree(STROKE);
        carePlan(b, "active", "2026-04-04", "2026-01-05");
        FhirVisitReader.Result r = read(b.toString()).get(0);
        assertThat(r.error()).get().extracting(Throwable::getMessage).asString()
                .isEqualTo("Bundle.entry[14].resource.period.end: must not be before the start 2026-04-04, got "
                        + "2026-01-05");
    }

    private static ObjectNode entry(ObjectNode bundle, int i) {
        return (ObjectNode) bundle.get("entry").get(i).get("resource");
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) Json.mapper().readTree(Golden.read(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBundles")
    void badInputNamesItsPlace(String name, String json, String path, String message) {
        InputException e;
        try {
            List<FhirVisitReader.Result> rs = read(json);
            e = rs.stream().filter(r -> !r.ok()).findFirst().flatMap(FhirVisitReader.Result::error)
                    .orElseThrow(() -> new AssertionError("no error for " + name));
        } catch (InputException thrown) {
            e = thrown;
        }
        assertThat(e.path()).as(e.getMessage()).startsWith(path);
        assertThat(e.getMessage()).contains(message);
    }
}
