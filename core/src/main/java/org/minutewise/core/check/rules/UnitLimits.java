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
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.MueDenial;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.units.Explanations;

/** Medically unlikely edits per code, and the payer's cap on combined timed units a day. */
public final class UnitLimits implements Rule {
    public static final RuleInfo MUE = new RuleInfo("MW-E006", Severity.BLOCK,
            "Units over the medically unlikely edit (MUE)",
            "Bill no more units than the MUE: a claim line over it is denied whole (and, for a date-of-service MUE, "
                    + "every line of the code that day), not cut back to the MUE; an ABN does not apply to MUE "
                    + "denials. Check the minutes and units; appeal with documentation only when the units were truly "
                    + "furnished.",
            "NCCI Policy Manual ch. I §V (MUE); CMS MUE table", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-05: a line MUE (adjudication indicator 1) holds each claim line to its value; a "
                    + "date-of-service MUE (2 or 3) still adds the visit's lines of the code")
            .revised(3, "2026-12-06: says that the line over the MUE is denied whole (every line of the code that day "
                    + "for a date-of-service MUE), not only the units over it (a rulebook review)")
            .revised(4, "2026-12-07: the estimate prices the lines it denies at $0 (it priced them as if paid, "
                    + "and counted them toward the KX threshold), and says why")
            .revised(5, "2026-12-07: also names a billed line (billed[i]) over the MUE on a claim billed elsewhere, "
                    + "with what its adjudication indicator denies; it judged only the lines Minutewise would bill")
            .revised(6, "2026-12-07: one finding a code: when the billed claim is over the MUE, the billed line's "
                    + "finding alone (it also named Minutewise's own lines of the code)")
            .revised(7, "2026-12-07: a code on several claim lines (CQ/CO units beside the rest, CQ/CO lines split by "
                    + "supervisor) over a line MUE (indicator 1) names each line it denies and each it does not, judged "
                    + "alone as the MAC judges them (it said \"that claim line\" of the largest when two were denied); "
                    + "over a date-of-service MUE it gives the lines it added up");
    public static final RuleInfo PAYER_CAP = new RuleInfo("MW-E007", Severity.BLOCK,
            "Over the payer's daily limit of timed units",
            "Bill no more than the payer's daily limit, or get the payer's authorization for more.",
            "Payer profile (maxTimedUnitsPerDay); RULES.md §5", Citations.MINUTEWISE);

    @Override
    public RuleInfo info() {
        return MUE;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(MUE, PAYER_CAP);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<Finding> billedOver = new ArrayList<>(0);
        java.util.Set<String> billedCodes = billedOverMue(ctx, billedOver);
        List<ClaimLine> claim = ClaimBuilder.of(ctx).lines();
        for (MueDenial.Over o : overMue(ctx, claim)) {
            String code = o.code();
            if (billedCodes.contains(code)) {
                continue; // the billed line's finding names the line the payer denies; one finding a code
            }
            Mue m = o.mue();
            List<ClaimLine> its = new ArrayList<>(2);
            for (ClaimLine l : claim) {
                if (l.code().equals(code) && l.units() > 0) {
                    its.add(l);
                }
            }
            String table = ctx.ref().mue().starter() ? ", from the Minutewise starter table (confirm against CMS's "
                    + "current file)" : "";
            String indicator = " (adjudication indicator " + m.indicatorText() + ")" + table;
            if (o.perLine() && its.size() > 1) {
                out.add(MUE.finding("services[code=" + code + "]", eachLine(o, its, indicator)));
                continue;
            }
            out.add(MUE.finding("services[code=" + code + "]", code + " is billed with " + o.units() + " units"
                    + (o.perLine() ? " on one line" : its.size() > 1 ? " (its " + its.size() + " lines added up: "
                    + unitsOf(its) + ")" : "") + "; its MUE is " + m.maxUnits() + (o.perLine() ? " a line" : " a day")
                    + indicator + ". " + (o.perLine() ? "That claim line is denied whole, not cut to " + m.maxUnits()
                    : "Every line of " + code + " that day is denied, not only the units over " + m.maxUnits())
                    + "."));
        }
        out.addAll(billedOver);
        OptionalInt cap = ctx.payer().maxTimedUnitsPerDay();
        if (cap.isPresent() && ctx.units().timedUnits() > cap.getAsInt()) {
            out.add(PAYER_CAP.finding("services", "This visit has " + ctx.units().timedUnits() + " timed units; "
                    + "payer " + ctx.payer().id() + " allows at most " + cap.getAsInt() + " timed units a day."));
        }
    }

