package org.minutewise.core.model;

import java.util.Optional;

/** How the clinician attended the patient during a service's minutes. */
public enum Mode {
    ONE_ON_ONE("one-on-one"),
    GROUP("group"),
    SUPERVISED("supervised");

    /** {@link #values()} copies its array on every call; parsing runs for every row of a batch audit. */
    private static final Mode[] ALL = values();

    private final String wire;

    Mode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Mode> parse(String text) {
        for (Mode m : ALL) {
            if (m.wire.equalsIgnoreCase(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
