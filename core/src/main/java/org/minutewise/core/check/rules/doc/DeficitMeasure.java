package org.minutewise.core.check.rules.doc;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatcher;

/**
 * A balance or proprioception measure whose recorded value shows a deficit: what MW-D002 and MW-D004 both take as the
 * deficit stated (RULES.md §7: a musculoskeletal diagnosis needs an explicit balance or proprioceptive deficit; an
 * abnormal result of a balance test is one, a normal one is not). Read only around a match of
 * {@code [balance-measure]} the note scan found, in its clause, within {@value #WORDS} words or {@value #REACH}
 * characters after it:
 * <ul>
 *   <li>a score below its maximum, for the scales where higher is better: "Berg 42/56", "DGI 17/24", "Mini-BESTest
 *       15/28", "Fugl-Meyer 38/66"; without a total, below the scale's maximum ("Berg 40": 56; Tinetti and POMA 28,
 *       DGI 24, FGA 30, Mini-BESTest 28); "Berg 56/56" shows none;</li>
 *   <li>a stance test (single-leg or tandem stance, Romberg and its forms) held under {@value #STANCE_SECONDS} s,
 *       the full hold of the clinical stance tests: "SLS R 12 s (was 7)", "tandem stance 9 s", "Romberg sharpened
 *       4 s"; "SLS R 30 s" shows none;</li>
 *   <li>the words a therapist writes for the result: "Romberg positive", "Romberg +", "impaired", "abnormal", "unable";
 *       "Romberg negative", "WNL", "normal" or "intact" show none.</li>
 * </ul>
 * Another value (a reversed scale such as "DHI 38", an error in degrees, a reach in inches) is not judged here: the
 * note then states the deficit in words. A value in a goal ("Goal: SLS 20 s R") or the plan is a target, none.
 */
final class DeficitMeasure {
    /** The most words between the measure and its result: "SLS eyes open R 9 s", "Romberg sharpened 4 s". */
    static final int WORDS = 4;
    /** No result is looked for further than this many characters after the measure. */
    static final int REACH = 40;
    /** A stance held this long or longer is a normal result: the full hold of the clinical stance tests. */
    static final int STANCE_SECONDS = 30;

    /** The stance tests, timed (as the matcher stores the phrases: lower case, one space). */
    private static final Set<String> STANCE = Set.of("single leg stance", "sls", "tandem stance", "semi tandem",
            "romberg", "sharpened romberg", "tandem romberg");
    /**
     * The scales scored higher-is-better, each with its maximum (0 when it depends on the form, as Fugl-Meyer's and the
     * BESTest's do: then only a score written with its total is read).
     */
    private static final Map<String, Integer> SCALES = Map.ofEntries(Map.entry("berg", 56),
            Map.entry("berg balance scale", 56), Map.entry("bbs", 56), Map.entry("tinetti", 28), Map.entry("poma", 28),
            Map.entry("dgi", 24), Map.entry("dynamic gait index", 24), Map.entry("fga", 30),
            Map.entry("functional gait assessment", 30), Map.entry("mini bestest", 28), Map.entry("minibest", 28),
            Map.entry("bestest", 0), Map.entry("fugl meyer", 0));
    /** Words that give an abnormal result. */
    private static final Set<String> ABNORMAL = Set.of("positive", "pos", "abnormal", "impaired", "unable",
            "unsteady", "poor");
    /** Words that give a normal result. */
    private static final Set<String> NORMAL = Set.of("negative", "neg", "normal", "wnl", "wfl", "intact", "within");
    /** What a finding says of a balance measure recorded without a value that shows a deficit. */
    static final String NO_DEFICIT_SHOWN = ", but not a value that shows a deficit (a score below its maximum, a "
            + "stance held under " + STANCE_SECONDS + " s, a positive Romberg)";
    private static final Set<String> SECONDS = Set.of("s", "sec", "secs", "second", "seconds");

    private DeficitMeasure() {
    }

    /** Whether the measure at {@code [start, end)} (a match of {@code [balance-measure]}) has a result that shows a deficit. */
    static boolean shows(NoteScan scan, int start, int end) {
        String text = scan.text();
        String phrase = PhraseMatcher.normalizePhrase(text.substring(start, end));
        boolean stance = STANCE.contains(phrase);
        Integer max = SCALES.get(phrase);
        int limit = Math.min(text.length(), end + REACH);
        int words = 0;
        int i = end;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '+' && (i + 1 == text.length() || !Character.isDigit(text.charAt(i + 1)))) {
                return !target(scan, start, i); // "Romberg +"
            }
            if (c == ',' || c == ';' || c == '|' || c == '\n' || c == '\r'
                    || c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return false; // the clause ends
            }
            if (Character.isDigit(c)) {
                MeasuredChange.Value v = MeasuredChange.valueAt(text, i);
                if (v == null || v.time() || v.slashes() > 1 || MeasuredChange.range(text, v)) {
                    return false;
                }
                return abnormal(text, v, stance, max) && !target(scan, start, v.end());
            }
            if (Character.isLetter(c)) {
                int e = i;
                while (e < text.length() && Character.isLetter(text.charAt(e))) {
                    e++;
                }
                String word = text.substring(i, e).toLowerCase(Locale.ROOT);
                if (ABNORMAL.contains(word)) {
                    return !target(scan, start, e);
                }
                if (NORMAL.contains(word) || ++words > WORDS) {
                    return false;
                }
                i = e;
                continue;
            }
            i++; // blanks, ':', '(', ')', '<', '~'
        }
        return false;
    }

    /** Whether the value {@code v} after the measure is abnormal: see the class. */
    private static boolean abnormal(String text, MeasuredChange.Value v, boolean stance, Integer max) {
        if (v.slashes() == 1) {
            if (max == null) {
                return false; // a score of a scale not judged here
            }
            double total;
            try {
                total = Double.parseDouble(v.total());
            } catch (NumberFormatException e) {
                return false;
            }
            return (max == 0 || total == max) && v.first() < total;
        }
        if (max != null && max > 0) {
            return v.first() < max;
        }
        if (!stance) {
            return false;
        }
        int u = v.end();
        while (u < text.length() && text.charAt(u) == ' ') {
            u++;
        }
        int ue = u;
        while (ue < text.length() && Character.isLetter(text.charAt(ue))) {
            ue++;
        }
        boolean seconds = ue > u ? SECONDS.contains(text.substring(u, ue).toLowerCase(Locale.ROOT))
                : u < text.length() && text.charAt(u) == '"';
        return seconds && v.first() < STANCE_SECONDS;
    }

    /** Whether the result is a target: in a goal ("Goal: SLS 20 s R") or the plan. */
    private static boolean target(NoteScan scan, int start, int end) {
        return Labels.goal(scan, start)
                || Labels.later(scan, scan.sentenceStart(start), scan.sentenceEnd(Math.max(start, end - 1)));
    }

    /** Whether the note records a measure of {@code [balance-measure]}, as MW-D006 reads one, that shows a deficit. */
    static boolean any(NoteScan scan) {
        return scan.anyMatch(PhraseLists.BALANCE_MEASURE, PhraseLists.BALANCE_MEASURE, (t, s, e) ->
                (!scan.covered(s, e, PhraseLists.TECHNIQUE) || NoMeasureFor97112.resultFollows(t, s, e))
                        && shows(scan, s, e));
    }
}
