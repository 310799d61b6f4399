package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeKind;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.Cognitive;
import org.minutewise.core.units.UnitResult;

/**
 * Turns a checked visit into claim lines (RULES.md §4). Modifier order on a line, a documented convention:
 * <b>GP/GO/GN, CQ/CO, 59/XE/XS/XP/XU, KX, GA/GZ, 96/97</b> — the discipline first, then what changes payment,
 * then the edit bypass, then the attestations; at most four (the rest are reported). Spinal manipulation by a
 * chiropractor (98940-98942, no discipline modifier) billed to Medicare carries <b>AT</b> (active treatment)
 * first, unless an ABN is recorded: maintenance care then carries GA or GZ instead.
 */
public final class ClaimBuilder {
    /** CQ/CO were required from this date of service (CMS CY2020 PFS final rule). */
    public static final LocalDate ASSISTANT_MODIFIERS_FROM = LocalDate.of(2020, 1, 1);
    public static final int MAX_MODIFIERS = 4;
    public static final String COGNITIVE_BASE = Cognitive.BASE;
    public static final String COGNITIVE_ADD_ON = Cognitive.ADD_ON;
    /** Spinal chiropractic manipulation: Medicare pays it as active treatment only, with AT (RULES.md §4). */
    public static final Set<String> SPINAL_MANIPULATION = Set.of("98940", "98941", "98942");
    public static final String ACTIVE_TREATMENT = "AT";
    /** A line carrying CQ or CO: furnished in whole or in part by an assistant. */
    public static boolean assistantModifier(List<String> modifiers) {
        return modifiers.contains("CQ") || modifiers.contains("CO");
    }

    /** A service Medicare excludes by statute (a chiropractor's therapy): GY, for the claim's denial. */
    public static final String STATUTORILY_EXCLUDED = "GY";
    /** A notice of liability given though not required (a voluntary ABN), beside GY. */
    public static final String VOLUNTARY_NOTICE = "GX";

    /** The modifiers of a line Medicare excludes by statute: its GP/GO/GN, GY, and GX after a voluntary ABN. */
    private static List<String> excludedModifiers(ClaimLine l, Visit v) {
        List<String> out = new ArrayList<>(3);
        for (String m : l.modifiers()) {
            if (Discipline.isModifier(m)) {
                out.add(m);
            }
        }
        out.add(STATUTORILY_EXCLUDED);
        if (v.abn().orElse(null) == Abn.GIVEN) {
            out.add(VOLUNTARY_NOTICE);
        }
        return out;
    }

    /**
     * AT goes on a chiropractor's spinal manipulation billed to Medicare, unless the care is maintenance: an ABN
     * recorded on the visit, or GA/GZ on the billed line of the code (a claim read back from X12 or CSV).
     */
    public static boolean activeTreatment(Visit v, PayerProfile payer, String code) {
        if (!payer.isMedicare() || v.abn().isPresent() || !SPINAL_MANIPULATION.contains(code)) {
            return false;
        }
        for (BilledLine b : v.billed()) {
            if (b.code().equals(code) && (b.modifiers().contains("GA") || b.modifiers().contains("GZ"))) {
                return false;
            }
        }
        for (ServiceLine l : v.services()) {
            if (l.code().equals(code) && l.provider().role() == Role.DC) {
                return true;
            }
        }
        return false;
    }

