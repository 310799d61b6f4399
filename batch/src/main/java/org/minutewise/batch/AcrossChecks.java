package org.minutewise.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.minutewise.core.across.AcrossFinding;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.Citations;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Period;

/**
 * The therapist-day step of the batch audit, behind one small method.
 *
 * <p><b>Placeholder until core's {@code org.minutewise.core.across.TherapistDay} is merged</b> (another engineer
 * is writing it): {@link #therapistDay} then becomes a call to it, and {@link #THERAPIST_OVERLAP} is replaced by
 * {@code TherapistDay.OVERLAP}. Until then it finds, for one provider and one date, one-on-one periods of
 * different patients' visits that share minutes, and reports them as MW-A001 on the later-starting visit.
 */
public final class AcrossChecks {
    /** MW-A001: the catalog entry lives with the pure rule in core ({@link TherapistDay#OVERLAP}). */
    public static final RuleInfo THERAPIST_OVERLAP = TherapistDay.OVERLAP;

    private AcrossChecks() {
    }

    /** The rules of the batch's own checks across visits (for the report's titles and the catalog). */
    public static List<RuleInfo> rules() {
        return List.of(THERAPIST_OVERLAP);
    }

    private record Slot(VisitDigest visit, Period period) {
    }

    /**
     * Overlapping one-on-one minutes of one provider on one date across different patients' visits, each pair of
     * visits reported once, on the later visit: the one whose first one-on-one minute with the provider comes
     * later (at the same minute, the larger visit id). Pure; the order of {@code visits} does not matter.
     *
     * @param providerId the provider (as in {@link VisitDigest.Treatment#providerId()})
     * @param date       the date of service
     * @param visits     the digests of every visit where the provider treated on that date
     */
    public static List<AcrossFinding> therapistDay(String providerId, LocalDate date, List<VisitDigest> visits) {
        List<Slot> slots = new ArrayList<>();
        for (VisitDigest v : visits) {
            if (!v.date().equals(date)) {
                continue;
            }
            for (VisitDigest.Treatment t : v.treatments()) {
                if (t.providerId().equals(providerId) && t.oneOnOne()) {
                    for (Period p : t.periods()) {
                        slots.add(new Slot(v, p));
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
        // later visit -> (earlier visit -> [shared minutes, first shared minute, last shared minute])
        Map<String, Map<String, int[]>> pairs = new TreeMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot a = slots.get(i);
            for (int j = i + 1; j < slots.size(); j++) {
                Slot b = slots.get(j);
                if (b.period().startMinute() >= a.period().endMinute()) {
                    break;
                }
                VisitDigest va = a.visit();
                VisitDigest vb = b.visit();
                if (va.visitId().equals(vb.visitId()) || va.patientId().equals(vb.patientId())) {
                    continue;
                }
                int shared = a.period().overlapMinutes(b.period());
                if (shared == 0) {
                    continue;
                }
                int sa = firstStart.get(va.visitId());
                int sb = firstStart.get(vb.visitId());
                boolean bLater = sb > sa || sb == sa && vb.visitId().compareTo(va.visitId()) > 0;
                VisitDigest later = bLater ? vb : va;
                VisitDigest earlier = bLater ? va : vb;
                int from = Math.max(a.period().startMinute(), b.period().startMinute());
                int to = Math.min(a.period().endMinute(), b.period().endMinute());
                int[] acc = pairs.computeIfAbsent(later.visitId(), k -> new TreeMap<>())
                        .computeIfAbsent(earlier.visitId(), k -> new int[] {0, Integer.MAX_VALUE, 0});
                acc[0] += shared;
                acc[1] = Math.min(acc[1], from);
                acc[2] = Math.max(acc[2], to);
            }
        }
        List<AcrossFinding> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, int[]>> e : pairs.entrySet()) {
            for (Map.Entry<String, int[]> o : e.getValue().entrySet()) {
                int[] acc = o.getValue();
                out.add(new AcrossFinding(e.getKey(), THERAPIST_OVERLAP.finding("services", "On " + date + ", "
                        + providerId + " has one-on-one minutes on this visit that overlap visit " + o.getKey()
                        + " with another patient: " + acc[0] + (acc[0] == 1 ? " minute" : " minutes") + " between "
                        + clock(acc[1]) + " and " + clock(acc[2]) + " are billed for both patients.")));
            }
        }
        return out;
    }

    private static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }
}
