package org.minutewise.core.claim;

import java.util.ArrayList;
import java.util.List;

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
     * Whether the first 15 minutes of a session, by minute of the day, make a full-rate unit by this standard: the
     * therapist's minutes (alone or with the assistant) and the assistant's alone among the first 15 minutes either
     * furnished. The cognitive pair's first unit (97129) is judged so, in the claim and in the audit's cuts alike.
     */
    public static boolean firstUnitIsTherapists(java.util.BitSet therapist, java.util.BitSet assistant) {
        java.util.BitSet any = (java.util.BitSet) therapist.clone();
        any.or(assistant);
        int a = 0;
        int t = 0;
        for (int m = any.nextSetBit(0), seen = 0; m >= 0 && seen < 15; m = any.nextSetBit(m + 1), seen++) {
            if (therapist.get(m)) {
                t++;
            } else {
                a++;
            }
        }
        return assistantUnits(1, a, t) == 0;
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

    /**
     * The same decision in words, for an auditor: how many of {@code units} carry {@code modifier} and why. The
     * count it states is {@link #assistantUnits} (a property test holds them equal).
     *
     * @param assistantLabel the assistant as the sentence names them ("the PTA"; "the PTAs" for two or more)
     * @param therapistLabel the therapist ("the PT"; "the PTs")
     */
    public static String explain(String code, int units, int assistant, int therapist, String modifier,
                                 String assistantLabel, String therapistLabel) {
        int cq = assistantUnits(units, assistant, therapist);
        if (units <= 0) {
            return code + ": no unit, so nothing carries " + modifier + ".";
        }
        StringBuilder sb = new StringBuilder(code).append(", ").append(units).append(units == 1 ? " unit" : " units");
        if (therapist <= 0) {
            return sb.append(", all furnished by ").append(assistantLabel).append(" (").append(assistant)
                    .append(" min): ").append(units == 1 ? "it carries " : "every unit carries ").append(modifier)
                    .append(" (CMS Pub 100-04 ch. 5 §20.1).").toString();
        }
        sb.append(" (").append(assistantLabel).append(" alone ").append(assistant).append(" min, ")
                .append(therapistLabel).append(' ').append(therapist).append(" min): ");
        {
            int aBlocks = assistant / 15;
            int tBlocks = therapist / 15;
            int aRem = assistant % 15;
            int tRem = therapist % 15;
            int remaining = units - aBlocks - tBlocks;
            List<String> parts = new ArrayList<>();
            if (aBlocks > 0) {
                parts.add(possessive(assistantLabel) + " " + blocks(Math.min(aBlocks, units)) + " with " + modifier);
            }
            if (tBlocks > 0 && remaining >= 0) {
                parts.add(possessive(therapistLabel) + " " + blocks(tBlocks) + " without " + modifier);
            }
            if (remaining == 1) {
                String left = aBlocks + tBlocks == 0 ? "" : " left";
                String holds = (aBlocks + tBlocks == 0 ? "the unit holds " : "the last unit holds ")
                        + (aRem == 0 && tRem == 0 ? "no minutes left of either (other minutes earned it)"
                        : aRem == 0 ? "only " + possessive(therapistLabel) + " " + minutes(tRem) + left
                        : tRem == 0 ? "only " + possessive(assistantLabel) + " " + minutes(aRem) + left
                        : possessive(assistantLabel) + " " + minutes(aRem) + left + " and " + possessive(therapistLabel) + " " + tRem)
                        + ": ";
                if (tRem >= 8) {
                    parts.add(holds + therapistLabel + " furnished 8 minutes or more of it, so it carries no "
                            + modifier);
                } else if (aRem * 10 > aRem + tRem) {
                    parts.add(holds + assistantLabel + " furnished more than 10% of it, so it carries " + modifier);
                } else {
                    parts.add(holds + assistantLabel + " furnished 10% of it or less, so it carries no " + modifier);
                }
            } else if (remaining > 2) {
                parts.add("the " + remaining + " units left hold " + possessive(assistantLabel) + " " + minutes(aRem)
                        + " and " + possessive(therapistLabel) + " " + tRem);
            } else if (remaining == 2) {
                String left = "the " + remaining + " units left hold " + possessive(assistantLabel) + " " + minutes(aRem)
                        + " and " + possessive(therapistLabel) + " " + tRem + ": ";
                if (aRem >= 8 && tRem >= 8) {
                    parts.add(left + "each furnished enough for a unit, so one carries " + modifier + " and one "
                            + "does not");
                } else if (tRem >= 8) {
                    parts.add(left + possessive(therapistLabel) + " minutes make one unit without " + modifier + "; the other "
                            + (aRem * 10 > 15 ? "holds more than 10% from " + assistantLabel + ", so it carries "
                            + modifier : "holds 10% or less from " + assistantLabel + ", so it carries none"));
                } else {
                    parts.add(left + "they are " + assistantLabel + "'s, so they carry " + modifier);
                }
            }
            sb.append(String.join("; ", parts));
        }
        if (units == 1) {
            // The one unit's sentence already says whether it carries the modifier.
            return sb.append(" (de minimis: more than 10% of a unit by the assistant; CMS Pub 100-04 ch. 5 §20.1).")
                    .toString();
        }
        sb.append(". So ");
        if (cq == units) {
            sb.append(units == 1 ? "the unit carries " : "every unit carries ").append(modifier);
        } else if (cq == 0) {
            sb.append(units == 1 ? "the unit carries no " : "no unit carries ").append(modifier);
        } else {
            sb.append(cq).append(cq == 1 ? " unit carries " : " units carry ").append(modifier).append(" and ")
                    .append(units - cq).append(units - cq == 1 ? " does" : " do").append(" not");
        }
        sb.append(" (de minimis: more than 10% of a unit by the assistant; CMS Pub 100-04 ch. 5 §20.1).");
        return sb.toString();
    }

    /** "the PTA's", "the PTAs'" (two assistants' minutes together). */
    private static String possessive(String label) {
        return label.endsWith("s") ? label + "'" : label + "'s";
    }

    private static String minutes(int n) {
        return n + (n == 1 ? " minute" : " minutes");
    }

    private static String blocks(int n) {
        return n == 1 ? "full 15-minute block is a unit" : n + " full 15-minute blocks are units";
    }
}
