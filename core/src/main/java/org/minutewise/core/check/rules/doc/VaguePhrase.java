package org.minutewise.core.check.rules.doc;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Vague phrases a reviewer reads as unskilled (RULES.md §7: "worked on balance"), one finding per phrase with its
 * span, where the note does not otherwise say what was done. What says it: a named technique, or the clinician's
 * skilled input (a cue, facilitation, guarding), where that phrase stands for the minutes:
 * <ul>
 *   <li>a phrase that stands for an activity ("worked on balance", "balance training", "exercises performed")
 *       is specific enough when its sentence names a technique or skilled input ("worked on balance with
 *       perturbations and tactile cues at the pelvis"), or when the sentence right after it names a technique or
 *       skilled input and no minutes of its own: an EMR heading "Balance Training" on its own line, then "- Tandem
 *       stance on foam 3 x 30 sec, CGA, tactile cues at pelvis". A next sentence with minutes ("Ther ex 15 min:
 *       ... w/ VC") is another service's, and a cue that is only the patient's response ("needed fewer cues")
 *       says nothing of what was done;</li>
 *   <li>a plan that says only "continue" ({@code [vague-plan]}: "Cont POC") describes no minutes: it is vague
 *       only in a note that nowhere names a technique or skilled input. A well-documented note may end
 *       "Cont POC.".</li>
 * </ul>
 * A bare "tolerated well" is reported only when it is the only response the note records. A vague phrase in a
 * sentence of independent exercise ("exercises performed independently on mat") is left to MW-D016.
 */
public final class VaguePhrase implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D014", Severity.WARN,
            "Vague phrase in the note",
            "Replace the phrase with what was done and what the clinician did, e.g. instead of \"worked on "
                    + "balance\": \"tandem stance on foam 3 x 30 s with contact guard and tactile cues at the "
                    + "pelvis; progressed to eyes closed\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: only where the note does not otherwise say what was done: an activity phrase is "
                    + "specific when the sentence after it names a technique or skilled input and no minutes of its "
                    + "own (an EMR heading \"Balance Training\" over bullets with the technique and cues); \"Cont POC\" "
                    + "and the like only in a note that names no technique or skilled input anywhere (a domain "
                    + "review: well-documented notes were told they said it without saying what was done)")
            .revised(3, "2026-12-06: skilled input the sentence negates (\"worked on balance, no VC or TC needed\") "
                    + "does not make a vague phrase specific")
            .revised(4, "2026-12-06: nor do cues a template field states as absent (\"Cues: none\"); minutes in the next "
                    + "sentence are a number and a minute unit as MW-D020 reads them")
            .revised(5, "2026-12-06: a note that points elsewhere (\"Same as last visit.\", \"Copied from prior "
                    + "note.\", \"see previous note\") is vague, and \"tolerated tx w/o c/o\" is read as \"tolerated "
                    + "well\" (a therapist's review; phrase list 2026.10)");

    /** The fix for a bare "tolerated well" standing as the note's only response. */
    static final String RESPONSE_FIX = "Record how the patient performed and what changed, instead of \"tolerated "
            + "well\" alone: e.g. \"needed fewer cues by the third set\", \"loss of balance reduced from 5 to 2 per "
            + "trial\", \"dizziness 3/10, resolved in 1 min\".";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        NoteScan scan = DocSupport.scan(ctx);
        if (!scan.has(PhraseLists.VAGUE) && !scan.has(PhraseLists.VAGUE_PLAN)
                && !scan.has(PhraseLists.VAGUE_RESPONSE)) {
            return;
        }
        String text = scan.text();
        List<PhraseMatch> vague = new ArrayList<>();
        if (scan.has(PhraseLists.VAGUE)) {
            for (PhraseMatch m : DocSupport.outermost(scan.matches(PhraseLists.VAGUE))) {
                int from = scan.sentenceStart(m.start());
                int to = scan.sentenceEnd(m.end());
                if (scan.anyWithin(PhraseLists.INDEPENDENT, from, to)) {
                    continue; // "home exercises performed", "exercises performed independently": MW-D016's
                }
                if (!specific(scan, from, to)) {
                    vague.add(m);
                }
            }
        }
        if (scan.has(PhraseLists.VAGUE_PLAN) && !saysWhatWasDone(scan, 0, text.length())) {
            vague.addAll(DocSupport.outermost(scan.matches(PhraseLists.VAGUE_PLAN)));
        }
        if (scan.has(PhraseLists.VAGUE_RESPONSE) && otherResponses(scan) == 0) {
            vague.addAll(DocSupport.outermost(scan.matches(PhraseLists.VAGUE_RESPONSE)));
        }
        vague.sort(Comparator.comparingInt(PhraseMatch::start));
        for (PhraseMatch m : vague) {
            String quoted = DocSupport.quote(text, m.start(), m.end());
            if (m.list().equals(PhraseLists.VAGUE_RESPONSE)) {
                out.add(INFO.finding(m.path(), "The only response the note records is " + quoted + " (" + m.path()
                        + "), which says nothing of how the patient performed or what changed.", RESPONSE_FIX));
            } else if (m.list().equals(PhraseLists.VAGUE_PLAN)) {
                // Only what the condition checked: the note may list exercises ("ankle alphabet, towel scrunches")
                // and still name no technique or skilled input of the clinician.
                out.add(INFO.finding(m.path(), "The note says " + quoted + " (" + m.path() + ") and nowhere says what "
                        + "the clinician did: no technique, cue, facilitation or guarding. Reviewers read such a note "
                        + "as unskilled and may deny the minutes billed."));
            } else {
                out.add(INFO.finding(m.path(), "The note says " + quoted + " (" + m.path() + ") without saying what "
                        + "was done or what the clinician did. Reviewers read such phrases as unskilled and may deny "
                        + "the minutes they describe."));
            }
        }
    }

    /**
     * Whether the sentence {@code [from, to)} of an activity's vague phrase says what was done, so the phrase is not
     * reported: the sentence names a technique or skilled input ("worked on balance with perturbations and tactile
     * cues"), or the sentence right after it does, with no minutes of its own ("Balance Training\n- Tandem stance on
     * foam, CGA, tactile cues at pelvis"). MW-D015 reads it too: a sentence whose vague phrase this rule reports is
     * left to it, any other is MW-D015's to judge.
     */
    static boolean specific(NoteScan scan, int from, int to) {
        if (scan.anyWithin(PhraseLists.TECHNIQUE, from, to)
                || scan.anyWithin(PhraseLists.SKILLED, from, to, PhraseLists.NO_CUE)) {
            return true;
        }
        String text = scan.text();
        int next = Sentences.nextStart(text, to);
        if (next < text.length()) {
            int nextEnd = scan.sentenceEnd(next);
            return !Sentences.hasMinutes(text, next, nextEnd) && saysWhatWasDone(scan, next, nextEnd);
        }
        return false;
    }

    /**
     * True when [from, to) names a technique, or skilled input that is not only the patient's response ("needed
     * fewer cues" says cues were given, not what was done) nor a no-cue phrase.
     */
    private static boolean saysWhatWasDone(NoteScan scan, int from, int to) {
        if (scan.anyWithin(PhraseLists.TECHNIQUE, from, to)) {
            return true;
        }
        if (!scan.anyWithin(PhraseLists.SKILLED, from, to, PhraseLists.NO_CUE)) {
            return false;
        }
        for (PhraseMatch k : scan.matches(PhraseLists.SKILLED)) {
            if (k.start() >= from && k.end() <= to && !scan.covered(k.start(), k.end(), PhraseLists.NO_CUE)
                    && !scan.covered(k.start(), k.end(), PhraseLists.RESPONSE)) {
                return true;
            }
        }
        return false;
    }

    /** Response phrases that are not part of a bare "tolerated well". */
    private static int otherResponses(NoteScan scan) {
        int n = 0;
        for (PhraseMatch r : scan.matches(PhraseLists.RESPONSE)) {
            if (!scan.covered(r.start(), r.end(), PhraseLists.VAGUE_RESPONSE)) {
                n++;
            }
        }
        return n;
    }
}
