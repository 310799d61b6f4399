package org.minutewise.formats.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.minutewise.core.across.AcrossFinding;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.across.TherapistVolume;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.model.YearToDate;

/**
 * The checks across visits of an audit over {@link AuditDigest}s, whatever groups them (the batch audit's patient
 * and therapist partitions, a Spark job's keys): one patient's visits through {@link PatientHistory}; one set of
 * providers' visits through {@link TherapistVolume} and {@link TherapistDay}. Each call adds its findings to the
 * totals it is given and returns the findings' rows. Pure apart from those totals: the order of the digests given
 * does not matter.
 */
public final class AcrossAudit {
    private AcrossAudit() {
    }

    /** The rules only the checks across visits raise (their catalog entries live with the rules in core). */
    public static List<RuleInfo> rules() {
        return List.of(TherapistDay.OVERLAP);
    }

    private static AuditCsv.FindingRow row(AuditDigest r, Finding f, IntFunction<String> fileNames) {
        VisitDigest d = r.digest();
        return new AuditCsv.FindingRow(d.visitId(), r.line(), f.ruleId(), f.severity(), f.message(),
                fileNames.apply(r.file()), f.path(), d.date().toString(),
                d.patientId().startsWith("visit:") ? "" : d.patientId(), r.therapist(), d.payer(), f.fix(),
                f.citation());
    }

    /**
     * One patient's visits (every digest with the same {@code patientId}, with their billed lines): progress
     * reports, the KX threshold crossing in date order, copied notes, duplicate claims; the KX exposure goes to the
     * totals.
     */
    public static List<AuditCsv.FindingRow> patient(Collection<AuditDigest> visits, ReferenceData ref,
                                                    IntFunction<String> fileNames, AuditTotals totals) {
        return patient(visits, ref, fileNames, totals, fix -> { });
    }

    /**
     * As {@link #patient(Collection, ReferenceData, IntFunction, AuditTotals)}, and the claim lines the year's count
     * finds without the KX they need (MW-A003) to {@code fixes}, once per visit, code and kind (an assistant's line
     * or not), in the order of the findings.
     */
    public static List<AuditCsv.FindingRow> patient(Collection<AuditDigest> visits, ReferenceData ref,
                                                    IntFunction<String> fileNames, AuditTotals totals,
                                                    java.util.function.Consumer<KxFix> fixes) {
        return patient(visits, ref, fileNames, totals, fixes, cut -> { });
    }

    /**
     * As {@link #patient(Collection, ReferenceData, IntFunction, AuditTotals, java.util.function.Consumer)}, and the
     * supported units the patient's days take off their visits' lines (MW-A012) to {@code cuts}, which the caller
     * applies to claims.csv and the totals ({@link ClaimCorrection}); so are the lines a day's MUE denies whole
     * (MW-A009, {@link ClaimCorrection#deniedByDay}: priced at $0) and a duplicate claim's void lines (MW-A006).
     */
    public static List<AuditCsv.FindingRow> patient(Collection<AuditDigest> visits, ReferenceData ref,
                                                    IntFunction<String> fileNames, AuditTotals totals,
                                                    java.util.function.Consumer<KxFix> fixes,
                                                    java.util.function.Consumer<org.minutewise.core.across.UnitCut> cuts) {
        return patient(visits, Map.of(), ref, fileNames, totals, fixes, cuts);
    }

