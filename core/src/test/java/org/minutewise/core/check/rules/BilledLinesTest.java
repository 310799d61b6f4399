package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;

/** Billed input: the claim stands as billed; the engine says what it would bill differently (RULES.md §3-§4). */
class BilledLinesTest {
    private static CheckResult check(Visit v) {
        return only(new BilledLines()).check(v);
    }

    private static BilledLine billed(String code, int units, String... modifiers) {
        return new BilledLine(code, List.of(modifiers), units, Optional.empty());
    }

    /** A line as an 837P carries it: a code and a role guessed from the modifiers, no minutes. */
    private static ServiceLine noMinutes(String code, Provider p) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(), p, Optional.empty(), Optional.empty());
    }

    @Test
    void claimLinesEchoTheBilledLines() {
        CheckResult r = check(visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KX"))).build());
        assertThat(lines(r)).containsExactly("97112 x2 GP KX");
    }

    @Test
    void overBilledUnitsBlockB002AndMatchingUnitsDoNot() {
        Visit over = visit().service(minutes("97112", 24, pt("T1"))).service(minutes("97110", 23, pt("T1")))
                .billed(List.of(billed("97112", 3, "GP"), billed("97110", 1, "GP"))).build();
        assertThat(ids(check(over))).contains("MW-B002");
        Visit right = visit().service(minutes("97112", 24, pt("T1"))).service(minutes("97110", 23, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"), billed("97110", 1, "GP"))).build();
        assertThat(ids(check(right))).doesNotContain("MW-B002", "MW-B003");
    }

    /** B002 says how the minutes make the units: the day's total and the code's share, or one unit for untimed. */
    @Test
    void overBillingSaysHowTheMinutesMakeTheUnitsB002() {
        Visit timed = visit().service(minutes("97110", 33, pt("T1"))).service(minutes("97112", 7, pt("T1")))
                .billed(List.of(billed("97110", 3, "GP"))).build();
        assertThat(check(timed).findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("97110 is billed with 3 units; the documented "
                        + "minutes support 2 under the CMS total-time method (the Medicare 8-minute rule) (the "
                        + "visit's 40 timed minutes make 3 units in all, and 97110's 33 minutes get 2 of them; the "
                        + "explanation gives the allocation)."));
        Visit group = visit().service(new org.minutewise.core.model.ServiceLine("97150", java.util.OptionalInt.of(45),
                        List.of(), pt("T1"), java.util.Optional.of(org.minutewise.core.model.Mode.GROUP),
                        java.util.Optional.empty()))
                .billed(List.of(billed("97150", 3, "GP"))).build();
        assertThat(check(group).findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("untimed").contains("one unit per patient for the "
                        + "group session").contains("supports 1").doesNotContain("8-minute"));
        // The cognitive pair: the claim splits the pooled units (97129 once), so no share of the pool is quoted.
        Visit cognitive = visit().service(minutes("97129", 45, pt("T1"))).billed(List.of(billed("97129", 2, "GP")))
                .build();
        assertThat(check(cognitive).findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("support 1").doesNotContain("get 3"));
    }

    /**
     * RULES.md §3.1: 8 minutes of 97110 and 8 of 97112 are one unit, and which code takes it is the qualified
     * professional's choice: either billed alone is right; both, or a third code's unit, are not.
     */
    @Test
    void aTieBilledEitherWayIsTheProfessionalsChoiceNotB002() {
        for (String chosen : List.of("97112", "97110")) {
            CheckResult r = check(visit().service(minutes("97110", 8, pt("T1"))).service(minutes("97112", 8, pt("T1")))
                    .billed(List.of(billed(chosen, 1, "GP"))).build());
            assertThat(r.units().professionalChoice()).isTrue();
            assertThat(ids(r)).as(chosen).doesNotContain("MW-B002", "MW-B003");
            assertThat(r.engineClaim().lines()).as(chosen).extracting(l -> l.code() + " x" + l.units())
                    .contains(chosen + " x1");
        }
        CheckResult both = check(visit().service(minutes("97110", 8, pt("T1"))).service(minutes("97112", 8, pt("T1")))
                .billed(List.of(billed("97112", 1, "GP"), billed("97110", 1, "GP"))).build());
        assertThat(ids(both)).contains("MW-B002");
        // Both billed: one finding for the tie, which does not say either code alone is over-billed.
        assertThat(findings(both, "MW-B002")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("97110 x1, 97112 x1 are billed: 2 units together, where the documented minutes support 1 "
                        + "between them").contains("not to each"));
    }

    /**
     * 20 and 20 minutes: 3 units, the third a tie. 97112 x2 with 97110 x2 is one unit too many; 97112 x2 is a share
     * the professional may choose, so the finding is about the pair (rules review: it said 97112 supports 1).
     */
    @Test
    void aTieBilledTwiceIsOneFindingForThePair() {
        CheckResult r = check(visit().service(minutes("97112", 20, pt("T1"))).service(minutes("97110", 20, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"), billed("97110", 2, "GP"))).build());
        assertThat(findings(r, "MW-B002")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("4 units together, where the documented minutes support 3 between them")
                .doesNotContain("support 1"));
        // Over any allocation's share is still over-billing of the code itself.
        CheckResult three = check(visit().service(minutes("97112", 20, pt("T1"))).service(minutes("97110", 20,
                pt("T1"))).billed(List.of(billed("97112", 3, "GP"))).build());
        assertThat(findings(three, "MW-B002")).singleElement().satisfies(f -> assertThat(f.message())
                .startsWith("97112 is billed with 3 units"));
    }

    /** 59 with no pair on this claim: the message points at the checks across visits, which may call for it. */
    @Test
    void an59WithNoPairOnTheClaimPointsAtTheChecksAcrossVisits() {
        CheckResult r = check(visit().service(minutes("97140", 15, pt("T1")))
                .billed(List.of(billed("97140", 1, "GP", "59"))).build());
        assertThat(findings(r, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Not supported: 59 (no NCCI pair on this claim calls for it;").contains("MW-A008"));
        CheckResult kx = check(visit().service(minutes("97140", 15, pt("T1")))
                .billed(List.of(billed("97140", 1, "GP", "GO"))).build());
        assertThat(kx.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("MW-A008"));
    }

    /**
     * A chiropractor's therapy to Medicare is billed with its GP and GY: GP alone misses GY, and GY alone misses the
     * discipline modifier an always-therapy code needs (returned unprocessable, MW-B004).
     */
    @Test
    void aChiropractorsTherapyToMedicareWantsGpAndGy() {
        CheckResult r = check(visit().service(minutes("97112", 24, Provider.of("C1", Role.DC)))
                .billed(List.of(billed("97112", 2, "GP"))).build());
        assertThat(findings(r, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Missing: GY"));
        assertThat(ids(r)).doesNotContain("MW-B004");
        CheckResult gyAlone = check(visit().service(minutes("97112", 24, Provider.of("C1", Role.DC)))
                .billed(List.of(billed("97112", 2, "GY"))).build());
        assertThat(ids(gyAlone)).contains("MW-B004").doesNotContain("MW-B006");
        CheckResult both = check(visit().service(minutes("97112", 24, Provider.of("C1", Role.DC)))
                .billed(List.of(billed("97112", 2, "GP", "GY"))).build());
        assertThat(ids(both)).doesNotContain("MW-B006", "MW-B004");
    }

    /** MW-B010: a billed modifier missing from a loaded list is reported and kept; a listed one is not. */
    @Test
    void aModifierMissingFromTheListIsInformationB010() {
        ReferenceData base = ComplianceFixture.ref();
        ReferenceData withList = new ReferenceData(base.codes().withModifiers(Map.of("GP", "PT plan", "KX", "met")),
                base.payers(), base.diagnoses(), base.ptp(), base.mue(), base.fees(), base.phrases());
        VisitChecker checker = new VisitChecker(withList, RuleBook.of(List.of(new BilledLines())));
        CheckResult typo = checker.check(visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KZ"))).build());
        assertThat(findings(typo, "MW-B010")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[0].modifiers");
            assertThat(f.message()).contains("97112 is billed with KZ").contains("kept as billed");
        });
        assertThat(lines(typo)).containsExactly("97112 x2 GP KZ");
        CheckResult listed = checker.check(visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KX"))).build());
        assertThat(ids(listed)).doesNotContain("MW-B010");
        // With no list loaded nothing is reported: the data cannot back it.
        assertThat(ids(check(visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KZ"))).build()))).doesNotContain("MW-B010");
    }

    /** MW-B011: GZ beside GA or GY, or GA beside GX, blocks; GY with GX (a voluntary notice) does not. */
    @Test
    void liabilityModifiersThatContradictBlockB011() {
        for (List<String> clash : List.of(List.of("GP", "GA", "GZ"), List.of("GP", "GY", "GZ"),
                List.of("GP", "GA", "GX"), List.of("GP", "KX", "GZ"), List.of("GP", "KX", "GA"))) {
            CheckResult r = check(visit().service(minutes("97112", 24, pt("T1")))
                    .billed(List.of(billed("97112", 2, clash.toArray(String[]::new)))).build());
            assertThat(findings(r, "MW-B011")).as(clash.toString()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("contradict"));
        }
        for (List<String> fine : List.of(List.of("GP", "GY", "GX"), List.of("GP", "GA"), List.of("GP", "GZ"),
                List.of("GP", "KX"))) {
            CheckResult r = check(visit().service(minutes("97112", 24, pt("T1")))
                    .billed(List.of(billed("97112", 2, fine.toArray(String[]::new)))).build());
            assertThat(ids(r)).as(fine.toString()).doesNotContain("MW-B011");
        }
    }

    /**
     * GA says the patient signed an ABN: on a Medicare claim it is compared with the visit's abn (a billing expert's
     * review: GA with no notice on file passed). GZ with no ABN recorded is consistent.
     */
    @Test
    void gaAndGzAreComparedWithTheVisitsAbnB006() {
        Visit.Builder v = visit().service(minutes("97110", 30, pt("T1")));
        CheckResult noNotice = check(v.billed(List.of(billed("97110", 2, "GP", "GA"))).build());
        assertThat(findings(noNotice, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Not supported: GA").contains("the visit records none (abn)"));
        CheckResult notice = check(v.abn(org.minutewise.core.model.Abn.GIVEN)
                .billed(List.of(billed("97110", 2, "GP", "GA"))).build());
        assertThat(ids(notice)).doesNotContain("MW-B006");
        CheckResult gzAgainstNotice = check(v.abn(org.minutewise.core.model.Abn.GIVEN)
                .billed(List.of(billed("97110", 2, "GP", "GZ"))).build());
        assertThat(findings(gzAgainstNotice, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Missing: GA").contains("Not supported: GZ").contains("is given: GA"));
        CheckResult noticeNotBilled = check(v.abn(org.minutewise.core.model.Abn.GIVEN)
                .billed(List.of(billed("97110", 2, "GP"))).build());
        assertThat(findings(noticeNotBilled, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Missing: GA"));
        // Near misses: GZ with no notice recorded, and GA to a payer other than Medicare (MW-K009's).
        assertThat(ids(check(visit().service(minutes("97110", 30, pt("T1")))
                .billed(List.of(billed("97110", 2, "GP", "GZ"))).build()))).doesNotContain("MW-B006");
        assertThat(ids(check(visit().payer("commercial").service(minutes("97110", 30, pt("T1")))
                .billed(List.of(billed("97110", 2, "GP", "GA"))).build()))).doesNotContain("MW-B006");
    }

    /**
     * GA billed when the visit records that no ABN was given is a false attestation (it makes the patient liable on a
     * notice never given): MW-B015 blocks, and MW-B006 does not say it again. Near misses: GA with the notice given;
     * GA with no ABN recorded (unknown: MW-B006's warning); GZ with the notice not given.
     */
    @Test
    void gaBilledAgainstANoticeNotGivenBlocksB015() {
        Visit.Builder v = visit().service(minutes("97110", 30, pt("T1")))
                .abn(org.minutewise.core.model.Abn.NOT_GIVEN);
        CheckResult r = check(v.billed(List.of(billed("97110", 2, "GP", "GA"))).build());
        assertThat(findings(r, "MW-B015")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("billed[code=97110].modifiers");
            assertThat(f.message()).startsWith("97110 is billed with GA, which says the patient signed an Advance "
                    + "Beneficiary Notice for it, but the visit records that none was given").contains("Bill GZ");
        });
        assertThat(ids(r)).doesNotContain("MW-B006");
        // Another difference on the line is still MW-B006's, without GA.
        CheckResult alsoKx = check(v.billed(List.of(billed("97110", 2, "GP", "GA", "59"))).build());
        assertThat(ids(alsoKx)).contains("MW-B015");
        assertThat(findings(alsoKx, "MW-B006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Not supported: 59").doesNotContain("Not supported: GA"));
        assertThat(ids(check(v.abn(org.minutewise.core.model.Abn.GIVEN)
                .billed(List.of(billed("97110", 2, "GP", "GA"))).build()))).doesNotContain("MW-B015", "MW-B006");
        assertThat(ids(check(visit().service(minutes("97110", 30, pt("T1")))
                .billed(List.of(billed("97110", 2, "GP", "GA"))).build()))).contains("MW-B006")
                .doesNotContain("MW-B015");
        assertThat(ids(check(visit().service(minutes("97110", 30, pt("T1")))
                .abn(org.minutewise.core.model.Abn.NOT_GIVEN).billed(List.of(billed("97110", 2, "GP", "GZ"))).build())))
                .doesNotContain("MW-B015", "MW-B006");
    }

    /**
     * XU (or XS, XE, XP) bypasses an NCCI pair as 59 does (RULES.md §4; NCCI Policy Manual ch. I): billed where the
     * documentation supports 59 it is no difference (a billing expert's review: "Not supported: XU").
     */
    @Test
    void anXModifierWhereThe59IsSupportedIsTheSameBypass() {
        Visit.Builder v = visit().service(ComplianceFixture.at("97530", "09:00", "09:20", pt("T1")))
                .service(ComplianceFixture.at("97140", "09:20", "09:35", pt("T1")));
        for (String m : List.of("XU", "XS", "59")) {
            assertThat(ids(check(v.billed(List.of(billed("97530", 1, "GP"), billed("97140", 1, "GP", m))).build())))
                    .as(m).doesNotContain("MW-B006");
        }
        // Near miss: no bypass modifier at all is still missing, said once, by the NCCI check (MW-B016, which blocks:
        // the billed line is denied as part of 97530; MW-B006 v7 says nothing of it).
        Visit no59 = v.billed(List.of(billed("97530", 1, "GP"), billed("97140", 1, "GP"))).build();
        assertThat(findings(check(no59), "MW-B006")).isEmpty();
        assertThat(findings(ComplianceFixture.checker().check(no59), "MW-B006")).isEmpty();
        assertThat(findings(ComplianceFixture.checker().check(no59), "MW-B016")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("denied as part of 97530"));
        // Near miss: 59 on a pair whose documented times overlap (the shared minutes count for 97530, MW-U003, so
        // the minutes give 97140 no unit) is still not supported.
        Visit overlap = visit().service(ComplianceFixture.at("97530", "09:00", "09:30", pt("T1")))
                .service(ComplianceFixture.at("97140", "09:20", "09:35", pt("T1")))
                .billed(List.of(billed("97530", 2, "GP"), billed("97140", 1, "GP", "59"))).build();
        assertThat(findings(check(overlap), "MW-B006")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Not supported: 59"));
        // Near miss: an X modifier where no pair calls for one is still not supported.
        assertThat(findings(check(visit().service(minutes("97140", 15, pt("T1")))
                .billed(List.of(billed("97140", 1, "GP", "XU"))).build()), "MW-B006")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Not supported: XU"));
    }

    /**
     * No CQ on a line some of whose units need it: MW-B012 says how many and the lines to bill (a billing expert's
     * review: the fix led to CQ on every unit).
     */
    @Test
    void missingCqOnSomeUnitsSaysTheLinesToBillB012() {
        Visit.Builder v = visit().service(ComplianceFixture.at("97110", "09:00", "09:20", pt("T1")))
                .service(ComplianceFixture.at("97110", "09:20", "09:40", assistant("A1", Role.PTA, "T1")));
        CheckResult r = check(v.billed(List.of(billed("97110", 3, "GP"))).build());
        assertThat(findings(r, "MW-B012")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("supports CQ on 2 of its 3 units: bill 97110 GP CQ x2 and 97110 GP x1");
            assertThat(f.fix()).startsWith("Bill the lines the message gives").doesNotContain("KX");
        });
        // The split as the message gives it: nothing to say.
        assertThat(check(v.billed(List.of(billed("97110", 2, "GP", "CQ"), billed("97110", 1, "GP"))).build())
                .findings()).isEmpty();
        // CQ on every unit (fewer units at 100% than supported): the same lines are named.
        assertThat(findings(check(v.billed(List.of(billed("97110", 3, "GP", "CQ"))).build()), "MW-B006"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("bill 97110 GP CQ x2 and 97110 GP x1"));
    }

    /**
     * The estimate prices the claim as billed, the KX figures count the claim the documentation supports: when the
     * two amounts differ the label says which is which (a billing expert's review).
     */
    @Test
    void theEstimateOfABilledClaimSaysWhatTheKxAmountCounts() {
        Visit.Builder v = visit().patient(patient("100.00", "0"))
                .service(ComplianceFixture.at("97110", "09:00", "09:20", pt("T1")))
                .service(ComplianceFixture.at("97110", "09:20", "09:40", assistant("A1", Role.PTA, "T1")));
        CheckResult r = check(v.billed(List.of(billed("97110", 3, "GP"))).build());
        assertThat(r.claim().estimate().available()).isTrue();
        java.math.BigDecimal counted = r.claim().kx().get(0).thisVisit();
        assertThat(counted).isNotEqualByComparingTo(r.claim().estimate().totalAllowed());
        assertThat(r.claim().estimate().reason()).contains("Priced on the claim lines as billed; the KX threshold "
                + "counts this visit at $" + counted.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        // Near miss: billed as the documentation supports, one amount, no such sentence.
        CheckResult same = check(v.billed(List.of(billed("97110", 2, "GP", "CQ"), billed("97110", 1, "GP"))).build());
        assertThat(same.claim().kx().get(0).thisVisit()).isEqualByComparingTo(same.claim().estimate().totalAllowed());
        assertThat(same.claim().estimate().reason()).doesNotContain("as billed");
    }

    /** A billed line of 0 units: returned as invalid units by a payer that takes none (Medicare), MW-B013. */
    @Test
    void aZeroUnitBilledLineBlocksB013() {
        Visit.Builder v = visit().service(minutes("97110", 30, pt("T1")));
        CheckResult r = check(v.billed(List.of(new BilledLine("97110", List.of("GP"), 0,
                Optional.of(new java.math.BigDecimal("65"))), billed("97110", 2, "GP"))).build());
        assertThat(findings(r, "MW-B013")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[0].units");
            assertThat(f.message()).contains("0 units with a charge of $65").contains("sendZeroUnitLines");
            assertThat(f.blocks()).isTrue();
        });
        // Near misses: no 0-unit line; a payer whose profile sends 0-unit lines.
        assertThat(ids(check(v.billed(List.of(billed("97110", 2, "GP"))).build()))).doesNotContain("MW-B013");
        PayerProfile zero = ComplianceFixture.Payer.commercial("zeroes", org.minutewise.core.units.UnitMethod.CMS)
                .sendZeroUnitLines().build();
        assertThat(ids(only(new BilledLines(), zero).check(visit().payer("zeroes")
                .service(minutes("97110", 30, pt("T1")))
                .billed(List.of(billed("97110", 0, "GP"), billed("97110", 2, "GP"))).build())))
                .doesNotContain("MW-B013");
    }

    /**
     * MW-B014: one code on two lines of the claim with the same modifiers is denied as a duplicate (CARC 18) or held
     * line by line to a per-line MUE; the claim bills it once, the units summed (a billing expert's review). The
     * units of the code are summed as before: 2 + 1 is the 3 the minutes support, no MW-B002 or B003.
     */
    @Test
    void oneCodeOnTwoLinesWithTheSameModifiersB014() {
        Visit.Builder v = visit().service(minutes("97110", 45, pt("T1")));
        CheckResult r = check(v.billed(List.of(billed("97110", 2, "GP"), billed("97110", 1, "GP"))).build());
        assertThat(findings(r, "MW-B014")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[1].units");
            assertThat(f.message()).isEqualTo("97110 is billed on 2 lines with the same modifiers (GP): billed[0] (x2) "
                    + "and billed[1] (x1). Payers deny the later line as a duplicate (CARC 18) or hold each line to "
                    + "the code's MUE on its own; bill 97110 GP x3 on one line.");
            assertThat(f.blocks()).isFalse();
        });
        assertThat(ids(r)).doesNotContain("MW-B002", "MW-B003");
        // The same modifiers in another order are the same set; three lines are one finding naming all three.
        CheckResult three = check(v.billed(List.of(billed("97110", 1, "GP", "KX"), billed("97112", 1, "GP"),
                billed("97110", 1, "KX", "GP"), billed("97110", 1, "GP", "KX"))).build());
        assertThat(findings(three, "MW-B014")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[2].units");
            assertThat(f.message()).contains("billed[0] (x1), billed[2] (x1) and billed[3] (x1)")
                    .contains("bill 97110 GP KX x3 on one line");
        });
    }

    /**
     * PTA A1 under T1 (23 min) and PTA A2 under T2 (24 min) of 97110: the claim splits its CQ units by supervisor
     * (97110 GP CQ x2 under T2, x1 under T1). Billed the same way, two lines of the same modifiers are not MW-B014's
     * duplicates; billed on one line of 3 units (the same units and modifiers), no billed-versus-supported finding
     * either (the explanation says the line is split). Near miss: both PTAs under T1, the claim has one CQ line, and
     * the two billed lines are MW-B014.
     */
    @Test
    void cqLinesSplitBySupervisorAreNotDuplicatesB014() {
        List<BilledLine> split = List.of(billed("97110", 2, "GP", "CQ"), billed("97110", 1, "GP", "CQ"));
        Visit.Builder two = visit()
                .service(minutes("97110", 23, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 24, assistant("A2", Role.PTA, "T2")));
        assertThat(lines(check(two.billed(split).build()))).containsExactly("97110 x2 GP CQ", "97110 x1 GP CQ");
        assertThat(ids(check(two.billed(split).build()))).isEmpty();
        assertThat(ids(check(two.billed(List.of(billed("97110", 3, "GP", "CQ"))).build()))).isEmpty();

        Visit.Builder one = visit()
                .service(minutes("97110", 23, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 24, assistant("A2", Role.PTA, "T1")));
        assertThat(ids(check(one.billed(split).build()))).containsExactly("MW-B014");
    }

    /** MW-B014's near misses: a split is right where the modifiers differ; different codes are different lines. */
    @Test
    void linesOfOneCodeWithDifferentModifiersAreNotB014() {
        Visit.Builder v = visit().service(minutes("97110", 45, pt("T1"))).service(minutes("97140", 15, pt("T1")));
        for (List<BilledLine> split : List.of(
                List.of(billed("97110", 2, "GP", "CQ"), billed("97110", 1, "GP")),
                List.of(billed("97110", 2, "GP"), billed("97110", 1, "GP", "59")),
                List.of(billed("97110", 2, "GP"), billed("97110", 1, "GP", "XU")),
                List.of(billed("97110", 2, "GP"), billed("97110", 1, "GP", "GA")),
                List.of(billed("97110", 2, "GP"), billed("97110", 1, "GO")),
                List.of(billed("97110", 3, "GP"), billed("97140", 1, "GP")))) {
            assertThat(ids(check(v.billed(split).build()))).as(split.toString()).doesNotContain("MW-B014");
        }
        // A 0-unit line the payer takes none of is MW-B013's to remove, not a second line of the code.
        Visit.Builder zero = visit().service(minutes("97110", 30, pt("T1")));
        assertThat(ids(check(zero.billed(List.of(billed("97110", 0, "GP"), billed("97110", 2, "GP"))).build())))
                .contains("MW-B013").doesNotContain("MW-B014");
        PayerProfile sends = ComplianceFixture.Payer.commercial("zeroes", org.minutewise.core.units.UnitMethod.CMS)
                .sendZeroUnitLines().build();
        assertThat(ids(only(new BilledLines(), sends).check(visit().payer("zeroes")
                .service(minutes("97110", 30, pt("T1")))
                .billed(List.of(billed("97110", 0, "GP"), billed("97110", 2, "GP"))).build())))
                .contains("MW-B014");
    }

    /**
     * A code whose MUE holds each claim line (indicator 1) split over lines each within it: MW-B014 says the units
     * together pass it; under a day's MUE (indicator 3, MW-E006 counts the lines together) it says nothing of it.
     */
    @Test
    void splitLinesUnderALineMueSayTheSumPassesItB014() {
        ReferenceData base = ComplianceFixture.ref();
        ReferenceData lineMue = new ReferenceData(base.codes(), base.payers(), base.diagnoses(), base.ptp(),
                new org.minutewise.core.edits.MueTable("test", false, List.of(new org.minutewise.core.edits.Mue(
                        "97110", 4, 1, "Clinical: Data", java.time.LocalDate.of(2020, 1, 1)))), base.fees(),
                base.phrases());
        Visit split = visit().service(minutes("97110", 90, pt("T1")))
                .billed(List.of(billed("97110", 3, "GP"), billed("97110", 3, "GP"))).build();
        CheckResult r = new VisitChecker(lineMue, RuleBook.of(List.of(new BilledLines()))).check(split);
        assertThat(findings(r, "MW-B014")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("bill 97110 GP x6 on one line. The 6 units together pass 97110's MUE of 4 a line "
                        + "(adjudication indicator 1, per claim line)"));
        assertThat(findings(check(split), "MW-B014")).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("MUE of"));
    }

    @Test
    void underBilledUnitsAreInformationB003() {
        Visit v = visit().service(minutes("97112", 38, pt("T1"))).billed(List.of(billed("97112", 2, "GP")))
                .build();
        assertThat(ids(check(v))).contains("MW-B003").doesNotContain("MW-B002");
    }

    @Test
    void noMinutesCannotBeVerifiedB001() {
        Visit v = visit().service(noMinutes("97112", pt("T1"))).billed(List.of(billed("97112", 2, "GP"))).build();
        assertThat(ids(check(v))).contains("MW-B001").doesNotContain("MW-B002", "MW-B006");
    }

    @Test
    void missingOrWrongDisciplineModifierB004() {
        Visit missing = visit().service(minutes("97112", 24, pt("T1"))).billed(List.of(billed("97112", 2)))
                .build();
        assertThat(ids(check(missing))).contains("MW-B004");
        Visit wrong = visit().service(minutes("97112", 24, pt("T1"))).billed(List.of(billed("97112", 2, "GO")))
                .build();
        assertThat(ids(check(wrong))).contains("MW-B004");
        Visit right = visit().service(minutes("97112", 24, pt("T1"))).billed(List.of(billed("97112", 2, "GP")))
                .build();
        assertThat(ids(check(right))).doesNotContain("MW-B004");
    }

    @Test
    void unpairedCqB005() {
        Provider pta = assistant("A1", Role.PTA, "T1");
        // CQ beside the OT plan's own GO: the discipline modifier is right, the pairing is not.
        Visit unpaired = visit().planOfCare(Discipline.OT).service(minutes("97110", 15, pta))
                .billed(List.of(billed("97110", 1, "GO", "CQ"))).build();
        assertThat(ids(check(unpaired))).contains("MW-B005").doesNotContain("MW-B004");
        assertThat(check(unpaired).findings()).filteredOn(f -> f.ruleId().equals("MW-B005")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("97110 carries CQ without GP: CQ (a physical "
                        + "therapist assistant's service) goes only with GP, and a line with an unpaired one is "
                        + "returned as unprocessable."));
        // Under a PT plan, GO (or no discipline modifier) beside CQ is one cause: MW-B004 asks for the GP that pairs
        // it too (an auditor's review: both blocked the same missing GP).
        for (List<String> mods : List.of(List.of("GO", "CQ"), List.of("CQ"))) {
            Visit wrongGp = visit().service(minutes("97110", 15, pta))
                    .billed(List.of(billed("97110", 1, mods.toArray(String[]::new)))).build();
            assertThat(ids(check(wrongGp))).as("%s", mods).contains("MW-B004").doesNotContain("MW-B005");
            assertThat(check(wrongGp).findings()).filteredOn(f -> f.ruleId().equals("MW-B004")).singleElement()
                    .satisfies(f -> assertThat(f.message()).endsWith("it needs exactly GP, which the line's CQ also "
                            + "needs beside it."));
        }
        // Both assistant modifiers on one line: each against its own pair (a code review: only CQ was tested, and
        // CO without GO beside GP and CQ went unblocked).
        Visit both = visit().service(minutes("97110", 15, pta)).billed(List.of(billed("97110", 1, "GP", "CQ", "CO")))
                .build();
        assertThat(check(both).findings()).filteredOn(f -> f.ruleId().equals("MW-B005")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("97110 carries CO without GO"));
        Visit paired = visit().service(minutes("97110", 15, pta)).billed(List.of(billed("97110", 1, "GP", "CQ")))
                .build();
        assertThat(ids(check(paired))).doesNotContain("MW-B005", "MW-B006");
    }

    /**
     * RULES.md §8: rules are effective-dated by date of service. CQ/CO began on 2020-01-01: on a 2019 visit an
     * unpaired CQ is no MW-B005 (there was no pairing to get wrong) but MW-B008, CQ billed before it existed.
     */
    @Test
    void unpairedCqBefore2020IsNoB005ButB008() {
        Provider pta = assistant("A1", Role.PTA, "T1");
        Visit in2019 = Visit.builder("V-1", java.time.LocalDate.of(2019, 12, 31))
                .service(minutes("97110", 15, pta)).billed(List.of(billed("97110", 1, "GO", "CQ"))).build();
        assertThat(ids(check(in2019))).contains("MW-B008").doesNotContain("MW-B005");
        Visit in2020 = Visit.builder("V-1", java.time.LocalDate.of(2020, 1, 1)).planOfCare(Discipline.OT)
                .service(minutes("97110", 15, pta)).billed(List.of(billed("97110", 1, "GO", "CQ"))).build();
        assertThat(ids(check(in2020))).contains("MW-B005");
        assertThat(check(in2020).findings()).filteredOn(f -> f.ruleId().equals("MW-B005"))
                .allSatisfy(f -> assertThat(f.citation()).endsWith("; in effect from 2020-01-01"));
    }

    /** CQ missing where a PTA treated: the line is overpaid (100% instead of 85%), which blocks (MW-B012). */
    @Test
    void missingCqWhenAnAssistantTreatedBlocksB012() {
        Visit v = visit().service(minutes("97110", 15, assistant("A1", Role.PTA, "T1")))
                .billed(List.of(billed("97110", 1, "GP"))).build();
        CheckResult r = check(v);
        assertThat(ids(r)).containsExactly("MW-B012");
        assertThat(r.findings().get(0).message()).contains("without CQ").contains("overpaid");
        assertThat(r.blocks()).isTrue();
    }

    /** KX missing past a known threshold: denied (MW-B012); a second, non-required difference stays MW-B006. */
    @Test
    void missingKxPastTheThresholdBlocksB012() {
        Visit v = visit().patient(patient("3000.00", "0")).service(minutes("97110", 22, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP"))).build();
        CheckResult r = check(v);
        assertThat(ids(r)).containsExactly("MW-B012");
        assertThat(r.findings().get(0).message()).contains("without KX").contains("denied");
        Visit also59 = visit().patient(patient("3000.00", "0")).service(minutes("97110", 22, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP", "59"))).build();
        assertThat(ids(check(also59))).containsExactlyInAnyOrder("MW-B012", "MW-B006");
        Visit withKx = visit().patient(patient("3000.00", "0")).service(minutes("97110", 22, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP", "KX"))).build();
        assertThat(ids(check(withKx))).doesNotContain("MW-B012", "MW-B006");
    }

    /** CQ on every unit when the therapist furnished one of them: the modifiers match, the unit count does not. */
    @Test
    void cqOnMoreUnitsThanSupportedB006() {
        Visit v = visit().service(minutes("97110", 20, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 10, pt("T1")))
                .billed(List.of(billed("97110", 2, "GP", "CQ"))).build();
        CheckResult r = check(v);
        assertThat(ids(r)).containsExactly("MW-B006");
        assertThat(r.findings().get(0).message()).contains("CQ on 2 units").contains("CQ on 1 of its 2 units");
        Visit right = visit().service(minutes("97110", 20, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 10, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP", "CQ"), billed("97110", 1, "GP"))).build();
        assertThat(ids(check(right))).doesNotContain("MW-B006");
        // CQ on fewer units than supported: a unit paid in full that should be at 85% blocks.
        Visit fewer = visit().service(minutes("97110", 25, assistant("A1", Role.PTA, "T1")))
                .billed(List.of(billed("97110", 1, "GP", "CQ"), billed("97110", 1, "GP"))).build();
        assertThat(ids(check(fewer))).containsExactly("MW-B012");
    }

    /** 40 cognitive minutes billed 97129 x1 + 97130 x2 is right even when the note names only 97129 (RULES.md §1). */
    @Test
    void theCognitivePairDocumentsEachOtherNoB007() {
        Visit v = visit().service(minutes("97129", 40, pt("T1")))
                .billed(List.of(billed("97129", 1, "GP"), billed("97130", 2, "GP"))).build();
        assertThat(ids(check(v))).doesNotContain("MW-B007", "MW-B002", "MW-B003");
        Visit allOnBase = visit().service(minutes("97129", 40, pt("T1")))
                .billed(List.of(billed("97129", 3, "GP"))).build();
        assertThat(check(allOnBase).findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("97129 takes the first unit"));
    }

    /**
     * The CSV layout's corrected claim gives 97130 a row of its own, without minutes, beside 97129's 40 minutes: one
     * service's minutes verify it (MW-B001 said none were documented for it). Near miss: 97130 alone without minutes
     * still cannot be verified.
     */
    @Test
    void aRowOf97130Beside97129sMinutesIsVerifiedNoB001() {
        Visit v = visit().service(minutes("97129", 40, pt("T1"))).service(noMinutes("97130", pt("T1")))
                .billed(List.of(billed("97129", 1, "GP"), billed("97130", 2, "GP"))).build();
        assertThat(ids(check(v))).doesNotContain("MW-B001", "MW-B002", "MW-B003");
        Visit alone = visit().service(noMinutes("97130", pt("T1"))).billed(List.of(billed("97130", 2, "GP")))
                .build();
        assertThat(ids(check(alone))).contains("MW-B001");
    }

    /** A documented code left off the claim is under-billed; 97130 billed without 97129 says why it matters. */
    @Test
    void aDocumentedCodeNotBilledB003() {
        Visit v = visit().service(minutes("97129", 40, pt("T1")))
                .billed(List.of(billed("97130", 2, "GP"))).build();
        assertThat(check(v).findings()).filteredOn(f -> f.ruleId().equals("MW-B003")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("97129 is not billed; the documented minutes "
                        + "support 1 unit").contains("never paid without 97129"));
        Visit left = visit().service(minutes("97112", 24, pt("T1"))).service(minutes("97110", 23, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"))).build();
        assertThat(ids(check(left))).contains("MW-B003");
        Visit all = visit().service(minutes("97112", 24, pt("T1"))).service(minutes("97110", 23, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"), billed("97110", 1, "GP"))).build();
        assertThat(ids(check(all))).doesNotContain("MW-B003");
    }

    @Test
    void billedCodeWithNoDocumentedServiceB007() {
        Visit v = visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"), billed("97140", 1, "GP"))).build();
        assertThat(ids(check(v))).contains("MW-B007");
        Visit documented = visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP"))).build();
        assertThat(ids(check(documented))).doesNotContain("MW-B007");
    }

    @Test
    void cqBilledInACriticalAccessHospitalB008() {
        Provider pta = assistant("A1", Role.PTA, "T1");
        Visit cah = visit().setting(Setting.CAH).service(minutes("97110", 15, pta))
                .billed(List.of(billed("97110", 1, "GP", "CQ"))).build();
        assertThat(ids(check(cah))).contains("MW-B008");
        Visit practice = visit().service(minutes("97110", 15, pta)).billed(List.of(billed("97110", 1, "GP", "CQ")))
                .build();
        assertThat(ids(check(practice))).doesNotContain("MW-B008");
    }

    @Test
    void kxWithoutKnownExpensesCannotBeVerifiedB009AndIsNotAModifierDifference() {
        Visit unknown = visit().service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KX"))).build();
        assertThat(ids(check(unknown))).contains("MW-B009").doesNotContain("MW-B006");
        // Expenses entered but under the threshold: KX is early, a modifier the documentation does not support.
        Visit early = visit().patient(patient("500.00", "0")).service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KX"))).build();
        assertThat(ids(check(early))).contains("MW-B006").doesNotContain("MW-B009");
        Visit passed = visit().patient(patient("2500.00", "0")).service(minutes("97112", 24, pt("T1")))
                .billed(List.of(billed("97112", 2, "GP", "KX"))).build();
        assertThat(ids(check(passed))).doesNotContain("MW-B006", "MW-B009");
        Visit plain = visit().service(minutes("97112", 24, pt("T1"))).billed(List.of(billed("97112", 2, "GP")))
                .build();
        assertThat(ids(check(plain))).doesNotContain("MW-B006", "MW-B009");
    }

    @Test
    void aDocumentedVisitWithoutBilledLinesIsNotJudged() {
        Visit v = visit().service(minutes("97112", 24, pt("T1"))).build();
        assertThat(check(v).findings()).isEmpty();
    }
}
