package org.minutewise.core.edits;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A medically unlikely edit: the most units of a code per patient per day.
 *
 * @param adjudicationIndicator 1 per claim line; 2 per date of service, by policy; 3 per date of service,
 *                              by clinical benchmark
 */
public record Mue(String code, int maxUnits, int adjudicationIndicator, String rationale, LocalDate effective) {
    public Mue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(effective, "effective");
        if (maxUnits < 0) {
            throw new IllegalArgumentException("MUE value must not be negative");
        }
        if (adjudicationIndicator < 1 || adjudicationIndicator > 3) {
            throw new IllegalArgumentException("MUE adjudication indicator must be 1, 2 or 3");
        }
    }

    public String indicatorText() {
        return switch (adjudicationIndicator) {
            case 1 -> "1, per claim line";
            case 2 -> "2, per date of service, policy";
            default -> "3, per date of service, clinical benchmark";
        };
    }
}
