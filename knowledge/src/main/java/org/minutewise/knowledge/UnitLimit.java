package org.minutewise.knowledge;

import java.util.Objects;

/**
 * A medically unlikely edit (MUE): the most units of a code per patient per day.
 *
 * @param indicator the MUE adjudication indicator ("1" line, "2" date of service by policy, "3" date of
 *                  service by clinical benchmark); "" when the table does not state it
 */
public record UnitLimit(String code, int units, String indicator, String note, String source) {
    public UnitLimit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        if (units < 0) {
            throw new IllegalArgumentException("units must be 0 or more: " + units);
        }
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("MUE ").append(units).append(" unit").append(units == 1 ? "" : "s").append(" of ").append(code)
                .append(" per patient per day");
        if (!indicator.isEmpty()) {
            sb.append(" (adjudication indicator ").append(indicator).append(')');
        }
        sb.append('.');
        if (!note.isEmpty()) {
            sb.append(' ').append(note);
        }
        return sb.toString();
    }
}
