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
     * VisitChecker#minutesView}, as the count takes them); a timed code's minutes inside an untimed one-on-one
     * service's period, how many and why they are not timed minutes (CMS Pub 100-04 ch. 5 §20.2).
     */
    private List<String> sharedMinutesExplanation() {
        List<String> out = List.of();
        List<org.minutewise.core.model.ServiceLine> view = VisitChecker.minutesView(visit, payer, units);
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
                int documentedMinutes = c.minutes() + shared + elsewhere;
                // Of the minutes another code counts, those inside an untimed service's or a group code's period are
                // said apart.
                StringBuilder inside = new StringBuilder();
                if (elsewhere > 0 && (!units.untimedServices().isEmpty() || !units.groupServices().isEmpty())) {
                    elsewhere -= insideUntimedServices(c.code(), inside);
                }
                List<String> clauses = new java.util.ArrayList<>(3);
                if (shared > 0) {
                    clauses.add(shared + " of them twice (two clinicians at once, or periods that overlap)");
                }
                if (elsewhere > 0) {
                    clauses.add(elsewhere + " of them also under another code, which counts them (MW-U003: a minute "
                            + "belongs to one code; it counts for the code whose period began first)");
                }
                if (inside.length() > 0) {
                    clauses.add(inside.toString());
                }
                out = out.isEmpty() ? new java.util.ArrayList<>() : out;
                out.add(c.code() + ": " + documentedMinutes + " minutes are documented, " + String.join(", and ",
                        clauses) + (shared > 0 || elsewhere > 0 ? "; each minute counts once" : "") + ", so "
                        + c.code() + " has " + c.minutes() + " minutes.");
            }
        }
        return out;
    }

    /**
     * Appends to {@code out} the minutes of timed {@code code} inside untimed one-on-one services' and group codes'
     * periods ({@link VisitChecker#insideUntimedServices}), each service's run and its own time, and why they are not
     * counted; returns how many minutes they are (0, appending nothing, when none).
     */
    private int insideUntimedServices(String code, StringBuilder out) {
        java.util.Map<String, List<org.minutewise.core.model.Period>> inside = VisitChecker.insideUntimedServices(
                visit, payer, units, code);
        int total = 0;
        int untimed = 0;
        for (java.util.Map.Entry<String, List<org.minutewise.core.model.Period>> e : inside.entrySet()) {
            int minutes = 0;
            for (org.minutewise.core.model.Period p : e.getValue()) {
                minutes += p.minutes();
            }
            List<String> own = new java.util.ArrayList<>(1);
            for (org.minutewise.core.model.ServiceLine l : visit.services()) {
                if (l.code().equals(e.getKey())) {
                    l.periods().forEach(p -> own.add(p.toString()));
                }
            }
            boolean group = units.isGroupService(e.getKey());
            out.append(total == 0 ? "" : ", and ").append(minutes).append(" of them (")
                    .append(joined(e.getValue())).append(") fall inside ").append(e.getKey())
                    .append(group ? "'s group time (" : "'s time (").append(String.join(", ", own))
                    .append(group ? ")" : "), an untimed service");
            total += minutes;
            untimed += group ? 0 : minutes;
        }
        if (untimed > 0) {
            out.append(": time spent on an untimed service is not counted toward timed minutes (CMS Pub 100-04 ch. 5 "
                    + "§20.2; MW-U003)");
        }
        if (total > untimed) {
            out.append(untimed > 0 ? ", and" : ":").append(" the same minutes cannot be both group and one-on-one, "
                    + "and group time is billed once, as the group code (CMS Pub 100-02 ch. 15 §230 A; MW-G001)");
        }
        return total;
    }

    private static String joined(List<org.minutewise.core.model.Period> periods) {
        List<String> s = new java.util.ArrayList<>(periods.size());
        periods.forEach(p -> s.add(p.toString()));
        return String.join(", ", s);
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
