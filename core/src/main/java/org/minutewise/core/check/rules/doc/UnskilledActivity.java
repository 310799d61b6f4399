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
 * time was not billed is not reported, one with a vague phrase that MW-D014 reports ("pt did well") is left to it
 * (one that names its exercises, "balance exercises: tandem stance, SLS", MW-D014 leaves, so it is reported here).
 * A cue inside a no-cue phrase ("without cues") is no cue. One finding per sentence.
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
 *
 * <p>Without a "pt performed": a note that states cues or assistance as not given ("Cues: none", "Cueing: N/A",
 * "no VC needed") and shows no skilled input anywhere makes each sentence listing the exercises of billed minutes
 * ("NMR 24 min: tandem stance, SLS, marching on foam") an activity without skilled input. A level of assistance
 * alone ("Assist: Independent") does not: the note is silent on cues, MW-D007 reports it.
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
                    + "activity: the cue covers the activity (a therapist's review)")
            .revised(6, "2026-12-06: a note that states cues or assistance as not given (\"Cues: none\", \"Cueing: "
                    + "N/A\", \"Assist - none\") and shows no skilled input anywhere: a sentence listing the "
                    + "exercises of billed minutes (\"NMR 24 min: tandem stance, SLS, marching on foam\") is an "
                    + "activity without skilled input, with no \"pt performed\"; not for a level of assistance "
                    + "alone (\"Assist: Independent\": MW-D007's) (a therapist's review)")
            .revised(7, "2026-12-07: a sentence with a vague phrase is left to MW-D014 only when MW-D014 reports it; "
                    + "one that names its exercises (\"Pt performed balance exercises: tandem stance, SLS and marching "
                    + "on foam x 15 min\") MW-D014 leaves alone and was reported by neither (a reviewer's cases)");

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
        List<Integer> lines = DocSupport.oneOnOneTimed(ctx);
        if (lines.isEmpty()) {
            return;
        }
        int found = out.size();
        if (scan.has(PhraseLists.ACTIVITY)) {
            activities(ctx, scan, out);
        }
        if (out.size() == found) {
            listedWithCuesDenied(ctx, scan, out);
        }
    }

    /** The activities the note names as the patient's ("pt performed"), each with no skilled input around it. */
    private static void activities(CheckContext ctx, NoteScan scan, List<Finding> out) {
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
                    || leftToVaguePhrase(scan, sentence, sentenceEnd)
                    || skilled(scan, sentence, sentenceEnd)) {
                continue;
            }
            if (!Sentences.namesActivity(scan, sentence, sentenceEnd)) {
                int before = Sentences.previousEnd(text, sentence);
                if (before > 0 && skilled(scan, Sentences.previousStart(scan, before), before)) {
                    continue; // "... w/ TC at trunk. Pt performed 3 laps."
                }
            }
            int after = Sentences.nextStart(text, sentenceEnd);
            if (after < text.length()) {
                int afterEnd = scan.sentenceEnd(after);
                if (!scan.anyWithin(PhraseLists.ACTIVITY, after, afterEnd)
                        && !Sentences.namesActivity(scan, after, afterEnd)
                        && skilled(scan, after, afterEnd)) {
                    continue; // "Pt performed balance board x 10 min. Tactile cues at the ankles."
                }
            }
            reportedUpTo = sentenceEnd;
            report(ctx, text, m.start(), sentenceEnd, "", out);
        }
    }

    /**
     * A note that says no cue or assistance was given ("Cues: none", "Cueing: N/A", "Assist - none", "no VC needed")
     * and shows none anywhere: a sentence that lists the exercises of billed minutes ("NMR 24 min: tandem stance, SLS,
     * marching on foam") is activity without skilled input, though no "pt performed" names the patient. A level of
     * assistance alone ("Assist: Independent", "Assist: SBA") says no hands-on help, not that no cue was given: MW-D007
     * reports such a note. Read only for a note with no skilled input, so it costs the others nothing.
     */
    private static void listedWithCuesDenied(CheckContext ctx, NoteScan scan, List<Finding> out) {
        if (!scan.has(PhraseLists.TECHNIQUE) || scan.anyOutside(PhraseLists.SKILLED, PhraseLists.NO_CUE)
                || !cuesDenied(scan)) {
            return;
        }
        String text = scan.text();
        int done = -1;
        for (PhraseMatch m : scan.matches(PhraseLists.TECHNIQUE)) {
            if (m.start() < done) {
                continue;
            }
            int sentence = scan.sentenceStart(m.start());
            int sentenceEnd = scan.sentenceEnd(m.start());
            done = sentenceEnd;
            if (!Sentences.hasMinutes(text, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.ACTIVITY, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.INDEPENDENT, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.INDEPENDENT_LEVEL, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.NOT_BILLED, sentence, sentenceEnd)
                    || leftToVaguePhrase(scan, sentence, sentenceEnd)) {
                continue;
            }
            report(ctx, text, sentence, sentenceEnd, " (the note states cues or assistance as not given)", out);
        }
    }

    /**
     * Whether the note says a cue or assistance was not given: a skilled match it negates with a negation word in the
     * same clause ("Cues: none", "did not require cues", "no VC needed"), not one only a level of assistance leaves out
     * ("Assist: Independent", also not "Assist: Independent, no LOB": the "no" is another clause's).
     */
    private static boolean cuesDenied(NoteScan scan) {
        for (PhraseMatch m : scan.negated(PhraseLists.SKILLED)) {
            int from = Sentences.clauseStart(scan, m.start());
            int to = Sentences.clauseEnd(scan, m.start(), m.end());
            if (scan.anyWithin(PhraseLists.NEGATION, from, to) || scan.anyWithin(PhraseLists.NEGATION_AFTER, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static void report(CheckContext ctx, String text, int start, int sentenceEnd, String why,
                               List<Finding> out) {
        int end = DocSupport.trimEnd(text, start, sentenceEnd);
        String path = DocSupport.notePath(start, end);
        out.add(INFO.finding(path, "The note says " + DocSupport.quote(text, start, end) + " (" + path
                + ") with no cue, correction, facilitation or guarding by the clinician" + why + ". Time the "
                + "patient spends on an activity without skilled input is not billable as "
                + DocSupport.codesText(DocSupport.oneOnOneCodes(ctx)) + "."));
    }

    /**
     * Whether the sentence has a vague phrase MW-D014 reports ("Pt did well with balance activities x 10 min"): that
     * finding says it. One whose sentence names the exercises ("Pt performed balance exercises: tandem stance, SLS and
     * marching on foam x 15 min") MW-D014 leaves alone, so it is this rule's: activity with no skilled input.
     */
    private static boolean leftToVaguePhrase(NoteScan scan, int from, int to) {
        return scan.anyWithin(PhraseLists.VAGUE, from, to) && !VaguePhrase.specific(scan, from, to);
    }

    /** A cue, correction, facilitation or guarding in [from, to), not inside a no-cue phrase. */
    private static boolean skilled(NoteScan scan, int from, int to) {
        return scan.anyWithin(PhraseLists.SKILLED, from, to, PhraseLists.NO_CUE);
    }

}
