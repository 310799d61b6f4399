package org.minutewise.core.doc;

import java.util.Arrays;

/**
 * How alike two notes are: the Jaccard similarity of their sets of word 3-shingles (three consecutive words,
 * case-insensitive, punctuation ignored). 1.0 for the same words in the same order, near 1.0 for a note copied
 * with a date or a number changed, low for notes written afresh. Notes under three words compare single words.
 */
public final class NoteSimilarity {
    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private NoteSimilarity() {
    }

    /** Jaccard similarity in [0, 1]; 1.0 for two texts with no words at all. */
    public static double jaccard(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        long[] wa = words(a);
        long[] wb = words(b);
        int k = Math.min(SHINGLE, Math.min(count(wa), count(wb)));
        if (k == 0) {
            return count(wa) == count(wb) ? 1.0 : 0.0;
        }
        long[] sa = shingles(wa, k);
        long[] sb = shingles(wb, k);
        int na = unique(sa);
        int nb = unique(sb);
        int both = 0;
        int i = 0;
        int j = 0;
        while (i < na && j < nb) {
            if (sa[i] == sb[j]) {
                both++;
                i++;
                j++;
            } else if (sa[i] < sb[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) both / (na + nb - both);
    }

    /** The word hashes of a text; slot 0 holds the count. */
    private static long[] words(String s) {
        long[] out = new long[1 + Math.max(4, s.length() / 5)];
        int n = 0;
        long h = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (PhraseMatcher.isWord(c)) {
                h = h * 1_000_003L + Character.toLowerCase(c);
                in = true;
            } else if (in) {
                if (n + 1 == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[++n] = mix(h);
                h = 0;
                in = false;
            }
        }
        if (in) {
            if (n + 1 == out.length) {
                out = Arrays.copyOf(out, out.length + 1);
            }
            out[++n] = mix(h);
        }
        out[0] = n;
        return out;
    }

    private static int count(long[] words) {
        return (int) words[0];
    }

    private static long[] shingles(long[] words, int k) {
        int n = count(words) - k + 1;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long h = 0;
            for (int j = 0; j < k; j++) {
                h = mix(h * 31 + words[1 + i + j]);
            }
            out[i] = h;
        }
        return out;
    }

    /** Sorts in place and moves the distinct values to the front; returns how many there are. */
    private static int unique(long[] a) {
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == 0 || a[i] != a[i - 1]) {
                a[n++] = a[i];
            }
        }
        return n;
    }

    /** A 64-bit finalizer (SplitMix64), so similar words do not give similar hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
