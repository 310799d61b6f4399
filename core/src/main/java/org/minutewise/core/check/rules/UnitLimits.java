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
                    + "finding alone (it also named Minutewise's own lines of the code)");
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
        for (MueDenial.Over o : overMue(ctx, ClaimBuilder.of(ctx).lines())) {
            String code = o.code();
            if (billedCodes.contains(code)) {
                continue; // the billed line's finding names the line the payer denies; one finding a code
            }
            Mue m = o.mue();
            out.add(MUE.finding("services[code=" + code + "]", code + " is billed with " + o.units() + " units"
                    + (o.perLine() ? " on one line" : "") + "; its MUE is " + m.maxUnits()
                    + (o.perLine() ? " a line" : " a day") + " (adjudication indicator " + m.indicatorText() + ")"
                    + (ctx.ref().mue().starter() ? ", from the Minutewise starter table (confirm against CMS's "
                    + "current file)" : "") + ". " + (o.perLine() ? "That claim line is denied whole, not cut to "
                    + m.maxUnits() : "Every line of " + code + " that day is denied, not only the units over "
                    + m.maxUnits()) + "."));
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
