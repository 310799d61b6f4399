package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;

/**
 * What reading an 837 does not keep, said in the notes of the claim's first result ({@link X12ClaimReader.Result#notes}),
 * each naming the claim and the segment: a claim sent to a payer other than the primary, a claim read as one visit
 * per date, and the segments payers may need that the reader skips.
 */
class X12ReadNotesTest {
    private static String sample() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi"));
    }

    /** The text with {@code added} segments put before {@code before}, and SE01 counting them. */
    private static String insert(String edi, String before, String... added) {
        assertThat(edi).contains(before);
        String out = edi.replaceFirst(java.util.regex.Pattern.quote(before),
                java.util.regex.Matcher.quoteReplacement(String.join("~\n", added) + "~\n" + before));
        return recount(out);
    }

    /** SE01 set to the segments from ST to SE, both counted. */
    private static String recount(String edi) {
        int st = edi.indexOf("ST*837");
        int se = edi.indexOf("~\nSE*", st) + 2;
        int segments = (int) edi.substring(st, se).chars().filter(c -> c == '~').count() + 1;
        String out = edi.substring(0, se) + edi.substring(se).replaceFirst("^SE\\*\\d+\\*", "SE*" + segments + "*");
        assertThat(X12Validation.errors(out)).as(out).isEmpty();
        return out;
    }

    private static List<X12ClaimReader.Result> read(String edi) {
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        return rs;
    }

    private static List<String> notesOf(String edi) {
        List<X12ClaimReader.Result> rs = read(edi);
        assertThat(rs).hasSize(1);
        return rs.get(0).notes();
    }

    /** The 837 Minutewise writes (one date, to the primary, nothing skipped that payers need) has no notes. */
    @Test
    void aPlainClaimHasNoNotes() {
        assertThat(notesOf(sample())).isEmpty();
    }

    /**
     * A claim to the secondary payer (2000B SBR01 S) is read as a visit billed to that payer: the note says so at the
     * SBR, names the payers it pays behind (2320 P) and their adjudication (AMT*D, CAS), and that an 837 written from
     * it goes to that payer as the primary.
     */
    @Test
    void aClaimToTheSecondaryPayerIsSaid() {
        String edi = insert(sample().replace("SBR*P*18*******MB~", "SBR*S*18*******CI~"), "LX*1~",
                "SBR*P*18*******MB", "CAS*CO*45*20", "AMT*D*150", "OI***Y***Y",
                "NM1*IL*1*Doe*Jane****MI*1EG4TE5MK73", "NM1*PR*2*CGS Medicare*****PI*15202");
        List<String> notes = notesOf(edi);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n)
                .startsWith("segment 14 (SBR) element 1: claim V-1001 is sent to the secondary payer (2000B SBR01 S)")
                .contains("read as a visit billed to Medicare Part B JH, checked under payer profile commercial's "
                        + "rules")
                .contains("the payers it pays behind (2320 SBR01 P at segment 23, CGS Medicare)")
                .contains("their adjudication (CAS at segment 24, AMT*D at segment 25) are not kept")
                .contains("a claim to Medicare Part B JH as the primary payer (2000B SBR01 P)")
                .contains("do not send it as the claim to the secondary payer"));
        // The tertiary's, without adjudication given: named as such.
        String tertiary = insert(sample().replace("SBR*P*18*******MB~", "SBR*T*18*******CI~"), "LX*1~",
                "SBR*P*18*******MB", "OI***Y***Y", "NM1*IL*1*Doe*Jane****MI*1EG4TE5MK73",
                "NM1*PR*2*CGS Medicare*****PI*15202", "SBR*S*18*******MC", "OI***Y***Y",
                "NM1*IL*1*Doe*Jane****MI*X1", "NM1*PR*2*Ohio Medicaid*****PI*OHMCD");
        assertThat(notesOf(tertiary)).singleElement().satisfies(n -> assertThat(n)
                .contains("claim V-1001 is sent to the tertiary payer (2000B SBR01 T)")
                .contains("(2320 SBR01 P at segment 23, CGS Medicare; 2320 SBR01 S at segment 27, Ohio Medicaid)")
                .contains("their adjudication (none given: AMT*D, CAS, MOA, 2430 SVD)"));
    }

    /** A claim to the primary payer, with a secondary payer behind it (2320 S), is read as it is: no note. */
    @Test
    void aClaimToThePrimaryWithASecondaryBehindItIsNotSaid() {
        String edi = insert(sample(), "LX*1~", "SBR*S*18*******CI", "OI***Y***Y",
                "NM1*IL*1*Doe*Jane****MI*XAC1", "NM1*PR*2*Acme Health Plan*****PI*ACME01");
        assertThat(notesOf(edi)).isEmpty();
        assertThat(read(edi).get(0).visit().orElseThrow().secondaryPayer()).contains("commercial");
    }

    /**
     * A claim whose lines fall on two dates is two visits, CLM01@date: the first says so at the CLM, naming both ids;
     * the second has no note of its own (once per claim).
     */
    @Test
    void aClaimOfTwoDatesIsSaidOnce() {
        String edi = sample().replaceFirst("(LX\\*3~\nSV1\\*[^~]*~\n)DTP\\*472\\*D8\\*20260302~", "$1DTP*472*D8*20260304~");
        assertThat(edi).contains("DTP*472*D8*20260304~");
        List<X12ClaimReader.Result> rs = read(edi);
        assertThat(rs).extracting(r -> r.visit().orElseThrow().id())
                .containsExactly("V-1001@2026-03-02", "V-1001@2026-03-04");
        assertThat(rs.get(0).notes()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("segment 20 (CLM): claim V-1001's lines fall on 2 dates of service")
                .contains("one visit per date, V-1001@2026-03-02, V-1001@2026-03-04")
                .contains("remittance (835) answers claim V-1001 and will not match these ids"));
        assertThat(rs.get(1).notes()).isEmpty();
    }

    /**
     * The segments payers may need that the reader skips and no visit keeps are named once each, at their first
     * position, in one note per claim: 2000A PRV and 2010AB pay-to, 2000B SBR03, REF*G1, DTP*431/454/304, 2310C
     * service facility, a line's PRV (already named) and REF*G1 (already named).
     */
    @Test
    void skippedSegmentsPayersNeedAreNamedOncePerClaim() {
        String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*GRP123******MB~");
        edi = insert(edi, "NM1*85*", "PRV*BI*PXC*225100000X");
        edi = insert(edi, "HL*2*1*22*0~", "NM1*87*2", "N3*PO BOX 500", "N4*Columbus*OH*432160500");
        edi = insert(edi, "HI*ABK:I69351", "DTP*431*D8*20260201", "DTP*454*D8*20260216", "DTP*304*D8*20260227",
                "REF*G1*AUTH778");
        edi = insert(edi, "LX*1~", "PRV*PE*PXC*225100000X", "NM1*77*2*Riverside East*****XX*1234567893",
                "N3*200 East St", "N4*Columbus*OH*432191111");
        // A second PRV (the rendering provider's, 2310B, just inserted) and a line's REF*G1: each kind is named once.
        edi = insert(edi, "LX*2~", "REF*G1*LINEAUTH");
        List<String> notes = notesOf(edi);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n)
                .startsWith("segment 24 (CLM): claim V-1001 is read without segments payers may need, which "
                        + "Minutewise keeps nowhere (an 837 written from it leaves them out): ")
                .endsWith("PRV provider taxonomy at segment 9, 2010AB pay-to address (NM1*87) at segment 14, "
                        + "SBR03 group or policy number at segment 18, DTP*431 onset of current illness or injury at "
                        + "segment 25, DTP*454 initial treatment date at segment 26, DTP*304 last seen date at "
                        + "segment 27, REF*G1 prior authorization at segment 28, 2310C service facility (NM1*77) at "
                        + "segment 32"));
        assertThat(notes.get(0).split("PRV ", -1)).hasSize(2);
        assertThat(notes.get(0).split("REF\\*G1", -1)).hasSize(2);
    }

    /**
     * Near misses: segments the reader skips that no payer needs from Minutewise (REF*6R line control number, NTE,
     * DTP*472 it reads, a 2310 provider other than the service facility) are not named.
     */
    @Test
    void otherSkippedSegmentsAreNotNamed() {
        String edi = insert(sample(), "HI*ABK:I69351", "REF*D9*CLEARINGHOUSE1", "NTE*ADD*PT EVAL");
        edi = insert(edi, "LX*2~", "REF*6R*LINE0001");
        edi = insert(edi, "LX*1~", "NM1*DQ*1*Welby*Marcus****XX*1765432103");
        assertThat(notesOf(edi)).isEmpty();
    }

    /** The notes reach {@link VisitInput.Result#notes}, as a FHIR reader's do; the old constructors still work. */
    @Test
    void theNotesReachVisitInputAndTheOldConstructorsStillWork() {
        String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*GRP9******MB~");
        List<VisitInput.Result> rs = VisitInput.read(edi, VisitFormat.X12, X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.notes()).singleElement().satisfies(n ->
                assertThat(n).contains("claim V-1001").contains("SBR03 group or policy number at segment 14")));
        Visit v = rs.get(0).visit().orElseThrow();
        assertThat(X12ClaimReader.Result.of(v, 20).notes()).isEmpty();
        assertThat(new X12ClaimReader.Result(Optional.of("V-1"), Optional.empty(),
                Optional.of(new InputException("segment 3", "bad")), 3).notes()).isEmpty();
        assertThat(X12ClaimReader.Result.failed(Optional.empty(), new InputException("x", "y")).notes()).isEmpty();
    }
}