    /**
     * The therapy codes Medicare does not pay on this visit: those every one of whose service lines a chiropractor
     * furnished (Medicare covers only spinal manipulation from a chiropractor, MW-W001), and a code Medicare pays to
     * no one ({@link PaymentEstimator#MEDICARE_NOT_PAYABLE}: 97014, MW-C002). They are priced at $0 and count
     * toward no KX bucket. Empty for any other payer, and for almost every visit.
     */
    public static Set<String> notCovered(Visit v, PayerProfile payer, CodeCatalog codes) {
        if (!payer.isMedicare()) {
            return Set.of();
        }
        Set<String> out = null;
        List<ServiceLine> s = v.services();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine l = s.get(i);
            if (l.provider().role() == Role.DC && !notTherapy(codes.getOrNull(l.code()))) {
                if (out == null) {
                    out = new java.util.TreeSet<>();
                }
                out.add(l.code());
            }
        }
        if (out != null) {
            for (ServiceLine l : s) {
                if (l.provider().role() != Role.DC) {
                    out.remove(l.code());
                }
            }
        }
        // A code Medicare pays to no one (97014: its code is G0283, MW-C002), documented or billed.
        for (String code : PaymentEstimator.MEDICARE_NOT_PAYABLE) {
            if (serviceIndexes(s, code).isEmpty() && v.billed().stream().noneMatch(b -> b.code().equals(code))) {
                continue;
            }
            out = out == null ? new java.util.TreeSet<>() : out;
            out.add(code);
        }
        return out == null ? Set.of() : out;
    }

    /**
     * {@link #notCovered(Visit, PayerProfile, CodeCatalog)} of the visit being checked, worked out once per check: the
     * claim, the KX and billed-line rules and the estimate of the billed claim all read it. Unmodifiable.
     */
    public static Set<String> notCovered(CheckContext ctx) {
        return ctx.memo(NOT_COVERED, ClaimBuilder::computeNotCovered);
    }

    private static Set<String> computeNotCovered(CheckContext ctx) {
        Set<String> s = notCovered(ctx.visit(), ctx.payer(), ctx.ref().codes());
        return s.isEmpty() ? s : java.util.Collections.unmodifiableSet(s);
    }

    private static final Object NOT_COVERED = new Object();

    /** Pointers 1..n in order, for n = 0 to 4: the pointers of every line but 97112's. */
    private static final List<List<Integer>> IN_ORDER = List.of(List.of(), List.of(1), List.of(1, 2),
            List.of(1, 2, 3), List.of(1, 2, 3, 4));

    private ClaimBuilder() {
    }

    /** Pointers 1, 2, ... to the first four of {@code diagnoses} diagnoses, in order (immutable, shared). */
    static List<Integer> pointersInOrder(int diagnoses) {
        return IN_ORDER.get(Math.min(4, diagnoses));
    }

    public static Claim of(CheckContext ctx) {
        return ctx.memo(ClaimBuilder.class, ClaimBuilder::build);
    }

    /** Whether CQ/CO are used for this visit's payer, setting and date. */
    public static boolean assistantModifiersApply(Visit v, PayerProfile payer) {
        return payer.assistantModifiers() && v.setting() != Setting.CAH && v.setting() != Setting.PHYSICIAN_OFFICE
                && !v.dateOfService().isBefore(ASSISTANT_MODIFIERS_FROM);
    }

    private static Claim build(CheckContext ctx) {
        Visit v = ctx.visit();
        PayerProfile payer = ctx.payer();
        CodeTally billed = billedUnits(ctx);
        boolean cqApplies = assistantModifiersApply(v, payer);
        List<ClaimLine> lines = new ArrayList<>(billed.size() + 2);
        // 97129 and 97130 come from the same minutes: their CQ/CO units are counted once, over both codes' units.
        int cognitiveUnits = billed.unitsOf(COGNITIVE_BASE) + billed.unitsOf(COGNITIVE_ADD_ON);
        int cognitiveCqLeft = -1;
        // The pointers depend only on whether the code is 97112: worked out at most once each per visit.
        List<Integer> dx97112 = null;
        List<Integer> dxOther = null;
        List<ServiceLine> services = v.services();
        // Who furnished a code's counted minutes: without those another code's period holds (MW-U003).
        List<ServiceLine> counting = org.minutewise.core.check.VisitChecker.minutesView(v, payer, ctx.units());
        for (int c = 0; c < billed.size(); c++) {
            String code = billed.code(c);
            int u = billed.units(c);
            CodeInfo info = ctx.codeInfo(code);
            if (u == 0 && (!payer.sendZeroUnitLines() || info == null)) {
                continue;
            }
            boolean cognitive = Cognitive.isPair(code);
            List<Integer> idx = serviceIndexes(services, code);
            ServiceLine first = services.get(idx.get(0));
            Discipline d = v.disciplineOf(first);
            boolean untimed = info != null && !info.timed();
            List<Integer> counted = countedOnly(v, payer, info != null && info.timed(), idx);
            int[] split = minutesByWho(counting, counted, untimed);
            int assistantMin = split[0];
            int therapistMin = split[1];
            // The assistant whose minutes count (not one's supervised time), the one with the most when several did.
            int mainAssistant = mainAssistant(services, counted);
            Optional<String> assistant = mainAssistant < 0 ? Optional.empty()
                    : services.get(mainAssistant).provider().id();
            int cq = 0;
            if (cqApplies && assistantMin > 0 && cognitive) {
                // The CQ/CO units go to 97129 first, then 97130; but when the assistant documented only 97130 (the
                // minutes after the first 15) and the therapist 97129, the therapist's first unit carries none.
                if (cognitiveCqLeft < 0) {
                    cognitiveCqLeft = DeMinimis.assistantUnits(cognitiveUnits, assistantMin, therapistMin);
                }
                int share = cognitiveCqLeft;
                if (code.equals(COGNITIVE_BASE) && (assistantOnlyOnAddOn(services, counted)
                        || firstFifteenAreTherapists(services, counted))) {
                    share = Math.max(0, cognitiveCqLeft - billed.unitsOf(COGNITIVE_ADD_ON));
                }
                cq = Math.min(u, share);
                cognitiveCqLeft -= cq;
            } else if (cqApplies && assistantMin > 0) {
                cq = info != null && info.timed() ? DeMinimis.assistantUnits(u, assistantMin, therapistMin)
                        : (therapistMin == 0 || assistantMin * 10 > assistantMin + therapistMin ? u : 0);
            }
            Provider rendering = rendering(v, idx, d);
            List<Integer> dx;
            if (code.equals("97112")) {
                dx = dx97112 != null ? dx97112 : (dx97112 = pointers(ctx, true));
            } else if (SPINAL_MANIPULATION.contains(code) && payer.isMedicare()) {
                // Medicare's primary diagnosis of a manipulation is the subluxation (Pub 100-04 ch. 12 §220).
                dx = pointers(ctx, org.minutewise.core.check.rules.CodeRules::subluxation);
            } else {
                dx = dxOther != null ? dxOther : (dxOther = pointers(ctx, false));
            }
            // Explicit charges of 97129/97130 lines cover both codes: share them by units.
            Optional<BigDecimal> charge = charge(ctx, code, idx, u, cognitive ? cognitiveUnits : u);
            boolean anyAssistant = assistantMin > 0;
            List<String> disciplineModifier = disciplineModifier(info, d);
            if (cq > 0) {
                List<String> mods = new ArrayList<>(disciplineModifier.size() + 1);
                mods.addAll(disciplineModifier);
                mods.add(assistantModifier(v, idx, d));
                // The CQ/CO units are rendered under the supervisor of the assistant who furnished them (RULES.md §4):
                // assistants under different supervisors, one line per supervisor (bySupervisor).
                List<SupervisorLine> perSupervisor = assistantsUnderTwoSupervisors(services, counted)
                        ? bySupervisor(v, counting, counted, idx, cq, untimed, d) : null;
                if (perSupervisor == null) {
                    lines.add(line(v, code, mods, cq, dx,
                            share(charge, cq, u), assistantRendering(v, idx, counted, d), assistant, true, d, idx));
                } else {
                    // Each line's charge is its part of the whole cut once (the parts add up to the one line's).
                    int before = 0;
                    for (SupervisorLine s : perSupervisor) {
                        Optional<BigDecimal> part = charge.isEmpty() ? charge : Optional.of(share(charge,
                                before + s.units(), u).get().subtract(share(charge, before, u).get()));
                        lines.add(line(v, code, mods, s.units(), dx, part, s.rendering(), s.assistant(), true, d,
                                s.services()));
                        before += s.units();
                    }
                }
            }
            if (u - cq > 0 || (u == 0)) {
                // Beside a CQ/CO line the rest is the therapist's own units: the assistant is named on the CQ/CO
                // line only. Without one (a payer without CQ/CO, the assistant's share below de minimis) this line
                // is the only one the assistant's minutes went into.
                lines.add(line(v, code, disciplineModifier, u - cq, dx, share(charge, u - cq, u), rendering,
                        anyAssistant && cq == 0 ? assistant : Optional.empty(), false, d, idx));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            if (activeTreatment(v, payer, l.code())) {
                List<String> mods = new ArrayList<>(l.modifiers().size() + 1);
                mods.add(ACTIVE_TREATMENT);
                mods.addAll(l.modifiers());
                lines.set(i, l.withModifiers(mods));
            }
        }
        // The NCCI bypass modifier goes on column two (on the therapy code beside manipulation).
        for (NcciAnalysis.Pair p : NcciAnalysis.of(ctx)) {
            if (p.billedOnly()) {
                continue; // a pair only the billed claim holds: the documented minutes bill no unit of one of them
            }
            if (p.status() == NcciAnalysis.Status.BYPASSED) {
                addModifier(lines, p.edit().column2(), NcciAnalysis.timeModifier(payer.distinctModifier()));
            } else if (p.status() == NcciAnalysis.Status.OTHER_REGION) {
                addModifier(lines, p.modifiedCode(), NcciAnalysis.regionModifier(payer.distinctModifier()));
            }
        }
        Set<String> notCovered = notCovered(ctx);
        // A line a medically unlikely edit denies (MW-E006) is priced at $0 and counts toward no KX threshold.
        Estimate first = PaymentEstimator.estimate(lines, v.dateOfService(), v.locality(), ctx.ref().fees(),
                ctx.ref().codes(), notCovered, MueDenial.over(lines, ctx.ref().mue(), v.dateOfService()));
        List<KxBucket> kx = new ArrayList<>();
        if (payer.isMedicare()) {
            Optional<KxThreshold> t = ctx.ref().fees().kxThreshold(v.dateOfService());
            if (t.isPresent()) {
                kx.add(kx(ctx, lines, first, t.get(), false, notCovered));
                kx.add(kx(ctx, lines, first, t.get(), true, notCovered));
                kx.removeIf(b -> b == null);
            }
        }
        // GA/GZ say what an Advance Beneficiary Notice says: original Medicare's notice, no other payer's (MW-K009).
        if (payer.isMedicare()) {
            v.abn().ifPresent(abn -> lines.replaceAll(l -> l.withModifiers(append(l.modifiers(), abn.modifier()))));
        }
        if (payer.habilitativeModifiers()) {
            lines.replaceAll(l -> l.withModifiers(append(l.modifiers(), v.purpose().modifier())));
        }
        if (!notCovered.isEmpty()) {
            // A chiropractor's therapy is excluded from Medicare by statute (SSA §1861(r)(5)). An "always therapy"
            // code still needs its GP/GO/GN or the claim is returned unprocessable (Pub 100-04 ch. 5 §10.4 B), so
            // the line carries its discipline modifier and GY; GX when a notice was given all the same (a
            // voluntary ABN); never GA/GZ, which are for services Medicare may find not reasonable and necessary.
            // (97014 is not excluded: it is miscoded, and MW-C002 asks for G0283.)
            lines.replaceAll(l -> notCovered.contains(l.code())
                    && !PaymentEstimator.MEDICARE_NOT_PAYABLE.contains(l.code())
                    ? l.withModifiers(excludedModifiers(l, v)) : l);
        }
        Map<Integer, List<String>> dropped = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> m = lines.get(i).modifiers();
            if (m.size() > MAX_MODIFIERS) {
                dropped.put(i, List.copyOf(m.subList(MAX_MODIFIERS, m.size())));
                lines.set(i, lines.get(i).withModifiers(m.subList(0, MAX_MODIFIERS)));
            }
        }
        Estimate estimate = payer.isMedicare() ? first.withModifiersOf(lines) : Estimate.unavailable("The payment estimate uses the Medicare physician fee schedule; payer \""
                        + payer.id() + "\" is not Medicare fee for service.");
        if (payer.isMedicare() && v.setting() == org.minutewise.core.model.Setting.CAH && estimate.available()) {
            String why = estimate.reason();
            estimate = estimate.withReason(Estimate.CAH_LABEL + (why.startsWith(Estimate.LABEL)
                    ? why.substring(Estimate.LABEL.length()) : " " + why));
        }
        return new Claim(lines, estimate, kx, dropped);
    }

    /** Units per code to bill: 97129 holds one unit of cognitive intervention at most, 97130 the rest. */
    private static CodeTally billedUnits(CheckContext ctx) {
        List<CodeUnits> pooled = ctx.units().lines();
        CodeTally m = new CodeTally(pooled.size() + 1);
        boolean cognitive = false;
        Map<String, Integer> chosen = professionalChoice(ctx);
        for (int i = 0; i < pooled.size(); i++) {
            CodeUnits cu = pooled.get(i);
            Integer choice = chosen.get(cu.code());
            m.add(cu.code(), cu.kind() == CodeKind.UNKNOWN ? 0 : choice != null ? choice : cu.units(), List.of());
            cognitive |= Cognitive.isPair(cu.code());
        }
        if (!cognitive) {
            return m;
        }
        int total = m.unitsOf(COGNITIVE_BASE) + m.unitsOf(COGNITIVE_ADD_ON);
        boolean addOnBilled = m.indexOf(COGNITIVE_ADD_ON) >= 0;
        CodeTally fixed = new CodeTally(m.size() + 1);
        for (int i = 0; i < m.size(); i++) {
            String code = m.code(i);
            if (Cognitive.isPair(code)) {
                if (fixed.indexOf(COGNITIVE_BASE) < 0) {
                    fixed.add(COGNITIVE_BASE, Cognitive.baseUnits(total), List.of());
                    if (total > 1 || addOnBilled) {
                        fixed.add(COGNITIVE_ADD_ON, Cognitive.addOnUnits(total), List.of());
                    }
                }
            } else {
                fixed.add(code, m.units(i), List.of());
            }
        }
        return fixed;
    }

    /**
     * A tie at the cut-off leaves the unit to the qualified professional (RULES.md §3.1): when the billed claim
     * gives the tied codes the units of one of the allocations the method allows, that choice is the claim's. Empty
     * when there is no tie, no billed claim, or the billed units match no allowed allocation.
     */
    private static Map<String, Integer> professionalChoice(CheckContext ctx) {
        if (!ctx.units().professionalChoice() || ctx.visit().billed().isEmpty()) {
            return Map.of();
        }
        CodeTally billed = new CodeTally(ctx.visit().billed().size());
        for (BilledLine b : ctx.visit().billed()) {
            billed.add(b.code(), b.units(), List.of());
        }
        if (ctx.units().byDiscipline().isEmpty()) {
            return choiceIn(ctx.units(), billed);
        }
        // Each discipline's tie is its own professional's choice: matched against that discipline's allocations.
        Map<String, Integer> chosen = new java.util.HashMap<>();
        for (UnitResult part : ctx.units().byDiscipline().values()) {
            if (part.professionalChoice()) {
                chosen.putAll(choiceIn(part, billed));
            }
        }
        return chosen;
    }

    /** The allocation of {@code u}'s alternatives the billed units of its tied codes match; empty when none. */
    private static Map<String, Integer> choiceIn(UnitResult u, CodeTally billed) {
        // Only the tied codes decide the choice: another code billed wrong is its own finding.
        List<String> tied = u.tiedCodes();
        for (Map<String, Integer> alt : u.alternatives()) {
            boolean match = true;
            for (Map.Entry<String, Integer> e : alt.entrySet()) {
                if (tied.isEmpty() || tied.contains(e.getKey())) {
                    match &= billed.unitsOf(e.getKey()) == e.getValue();
                }
            }
            if (match) {
                Map<String, Integer> chosen = new java.util.HashMap<>(alt);
                chosen.keySet().removeIf(c -> !tied.isEmpty() && !tied.contains(c));
                return chosen;
            }
        }
        return Map.of();
    }

    /**
     * The discipline the documentation puts a code under: that of the visit's service line of the code (97130
     * billed on 97129's line: the pair's), else the visit's plan of care. A billed line without GP, GO or GN is
     * counted under it ({@link BilledClaim}); a billed modifier is compared with it (MW-B004).
     */
    public static Discipline documentedDiscipline(Visit v, String code) {
        for (ServiceLine s : v.services()) {
            if (Cognitive.sameService(s.code(), code)) {
                return v.disciplineOf(s);
            }
        }
        return v.planOfCare();
    }

    /** The service lines of a code (for 97129 or 97130, of either: one service's minutes). */
    static List<Integer> serviceIndexes(List<ServiceLine> services, String code) {
        // Immutable, so the claim lines that keep it (ClaimLine.serviceIndexes) do not copy it; mostly one line.
        int first = -1;
        List<Integer> more = null;
        for (int i = 0; i < services.size(); i++) {
            if (Cognitive.sameService(services.get(i).code(), code)) {
                if (first < 0) {
                    first = i;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(3);
                        more.add(first);
                    }
                    more.add(i);
                }
            }
        }
        return first < 0 ? List.of() : more == null ? List.of(first) : List.copyOf(more);
    }

    /**
     * A known code no therapy discipline bills (chiropractic manipulation, say): no GP/GO/GN, no KX bucket, outside
     * the multiple procedure payment reduction. An unknown code (null) is taken as therapy.
     */
    static boolean notTherapy(CodeInfo info) {
        return info != null && info.disciplines().isEmpty();
    }

    /** GP/GO/GN on every therapy line; none on a code no therapy discipline bills (98940, say). */
    private static List<String> disciplineModifier(CodeInfo info, Discipline d) {
        return notTherapy(info) ? List.of() : List.of(d.modifier());
    }

    /**
     * Of the service lines {@code idx} (of one code, or of the 97129/97130 pair: of one kind, {@code timed} or not),
     * those whose minutes count ({@link VisitChecker#notCounted}: not an aide's, supervised or group time, an SLPA's
     * to Medicare): who furnished the units is judged from them alone. The same list when every line counts.
     */
    private static List<Integer> countedOnly(Visit v, PayerProfile payer, boolean timed, List<Integer> idx) {
        List<Integer> out = idx;
        for (int k = 0; k < idx.size(); k++) {
            ServiceLine l = v.services().get(idx.get(k));
            if (org.minutewise.core.check.VisitChecker.notCounted(v, payer, timed, l) != null) {
                if (out == idx) {
                    out = new ArrayList<>(idx.subList(0, k));
                }
            } else if (out != idx) {
                out.add(idx.get(k));
            }
        }
        return out;
    }

    /** The assistant's cognitive lines are all 97130 and a therapist documented 97129. */
    private static boolean assistantOnlyOnAddOn(List<ServiceLine> services, List<Integer> idx) {
        boolean assistantOnBase = false;
        boolean assistantOnAddOn = false;
        boolean therapistOnBase = false;
        for (int i : idx) {
            ServiceLine l = services.get(i);
            boolean base = l.code().equals(COGNITIVE_BASE);
            if (l.provider().role().isAssistant()) {
                assistantOnBase |= base;
                assistantOnAddOn |= !base;
            } else if (base && l.provider().role() != Role.AIDE) {
                therapistOnBase = true;
            }
        }
        return assistantOnAddOn && !assistantOnBase && therapistOnBase;
    }

    /**
     * The cognitive lines all have start and end times, and the first 15 minutes of the service in time (97129's
     * unit) carry no CQ/CO by the de minimis standard: the therapist furnished them, the assistant at most 10%
     * (an OT 09:00-09:20 and an OTA 09:20-09:30: the OTA's minutes are in 97130's unit).
     */
    private static boolean firstFifteenAreTherapists(List<ServiceLine> services, List<Integer> idx) {
        java.util.BitSet therapist = new java.util.BitSet(1440);
        java.util.BitSet assistant = new java.util.BitSet(1440);
        for (int i : idx) {
            ServiceLine l = services.get(i);
            if (l.periods().isEmpty()) {
                return false; // minutes without times: which came first is not known
            }
            Role role = l.provider().role();
            for (Period p : l.periods()) {
                if (role.isAssistant()) {
                    assistant.set(p.startMinute(), p.endMinute());
                } else if (role != Role.AIDE) {
                    therapist.set(p.startMinute(), p.endMinute());
                }
            }
        }
        return DeMinimis.firstUnitIsTherapists(therapist, assistant);
    }

    /**
     * Whether the unit of {@code code} beyond its full 15-minute blocks (the unit a tie at the cut-off decides) would
     * carry CQ/CO by the de minimis standard (RULES.md §4), its {@code minutes} pooled as the unit count pools them:
     * a tie goes by default to a code whose extra unit would not (paid in full).
     */
    public static boolean extraUnitIsAssistants(List<ServiceLine> services, String code, int minutes) {
        List<Integer> idx = new ArrayList<>(2);
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).code().equals(code)) {
                idx.add(i);
            }
        }
        int[] split = minutesByWho(services, idx, false);
        int full = minutes / 15;
        return DeMinimis.assistantUnits(full + 1, split[0], split[1]) > DeMinimis.assistantUnits(full, split[0],
                split[1]);
    }

    /** The visit's lines as the count sees their minutes ({@link org.minutewise.core.check.VisitChecker#minutesView}). */
    private static List<ServiceLine> counting(CheckResult r) {
        return org.minutewise.core.check.VisitChecker.minutesView(r.visit(), r.payer(), r.units());
    }

    /**
     * The minutes of a code's service lines by who furnished them: {assistant alone, therapist}. Minutes both
     * furnished together (the assistant's periods that overlap a therapist's) are the therapist's (RULES.md §4,
     * de minimis); an aide's count for neither; an untimed line counts at least one minute, so a share can be judged.
     */
    private static int[] minutesByWho(List<ServiceLine> services, List<Integer> idx, boolean untimed) {
        int assistant = 0;
        int therapist = 0;
        boolean anyAssistant = false;
        for (int k = 0; k < idx.size(); k++) {
            ServiceLine l = services.get(idx.get(k));
            Role role = l.provider().role();
            if (!role.isAssistant() && role != Role.AIDE) {
                therapist += Math.max(l.minutes(), untimed ? 1 : 0);
            }
            anyAssistant |= role.isAssistant();
        }
        if (!anyAssistant) {
            return new int[] {0, therapist}; // the usual code: no assistant's minutes to weigh
        }
        java.util.BitSet withTherapist = null; // the minutes of the day a therapist documented for this code
        for (int k = 0; k < idx.size(); k++) {
            ServiceLine l = services.get(idx.get(k));
            Role role = l.provider().role();
            if (!role.isAssistant() && role != Role.AIDE) {
                for (Period p : l.periods()) {
                    withTherapist = withTherapist == null ? new java.util.BitSet(1440) : withTherapist;
                    withTherapist.set(p.startMinute(), p.endMinute());
                }
            }
        }
        for (int k = 0; k < idx.size(); k++) {
            ServiceLine l = services.get(idx.get(k));
            if (!l.provider().role().isAssistant()) {
                continue;
            }
            int alone = l.minutes();
            if (withTherapist != null) {
                for (Period p : l.periods()) {
                    alone -= withTherapist.get(p.startMinute(), p.endMinute()).cardinality();
                }
            }
            assistant += l.hasTime() ? Math.max(alone, 0) : untimed ? 1 : 0;
        }
        return new int[] {assistant, therapist};
    }

    /**
     * Why each timed code an assistant worked on carries CQ/CO on as many units as it does (RULES.md §4, de
     * minimis), in words, for the explanation: one sentence per code (97129/97130, whose CQ/CO units are counted
     * over both codes, are left out). Empty when CQ/CO do not apply to the visit.
     */
    public static List<String> assistantExplanation(CheckResult r) {
        Visit v = r.visit();
        if (!assistantModifiersApply(v, r.payer())) {
            return noAssistantModifier(r);
        }
        List<String> out = new ArrayList<>(0);
        List<String> seen = new ArrayList<>(4);
        for (ClaimLine line : r.engineClaim().lines()) {
            String code = line.code();
            if (seen.contains(code) || Cognitive.isPair(code)) {
                continue;
            }
            seen.add(code);
            if (!r.units().isTimed(code)) {
                continue;
            }
            List<Integer> idx = countedOnly(v, r.payer(), true, serviceIndexes(v.services(), code));
            int[] split = minutesByWho(counting(r), idx, false);
            if (idx.isEmpty() || split[0] == 0) {
                continue;
            }
            int units = 0;
            for (ClaimLine l : r.engineClaim().lines()) {
                units += l.code().equals(code) ? l.units() : 0;
            }
            if (units == 0) {
                continue;
            }
            Discipline d = line.discipline();
            String modifier = assistantModifier(v, idx, d);
            out.add(DeMinimis.explain(code, units, split[0], split[1], modifier,
                    whoLabel(v, idx, true, modifier.equals("CO") ? "OTA" : "PTA"),
                    whoLabel(v, idx, false, modifier.equals("CO") ? "OT" : "PT")));
            String supervisors = supervisorsNote(v, r.engineClaim().lines(), idx, code, modifier);
            if (!supervisors.isEmpty()) {
                out.add(supervisors);
            }
            addIfAny(out, namedAssistantNote(v.services(), idx, code + ": its " + modifier + " line names"));
        }
        cognitiveExplanation(r, out);
        return out;
    }

    /**
     * When assistants under different supervisors furnished a code's counted lines {@code idx}: how its {@code modifier}
     * units went by supervisor ({@link #bySupervisor}). With two lines or more, that the line was split, why (a line
     * has one rendering provider, the supervisor of the assistant who furnished its units) and each line with its
     * rendering provider's NPI and assistants; with one (the others' minutes earned no unit of their own), whose it
     * is. "" otherwise: one supervisor, or no CQ/CO unit.
     */
    private static String supervisorsNote(Visit v, List<ClaimLine> claim, List<Integer> idx, String code,
                                          String modifier) {
        List<ServiceLine> s = v.services();
        if (!assistantsUnderTwoSupervisors(s, idx)) {
            return "";
        }
        List<ClaimLine> own = new ArrayList<>(2);
        for (ClaimLine l : claim) {
            if (l.code().equals(code) && l.assistantUnit() && l.units() > 0) {
                own.add(l);
            }
        }
        if (own.isEmpty()) {
            return "";
        }
        String how = "full 15-minute blocks go to the assistant who furnished them and a unit left over to the "
                + "assistant with the most minutes left in it (equal minutes: the one with more minutes in all, then "
                + "the first id in alphabetical order)";
        List<String> each = new ArrayList<>(own.size());
        List<Integer> onALine = new ArrayList<>();
        for (ClaimLine l : own) {
            List<String> theirs = new ArrayList<>(1);
            for (int k = 0; k < idx.size(); k++) {
                if (l.serviceIndexes().contains(idx.get(k)) && s.get(idx.get(k)).provider().role().isAssistant()
                        && !sameAssistantBefore(s, idx, k)) {
                    theirs.add(assistantName(s, idx, k));
                    onALine.add(idx.get(k));
                }
            }
            each.add(code + " " + String.join(" ", l.modifiers()) + " x" + l.units() + " rendered under "
                    + renderedBy(l) + (theirs.isEmpty() ? "" : ", for " + String.join(" and ", theirs)));
        }
        List<String> others = new ArrayList<>(1);
        for (int k = 0; k < idx.size(); k++) {
            if (s.get(idx.get(k)).provider().role().isAssistant() && !onALine.contains(idx.get(k))
                    && !sameAssistantBefore(s, idx, k)) {
                others.add(assistantName(s, idx, k));
            }
        }
        String without = others.isEmpty() ? "" : " " + String.join(" and ", others) + (others.size() == 1
                ? " earns" : " earn") + " no " + modifier + " unit of their own, so no line is rendered under " + (others.size() == 1 ? "that supervisor" : "those supervisors")
                + ".";
        if (own.size() == 1) {
            return code + ": assistants under different supervisors furnished it. Its " + modifier + " units go to "
                    + "the assistants who furnished them (" + how + "), and all " + own.get(0).units() + " fall under "
                    + "one supervisor: " + each.get(0) + "." + without;
        }
        return code + ": assistants under different supervisors furnished it, and a claim line has one rendering "
                + "provider (the supervising therapist of the assistant who furnished its units; assistants do not "
                + "enroll), so its " + modifier + " line is split into " + own.size() + " lines, one per supervisor: "
                + String.join("; ", each) + ". Each line holds the units its supervisor's assistants furnished: "
                + how + "." + without;
    }

    /**
     * When two or more assistants (by id) under one supervisor furnished the counted lines {@code idx}: which of them
     * the line names and why, after {@code lineNames} ("97110: its CQ line names"): a line has one rendering provider
     * and names one assistant ({@link #mainAssistant}: the most minutes, equal minutes the first id alphabetically).
     * "" otherwise: one assistant, one with no id named, or assistants under different supervisors ({@link
     * #supervisorsNote} says whose each line is).
     */
    private static String namedAssistantNote(List<ServiceLine> s, List<Integer> idx, String lineNames) {
        int main = mainAssistant(s, idx);
        if (main < 0 || s.get(main).provider().id().isEmpty() || assistantsUnderTwoSupervisors(s, idx)) {
            return "";
        }
        List<Integer> each = new ArrayList<>(2);
        for (int k = 0; k < idx.size(); k++) {
            if (s.get(idx.get(k)).provider().role().isAssistant() && !sameAssistantBefore(s, idx, k)) {
                each.add(k);
            }
        }
        if (each.size() < 2) {
            return "";
        }
        each.sort(java.util.Comparator.comparing(k -> s.get(idx.get(k)).provider(), NAMED_FIRST));
        List<String> who = new ArrayList<>(each.size());
        for (int k : each) {
            Provider p = s.get(idx.get(k)).provider();
            who.add(p.id().orElse("an unnamed " + p.role().name()) + " " + assistantMinutes(s, idx, k) + " min");
        }
        Provider named = s.get(main).provider();
        return lineNames + " one assistant, " + named.id().get() + ", of the " + named.role().name() + "s who "
                + "furnished it (" + String.join(", ", who) + "): a line names the assistant with the most minutes of "
                + "the code, equal minutes the first id in alphabetical order, whatever order the services are "
                + "documented in.";
    }

    private static void addIfAny(List<String> out, String sentence) {
        if (!sentence.isEmpty()) {
            out.add(sentence);
        }
    }

    /** "T1 (NPI 1234567893)": a line's rendering provider and the NPI it carries. */
    private static String renderedBy(ClaimLine l) {
        return l.renderingProvider().orElse("the supervising therapist") + " ("
                + l.renderingNpi().map(n -> "NPI " + n).orElse("no NPI given") + ")";
    }

    /** "A2 (15 min, supervised by T2)": the k-th line of {@code idx}'s assistant, minutes on them, supervisor. */
    private static String assistantName(List<ServiceLine> s, List<Integer> idx, int k) {
        Provider p = s.get(idx.get(k)).provider();
        int minutes = assistantMinutes(s, idx, k);
        return p.id().orElse("an unnamed " + p.role().name()) + " (" + minutes + " min, "
                + p.supervisorId().map(x -> "supervised by " + x).orElse("no supervisor named") + ")";
    }

    /**
     * Why an assistant's billed minutes carry no CQ/CO where the visit has some (a payer that does not use them, a
     * critical access hospital, incident-to billing in a physician's office, a date before 2020): one sentence, or
     * none when no assistant's minutes reach a unit.
     */
    private static List<String> noAssistantModifier(CheckResult r) {
        Visit v = r.visit();
        List<String> codes = new ArrayList<>(2);
        for (ClaimLine line : r.engineClaim().lines()) {
            if (line.units() == 0 || codes.contains(line.code()) || !r.units().isTimed(line.code())) {
                continue;
            }
            List<Integer> idx = countedOnly(v, r.payer(), true, serviceIndexes(v.services(), line.code()));
            if (!idx.isEmpty() && minutesByWho(counting(r), idx, false)[0] > 0) {
                codes.add(line.code());
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        String why = !r.payer().assistantModifiers() ? "the payer " + r.payer().id() + " does not use CQ/CO (its "
                + "profile)" : v.setting() == Setting.CAH ? "CQ/CO do not apply in a critical access hospital"
                : v.setting() == Setting.PHYSICIAN_OFFICE ? "CQ/CO do not apply to services billed incident to a "
                + "physician" : "CQ/CO apply to dates of service from " + ASSISTANT_MODIFIERS_FROM;
        List<String> out = new ArrayList<>(1);
        out.add(String.join(", ", codes) + ": an assistant furnished minutes of " + (codes.size() == 1 ? "it"
                : "them") + ", but " + why + ", so " + (codes.size() == 1 ? "its line carries" : "their lines carry")
                + " no assistant modifier.");
        for (String code : codes) {
            addIfAny(out, namedAssistantNote(v.services(), countedOnly(v, r.payer(), true,
                    serviceIndexes(v.services(), code)), code + ": its line names"));
        }
        return out;
    }

    /**
     * 97129/97130 with an assistant's minutes: the CQ/CO units counted over both codes' units, and which code's
     * lines carry them (the first 15 minutes are 97129's unit).
     */
    private static void cognitiveExplanation(CheckResult r, List<String> out) {
        Visit v = r.visit();
        List<Integer> idx = countedOnly(v, r.payer(), true, serviceIndexes(v.services(), COGNITIVE_BASE));
        int units = 0;
        int baseCq = 0;
        int addOnCq = 0;
        Discipline d = null;
        for (ClaimLine l : r.engineClaim().lines()) {
            if (Cognitive.isPair(l.code())) {
                units += l.units();
                d = l.discipline();
                if (assistantModifier(l.modifiers())) {
                    if (l.code().equals(COGNITIVE_BASE)) {
                        baseCq += l.units();
                    } else {
                        addOnCq += l.units();
                    }
                }
            }
        }
        int[] split = idx.isEmpty() ? new int[2] : minutesByWho(counting(r), idx, false);
        if (units == 0 || split[0] == 0) {
            return;
        }
        String modifier = assistantModifier(v, idx, d);
        String assistant = whoLabel(v, idx, true,
                modifier.equals("CO") ? "OTA" : modifier.equals("CQ") ? "PTA" : "assistant");
        out.add(DeMinimis.explain(COGNITIVE_BASE + "/" + COGNITIVE_ADD_ON, units, split[0], split[1], modifier,
                assistant, whoLabel(v, idx, false, modifier.equals("CO") ? "OT" : "PT")));
        addIfAny(out, namedAssistantNote(v.services(), idx, COGNITIVE_BASE + "/" + COGNITIVE_ADD_ON
                + ": their lines name"));
        if (baseCq + addOnCq > 0) {
            boolean therapistsFirst = firstFifteenAreTherapists(v.services(), idx);
            out.add("97129 is the first 15 minutes of the service and 97130 each 15 after: " + (baseCq == 0
                    ? "the " + modifier + " " + (addOnCq == 1 ? "unit goes" : "units go") + " on 97130, as "
                    + (therapistsFirst ? "the first 15 minutes in time were the therapist's"
                    : "the assistant furnished only 97130's minutes") + "."
                    : "97129's unit carries " + modifier + (addOnCq > 0 ? ", and " + addOnCq + " of 97130's" : "")
                    + (therapistsFirst || !allTimed(v.services(), idx) ? ""
                    : ", as the assistant furnished more than 10% of the first 15 minutes in time") + "."));
            for (String code : List.of(COGNITIVE_BASE, COGNITIVE_ADD_ON)) {
                String supervisors = supervisorsNote(v, r.engineClaim().lines(), idx, code, modifier);
                if (!supervisors.isEmpty()) {
                    out.add(supervisors);
                }
            }
        }
    }

    private static boolean allTimed(List<ServiceLine> services, List<Integer> idx) {
        for (int i : idx) {
            if (services.get(i).periods().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String assistantModifier(Visit v, List<Integer> idx, Discipline d) {
        for (int k = 0; k < idx.size(); k++) {
            Role r = v.services().get(idx.get(k)).provider().role();
            if (r == Role.PTA) {
                return "CQ";
            }
            if (r == Role.OTA) {
                return "CO";
            }
        }
        return d == Discipline.OT ? "CO" : "CQ";
    }

    /**
     * The rendering provider: a therapist who furnished the code (of two, the one who furnished more of its minutes,
     * then the first id alphabetically: whatever the order the services are documented in); for an assistant's
     * lines, the supervising therapist the assistant names, else a therapist of the same discipline on the visit;
     * else nobody: an assistant is never the rendering provider (assistants do not enroll with Medicare; MW-W004
     * blocks).
     */
    static Provider rendering(Visit v, List<Integer> idx, Discipline d) {
        List<ServiceLine> services = v.services();
        Provider best = null;
        int bestMinutes = -1;
        for (int k = 0; k < idx.size(); k++) {
            Provider p = services.get(idx.get(k)).provider();
            if (p.role().rendersUnderSupervisor() || p.role() == Role.AIDE) {
                continue;
            }
            if (best != null && p.id().equals(best.id())) {
                continue;
            }
            int minutes = 0;
            for (int j = 0; j < idx.size(); j++) {
                ServiceLine s = services.get(idx.get(j));
                if (s.provider().id().equals(p.id()) && !s.provider().role().rendersUnderSupervisor()) {
                    minutes += s.minutes();
                }
            }
            if (best == null || minutes > bestMinutes || minutes == bestMinutes
                    && p.id().orElse("").compareTo(best.id().orElse("")) < 0) {
                best = p;
                bestMinutes = minutes;
            }
        }
        if (best != null) {
            return best;
        }
        for (int k = 0; k < idx.size(); k++) {
            Provider p = services.get(idx.get(k)).provider();
            if (p.supervisorId().isPresent()) {
                return supervisorOf(p);
            }
        }
        for (int k = 0; k < services.size(); k++) {
            Provider p = services.get(k).provider();
            if (p.role().isTherapist() && p.role().discipline().orElse(null) == d) {
                return p;
            }
        }
        Provider assistant = v.services().get(idx.get(0)).provider();
        return new Provider(java.util.Optional.empty(), supervisorRole(assistant.role()), java.util.Optional.empty());
    }

    /**
     * The rendering provider of the line of an assistant's units (CQ/CO) of the service lines {@code idx}: the
     * supervising therapist named by the assistant with the most minutes on the lines {@code assistants} (those whose
     * minutes count; {@link #mainAssistant}), not a therapist who furnished the code's other units (RULES.md §4);
     * else (no such assistant, or one who names no supervisor) {@link #rendering(Visit, List, Discipline)}.
     */
    static Provider assistantRendering(Visit v, List<Integer> idx, List<Integer> assistants, Discipline d) {
        int a = mainAssistant(v.services(), assistants);
        if (a >= 0 && v.services().get(a).provider().supervisorId().isPresent()) {
            return supervisorOf(v.services().get(a).provider());
        }
        return rendering(v, idx, d);
    }

    /** Whether assistants of the lines {@code idx} name different supervisors ({@link #supervisorKey}). */
    private static boolean assistantsUnderTwoSupervisors(List<ServiceLine> services, List<Integer> idx) {
        return twoOf(services, idx, true, ClaimBuilder::supervisorKey);
    }

    /**
     * Whether the assistants' (or, {@code assistants} false, the others') lines of {@code idx} give two different
     * {@code key}s: two supervisors, two clinicians.
     */
    private static boolean twoOf(List<ServiceLine> services, List<Integer> idx, boolean assistants,
                                 java.util.function.Function<Provider, String> key) {
        String first = null;
        for (int k = 0; k < idx.size(); k++) {
            Provider p = services.get(idx.get(k)).provider();
            if (p.role().isAssistant() != assistants) {
                continue;
            }
            String own = key.apply(p);
            if (first == null) {
                first = own;
            } else if (!first.equals(own)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first service line of each supervisor the assistants of the lines {@code idx} name ({@link #supervisorKey}),
     * in the order of first appearance: one entry per supervisor.
     */
    public static List<Integer> assistantSupervisors(List<ServiceLine> services, List<Integer> idx) {
        List<Integer> out = new ArrayList<>(2);
        List<String> seen = new ArrayList<>(2);
        for (int i : idx) {
            Provider p = services.get(i).provider();
            if (p.role().isAssistant() && !seen.contains(supervisorKey(p))) {
                seen.add(supervisorKey(p));
                out.add(i);
            }
        }
        return out;
    }

    /** The supervisor an assistant names: by id, else by NPI; "" when the assistant names none. */
    private static String supervisorKey(Provider assistant) {
        return assistant.supervisorId().map(id -> "id:" + id)
                .or(() -> assistant.supervisorNpi().map(n -> "npi:" + n)).orElse("");
    }

    /**
     * One CQ/CO line of a code split by supervisor: its rendering provider (the supervisor), the assistant it names,
     * its units and the service lines of its assistants.
     */
    record SupervisorLine(Provider rendering, Optional<String> assistant, int units, List<Integer> services) {
    }

    /** An assistant's counted lines of a code under one supervisor, and the CQ/CO units they are given. */
    private static final class AssistantPart {
        final Provider provider;
        final String supervisor;
        final List<Integer> lines = new ArrayList<>(2);
        int minutes;
        int units;

        AssistantPart(Provider provider) {
            this.provider = provider;
            this.supervisor = supervisorKey(provider);
        }

        /** Who the tie-break orders by: the assistant's id (unnamed last), then the supervisor. */
        String name() {
            return provider.id().orElse("\uffff") + "\u0000" + supervisor;
        }
    }

    /**
     * The {@code cq} CQ/CO units of a code whose counted lines {@code counted} assistants under different supervisors
     * furnished, one line per supervisor (RULES.md §4: a line has one rendering provider, the supervising therapist of
     * the assistant who furnished its units). Each assistant (an id under one supervisor; an unnamed one, each line)
     * is given units by {@link #allocate} from their minutes alone (as {@link #minutesByWho} counts the code's), and
     * a supervisor's line holds their assistants' units; a supervisor whose assistants are given none has no line.
     * Lines in order of units, most first (equal: by supervisor). An assistant who names no supervisor is rendered as
     * {@link #rendering(Visit, List, Discipline)} renders the code. The line names its assistant with the most units
     * (equal: the most minutes, then by id).
     */
    static List<SupervisorLine> bySupervisor(Visit v, List<ServiceLine> counting, List<Integer> counted,
                                             List<Integer> idx, int cq, boolean untimed, Discipline d) {
        List<ServiceLine> services = v.services();
        List<AssistantPart> parts = new ArrayList<>(3);
        List<Integer> therapists = new ArrayList<>(2);
        for (int i : counted) {
            Provider p = services.get(i).provider();
            if (!p.role().isAssistant()) {
                if (p.role() != Role.AIDE) {
                    therapists.add(i);
                }
                continue;
            }
            AssistantPart part = null;
            for (AssistantPart a : parts) {
                if (p.id().isPresent() && a.provider.id().equals(p.id()) && a.supervisor.equals(supervisorKey(p))) {
                    part = a;
                }
            }
            if (part == null) {
                part = new AssistantPart(p);
                parts.add(part);
            }
            part.lines.add(i);
        }
        int[] minutes = new int[parts.size()];
        String[] names = new String[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            List<Integer> theirs = new ArrayList<>(therapists);
            theirs.addAll(parts.get(k).lines);
            minutes[k] = minutesByWho(counting, theirs, untimed)[0];
            parts.get(k).minutes = minutes[k];
            names[k] = parts.get(k).name();
        }
        int[] units = allocate(cq, minutes, names);
        List<String> supervisors = new ArrayList<>(2);
        for (int k = 0; k < parts.size(); k++) {
            parts.get(k).units = units[k];
            if (units[k] > 0 && !supervisors.contains(parts.get(k).supervisor)) {
                supervisors.add(parts.get(k).supervisor);
            }
        }
        // The supervisors by id (or NPI), one who names none last.
        supervisors.sort(java.util.Comparator.comparing(String::isEmpty).thenComparing(k -> k));
        // Within a supervisor's line: its assistant with the most units first (equal: most minutes, then by id).
        parts.sort(java.util.Comparator.<AssistantPart>comparingInt(a -> -a.units).thenComparingInt(a -> -a.minutes)
                .thenComparing(AssistantPart::name));
        List<SupervisorLine> out = new ArrayList<>(supervisors.size());
        for (String key : supervisors) {
            int n = 0;
            AssistantPart named = null;
            Provider naming = null;
            List<Integer> lines = new ArrayList<>(2);
            for (AssistantPart a : parts) {
                if (!a.supervisor.equals(key)) {
                    continue;
                }
                n += a.units;
                named = named == null ? a : named;
                naming = naming == null || naming.supervisorNpi().isEmpty() && a.provider.supervisorNpi().isPresent()
                        ? a.provider : naming;
                lines.addAll(a.lines);
            }
            java.util.Collections.sort(lines);
            out.add(new SupervisorLine(key.isEmpty() ? rendering(v, idx, d) : supervisorOf(naming),
                    named.provider.id(), n, List.copyOf(lines)));
        }
        // A stable sort of lines in the supervisors' order: most units first, equal units by supervisor.
        out.sort(java.util.Comparator.comparingInt(l -> -l.units()));
        return out;
    }

    /**
     * The CQ/CO units of a code shared among the assistants who furnished it, from each one's {@code minutes} alone
     * (RULES.md §4, de minimis): an assistant's full 15-minute blocks are theirs; a unit left over goes to the
     * assistant with the most minutes left in it (beyond the blocks they were given), equal minutes to the one with
     * more minutes in all, then to the first of {@code names} in alphabetical order, so the order the services are
     * documented in never decides. When the blocks are more than {@code cq}, the assistants with the most minutes
     * keep theirs. Units per assistant, in the order given; they add up to {@code cq} (to 0 with no assistant).
     */
    static int[] allocate(int cq, int[] minutes, String[] names) {
        int n = minutes.length;
        int[] out = new int[n];
        if (n == 0 || cq <= 0) {
            return out;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(k -> -minutes[k])
                .thenComparing(k -> names[k]));
        int left = cq;
        for (int k : order) {
            out[k] = Math.min(Math.max(minutes[k], 0) / 15, left);
            left -= out[k];
        }
        if (left > 0) {
            Integer[] rest = order.clone();
            // A stable sort: equal minutes left keep the order above (more minutes in all, then by name).
            java.util.Arrays.sort(rest, java.util.Comparator.comparingInt(k -> -(minutes[k] - 15 * out[k])));
            for (int r = 0; left > 0; r = (r + 1) % n) {
                out[rest[r]]++;
                left--;
            }
        }
        return out;
    }

    /**
     * The assistants ({@code assistants}) or the therapists of the service lines {@code idx} as a de minimis sentence
     * names them: "the PTA", or "the PTAs" when lines of two or more (by provider id) furnished the code.
     */
    private static String whoLabel(Visit v, List<Integer> idx, boolean assistants, String role) {
        return "the " + role + (twoOf(v.services(), idx, assistants, p -> p.id().orElse("")) ? "s" : "");
    }

    /** The supervising therapist an assistant names, as the rendering provider of the assistant's units. */
    private static Provider supervisorOf(Provider assistant) {
        return new Provider(assistant.supervisorId(), supervisorRole(assistant.role()), assistant.supervisorNpi());
    }

    /**
     * Of the service lines {@code idx}, the first line of the assistant (PTA, OTA) with the most minutes on them (each
     * assistant's lines added up, by provider id); equal minutes, the first id in alphabetical order (an assistant
     * with no id last), then the supervisor named (id, then NPI), so the order the services are documented in never
     * decides; -1 when no assistant furnished any of them. A claim line has one rendering provider and names one
     * assistant: this one.
     */
    static int mainAssistant(List<ServiceLine> services, List<Integer> idx) {
        int best = -1;
        int bestMinutes = -1;
        for (int k = 0; k < idx.size(); k++) {
            Provider p = services.get(idx.get(k)).provider();
            if (!p.role().isAssistant() || sameAssistantBefore(services, idx, k)) {
                continue;
            }
            int minutes = assistantMinutes(services, idx, k);
            if (minutes > bestMinutes || minutes == bestMinutes
                    && NAMED_FIRST.compare(p, services.get(best).provider()) < 0) {
                best = idx.get(k);
                bestMinutes = minutes;
            }
        }
        return best;
    }

    /** Of two assistants with equal minutes, the one a line names: by id (none last), supervisor id, supervisor NPI. */
    private static final java.util.Comparator<Provider> NAMED_FIRST = java.util.Comparator
            .<Provider, String>comparing(p -> p.id().orElse("\uffff"))
            .thenComparing(p -> p.supervisorId().orElse("\uffff"))
            .thenComparing(p -> p.supervisorNpi().orElse("\uffff"));

    /** The minutes of the k-th line of {@code idx}'s assistant on those lines (all their lines: the same id). */
    private static int assistantMinutes(List<ServiceLine> services, List<Integer> idx, int k) {
        Provider p = services.get(idx.get(k)).provider();
        int minutes = 0;
        for (int j = 0; j < idx.size(); j++) {
            Provider q = services.get(idx.get(j)).provider();
            if (j == k || q.role().isAssistant() && p.id().isPresent() && q.id().equals(p.id())) {
                minutes += services.get(idx.get(j)).minutes();
            }
        }
        return minutes;
    }

    /** Whether a line of {@code idx} before the k-th is the same assistant's (the same provider id). */
    private static boolean sameAssistantBefore(List<ServiceLine> services, List<Integer> idx, int k) {
        Provider p = services.get(idx.get(k)).provider();
        for (int j = 0; j < k && p.id().isPresent(); j++) {
            Provider q = services.get(idx.get(j)).provider();
            if (q.role().isAssistant() && q.id().equals(p.id())) {
                return true;
            }
        }
        return false;
    }

    private static Role supervisorRole(Role assistant) {
        return assistant.rendersUnderSupervisor() ? assistant.supervisingRole() : Role.PT;
    }

    private static ClaimLine line(Visit v, String code, List<String> modifiers, int units, List<Integer> dx,
                                  Optional<BigDecimal> charge, Provider rendering, Optional<String> assistant,
                                  boolean assistantUnit, Discipline d, List<Integer> idx) {
        return new ClaimLine(code, modifiers, units, dx, charge, rendering.id(), npiOf(v, rendering), assistant,
                assistantUnit, d, idx);
    }

    /**
     * A rendering provider's NPI: its own, else the one the visit gives the same clinician elsewhere (one id is one
     * clinician, one NPI): on a service line of theirs ({@code provider.npi}) or as the supervisor an assistant names
     * ({@code supervisorNpi} beside {@code supervisorId}), the first in documented order. Empty when none does.
     * (An integrator's review: the 837 asked for T1's NPI on every line though the visit gave it once.)
     */
    public static Optional<String> npiOf(Visit v, Provider rendering) {
        if (rendering.npi().isPresent() || rendering.id().isEmpty()) {
            return rendering.npi();
        }
        String id = rendering.id().get();
        List<ServiceLine> services = v.services();
        for (int i = 0; i < services.size(); i++) {
            Provider p = services.get(i).provider();
            if (p.npi().isPresent() && p.id().filter(id::equals).isPresent()) {
                return p.npi();
            }
            if (p.supervisorNpi().isPresent() && p.supervisorId().filter(id::equals).isPresent()) {
                return p.supervisorNpi();
            }
        }
        return Optional.empty();
    }

    /**
     * Diagnosis pointers (1-based, at most four): for 97112 the diagnoses that support it come first. Immutable,
     * so the claim lines that share it do not copy it.
     */
    private static List<Integer> pointers(CheckContext ctx, boolean for97112) {
        List<String> dx = ctx.visit().diagnoses();
        int n = Math.min(4, dx.size());
        if (!for97112) {
            return pointersInOrder(n);
        }
        return pointers(ctx, d -> {
            Optional<DiagnosisCategory> c = ctx.ref().diagnoses().categoryOf(d);
            return c.isPresent() && c.get().supports97112();
        });
    }

    /** Diagnosis pointers (1-based, at most four), the diagnoses {@code firstOnes} accepts first, each part in order. */
    private static List<Integer> pointers(CheckContext ctx, java.util.function.Predicate<String> firstOnes) {
        List<String> dx = ctx.visit().diagnoses();
        int n = Math.min(4, dx.size());
        List<Integer> first = new ArrayList<>(dx.size());
        List<Integer> rest = new ArrayList<>(dx.size());
        for (int i = 0; i < dx.size(); i++) {
            (firstOnes.test(dx.get(i)) ? first : rest).add(i + 1);
        }
        first.addAll(rest);
        return List.copyOf(first.subList(0, n));
    }

    private static Optional<BigDecimal> charge(CheckContext ctx, String code, List<Integer> idx, int units,
                                               int unitsTheChargesCover) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        List<ServiceLine> services = ctx.visit().services();
        for (int k = 0; k < idx.size(); k++) {
            Optional<BigDecimal> c = services.get(idx.get(k)).charge();
            if (c.isPresent()) {
                sum = sum.add(c.get());
                any = true;
            }
        }
        if (any) {
            if (units == 0) {
                // A 0-unit line (the payer profile's policy) only documents the service: it charges nothing, as
                // the same line priced from the fee schedule does.
                return Optional.of(BigDecimal.ZERO.setScale(2));
            }
            return units == unitsTheChargesCover ? Optional.of(sum) : share(Optional.of(sum), units,
                    unitsTheChargesCover);
        }
        return ctx.ref().fees().charge(code).map(per -> per.multiply(BigDecimal.valueOf(units)));
    }

    private static Optional<BigDecimal> share(Optional<BigDecimal> charge, int part, int whole) {
        if (charge.isEmpty() || whole == 0) {
            return charge;
        }
        return Optional.of(charge.get().multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
    }

    private static void addModifier(List<ClaimLine> lines, String code, String modifier) {
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            if (l.code().equals(code) && !l.modifiers().contains(modifier)) {
                lines.set(i, l.withModifiers(append(l.modifiers(), modifier)));
            }
        }
    }

    /** What follows KX in the documented order: GA/GZ (and the statutory GY/GX), then 96/97. */
    private static final Set<String> AFTER_KX = Set.of("GA", "GZ", "GY", "GX", "96", "97");

    /**
     * The modifiers with KX in its place of the documented order (after the discipline, CQ/CO and 59/X, before
     * GA/GZ and 96/97); the same list when it has KX already, carries GA or GZ (an ABN recorded: a line carries
     * one or the other, Pub 100-04 ch. 5 §10.3) or has no room left ({@link #MAX_MODIFIERS}).
     */
    public static List<String> withKx(List<String> modifiers) {
        if (modifiers.contains("KX") || modifiers.contains("GA") || modifiers.contains("GZ")) {
            return modifiers;
        }
        return insertBefore(modifiers, "KX", AFTER_KX);
    }

    /** What follows 59 or an X modifier in the documented order: KX, then what follows KX. */
    private static final Set<String> AFTER_DISTINCT = Set.of("KX", "GA", "GZ", "GY", "GX", "96", "97");

    /**
     * The modifiers with {@code distinct} (59 or an X modifier) in its place of the documented order (after the
     * discipline and CQ/CO, before KX, GA/GZ and 96/97); the same list when one of 59/X is there already or there is
     * no room left ({@link #MAX_MODIFIERS}).
     */
    public static List<String> withDistinct(List<String> modifiers, String distinct) {
        if (NcciAnalysis.distinctModifierOf(modifiers) != null) {
            return modifiers;
        }
        return insertBefore(modifiers, distinct, AFTER_DISTINCT);
    }

    /**
     * The modifiers with {@code modifier} before the first of {@code after} (at the end when none is there); the
     * same list when there is no room left ({@link #MAX_MODIFIERS}).
     */
    private static List<String> insertBefore(List<String> modifiers, String modifier, Set<String> after) {
        if (modifiers.size() >= MAX_MODIFIERS) {
            return modifiers;
        }
        int at = modifiers.size();
        for (int i = 0; i < modifiers.size(); i++) {
            if (after.contains(modifiers.get(i))) {
                at = i;
                break;
            }
        }
        List<String> out = new ArrayList<>(modifiers.size() + 1);
        out.addAll(modifiers.subList(0, at));
        out.add(modifier);
        out.addAll(modifiers.subList(at, modifiers.size()));
        return out;
    }

    private static List<String> append(List<String> m, String modifier) {
        List<String> out = new ArrayList<>(m);
        out.add(modifier);
        return out;
    }

    /**
     * The KX bucket a claim line counts toward: "OT" or "PT_SLP" by its discipline, or "" for a code no therapy
     * discipline bills (chiropractic manipulation, say), which is not outpatient therapy and counts toward neither.
     */
    public static String kxBucket(ClaimLine l, CodeCatalog codes) {
        if (notTherapy(codes.getOrNull(l.code()))) {
            return "";
        }
        return l.discipline() == Discipline.OT ? "OT" : "PT_SLP";
    }

    /** The KX bucket, "" also for a code Medicare does not pay on this visit ({@link #notCovered}). */
    public static String kxBucket(ClaimLine l, CodeCatalog codes, Set<String> notCovered) {
        return notCovered.contains(l.code()) ? "" : kxBucket(l, codes);
    }

    /** KX for one bucket; null when the visit has no line in it. */
    private static KxBucket kx(CheckContext ctx, List<ClaimLine> lines, Estimate est, KxThreshold t, boolean ot,
                               Set<String> notCovered) {
        Visit v = ctx.visit();
        Discipline bucketDiscipline = ot ? Discipline.OT : Discipline.PT;
        String bucket = ot ? "OT" : "PT_SLP";
        BigDecimal threshold = ot ? t.ot() : t.ptSlp();
        BigDecimal before = v.patient().spentBefore(bucketDiscipline);
        BigDecimal running = before;
        int crossing = -1;
        int firstUnpriced = -1;
        boolean any = false;
        List<String> unpriced = new ArrayList<>();
        // The codes of the unpriced lines before any line crosses (one of them may be the line that really does).
        List<String> unpricedFirst = new ArrayList<>(0);
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            if (!kxBucket(l, ctx.ref().codes(), notCovered).equals(bucket)) {
                continue;
            }
            any = true;
            Estimate.Line el = est.available() ? est.lines().get(i) : null;
            if (el != null && el.deniedByMue()) {
                // Denied by its MUE: Medicare pays nothing, so nothing is incurred toward the threshold. The line
                // stays in its bucket for KX (from the crossing line on): corrected to the MUE, it needs KX as well.
                continue;
            }
            if (el == null || !el.priced()) {
                if (l.units() > 0 && !unpriced.contains(l.code())) {
                    unpriced.add(l.code());
                }
                if (l.units() > 0 && crossing < 0) {
                    firstUnpriced = firstUnpriced < 0 ? i : firstUnpriced;
                    if (!unpricedFirst.contains(l.code())) {
                        unpricedFirst.add(l.code());
                    }
                }
                continue;
            }
            BigDecimal after = running.add(el.allowed());
            if (crossing < 0 && after.compareTo(threshold) > 0) {
                crossing = i;
            }
            running = after;
        }
        if (!any) {
            return null;
        }
        boolean already = before.compareTo(threshold) >= 0;
        // KX attests medical necessity; GA/GZ (an ABN recorded) say Medicare is expected to deny the line as not
        // reasonable and necessary: a line carries one or the other (Pub 100-04 ch. 5 §10.3).
        boolean apply = (already || crossing >= 0) && v.abn().isEmpty();
        if (apply) {
            boolean institutional = v.setting().institutional();
            // An unpriced line before the crossing may be the one that really crosses: KX from it on (KX on a
            // line under the threshold is harmless; a line over it without KX is denied).
            int from = already || institutional ? 0 : firstUnpriced >= 0 ? firstUnpriced : crossing;
            for (int i = from; i < lines.size(); i++) {
                ClaimLine l = lines.get(i);
                if (kxBucket(l, ctx.ref().codes(), notCovered).equals(bucket) && l.units() > 0) {
                    lines.set(i, l.withModifiers(append(l.modifiers(), "KX")));
                }
            }
        }
        return new KxBucket(bucket, t.year(), threshold, t.targetedReview(), before,
                running.subtract(before), already ? 0 : crossing, apply, unpriced,
                !already && crossing >= 0 ? unpricedFirst : List.of());
    }
}
