package org.minutewise.core.check.rules.doc;

import java.util.List;
import java.util.Optional;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.doc.PhraseLists;

/**
 * 97112 billed without a diagnosis that explains a neuromuscular deficit: only
 * categories that do not by themselves support 97112 (musculoskeletal, injury, ...) and no balance or
 * proprioceptive deficit stated in the note (RULES.md §7); a deficit the note negates ("denies unsteadiness", "no
 * loss of balance") is not stated. A balance measure whose value shows a deficit ({@link DeficitMeasure}: "single-leg
 * stance R 6 s", "Berg 42/56", "Romberg positive") states one, as MW-D002 reads it; a measure with a normal value
 * ("SLS R 30 s", "Berg 56/56") or one not judged ("DHI 38") does not: the finding then quotes it. Which categories
 * support 97112 is reference data (the ICD-10-CM category catalog).
 */
public final class DiagnosisDoesNotSupport97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D004", Severity.WARN,
            "Diagnosis does not support 97112",
            "Add the diagnosis that explains the neuromuscular deficit if it applies (e.g. R26.81 unsteadiness "
                    + "on feet, I69.351 hemiplegia after stroke), or state the balance or proprioceptive deficit "
                    + "in the note (e.g. \"impaired single-leg balance, 4 s on the right\"); if the minutes were "
                    + "strengthening or functional training, bill the code that matches (97110, 97530).",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.2-220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: not when the visit lists no diagnosis at all (MW-C008 blocks it)")
            .revised(3, "2026-12-06: a balance deficit the note negates (\"denies unsteadiness\", \"no loss of "
                    + "balance reported\") does not let a musculoskeletal diagnosis support 97112")
            .revised(4, "2026-12-06: nor one a template field states as absent (\"Balance deficit: none noted\"), nor "
                    + "\"no difficulty with balance\"; \"balance impaired\" and \"difficulty with balance\" are a stated "
                    + "balance deficit (phrases 2026.8)")
            .revised(5, "2026-12-07: where the note records a balance or proprioception measure (\"single-leg stance "
                    + "R 6 s\", as MW-D006 reads one), the finding quotes it and says the note states no deficit in "
                    + "words, rather than none at all (a billing expert's review)")
            .revised(6, "2026-12-07: a balance or proprioception measure whose value shows a deficit states it, as "
                    + "MW-D002 reads it: a score below its maximum (\"Berg 42/56\"), a stance under 30 s (\"single-leg "
                    + "stance R 6 s\"), \"Romberg positive\"; a normal value (\"SLS R 30 s\", \"Berg 56/56\") does not, "
                    + "and the finding quotes it")
            .revised(7, "2026-12-07: a loss of balance counted in the session (\"2 LOB during tandem walk\") is no "
                    + "stated balance deficit beside a statement that balance is normal (\"Balance WNL\"): the "
                    + "finding quotes both as a contradiction; a deferral (\"deferred\", \"not tested\", \"NT\") "
                    + "covers every bare item of the list it ends (phrase list 2026.17)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx)) {
            return;
        }
        int line = DocSupport.first97112(ctx);
        if (line < 0) {
            return;
        }
        List<String> dxs = ctx.visit().diagnoses();
        if (dxs.isEmpty()) {
            return; // no diagnosis at all: MW-C008 blocks the claim, whatever the code
        }
        DiagnosisCatalog catalog = ctx.ref().diagnoses();
        if (catalog.all().isEmpty() || !DocSupport.hasList(ctx, PhraseLists.BALANCE_DEFICIT)) {
            return;
        }
        for (int i = 0; i < dxs.size(); i++) {
            Optional<DiagnosisCategory> cat = catalog.categoryOf(dxs.get(i));
            if (cat.isPresent() && cat.get().supports97112()) {
                return;
            }
        }
        BalanceLoss.Contradiction contradiction = null;
        if (DocSupport.note(ctx).isPresent() && DocSupport.scan(ctx).has(PhraseLists.BALANCE_DEFICIT)
                && DocSupport.hasList(ctx, PhraseLists.BALANCE_LOSS)) {
            // "Balance WNL. ... 2 LOB during tandem walk": the count contradicts the normal finding.
            contradiction = BalanceLoss.in(DocSupport.scan(ctx), PhraseLists.BALANCE_DEFICIT, null);
        }
        if (DocSupport.note(ctx).isPresent() && (DocSupport.scan(ctx).has(PhraseLists.BALANCE_DEFICIT)
                && contradiction == null || DeficitMeasure.any(DocSupport.scan(ctx)))) {
            return; // "impaired balance", or "SLS R 6 s": a measure whose value shows the deficit
        }
        // The rule fires: only now the diagnoses are described.
        StringBuilder listed = new StringBuilder();
        for (String dx : dxs) {
            Optional<DiagnosisCategory> cat = catalog.categoryOf(dx);
            listed.append(listed.length() == 0 ? "" : "; ").append(dx).append(cat
                    .map(c -> " (category " + c.category() + ": " + c.title() + "; " + c.group() + ")")
                    .orElse(" (not in the Minutewise diagnosis catalog " + catalog.version() + ")"));
        }
        boolean one = dxs.size() == 1;
        String denied = DocSupport.note(ctx).isPresent()
                ? DocSupport.negatedSentence(DocSupport.scan(ctx), PhraseLists.BALANCE_DEFICIT) : null;
        String measure = DocSupport.note(ctx).isPresent() ? DocSupport.firstMeasured(ctx,
                PhraseLists.BALANCE_MEASURE) : null;
        out.add(INFO.finding("diagnoses", "97112 (neuromuscular reeducation) is billed with the diagnos"
                + (one ? "is " : "es ") + listed + (one ? ". It does not" : ". None of them") + " by itself explain"
                + (one ? "" : "s") + " a neuromuscular deficit, and the note states no "
                + "balance or proprioceptive deficit" + (measure == null ? "" : " (it records the measure "
                + measure + DeficitMeasure.NO_DEFICIT_SHOWN + ")") + (contradiction != null
                ? " (it states balance as normal, " + contradiction.normal() + ", and names only losses of balance in "
                + "the session, " + contradiction.loss() + ": the two contradict each other)" : denied == null ? ""
                : " (it mentions one only as absent: " + denied + ")") + ". Payers deny 97112 for a musculoskeletal condition unless the "
                + "record shows a balance or proprioceptive deficit being retrained."));
    }
}
