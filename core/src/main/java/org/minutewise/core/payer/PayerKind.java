package org.minutewise.core.payer;

import java.util.Optional;

/** The kind of program a payer profile describes; Medicare fee for service has rules of its own. */
public enum PayerKind {
    MEDICARE("medicare"),
    MEDICARE_ADVANTAGE("medicare-advantage"),
    MEDICAID("medicaid"),
    COMMERCIAL("commercial"),
    WORKERS_COMP("workers-comp"),
    TRICARE("tricare"),
    OTHER("other");

    private final String wire;

    PayerKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PayerKind> parse(String text) {
        for (PayerKind k : values()) {
            if (k.wire.equalsIgnoreCase(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
