package org.minutewise.knowledge;

import java.util.Objects;

/**
 * An NCCI procedure-to-procedure pair as the knowledge base shows it on both code cards.
 *
 * @param column1   the column-one code
 * @param column2   the column-two code (the one that takes 59/X when the edit may be bypassed)
 * @param indicator the modifier indicator: "0" no modifier bypasses, "1" 59/X allowed, "9" deleted; "" unknown
 * @param note      what a biller should know about the pair, in our words
 * @param source    where the pair comes from (a starter table stated from RULES.md §5, or a CMS edit file)
 */
public record PairEdit(String column1, String column2, String indicator, String note, String source) {
    public PairEdit {
        Objects.requireNonNull(column1, "column1");
        Objects.requireNonNull(column2, "column2");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
    }

    public boolean touches(String code) {
        return column1.equals(code) || column2.equals(code);
    }

    /** The sentence on a card: "97530 / 97140: column two 97140 takes 59 or XU ...". */
    /** Manipulation (98940-98942) and a therapy code it includes: bypassed by a region, not a time interval. */
    public boolean byRegion() {
        return org.minutewise.core.claim.NcciAnalysis.regionPair(column1, column2);
    }

    /** The code the bypass modifier goes on: column two, or the therapy code of a manipulation pair. */
    public String modified() {
        return org.minutewise.core.claim.NcciAnalysis.modifiedCode(column1, column2);
    }

    /** The other code of the pair: the manipulation of a manipulation pair, else column one. */
    public String other() {
        return modified().equals(column1) ? column2 : column1;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Column one ").append(column1).append(", column two ").append(column2);
        if (byRegion() && !indicator.equals("0") && !indicator.equals("9")) {
            sb.append(" (XS or 59 on ").append(modified()).append(" bypasses it only when ").append(modified())
                    .append(" treated a body region the manipulation did not: in a region manipulated the same day "
                            + "it is part of the manipulation).");
            if (!note.isEmpty()) {
                sb.append(' ').append(note);
            }
            return sb.toString();
        }
        switch (indicator) {
            case "0" -> sb.append(" (modifier indicator 0: no modifier bypasses it)");
            case "1" -> sb.append(" (modifier indicator 1: 59 or an X modifier on ").append(column2)
                    .append(" bypasses it when the services were in different time intervals)");
            case "9" -> sb.append(" (deleted edit)");
            default -> sb.append(" (59 or an X modifier on ").append(column2).append(" bypasses it only when the "
                    + "services were in different time intervals; this table does not state the modifier indicator)");
        }
        sb.append('.');
        if (!note.isEmpty()) {
            sb.append(' ').append(note);
        }
        return sb.toString();
    }
}
