package org.minutewise.core.claim;

/**
 * How many of a code's units carry CQ/CO (RULES.md §4, de minimis): the assistant furnished more than 10% of a
 * billed unit. Only minutes the assistant furnished apart from the therapist count.
 *
 * <ol>
 *   <li>full 15-minute blocks go to whoever furnished them: an assistant's block carries CQ/CO;</li>
 *   <li>a remaining unit furnished partly by each carries no CQ/CO when the therapist alone furnished 8 minutes
 *       or more of it; otherwise it carries CQ/CO when the assistant's minutes are over 10% of it;</li>
 *   <li>when two units remain and each furnished 9-14 minutes of them (two units need 23 minutes or more, so each
 *       of two remainders under 15 is then at least 9), one unit carries CQ/CO and one does not.</li>
 * </ol>
 */
public final class DeMinimis {
    private DeMinimis() {
    }

    /**
     * @param units     the code's billed units
     * @param assistant minutes the assistant furnished alone
     * @param therapist minutes the therapist furnished (alone or together with the assistant)
     * @return the number of units that carry CQ/CO, 0..units
     */
    public static int assistantUnits(int units, int assistant, int therapist) {
        if (units <= 0 || assistant <= 0) {
            return 0;
        }
        if (therapist <= 0) {
            return units;
        }
        int aBlocks = assistant / 15;
        int tBlocks = therapist / 15;
        int aRem = assistant % 15;
        int tRem = therapist % 15;
        int remaining = units - aBlocks - tBlocks;
        int cq = Math.min(aBlocks, units);
        if (remaining <= 0) {
            return cq;
        }
        if (remaining == 1) {
            return cq + (remainingUnitIsAssistants(aRem, tRem) ? 1 : 0);
        }
        // Two (or, with odd input, more) units remain.
        if (aRem >= 8 && tRem >= 8) {
            return cq + remaining - 1;
        }
        if (tRem >= 8) {
            // The therapist's own minutes make one unit; the other holds the assistant's minutes and the rest.
            return cq + (remaining - 1) * (aRem * 10 > 15 ? 1 : 0);
        }
        return cq + remaining;
    }

    private static boolean remainingUnitIsAssistants(int aRem, int tRem) {
        if (tRem >= 8) {
            return false;
        }
        int unitMinutes = aRem + tRem;
        return unitMinutes > 0 && aRem * 10 > unitMinutes;
    }
}
