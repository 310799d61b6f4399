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
 * (MW-A012: the day's timed minutes together make fewer units than the visits one by one) or the minutes its
 * therapist shared with another patient (MW-A001), and what that changes in the audit's totals. One function for
 * whatever runs the audit.
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
                          BigDecimal under, long unverified, long unitsOver, long unitsUnder,
                          long duplicateUnits, BigDecimal duplicateDollars) {
        public Applied {
            rows = List.copyOf(rows);
            Objects.requireNonNull(over, "over");
            Objects.requireNonNull(under, "under");
            Objects.requireNonNull(duplicateDollars, "duplicateDollars");
        }

        public Applied(List<AuditCsv.ClaimRow> rows, long supported, long billed, BigDecimal over, BigDecimal under,
                       long unverified, long unitsOver, long unitsUnder) {
            this(rows, supported, billed, over, under, unverified, unitsOver, unitsUnder, 0, BigDecimal.ZERO);
        }

        public Applied(List<AuditCsv.ClaimRow> rows, long supported, long billed, BigDecimal over, BigDecimal under) {
            this(rows, supported, billed, over, under, 0, 0, 0);
        }
    }

    /**
     * A cut of this many units or more voids the code's lines of the visit instead ({@link #voided}): a duplicate
     * claim's (MW-A006). Cuts of one code add up, so a void with a day's cut is still a void.
     */
    public static final int VOID = 1 << 24;

    /**
     * The key of a void ({@link #VOID}) of a code's lines billed under one discipline ({@code modifier} GP, GO or GN;
     * "" for lines of a code no discipline bills): "97110 GP", when the visit's lines of the code under another
     * discipline are no duplicate and stand. The claims.csv rows of such a code are one discipline's each.
     */
    public static String underDiscipline(String code, String modifier) {
        return code + " " + modifier;
    }

    /**
     * The key of a void ({@link #VOID}) of the visit's billed line at {@code index} (beside its code's), for the
     * visit's own findings that name the line by its index ({@code billed[2].modifiers}, {@link #aboutVoided}).
     */
    public static String billedLine(int index) {
        return "billed[" + index + "]";
    }

    /**
     * The key under which a visit's cuts (by code) hold how many of a code's units to take off its CQ/CO rows first
     * ("97110 CQ/CO first"): units of minutes an assistant furnished (MW-A001,
     * {@link org.minutewise.core.across.UnitCut#assistant()}). They are counted under the code too, which holds every
     * unit the code loses.
     */
    public static String assistantFirst(String code) {
        return code + " CQ/CO first";
    }

    /**
     * Adds a cut of {@code units} off {@code code} (or a void's key) to a visit's cuts by code: under the code, and,
     * when they are an assistant's units, under {@link #assistantFirst} too. How every runner gathers the cuts.
     */
    public static void add(java.util.Map<String, Integer> cuts, String code, int units, boolean assistant) {
        cuts.merge(code, units, Integer::sum);
        if (assistant && units < VOID) {
            cuts.merge(assistantFirst(code), units, Integer::sum);
        }
    }

    /** Whether {@code cuts} (a visit's, by code) take units off the rows of {@code code} or void any of them. */
    public static boolean concerns(java.util.Map<String, Integer> cuts, String code) {
        return cuts.containsKey(code) || voidsADiscipline(cuts, code);
    }

    private static boolean voidsADiscipline(java.util.Map<String, Integer> cuts, String code) {
        if (cuts.containsKey(underDiscipline(code, ""))) {
            return true;
        }
        for (org.minutewise.core.model.Discipline d : DISCIPLINES) {
            if (cuts.containsKey(underDiscipline(code, d.modifier()))) {
                return true;
            }
        }
        return false;
    }

    private static final org.minutewise.core.model.Discipline[] DISCIPLINES =
            org.minutewise.core.model.Discipline.values();

    /**
     * The rows of one code of a visit (its consecutive rows of claims.csv) with the visit's {@code cuts} (by code,
     * and by {@link #underDiscipline} for a void of one discipline's lines) applied: {@link #cut} of the code's
     * units, or, when one discipline's lines are void, {@link #voided} those rows and the code's cut off the others.
     * The units under {@link #assistantFirst} of the code come off its CQ/CO rows first, the rest off its full-rate
     * rows first.
     * One result per set of rows changed together (each with its rows, in their order, and its change to the totals).
     */
    public static List<Applied> apply(List<AuditCsv.ClaimRow> rows, java.util.Map<String, Integer> cuts,
                                      Function<String, BigDecimal> assistantShare) {
        String code = rows.get(0).code();
        int whole = cuts.getOrDefault(code, 0);
        int assistant = Math.min(whole, cuts.getOrDefault(assistantFirst(code), 0));
        if (whole >= VOID || !voidsADiscipline(cuts, code)) {
            return List.of(cut(rows, whole, assistant, assistantShare));
        }
        java.util.Map<String, List<AuditCsv.ClaimRow>> byDiscipline = new java.util.LinkedHashMap<>(4);
        for (AuditCsv.ClaimRow r : rows) {
            byDiscipline.computeIfAbsent(disciplineOf(r), k -> new ArrayList<>(2)).add(r);
        }
        List<Applied> out = new ArrayList<>(byDiscipline.size());
        int left = whole;
        int leftAssistant = assistant;
        for (java.util.Map.Entry<String, List<AuditCsv.ClaimRow>> e : byDiscipline.entrySet()) {
            if (cuts.getOrDefault(underDiscipline(code, e.getKey()), 0) >= VOID) {
                out.add(voided(e.getValue()));
            } else {
                Applied a = cut(e.getValue(), left, leftAssistant, assistantShare);
                int taken = (int) -a.supported();
                left -= taken;
                // The assistant's units are taken first: what was taken is theirs up to their count.
                leftAssistant -= Math.min(leftAssistant, taken);
                out.add(a);
            }
        }
        return out;
    }

    /** The discipline a claims.csv row is billed under: the GP, GO or GN of its billed side, else its supported side. */
    static String disciplineOf(AuditCsv.ClaimRow r) {
        String d = disciplineModifier(r.billedModifiers());
        return d.isEmpty() ? disciplineModifier(r.modifiers()) : d;
    }

    private static String disciplineModifier(String modifiers) {
        org.minutewise.core.model.Discipline d = org.minutewise.core.model.Discipline.ofModifiers(split(
                AuditCsv.unguarded(modifiers)));
        return d == null ? "" : d.modifier();
    }

    /**
     * The rows of one code of a visit that duplicates another's (MW-A006) voided: Medicare denies the duplicate's
     * lines, so none of their units is supported ({@code units} 0, no modifiers) and every billed unit is a
     * difference; the totals lose the rows' supported units (an unverifiable row's too, which no longer counts as
     * unverified) and their dollars over and under, since the duplicate's whole amount is counted apart
     * ({@code duplicateClaims}) and would otherwise be counted twice: that amount is the void rows' own, every billed
     * unit at the row's price ({@code duplicateDollars}, of {@code duplicateUnits}), so the rows add up to it to the
     * cent. A row without billed units (a visit without billed input, whose billed units are the engine's) keeps them
     * as billed.
     */
    public static Applied voided(List<AuditCsv.ClaimRow> rows) {
        BigDecimal was = BigDecimal.ZERO;
        boolean priced = false;
        long supported = 0;
        long unverified = 0;
        long judged = 0; // billed minus supported units of the rows with a difference: the code's units over/under
        BigDecimal voidAmount = BigDecimal.ZERO;
        long voidUnits = 0;
        List<AuditCsv.ClaimRow> out = new ArrayList<>(rows.size());
        for (AuditCsv.ClaimRow r : rows) {
            int units = r.units().isEmpty() ? 0 : Integer.parseInt(r.units());
            int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
            if (!r.difference().isEmpty() && !r.allowedPerUnit().isEmpty()) {
                // The row's dollars as the check counted them: billed minus supported at the row's price.
                was = was.add(new BigDecimal(r.allowedPerUnit()).multiply(BigDecimal.valueOf(billed - units)));
                priced = true;
            }
            if (!r.difference().isEmpty()) {
                judged += billed - units;
            }
            boolean unverifiable = r.units().isEmpty() && r.difference().isEmpty() && !r.billedUnits().isEmpty();
            if (unverifiable) {
                supported += billed; // counted as supported when checked
                unverified += billed;
            } else {
                supported += units;
            }
            String billedSide = r.billedUnits();
            // Billed units, or a visit without billed input's own units (counted as its billed).
            int denied = billedSide.isEmpty() ? units : billed;
            voidUnits += denied;
            if (!r.allowedPerUnit().isEmpty()) {
                voidAmount = voidAmount.add(new BigDecimal(r.allowedPerUnit()).multiply(BigDecimal.valueOf(denied)));
            }
            out.add(new AuditCsv.ClaimRow(r.visitId(), r.line(), r.dateOfService(), r.patientId(), r.therapistId(),
                    r.payer(), r.code(), billedSide, r.billedModifiers(), "0", "",
                    billedSide.isEmpty() ? "" : String.valueOf(billed), r.allowedPerUnit()));
        }
        BigDecimal over = BigDecimal.ZERO;
        BigDecimal under = BigDecimal.ZERO;
        if (priced) {
            over = was.max(BigDecimal.ZERO).negate();
            under = was.negate().max(BigDecimal.ZERO).negate();
        }
        return new Applied(out, -supported, 0, over, under, -unverified, -Math.max(judged, 0), -Math.max(-judged, 0),
                voidUnits, voidAmount);
    }

    /**
     * The share of a unit's price an assistant's unit (CQ/CO) is paid, by date of service, from the fee data (1 in a
     * year without the reduction, or without figures).
     */
    public static Function<String, BigDecimal> assistantShares(FeeData fees) {
        return date -> fees.paymentRates(LocalDate.parse(date)).filter(PaymentRates::assistantReduced)
                .map(PaymentRates::assistantShare).orElse(BigDecimal.ONE);
    }

    /** {@link #cut(List, int, int, Function)} with no unit known to be an assistant's: full-rate rows first. */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units, Function<String, BigDecimal> assistantShare) {
        return cut(rows, units, 0, assistantShare);
    }

    /**
     * Takes {@code units} supported units off the rows (or, from {@link #VOID} units on, voids them: {@link #voided})
     * of one code of one visit (in their claims.csv order): the first {@code assistantFirst} of them (units of
     * minutes an assistant furnished, MW-A001) from an assistant's row (CQ/CO) first, then from a row without; the
     * others from a row without CQ/CO first, then an assistant's; a row whose supported side is empty (units the
     * documentation cannot judge) is left as it is, and no row goes below 0. The dollars are worked out as the check
     * did: each side's units at the price of its own kind (with CQ/CO or without), the row's {@code allowedPerUnit}
     * being the price of its supported side's kind (of its billed side's when it has none); {@code assistantShare}
     * gives the other kind's price from it.
     */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units, int assistantFirst,
                              Function<String, BigDecimal> assistantShare) {
        if (units >= VOID) {
            return voided(rows);
        }
        int n = rows.size();
        int[] before = new int[n];
        int[] after = new int[n];
        for (int i = 0; i < n; i++) {
            String u = rows.get(i).units();
            before[i] = u.isEmpty() ? -1 : Integer.parseInt(u);
            after[i] = before[i];
        }
        int ofAssistant = Math.max(0, Math.min(assistantFirst, units));
        int left = take(rows, after, ofAssistant, true) + take(rows, after, units - ofAssistant, false);
        BigDecimal was = BigDecimal.ZERO;
        BigDecimal now = BigDecimal.ZERO;
        boolean priced = false;
        long billedDelta = 0;
        // Billed minus supported units of the rows with a difference, before and after: the code's units over/under.
        long judgedWas = 0;
        long judgedNow = 0;
        List<AuditCsv.ClaimRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AuditCsv.ClaimRow r = rows.get(i);
            if (r.difference().isEmpty() && r.billedUnits().isEmpty() && before[i] >= 0) {
                billedDelta -= before[i] - after[i]; // no billed input: the engine's units are the ones billed
            }
            if (!r.difference().isEmpty()) {
                int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
                judgedWas += billed - Math.max(before[i], 0);
                judgedNow += billed - Math.max(after[i], 0);
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
        return new Applied(out, -(units - left), billedDelta, over, under, 0,
                Math.max(judgedNow, 0) - Math.max(judgedWas, 0), Math.max(-judgedNow, 0) - Math.max(-judgedWas, 0));
    }

    /**
     * Takes {@code units} off {@code after} (the rows' supported units, -1 for none): from the rows of one kind first
     * (an assistant's, CQ/CO, when {@code assistantFirst}; else those without), then from the others, each kind in
     * the rows' order. The units it could not take (the rows ran out).
     */
    private static int take(List<AuditCsv.ClaimRow> rows, int[] after, int units, boolean assistantFirst) {
        int left = units;
        for (int pass = 0; pass < 2 && left > 0; pass++) {
            for (int i = 0; i < rows.size() && left > 0; i++) {
                boolean assistant = ClaimBuilder.assistantModifier(split(rows.get(i).modifiers()));
                if (after[i] > 0 && assistant == (assistantFirst == (pass == 0))) {
                    int take = Math.min(left, after[i]);
                    after[i] -= take;
                    left -= take;
                }
            }
        }
        return left;
    }

    /**
     * Whether a finding of a visit's own check is about a line {@code cuts} voids (a duplicate claim's, MW-A006;
     * {@code cuts} the visit's units to take off by code, null for none): its path names the billed line or the
     * service of a voided code ({@code billed[code=97110]}, {@code billed[code=97110].modifiers},
     * {@code services[code=97110]}), or a voided billed line by its index ({@code billed[2].modifiers}, voided under
     * {@link #billedLine}). The line is denied as a whole, so what else is wrong with it is moot: such findings are
     * left out of findings.csv and the totals.
     */
    public static boolean aboutVoided(AuditCsv.FindingRow row, java.util.Map<String, Integer> cuts) {
        if (cuts == null || row.visitId().isEmpty()) {
            return false;
        }
        String path = AuditCsv.unguarded(row.path());
        String prefix = path.startsWith("billed[code=") ? "billed[code="
                : path.startsWith("services[code=") ? "services[code=" : path.startsWith("billed[") ? "" : null;
        if (prefix == null) {
            return false;
        }
        int close = path.indexOf(']');
        if (close < 0 || close + 1 < path.length() && path.charAt(close + 1) != '.') {
            return false;
        }
        // By code: the code's key; by index: the line's (billed[2]).
        Integer units = cuts.get(prefix.isEmpty() ? path.substring(0, close + 1) : path.substring(prefix.length(),
                close));
        return units != null && units >= VOID;
    }

    private static List<String> split(String modifiers) {
        return modifiers.isEmpty() ? List.of() : List.of(modifiers.split(";"));
    }
}
