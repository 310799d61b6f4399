package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The plan of care's certification (or recertification) period and the certifying physician. */
public record Certification(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> physician) {
    public Certification {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(physician, "physician");
    }
}
