package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.ServiceLine;

/**
 * Minutes recorded under a timed code that may not be billed as it (RULES.md §2): an aide's, an SLPA's billed to
 * Medicare, group time under a one-on-one code. The count leaves them out ({@link VisitChecker#notCounted}), so the
 * claim Minutewise writes does not bill them: a warning that they are on record and must stay off any claim, not a
 * block that only deleting true documentation would clear. Supervised time is MW-G003's; a claim billed with such
 * minutes is over-billed (MW-B002).
 */
public final class MinutesLeftOut implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U007", Severity.WARN,
            "Minutes recorded that are not billable time (left out of the units)",
            "Keep these minutes off the claim (Minutewise leaves them out); bill group time as 97150 (92508 for group "
                    + "speech, language or voice treatment), one unit per patient; if the time was in fact skilled "
                    + "one-on-one care by a therapist or an assistant who may bill it, record it that way.",
            "RULES.md §2; CMS Pub 100-02 ch. 15 §230, §230.3; Pub 100-04 ch. 5 §20.2", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: also an SLPA's part of an untimed service (92507) billed to Medicare that a "
                    + "speech-language pathologist furnished on the same visit: the SLP's session supports the one "
                    + "unit, the SLPA's part is not billable (MW-W011 blocked the line)");

    /** The fix for the cause: the catalog's (group time first) for group time, the person's for an aide or an SLPA. */
    private static String fix(ServiceLine l) {
        return switch (l.provider().role()) {
            case AIDE -> "Keep the aide's minutes off the claim (Minutewise leaves them out): aides and technicians do "
                    + "not furnish therapy, even under supervision; only the minutes a therapist (or an assistant "
                    + "who may bill) furnished one-on-one count. If a therapist furnished them, record the therapist.";
            case SLPA -> "Keep the speech-language pathology assistant's minutes off the Medicare claim (Minutewise "
                    + "leaves them out); bill only the minutes the speech-language pathologist personally furnished.";
            default -> INFO.fix();
        };
    }

    /**
     * An SLPA's part of an untimed therapy service billed to Medicare that an SLP furnished on the visit too: no block
     * (MW-W011 leaves it), since the SLP's session supports the unit, but the SLPA's part is not billable time.
     */
    private static boolean slpasPartOfAnSlpsService(CheckContext ctx, ServiceLine l, CodeInfo info) {
        return l.provider().role() == org.minutewise.core.model.Role.SLPA && ctx.payer().isMedicare()
                && info != null && !info.timed() && !info.disciplines().isEmpty()
                && WhoMayBill.slpFurnishedToo(ctx.visit(), l.code());
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine l = s.get(i);
            CodeInfo info = ctx.codeAt(i);
            if (slpasPartOfAnSlpsService(ctx, l, info)) {
                out.add(INFO.finding(CheckContext.path(i), l.code() + ": " + (l.minutes() > 0 ? l.minutes()
                        + " minutes" : "the part") + " furnished by a speech-language pathology assistant ("
                        + l.provider().id().orElse("no id") + "), whose services Medicare does not pay. " + l.code()
                        + " is untimed: its one unit rests on the speech-language pathologist's own session on this "
                        + "visit, and the SLPA's part adds nothing to it; it may not be billed on its own.",
                        fix(l)));
                continue;
            }
            if (l.minutes() == 0 || l.mode().orElse(Mode.ONE_ON_ONE) == Mode.SUPERVISED) {
                continue; // supervised time: MW-G003
            }
            String why = VisitChecker.notCounted(ctx.visit(), ctx.payer(), info != null && info.timed(), l);
            if (why != null) {
                out.add(INFO.finding(CheckContext.path(i), l.code() + ": " + l.minutes() + " minutes " + why
                        + ". They are left out of the units and off the claim Minutewise writes; billing them would "
                        + "overstate the units.", fix(l)));
            }
        }
    }
}