    /**
     * The billed lines (a claim built elsewhere: 837P or CSV with billed units) over their MUE, each named by its
     * place ({@code billed[i].units}): a line over a line MUE (indicator 1) on its own; a code whose billed lines add
     * up to more than a date-of-service MUE (2 or 3) on its one line, or on the code when several lines add up. The
     * estimate already prices these lines at $0 ({@link MueDenial}); this says which line and why.
     *
     * @return the codes named
     */
    private static java.util.Set<String> billedOverMue(CheckContext ctx, List<Finding> out) {
        List<BilledLine> billed = ctx.visit().billed();
        if (billed.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> codes = new java.util.HashSet<>(2);
        String starter = ctx.ref().mue().starter() ? " The MUE is from the Minutewise starter table (confirm against "
                + "CMS's current file)." : "";
        for (MueDenial.Over o : overMue(ctx, ctx.billedLines())) {
            String code = o.code();
            codes.add(code);
            Mue m = o.mue();
            List<Integer> its = new ArrayList<>(2);
            for (int i = 0; i < billed.size(); i++) {
                BilledLine b = billed.get(i);
                if (b.code().equals(code) && (!o.perLine() || b.units() > m.maxUnits())) {
                    its.add(i);
                }
            }
            if (o.perLine()) {
                for (int i : its) {
                    out.add(MUE.finding(billedPath(i), "Billed line " + (i + 1) + " (" + code + ") has "
                            + billed.get(i).units() + " units; the MUE of " + code + " is " + m.maxUnits()
                            + " a line (adjudication indicator " + m.indicatorText() + ": each claim line is held to "
                            + "it). The line is denied whole, not cut back to " + m.maxUnits() + "; the estimate "
                            + "prices it at $0." + starter));
                }
            } else {
                String which;
                if (its.size() == 1) {
                    which = "Billed line " + (its.get(0) + 1) + " (" + code + ") has " + o.units() + " units";
                } else {
                    StringBuilder sb = new StringBuilder("Billed lines ");
                    for (int k = 0; k < its.size(); k++) {
                        sb.append(k == 0 ? "" : k == its.size() - 1 ? " and " : ", ").append(its.get(k) + 1);
                    }
                    which = sb.append(" (").append(code).append(") add up to ").append(o.units()).append(" units")
                            .toString();
                }
                out.add(MUE.finding(its.size() == 1 ? billedPath(its.get(0)) : "billed[code=" + code + "]", which
                        + "; the MUE of " + code + " is " + m.maxUnits() + " a day (adjudication indicator "
                        + m.indicatorText() + ": the day's units of the code are held to it). All of the day's "
                        + "units of " + code + " are denied, not only those over " + m.maxUnits() + "; the estimate "
                        + "prices " + (its.size() == 1 ? "the line" : "these lines") + " at $0." + starter));
            }
        }
        return codes;
    }

    /**
     * MW-E006's message for a line MUE (adjudication indicator 1) over which a code's claim lines {@code its} (two or
     * more: the CQ/CO units and the rest, or CQ/CO lines split by supervisor) are held each alone, as the MAC judges
     * them: which lines it denies whole, and which it does not.
     */
    private static String eachLine(MueDenial.Over o, List<ClaimLine> its, String indicator) {
        List<ClaimLine> denied = new ArrayList<>(its.size());
        List<ClaimLine> kept = new ArrayList<>(its.size());
        for (ClaimLine l : its) {
            (o.denies(l) ? denied : kept).add(l);
        }
        int max = o.mue().maxUnits();
        String sentence = o.code() + " is billed on " + its.size() + " lines (" + unitsOf(its) + " units); its MUE is "
                + max + " a line" + indicator + ", and each line is judged against it alone, not their sum. "
                + "The " + linesOf(denied) + (denied.size() == 1 ? " is" : " are") + " denied whole, not cut to " + max;
        return sentence + (kept.isEmpty() ? "." : "; the " + linesOf(kept) + (kept.size() == 1 ? " is" : " are")
                + " not.");
    }

    /** "3, 3 and 1": the units of the lines, in claim order. */
    private static String unitsOf(List<ClaimLine> lines) {
        List<String> units = new ArrayList<>(lines.size());
        lines.forEach(l -> units.add(Integer.toString(l.units())));
        return Explanations.join(units);
    }

    /**
     * "line of 1 unit (GP, rendered under T1)", "lines of 3 units (GP CQ, rendered under T1; GP CQ, rendered under T2)":
     * the lines by their units, modifiers and rendering provider.
     */
    private static String linesOf(List<ClaimLine> lines) {
        List<String> units = new ArrayList<>(lines.size());
        List<String> each = new ArrayList<>(lines.size());
        for (ClaimLine l : lines) {
            String u = Integer.toString(l.units());
            if (!units.contains(u)) {
                units.add(u);
            }
            each.add(String.join(" ", l.modifiers()) + (l.modifiers().isEmpty() ? "" : ", ") + "rendered under "
                    + l.renderingProvider().orElse("no rendering provider"));
        }
        boolean one = lines.size() == 1;
        return (one ? "line of " : "lines of ") + Explanations.join(units) + (one && lines.get(0).units() == 1
                ? " unit" : " units") + " (" + String.join("; ", each) + ")";
    }

    private static String billedPath(int i) {
        return "billed[" + i + "].units";
    }

    /**
     * The codes of the claim's lines billed over their MUE, in the order of their first line (MW-E006, and MW-K006's
     * sentence that an ABN does not cover them): {@link MueDenial#over}, which the estimate prices at $0.
     */
    static List<MueDenial.Over> overMue(CheckContext ctx, List<ClaimLine> lines) {
        return MueDenial.over(lines, ctx.ref().mue(), ctx.visit().dateOfService());
    }
}
