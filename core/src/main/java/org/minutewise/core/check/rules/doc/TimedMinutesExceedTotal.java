package org.minutewise.core.check.rules.doc;

import java.util.ArrayList;
import java.util.BitSet;
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
 * The timed minutes add up to more than the documented total treatment time. Total treatment time includes
 * every timed and untimed minute, so the record contradicts itself: some of the minutes the timed units rest on
 * did not happen, or the total is wrong. Block, like the same minute billed twice (MW-U003): units resting on
 * minutes the record cannot contain are not supported, and which number is wrong only the clinic can say.
 */
public final class TimedMinutesExceedTotal implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D012", Severity.BLOCK,
            "Timed minutes exceed the total treatment time",
            "Correct whichever is wrong: the minutes of the timed services, or the total treatment time (which "
                    + "must include every timed and untimed minute); then recompute the units.",
            "CMS Pub 100-02 ch. 15 §220.3 E; CMS Pub 100-04 ch. 5 §20.2", Citations.BENEFIT_MANUAL_CH15);

    /**
     * The timed minutes fit in the total, but with the minutes documented for the untimed services (an evaluation,
     * 92507, group therapy) the record holds more minutes than the total treatment time. A warning: untimed codes
     * are paid per service, so no unit rests on the surplus, but the record contradicts itself all the same.
     * Minutes under overlapping periods count once; a supervised modality's minutes count only where its times
     * show them apart from the other services (they may overlap another service's).
     */
    public static final RuleInfo WITH_UNTIMED = new RuleInfo("MW-D018", Severity.WARN,
            "Timed and untimed minutes exceed the total treatment time",
            "Correct whichever is wrong: the minutes documented for the services, or the total treatment time, which "
                    + "includes every timed and untimed minute.",
            "CMS Pub 100-02 ch. 15 §220.3 E", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: a supervised modality's minutes count where its start and end times show them "
                    + "apart from every other service (97010 after the timed services: a rulebook review)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(INFO, WITH_UNTIMED);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (ctx.visit().totalTreatmentMinutes().isEmpty()) {
            return;
        }
        int total = ctx.visit().totalTreatmentMinutes().getAsInt();
        int timed = ctx.units().totalTimedMinutes();
        if (timed <= total) {
            int untimed = untimedMinutes(ctx);
            if (untimed > 0 && timed + untimed > total) {
                out.add(WITH_UNTIMED.finding("totalTreatmentMinutes", "The services document " + timed + " timed and "
                        + untimed + " untimed minutes, " + (timed + untimed) + " in all, but the total treatment time "
                        + "is " + total + " minutes, which includes every timed and untimed minute."));
            }
            return;
        }
        out.add(INFO.finding("totalTreatmentMinutes", "The timed services add up to " + timed + " minutes, but the "
                + "total treatment time is " + total + " minutes. The total treatment time includes every timed "
                + "and untimed minute, so it cannot be less than the timed minutes; the " + ctx.units().timedUnits()
                + " timed " + (ctx.units().timedUnits() == 1 ? "unit rests" : "units rest") + " on minutes the "
                + "record does not support."));
    }

    /**
     * The minutes documented for untimed therapy services: stated minutes, or the minutes of their periods that no
     * timed service's period and no other untimed period already holds (a group session in the same minutes as an
     * individual code is MW-G001's business, not more minutes). A supervised modality counts only by its periods, and
     * only when every other service with minutes has periods too (else nothing shows its minutes apart from theirs).
     */
    private static int untimedMinutes(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        // Every other service with minutes has times: else nothing shows a modality's minutes apart from its.
        boolean othersHaveTimes = true;
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info != null && !info.supervised() && s.get(i).minutes() > 0 && s.get(i).periods().isEmpty()) {
                othersHaveTimes = false;
            }
        }
        List<ServiceLine> untimed = new ArrayList<>(0);
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info != null && !info.timed() && !info.disciplines().isEmpty() && s.get(i).minutes() > 0
                    && (!info.supervised() || othersHaveTimes && !s.get(i).periods().isEmpty())) {
                untimed.add(s.get(i));
            }
        }
        if (untimed.isEmpty()) {
            return 0; // most visits: no untimed therapy minutes, nothing to add up
        }
        BitSet held = new BitSet(24 * 60);
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info != null && info.timed() && !info.supervised()) {
                for (Period p : s.get(i).periods()) {
                    held.set(p.startMinute(), p.endMinute());
                }
            }
        }
        int sum = 0;
        for (ServiceLine l : untimed) {
            if (l.periods().isEmpty()) {
                sum += l.minutes();
            }
            for (Period p : l.periods()) {
                sum += p.minutes() - held.get(p.startMinute(), p.endMinute()).cardinality();
                held.set(p.startMinute(), p.endMinute());
            }
        }
        return sum;
    }
}
