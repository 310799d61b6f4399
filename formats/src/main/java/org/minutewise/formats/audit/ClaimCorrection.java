package org.minutewise.formats.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.PaymentRates;

/**
 * The claims.csv rows of one code of one visit with supported units taken off, as the patient's day wants it
 * (MW-A012: the day's timed minutes together make fewer units than the visits one by one), and what that changes
 * in the audit's totals. One function for whatever runs the audit.
 */
public final class ClaimCorrection {
    private ClaimCorrection() {
    }

    /**
     * The rows with the supported units changed, and the change to the totals: supported units (negative), billed
     * units (negative for a visit without billed input, whose billed units are the engine's), and the estimated
     * dollars over and under, recomputed for the code as the audit computed them.
     */
    public record Applied(List<AuditCsv.ClaimRow> rows, long supported, long billed, BigDecimal over,
                          BigDecimal under) {
        public Applied {
            rows = List.copyOf(rows);
            Objects.requireNonNull(over, "over");
            Objects.requireNonNull(under, "under");
        }
    }

    /**
     * The share of a unit's price an assistant's unit (CQ/CO) is paid, by date of service, from the fee data (1 in a
     * year without the reduction, or without figures).
     */
    public static Function<String, BigDecimal> assistantShares(FeeData fees) {
        return date -> fees.paymentRates(LocalDate.parse(date)).filter(PaymentRates::assistantReduced)
                .map(PaymentRates::assistantShare).orElse(BigDecimal.ONE);
    }

    /**
     * Takes {@code units} supported units off the rows of one code of one visit (in their claims.csv order): from a
     * row without CQ/CO first, then an assistant's; a row whose supported side is empty (units the documentation
     * cannot judge) is left as it is, and no row goes below 0. The dollars are worked out as the check did: each
     * side's units at the price of its own kind (with CQ/CO or without), the row's {@code allowedPerUnit} being the
     * price of its supported side's kind (of its billed side's when it has none); {@code assistantShare} gives the
     * other kind's price from it.
     */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units, Function<String, BigDecimal> assistantShare) {
        int n = rows.size();
        int[] before = new int[n];
        int[] after = new int[n];
        for (int i = 0; i < n; i++) {
            String u = rows.get(i).units();
            before[i] = u.isEmpty() ? -1 : Integer.parseInt(u);
            after[i] = before[i];
        }
        int left = units;
        for (int pass = 0; pass < 2 && left > 0; pass++) {
            for (int i = 0; i < n && left > 0; i++) {
                boolean assistant = ClaimBuilder.assistantModifier(split(rows.get(i).modifiers()));
                if (after[i] > 0 && assistant == (pass == 1)) {
                    int take = Math.min(left, after[i]);
                    after[i] -= take;
                    left -= take;
                }
            }
        }
        BigDecimal was = BigDecimal.ZERO;
        BigDecimal now = BigDecimal.ZERO;
        boolean priced = false;
        long billedDelta = 0;
        List<AuditCsv.ClaimRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AuditCsv.ClaimRow r = rows.get(i);
            if (r.difference().isEmpty() && r.billedUnits().isEmpty() && before[i] >= 0) {
                billedDelta -= before[i] - after[i]; // no billed input: the engine's units are the ones billed
            }
            if (!r.difference().isEmpty() && !r.allowedPerUnit().isEmpty()) {
                boolean supportedCq = ClaimBuilder.assistantModifier(split(r.modifiers()));
                boolean billedCq = ClaimBuilder.assistantModifier(split(r.billedModifiers()));
                BigDecimal price = new BigDecimal(r.allowedPerUnit());
                BigDecimal billedPrice = price;
                // A row without a supported side is priced at its billed side's kind already.
                if (!r.billedUnits().isEmpty() && before[i] >= 0 && billedCq != supportedCq) {
                    BigDecimal share = assistantShare.apply(r.dateOfService());
                    billedPrice = billedCq ? price.multiply(share) : price.divide(share, MathContext.DECIMAL64);
                }
                int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
                BigDecimal billedWorth = billedPrice.multiply(BigDecimal.valueOf(billed));
                was = was.add(billedWorth).subtract(price.multiply(BigDecimal.valueOf(Math.max(before[i], 0))));
                now = now.add(billedWorth).subtract(price.multiply(BigDecimal.valueOf(Math.max(after[i], 0))));
                priced = true;
            }
            if (after[i] == before[i]) {
                out.add(r);
                continue;
            }
            String difference = r.difference().isEmpty() ? ""
                    : String.valueOf(Integer.parseInt(r.difference()) + before[i] - after[i]);
            out.add(new AuditCsv.ClaimRow(r.visitId(), r.line(), r.dateOfService(), r.patientId(), r.therapistId(),
                    r.payer(), r.code(), r.billedUnits(), r.billedModifiers(), String.valueOf(after[i]),
                    r.modifiers(), difference, r.allowedPerUnit()));
        }
        BigDecimal over = BigDecimal.ZERO;
        BigDecimal under = BigDecimal.ZERO;
        if (priced) {
            over = now.max(BigDecimal.ZERO).subtract(was.max(BigDecimal.ZERO));
            under = now.negate().max(BigDecimal.ZERO).subtract(was.negate().max(BigDecimal.ZERO));
        }
        return new Applied(out, -(units - left), billedDelta, over, under);
    }

    private static List<String> split(String modifiers) {
        return modifiers.isEmpty() ? List.of() : List.of(modifiers.split(";"));
    }
}
