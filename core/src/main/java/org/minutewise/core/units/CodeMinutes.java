package org.minutewise.core.units;

import java.util.Objects;

/**
 * Minutes documented for one code (several lines of the same code may be given; they add up). {@code assistant}: a
 * unit of the code may carry CQ/CO (paid at 85%) for an assistant's (PTA, OTA) minutes ({@code VisitChecker} marks
 * only the codes whose unit beyond their full blocks would); a tie at the cut-off goes by default to a code not
 * marked.
 */
public record CodeMinutes(String code, int minutes, boolean assistant) {
    public CodeMinutes {
        Objects.requireNonNull(code, "code");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
    }

    /** Minutes no assistant furnished (a unit count of codes and minutes alone). */
    public CodeMinutes(String code, int minutes) {
        this(code, minutes, false);
    }
}
