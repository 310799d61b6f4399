package org.minutewise.core.doc;

/**
 * How alike two notes are: the Jaccard similarity of their sets of word 3-shingles (three consecutive words,
 * case-insensitive, punctuation ignored). 1.0 for the same words in the same order, near 1.0 for a note copied
 * with a date or a number changed, low for a note written afresh. When a note has fewer than three words, both
 * notes are compared by shingles of that many words.
 *
 * <p>The sets are kept as bitmaps of shingle hashes, 16 bits per character of the longer note (some 100 bits per
 * shingle), so no sorting or hash table is needed; a collision can only make two notes look alike, and at that
 * size moves the result by well under one percent.
 */
public final class NoteSimilarity {
    /** Words per shingle. */
    public static final int SHINGLE = 3;

    private static final long[] ASCII_LOWER = new long[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_LOWER[c] = Character.isLetterOrDigit((char) c) ? Character.toLowerCase((char) c) : -1;
        }
    }

    private NoteSimilarity() {
    }

    /** Jaccard similarity in [0, 1]; 1.0 for two texts with no words at all. */
    public static double jaccard(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int bits = Integer.highestOneBit(Math.max(1024, 16 * Math.max(a.length(), b.length())) - 1) << 1;
        long[] sa = new long[bits >>> 6];
        long[] sb = new long[bits >>> 6];
        int wa = shingles(a, SHINGLE, sa, bits - 1);
        int wb = shingles(b, SHINGLE, sb, bits - 1);
        if (wa < SHINGLE || wb < SHINGLE) {
            // A note of one or two words: compare by shingles of that many words.
            int k = Math.min(wa, wb);
            if (k == 0) {
                return wa == wb ? 1.0 : 0.0;
            }
            java.util.Arrays.fill(sa, 0);
            java.util.Arrays.fill(sb, 0);
            shingles(a, k, sa, bits - 1);
            shingles(b, k, sb, bits - 1);
        }
        int both = 0;
        int either = 0;
        for (int i = 0; i < sa.length; i++) {
            both += Long.bitCount(sa[i] & sb[i]);
            either += Long.bitCount(sa[i] | sb[i]);
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    /** Sets one bit per k-shingle of the text's words; returns the number of words. */
    private static int shingles(String s, int k, long[] set, int mask) {
        long w1 = 0;
        long w2 = 0;
        long h = 0;
        int words = 0;
        boolean in = false;
        int n = s.length();
        for (int i = 0; i <= n; i++) {
            long c = -1;
            if (i < n) {
                char ch = s.charAt(i);
                c = ch < 128 ? ASCII_LOWER[ch] : Character.isLetterOrDigit(ch) ? Character.toLowerCase(ch) : -1;
            }
            if (c >= 0) {
                h = h * 31 + c;
                in = true;
            } else if (in) {
                long w = mix(h);
                words++;
                if (words >= k) {
                    long sh = k == 1 ? w : k == 2 ? mix(w2 * 0x9E3779B97F4A7C15L + w)
                            : mix((w1 * 0x9E3779B97F4A7C15L + w2) * 0x9E3779B97F4A7C15L + w);
                    int bit = (int) sh & mask;
                    set[bit >>> 6] |= 1L << bit;
                }
                w1 = w2;
                w2 = w;
                h = 0;
                in = false;
            }
        }
        return words;
    }

    /** A 64-bit finalizer (SplitMix64), so similar words do not give similar hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
