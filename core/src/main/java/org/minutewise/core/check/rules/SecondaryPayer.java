package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitResult;

/**
 * A secondary payer whose unit method or limits differ from the primary's (RULES.md §3.3). The clinic's policy
 * is explicit: by default the claim follows the primary payer; this finding says what the secondary would allow.
 */
public final class SecondaryPayer implements Rule {
    public static final RuleInfo DIFFERS = new RuleInfo("MW-S001", Severity.INFO,
            "Secondary payer counts units differently",
            "Nothing to fix by default (the claim follows the primary payer); if the secondary denies units, "
                    + "appeal with the documented minutes and the primary's method.",
            "RULES.md §3.3 (primary and secondary payer policy)", Citations.MINUTEWISE);
    public static final RuleInfo UNKNOWN = new RuleInfo("MW-S002", Severity.WARN,
            "Unknown secondary payer",
            "Load a payer profile for the secondary payer (--payer-profile) or correct its id.",
            "RULES.md §3.3", Citations.MINUTEWISE);

    @Override
    public RuleInfo info() {
        return DIFFERS;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(DIFFERS, UNKNOWN);
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
        UnitResult secUnits = org.minutewise.core.check.VisitChecker.count(sec.method(), ctx.visit(),
                org.minutewise.core.check.VisitChecker.pooled(ctx.visit(), sec, ctx.ref().codes()), ctx.ref().codes());
        boolean capDiffers = sec.maxTimedUnitsPerDay().isPresent()
                && secUnits.timedUnits() > sec.maxTimedUnitsPerDay().getAsInt();
        if (!secUnits.unitsByCode().equals(ctx.units().unitsByCode()) || capDiffers) {
            out.add(DIFFERS.finding("secondaryPayer", "The secondary payer " + sec.id() + " uses the "
                    + sec.method().label() + " and would allow " + summary(secUnits)
                    + (capDiffers ? " but caps timed units at " + sec.maxTimedUnitsPerDay().getAsInt() + " a day" : "")
                    + "; the primary (" + ctx.payer().id() + ") allows " + summary(ctx.units()) + ". By the clinic's "
                    + "policy (defer to the primary) the claim uses the primary's units."));
        }
    }

    private static String summary(UnitResult r) {
        StringBuilder sb = new StringBuilder();
        r.unitsByCode().forEach((c, u) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(" x").append(u));
        return sb + " (" + r.totalUnits() + " units)";
    }
}
