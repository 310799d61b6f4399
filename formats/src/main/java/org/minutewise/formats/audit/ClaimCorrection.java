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
     * units (0: a cut leaves the claim as billed, a visit without billed input's being the engine's claim, whose
     * units a cut shows as over, {@link #engineBilled}), and the estimated dollars over and under, recomputed for the
     * code as the audit computed them.
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
     * The key under which a visit's cuts (by code) hold how many of a code's units carry CQ/CO once MW-A001's cut is
     * taken ("97110 CQ/CO units"; {@link org.minutewise.core.across.UnitCut#assistantUnits()}: the de minimis standard
     * applied again to the minutes the code keeps). The code's rows are then made to show that many units with CQ/CO
     * (no more than the units left) and the rest without; without the key a cut comes off full-rate rows first.
     */
    public static String assistantUnits(String code) {
        return code + " CQ/CO units";
    }

    /**
     * Adds a cut of {@code units} off {@code code} (or a void's key) to a visit's cuts by code: under the code, and,
     * when it says how many of the code's units carry CQ/CO after it ({@code assistantUnits} 0 or more; -1 not known),
     * that count under {@link #assistantUnits} (the lower of two). How every runner gathers the cuts.
     */
    public static void add(java.util.Map<String, Integer> cuts, String code, int units, int assistantUnits) {
        cuts.merge(code, units, Integer::sum);
        if (assistantUnits >= 0 && units < VOID) {
            cuts.merge(assistantUnits(code), assistantUnits, Math::min);
        }
    }

    /**
     * The key under which a visit's cuts (by code) say that the patient's day's MUE denies its lines of {@code code}
     * whole (MW-A009: the visit's claim takes the day past the code's date-of-service MUE): Medicare pays none of
     * them, so the code's rows are priced at $0 a unit ({@code allowedPerUnit} 0.00, as MW-E006's denied line) and
     * their units over or under count no dollars. Any number of units under the key (a cut of 1) says it.
     */
    public static String deniedByDay(String code) {
        return code + " MUE denied";
    }

    /**
     * Whether {@code cuts} (a visit's, by code) take units off the rows of {@code code}, void any of them or deny them
     * ({@link #deniedByDay}).
     */
    public static boolean concerns(java.util.Map<String, Integer> cuts, String code) {
        return cuts.containsKey(code) || voidsADiscipline(cuts, code) || cuts.containsKey(deniedByDay(code));
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
     * With a count under {@link #assistantUnits} of the code, its rows keep that many CQ/CO units ({@link #cut}).
     * Under {@link #deniedByDay} of the code, the rows not void are then priced at $0 ({@link #denied}).
     * One result per set of rows changed together (each with its rows, in their order, and its change to the totals).
     */
    public static List<Applied> apply(List<AuditCsv.ClaimRow> rows, java.util.Map<String, Integer> cuts,
                                      Function<String, BigDecimal> assistantShare) {
        String code = rows.get(0).code();
        int whole = cuts.getOrDefault(code, 0);
        int assistant = cuts.getOrDefault(assistantUnits(code), -1);
        boolean denied = cuts.containsKey(deniedByDay(code));
        if (whole >= VOID) {
            return List.of(voided(rows)); // void: the duplicate's amount is counted apart, denied or not
        }
        if (!voidsADiscipline(cuts, code)) {
            Applied a = cut(rows, whole, assistant, assistantShare);
            return denied ? denied(a, assistantShare) : List.of(a);
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
                left = Math.max(0, left + (int) a.supported());
                if (leftAssistant >= 0) {
                    // The CQ/CO units the code keeps: those these rows kept count toward them.
                    leftAssistant = Math.max(0, leftAssistant - assistantUnitsOf(a.rows()));
                }
                if (denied) {
                    out.addAll(denied(a, assistantShare));
                } else {
                    out.add(a);
                }
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
        org.minutewise.core.model.Discipline d = org.minutewise.core.model.Discipline.ofModifiers(
                AuditCsv.modifierList(AuditCsv.unguarded(modifiers)));
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
     * {@code a}'s rows (one code of one visit, as corrected) denied whole by the patient's day's MUE (MW-A009,
     * {@link #deniedByDay}): each row with a price priced at $0 a unit ({@code allowedPerUnit} 0.00, as a line
     * MW-E006 denies: its units over or under stay, worth no dollars), and the dollars the rows were worth come off
     * the totals. The rows are counted as the check counted them, each run of rows of one discipline and therapist
     * apart (its billed minus supported units at their prices, over when positive, under when negative), so one
     * result per run, the first carrying {@code a}'s own change to the totals too.
     */
    static List<Applied> denied(Applied a, Function<String, BigDecimal> assistantShare) {
        List<Applied> out = new ArrayList<>(1);
        List<AuditCsv.ClaimRow> run = new ArrayList<>(2);
        BigDecimal worth = BigDecimal.ZERO;
        List<AuditCsv.ClaimRow> rows = a.rows();
        for (int i = 0; i <= rows.size(); i++) {
            AuditCsv.ClaimRow r = i < rows.size() ? rows.get(i) : null;
            if (!run.isEmpty() && (r == null || !disciplineOf(r).equals(disciplineOf(run.get(0)))
                    || !r.therapistId().equals(run.get(0).therapistId()))) {
                BigDecimal over = worth.max(BigDecimal.ZERO).negate();
                BigDecimal under = worth.negate().max(BigDecimal.ZERO).negate();
                out.add(out.isEmpty()
                        ? new Applied(run, a.supported(), a.billed(), a.over().add(over), a.under().add(under),
                                a.unverified(), a.unitsOver(), a.unitsUnder(), a.duplicateUnits(), a.duplicateDollars())
                        : new Applied(run, 0, 0, over, under));
                run = new ArrayList<>(2);
                worth = BigDecimal.ZERO;
            }
            if (r == null) {
                break;
            }
            int units = r.units().isEmpty() ? -1 : Integer.parseInt(r.units());
            BigDecimal w = worth(r, units, assistantShare);
            if (w != null) {
                worth = worth.add(w);
            }
            run.add(r.allowedPerUnit().isEmpty() ? r : new AuditCsv.ClaimRow(r.visitId(), r.line(), r.dateOfService(),
                    r.patientId(), r.therapistId(), r.payer(), r.code(), r.billedUnits(), r.billedModifiers(),
                    r.units(), r.modifiers(), r.difference(), ZERO_PRICE));
        }
        return out;
    }

    /** A denied row's price a unit, as claims.csv writes it. */
    private static final String ZERO_PRICE = "0.00";

    /**
     * A row's estimate as the check counted it: its billed units at their kind's price less its {@code units}
     * supported ones (-1 for no supported side) at the row's ({@code allowedPerUnit}, the price of the supported
     * side's kind, of the billed side's when it has none); null for a row without a difference or a price.
     */
    private static BigDecimal worth(AuditCsv.ClaimRow r, int units, Function<String, BigDecimal> assistantShare) {
        return worth(r, units >= 0, Math.max(units, 0), assistantShare);
    }

    private static BigDecimal worth(AuditCsv.ClaimRow r, boolean supportedSide, int units,
                                    Function<String, BigDecimal> assistantShare) {
        if (r.difference().isEmpty() || r.allowedPerUnit().isEmpty()) {
            return null;
        }
        boolean supportedCq = ClaimBuilder.assistantModifier(AuditCsv.modifierList(r.modifiers()));
        boolean billedCq = ClaimBuilder.assistantModifier(AuditCsv.modifierList(r.billedModifiers()));
        BigDecimal price = new BigDecimal(r.allowedPerUnit());
        BigDecimal billedPrice = price;
        // A row without a supported side is priced at its billed side's kind already.
        if (!r.billedUnits().isEmpty() && supportedSide && billedCq != supportedCq) {
            BigDecimal share = assistantShare.apply(r.dateOfService());
            billedPrice = billedCq ? price.multiply(share) : price.divide(share, MathContext.DECIMAL64);
        }
        int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
        return billedPrice.multiply(BigDecimal.valueOf(billed)).subtract(price.multiply(BigDecimal.valueOf(units)));
    }

    /**
     * The share of a unit's price an assistant's unit (CQ/CO) is paid, by date of service, from the fee data (1 in a
     * year without the reduction, or without figures).
     */
    public static Function<String, BigDecimal> assistantShares(FeeData fees) {
        return date -> fees.paymentRates(LocalDate.parse(date)).filter(PaymentRates::assistantReduced)
                .map(PaymentRates::assistantShare).orElse(BigDecimal.ONE);
    }

    /** {@link #cut(List, int, int, Function)} with no count of CQ/CO units after it: full-rate rows first. */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units, Function<String, BigDecimal> assistantShare) {
        return cut(rows, units, -1, assistantShare);
    }

    /**
     * Takes {@code units} supported units off the rows (or, from {@link #VOID} units on, voids them: {@link #voided})
     * of one code of one visit (in their claims.csv order). With {@code assistantUnits} -1 (not known how many carry
     * CQ/CO after the cut) they come off rows without CQ/CO first, then an assistant's (CQ/CO). With a count (MW-A001:
     * the de minimis standard applied again to the minutes the code keeps) the rows are made to show that many units
     * with CQ/CO (no more than the units left) and the rest without: each kind's rows lowered, in their order, or
     * raised, a unit moving from one kind to the other even when none is lost (onto the first row with a supported
     * side of the kind; else onto the row billed as that kind without one; else a new row of the code, supported
     * side only, with the other kind's modifiers and CQ or CO added or taken away, at its own kind's price). A row
     * whose supported side is empty (units the documentation cannot judge) is otherwise left as it is, and no row goes
     * below 0. The dollars are worked out as the check did: each side's units at the price of its own kind (with
     * CQ/CO or without), the row's {@code allowedPerUnit} being the price of its supported side's kind (of its billed
     * side's when it has none); {@code assistantShare} gives the other kind's price from it. The rows of a visit
     * without billed input get the engine's claim before the cut as their billed side ({@link #engineBilled}) when
     * the cut changes them, so the units it takes off show as over, as on a billed visit's rows.
     */
    public static Applied cut(List<AuditCsv.ClaimRow> rows, int units, int assistantUnits,
                              Function<String, BigDecimal> assistantShare) {
        if (units >= VOID) {
            return voided(rows);
        }
        List<AuditCsv.ClaimRow> asGiven = rows;
        rows = engineBilled(rows);
        int given = rows.size();
        List<Integer> beforeList = new ArrayList<>(given + 1);
        List<Integer> afterList = new ArrayList<>(given + 1);
        for (AuditCsv.ClaimRow r : rows) {
            int u = r.units().isEmpty() ? -1 : Integer.parseInt(r.units());
            beforeList.add(u);
            afterList.add(u);
        }
        int left;
        if (assistantUnits < 0) {
            int[] after = toArray(afterList);
            left = take(rows, after, units, false);
            for (int i = 0; i < after.length; i++) {
                afterList.set(i, after[i]);
            }
        } else {
            left = kept(rows, beforeList, afterList, units, assistantUnits, assistantShare);
        }
        int n = rows.size();
        int[] before = toArray(beforeList);
        int[] after = toArray(afterList);
        BigDecimal was = BigDecimal.ZERO;
        BigDecimal now = BigDecimal.ZERO;
        boolean priced = false;
        // Billed minus supported units of the rows with a difference, before and after: the code's units over/under.
        long judgedWas = 0;
        long judgedNow = 0;
        List<AuditCsv.ClaimRow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AuditCsv.ClaimRow r = rows.get(i);
            if (!r.difference().isEmpty()) {
                int billed = r.billedUnits().isEmpty() ? 0 : Integer.parseInt(r.billedUnits());
                judgedWas += billed - Math.max(before[i], 0);
                judgedNow += billed - Math.max(after[i], 0);
            }
            if (!r.difference().isEmpty() && !r.allowedPerUnit().isEmpty()) {
                was = was.add(worth(r, before[i] >= 0, Math.max(before[i], 0), assistantShare));
                now = now.add(worth(r, before[i] >= 0, Math.max(after[i], 0), assistantShare));
                priced = true;
            }
            if (after[i] == before[i] && i < given) {
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
        long supportedDelta = 0;
        boolean changed = n > given;
        for (int i = 0; i < n; i++) {
            supportedDelta += Math.max(after[i], 0) - Math.max(before[i], 0);
            changed |= after[i] != before[i];
        }
        if (!changed) {
            return new Applied(asGiven, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO); // nothing cut: the rows as they were
        }
        return new Applied(out, supportedDelta, 0, over, under, 0,
                Math.max(judgedNow, 0) - Math.max(judgedWas, 0), Math.max(-judgedNow, 0) - Math.max(-judgedWas, 0));
    }

    /**
     * The rows of a code of a visit without billed input (no billed side, no difference: the engine's claim is the
     * claim Minutewise would send, counted as billed) with that claim as their billed side: billed units and
     * modifiers the row's supported ones before a cut, difference 0; so that a cut across visits (MW-A001, MW-A012)
     * shows on them as units (and dollars) billed over what the minutes support, as on a billed visit's rows. Other
     * rows, and the rows of a visit with billed input, as they are (the same list when none changes).
     */
    static List<AuditCsv.ClaimRow> engineBilled(List<AuditCsv.ClaimRow> rows) {
        List<AuditCsv.ClaimRow> out = null;
        for (int i = 0; i < rows.size(); i++) {
            AuditCsv.ClaimRow r = rows.get(i);
            if (r.billedUnits().isEmpty() && r.difference().isEmpty() && !r.units().isEmpty()) {
                if (out == null) {
                    out = new ArrayList<>(rows);
                }
                out.set(i, new AuditCsv.ClaimRow(r.visitId(), r.line(), r.dateOfService(), r.patientId(),
                        r.therapistId(), r.payer(), r.code(), r.units(), r.modifiers(), r.units(), r.modifiers(), "0",
                        r.allowedPerUnit()));
            }
        }
        return out != null ? out : new ArrayList<>(rows); // out is already a fresh copy
    }

    private static int[] toArray(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** The CQ/CO units the rows' supported sides hold. */
    static int assistantUnitsOf(List<AuditCsv.ClaimRow> rows) {
        int n = 0;
        for (AuditCsv.ClaimRow r : rows) {
            if (!r.units().isEmpty() && ClaimBuilder.assistantModifier(AuditCsv.modifierList(r.modifiers()))) {
                n += Integer.parseInt(r.units());
            }
        }
        return n;
    }

    /**
     * {@link #cut}'s count of CQ/CO units: the rows' supported units ({@code after}, -1 for none; a row added gets
     * {@code before} 0) set so that {@code units} fewer are left, {@code assistantUnits} of them (at most) with CQ/CO.
     * The units it could not take.
     */
    private static int kept(List<AuditCsv.ClaimRow> rows, List<Integer> before, List<Integer> after, int units,
                            int assistantUnits, Function<String, BigDecimal> assistantShare) {
        int[] had = new int[2]; // without CQ/CO, with
        for (int i = 0; i < rows.size(); i++) {
            if (before.get(i) > 0) {
                had[kind(rows.get(i).modifiers())] += before.get(i);
            }
        }
        int total = had[0] + had[1];
        int keep = Math.max(0, total - units);
        int[] want = {keep - Math.min(assistantUnits, keep), Math.min(assistantUnits, keep)};
        for (int k = 0; k < 2; k++) {
            int off = had[k] - want[k];
            for (int i = 0; i < rows.size() && off > 0; i++) {
                int u = after.get(i);
                if (u > 0 && kind(rows.get(i).modifiers()) == k) {
                    int take = Math.min(off, u);
                    after.set(i, u - take);
                    off -= take;
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            int on = want[k] - had[k];
            if (on <= 0) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < rows.size() && at < 0; i++) {
                if (before.get(i) >= 0 && kind(rows.get(i).modifiers()) == k) {
                    at = i;
                }
            }
            for (int i = 0; i < rows.size() && at < 0; i++) {
                AuditCsv.ClaimRow r = rows.get(i);
                if (before.get(i) < 0 && !r.billedUnits().isEmpty() && !r.difference().isEmpty()
                        && kind(r.billedModifiers()) == k) {
                    // The row billed as this kind with no supported side: its supported side is the other kind's
                    // modifiers turned into this kind's, at the row's price (its billed side's kind, this one).
                    AuditCsv.ClaimRow from = ofKind(rows, before, 1 - k);
                    rows.set(i, new AuditCsv.ClaimRow(r.visitId(), r.line(), r.dateOfService(), r.patientId(),
                            r.therapistId(), r.payer(), r.code(), r.billedUnits(), r.billedModifiers(), "0",
                            from == null ? r.billedModifiers() : turned(from.modifiers(), k == 1), r.difference(),
                            r.allowedPerUnit()));
                    before.set(i, 0);
                    after.set(i, 0);
                    at = i;
                }
            }
            if (at < 0) {
                AuditCsv.ClaimRow from = ofKind(rows, before, 1 - k);
                if (from == null) {
                    continue; // no supported side to turn into this kind
                }
                String price = from.allowedPerUnit();
                if (!price.isEmpty()) {
                    BigDecimal share = assistantShare.apply(from.dateOfService());
                    BigDecimal p = new BigDecimal(price);
                    price = (k == 1 ? p.multiply(share) : p.divide(share, MathContext.DECIMAL64))
                            .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
                }
                rows.add(new AuditCsv.ClaimRow(from.visitId(), from.line(), from.dateOfService(), from.patientId(),
                        from.therapistId(), from.payer(), from.code(), "", "", "0", turned(from.modifiers(), k == 1),
                        from.difference().isEmpty() ? "" : "0", price));
                before.add(0);
                after.add(0);
                at = rows.size() - 1;
            }
            after.set(at, after.get(at) + on);
        }
        return Math.max(0, units - total);
    }

    /** 1 for modifiers with CQ or CO, else 0. */
    private static int kind(String modifiers) {
        return ClaimBuilder.assistantModifier(AuditCsv.modifierList(AuditCsv.unguarded(modifiers))) ? 1 : 0;
    }

    /** The first row with a supported side of kind {@code k}. */
    private static AuditCsv.ClaimRow ofKind(List<AuditCsv.ClaimRow> rows, List<Integer> before, int k) {
        for (int i = 0; i < rows.size(); i++) {
            if (before.get(i) >= 0 && kind(rows.get(i).modifiers()) == k) {
                return rows.get(i);
            }
        }
        return null;
    }

    /**
     * A supported side's modifiers turned into the other kind's: CQ (CO beside GO) put after the discipline modifier
     * ({@code assistant}), or CQ and CO taken away.
     */
    static String turned(String modifiers, boolean assistant) {
        List<String> out = new ArrayList<>(AuditCsv.modifierList(modifiers));
        out.removeIf(m -> m.equals("CQ") || m.equals("CO"));
        if (assistant) {
            int at = 0;
            String modifier = "CQ";
            for (int i = 0; i < out.size(); i++) {
                if (org.minutewise.core.model.Discipline.isModifier(out.get(i))) {
                    at = i + 1;
                    modifier = out.get(i).equals("GO") ? "CO" : "CQ";
                    break;
                }
            }
            out.add(at, modifier);
        }
        return String.join(";", out);
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
                boolean assistant = ClaimBuilder.assistantModifier(AuditCsv.modifierList(rows.get(i).modifiers()));
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
}
