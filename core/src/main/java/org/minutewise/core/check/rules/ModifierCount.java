package org.minutewise.core.check.rules;

import java.util.List;
import java.util.Map;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimBuilder;

/** A claim line holds four modifiers at most. */
public final class ModifierCount implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-M001", Severity.WARN,
            "More than four modifiers on a line",
            "Check with the payer which modifiers it needs most on this line; the claim form holds four.",
            "X12 837P SV101 (four modifiers); CMS-1500 item 24D", Citations.CLAIMS_MANUAL_CH5);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        Claim claim = ClaimBuilder.of(ctx);
        for (Map.Entry<Integer, List<String>> e : claim.droppedModifiers().entrySet()) {
            var line = claim.lines().get(e.getKey());
            out.add(INFO.finding("claimLines[" + e.getKey() + "].modifiers", line.code() + " needs more than four "
                    + "modifiers; " + String.join(", ", e.getValue()) + " did not fit after "
                    + String.join(", ", line.modifiers()) + "."));
        }
    }
}
