package org.minutewise.core.check;

import java.util.List;
import java.util.Objects;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitResult;

/**
 * The outcome of checking one visit: its units under the payer's method, the claim lines and the findings.
 * {@code claim} is the claim as billed when the visit carries billed lines, else the engine's; {@code engineClaim}
 * is always the claim the documented minutes support (the same object when nothing was billed), so a caller that
 * compares the two need not build it again.
 */
public record CheckResult(Visit visit, PayerProfile payer, UnitResult units, Claim claim, List<Finding> findings,
                          Claim engineClaim) {
    public CheckResult {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(engineClaim, "engineClaim");
        findings = List.copyOf(findings);
    }

    /** A result whose claim is the engine's (nothing billed). */
    public CheckResult(Visit visit, PayerProfile payer, UnitResult units, Claim claim, List<Finding> findings) {
        this(visit, payer, units, claim, findings, claim);
    }

    /**
     * The plain-words explanation: how the minutes became units, then why the units an assistant worked on carry
     * CQ/CO or not. Built when asked for.
     */
    public List<String> explanation() {
        List<String> cq = ClaimBuilder.assistantExplanation(this);
        List<String> shared = sharedMinutesExplanation();
        List<String> left = notCountedExplanation();
        if (cq.isEmpty() && shared.isEmpty() && left.isEmpty()) {
            return units.explanation();
        }
        List<String> all = new java.util.ArrayList<>(units.explanation());
        int at = Math.min(1, all.size()); // after the method's sentence
        all.addAll(at, left);
        all.addAll(at, shared);
        all.addAll(cq);
        return all;
    }

    /**
     * A sentence for each line of a timed code whose minutes the count leaves out ({@link VisitChecker#notCounted}):
     * an aide's, an SLPA's billed to Medicare, supervised or group time.
     */
    private List<String> notCountedExplanation() {
        List<String> out = List.of();
        List<org.minutewise.core.model.ServiceLine> services = visit.services();
        for (int i = 0; i < services.size(); i++) {
            org.minutewise.core.model.ServiceLine l = services.get(i);
            if (l.minutes() == 0) {
                continue;
            }
            String why = VisitChecker.notCounted(visit, payer, units.isTimed(l.code()), l);
            if (why != null) {
                out = out.isEmpty() ? new java.util.ArrayList<>() : out;
                out.add(l.code() + " (services[" + i + "]): " + l.minutes() + " minutes " + why + ", so they are "
                        + "left out of the count (RULES.md §2).");
            }
        }
        return out;
    }

    /**
     * A sentence for each code whose documented periods overlap, its own or another code's: the minutes counted once
     * (RULES.md §2); another code's shared minutes for the code that counts them first ({@link
     * VisitChecker#minutesView}, as the count takes them).
     */
    private List<String> sharedMinutesExplanation() {
        List<String> out = List.of();
        List<org.minutewise.core.model.ServiceLine> view = VisitChecker.minutesView(visit, payer, units::isTimed);
        List<org.minutewise.core.model.ServiceLine> documented = visit.services();
        if (view != documented) {
            documented = new java.util.ArrayList<>(documented.size());
            List<org.minutewise.core.model.ServiceLine> kept = new java.util.ArrayList<>(view.size());
            for (int i = 0; i < view.size(); i++) {
                // Minutes the count leaves out whatever else (an aide's, ...) have their own sentence.
                if (VisitChecker.notCounted(visit, payer, units.isTimed(view.get(i).code()), view.get(i)) == null) {
                    documented.add(visit.services().get(i));
                    kept.add(view.get(i));
                }
            }
            view = kept;
        }
        for (org.minutewise.core.units.CodeUnits c : units.lines()) {
            int shared = org.minutewise.core.units.UnitCalculator.sharedMinutes(documented, c.code());
            int elsewhere = view == documented ? 0 : org.minutewise.core.units.UnitCalculator.minutesOnce(documented,
                    c.code()) - org.minutewise.core.units.UnitCalculator.minutesOnce(view, c.code());
            if (shared > 0 || elsewhere > 0) {
                out = out.isEmpty() ? new java.util.ArrayList<>() : out;
                out.add(c.code() + ": " + (c.minutes() + shared + elsewhere) + " minutes are documented"
                        + (shared > 0 ? ", " + shared + " of them twice (two clinicians at once, or periods that "
                        + "overlap)" : "") + (elsewhere > 0 ? (shared > 0 ? ", and " : ", ") + elsewhere + " of them "
                        + "also under another code, which counts them (MW-U003: a minute belongs to one code; it "
                        + "counts for the code whose period began first)" : "") + "; each minute counts once, so "
                        + c.code() + " has " + c.minutes() + " minutes.");
            }
        }
        return out;
    }

    public boolean blocks() {
        for (Finding f : findings) {
            if (f.blocks()) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
