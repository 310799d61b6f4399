package org.minutewise.knowledge;

import java.util.Optional;

/** What a card is about. The wire name is what JSON and the CLI show. */
public enum Kind {
    /** A CPT or HCPCS procedure code (id: the bare code, 97112, G0283). */
    CODE("code"),
    /** A claim-line modifier of RULES.md §4 (id: the bare modifier, GP, 59). */
    MODIFIER("modifier"),
    /** A finding of the engine's rule catalog (MW-U001) or a rule of the rulebook (cms-total-time). */
    RULE("rule"),
    /** An ICD-10-CM category relevant to therapy (id: the category, I69, R26.8). */
    DIAGNOSIS("diagnosis");

    private final String wire;

    Kind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Kind> parse(String text) {
        for (Kind k : values()) {
            if (k.wire.equalsIgnoreCase(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
