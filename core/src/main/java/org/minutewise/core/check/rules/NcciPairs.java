package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.NcciAnalysis;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.units.Cognitive;

/**
 * NCCI procedure-to-procedure pairs billed the same day (RULES.md §4-§5): one finding id per outcome, so each
 * reads like the policy. The modifier goes on the column-two code only when the services were done in
 * different time intervals.
 */
public final class NcciPairs implements Rule {
    private static final String BY_REGION_CHANGE = "2026-12-05: manipulation (98940-98942) beside 97112, 97124 "
            + "or 97140 is decided by body region (MW-E009 to MW-E011), not by time intervals";
    private static final String BILLED_PAIR_CHANGE = "2026-12-07: also a pair only the billed claim holds (an 837 "
            + "without minutes, or a code the minutes give no unit), said of the billed line's modifiers (an "
            + "integrator's review: such pairs were never checked)";
    private static final String ADD_ON_CHANGE = "2026-12-07: 97130 (the cognitive minutes after 97129's first unit) "
            + "is a code of its own pairs, timed by the cognitive service's documented times whichever of the two "
            + "codes they were documented under: it went out without the 59/X its pair needs (an SLP coder's review)";
    public static final RuleInfo NOT_BYPASSABLE = new RuleInfo("MW-E001", Severity.BLOCK,
            "NCCI pair that no modifier can bypass",
            "Bill only the column-one code for this date, or correct the codes.",
            "NCCI Policy Manual ch. I; NCCI PTP edit with modifier indicator 0", Citations.NCCI_MANUAL)
            .revised(2, ADD_ON_CHANGE);
    public static final RuleInfo OVERLAP = new RuleInfo("MW-E002", Severity.BLOCK,
            "NCCI pair done in the same time interval",
            "59 or an X modifier may be used only when the two services were done in different time intervals; "
                    + "correct the times or bill one of the codes.",
            "NCCI Policy Manual ch. XI §P; ch. I (modifier 59)", Citations.NCCI_MANUAL)
            .revised(2, BY_REGION_CHANGE)
            .revised(3, "2026-12-06: not when the overlapping minutes are already blocked as the same minutes under "
                    + "two codes (MW-U003) or as group and individual time at once (MW-G001), whose finding names the "
                    + "pair: one cause, one block")
            .revised(4, ADD_ON_CHANGE);
    public static final RuleInfo NO_TIMES = new RuleInfo("MW-E003", Severity.WARN,
            "NCCI pair without times that show separate intervals",
            "Document start and end times for both services so the separate intervals (and 59/X) are supported.",
            "NCCI Policy Manual ch. XI §P; ch. I (modifier 59)", Citations.NCCI_MANUAL)
            .revised(2, BY_REGION_CHANGE)
            .revised(3, BILLED_PAIR_CHANGE)
            .revised(4, "2026-12-07: not for a billed claim whose column-two line carries no 59/X beside a documented "
                    + "column-one code: MW-B016 blocks it (the line is denied for certain) and its fix asks for the "
                    + "times; one cause, one finding")
            .revised(5, ADD_ON_CHANGE);
    public static final RuleInfo BYPASSED = new RuleInfo("MW-E004", Severity.INFO,
            "NCCI pair bypassed with 59/X",
            "Nothing to fix; keep the start and end times in the note: they are what supports the modifier.",
            "NCCI Policy Manual ch. XI §P; ch. I (modifier 59)", Citations.NCCI_MANUAL)
            .revised(2, BY_REGION_CHANGE)
            .revised(3, BILLED_PAIR_CHANGE + "; an X modifier billed where Minutewise adds 59 (or the other way) "
                    + "is said to be the same bypass, the added one the payer profile's preference only (a billing "
                    + "expert's review)")
            .revised(4, "2026-12-07: two services done at different times take XU (or 59), whatever X modifier the "
                    + "payer profile names: a profile's XS, XE or XP was added as is, though those say a separate "
                    + "structure, encounter or practitioner")
            .revised(5, "2026-12-07: not for a billed claim whose line of the column-two code lacks the 59/X the "
                    + "times support: it said 59 \"was added\"; MW-B006 now says the billed line is denied as part of "
                    + "the column-one code, and the estimate of the billed claim prices it at $0 (a Medicare biller's "
                    + "review)")
            .revised(6, ADD_ON_CHANGE);
    public static final RuleInfo PAYER_DENIES = new RuleInfo("MW-E005", Severity.WARN,
            "Payer denies 59/X on this pair",
            "Expect this payer to deny the column-two code; bill it only if the payer's policy allows it. The loss "
                    + "of a bundling denial is the clinic's, not the patient's: an ABN does not shift it, and network "
                    + "contracts usually forbid billing the patient for it.",
            "Payer profile (deniedDistinctPairs); NCCI Policy Manual ch. I (an ABN cannot be used for an NCCI "
                    + "denial)", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-07: the fix no longer suggests an ABN: a bundling denial is not the patient's to pay "
                    + "(a billing expert's review)");

