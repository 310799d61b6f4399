package org.minutewise.core.model;

import java.util.Optional;

/** Who furnished a service. The wire name is the enum name (PT, PTA, ...). */
public enum Role {
    PT("physical therapist", Discipline.PT, false),
    PTA("physical therapist assistant", Discipline.PT, true),
    OT("occupational therapist", Discipline.OT, false),
    OTA("occupational therapy assistant", Discipline.OT, true),
    SLP("speech-language pathologist", Discipline.SLP, false),
    /**
     * A speech-language pathology assistant: Medicare does not recognize their services (CMS Pub 100-02 ch. 15
     * §230.3); some Medicaid and commercial plans do. Never the rendering provider, never a therapist.
     */
    SLPA("speech-language pathology assistant", Discipline.SLP, false),
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
        return discipline != null && !assistant && this != SLPA;
    }

    /** A PTA, an OTA or an SLPA: furnishes therapy under a supervising therapist, who is the rendering provider. */
    public boolean rendersUnderSupervisor() {
        return assistant || this == SLPA;
    }

    /** The therapist of a discipline: PT, OT or SLP. */
    public static Role therapistOf(Discipline d) {
        return switch (d) {
            case PT -> PT;
            case OT -> OT;
            case SLP -> SLP;
        };
    }

    /** The therapist who supervises this role (PT for a PTA, OT for an OTA, SLP for an SLPA); itself otherwise. */
    public Role supervisingRole() {
        return switch (this) {
            case PTA -> PT;
            case OTA -> OT;
            case SLPA -> SLP;
            default -> this;
        };
    }

    /**
     * The wire names of every role, in declaration order, separated by ", " ("PT, PTA, OT, ..."): what an error
     * about an unknown role lists, built from the enum so the list cannot leave a role out.
     */
    public static String wireNames() {
        return java.util.Arrays.stream(ALL).map(Role::name).collect(java.util.stream.Collectors.joining(", "));
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
