package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.fhir.FhirClaimWriter;
import org.minutewise.formats.fhir.FhirR4;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;
import org.minutewise.refdata.RefData;

/**
 * A code's CQ units split by supervisor (PTA A1 under T1, NPI 1245319599, 23 min of 97110; PTA A2 under T2, NPI
 * 1765432103, 24 min: 97110 GP CQ x2 under T2 and x1 under T1) carry each line's own rendering provider in every
 * output: the 837P's NM1*82 of each line (2420A where it is not the claim's 2310B), the FHIR Claim's careTeam of each
 * item, and the CSV of check --out csv, where each CQ line sits on its own assistant's row.
 */
class SupervisorSplitOutputTest {
    private static final ReferenceData REF = RefData.defaults();

    private static final String VISIT = "{\"id\":\"V-S1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
            + "\"planOfCare\":\"PT\",\"patient\":{\"id\":\"P-1\",\"birthDate\":\"1948-05-01\"},"
            + "\"diagnoses\":[\"I69.351\",\"R26.81\"],\"services\":["
            + "{\"code\":\"97112\",\"minutes\":24,\"periods\":[{\"start\":\"09:00\",\"end\":\"09:24\"}],"
            + "\"provider\":{\"id\":\"T1\",\"role\":\"PT\",\"npi\":\"1245319599\"}},"
            + "{\"code\":\"97110\",\"minutes\":23,\"periods\":[{\"start\":\"09:24\",\"end\":\"09:47\"}],"
            + "\"provider\":{\"id\":\"A1\",\"role\":\"PTA\",\"supervisorId\":\"T1\",\"supervisorNpi\":\"1245319599\"}},"
            + "{\"code\":\"97110\",\"minutes\":24,\"periods\":[{\"start\":\"09:47\",\"end\":\"10:11\"}],"
            + "\"provider\":{\"id\":\"A2\",\"role\":\"PTA\",\"supervisorId\":\"T2\",\"supervisorNpi\":\"1765432103\"}}],"
            + "\"billingProvider\":{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"Riverside PT\","
            + "\"address\":{\"line1\":\"100 Main St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"430041234\"}},"
            + "\"payerName\":\"Medicare\",\"payerId\":\"15202\",\"placeOfService\":\"11\",\"subscriber\":{\"memberId\":"
            + "\"1EG4TE5MK73\",\"lastName\":\"Doe\",\"firstName\":\"Jo\",\"birthDate\":\"1948-05-01\",\"sex\":\"F\","
            + "\"address\":{\"line1\":\"1 Elm St\",\"city\":\"Dayton\",\"state\":\"OH\",\"zip\":\"45402\"}}}";

    private static CheckResult check(String json) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        return new VisitChecker(REF).check(reader.read(reader.parse(json)));
    }

    /** The claim's lines as "code units modifiers NPI", in order. */
    private static List<String> engineLines(CheckResult r) {
        return r.engineClaim().lines().stream().map(l -> l.code() + " x" + l.units() + " "
                + String.join(":", l.modifiers()) + " " + l.renderingNpi().orElseThrow()).toList();
    }

    @Test
    void theClaimSplitsTheCqLineBySupervisor() {
        assertThat(engineLines(check(VISIT))).containsExactly("97112 x2 GP 1245319599",
                "97110 x2 GP:CQ 1765432103", "97110 x1 GP:CQ 1245319599");
    }

    /** Each SV1's rendering NPI: its 2420A NM1*82 when it has one, else the claim's 2310B. */
    @Test
    void each837LineCarriesItsOwnSupervisorsNm182() {
        CheckResult r = check(VISIT);
        String edi = X12Writer.write(List.of(r), X12Envelope.defaults(), java.time.LocalDateTime.of(2026, 3, 3, 9, 0));
        String claimLevel = null;
        List<String> perLine = new ArrayList<>();
        String sv1 = null;
        for (String seg : edi.split("~\\s*")) {
            String[] e = seg.split("\\*", -1);
            if (seg.startsWith("SV1*")) {
                if (sv1 != null) {
                    perLine.add(sv1 + " " + claimLevel);
                }
                sv1 = e[1].substring(3) + " x" + e[4];
            } else if (seg.startsWith("NM1*82*")) {
                if (sv1 == null) {
                    claimLevel = e[9];
                } else {
                    perLine.add(sv1 + " " + e[9]);
                    sv1 = null;
                }
            } else if (seg.startsWith("SE*") && sv1 != null) {
                perLine.add(sv1 + " " + claimLevel);
                sv1 = null;
            }
        }
        assertThat(claimLevel).isEqualTo("1245319599");
        assertThat(perLine).containsExactly("97112:GP x2 1245319599", "97110:GP:CQ x2 1765432103",
                "97110:GP:CQ x1 1245319599");
        assertThat(edi).contains("NM1*82*1*T2*****XX*1765432103~");
    }

    /** Each item's careTeam: the supervisor of its line (primary) and its assistant. */
    @Test
    void eachFhirItemPointsAtItsOwnSupervisor() {
        CheckResult r = check(VISIT);
        Bundle b = FhirR4.jsonParser().parseResource(Bundle.class, FhirClaimWriter.write(r));
        Claim claim = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x instanceof Claim).map(x -> (Claim) x).findFirst().orElseThrow();
        Map<String, String> idOf = new java.util.HashMap<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof Practitioner p) {
                idOf.put(e.getFullUrl(), p.getIdentifier().stream()
                        .filter(i -> i.getSystem().endsWith("provider-id")).findFirst().orElseThrow().getValue());
            }
        }
        List<String> items = new ArrayList<>();
        for (Claim.ItemComponent item : claim.getItem()) {
            List<String> team = new ArrayList<>();
            for (var seq : item.getCareTeamSequence()) {
                Claim.CareTeamComponent m = claim.getCareTeam().stream()
                        .filter(c -> c.getSequence() == seq.getValue()).findFirst().orElseThrow();
                team.add(idOf.get(m.getProvider().getReference()));
            }
            items.add(item.getProductOrService().getCodingFirstRep().getCode() + " x"
                    + item.getQuantity().getValue().intValue() + " " + team);
        }
        assertThat(items).containsExactly("97112 x2 [T1]", "97110 x2 [T2, A2]", "97110 x1 [T1, A1]");
    }

    /**
     * check --out csv: each CQ line on the row of the assistant whose units it holds (it went on the first
     * assistant row of the code: A1's row held T2's two units). Read back, the billed claim renders each line
     * under that row's supervisor, and no billed-line finding says the lines are duplicates.
     */
    @Test
    void theCsvPutsEachCqLineOnItsOwnAssistantsRow() {
        CheckResult r = check(VISIT);
        String csv = VisitOutput.csv(List.of(r));
        List<String> rows = csv.lines().toList();
        List<String> header = List.of(rows.get(0).split(",", -1));
        List<String> placed = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            placed.add(f[header.indexOf("providerId")] + " " + f[header.indexOf("billedUnits")] + " "
                    + f[header.indexOf("billedModifiers")]);
        }
        assertThat(placed).containsExactly("T1 2 GP", "A1 1 GP;CQ", "A2 2 GP;CQ");

        Visit back = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().orElseThrow();
        CheckResult again = new VisitChecker(REF).check(back);
        assertThat(again.claim().lines()).filteredOn(ClaimLine::assistantUnit)
                .extracting(l -> l.units() + " " + l.renderingProvider().orElseThrow())
                .containsExactly("1 T1", "2 T2");
        assertThat(again.findings()).noneMatch(f -> f.ruleId().startsWith("MW-B"));
    }
}
