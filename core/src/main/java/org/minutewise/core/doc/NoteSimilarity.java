package org.minutewise.core.doc;

/**
 * How alike two notes are, word by word: {@code 2 * LCS / (n + m)}, where n and m are the notes' numbers of words
 * and LCS is the longest run of words the two share in the same order (not necessarily adjacent). Words are runs
 * of letters and digits, compared case-insensitively, punctuation and spacing ignored; within a word every run of
 * digits counts as one and the same symbol, so "Berg 38/56" and "Berg 41/56", "25 min" and "23 min", or two
 * dates are the same words.
 *
 * <p>So a note copied with its date, a score or the minutes changed is 1.0: the same words in the same order, only
 * the numbers differ. A changed word costs that word (the previous note loses it, today's gains another: 2 of
 * n + m), an added or dropped word costs one; a note of 100 words with five words changed is 0.95. A note of the
 * same template with today's findings, activities, cues and response differs in many words and falls well below.
 *
 * <p>The LCS comes from Myers' O((n + m) D) difference algorithm, D being the words to drop and add, after the
 * shared beginning and end are set aside; {@link #similarity(String, String, double)} stops once D shows the
 * result is below a floor, so two notes written afresh cost little more than reading them.
 */
public final class NoteSimilarity {
    /** What every run of digits in a word hashes as. */
    private static final char NUMBER = '#';
    /** Per ASCII character: 0 a separator, {@link #NUMBER} a digit, else the lower-case letter. */
    private static final char[] ASCII = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = Character.isDigit(c) ? NUMBER : Character.isLetter(c) ? Character.toLowerCase(c) : 0;
        }
    }

    private NoteSimilarity() {
    }

    /** The similarity in [0, 1]; 1.0 for two texts with no words at all. */
    public static double similarity(String a, String b) {
        return similarity(a, b, 0.0);
    }

    /**
     * The similarity when it is at least {@code floor}; otherwise some value below {@code floor} (the work stops
     * as soon as the result is known to be below it).
     */
    public static double similarity(String a, String b, double floor) {
        long[] x = words(a);
        long[] y = words(b);
        int n = (int) x[x.length - 1];
        int m = (int) y[y.length - 1];
        int total = n + m;
        if (total == 0) {
            return 1.0;
        }
        int limit = (int) Math.floor((1.0 - Math.max(0.0, floor)) * total + 1e-9);
        int d = differences(x, y, limit);
        if (d < 0) {
            return Math.max(0.0, 1.0 - (double) (limit + 1) / total);
        }
        return 1.0 - (double) d / total;
    }

    /**
     * How much of {@code earlier} reappears in {@code later}, word by word in the same order: LCS / (the earlier
     * text's words), in [0, 1] (1.0 for an earlier text without words). A note copied forward with new sentences
     * added keeps all of the earlier one: 1.0, where {@link #similarity} falls with every word added. Returns some
     * value below {@code floor} once it is known to be below it.
     */
    public static double containment(String later, String earlier, double floor) {
        long[] x = words(later);
        long[] y = words(earlier);
        int n = (int) x[x.length - 1];
        int m = (int) y[y.length - 1];
        if (m == 0) {
            return 1.0;
        }
        // LCS >= floor * m  <=>  D = n + m - 2 LCS <= n + m - 2 floor m.
        int limit = (int) Math.floor(n + m - 2.0 * Math.max(0.0, floor) * m + 1e-9);
        if (limit < 0) {
            return 0.0;
        }
        int d = differences(x, y, limit);
        if (d < 0) {
            return Math.max(0.0, Math.min(floor, (double) (n + m - limit - 1) / (2.0 * m)) - 1e-9);
        }
        return (n + m - d) / (2.0 * m);
    }

    /** The number of words in a text, as {@link #similarity} counts them. */
    public static int wordCount(String s) {
        long[] w = words(s);
        return (int) w[w.length - 1];
    }

    /**
     * The words of a text as 64-bit hashes, the count in the last slot (so one array serves): words are runs of
     * letters and digits, lower case, each run of digits one symbol.
     */
    static long[] words(String s) {
        int n = s.length();
        long[] out = new long[Math.max(4, n / 3 + 2)];
        int count = 0;
        long h = 0;
        boolean in = false;
        boolean digits = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            char k = c < 128 ? ASCII[c] : !Character.isLetterOrDigit(c) ? 0
                    : Character.isDigit(c) ? NUMBER : Character.toLowerCase(c);
            if (k != 0) {
                if (k == NUMBER) {
                    if (!digits) {
                        h = h * 31 + NUMBER;
                        digits = true;
                    }
                } else {
                    h = h * 31 + k;
                    digits = false;
                }
                in = true;
            } else if (in) {
                if (count == out.length - 1) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[count++] = mix(h);
                h = 0;
                in = false;
                digits = false;
            }
        }
        out[out.length - 1] = count;
        return out;
    }

    /**
     * The fewest words to drop from and add to the word hashes {@code x} to make {@code y} (each with its count in the
     * last slot), the shared beginning and end set aside first; -1 when that is more than {@code limit}.
     */
    private static int differences(long[] x, long[] y, int limit) {
        int n = (int) x[x.length - 1];
        int m = (int) y[y.length - 1];
        int prefix = 0;
        while (prefix < n && prefix < m && x[prefix] == y[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && x[n - 1 - suffix] == y[m - 1 - suffix]) {
            suffix++;
        }
        return differences(x, prefix, n - suffix, y, prefix, m - suffix, limit);
    }

    /**
     * Myers' greedy forward search: the fewest words to drop from x[xFrom, xTo) and add from y[yFrom, yTo) to turn
     * one into the other, or -1 when that is more than {@code limit}.
     */
    private static int differences(long[] x, int xFrom, int xTo, long[] y, int yFrom, int yTo, int limit) {
        int n = xTo - xFrom;
        int m = yTo - yFrom;
        if (Math.abs(n - m) > limit) {
            return -1;
        }
        if (n == 0 || m == 0) {
            return n + m;
        }
        int max = Math.min(limit, n + m);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        for (int d = 0; d <= max; d++) {
            for (int k = -d; k <= d; k += 2) {
                int i;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    i = v[offset + k + 1];
                } else {
                    i = v[offset + k - 1] + 1;
                }
                int j = i - k;
                while (i < n && j < m && x[xFrom + i] == y[yFrom + j]) {
                    i++;
                    j++;
                }
                v[offset + k] = i;
                if (i >= n && j >= m) {
                    return d;
                }
            }
        }
        return -1;
    }

    /** A 64-bit finalizer (SplitMix64), so similar words do not give similar hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
