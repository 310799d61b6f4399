package org.minutewise.core.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the plain-words steps of a {@link UnitResult}. Only called when the text is wanted. */
public final class Explanations {
    private static final String[] NUMBER = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten"};
    private static final String[] ORDINAL = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};

    private Explanations() {
    }

    static List<String> explain(UnitResult r) {
        if (!r.byDiscipline().isEmpty()) {
            return byDiscipline(r);
        }
        List<String> out = new ArrayList<>();
        // A base code and its add-on documented together are explained as the one service they are.
        UnitResult v = r.pooledAddOns().isEmpty() ? r : pooledView(r);
        if (v.method() == UnitMethod.CMS) {
            cms(v, out);
        } else {
            cpt(v, out);
        }
        if (v != r) {
            List<String> pooling = new ArrayList<>();
            List<String> split = new ArrayList<>();
            r.pooledAddOns().forEach((addOn, base) -> {
                CodeUnits a = find(r, addOn);
                CodeUnits b = find(r, base);
                pooling.add(base + " and " + addOn + " are one service (the first 15 minutes, then each additional "
                        + "15): their " + b.minutes() + " + " + a.minutes() + " minutes count together as " + base
                        + "/" + addOn + ".");
                int u = a.units() + b.units();
                split.add(u == 0 ? base + "/" + addOn + " earns no unit." : u == 1 ? "The one unit of " + base + "/"
                        + addOn + " is " + (b.units() == 1 ? base : addOn) + "'s." : "Of the " + units(u) + " of "
                        + base + "/" + addOn + ", " + base + " takes " + (b.units() == 1 ? "the first" : "none")
                        + " and " + addOn + " " + (a.units() == 0 ? "none" : a.units() == 1 ? "the other"
                        : "the other " + a.units()) + ".");
            });
            out.addAll(1, pooling);
            out.addAll(split);
        }
        for (CodeUnits l : r.lines()) {
            if (l.kind() == CodeKind.UNTIMED) {
                out.add(l.code() + " is untimed (service based): 1 unit for the day whatever the minutes.");
            } else if (l.kind() == CodeKind.UNKNOWN) {
                out.add(l.code() + " is not in the code catalog: it is kept on the visit with 0 units until "
                        + "someone reviews it.");
            }
        }
        out.add("Result: " + summary(r) + ".");
        cognitiveClaim(r, out);
        return out;
    }

    /** A visit of several disciplines: each one's steps under its label, then the sum. */
    private static List<String> byDiscipline(UnitResult r) {
        List<String> out = new ArrayList<>();
        out.add("The visit holds " + String.join(" and ", r.byDiscipline().keySet()) + " services, each under its "
                + "own plan of care and modifier: each discipline's timed minutes are counted on their own, not "
                + "added to the other's.");
        r.byDiscipline().forEach((label, part) -> {
            for (String step : explain(part)) {
                out.add(label + ": " + step);
            }
        });
        out.add("Result for the visit: " + summary(r) + ".");
        return out;
    }

    /** When the claim bills 97129/97130 differently from the units by code, say how (RULES.md §1). */
    private static void cognitiveClaim(UnitResult r, List<String> out) {
        String split = Cognitive.claimSplit(r.unitsByCode());
        if (!split.isEmpty()) {
            out.add("On the claim: " + split + ": " + Cognitive.CLAIM_RULE + ".");
        }
    }

    private static void cms(UnitResult r, List<String> out) {
        out.add("Method: " + r.method().label() + ": the minutes of all timed codes are added up, then turned "
                + "into units by the minutes table.");
        int t = r.totalTimedMinutes();
        int n = r.timedUnits();
        List<CodeUnits> timed = timed(r);
        if (timed.isEmpty()) {
            out.add("No timed code was billed, so no timed units.");
            return;
        }
        if (n == 0) {
            out.add(t + " timed " + minutesWord(t) + " is under 8, so no timed unit can be billed; the minutes "
                    + "stay documented.");
            return;
        }
        out.add(t + " timed " + minutesWord(t) + " fall in " + range(n) + ", so " + units(n) + ".");
        if (timed.size() == 1) {
            CodeUnits c = timed.get(0);
            out.add((n == 1 ? "The unit goes to " : n == 2 ? "Both units go to " : "All " + units(n) + " go to ") + c.code()
                    + ", the only timed code.");
            return;
        }
        StringBuilder blocks = new StringBuilder();
        int fullTotal = 0;
        for (int i = 0; i < timed.size(); i++) {
            CodeUnits c = timed.get(i);
            fullTotal += c.fullBlocks();
            if (i > 0) {
                blocks.append(", ");
            }
            blocks.append(c.code()).append(i == 0 ? " has " : " ").append(blocksText(c.fullBlocks(), i == 0))
                    .append(" and ").append(c.leftover()).append(i == 0 ? " minutes left" : " left");
        }
        out.add(blocks + ".");
        int remaining = n - fullTotal;
        if (fullTotal > 0) {
            out.add("Full blocks give " + units(fullTotal) + "; " + (remaining == 0 ? "no unit remains"
                    : units(remaining) + (remaining == 1 ? " remains" : " remain")) + " for the minutes left over.");
        }
        if (remaining > 0) {
            List<String> winners = new ArrayList<>();
            for (CodeUnits c : timed) {
                if (c.extraUnit()) {
                    winners.add(c.code());
                }
            }
            // Order winners as allocated: most left over first.
            winners.sort((a, b) -> compareLeft(r, a, b));
            StringBuilder sb = new StringBuilder("The ");
            for (int k = 0; k < winners.size(); k++) {
                if (k > 0) {
                    sb.append(k == winners.size() - 1 ? " and " : ", ");
                }
                sb.append(ordinal(fullTotal + k + 1));
            }
            sb.append(winners.size() == 1 ? " unit goes to " : " units go to ").append(join(winners));
            sb.append(winners.size() == 1 ? ", which has " : ", which have ");
            sb.append(leftoverReason(r, winners)).append('.');
            out.add(sb.toString());
        }
        for (CodeUnits c : timed) {
            if (c.units() == 0) {
                out.add(c.minutes() == 0 ? c.code() + " ends with 0 units: it has no minutes that count."
                        : c.code() + " ends with 0 units; its " + c.minutes() + " " + minutesWord(c.minutes())
                        + " still count toward the total and stay documented.");
            }
        }
        if (r.professionalChoice()) {
            CodeUnits first = find(r, r.tiedCodes().get(0));
            StringBuilder sb = new StringBuilder();
            sb.append(join(r.tiedCodes())).append(r.tiedCodes().size() == 2 ? " both have " : " all have ")
                    .append(first.leftover()).append(" minutes left over and ").append(first.minutes())
                    .append(" minutes in all: CMS lets the qualified professional choose which gets the unit. ");
            List<String> defaults = new ArrayList<>();
            for (String code : r.tiedCodes()) {
                if (find(r, code).extraUnit()) {
                    defaults.add(code);
                }
            }
            // The default's reason: a code whose unit would carry no CQ/CO (paid in full rather than at 85%) before
            // one whose unit would, then the lowest code number. Not "the therapist alone": an assistant may have
            // furnished a de minimis part of the default's minutes.
            String why = !r.tiedWithAssistant().isEmpty()
                    ? (defaults.size() == 1 ? "its unit carries no CQ/CO and is paid in full, where a unit of "
                    + join(r.tiedWithAssistant()) + " would carry CQ/CO for the assistant's minutes"
                    : "codes whose unit carries no CQ/CO first (paid in full), then the lowest code numbers")
                    : defaults.size() == 1 ? "lowest code number" : "lowest code numbers";
            sb.append(defaults.size() == 1 ? "Minutewise gives it to " : "Minutewise gives one each to ")
                    .append(join(defaults)).append(" by default (").append(why).append("); the alternative")
                    .append(r.alternatives().size() == 1 ? " is " : "s are ");
            sb.append(alternatives(r)).append('.');
            out.add(sb.toString());
        }
    }

    private static void cpt(UnitResult r, List<String> out) {
        out.add("Method: " + r.method().label() + ": each code on its own; a unit is reached once its minutes "
                + "pass the midpoint (8 minutes for the first unit, then every 15 minutes). Minutes are not "
                + "pooled across codes.");
        for (CodeUnits c : timed(r)) {
            if (c.units() == 0) {
                out.add(c.code() + ": " + c.minutes() + " " + minutesWord(c.minutes())
                        + " is under 8, so 0 units; the minutes stay documented.");
            } else {
                out.add(c.code() + ": " + c.minutes() + " minutes fall in " + range(c.units()) + ", so "
                        + units(c.units()) + ".");
            }
        }
        if (!timed(r).isEmpty()) {
            int cms = UnitCalculator.unitsForMinutes(r.totalTimedMinutes());
            if (cms != r.timedUnits()) {
                out.add("For comparison, the CMS total-time method would pool the " + r.totalTimedMinutes()
                        + " timed minutes into " + units(cms) + "; Medicare, and payers that adopt its method, count that "
                        + "way.");
            }
        }
    }

    /** The result with each base and add-on pair as one line, named "base/add-on", for the explanation. */
    private static UnitResult pooledView(UnitResult r) {
        Map<String, String> pairs = r.pooledAddOns();
        Map<String, String> label = new java.util.HashMap<>();
        pairs.forEach((addOn, base) -> label.put(base, base + "/" + addOn));
        List<CodeUnits> lines = new ArrayList<>();
        for (CodeUnits c : r.lines()) {
            if (pairs.containsKey(c.code())) {
                continue;
            }
            String name = label.get(c.code());
            if (name == null) {
                lines.add(c);
                continue;
            }
            CodeUnits a = find(r, name.substring(name.indexOf('/') + 1));
            lines.add(new CodeUnits(name, c.kind(), c.minutes() + a.minutes(), c.units() + a.units(),
                    c.fullBlocks(), c.leftover(), c.extraUnit()));
        }
        List<String> tied = new ArrayList<>();
        for (String code : r.tiedCodes()) {
            tied.add(label.getOrDefault(code, code));
        }
        List<Map<String, Integer>> alternatives = new ArrayList<>();
        for (Map<String, Integer> alt : r.alternatives()) {
            Map<String, Integer> m = new java.util.LinkedHashMap<>();
            alt.forEach((code, u) -> {
                String base = pairs.get(code);
                if (base != null) {
                    m.merge(label.get(base), u, Integer::sum);
                } else {
                    m.merge(label.getOrDefault(code, code), u, Integer::sum);
                }
            });
            alternatives.add(m);
        }
        List<String> tiedWithAssistant = new ArrayList<>();
        for (String code : r.tiedWithAssistant()) {
            tiedWithAssistant.add(label.getOrDefault(code, code));
        }
        return new UnitResult(r.method(), r.totalTimedMinutes(), r.timedUnits(), r.totalUnits(), lines,
                r.professionalChoice(), tied, alternatives, Map.of(), tiedWithAssistant);
    }

    private static int compareLeft(UnitResult r, String a, String b) {
        CodeUnits x = find(r, a);
        CodeUnits y = find(r, b);
        if (x.leftover() != y.leftover()) {
            return Integer.compare(y.leftover(), x.leftover());
        }
        if (x.minutes() != y.minutes()) {
            return Integer.compare(y.minutes(), x.minutes());
        }
        return a.compareTo(b);
    }

    private static String leftoverReason(UnitResult r, List<String> winners) {
        // Find the best loser to compare with, if any.
        CodeUnits bestLoser = null;
        for (CodeUnits c : timed(r)) {
            if (!c.extraUnit() && c.leftover() > 0 && (bestLoser == null || compareLeft(r, c.code(),
                    bestLoser.code()) < 0)) {
                bestLoser = c;
            }
        }
        CodeUnits lastWinner = find(r, winners.get(winners.size() - 1));
        String more = winners.size() == 1 ? "more" : "the most";
        if (bestLoser == null) {
            return "minutes left over";
        }
        // Winners that stand apart from the best loser in different ways (one by its leftover, another only by a
        // tie) are said one by one: "97140 and 97110 have the same minutes left over as 97112" was wrong for 97140.
        Edge edge = edge(lastWinner, bestLoser);
        for (String w : winners) {
            if (edge(find(r, w), bestLoser) != edge) {
                List<String> each = new ArrayList<>();
                for (String x : winners) {
                    CodeUnits c = find(r, x);
                    each.add(x + " " + switch (edge(c, bestLoser)) {
                        case LEFTOVER -> "more left over (" + c.leftover() + " against " + bestLoser.leftover() + ")";
                        case MINUTES -> "as many left over but more minutes in all (" + c.minutes() + " against "
                                + bestLoser.minutes() + ")";
                        case TIE -> "the same minutes left over and in all (a tie: see the professional's choice "
                                + "below)";
                    });
                }
                return "these minutes against " + bestLoser.code() + ": " + String.join("; ", each);
            }
        }
        return switch (edge) {
            case LEFTOVER -> more + " left over (" + leftovers(r, winners) + " against " + bestLoser.leftover()
                    + " for " + bestLoser.code() + ")";
            case MINUTES -> "as many minutes left over as " + bestLoser.code() + " but more minutes in all ("
                    + lastWinner.minutes() + " against " + bestLoser.minutes() + ")";
            case TIE -> "the same minutes left over and in all as " + bestLoser.code() + " (a tie: see the "
                    + "professional's choice below)";
        };
    }

    /** How a code that got a unit stands against the best code that did not. */
    private enum Edge {
        /** More minutes left over. */
        LEFTOVER,
        /** As many left over, but more minutes in all. */
        MINUTES,
        /** The same minutes left over and in all. */
        TIE
    }

    private static Edge edge(CodeUnits winner, CodeUnits loser) {
        if (winner.leftover() > loser.leftover()) {
            return Edge.LEFTOVER;
        }
        return winner.minutes() > loser.minutes() ? Edge.MINUTES : Edge.TIE;
    }

    private static String leftovers(UnitResult r, List<String> codes) {
        List<String> parts = new ArrayList<>();
        for (String c : codes) {
            parts.add(String.valueOf(find(r, c).leftover()));
        }
        return String.join(" and ", parts);
    }

    private static List<CodeUnits> timed(UnitResult r) {
        List<CodeUnits> out = new ArrayList<>();
        for (CodeUnits c : r.lines()) {
            if (c.kind() == CodeKind.TIMED) {
                out.add(c);
            }
        }
        return out;
    }

    private static CodeUnits find(UnitResult r, String code) {
        for (CodeUnits c : r.lines()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalStateException("no line for " + code);
    }

    static String range(int units) {
        int lo = units * 15 - 7;
        int hi = units * 15 + 7;
        return lo + "-" + hi;
    }

    private static String units(int n) {
        return n + (n == 1 ? " unit" : " units");
    }

    private static String minutesWord(int n) {
        return n == 1 ? "minute" : "minutes";
    }

    private static String blocksText(int blocks, boolean first) {
        if (blocks == 0) {
            return "no full block";
        }
        String word = blocks < NUMBER.length ? NUMBER[blocks] : String.valueOf(blocks);
        if (first) {
            return word + " full 15-minute block" + (blocks == 1 ? "" : "s");
        }
        return word + (blocks == 1 ? " block" : " blocks");
    }

    private static String ordinal(int n) {
        return n < ORDINAL.length ? ORDINAL[n] : n + "th";
    }

    /** "a", "a and b", "a, b and c": the items as a sentence lists them. */
    public static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /**
     * A tie at the cut-off in {@code whose} count, as a sentence to end a message (" In Medicare's count, a tie at the
     * cut-off between 97116 and 97140 decides a unit: ... (the alternative is ...)."); empty without one (RULES.md
     * §3.1: the output says the choice is the professional's and lists the alternatives).
     */
    static String tieNote(UnitResult r, String whose) {
        if (!r.professionalChoice() || r.alternatives().isEmpty()) {
            return "";
        }
        return " In " + whose + ", a tie at the cut-off between " + join(r.tiedCodes()) + " decides a unit there: "
                + "which of them takes it is the qualified professional's choice (the alternative"
                + (r.alternatives().size() == 1 ? " is " : "s are ") + alternatives(r) + ").";
    }

    /** The other allocations a tie allows, "97112 x2, 97110 x1; or ...". */
    private static String alternatives(UnitResult r) {
        List<String> alts = new ArrayList<>();
        for (Map<String, Integer> alt : r.alternatives()) {
            alts.add(allocation(alt));
        }
        return String.join("; or ", alts);
    }

    /** An alternative allocation by code, with how the claim bills 97129/97130 when that differs (RULES.md §1). */
    private static String allocation(Map<String, Integer> alt) {
        List<String> parts = new ArrayList<>();
        alt.forEach((code, u) -> parts.add(code + " x" + u));
        String split = Cognitive.claimSplit(alt);
        return String.join(", ", parts) + (split.isEmpty() ? "" : " (on the claim " + split + ")");
    }

    private static String summary(UnitResult r) {
        List<String> parts = new ArrayList<>();
        for (CodeUnits c : r.lines()) {
            parts.add(c.code() + " x" + c.units());
        }
        return String.join(", ", parts) + " (" + units(r.totalUnits()) + " in all)";
    }
}
