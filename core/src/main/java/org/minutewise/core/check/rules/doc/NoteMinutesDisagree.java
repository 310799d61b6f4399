package org.minutewise.core.check.rules.doc;

import java.util.List;
import java.util.Optional;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.doc.NoteMinutes;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.Cognitive;

/**
 * The minutes the note states disagree with the minutes the visit bills: a service's own ("NMR 10 min" beside a
 * 97112 line of 30 minutes), the total timed minutes, or the total treatment time. A reviewer reads the note, not
 * the claim's fields: units the note's minutes do not support are denied (RULES.md §2: billed units consistent with
 * the documented minutes; CMS Pub 100-02 ch. 15 §220.3 E: the note records the total timed minutes and the total
 * treatment time). A service stated twice agrees when either statement or their sum matches.
 */
public final class NoteMinutesDisagree implements Rule {
    public static final RuleInfo WARN = new RuleInfo("MW-D020", Severity.WARN,
            "The note's minutes disagree with the minutes billed",
            "Make the note and the visit's minutes agree: correct whichever is wrong, then let the units follow the "
                    + "documented minutes; a reviewer counts the note's minutes, and units they do not support are "
                    + "denied.",
            "RULES.md §2 (billed units consistent with the documented minutes); CMS Pub 100-02 ch. 15 §220.3 E "
                    + "(total timed minutes and total treatment time in the treatment note)",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: a minute unit as MW-D014 to MW-D016 read it: also a curly apostrophe or prime "
                    + "(\"NMR 23\u2019:\"), a non-breaking space before \"min\", and a total's minutes before it in any "
                    + "of those spellings (\"35min total\", \"1 minute total\")")
            .revised(3, "2026-12-07: reads the total treatment time in the forms MW-D011 v4 reads; a sum's total "
                    + "(\"15 min MHP + 38 min timed = 53 min\") is the number after \"=\" (it compared the first term)");

    @Override
    public RuleInfo info() {
        return WARN;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        String note = DocSupport.note(ctx).get();
        for (DocSupport.ListedService service : DocSupport.listedServices(ctx)) {
            String code = service.code();
            List<NoteMinutes.Stated> stated = DocSupport.statedMinutes(ctx).getOrDefault(code, List.of());
            int billed = minutesOf(ctx, code, false);
            // The minutes the line states, where its times give others (MW-U002 reports that), also agree.
            if (stated.isEmpty() || billed == 0 || agrees(stated, billed)
                    || agrees(stated, minutesOf(ctx, code, true))) {
                continue;
            }
            NoteMinutes.Stated s = stated.get(0);
            out.add(WARN.finding(DocSupport.notePath(s.start(), s.end()), "The note gives " + code + " "
                    + sum(stated) + " minutes (" + DocSupport.quote(note, s.start(), s.end()) + "), but the visit "
                    + "documents it for " + billed + " minutes: the units rest on the visit's minutes, and a "
                    + "reviewer reads the note's."));
        }
        int timed = timedMinutes(ctx, false);
        int counted = ctx.units().totalTimedMinutes();
        Optional<NoteMinutes.Stated> totalTimed = DocSupport.statedTotals(ctx).timed();
        if (totalTimed.isPresent() && timed > 0 && totalTimed.get().minutes() != timed
                && totalTimed.get().minutes() != counted && totalTimed.get().minutes() != timedMinutes(ctx, true)) {
            NoteMinutes.Stated s = totalTimed.get();
            out.add(WARN.finding(DocSupport.notePath(s.start(), s.end()), "The note gives " + s.minutes()
                    + " total timed minutes (" + DocSupport.quote(note, s.start(), s.end()) + "), but the visit's "
                    + "timed services add up to " + timed + " minutes" + (counted != timed ? " (" + counted
                    + " of them counted for units)" : "") + "."));
        }
        Optional<NoteMinutes.Stated> total = DocSupport.statedTotalTreatment(ctx);
        if (total.isPresent()) {
            NoteMinutes.Stated s = total.get();
            var field = ctx.visit().totalTreatmentMinutes();
            if (field.isPresent() && field.getAsInt() != s.minutes()) {
                out.add(WARN.finding(DocSupport.notePath(s.start(), s.end()), "The note gives a total treatment "
                        + "time of " + s.minutes() + " minutes (" + DocSupport.quote(note, s.start(), s.end())
                        + "), but the visit's total treatment time is " + field.getAsInt() + " minutes."));
            } else if (field.isEmpty() && counted > s.minutes()) {
                // With no total treatment time field, MW-D012 cannot compare: the note's own total is the record.
                out.add(WARN.finding(DocSupport.notePath(s.start(), s.end()), "The note gives a total treatment "
                        + "time of " + s.minutes() + " minutes (" + DocSupport.quote(note, s.start(), s.end())
                        + "), less than the " + counted + " timed minutes the units rest on: the total treatment "
                        + "time includes every timed minute."));
            }
        }
    }

    private static boolean agrees(List<NoteMinutes.Stated> stated, int billed) {
        for (NoteMinutes.Stated s : stated) {
            if (s.minutes() == billed) {
                return true;
            }
        }
        return sum(stated) == billed;
    }

    private static int sum(List<NoteMinutes.Stated> stated) {
        int n = 0;
        for (NoteMinutes.Stated s : stated) {
            n += s.minutes();
        }
        return n;
    }

    /**
     * The minutes documented for a service (97129 and 97130 together), over all its lines: as counted (the times
     * when a line has them), or as the lines state them ({@code stated}).
     */
    private static int minutesOf(CheckContext ctx, String code, boolean stated) {
        int n = 0;
        List<ServiceLine> services = ctx.visit().services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine l = services.get(i);
            if (Cognitive.sameService(l.code(), code)) {
                n += stated && l.statedMinutes().isPresent() ? l.statedMinutes().getAsInt() : l.minutes();
            }
        }
        return n;
    }

    /**
     * The minutes documented for the visit's timed codes, as recorded (before any are left out of the count): from
     * the times where a line has them, or as the lines state them ({@code stated}).
     */
    private static int timedMinutes(CheckContext ctx, boolean stated) {
        int n = 0;
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info != null && info.timed()) {
                ServiceLine l = s.get(i);
                n += stated && l.statedMinutes().isPresent() ? l.statedMinutes().getAsInt() : l.minutes();
            }
        }
        return n;
    }
}
