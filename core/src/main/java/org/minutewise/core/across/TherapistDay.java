package org.minutewise.core.across;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.DeMinimis;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.Cognitive;

/**
 * One therapist's day across patients: one clinician treating two patients in the same minutes is group therapy,
 * so one-on-one minutes of one therapist that overlap between two patients' visits are finding MW-A001
 * (RULES.md §2; CMS Pub 100-02 ch. 15 §230 A). Pure: the caller gathers the sessions (from a file of visits or
 * a store). Overlaps inside one visit are MW-U003's business, not this rule's.
 */
public final class TherapistDay {
    public static final RuleInfo OVERLAP = new RuleInfo("MW-A001", Severity.BLOCK,
            "One therapist treated two patients one-on-one in the same minutes",
            "One clinician treating two or more patients in the same minutes is group therapy: correct the times "
                    + "if they are wrong, else bill the shared minutes as group therapy (97150) for each patient, "
                    + "not as one-on-one codes.",
            "CMS Pub 100-02 ch. 15 §230 A", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: also one-on-one minutes while the provider led a group session with another "
                    + "patient (97150, or a timed code in group mode) in the batch audit")
            .revised(3, "2026-12-06: one-on-one minutes against a group session reported once, on the one-on-one "
                    + "visit, naming the group's visits (was once per member of the group)")
            .revised(4, "2026-12-06: two one-on-one visits that share minutes are reported on both visits, each "
                    + "naming the other (was on the later visit only, so the earlier claim looked clean; an "
                    + "auditor's review)")
            .revised(5, "2026-12-06: in the batch audit the shared minutes no longer support one-on-one units on "
                    + "either visit: each reported visit's timed one-on-one codes lose the units their minutes less "
                    + "the shared ones no longer earn (by the visit's unit method), in claims.csv and the totals, and "
                    + "the message says which")
            .revised(6, "2026-12-07: when the shared minutes are an assistant's (PTA/OTA), the units come off the "
                    + "code's CQ/CO lines first in claims.csv (they came off its full-rate lines first, so the "
                    + "dollars over counted a therapist's unit for an assistant's)")
            .revised(7, "2026-12-07: which kind of unit comes off (with CQ/CO or full-rate) is the de minimis standard "
                    + "applied again to the minutes the code keeps, not a majority of the shared minutes: each "
                    + "provider's shared minutes come out of that provider's minutes (co-treated minutes stay the "
                    + "therapist's only while the therapist stays), an aide's count for nobody, a unit may change kind "
                    + "with none lost, and 97129/97130's CQ/CO stay where the claim puts them (a review)");

    /**
     * A period one therapist spent one-on-one with the patient of one visit.
     *
     * @param visitId   the visit's id
     * @param patientId the patient's id, when known (two visits of the same known patient are not two patients)
     * @param code      the service's code
     * @param path      where in the visit, e.g. {@code services[1].periods[0]}
     * @param period    the clock period
     */
    public record Session(String visitId, Optional<String> patientId, String code, String path, Period period) {
        public Session {
            Objects.requireNonNull(visitId, "visitId");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(period, "period");
        }
    }

    /** Two sessions of one therapist with two patients that share minutes; {@code first} starts no later. */
    public record Overlap(String therapistId, LocalDate date, Session first, Session second, int minutes) {
        public Overlap {
            Objects.requireNonNull(therapistId, "therapistId");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        /** Whether one of the two sessions belongs to the visit. */
        public boolean involves(String visitId) {
            return first.visitId().equals(visitId) || second.visitId().equals(visitId);
        }

        /** The finding as the given visit sees it: its own session is the path, the other visit is named. */
        public Finding findingFor(String visitId) {
            Session own = second.visitId().equals(visitId) ? second : first;
            Session other = own == first ? second : first;
            return OVERLAP.finding(own.path(), "Therapist " + therapistId + " is documented one-on-one with this "
                    + "visit's patient (" + own.code() + " " + own.period() + ") and with the patient of visit "
                    + other.visitId() + " (" + other.code() + " " + other.period() + ") on " + date + ": " + minutes
                    + (minutes == 1 ? " minute overlaps" : " minutes overlap") + ". One clinician treating two "
                    + "patients in the same minutes is group therapy, not one-on-one time.");
        }
    }

    private TherapistDay() {
    }