    /**
     * As {@link #patient(Collection, ReferenceData, IntFunction, AuditTotals, java.util.function.Consumer,
     * java.util.function.Consumer)}, with the minutes the patient's visits share with other patients' one-on-one
     * time or groups (MW-A001, {@link #therapists}: by visit id, then provider, then code): they do not support
     * one-on-one units, so the units they take off go to {@code cuts} ({@link TherapistDay#cutsAt}: with how many of
     * the code's units carry CQ/CO after, by the de minimis standard applied again to the minutes left) and the
     * patient's days are counted without them ({@link TherapistDay#withoutShared}: MW-A012 takes off only what is
     * still over, never the same unit twice); the KX count (MW-A003/A004) and the day's payment reduction (MW-A010)
     * price the visits' lines without the units taken off.
     */
    public static List<AuditCsv.FindingRow> patient(Collection<AuditDigest> visits,
                                                    Map<String, Map<String, Map<String, java.util.BitSet>>> shared,
                                                    ReferenceData ref,
                                                    IntFunction<String> fileNames, AuditTotals totals,
                                                    java.util.function.Consumer<KxFix> fixes,
                                                    java.util.function.Consumer<org.minutewise.core.across.UnitCut> cuts) {
        Map<String, AuditDigest> byVisit = new HashMap<>();
        List<VisitDigest> digests = new ArrayList<>(visits.size());
        // MW-A001's cuts: the patient's checks price the corrected claim without them (the KX count, MW-A010).
        List<org.minutewise.core.across.UnitCut> sharedCuts = new ArrayList<>();
        Map<Integer, AuditDigest> firstOfYear = new HashMap<>();
        for (AuditDigest r : visits) {
            byVisit.put(r.digest().visitId(), r);
            Map<String, Map<String, java.util.BitSet>> sharedBy = shared.get(r.digest().visitId());
            if (sharedBy == null) {
                digests.add(r.digest());
            } else {
                // Each provider's shared minutes out of that provider's treatments (the visit's treatments tell whose
                // the rest are): the units and the CQ/CO units the code keeps.
                List<org.minutewise.core.across.UnitCut> taken = TherapistDay.cutsAt(r.digest(), sharedBy);
                taken.forEach(cuts);
                sharedCuts.addAll(taken);
                digests.add(TherapistDay.withoutShared(r.digest(), TherapistDay.lostMinutes(r.digest(), sharedBy),
                        taken));
            }
            firstOfYear.merge(r.digest().date().getYear(), r, (a, b) -> earlier(a, b) ? a : b);
        }
        Map<Integer, YearToDate> startOfYear = new HashMap<>();
        firstOfYear.forEach((year, r) -> startOfYear.put(year, new YearToDate(r.ptSlpBefore(), r.otBefore())));
        List<AuditCsv.FindingRow> rows = new ArrayList<>();
        // A visit's exposure: the lines MW-A003 lists (of one bucket or both) and their amounts as counted.
        Map<String, AcrossFinding> exposed = new java.util.TreeMap<>();
        // The duplicate claims' lines, per visit and code: the disciplines they are billed under (MW-A006).
        Map<String, Map<String, Set<String>>> duplicatedLines = new TreeMap<>();
        Map<String, YearToDate> stated = new HashMap<>();
        for (AuditDigest r : visits) {
            stated.put(r.digest().visitId(), new YearToDate(r.ptSlpBefore(), r.otBefore()));
        }
        for (AcrossFinding af : PatientHistory.check(digests, startOfYear, stated, ref, sharedCuts)) {
            AuditDigest r = byVisit.get(af.visitId());
            if (!af.reported()) {
                // Lines without KX the visit's own MW-B012 reports: KX exposure, but no finding of their own.
                exposed.merge(af.visitId(), af, AcrossAudit::summed);
                continue;
            }
            rows.add(row(r, af.finding(), fileNames));
            af.cuts().forEach(cuts);
            if (af.finding().ruleId().equals(PatientHistory.MUE_ACROSS_VISITS.id())) {
                // The lines the day's MUE denies whole: their rows are priced at $0 (ClaimCorrection.deniedByDay).
                Set<String> once = new java.util.TreeSet<>();
                for (VisitDigest.Line l : af.lines()) {
                    if (once.add(l.code())) {
                        cuts.accept(new org.minutewise.core.across.UnitCut(af.visitId(),
                                ClaimCorrection.deniedByDay(l.code()), 1));
                    }
                }
            }
            if (af.finding().ruleId().equals(PatientHistory.KX_CROSSING.id())) {
                java.util.Set<KxFix> once = new java.util.LinkedHashSet<>();
                for (VisitDigest.Line l : af.lines()) {
                    once.add(new KxFix(af.visitId(), l.code(),
                            org.minutewise.core.claim.ClaimBuilder.assistantModifier(l.modifiers())));
                }
                once.forEach(fixes);
            }
            totals.finding(af.finding().ruleId(), af.finding().severity(), r.therapist(), r.digest().payer());
            if (af.finding().ruleId().equals(PatientHistory.DUPLICATE.id())) {
                duplicated(duplicatedLines, af);
            } else if (af.exposedLines() > 0) {
                exposed.merge(af.visitId(), af, AcrossAudit::summed);
            }
        }
        // A duplicate's lines are void (Medicare denies them): their units are not supported, and their amount counts
        // under the duplicate claims alone, not in the dollars over. A visit's lines of a code and discipline are all
        // duplicates or none: a code every line of which is one is void whole, else the lines of the disciplines sent
        // again (97110 with GP billed again beside a new 97110 with GO). Each void billed line is named by its index
        // too, for the visit's own findings about it (billed[2].modifiers). A visit with a void line counts under the
        // duplicate claims; its units and dollars are the void rows'.
        duplicatedLines.forEach((visitId, byCode) -> {
            List<VisitDigest.Line> lines = byVisit.get(visitId).digest().lines();
            for (Map.Entry<String, Set<String>> e : byCode.entrySet()) {
                String code = e.getKey();
                boolean whole = voidWhole(lines, code, e.getValue());
                if (whole) {
                    cuts.accept(new org.minutewise.core.across.UnitCut(visitId, code, ClaimCorrection.VOID));
                } else {
                    for (String discipline : e.getValue()) {
                        cuts.accept(new org.minutewise.core.across.UnitCut(visitId,
                                ClaimCorrection.underDiscipline(code, discipline), ClaimCorrection.VOID));
                    }
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (voids(lines.get(i), code, whole, e.getValue())) {
                        cuts.accept(new org.minutewise.core.across.UnitCut(visitId, ClaimCorrection.billedLine(i),
                                ClaimCorrection.VOID));
                    }
                }
            }
            totals.duplicateVisit(byVisit.get(visitId).digest().payer());
        });
        exposed.values().forEach(af -> totals.kxExposure(af.exposedLines(), af.exposedDollars()));
        return rows;
    }

