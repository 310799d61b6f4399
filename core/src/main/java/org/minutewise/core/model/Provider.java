package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/** The clinician who furnished a service line. */
public record Provider(Optional<String> id, Role role, Optional<String> npi) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(npi, "npi");
    }

    public static Provider of(String id, Role role) {
        return new Provider(Optional.ofNullable(id), role, Optional.empty());
    }

    public static Provider of(Role role) {
        return new Provider(Optional.empty(), role, Optional.empty());
    }
}
