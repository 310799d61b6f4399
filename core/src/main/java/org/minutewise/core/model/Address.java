package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/** A postal address (billing provider or patient). */
public record Address(String line1, Optional<String> line2, String city, String state, String zip) {
    public Address {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(line2, "line2");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zip, "zip");
    }
}
