package org.minutewise.formats.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.minutewise.core.claim.ClaimBuilder;

/**
 * The claims.csv rows of one code of one visit with supported units taken off, as the patient's day wants it
 * (MW-A012: the day's timed minutes together make fewer units than the visits one by one), and what that changes
 * in the audit's totals. One function for whatever runs the audit.
 */
public final class ClaimCorrection {
    private ClaimCorrection() {
    }

    /**
     * The rows with the supported units changed, and the change to the totals: supported units (negative), and the
     * estimated dollars over and under, recomputed for the code at each row's allowed amount per unit (as the row
     * shows it, to the cent) where the input carries billed units and the code is priced.
     */
    public record Applied(List<AuditCsv.ClaimRow> rows, long supported, BigDecimal over, BigDecimal under) {
        public Applied {
            rows = List.copyOf(rows);
            Objects.requireNonNull(over, "over");
            Objects.requireNonNull(under, "under");
        }
    }

    /**
     * Takes {@code units} supported units off the rows of one code of one visit (in their claims.csv order): from a
     * row without CQ/CO first, then an assistant's; a row whose supported side is empty (units the documentation
     * cannot judge) is left as it is, and no row goes below 0.
     */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units) {
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
        List<AuditCsv.ClaimRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AuditCsv.ClaimRow r = rows.get(i);
            if (!r.difference().isEmpty() && !r.allowedPerUnit().isEmpty() && before[i] >= 0) {
                BigDecimal price = new BigDecimal(r.allowedPerUnit());
                int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
                was = was.add(price.multiply(BigDecimal.valueOf(billed - before[i])));
                now = now.add(price.multiply(BigDecimal.valueOf(billed - after[i])));
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
        return new Applied(out, -(units - left), over, under);
    }

    private static List<String> split(String modifiers) {
        return modifiers.isEmpty() ? List.of() : List.of(modifiers.split(";"));
    }
}
