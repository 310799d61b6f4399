package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.ServiceLine;

/** A well-formed code the catalog does not know: kept on the visit with 0 units, and reported. */
public final class UnknownCode implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U001", Severity.BLOCK,
            "Code not in the catalog",
            "Check the code against the current CPT/HCPCS code set. If it is right, bill its line by hand, with the "
                    + "units the code's own descriptor and the payer's rules give (per session, per hour, ...) and "
                    + "the discipline modifier of the plan of care, beside the lines Minutewise writes; and report "
                    + "the code to the Minutewise maintainers so it is added to the code catalog (no option of check "
                    + "loads one).",
            "RULES.md §1 (codes); CMS Pub 100-04 ch. 5 §20", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: blocks (was a warning): the claim Minutewise writes leaves the line off, so it "
                    + "is not the visit's whole claim until the code is reviewed")
            .revised(3, "2026-12-07: the fix says what a user can do (bill the line by hand by the payer's rules, "
                    + "report the code to be added); it said to add the code to the catalog, which a user of the "
                    + "jar cannot do");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> services = ctx.visit().services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine line = services.get(i);
            if (ctx.codeAt(i) == null) {
                out.add(INFO.finding(CheckContext.path(i) + ".code", "Code " + line.code()
                        + " is not in the Minutewise code catalog (version " + ctx.ref().codes().version()
                        + "). It is kept on the visit with 0 units and left off the claim; its minutes are not "
                        + "counted toward the timed total until the code is reviewed."));
            }
        }
    }
}
