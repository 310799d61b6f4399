package org.minutewise.formats.fhir;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;

/**
 * Builds the entries of an output Bundle: each resource once, with a {@code urn:uuid} fullUrl derived from the
 * visit and the resource's key (name-based, so the same visit always gives the same Bundle), and references that
 * resolve inside the Bundle. Shared by the claim writer and the visit writer.
 */
final class Entries {
    private final Bundle bundle;
    private final String scope;
    private final Map<String, Reference> done = new HashMap<>();

    Entries(Bundle bundle, String scope) {
        this.bundle = bundle;
        this.scope = scope;
    }

    /** A stable {@code urn:uuid} for a key within this visit. */
    String uuid(String key) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("minutewise/" + scope + "/" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a resource under a key (once) and returns a reference to it. */
    Reference add(String key, Resource r) {
        Reference existing = done.get(key);
        if (existing != null) {
            return existing.copy();
        }
        String url = uuid(key);
        bundle.addEntry().setFullUrl(url).setResource(r);
        Reference ref = new Reference(url);
        done.put(key, ref);
        return ref.copy();
    }

    boolean has(String key) {
        return done.containsKey(key);
    }

    Reference ref(String key) {
        return done.get(key).copy();
    }

    static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    static CodeableConcept concept(String system, String code, String display) {
        Coding c = new Coding(system, code, display);
        return new CodeableConcept().addCoding(c);
    }

    /** An amount in US dollars, the currency of every amount written. */
    static org.hl7.fhir.r4.model.Money usd(java.math.BigDecimal amount) {
        return new org.hl7.fhir.r4.model.Money().setValue(amount).setCurrency("USD");
    }

    /** A body region as a coding of Minutewise's body-region system (Procedure.bodySite, Claim.item.bodySite). */
    static Coding bodyRegion(org.minutewise.core.model.BodyRegion r) {
        return new Coding(FhirCodes.BODY_REGION_SYSTEM, r.wire(), r.label());
    }

    /** A CMS place of service code (a Location's type, a Claim item's locationCodeableConcept). */
    static CodeableConcept placeOfService(String pos) {
        return concept(FhirCodes.PLACE_OF_SERVICE, pos, null);
    }

    /** The patient, with the subscriber's name and sex when the visit has them (the subscriber is the patient). */
    Reference patient(Visit v) {
        if (has("patient")) {
            return ref("patient");
        }
        Patient p = new Patient();
        v.patient().id().ifPresent(id -> p.addIdentifier(identifier(FhirCodes.PATIENT_ID, id)));
        Subscriber s = v.claimInfo().subscriber();
        if (subscriberIsPatient(v)) {
            // The patient is the subscriber: the subscriber's name, sex and address, each else the patient's own (an
            // EMR that names the patient without a subscriber block must not publish a nameless Patient).
            org.minutewise.core.model.Patient pt = v.patient();
            (s.lastName().isPresent() || s.firstName().isPresent() ? name(s) : name(pt.lastName(), pt.firstName()))
                    .ifPresent(p::addName);
            s.sex().or(pt::sex).ifPresent(x -> p.setGender(gender(x)));
            s.address().or(pt::address).ifPresent(a -> address(p.addAddress(), a));
        } else {
            // A dependent (or a patient whose birth date is not the subscriber's): the patient's own name, sex and
            // address, when the visit gives them.
            org.minutewise.core.model.Patient pt = v.patient();
            name(pt.lastName(), pt.firstName()).ifPresent(p::addName);
            pt.sex().ifPresent(x -> p.setGender(gender(x)));
            pt.address().ifPresent(a -> address(p.addAddress(), a));
        }
        v.patient().birthDate().or(() -> subscriberIsPatient(v) ? s.birthDate() : Optional.empty())
                .ifPresent(d -> p.setBirthDateElement(new DateType(d.toString())));
        if (p.isEmpty()) {
            // An empty Patient is invalid FHIR (global-1): say instead that the patient is not known.
            Reference unknown = absent("patient not identified");
            done.put("patient", unknown);
            return unknown.copy();
        }
        return add("patient", p);
    }

    /** A reference to something the visit does not name: a display and the data-absent-reason "unknown". */
    static Reference absent(String display) {
        Reference r = new Reference().setDisplay(display);
        r.addExtension(FhirCodes.DATA_ABSENT_REASON, new org.hl7.fhir.r4.model.CodeType("unknown"));
        return r;
    }

    /**
     * The subscriber is taken to be the patient unless the visit gives the patient's relationship to the subscriber
     * (a dependent) or both birth dates are known and differ.
     */
    static boolean subscriberIsPatient(Visit v) {
        if (v.claimInfo().subscriber().dependent()) {
            return false;
        }
        Optional<java.time.LocalDate> a = v.patient().birthDate();
        Optional<java.time.LocalDate> b = v.claimInfo().subscriber().birthDate();
        return a.isEmpty() || b.isEmpty() || a.equals(b);
    }

    private static Optional<HumanName> name(Subscriber s) {
        return name(s.lastName(), s.firstName());
    }

    private static Optional<HumanName> name(Optional<String> last, Optional<String> first) {
        if (last.isEmpty() && first.isEmpty()) {
            return Optional.empty();
        }
        HumanName n = new HumanName().setUse(HumanName.NameUse.OFFICIAL);
        last.ifPresent(n::setFamily);
        first.ifPresent(n::addGiven);
        return Optional.of(n);
    }

    private static Enumerations.AdministrativeGender gender(String sex) {
        return switch (sex) {
            case "F" -> Enumerations.AdministrativeGender.FEMALE;
            case "M" -> Enumerations.AdministrativeGender.MALE;
            default -> Enumerations.AdministrativeGender.UNKNOWN;
        };
    }

    /**
     * The primary Coverage (order 1) whose payor Organization carries the payer profile id, the payer's own id
     * and name; and the secondary payer's, order 2, when there is one.
     */
    Reference coverage(Visit v) {
        if (has("coverage")) {
            return ref("coverage");
        }
        ClaimInfo ci = v.claimInfo();
        Reference patient = patient(v);
        Organization payer = new Organization();
        payer.addIdentifier(identifier(FhirCodes.PAYER_ID, v.payer()));
        ci.payerId().ifPresent(id -> payer.addIdentifier(new Identifier().setValue(id)));
        ci.payerName().ifPresent(payer::setName);
        Reference payerRef = add("payer", payer);
        Coverage c = new Coverage();
        c.setStatus(Coverage.CoverageStatus.ACTIVE);
        c.setBeneficiary(patient);
        c.addPayor(payerRef);
        c.setOrder(1);
        Subscriber s = ci.subscriber();
        s.memberId().ifPresent(c::setSubscriberId);
        if (!subscriberIsPatient(v)) {
            RelatedPerson rp = new RelatedPerson();
            rp.setPatient(patient.copy());
            name(s).ifPresent(rp::addName);
            s.sex().ifPresent(x -> rp.setGender(gender(x)));
            s.birthDate().ifPresent(d -> rp.setBirthDateElement(new DateType(d.toString())));
            s.address().ifPresent(a -> address(rp.addAddress(), a));
            c.setSubscriber(add("subscriber", rp));
            // A dependent: the subscriber's relationship to the patient in FHIR's codes, and the 837's own code
            // beside it (FHIR's "other" stands for several of them).
            s.relationship().ifPresent(r -> c.setRelationship(relationship(r)));
        } else if (s.memberId().isPresent()) {
            c.setSubscriber(patient.copy());
        }
        Reference ref = add("coverage", c);
        v.secondaryPayer().ifPresent(sp -> {
            Organization o2 = new Organization();
            o2.addIdentifier(identifier(FhirCodes.PAYER_ID, sp));
            // The secondary payer's own id and name, and the member id there, as the primary's are carried.
            ci.secondary().payerId().ifPresent(id -> o2.addIdentifier(new Identifier().setValue(id)));
            ci.secondary().payerName().ifPresent(o2::setName);
            Coverage c2 = new Coverage();
            c2.setStatus(Coverage.CoverageStatus.ACTIVE);
            c2.setBeneficiary(patient.copy());
            ci.secondary().memberId().ifPresent(c2::setSubscriberId);
            if (ci.secondary().dependent()) {
                // A secondary policy someone else holds (a child on a parent's plan, 837 2320 SBR02 and 2330A): its
                // subscriber, named, and the patient's relationship to them, as on the primary's Coverage.
                RelatedPerson holder = new RelatedPerson();
                holder.setPatient(patient.copy());
                name(ci.secondary().subscriberLastName(), ci.secondary().subscriberFirstName())
                        .ifPresent(holder::addName);
                c2.setSubscriber(add("secondary-subscriber", holder));
                c2.setRelationship(relationship(ci.secondary().relationship().orElseThrow()));
            }
            c2.addPayor(add("secondary-payer", o2));
            c2.setOrder(2);
            add("secondary-coverage", c2);
        });
        return ref;
    }

    /** A Coverage's relationship: FHIR's subscriber-relationship code, and the 837's own code (PAT01) beside it. */
    private static CodeableConcept relationship(String x12) {
        return new CodeableConcept()
                .addCoding(new Coding(FhirCodes.SUBSCRIBER_RELATIONSHIP, FhirCodes.subscriberRelationship(x12), null))
                .addCoding(new Coding(FhirCodes.X12_RELATIONSHIP_SYSTEM, x12, null));
    }

    /**
     * A Claim's insurance: the primary Coverage (sequence 1, focal: the claim goes to it) and, when the visit names a
     * secondary payer, its Coverage (sequence 2, not focal), so that the Claim says the coordination of benefits the
     * 837 says in loop 2320 (Claim.insurance lists every coverage that may pay, in order).
     */
    void insurance(org.hl7.fhir.r4.model.Claim c, Visit v) {
        c.addInsurance().setSequence(1).setFocal(true).setCoverage(coverage(v));
        if (has("secondary-coverage")) {
            c.addInsurance().setSequence(2).setFocal(false).setCoverage(ref("secondary-coverage"));
        }
    }

    /** A practitioner by id and NPI; one resource per distinct pair (an anonymous one per fallback key). */
    Reference practitioner(Optional<String> id, Optional<String> npi, Optional<Role> role, String fallbackKey) {
        return practitioner(id, npi, role, Optional.empty(), fallbackKey);
    }

    /**
     * The organization a line was billed under ({@code provider.organization}, its NPI the provider's): an
     * Organization named, with the NPI; one resource per distinct name and NPI.
     */
    Reference renderingOrganization(String name, Optional<String> npi) {
        String key = "rendering-organization/" + name + "/" + npi.orElse("");
        if (has(key)) {
            return ref(key);
        }
        Organization o = new Organization();
        npi.ifPresent(n -> o.addIdentifier(identifier(FhirCodes.NPI, n)));
        o.setName(name);
        return add(key, o);
    }

    /**
     * As above, the clinician named as the visit names them ({@code provider.name}, "Smith, Ann", as a claim names
     * them): {@code Practitioner.name.text}, which the reader takes back as written. One resource per distinct id,
     * NPI and name.
     */
    Reference practitioner(Optional<String> id, Optional<String> npi, Optional<Role> role, Optional<String> name,
                           String fallbackKey) {
        String key = "practitioner/" + (id.isEmpty() && npi.isEmpty() ? fallbackKey
                : "id:" + id.orElse("") + "/npi:" + npi.orElse("")) + name.map(n -> "/name:" + n).orElse("");
        if (has(key)) {
            return ref(key);
        }
        Practitioner p = new Practitioner();
        id.ifPresent(i -> p.addIdentifier(identifier(FhirCodes.PROVIDER_ID, i)));
        npi.ifPresent(n -> p.addIdentifier(identifier(FhirCodes.NPI, n)));
        name.ifPresent(n -> p.addName().setText(n));
        role.ifPresent(r -> p.addQualification().setCode(qualification(r)));
        return add(key, p);
    }

    /** A role as a concept: our code, and the NUCC taxonomy code where one matches. */
    static CodeableConcept qualification(Role r) {
        CodeableConcept cc = concept(FhirCodes.ROLE_SYSTEM, r.name(), r.label());
        FhirCodes.nucc(r).ifPresent(code -> cc.addCoding(new Coding(FhirCodes.NUCC_TAXONOMY, code, null)));
        return cc;
    }

    /** The billing provider (Encounter.serviceProvider, Claim.provider), when the visit names one. */
    Optional<Reference> billingProvider(Visit v) {
        BillingProvider bp = v.claimInfo().billingProvider();
        if (bp.equals(BillingProvider.NONE)) {
            return Optional.empty();
        }
        if (has("billing-provider")) {
            return Optional.of(ref("billing-provider"));
        }
        Organization o = new Organization();
        bp.npi().ifPresent(n -> o.addIdentifier(identifier(FhirCodes.NPI, n)));
        bp.taxId().ifPresent(t -> o.addIdentifier(identifier(FhirCodes.TAX_ID, t)));
        bp.name().ifPresent(o::setName);
        bp.address().ifPresent(a -> address(o.addAddress(), a));
        return Optional.of(add("billing-provider", o));
    }

    private static void address(org.hl7.fhir.r4.model.Address ad, org.minutewise.core.model.Address a) {
        ad.addLine(a.line1());
        a.line2().ifPresent(ad::addLine);
        ad.setCity(a.city()).setState(a.state()).setPostalCode(a.zip());
    }

    /** A Location whose type is the CMS place of service code. */
    Optional<Reference> placeOfService(Visit v) {
        return v.claimInfo().placeOfService().map(pos -> {
            if (has("location")) {
                return ref("location");
            }
            Location l = new Location();
            l.addType(placeOfService(pos));
            return add("location", l);
        });
    }
}
