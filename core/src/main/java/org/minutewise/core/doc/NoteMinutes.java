package org.minutewise.core.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The minutes a note states in words: its total timed minutes, its total treatment time, and the minutes it gives a
 * service where the service heads a clause ("NMR 10 min:", "Ther ex 8 min", "Manual 15 min (07:30-07:45)"). Read
 * by hand around the words that can carry them, not by a pattern over the whole note: a note without "total" and
 * without a service heading costs one pass over its characters.
 *
 * <p>What counts as stated:
 * <ul>
 *   <li>a total: "total" followed within a few words by "timed" (the total timed minutes) or by "treatment", "tx",
 *       "session", "visit" or "time" (the total treatment time), then a number of minutes ("Total timed minutes
 *       35", "total tx time: 25 min", "total treatment time = 40 minutes"); or a number of minutes right before
 *       "total" ("35 min total treatment time");</li>
 *   <li>a service's minutes: a phrase of the service's list at the start of a clause (the note's start, or after
 *       ".", ";", ":", a line break or a bullet), followed by a number and a minute unit ({@link #minuteUnitEnd}:
 *       "min", "mins", "minute", "minutes", "'" or "\u2019"), with at
 *       most a colon, a dash or a short parenthesis between ("97112 (NMR): 15 min"). Minutes inside a sentence
 *       ("pt did NuStep x 10 min") are an exercise's, not the service's, and are not read.</li>
 * </ul>
 */
public final class NoteMinutes {
    /** What a note states: a number of minutes and the span of the note that states it. */
    public record Stated(int minutes, int start, int end) {
    }

    private NoteMinutes() {
    }

    /** The total timed minutes the note states (the first statement), if any. */
    public static Optional<Stated> totalTimed(String note) {
        return totals(note).timed();
    }

    /** The total treatment time the note states (the first statement), if any. */
    public static Optional<Stated> totalTreatment(String note) {
        return totals(note).treatment();
    }

    /** Both totals a note states: {@link #totalTimed} and {@link #totalTreatment}. */
    public record Totals(Optional<Stated> timed, Optional<Stated> treatment) {
    }

    /**
     * {@link #totalTimed} and {@link #totalTreatment} in one pass over the note's "total"s (each the first statement of
     * its kind): a rule that reads both searches the note once.
     */
    public static Totals totals(String note) {
        Stated[] found = new Stated[2]; // timed, treatment
        int from = 0;
        while (found[0] == null || found[1] == null) {
            int at = indexOfWord(note, "total", from);
            if (at < 0) {
                break;
            }
            from = at + 5;
            int[] kind = new int[1];
            int i = totalWords(note, at, kind);
            int which = kind[0] == TIMED ? 0 : kind[0] == TREATMENT ? 1 : -1;
            if (which >= 0 && found[which] == null) {
                found[which] = statedAt(note, at, i);
            }
        }
        if (found[1] == null) {
            // "TTT: 38 min", the total treatment time as notes abbreviate it.
            int at = indexOfWord(note, "ttt", 0);
            if (at >= 0) {
                int[] n = totalAfter(note, at + 3);
                found[1] = n == null ? null : new Stated(n[0], at, n[1]);
            }
        }
        return new Totals(Optional.ofNullable(found[0]), Optional.ofNullable(found[1]));
    }

    private static final int TIMED = 1;
    private static final int TREATMENT = 2;

    /**
     * The minutes the note gives a service where a phrase of its list heads a clause, each statement with its span
     * (a service stated twice, "NMR 10 min ... NMR 5 min", has two).
     */
    public static List<Stated> ofService(NoteScan scan, String list) {
        int l = scan.matcher().listIndex(list);
        if (scan.countAt(l) == 0) {
            return List.of();
        }
        // Straight over the scan's matches (in order of end), no PhraseMatch built: this runs for every billed code.
        List<Stated> out = List.of();
        String t = scan.text();
        for (int j = scan.firstOf(l), to = j + scan.countAt(l); j < to; j++) {
            int k = scan.hitOf(j);
            if (!headsClause(t, scan.startAt(k))) {
                continue;
            }
            int[] n = minutesAfter(t, scan.endAt(k), true);
            if (n != null) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(2);
                }
                out.add(new Stated(n[0], scan.startAt(k), n[1]));
            }
        }
        if (out.size() > 1) {
            out.sort(java.util.Comparator.comparingInt(Stated::start));
        }
        return out;
    }

    /**
     * Where the code itself heads a clause with a ':' or a dash after it ("97110: bike 10 min", "- 97112 - perturbation
     * training"): a section's heading without minutes. Read straight over the list's matches; empty for most notes.
     */
    public static List<Integer> codeHeadings(NoteScan scan, String list) {
        int l = scan.matcher().listIndex(list);
        if (scan.countAt(l) == 0) {
            return List.of();
        }
        List<Integer> out = List.of();
        String t = scan.text();
        for (int j = scan.firstOf(l), to = j + scan.countAt(l); j < to; j++) {
            int k = scan.hitOf(j);
            int s = scan.startAt(k);
            int e = scan.endAt(k);
            if (!Character.isDigit(t.charAt(s)) || digitsEnd(t, s) != e || !headsClause(t, s)) {
                continue;
            }
            int i = e;
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                i++;
            }
            if (i < t.length() && (t.charAt(i) == ':' || t.charAt(i) == '-' || t.charAt(i) == '\u2013')) {
                if (out.isEmpty()) {
                    out = new ArrayList<>(1);
                }
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The words after the "total" at {@code at}, up to the number: which total it is ({@code kind[0]}: {@link #TIMED},
     * {@link #TREATMENT}, or 0 for neither); returns where they end.
     */
    private static int totalWords(String t, int at, int[] kind) {
        int i = at + 5;
        Boolean isTimed = null;
        for (int words = 0; words < 4 && i < t.length(); words++) {
            i = skipSpace(t, i);
            int end = wordEnd(t, i);
            if (end == i) {
                break;
            }
            String w = t.substring(i, end).toLowerCase(java.util.Locale.ROOT);
            if (w.equals("timed")) {
                isTimed = true;
            } else if (isTimed == null && (w.equals("treatment") || w.equals("tx") || w.equals("session")
                    || w.equals("visit") || w.equals("time"))) {
                isTimed = false;
            } else if (!w.equals("minutes") && !w.equals("min") && !w.equals("mins") && !w.equals("code")
                    && !w.equals("of") && !w.equals("time") && !w.equals("treatment") && !w.equals("tx")) {
                break;
            }
            i = end;
        }
        kind[0] = isTimed == null ? 0 : isTimed ? TIMED : TREATMENT;
        return i;
    }

    /** The minutes of the total at {@code at} whose words end at {@code i}: after them, or right before it; or null. */
    private static Stated statedAt(String t, int at, int i) {
        int[] n = totalAfter(t, i);
        if (n != null) {
            return new Stated(n[0], at, n[1]);
        }
        // "35 min total treatment time": the number before.
        int[] before = minutesBefore(t, at);
        if (before != null) {
            return new Stated(before[0], before[1], at + 5);
        }
        return null;
    }

    /**
     * A total's minutes after its words, as notes write them: "25 min"; an EMR field without a unit, "Total
     * treatment time: 38" (after ":" or "=", the number ending the clause); a parenthesis between, "(excluding 5 min
     * rest) 38 min"; a sum, "23 + 15 = 38 min" or "15 min MHP + 38 min timed = 53 min" (the clause's "=" total); a
     * clock range, "9:00 to 9:38" (its minutes); hours, "1 hour", "1.5 hrs". {minutes, end}, or null.
     */
    private static int[] totalAfter(String t, int from) {
        int i = skipSpace(t, from);
        boolean separated = false;
        for (int guard = 0; guard < 3 && i < t.length(); guard++) {
            char c = t.charAt(i);
            if (c == ':' || c == '=') {
                separated = true;
                i = skipSpace(t, i + 1);
            } else if (c == '(') {
                int close = t.indexOf(')', i);
                if (close < 0 || close - i > 48) {
                    break;
                }
                i = skipSpace(t, close + 1);
            } else {
                break;
            }
        }
        int[] range = clockRange(t, i);
        if (range != null) {
            return range;
        }
        int[] n = minutesAfter(t, from, false);
        if (n == null && from != i) {
            n = minutesAfter(t, i, false); // past a parenthesis
        }
        int[] sum = sumTotal(t, i);
        if (sum != null) {
            return sum;
        }
        if (n != null) {
            return n;
        }
        int[] hours = hoursAfter(t, i);
        if (hours != null) {
            return hours;
        }
        // An EMR field: "Total treatment time: 38", the number alone ending its clause.
        int d = digitsEnd(t, i);
        if (separated && d > i && d - i <= 3) {
            int after = d;
            while (after < t.length() && (t.charAt(after) == ' ' || t.charAt(after) == '\t')) {
                after++;
            }
            if (after == t.length() || ".;,\n\r".indexOf(t.charAt(after)) >= 0
                    && !(t.charAt(after) == '.' && after + 1 < t.length() && Character.isDigit(t.charAt(after + 1)))) {
                return new int[] {Integer.parseInt(t.substring(i, d)), d};
            }
        }
        return null;
    }

    /** The end of the clause that starts at {@code i}: the next ".", ";" or line break (a decimal point is none). */
    private static int clauseEnd(String t, int i) {
        int j = i;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (c == ';' || c == '\n' || c == '\r' || c == '.' && !(j + 1 < t.length()
                    && Character.isDigit(t.charAt(j + 1)) && j > 0 && Character.isDigit(t.charAt(j - 1)))) {
                break;
            }
            j++;
        }
        return j;
    }

    /** A sum in the total's clause, "23 + 15 = 38 min": the minutes after its "=" (only where a "+" comes before). */
    private static int[] sumTotal(String t, int i) {
        int end = Math.min(clauseEnd(t, i), i + 80);
        int plus = t.indexOf('+', i);
        if (plus < 0 || plus >= end) {
            return null;
        }
        int eq = t.indexOf('=', plus);
        if (eq < 0 || eq >= end) {
            return null;
        }
        int[] n = minutesAfter(t, eq + 1, false);
        if (n != null) {
            return n;
        }
        // "23 + 15 = 38" with the unit after the first term only: the number after "=".
        int s = skipSpace(t, eq + 1);
        int d = digitsEnd(t, s);
        return d > s && d - s <= 3 && statesMinutes(t, i, eq) ? new int[] {Integer.parseInt(t.substring(s, d)), d}
                : null;
    }

    /** A clock range, "9:00 to 9:38", "09:00-09:38": {its minutes, end}, or null (one that ends before it starts). */
    private static int[] clockRange(String t, int i) {
        int[] a = clock(t, i);
        if (a == null) {
            return null;
        }
        int j = skipSpace(t, a[1]);
        if (j < t.length() && (t.charAt(j) == '-' || t.charAt(j) == '\u2013')) {
            j++;
        } else if (t.startsWith("to", j) || t.startsWith("TO", j)) {
            j += 2;
        } else {
            return null;
        }
        int[] b = clock(t, skipSpace(t, j));
        if (b == null || b[0] <= a[0]) {
            return null;
        }
        int minutes = b[0] - a[0];
        // "(38 min)" after the range says the same; the range is what is read.
        return new int[] {minutes, b[1]};
    }

    /** A clock time "9:38" or "09:38" at {@code i}: {minute of the day, end}, or null. */
    private static int[] clock(String t, int i) {
        int d = digitsEnd(t, i);
        if (d == i || d - i > 2 || d + 3 > t.length() || t.charAt(d) != ':' || !Character.isDigit(t.charAt(d + 1))
                || !Character.isDigit(t.charAt(d + 2)) || d + 3 < t.length() && Character.isDigit(t.charAt(d + 3))) {
            return null;
        }
        int h = Integer.parseInt(t.substring(i, d));
        int m = Integer.parseInt(t.substring(d + 1, d + 3));
        return h > 23 || m > 59 ? null : new int[] {h * 60 + m, d + 3};
    }

    /** "1 hour", "1.5 hrs", "2 hours": {minutes, end}, or null. */
    private static int[] hoursAfter(String t, int i) {
        int d = digitsEnd(t, i);
        if (d == i || d - i > 1) {
            return null;
        }
        int minutes = Integer.parseInt(t.substring(i, d)) * 60;
        if (d + 1 < t.length() && t.charAt(d) == '.' && t.charAt(d + 1) == '5') {
            minutes += 30;
            d += 2;
        }
        int u = d;
        while (u < t.length() && blank(t.charAt(u))) {
            u++;
        }
        int w = wordEnd(t, u);
        String word = t.substring(u, w).toLowerCase(java.util.Locale.ROOT);
        return word.equals("hour") || word.equals("hours") || word.equals("hr") || word.equals("hrs")
                ? new int[] {minutes, w} : null;
    }

    /** Whether a match starts a clause: the note's start, or after ". ; : " a line break or a bullet. */
    private static boolean headsClause(String t, int start) {
        int i = start - 1;
        while (i >= 0 && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = t.charAt(i);
        return c == '.' || c == ';' || c == ':' || c == '\n' || c == '\r' || c == '-' || c == '*' || c == '\u2022'
                || c == ')' && i > 0 && Character.isDigit(t.charAt(i - 1));
    }

    /**
     * A number of minutes right after {@code from}, past separators (":", "=", "-", and for a total "of", "was",
     * "is", for a service a short parenthesis): {minutes, end of the statement}, or null. "min", "mins", "minutes"
     * or "'" must follow the number, except after a total whose words already said "minutes" ("Total timed minutes
     * 35").
     */
    private static int[] minutesAfter(String t, int from, boolean service) {
        int i = from;
        for (int guard = 0; guard < 4 && i < t.length(); guard++) {
            i = skipSpace(t, i);
            if (i >= t.length()) {
                return null;
            }
            char c = t.charAt(i);
            if (c == ':' || c == '=' || c == '-' || c == '\u2013') {
                i++;
            } else if (c == '(' && service) {
                int close = t.indexOf(')', i);
                if (close < 0 || close - i > 24) {
                    return null;
                }
                i = close + 1;
            } else if (!service && (t.startsWith("of", i) || t.startsWith("was", i) || t.startsWith("is", i))
                    && wordEnd(t, i) - i <= 3 && !Character.isDigit(c)) {
                i = wordEnd(t, i);
            } else {
                break;
            }
        }
        int start = i;
        i = digitsEnd(t, i);
        if (i == start || i - start > 3) {
            return null;
        }
        int minutes = Integer.parseInt(t.substring(start, i));
        int u = skipSpace(t, i);
        int unitEnd = minuteUnitEnd(t, i, t.length());
        if (unitEnd > 0) {
            return new int[] {minutes, unitEnd};
        }
        // "Total timed minutes 35": the unit came before the number.
        if (!service && unitBefore(t, from)) {
            return followedByAnotherUnit(t, u) ? null : new int[] {minutes, i};
        }
        return null;
    }

    /** "35 min " (or "35min", "35' ") right before {@code at}: {minutes, start}, or null. */
    private static int[] minutesBefore(String t, int at) {
        int i = at - 1;
        while (i >= 0 && t.charAt(i) == ' ') {
            i--;
        }
        int unitEnd = i + 1;
        if (i >= 0 && minuteMark(t.charAt(i))) {
            i--;
        } else {
            while (i >= 0 && Character.isLetter(t.charAt(i))) {
                i--;
            }
        }
        while (i >= 0 && blank(t.charAt(i))) {
            i--;
        }
        int numEnd = i + 1;
        while (i >= 0 && Character.isDigit(t.charAt(i))) {
            i--;
        }
        if (numEnd - (i + 1) < 1 || numEnd - (i + 1) > 3 || i >= 0 && Character.isLetter(t.charAt(i))
                || minuteUnitEnd(t, numEnd, t.length()) != unitEnd) {
            return null;
        }
        return new int[] {Integer.parseInt(t.substring(i + 1, numEnd)), i + 1};
    }

    /**
     * The one definition of "a number followed by a minute unit", for the minutes read here and for the rules that
     * ask whether a sentence states minutes at all ({@link #statesMinutes}): the end of the unit after a number
     * that ends at {@code numberEnd}, within {@code limit}, or -1. The unit is
     * <ul>
     *   <li>"min", "mins", "minute" or "minutes", in any case, as a whole word (no letter after it), right after the
     *       number or after blanks (spaces, tabs, line breaks, non-breaking spaces): "25 min", "25min", "25\u00A0MIN",
     *       "25 minutes"; not "25 mini squats";</li>
     *   <li>a minute mark (straight or curly apostrophe, prime) right after the number, "23'" "23\u2019", or after
     *       blanks when no letter or digit follows it, "23 ' " (not the quote of "Borg 13 'somewhat hard'").</li>
     * </ul>
     */
    public static int minuteUnitEnd(CharSequence t, int numberEnd, int limit) {
        int end = Math.min(limit, t.length());
        int i = numberEnd;
        if (i < end && minuteMark(t.charAt(i))) {
            return i + 1;
        }
        while (i < end && blank(t.charAt(i))) {
            i++;
        }
        if (i == end) {
            return -1;
        }
        if (minuteMark(t.charAt(i))) {
            return i + 1 < end && Character.isLetterOrDigit(t.charAt(i + 1)) ? -1 : i + 1;
        }
        if (i + 3 > end || (t.charAt(i) | 0x20) != 'm' || (t.charAt(i + 1) | 0x20) != 'i'
                || (t.charAt(i + 2) | 0x20) != 'n') {
            return -1;
        }
        int w = i + 3;
        while (w < end && Character.isLetter(t.charAt(w))) {
            w++;
        }
        int rest = w - (i + 3);
        return rest == 0 || rest == 1 && (t.charAt(i + 3) | 0x20) == 's'
                || (rest == 3 || rest == 4) && (t.charAt(i + 3) | 0x20) == 'u' && (t.charAt(i + 4) | 0x20) == 't'
                && (t.charAt(i + 5) | 0x20) == 'e' && (rest == 3 || (t.charAt(i + 6) | 0x20) == 's') ? w : -1;
    }

    /**
     * Whether {@code [from, to)} states minutes: a number followed by a minute unit ({@link #minuteUnitEnd}: "x 10
     * min", "25min", "23'", "23\u2019"). Reads only the span, char by char: call it on a sentence, not a note.
     */
    public static boolean statesMinutes(CharSequence t, int from, int to) {
        int end = Math.min(to, t.length());
        int i = Math.max(from, 0);
        while (i < end) {
            if (!Character.isDigit(t.charAt(i))) {
                i++;
                continue;
            }
            while (i < end && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (minuteUnitEnd(t, i, end) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where the run of digits at {@code from} ends ({@code from} itself when no digit stands there). */
    public static int digitsEnd(CharSequence t, int from) {
        int i = from;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A minute mark: an apostrophe, straight or curly, or a prime. */
    private static boolean minuteMark(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2032';
    }

    /** What may stand between a number and its unit: whitespace or a non-breaking space. */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    /** Whether the words between a total and its number said "minutes" or "min". */
    private static boolean unitBefore(String t, int end) {
        int lo = Math.max(0, end - 40);
        String w = t.substring(lo, end).toLowerCase(java.util.Locale.ROOT).strip();
        return w.endsWith("minutes") || w.endsWith("min") || w.endsWith("mins");
    }

    /** A number followed by another unit ("35 s", "3 sets"): not minutes. */
    private static boolean followedByAnotherUnit(String t, int i) {
        return i < t.length() && Character.isLetter(t.charAt(i));
    }

    /**
     * Where {@code word} (lower-case ASCII letters) next stands as a whole word, its first letter in either case:
     * found by {@link String#indexOf(String, int)} on the rest of the word (a vectorized search; this runs over every
     * note), then the first letter and the word's edges checked.
     */
    private static int indexOfWord(String t, String word, int from) {
        int n = word.length();
        String rest = word.substring(1);
        char first = word.charAt(0);
        int found = -1;
        for (int k = t.indexOf(rest, from + 1); k > 0; k = t.indexOf(rest, k + 1)) {
            int i = k - 1;
            if ((t.charAt(i) | 0x20) == first && wholeWord(t, i, n)) {
                found = i;
                break;
            }
        }
        // "TOTAL" in capitals, the rare note written so: whichever comes first.
        String upper = word.toUpperCase(java.util.Locale.ROOT);
        for (int i = t.indexOf(upper, from); i >= 0 && (found < 0 || i < found); i = t.indexOf(upper, i + 1)) {
            if (wholeWord(t, i, n)) {
                return i;
            }
        }
        return found;
    }

    private static boolean wholeWord(String t, int i, int n) {
        return (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))
                && (i + n == t.length() || !Character.isLetterOrDigit(t.charAt(i + n)));
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String t, int i) {
        while (i < t.length() && Character.isLetter(t.charAt(i))) {
            i++;
        }
        return i;
    }
}
