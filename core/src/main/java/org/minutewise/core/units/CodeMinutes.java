package org.minutewise.core.units;

import java.util.Objects;

/** Minutes documented for one code (several lines of the same code may be given; they add up). */
public record CodeMinutes(String code, int minutes) {
    public CodeMinutes {
        Objects.requireNonNull(code, "code");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
    }
}
