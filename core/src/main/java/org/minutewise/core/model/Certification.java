package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan of care's certification (or recertification) period and the certifying physician or NPP: a name,
 * and the NPI that Medicare wants on the therapy claim (the 837P's referring provider, the 837I's attending one).
 */
public record Certification(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> physician,
                            Optional<String> physicianNpi) {
    public Certification {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(physician, "physician");
        Objects.requireNonNull(physicianNpi, "physicianNpi");
    }

    /** A certification whose physician's NPI is not known. */
    public Certification(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> physician) {
        this(from, to, physician, Optional.empty());
    }
}
