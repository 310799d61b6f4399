package org.minutewise.core.units;

import java.util.Optional;

/** How minutes become 15-minute units (RULES.md §3). */
public enum UnitMethod {
    /** Medicare's total-time method: all timed minutes of the day pooled, then allocated (§3.1). */
    CMS("cms", "CMS total-time method (the Medicare 8-minute rule)"),
    /** The CPT per-code midpoint method, each code on its own (§3.2). */
    CPT("cpt", "CPT per-code method (the midpoint or substantial-portion rule)");

    private final String wire;
    private final String label;

    UnitMethod(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public static Optional<UnitMethod> parse(String text) {
        for (UnitMethod m : values()) {
            if (m.wire.equalsIgnoreCase(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