    private static final String REGION_CITATION = "NCCI Policy Manual ch. XI (manipulation and physical medicine "
            + "in the same region); CMS Pub 100-02 ch. 15 §240.1.3; RULES.md §4";
    private static final String NOT_FOR_MEDICARE_CHIROPRACTIC = "2026-12-05: not for a chiropractor's therapy "
            + "billed to Medicare, which is not covered at all (MW-W001)";
    public static final RuleInfo SAME_REGION = new RuleInfo("MW-E009", Severity.BLOCK,
            "Therapy code in a region manipulated the same day",
            "Bill only the manipulation for that region: 97112, 97124 and 97140 in a region manipulated the same "
                    + "day are part of the manipulation. Bill them, with XS (or 59), only for a region not "
                    + "manipulated, and document that region.",
            REGION_CITATION, Citations.NCCI_MANUAL)
            .revised(2, NOT_FOR_MEDICARE_CHIROPRACTIC);
    public static final RuleInfo NO_REGIONS = new RuleInfo("MW-E010", Severity.WARN,
            "Therapy code beside manipulation without the regions treated",
            "Record the body regions of the manipulation and of the therapy code (the service line's regions): "
                    + "XS or 59 is supported only when the therapy treated a region that was not manipulated.",
            REGION_CITATION, Citations.NCCI_MANUAL)
            .revised(2, NOT_FOR_MEDICARE_CHIROPRACTIC)
            .revised(3, "2026-12-07: not for a billed claim whose therapy line carries no XS/59: MW-B016 blocks it "
                    + "(the line is denied for certain) and its fix asks for the regions; one cause, one finding");
    public static final RuleInfo OTHER_REGION = new RuleInfo("MW-E011", Severity.INFO,
            "Therapy code beside manipulation, in another region",
            "Nothing to fix; keep the regions in the note: they are what supports XS (or 59).",
            REGION_CITATION, Citations.NCCI_MANUAL)
            .revised(2, NOT_FOR_MEDICARE_CHIROPRACTIC)
            .revised(3, BILLED_PAIR_CHANGE + "; another 59/X billed than the one Minutewise adds is said to be the "
                    + "same bypass");

    @Override
    public RuleInfo info() {
        return NOT_BYPASSABLE;
    }

    /** The other ids this rule emits, for the catalog. */
    @Override
    public List<RuleInfo> emits() {
        return List.of(NOT_BYPASSABLE, OVERLAP, NO_TIMES, BYPASSED, PAYER_DENIES, SAME_REGION, NO_REGIONS,
                OTHER_REGION);
    }

