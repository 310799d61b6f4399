package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;

/**
 * The same minute documented under two therapy services (or twice under one). Only supervised modalities
 * (97010-97028, G0283) may share minutes with other services. Periods are half-open: 09:00-09:24 and
 * 09:24-09:47 do not overlap.
 */
public final class SameMinuteTwice implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U003", Severity.BLOCK,
            "The same minutes billed twice",
            "Give each minute to one code: correct the start and end times, or move the shared minutes to the "
                    + "one service that was actually furnished then.",
            "NCCI Policy Manual ch. XI §P; CMS Pub 100-04 ch. 5 §20.2", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-05: group time (97150) beside an individual code in the same minutes is left to "
                    + "MW-G001, which reported the same minutes");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine a = s.get(i);
            if (a.periods().isEmpty() || ctx.isSupervisedModalityAt(i)) {
                continue;
            }
            // Periods of one line overlapping each other.
            for (int p = 0; p < a.periods().size(); p++) {
                for (int q = p + 1; q < a.periods().size(); q++) {
                    report(out, i, a, a.periods().get(p), i, a, a.periods().get(q));
                }
            }
            for (int j = i + 1; j < s.size(); j++) {
                ServiceLine b = s.get(j);
                if (b.periods().isEmpty() || ctx.isSupervisedModalityAt(j) || groupBesideIndividual(ctx, i, j)) {
                    continue;
                }
                for (Period pa : a.periods()) {
                    for (Period pb : b.periods()) {
                        report(out, i, a, pa, j, b, pb);
                    }
                }
            }
        }
    }

    /**
     * Group time (97150) beside an individual code in the same minutes is MW-G001's finding, which says what to do
     * about it; the same minutes are not reported a second time here.
     */
    private static boolean groupBesideIndividual(CheckContext ctx, int i, int j) {
        CodeInfo a = ctx.codeAt(i);
        CodeInfo b = ctx.codeAt(j);
        return a != null && b != null && (a.group() && (b.oneOnOne() || b.constantAttendance())
                || b.group() && (a.oneOnOne() || a.constantAttendance()));
    }

    private static void report(List<Finding> out, int i, ServiceLine a, Period pa, int j, ServiceLine b, Period pb) {
        int shared = pa.overlapMinutes(pb);
        if (shared == 0) {
            return;
        }
        Period both = new Period(max(pa, pb), min(pa, pb));
        String what;
        // Co-treatment by a therapist and another clinician: the shared minutes are the therapist's (RULES.md §4).
        boolean together = i != j && a.code().equals(b.code()) && !a.provider().sameClinician(b.provider())
                && (a.provider().role().isTherapist() || b.provider().role().isTherapist());
        if (together) {
            // Co-treatment: two clinicians with one patient in the same minutes of one code.
            out.add(INFO.finding(CheckContext.path(j), "The same " + shared + " minutes (" + both + ") of "
                    + a.code() + " are documented by two clinicians (" + CheckContext.path(i) + " and "
                    + CheckContext.path(j) + "). Two clinicians treating one patient together still give one "
                    + "unit per 15 minutes: each minute counts once.", "If they treated together, record the "
                    + "shared minutes once, on the therapist's line: minutes both furnish are the therapist's, with "
                    + "no CQ/CO for them. If they treated at different times, correct the start and end times."));
            return;
        }
        if (a.code().equals(b.code())) {
            what = "The same " + shared + " minutes (" + both + ") are documented twice for " + a.code()
                    + (i == j ? "" : " (" + CheckContext.path(i) + " and " + CheckContext.path(j) + ")")
                    + ". Two clinicians treating together still count each minute once.";
        } else {
            what = a.code() + " (" + pa + ") and " + b.code() + " (" + pb + ") share " + shared + " minutes ("
                    + both + "). The same minute may not be billed under two therapy codes.";
        }
        out.add(INFO.finding(CheckContext.path(j), what));
    }

    private static java.time.LocalTime max(Period a, Period b) {
        return a.start().isAfter(b.start()) ? a.start() : b.start();
    }

    private static java.time.LocalTime min(Period a, Period b) {
        return a.end().isBefore(b.end()) ? a.end() : b.end();
    }
}
