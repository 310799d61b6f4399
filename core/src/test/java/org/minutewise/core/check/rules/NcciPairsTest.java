package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.group;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.edits.PtpTable;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;

/**
 * NCCI procedure-to-procedure pairs (RULES.md §4-§5): 59/X bypasses an indicator-1 pair only when the two services
 * were done in different time intervals; periods are half-open. Pair 97530/97140 (indicator 1); 97113/97110 has
 * indicator 0 in the fixture.
 */
class NcciPairsTest {

    private static CheckResult check(Visit v, PayerProfile... extra) {
        return only(new NcciPairs(), extra).check(v);
    }

    private static Visit pair(String start2, String end2) {
        return visit()
                .service(at("97530", "09:00", "09:24", pt("T1")))
                .service(at("97140", start2, end2, pt("T1")))
                .build();
    }

    @Test
    void touchingPeriodsAreSeparateIntervalsE004NotE002() {
        CheckResult r = check(pair("09:24", "09:47"));

        assertThat(ids(r)).containsExactly("MW-E004");
        Finding f = findings(r, "MW-E004").get(0);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.path()).isEqualTo("services[code=97140]");
    }

    /**
     * Two services at different times take XU whatever X modifier the payer profile names: XS (a separate structure),
     * XE (a separate encounter) and XP (a separate practitioner) say something time apart does not; they were added
     * as the profile named them. Near misses: a 59 payer gets 59, an XU payer XU.
     */
    @Test
    void servicesApartInTimeTakeXuWhateverXTheProfileNames() {
        Visit v = pair("09:24", "09:47");
        for (String preferred : List.of("XS", "XE", "XP", "XU", "59")) {
            PayerProfile p = Payer.commercial("x-" + preferred, org.minutewise.core.units.UnitMethod.CPT)
                    .distinctModifier(preferred).build();
            CheckResult r = check(Visit.builder(v.id(), v.dateOfService()).payer(p.id()).services(v.services())
                    .build(), p);
            String expected = preferred.equals("59") ? "59" : "XU";
            assertThat(lines(r)).as(preferred).contains("97140 x2 GP " + expected);
            assertThat(findings(r, "MW-E004").get(0).message()).as(preferred)
                    .contains("so " + expected + " was added to 97140");
        }
    }

    /**
     * One shared minute is the same interval: no 59/X (not MW-E004). The two codes' shared minute is MW-U003's block,
     * which names the pair; MW-E002 does not block the same overlap a second time.
     */
    @Test
    void oneSharedMinuteIsTheSameIntervalBlockedOnceByU003NamingThePair() {
        CheckResult alone = check(pair("09:23", "09:46"));
        CheckResult all = ComplianceFixture.checker().check(pair("09:23", "09:46"));

        assertThat(ids(alone)).isEmpty();
        assertThat(ids(all)).contains("MW-U003").doesNotContain("MW-E002", "MW-E004");
        assertThat(findings(all, "MW-U003")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("also an NCCI pair (97530 column one, 97140 column two)")
                .contains("59 or an X modifier cannot go on 97140"));
        assertThat(lines(all)).noneMatch(l -> l.contains("59") || l.contains("XU"));
    }

    /** Group time beside an individual code of a pair in the same minutes: MW-G001 blocks once, naming the pair. */
    @Test
    void groupAndIndividualPairInTheSameMinutesBlockedOnceByG001() {
        CheckResult r = ComplianceFixture.checker().check(visit()
                .service(group(at("97150", "09:00", "09:30", pt("T1"))))
                .service(at("97110", "09:15", "09:40", pt("T1")))
                .build());

        assertThat(ids(r)).contains("MW-G001").doesNotContain("MW-E002", "MW-U003");
        assertThat(findings(r, "MW-G001")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("also an NCCI pair (97150 column one, 97110 column two)"));
    }

    /**
     * A supervised modality may share minutes (MW-U003 leaves it), so when it is one code of a pair whose times
     * overlap, MW-E002 is the only block; MW-U003's message names no pair where the codes are not one.
     */
    @Test
    void overlapNoOtherRuleBlocksIsE002() {
        PtpTable withModality = new PtpTable("test", false, List.of(new PtpEdit("97140", "97012",
                java.time.LocalDate.of(2020, 1, 1), java.util.Optional.empty(), 1)));
        VisitChecker checker = new VisitChecker(ComplianceFixture.ref().withPtp(withModality));
        CheckResult r = checker.check(visit()
                .service(at("97140", "09:00", "09:24", pt("T1")))
                .service(at("97012", "09:10", "09:25", pt("T1")))
                .build());

        assertThat(ids(r)).contains("MW-E002").doesNotContain("MW-U003");
        assertThat(findings(r, "MW-E002").get(0).blocks()).isTrue();
    }

    /**
     * 97130 is billed from 97129's minutes (the units after the first go on it), so it is a code of its own NCCI
     * pairs: done apart from the column-one code it takes the bypass modifier as 97129 does (it went out without,
     * and was denied, while 97129 got 59: an SLP coder's review); its times are the cognitive service's, whichever
     * code they were documented under. Overlapping, the same minutes under two codes block
     * once (MW-U003); one unit of cognitive minutes bills no 97130.
     */
    @Test
    void theAddOn97130IsACodeOfItsOwnPairs() {
        java.time.LocalDate from = java.time.LocalDate.of(2020, 1, 1);
        PtpTable cognitive = new PtpTable("test", false, List.of(
                new PtpEdit("97530", "97129", from, Optional.empty(), 1),
                new PtpEdit("97530", "97130", from, Optional.empty(), 1)));
        VisitChecker checker = new VisitChecker(ComplianceFixture.ref().withPtp(cognitive));
        CheckResult apart = checker.check(visit()
                .service(at("97530", "09:00", "09:30", pt("T1")))
                .service(at("97129", "09:30", "10:00", pt("T1")))
                .build());
        List<String> claim = lines(apart);
        assertThat(claim).hasSize(3);
        String bypass = claim.get(1).substring(claim.get(1).lastIndexOf(' ') + 1);
        assertThat(claim.get(1)).isEqualTo("97129 x1 GP " + bypass);
        assertThat(bypass).isIn("59", "XU");
        assertThat(claim.get(2)).isEqualTo("97130 x1 GP " + bypass);
        assertThat(findings(apart, "MW-E004")).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("97530 (column one) and 97130 (column two)"));

        CheckResult overlap = checker.check(visit()
                .service(at("97530", "09:00", "09:30", pt("T1")))
                .service(at("97129", "09:20", "09:50", pt("T1")))
                .build());
        // The same minutes under two codes: MW-U003 blocks them and names the pair (one cause, one block).
        assertThat(ids(overlap)).contains("MW-U003").doesNotContain("MW-E002", "MW-E004");
        assertThat(lines(overlap)).noneMatch(l -> l.startsWith("97130") && (l.endsWith("59") || l.endsWith("XU")));

        CheckResult oneUnit = checker.check(visit()
                .service(at("97530", "09:00", "09:30", pt("T1")))
                .service(at("97129", "09:30", "09:45", pt("T1")))
                .build());
        assertThat(lines(oneUnit)).hasSize(2).noneMatch(l -> l.startsWith("97130"));
        assertThat(findings(oneUnit, "MW-E004")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("97530 (column one) and 97129 (column two)"));
    }

    /** A line as an 837P carries it: a code, no minutes. */
    private static ServiceLine noMinutes(String code) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(), pt("T1"), Optional.empty(), Optional.empty());
    }

    private static org.minutewise.core.model.BilledLine billed(String code, String... modifiers) {
        return new org.minutewise.core.model.BilledLine(code, List.of(modifiers), 1, Optional.empty());
    }

    /**
     * A claim built elsewhere (an 837) has no minutes, so the count gives its timed codes no unit; the pair is on
     * the claim all the same, and its column-two line without 59/X is denied (an integrator's review): MW-B016 blocks
     * it, and its fix asks for the times (MW-E003 does not say it again).
     */
    @Test
    void aBilledPairWithoutMinutesOrModifierIsB016OnTheBilledLine() {
        for (String[] pair : new String[][] {{"97530", "97140"}, {"97150", "97110"}}) {
            Visit v = visit().service(noMinutes(pair[0])).service(noMinutes(pair[1]))
                    .billed(List.of(billed(pair[0], "GP"), billed(pair[1], "GP"))).build();
            CheckResult r = check(v);
            assertThat(ids(r)).as(pair[1]).containsExactly("MW-B016");
            assertThat(findings(r, "MW-B016")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.BLOCK);
                assertThat(f.path()).isEqualTo("billed[code=" + pair[1] + "].modifiers");
                assertThat(f.message()).contains(pair[1] + " is billed with modifiers [GP] beside " + pair[0],
                        "without 59 or an X modifier " + pair[1] + " is denied as part of " + pair[0],
                        pair[0] + " no start and end times, " + pair[1] + " no start and end times");
                assertThat(f.fix()).contains("Document the start and end times of both services",
                        "add 59 or an X modifier to the " + pair[1] + " line", "remove the " + pair[1] + " line");
            });
            // The engine's own claim is not changed by a pair only the billed claim holds.
            assertThat(ComplianceFixture.checker().check(v).engineClaim().lines())
                    .allSatisfy(l -> assertThat(l.modifiers()).doesNotContain("59"));
        }
        // With XU on the column-two line of a claim that carries no minutes (an 837) the bypass is there: the times
        // that support it are the record's (information).
        CheckResult xu = check(visit().service(noMinutes("97530")).service(noMinutes("97140"))
                .billed(List.of(billed("97530", "GP"), billed("97140", "GP", "XU"))).build());
        assertThat(ids(xu)).containsExactly("MW-E004");
        assertThat(findings(xu, "MW-E004").get(0).message()).contains("97140 carries XU. The claim carries no "
                + "minutes or times");
        // Minutes documented without times, and 59 billed on a code the minutes give no unit: nothing shows the
        // separate intervals (MW-E003, as for the engine's own lines).
        CheckResult minutesOnly = check(visit().service(minutes("97530", 30, pt("T1")))
                .service(minutes("97140", 5, pt("T1")))
                .billed(List.of(billed("97530", "GP"), billed("97140", "GP", "59"))).build());
        assertThat(findings(minutesOnly, "MW-E003")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("97140 carries 59, but no start and end times").doesNotContain("will be denied"));
        // Near miss: two billed codes that are no pair.
        assertThat(check(visit().service(noMinutes("97530")).service(noMinutes("97110"))
                .billed(List.of(billed("97530", "GP"), billed("97110", "GP"))).build()).findings()).isEmpty();
        // Near miss: a 0-unit billed line is no code on the claim.
        assertThat(check(visit().service(noMinutes("97530")).service(noMinutes("97140"))
                .billed(List.of(billed("97530", "GP"), new org.minutewise.core.model.BilledLine("97140",
                        List.of("GP"), 0, Optional.empty()))).build()).findings()).isEmpty();
    }

    /** XU billed where Minutewise adds 59: E004 says it is the same bypass, 59 being the payer's preference. */
    @Test
    void anXModifierBilledWhere59IsAddedIsTheSameBypassE004() {
        Visit.Builder v = visit().service(at("97530", "09:00", "09:20", pt("T1")))
                .service(at("97140", "09:20", "09:35", pt("T1")));
        assertThat(findings(check(v.billed(List.of(billed("97530", "GP"), billed("97140", "GP", "XU"))).build()),
                "MW-E004")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the XU billed on it bypasses the pair as 59 does"));
        assertThat(findings(check(v.billed(List.of(billed("97530", "GP"), billed("97140", "GP", "59"))).build()),
                "MW-E004")).singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("billed on it"));
    }

    /**
     * A Medicare biller's review (v/73): 97530 09:00-09:20 and 97140 09:20-09:35, billed 97140 GP without 59. The
     * billed 97140 is denied as part of 97530: MW-B006 says so once (no second "Missing: 59"), MW-E004 does not say
     * 59 "was added", and the estimate of the billed claim prices the line at $0. Near miss: billed with 59, MW-E004
     * and no denial in the estimate.
     */
    @Test
    void aDocumentedPairBilledWithout59IsTheBilledLinesDenialNotAnAddedModifier() {
        Visit.Builder v = visit().service(at("97530", "09:00", "09:20", pt("T1")))
                .service(at("97140", "09:20", "09:35", pt("T1")));
        CheckResult none = ComplianceFixture.checker().check(v.billed(List.of(billed("97530", "GP"),
                billed("97140", "GP"))).build());

        assertThat(ids(none)).contains("MW-B016").doesNotContain("MW-E004", "MW-B006");
        assertThat(findings(none, "MW-B016")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("without 59 or an X modifier 97140 is denied as part of 97530",
                    "the documented times show different time intervals");
            assertThat(f.path()).isEqualTo("billed[code=97140].modifiers");
        });
        assertThat(none.claim().estimate().reason()).contains("97140 (bundled into 97530)");
        // The engine's own claim still carries the 59 the times support.
        assertThat(none.engineClaim().lines()).anySatisfy(l -> assertThat(
                ComplianceFixture.text(l)).isEqualTo("97140 x1 GP 59"));

        CheckResult with59 = ComplianceFixture.checker().check(v.billed(List.of(billed("97530", "GP"),
                billed("97140", "GP", "59"))).build());
        assertThat(ids(with59)).contains("MW-E004").doesNotContain("MW-B006", "MW-B016");
        assertThat(with59.claim().estimate().reason()).doesNotContain("bundled into");
    }

    /**
     * Documented times that show separate intervals, but a code the minutes give no unit billed all the same: the
     * billed line's 59/X is judged (MW-B016 without it), and the engine's wording ("59 was added") is not used.
     */
    @Test
    void aBilledPairTheMinutesBillOnlyOneCodeOfIsJudgedOnTheBilledModifiers() {
        Visit.Builder v = visit().service(at("97530", "09:00", "09:30", pt("T1")))
                .service(at("97140", "09:30", "09:35", pt("T1")));
        CheckResult none = check(v.billed(List.of(billed("97530", "GP"), billed("97140", "GP"))).build());
        assertThat(ids(none)).containsExactly("MW-B016");
        assertThat(findings(none, "MW-B016").get(0).fix()).startsWith("Add 59 or an X modifier to the 97140 line");
        CheckResult with = check(v.billed(List.of(billed("97530", "GP"), billed("97140", "GP", "XU"))).build());
        assertThat(ids(with)).containsExactly("MW-E004");
        assertThat(findings(with, "MW-E004").get(0).message()).contains("supports the XU billed on 97140")
                .doesNotContain("was added");
    }

    /** The full check, the visit given a diagnosis (else MW-C008 blocks too). */
    private static CheckResult all(Visit.Builder v, org.minutewise.core.model.BilledLine... billed) {
        return ComplianceFixture.checker().check(v.diagnosis("M54.50").billed(List.of(billed)).build());
    }

    /** The findings that block. */
    private static List<String> blocks(CheckResult r) {
        return r.findings().stream().filter(Finding::blocks).map(Finding::ruleId).toList();
    }

    /**
     * MW-B016 (block): 97140 GP billed beside 97530, the documented times apart. The line is denied as part of 97530
     * for certain: one block names both codes and their times, and its fix adds the modifier the payer takes; nothing
     * else speaks of the missing modifier (no MW-B006 "Missing: 59", no MW-E004 "59 was added", no MW-E003). Near
     * misses: billed with 59, or with XU: MW-E004, no block.
     */
    @Test
    void aBilledColumnTwoLineWithout59BesideTimesApartBlocksB016() {
        Visit.Builder v = visit().service(at("97530", "09:00", "09:20", pt("T1")))
                .service(at("97140", "09:25", "09:40", pt("T1")));
        CheckResult none = all(v, billed("97530", "GP"), billed("97140", "GP"));

        assertThat(blocks(none)).containsExactly("MW-B016");
        assertThat(ids(none)).doesNotContain("MW-B006", "MW-E003", "MW-E004");
        assertThat(findings(none, "MW-B016")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.message()).contains("97140 is billed with modifiers [GP] beside 97530: 97530 (column one) "
                    + "and 97140 (column two) are an NCCI pair", "(97530 09:00-09:20, 97140 09:25-09:40)");
            assertThat(f.fix()).startsWith("Add 59 or an X modifier to the 97140 line")
                    .contains("97530 09:00-09:20, 97140 09:25-09:40");
            assertThat(f.citation()).contains("ch. I (modifier 59)", "ch. XI §P", "ch. 23 §20.9");
        });
        for (String m : List.of("59", "XU")) {
            CheckResult ok = all(v, billed("97530", "GP"), billed("97140", "GP", m));
            assertThat(ids(ok)).as(m).contains("MW-E004").doesNotContain("MW-B016", "MW-B006");
            assertThat(blocks(ok)).as(m).isEmpty();
        }
        // A payer of X modifiers is told XU first.
        PayerProfile xu = Payer.commercial("x-payer", org.minutewise.core.units.UnitMethod.CPT)
                .distinctModifier("XU").build();
        CheckResult toXu = only(new NcciPairs(), xu).check(v.payer("x-payer").billed(List.of(billed("97530", "GP"),
                billed("97140", "GP"))).build());
        assertThat(findings(toXu, "MW-B016")).singleElement().satisfies(f -> assertThat(f.fix())
                .startsWith("Add XU (or 59) to the 97140 line"));
    }

    /**
     * Minutes without start and end times, 97140 billed without 59/X: MW-B016 blocks (the line is denied whatever the
     * times would show) and asks for the times, which MW-E003 no longer says a second time; with the time of one of
     * them known, the message gives it. Near miss: the same visit without a billed claim is MW-E003 (Minutewise's own
     * claim adds no 59 and says why).
     */
    @Test
    void aBilledColumnTwoLineWithoutTimesOrModifierBlocksB016NotE003() {
        Visit.Builder v = visit().service(at("97530", "09:00", "09:24", pt("T1")))
                .service(minutes("97140", 23, pt("T1")));
        CheckResult r = all(v, billed("97530", "GP"), billed("97140", "GP"));

        assertThat(blocks(r)).containsExactly("MW-B016");
        assertThat(ids(r)).doesNotContain("MW-E003", "MW-B006", "MW-E004");
        assertThat(findings(r, "MW-B016")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("no start and end times are documented for both (97530 09:00-09:24, "
                    + "97140 no start and end times)");
            assertThat(f.fix()).startsWith("Document the start and end times of both services")
                    .contains("remove the 97140 line and bill only 97530");
        });
        Visit unbilled = visit().service(at("97530", "09:00", "09:24", pt("T1")))
                .service(minutes("97140", 23, pt("T1"))).build();
        assertThat(ids(ComplianceFixture.checker().check(unbilled))).contains("MW-E003").doesNotContain("MW-B016");
    }

    /**
     * Near misses of MW-B016, each one cause with its one finding: times that overlap (MW-U003 naming the pair, or
     * MW-E002 where the same minutes may be shared), an edit no modifier bypasses (MW-E001), a payer that denies the
     * bypass (MW-E005), a billed code the visit does not document (MW-B007, with MW-E003 explaining), and a visit
     * with no billed claim (nothing new: Minutewise's claim adds the 59 itself).
     */
    @Test
    void overlapIndicatorZeroPayerDenialAndNoBilledClaimAreNotB016() {
        CheckResult overlap = all(visit().service(at("97530", "09:00", "09:24", pt("T1")))
                .service(at("97140", "09:10", "09:30", pt("T1"))), billed("97530", "GP"), billed("97140", "GP"));
        assertThat(ids(overlap)).contains("MW-U003").doesNotContain("MW-B016", "MW-B006");

        PtpTable withModality = new PtpTable("test", false, List.of(new PtpEdit("97140", "97012",
                java.time.LocalDate.of(2020, 1, 1), java.util.Optional.empty(), 1)));
        CheckResult e002 = new VisitChecker(ComplianceFixture.ref().withPtp(withModality)).check(visit()
                .service(at("97140", "09:00", "09:24", pt("T1")))
                .service(at("97012", "09:10", "09:25", pt("T1")))
                .billed(List.of(billed("97140", "GP"), billed("97012", "GP"))).build());
        assertThat(ids(e002)).contains("MW-E002").doesNotContain("MW-B016", "MW-B006");

        CheckResult zero = all(visit().service(at("97113", "09:00", "09:24", pt("T1")))
                .service(at("97110", "09:30", "09:53", pt("T1"))), billed("97113", "GP"), billed("97110", "GP"));
        assertThat(ids(zero)).contains("MW-E001").doesNotContain("MW-B016", "MW-B006");

        PayerProfile strict = Payer.medicare("medicare-strict").deniesDistinct("97140/97530").build();
        CheckResult denies = only(new NcciPairs(), strict).check(pair("09:24", "09:47").toBuilder()
                .payer("medicare-strict").billed(List.of(billed("97530", "GP"), billed("97140", "GP"))).build());
        assertThat(ids(denies)).containsExactly("MW-E005");

        CheckResult undocumented = all(visit().service(at("97530", "09:00", "09:24", pt("T1"))),
                billed("97530", "GP"), billed("97140", "GP"));
        assertThat(ids(undocumented)).contains("MW-B007", "MW-E003").doesNotContain("MW-B016");

        CheckResult unbilled = ComplianceFixture.checker().check(pair("09:24", "09:47").toBuilder()
                .diagnosis("M54.50").build());
        assertThat(ids(unbilled)).contains("MW-E004").doesNotContain("MW-B016", "MW-B006");
        assertThat(blocks(unbilled)).isEmpty();
    }

    @Test
    void withoutTimesNothingShowsSeparateIntervalsE003() {
        CheckResult r = check(visit()
                .service(minutes("97530", 24, pt("T1")))
                .service(minutes("97140", 23, pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E003");
        assertThat(findings(r, "MW-E003").get(0).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void timesForOnlyOneOfThePairAreNotEnoughE003() {
        CheckResult r = check(visit()
                .service(at("97530", "09:00", "09:24", pt("T1")))
                .service(minutes("97140", 23, pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E003");
    }

    @Test
    void indicatorZeroCannotBeBypassedEvenInSeparateIntervalsE001() {
        CheckResult r = check(visit()
                .service(at("97113", "09:00", "09:24", pt("T1")))
                .service(at("97110", "09:30", "09:53", pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E001");
        assertThat(findings(r, "MW-E001").get(0).path()).isEqualTo("services[code=97110]");
    }

    @Test
    void codesThatAreNoPairGiveNoFinding() {
        CheckResult r = check(visit()
                .service(at("97113", "09:00", "09:24", pt("T1")))
                .service(at("97112", "09:24", "09:47", pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void payerThatDeniesTheModifierOnThePairE005() {
        PayerProfile strict = Payer.medicare("medicare-strict").deniesDistinct("97140/97530").build();
        CheckResult r = check(pair("09:24", "09:47").toBuilder().payer("medicare-strict").build(), strict);

        assertThat(ids(r)).containsExactly("MW-E005");
    }

    @Test
    void payerThatDeniesAnotherPairDoesNotE005() {
        PayerProfile strict = Payer.medicare("medicare-strict").deniesDistinct("97530/97116").build();
        CheckResult r = check(pair("09:24", "09:47").toBuilder().payer("medicare-strict").build(), strict);

        assertThat(ids(r)).containsExactly("MW-E004");
    }

    /** 97530 24 + 97140 5 = 29 min = 2 units, both to 97530: 97140 is not billed, so there is no pair. */
    @Test
    void columnTwoWithNoUnitsIsNoPair() {
        CheckResult r = check(visit()
                .service(at("97530", "09:00", "09:24", pt("T1")))
                .service(at("97140", "09:24", "09:29", pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    // ---- manipulation and the therapy codes it includes in the same region (RULES.md §4) ---------------------

    private static Visit chiropractic(List<BodyRegion> manipulated, List<BodyRegion> treated) {
        Provider dc = Provider.of("D1", Role.DC);
        return visit().payer("commercial")
                .service(new ServiceLine("98940", OptionalInt.empty(), List.of(), dc, Optional.empty(),
                        Optional.empty(), Optional.empty(), manipulated))
                .service(minutes("97140", 15, dc).withRegions(treated))
                .build();
    }

    @Test
    void manualTherapyInARegionManipulatedIsNotSeparatelyReportableE009() {
        CheckResult r = check(chiropractic(List.of(BodyRegion.LUMBAR, BodyRegion.CERVICAL),
                List.of(BodyRegion.LUMBAR)));

        assertThat(ids(r)).containsExactly("MW-E009");
        assertThat(findings(r, "MW-E009").get(0).message()).contains("97140 treated lumbar")
                .contains("(98940)");
        assertThat(lines(r)).noneMatch(l -> l.startsWith("97140") && (l.contains("XS") || l.contains("59")));
    }

    @Test
    void manualTherapyInAnotherRegionTakesXsOr59E011() {
        CheckResult r = check(chiropractic(List.of(BodyRegion.LUMBAR), List.of(BodyRegion.UPPER_EXTREMITY)));

        assertThat(ids(r)).containsExactly("MW-E011");
        assertThat(findings(r, "MW-E011").get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(findings(r, "MW-E011").get(0).message()).contains("97140 treated upper extremity")
                .contains("(98940) lumbar");
        assertThat(lines(r)).contains("97140 x1 GP 59"); // this payer takes 59 for every bypass
        // A payer that takes X modifiers gets XS, the separate structure, whatever its usual X modifier.
        PayerProfile xu = Payer.commercial("x-payer", org.minutewise.core.units.UnitMethod.CPT)
                .distinctModifier("XU").build();
        Visit v = chiropractic(List.of(BodyRegion.LUMBAR), List.of(BodyRegion.UPPER_EXTREMITY));
        Visit toXu = Visit.builder(v.id(), v.dateOfService()).payer("x-payer").services(v.services()).build();
        assertThat(lines(check(toXu, xu))).contains("97140 x1 GP XS");
        // One region the same, one not: only the other region's minutes may be billed, and one line holds both.
        CheckResult mixed = check(chiropractic(List.of(BodyRegion.LUMBAR),
                List.of(BodyRegion.LUMBAR, BodyRegion.UPPER_EXTREMITY)));
        assertThat(ids(mixed)).containsExactly("MW-E009");
        assertThat(findings(mixed, "MW-E009").get(0).message()).contains("97140 treated lumbar")
                .contains("also upper extremity");
        assertThat(findings(mixed, "MW-E009").get(0).fix()).contains("only for the minutes in the region not "
                + "manipulated (upper extremity)").contains("that region alone");
        assertThat(lines(mixed)).noneMatch(l -> l.contains("XS") || l.contains(" 59"));
    }

    @Test
    void regionsNotDocumentedE010AndNoModifier() {
        CheckResult r = check(chiropractic(List.of(BodyRegion.LUMBAR), List.of()));

        assertThat(ids(r)).containsExactly("MW-E010");
        assertThat(lines(r)).noneMatch(l -> l.contains("XS") || l.contains("59"));
        assertThat(ids(check(chiropractic(List.of(), List.of(BodyRegion.LUMBAR))))).containsExactly("MW-E010");
    }

    /**
     * A chiropractor's 97140 billed beside 98940 without XS/59 is denied as part of the manipulation: MW-B016 blocks,
     * whether the regions show another region (the fix adds the modifier) or are not documented (the fix asks for
     * them; MW-E010 does not say it again). Near miss: billed with XS, MW-E011 and no block.
     */
    @Test
    void aBilledTherapyLineBesideManipulationWithoutXsIsB016() {
        Visit other = chiropractic(List.of(BodyRegion.LUMBAR), List.of(BodyRegion.UPPER_EXTREMITY));
        CheckResult r = check(other.toBuilder().billed(List.of(billed("98940"), billed("97140", "GP"))).build());
        assertThat(ids(r)).containsExactly("MW-B016");
        assertThat(findings(r, "MW-B016").get(0).message()).contains("97140 treated upper extremity, a region the "
                + "manipulation (98940) did not");
        assertThat(findings(r, "MW-B016").get(0).fix()).startsWith("Add 59 or an X modifier to the 97140 line");

        Visit noRegions = chiropractic(List.of(BodyRegion.LUMBAR), List.of());
        CheckResult none = check(noRegions.toBuilder().billed(List.of(billed("98940"), billed("97140", "GP")))
                .build());
        assertThat(ids(none)).containsExactly("MW-B016");
        assertThat(findings(none, "MW-B016").get(0).fix()).startsWith("Record the body regions of 98940 and of "
                + "97140");

        CheckResult xs = check(other.toBuilder().billed(List.of(billed("98940"), billed("97140", "GP", "XS")))
                .build());
        assertThat(ids(xs)).containsExactly("MW-E011");
    }

    /** A chiropractor's 97140 to Medicare is not covered at all (MW-W001): no advice to record regions. */
    @Test
    void noRegionsForAChiropractorsTherapyToMedicareIsNotE010() {
        Visit medicare = chiropractic(List.of(BodyRegion.LUMBAR), List.of()).toBuilder().payer("medicare").build();

        assertThat(ids(check(medicare))).doesNotContain("MW-E010");
        // Nor E009 (same region) or E011 with XS (another region): the line is not covered whatever its region.
        Visit same = chiropractic(List.of(BodyRegion.LUMBAR), List.of(BodyRegion.LUMBAR)).toBuilder()
                .payer("medicare").build();
        assertThat(ids(check(same))).doesNotContain("MW-E009");
        Visit other = chiropractic(List.of(BodyRegion.LUMBAR), List.of(BodyRegion.CERVICAL)).toBuilder()
                .payer("medicare").build();
        assertThat(ids(check(other))).doesNotContain("MW-E011");
        assertThat(lines(check(other))).noneMatch(l -> l.contains("XS"));
        Visit byPt = visit().service(new ServiceLine("98940", OptionalInt.empty(), List.of(), Provider.of("D1",
                Role.DC), Optional.empty(), Optional.empty(), Optional.empty(), List.of(BodyRegion.LUMBAR)))
                .service(minutes("97140", 15, pt("T1"))).build();
        assertThat(ids(check(byPt))).contains("MW-E010");
    }

    @Test
    void theRegionRuleNeedsManipulationAndTimesDoNotDecideIt() {
        Visit noManipulation = visit().payer("commercial")
                .service(minutes("97140", 15, pt("T1")).withRegions(List.of(BodyRegion.LUMBAR))).build();
        assertThat(ids(check(noManipulation))).isEmpty();
        // Separate time intervals do not make the same region separately reportable.
        Provider dc = Provider.of("D1", Role.DC);
        Visit timed = visit().payer("commercial")
                .service(new ServiceLine("98940", OptionalInt.empty(), List.of(Period.of("09:00", "09:10")), dc,
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(BodyRegion.LUMBAR)))
                .service(at("97140", "09:10", "09:25", dc).withRegions(List.of(BodyRegion.LUMBAR))).build();
        assertThat(ids(check(timed))).containsExactly("MW-E009");
    }
}
