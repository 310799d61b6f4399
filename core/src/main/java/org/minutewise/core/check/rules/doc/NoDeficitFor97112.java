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
 * 97112 billed, and the note names no neuromuscular deficit (balance, proprioception, coordination, ...). A deficit
 * the note negates ("denies unsteadiness", "no loss of balance") is none (the note scan leaves it out), nor is posture
 * named as what a cue is for ("VC for upright posture"), nor a deficit word inside a vague phrase for what was done
 * ("worked on balance", "balance activities"): it names the treatment, not the patient's deficit. A balance or
 * proprioception measure the note records, read as MW-D006 reads a measure ({@code [balance-measure]}), states the
 * deficit when its value shows one ({@link DeficitMeasure}: "tandem stance 9 s (was 6)", "SLS R 12 s", "Berg 42/56",
 * "Romberg positive"), as MW-D004 reads it; "Berg 56/56", "Romberg negative" and "SLS on foam 3x20 s", an exercise,
 * do not. A loss of balance counted in the session ({@code [balance-loss]}: "2 LOB during tandem walk") does not state
 * the deficit beside a statement that balance is normal ("Balance WNL"): the finding quotes the two as a
 * contradiction ({@link BalanceLoss}).
 */
public final class NoDeficitFor97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D002", Severity.WARN,
            "97112 without a stated neuromuscular deficit",
            "State the deficit the 97112 minutes retrained, e.g. \"impaired dynamic balance, loses balance with "
                    + "head turns\" or \"decreased proprioception of the right ankle\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.2-220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: a deficit the note negates (\"denies unsteadiness\", \"no loss of balance\") "
                    + "is no stated deficit")
            .revised(3, "2026-12-06: nor is a deficit a template field states as absent or normal (\"Dizziness: denies\", "
                    + "\"Balance deficit: none noted\", \"Balance: WNL\"; not \"Standing balance: 0\", a grade), one "
                    + "without difficulty (\"no difficulty with balance\", \"no problems with balance\") or normal "
                    + "(\"balance WNL\", \"within normal limits\", \"intact\"); a negation reaches eight words in its "
                    + "clause, not past \"but\" or \"however\"")
            .revised(4, "2026-12-06: nor is posture named as what a cue is for (\"VC for upright posture\", \"cues "
                    + "to maintain midline\"; not \"VC to correct slumped posture\"): the cue's aim; bare "
                    + "\"freezing\" (\"freezing 2 episodes\" in a Parkinson note) is a deficit (a therapist's "
                    + "review; phrase list 2026.11)")
            .revised(5, "2026-12-06: nor is a deficit word inside a vague phrase for what was done (\"Worked on "
                    + "balance and strengthening.\", \"balance activities\"): it names the treatment, not the "
                    + "patient's deficit (a therapist's review)")
            .revised(6, "2026-12-07: a balance or proprioception measure the note records, as MW-D006 reads one "
                    + "(\"tandem stance 9 s (was 6)\", \"SLS R 12 s (was 7)\", \"Berg 42/56\"; not \"SLS on foam "
                    + "3x20 s\", an exercise), states the deficit, and \"joint position\" (\"joint position "
                    + "retraining\") names proprioception (a billing expert's review; phrase list 2026.12)")
            .revised(7, "2026-12-07: the measure states the deficit only with a value that shows one, as MW-D004 "
                    + "now reads it: a score below its maximum (\"Berg 42/56\"), a stance under 30 s (\"SLS R 12 s\"), "
                    + "\"Romberg positive\"; not \"Berg 56/56\", \"SLS R 30 s\", \"Romberg negative\", nor a value in a "
                    + "goal (\"Goal: SLS 20 s\"); the finding quotes a measure recorded without such a value")
            .revised(8, "2026-12-07: a loss of balance counted in the session is no stated deficit beside a "
                    + "statement that balance is normal (\"Balance WNL. ... 2 LOB during tandem walk\"): the "
                    + "finding quotes both as a contradiction to reconcile; \"static balance WNL\" or \"sitting "
                    + "balance intact\" does not contradict it, and a deficit stated in words (\"impaired dynamic "
                    + "balance\") or a measure showing one still passes; a deferral (\"deferred\", \"not tested\", \"NT\", "
                    + "\"held today\") covers every bare item of the list it ends in its clause (\"Balance, gait and "
                    + "proprioception deferred\" stated a balance deficit), and the message says \"absent or not "
                    + "assessed\" (phrase list 2026.17)")
            .revised(9, "2026-12-07: a deferral written before its list covers every item of it to the end of its "
                    + "clause (\"Deferred: balance, coordination and proprioception.\", \"Not tested: proprioception, "
                    + "Romberg\", \"NT: balance\" stated the deficit), at its clause's start with a colon or dash "
                    + "after it; \"Deferred: Berg. Balance impaired\" and \"Not tested previously, balance now "
                    + "impaired\" still state it (phrase list 2026.19)")
            .revised(10, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Deferred:\\n- "
                    + "balance\\n- proprioception\" stated the deficit; the heading covered nothing, its clause "
                    + "ending at the line break); a blank line or a line that is no bullet ends the list: "
                    + "\"Deferred:\\n\\nBalance impaired\" still states it");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.DEFICIT)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        int line = DocSupport.first97112(ctx);
        NoteScan scan = DocSupport.scan(ctx);
        if (line < 0) {
            return;
        }
        // "Worked on balance": the word names what was worked on, not a deficit of the patient.
        boolean stated = scan.anyOutside(PhraseLists.DEFICIT, PhraseLists.VAGUE);
        // "Balance WNL. ... 2 LOB during tandem walk": the count of losses contradicts the normal finding.
        BalanceLoss.Contradiction contradiction = stated && DocSupport.hasList(ctx, PhraseLists.BALANCE_LOSS)
                ? BalanceLoss.in(scan, PhraseLists.DEFICIT, PhraseLists.VAGUE) : null;
        if (stated && contradiction == null || DeficitMeasure.any(scan)) {
            return; // "tandem stance 9 s (was 6)": the deficit measured states it, as MW-D004 reads the measure
        }
        if (contradiction != null) {
            out.add(INFO.finding(CheckContext.path(line), "97112 (neuromuscular reeducation) is billed, but the "
                    + "note states balance as normal, " + contradiction.normal() + ", and names the deficit only as "
                    + "loss of balance in the session, " + contradiction.loss() + ": the two contradict each other. A "
                    + "reviewer who reads that balance is within normal limits finds no deficit for 97112 to retrain, "
                    + "and a count of losses of balance does not say which deficit was retrained. State the deficit "
                    + "the losses of balance show (e.g. \"impaired dynamic balance: 2 LOB in tandem walk\"), or "
                    + "correct the normal finding."));
            return;
        }
        String denied = DocSupport.negatedSentence(scan, PhraseLists.DEFICIT);
        String vague = vagueOnly(scan);
        String measure = DocSupport.hasList(ctx, PhraseLists.BALANCE_MEASURE)
                ? DocSupport.firstMeasured(ctx, PhraseLists.BALANCE_MEASURE) : null;
        out.add(INFO.finding(CheckContext.path(line), "97112 (neuromuscular reeducation) is billed, but the note "
                + "names no neuromuscular deficit: nothing about balance, proprioception, coordination, posture "
                + "or motor control" + (denied == null ? "" : " but as absent or not assessed, " + denied)
                + (vague == null ? "" : (denied == null ? " but" : ", and") + " as what was worked on, " + vague)
                + (measure == null ? "" : "; it records the measure " + measure + DeficitMeasure.NO_DEFICIT_SHOWN)
                + ". 97112 pays for "
                + "retraining such a deficit; a note that does not name it reads as general exercise, and reviewers "
                + "deny the 97112 units."));
    }

    /** The first vague phrase that holds a deficit word ("worked on balance"), quoted with its span; or null. */
    private static String vagueOnly(NoteScan scan) {
        if (!scan.has(PhraseLists.DEFICIT)) {
            return null;
        }
        for (PhraseMatch m : scan.matches(PhraseLists.VAGUE)) {
            if (scan.anyWithin(PhraseLists.DEFICIT, m.start(), m.end())) {
                return DocSupport.quote(scan.text(), m.start(), m.end()) + " ("
                        + DocSupport.notePath(m.start(), m.end()) + ")";
            }
        }
        return null;
    }
}
