package org.minutewise.core.model;

import java.util.Optional;

/** Who furnished a service. The wire name is the enum name (PT, PTA, ...). */
public enum Role {
    PT("physical therapist", Discipline.PT, false),
    PTA("physical therapist assistant", Discipline.PT, true),
    OT("occupational therapist", Discipline.OT, false),
    OTA("occupational therapy assistant", Discipline.OT, true),
    SLP("speech-language pathologist", Discipline.SLP, false),
    MD("physician", null, false),
    NPP("non-physician practitioner", null, false),
    DC("chiropractor", null, false),
    AIDE("aide or technician", null, false);

    /** {@link #values()} copies its array on every call; parsing runs for every row of a batch audit. */
    private static final Role[] ALL = values();

    private final String label;
    private final Discipline discipline;
    private final boolean assistant;

    Role(String label, Discipline discipline, boolean assistant) {
        this.label = label;
        this.discipline = discipline;
        this.assistant = assistant;
    }

    public String label() {
        return label;
    }

    /** The therapy discipline of a therapist or assistant; empty for physicians, chiropractors, aides. */
    public Optional<Discipline> discipline() {
        return Optional.ofNullable(discipline);
    }

    /** A PTA or an OTA: their minutes are billed under the supervising therapist with CQ/CO. */
    public boolean isAssistant() {
        return assistant;
    }

    /** A licensed therapist (PT, OT, SLP) who may furnish and bill therapy in their own right. */
    public boolean isTherapist() {
        return discipline != null && !assistant;
    }

    public static Optional<Role> parse(String text) {
        for (Role r : ALL) {
            if (r.name().equalsIgnoreCase(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
