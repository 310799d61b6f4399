package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.ServiceLine;

/** A visit with no treatment note (or a blank one): nothing supports the services billed. */
public final class NoteMissing implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D001", Severity.WARN,
            "No treatment note",
            "Attach the signed treatment note for this date of service (services given, total timed minutes, "
                    + "total treatment time, the clinician's skilled work and the patient's response) before "
                    + "sending the claim.",
            "CMS Pub 100-02 ch. 15 §220.3 E (treatment notes)", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || DocSupport.note(ctx).isPresent()) {
            return;
        }
        StringBuilder codes = new StringBuilder();
        for (ServiceLine l : ctx.visit().services()) {
            if (codes.indexOf(l.code()) < 0) {
                codes.append(codes.length() == 0 ? "" : ", ").append(l.code());
            }
        }
        out.add(INFO.finding("note", "The visit bills " + codes + " but carries no treatment note. "
                + (ctx.payer().isMedicare() ? "Medicare requires" : "Payers expect, as Medicare requires,")
                + " a treatment note for every treatment day, naming each service given, the total "
                + "timed code minutes and the total treatment time; without it none of the services can be "
                + "supported on review."));
    }
}
