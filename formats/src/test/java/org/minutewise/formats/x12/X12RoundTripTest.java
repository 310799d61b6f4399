package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.formats.VisitJsonWriter;

/**
 * visit JSON -> check -> 837P or 837I -> read back: codes, units, modifiers, charges, diagnoses and (837I) the
 * setting survive.
 */
class X12RoundTripTest {
    @Test
    void professionalVisitsSurviveTheRoundTrip() {
        List<CheckResult> results = new ArrayList<>(X12Fixtures.checked(X12Fixtures.DIR.resolve(
                "write/pt-assistant.json")));
        for (CheckResult r : X12Fixtures.checked(X12Fixtures.DIR.resolve("write/batch-mixed.json"))) {
            if (!r.visit().setting().institutional()) {
                results.add(r);
            }
        }
        roundTrip(results, X12ClaimWriter.write(results, X12Fixtures.ENVELOPE, X12Fixtures.NOW));
    }

    @Test
    void institutionalVisitsSurviveTheRoundTrip() {
        List<CheckResult> results = new ArrayList<>(X12Fixtures.checked(X12Fixtures.DIR.resolve(
                "write/institutional-ot-slp.json")));
        for (CheckResult r : X12Fixtures.checked(X12Fixtures.DIR.resolve("write/batch-mixed.json"))) {
            if (r.visit().setting().institutional()) {
                results.add(r);
            }
        }
        List<X12ClaimReader.Result> back = roundTrip(results, X12InstitutionalWriter.write(results,
                X12Fixtures.ENVELOPE, X12Fixtures.NOW));
        for (int i = 0; i < results.size(); i++) {
            assertThat(back.get(i).visit().orElseThrow().setting()).isEqualTo(results.get(i).visit().setting());
        }
    }

    /** Every institutional setting's type of bill reads back as that setting. */
    @Test
    void everyInstitutionalSettingComesBackFromItsTypeOfBill() {
        Visit base = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/institutional-ot-slp.json")).get(0);
        for (org.minutewise.core.model.Setting setting : org.minutewise.core.model.Setting.values()) {
            if (!setting.institutional()) {
                continue;
            }
            CheckResult r = X12Fixtures.CHECKER.check(base.toBuilder().setting(setting).build());
            String edi = X12InstitutionalWriter.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
            Visit back = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF).get(0).visit().orElseThrow();
            assertThat(back.setting()).as(setting.wire()).isEqualTo(setting);
        }
    }

    /**
     * visit JSON -> 837 (837P and 837I) -> visit JSON keeps {@code secondaryPayer}: a built-in profile, and one no
     * profile holds (written as named, with ZZ). Medicare second is left out of the 837 (no SBR05 to give), so it
     * does not come back.
     */
    @Test
    void theSecondaryPayerSurvivesTheRoundTrip() {
        List<CheckResult> results = X12Fixtures.checked(X12Fixtures.DIR.resolve("write/secondary-payer.json"));
        List<X12ClaimReader.Result> back = roundTrip(results, X12Writer.write(results, X12Fixtures.ENVELOPE,
                X12Fixtures.NOW, X12Fixtures.REF.payers()));
        List<String> sent = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            sent.add(results.get(i).visit().id() + " " + json(results.get(i).visit()));
            got.add(back.get(i).visit().orElseThrow().id() + " " + json(back.get(i).visit().orElseThrow()));
        }
        assertThat(sent).containsExactly("V-4001 commercial", "V-4002 aarp-medigap-g", "V-4003 medicare",
                "V-4004 commercial");
        assertThat(got).containsExactly("V-4001 commercial", "V-4002 aarp-medigap-g", "V-4003 -",
                "V-4004 commercial");
    }

    /** A clinic's own profile comes back as itself when the reader knows it (its id is 2330B NM109). */
    @Test
    void aClinicsOwnSecondaryProfileSurvivesTheRoundTrip() {
        ReferenceData ref = X12Fixtures.REF.withPayers(X12Fixtures.REF.payers().with(List.of(
                PayerProfile.simple("acme-ppo", PayerKind.COMMERCIAL, UnitMethod.CMS))));
        Visit v = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0).toBuilder()
                .secondaryPayer("acme-ppo").build();
        CheckResult r = new VisitChecker(ref).check(v);
        String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW, ref.payers());
        assertThat(edi).contains("SBR*S*18*******CI~").contains("NM1*PR*2*acme-ppo*****PI*acme-ppo~");
        assertThat(X12ClaimReader.read(edi, "medicare", ref).get(0).visit().orElseThrow().secondaryPayer())
                .contains("acme-ppo");
    }

    /** The secondary payer as visit JSON gives it ("-" when none). */
    private static String json(Visit v) {
        com.fasterxml.jackson.databind.JsonNode n = VisitJsonWriter.write(v).get("secondaryPayer");
        return n == null ? "-" : n.asText();
    }

    private static List<X12ClaimReader.Result> roundTrip(List<CheckResult> results, String edi) {
        List<X12ClaimReader.Result> back = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(back).hasSize(results.size());
        for (int i = 0; i < results.size(); i++) {
            CheckResult sent = results.get(i);
            X12ClaimReader.Result got = back.get(i);
            assertThat(got.error()).isEmpty();
            Visit v = got.visit().orElseThrow();
            assertThat(v.id()).isEqualTo(sent.visit().id());
            assertThat(v.dateOfService()).isEqualTo(sent.visit().dateOfService());
            assertThat(v.diagnoses()).isEqualTo(sent.visit().diagnoses());
            assertThat(v.planOfCare()).isEqualTo(sent.visit().planOfCare());
            assertThat(v.claimInfo().billingProvider()).isEqualTo(sent.visit().claimInfo().billingProvider());
            List<ClaimLine> lines = sent.claim().lines();
            assertThat(v.billed()).hasSize(lines.size());
            for (int k = 0; k < lines.size(); k++) {
                BilledLine b = v.billed().get(k);
                ClaimLine l = lines.get(k);
                assertThat(b.code()).isEqualTo(l.code());
                assertThat(b.modifiers()).isEqualTo(l.modifiers());
                assertThat(b.units()).isEqualTo(l.units());
                assertThat(b.charge().orElseThrow()).isEqualByComparingTo(l.charge().orElseThrow());
                // The assistant's lines come back as an assistant's, under the supervising therapist's NPI.
                boolean assistant = l.modifiers().contains("CQ") || l.modifiers().contains("CO");
                assertThat(v.services().get(k).provider().role().isAssistant()).isEqualTo(assistant);
                assertThat(assistant ? v.services().get(k).provider().supervisorNpi()
                        : v.services().get(k).provider().npi()).isEqualTo(l.renderingNpi());
            }
        }
        return back;
    }
}
