package org.minutewise.core.across;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * A therapist whose timed minutes per billed timed unit stay under 15 over the period audited: units are
 * consistently billed from minimal minutes, which CMS asks contractors to review (ERRATA.md 7).
 */
public final class TherapistVolume {
    /** Below this many attributed units the average means little and nothing is reported. */
    public static final double MIN_UNITS = 20.0;
    /** A month with fewer units than this says little of a pattern and is left out of the consistency test. */
    public static final double MIN_MONTH_UNITS = 10.0;

    public static final RuleInfo LOW_MINUTES_PER_UNIT = new RuleInfo("MW-A007", Severity.WARN,
            "Therapist averages under 15 minutes per timed unit",
            "Review this therapist's documentation and billing: a consistent pattern of under 15 minutes per unit "
                    + "is an audit flag even when each visit follows the minutes table.",
            "CMS Pub 100-04 ch. 5 §20.2 (units from the total timed minutes); our reading, not CMS wording: a "
                    + "steady average under 15 minutes per unit is a pattern a reviewer looks at", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: a consistent pattern: the average is also under 15 in most of the months of the "
                    + "period with at least 10 units (an average just under 15 over a year, with months above it, is "
                    + "what the 8-minute rule gives and is not reported)")
            .revised(3, "2026-12-06: only visits of payers of the CMS method count (8 minutes of each of two codes are "
                    + "2 units by the CPT per-code method)")
            .revised(4, "2026-12-06: the average is rounded to cents of a minute (cut only where it would read 15.00)")
            .revised(5, "2026-12-06: the message says the clinician furnished the units (an assistant does not bill: "
                    + "the supervising therapist is the rendering provider, RULES.md §4), and the citation's gloss is "
                    + "our own reading, no longer worded like a quotation")
            .revised(6, "2026-12-07: the message says the visits it counts are Medicare (CMS-method) visits: beside a "
                    + "report's count of all the therapist's visits, \"over 752 visits\" read as a miscount (an "
                    + "auditor's review)");

    /** A therapist's total over the audited visits. */
    public record Total(String providerId, long minutes, double units, long visits) {
        public double minutesPerUnit() {
            return units == 0 ? 0 : minutes / units;
        }
    }

    private TherapistVolume() {
    }

    /** Adds one visit's timed treatments to the running totals (by provider id). */
    public static void add(Map<String, long[]> minutesAndVisits, Map<String, double[]> units, VisitDigest v) {
        add(minutesAndVisits, units, null, v);
    }

    /**
     * Adds one visit's timed treatments to the running totals, and to its month's when {@code months} is given. A
     * visit whose payer counts each code on its own (the CPT method: 8 minutes of each of two codes are 2 units there)
     * adds nothing: the review of minutes per unit is about the CMS 8-minute rule (its digest has no day minutes).
     */
    public static void add(Map<String, long[]> minutesAndVisits, Map<String, double[]> units,
                           Map<String, Map<java.time.YearMonth, double[]>> months, VisitDigest v) {
        if (v.dayMinutes().isEmpty()) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.time.YearMonth month = months == null ? null : java.time.YearMonth.from(v.date());
        for (VisitDigest.Treatment t : v.treatments()) {
            if (t.minutes() == 0 && t.units() == 0) {
                continue; // an evaluation's face-to-face periods: no timed minutes or units
            }
            long[] mv = minutesAndVisits.computeIfAbsent(t.providerId(), k -> new long[2]);
            mv[0] += t.minutes();
            if (seen.add(t.providerId())) {
                mv[1]++;
            }
            units.computeIfAbsent(t.providerId(), k -> new double[1])[0] += t.units();
            if (months != null) {
                double[] mu = months.computeIfAbsent(t.providerId(), k -> new TreeMap<>())
                        .computeIfAbsent(month, k -> new double[2]);
                mu[0] += t.minutes();
                mu[1] += t.units();
            }
        }
    }

    /** Units as a biller counts them: whole when whole, else to one decimal (a code's units shared by minutes). */
    private static String units(double u) {
        return u == Math.rint(u) ? String.valueOf((long) u) : String.format(Locale.ROOT, "%.1f", u);
    }

    /** The findings for every therapist below 15 minutes per unit, sorted by provider id. */
    public static List<Finding> check(Map<String, long[]> minutesAndVisits, Map<String, double[]> units) {
        return check(minutesAndVisits, units, Map.of());
    }

    /**
     * The findings for every therapist below 15 minutes per unit over the period and, when the months are given, in
     * most months with at least {@link #MIN_MONTH_UNITS} units: a consistent pattern, not the noise of the
     * 8-minute rule around 15.
     */
    public static List<Finding> check(Map<String, long[]> minutesAndVisits, Map<String, double[]> units,
                                      Map<String, Map<java.time.YearMonth, double[]>> months) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : new TreeMap<>(minutesAndVisits).entrySet()) {
            double u = units.getOrDefault(e.getKey(), new double[1])[0];
            Total t = new Total(e.getKey(), e.getValue()[0], u, e.getValue()[1]);
            // A pattern: under 15 in most of the months with enough units (one month at 15 hides nothing).
            int counted = 0;
            int under = 0;
            for (double[] mu : months.getOrDefault(e.getKey(), Map.of()).values()) {
                if (mu[1] >= MIN_MONTH_UNITS) {
                    counted++;
                    under += mu[0] / mu[1] < 15.0 ? 1 : 0;
                }
            }
            boolean pattern = counted == 0 || under * 2 > counted;
            if (u >= MIN_UNITS && t.minutesPerUnit() < 15.0 && pattern) {
                // Rounded to cents of a minute (345 / 26 = 13.269 reads 13.27), but an average just under 15 is cut
                // to 14.99: it never reads as 15.
                double perUnit = Math.round(t.minutesPerUnit() * 100) / 100.0;
                if (perUnit >= 15.0) {
                    perUnit = Math.floor(t.minutesPerUnit() * 100) / 100;
                }
                out.add(LOW_MINUTES_PER_UNIT.finding("provider=" + t.providerId(), String.format(Locale.ROOT,
                        "Clinician %s furnished %s timed units for %d timed minutes over %d Medicare (CMS-method) "
                                + "visits: %.2f minutes "
                                + "per unit on average, under 15.", t.providerId(), units(t.units()), t.minutes(),
                        t.visits(), perUnit)));
            }
        }
        return out;
    }
}
