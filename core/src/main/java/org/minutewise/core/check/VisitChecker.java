package org.minutewise.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.MueDenial;
import org.minutewise.core.claim.PaymentEstimator;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitResult;

/** Checks one visit: units by the payer's method, then every rule of the rule book. Pure; thread-safe. */
public final class VisitChecker {
    private final ReferenceData ref;
    private final RuleBook rules;
    private final java.util.Optional<java.time.LocalDate> today;
    /** How the units are counted: {@link #countUnits}, but in the tests of a count that fails. */
    private final UnitCounter counter;

    /** Counts a visit's units; a failure is reported as MW-X001, never a silent pass. */
    @FunctionalInterface
    interface UnitCounter {
        UnitResult count(VisitChecker checker, Visit visit, PayerProfile payer, CodeInfo[] lineCodes);
    }

    public VisitChecker(ReferenceData ref, RuleBook rules) {
        this(ref, rules, java.util.Optional.empty(), VisitChecker::countUnits);
    }

    /** A checker whose unit count is {@code counter} (package-private: the tests of a count that fails). */
    VisitChecker(ReferenceData ref, RuleBook rules, java.util.Optional<java.time.LocalDate> today,
                 UnitCounter counter) {
        this.ref = ref;
        this.rules = rules;
        this.today = today;
        this.counter = counter;
    }

