package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitOutput;
import org.minutewise.formats.fhir.FhirClaimWriter;
import org.minutewise.formats.fhir.FhirR4;

/**
 * A code's CQ units split by supervisor ({@code write/two-supervisors.json}, the golden visit 88: PT-RM, NPI
 * 1245319599, 20 min of 97110; PTA-LB under PT-RM 23 min; PTA-SO under PT-KA, NPI 1765432103, 24 min: 97110 GP CQ x2
 * under PT-KA, GP CQ x1 and GP x1 under PT-RM) carry each line's own rendering provider in every output: the 837P's
 * NM1*82 of each line (2420A where it is not the claim's 2310B), the FHIR Claim's careTeam of each item, and the CSV
 * of check --out csv, where each CQ line sits on its own assistant's row.
 */
class SupervisorSplitOutputTest {
    private static CheckResult check() {
        return X12Fixtures.checked(X12Fixtures.DIR.resolve("write/two-supervisors.json")).get(0);
    }

    /** The claim's lines as "code units modifiers NPI", in order. */
    private static List<String> engineLines(CheckResult r) {
        return r.engineClaim().lines().stream().map(l -> l.code() + " x" + l.units() + " "
                + String.join(":", l.modifiers()) + " " + l.renderingNpi().orElseThrow()).toList();
    }

    @Test
    void theClaimSplitsTheCqLineBySupervisor() {
        assertThat(engineLines(check())).containsExactly("97110 x2 GP:CQ 1765432103",
                "97110 x1 GP:CQ 1245319599", "97110 x1 GP 1245319599");
    }

    /** Each SV1's rendering NPI: its 2420A NM1*82 when it has one, else the claim's 2310B. */
    @Test
    void each837LineCarriesItsOwnSupervisorsNm182() {
        CheckResult r = check();
        String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
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
        assertThat(claimLevel).isEqualTo("1765432103");
        assertThat(perLine).containsExactly("97110:GP:CQ x2 1765432103", "97110:GP:CQ x1 1245319599",
                "97110:GP x1 1245319599");
    }

    /** Each item's careTeam: the supervisor of its line (primary) and its assistant. */
    @Test
    void eachFhirItemPointsAtItsOwnSupervisor() {
        CheckResult r = check();
        Bundle b = FhirR4.jsonParser().parseResource(Bundle.class, FhirClaimWriter.write(r));
        Claim claim = b.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(x -> x instanceof Claim).map(x -> (Claim) x).findFirst().orElseThrow();
        Map<String, String> idOf = new java.util.HashMap<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof Practitioner p) {
                // The visit's clinicians by their id (the certifying physician has an NPI only).
                p.getIdentifier().stream().filter(i -> i.getSystem().endsWith("provider-id")).findFirst()
                        .ifPresent(i -> idOf.put(e.getFullUrl(), i.getValue()));
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
        assertThat(items).containsExactly("97110 x2 [PT-KA, PTA-SO]", "97110 x1 [PT-RM, PTA-LB]", "97110 x1 [PT-RM]");
    }

    /**
     * check --out csv: each CQ line on the row of the assistant whose units it holds (it went on the first
     * assistant row of the code: PTA-LB's row held PT-KA's two units). Read back, the billed claim renders each line
     * under that row's supervisor, and no billed-line finding says the lines are duplicates.
     */
    @Test
    void theCsvPutsEachCqLineOnItsOwnAssistantsRow() {
        CheckResult r = check();
        String csv = VisitOutput.csv(List.of(r));
        List<String> rows = csv.lines().toList();
        List<String> header = List.of(rows.get(0).split(",", -1));
        List<String> placed = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            placed.add(f[header.indexOf("providerId")] + " " + f[header.indexOf("billedUnits")] + " "
                    + f[header.indexOf("billedModifiers")]);
        }
        assertThat(placed).containsExactly("PT-RM 1 GP", "PTA-LB 1 GP;CQ", "PTA-SO 2 GP;CQ");

        Visit back = VisitInput.read(csv, VisitFormat.CSV, X12Fixtures.REF).get(0).visit().orElseThrow();
        CheckResult again = X12Fixtures.CHECKER.check(back);
        assertThat(again.claim().lines()).filteredOn(ClaimLine::assistantUnit)
                .extracting(l -> l.units() + " " + l.renderingProvider().orElseThrow())
                .containsExactly("1 PT-RM", "2 PT-KA");
        assertThat(again.findings()).noneMatch(f -> f.ruleId().startsWith("MW-B"));
    }
}
