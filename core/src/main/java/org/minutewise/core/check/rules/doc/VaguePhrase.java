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
 * Vague phrases a reviewer reads as unskilled ("worked on balance", "balance activities"), one finding per
 * phrase with its span. A vague phrase whose sentence also names a technique or skilled input ("worked on
 * balance with perturbations and tactile cues at the pelvis") is specific enough and is not reported. A bare
 * "tolerated well" is reported only when it is the only response the note records. A vague phrase inside an
 * independent-exercise phrase is left to MW-D016.
 */
public final class VaguePhrase implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D014", Severity.WARN,
            "Vague phrase in the note",
            "Replace the phrase with what was done and what the clinician did, e.g. instead of \"worked on "
                    + "balance\": \"tandem stance on foam 3 x 30 s with contact guard and tactile cues at the "
                    + "pelvis; progressed to eyes closed\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: skilled input the sentence negates (\"worked on balance, no VC or TC needed\") "
                    + "does not make a vague phrase specific");

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
        if (!scan.has(PhraseLists.VAGUE) && !scan.has(PhraseLists.VAGUE_RESPONSE)) {
            return;
        }
        String text = scan.text();
        List<PhraseMatch> vague = new ArrayList<>();
        if (scan.has(PhraseLists.VAGUE)) {
            for (PhraseMatch m : DocSupport.outermost(scan.matches(PhraseLists.VAGUE))) {
                if (scan.covered(m.start(), m.end(), PhraseLists.INDEPENDENT)) {
                    continue; // "home exercises performed": MW-D016 reports it
                }
                int from = scan.sentenceStart(m.start());
                int to = scan.sentenceEnd(m.end());
                if (!scan.anyWithin(PhraseLists.TECHNIQUE, from, to)
                        && !scan.anyWithin(PhraseLists.SKILLED, from, to, PhraseLists.INDEPENDENT)) {
                    vague.add(m);
                }
            }
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
            } else {
                out.add(INFO.finding(m.path(), "The note says " + quoted + " (" + m.path() + ") without saying what "
                        + "was done or what the clinician did. Reviewers read such phrases as unskilled and may deny "
                        + "the minutes they describe."));
            }
        }
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