    /**
     * The same checker for a caller at the point of care on {@code today} (the clinic's date): a date of service
     * after it is reported (MW-P005). Core reads no clock: the caller passes its date.
     */
    public VisitChecker asOf(java.time.LocalDate today) {
        return new VisitChecker(ref, rules, java.util.Optional.of(today), counter);
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

    /**
     * The visit's minutes per code, each marked when its unit beyond the full blocks would carry CQ/CO (de minimis),
     * so that a tie at the cut-off goes by default to a code whose unit would not; only where CQ/CO apply (Medicare,
     * the payers that use them, outside a CAH and incident-to).
     */
    public static List<org.minutewise.core.units.CodeMinutes> pooled(Visit visit, PayerProfile payer,
                                                                     org.minutewise.core.codes.CodeCatalog codes) {
        return pooled(visit, payer, codes, CheckContext.lineCodes(visit, codes));
    }

    /** {@link #pooled(Visit, PayerProfile, org.minutewise.core.codes.CodeCatalog)} with the lines' entries looked up. */
    private static List<org.minutewise.core.units.CodeMinutes> pooled(Visit visit, PayerProfile payer,
            org.minutewise.core.codes.CodeCatalog codes, CodeInfo[] lineCodes) {
        // A minute two timed codes share counts for one of them (MW-U003): cut out of the other's periods; a minute
        // inside an untimed one-on-one service's period (an evaluation) is the service's, and one inside a group
        // code's period is group time (MW-G001): cut out of the timed code's.
        List<org.minutewise.core.model.ServiceLine> services = visit.services();
        List<org.minutewise.core.model.ServiceLine> counted = UnitCalculator.withoutOtherCodesMinutes(
                countedServices(visit, payer, codes),
                l -> timed(CheckContext.entry(services, lineCodes, l.code(), codes)),
                untimedServiceTime(code -> UnitCalculator.untimedService(
                        CheckContext.entry(services, lineCodes, code, codes)),
                        code -> UnitCalculator.groupService(CheckContext.entry(services, lineCodes, code, codes))));
        List<org.minutewise.core.units.CodeMinutes> pooled = countedMinutes(visit.services(), counted);
        boolean any = false;
        for (org.minutewise.core.units.CodeMinutes cm : pooled) {
            any |= cm.assistant();
        }
        if (!any) {
            return pooled; // the usual visit: no assistant's minutes
        }
        boolean cq = org.minutewise.core.claim.ClaimBuilder.assistantModifiersApply(visit, payer);
        List<org.minutewise.core.units.CodeMinutes> out = new ArrayList<>(pooled.size());
        for (org.minutewise.core.units.CodeMinutes cm : pooled) {
            out.add(new org.minutewise.core.units.CodeMinutes(cm.code(), cm.minutes(), cq && cm.assistant()
                    && org.minutewise.core.claim.ClaimBuilder.extraUnitIsAssistants(counted, cm.code(),
                    cm.minutes())));
        }
        return out;
    }

    /**
     * Why a line's minutes do not count toward its timed code's units (RULES.md §2: only direct one-on-one time, or
     * constant attendance, by a clinician who may bill it), in words that follow "documented as" or "furnished by",
     * or null when they count: an aide's minutes; a speech-language pathology assistant's billed to Medicare; time
     * documented as supervised or as group time. The rules that say so are MW-U007 and MW-G003 (warnings, as the
     * count leaves the minutes out, so the claim lines and the estimate are what the countable minutes support).
     */
    public static String notCounted(Visit visit, PayerProfile payer, boolean timedCode,
                                    org.minutewise.core.model.ServiceLine l) {
        if (usual(l) || !timedCode) {
            return null;
        }
        org.minutewise.core.model.Role role = l.provider().role();
        org.minutewise.core.model.Mode mode = l.mode().orElse(org.minutewise.core.model.Mode.ONE_ON_ONE);
        if (role == org.minutewise.core.model.Role.AIDE) {
            return "furnished by an aide, whose time is not skilled therapy";
        }
        if (role == org.minutewise.core.model.Role.SLPA && payer.isMedicare()) {
            return "furnished by a speech-language pathology assistant, whose services Medicare does not pay";
        }
        if (mode == org.minutewise.core.model.Mode.SUPERVISED) {
            return "documented as supervised time, and only direct one-on-one time counts";
        }
        if (mode == org.minutewise.core.model.Mode.GROUP) {
            return "documented as group time, which is billed with a group code, not as one-on-one minutes";
        }
        return null;
    }

    private static boolean timed(org.minutewise.core.codes.CodeInfo info) {
        return info != null && info.timed();
    }

    /** One-on-one time by anyone but an aide or an SLPA: the minutes count whatever the code (no look-up). */
    private static boolean usual(org.minutewise.core.model.ServiceLine l) {
        org.minutewise.core.model.Role role = l.provider().role();
        return role != org.minutewise.core.model.Role.AIDE && role != org.minutewise.core.model.Role.SLPA
                && l.mode().orElse(org.minutewise.core.model.Mode.ONE_ON_ONE)
                == org.minutewise.core.model.Mode.ONE_ON_ONE;
    }

    /** {@link #notCounted}, looking the line's code up only when the line is not the usual one-on-one time. */
    public static String notCounted(Visit visit, PayerProfile payer, org.minutewise.core.codes.CodeCatalog codes,
                                    org.minutewise.core.model.ServiceLine l) {
        return usual(l) ? null : notCounted(visit, payer, timed(codes.getOrNull(l.code())), l);
    }

    /**
     * The visit's service lines whose minutes count ({@link #notCounted}); the visit's own list when every line
     * counts (the usual visit).
     */
    public static List<org.minutewise.core.model.ServiceLine> countedServices(Visit visit, PayerProfile payer,
            org.minutewise.core.codes.CodeCatalog codes) {
        List<org.minutewise.core.model.ServiceLine> services = visit.services();
        List<org.minutewise.core.model.ServiceLine> kept = null;
        for (int i = 0; i < services.size(); i++) {
            org.minutewise.core.model.ServiceLine l = services.get(i);
            if (notCounted(visit, payer, codes, l) != null) {
                if (kept == null) {
                    kept = new ArrayList<>(services.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(l);
            }
        }
        return kept == null ? services : kept;
    }

    /**
     * The visit's service lines as the count sees their minutes, at their own indexes: a line of a timed code whose
     * minutes count ({@link #notCounted}) without the minutes another such code's period holds (counted once, for the
     * code that {@linkplain UnitCalculator#countsFirst counts first}; MW-U003 blocks the claim) and without those
     * inside an untimed one-on-one service's or a group code's period ({@link #untimedServiceTime}); {@code
     * visit.services()} itself in
     * the usual visit. For who furnished a code's counted minutes (CQ/CO). {@code units} is the visit's count (which
     * codes are timed, which are untimed services).
     */
    public static List<org.minutewise.core.model.ServiceLine> minutesView(Visit visit, PayerProfile payer,
                                                                          UnitResult units) {
        return UnitCalculator.withoutOtherCodesMinutes(visit.services(), countsAlone(visit, payer, units::isTimed),
                untimedServiceTime(units));
    }

    /**
     * Which code each minute of the day counts for, as {@link #minutesView} cuts them ({@link UnitCalculator#owners});
     * null in the usual visit, where no timed code's period overlaps another code's.
     */
    public static String[] minuteOwners(Visit visit, PayerProfile payer, UnitResult units) {
        return UnitCalculator.owners(visit.services(), countsAlone(visit, payer, units::isTimed),
                untimedServiceTime(units));
    }

    /**
     * The minutes of timed {@code code} that {@link #minutesView} cuts because they fall inside an untimed one-on-one
     * service's or a group code's period, by the service's code ({@link UnitCalculator#insideUntimedServices}); empty when none do.
     */
    public static Map<String, List<org.minutewise.core.model.Period>> insideUntimedServices(Visit visit,
            PayerProfile payer, UnitResult units, String code) {
        return UnitCalculator.insideUntimedServices(visit.services(), countsAlone(visit, payer, units::isTimed),
                untimedServiceTime(units), code);
    }

    /**
     * The lines whose documented periods are an untimed service's own time: a code {@code untimedService} accepts
     * ({@link UnitCalculator#untimedService}: an evaluation, 92507, ...) documented as one-on-one time, or a group code
     * {@code group} accepts ({@link UnitCalculator#groupService}: 97150, 92508) in whatever mode. Time spent on an
     * untimed service is not counted toward timed minutes (CMS Pub 100-04 ch. 5 §20.2) and group minutes are not
     * one-on-one minutes (CMS Pub 100-02 ch. 15 §230 A), so a timed code's minutes inside these periods are cut from
     * it ({@link UnitCalculator#withoutOtherCodesMinutes}).
     */
    /** {@link #untimedServiceTime(java.util.function.Predicate, java.util.function.Predicate)} of a count's codes. */
    private static java.util.function.Predicate<org.minutewise.core.model.ServiceLine> untimedServiceTime(
            UnitResult units) {
        return untimedServiceTime(units::isUntimedService, units::isGroupService);
    }

    public static java.util.function.Predicate<org.minutewise.core.model.ServiceLine> untimedServiceTime(
            java.util.function.Predicate<String> untimedService, java.util.function.Predicate<String> group) {
        return l -> l.mode().orElse(org.minutewise.core.model.Mode.ONE_ON_ONE)
                == org.minutewise.core.model.Mode.ONE_ON_ONE && untimedService.test(l.code()) || group.test(l.code());
    }

    /**
     * The lines whose minutes belong to one code alone ({@link UnitCalculator#withoutOtherCodesMinutes}): of a timed
     * code, and counted ({@link #notCounted}).
     */
    public static java.util.function.Predicate<org.minutewise.core.model.ServiceLine> countsAlone(Visit visit,
            PayerProfile payer, java.util.function.Predicate<String> timed) {
        return l -> timed.test(l.code()) && notCounted(visit, payer, true, l) == null;
    }

    /**
     * The minutes per code ({@link UnitCalculator#pool}) of the {@code counted} lines, in the order the codes first
     * appear among {@code all}: a code whose minutes are all left out stays, with 0 minutes, so it is still reported.
     */
    private static List<org.minutewise.core.units.CodeMinutes> countedMinutes(
            List<org.minutewise.core.model.ServiceLine> all, List<org.minutewise.core.model.ServiceLine> counted) {
        List<org.minutewise.core.units.CodeMinutes> pooledAll = UnitCalculator.pool(all);
        if (counted == all) {
            return pooledAll; // the usual visit: every minute counts
        }
        Map<String, org.minutewise.core.units.CodeMinutes> byCode = new java.util.HashMap<>();
        for (org.minutewise.core.units.CodeMinutes cm : UnitCalculator.pool(counted)) {
            byCode.put(cm.code(), cm);
        }
        List<org.minutewise.core.units.CodeMinutes> out = new ArrayList<>(pooledAll.size());
        for (org.minutewise.core.units.CodeMinutes cm : pooledAll) {
            out.add(byCode.getOrDefault(cm.code(), new org.minutewise.core.units.CodeMinutes(cm.code(), 0, false)));
        }
        return out;
    }

    /**
     * The visit's units by {@code method} from its minutes per code ({@code pooled}): counted per discipline when the
     * visit holds more than one discipline's plan of care (a PT's and an OT's services the same day), each
     * discipline's timed minutes on their own ({@link UnitCalculator#combine}); a code counts under the discipline of
     * its first line (97129 and 97130 under the pair's first), as its claim line is billed (MW-U006 blocks a code
     * documented under two disciplines).
     */
    public static UnitResult count(org.minutewise.core.units.UnitMethod method, Visit visit,
                                   List<org.minutewise.core.units.CodeMinutes> pooled,
                                   org.minutewise.core.codes.CodeCatalog codes) {
        if (!visit.severalDisciplines()) {
            return UnitCalculator.compute(method, pooled, codes); // the usual visit: one discipline
        }
        List<org.minutewise.core.model.ServiceLine> services = visit.services();
        org.minutewise.core.model.Discipline first = visit.disciplineOf(services.get(0));
        Map<org.minutewise.core.model.Discipline, List<org.minutewise.core.units.CodeMinutes>> groups =
                new java.util.EnumMap<>(org.minutewise.core.model.Discipline.class);
        List<String> order = new ArrayList<>(pooled.size());
        for (org.minutewise.core.units.CodeMinutes cm : pooled) {
            org.minutewise.core.model.Discipline d = first;
            for (org.minutewise.core.model.ServiceLine l : services) {
                // 97129 and 97130 are one service: both count under the discipline of its first line, as billed.
                if (org.minutewise.core.units.Cognitive.sameService(l.code(), cm.code())) {
                    d = visit.disciplineOf(l);
                    break;
                }
            }
            groups.computeIfAbsent(d, k -> new ArrayList<>()).add(cm);
            order.add(cm.code());
        }
        Map<String, UnitResult> parts = new java.util.LinkedHashMap<>();
        groups.forEach((d, list) -> parts.put(d.name(), UnitCalculator.compute(method, list, codes)));
        return UnitCalculator.combine(parts, order);
    }

    /** The visit's units by the payer's method: the count every rule reads. */
    private static UnitResult countUnits(VisitChecker c, Visit visit, PayerProfile payer, CodeInfo[] lineCodes) {
        return count(payer.method(), visit, pooled(visit, payer, c.ref.codes(), lineCodes), c.ref.codes());
    }

    /** No claim line, and why there is no estimate. */
    private static Claim noClaim(String why) {
        return new Claim(List.of(), Estimate.unavailable(why), List.of(), Map.of());
    }

    /** Checks with an explicit profile (for example one whose method the user overrode). */
    public CheckResult check(Visit visit, PayerProfile payer) {
        // The catalog entry of each line's code, looked up once for the count and the rules.
        CodeInfo[] lineCodes = CheckContext.lineCodes(visit, ref.codes());
        UnitResult units;
        try {
            units = counter.count(this, visit, payer, lineCodes);
        } catch (RuntimeException e) {
            // Every rule reads the units: without them nothing is checked, and the result says so (it blocks).
            return new CheckResult(visit, payer, new UnitResult(payer.method(), 0, 0, 0, List.of(), false, List.of(),
                    List.of()), noClaim("The claim could not be built: the units could not be counted."),
                    List.of(RuleBook.RULE_FAILED.finding("services", "Counting the units of visit " + visit.id()
                            + " failed with " + e.getClass().getSimpleName() + "; this visit was not checked.")));
        }
        CheckContext ctx = new CheckContext(visit, payer, ref, units, today, lineCodes);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.ruleArray()) {
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
        Claim claim;
        Claim engine;
        try {
            claim = ClaimBuilder.of(ctx);
            engine = claim;
            if (!visit.billed().isEmpty()) {
                List<ClaimLine> billed = ctx.billedLines();
                Estimate estimate = payer.isMedicare() ? PaymentEstimator.estimate(billed, visit.dateOfService(),
                        visit.locality(), ref.fees(), ref.codes(), ClaimBuilder.notCovered(ctx),
                        MueDenial.over(billed, ref.mue(), visit.dateOfService()),
                        org.minutewise.core.claim.NcciAnalysis.bundledOnBilledClaim(ctx))
                        : claim.estimate();
                // The KX buckets (the patient's spend before and after this visit) are the engine's: what the
                // documented visit adds, whatever was billed; the store records them and the output shows them.
                // The label says which claim each figure prices when the two differ (a biller reconciles them).
                estimate = billedLabel(estimate, engine.kx());
                // A billed line without a charge is sent at the fee schedule's charge for its units, whether or
                // not the documented minutes give its code a line of its own (0 units, or none documented).
                Map<String, java.math.BigDecimal> fees = new java.util.HashMap<>();
                for (org.minutewise.core.model.BilledLine b : visit.billed()) {
                    if (b.charge().isEmpty()) {
                        ref.fees().charge(b.code()).ifPresent(f -> fees.put(b.code(), f));
                    }
                }
                claim = new Claim(billed, estimate, engine.kx(), Map.of(), fees);
            }
        } catch (RuntimeException e) {
            findings.add(RuleBook.RULE_FAILED.finding("claimLines", "Building the claim lines failed with "
                    + e.getClass().getSimpleName() + "; this visit was not fully checked."));
            claim = noClaim("The claim could not be built.");
            engine = claim;
        }
        return new CheckResult(visit, payer, units, claim,
                applyOverrides(visit, rules.inEffect(findings, visit.dateOfService())), engine);
    }

    /**
     * The estimate of a billed claim, labelled as the claim as billed when the KX figures (this visit's amount,
     * counted on the claim the documentation supports) are another amount: both figures, and which claim each is.
     */
    static Estimate billedLabel(Estimate estimate, List<org.minutewise.core.claim.KxBucket> kx) {
        if (!estimate.available() || kx.isEmpty()) {
            return estimate;
        }
        java.math.BigDecimal counted = java.math.BigDecimal.ZERO;
        for (org.minutewise.core.claim.KxBucket b : kx) {
            counted = counted.add(b.thisVisit());
        }
        if (counted.compareTo(estimate.totalAllowed()) == 0) {
            return estimate;
        }
        return estimate.withReason(estimate.reason() + " Priced on the claim lines as billed; the KX threshold "
                + "counts this visit at $" + counted.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                + " (kx thisVisit), the allowed amount of the claim the documented minutes support (the lines "
                + "Minutewise would bill), not of the claim as billed.");
    }

    /** Accepts warnings and information the visit overrides with a reason; refuses (and says so) the rest. */
    static List<Finding> applyOverrides(Visit visit, List<Finding> findings) {
        if (visit.overrides().isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            FindingOverride o = overrideFor(visit, f.ruleId());
            out.add(o != null && !f.blocks() ? f.withOverride(o.reason()) : f);
        }
        for (int i = 0; i < visit.overrides().size(); i++) {
            FindingOverride o = visit.overrides().get(i);
            boolean present = false;
            boolean blocking = false;
            for (Finding f : findings) {
                if (f.ruleId().equals(o.finding())) {
                    present = true;
                    blocking |= f.blocks();
                }
            }
            if (blocking) {
                out.add(RuleBook.OVERRIDE_REFUSED.finding("overrides[" + i + "]", "The override of " + o.finding()
                        + " was not applied: it is a blocking finding, which must be fixed, not accepted."));
            } else if (!present) {
                out.add(RuleBook.OVERRIDE_REFUSED.finding("overrides[" + i + "]", "The override of " + o.finding()
                        + " was not applied: this visit has no such finding."));
            }
        }
        return out;
    }

    private static FindingOverride overrideFor(Visit v, String id) {
        for (FindingOverride o : v.overrides()) {
            if (o.finding().equals(id)) {
                return o;
            }
        }
        return null;
    }
}
