package org.minutewise.core;

import java.util.Collection;

/** Names a user may have misspelled: the edit distance between two names, and the known name nearest to one. */
public final class Spelling {
    private Spelling() {
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The known name nearest to {@code name}, ignoring case: the one it is within a third of its length of (at least
     * 1 edit, at most 3), or that it begins or that begins it; null when none is.
     */
    public static String nearest(String name, Collection<String> known) {
        String f = name.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String kf = k.toLowerCase(java.util.Locale.ROOT);
            int d = kf.equals(f) ? 0 : f.length() >= 3 && (kf.startsWith(f) || f.startsWith(kf)) ? 1
                    : distance(f, kf);
            if (d <= Math.min(3, Math.max(1, kf.length() / 3)) && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }
}
