package org.minutewise.core.check.rules.doc;

import java.util.Locale;
import java.util.Set;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatch;

/**
 * A measured change the note records: the patient's response told in numbers or in a new skill (MW-D008). The note
 * scan finds the markers of {@code [change]}; the shape around each is read here, only around the marker, so the
 * note is not scanned again:
 * <ul>
 *   <li>"(was": a value and an earlier one in the same clause, "2 sequencing errors (was 5)", "Berg 42/56 (was 40)",
 *       "SLS R 12 s (was 7)", "4/5 targets recalled at 4-min interval (was 2/5)". The earlier value is a number, with
 *       at most a unit of measure ("(was 2 s)"), then ')'; the value before it is within {@value #BACK_WORDS} words,
 *       not a time, not a date ("12/1/26"; two fractions are scores only over the same total, so "12/14 (was 12/7)"
 *       is none), not a count of visits, units or minutes ("Visit 9 (was 8)", "15 min (was 30)") nor a date after
 *       "due" or "on"; a side in parentheses may stand between ("SLS 12 s (R) (was 7)"), a unit may be written on
 *       the value ("SLS (R) 12s (was 7)");</li>
 *   <li>"from": "from 140 to 155", "from 8 -> 4 s"; not a time ("from 14:00 to 14:40", "from 2 to 4 pm") nor a
 *       dose ("from 10 to 15 reps", "from 40 to 60 lb");</li>
 *   <li>degrees ("deg", "degrees"): "flexion 140 to 155 degrees", "error 8 -> 4 deg"; not an arc that starts at 0
 *       or below ("0 to 90 deg", "-5 to 120 deg");</li>
 *   <li>"now", after its subject and before a function within {@value #NOW_WORDS} words: "patient now ascends
 *       stairs step-over-step"; not "now 8 wk post-op", "pt now here for gait training", nor "Now gait training" (no
 *       subject).</li>
 *   <li>an arrow after a measure ({@code [measure]}, read where the scan found one): "Berg 40 -> 44", "TUG 14.2 -->
 *       11.8", no unit needed (see {@link #arrow}); an arrow with no measure before it needs a unit ("8 -> 4 deg").</li>
 * </ul>
 * None counts in the plan ("Plan: progress flexion 120 to 135 deg") or in a goal ("Goal: TUG 10-12 s", "LTG: flexion
 * 110 to 120 deg"), and no two values that are equal do. A goal written as a target is none either: a range ("Berg
 * 45-50/56", "from 40 to 45-50/56") or a value with its time frame ("110 to 120 deg in 4 wk").
 */
final class MeasuredChange {
    /** How many words may stand between a value and the "(was" of its earlier value: "4/5 targets recalled at ...". */
    static final int BACK_WORDS = 6;
    /** How many words after "now" its function may start: "pt now ascends stairs". */
    static final int NOW_WORDS = 3;
    /** How many words may stand between a measure and its value before an arrow: "TUG with SPC 19.4 -> 16 s". */
    static final int ARROW_WORDS = 4;
    /** No value before an arrow is looked for further than this many characters after the measure. */
    private static final int ARROW_REACH = 40;
    /** A side written in parentheses beside a value: "SLS (R) 12 s (was 7)", "SLS 12 s (L) (was 7)". */
    private static final Set<String> SIDES = Set.of("r", "l", "b", "rt", "lt", "right", "left", "bil", "bilat",
            "bilateral", "b/l");
    /** The longest side in parentheses, parentheses included: "(bilateral)". */
    private static final int SIDE_MAX = 12;

    /** Units of a measured value; a word after a value that is none of these is not the value's unit. */
    private static final Set<String> UNITS = Set.of("s", "sec", "secs", "second", "seconds", "m", "ft", "cm", "mm",
            "deg", "degs", "degree", "degrees", "%", "m/s", "ft/s", "cm/s", "\u00B0");
    /** Words that make a number a count of the visit's administration, a date or a dose, not a measured value. */
    private static final Set<String> NOT_MEASURED = Set.of("visit", "visits", "session", "sessions", "appt",
            "appointment", "appointments", "auth", "authorized", "authorization", "unit", "units", "min", "mins",
            "minute", "minutes", "due", "on", "date", "dated", "dos", "scheduled", "copay", "wk", "wks", "week",
            "weeks", "day", "days", "month", "months", "yr", "yrs", "year", "years", "reps", "rep", "sets", "set",
            "lb", "lbs", "kg", "x", "pm", "am", "in", "inch", "inches", "y/o", "yo", "age", "#");

