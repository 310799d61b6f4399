package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;

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