    /**
     * Every pair of the therapist's sessions, on the date, with two different patients, that shares minutes, in
     * order of start time. Sessions of one visit, or of two visits of the same known patient, are not compared.
     */
    public static List<Overlap> overlaps(String therapistId, LocalDate date, List<Session> sessions) {
        Objects.requireNonNull(therapistId, "therapistId");
        Objects.requireNonNull(date, "date");
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Session::period).thenComparing(Session::visitId)
                .thenComparing(Session::path));
        List<Overlap> out = new ArrayList<>();
        sharingMinutes(sorted, Session::period, (a, b) -> a.visitId().equals(b.visitId()) || samePatient(a, b),
                (a, b, shared) -> out.add(new Overlap(therapistId, date, a, b, shared)));
        return out;
    }

    /** What to do with two items whose periods share minutes. */
    @FunctionalInterface
    private interface SharedMinutes<T> {
        void accept(T a, T b, int shared);
    }

    /**
     * Every two items of {@code byStart} (sorted by start minute) whose periods share minutes, unless
     * {@code samePatient} says they are one patient's, in order; the sweep stops looking past an item's end.
     */
    private static <T> void sharingMinutes(List<T> byStart, Function<T, Period> period,
                                           BiPredicate<T, T> samePatient, SharedMinutes<T> pair) {
        for (int i = 0; i < byStart.size(); i++) {
            T a = byStart.get(i);
            Period pa = period.apply(a);
            for (int j = i + 1; j < byStart.size(); j++) {
                T b = byStart.get(j);
                Period pb = period.apply(b);
                if (pb.startMinute() >= pa.endMinute()) {
                    break;
                }
                if (samePatient.test(a, b)) {
                    continue;
                }
                int shared = pa.overlapMinutes(pb);
                if (shared > 0) {
                    pair.accept(a, b, shared);
                }
            }
        }
    }

    /** The overlaps that involve the visit, as that visit's findings. */
    public static List<Finding> findingsFor(Visit visit, List<Overlap> overlaps) {
        List<Finding> out = new ArrayList<>();
        for (Overlap o : overlaps) {
            if (o.involves(visit.id())) {
                out.add(o.findingFor(visit.id()));
            }
        }
        return out;
    }

    /**
     * The one-on-one periods a therapist documented in a visit: lines with that provider id whose mode is
     * one-on-one, stated or by default (a known code needing one-on-one contact or constant attendance, or an
     * evaluation, face to face). Group
     * and supervised lines, lines without periods, and unknown codes without a stated mode are left out.
     */
    public static List<Session> sessionsOf(Visit visit, String therapistId, CodeCatalog codes) {
        List<Session> out = new ArrayList<>();
        List<ServiceLine> services = visit.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine s = services.get(i);
            if (!s.provider().id().map(therapistId::equals).orElse(false) || !oneOnOne(s, codes)) {
                continue;
            }
            for (int p = 0; p < s.periods().size(); p++) {
                out.add(new Session(visit.id(), visit.patient().id(), s.code(),
                        "services[" + i + "].periods[" + p + "]", s.periods().get(p)));
            }
        }
        return out;
    }

    /** The ids of the clinicians with one-on-one periods in the visit, in order of first appearance. */
    public static Set<String> therapists(Visit visit, CodeCatalog codes) {
        Set<String> out = new LinkedHashSet<>();
        for (ServiceLine s : visit.services()) {
            if (s.provider().id().isPresent() && !s.periods().isEmpty() && oneOnOne(s, codes)) {
                out.add(s.provider().id().get());
            }
        }
        return out;
    }

    private static boolean oneOnOne(ServiceLine s, CodeCatalog codes) {
        if (s.mode().isPresent()) {
            return s.mode().get() == Mode.ONE_ON_ONE;
        }
        CodeInfo info = codes.getOrNull(s.code());
        // An evaluation is face to face with the patient, one-on-one like a timed procedure.
        return info != null && (info.oneOnOne() || info.constantAttendance() || info.evaluation()) && !info.group()
                && !info.supervised();
    }

    private record Slot(VisitDigest visit, Period period, boolean group, String code, boolean timed) {
    }

    /** One side of minutes two visits share: the visit, its code, whether they count toward its one-on-one units. */
    private record Touch(String pair, String visitId, String code, boolean timed, int from, int to) {
    }

    /**
     * What one provider's day gives: the findings ({@link #check}) and, for each visit they are reported on, the
     * minutes of each of its one-on-one timed codes (constant attendance included) the provider shared with another
     * patient (with a group the provider led, or another patient's one-on-one minutes), each minute once.
     */
    public record Day(List<AcrossFinding> findings, Map<String, Map<String, java.util.BitSet>> sharedAt) {
        public Day {
            findings = List.copyOf(findings);
            sharedAt = Map.copyOf(sharedAt);
        }

        /** The shared minutes of each reported visit by code, counted. */
        public Map<String, Map<String, Integer>> shared() {
            Map<String, Map<String, Integer>> out = new TreeMap<>();
            sharedAt.forEach((visitId, byCode) -> out.put(visitId, counted(byCode)));
            return out;
        }
    }

    /** Minutes of the day by code, counted. */
    public static Map<String, Integer> counted(Map<String, java.util.BitSet> byCode) {
        Map<String, Integer> out = new TreeMap<>();
        byCode.forEach((code, bits) -> out.put(code, bits.cardinality()));
        return out;
    }

    /**
     * The batch form over {@link VisitDigest}s (files of visits, a Spark job): overlapping one-on-one minutes of one
     * provider on one date across different patients' visits, or one-on-one minutes while the provider led a group
     * session with other patients (two group sessions are the group itself). Two one-on-one visits are reported on
     * each of them, naming the other (both claims bill the shared minutes), the later visit first: the one whose
     * first minute with the provider comes later (at the same minute, the larger visit id). One-on-one minutes
     * against a group are reported once, on the one-on-one visit. The shared minutes do not support one-on-one
     * units on either visit: a visit's first finding carries the units they take off its timed codes
     * ({@link #cuts}), and each of its findings says so. Pure; the order of {@code visits} does not matter.
     *
     * @param providerId the provider (as in {@link VisitDigest.Treatment#providerId()})
     * @param date       the date of service
     * @param visits     the digests of every visit where the provider treated on that date
     */
    public static List<AcrossFinding> check(String providerId, LocalDate date, List<VisitDigest> visits) {
        return day(providerId, date, visits).findings();
    }

    /** As {@link #check}, with the shared minutes of each reported visit by code. */
    public static Day day(String providerId, LocalDate date, List<VisitDigest> visits) {
        List<Slot> slots = new ArrayList<>();
        Map<String, VisitDigest> byId = new TreeMap<>();
        for (VisitDigest v : visits) {
            if (!v.date().equals(date)) {
                continue;
            }
            byId.put(v.visitId(), v);
            for (VisitDigest.Treatment t : v.treatments()) {
                if (t.providerId().equals(providerId) && (t.oneOnOne() || t.group())) {
                    for (Period p : t.periods()) {
                        slots.add(new Slot(v, p, !t.oneOnOne(), t.code(), t.oneOnOne() && t.minutes() > 0));
                    }
                }
            }
        }
        slots.sort(Comparator.comparingInt((Slot s) -> s.period().startMinute())
                .thenComparingInt(s -> s.period().endMinute()).thenComparing(s -> s.visit().visitId()));
        // Each visit's first one-on-one minute with the provider decides which of two visits is the later one.
        Map<String, Integer> firstStart = new TreeMap<>();
        for (Slot s : slots) {
            firstStart.merge(s.visit().visitId(), s.period().startMinute(), Math::min);
        }
        // later visit -> (earlier visit -> [shared minutes, first shared minute, last shared minute, group on the
        // earlier visit, group on the later one])
        Map<String, Map<String, int[]>> pairs = new TreeMap<>();
        // The minutes of the day each pair shares ("later|earlier"): a one-on-one visit against a group counts the
        // union over the group's visits.
        Map<String, java.util.BitSet> minutes = new java.util.HashMap<>();
        // Each side of the shared minutes, with its code (which units they take off).
        List<Touch> touches = new ArrayList<>();
        BiPredicate<Slot, Slot> onePatient = (a, b) -> a.visit().visitId().equals(b.visit().visitId())
                || a.visit().patientId().equals(b.visit().patientId()) || a.group() && b.group();
        sharingMinutes(slots, Slot::period, onePatient, (a, b, shared) -> {
            VisitDigest va = a.visit();
            VisitDigest vb = b.visit();
            int sa = firstStart.get(va.visitId());
            int sb = firstStart.get(vb.visitId());
            boolean bLater = sb > sa || sb == sa && vb.visitId().compareTo(va.visitId()) > 0;
            VisitDigest later = bLater ? vb : va;
            VisitDigest earlier = bLater ? va : vb;
            int from = Math.max(a.period().startMinute(), b.period().startMinute());
            int to = Math.min(a.period().endMinute(), b.period().endMinute());
            int[] acc = pairs.computeIfAbsent(later.visitId(), k -> new TreeMap<>())
                    .computeIfAbsent(earlier.visitId(), k -> new int[] {0, Integer.MAX_VALUE, 0, 0, 0});
            String key = later.visitId() + "|" + earlier.visitId();
            minutes.computeIfAbsent(key, k -> new java.util.BitSet(24 * 60)).set(from, to);
            touches.add(new Touch(key, va.visitId(), a.code(), a.timed(), from, to));
            touches.add(new Touch(key, vb.visitId(), b.code(), b.timed(), from, to));
            acc[0] += shared;
            acc[1] = Math.min(acc[1], from);
            acc[2] = Math.max(acc[2], to);
            Slot onEarlier = bLater ? a : b;
            Slot onLater = bLater ? b : a;
            acc[3] |= onEarlier.group() ? 1 : 0;
            acc[4] |= onLater.group() ? 1 : 0;
        });
        // One-on-one minutes against a group session: reported once, on the one-on-one visit (the claim whose minutes
        // are wrong), naming the group's visits, however many patients were in the group.
        Map<String, java.util.TreeSet<String>> againstGroup = new TreeMap<>();
        Map<String, java.util.BitSet> together = new java.util.HashMap<>();
        // The visits each pair is reported on ("later|earlier" -> visit ids).
        Map<String, Set<String>> reportedOn = new java.util.HashMap<>();
        for (Map.Entry<String, Map<String, int[]>> e : pairs.entrySet()) {
            for (Map.Entry<String, int[]> o : e.getValue().entrySet()) {
                int[] acc = o.getValue();
                String key = e.getKey() + "|" + o.getKey();
                if ((acc[3] ^ acc[4]) == 1) {
                    String solo = acc[3] == 1 ? e.getKey() : o.getKey();
                    String group = acc[3] == 1 ? o.getKey() : e.getKey();
                    againstGroup.computeIfAbsent(solo, k -> new java.util.TreeSet<>()).add(group);
                    together.computeIfAbsent(solo, k -> new java.util.BitSet(24 * 60)).or(minutes.get(key));
                    reportedOn.put(key, Set.of(solo));
                } else {
                    reportedOn.put(key, Set.of(e.getKey(), o.getKey()));
                }
            }
        }
        // The minutes each reported visit's one-on-one timed codes share, each minute of a code once.
        Map<String, Map<String, java.util.BitSet>> sharedBits = new TreeMap<>();
        for (Touch t : touches) {
            if (t.timed() && reportedOn.get(t.pair()).contains(t.visitId())) {
                sharedBits.computeIfAbsent(t.visitId(), k -> new TreeMap<>())
                        .computeIfAbsent(t.code(), k -> new java.util.BitSet(24 * 60)).set(t.from(), t.to());
            }
        }
        Map<String, Map<String, Integer>> shared = new TreeMap<>();
        Map<String, List<Lowered>> lowered = new java.util.HashMap<>();
        Map<String, List<UnitCut>> planned = new java.util.HashMap<>();
        sharedBits.forEach((visitId, byCode) -> {
            shared.put(visitId, counted(byCode));
            Plan plan = plan(byId.get(visitId), Map.of(providerId, byCode));
            lowered.put(visitId, plan.lowered());
            planned.put(visitId, plan.cuts());
        });
        List<AcrossFinding> out = new ArrayList<>();
        Set<String> cutOn = new java.util.HashSet<>();
        for (Map.Entry<String, Map<String, int[]>> e : pairs.entrySet()) {
            for (Map.Entry<String, int[]> o : e.getValue().entrySet()) {
                int[] acc = o.getValue();
                if ((acc[3] ^ acc[4]) == 1) {
                    continue;
                }
                // Both claims bill the shared minutes as one-on-one time: each visit carries the finding, naming
                // the other (a biller reading one visit's findings sees it).
                out.add(pairFinding(e.getKey(), o.getKey(), providerId, date, acc, shared, lowered, planned,
                        cutOn));
                out.add(pairFinding(o.getKey(), e.getKey(), providerId, date, acc, shared, lowered, planned,
                        cutOn));
            }
        }
        for (Map.Entry<String, java.util.TreeSet<String>> e : againstGroup.entrySet()) {
            // The provider's minutes shared with the group, each once, whoever else was there.
            java.util.BitSet all = together.get(e.getKey());
            int count = all.cardinality();
            int from = all.nextSetBit(0);
            int to = all.length();
            List<String> groupVisits = new ArrayList<>(e.getValue());
            out.add(withCuts(e.getKey(), OVERLAP.finding("services", "On " + date + ", " + providerId
                    + " has one-on-one minutes on this visit while leading a group session with other patients ("
                    + (groupVisits.size() == 1 ? "visit " : "visits ") + String.join(", ", groupVisits) + "): "
                    + count + (count == 1 ? " minute" : " minutes") + " between " + clock(from) + " and "
                    + clock(to) + " are billed as one-on-one time and as the group's"
                    + loweredText(shared.get(e.getKey()), lowered.get(e.getKey())) + "."), planned, cutOn));
        }
        return new Day(out, sharedBits);
    }

    private static AcrossFinding pairFinding(String visitId, String other, String providerId, LocalDate date,
                                             int[] acc, Map<String, Map<String, Integer>> shared,
                                             Map<String, List<Lowered>> lowered,
                                             Map<String, List<UnitCut>> planned, Set<String> cutOn) {
        return withCuts(visitId, OVERLAP.finding("services", "On " + date + ", " + providerId
                + " has one-on-one minutes on this visit that overlap visit " + other + " with another patient: "
                + acc[0] + (acc[0] == 1 ? " minute" : " minutes") + " between " + clock(acc[1]) + " and "
                + clock(acc[2]) + " are billed for both patients as one-on-one time"
                + loweredText(shared.get(visitId), lowered.get(visitId)) + "."), planned, cutOn);
    }

    /** The finding, with the visit's cuts when it is the visit's first (a visit's cuts are taken once). */
    private static AcrossFinding withCuts(String visitId, Finding f, Map<String, List<UnitCut>> planned,
                                          Set<String> cutOn) {
        List<UnitCut> cuts = cutOn.add(visitId) ? planned.getOrDefault(visitId, List.of()) : List.of();
        return new AcrossFinding(visitId, f, cuts);
    }

    /**
     * What a message says of the units the shared minutes take off: "; with its 12 shared minutes taken out,
     * supported units of 97110 on this visit lowered from 3 to 2", or that they take none off.
     */
    private static String loweredText(Map<String, Integer> shared, List<Lowered> lowered) {
        int minutes = 0;
        for (int m : shared == null ? List.<Integer>of() : shared.values()) {
            minutes += m;
        }
        if (minutes == 0) {
            return " (none of them are minutes of a timed code on this visit, so its supported units stay)";
        }
        String with = "; with its " + minutes + " shared " + (minutes == 1 ? "minute" : "minutes") + " taken out";
        if (lowered.isEmpty()) {
            return with + ", this visit's minutes still support the units they did";
        }
        List<String> each = new ArrayList<>(lowered.size());
        for (Lowered l : lowered) {
            String code = l.code().equals(Cognitive.BASE) ? Cognitive.BASE + "/" + Cognitive.ADD_ON : l.code();
            // Which claims.csv row the unit comes off is the cut's (from every provider's shared minutes of the
            // visit, cutsAt), not this provider's finding's to say: the two could disagree.
            each.add(code + (each.isEmpty() ? " on this visit" : "") + " lowered from " + l.from() + " to " + l.to());
        }
        return with + ", supported units of " + String.join(" and of ", each);
    }

    /** A code's supported units on a visit before and after the minutes it shares are taken out; 97129 and 97130 as
     * one service under 97129. */
    record Lowered(String code, int from, int to) {
    }

    /** What the shared minutes do to a visit: the codes whose units they lower (for a message) and the cuts. */
    private record Plan(List<Lowered> lowered, List<UnitCut> cuts) {
    }

    /**
     * The cuts of the lowered codes, with no count of CQ/CO units: 97129's units are the pair's, whose claim bills the
     * first on 97129 and the rest on 97130 (never 97130 alone), so they come off 97130 first (as MW-A012's).
     */
    private static List<UnitCut> toCuts(String visitId, List<Lowered> lowered) {
        List<UnitCut> out = new ArrayList<>(lowered.size());
        for (Lowered l : lowered) {
            int take = l.from() - l.to();
            if (l.code().equals(Cognitive.BASE)) {
                UnitCut.offCognitivePair(visitId, l.from(), take, out);
            } else {
                out.add(new UnitCut(visitId, l.code(), take));
            }
        }
        return out;
    }

    /** 97129's and 97130's minutes as one service's, under 97129. */
    private static Map<String, Integer> pairMerged(Map<String, Integer> byCode) {
        Map<String, Integer> out = new TreeMap<>();
        byCode.forEach((code, n) -> out.merge(Cognitive.isPair(code) ? Cognitive.BASE : code, n, Integer::sum));
        return out;
    }

    /** A pool's codes with 97129 and 97130 as one entry under 97129 ({@link PatientHistory#withCognitivePair}). */
    private static List<VisitDigest.DayMinutes.Code> pairMerged(List<VisitDigest.DayMinutes.Code> codes) {
        return PatientHistory.withCognitivePair(codes);
    }

    /**
     * The units {@code shared} minutes (by code: minutes of the visit's one-on-one timed codes a provider also spent
     * with another patient) take off the visit's supported units, by the visit's unit method: when its payer pools the
     * timed minutes (the CMS method, {@link VisitDigest#dayMinutes}), each discipline's pool loses the shared minutes
     * and the units it no longer earns come off the codes that shared minutes first (most shared minutes first), then
     * off its other codes (fewest minutes first); else each code on its own (the CPT per-code method) earns the units
     * of its minutes less its shared ones. Never more than a code has; none where the digest does not tell the code's
     * units (a code's treatments whose unit shares do not add up to whole units). Whose the minutes were is not
     * known here, so neither is how many units keep CQ/CO: the cuts come off full-rate lines first ({@link #cutsAt}
     * knows).
     */
    public static List<UnitCut> cuts(VisitDigest v, Map<String, Integer> shared) {
        return toCuts(v.visitId(), lowered(v, shared));
    }

    /**
     * MW-A001's cuts of a visit from the minutes of the day each provider spent with another patient, by provider,
     * then code ({@link Day#sharedAt} of each provider's day): each provider's shared minutes come out of that
     * provider's treatments of the code (a minute another clinician still treated the patient in one-on-one stays
     * the code's), the units the minutes left no longer earn come off ({@link #cuts}), and the de minimis standard
     * (RULES.md §4) is applied again to the minutes left: {@link UnitCut#assistantUnits()} is how many of the code's
     * units carry CQ/CO after the cut, by {@link DeMinimis#assistantUnits} of its units after, its assistants' minutes
     * alone after and its therapists' after (an aide's minutes are nobody's). A code that loses no unit is cut by 0
     * units when that count changes. 97129/97130 as ClaimBuilder places CQ/CO on the pair: 97129's unit first, unless
     * the assistant documented only 97130 or the first 15 minutes in time are the therapist's. -1 (full-rate first)
     * for a code no assistant's minutes touch, before or after.
     */
    public static List<UnitCut> cutsAt(VisitDigest v, Map<String, Map<String, java.util.BitSet>> sharedBy) {
        return plan(v, sharedBy).cuts();
    }

    /** {@link #cutsAt(VisitDigest, Map)} of one provider's shared minutes by code. */
    public static List<UnitCut> cutsAt(VisitDigest v, String providerId, Map<String, java.util.BitSet> sharedAt) {
        return cutsAt(v, Map.of(providerId, sharedAt));
    }

    /**
     * The minutes each code of the visit (97129/97130 under 97129) no longer has once each provider's shared minutes
     * ({@link #cutsAt(VisitDigest, Map)}) come out of that provider's treatments: the minutes its counted one-on-one
     * treatments covered that none covers after. What the patient's day is counted without ({@link #withoutShared}).
     */
    public static Map<String, Integer> lostMinutes(VisitDigest v, Map<String, Map<String, java.util.BitSet>> sharedBy) {
        Map<String, Integer> out = new TreeMap<>();
        whose(v, sharedBy).forEach((code, w) -> {
            if (w.lost() > 0) {
                out.put(code, w.lost());
            }
        });
        return out;
    }

    /**
     * One code's (97129/97130 as one) counted one-on-one minutes on a visit by who furnished them, before and after
     * the shared minutes come out: {@code lost} the minutes the code no longer has; an assistant's minutes alone
     * (without a therapist treating the patient in them: those are the therapist's, RULES.md §4) and a therapist's,
     * as ClaimBuilder counts them; {@code cqOnAddOnBefore}/{@code After} whether the pair's CQ/CO go on 97130 first.
     */
    private record Whose(int lost, int assistantBefore, int therapistBefore, int assistantAfter, int therapistAfter,
                         boolean cqOnAddOnBefore, boolean cqOnAddOnAfter, int minutes) {
    }

    private static Map<String, Whose> whose(VisitDigest v, Map<String, Map<String, java.util.BitSet>> sharedBy) {
        Map<String, List<VisitDigest.Treatment>> byCode = new TreeMap<>();
        for (VisitDigest.Treatment t : v.treatments()) {
            if (t.counted() && t.oneOnOne() && t.minutes() > 0) {
                byCode.computeIfAbsent(Cognitive.isPair(t.code()) ? Cognitive.BASE : t.code(),
                        k -> new ArrayList<>(2)).add(t);
            }
        }
        Map<String, Whose> out = new TreeMap<>();
        byCode.forEach((code, ts) -> {
            java.util.BitSet[] removed = new java.util.BitSet[ts.size()];
            java.util.BitSet[] none = new java.util.BitSet[ts.size()];
            java.util.BitSet before = new java.util.BitSet(24 * 60);
            java.util.BitSet after = new java.util.BitSet(24 * 60);
            int untimed = 0; // minutes without times
            for (int i = 0; i < ts.size(); i++) {
                VisitDigest.Treatment t = ts.get(i);
                untimed += t.periods().isEmpty() ? t.minutes() : 0;
                java.util.BitSet own = periods(t);
                none[i] = new java.util.BitSet(0);
                removed[i] = (java.util.BitSet) own.clone();
                java.util.BitSet shared = sharedBy == null ? null
                        : sharedBy.getOrDefault(t.providerId(), Map.of()).get(t.code());
                if (shared == null) {
                    removed[i].clear();
                } else {
                    removed[i].and(shared);
                }
                before.or(own);
                own.andNot(removed[i]);
                after.or(own);
            }
            int minutes = before.cardinality() + untimed;
            before.andNot(after);
            int[] b = split(ts, none);
            int[] a = split(ts, removed);
            out.put(code, new Whose(before.cardinality(), b[0], b[1], a[0], a[1], cqOnAddOn(ts, none),
                    cqOnAddOn(ts, removed), minutes));
        });
        return out;
    }

    private static java.util.BitSet periods(VisitDigest.Treatment t) {
        java.util.BitSet bits = new java.util.BitSet(24 * 60);
        for (Period p : t.periods()) {
            bits.set(p.startMinute(), p.endMinute());
        }
        return bits;
    }

    /**
     * {assistant alone, therapist} minutes of a code's treatments with {@code removed} (each treatment's) taken out, as
     * ClaimBuilder's minutesByWho counts them: a therapist's minutes added up; an assistant's less those a therapist
     * treated the patient in too.
     */
    private static int[] split(List<VisitDigest.Treatment> ts, java.util.BitSet[] removed) {
        java.util.BitSet withTherapist = new java.util.BitSet(24 * 60);
        int therapist = 0;
        for (int i = 0; i < ts.size(); i++) {
            VisitDigest.Treatment t = ts.get(i);
            if (!t.assistant()) {
                therapist += Math.max(0, t.minutes() - removed[i].cardinality());
                java.util.BitSet left = periods(t);
                left.andNot(removed[i]);
                withTherapist.or(left);
            }
        }
        int assistant = 0;
        for (int i = 0; i < ts.size(); i++) {
            VisitDigest.Treatment t = ts.get(i);
            if (t.assistant()) {
                java.util.BitSet left = periods(t);
                left.andNot(removed[i]);
                left.and(withTherapist);
                assistant += Math.max(0, t.minutes() - removed[i].cardinality() - left.cardinality());
            }
        }
        return new int[] {assistant, therapist};
    }

    /**
     * Whether the pair's CQ/CO units go on 97130 first, as ClaimBuilder places them: the assistant documented only
     * 97130 and a therapist 97129, or every treatment has times and the first 15 minutes in time carry no CQ/CO by the
     * de minimis standard. Treatments left without minutes are not counted.
     */
    private static boolean cqOnAddOn(List<VisitDigest.Treatment> ts, java.util.BitSet[] removed) {
        boolean assistantOnBase = false;
        boolean assistantOnAddOn = false;
        boolean therapistOnBase = false;
        boolean timed = true;
        java.util.BitSet therapist = new java.util.BitSet(24 * 60);
        java.util.BitSet assistant = new java.util.BitSet(24 * 60);
        for (int i = 0; i < ts.size(); i++) {
            VisitDigest.Treatment t = ts.get(i);
            if (!Cognitive.isPair(t.code()) || t.minutes() - removed[i].cardinality() <= 0) {
                continue;
            }
            boolean base = t.code().equals(Cognitive.BASE);
            if (t.assistant()) {
                assistantOnBase |= base;
                assistantOnAddOn |= !base;
            } else {
                therapistOnBase |= base;
            }
            timed &= !t.periods().isEmpty();
            java.util.BitSet left = periods(t);
            left.andNot(removed[i]);
            (t.assistant() ? assistant : therapist).or(left);
        }
        if (assistantOnAddOn && !assistantOnBase && therapistOnBase) {
            return true;
        }
        if (!timed) {
            return false;
        }
        return DeMinimis.firstUnitIsTherapists(therapist, assistant);
    }

    /** The pair's CQ/CO units on {97129, 97130} of {@code units}, {@code cq} of them with CQ/CO. */
    private static int[] pairCq(int units, int cq, boolean onAddOnFirst) {
        int base = Cognitive.baseUnits(units);
        int addOn = Cognitive.addOnUnits(units);
        int baseCq = Math.min(base, onAddOnFirst ? Math.max(0, cq - addOn) : cq);
        return new int[] {baseCq, Math.min(addOn, cq - baseCq)};
    }

    private static Plan plan(VisitDigest v, Map<String, Map<String, java.util.BitSet>> sharedBy) {
        if (v == null) {
            return new Plan(List.of(), List.of());
        }
        Map<String, Whose> whose = whose(v, sharedBy);
        Map<String, Integer> lost = new TreeMap<>();
        whose.forEach((code, w) -> {
            if (w.lost() > 0) {
                lost.put(code, w.lost());
            }
        });
        List<Lowered> lowered = lowered(v, lost);
        Map<String, Lowered> byCode = new TreeMap<>();
        for (Lowered l : lowered) {
            byCode.put(l.code(), l);
        }
        // The codes whose units or minutes change.
        java.util.Set<String> codes = new java.util.TreeSet<>(byCode.keySet());
        whose.forEach((code, w) -> {
            if (w.assistantBefore() != w.assistantAfter() || w.therapistBefore() != w.therapistAfter()) {
                codes.add(code);
            }
        });
        List<UnitCut> cuts = new ArrayList<>(codes.size());
        for (String code : codes) {
            Lowered l = byCode.get(code);
            int from = l != null ? l.from() : unitsOf(v, code);
            int to = l != null ? l.to() : from;
            Whose w = whose.get(code);
            if (from < 0) {
                continue; // units the digest does not tell
            }
            // Whose the minutes are is known when the treatments hold every minute the count gave the code (a line
            // without a provider id is in the count, not among the treatments).
            boolean whole = w != null && w.minutes() == countedMinutes(v, code);
            int cqBefore = whole ? DeMinimis.assistantUnits(from, w.assistantBefore(), w.therapistBefore()) : 0;
            int cqAfter = whole ? DeMinimis.assistantUnits(to, w.assistantAfter(), w.therapistAfter()) : 0;
            boolean known = cqBefore > 0 || cqAfter > 0;
            if (!code.equals(Cognitive.BASE)) {
                if (to < from || known && cqAfter != cqBefore) {
                    cuts.add(new UnitCut(v.visitId(), code, from - to, known ? cqAfter : -1));
                }
                continue;
            }
            if (!known) {
                if (l != null) {
                    cuts.addAll(toCuts(v.visitId(), List.of(l)));
                }
                continue;
            }
            // The pair: the units come off 97130 first; CQ/CO sit where ClaimBuilder puts them.
            int[] cqWas = pairCq(from, cqBefore, w.cqOnAddOnBefore());
            int[] cqNow = pairCq(to, cqAfter, w.cqOnAddOnAfter());
            int addOnTake = Cognitive.addOnUnits(from) - Cognitive.addOnUnits(to);
            int baseTake = Cognitive.baseUnits(from) - Cognitive.baseUnits(to);
            if (addOnTake > 0 || cqNow[1] != cqWas[1]) {
                cuts.add(new UnitCut(v.visitId(), Cognitive.ADD_ON, addOnTake, cqNow[1]));
            }
            if (baseTake > 0 || cqNow[0] != cqWas[0]) {
                cuts.add(new UnitCut(v.visitId(), Cognitive.BASE, baseTake, cqNow[0]));
            }
        }
        return new Plan(lowered, cuts);
    }

    /**
     * A code's (97129/97130 as one) minutes as the visit's count took them: its pool's (the CMS method), else its
     * counted treatments' minutes added up (the CPT per-code method, whose units come from the treatments).
     */
    private static int countedMinutes(VisitDigest v, String code) {
        for (VisitDigest.DayMinutes m : v.dayMinutes()) {
            if (m.discipline().equals(disciplineOf(v, code))) {
                return codeMinutes(v, m, code);
            }
        }
        int minutes = 0;
        for (VisitDigest.Treatment t : v.treatments()) {
            if (Cognitive.sameService(t.code(), code) && t.minutes() > 0 && t.counted() && t.oneOnOne()) {
                minutes += t.minutes();
            }
        }
        return v.dayMinutes().isEmpty() ? minutes - selfOverlap(v, code) : -1;
    }

    /** The minutes a code's counted treatments document more than once (two clinicians together). */
    private static int selfOverlap(VisitDigest v, String code) {
        java.util.BitSet union = new java.util.BitSet(24 * 60);
        int sum = 0;
        for (VisitDigest.Treatment t : v.treatments()) {
            if (Cognitive.sameService(t.code(), code) && t.minutes() > 0 && t.counted() && t.oneOnOne()) {
                for (Period p : t.periods()) {
                    sum += p.minutes();
                    union.set(p.startMinute(), p.endMinute());
                }
            }
        }
        return sum - union.cardinality();
    }

    /**
     * A code's (97129/97130 as one) supported units on the visit before any cut: its pool's (the CMS method), else its
     * treatments' unit shares added up (the CPT per-code method); -1 when they do not add up to whole units.
     */
    private static int unitsOf(VisitDigest v, String code) {
        if (!v.dayMinutes().isEmpty()) {
            int units = 0;
            for (VisitDigest.DayMinutes m : v.dayMinutes()) {
                for (VisitDigest.DayMinutes.Code c : pairMerged(m.codes())) {
                    if (c.code().equals(code)) {
                        units += c.units();
                    }
                }
            }
            return units;
        }
        double units = 0;
        for (VisitDigest.Treatment t : v.treatments()) {
            if (Cognitive.sameService(t.code(), code) && t.minutes() > 0 && t.counted()) {
                units += t.units();
            }
        }
        long had = Math.round(units);
        return Math.abs(units - had) > 1e-6 ? -1 : (int) had;
    }

    static List<Lowered> lowered(VisitDigest v, Map<String, Integer> given) {
        if (v == null || given == null || given.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> shared = pairMerged(given);
        List<Lowered> out = new ArrayList<>(2);
        if (v.dayMinutes().isEmpty()) {
            // The CPT per-code method: each code's minutes (its counted treatments') make its units on their own.
            for (Map.Entry<String, Integer> e : shared.entrySet()) {
                int minutes = 0;
                double units = 0;
                for (VisitDigest.Treatment t : v.treatments()) {
                    if (Cognitive.sameService(t.code(), e.getKey()) && t.minutes() > 0 && t.counted()) {
                        minutes += t.minutes();
                        units += t.units();
                    }
                }
                long had = Math.round(units);
                if (Math.abs(units - had) > 1e-6 || had <= 0) {
                    continue;
                }
                int now = (int) Math.min(had, org.minutewise.core.units.UnitCalculator.unitsForMinutes(
                        Math.max(0, minutes - Math.min(minutes, e.getValue()))));
                if (now < had) {
                    out.add(new Lowered(e.getKey(), (int) had, now));
                }
            }
            return out;
        }
        for (VisitDigest.DayMinutes m : v.dayMinutes()) {
            Map<String, Integer> mine = new TreeMap<>();
            int less = 0;
            for (Map.Entry<String, Integer> e : shared.entrySet()) {
                if (m.discipline().equals(disciplineOf(v, e.getKey()))) {
                    int cap = codeMinutes(v, m, e.getKey());
                    int s = Math.min(cap, e.getValue());
                    if (s > 0) {
                        mine.put(e.getKey(), s);
                        less += s;
                    }
                }
            }
            if (less == 0) {
                continue;
            }
            int take = m.units() - org.minutewise.core.units.UnitCalculator.unitsForMinutes(
                    Math.max(0, m.minutes() - less));
            List<VisitDigest.DayMinutes.Code> order = pairMerged(m.codes());
            order.sort(Comparator.comparingInt((VisitDigest.DayMinutes.Code c) -> -mine.getOrDefault(c.code(), 0))
                    .thenComparingInt(c -> mine.containsKey(c.code()) ? 0 : c.minutes())
                    .thenComparing(VisitDigest.DayMinutes.Code::code));
            for (VisitDigest.DayMinutes.Code c : order) {
                if (take <= 0) {
                    break;
                }
                int off = Math.min(take, c.units());
                if (off > 0) {
                    // Which kind of unit comes off (with CQ/CO or not) is the de minimis standard's, applied again to
                    // the minutes the code keeps (plan), not the shared minutes' majority (a review).
                    out.add(new Lowered(c.code(), c.units(), c.units() - off));
                    take -= off;
                }
            }
        }
        out.sort(Comparator.comparing(Lowered::code));
        return out;
    }

    /** The discipline ("PT", "OT", "SLP") whose timed minutes a code's count toward on the visit, or "" unknown. */
    private static String disciplineOf(VisitDigest v, String code) {
        for (VisitDigest.Line l : v.lines()) {
            if (Cognitive.sameService(l.code(), code)) {
                return l.discipline().name();
            }
        }
        for (VisitDigest.DayMinutes m : v.dayMinutes()) {
            for (VisitDigest.DayMinutes.Code c : m.codes()) {
                if (Cognitive.sameService(c.code(), code)) {
                    return m.discipline();
                }
            }
        }
        return v.dayMinutes().size() == 1 ? v.dayMinutes().get(0).discipline() : "";
    }

    /** A code's counted minutes on the visit: as its pool lists them, else its treatments'. */
    private static int codeMinutes(VisitDigest v, VisitDigest.DayMinutes m, String code) {
        for (VisitDigest.DayMinutes.Code c : pairMerged(m.codes())) {
            if (c.code().equals(code)) {
                return c.minutes();
            }
        }
        int minutes = 0;
        for (VisitDigest.Treatment t : v.treatments()) {
            if (Cognitive.sameService(t.code(), code)) {
                minutes += t.minutes();
            }
        }
        return minutes;
    }

    /**
     * The digest as the patient's day should count it once {@code shared} minutes are taken out of its one-on-one
     * time and {@code cuts} ({@link #cuts} of them) off its supported units: each discipline's pooled minutes and
     * earned units lowered (MW-A012 then counts the day without them, so the two never take the same unit twice). A
     * digest without pooled minutes (the CPT per-code method) is returned as it is.
     */
    public static VisitDigest withoutShared(VisitDigest v, Map<String, Integer> given, List<UnitCut> cuts) {
        if (v.dayMinutes().isEmpty() || given == null || given.isEmpty()) {
            return v;
        }
        Map<String, Integer> shared = pairMerged(given);
        Map<String, Integer> cutBy = new java.util.HashMap<>();
        for (UnitCut c : cuts) {
            cutBy.merge(Cognitive.isPair(c.code()) ? Cognitive.BASE : c.code(), c.units(), Integer::sum);
        }
        List<VisitDigest.DayMinutes> parts = new ArrayList<>(v.dayMinutes().size());
        for (VisitDigest.DayMinutes m : v.dayMinutes()) {
            int minutes = m.minutes();
            int units = m.units();
            List<VisitDigest.DayMinutes.Code> codes = new ArrayList<>(m.codes().size());
            for (VisitDigest.DayMinutes.Code c : pairMerged(m.codes())) {
                int off = Math.min(c.units(), cutBy.getOrDefault(c.code(), 0));
                units -= off;
                int s = m.discipline().equals(disciplineOf(v, c.code()))
                        ? Math.min(c.minutes(), shared.getOrDefault(c.code(), 0)) : 0;
                if (c.units() - off > 0) {
                    codes.add(new VisitDigest.DayMinutes.Code(c.code(), c.minutes() - s, c.units() - off));
                }
            }
            for (Map.Entry<String, Integer> e : shared.entrySet()) {
                if (m.discipline().equals(disciplineOf(v, e.getKey()))) {
                    minutes -= Math.min(codeMinutes(v, m, e.getKey()), e.getValue());
                }
            }
            parts.add(new VisitDigest.DayMinutes(m.discipline(), Math.max(0, minutes), Math.max(0, units),
                    m.billed(), m.complete(), codes));
        }
        return new VisitDigest(v.visitId(), v.patientId(), v.date(), v.payer(), v.medicare(), v.institutional(),
                v.noteFingerprint(), v.noteLength(), v.progressReport(), v.lines(), v.treatments(), v.fullUnit(),
                v.biller(), parts, v.start(), v.frequency());
    }

    /** A minute of the day as HH:MM (also the clock of PatientHistory's messages). */
    static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static boolean samePatient(Session a, Session b) {
        return a.patientId().isPresent() && a.patientId().equals(b.patientId());
    }
}
