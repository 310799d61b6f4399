package org.minutewise.core.claim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.Cognitive;

/** The NCCI pairs among a visit's billed codes, and whether each may be bypassed (shared by claim and rules). */
public final class NcciAnalysis {
    public enum Status {
        /** Indicator 1 and the documented times show different intervals: 59/X goes on column two. */
        BYPASSED,
        /** Indicator 0: no modifier can bypass it. */
        NOT_BYPASSABLE,
        /** The two services' periods overlap: they were not done in different time intervals. */
        OVERLAP,
        /** No start and end times for one of them: nothing shows different intervals. */
        NO_TIMES,
        /** The payer denies 59/X on this pair whatever the documentation. */
        PAYER_DENIES,
        /** Manipulation and a therapy code it includes, a region of the therapy code manipulated too. */
        SAME_REGION,
        /** Manipulation and a therapy code it includes, the regions of one of them not documented. */
        NO_REGIONS,
        /** Manipulation and a therapy code it includes, in a region not manipulated: 59 or XS on the therapy code. */
        OTHER_REGION,
        /**
         * Manipulation and a therapy code it includes that a chiropractor furnished, billed to Medicare: the therapy
         * code is not covered at all (RULES.md §4, MW-W001), so its region and any modifier do not matter.
         */
        NOT_COVERED
    }

    /** Chiropractic manipulative treatment: spinal 1-2, 3-4, 5 regions; extraspinal. */
    public static final Set<String> MANIPULATION = Set.of("98940", "98941", "98942", "98943");
    /**
     * Therapy codes that manipulation includes when they treat a region it manipulated (RULES.md §4; NCCI Policy
     * Manual ch. XI): for these pairs the bypass is decided by the regions, not by time intervals.
     */
    public static final Set<String> INCLUDED_IN_MANIPULATION = Set.of("97112", "97124", "97140");

