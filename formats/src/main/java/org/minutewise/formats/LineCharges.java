package org.minutewise.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;

/**
 * The charge every output writes on a claim line: one policy for the CSV's corrected claim ({@code check --out csv}),
 * the 837 (SV102, SV203) and the FHIR Claim ({@code item.net}, {@code unitPrice}).
 * <ul>
 *   <li>A line sent at the units of a billed line of its code keeps that line's billed charge: the practice's charge
 *       stands on what it billed, and the 837 and the FHIR Claim of a billed visit (the claim as billed) carry the
 *       same amount.</li>
 *   <li>A line whose units the correction changed, or a line nothing billed, carries the clinic's fee for the units
 *       sent: the documented service's own {@code charge}, else the clinic fee schedule x the units, as the check
 *       priced the engine's line.</li>
 *   <li>A corrected line of a code the clinic has no fee for keeps the code's billed charge as billed, never scaled to
 *       the corrected units (a billed charge need not be units x one price), and a note says so.</li>
 *   <li>A billed line without a charge (the claim as billed) takes the clinic fee schedule x its units when the
 *       schedule prices the code, and a note says so; else it has none (the 837 names {@code billed[i].charge}).</li>
 * </ul>
 */
public final class LineCharges {
    private LineCharges() {
    }

    /** A line's charge (empty: none known) and, when the policy kept or supplied it, the words that say so. */
    public record Charge(Optional<BigDecimal> amount, Optional<String> note) {
        static Charge of(Optional<BigDecimal> amount) {
            return new Charge(amount, Optional.empty());
        }
    }

    /** The charges of the corrected claim's lines ({@code r.engineClaim().lines()}), in order. */
    public static List<Charge> corrected(CheckResult r) {
        List<ClaimLine> lines = r.engineClaim().lines();
        List<BilledLine> billed = r.visit().billed();
        BilledLine[] atBilledUnits = new BilledLine[lines.size()];
        boolean[] used = new boolean[billed.size()];
        // A billed line of the code at the line's units, of its kind (CQ/CO or not) first, each billed line once.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < lines.size(); i++) {
                ClaimLine l = lines.get(i);
                for (int j = 0; j < billed.size() && atBilledUnits[i] == null; j++) {
                    BilledLine b = billed.get(j);
                    if (!used[j] && b.code().equals(l.code()) && b.units() == l.units() && b.charge().isPresent()
                            && (pass == 1 || sameKind(b, l))) {
                        atBilledUnits[i] = b;
                        used[j] = true;
                    }
                }
            }
        }
        List<Charge> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            if (atBilledUnits[i] != null) {
                out.add(Charge.of(atBilledUnits[i].charge()));
            } else if (l.charge().isPresent() || billed.isEmpty()) {
                out.add(Charge.of(l.charge()));
            } else {
                out.add(keptAsBilled(r, i, l, billed, used));
            }
        }
        return out;
    }

    /**
     * A corrected line with no fee: the billed charge of an unused billed line of its code (of its kind first), as
     * billed, with the note; none when every billed line of the code is taken or has no charge.
     */
    private static Charge keptAsBilled(CheckResult r, int i, ClaimLine l, List<BilledLine> billed, boolean[] used) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < billed.size(); j++) {
                BilledLine b = billed.get(j);
                if (!used[j] && b.code().equals(l.code()) && b.charge().isPresent() && (pass == 1 || sameKind(b, l))) {
                    used[j] = true;
                    return new Charge(b.charge(), Optional.of("visit " + r.visit().id() + ": corrected line "
                            + (i + 1) + " (" + l.code() + " x" + l.units() + ", billed x" + b.units() + ") keeps the "
                            + "billed charge " + dollars(b.charge().get()) + " as billed: the clinic fee schedule has "
                            + "no charge for " + l.code() + ", and a billed charge is not scaled to the corrected "
                            + "units; give the charge for " + l.units() + " unit" + (l.units() == 1 ? "" : "s")
                            + " before sending (or a fee schedule with " + l.code() + ")"));
                }
            }
        }
        return Charge.of(Optional.empty());
    }

    /**
     * The charges of the claim the 837 and the FHIR Claim write ({@code r.claim().lines()}), in order: the engine's
     * when nothing was billed; the billed charges as billed, a billed line without one at the clinic fee schedule
     * for its units.
     */
    public static List<Charge> sent(CheckResult r) {
        List<ClaimLine> lines = r.claim().lines();
        List<Charge> out = new ArrayList<>(lines.size());
        boolean billed = r.claim() != r.engineClaim();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            if (!billed || l.charge().isPresent()) {
                out.add(Charge.of(l.charge()));
                continue;
            }
            Optional<BigDecimal> fee = feePerUnit(r, l.code());
            out.add(fee.isEmpty() ? Charge.of(Optional.empty()) : new Charge(Optional.of(fee.get().multiply(
                    BigDecimal.valueOf(l.units()))), Optional.of("visit " + r.visit().id() + ": billed line " + (i + 1)
                    + " (" + l.code() + " x" + l.units() + ") has no charge: it is written at the clinic fee "
                    + "schedule's " + dollars(fee.get()) + " a unit, as the check priced " + l.code())));
        }
        return out;
    }

    /** The notes of {@link #sent} for these results, one line each. */
    public static List<String> sentNotes(List<CheckResult> results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> sent(r).forEach(c -> c.note().ifPresent(out::add)));
        return out;
    }

    /**
     * The clinic's fee for one unit of {@code code}: the fee schedule's, as the check gives it for a billed code
     * without a charge ({@link org.minutewise.core.claim.Claim#fees}: the same schedule that priced the engine's line
     * of the code, whether or not the minutes gave the code a line); empty when the schedule has none.
     */
    static Optional<BigDecimal> feePerUnit(CheckResult r, String code) {
        return Optional.ofNullable(r.claim().fees().get(code));
    }

    private static boolean sameKind(BilledLine b, ClaimLine l) {
        return ClaimBuilder.assistantModifier(b.modifiers()) == ClaimBuilder.assistantModifier(l.modifiers());
    }

    /** $70.00. */
    static String dollars(BigDecimal a) {
        return "$" + a.setScale(Math.max(2, a.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
