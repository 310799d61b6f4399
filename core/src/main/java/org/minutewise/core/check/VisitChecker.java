package org.minutewise.core.check;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitResult;

/** Checks one visit: units by the payer's method, then every rule of the rule book. Pure; thread-safe. */
public final class VisitChecker {
    private final ReferenceData ref;
    private final RuleBook rules;

    public VisitChecker(ReferenceData ref, RuleBook rules) {
        this.ref = ref;
        this.rules = rules;
    }

    public VisitChecker(ReferenceData ref) {
        this(ref, RuleBook.standard());
    }

    public ReferenceData ref() {
        return ref;
    }

    public RuleBook rules() {
        return rules;
    }

    /** Checks with the profile the visit names. */
    public CheckResult check(Visit visit) {
        PayerProfile payer = ref.payers().find(visit.payer()).orElseThrow(() -> new IllegalArgumentException(
                "payer: unknown payer profile \"" + visit.payer() + "\"; known: " + ref.payers().ids()));
        return check(visit, payer);
    }

    /** Checks with an explicit profile (for example one whose method the user overrode). */
    public CheckResult check(Visit visit, PayerProfile payer) {
        UnitResult units = UnitCalculator.compute(payer.method(), UnitCalculator.pool(visit.services()),
                ref.codes());
        CheckContext ctx = new CheckContext(visit, payer, ref, units);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            int before = findings.size();
            try {
                rule.check(ctx, findings);
            } catch (RuntimeException e) {
                // Drop anything half-written by the failed rule, then record the failure itself.
                while (findings.size() > before) {
                    findings.remove(findings.size() - 1);
                }
                findings.add(RuleBook.RULE_FAILED.finding("", "The check " + rule.info().id() + " ("
                        + rule.info().title() + ") failed with " + e.getClass().getSimpleName()
                        + "; this visit was not fully checked."));
            }
        }
        return new CheckResult(visit, payer, units, findings);
    }
}
