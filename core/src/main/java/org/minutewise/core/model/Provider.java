package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The clinician who furnished a service line. An assistant (PTA, OTA) names the supervising therapist, who is
 * the rendering provider on the claim: assistants do not enroll with Medicare.
 *
 * <p>{@code name} and {@code supervisorName}: the clinician's and the supervising therapist's names as a claim names
 * them ("Smith, Ann": last name, a comma, first name), when known (an 837 read names its rendering provider, NM1*82);
 * a claim written again names the rendering provider so. The checks do not use them.
 *
 * <p>{@code organization}: the name of the organization whose NPI ({@code npi}, a type 2 NPI: a group, clinic or
 * facility) a claim names as the rendering provider, when the line was billed under that organization rather than
 * a clinician (an 837 read names it, NM1*82 with entity type 2); a claim written again names it so, by its name
 * alone. A person's {@code name} given beside it wins: the rendering provider is then that clinician. The checks do
 * not use it.
 */
public record Provider(Optional<String> id, Role role, Optional<String> npi, Optional<String> supervisorId,
                       Optional<String> supervisorNpi, Optional<String> name, Optional<String> supervisorName,
                       Optional<String> organization) {

    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(supervisorId, "supervisorId");
        Objects.requireNonNull(supervisorNpi, "supervisorNpi");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(supervisorName, "supervisorName");
        Objects.requireNonNull(organization, "organization");
    }

    /** Not billed under an organization. */
    public Provider(Optional<String> id, Role role, Optional<String> npi, Optional<String> supervisorId,
                    Optional<String> supervisorNpi, Optional<String> name, Optional<String> supervisorName) {
        this(id, role, npi, supervisorId, supervisorNpi, name, supervisorName, Optional.empty());
    }

    public Provider(Optional<String> id, Role role, Optional<String> npi, Optional<String> supervisorId,
                    Optional<String> supervisorNpi) {
        this(id, role, npi, supervisorId, supervisorNpi, Optional.empty(), Optional.empty());
    }

    public Provider(Optional<String> id, Role role, Optional<String> npi) {
        this(id, role, npi, Optional.empty(), Optional.empty());
    }

    public static Provider of(String id, Role role) {
        return new Provider(Optional.ofNullable(id), role, Optional.empty());
    }

    public static Provider of(Role role) {
        return new Provider(Optional.empty(), role, Optional.empty());
    }

    /** This provider with the clinician's and the supervising therapist's names. */
    public Provider withNames(Optional<String> name, Optional<String> supervisorName) {
        return new Provider(id, role, npi, supervisorId, supervisorNpi, name, supervisorName, organization);
    }

    /** This provider with the name of the organization its NPI belongs to (the rendering provider is then it). */
    public Provider withOrganization(Optional<String> organization) {
        return new Provider(id, role, npi, supervisorId, supervisorNpi, name, supervisorName, organization);
    }

    /**
     * Whether two lines were furnished by the same clinician, as far as the record tells: the same id, or with no
     * id on either side the same role (a PT and a PTA are two clinicians whatever their ids say).
     */
    public boolean sameClinician(Provider other) {
        if (role != other.role) {
            return false;
        }
        return id.isEmpty() || other.id.isEmpty() || id.equals(other.id);
    }
}
