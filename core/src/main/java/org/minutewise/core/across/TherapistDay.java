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
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

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
                    + "auditor's review)");

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

    private record Slot(VisitDigest visit, Period period, boolean group) {
    }

    /**
     * The batch form over {@link VisitDigest}s (files of visits, a Spark job): overlapping one-on-one minutes of one
     * provider on one date across different patients' visits, or one-on-one minutes while the provider led a group
     * session with other patients (two group sessions are the group itself). Two one-on-one visits are reported on
     * each of them, naming the other (both claims bill the shared minutes), the later visit first: the one whose
     * first minute with the provider comes later (at the same minute, the larger visit id). One-on-one minutes
     * against a group are reported once, on the one-on-one visit. Pure; the order of {@code visits} does not
     * matter.
     *
     * @param providerId the provider (as in {@link VisitDigest.Treatment#providerId()})
     * @param date       the date of service
     * @param visits     the digests of every visit where the provider treated on that date
     */
    public static List<AcrossFinding> check(String providerId, LocalDate date, List<VisitDigest> visits) {
        List<Slot> slots = new ArrayList<>();
        for (VisitDigest v : visits) {
            if (!v.date().equals(date)) {
                continue;
            }
            for (VisitDigest.Treatment t : v.treatments()) {
                if (t.providerId().equals(providerId) && (t.oneOnOne() || t.group())) {
                    for (Period p : t.periods()) {
                        slots.add(new Slot(v, p, !t.oneOnOne()));
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
            minutes.computeIfAbsent(later.visitId() + "|" + earlier.visitId(), k -> new java.util.BitSet(24 * 60))
                    .set(from, to);
            acc[0] += shared;
            acc[1] = Math.min(acc[1], from);
            acc[2] = Math.max(acc[2], to);
            Slot onEarlier = bLater ? a : b;
            Slot onLater = bLater ? b : a;
            acc[3] |= onEarlier.group() ? 1 : 0;
            acc[4] |= onLater.group() ? 1 : 0;
        });
        List<AcrossFinding> out = new ArrayList<>();
        // One-on-one minutes against a group session: reported once, on the one-on-one visit (the claim whose minutes
        // are wrong), naming the group's visits, however many patients were in the group.
        Map<String, java.util.TreeSet<String>> againstGroup = new TreeMap<>();
        Map<String, java.util.BitSet> together = new java.util.HashMap<>();
        for (Map.Entry<String, Map<String, int[]>> e : pairs.entrySet()) {
            for (Map.Entry<String, int[]> o : e.getValue().entrySet()) {
                int[] acc = o.getValue();
                if ((acc[3] ^ acc[4]) == 1) {
                    String solo = acc[3] == 1 ? e.getKey() : o.getKey();
                    String group = acc[3] == 1 ? o.getKey() : e.getKey();
                    againstGroup.computeIfAbsent(solo, k -> new java.util.TreeSet<>()).add(group);
                    together.computeIfAbsent(solo, k -> new java.util.BitSet(24 * 60))
                            .or(minutes.get(e.getKey() + "|" + o.getKey()));
                    continue;
                }
                // Both claims bill the shared minutes as one-on-one time: each visit carries the finding, naming
                // the other (a biller reading one visit's findings sees it).
                out.add(pairFinding(e.getKey(), o.getKey(), providerId, date, acc));
                out.add(pairFinding(o.getKey(), e.getKey(), providerId, date, acc));
            }
        }
        for (Map.Entry<String, java.util.TreeSet<String>> e : againstGroup.entrySet()) {
            // The provider's minutes shared with the group, each once, whoever else was there.
            java.util.BitSet all = together.get(e.getKey());
            int shared = all.cardinality();
            int from = all.nextSetBit(0);
            int to = all.length();
            List<String> groupVisits = new ArrayList<>(e.getValue());
            out.add(new AcrossFinding(e.getKey(), OVERLAP.finding("services", "On " + date + ", " + providerId
                    + " has one-on-one minutes on this visit while leading a group session with other patients ("
                    + (groupVisits.size() == 1 ? "visit " : "visits ") + String.join(", ", groupVisits) + "): "
                    + shared + (shared == 1 ? " minute" : " minutes") + " between " + clock(from) + " and "
                    + clock(to) + " are billed as one-on-one time and as the group's.")));
        }
        return out;
    }

    private static AcrossFinding pairFinding(String visitId, String other, String providerId, LocalDate date,
                                             int[] acc) {
        return new AcrossFinding(visitId, OVERLAP.finding("services", "On " + date + ", " + providerId
                + " has one-on-one minutes on this visit that overlap visit " + other + " with another patient: "
                + acc[0] + (acc[0] == 1 ? " minute" : " minutes") + " between " + clock(acc[1]) + " and "
                + clock(acc[2]) + " are billed for both patients as one-on-one time (the units supported for each visit "
                + "still count them)."));
    }

    /** A minute of the day as HH:MM (also the clock of PatientHistory's messages). */
    static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    private static boolean samePatient(Session a, Session b) {
        return a.patientId().isPresent() && a.patientId().equals(b.patientId());
    }
}
