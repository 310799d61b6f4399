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

    /**
     * A PT's {@code code} for {@code minutes} (one period from 09:00) to Medicare, billed as {@code billed} (a JSON
     * array of billed lines), with every field the 837 needs.
     */
    static String ptVisit(String code, int minutes, String billed) {
        return "{\"id\":\"V-C1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"setting\":\"private-practice\",\"patient\":{\"id\":\"P-1\",\"birthDate\":\"1948-05-01\"},"
                + "\"diagnoses\":[\"I69.351\"],\"services\":[{\"code\":\"" + code + "\",\"minutes\":" + minutes
                + ",\"periods\":[{\"start\":\"09:00\",\"end\":\"" + java.time.LocalTime.of(9, 0).plusMinutes(minutes)
                + "\"}],\"provider\":{\"id\":\"T1\",\"role\":\"PT\",\"npi\":\"1245319599\"}}],\"billed\":" + billed
                + ",\"billingProvider\":{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"Riverside\","
                + "\"address\":{\"line1\":\"100 Main St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"432151234\"}},"
                + "\"payerName\":\"Medicare Part B\",\"payerId\":\"15202\",\"subscriber\":{\"memberId\":\"1EG4TE5MK73\","
                + "\"lastName\":\"Doe\",\"firstName\":\"Jane\",\"birthDate\":\"1948-05-01\",\"sex\":\"F\",\"address\":"
                + "{\"line1\":\"12 Elm St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"43215\"}}}";
    }

    /** Each SV1's charge (SV102) and units (SV104) of the 837 of the same check: "150x2". */
    private static List<String> sv1Charges(CheckResult r) {
        String edi = X12Writer.write(List.of(r), X12Envelope.defaults(), java.time.LocalDateTime.of(2026, 3, 7, 9, 0));
        List<String> out = new ArrayList<>();
        for (String seg : edi.split("~\\s*")) {
            if (seg.startsWith("SV1*")) {
                String[] e = seg.split("\\*", -1);
                out.add(e[2] + "x" + e[4]);
            }
        }
        return out;
    }

    /** The line charges of the check's three outputs: the CSV's {@code charge}, the 837's SV1 and the FHIR nets. */
    private static List<List<String>> charges(CheckResult r) {
        return List.of(column(VisitOutput.csv(List.of(r)), "charge"), sv1Charges(r), fhirNets(r));
    }

    /** Each FHIR Claim item's net value. */
    private static List<String> fhirNets(CheckResult r) {
        org.hl7.fhir.r4.model.Claim c = (org.hl7.fhir.r4.model.Claim) org.minutewise.formats.fhir.FhirClaimWriter
                .bundle(List.of(r)).getEntryFirstRep().getResource();
        return c.getItem().stream().map(i -> i.hasNet() ? i.getNet().getValue().toPlainString() : "none").toList();
    }

    /**
     * The charges disagreed: the CSV's corrected line carried the fee schedule's $140.00 (2 x $70.00) where the 837 and
     * the FHIR Claim of the same check kept the $150.00 billed for the same 2 units. A line sent at the units billed
     * keeps the billed charge in every output.
     */
    @Test
    void aLineAtTheBilledUnitsKeepsItsBilledChargeInEveryOutput() {
        CheckResult r = check(ptVisit("97112", 24, "[{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2,"
                + "\"charge\":150.00}]"));
        assertThat(r.engineClaim().lines()).singleElement().satisfies(l -> assertThat(l.charge()).hasValueSatisfying(
                c -> assertThat(c).isEqualByComparingTo("140.00")));
        assertThat(charges(r)).containsExactly(List.of("150.00"), List.of("150x2"), List.of("150.00"));
        assertThat(VisitOutput.csvNotes(List.of(r))).isEmpty();
    }

    /**
     * Near miss: a line whose units the correction changed (billed x3, the minutes support 2) carries the clinic's
     * fee for the units sent, 2 x $70.00, not the $210.00 billed for 3; the 837 and the FHIR Claim of a billed visit
     * are the claim as billed (3 units, $210.00), unchanged.
     */
    @Test
    void aCorrectedLineCarriesTheFeeForTheUnitsSent() {
        CheckResult r = check(ptVisit("97112", 24, "[{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":3,"
                + "\"charge\":210.00}]"));
        assertThat(column(VisitOutput.csv(List.of(r)), "billedUnits")).containsExactly("2");
        assertThat(charges(r)).containsExactly(List.of("140.00"), List.of("210x3"), List.of("210.00"));
        assertThat(VisitOutput.csvNotes(List.of(r))).isEmpty();
    }

    /**
     * A corrected line of a code the clinic has no fee for (97124, not in the sample fee schedule) keeps the billed
     * charge as billed, not scaled to the corrected units, and the note says so; before, it lost its charge.
     */
    @Test
    void aCorrectedLineWithoutAFeeKeepsTheBilledChargeAndSaysSo() {
        CheckResult r = check(ptVisit("97124", 24, "[{\"code\":\"97124\",\"modifiers\":[\"GP\"],\"units\":3,"
                + "\"charge\":180.00}]"));
        assertThat(r.engineClaim().lines()).singleElement().satisfies(l -> {
            assertThat(l.units()).isEqualTo(2);
            assertThat(l.charge()).isEmpty();
        });
        String csv = VisitOutput.csv(List.of(r));
        assertThat(column(csv, "charge")).containsExactly("180.00");
        assertThat(VisitOutput.csvNotes(List.of(r))).singleElement().asString()
                .contains("visit V-C1: corrected line 1 (97124 x2, billed x3) keeps the billed charge $180.00 as billed")
                .contains("no charge for 97124");
    }

    /**
     * A billed line without a charge: the CSV's corrected line had the fee schedule's, the FHIR Claim none and the 837
     * refused it asking for a fee schedule it already had. Each now writes the clinic's fee for its units, said once.
     */
    @Test
    void aBilledLineWithoutAChargeIsWrittenAtTheClinicFeeEverywhere() {
        CheckResult r = check(ptVisit("97112", 24, "[{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2}]"));
        assertThat(charges(r)).containsExactly(List.of("140.00"), List.of("140x2"), List.of("140.00"));
        assertThat(VisitOutput.x12Notes(List.of(r))).singleElement().asString().isEqualTo("visit V-C1: billed line 1 "
                + "(97112 x2) has no charge: it is written at the clinic fee schedule's $70.00 a unit, as the check "
                + "priced 97112");
    }

    /**
     * From a review: a billed line without a charge whose code the minutes give no line of its own (97140 at 5
     * minutes: 0 units) was refused from the 837 saying the fee schedule had no charge for it, which it has ($60.00),
     * and the FHIR item went out without one; it is sent at the fee schedule's charge for its units, with the note.
     */
    @Test
    void aBilledLineWithoutAChargeIsPricedFromTheFeeScheduleWhenItsCodeHasNoEngineLine() {
        CheckResult r = check(ptVisit("97140", 5, "[{\"code\":\"97140\",\"modifiers\":[\"GP\"],\"units\":1}]"));
        assertThat(r.engineClaim().lines()).noneMatch(l -> l.code().equals("97140") && l.units() > 0);
        assertThat(sv1Charges(r)).containsExactly("60x1");
        assertThat(fhirNets(r)).containsExactly("60.00");
        assertThat(VisitOutput.x12Notes(List.of(r))).singleElement().asString()
                .startsWith("visit V-C1: billed line 1 (97140 x1) has no charge: it is written at the clinic fee "
                        + "schedule's $60.00 a unit");
    }

    /** Near miss: no fee for the code either (97124): the 837 refuses the line naming the billed line's charge. */
    @Test
    void aBilledLineWithNeitherChargeNorFeeIsRefusedNamingIt() {
        CheckResult r = check(ptVisit("97124", 24, "[{\"code\":\"97124\",\"modifiers\":[\"GP\"],\"units\":2}]"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sv1Charges(r)).isInstanceOf(InputException.class)
                .hasMessageContaining("billed[0].charge: required for X12 837P");
        assertThat(fhirNets(r)).containsExactly("none");
        assertThat(column(VisitOutput.csv(List.of(r)), "charge")).containsExactly("");
    }

    /**
     * A line of four modifiers lost the fifth without a word: the engine's GN and GA (an ABN on file) and the billed 95,
     * RT and 52 it has no say on are five. The four kept are the engine's, then the pricing 52 (a reduced service
     * changes the payment), then the billed ones in order; the note names the line and RT left off, and the CSV read
     * back bills the same four (what the 837 of it writes).
     */
    @Test
    void aBilledModifierTheLineHasNoRoomForIsNamedAndPricingOnesAreKeptFirst() {
        CheckResult r = check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\",\"95\",\"RT\",\"52\"]", "100.0")
                .replace("\"diagnoses\"", "\"abn\":true,\"diagnoses\""));
        assertThat(r.engineClaim().lines()).singleElement().satisfies(l -> assertThat(l.modifiers())
                .containsExactly("GN", "GA"));
        String csv = VisitOutput.csv(List.of(r));
        assertThat(column(csv, "billedModifiers")).containsExactly("GN;GA;52;95");
        assertThat(VisitOutput.csvNotes(List.of(r))).singleElement().asString()
                .startsWith("visit V-T1: corrected line 1 (92507) leaves off the billed RT: a line holds four modifiers")
                .contains("it carries GN, GA, 52, 95");
        assertThat(VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().orElseThrow().billed())
                .singleElement().satisfies(b -> assertThat(b.modifiers()).containsExactly("GN", "GA", "52", "95"));
    }

    /** Near miss: the billed 95 and 52 fit beside GN and GA: kept (52 first), and nothing is said. */
    @Test
    void billedModifiersThatFitAreKeptWithoutANote() {
        CheckResult r = check(visit("medicare", "SLP", "92507", "SLP", "[\"GN\",\"95\",\"52\"]", "100.0")
                .replace("\"diagnoses\"", "\"abn\":true,\"diagnoses\""));
        assertThat(column(VisitOutput.csv(List.of(r)), "billedModifiers")).containsExactly("GN;GA;52;95");
        assertThat(VisitOutput.csvNotes(List.of(r))).isEmpty();
    }
}