    /** All the therapy code's regions manipulated, or only some (then only the others' minutes may be billed). */
    private static Finding sameRegion(CheckContext ctx, NcciAnalysis.Pair p, String source) {
        String code = p.modifiedCode();
        java.util.Set<org.minutewise.core.model.BodyRegion> treated = NcciAnalysis.regions(ctx, code);
        java.util.Set<org.minutewise.core.model.BodyRegion> manipulated = NcciAnalysis.regions(ctx, p.otherCode());
        if (manipulated.containsAll(treated)) {
            return SAME_REGION.finding("services[code=" + code + "]", code + " treated " + regions(ctx, code)
                    + ", which the manipulation (" + p.otherCode() + ") treated the same day: in the same region it "
                    + "is part of the manipulation and not separately reportable, with or without XS or 59" + source
                    + ".");
        }
        List<String> same = new java.util.ArrayList<>();
        List<String> other = new java.util.ArrayList<>();
        treated.forEach(r -> (manipulated.contains(r) ? same : other).add(r.label()));
        return SAME_REGION.finding("services[code=" + code + "]", code + " treated " + String.join(" and ", same)
                + ", which the manipulation (" + p.otherCode() + ") treated the same day, and also "
                + String.join(" and ", other) + ". Its minutes in the manipulated region are part of the manipulation; "
                + "only those in the other region are separately reportable, and one line holds both, so Minutewise "
                + "added no XS or 59" + source + ".", "Bill " + code + " only for the minutes in the region not "
                + "manipulated (" + String.join(" and ", other) + "): give its lines those minutes and that region "
                + "alone, and XS (or 59) follows; the work in the manipulated region is part of the manipulation, "
                + "not " + code + ".");
    }

