package org.minutewise.core.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.NcciAnalysis;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitResult;

/**
 * A secondary payer whose unit method or limits differ from the primary's (RULES.md §3.3). The clinic's policy
 * is explicit: by default the claim follows the primary payer; this finding says what the secondary would allow,
 * within its own daily cap and the 59/X it denies. Medicare is the exception: Medicare fee for service always counts
 * units by the total-time method, so the claim that reaches it as the secondary payer must carry the lines its own
 * rules give (units, CQ/CO, KX), whatever the primary allowed (MW-S003).
 */
public final class SecondaryPayer implements Rule {
    public static final RuleInfo DIFFERS = new RuleInfo("MW-S001", Severity.INFO,
            "Secondary payer counts units differently",
            "Nothing to fix by default (the claim follows the primary payer); if the secondary denies units, "
                    + "appeal with the documented minutes and the primary's method.",
            "RULES.md §3.3 (primary and secondary payer policy)", Citations.MINUTEWISE)
            .revised(2, "2026-12-06: what the secondary would allow is held to its own daily cap of timed units, "
                    + "and the NCCI pairs on which it denies 59/X are named (a review: 'would allow 5 units' beside a "
                    + "cap of 3); a Medicare secondary is MW-S003's")
            .revised(3, "2026-12-07: a tie at the cut-off in the secondary's count says the choice is the qualified "
                    + "professional's and lists the alternatives (RULES.md §3.1)");
    public static final RuleInfo UNKNOWN = new RuleInfo("MW-S002", Severity.WARN,
            "Unknown secondary payer",
            "Load a payer profile for the secondary payer (--payer-profile) or correct its id.",
            "RULES.md §3.3", Citations.MINUTEWISE);
    public static final RuleInfo MEDICARE_SECONDARY = new RuleInfo("MW-S003", Severity.WARN,
            "Medicare as secondary payer: its claim follows Medicare's rules",
            "Send Medicare, as the secondary payer, the claim lines its own rules give (the units of the total-time "
                    + "method, with CQ/CO and KX as listed), with the primary payer's payment; the primary's claim "
                    + "stays as computed.",
            "RULES.md §3.3 (Medicare fee for service always uses the total-time method), §4 (CQ/CO, KX); CMS Pub "
                    + "100-04 ch. 5 §20.2", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: a tie at the cut-off in Medicare's lines says the choice is the qualified "
                    + "professional's and lists the alternatives (RULES.md §3.1)");

    @Override
    public RuleInfo info() {
        return DIFFERS;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(DIFFERS, UNKNOWN, MEDICARE_SECONDARY);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (ctx.visit().secondaryPayer().isEmpty()) {
            return;
        }
        String id = ctx.visit().secondaryPayer().get();
        var found = ctx.ref().payers().find(id);
        if (found.isEmpty()) {
            out.add(UNKNOWN.finding("secondaryPayer", "Secondary payer \"" + id + "\" has no payer profile; "
                    + "Minutewise cannot say what it would allow."));
            return;
        }
        PayerProfile sec = found.get();
        // The minutes the secondary counts: those the rules let count for it (an SLPA's, say, for a commercial plan).
        UnitResult secUnits = VisitChecker.count(sec.method(), ctx.visit(),
                VisitChecker.pooled(ctx.visit(), sec, ctx.ref().codes()), ctx.ref().codes());
        CheckContext secondary = new CheckContext(ctx.visit(), sec, ctx.ref(), secUnits, ctx.today());
        if (sec.isMedicare() && !ctx.payer().isMedicare()) {
            medicareSecondary(ctx, secondary, out);
            return;
        }
        OptionalInt cap = sec.maxTimedUnitsPerDay();
        boolean overCap = cap.isPresent() && secUnits.timedUnits() > cap.getAsInt();
        List<String> denied = deniedOnlyBySecondary(ctx, secondary);
        if (secUnits.unitsByCode().equals(ctx.units().unitsByCode()) && !overCap && denied.isEmpty()) {
            return;
        }
        out.add(DIFFERS.finding("secondaryPayer", "The secondary payer " + sec.id() + " uses the "
                + sec.method().label() + " and would count " + summary(secUnits)
                + (overCap ? ", of which its cap of " + cap.getAsInt() + " timed units a day allows "
                + cap.getAsInt() : "")
                + (denied.isEmpty() ? "" : "; whatever the documentation, it denies 59/X on "
                + String.join(" and on ", denied))
                + "; the primary (" + ctx.payer().id() + ") allows " + summary(ctx.units()) + ". By the clinic's "
                + "policy (defer to the primary) the claim uses the primary's units."
                + secUnits.tieNote("the secondary's count")));
    }

