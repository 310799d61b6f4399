package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.SecondaryCoverage;
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
     * visit JSON -> 837 (837P and 837I) -> visit JSON keeps the secondary payer's own claim identifiers (name, payer
     * id, member id; the filing indicator, which the 837 always carries, comes back too), and its profile by the
     * filing indicator: a built-in one by its kind; one no profile holds goes out with ZZ and comes back as the payer
     * id the 837 names (the check reports it unknown, MW-S002, as it did the profile). Medicare second is left out of
     * the 837 (no SBR05 to give), so it does not come back.
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
        assertThat(sent).containsExactly(
                "V-4001 commercial Acme Health Plan/ACME01/ACM100200300/BL",
                "V-4002 aarp-medigap-g AARP Medicare Supplement/36273/AARP77889900/-",
                "V-4003 medicare -/-/-/-",
                "V-4004 commercial Buckeye Employers Health/BEH42/BEH5566/-");
        assertThat(got).containsExactly(
                "V-4001 commercial Acme Health Plan/ACME01/ACM100200300/BL",
                "V-4002 36273 AARP Medicare Supplement/36273/AARP77889900/ZZ",
                "V-4003 - -/-/-/-",
                "V-4004 commercial Buckeye Employers Health/BEH42/BEH5566/CI");
    }

    /**
     * A clinic's own profile is named nowhere on the 837 (2330B carries the payer's own id): it comes back by the
     * filing indicator as the first profile of its kind, as the primary's does, unless the clinic named the profile
     * by the payer's id (2330B NM109), which the reader takes when its kind agrees.
     */
    @Test
    void aClinicsOwnSecondaryProfileComesBackByItsKindOrByThePayerId() {
        Visit base = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        SecondaryCoverage acme = new SecondaryCoverage(Optional.of("Acme PPO"), Optional.of("ACME01"),
                Optional.of("ACM123"), Optional.empty());
        for (String[] c : new String[][] {{"acme-ppo", "commercial"}, {"ACME01", "ACME01"}}) {
            ReferenceData ref = X12Fixtures.REF.withPayers(X12Fixtures.REF.payers().with(List.of(
                    PayerProfile.simple(c[0], PayerKind.COMMERCIAL, UnitMethod.CMS))));
            Visit v = base.toBuilder().secondaryPayer(c[0]).claimInfo(base.claimInfo().withSecondary(acme)).build();
            CheckResult r = new VisitChecker(ref).check(v);
            String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW, ref.payers());
            assertThat(edi).contains("SBR*S*18*******CI~").contains("NM1*PR*2*Acme PPO*****PI*ACME01~")
                    .doesNotContain("acme-ppo");
            Visit read = X12ClaimReader.read(edi, "medicare", ref).get(0).visit().orElseThrow();
            assertThat(read.secondaryPayer()).as(c[0]).contains(c[1]);
            assertThat(read.claimInfo().secondary()).isEqualTo(new SecondaryCoverage(acme.payerName(),
                    acme.payerId(), acme.memberId(), Optional.of("CI")));
        }
    }

    /** The secondary payer as visit JSON gives it: profile, then name/payer id/member id/filing indicator. */
    private static String json(Visit v) {
        com.fasterxml.jackson.databind.JsonNode n = VisitJsonWriter.write(v);
        StringBuilder sb = new StringBuilder(n.has("secondaryPayer") ? n.get("secondaryPayer").asText() : "-");
        String sep = " ";
        for (String f : new String[] {"secondaryPayerName", "secondaryPayerId", "secondaryMemberId",
                "secondaryClaimFilingIndicator"}) {
            sb.append(sep).append(n.has(f) ? n.get(f).asText() : "-");
            sep = "/";
        }
        return sb.toString();
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