    /** A therapy code only a chiropractor furnished, billed to Medicare: not covered at all (RULES.md §4). */
    private static boolean chiropracticTherapyToMedicare(CheckContext ctx, String code) {
        if (!ctx.payer().isMedicare()) {
            return false;
        }
        boolean any = false;
        for (ServiceLine l : ctx.visit().services()) {
            if (l.code().equals(code)) {
                if (l.provider().role() != Role.DC) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * A pair and its status. {@code billedOnly}: one of its codes is on the claim only as billed (a claim built
     * elsewhere, an 837 say, whose minutes give the code no unit or are not documented at all): the engine's own
     * claim does not bill the pair, so nothing is added to its lines, and the billed line's modifiers say whether
     * 59/X is there.
     */
    public record Pair(PtpEdit edit, Status status, boolean billedOnly) {
        public Pair(PtpEdit edit, Status status) {
            this(edit, status, false);
        }

        /**
         * A pair only the billed claim holds that is judged on the billed line's 59/X (NcciPairs' MW-E003/E004/E011,
         * or MW-B016): no times, or times or regions that support the bypass. Overlapping times, an edit no modifier
         * bypasses and a payer that denies the bypass are judged as the engine's own pairs are.
         */
        public boolean judgedOnBilledLine() {
            return billedOnly && (status == Status.NO_TIMES || status == Status.BYPASSED
                    || status == Status.OTHER_REGION);
        }

        /** The code the bypass modifier goes on: the therapy code of a manipulation pair, else column two. */
        public String modifiedCode() {
            return NcciAnalysis.modifiedCode(edit.column1(), edit.column2());
        }

        /** The other code of the pair: the manipulation of a manipulation pair, else column one. */
        public String otherCode() {
            return modifiedCode().equals(edit.column1()) ? edit.column2() : edit.column1();
        }
    }

    /** The code of a pair the bypass modifier goes on: the therapy code beside manipulation, else column two. */
    public static String modifiedCode(String column1, String column2) {
        return MANIPULATION.contains(column2) ? column1 : column2;
    }

    /** Whether an edit pairs manipulation with a therapy code it includes in the same region (either column). */
    public static boolean regionPair(PtpEdit e) {
        return regionPair(e.column1(), e.column2());
    }

    /** Whether two codes are manipulation and a therapy code it includes in the same region (either order). */
    public static boolean regionPair(String column1, String column2) {
        return MANIPULATION.contains(column1) && INCLUDED_IN_MANIPULATION.contains(column2)
                || MANIPULATION.contains(column2) && INCLUDED_IN_MANIPULATION.contains(column1);
    }

    /**
     * The modifier of two therapy services done in different time intervals of one encounter: XU (an unusual
     * non-overlapping service), or 59 for a payer that takes 59 for every bypass. A payer profile naming XE, XS or
     * XP asks for the X modifiers, not for that one: XE is a separate encounter, XS a separate structure, XP a
     * separate practitioner, none of which time apart is.
     */
    public static String timeModifier(String payerDistinctModifier) {
        return payerDistinctModifier.equals("59") ? "59" : "XU";
    }

    /** The modifier of a service in a separate region: XS, or 59 for a payer that takes 59 for every bypass. */
    public static String regionModifier(String payerDistinctModifier) {
        return payerDistinctModifier.equals("59") ? "59" : "XS";
    }

    private NcciAnalysis() {
    }

    public static List<Pair> of(CheckContext ctx) {
        return ctx.memo(NcciAnalysis.class, NcciAnalysis::compute);
    }

    private static List<Pair> compute(CheckContext ctx) {
        List<String> billed = new ArrayList<>();
        List<CodeUnits> counted = ctx.units().lines();
        int cognitiveUnits = 0;
        for (int i = 0; i < counted.size(); i++) {
            CodeUnits cu = counted.get(i);
            if (Cognitive.isPair(cu.code())) {
                // 97129/97130 as the claim bills them (RULES.md §1): 97129 for the first unit, 97130 for the rest,
                // whichever code the minutes were documented under; each is a code of its own pairs.
                if (cognitiveUnits == 0 && cu.units() > 0) {
                    billed.add(Cognitive.BASE);
                }
                cognitiveUnits += cu.units();
            } else if (cu.units() > 0 && !billed.contains(cu.code())) {
                billed.add(cu.code());
            }
        }
        if (cognitiveUnits > 1) {
            billed.add(billed.indexOf(Cognitive.BASE) + 1, Cognitive.ADD_ON);
        }
        // A claim billed elsewhere is judged on its own codes too: an 837's timed codes have no documented minutes,
        // so no unit of the count, yet the pair is on the claim (its column-two line is denied without 59/X).
        int engineCodes = billed.size();
        List<org.minutewise.core.model.BilledLine> claimed = ctx.visit().billed();
        for (int i = 0; i < claimed.size(); i++) {
            org.minutewise.core.model.BilledLine b = claimed.get(i);
            if (b.units() > 0 && !billed.contains(b.code())) {
                billed.add(b.code());
            }
        }
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < billed.size(); i++) {
            for (int j = i + 1; j < billed.size(); j++) {
                boolean billedOnly = j >= engineCodes;
                java.util.Optional<PtpEdit> e = ctx.ref().ptp().find(billed.get(i), billed.get(j),
                        ctx.visit().dateOfService());
                if (e.isPresent()) {
                    out.add(new Pair(e.get(), status(ctx, e.get()), billedOnly));
                }
            }
        }
        return out;
    }

    /**
     * The modifiers of the billed lines of {@code code} (all its lines'), or null when the visit bills no line of
     * it (a visit with no billed claim).
     */
    public static List<String> billedModifiers(CheckContext ctx, String code) {
        List<String> out = null;
        for (org.minutewise.core.model.BilledLine b : ctx.visit().billed()) {
            if (b.code().equals(code)) {
                out = out == null ? new ArrayList<>(b.modifiers().size()) : out;
                for (String m : b.modifiers()) {
                    if (!out.contains(m)) {
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    /** The 59 or X{E,P,S,U} among modifiers, or null. */
    public static String distinctModifierOf(List<String> modifiers) {
        for (String m : modifiers) {
            if (org.minutewise.core.payer.PayerProfile.DISTINCT_MODIFIERS.contains(m)) {
                return m;
            }
        }
        return null;
    }

    /**
     * The 59 or X{E,P,S,U} billed in {@code billed} that bypasses the NCCI edit as {@code supported} (the one the
     * documentation supports, the payer's preference) does: 59 and the X modifiers bypass the same edit (RULES.md
     * §4; NCCI Policy Manual ch. I). Null when there is nothing to read as the same bypass: {@code billed} or
     * {@code supported} is null, no 59/X is billed, or {@code supported} itself is billed.
     */
    public static String sameBypassBilled(List<String> billed, String supported) {
        String asBilled = billed == null ? null : distinctModifierOf(billed);
        return supported == null || asBilled == null || billed.contains(supported) ? null : asBilled;
    }

    private static Status status(CheckContext ctx, PtpEdit e) {
        if (!e.bypassable()) {
            return Status.NOT_BYPASSABLE;
        }
        if (ctx.payer().deniesDistinctModifier(e.column1(), e.column2())) {
            return Status.PAYER_DENIES;
        }
        if (regionPair(e)) {
            String therapy = modifiedCode(e.column1(), e.column2());
            if (chiropracticTherapyToMedicare(ctx, therapy)) {
                return Status.NOT_COVERED;
            }
            Set<BodyRegion> treated = regions(ctx, therapy);
            Set<BodyRegion> manipulated = regions(ctx, therapy.equals(e.column1()) ? e.column2() : e.column1());
            if (manipulated.isEmpty() || treated.isEmpty()) {
                return Status.NO_REGIONS;
            }
            // Any region of the therapy code that was manipulated makes (that part of) it part of the manipulation:
            // the code's minutes are not split by region, so no XS goes on the line (RULES.md §4).
            return java.util.Collections.disjoint(treated, manipulated) ? Status.OTHER_REGION : Status.SAME_REGION;
        }
        List<Period> a = periods(ctx, e.column1());
        List<Period> b = periods(ctx, e.column2());
        if (a == null || b == null) {
            return Status.NO_TIMES;
        }
        return Period.anyOverlap(a, b) ? Status.OVERLAP : Status.BYPASSED;
    }

    /** The regions the lines of a code treated (97129/97130: of either), in the enum's order (empty when none says). */
    public static Set<BodyRegion> regions(CheckContext ctx, String code) {
        Set<BodyRegion> out = EnumSet.noneOf(BodyRegion.class);
        for (ServiceLine l : ctx.visit().services()) {
            if (Cognitive.sameService(l.code(), code)) {
                out.addAll(l.regions());
            }
        }
        return out;
    }

    /**
     * All periods of a code (97129/97130: of either, one service's minutes), or null when any of its lines has none (or
     * it has no documented line).
     */
    private static List<Period> periods(CheckContext ctx, String code) {
        List<Period> out = new ArrayList<>();
        boolean any = false;
        List<ServiceLine> services = ctx.visit().services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine l = services.get(i);
            if (Cognitive.sameService(l.code(), code)) {
                if (l.periods().isEmpty()) {
                    return null;
                }
                out.addAll(l.periods());
                any = true;
            }
        }
        return any ? out : null;
    }

    /**
     * Whether the billed claim holds both codes of the pair and Medicare denies the billed line of its modified code
     * as bundled into the other: billed without 59 or an X modifier, or under an edit no modifier bypasses. False for
     * a visit with no billed claim, and for a code Medicare does not cover on it (MW-W001 says why).
     */
    public static boolean deniedOnBilledClaim(CheckContext ctx, Pair p) {
        if (ctx.visit().billed().isEmpty() || p.status() == Status.NOT_COVERED
                || !billedWithUnits(ctx, p.modifiedCode()) || !billedWithUnits(ctx, p.otherCode())) {
            return false;
        }
        return !p.edit().bypassable() || distinctModifierOf(billedModifiers(ctx, p.modifiedCode())) == null;
    }

    /**
     * A pair NcciPairs judges on the billed line's 59/X rather than on the engine's claim: one only the billed claim
     * holds ({@link Pair#judgedOnBilledLine}), or one whose documented times or regions support the bypass but whose
     * billed line lacks it ({@link #deniedOnBilledClaim}): its finding says the billed line is denied, not that the
     * modifier was added.
     */
    public static boolean judgedOnBilledLine(CheckContext ctx, Pair p) {
        return p.judgedOnBilledLine() || bundledWithoutModifier(ctx, p);
    }

    /**
     * MW-B016's pairs: the billed claim holds both codes, documented on the visit, and the billed line of the modified
     * code carries no 59/X where the edit lets one bypass it ({@link #deniedOnBilledClaim}), whether the documented
     * times (or regions) support the bypass, or none are documented. Not for times that overlap (MW-E002), an edit no
     * modifier bypasses (MW-E001), a payer that denies the bypass (MW-E005), a region manipulated (MW-E009), or a code
     * the visit does not document (MW-B007: remove the line or document the service).
     */
    public static boolean bundledWithoutModifier(CheckContext ctx, Pair p) {
        Status s = p.status();
        return (s == Status.BYPASSED || s == Status.OTHER_REGION || s == Status.NO_TIMES || s == Status.NO_REGIONS)
                && deniedOnBilledClaim(ctx, p) && documented(ctx, p.modifiedCode()) && documented(ctx, p.otherCode());
    }

    /** Whether a service line of the visit documents the code (97129 and 97130 one service's minutes). */
    private static boolean documented(CheckContext ctx, String code) {
        for (ServiceLine l : ctx.visit().services()) {
            if (org.minutewise.core.units.Cognitive.sameService(l.code(), code)) {
                return true;
            }
        }
        return false;
    }

    /** The documented periods of a code ("09:00-09:20 and 10:05-10:15"), or null when a line of it has none. */
    public static String periodsText(CheckContext ctx, String code) {
        List<Period> ps = periods(ctx, code);
        if (ps == null) {
            return null;
        }
        List<String> each = new ArrayList<>(ps.size());
        for (Period x : ps) {
            each.add(x.toString());
        }
        return String.join(" and ", each);
    }

    /**
     * The billed claim's codes Medicare denies as bundled into another billed code (NCCI, {@link
     * #deniedOnBilledClaim}), each with the code it is bundled into, in the order of the pairs; empty without a billed
     * claim. The estimate of the billed claim prices their lines at $0.
     */
    public static java.util.Map<String, String> bundledOnBilledClaim(CheckContext ctx) {
        java.util.Map<String, String> out = java.util.Map.of();
        for (Pair p : of(ctx)) {
            if (deniedOnBilledClaim(ctx, p) && !out.containsKey(p.modifiedCode())) {
                out = out.isEmpty() ? new java.util.LinkedHashMap<>() : out;
                out.put(p.modifiedCode(), p.otherCode());
            }
        }
        return out;
    }

    private static boolean billedWithUnits(CheckContext ctx, String code) {
        for (org.minutewise.core.model.BilledLine b : ctx.visit().billed()) {
            if (b.code().equals(code) && b.units() > 0) {
                return true;
            }
        }
        return false;
    }
}