    /**
     * Medicare behind another primary (Medicare secondary payer): the lines Medicare's rules give, when they differ
     * from the primary's claim in a code, a modifier or a unit.
     */
    private static void medicareSecondary(CheckContext primary, CheckContext medicare, List<Finding> out) {
        Claim own = ClaimBuilder.of(primary);
        Claim theirs = ClaimBuilder.of(medicare);
        List<String> blocks = medicareOnlyBlocks(primary, medicare);
        boolean sameLines = lines(own).equals(lines(theirs));
        if (sameLines && blocks.isEmpty()) {
            return;
        }
        out.add(MEDICARE_SECONDARY.finding("secondaryPayer", "Medicare (" + medicare.payer().id() + ") is the "
                + "secondary payer: the claim that reaches it must follow Medicare's own rules (units by the "
                + medicare.payer().method().label() + ", CQ/CO and KX), which give " + described(theirs)
                + "; the primary (" + primary.payer().id() + ") claim is " + described(own) + "."
                + (own.lines().isEmpty() || sameLines ? "" : " The primary's lines, sent to "
                + "Medicare as they are, would not meet its rules.")
                + (blocks.isEmpty() ? "" : " Medicare's own rules also block this claim: " + String.join("; ", blocks)
                + ".") + medicare.units().tieNote("Medicare's count")));
    }

    /** The rules whose verdict depends on the payer: codes, who may bill, the plan of care, unit limits. */
    private static final List<Rule> PAYER_RULES = List.of(new CodeRules(), new WhoMayBill(), new PlanOfCare(),
            new UnitLimits());
    /** The titles of the ids those rules emit, for naming a block. */
    private static final java.util.Map<String, String> PAYER_RULE_TITLES = titles(PAYER_RULES);

    private static java.util.Map<String, String> titles(List<Rule> rules) {
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        for (Rule r : rules) {
            for (RuleInfo i : r.emits()) {
                titles.put(i.id(), i.title());
            }
        }
        return java.util.Map.copyOf(titles);
    }

    /**
     * What the payer-dependent rules block for Medicare and not for the primary (an SLPA's service, 97014, a plan of
     * care without its certification), each as "MW-W011 (its title)". Run only for a Medicare secondary payer.
     */
    private static List<String> medicareOnlyBlocks(CheckContext primary, CheckContext medicare) {
        java.util.Set<String> primaryBlocks = new java.util.HashSet<>();
        for (Finding f : run(primary)) {
            if (f.blocks()) {
                primaryBlocks.add(f.ruleId());
            }
        }
        List<String> out = new ArrayList<>(0);
        for (Finding f : run(medicare)) {
            String named = f.ruleId() + " (" + PAYER_RULE_TITLES.get(f.ruleId()) + ")";
            if (f.blocks() && !primaryBlocks.contains(f.ruleId()) && !out.contains(named)) {
                out.add(named);
            }
        }
        return out;
    }

    private static List<Finding> run(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : PAYER_RULES) {
            r.check(ctx, out);
        }
        return out;
    }

    /** A claim's lines and units for a message: "97110 GP CQ x1 (1 unit)", or "no line". */
    private static String described(Claim c) {
        if (c.lines().isEmpty()) {
            return "no line";
        }
        int units = c.totalUnits();
        return String.join(", ", lines(c)) + " (" + units + (units == 1 ? " unit)" : " units)");
    }

    /** A claim's lines as a biller reads them: "97110 GP CQ x1". */
    private static List<String> lines(Claim c) {
        List<String> out = new ArrayList<>(c.lines().size());
        for (ClaimLine l : c.lines()) {
            out.add(l.code() + (l.modifiers().isEmpty() ? "" : " " + String.join(" ", l.modifiers())) + " x"
                    + l.units());
        }
        return out;
    }

    /** The NCCI pairs of this visit on which the secondary payer denies 59/X and the primary does not. */
    private static List<String> deniedOnlyBySecondary(CheckContext primary, CheckContext secondary) {
        List<String> out = new ArrayList<>(0);
        for (NcciAnalysis.Pair p : NcciAnalysis.of(secondary)) {
            if (p.status() == NcciAnalysis.Status.PAYER_DENIES && !primary.payer().deniesDistinctModifier(
                    p.edit().column1(), p.edit().column2())) {
                out.add(p.edit().column1() + "/" + p.edit().column2() + " (" + p.edit().column2()
                        + " likely denied)");
            }
        }
        return out;
    }

    private static String summary(UnitResult r) {
        StringBuilder sb = new StringBuilder();
        r.unitsByCode().forEach((c, u) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(" x").append(u));
        return sb + " (" + r.totalUnits() + (r.totalUnits() == 1 ? " unit)" : " units)");
    }
}
