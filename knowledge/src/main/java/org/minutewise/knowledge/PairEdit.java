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
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Column one ").append(column1).append(", column two ").append(column2);
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
