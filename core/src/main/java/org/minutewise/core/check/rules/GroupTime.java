package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;

/**
 * Group and supervised time (RULES.md §1-§2): 97150 for group minutes, never an individual code; minutes the
 * patient spent under mere supervision are no one-on-one or constant-attendance minutes.
 */
public final class GroupTime implements Rule {
    public static final RuleInfo GROUP_BESIDE_INDIVIDUAL = new RuleInfo("MW-G001", Severity.BLOCK,
            "Group therapy and an individual code for the same minutes",
            "Bill the group minutes once, as 97150; individual codes need their own one-on-one minutes.",
            "CMS Pub 100-02 ch. 15 §230 A; NCCI Policy Manual ch. XI §P", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: only an individual code's one-on-one minutes; minutes recorded under it as group "
                    + "or supervised time are left out of its units (MW-U007, MW-G002, MW-G003)")
            .revised(3, "2026-12-06: when the two codes are an NCCI pair, the finding says so (MW-E002 reported the "
                    + "same overlap as a second block)")
            .revised(4, "2026-12-07: the individual timed code's minutes inside the group code's period are left out "
                    + "of its units (a minute cannot be both group and one-on-one), and the message says so (they were "
                    + "counted as group time and again as one-on-one minutes, so the claim lines and the audit's "
                    + "supported units billed them twice)");
    public static final RuleInfo INDIVIDUAL_CODE_FOR_GROUP = new RuleInfo("MW-G002", Severity.BLOCK,
            "One-on-one code billed for group time",
            "Bill group time as 97150, or 92508 for group speech, language or voice treatment (one unit per "
                    + "patient); 97110-97546 need direct one-on-one contact, 97032-97039 constant attendance, and "
                    + "92507 and 92526 are individual treatment.",
            "CPT therapeutic procedures guideline; CMS Pub 100-04 ch. 5 §20.2 B; Pub 100-02 ch. 15 §230 A",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: individual speech treatment (92507) and swallowing treatment (92526) billed for "
                    + "group time; group speech treatment is 92508")
            .revised(3, "2026-12-06: a timed code's group minutes are left out of the units (MW-U007 reports them); "
                    + "this rule keeps the untimed individual codes (92507, 92526), whose line reaches the claim");

    /** Individual speech-language codes and what group time under them is billed as (empty: no group code). */
    private static final java.util.Map<String, String> INDIVIDUAL_SLP = java.util.Map.of("92507", "92508",
            "92526", "");
    public static final RuleInfo INDIVIDUAL_CODE_FOR_SUPERVISED = new RuleInfo("MW-G003", Severity.WARN,
            "One-on-one code recorded for supervised time",
            "Bill only the minutes of direct one-on-one contact (or constant attendance) under this code; time the "
                    + "patient exercised alone or under mere supervision is not billable as a timed procedure.",
            "CMS Pub 100-04 ch. 5 §20.2 B, §20.3; RULES.md §2", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: warns (was a block): the supervised minutes are left out of the units, so the "
                    + "claim Minutewise writes does not bill them (a claim billed with them is MW-B002's)");

