package org.minutewise.core.model;

import java.util.List;
import java.util.Optional;

/** The therapy discipline of a plan of care; it decides the GP/GO/GN modifier. */
public enum Discipline {
    PT("GP", "physical therapy"),
    OT("GO", "occupational therapy"),
    SLP("GN", "speech-language pathology");

    /** {@link #values()} copies its array on every call; parsing runs for every row of a batch audit. */
    private static final Discipline[] ALL = values();

    private final String modifier;
    private final String label;

    Discipline(String modifier, String label) {
        this.modifier = modifier;
        this.label = label;
    }

    /** GP, GO or GN. */
    public String modifier() {
        return modifier;
    }

    public String label() {
        return label;
    }

    /** GP, GO or GN: a discipline's modifier. */
    public static boolean isModifier(String modifier) {
        return ofModifier(modifier) != null;
    }

    /** The discipline whose modifier {@code modifier} is (GP, GO or GN), or null. */
    public static Discipline ofModifier(String modifier) {
        for (Discipline d : ALL) {
            if (d.modifier.equals(modifier)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The discipline a billed line's modifiers name: that of the first GP, GO or GN among them, or null when there is
     * none. The one reading of a line's discipline from its modifiers (the billed claim, the checks across visits and
     * the 837 reader use it), so a line carrying two of them is read the same way everywhere.
     */
    public static Discipline ofModifiers(List<String> modifiers) {
        for (String m : modifiers) {
            Discipline d = ofModifier(m);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public static Optional<Discipline> parse(String text) {
        for (Discipline d : ALL) {
            if (d.name().equalsIgnoreCase(text)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
