package org.minutewise.core.model;

import java.util.List;
import java.util.Optional;

/** Why the therapy is given; payers that ask for it get modifier 96 (habilitative) or 97 (rehabilitative). */
public enum Purpose {
    REHABILITATIVE("97"),
    HABILITATIVE("96");

    private final String modifier;

    Purpose(String modifier) {
        this.modifier = modifier;
    }

    public String modifier() {
        return modifier;
    }

    /**
     * The purpose billed lines say, when a visit does not state it: any 96 gives habilitative, else any 97
     * rehabilitative (96 wins: a payer that asks for them wants every line to say it, and a habilitative line is the
     * exception to look for); empty when no line carries either. What a claim read back (837, CSV, a visit JSON's or
     * FHIR Claim's billed lines) says of the visit: one rule for every reader ({@link Visit.Builder#build}).
     */
    public static Optional<Purpose> ofBilled(List<BilledLine> billed) {
        Purpose found = null;
        for (BilledLine b : billed) {
            if (b.modifiers().contains(HABILITATIVE.modifier)) {
                return Optional.of(HABILITATIVE);
            }
            if (b.modifiers().contains(REHABILITATIVE.modifier)) {
                found = REHABILITATIVE;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The other purpose's modifier: the one a line of this purpose must not carry. */
    public String otherModifier() {
        return this == HABILITATIVE ? REHABILITATIVE.modifier : HABILITATIVE.modifier;
    }
}
