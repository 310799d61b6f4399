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
 * The note describes independent, unsupervised or home exercise while one-on-one timed codes are billed.
 * Exercise the patient does alone or under mere supervision is not billable as any timed code (RULES.md §2;
 * ERRATA 9: not as 97110 either). Warn, not block: CMS lets a note mention unbilled activities of the patient
 * (Pub 100-02 ch. 15 §220.3 E), so the phrase shows a risk, not that those minutes were billed.
 */
public final class IndependentExerciseBilled implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D016", Severity.WARN,
            "Independent or home exercise beside timed one-on-one codes",
            "Take the minutes of independent, supervised-only or home exercise out of the timed minutes (and the "
                    + "units), and say in the note that they were not billed; if the clinician was in fact giving "
                    + "skilled input throughout, document the cues, corrections and progression.",
            "RULES.md §2; CMS Pub 100-04 ch. 5 §20.2; CMS Pub 100-02 ch. 15 §220.3 E",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: not when the same sentence says the time was not billed or not counted (the fix "
                    + "asks for exactly that)")
            .revised(3, "2026-12-06: nor when it says the exercise was not done (\"did not perform independent "
                    + "exercise\")");

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
        if (!scan.has(PhraseLists.INDEPENDENT)) {
            return;
        }
        List<Integer> lines = DocSupport.oneOnOneTimed(ctx);
        if (lines.isEmpty()) {
            return;
        }
        String codes = DocSupport.codesText(DocSupport.oneOnOneCodes(ctx));
        String text = scan.text();
        for (PhraseMatch m : DocSupport.outermost(scan.matches(PhraseLists.INDEPENDENT))) {
            int end = scan.sentenceEnd(m.start());
            if (end > 0 && text.charAt(end - 1) == ';') {
                end = scan.sentenceEnd(end); // "...on own 10 min; these minutes were not counted"
            }
            if (scan.anyWithin(PhraseLists.NOT_BILLED, scan.sentenceStart(m.start()), end)) {
                continue; // "independent bike 10 min (not billed)": the note says the minutes are out
            }
            out.add(INFO.finding(m.path(), "The note says " + DocSupport.quote(text, m.start(), m.end()) + " ("
                    + m.path() + "). Exercise the patient does alone, under mere supervision or as a home "
                    + "program is not billable as any timed one-on-one code (" + codes + "); if those minutes "
                    + "are in the billed time, the units are overstated."));
        }
    }
}
