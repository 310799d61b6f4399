package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.formats.InputException;

class X12ClaimReaderTest {
    private static String sample() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi"));
    }

    @Test
    void notX12IsAnInputError() {
        assertThatThrownBy(() -> X12ClaimReader.read("{\"id\":\"V-1\"}", "medicare", X12Fixtures.REF))
                .isInstanceOf(InputException.class).hasMessageContaining("not readable as X12");
        assertThatThrownBy(() -> X12ClaimReader.read("  ", "medicare", X12Fixtures.REF))
                .hasMessageStartingWith("empty input");
    }

    /** CLM02 must be the sum of the line charges (TR3): a claim whose total differs is set aside, named. */
    @Test
    void aTotalThatIsNotTheSumOfTheLinesIsAnError() {
        String edi = sample().replace("CLM*V-1001*225***", "CLM*V-1001*999***");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.error()).get()
                .satisfies(e -> assertThat(e.getMessage()).contains("element 2")
                        .contains("total charge 999 is not the sum of its line charges, 225")));
        assertThat(X12ClaimReader.read(sample(), "medicare", X12Fixtures.REF).get(0).ok()).isTrue();
    }

    /** CR2 (a chiropractor's spinal manipulation information) is a 2300 segment of the 837P: tolerated, skipped. */
    @Test
    void aChiropracticCr2SegmentIsTolerated() {
        String edi = sample().replace("CLM*V-1001*225***11:B:1*Y*A*Y*Y~\n",
                "CLM*V-1001*225***11:B:1*Y*A*Y*Y~\nCR2********A~\n").replace("SE*30*0001~", "SE*31*0001~");
        assertThat(edi).contains("CR2********A~").contains("SE*31*0001~");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }

    /**
     * The claim filing indicator (2000B SBR09) picks the payer profile: MB Medicare, CI a commercial plan (checked by
     * the CPT per-code method, written back as CI), Medicaid (no built-in profile) the general one for other payers;
     * a code that names no kind of payer keeps the default.
     */
    @Test
    void theClaimFilingIndicatorPicksThePayerProfile() {
        assertThat(payerOf(sample())).isEqualTo("medicare");
        assertThat(payerOf(sample().replace("SBR*P*18*******MB~", "SBR*P*18*******CI~"))).isEqualTo("commercial");
        assertThat(payerOf(sample().replace("SBR*P*18*******MB~", "SBR*P*18*******MC~"))).isEqualTo("commercial");
        assertThat(X12ClaimReader.read(sample().replace("SBR*P*18*******MB~", "SBR*P*18*******ZZ~"), "commercial",
                X12Fixtures.REF).get(0).visit().orElseThrow().payer()).isEqualTo("commercial");
        assertThat(payerOf(institutional())).isEqualTo("commercial");
        // A code that is no claim filing indicator at all is the claim's error, named by segment and element.
        List<X12ClaimReader.Result> qq = X12ClaimReader.read(sample().replace("SBR*P*18*******MB~",
                "SBR*P*18*******QQ~"), "medicare", X12Fixtures.REF);
        assertThat(qq).singleElement().satisfies(r -> assertThat(r.error().orElseThrow().getMessage())
                .contains("(SBR) element 9").contains("not a claim filing indicator code").contains("\"QQ\""));
        // Another payer of the claim (loop 2320, Medicaid second) does not change the subscriber's own payer.
        String second = sample().replace("LX*1~", "SBR*S*18*******MC~\nNM1*IL*1*Doe*Jane****MI*X1~\n"
                + "NM1*PR*2*Medicaid*****PI*MCD1~\nLX*1~").replace("SE*30*0001~", "SE*33*0001~");
        assertThat(second).contains("SBR*S*18*******MC~").contains("SE*33*0001~");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(second, "medicare", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(rs.get(0).visit().orElseThrow().payer()).isEqualTo("medicare");
    }

    /** The sample claim (Medicare primary) with a 2320 loop and its 2330A/2330B before its first line. */
    private static String withOtherPayer(String sbr, String payer) {
        String loops = sbr + "~\nOI***Y***Y~\nNM1*IL*1*Doe*Jane****MI*1EG4TE5MK73~\n"
                + (payer.isEmpty() ? "" : payer + "~\n");
        int added = (int) loops.chars().filter(c -> c == '~').count();
        String edi = sample().replace("LX*1~", loops + "LX*1~").replace("SE*30*0001~", "SE*" + (30 + added)
                + "*0001~");
        assertThat(edi).contains(sbr + "~").contains("SE*" + (30 + added) + "*0001~");
        return edi;
    }

    private static Visit readOne(String edi, ReferenceData ref) {
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", ref);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        return rs.get(0).visit().orElseThrow();
    }

    /**
     * The secondary payer comes from the 2320 whose SBR01 is S, mapped as the subscriber's own payer is (2000B SBR09):
     * MB Medicare, CI and Medicaid (no built-in profile of its kind) the commercial profile; the subscriber's own
     * payer stays Medicare. A 2330B payer id that is a profile of that kind is that profile.
     */
    @Test
    void theSecondaryPayerIsReadFromLoop2320() {
        String acme = "NM1*PR*2*Acme Health Plan*****PI*ACME01";
        Visit v = readOne(withOtherPayer("SBR*S*18*******CI", acme), X12Fixtures.REF);
        assertThat(v.payer()).isEqualTo("medicare");
        assertThat(v.secondaryPayer()).contains("commercial");
        assertThat(readOne(withOtherPayer("SBR*S*18*******MC", "NM1*PR*2*Ohio Medicaid*****PI*OHMCD"),
                X12Fixtures.REF).secondaryPayer()).contains("commercial");
        assertThat(readOne(withOtherPayer("SBR*S*18*******MB", "NM1*PR*2*CGS Medicare*****PI*15202"),
                X12Fixtures.REF).secondaryPayer()).contains("medicare");
        // A clinic's own profile named by its id in 2330B NM109 (a profile named by the payer's id, or an 837
        // Minutewise wrote before it sent the payer's own id), when its kind agrees.
        ReferenceData ref = X12Fixtures.REF.withPayers(X12Fixtures.REF.payers().with(List.of(
                PayerProfile.simple("acme-ppo", PayerKind.COMMERCIAL, UnitMethod.CMS))));
        String named = withOtherPayer("SBR*S*18*******CI", "NM1*PR*2*Acme PPO*****PI*acme-ppo");
        assertThat(readOne(named, ref).secondaryPayer()).contains("acme-ppo");
        assertThat(readOne(named, X12Fixtures.REF).secondaryPayer()).as("without that profile").contains("commercial");
        assertThat(readOne(named.replace("SBR*S*18*******CI", "SBR*S*18*******MB"), ref).secondaryPayer())
                .as("the profile is commercial, SBR09 says Medicare").contains("medicare");
        // No 2320: no secondary payer.
        assertThat(readOne(sample(), X12Fixtures.REF).secondaryPayer()).isEmpty();
    }

    /**
     * The secondary payer's own claim identifiers come from the loop read, as the 837 gives them: 2330B NM103 and
     * NM109, 2330A NM109 and SBR09 (visit JSON secondaryPayerName, secondaryPayerId, secondaryMemberId,
     * secondaryClaimFilingIndicator); a claim with no secondary payer (none, or a claim sent to the secondary) has
     * none.
     */
    @Test
    void theSecondaryPayersOwnIdentifiersAreRead() {
        Visit v = readOne(withOtherPayer("SBR*S*18*******BL", "NM1*PR*2*Acme Health Plan*****PI*ACME01"),
                X12Fixtures.REF);
        assertThat(v.secondaryPayer()).contains("commercial");
        assertThat(v.claimInfo().secondary()).isEqualTo(new SecondaryCoverage(Optional.of("Acme Health Plan"),
                Optional.of("ACME01"), Optional.of("1EG4TE5MK73"), Optional.of("BL")));
        // Without 2330B, its parts are empty (the profile still comes from SBR09).
        Visit nameless = readOne(withOtherPayer("SBR*S*18*******CI", ""), X12Fixtures.REF);
        assertThat(nameless.secondaryPayer()).contains("commercial");
        assertThat(nameless.claimInfo().secondary()).isEqualTo(new SecondaryCoverage(Optional.empty(),
                Optional.empty(), Optional.of("1EG4TE5MK73"), Optional.of("CI")));
        assertThat(readOne(sample(), X12Fixtures.REF).claimInfo().secondary()).isEqualTo(SecondaryCoverage.NONE);
        assertThat(readOne(withOtherPayers("SBR*S*18*******CI", MEDICARE_FIRST), X12Fixtures.REF).claimInfo()
                .secondary()).isEqualTo(SecondaryCoverage.NONE);
    }

    /**
     * A 2320 whose SBR09 names no kind of payer (ZZ) keeps the payer as the 837 names it (2330B id, else name), and
     * the check says it is unknown (MW-S002) instead of taking the default profile for it; with no 2330B either, the
     * claim's error names SBR09. A 2320 SBR09 that is no filing indicator code is the claim's error, as in 2000B.
     */
    @Test
    void anUnmappableSecondaryPayerIsKeptAsNamedOrReported() {
        Visit zz = readOne(withOtherPayer("SBR*S*18*******ZZ", "NM1*PR*2*Medigap Plan G*****PI*MGAP7"),
                X12Fixtures.REF);
        assertThat(zz.payer()).isEqualTo("medicare");
        assertThat(zz.secondaryPayer()).contains("MGAP7");
        assertThat(X12Fixtures.CHECKER.check(zz).findings()).extracting(f -> f.ruleId()).contains("MW-S002");
        assertThat(readOne(withOtherPayer("SBR*S*18*******ZZ", "NM1*PR*2*Medigap Plan G"), X12Fixtures.REF)
                .secondaryPayer()).contains("Medigap Plan G");

        List<X12ClaimReader.Result> nameless = X12ClaimReader.read(withOtherPayer("SBR*S*18*******ZZ", ""),
                "medicare", X12Fixtures.REF);
        assertThat(nameless).singleElement().satisfies(r -> assertThat(r.error().orElseThrow().getMessage())
                .contains("(SBR) element 9").contains("secondary payer").contains("(claim V-1001)"));

        List<X12ClaimReader.Result> qq = X12ClaimReader.read(withOtherPayer("SBR*S*18*******QQ",
                "NM1*PR*2*Acme*****PI*ACME01"), "medicare", X12Fixtures.REF);
        assertThat(qq).singleElement().satisfies(r -> assertThat(r.error().orElseThrow().getMessage())
                .contains("(SBR) element 9").contains("not a claim filing indicator code").contains("\"QQ\""));
    }

    /**
     * The sample claim with its 2000B SBR replaced by {@code subscriberSbr} and other-payer loops (2320 with its OI,
     * 2330A and 2330B), one per {@code {sbr, 2330B NM1}}, before its first line.
     */
    private static String withOtherPayers(String subscriberSbr, String[]... loops) {
        StringBuilder added = new StringBuilder();
        for (String[] l : loops) {
            added.append(l[0]).append("~\nOI***Y***Y~\nNM1*IL*1*Doe*Jane****MI*1EG4TE5MK73~\n").append(l[1])
                    .append("~\n");
        }
        int count = (int) added.chars().filter(c -> c == '~').count();
        String edi = sample().replace("SBR*P*18*******MB~", subscriberSbr + "~")
                .replace("LX*1~", added + "LX*1~").replace("SE*30*0001~", "SE*" + (30 + count) + "*0001~");
        assertThat(edi).contains(subscriberSbr + "~").contains("SE*" + (30 + count) + "*0001~");
        return edi;
    }

    private static final String[] MEDICARE_FIRST = {"SBR*P*18*******MB", "NM1*PR*2*CGS Medicare*****PI*15202"};
    private static final String[] ACME_SECOND = {"SBR*S*18*******CI", "NM1*PR*2*Acme Health Plan*****PI*ACME01"};
    private static final String[] MEDICAID_THIRD = {"SBR*T*18*******MC", "NM1*PR*2*Ohio Medicaid*****PI*OHMCD"};

    /**
     * Only a claim sent to the primary (2000B SBR01 P) names the visit's secondary payer, in its 2320 S. A claim
     * sent to the secondary (2000B S) names the primary in its 2320 P, and one sent to the tertiary (2000B T) the
     * primary and the secondary (2320 P and S): neither is the payer behind the one the claim goes to, so neither
     * becomes the secondary payer (the 2320 S of a claim to the tertiary was taken). A tertiary behind a claim to the
     * secondary (2320 T) is not taken either, nor is a 2320 T behind a claim to the primary.
     */
    @Test
    void onlyAClaimToThePrimaryNamesTheSecondaryPayer() {
        Visit toSecondary = readOne(withOtherPayers("SBR*S*18*******CI", MEDICARE_FIRST), X12Fixtures.REF);
        assertThat(toSecondary.payer()).isEqualTo("commercial");
        assertThat(toSecondary.secondaryPayer()).isEmpty();
        Visit toTertiary = readOne(withOtherPayers("SBR*T*18*******MC", MEDICARE_FIRST, ACME_SECOND),
                X12Fixtures.REF);
        assertThat(toTertiary.secondaryPayer()).isEmpty();
        assertThat(readOne(withOtherPayers("SBR*S*18*******CI", MEDICARE_FIRST, MEDICAID_THIRD), X12Fixtures.REF)
                .secondaryPayer()).isEmpty();
        // A claim to the primary: its 2320 S, wherever it stands among the others.
        assertThat(readOne(withOtherPayers("SBR*P*18*******MB", MEDICAID_THIRD, ACME_SECOND), X12Fixtures.REF)
                .secondaryPayer()).contains("commercial");
        assertThat(readOne(withOtherPayers("SBR*P*18*******MB", MEDICAID_THIRD), X12Fixtures.REF).secondaryPayer())
                .isEmpty();
    }

    /**
     * SBR09 is checked on the 2320 that is read (the secondary payer's), not on the loops skipped: an 837 from
     * elsewhere with a code Minutewise does not know in the primary's or a tertiary's loop is still read.
     */
    @Test
    void aBadFilingIndicatorInA2320ThatIsNotReadIsNoError() {
        String[] oddPrimary = {"SBR*P*18*******QQ", MEDICARE_FIRST[1]};
        String[] oddTertiary = {"SBR*T*18*******QQ", MEDICAID_THIRD[1]};
        assertThat(readOne(withOtherPayers("SBR*S*18*******CI", oddPrimary), X12Fixtures.REF).secondaryPayer())
                .isEmpty();
        assertThat(readOne(withOtherPayers("SBR*P*18*******MB", ACME_SECOND, oddTertiary), X12Fixtures.REF)
                .secondaryPayer()).contains("commercial");
        // The loop read still names its bad code.
        String[] oddSecond = {"SBR*S*18*******QQ", ACME_SECOND[1]};
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(withOtherPayers("SBR*P*18*******MB", oddSecond),
                "medicare", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.error().orElseThrow().getMessage())
                .contains("(SBR) element 9").contains("not a claim filing indicator code").contains("\"QQ\"")
                .contains("(claim V-1001)"));
    }

    private static String payerOf(String edi) {
        assertThat(edi).contains("SBR*");
        return X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow().payer();
    }

    @Test
    void unknownPayerProfileIsAnInputError() {
        assertThatThrownBy(() -> X12ClaimReader.read(sample(), "acme", X12Fixtures.REF))
                .hasMessageStartingWith("payer: unknown payer profile \"acme\"");
    }

    private static String institutional() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/institutional-ot-slp.edi"));
    }

    @Test
    void anInstitutionalClaimIsRead() {
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(institutional(), "commercial", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        Visit v = rs.get(0).visit().orElseThrow();
        assertThat(v.id()).isEqualTo("V-3001");
        assertThat(v.dateOfService()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(v.setting()).as("type of bill 741").isEqualTo(Setting.REHAB_AGENCY);
        assertThat(v.diagnoses()).containsExactly("I63.9", "R13.12", "R48.8");
        assertThat(v.planOfCare()).isEqualTo(Discipline.OT);
        assertThat(v.billed()).extracting(b -> b.code() + " x" + b.units() + " " + b.modifiers() + " "
                + b.charge().orElseThrow()).containsExactly("97535 x2 [GO] 95", "92526 x1 [GN] 120");
        assertThat(v.services().get(1).discipline()).contains(Discipline.SLP);
        assertThat(v.services().get(1).provider().npi()).contains("1765432103");
        assertThat(v.claimInfo().placeOfService()).isEmpty();
        // A batch of an 837P group and an 837I group: every claim read.
        String mixed = X12Fixtures.read(X12Fixtures.DIR.resolve("write/batch-mixed.edi"));
        assertThat(X12ClaimReader.read(mixed, "medicare", X12Fixtures.REF)).hasSize(3)
                .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }

    @Test
    void anInstitutionalLineWithoutGpGoGnTakesItsDisciplineFromTheRevenueCode() {
        String edi = institutional().replace("SV2*0440*HC:92526:GN*120*UN*1~", "SV2*0440*HC:92526*120*UN*1~");
        Visit v = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(v.services().get(1).discipline()).contains(Discipline.SLP);
        assertThat(v.services().get(1).provider().role()).isEqualTo(Role.SLP);
    }

    @Test
    void anInstitutionalLineWithoutItsDateTakesAOneDayStatementPeriod() {
        String edi = institutional().replace("SV2*0430*HC:97535:GO*95*UN*2~\nDTP*472*D8*20260410~",
                "SV2*0430*HC:97535:GO*95*UN*2~").replace("SE*32*0001~", "SE*31*0001~");
        assertThat(edi).contains("SE*31*0001~");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(rs.get(0).visit().orElseThrow().dateOfService()).isEqualTo(LocalDate.of(2026, 4, 10));
        // A statement period of several days dates nothing: the error says so.
        String week = edi.replace("DTP*434*RD8*20260410-20260410~", "DTP*434*RD8*20260406-20260410~");
        assertThat(X12ClaimReader.read(week, "commercial", X12Fixtures.REF).get(0).error().orElseThrow()
                .getMessage()).contains("no date of service (DTP*472)").contains("2026-04-06 to 2026-04-10");
        // A statement period that is not RD8 names the qualifier's element.
        String d8 = institutional().replace("DTP*434*RD8*20260410-20260410~", "DTP*434*D8*20260410~");
        assertThat(X12ClaimReader.read(d8, "commercial", X12Fixtures.REF).get(0).error().orElseThrow().getMessage())
                .contains("element 2").contains("expected RD8");
        String backwards = institutional().replace("DTP*434*RD8*20260410-20260410~", "DTP*434*RD8*20260410-20260401~");
        assertThat(X12ClaimReader.read(backwards, "commercial", X12Fixtures.REF).get(0).error().orElseThrow()
                .getMessage()).contains("element 3").contains("ends before it starts");
    }

    @Test
    void anUnknownFacilityCodeNamesClm05() {
        String edi = institutional().replace("CLM*V-3001*215***74:A:1", "CLM*V-3001*215***11:A:1");
        InputException e = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF).get(0).error().orElseThrow();
        assertThat(e.path()).isEqualTo("segment 20 (CLM) element 5");
        assertThat(e.getMessage()).contains("type of bill facility code \"11\"").contains("(claim V-3001)");
    }

    /**
     * Errors StAEDI reports without text (an element too many, a required name left empty) are errors naming
     * their segment, not internal failures.
     */
    @Test
    void errorsWithoutTextAreNamed() {
        String extra = sample().replace("NM1*41*2*MINUTEWISE*****46*MINUTEWISE~", "NM1*41*2*MINUTEWISE******46*MINUTEWISE~");
        // The submitter's name segment is outside the claim: its errors are reported, and the claim is still read.
        assertThat(X12ClaimReader.read(extra, "medicare", X12Fixtures.REF)).isNotEmpty()
                .anySatisfy(r -> assertThat(r.error()).get().satisfies(e -> assertThat(e.path())
                        .isEqualTo("segment 5 (NM1) element 10")));
        String noName = sample().replace("NM1*82*1*T1*****XX*1987654328~", "NM1*82*1*******XX*1987654328~");
        assertThat(X12ClaimReader.read(noName, "medicare", X12Fixtures.REF)).isNotEmpty()
                .anySatisfy(r -> assertThat(r.error()).get().satisfies(e -> assertThat(e.path()).contains("(NM1)")));
    }

    /**
     * An NPI with a bad check digit (NM109 of 2010AA, 2310B, 2420A) is an error naming the segment and element, as
     * visit JSON refuses it; it was read as if it were some provider's.
     */
    @Test
    void anNpiWithABadCheckDigitIsAnError() {
        assertBadNpi(sample().replace("XX*1234567893~", "XX*1245319590~"), "segment 9 (NM1) element 9",
                "for the billing provider: \"1245319590\"", "(claim V-1001)");
        assertBadNpi(sample().replace("NM1*82*1*T1*****XX*1987654328~", "NM1*82*1*T1*****XX*1987654320~"),
                "segment 22 (NM1) element 9", "for the rendering provider: \"1987654320\"", "(claim V-1001)");
        assertBadNpi(institutional().replace("NM1*82*1*S1*****XX*1765432103~", "NM1*82*1*S1*****XX*1765432100~"),
                "segment 33 (NM1) element 9", "for the line's rendering provider: \"1765432100\"", "(claim V-3001)");
    }

    private static void assertBadNpi(String edi, String path, String... detail) {
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).singleElement().satisfies(r -> {
            InputException e = r.error().orElseThrow();
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).contains("not a valid NPI (10 digits with a check digit)").contains(detail);
        });
    }

    @Test
    void aWrongElementCountNamesSegmentAndElementAndTheOthersAreRead() {
        String edi = sample().replace("SV1*HC:97110:GP:CQ*65*UN*1***1:2~", "SV1*HC:97110:GP:CQ*65*UN~");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).hasSize(1);
        InputException e = rs.get(0).error().orElseThrow();
        assertThat(e.path()).isEqualTo("segment 27 (SV1) element 4");
        assertThat(e.getMessage()).contains("required element missing").contains("(claim V-1001)");
        assertThat(rs.get(0).claimId()).contains("V-1001");
    }
    /**
     * An 837 that bills 97110 GP on two SV1 lines of one date (x2 and x1): read as billed, two lines, and checked, the
     * claim draws MW-B014 naming both lines and the one line to bill (97110 GP x3). Near misses: the second line with
     * CQ (a split the modifiers justify), and the second line on another date (DTP*472), which is another visit.
     */
    @Test
    void oneCodeOnTwoSv1LinesOfOneDateIsB014() {
        String twice = sample().replace("SV1*HC:97110:GP:CQ*65*UN*1***1:2~", "SV1*HC:97110:GP*65*UN*2***1:2~")
                .replace("SV1*HC:97010:GP:CQ*20*UN*1***1:2~", "SV1*HC:97110:GP*20*UN*1***1:2~");
        assertThat(twice).contains("SV1*HC:97110:GP*65*UN*2***1:2~").contains("SV1*HC:97110:GP*20*UN*1***1:2~");
        Visit v = readOne(twice, X12Fixtures.REF);
        assertThat(v.billed()).extracting(b -> b.code() + " " + b.modifiers() + " x" + b.units())
                .containsExactly("97112 [GP] x2", "97110 [GP] x2", "97110 [GP] x1");
        List<org.minutewise.core.check.Finding> found = X12Fixtures.CHECKER.check(v).findings();
        assertThat(found).filteredOn(f -> f.ruleId().equals("MW-B014")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[2].units");
            assertThat(f.message()).startsWith("97110 is billed on 2 lines with the same modifiers (GP): billed[1] "
                    + "(x2) and billed[2] (x1).").contains("bill 97110 GP x3 on one line.");
        });

        String assistant = sample().replace("SV1*HC:97010:GP:CQ*20*UN*1***1:2~", "SV1*HC:97110:GP*20*UN*1***1:2~");
        assertThat(X12Fixtures.CHECKER.check(readOne(assistant, X12Fixtures.REF)).findings())
                .extracting(f -> f.ruleId()).doesNotContain("MW-B014");

        String nextDay = twice.replace("SV1*HC:97110:GP*20*UN*1***1:2~\nDTP*472*D8*20260302~",
                "SV1*HC:97110:GP*20*UN*1***1:2~\nDTP*472*D8*20260303~");
        assertThat(nextDay).contains("DTP*472*D8*20260303~");
        List<X12ClaimReader.Result> days = X12ClaimReader.read(nextDay, "medicare", X12Fixtures.REF);
        assertThat(days).hasSize(2).allSatisfy(r -> {
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(X12Fixtures.CHECKER.check(r.visit().orElseThrow()).findings()).extracting(f -> f.ruleId())
                    .doesNotContain("MW-B014");
        });
    }
}
