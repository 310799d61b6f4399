package org.minutewise.core.units;

/**
 * Cognitive function intervention (RULES.md §1): 97129 for the first 15 minutes (one unit at most), each additional
 * 15 minutes on its add-on 97130, which is never billed without 97129. The units the minutes earn are counted for
 * the two together; this is how the claim splits them.
 */
public final class Cognitive {
    public static final String BASE = "97129";
    public static final String ADD_ON = "97130";

    private Cognitive() {
    }

    /** 97129 or 97130. */
    public static boolean isPair(String code) {
        return code.equals(BASE) || code.equals(ADD_ON);
    }

    /** Whether two codes are the same service's minutes: the same code, or 97129 and 97130. */
    public static boolean sameService(String a, String b) {
        return a.equals(b) || isPair(a) && isPair(b);
    }

    /** The claim's units of 97129: one when the pair earned any. */
    public static int baseUnits(int total) {
        return Math.min(1, total);
    }

    /** The claim's units of 97130: all but the first. */
    public static int addOnUnits(int total) {
        return Math.max(0, total - 1);
    }

    /** How the claim bills the pair, in a sentence (RULES.md §1). */
    public static final String CLAIM_RULE = BASE + " is billed once, for the first 15 minutes, and each additional 15 "
            + "minutes goes on " + ADD_ON + ", which is never billed without " + BASE;

    /**
     * How the claim bills the units of 97129/97130 by code ("97129 x1 and 97130 x2") when that differs from the
     * units by code; empty when it does not, or when the pair has no unit.
     */
    public static String claimSplit(java.util.Map<String, Integer> unitsByCode) {
        int base = unitsByCode.getOrDefault(BASE, 0);
        int addOn = unitsByCode.getOrDefault(ADD_ON, 0);
        int total = base + addOn;
        int b = baseUnits(total);
        int a = addOnUnits(total);
        if (total == 0 || base == b && addOn == a) {
            return "";
        }
        return BASE + " x" + b + (a > 0 ? " and " + ADD_ON + " x" + a : "");
    }
}
