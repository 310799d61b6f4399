package org.minutewise.core.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;

/**
 * What a medically unlikely edit denies on a claim (RULES.md §5; MW-E006): a claim line over a line MUE (adjudication
 * indicator 1) is denied whole, and when a code's lines of the day add up to more than a date-of-service MUE (2 or 3)
 * every line of the code is. Medicare pays nothing for such a line, and an ABN does not shift its cost to the patient
 * (RULES.md §4): the estimate prices it at $0 and it counts toward no KX threshold.
 */
public final class MueDenial {
    private MueDenial() {
    }

    /**
     * A code billed over its MUE: the units held against it (its largest claim line for a line MUE, the day's lines
     * added up for a date-of-service MUE) and the MUE.
     */
    public record Over(String code, int units, Mue mue) {
        /** A line MUE (adjudication indicator 1): each claim line is held to it, not the day. */
        public boolean perLine() {
            return mue.adjudicationIndicator() == 1;
        }

        /** Whether the MUE denies this claim line: a line of the code over a line MUE, any line of it otherwise. */
        public boolean denies(ClaimLine l) {
            return l.code().equals(code) && (!perLine() || l.units() > mue.maxUnits());
        }

        /**
         * Why the lines it denies are not priced, in a biller's words: "97112: denied whole by its MUE (4 a day), not
         * priced"; with two lines of the code that day, "97112: its 2 lines (5 units) denied whole by ..."; for a line
         * MUE, the line's units ("97110: the line of 7 units denied whole by its MUE (6 a line), not priced").
         */
        public String why(List<ClaimLine> denied) {
            StringBuilder sb = new StringBuilder(code).append(": ");
            if (perLine()) {
                List<String> units = new ArrayList<>(denied.size());
                denied.forEach(l -> units.add(Integer.toString(l.units())));
                sb.append(denied.size() == 1 ? "the line of " : "its lines of ")
                        .append(org.minutewise.core.units.Explanations.join(units))
                        .append(" units denied whole by its MUE (").append(mue.maxUnits()).append(" a line)");
            } else {
                sb.append(denied.size() == 1 ? "" : "its " + denied.size() + " lines (" + units + " units) ")
                        .append("denied whole by its MUE (").append(mue.maxUnits()).append(" a day)");
            }
            return sb.append(", not priced").toString();
        }
    }

    /**
     * The codes of the claim's lines billed over their MUE, in the order of their first line. The units a code's MUE
     * is held against: the day's (the lines of the code added up) for a date-of-service MUE (indicator 2 or 3), the
     * largest single claim line for a line MUE (indicator 1). Empty without a table.
     */
    public static List<Over> over(List<ClaimLine> lines, MueTable table, LocalDate date) {
        // A claim has a handful of lines: each code's units are added up over its lines in place, no map.
        List<Over> over = List.of();
        if (table == null) {
            return over;
        }
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).code();
            if (seenBefore(lines, i, code)) {
                continue;
            }
            Optional<Mue> found = table.find(code, date);
            if (found.isEmpty()) {
                continue;
            }
            Mue m = found.get();
            int total = 0;
            int largestLine = Integer.MIN_VALUE;
            for (int j = i; j < lines.size(); j++) {
                ClaimLine l = lines.get(j);
                if (l.code().equals(code)) {
                    total += l.units();
                    largestLine = Math.max(largestLine, l.units());
                }
            }
            int units = m.adjudicationIndicator() == 1 ? largestLine : total;
            if (units > m.maxUnits()) {
                if (over.isEmpty()) {
                    over = new ArrayList<>(2);
                }
                over.add(new Over(code, units, m));
            }
        }
        return over;
    }

    /** The MUE that denies the line, or null: most lines are denied by none. */
    public static Over denying(ClaimLine l, List<Over> over) {
        for (Over o : over) {
            if (o.denies(l)) {
                return o;
            }
        }
        return null;
    }

    /** Whether a line before {@code i} has the code. */
    private static boolean seenBefore(List<ClaimLine> lines, int i, String code) {
        for (int j = 0; j < i; j++) {
            if (lines.get(j).code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