    /**
     * Adds a duplicate claim's finding (MW-A006) to the lines it voids, per visit and code: the disciplines they are
     * billed under. Two sessions of the day on two lines are reported with no lines: not void (MW-A012 counts the
     * day's units).
     */
    private static void duplicated(Map<String, Map<String, Set<String>>> into, AcrossFinding af) {
        for (VisitDigest.Line l : af.lines()) {
            into.computeIfAbsent(af.visitId(), k -> new TreeMap<>())
                    .computeIfAbsent(l.code(), k -> new java.util.TreeSet<>()).add(PatientHistory.billedUnder(l));
        }
    }

    /** Every line of {@code code} with units is a duplicate (of the {@code disciplines} sent again): void whole. */
    private static boolean voidWhole(List<VisitDigest.Line> lines, String code, Set<String> disciplines) {
        for (VisitDigest.Line l : lines) {
            if (l.code().equals(code) && l.units() > 0 && !disciplines.contains(PatientHistory.billedUnder(l))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a billed line is void: of a code void whole, or of a discipline of the code sent again. */
    private static boolean voids(VisitDigest.Line l, String code, boolean whole, Set<String> disciplines) {
        return l.code().equals(code) && (whole || disciplines.contains(PatientHistory.billedUnder(l)));
    }

    /**
     * What the duplicate claims (MW-A006) among the patients' visits void, by visit, as the checks across therapists
     * need it ({@link #therapists(Collection, Map, Predicate, IntFunction, AuditTotals, java.util.function.Consumer)}):
     * a visit billed again is the same treatment sent twice, so its void lines' minutes and units are nobody's second
     * session. {@code visits}: every visit of each patient named (with their billed lines), in any order; or only those
     * of the patients' dates with two visits or more (a visit alone on its date duplicates none: the batch audit
     * leaves those out). The decision is the one the patient's checks take ({@link PatientHistory#duplicateClaims}:
     * it depends on the patient's visits of one date only), so it can be taken before the therapists' checks, which
     * run before the patients'.
     */
    public static List<Voided> voided(Collection<AuditDigest> visits) {
        Map<String, List<VisitDigest>> byPatient = new TreeMap<>();
        Map<String, VisitDigest> byVisit = new HashMap<>();
        for (AuditDigest r : visits) {
            byPatient.computeIfAbsent(r.digest().patientId(), k -> new ArrayList<>()).add(r.digest());
            byVisit.put(r.digest().visitId(), r.digest());
        }
        List<Voided> out = new ArrayList<>();
        for (List<VisitDigest> patient : byPatient.values()) {
            Map<String, Map<String, Set<String>>> duplicatedLines = new TreeMap<>();
            for (AcrossFinding af : PatientHistory.duplicateClaims(patient)) {
                duplicated(duplicatedLines, af);
            }
            duplicatedLines.forEach((visitId, byCode) -> {
                List<VisitDigest.Line> lines = byVisit.get(visitId).lines();
                Set<String> codes = new java.util.TreeSet<>();
                java.util.BitSet gone = new java.util.BitSet(lines.size());
                byCode.forEach((code, disciplines) -> {
                    boolean whole = voidWhole(lines, code, disciplines);
                    if (whole) {
                        codes.add(code);
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        if (voids(lines.get(i), code, whole, disciplines)) {
                            gone.set(i);
                        }
                    }
                });
                boolean claim = true;
                for (int i = 0; i < lines.size(); i++) {
                    claim &= lines.get(i).units() == 0 || gone.get(i);
                }
                out.add(new Voided(visitId, claim, codes));
            });
        }
        return out;
    }

    /**
     * What a duplicate claim (MW-A006) voids on a visit, as the checks across therapists see it: the whole claim
     * ({@code claim}: every line with units bills a service the patient's date already has), or the codes every line
     * of which is void ({@code codes}: their documented minutes are the other visit's, sent again). A code billed
     * under two disciplines of which one is sent again stays (its minutes are not told apart by discipline).
     */
    /**
     * A visit's digest as the therapist checks count it: without what a duplicate claim voids, null for a void claim
     * (the visits given to them are unique by id).
     */
    private static VisitDigest counted(AuditDigest r, Map<String, Voided> voided) {
        Voided v = voided.get(r.digest().visitId());
        return v == null ? r.digest() : v.counted(r.digest()).orElse(null);
    }

    public record Voided(String visitId, boolean claim, Set<String> codes) {
        public Voided {
            java.util.Objects.requireNonNull(visitId, "visitId");
            codes = Set.copyOf(codes);
        }

        /** The visit's digest without what is void: empty for a void claim, else without the void codes' minutes. */
        java.util.Optional<VisitDigest> counted(VisitDigest v) {
            if (claim) {
                return java.util.Optional.empty();
            }
            if (codes.isEmpty()) {
                return java.util.Optional.of(v);
            }
            List<VisitDigest.Treatment> kept = new ArrayList<>(v.treatments());
            kept.removeIf(t -> codes.contains(t.code()));
            return java.util.Optional.of(new VisitDigest(v.visitId(), v.patientId(), v.date(), v.payer(),
                    v.medicare(), v.institutional(), v.noteFingerprint(), v.noteLength(), v.progressReport(),
                    v.lines(), kept, v.fullUnit(), v.biller(), v.dayMinutes(), v.start(), v.frequency()));
        }

        /** Written as the visit id, whether the claim is void, and the void codes. */
        public void encode(Bin.Out o) {
            o.string(visitId).varInt(claim ? 1 : 0).varInt(codes.size());
            new java.util.TreeSet<>(codes).forEach(o::string);
        }

        public static Voided decode(Bin.In in) {
            String visitId = in.string();
            boolean claim = in.varInt() == 1;
            Set<String> codes = new java.util.TreeSet<>();
            for (int n = in.varInt(); n > 0; n--) {
                codes.add(in.string());
            }
            return new Voided(visitId, claim, codes);
        }
    }

    /** Two findings' exposures of one visit added up (the KX exposure). */
    private static AcrossFinding summed(AcrossFinding a, AcrossFinding b) {
        return new AcrossFinding(a.visitId(), a.finding(), a.exposedLines() + b.exposedLines(),
                a.exposedDollars().add(b.exposedDollars()));
    }

    /** In the order the patient's checks read the visits ({@link PatientHistory#IN_TIME_ORDER}). */
    private static boolean earlier(AuditDigest a, AuditDigest b) {
        return PatientHistory.IN_TIME_ORDER.compare(a.digest(), b.digest()) <= 0;
    }

    /**
     * The providers {@code owns} accepts, from the digests of every visit they treated in or are counted under
     * (each visit once; visits of other providers may be among them and are ignored): each owned therapist's totals,
     * minutes per timed unit over the period ({@link TherapistVolume}), and one provider's one-on-one minutes with
     * two patients at once on one day ({@link TherapistDay}).
     */
    public static List<AuditCsv.FindingRow> therapists(Collection<AuditDigest> given, Predicate<String> owns,
                                                       IntFunction<String> fileNames, AuditTotals totals,
                                                       java.util.function.Consumer<Shared> shared) {
        return therapists(given, Map.of(), owns, fileNames, totals, shared);
    }

    /**
     * As {@link #therapists(Collection, Predicate, IntFunction, AuditTotals, java.util.function.Consumer)}, with what
     * the patients' duplicate claims void ({@code voided}, by visit id: {@link #voided}): a void claim counts toward no
     * therapist's minutes per unit (MW-A007) and shares no minutes with another patient (MW-A001), and a visit's void
     * codes neither (the copy is the same treatment sent again, not a second session: an auditor's review found
     * MW-A001 reported on the void copy and the real visit reported twice, and MW-A007 counting the copies). The
     * therapists' totals still count the visit: its void lines are billed units (summary.json's rules).
     */
    public static List<AuditCsv.FindingRow> therapists(Collection<AuditDigest> given, Map<String, Voided> voided,
                                                       Predicate<String> owns,
                                                       IntFunction<String> fileNames, AuditTotals totals,
                                                       java.util.function.Consumer<Shared> shared) {
        // In visit id order, so that sums of fractional units come out the same however the digests arrived.
        List<AuditDigest> visits = new ArrayList<>(given);
        visits.sort(Comparator.comparing((AuditDigest d) -> d.digest().visitId()));
        List<AuditCsv.FindingRow> rows = new ArrayList<>();
        for (AuditDigest r : visits) {
            for (AuditDigest.Share share : r.shares()) {
                if (owns.test(share.therapist())) {
                    AuditDigest.Stats s = share.stats();
                    totals.therapistVisit(share.therapist(), s.unitsBilled(), s.unitsSupported(), s.unitsOver(),
                            s.unitsUnder(), s.over(),
                            s.under(), s.block(), s.warn(), s.info());
                }
            }
        }
        // Minutes per timed unit over the period audited.
        Map<String, long[]> minutes = new HashMap<>();
        Map<String, double[]> units = new HashMap<>();
        Map<String, Map<java.time.YearMonth, double[]>> months = new HashMap<>();
        for (AuditDigest r : visits) {
            VisitDigest d = counted(r, voided);
            if (d != null) {
                TherapistVolume.add(minutes, units, months, d);
            }
        }
        minutes.keySet().removeIf(owns.negate());
        units.keySet().removeIf(owns.negate());
        months.keySet().removeIf(owns.negate());
        for (Finding f : TherapistVolume.check(minutes, units, months)) {
            String provider = f.path().startsWith("provider=") ? f.path().substring("provider=".length()) : "";
            rows.add(new AuditCsv.FindingRow("", 0, f.ruleId(), f.severity(), f.message(), "", f.path(), "", "",
                    provider, "", f.fix(), f.citation()));
            totals.finding(f.ruleId(), f.severity(), provider, "");
        }
        // One provider's one-on-one minutes on one day, across patients (and beside a group the provider led).
        Map<String, Map<LocalDate, List<VisitDigest>>> days = new TreeMap<>();
        Map<String, AuditDigest> byVisit = new HashMap<>();
        for (AuditDigest r : visits) {
            VisitDigest d = counted(r, voided);
            if (d == null) {
                continue;
            }
            byVisit.put(d.visitId(), r);
            Set<String> seen = new HashSet<>();
            for (VisitDigest.Treatment t : d.treatments()) {
                if ((t.oneOnOne() || t.group()) && !t.periods().isEmpty() && owns.test(t.providerId())
                        && seen.add(t.providerId())) {
                    days.computeIfAbsent(t.providerId(), k -> new TreeMap<>())
                            .computeIfAbsent(d.date(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        for (Map.Entry<String, Map<LocalDate, List<VisitDigest>>> p : days.entrySet()) {
            for (Map.Entry<LocalDate, List<VisitDigest>> d : p.getValue().entrySet()) {
                if (d.getValue().size() < 2) {
                    continue;
                }
                TherapistDay.Day day = TherapistDay.day(p.getKey(), d.getKey(), d.getValue());
                for (AcrossFinding af : day.findings()) {
                    AuditDigest r = byVisit.get(af.visitId());
                    rows.add(row(r, af.finding(), fileNames));
                    totals.finding(af.finding().ruleId(), af.finding().severity(), r.therapist(), r.digest().payer());
                }
                // In visit id order, then code: what the patients' partitions take off (the same in any runner).
                new TreeMap<>(day.sharedAt()).forEach((visitId, byCode) -> new TreeMap<>(byCode).forEach((code, m) ->
                        shared.accept(new Shared(visitId, byVisit.get(visitId).digest().patientId(), p.getKey(),
                                code, m))));
            }
        }
        return rows;
    }

    /** As {@link #therapists(Collection, Predicate, IntFunction, AuditTotals, java.util.function.Consumer)}, the
     * shared minutes left out. */
    public static List<AuditCsv.FindingRow> therapists(Collection<AuditDigest> given, Predicate<String> owns,
                                                       IntFunction<String> fileNames, AuditTotals totals) {
        return therapists(given, owns, fileNames, totals, s -> { });
    }

    /**
     * Minutes of a visit's one-on-one timed code that its provider ({@code providerId}) also spent with another patient
     * (MW-A001): they support no one-on-one units of that provider. A therapist partition finds them; the visit's
     * patient partition takes the units off ({@link #patient(Collection, Map, ReferenceData, IntFunction, AuditTotals,
     * java.util.function.Consumer, java.util.function.Consumer)}), where the patient's day is counted too.
     */
    public record Shared(String visitId, String patientId, String providerId, String code, java.util.BitSet minutes) {
        public Shared {
            java.util.Objects.requireNonNull(visitId, "visitId");
            java.util.Objects.requireNonNull(patientId, "patientId");
            java.util.Objects.requireNonNull(providerId, "providerId");
            java.util.Objects.requireNonNull(code, "code");
            minutes = (java.util.BitSet) minutes.clone();
        }

        /** Written as visit id, provider, code and the minutes of the day as runs (the patient is where it goes). */
        public void encode(Bin.Out o) {
            o.string(visitId).string(providerId).string(code);
            int runs = 0;
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(minutes.nextClearBit(m))) {
                runs++;
            }
            o.varInt(runs);
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(minutes.nextClearBit(m))) {
                o.varInt(m).varInt(minutes.nextClearBit(m) - m);
            }
        }

        /**
         * Adds a written one to {@code into} (by visit id, then provider, then code): the minutes of the day, each
         * once.
         */
        public static void decode(Bin.In in, Map<String, Map<String, Map<String, java.util.BitSet>>> into) {
            String visitId = in.string();
            String providerId = in.string();
            String code = in.string();
            java.util.BitSet bits = into.computeIfAbsent(visitId, k -> new TreeMap<>())
                    .computeIfAbsent(providerId, k -> new TreeMap<>())
                    .computeIfAbsent(code, k -> new java.util.BitSet(24 * 60));
            for (int runs = in.varInt(); runs > 0; runs--) {
                int from = in.varInt();
                bits.set(from, from + in.varInt());
            }
        }
    }
}
