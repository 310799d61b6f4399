package org.minutewise.core.check.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.NcciAnalysis;
import org.minutewise.core.claim.PaymentEstimator;
import org.minutewise.core.claim.CodeTally;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.Cognitive;
import org.minutewise.core.units.CodeKind;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;

/**
 * Claims already built elsewhere (837P or CSV with billed units): the billed lines stand as they are, and this
 * rule says where the engine, from the documented minutes, would bill differently, or what it cannot verify.
 */
public final class BilledLines implements Rule {
    public static final RuleInfo CANNOT_VERIFY = new RuleInfo("MW-B001", Severity.WARN,
            "Billed units cannot be verified: no minutes documented",
            "Send the minutes per code (or start and end times) with the claim so the units can be checked "
                    + "against the minutes table.",
            "CMS Pub 100-02 ch. 15 §220.3 (billed units consistent with documented minutes)",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: 97130 on a row of its own beside 97129's minutes (the CSV layout's corrected "
                    + "claim) is verified against those minutes, one service's (it was said to have none)");
    public static final RuleInfo OVER_BILLED = new RuleInfo("MW-B002", Severity.BLOCK,
            "More units billed than the documented minutes support",
            "Bill the units the minutes support (see the explanation); over-billed units are an overpayment.",
            "CMS Pub 100-04 ch. 5 §20.2; RULES.md §3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: a tie at the cut-off billed as one of the allocations the minutes allow is the "
                    + "professional's choice (RULES.md §3.1), not over-billing")
            .revised(3, "2026-12-06: tied codes each billed within an allocation the professional may choose but too "
                    + "many together are one finding for the tie (it said one of them alone was over-billed)")
            .revised(4, "2026-12-06: in an audit, which writes no explanation, the message and fix no longer point to "
                    + "the explanation for the allocation")
            .revised(5, "2026-12-06: says how many of the code's documented minutes count for another code documented "
                    + "in the same minutes (MW-U003), as the units now count each such minute once");
    /**
     * How the minutes make the code's units, in a clause: under the CMS method the visit's timed minutes make the
     * units of the day and the code's share; under the CPT method the code's own minutes. Empty for a code the unit
     * count does not list, and for one of a tie at the cut-off (the share is then the professional's choice).
     */
    private static String arithmetic(CheckContext ctx, String code) {
        UnitResult u = ctx.units().partOf(code); // a visit of two disciplines: the code's own discipline's count
        if (u.professionalChoice() && u.tiedCodes().contains(code)) {
            return "";
        }
        for (CodeUnits cu : u.lines()) {
            if (cu.code().equals(code) && cu.kind() == CodeKind.TIMED) {
                String whose = u == ctx.units() ? "the visit's " : "the " + ctx.units().byDiscipline().entrySet()
                        .stream().filter(e -> e.getValue() == u).map(java.util.Map.Entry::getKey).findFirst().orElse("")
                        + " services' ";
                int elsewhere = countedForAnotherCode(ctx, code);
                String lost = elsewhere == 0 ? "" : ", " + elsewhere + " more of its documented minutes counting for "
                        + "another code documented in the same minutes (MW-U003)";
                return u.method() == UnitMethod.CMS ? " (" + whose + u.totalTimedMinutes() + " timed minutes make "
                        + u.timedUnits() + (u.timedUnits() == 1 ? " unit" : " units") + " in all, and " + code
                        + "'s " + cu.minutes() + " minutes get " + cu.units() + " of them" + lost + "; the explanation "
                        + "gives the allocation)" : " (" + code + "'s own " + cu.minutes() + " minutes make "
                        + cu.units() + (cu.units() == 1 ? " unit" : " units") + lost + ")";
            }
        }
        return "";
    }

    /**
     * The minutes of {@code code}'s lines the count gives to another code documented in the same minutes (MW-U003:
     * {@link org.minutewise.core.check.VisitChecker#minutesView}); 0 in the usual visit.
     */
    private static int countedForAnotherCode(CheckContext ctx, String code) {
        List<ServiceLine> view = org.minutewise.core.check.VisitChecker.minutesView(ctx.visit(), ctx.payer(),
                ctx.units());
        List<ServiceLine> documented = ctx.visit().services();
        return view == documented ? 0 : UnitCalculator.minutesOnce(documented, code)
                - UnitCalculator.minutesOnce(view, code);
    }

    public static final RuleInfo UNDER_BILLED = new RuleInfo("MW-B003", Severity.INFO,
            "Fewer units billed than the documented minutes support",
            "Consider a corrected claim for the units the minutes support, if the documentation holds them.",
            "CMS Pub 100-04 ch. 5 §20.2; RULES.md §3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: also a documented code not billed at all (97129 left off beside 97130, say)")
            .revised(3, "2026-12-07: not for 97014 left off a Medicare claim, which Medicare never pays (MW-C002: "
                    + "G0283 is its code)");
    public static final RuleInfo DISCIPLINE_MODIFIER = new RuleInfo("MW-B004", Severity.BLOCK,
            "Therapy line without its GP/GO/GN modifier (or with the wrong one)",
            "Put exactly one discipline modifier on every therapy line: GP under a PT plan, GO under OT, GN under "
                    + "SLP.",
            "CMS Pub 100-04 ch. 5 §20.1", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: a line with CQ (or CO) that lacks the GP (or GO) its plan of care needs is this "
                    + "one finding, which says the assistant modifier needs it too (MW-B005 reported the same "
                    + "missing modifier as a second block; an auditor's review)");
    /** Each assistant modifier and the discipline modifier it goes with, in the order findings name them. */
    private static final Map<String, String> ASSISTANT_PAIRS = orderedPairs();

