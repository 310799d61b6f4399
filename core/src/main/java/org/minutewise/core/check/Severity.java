package org.minutewise.core.check;

/** How much a finding matters (RULES.md §8). */
public enum Severity {
    /** The claim will be rejected or is wrong: fix before sending. */
    BLOCK("block"),
    /** A denial or audit risk. */
    WARN("warn"),
    /** Worth knowing; nothing to fix. */
    INFO("info");

    private final String wire;

    Severity(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
