package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatch;

/**
 * An activity of the patient ("patient performed balance board x 10 min") with no cue, correction, facilitation
 * or guarding by the clinician around it, while one-on-one timed codes are billed. A sentence that speaks of
 * independent exercise or a level of independence ("independently", "(I)") is left to MW-D016, one that says the
 * time was not billed is not reported, one with a vague phrase ("pt did well") is left to MW-D014. A cue inside a
 * no-cue phrase ("without cues") is no cue. One finding per sentence.
 *
 * <p>Where the cue may be: in the activity's own sentence, or in the sentence next to it when the two describe one
 * activity, which is when one of them names no activity of its own (no technique but as what a cue is for: "VC for
 * ankle strategy"; no minutes):
 * <ul>
 *   <li>the sentence before, when the activity's sentence only reports how it went: "Obstacle stepping over 4 in
 *       hurdles w/ TC at trunk. Pt performed 3 laps." Notes usually give the exercise and its cues first and the
 *       count after;</li>
 *   <li>the sentence after, when it only adds to it (no activity phrase either): "Patient performed balance
 *       board x 10 min. Tactile cues at the ankles for strategy."</li>
 * </ul>
 * A neighbour that names a technique or minutes is another activity, often another code's: "Pt performed balance
 * board x 10 min. Ther ex 15 min: SLR and bridges w/ VC" gives the balance board no cue (it did, through the next
 * sentence, and so the seed's own red flag passed). An activity's sentence that names its own exercise gets no cue
 * from the sentence before: "Tandem stance w/ VC. Pt performed marching x 10 min." No further than the next
 * sentence either way, so a cue elsewhere in the note does not cover an activity it was not given for. The limit:
 * an exercise the phrase lists do not know, with no minutes ("Bridges w/ VC."), after an activity is read as a
 * comment on it.
 */
public final class UnskilledActivity implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D015", Severity.WARN,
            "Activity with no skilled input",
            "Say what the clinician did during the activity: the cues given and what they corrected, "
                    + "facilitation or guarding, how the task was graded; if the patient did it without skilled "
                    + "input, leave those minutes out of the timed minutes.",
            "RULES.md §2 and §7; CMS Pub 100-04 ch. 5 §20.2; CMS Pub 100-02 ch. 15 §220.3",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: the cue may be in the sentence before the activity when the activity's sentence "
                    + "names no exercise of its own (\"... w/ TC at trunk. Pt performed 3 laps.\"), and in the sentence "
                    + "after only when that one names no activity, technique or minutes of its own (the next "
                    + "sentence's cues for 97110 covered \"Pt performed balance board x 10 min.\"); not for a sentence "
                    + "with a level of independence (MW-D016's) or that says the time was not billed (a domain review)")
            .revised(3, "2026-12-06: cues or assistance the note negates (\"(I) w/o assist\", \"no VC needed\") "
                    + "are no skilled input")
            .revised(4, "2026-12-06: nor are cues a template field states as absent (\"Pt performed tandem stance, cues: "
                    + "none required\"); minutes in a sentence are a number and a minute unit as MW-D020 reads them "
                    + "(also \"10\u2019\", a tab or non-breaking space before \"min\")")
            .revised(5, "2026-12-06: a technique the next sentence names as what its cue is for (\"Pt performed wobble "
                    + "board x10 min. VC for ankle strategy and CGA throughout.\") is that cue's aim, not another "
                    + "activity: the cue covers the activity (a therapist's review)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.SKILLED)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        NoteScan scan = DocSupport.scan(ctx);
        if (!scan.has(PhraseLists.ACTIVITY)) {
            return;
        }
        List<Integer> lines = DocSupport.oneOnOneTimed(ctx);
        if (lines.isEmpty()) {
            return;
        }
        String text = scan.text();
        int reportedUpTo = -1;
        for (PhraseMatch m : scan.matches(PhraseLists.ACTIVITY)) {
            int sentence = scan.sentenceStart(m.start());
            int sentenceEnd = scan.sentenceEnd(m.start());
            if (m.start() < reportedUpTo) {
                continue;
            }
            if (scan.anyWithin(PhraseLists.INDEPENDENT, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.INDEPENDENT_LEVEL, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.NOT_BILLED, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.VAGUE, sentence, sentenceEnd)
                    || skilled(scan, sentence, sentenceEnd)) {
                continue;
            }
            if (!namesActivity(scan, sentence, sentenceEnd)) {
                int before = Sentences.previousEnd(text, sentence);
                if (before > 0 && skilled(scan, Sentences.previousStart(scan, before), before)) {
                    continue; // "... w/ TC at trunk. Pt performed 3 laps."
                }
            }
            int after = Sentences.nextStart(text, sentenceEnd);
            if (after < text.length()) {
                int afterEnd = scan.sentenceEnd(after);
                if (!scan.anyWithin(PhraseLists.ACTIVITY, after, afterEnd) && !namesActivity(scan, after, afterEnd)
                        && skilled(scan, after, afterEnd)) {
                    continue; // "Pt performed balance board x 10 min. Tactile cues at the ankles."
                }
            }
            int end = DocSupport.trimEnd(text, m.start(), sentenceEnd);
            reportedUpTo = sentenceEnd;
            String path = DocSupport.notePath(m.start(), end);
            out.add(INFO.finding(path, "The note says " + DocSupport.quote(text, m.start(), end) + " (" + path
                    + ") with no cue, correction, facilitation or guarding by the clinician. Time the patient "
                    + "spends on an activity without skilled input is not billable as "
                    + DocSupport.codesText(DocSupport.oneOnOneCodes(ctx)) + "."));
        }
    }

    /** A cue, correction, facilitation or guarding in [from, to), not inside a no-cue phrase. */
    private static boolean skilled(NoteScan scan, int from, int to) {
        return scan.anyWithin(PhraseLists.SKILLED, from, to, PhraseLists.NO_CUE);
    }

    /**
     * True when [from, to) names an activity of its own: a technique, or minutes ("x 10 min"). A technique that is a
     * cue's aim ("VC for ankle strategy") names what the cue was for, not another activity.
     */
    private static boolean namesActivity(NoteScan scan, int from, int to) {
        return scan.anyWithinButCueAims(PhraseLists.TECHNIQUE, from, to)
                || Sentences.hasMinutes(scan.text(), from, to);
    }
}