    private static Map<String, String> orderedPairs() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("CQ", "GP");
        m.put("CO", "GO");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static final RuleInfo UNPAIRED_ASSISTANT = new RuleInfo("MW-B005", Severity.BLOCK,
            "CQ/CO not paired with its discipline modifier",
            "CQ goes only with GP and CO only with GO; an unpaired one makes the claim unprocessable.",
            "CMS Pub 100-04 ch. 5 §20.1", Citations.CLAIMS_MANUAL_CH5)
            .inEffectFrom(ClaimBuilder.ASSISTANT_MODIFIERS_FROM)
            .revised(2, "2026-12-06: not when MW-B004 asks for the missing GP (or GO) on the line, which pairs it; the "
                    + "message says what CQ and CO mark and that the line is returned unprocessable (an auditor's "
                    + "review)");
    public static final RuleInfo MODIFIER_DIFFERS = new RuleInfo("MW-B006", Severity.WARN,
            "Billed modifiers differ from what the documentation supports",
            "Add the modifiers listed as missing, and remove those listed as not supported, or document "
                    + "what supports them.",
            "CMS Pub 100-04 ch. 5 §20.1, §10.3; NCCI Policy Manual ch. I", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: also AT, on a chiropractor's spinal manipulation billed to Medicare; and CQ/CO "
                    + "billed on more or fewer units than the documentation supports")
            .revised(3, "2026-12-05: also GY, on a chiropractor's therapy billed to Medicare (excluded by statute)")
            .revised(4, "2026-12-05: a missing KX or CQ/CO (or CQ/CO on fewer units than supported) is MW-B012, which "
                    + "blocks: the line is denied or overpaid")
            .revised(5, "2026-12-07: XU, XS, XE or XP billed where the documentation supports 59 (or 59 where it "
                    + "supports an X modifier) is the same NCCI bypass, not a difference; GA and GZ are compared "
                    + "with the visit's ABN (abn) on a Medicare claim (a billing expert's review)")
            .revised(6, "2026-12-07: a billed column-two code of an NCCI pair without the 59/X its documented times "
                    + "or regions support says that the line is denied as part of the column-one code (it said only "
                    + "\"Missing: 59\", beside MW-E004's \"59 was added\"; a Medicare biller's review)")
            .revised(7, "2026-12-07: a billed column-two code of an NCCI pair without 59/X is MW-B016, which blocks "
                    + "(the line is denied for certain), not this warning: one cause, one finding")
            .revised(8, "2026-12-07: also 96/97 against the visit's purpose (a billed 96 gives it when the visit "
                    + "states none): a line that lacks the purpose's modifier a payer asking for 96/97 needs, or "
                    + "carries the other one (a commercial biller's review: a billed 96 was never compared); and no "
                    + "longer KX billed to a payer that is not Medicare fee for service (MW-B017)");
    public static final RuleInfo NOT_DOCUMENTED = new RuleInfo("MW-B007", Severity.BLOCK,
            "Billed code with no documented service",
            "Remove the line, or add the documentation of the service.",
            "CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: 97130 billed for documented 97129 minutes (or the other way) is documented: the "
                    + "two codes are one service's minutes");

