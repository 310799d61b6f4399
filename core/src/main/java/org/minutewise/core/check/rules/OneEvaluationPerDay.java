package org.minutewise.core.check.rules;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.ServiceLine;

/** Only one PT evaluation/re-evaluation (97161-97164) and one OT (97165-97168) a day. */
public final class OneEvaluationPerDay implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-E008", Severity.BLOCK,
            "More than one evaluation or re-evaluation of a discipline in a day",
            "Bill one PT evaluation or re-evaluation (97161-97164) and one OT (97165-97168) per day; remove the "
                    + "others.",
            "NCCI Policy Manual ch. XI §P", Citations.NCCI_MANUAL);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        report(ctx, out, "PT", 97161, 97164);
        report(ctx, out, "OT", 97165, 97168);
    }

    /** Distinct evaluation codes of the range per practitioner; a code on two lines is one evaluation. */
    private static void report(CheckContext ctx, List<Finding> out, String label, int lo, int hi) {
        java.util.Map<String, List<String>> byProvider = null; // most visits bill no evaluation: built on the first
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            String code = s.get(i).code();
            if (code.length() != 5 || code.charAt(0) != '9' || !Character.isDigit(code.charAt(4))) {
                continue;
            }
            int n = Integer.parseInt(code);
            if (n < lo || n > hi) {
                continue;
            }
            String provider = s.get(i).provider().id().orElse("");
            if (byProvider == null) {
                byProvider = new java.util.LinkedHashMap<>();
            }
            List<String> seen = byProvider.computeIfAbsent(provider, k -> new ArrayList<>());
            if (!seen.contains(code)) {
                seen.add(code);
                if (seen.size() == 2) {
                    out.add(INFO.finding(CheckContext.path(i), "More than one " + label + " evaluation or "
                            + "re-evaluation is billed on " + ctx.visit().dateOfService()
                            + (provider.isEmpty() ? "" : " by " + provider) + " (" + String.join(", ", seen)
                            + "); only one is payable a day by the same practitioner."));
                }
            }
        }
    }
}