    /** Words after "now" that say why or where the patient is, not a skill: "pt now here for gait training". */
    private static final Set<String> NOT_A_SKILL = Set.of("here", "for", "in", "at", "to", "seen", "scheduled",
            "referred", "presents", "receiving", "attending", "starting", "on");

    private MeasuredChange() {
    }

    /** Whether the note records a measured change anywhere (stops at the first). */
    static boolean any(NoteScan scan) {
        return scan.anyMatch(PhraseLists.CHANGE, PhraseLists.CHANGE, (t, s, e) -> at(scan, s, e))
                || scan.anyMatch(PhraseLists.MEASURE, PhraseLists.MEASURE, (t, s, e) -> arrow(scan, s, e));
    }

    /**
     * Whether a measured change in a sentence that names a neuromuscular deficit ({@code [deficit]}, not negated)
     * is recorded: "joint position retraining (blindfolded matching, error 8 -> 4 deg)" measures the deficit.
     */
    static boolean ofDeficit(NoteScan scan) {
        if (!scan.has(PhraseLists.DEFICIT) || !scan.has(PhraseLists.CHANGE)) {
            return false;
        }
        for (PhraseMatch m : scan.matches(PhraseLists.CHANGE)) {
            if (at(scan, m.start(), m.end()) && scan.anyWithin(PhraseLists.DEFICIT, scan.sentenceStart(m.start()),
                    scan.sentenceEnd(m.end()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the marker at {@code [start, end)} is a measured change in its shape, outside the plan. */
    static boolean at(NoteScan scan, int start, int end) {
        String text = scan.text();
        String marker = text.substring(start, end).toLowerCase(Locale.ROOT);
        boolean shaped = switch (marker) {
            case "(was" -> was(text, start, end);
            case "from" -> from(text, end);
            case "now" -> now(scan, start, end);
            default -> marker.startsWith("deg") && degrees(text, start, end);
        };
        return shaped && !Labels.later(scan, scan.sentenceStart(start), scan.sentenceEnd(end))
                && !Labels.goal(scan, start);
    }

    /**
     * "Berg 40 -> 44", "TUG 14.2 \u2192 11.8", "Berg 38/56 -> 42/56": the measure at {@code [start, end)} (a phrase of
     * {@code [measure]}), its value within {@value #ARROW_WORDS} words after it in its clause (a side in parentheses,
     * "SLS (R) 5 -> 9 s", aside), an arrow ("->", "-->", "=>", a right arrow) and a later value that differs. A unit may
     * follow either value; none is needed, the measure names what the numbers are. Not a range ("Berg 40 -> 45-50/56",
     * a goal), not a dose or a count after the later value ("SLS 2 -> 3 sets"), not in a goal, its time frame
     * ("... in 4 wk") or the plan. Read only where the note scan found a measure.
     */
    static boolean arrow(NoteScan scan, int start, int end) {
        String text = scan.text();
        int limit = Math.min(text.length(), end + ARROW_REACH);
        int words = 0;
        int i = end;
        while (i < limit) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return arrowFrom(scan, start, i);
            }
            if (c == '(') {
                int close = sideGroupForward(text, i);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
                continue;
            }
            if (clauseEnds(text, i)) {
                return false;
            }
            if (Character.isLetter(c)) {
                i = Math.max(i + 1, wordEnd(text, i));
                if (++words > ARROW_WORDS) {
                    return false;
                }
                continue;
            }
            i++; // blanks, ':', '='
        }
        return false;
    }

    /** The rest of {@link #arrow}: the first value starts at {@code i}. */
    private static boolean arrowFrom(NoteScan scan, int start, int i) {
        String text = scan.text();
        Value a = valueAt(text, i);
        if (!measured(a) || range(text, a)) {
            return false;
        }
        int j = skipBlanks(text, a.end());
        int w = wordEnd(text, j);
        if (w > j) {
            if (!UNITS.contains(text.substring(j, w).toLowerCase(Locale.ROOT))) {
                return false; // "Berg 40 today": no arrow next
            }
            j = skipBlanks(text, w);
        }
        int k = j;
        while (k < text.length() && (text.charAt(k) == '-' || text.charAt(k) == '=')) {
            k++;
        }
        if (!(k > j && k < text.length() && text.charAt(k) == '>' || k == j && k < text.length()
                && text.charAt(k) == '\u2192')) {
            return false;
        }
        Value b = valueAt(text, skipBlanks(text, k + 1));
        if (!measured(b) || range(text, b) || a.total() != null && b.total() != null && !a.total().equals(b.total())
                || text.substring(a.start(), a.end()).equals(text.substring(b.start(), b.end()))) {
            return false;
        }
        int u = skipBlanks(text, b.end());
        int ue = wordEnd(text, u);
        if (ue > u && NOT_MEASURED.contains(text.substring(u, ue).toLowerCase(Locale.ROOT))) {
            return false; // "2 -> 3 sets", "15 -> 20 min"
        }
        if (ue > u && UNITS.contains(text.substring(u, ue).toLowerCase(Locale.ROOT))) {
            u = ue;
        }
        return !target(text, u) && !Labels.later(scan, scan.sentenceStart(start), scan.sentenceEnd(b.end()))
                && !Labels.goal(scan, start);
    }

    /**
     * Whether a value is one end of a range ("45-50/56", "10-12 s", "10\u201312"): a goal's target, not a result.
     * "-5" after a blank is a negative value, no range.
     */
    static boolean range(String text, Value v) {
        int after = v.end();
        if (after + 1 < text.length() && isDash(text.charAt(after)) && Character.isDigit(text.charAt(after + 1))) {
            return true;
        }
        int before = v.start() - 1;
        return before >= 1 && isDash(text.charAt(before)) && Character.isDigit(text.charAt(before - 1));
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013';
    }

    /** Words that start the time frame of a goal after its value: "in 4 wk", "within 6 weeks", "by 3 visits". */
    private static final Set<String> WITHIN = Set.of("in", "within", "by");
    /** The spans of a goal's time frame: "in 4 wk". */
    private static final Set<String> SPANS = Set.of("wk", "wks", "week", "weeks", "mo", "mos", "month", "months",
            "visit", "visits", "session", "sessions", "day", "days");

    /**
     * Whether a goal's time frame starts at {@code i} (blanks aside): "in 4 wk", "within 6 weeks", "by 8 visits"
     * ("Berg 45 to 50/56 in 4 wk" is a target); "by the last set" is none.
     */
    static boolean target(String text, int i) {
        int s = skipBlanks(text, i);
        int w = wordEnd(text, s);
        if (w == s || !WITHIN.contains(text.substring(s, w).toLowerCase(Locale.ROOT))) {
            return false;
        }
        int d = skipBlanks(text, w);
        int de = d;
        while (de < text.length() && Character.isDigit(text.charAt(de))) {
            de++;
        }
        if (de == d) {
            return false;
        }
        int u = skipBlanks(text, de);
        int ue = wordEnd(text, u);
        return ue > u && SPANS.contains(text.substring(u, ue).toLowerCase(Locale.ROOT));
    }

    /** The ')' of a side in parentheses starting at the '(' at {@code open} ("(R)", "(left)"), or -1. */
    private static int sideGroupForward(String text, int open) {
        int close = text.indexOf(')', open);
        return close > open && close - open <= SIDE_MAX && SIDES.contains(text.substring(open + 1, close).trim()
                .toLowerCase(Locale.ROOT)) ? close : -1;
    }

    /** The '(' of a side in parentheses ending at the ')' at {@code close} ("(R)", "(left)"), or -1. */
    private static int sideGroupBack(String text, int close) {
        int open = text.lastIndexOf('(', close);
        return open >= 0 && close - open <= SIDE_MAX && SIDES.contains(text.substring(open + 1, close).trim()
                .toLowerCase(Locale.ROOT)) ? open : -1;
    }

    /** A number as written: digits, decimals, fractions ("4/5", "0.74"), times ("14:00"). */
    record Value(int start, int end, double first, int slashes, String total, boolean time) {
    }

    /** The value starting at {@code i} (a digit), or null. */
    static Value valueAt(String text, int i) {
        int n = text.length();
        if (i >= n || !Character.isDigit(text.charAt(i))) {
            return null;
        }
        int j = i;
        int slashes = 0;
        int lastSlash = -1;
        boolean time = false;
        while (j < n) {
            char c = text.charAt(j);
            if (Character.isDigit(c)) {
                j++;
            } else if ((c == '.' || c == '/' || c == ':') && j + 1 < n && Character.isDigit(text.charAt(j + 1))) {
                if (c == '/') {
                    slashes++;
                    lastSlash = j;
                }
                time |= c == ':';
                j++;
            } else {
                break;
            }
        }
        int firstEnd = i;
        while (firstEnd < j && (Character.isDigit(text.charAt(firstEnd)) || text.charAt(firstEnd) == '.'
                && firstEnd + 1 < j && Character.isDigit(text.charAt(firstEnd + 1)))) {
            firstEnd++;
        }
        double first;
        try {
            first = Double.parseDouble(text.substring(i, firstEnd));
        } catch (NumberFormatException e) {
            return null;
        }
        return new Value(i, j, first, slashes, lastSlash < 0 ? null : text.substring(lastSlash + 1, j), time);
    }

    /** A plain measured value: no time, no date. */
    private static boolean measured(Value v) {
        return v != null && !v.time() && v.slashes() < 2;
    }

    /** "2 errors (was 5)": see the class. {@code start} is the '(' of "(was". */
    private static boolean was(String text, int start, int end) {
        int i = skipBlanks(text, end);
        Value earlier = valueAt(text, i);
        if (!measured(earlier)) {
            return false;
        }
        i = skipBlanks(text, earlier.end());
        int w = wordEnd(text, i);
        if (w > i) {
            if (!UNITS.contains(text.substring(i, w).toLowerCase(Locale.ROOT))) {
                return false;
            }
            i = skipBlanks(text, w);
        }
        if (i >= text.length() || text.charAt(i) != ')') {
            return false;
        }
        // Back over the clause to a value that this one was before.
        int k = start - 1;
        int words = 0;
        String after = null; // the word right after the value being looked at (its unit, if any)
        while (k >= 0 && words <= BACK_WORDS) {
            char c = text.charAt(k);
            if (c == ')') {
                int open = sideGroupBack(text, k);
                if (open >= 0) { // "SLS 12 s (R) (was 7)": the side, then the value
                    k = open - 1;
                    words++;
                    continue;
                }
            }
            if (clauseEnds(text, k)) {
                return false;
            }
            if (Character.isLetterOrDigit(c) || c == '/' || c == '%' || c == '#') {
                int e = k + 1;
                while (k >= 0 && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '/'
                        || text.charAt(k) == '.' && k > 0 && Character.isDigit(text.charAt(k - 1))
                        || text.charAt(k) == ':' || text.charAt(k) == '%' || text.charAt(k) == '#')) {
                    k--;
                }
                String token = text.substring(k + 1, e);
                if (Character.isDigit(token.charAt(0))) {
                    Value now = valueAt(text, k + 1);
                    if (now != null && now.end() == e && earlierOf(text, now, earlier, after)) {
                        return true;
                    }
                    // "12s (was 7)": the unit written on the value
                    if (now != null && now.end() < e && UNITS.contains(text.substring(now.end(), e)
                            .toLowerCase(Locale.ROOT)) && earlierOf(text, now, earlier, null)) {
                        return true;
                    }
                }
                after = token.toLowerCase(Locale.ROOT);
                words++;
                continue;
            }
            k--;
        }
        return false;
    }

    /** Whether {@code now}, followed by the word {@code after}, is a measured value {@code earlier} was before. */
    private static boolean earlierOf(String text, Value now, Value earlier, String after) {
        if (!measured(now) || range(text, now) || after != null && NOT_MEASURED.contains(after)
                || notMeasuredBefore(text, now.start())) {
            return false;
        }
        if (earlier.total() != null && !earlier.total().equals(now.total())) {
            return false; // "4/5 (was 2/5)" is a score; "12/14 (was 12/7)" a date
        }
        return !text.substring(now.start(), now.end()).equals(text.substring(earlier.start(), earlier.end()));
    }

    /** Whether the word before {@code i} (blanks and '-' aside) makes the number there no measured value. */
    private static boolean notMeasuredBefore(String text, int i) {
        int k = i - 1;
        if (k >= 0 && (text.charAt(k) == '$' || text.charAt(k) == '#')) {
            return true;
        }
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '-')) {
            k--;
        }
        int e = k + 1;
        while (k >= 0 && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '/')) {
            k--;
        }
        return e > k + 1 && NOT_MEASURED.contains(text.substring(k + 1, e).toLowerCase(Locale.ROOT));
    }

    /** "from 140 to 155": see the class. */
    private static boolean from(String text, int end) {
        Value a = valueAt(text, skipBlanks(text, end));
        if (!measured(a) || range(text, a)) {
            return false;
        }
        int i = skipBlanks(text, a.end());
        int w = wordEnd(text, i);
        if (w > i && !isTo(text, i, w)) {
            if (NOT_MEASURED.contains(text.substring(i, w).toLowerCase(Locale.ROOT))) {
                return false; // "from 10 reps to 15"
            }
            i = skipBlanks(text, w);
        }
        int b0 = connector(text, i);
        if (b0 < 0) {
            return false;
        }
        Value b = valueAt(text, b0);
        if (!measured(b) || range(text, b) || b.first() == a.first() && b.slashes() == a.slashes()) {
            return false; // "from 40 to 45-50/56": a target
        }
        int u = skipBlanks(text, b.end());
        int ue = wordEnd(text, u);
        if (ue > u && NOT_MEASURED.contains(text.substring(u, ue).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !target(text, ue > u && UNITS.contains(text.substring(u, ue).toLowerCase(Locale.ROOT)) ? ue : u);
    }

    /** "140 to 155 degrees", "8 -> 4 deg": {@code [start, end)} is the degree unit. */
    private static boolean degrees(String text, int start, int end) {
        Value b = plainNumberBefore(text, start);
        if (b == null || range(text, b) || target(text, end)) {
            return false; // "110 to 120 deg in 4 wk": a target
        }
        // The connector before it: "to", "->", "-->", a right arrow, ">".
        int j = b.start() - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        if (j >= 1 && Character.toLowerCase(text.charAt(j)) == 'o' && Character.toLowerCase(text.charAt(j - 1)) == 't'
                && (j < 2 || !Character.isLetterOrDigit(text.charAt(j - 2)))) {
            j -= 2;
        } else if (j >= 0 && (text.charAt(j) == '>' || text.charAt(j) == '\u2192')) {
            j--;
            while (j >= 0 && (text.charAt(j) == '-' || text.charAt(j) == '=')) {
                j--;
            }
        } else {
            return false;
        }
        Value a = plainNumberBefore(text, j + 1);
        if (a == null || range(text, a)) {
            return false;
        }
        j = a.start() - 1;
        if (j >= 0 && text.charAt(j) == '-' && (j == 0 || !Character.isLetterOrDigit(text.charAt(j - 1)))) {
            return false; // "-5 to 120 deg": an arc from extension
        }
        return a.first() > 0 && a.first() != b.first();
    }

    /**
     * The number that ends at {@code end} (blanks before {@code end} skipped): digits and dots read back to their
     * start, a plain value there (no slash, not a time) ending exactly where they end; else null.
     */
    private static Value plainNumberBefore(String text, int end) {
        int k = end - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        int numberEnd = k + 1;
        while (k >= 0 && (Character.isDigit(text.charAt(k)) || text.charAt(k) == '.')) {
            k--;
        }
        Value v = valueAt(text, k + 1);
        return v == null || v.end() != numberEnd || v.slashes() > 0 || v.time() ? null : v;
    }

    /** "patient now ascends stairs": see the class. */
    private static boolean now(NoteScan scan, int start, int end) {
        String text = scan.text();
        // A subject before it in its clause.
        int k = start - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        if (k < 0 || !Character.isLetter(text.charAt(k))) {
            return false;
        }
        int i = skipBlanks(text, end);
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            return false; // "now 8 wk post-op"
        }
        if (NOT_A_SKILL.contains(text.substring(i, wordEnd(text, i)).toLowerCase(Locale.ROOT))) {
            return false; // "pt now here for gait training": why the patient came, not what changed
        }
        int last = i;
        int to = i;
        for (int w = 0; w < NOW_WORDS; w++) {
            int e = wordEnd(text, to);
            if (e == to) {
                break; // the clause ends, or a number
            }
            last = e;
            to = e;
            while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '-')) {
                to++;
            }
        }
        return last > i && scan.anyWithin(PhraseLists.FUNCTION, i, last);
    }

    /** The index of the value after a connector ("to", "->", an arrow) at {@code i}, or -1. */
    private static int connector(String text, int i) {
        int w = wordEnd(text, i);
        if (w > i && isTo(text, i, w)) {
            return skipBlanks(text, w);
        }
        int j = i;
        while (j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '=')) {
            j++;
        }
        if (j < text.length() && (text.charAt(j) == '>' || text.charAt(j) == '\u2192')) {
            return skipBlanks(text, j + 1);
        }
        return -1;
    }

    private static boolean isTo(String text, int i, int w) {
        return w - i == 2 && text.regionMatches(true, i, "to", 0, 2);
    }

    private static boolean clauseEnds(String text, int k) {
        char c = text.charAt(k);
        return c == ',' || c == ';' || c == '|' || c == '\n' || c == '\r' || c == '('
                || c == '.' && (k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1)));
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The end of the word (letters, '/', '%', the degree sign) starting at {@code i}; {@code i} when none does. */
    private static int wordEnd(String text, int i) {
        int j = i;
        while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '/'
                || text.charAt(j) == '%' || text.charAt(j) == '\u00B0')) {
            j++;
        }
        return j;
    }
}
