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
 * The note describes independent, supervised-only or home exercise while one-on-one timed codes are billed.
 * Exercise the patient does alone, under mere supervision or while the clinician attends another patient is not
 * billable as any timed code (RULES.md §2; ERRATA 9: not as 97110 either). Warn, not block: CMS lets a note
 * mention unbilled activities of the patient (Pub 100-02 ch. 15 §220.3 E), so the sentence shows a risk, not that
 * those minutes were billed.
 *
 * <p>What counts, sentence by sentence (one finding per sentence, its span the sentence):
 * <ul>
 *   <li>a phrase of {@code [independent]}: exercise done alone or as a home program, or while the clinician
 *       attends another patient ("exercised on own", "HEP performed", "while PT treated another pt");</li>
 *   <li>a level of independence or supervision ({@code [independent-level]}: "independently", "(I)", "I'ly",
 *       "supervision only") only where the sentence shows an activity of the session, an {@code [activity]} phrase
 *       ("pt performed") or minutes ("x 10 min"): "NuStep x 10 min I'ly" is exercise done alone, "ambulates
 *       household distances w/ supervision only" is the patient's level of function;</li>
 *   <li>a level of independence not in a sentence that only reports how the trials of the sentence before went
 *       (no exercise or minutes of its own) when that one gives the clinician's skilled input: "... VC to scan L
 *       and TC at L knee; 4 trials. Pt performed final 2 trials independently w/ grab bar." is their outcome;</li>
 *   <li>neither in a sentence that is a level of function, a goal, a plan or the patient's report
 *       ({@code [status]}: "unable to ambulate unsupervised", "Pt reports completed HEP daily"), nor in one that
 *       says the time was not billed or the exercise not done ({@code [not-billed]}).</li>
 * </ul>
 * "Without cues" is not independent exercise: it says how the patient performed ("able to hold tandem stance
 * without cues by the final set"), and an activity with no cue at all is MW-D015's.
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
                    + "exercise\")")
            .revised(4, "2026-12-06: reads the sentence, not the phrase alone: a level of independence or "
                    + "supervision (\"independently\", \"(I)\", \"I'ly\", \"supervision only\") counts beside an "
                    + "activity or minutes, and exercise while the clinician treats another patient counts; not a "
                    + "level of function, goal, plan or report (\"unable to ambulate unsupervised\", \"Pt reports "
                    + "completed HEP daily\"), nor \"without cues\" or \"while therapist applied perturbations\" "
                    + "(a domain review); one finding per sentence, its span the sentence")
            .revised(5, "2026-12-06: minutes beside a level of independence are a number and a minute unit as MW-D020 "
                    + "reads them (also \"10\u2019\", a tab or non-breaking space before \"min\"; not \"13 'somewhat "
                    + "hard'\")")
            .revised(6, "2026-12-06: not what the patient is to do later: a sentence in the plan (\"Plan:\", \"P:\", "
                    + "to its '.') or one that says so (\"pt to perform HEP independently 2x/day\", \"after d/c\") "
                    + "(a therapist's review)")
            .revised(7, "2026-12-07: \"pt independent\" is a level of independence too (\"NMR 25 min: tandem "
                    + "stance, pt independent, SBA\"; a billing review; phrase list 2026.13)")
            .revised(8, "2026-12-07: not a level of independence in a sentence that also shows the clinician's "
                    + "skilled input (\"toilet transfer (I) with grab bar, LB dressing with reacher, min A, verbal "
                    + "cues\": an OT's review)")
            .revised(9, "2026-12-07: nor in a sentence that only reports how the trials of the sentence before went, "
                    + "when that one gives the skilled input (\"...VC to scan L and TC at L knee; 4 trials. Pt "
                    + "performed final 2 trials independently w/ grab bar.\": an outcome, not exercise done alone; a "
                    + "reviewer's case); still with minutes or home exercise (\"pt performed HEP independently x 10 "
                    + "min\")");

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
        if (!scan.has(PhraseLists.INDEPENDENT) && !scan.has(PhraseLists.INDEPENDENT_LEVEL)) {
            return;
        }
        List<Integer> lines = DocSupport.oneOnOneTimed(ctx);
        if (lines.isEmpty()) {
            return;
        }
        String codes = DocSupport.codesText(DocSupport.oneOnOneCodes(ctx));
        String text = scan.text();
        List<PhraseMatch> ms = new ArrayList<>(scan.matches(PhraseLists.INDEPENDENT));
        ms.addAll(scan.matches(PhraseLists.INDEPENDENT_LEVEL));
        ms.sort(Comparator.comparingInt(PhraseMatch::start));
        int doneUpTo = -1;
        for (PhraseMatch m : ms) {
            if (m.start() < doneUpTo) {
                continue;
            }
            int from = scan.sentenceStart(m.start());
            int to = scan.sentenceEnd(m.start());
            if (m.list().equals(PhraseLists.INDEPENDENT_LEVEL) && !scan.anyWithin(PhraseLists.ACTIVITY, from, to)
                    && !Sentences.hasMinutes(text, from, to)) {
                continue; // "ambulates w/ supervision only": a level of function, not exercise of the session
            }
            if (m.list().equals(PhraseLists.INDEPENDENT_LEVEL)
                    && scan.anyWithin(PhraseLists.SKILLED, from, throughSemicolons(scan, to))) {
                // "Self-care training 25 min: toilet transfer (I) with grab bar, LB dressing with reacher, min A,
                // verbal cues" (or "UB dressing pt independent with set-up; LB dressing ... min A"): the level of one
                // task among others the clinician assisted and cued (an OT's review).
                continue;
            }
            if (m.list().equals(PhraseLists.INDEPENDENT_LEVEL) && outcomeOfTrials(scan, from, to)) {
                // "TA 23 min: toilet transfer training w/ grab bar, VC to scan L and TC at L knee; 4 trials. Pt
                // performed final 2 trials independently w/ grab bar.": what the cued trials reached (an OT's case).
                continue;
            }
            doneUpTo = to;
            if (scan.anyWithin(PhraseLists.STATUS, from, to) || notBilled(scan, from, to)
                    || Labels.later(scan, from, to)) {
                continue;
            }
            int end = DocSupport.trimEnd(text, from, to);
            String path = DocSupport.notePath(from, end);
            out.add(INFO.finding(path, "The note says " + DocSupport.quote(text, from, end) + " (" + path + "). "
                    + "Exercise the patient does alone, under mere supervision, as a home program or while the "
                    + "clinician treats another patient is not billable as any timed one-on-one code (" + codes
                    + "); if those minutes are in the billed time, the units are overstated."));
        }
    }

    /**
     * Whether the sentence {@code [from, to)} reports how the trials of the sentence before went, and that one gives
     * the clinician's skilled input: the sentence names no exercise or minutes of its own and no independent or home
     * exercise ("Pt performed final 2 trials independently w/ grab bar." after "toilet transfer training w/ grab bar,
     * VC to scan L and TC at L knee; 4 trials."). Independence reached within skilled trials is their outcome, not
     * exercise done alone; "pt performed HEP independently x 10 min" still counts (it has minutes, and HEP).
     */
    private static boolean outcomeOfTrials(NoteScan scan, int from, int to) {
        if (scan.anyWithin(PhraseLists.INDEPENDENT, from, to) || Sentences.namesActivity(scan, from, to)) {
            return false;
        }
        int before = Sentences.previousEnd(scan.text(), from);
        if (before <= 0) {
            return false;
        }
        int start = Sentences.previousStart(scan, before);
        // "...w/ grab bar, VC to scan L and TC at L knee; 4 trials.": the clauses before its ';' are the same trials.
        for (int k = Sentences.previousEnd(scan.text(), start); k > 0 && scan.text().charAt(k - 1) == ';';
                k = Sentences.previousEnd(scan.text(), start)) {
            start = Sentences.previousStart(scan, k);
        }
        return scan.anyWithin(PhraseLists.SKILLED, start, before, PhraseLists.NO_CUE);
    }

    /** The end of the sentence that ends at {@code to}, with the clauses after its ';' ("a; b; c."). */
    private static int throughSemicolons(NoteScan scan, int to) {
        int end = to;
        while (end > 0 && end < scan.text().length() && scan.text().charAt(end - 1) == ';') {
            int next = scan.sentenceEnd(end);
            if (next <= end) {
                break;
            }
            end = next;
        }
        return end;
    }

    /**
     * True when the sentence, or the clause after its ';', says the time was not billed or the exercise not done
     * ("independent bike 10 min (not billed)", "on own 10 min; these minutes were not counted").
     */
    private static boolean notBilled(NoteScan scan, int from, int to) {
        int end = to;
        if (end > 0 && scan.text().charAt(end - 1) == ';') {
            end = scan.sentenceEnd(end);
        }
        return scan.anyWithin(PhraseLists.NOT_BILLED, from, end);
    }
}
