package org.minutewise.core.check.rules.doc;

import java.util.List;
import java.util.Optional;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.NoteSimilarity;

/**
 * The note is the previous visit's note again: identical, or near-identical ({@link NoteSimilarity}: its words in
 * the same order, numbers set aside, at or above {@value #THRESHOLD}). The same text visit after visit shows no
 * progression; a note copied forward with its date, scores or minutes changed is the same text.
 *
 * <p>The threshold: a changed word costs about one percent of a 100-word note, so 0.9 allows some five words in
 * a hundred to be changed, added or dropped. Notes of one template written for each session (today's
 * activities, cues, response and plan) differ in a third or more of their words (the tests hold such pairs below
 * 0.75).
 */
public final class CopiedNote implements Rule {
    public static final double THRESHOLD = 0.9;
    /**
     * A previous note held whole inside today's counts only when it has this many words: a short line ("Pt tolerated
     * tx well.") reappearing in a longer note is no copied note.
     */
    static final int MIN_WORDS_CONTAINED = 25;

    public static final RuleInfo INFO = new RuleInfo("MW-D017", Severity.WARN,
            "Note copied from the previous visit",
            "Write today's note from today's session: what was done, the cues and progressions given, how the "
                    + "patient performed and what changed since the last visit.",
            "RULES.md §7 (red flags); CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: compares the notes word by word in order, numbers set aside (a changed date, "
                    + "score or minute figure is the same word); it compared three-word sequences, so one changed "
                    + "number cost three and a note copied with its date, pain score and minutes changed passed")
            .revised(3, "2026-12-07: also a note that holds the previous one (25 words or more) whole, at least 90% "
                    + "of its words in the same order, with new text added around it (a new subjective line in front "
                    + "of a copied note pulled the similarity below 0.9)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx)) {
            return;
        }
        Optional<String> note = DocSupport.note(ctx);
        Optional<String> previous = ctx.visit().previousNote();
        if (note.isEmpty() || previous.isEmpty() || previous.get().isBlank()) {
            return;
        }
        double similarity = NoteSimilarity.similarity(note.get(), previous.get(), THRESHOLD);
        if (similarity < THRESHOLD) {
            // Copied forward with sentences added (a new subjective line in front): today's note holds the previous
            // one whole, word for word in order, though the added words pull the similarity below the threshold.
            // The word count first: containment hashes both notes and searches, and most previous notes differ.
            if (NoteSimilarity.wordCount(previous.get()) < MIN_WORDS_CONTAINED) {
                return;
            }
            double kept = NoteSimilarity.containment(note.get(), previous.get(), THRESHOLD);
            if (kept >= THRESHOLD) {
                out.add(INFO.finding("note", "Today's note holds " + (int) Math.floor(kept * 100) + "% of the "
                        + "previous visit's note word for word, in the same order (numbers set aside), with new "
                        + "text added around it. Notes carried forward from visit to visit show no progression and "
                        + "suggest the care was not individualized; reviewers treat them as a red flag and may deny "
                        + "the services they describe."));
            }
            return;
        }
        String how = note.get().equals(previous.get()) ? "is word for word the previous visit's note"
                : similarity == 1.0 ? "is the previous visit's note with only numbers (dates, scores, minutes), "
                        + "case, spacing or punctuation changed"
                : "is " + (int) Math.floor(similarity * 100) + "% the same as the previous visit's note (its words "
                        + "in the same order, numbers set aside)";
        out.add(INFO.finding("note", "Today's note " + how + ". Notes repeated from visit to visit show no "
                + "progression and suggest the care was not individualized; reviewers treat them as a red flag "
                + "and may deny the services they describe."));
    }
}