    /** The regions the lines of a code documented, by their wire names ("lumbar and cervical"). */
    private static String regions(CheckContext ctx, String code) {
        List<String> names = new java.util.ArrayList<>();
        NcciAnalysis.regions(ctx, code).forEach(r -> names.add(r.label()));
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String distinctText(String preferred) {
        return preferred.equals("59") ? "59 or an X modifier" : preferred + " (or 59)";
    }

    /**
     * Whether lines of the pair's two codes share minutes that MW-U003 (the same minutes under two codes) or MW-G001
     * (group and individual time at once) already blocks: their finding names the pair, and the overlap is not
     * reported a second time as MW-E002.
     */
    private static boolean overlapBlockedAsSameMinutes(CheckContext ctx, PtpEdit e) {
        List<org.minutewise.core.model.ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                if (Cognitive.sameService(s.get(i).code(), e.column1())
                        && Cognitive.sameService(s.get(j).code(), e.column2())
                        && org.minutewise.core.model.Period.anyOverlap(s.get(i).periods(), s.get(j).periods())
                        && (SameMinuteTwice.compares(ctx, i, j)
                        || GroupTime.besideIndividual(ctx, i, j) || GroupTime.besideIndividual(ctx, j, i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What MW-U003 or MW-G001 adds when the two codes whose minutes overlap are an NCCI pair whose times overlap
     * (empty otherwise): the modifier that would bypass the pair cannot be used either.
     */
    static String sharedMinutesNote(CheckContext ctx, String a, String b) {
        for (NcciAnalysis.Pair p : NcciAnalysis.of(ctx)) {
            PtpEdit e = p.edit();
            if (p.status() == NcciAnalysis.Status.OVERLAP && (e.column1().equals(a) && e.column2().equals(b)
                    || e.column1().equals(b) && e.column2().equals(a))) {
                return pairNote(ctx, e);
            }
        }
        // The count may leave one of them no unit (the shared minutes count for the other): the pair still stands
        // for a claim that bills both.
        return ctx.ref().ptp().find(a, b, ctx.visit().dateOfService()).filter(PtpEdit::bypassable)
                .map(e -> pairNote(ctx, e)).orElse("");
    }

    /** The modifier two services done at different times take under this payer (XU, or 59): MW-E004. */
    private static String timeModifier(CheckContext ctx) {
        return NcciAnalysis.timeModifier(ctx.payer().distinctModifier());
    }

    private static String pairNote(CheckContext ctx, PtpEdit e) {
        return " They are also an NCCI pair (" + e.column1() + " column one, " + e.column2() + " column two): "
                + "done in the same minutes, they were not done in different time intervals, so "
                + distinctText(timeModifier(ctx)) + " cannot go on " + e.column2()
                + (ctx.ref().ptp().starter() ? " (Minutewise starter edit table: confirm against CMS's "
                + "current file)" : "") + ".";
    }

    /**
     * A pair that only the billed claim holds (an 837's timed codes, which have no documented minutes, or a code the
     * minutes give no unit), {@link NcciAnalysis.Pair#judgedOnBilledLine judged on the billed line}: said of the
     * billed lines, whose modifiers show whether 59/X is there (a finding, or none when none is due).
     */
    private static void billedPair(CheckContext ctx, NcciAnalysis.Pair p, String pair, String source,
                                   List<Finding> out) {
        PtpEdit e = p.edit();
        String code = p.modifiedCode();
        List<String> mods = NcciAnalysis.billedModifiers(ctx, code);
        String distinct = mods == null ? null : NcciAnalysis.distinctModifierOf(mods);
        String path = "billed[code=" + code + "]";
        String preferred = p.status() == NcciAnalysis.Status.OTHER_REGION
                || p.status() == NcciAnalysis.Status.NO_REGIONS
                ? NcciAnalysis.regionModifier(ctx.payer().distinctModifier())
                : timeModifier(ctx);
        switch (p.status()) {
            case NO_TIMES -> {
                if (distinct != null && !documentsMinutes(ctx, e.column1()) && !documentsMinutes(ctx, e.column2())) {
                    // A claim that carries no minutes at all (an 837): the modifier is there; the times that
                    // support it are in the record, which the claim does not carry (MW-B001 says the same of units).
                    out.add(BYPASSED.finding(path, pair + " are an NCCI pair, both billed on this claim, and " + code
                            + " carries " + distinct + ". The claim carries no minutes or times, so the separate "
                            + "time intervals that support " + distinct + " are not checked" + source + ".",
                            "Nothing to fix on the claim; keep the start and end times of both services in the "
                                    + "note: they are what supports " + distinct + " on review."));
                } else if (distinct != null) {
                    out.add(NO_TIMES.finding(path, pair + " are an NCCI pair, both billed on this claim. " + code
                            + " carries " + distinct + ", but no start and end times are documented for both, so "
                            + "nothing shows they were done in different time intervals; on review " + code
                            + " may be denied" + source + "."));
                } else if (NcciAnalysis.bundledWithoutModifier(ctx, p)) {
                    out.add(bundled(ctx, p, pair, "; no start and end times are documented for both ("
                            + timesKnown(ctx, p) + "), so nothing shows the different time intervals that would "
                            + "support the modifier", "Document the start and end times of both services. If they "
                            + "show different time intervals, add " + distinctText(preferred) + " to the " + code
                            + " line; if not, remove the " + code + " line and bill only " + p.otherCode() + " for "
                            + "those minutes.", source));
                } else {
                    // Not MW-B016's: a code the visit does not document (MW-B007 blocks it: remove the line or
                    // document the service).
                    out.add(NO_TIMES.finding(path, pair + " are an NCCI pair, both billed on this claim, and " + code
                            + " is billed with modifiers " + (mods == null ? List.of() : mods) + ", without 59 or an "
                            + "X modifier: " + code + " will be denied as part of " + p.otherCode() + ". No start "
                            + "and end times are documented for both, so nothing shows the different time intervals "
                            + "that would support the modifier" + source + ".",
                            "Document start and end times for both services. If they show different time "
                                    + "intervals, bill " + code + " with " + distinctText(preferred) + "; if not, "
                                    + "bill only " + p.otherCode() + " for those minutes."));
                }
            }
            case BYPASSED, OTHER_REGION -> {
                String why = p.status() == NcciAnalysis.Status.BYPASSED
                        ? "the documented times show different time intervals"
                        : code + " treated " + regions(ctx, code) + ", a region the manipulation (" + p.otherCode()
                        + ") did not";
                if (distinct != null) {
                    out.add((p.status() == NcciAnalysis.Status.BYPASSED ? BYPASSED : OTHER_REGION).finding(path,
                            pair + " are an NCCI pair, both billed on this claim; " + why + ", which supports the "
                                    + distinct + " billed on " + code + source + "."));
                } else if (!NcciAnalysis.bundledWithoutModifier(ctx, p)) {
                    // One of the codes is not on the billed claim: no pair there to bypass, no line denied.
                } else if (p.status() == NcciAnalysis.Status.BYPASSED) {
                    String times = timesKnown(ctx, p);
                    out.add(bundled(ctx, p, pair, "; " + why + " (" + times + "), which support "
                            + distinctText(preferred) + " on " + code, "Add " + distinctText(preferred) + " to the "
                            + code + " line before sending the claim: the documented times (" + times + ") show the "
                            + "two services in different time intervals.", source));
                } else {
                    out.add(bundled(ctx, p, pair, "; " + why + ", which supports " + distinctText(preferred)
                            + " on " + code, "Add " + distinctText(preferred) + " to the " + code + " line before "
                            + "sending the claim: it treated a region the manipulation did not.", source));
                }
            }
            case NO_REGIONS -> out.add(bundled(ctx, p, pair, "; the body regions each treated are not documented, "
                    + "so nothing shows " + code + " treated a region that was not manipulated", "Record the body "
                    + "regions of " + p.otherCode() + " and of " + code + ". If " + code + " treated a region that was "
                    + "not manipulated, add " + distinctText(preferred) + " to its line; if not, remove the " + code
                    + " line: in a region manipulated the same day it is part of the manipulation.", source));
            default -> throw new IllegalStateException("not judged on the billed line: " + p.status());
        }
    }

    /**
     * MW-B016: the billed line of the pair's modified code without 59/X, denied as part of the other code; {@code why}
     * (after "is denied as part of X") says what the documentation shows, {@code fix} what to do with the line.
     */
    private static Finding bundled(CheckContext ctx, NcciAnalysis.Pair p, String pair, String why, String fix,
                                   String source) {
        String code = p.modifiedCode();
        List<String> mods = NcciAnalysis.billedModifiers(ctx, code);
        return BilledLines.NCCI_BUNDLED.finding("billed[code=" + code + "].modifiers", code + " is billed with "
                + "modifiers " + (mods == null ? List.of() : mods) + " beside " + p.otherCode() + ": " + pair + " are "
                + "an NCCI pair whose edit a modifier may bypass (modifier indicator 1), and without 59 or an X "
                + "modifier " + code + " is denied as part of " + p.otherCode() + why + source + ".", fix);
    }

    /** The pair's documented times, code by code ("97530 09:00-09:20, 97140 no start and end times"). */
    private static String timesKnown(CheckContext ctx, NcciAnalysis.Pair p) {
        StringBuilder sb = new StringBuilder();
        for (String c : List.of(p.otherCode(), p.modifiedCode())) {
            String t = NcciAnalysis.periodsText(ctx, c);
            sb.append(sb.length() == 0 ? "" : ", ").append(c).append(' ')
                    .append(t == null ? "no start and end times" : t);
        }
        return sb.toString();
    }

    /**
     * When the billed line of the code carries another 59/X than the one Minutewise adds: that it is the same bypass
     * (RULES.md §4; NCCI Policy Manual ch. I), the added one being the payer's preference only. Empty otherwise.
     */
    private static String sameBypassBilled(CheckContext ctx, String code, String added) {
        String billed = NcciAnalysis.sameBypassBilled(NcciAnalysis.billedModifiers(ctx, code), added);
        return billed == null ? "" : " on Minutewise's claim; the "
                + billed + " billed on it bypasses the pair as " + added + " does (" + added + " is only the payer "
                + "profile's preferred modifier)";
    }

    /** Whether any documented line of the code (97129/97130: of either) gives minutes or times. */
    private static boolean documentsMinutes(CheckContext ctx, String code) {
        for (org.minutewise.core.model.ServiceLine l : ctx.visit().services()) {
            if (Cognitive.sameService(l.code(), code) && l.hasTime()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        boolean starter = ctx.ref().ptp().starter();
        for (NcciAnalysis.Pair p : NcciAnalysis.of(ctx)) {
            PtpEdit e = p.edit();
            String pair = e.column1() + " (column one) and " + e.column2() + " (column two)";
            String source = starter ? " (Minutewise starter edit table: confirm against CMS's current file)" : "";
            String path = "services[code=" + e.column2() + "]";
            if (NcciAnalysis.judgedOnBilledLine(ctx, p)) {
                // A billed claim without the 59/X the times or regions support: its line is denied, none was added.
                billedPair(ctx, p, pair, source, out);
                continue;
            }
            switch (p.status()) {
                case NOT_BYPASSABLE -> out.add(NOT_BYPASSABLE.finding(path, pair + " are an NCCI pair with modifier "
                        + "indicator 0: " + e.column2() + " is not payable beside " + e.column1()
                        + " on the same day, and no modifier can change that" + source + "."));
                case OVERLAP -> {
                    if (!overlapBlockedAsSameMinutes(ctx, e)) {
                        out.add(OVERLAP.finding(path, pair + " are an NCCI pair, and their documented times "
                                + "overlap, so they were not done in different time intervals: "
                                + distinctText(timeModifier(ctx)) + " cannot be used" + source + "."));
                    }
                }
                case NO_TIMES -> out.add(NO_TIMES.finding(path, pair + " are an NCCI pair. Without start and "
                        + "end times for both, nothing shows they were done in different time intervals, so "
                        + "Minutewise did not add 59/X; " + e.column2() + " may be denied" + source + "."));
                case BYPASSED -> out.add(BYPASSED.finding(path, pair + " are an NCCI pair; the documented times "
                        + "show different time intervals, so " + timeModifier(ctx) + " was added to " + e.column2()
                        + sameBypassBilled(ctx, e.column2(), timeModifier(ctx)) + source + "."));
                case PAYER_DENIES -> out.add(PAYER_DENIES.finding(path, "Payer " + ctx.payer().id() + " denies 59/X "
                        + "on " + pair + " whatever the documentation; " + e.column2() + " is likely to be denied."));
                case SAME_REGION -> out.add(sameRegion(ctx, p, source));
                case NO_REGIONS -> out.add(NO_REGIONS.finding("services[code=" + p.modifiedCode() + "]",
                        p.modifiedCode() + " is billed beside manipulation (" + p.otherCode() + "), but the regions "
                                + "each treated are not documented, so nothing shows the therapy treated a region "
                                + "that was not manipulated; Minutewise did not add XS or 59, and "
                                + p.modifiedCode() + " may be denied" + source + "."));
                case OTHER_REGION -> out.add(OTHER_REGION.finding("services[code=" + p.modifiedCode() + "]",
                        p.modifiedCode() + " treated " + regions(ctx, p.modifiedCode()) + " and the manipulation ("
                                + p.otherCode() + ") " + regions(ctx, p.otherCode()) + ": a region not "
                                + "manipulated, so " + NcciAnalysis.regionModifier(ctx.payer().distinctModifier())
                                + " was added to " + p.modifiedCode() + sameBypassBilled(ctx, p.modifiedCode(),
                                NcciAnalysis.regionModifier(ctx.payer().distinctModifier())) + source + "."));
                case NOT_COVERED -> {
                    // Not covered at all (MW-W001 says so): where it was furnished does not matter.
                }
                default -> throw new IllegalStateException("unhandled status " + p.status());
            }
        }
    }
}