    public static final RuleInfo GROUP_CODE_FOR_ONE_ON_ONE = new RuleInfo("MW-G004", Severity.WARN,
            "Group code documented as one-on-one time",
            "Bill the group code only for treatment of two or more patients at once, one unit per patient; if the "
                    + "patient was treated alone, bill the individual code (92507 for speech, language or voice "
                    + "treatment; the timed procedure codes 97110-97546 by their minutes for PT or OT) or correct "
                    + "the documented mode.",
            "CMS Pub 100-02 ch. 15 §230 A (group therapy: two or more patients); CPT 92508 and 97150 (group of 2 or "
                    + "more individuals); RULES.md §1", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return GROUP_BESIDE_INDIVIDUAL;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(GROUP_BESIDE_INDIVIDUAL, INDIVIDUAL_CODE_FOR_GROUP, INDIVIDUAL_CODE_FOR_SUPERVISED,
                GROUP_CODE_FOR_ONE_ON_ONE);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine l = s.get(i);
            CodeInfo info = ctx.codeAt(i);
            if (info == null) {
                continue;
            }
            boolean groupMode = l.mode().orElse(Mode.ONE_ON_ONE) == Mode.GROUP;
            // A timed code's group minutes are left out of the units: MW-U007 says so (this rule's block is for a
            // line that reaches the claim).
            if (groupMode && (info.oneOnOne() || info.constantAttendance()) && !info.timed()) {
                out.add(INDIVIDUAL_CODE_FOR_GROUP.finding(CheckContext.path(i), l.code() + " is billed for group "
                        + "time, but it needs " + (info.constantAttendance() ? "constant attendance"
                        : "direct one-on-one contact") + " for its minutes. Group therapy is billed as 97150"
                        + (ctx.visit().planOfCare() == org.minutewise.core.model.Discipline.SLP ? " (92508 for group "
                        + "speech, language or voice treatment)" : "") + ", one unit per patient."));
            }
            String groupCode = INDIVIDUAL_SLP.get(l.code());
            if (groupMode && groupCode != null) {
                out.add(INDIVIDUAL_CODE_FOR_GROUP.finding(CheckContext.path(i), l.code() + " is individual "
                        + (l.code().equals("92507") ? "speech, language or voice treatment" : "swallowing treatment")
                        + ", but it is billed for group time. " + (groupCode.isEmpty() ? "There is no group code for "
                        + "it: bill only the minutes with the patient individually, or the group session as 97150 "
                        + "when the payer takes it for this service." : "Group speech, language or voice treatment "
                        + "is " + groupCode + ", one unit per patient.")));
            }
            if (l.mode().orElse(Mode.ONE_ON_ONE) == Mode.SUPERVISED && (info.oneOnOne() || info.constantAttendance())) {
                out.add(INDIVIDUAL_CODE_FOR_SUPERVISED.finding(CheckContext.path(i) + ".mode", l.code() + " is "
                        + "documented as supervised time, but it needs " + (info.constantAttendance()
                        ? "constant attendance" : "direct one-on-one contact") + " for every minute billed. Minutes "
                        + "the patient spent alone or under mere supervision do not count toward its units, so they "
                        + "are left out of them."));
            }
            if (info.group() && l.mode().orElse(null) == Mode.ONE_ON_ONE) {
                // Only a mode that says one-on-one: a group code with no mode is group time by its code.
                out.add(GROUP_CODE_FOR_ONE_ON_ONE.finding(CheckContext.path(i) + ".mode", l.code() + " is "
                        + (l.code().equals("92508") ? "group speech, language or voice treatment"
                        : "a group therapy code") + " (two or more patients treated at once), but the service is "
                        + "documented as one-on-one time. Treatment of one patient alone is billed as "
                        + (info.disciplines().equals(java.util.Set.of(org.minutewise.core.model.Discipline.SLP))
                        ? "92507, the individual code"
                        : "the individual codes: 92507 for speech-language pathology, the timed procedure codes "
                        + "(97110-97546) by their minutes for physical or occupational therapy") + "."));
            }
            if (info.group()) {
                for (int j = 0; j < s.size(); j++) {
                    ServiceLine o = s.get(j);
                    if (!besideIndividual(ctx, i, j)) {
                        continue; // recorded as group or supervised time: MW-U007, MW-G002 or MW-G003 says so
                    }
                    int shared = shared(l, o);
                    if (shared > 0) {
                        out.add(GROUP_BESIDE_INDIVIDUAL.finding(CheckContext.path(j), l.code() + " (group) and "
                                + o.code() + " (individual) share " + shared + " documented minutes; the same "
                                + "minutes cannot be both group and one-on-one."
                                + NcciPairs.sharedMinutesNote(ctx, l.code(), o.code())
                                + (leftOut(ctx, o) ? " Until the times are corrected, the units leave these minutes "
                                + "out of " + o.code() + "'s one-on-one minutes, as group time (see the explanation)."
                                : "")));
                    }
                }
            }
        }
    }

    /**
     * Whether this rule weighs the minutes of a group line (i) and another line (j): j is an individual code's
     * one-on-one time (group or supervised time recorded under it is MW-U007's, MW-G002's or MW-G003's).
     */
    static boolean besideIndividual(CheckContext ctx, int i, int j) {
        CodeInfo gi = ctx.codeAt(i);
        CodeInfo oi = ctx.codeAt(j);
        return i != j && gi != null && gi.group() && oi != null && (oi.oneOnOne() || oi.constantAttendance())
                && ctx.visit().services().get(j).mode().orElse(Mode.ONE_ON_ONE) == Mode.ONE_ON_ONE;
    }

    /**
     * Whether the count cuts the minutes a group code's period holds from line {@code o}'s (VisitChecker#minutesView):
     * a timed code's minutes that count (not an aide's, ...). An untimed individual code (92507) has no minutes to cut.
     */
    private static boolean leftOut(CheckContext ctx, ServiceLine o) {
        return ctx.units().isTimed(o.code())
                && org.minutewise.core.check.VisitChecker.notCounted(ctx.visit(), ctx.payer(), true, o) == null;
    }

    private static int shared(ServiceLine a, ServiceLine b) {
        int n = 0;
        for (Period p : a.periods()) {
            for (Period q : b.periods()) {
                n += p.overlapMinutes(q);
            }
        }
        return n;
    }
}
