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
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;

/**
 * The same minute documented under two therapy services (or twice under one). Only supervised modalities
 * (97010-97028, G0283) may share minutes with other services. Periods are half-open: 09:00-09:24 and
 * 09:24-09:47 do not overlap. Two clinicians in the same minutes of one code treated together (MW-U004, a warning:
 * the units count those minutes once). An untimed one-on-one service (an evaluation) beside a timed code in the same
 * minutes is this finding too (the same minutes billed as the service and again as timed minutes): the units leave
 * them out of the timed code's (CMS Pub 100-04 ch. 5 §20.2).
 */
public final class SameMinuteTwice implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U003", Severity.BLOCK,
            "The same minutes billed twice",
            "Give each minute to one code: correct the start and end times, or move the shared minutes to the "
                    + "one service that was actually furnished then.",
            "NCCI Policy Manual ch. XI §P; CMS Pub 100-04 ch. 5 §20.2", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-05: group time (97150) beside an individual code in the same minutes is left to "
                    + "MW-G001, which reported the same minutes")
            .revised(3, "2026-12-05: two clinicians documenting the same minutes of one code is co-treatment "
                    + "(MW-U004): the minutes are counted once instead of the claim being blocked")
            .revised(4, "2026-12-06: two codes of an NCCI pair sharing minutes are said here, with the pair, once "
                    + "(MW-E002 reported the same overlap as a second block)")
            .revised(5, "2026-12-06: the units count the shared minutes once, for the code whose period began first "
                    + "(at the same start a therapist's, then the longer period, then the lower code), and the message "
                    + "says which (they were counted under both codes, so the claim lines and the audit's supported "
                    + "units counted them twice)")
            .revised(6, "2026-12-07: a timed code's minutes inside an untimed one-on-one service's period (an "
                    + "evaluation or re-evaluation, 92507, 92526, ...) are left out of the timed code's units, as time "
                    + "spent on an untimed service is not counted toward timed minutes (CMS Pub 100-04 ch. 5 §20.2), "
                    + "and the message says so (they were counted as the service's time and again as timed minutes, so "
                    + "the claim could carry a timed unit too many)");

    /**
     * Two clinicians documented the same minutes of one code: they treated together. The units count each minute
     * once, and minutes a therapist furnished with an assistant are the therapist's (no CQ/CO for them).
     */
    public static final RuleInfo TOGETHER = new RuleInfo("MW-U004", Severity.WARN,
            "Two clinicians treated together: the shared minutes are counted once",
            "Nothing to change if they treated together: bill the units computed here, which count each shared "
                    + "minute once. Make sure the note says both treated the patient at the same time and why two "
                    + "clinicians were needed. If they treated at different times, correct the start and end times.",
            "CMS Pub 100-02 ch. 15 §230; CMS Pub 100-04 ch. 5 §20.2", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(INFO, TOGETHER);
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
                    report(ctx, out, i, a, a.periods().get(p), i, a, a.periods().get(q), "");
                }
            }
            for (int j = i + 1; j < s.size(); j++) {
                ServiceLine b = s.get(j);
                if (!compares(ctx, i, j)) {
                    continue;
                }
                // The NCCI note is worked out for the pairs that share a minute, not for every pair of lines.
                String pair = null;
                List<Period> pas = a.periods();
                List<Period> pbs = b.periods();
                for (int x = 0; x < pas.size(); x++) {
                    Period pa = pas.get(x);
                    for (int y = 0; y < pbs.size(); y++) {
                        Period pb = pbs.get(y);
                        if (pa.overlapMinutes(pb) == 0) {
                            continue;
                        }
                        if (pair == null) {
                            pair = NcciPairs.sharedMinutesNote(ctx, a.code(), b.code());
                        }
                        report(ctx, out, i, a, pa, j, b, pb, pair);
                    }
                }
            }
        }
    }

    /**
     * Whether this rule weighs the minutes two lines share: both have times, neither is a supervised modality
     * (which may share minutes), and they are not group time beside an individual code (MW-G001's).
     */
    static boolean compares(CheckContext ctx, int i, int j) {
        List<ServiceLine> s = ctx.visit().services();
        return !s.get(i).periods().isEmpty() && !s.get(j).periods().isEmpty() && !ctx.isSupervisedModalityAt(i)
                && !ctx.isSupervisedModalityAt(j) && !groupBesideIndividual(ctx, i, j);
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

    private static void report(CheckContext ctx, List<Finding> out, int i, ServiceLine a, Period pa, int j,
                               ServiceLine b, Period pb, String ncciPair) {
        int shared = pa.overlapMinutes(pb);
        if (shared == 0) {
            return;
        }
        Period both = new Period(max(pa, pb), min(pa, pb));
        String what;
        if (i != j && a.code().equals(b.code()) && !a.provider().sameClinician(b.provider())) {
            // Co-treatment: two clinicians with one patient in the same minutes of one code. The unit pool counts
            // the union of the code's periods (UnitCalculator.pool), so the claim is right; the note should say so.
            boolean therapist = a.provider().role().isTherapist() || b.provider().role().isTherapist();
            out.add(TOGETHER.finding(CheckContext.path(j), "The same " + shared + " minutes (" + both + ") of "
                    + a.code() + " are documented by two clinicians (" + CheckContext.path(i) + ", "
                    + a.provider().role() + ", and " + CheckContext.path(j) + ", " + b.provider().role() + "). Two "
                    + "clinicians treating one patient together still give one unit per 15 minutes, so these "
                    + "minutes are counted once" + (therapist && (a.provider().role().isAssistant()
                    || b.provider().role().isAssistant()) ? ", as the therapist's (no CQ/CO for them)" : "")
                    + "."));
            return;
        }
        if (a.code().equals(b.code())) {
            what = "The same " + shared + " minutes (" + both + ") are documented twice for " + a.code()
                    + (i == j ? "" : " (" + CheckContext.path(i) + " and " + CheckContext.path(j) + ")")
                    + " by the same clinician; the units here count them once, but the record says otherwise.";
        } else {
            // Two untimed codes' shared minutes are no timed code's: the units have nothing to say of them.
            String keeps = ctx.units().isTimed(a.code()) || ctx.units().isTimed(b.code()) ? keeps(ctx, both) : null;
            String service = ctx.units().isUntimedService(a.code()) ? a.code()
                    : ctx.units().isUntimedService(b.code()) ? b.code() : null;
            String timed = service == null ? null : service.equals(a.code()) ? b.code() : a.code();
            what = a.code() + " (" + pa + ") and " + b.code() + " (" + pb + ") share " + shared + " minutes ("
                    + both + "). The same minute may not be billed under two therapy codes." + ncciPair
                    + (keeps == null ? "" : service != null && keeps.equals(service) && ctx.units().isTimed(timed)
                    ? " Time spent on an untimed service (" + service + ") is not counted toward timed minutes (CMS "
                    + "Pub 100-04 ch. 5 §20.2): until the times are corrected, the units leave these minutes out of "
                    + timed + "'s timed minutes (see the explanation)."
                    : " Until the times are corrected, the units count them once, for " + keeps
                    + " (see the explanation).");
        }
        out.add(INFO.finding(CheckContext.path(j), what));
    }

    /**
     * The code(s) the count gives the minutes of {@code both} to ({@link VisitChecker#minuteOwners}: an untimed
     * one-on-one service's where its period holds them, else among the timed lines whose minutes count), or null when
     * the count takes none of them from a timed code (an aide's line, supervised time, two untimed codes).
     */
    private static String keeps(CheckContext ctx, Period both) {
        String[] owner = VisitChecker.minuteOwners(ctx.visit(), ctx.payer(), ctx.units());
        if (owner == null) {
            return null;
        }
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (int m = both.startMinute(); m < both.endMinute(); m++) {
            if (owner[m] != null) {
                codes.add(owner[m]);
            }
        }
        return codes.isEmpty() ? null : String.join(" and ", codes);
    }

    private static java.time.LocalTime max(Period a, Period b) {
        return a.start().isAfter(b.start()) ? a.start() : b.start();
    }

    private static java.time.LocalTime min(Period a, Period b) {
        return a.end().isBefore(b.end()) ? a.end() : b.end();
    }
}
