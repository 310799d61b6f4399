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
 * An activity of the patient ("patient performed balance board x 10 min") with no cue, correction,
 * facilitation or guarding by the clinician in the same sentence or the next one, while one-on-one timed codes
 * are billed. A sentence that reads as independent exercise is left to MW-D016, one with a vague phrase
 * ("pt did well") to MW-D014. One finding per sentence.
 */
public final class UnskilledActivity implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D015", Severity.WARN,
            "Activity with no skilled input",
            "Say what the clinician did during the activity: the cues given and what they corrected, "
                    + "facilitation or guarding, how the task was graded; if the patient did it without skilled "
                    + "input, leave those minutes out of the timed minutes.",
            "RULES.md §2 and §7; CMS Pub 100-04 ch. 5 §20.2; CMS Pub 100-02 ch. 15 §220.3",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: cues or assistance the note negates (\"(I) w/o assist\", \"no VC needed\") "
                    + "are no skilled input");

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
                    || scan.anyWithin(PhraseLists.VAGUE, sentence, sentenceEnd)
                    || scan.anyWithin(PhraseLists.SKILLED, sentence, scan.sentenceEnd(sentenceEnd),
                            PhraseLists.INDEPENDENT)) {
                continue;
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

}