    public static final RuleInfo ASSISTANT_MODIFIER_NOT_APPLICABLE = new RuleInfo("MW-B008", Severity.BLOCK,
            "CQ/CO billed where they do not apply",
            "Remove CQ/CO: they are not used by critical access hospitals, for services incident to a physician, "
                    + "before 2020, or by payers that do not ask for them.",
            "CMS Pub 100-04 ch. 5 §20.1", Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo KX_UNVERIFIED = new RuleInfo("MW-B009", Severity.INFO,
            "KX billed without the year-to-date expenses to verify it",
            "Enter the patient's incurred therapy expenses so far this year (patient.yearToDate, and outside spend) "
                    + "so the visit shows whether Medicare's therapy threshold is passed; a batch audit checks KX "
                    + "across the patient's Medicare visits in date order (MW-A003, MW-A004).",
            "CMS Pub 100-04 ch. 5 §10.3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: on a Medicare fee-for-service claim only, whose threshold it speaks of; KX billed "
                    + "to another payer (a commercial or Medicare Advantage plan) is MW-B017 (a commercial biller's "
                    + "review: it asked a commercial plan's visit for the expenses that pass Medicare's threshold)");

    /**
     * MW-B017: KX billed to a payer that is not Medicare fee for service. KX is original Medicare's therapy-threshold
     * modifier (RULES.md §4): Minutewise counts the threshold for Medicare claims only, so on another payer's claim it
     * keeps KX as billed and says the payer's own policy decides, once a visit (in a check and in an audit alike).
     */
    public static final RuleInfo KX_NOT_MEDICARE = new RuleInfo("MW-B017", Severity.INFO,
            "KX billed to a payer that is not Medicare fee for service",
            "Check the payer's own policy: keep KX only where its contract or medical policy asks for it (some "
                    + "Medicare Advantage plans follow Medicare's therapy threshold, others do not; a commercial "
                    + "plan's KX means what its policy says), else remove it.",
            "CMS Pub 100-04 ch. 5 §10.3 (KX: original Medicare's therapy threshold); RULES.md §3.3, §4",
            Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo UNKNOWN_MODIFIER = new RuleInfo("MW-B010", Severity.INFO,
            "Billed modifier not in the modifier list",
            "Check the modifier against the payer's current modifier list (a typo makes the line unprocessable); "
                    + "a payer's own modifier (a state Medicaid plan's, say) can be accepted with an override and "
                    + "its reason.",
            "CMS HCPCS Level II modifiers; CMS Pub 100-04 ch. 1 §80.3.2 (unprocessable claims)",
            Citations.CLAIMS_MANUAL_CH1);
    public static final RuleInfo CONTRADICTORY_MODIFIERS = new RuleInfo("MW-B011", Severity.BLOCK,
            "Liability modifiers that contradict each other on a line",
            "Keep the modifier that is true: GA when an ABN was given for a service Medicare may find not "
                    + "reasonable and necessary, GZ when none was, GY (with GX after a voluntary notice) for a "
                    + "service excluded by statute, KX when the service past the therapy threshold is medically "
                    + "necessary (never with GA or GZ, which say it may not be).",
            "CMS Pub 100-04 ch. 30 §50 (the ABN; GA, GX, GY, GZ); ch. 5 §10.3 (KX, or GA/GZ, past the threshold)",
            Citations.CLAIMS_MANUAL_CH30)
            .revised(2, "2026-12-07: also KX with GA or GZ on one line: KX attests the medical necessity that GA/GZ "
                    + "say may be lacking (a billing expert's review)");

    /**
     * Two liability modifiers one line cannot carry together, in words, or null: GZ (no notice, expected to be denied
     * as not reasonable and necessary) with GA (a notice given) or with GY (excluded by statute), GA with GX (a
     * voluntary notice, for an excluded service), and KX (medically necessary past the threshold) with GA or GZ
     * (CMS Pub 100-04 ch. 5 §10.3: KX or GA/GZ, not both).
     */
    static String liabilityClash(List<String> m) {
        if (m.contains("GZ") && m.contains("GA")) {
            return "GZ (no ABN given) with GA (an ABN given)";
        }
        if (m.contains("GZ") && m.contains("GY")) {
            return "GZ (expected to be denied as not reasonable and necessary) with GY (excluded by statute)";
        }
        if (m.contains("GA") && m.contains("GX")) {
            return "GA (a required ABN) with GX (a voluntary notice, for a service Medicare excludes)";
        }
        for (String liability : List.of("GA", "GZ")) {
            if (m.contains("KX") && m.contains(liability)) {
                return "KX (the service past the therapy threshold is medically necessary) with " + liability + " ("
                        + (liability.equals("GA") ? "an ABN given" : "no ABN given") + " for a service expected to "
                        + "be denied as not reasonable and necessary)";
            }
        }
        return null;
    }

    public static final RuleInfo REQUIRED_MODIFIER_MISSING = new RuleInfo("MW-B012", Severity.BLOCK,
            "KX or CQ/CO the documentation requires is missing from the billed line",
            "Add the modifier before sending the claim: past the KX threshold a line without KX is denied; a unit an "
                    + "assistant furnished in part (more than 10% of it) carries CQ/CO and is paid at 85%, so without "
                    + "it the line is overpaid.",
            "CMS Pub 100-04 ch. 5 §10.3 (KX), §20.1 (CQ/CO); RULES.md §4", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: a line billed with no CQ/CO where some units need it says how many do and the "
                    + "lines to bill instead (97110 GP CQ x2 and 97110 GP x1), and the fix speaks of the modifier "
                    + "missing only (a billing expert's review)");

    public static final RuleInfo ZERO_UNITS = new RuleInfo("MW-B013", Severity.BLOCK,
            "Billed line with 0 units",
            "Remove the line, or bill the units its documented minutes support: a service line of 0 units is "
                    + "returned as invalid units of service.",
            "CMS Pub 100-04 ch. 1 §80.3.2 (unprocessable claims); payer profile (sendZeroUnitLines); RULES.md §3.1",
            Citations.CLAIMS_MANUAL_CH1);

    public static final RuleInfo SAME_LINE_TWICE = new RuleInfo("MW-B014", Severity.WARN,
            "Same code billed on several lines with the same modifiers",
            "Bill the code once for each set of modifiers, with its units summed on one line (the message gives the "
                    + "line); lines of one code stay apart only where their modifiers differ (CQ/CO on some units, "
                    + "59/X or GA on one part, another discipline's modifier), or where their rendering providers do "
                    + "(CQ/CO units of assistants under different supervisors, one line per supervisor).",
            "CMS Pub 100-04 ch. 26 (837P/CMS-1500 service lines: a code's units of one date of service on one "
                    + "line); NCCI MUE adjudicated per claim line (RULES.md §5)",
            Citations.CLAIMS_MANUAL_CH26)
            .revised(2, "2026-12-07: CQ/CO lines of one code billed one per supervisor, as the documentation splits "
                    + "them (assistants under different supervisors: a line has one rendering provider), are not "
                    + "duplicates (it asked for one line, which the claim builder now splits)");

    public static final RuleInfo GA_WITHOUT_NOTICE = new RuleInfo("MW-B015", Severity.BLOCK,
            "GA billed while the visit records that no ABN was given",
            "Bill GZ (no notice given: the clinic, not the patient, is liable if Medicare denies the service), or, "
                    + "if the patient did sign an Advance Beneficiary Notice for this service before it, correct the "
                    + "visit's abn and keep the signed notice with the record.",
            "CMS Pub 100-04 ch. 30 §50 (the ABN: GA when a signed notice is on file, GZ when none was given; a "
                    + "notice not given does not make the patient liable)", Citations.CLAIMS_MANUAL_CH30);

    /**
     * MW-B016: the billed line of an NCCI pair's column-two code (the therapy code beside manipulation) without 59 or
     * an X modifier, where the edit lets one bypass it (modifier indicator 1): the payer denies the line as part of the
     * other code, for certain. Said by NcciPairs, which judges the pair; times that overlap (MW-E002), an edit no
     * modifier bypasses (MW-E001) and a payer that denies the bypass (MW-E005) are their own findings.
     */
    public static final RuleInfo NCCI_BUNDLED = new RuleInfo("MW-B016", Severity.BLOCK,
            "NCCI column-two code billed without 59/X: denied as part of the column-one code",
            "When the documented times show the two services in different time intervals, add 59 (or XU, as the "
                    + "payer profile prefers) to the column-two line; when no times are documented, document them "
                    + "and add the modifier only if they show different intervals, else remove the line.",
            "NCCI Policy Manual ch. I (modifier 59), ch. XI §P; CMS Pub 100-04 ch. 23 §20.9 (the column-two code of "
                    + "an NCCI edit is denied unless a modifier the edit allows is reported)", Citations.NCCI_MANUAL);

    /** The modifiers whose absence costs a denial (KX) or an overpayment (CQ/CO): MW-B012, not MW-B006. */
    private static final List<String> REQUIRED = List.of("KX", "CQ", "CO");

    private static String requiredWhy(List<String> required) {
        List<String> why = new ArrayList<>(2);
        if (required.contains("KX")) {
            why.add("the patient's expenses pass the KX threshold, and a line above it without KX is denied");
        }
        if (required.contains("CQ") || required.contains("CO")) {
            why.add("an assistant furnished more than 10% of a unit, which Medicare pays at 85% with "
                    + (required.contains("CQ") ? "CQ" : "CO") + " (billed without it, the line is overpaid)");
        }
        return String.join("; ", why);
    }

    /** Modifiers compared between billed and engine lines (the rest are payer- or case-specific). */
    private static final Set<String> COMPARED = Set.of("CQ", "CO", "KX", "59", "XU", "XE", "XS", "XP", "AT", "GY");
    /**
     * On a Medicare claim GA and GZ too: they say what the visit's ABN ({@code abn}) says, which Minutewise adds to
     * Medicare lines only (another payer's notice is MW-K009's).
     */
    private static final Set<String> COMPARED_MEDICARE = java.util.stream.Stream.concat(COMPARED.stream(),
            java.util.stream.Stream.of("GA", "GZ")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /**
     * For any other payer, not KX: it is original Medicare's threshold modifier, kept as billed and said once
     * (MW-B017). 96/97 are compared line by line with the visit's purpose ({@link #purposeModifiers}).
     */
    private static final Set<String> COMPARED_NOT_MEDICARE = COMPARED.stream().filter(m -> !m.equals("KX"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Override
    public RuleInfo info() {
        return CANNOT_VERIFY;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(CANNOT_VERIFY, OVER_BILLED, UNDER_BILLED, DISCIPLINE_MODIFIER, UNPAIRED_ASSISTANT,
                MODIFIER_DIFFERS, NOT_DOCUMENTED, ASSISTANT_MODIFIER_NOT_APPLICABLE, KX_UNVERIFIED, UNKNOWN_MODIFIER,
                CONTRADICTORY_MODIFIERS, REQUIRED_MODIFIER_MISSING, ZERO_UNITS, SAME_LINE_TWICE,
                GA_WITHOUT_NOTICE, NCCI_BUNDLED, KX_NOT_MEDICARE);
    }

    /**
     * MW-B001's condition: a timed code the visit documents, but with no minutes or periods on any of its lines, so
     * its billed units cannot be checked (a claim read from an 837, billed rows without minutes). The batch audit
     * counts such units apart ({@code unitsUnverified}).
     */
    public static boolean unverifiable(Visit v, String code, CodeCatalog codes) {
        CodeInfo info = codes.getOrNull(code);
        if (info == null || !info.timed() || !documentedWithoutTime(v, code)) {
            return false;
        }
        // 97130 on a row of its own (the CSV layout's corrected claim) beside 97129's minutes: one service's minutes
        // (RULES.md §1), which the units are counted from.
        for (ServiceLine l : v.services()) {
            if (!l.code().equals(code) && org.minutewise.core.units.Cognitive.sameService(l.code(), code)
                    && l.hasTime()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the visit documents the code, but with no minutes or periods on any of its lines (timed or not): the
     * engine cannot count its units.
     */
    public static boolean documentedWithoutTime(Visit v, String code) {
        boolean documented = false;
        for (ServiceLine l : v.services()) {
            if (l.code().equals(code)) {
                if (l.hasTime()) {
                    return false;
                }
                documented = true;
            }
        }
        return documented;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        Visit v = ctx.visit();
        if (v.billed().isEmpty()) {
            return;
        }
        CodeTally billedByCode = new CodeTally(v.billed().size());
        // A chiropractor's therapy to Medicare (not covered, GY): a KX billed on it is simply not supported.
        java.util.Set<String> notCovered = ClaimBuilder.notCovered(ctx);
        for (int i = 0; i < v.billed().size(); i++) {
            BilledLine b = v.billed().get(i);
            billedByCode.add(b.code(), b.units(), b.modifiers());
            CodeInfo info = ctx.ref().codes().getOrNull(b.code());
            boolean therapy = info != null && !info.disciplines().isEmpty();
            Discipline expected = ClaimBuilder.documentedDiscipline(v, b.code());
            List<String> disc = disciplineModifiers(b.modifiers());
            boolean wrongDiscipline = therapy && (disc.size() != 1 || !disc.get(0).equals(expected.modifier()));
            // Each assistant modifier against its own pair (CQ with GP, CO with GO): a line may carry both.
            String pairedByTheFix = null;
            List<String> unpaired = new ArrayList<>(0);
            for (String assistant : ASSISTANT_PAIRS.keySet()) {
                String pair = ASSISTANT_PAIRS.get(assistant);
                if (!b.modifiers().contains(assistant) || b.modifiers().contains(pair)) {
                    continue;
                }
                if (wrongDiscipline && pair.equals(expected.modifier())) {
                    // The discipline modifier MW-B004 asks for also pairs this one: one cause, one block.
                    pairedByTheFix = assistant;
                } else {
                    unpaired.add(assistant);
                }
            }
            if (wrongDiscipline) {
                out.add(DISCIPLINE_MODIFIER.finding(billedPath(i), b.code() + " is billed with "
                        + (disc.isEmpty() ? "no discipline modifier" : String.join(", ", disc)) + "; under the "
                        + expected.label() + " plan of care it needs exactly " + expected.modifier()
                        + (pairedByTheFix != null ? ", which the line's " + pairedByTheFix + " also needs beside it"
                        : "") + "."));
            }
            boolean assistantModifier = ClaimBuilder.assistantModifier(b.modifiers());
            if (assistantModifier && !ClaimBuilder.assistantModifiersApply(v, ctx.payer())) {
                out.add(ASSISTANT_MODIFIER_NOT_APPLICABLE.finding(billedPath(i), b.code() + " carries "
                        + (b.modifiers().contains("CQ") ? "CQ" : "CO") + ", which does not apply here (setting "
                        + v.setting().wire() + ", payer " + ctx.payer().id() + ", date " + v.dateOfService() + ")."));
            }
            for (String assistant : unpaired) {
                out.add(UNPAIRED_ASSISTANT.finding(billedPath(i), b.code() + " carries " + assistant + " without "
                        + ASSISTANT_PAIRS.get(assistant) + ": " + ("CQ".equals(assistant) ? "CQ (a physical therapist "
                        + "assistant's service) goes only with GP" : "CO (an occupational therapy assistant's "
                        + "service) goes only with GO") + ", and a line with an unpaired one is returned as "
                        + "unprocessable."));
            }
            for (String m : b.modifiers()) {
                if (!ctx.ref().codes().modifierKnown(m)) {
                    out.add(UNKNOWN_MODIFIER.finding(billedPath(i), b.code() + " is billed with "
                            + m + ", which is not in Minutewise's modifier list; it is kept as billed and not "
                            + "checked."));
                }
            }
            if (!sent(ctx, b)) {
                out.add(ZERO_UNITS.finding("billed[" + i + "].units", b.code() + " is billed on a line of 0 units"
                        + b.charge().map(ch -> " with a charge of $" + ch.toPlainString()).orElse("") + ": payer "
                        + ctx.payer().id() + " takes no 0-unit line (its profile's sendZeroUnitLines is false) and "
                        + "returns it as invalid units of service, and a claim written from these lines (837, FHIR) "
                        + "would carry it as it is."));
            }
            String clash = liabilityClash(b.modifiers());
            if (clash != null) {
                out.add(CONTRADICTORY_MODIFIERS.finding(billedPath(i), b.code() + " carries "
                        + clash + ": the two contradict each other and the line is returned unprocessable."));
            }
        }
        sameLineTwice(ctx, v.billed(), out);
        purposeModifiers(ctx, out);
        kxNotMedicare(ctx, out);
        List<String> kxUnverified = null;
        Set<String> tieOver = null;
        List<ClaimLine> engineLines = ClaimBuilder.of(ctx).lines();
        CodeTally engineByCode = new CodeTally(engineLines.size());
        for (ClaimLine l : engineLines) {
            engineByCode.add(l.code(), l.units(), l.modifiers());
        }
        for (int c = 0; c < billedByCode.size(); c++) {
            String code = billedByCode.code(c);
            int units = billedByCode.units(c);
            CodeInfo info = ctx.ref().codes().getOrNull(code);
            boolean documented = false;
            boolean hasTime = false;
            boolean cognitive = Cognitive.isPair(code);
            for (ServiceLine l : v.services()) {
                // 97129 and 97130 are one service's minutes: either documents the pair (RULES.md §1).
                if (Cognitive.sameService(l.code(), code)) {
                    documented = true;
                    hasTime |= l.hasTime();
                }
            }
            if (!documented) {
                out.add(NOT_DOCUMENTED.finding(codePath(code), code + " is billed (" + units
                        + (units == 1 ? " unit" : " units") + ") but no service of that code is documented on the "
                        + "visit."));
                continue;
            }
            if (unverifiable(v, code, ctx.ref().codes())) {
                out.add(CANNOT_VERIFY.finding(codePath(code), code + " is billed with " + units
                        + (units == 1 ? " unit" : " units") + ", but no "
                        + "minutes are documented for it, so the units cannot be checked against the minutes "
                        + "table."));
            } else if (info != null) {
                int e = engineByCode.indexOf(code);
                int supported = e < 0 ? 0 : engineByCode.units(e);
                String split = cognitive ? " (" + ClaimBuilder.COGNITIVE_BASE + " takes the first unit of the "
                        + "cognitive minutes, once; " + ClaimBuilder.COGNITIVE_ADD_ON + " the others)" : "";
                if (units > supported && withinTie(ctx.units().partOf(code), code, units)) {
                    // A share the professional may choose: judged for the tied codes together below.
                    tieOver = tieOver == null ? new java.util.HashSet<>(2) : tieOver;
                    tieOver.add(code);
                } else if (units > supported) {
                    out.add(OVER_BILLED.finding(codePath(code), code + " is billed with " + units
                            + (units == 1 ? " unit" : " units") + "; " + (info.timed()
                            ? "the documented minutes support " + supported + " under the "
                            + ctx.units().method().label() + split + (cognitive ? "" : arithmetic(ctx, code)) + "."
                            : "it is an untimed code, billed " + (info.group() ? "one unit per patient for the group "
                            + "session" : "one unit a day") + " whatever the minutes, and the documented service "
                            + "supports " + supported + ".")));
                } else if (units < supported) {
                    out.add(UNDER_BILLED.finding(codePath(code), code + " is billed with " + units
                            + (units == 1 ? " unit" : " units") + "; the documented minutes support " + supported
                            + split + "."));
                }
            }
            if (!hasTime) {
                continue; // billed input without minutes carries no roles either: modifiers cannot be judged
            }
            int e = engineByCode.indexOf(code);
            List<String> engine = e < 0 ? List.of() : engineByCode.modifiers(e);
            List<String> billed = billedByCode.modifiers(c);
            List<String> compared = billed;
            if (billed.contains("KX") && ctx.payer().isMedicare() && !engine.contains("KX") && !notCovered.contains(code)
                    && v.patient().spentBefore(ClaimBuilder.documentedDiscipline(v, code)).signum() == 0) {
                // No expenses before this visit are known: whether the threshold is passed is not for this visit
                // alone to say (the claim builder adds KX only from known expenses).
                kxUnverified = kxUnverified == null ? new ArrayList<>(2) : kxUnverified;
                kxUnverified.add(code);
                compared = without(billed, "KX");
            }
            Set<String> comparedSet = ctx.payer().isMedicare() ? COMPARED_MEDICARE : COMPARED_NOT_MEDICARE;
            if (v.abn().isEmpty() && compared.contains("GZ")) {
                // GZ says no notice was given: a visit that records no ABN does not contradict it.
                compared = without(compared, "GZ");
            }
            if (billedPairSpeaks(ctx, code)) {
                // A pair only the billed claim holds (MW-E003/E004/E011, or MW-B016 from the NCCI check): that
                // finding speaks for 59/X on this code.
                compared = withoutDistinct(compared);
                engine = withoutDistinct(engine);
            } else {
                compared = sameBypass(engine, compared);
            }
            int billedAssistant = assistantUnits(v.billed(), code);
            int engineAssistant = assistantUnitsOf(engineLines, code);
            if (!comparedDiffer(engine, compared, comparedSet)) {
                if (billedAssistant > 0 && engineAssistant > 0 && billedAssistant != engineAssistant
                        && e >= 0 && engineByCode.units(e) == units && !cognitive) {
                    // The same modifiers, on a different number of the same units: CQ/CO is judged unit by unit
                    // (with other units than supported, MW-B002/B003 say so first).
                    String m = billed.contains("CQ") ? "CQ" : "CO";
                    // Fewer units with CQ/CO than the documentation supports are paid in full: an overpayment.
                    RuleInfo rule = billedAssistant < engineAssistant ? REQUIRED_MODIFIER_MISSING : MODIFIER_DIFFERS;
                    out.add(rule.finding(codePath(code) + ".modifiers", code + " is billed with " + m
                            + " on " + billedAssistant + (billedAssistant == 1 ? " unit" : " units") + "; the "
                            + "documentation supports " + m + " on " + engineAssistant + " of its " + units
                            + (units == 1 ? " unit" : " units") + " (de minimis: a unit carries " + m
                            + " when the assistant furnished more than 10% of it): bill "
                            + splitLines(code, without(billed, m), m, engineAssistant, units, List.of()) + "."));
                }
                continue; // the usual case: no set of differences to build
            }
            Set<String> missing = new LinkedHashSet<>(engine);
            missing.removeAll(compared);
            missing.retainAll(comparedSet);
            Set<String> extra = new LinkedHashSet<>(compared);
            extra.removeAll(engine);
            extra.retainAll(comparedSet);
            if (extra.contains("GA") && v.abn().orElse(null) == org.minutewise.core.model.Abn.NOT_GIVEN) {
                // A false attestation, not a choice of modifier: GA shifts the liability to the patient on a notice
                // the record says was never given.
                out.add(GA_WITHOUT_NOTICE.finding(codePath(code) + ".modifiers", code + " is billed with GA, which "
                        + "says the patient signed an Advance Beneficiary Notice for it, but the visit records that "
                        + "none was given (abn: not given): the claim would make the patient liable without a valid "
                        + "notice. Bill GZ instead, or correct abn if a signed notice is on file."));
                extra.remove("GA");
                missing.remove("GZ");
            }
            List<String> required = new ArrayList<>(2);
            for (String m : REQUIRED) {
                if (missing.remove(m)) {
                    required.add(m);
                }
            }
            if (!required.isEmpty()) {
                String assistant = required.contains("CQ") ? "CQ" : required.contains("CO") ? "CO" : null;
                String count = "";
                if (assistant != null && billedAssistant == 0 && engineAssistant > 0 && !cognitive) {
                    // How many units need it, and the lines that say so (de minimis is judged unit by unit).
                    int supportedUnits = e < 0 ? 0 : engineByCode.units(e);
                    count = " The documentation supports " + assistant + " on " + engineAssistant + " of "
                            + (supportedUnits == units ? "its " + units : "the " + supportedUnits + " supported")
                            + (units == 1 && supportedUnits == units ? " unit" : " units") + (supportedUnits == units
                            ? ": bill " + splitLines(code, billed, assistant, engineAssistant, units,
                            required.contains("KX") ? List.of("KX") : List.of()) : "")
                            + " (de minimis per unit: a unit carries " + assistant + " when the assistant furnished "
                            + "more than 10% of it; RULES.md §4).";
                }
                out.add(REQUIRED_MODIFIER_MISSING.finding(codePath(code) + ".modifiers", code + " is billed with "
                        + "modifiers " + billed + " without " + String.join(" and ", required) + ", which the "
                        + "documentation requires: " + requiredWhy(required) + "." + count, requiredFix(required)));
            }
            if (missing.isEmpty() && extra.isEmpty()) {
                continue; // all said: by MW-B012 (KX, CQ/CO), or MW-B015 (GA against a notice not given)
            }
            out.add(MODIFIER_DIFFERS.finding(codePath(code) + ".modifiers", code + " is billed with modifiers "
                    + billed + "; the documentation supports " + engine
                    + (missing.isEmpty() ? "" : ". Missing: " + String.join(", ", missing))
                    + (extra.isEmpty() ? "" : ". Not supported: " + String.join(", ", extra))
                    + abnNote(v, missing, extra)
                    + (distinctOnly(extra) && !pairOnClaim(ctx, code) ? " (no NCCI pair on this claim calls for it; "
                    + "when it bypasses a pair with "
                    + "a code billed on another claim of the same day, MW-A008 of the checks across visits is the one "
                    + "to follow)" : "") + "."));
        }
        if (tieOver != null) {
            // Each discipline's tie on its own: one discipline's over-billing is not cancelled by another's under.
            for (UnitResult part : ctx.units().byDiscipline().isEmpty() ? List.of(ctx.units())
                    : ctx.units().byDiscipline().values()) {
                if (part.professionalChoice() && !java.util.Collections.disjoint(part.tiedCodes(), tieOver)) {
                    tieOverBilled(part, billedByCode, engineByCode, out);
                }
            }
        }
        // A code the documentation supports that is not billed at all: units left off the claim (and 97130 billed
        // without its base 97129 is denied).
        for (int e = 0; e < engineByCode.size(); e++) {
            String code = engineByCode.code(e);
            int supported = engineByCode.units(e);
            boolean bundled = ctx.payer().isMedicare() && (PaymentEstimator.MEDICARE_BUNDLED.contains(code)
                    || PaymentEstimator.MEDICARE_NOT_PAYABLE.contains(code));
            if (supported > 0 && !bundled && billedByCode.indexOf(code) < 0
                    && !unverifiable(v, code, ctx.ref().codes())) {
                boolean cognitive = Cognitive.isPair(code);
                out.add(UNDER_BILLED.finding(codePath(code), code + " is not billed; the documented minutes "
                        + "support " + supported + (supported == 1 ? " unit" : " units") + (cognitive ? " ("
                        + ClaimBuilder.COGNITIVE_ADD_ON + " is never paid without " + ClaimBuilder.COGNITIVE_BASE
                        + ", which takes the first unit of the cognitive minutes)" : "") + "."));
            }
        }
        if (kxUnverified != null) {
            out.add(KX_UNVERIFIED.finding("billed", String.join(", ", kxUnverified) + (kxUnverified.size() == 1
                    ? " carries" : " carry") + " KX, but the visit gives no therapy expenses incurred earlier this "
                    + "year, so this visit alone cannot show the threshold is passed."));
        }
    }

    /**
     * MW-B006 for 96/97: on a visit whose purpose is known (stated, or a billed 96 or 97 gives it), the sent lines
     * that carry the other purpose's modifier, and, for a payer asking for 96/97 on every line, those that lack the
     * purpose's own; one finding for them all. A visit that states no purpose and bills neither is MW-M002's.
     */
    private static void purposeModifiers(CheckContext ctx, List<Finding> out) {
        Visit v = ctx.visit();
        if (!v.purposeStated()) {
            return;
        }
        String own = v.purpose().modifier();
        String other = v.purpose().otherModifier();
        boolean asks = ctx.payer().habilitativeModifiers();
        List<String> wrong = new ArrayList<>(0);
        List<String> lacking = new ArrayList<>(0);
        int first = -1;
        for (int i = 0; i < v.billed().size(); i++) {
            BilledLine b = v.billed().get(i);
            boolean carriesOther = b.modifiers().contains(other);
            boolean lacks = asks && !b.modifiers().contains(own);
            if (!sent(ctx, b) || !carriesOther && !lacks) {
                continue;
            }
            first = first < 0 ? i : first;
            (carriesOther ? wrong : lacking).add(b.code() + " (billed[" + i + "])");
        }
        if (first < 0) {
            return;
        }
        String purpose = v.purpose() == org.minutewise.core.model.Purpose.HABILITATIVE ? "habilitative"
                : "rehabilitative";
        String otherPurpose = purpose.equals("habilitative") ? "rehabilitative" : "habilitative";
        List<String> said = new ArrayList<>(2);
        if (!wrong.isEmpty()) {
            said.add(String.join(", ", wrong) + (wrong.size() == 1 ? " carries " : " carry ") + other + " ("
                    + otherPurpose + ")");
        }
        if (!lacking.isEmpty()) {
            said.add(String.join(", ", lacking) + (lacking.size() == 1 ? " carries" : " carry") + " neither");
        }
        // When the billed lines themselves could have given the purpose (96 and 97 on different lines), say how.
        String how = org.minutewise.core.model.Purpose.ofBilled(v.billed()).filter(p -> p == v.purpose()).isPresent()
                && !wrong.isEmpty() ? "; a visit that states none takes it from a billed 96, else 97" : "";
        out.add(MODIFIER_DIFFERS.finding(billedPath(first), "The visit's purpose is " + purpose + " (" + own + how
                + "), but " + String.join(", and ", said)
                + "." + (asks ? " Missing: " + own + "." : "") + (wrong.isEmpty() ? "" : " Not supported: " + other
                + ".") + (asks ? " Payer " + ctx.payer().id() + " asks for 96 (habilitative) or 97 (rehabilitative) "
                + "on every line, and the line must say the visit's purpose." : " Payer " + ctx.payer().id()
                + " does not ask for 96/97, but a line that carries one says the visit's purpose; the corrected "
                + "claim carries " + own + " in its place."), "Bill every line with the modifier of the visit's "
                + "purpose: 96 when the therapy builds skills the patient never had (habilitative, such as a child's "
                + "developmental delay), 97 when it restores function lost to an illness or injury (rehabilitative). "
                + "If the billed modifier is the right one, correct the visit's purpose so the two agree."));
    }

    /**
     * MW-B017: the codes billed with KX to a payer that is not Medicare fee for service, once a visit. Said whatever
     * the minutes (a claim read back from an 837 too): the verdict is the payer's, not the documentation's.
     */
    private static void kxNotMedicare(CheckContext ctx, List<Finding> out) {
        if (ctx.payer().isMedicare()) {
            return;
        }
        List<String> codes = null;
        for (BilledLine b : ctx.visit().billed()) {
            if (b.modifiers().contains("KX") && sent(ctx, b)) {
                codes = codes == null ? new ArrayList<>(2) : codes;
                if (!codes.contains(b.code())) {
                    codes.add(b.code());
                }
            }
        }
        if (codes == null) {
            return;
        }
        org.minutewise.core.payer.PayerKind kind = ctx.payer().kind();
        boolean advantage = kind == org.minutewise.core.payer.PayerKind.MEDICARE_ADVANTAGE;
        boolean medicareSecondary = ctx.visit().secondaryPayer().flatMap(id -> ctx.ref().payers().find(id))
                .filter(org.minutewise.core.payer.PayerProfile::isMedicare).isPresent();
        out.add(KX_NOT_MEDICARE.finding("billed", String.join(", ", codes) + (codes.size() == 1 ? " carries"
                : " carry") + " KX, and payer " + ctx.payer().id() + " (" + kind.wire() + ") is not Medicare fee "
                + "for service. KX is original Medicare's therapy-threshold modifier (the patient's incurred therapy "
                + "expenses for the year past the threshold); Minutewise counts that threshold for Medicare fee for "
                + "service only, so it keeps KX as billed and does not judge it: whether this payer wants KX is "
                + "its own policy" + (advantage ? " (a Medicare Advantage plan may follow Medicare's threshold or "
                + "not; its contract says)" : "") + "." + (medicareSecondary ? " Medicare, the secondary payer, "
                + "judges KX on the claim that reaches it (MW-S003)." : "")));
    }

    /**
     * MW-B014: lines of one code with the same modifiers (as a set) on one claim, which is one date of service.
     * Payers deny the later line as a duplicate (CARC 18) or hold each line to a per-line MUE on its own; the claim
     * bills the code once per set of modifiers, the units summed. A line of 0 units MW-B013 removes is not counted.
     */
    private static void sameLineTwice(CheckContext ctx, List<BilledLine> billed, List<Finding> out) {
        int n = billed.size();
        boolean[] told = null;
        for (int i = 0; i < n - 1; i++) {
            BilledLine first = billed.get(i);
            if (told != null && told[i] || !sent(ctx, first)) {
                continue;
            }
            List<Integer> same = null;
            for (int j = i + 1; j < n; j++) {
                BilledLine b = billed.get(j);
                if (b.code().equals(first.code()) && sent(ctx, b) && sameSet(first.modifiers(), b.modifiers())) {
                    same = same == null ? new ArrayList<>(2) : same;
                    same.add(j);
                    told = told == null ? new boolean[n] : told;
                    told[j] = true;
                }
            }
            if (same == null) {
                continue;
            }
            same.add(0, i);
            if (ClaimBuilder.assistantModifier(first.modifiers()) && same.size() <= supervisorLines(ctx, first.code())) {
                continue; // one CQ/CO line per supervisor, as the claim builder splits them: not duplicates
            }
            StringBuilder lines = new StringBuilder();
            int units = 0;
            for (int k = 0; k < same.size(); k++) {
                BilledLine b = billed.get(same.get(k));
                units += b.units();
                lines.append(k == 0 ? "" : k == same.size() - 1 ? " and " : ", ").append("billed[")
                        .append(same.get(k)).append("] (x").append(b.units()).append(')');
            }
            String code = first.code();
            String asOne = code + (first.modifiers().isEmpty() ? "" : " " + String.join(" ", first.modifiers()));
            String mods = first.modifiers().isEmpty() ? "no modifiers" : "the same modifiers ("
                    + String.join(", ", first.modifiers()) + ")";
            out.add(SAME_LINE_TWICE.finding("billed[" + same.get(1) + "].units", code + " is billed on "
                    + same.size() + " lines with " + mods + ": " + lines + ". Payers deny the later line as a "
                    + "duplicate (CARC 18) or hold each line to the code's MUE on its own; bill " + asOne + " x"
                    + units + " on one line." + overLineMue(ctx, code, units)));
        }
    }

    /**
     * The CQ/CO lines of a code the documentation splits by supervisor (assistants under different supervisors, one line
     * each: ClaimBuilder.bySupervisor); without minutes to split by (an 837 read back, each line's supervisor from its
     * 2420A), the supervisors its assistants name. 0 when that is one line or none.
     */
    private static int supervisorLines(CheckContext ctx, String code) {
        int n = 0;
        for (ClaimLine l : ClaimBuilder.of(ctx).lines()) {
            n += l.code().equals(code) && l.assistantUnit() && l.units() > 0 ? 1 : 0;
        }
        if (n < 2 && unverifiable(ctx.visit(), code, ctx.ref().codes())) {
            List<Integer> idx = new ArrayList<>(2);
            for (int i = 0; i < ctx.visit().services().size(); i++) {
                if (ctx.visit().services().get(i).code().equals(code)) {
                    idx.add(i);
                }
            }
            n = ClaimBuilder.assistantSupervisors(ctx.visit().services(), idx).size();
        }
        return n > 1 ? n : 0;
    }

    /** Whether a billed line goes on the claim as it is: not a 0-unit line MW-B013 says the payer takes none of. */
    private static boolean sent(CheckContext ctx, BilledLine b) {
        return b.units() > 0 || ctx.payer().sendZeroUnitLines();
    }

    /** Two modifier lists hold the same modifiers, whatever their order. */
    static boolean sameSet(List<String> a, List<String> b) {
        return a.containsAll(b) && b.containsAll(a);
    }

    /**
     * MW-B014's note when the summed units pass a per-line MUE (adjudication indicator 1): the split lines each kept
     * under it, the one line is denied whole. Empty otherwise (a day's MUE counts the lines together: MW-E006).
     */
    private static String overLineMue(CheckContext ctx, String code, int units) {
        return ctx.ref().mue().find(code, ctx.visit().dateOfService())
                .filter(m -> m.adjudicationIndicator() == 1 && units > m.maxUnits())
                .map(m -> " The " + units + " units together pass " + code + "'s MUE of " + m.maxUnits() + " a line "
                        + "(adjudication indicator " + m.indicatorText() + "): a line of more is denied whole "
                        + "(MW-E006), and splitting the units over lines does not get around it.")
                .orElse("");
    }

    /** The billed units of a code that carry CQ or CO. */
    private static int assistantUnits(List<BilledLine> billed, String code) {
        int n = 0;
        for (BilledLine b : billed) {
            if (b.code().equals(code) && ClaimBuilder.assistantModifier(b.modifiers())) {
                n += b.units();
            }
        }
        return n;
    }

    /** The claim's units of a code that carry CQ or CO. */
    private static int assistantUnitsOf(List<ClaimLine> lines, String code) {
        int n = 0;
        for (ClaimLine l : lines) {
            if (l.code().equals(code) && ClaimBuilder.assistantModifier(l.modifiers())) {
                n += l.units();
            }
        }
        return n;
    }

    private static List<String> without(List<String> modifiers, String m) {
        List<String> out = new ArrayList<>(modifiers);
        out.remove(m);
        return out;
    }

    /** True when a compared modifier is in one list and not the other. */
    private static boolean comparedDiffer(List<String> engine, List<String> billed, Set<String> comparedSet) {
        for (String m : engine) {
            if (comparedSet.contains(m) && !billed.contains(m)) {
                return true;
            }
        }
        for (String m : billed) {
            if (comparedSet.contains(m) && !engine.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The billed modifiers with a 59 or X{E,P,S,U} read as the one the documentation supports when that is also one
     * of them: 59 and the X modifiers bypass the same NCCI edit (RULES.md §4; NCCI Policy Manual ch. I), so XU
     * billed where Minutewise would bill 59 (the payer's preference) is no difference. A second one billed beside
     * it stays as billed.
     */
    static List<String> sameBypass(List<String> engine, List<String> billed) {
        String supported = NcciAnalysis.distinctModifierOf(engine);
        String asBilled = NcciAnalysis.sameBypassBilled(billed, supported);
        if (asBilled == null) {
            return billed;
        }
        List<String> out = new ArrayList<>(billed);
        out.set(out.indexOf(asBilled), supported);
        return out;
    }

    private static List<String> withoutDistinct(List<String> modifiers) {
        if (NcciAnalysis.distinctModifierOf(modifiers) == null) {
            return modifiers;
        }
        List<String> out = new ArrayList<>(modifiers);
        out.removeAll(org.minutewise.core.payer.PayerProfile.DISTINCT_MODIFIERS);
        return out;
    }

    /**
     * A pair only the billed claim holds, whose modified code is {@code code}, that NcciPairs judges on the billed
     * line's 59/X (no times, or times or regions that support the bypass). Times that overlap leave 59/X to this
     * rule: not supported.
     */
    private static boolean billedPairSpeaks(CheckContext ctx, String code) {
        for (NcciAnalysis.Pair p : NcciAnalysis.of(ctx)) {
            if (p.modifiedCode().equals(code) && NcciAnalysis.judgedOnBilledLine(ctx, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lines to bill for a code whose units are split by CQ/CO ("97110 GP CQ x2 and 97110 GP x1"): the billed
     * modifiers (without the assistant modifier) and {@code add}, the assistant modifier after the discipline one.
     */
    static String splitLines(String code, List<String> billed, String assistant, int assistantUnits, int units,
                             List<String> add) {
        List<String> base = new ArrayList<>(billed);
        base.remove(assistant);
        for (String m : add) {
            if (!base.contains(m)) {
                base.add(m);
            }
        }
        List<String> withAssistant = new ArrayList<>(base);
        int at = 0;
        for (int i = 0; i < withAssistant.size(); i++) {
            if (Discipline.isModifier(withAssistant.get(i))) {
                at = i + 1;
            }
        }
        withAssistant.add(at, assistant);
        String first = code + " " + String.join(" ", withAssistant) + " x" + assistantUnits;
        return assistantUnits >= units ? first
                : first + " and " + code + (base.isEmpty() ? "" : " " + String.join(" ", base)) + " x"
                + (units - assistantUnits);
    }

    /** MW-B012's fix for what is missing: KX, CQ/CO, or both. */
    private static String requiredFix(List<String> required) {
        boolean kx = required.contains("KX");
        boolean assistant = required.contains("CQ") || required.contains("CO");
        if (kx && !assistant) {
            return "Add KX before sending the claim: past the KX threshold a line without KX is denied.";
        }
        if (assistant && !kx) {
            return "Bill the lines the message gives: the units an assistant furnished in part (more than 10% of "
                    + "each) carry the assistant modifier and are paid at 85%; billed without it, the line is "
                    + "overpaid.";
        }
        return REQUIRED_MODIFIER_MISSING.fix();
    }

    /** What GA or GZ billed against the visit's ABN means, in a sentence (empty when neither differs). */
    private static String abnNote(Visit v, Set<String> missing, Set<String> extra) {
        if (extra.contains("GA") && v.abn().isEmpty()) {
            return " (GA says the patient signed an Advance Beneficiary Notice, and the visit records none (abn): "
                    + "keep the signed notice with the record, or remove GA; without a valid notice the clinic, not "
                    + "the patient, is liable)";
        }
        if (extra.contains("GA") || extra.contains("GZ") || missing.contains("GA") || missing.contains("GZ")) {
            return " (the visit's ABN (abn) is " + v.abn().map(a -> a == org.minutewise.core.model.Abn.GIVEN
                    ? "given: GA" : "not given: GZ").orElse("not recorded: neither GA nor GZ") + ")";
        }
        return "";
    }

    /**
     * {@code code} is one of a tie at the cut-off and {@code units} is no more than one of the allocations the
     * professional may choose gives it: its own units are not over-billed, the tied codes' sum may be.
     */
    private static boolean withinTie(UnitResult u, String code, int units) {
        if (!u.professionalChoice() || !u.tiedCodes().contains(code)) {
            return false;
        }
        if (units <= u.unitsOf(code)) {
            return true;
        }
        for (java.util.Map<String, Integer> alt : u.alternatives()) {
            if (units <= alt.getOrDefault(code, 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tied codes billed with more units together than the minutes support between them: one finding for the tie
     * (each code alone is billed within an allocation the professional may choose, so neither is over-billed alone).
     */
    private static void tieOverBilled(UnitResult u, CodeTally billedByCode, CodeTally engineByCode,
                                      List<Finding> out) {
        int billed = 0;
        int supported = 0;
        List<String> parts = new ArrayList<>();
        for (String code : u.tiedCodes()) {
            int b = billedByCode.indexOf(code);
            int e = engineByCode.indexOf(code);
            billed += b < 0 ? 0 : billedByCode.units(b);
            supported += e < 0 ? 0 : engineByCode.units(e);
            parts.add(code + " x" + (b < 0 ? 0 : billedByCode.units(b)));
        }
        if (billed <= supported) {
            return;
        }
        out.add(OVER_BILLED.finding(codePath(u.tiedCodes().get(0)), String.join(", ", parts) + " are billed: "
                + billed + " units together, where the documented minutes support " + supported + " between them "
                + "under the " + u.method().label() + ". They tie for the unit left over, which the qualified "
                + "professional gives to one of them, not to each (the explanation lists the choices)."));
    }

    private static String codePath(String code) {
        return "billed[code=" + code + "]";
    }

    private static String billedPath(int i) {
        return "billed[" + i + "].modifiers";
    }

    /** The GP/GO/GN among a line's modifiers, in order (most lines have exactly one: no list is built then). */
    private static List<String> disciplineModifiers(List<String> modifiers) {
        String only = null;
        int count = 0;
        for (String m : modifiers) {
            if (Discipline.isModifier(m)) {
                only = m;
                count++;
            }
        }
        if (count <= 1) {
            return count == 0 ? List.of() : List.of(only);
        }
        List<String> all = new ArrayList<>(count);
        for (String m : modifiers) {
            if (Discipline.isModifier(m)) {
                all.add(m);
            }
        }
        return all;
    }

    /** The code is the one an NCCI pair of this claim would modify (whatever the pair's status). */
    private static boolean pairOnClaim(CheckContext ctx, String code) {
        for (NcciAnalysis.Pair p : NcciAnalysis.of(ctx)) {
            if (p.modifiedCode().equals(code) || p.edit().column2().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Modifiers that are all 59 or X{E,P,S,U}: what the checks across visits may call for. */
    private static boolean distinctOnly(Set<String> extra) {
        if (extra.isEmpty()) {
            return false;
        }
        return org.minutewise.core.payer.PayerProfile.DISTINCT_MODIFIERS.containsAll(extra);
    }
}
