package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;

/** visit JSON -> check -> 837P -> read back: codes, units, modifiers, charges and diagnoses survive. */
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
        String edi = X12ClaimWriter.write(results, X12Fixtures.ENVELOPE, X12Fixtures.NOW);
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
    }
}
