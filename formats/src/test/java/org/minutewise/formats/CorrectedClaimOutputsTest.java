package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;
import org.minutewise.refdata.RefData;

/**
 * What {@code check} writes of a billed claim, from an OT/SLP coder's review: the corrected claim of {@code --out csv}
 * dropped a billed 95 that the 837 and the FHIR Claim kept, and the text report printed billed charges as "$1E+2".
 */
class CorrectedClaimOutputsTest {
    private static final ReferenceData REF = RefData.defaults();

    /** An SLP's 92507 by telehealth to Medicare, billed with {@code modifiers} at {@code charge}. */
    private static String visit(String payer, String plan, String code, String role, String modifiers, String charge) {
        return "{\"id\":\"V-T1\",\"dateOfService\":\"2026-03-06\",\"payer\":\"" + payer + "\",\"planOfCare\":\""
                + plan + "\",\"setting\":\"private-practice\",\"placeOfService\":\"10\",\"patient\":{\"id\":\"P-1\","
                + "\"birthDate\":\"1948-05-01\"},\"diagnoses\":[\"R47.01\"],\"services\":[{\"code\":\"" + code
                + "\",\"minutes\":40,\"periods\":[{\"start\":\"09:00\",\"end\":\"09:40\"}],\"provider\":{\"id\":\"T1\","
                + "\"role\":\"" + role + "\",\"npi\":\"1245319599\"}}],\"billed\":[{\"code\":\"" + code + "\","
                + "\"modifiers\":" + modifiers + ",\"units\":1,\"charge\":" + charge + "}],"
                + "\"billingProvider\":{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"Riverside\","
                + "\"address\":{\"line1\":\"100 Main St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"432151234\"}},"
                + "\"payerName\":\"Medicare Part B\",\"payerId\":\"15202\",\"subscriber\":{\"memberId\":\"1EG4TE5MK73\","
                + "\"lastName\":\"Doe\",\"firstName\":\"Jane\",\"birthDate\":\"1948-05-01\",\"sex\":\"F\",\"address\":"
                + "{\"line1\":\"12 Elm St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"43215\"}}}";
    }

    private static CheckResult check(String json) {
        return CheckCsvPointersTest.check(json);
    }

    private static List<String> column(String csv, String name) {
        return CheckCsvPointersTest.column(csv, name);
    }

    /** The modifiers of each SV101 of the 837 of the same check, ';' between them. */
    private static List<String> sv101Modifiers(CheckResult r) {
        String edi = X12Writer.write(List.of(r), X12Envelope.defaults(), java.time.LocalDateTime.of(2026, 3, 7, 9, 0));
        List<String> out = new ArrayList<>();
        for (String seg : edi.split("~\\s*")) {
            if (seg.startsWith("SV1*")) {
                List<String> parts = List.of(seg.split("\\*", -1)[1].split(":", -1));
                out.add(String.join(";", parts.subList(2, parts.size())));
            }
        }
        return out;
    }

    /** A billed 95 (telehealth) stays on the corrected claim of the CSV, as the 837 and the FHIR Claim keep it. */
    @Test
    void aBilledModifierTheEngineHasNoSayOnStaysOnTheCorrectedClaim() {
        CheckResult r = check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\",\"95\"]", "100.0"));
        String csv = VisitOutput.csv(List.of(r));
        assertThat(column(csv, "billedModifiers")).containsExactly("GN;95");
        assertThat(sv101Modifiers(r)).containsExactly("GN;95");
        assertThat(VisitOutput.fhir(List.of(r))).contains("\"code\": \"95\"");
        // Read back, the CSV bills 95 again.
        assertThat(VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().orElseThrow().billed())
                .singleElement().satisfies(b -> assertThat(b.modifiers()).containsExactly("GN", "95"));
    }

    /**
     * Near miss: a billed modifier the engine decides (CQ on a therapist's own line, MW-B006 says not supported) is the
     * engine's on the corrected claim, so it goes; the side (RT) the engine has no say on stays; with none billed
     * the corrected line is the engine's alone.
     */
    @Test
    void aBilledModifierTheEngineJudgesIsTheEngines() {
        CheckResult r = check(visit("commercial", "PT", "97110", "PT", "[\"GP\",\"CQ\",\"RT\"]", "100.0"));
        assertThat(column(VisitOutput.csv(List.of(r)), "billedModifiers")).containsExactly("GP;RT");
        CheckResult plain = check(visit("commercial", "PT", "97110", "PT", "[\"GP\"]", "100.0"));
        assertThat(column(VisitOutput.csv(List.of(plain)), "billedModifiers"))
                .containsExactly(String.join(";", plain.engineClaim().lines().get(0).modifiers()));
    }

    /** Billed charges print to the cent, as the fee schedule's do ($1E+2 for 100.0 before). */
    @Test
    void billedChargesPrintToTheCent() {
        String text = TextReport.check(check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\"]", "100.0")));
        assertThat(text).contains("$100.00").doesNotContain("$1E+2");
        assertThat(TextReport.check(check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\"]", "65.5"))))
                .contains("$65.50");
        assertThat(TextReport.check(check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\"]", "1250"))))
                .contains("$1,250.00");
    }
}
