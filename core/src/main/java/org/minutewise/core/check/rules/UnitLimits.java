package org.minutewise.core.check.rules;

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
                    + "and counted them toward the KX threshold), and says why");
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
        for (MueDenial.Over o : overMue(ctx, ClaimBuilder.of(ctx).lines())) {
            String code = o.code();
            Mue m = o.mue();
            out.add(MUE.finding("services[code=" + code + "]", code + " is billed with " + o.units() + " units"
                    + (o.perLine() ? " on one line" : "") + "; its MUE is " + m.maxUnits()
                    + (o.perLine() ? " a line" : " a day") + " (adjudication indicator " + m.indicatorText() + ")"
                    + (ctx.ref().mue().starter() ? ", from the Minutewise starter table (confirm against CMS's "
                    + "current file)" : "") + ". " + (o.perLine() ? "That claim line is denied whole, not cut to "
                    + m.maxUnits() : "Every line of " + code + " that day is denied, not only the units over "
                    + m.maxUnits()) + "."));
        }
        OptionalInt cap = ctx.payer().maxTimedUnitsPerDay();
        if (cap.isPresent() && ctx.units().timedUnits() > cap.getAsInt()) {
            out.add(PAYER_CAP.finding("services", "This visit has " + ctx.units().timedUnits() + " timed units; "
                    + "payer " + ctx.payer().id() + " allows at most " + cap.getAsInt() + " timed units a day."));
        }
    }

    /**
     * The codes of the claim's lines billed over their MUE, in the order of their first line (MW-E006, and MW-K006's
     * sentence that an ABN does not cover them): {@link MueDenial#over}, which the estimate prices at $0.
     */
    static List<MueDenial.Over> overMue(CheckContext ctx, List<ClaimLine> lines) {
        return MueDenial.over(lines, ctx.ref().mue(), ctx.visit().dateOfService());
    }
}
