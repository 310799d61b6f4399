package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.refdata.RefData;

/** Visit to input-style FHIR Bundle (FhirVisitWriter) and back (FhirVisitReader): the same visit. */
class FhirRoundTripTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** Fields with no FHIR home in this mapping; the writer's documentation lists them. */
    private static final List<String> NOT_CARRIED = List.of("previousNote", "abn", "authorization",
            "overrides", "purpose", "locality", "billed");

    static Visit back(Visit v, ZoneId zone) {
        String json = FhirVisitWriter.write(v, zone);
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(json, REF, "commercial");
        assertThat(rs).hasSize(1);
        rs.get(0).error().ifPresent(e -> {
            throw new AssertionError(e.getMessage() + "\n" + json, e);
        });
        return rs.get(0).visit().orElseThrow();
    }

    static ObjectNode carried(Visit v) {
        ObjectNode o = VisitJsonWriter.write(v);
        o.remove(NOT_CARRIED);
        ((ObjectNode) o.get("patient")).remove(List.of("yearToDate", "outsideSpend"));
        return o;
    }

    static Visit rich() throws Exception {
        Visit base = FhirClaimWriterTest.example("stroke-visit.json");
        List<ServiceLine> lines = new ArrayList<>(base.services());
        lines.set(0, lines.get(0).withPeriods(List.of(Period.of("09:00", "09:10"), Period.of("09:30", "09:44"))));
        lines.add(new ServiceLine("97535", OptionalInt.of(20), List.of(Period.of("10:00", "10:20")),
                new Provider(Optional.of("O2"), Role.OTA, Optional.empty(), Optional.of("O1"),
                        Optional.of("1555555550")), Optional.of(Mode.GROUP), Optional.of(Discipline.OT),
                Optional.of(new BigDecimal("88.50"))));
        lines.add(new ServiceLine("97161", OptionalInt.empty(), List.of(), new Provider(Optional.of("T1"), Role.PT,
                Optional.of("1234567893")), Optional.empty(), Optional.empty(), Optional.empty()));
        lines.add(new ServiceLine("98940", OptionalInt.empty(), List.of(), new Provider(Optional.of("D1"), Role.DC,
                Optional.empty()), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(org.minutewise.core.model.BodyRegion.LUMBAR, org.minutewise.core.model.BodyRegion.PELVIC)));
        lines.add(new ServiceLine("G0283", OptionalInt.of(8), List.of(new Period(java.time.LocalTime.of(23, 45),
                Period.END_OF_DAY)),
                new Provider(Optional.empty(), Role.AIDE, Optional.empty()), Optional.of(Mode.SUPERVISED),
                Optional.empty(), Optional.empty()));
        return base.toBuilder()
                .services(lines)
                .setting(Setting.REHAB_AGENCY)
                .secondaryPayer("commercial")
                .certification(new Certification(Optional.of(LocalDate.of(2026, 1, 5)),
                        Optional.of(LocalDate.of(2026, 4, 4)), Optional.of("Dr. Maria Alvarez")))
                .note("Line one <with> & \"marks\".\n\n  Indented line two.\n")
                .claimInfo(new ClaimInfo(new BillingProvider(Optional.of("1987654328"), Optional.of("123456789"),
                        Optional.of("Riverside Therapy"), Optional.of(new Address("100 Main St", Optional.of("Suite 2"),
                        "Columbus", "OH", "43004"))), Optional.of("Medicare Part B"), Optional.of("15202"),
                        new Subscriber(Optional.of("1EG4TE5MK73"), Optional.of("Doe"), Optional.of("Jane"),
                                base.patient().birthDate(), Optional.of("F")), Optional.of("11"))
                        .withSecondary(new org.minutewise.core.model.SecondaryCoverage(Optional.of("Acme Health Plan"),
                                Optional.of("ACME01"), Optional.of("XJ884410"), Optional.empty())))
                .build();
    }

    @Test
    void theExampleVisitsComeBackTheSame() throws Exception {
        for (String name : List.of("stroke-visit.json", "overlap-visit.json")) {
            Visit v = FhirClaimWriterTest.example(name);
            assertThat(carried(back(v, CHICAGO))).as(name).isEqualTo(carried(v));
        }
    }

    @Test
    void aRichVisitComesBackTheSameInEveryCarriedField() throws Exception {
        Visit v = rich();
        Visit w = back(v, CHICAGO);
        assertThat(carried(w)).isEqualTo(carried(v));
        assertThat(w.services()).extracting(ServiceLine::code).containsExactly("97112", "97110", "97010", "97535",
                "97161", "98940", "G0283");
        assertThat(w.services().get(0).periods()).hasToString("[09:00-09:10, 09:30-09:44]");
        assertThat(w.services().get(3).provider().supervisorNpi()).contains("1555555550");
        assertThat(w.services().get(5).regions()).as("Procedure.bodySite").hasToString("[LUMBAR, PELVIC]");
        // An end at midnight (24:00) is written as 00:00 of the next day and read back as 24:00 (it was written as
        // 23:59:59, which the reader refuses: whole minutes).
        assertThat(w.services().get(6).periods()).as("an end at midnight").hasToString("[23:45-24:00]");
        assertThat(w.note()).isEqualTo(v.note());
        assertThat(w.payer()).isEqualTo("medicare");
        assertThat(w.secondaryPayer()).contains("commercial");
        // The secondary payer's own name, id and member id ride on the second Coverage (an 837 names it by them).
        assertThat(w.claimInfo().secondary()).isEqualTo(v.claimInfo().secondary());
    }

    /**
     * A secondary payer named by our payer-profile identifier comes back as that profile though it is no built-in
     * one and its name says Medicare (a Medicare supplement: it was read as Medicare); without the identifier the
     * name still decides.
     */
    @Test
    void aSecondaryPayerProfileComesBackAsWritten() throws Exception {
        org.minutewise.formats.VisitJsonReader r = new org.minutewise.formats.VisitJsonReader(REF);
        com.fasterxml.jackson.databind.JsonNode all = r.parse(java.nio.file.Files.readString(
                java.nio.file.Path.of("src/test/resources/x12/write/secondary-payer.json")));
        Visit v = null;
        for (com.fasterxml.jackson.databind.JsonNode n : all) {
            if (n.path("secondaryPayer").asText().equals("aarp-medigap-g")) {
                v = r.read(n);
            }
        }
        assertThat(v).isNotNull();
        assertThat(REF.payers().find("aarp-medigap-g")).as("not a built-in profile").isEmpty();
        assertThat(back(v, CHICAGO).secondaryPayer()).contains("aarp-medigap-g");
        String json = FhirVisitWriter.write(v, CHICAGO).replace(FhirCodes.PAYER_ID + "\",\n        \"value\": "
                + "\"aarp-medigap-g\"", "urn:other\",\n        \"value\": \"aarp-medigap-g\"");
        assertThat(json).contains("urn:other");
        assertThat(FhirVisitReader.read(json, REF, "commercial").get(0).visit().orElseThrow().secondaryPayer())
                .contains("medicare");
    }

    /**
     * A dependent (a child under her father's plan): the Patient carries the child's own name, sex and address, the
     * Coverage the father as its subscriber (a RelatedPerson) and relationship child, with the 837 code beside it;
     * read back the same. A Bundle from elsewhere with only FHIR's code is mapped as best it can be (spouse 01, child
     * 19, other G8 with a note), a code of neither system refused naming it.
     */
    @Test
    void aDependentComesBackWithItsRelationship() throws Exception {
        Visit v = FhirClaimWriterTest.example("dependent-claim-visit.json");
        assertThat(FhirVisitWriter.notCarried(v, code -> true)).doesNotContain("subscriber.relationship",
                "patient.lastName", "patient.address");
        String json = FhirVisitWriter.write(v, CHICAGO);
        assertThat(json.replaceAll("\\s+", "")).contains("\"relationship\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/subscriber-relationship\",\"code\":\"child\"},{\"system\":"
                + "\"https://minutewise.org/fhir/CodeSystem/x12-individual-relationship\",\"code\":\"19\"}]}");
        assertThat(FhirValidation.unresolvedReferences(FhirValidation.parseStrict(json))).isEmpty();
        Visit w = back(v, CHICAGO);
        // (The claim filing indicator is not carried, and charges come back in another scale.)
        assertThat(carried(w).get("patient")).isEqualTo(carried(v).get("patient"));
        assertThat(carried(w).get("subscriber")).isEqualTo(carried(v).get("subscriber"));
        assertThat(w.claimInfo().subscriber().relationship()).contains("19");
        assertThat(w.claimInfo().subscriber().firstName()).contains("Daniel");
        assertThat(w.patient().firstName()).contains("Mina");

        // A life partner (53) is FHIR's "other": our coding keeps 53; without it, "other" reads as G8, said.
        Visit partner = v.toBuilder().claimInfo(new org.minutewise.core.model.ClaimInfo(
                v.claimInfo().billingProvider(), v.claimInfo().payerName(), v.claimInfo().payerId(),
                new Subscriber(Optional.of("ACM998877"), Optional.of("Park"), Optional.of("Daniel"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("53")), Optional.empty())).build();
        String pj = FhirVisitWriter.write(partner, CHICAGO);
        assertThat(back(partner, CHICAGO).claimInfo().subscriber().relationship()).contains("53");
        String foreign = pj.replace(org.minutewise.formats.fhir.FhirCodes.X12_RELATIONSHIP_SYSTEM, "urn:other");
        FhirVisitReader.Result r = FhirVisitReader.read(foreign, REF, "commercial").get(0);
        assertThat(r.visit().orElseThrow().claimInfo().subscriber().relationship()).contains("G8");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).endsWith(".relationship: \"other\" has no 837 "
                + "relationship code of its own; read as G8 (other relationship)"));
        String spouse = foreign.replace("\"code\": \"other\"", "\"code\": \"spouse\"");
        assertThat(FhirVisitReader.read(spouse, REF, "commercial").get(0).visit().orElseThrow().claimInfo()
                .subscriber().relationship()).contains("01");
        String self = foreign.replace("\"code\": \"other\"", "\"code\": \"self\"");
        assertThat(FhirVisitReader.read(self, REF, "commercial").get(0).visit().orElseThrow().claimInfo()
                .subscriber().relationship()).isEmpty();
        String bad = foreign.replace("\"code\": \"other\"", "\"code\": \"cousin\"");
        assertThat(FhirVisitReader.read(bad, REF, "commercial").get(0).error()).get().satisfies(e -> {
            assertThat(e.path()).matches("Bundle\\.entry\\[\\d+\\]\\.resource\\.relationship\\.coding\\[0\\]\\.code");
            assertThat(e.detail()).startsWith("expected a subscriber-relationship code").contains("\"cousin\"");
        });
        // A dependent's Coverage without its subscriber: refused (the child would be read as the policy holder).
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.minutewise.formats.Json.mapper().readTree(json);
        for (com.fasterxml.jackson.databind.JsonNode e : tree.get("entry")) {
            if (e.get("resource").get("resourceType").asText().equals("Coverage")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("resource")).remove("subscriber");
            }
        }
        assertThat(FhirVisitReader.read(tree.toString(), REF, "commercial").get(0).error()).get().satisfies(e -> {
            assertThat(e.path()).matches("Bundle\\.entry\\[\\d+\\]\\.resource\\.subscriber");
            assertThat(e.detail()).startsWith("required for a dependent (relationship 19)");
        });
        // Without a relationship the Patient is named by the subscriber's name: a patient's own that differs is not
        // read back, named as not carried; the sex and address the subscriber lacks are the patient's own, carried.
        Visit notDependent = v.toBuilder().claimInfo(new org.minutewise.core.model.ClaimInfo(
                v.claimInfo().billingProvider(), v.claimInfo().payerName(), v.claimInfo().payerId(),
                new Subscriber(Optional.of("ACM998877"), Optional.of("Park"), Optional.of("Daniel"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty())).build();
        // (The child Mina's last name is her father's: the same, so nothing lost.)
        assertThat(FhirVisitWriter.notCarried(notDependent, code -> true)).contains("patient.firstName")
                .doesNotContain("patient.lastName", "patient.sex", "patient.address");
        assertThat(back(notDependent, CHICAGO).claimInfo().subscriber().address())
                .isEqualTo(notDependent.patient().address());
        String badX12 = pj.replace("\"code\": \"53\"", "\"code\": \"18x\"");
        assertThat(FhirVisitReader.read(badX12, REF, "commercial").get(0).error()).get()
                .satisfies(e -> assertThat(e.detail()).startsWith("expected one of 01, 19, 20, 21, 39, 40, 53, G8"));
    }

    /**
     * A patient named without a subscriber block (an EMR's visit): the Patient carries the patient's own name, sex and
     * address (it was published nameless, and the writer said FHIR had no home for them); read back as the
     * subscriber's beside the payer's Coverage (the patient is the subscriber), as the patient's own without one.
     */
    @Test
    void aPatientNamedWithoutASubscriberIsNamedInFhir() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        org.minutewise.core.model.Patient p = v.patient();
        org.minutewise.core.model.Address home = new org.minutewise.core.model.Address("12 Elm St", Optional.empty(),
                "Springfield", "IL", "62701");
        Visit named = v.toBuilder().patient(new org.minutewise.core.model.Patient(p.id(), p.birthDate(),
                p.yearToDate(), p.outsideSpend(), Optional.of("Rivera"), Optional.of("Luz"), Optional.of("F"),
                Optional.of(home))).build();
        assertThat(named.claimInfo().subscriber().lastName()).as("no subscriber name in the example").isEmpty();
        assertThat(FhirVisitWriter.notCarried(named, code -> true)).doesNotContain("patient.lastName",
                "patient.firstName", "patient.sex", "patient.address");
        String json = FhirVisitWriter.write(named, CHICAGO).replaceAll("\\s+", "");
        assertThat(json).contains("\"family\":\"Rivera\"", "\"given\":[\"Luz\"]", "\"gender\":\"female\"",
                "\"city\":\"Springfield\"");
        Visit w = back(named, CHICAGO);
        org.minutewise.core.model.Subscriber s = w.claimInfo().subscriber();
        assertThat(w.patient().lastName().or(s::lastName)).contains("Rivera");
        assertThat(w.patient().firstName().or(s::firstName)).contains("Luz");
        assertThat(w.patient().sex().or(s::sex)).contains("F");
        assertThat(w.patient().address().or(s::address)).contains(home);
    }

    /** A Bundle saved by a Windows tool starts with a byte-order mark: read as if it did not. */
    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        Visit v = FhirClaimWriterTest.example("stroke-visit.json");
        String json = "\uFEFF" + FhirVisitWriter.write(v, CHICAGO);
        List<FhirVisitReader.Result> rs = FhirVisitReader.read(json, REF, "commercial");
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.error()).isEmpty());
    }

    @Test
    void theTimeZoneDoesNotMoveTheClockTimes() throws Exception {
        Visit v = rich();
        for (String zone : List.of("UTC", "Pacific/Kiritimati", "America/Adak")) {
            assertThat(carried(back(v, ZoneId.of(zone)))).as(zone).isEqualTo(carried(v));
        }
    }

    @Test
    void theVisitBundleMatchesItsGoldenFileAndValidates() throws Exception {
        String json = FhirVisitWriter.write(FhirClaimWriterTest.example("stroke-visit.json"),
                ZoneId.of("America/New_York"));
        Golden.check("out/stroke-visit.visit-bundle.json", json);
        assertThat(FhirValidation.unresolvedReferences(FhirValidation.parseStrict(json))).isEmpty();
    }

    @Property(tries = 60)
    void anyVisitComesBackWithTheSameCodesMinutesPeriodsRolesDiagnosesPayerAndNote(@ForAll("visits") Visit v) {
        Visit w = back(v, CHICAGO);
        assertThat(carried(w)).isEqualTo(carried(v));
    }

    @Provide
    Arbitrary<Visit> visits() {
        Arbitrary<List<String>> dx = Arbitraries.of("I69.351", "R26.81", "M54.50", "S83.511A", "G20.A1", "R13.12")
                .list().uniqueElements().ofMaxSize(4);
        Arbitrary<List<ServiceLine>> lines = line().list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<String> note = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', 'é', '§')
                .ofMaxLength(200).filter(t -> !t.isBlank()).injectNull(0.2);
        return Combinators.combine(dx, lines, note, Arbitraries.of("medicare", "commercial"),
                Arbitraries.of(Discipline.values()), Arbitraries.integers().between(0, 400).injectNull(0.3))
                .as((d, ls, n, payer, plan, total) -> {
                    Visit.Builder b = Visit.builder("V-" + Math.abs(ls.hashCode() % 10000), LocalDate.of(2026, 3, 2))
                            .diagnoses(d).services(ls).payer(payer).planOfCare(plan).note(n);
                    if (total != null) {
                        b.totalTreatmentMinutes(total);
                    }
                    return b.build();
                });
    }

    private static boolean apart(List<Period> ps) {
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                if (ps.get(i).overlaps(ps.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Arbitrary<ServiceLine> line() {
        Arbitrary<String> code = Arbitraries.of("97110", "97112", "97140", "97530", "97535", "97010", "97161",
                "G0283", "92507");
        Arbitrary<Period> period = Combinators.combine(Arbitraries.integers().between(0, 1438),
                Arbitraries.integers().between(1, 90)).as((s, len) -> new Period(LocalTime.of(s / 60, s % 60),
                LocalTime.of(Math.min(s + len, 1439) / 60, Math.min(s + len, 1439) % 60)));
        Arbitrary<Provider> provider = Combinators.combine(Arbitraries.of(Role.values()),
                Arbitraries.of("T1", "T2", "X-9").injectNull(0.3), Arbitraries.of("1234567893", "1987654328")
                        .injectNull(0.5)).as((r, id, npi) -> new Provider(Optional.ofNullable(id), r,
                Optional.ofNullable(npi)));
        // One service's periods never overlap (the readers refuse that, as the visit JSON does).
        return Combinators.combine(code, period.list().ofMaxSize(3).filter(FhirRoundTripTest::apart),
                Arbitraries.integers().between(0, 120),
                provider, Arbitraries.of(Mode.values()).injectNull(0.5))
                .as((c, ps, m, p, mode) -> new ServiceLine(c, OptionalInt.of(m), ps, p, Optional.ofNullable(mode),
                        Optional.empty()));
    }
}
