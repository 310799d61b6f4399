package org.minutewise.formats.fhir;

import java.util.Map;
import java.util.Optional;
import org.minutewise.core.model.Role;

/**
 * The code systems, identifier systems and extensions the FHIR R4 mapping uses: the standard ones, and the few
 * Minutewise defines (under {@code https://minutewise.org/fhir/}). The README's "FHIR R4" section documents them.
 */
public final class FhirCodes {
    // Standard systems.
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** HCPCS Level II as HL7 Terminology and CARIN Blue Button name it (http, not https; OID 2.16.840.1.113883.6.285). */
    public static final String HCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /** The https spelling Minutewise wrote until 2026-12-07 (and some senders use): still read as HCPCS. */
    public static final String HCPCS_HTTPS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    /** US employer identification number (the tax id of a billing provider). */
    public static final String TAX_ID = "urn:oid:2.16.840.1.113883.4.4";
    public static final String NUCC_TAXONOMY = "http://nucc.org/provider-taxonomy";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String HL7_PRACTITIONER_ROLE = "http://terminology.hl7.org/CodeSystem/practitioner-role";
    public static final String V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";
    public static final String PROCESS_PRIORITY = "http://terminology.hl7.org/CodeSystem/processpriority";
    public static final String CARE_TEAM_ROLE = "http://terminology.hl7.org/CodeSystem/claimcareteamrole";
    /** CARIN Blue Button's claim care team roles: "referring", "attending" (the certifying physician). */
    public static final String CARIN_CARE_TEAM_ROLE =
            "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole";
    /**
     * FHIR's related claim relationships (Claim.related.relationship): "prior", a prior claim instance for the same
     * services, which CARIN Blue Button's related claim relationship value set takes for the claim this one adjusts.
     */
    public static final String RELATED_CLAIM_RELATIONSHIP =
            "http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship";
    /** CARIN Blue Button's own related claim relationship ("replacedby"), beside FHIR's "prior". */
    public static final String CARIN_RELATED_CLAIM_RELATIONSHIP =
            "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBRelatedClaimRelationshipCodes";
    /** CARIN Blue Button's identifier types: "uc", the unique claim id a payer gave a claim it received. */
    public static final String CARIN_IDENTIFIER_TYPE = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
    /** CARIN Blue Button's supporting info categories: "typeofbill", under which the claim frequency code goes. */
    public static final String CARIN_SUPPORTING_INFO_TYPE =
            "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";
    /**
     * The claim frequency code (NUBC / 837 CLM05-3: 1 original, 7 replacement, 8 void) as CMS's Blue Button API
     * (beneficiary-fhir-data) codes it in ExplanationOfBenefit.supportingInfo of category "typeofbill".
     */
    public static final String CLAIM_FREQUENCY = "https://bluebutton.cms.gov/resources/variables/clm_freq_cd";
    public static final String DIAGNOSIS_TYPE = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String PLACE_OF_SERVICE =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    public static final String NUBC_REVENUE = "https://www.nubc.org/CodeSystem/RevenueCodes";
    public static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    public static final String LOINC = "http://loinc.org";
    /** LOINC 11506-3, Progress note: the type of the treatment note's DocumentReference. */
    public static final String PROGRESS_NOTE = "11506-3";
    /**
     * The subscriber's relationship to the beneficiary (Coverage.relationship): self, spouse, child, common (common law
     * spouse), parent, injured, other.
     */
    public static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";

    // Minutewise code systems.
    private static final String BASE = "https://minutewise.org/fhir/";
    /** PT PTA OT OTA SLP MD NPP DC AIDE: who furnished a service (Procedure.performer.function). */
    public static final String ROLE_SYSTEM = BASE + "CodeSystem/provider-role";
    /** PT OT SLP: the discipline of a plan of care (Encounter.serviceType). */
    public static final String DISCIPLINE_SYSTEM = BASE + "CodeSystem/discipline";
    /** cervical thoracic lumbar ... upper-extremity: the body regions a service treated (Procedure.bodySite). */
    public static final String BODY_REGION_SYSTEM = BASE + "CodeSystem/body-region";
    /** The finding ids of the rule catalog (MW-U001, ...): OperationOutcome.issue.details. */
    public static final String FINDING_SYSTEM = BASE + "CodeSystem/finding";
    /**
     * The X12 individual relationship code of a dependent patient to the subscriber (837 PAT01: 01 19 20 21 39 40 53
     * G8), beside the subscriber-relationship coding of Coverage.relationship, which has fewer codes.
     */
    public static final String X12_RELATIONSHIP_SYSTEM = BASE + "CodeSystem/x12-individual-relationship";

    /**
     * The subscriber-relationship code of an 837 PAT01 code: 01 spouse, 19 child, and other for the rest (20 employee,
     * 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other relationship), which FHIR R4's code
     * system has no code for: the X12 code travels beside it, in {@link #X12_RELATIONSHIP_SYSTEM}.
     */
    public static String subscriberRelationship(String x12) {
        return switch (x12) {
            case "01" -> "spouse";
            case "19" -> "child";
            default -> "other";
        };
    }

    /**
     * The 837 PAT01 code of a subscriber-relationship code, when the X12 code does not travel beside it: spouse 01,
     * child 19, common (common law spouse) 01, parent, injured and other G8 (other relationship); self "" (the patient
     * is the subscriber); null for a code that is not one of the system's.
     */
    public static String x12Relationship(String fhir) {
        return switch (fhir) {
            case "self" -> "";
            case "spouse", "common" -> "01";
            case "child" -> "19";
            case "parent", "injured", "other" -> "G8";
            default -> null;
        };
    }

    /** Identifier systems for our own ids (visit, patient, provider). */
    public static final String VISIT_ID = BASE + "sid/visit-id";
    public static final String PATIENT_ID = BASE + "sid/patient-id";
    public static final String PROVIDER_ID = BASE + "sid/provider-id";
    public static final String PAYER_ID = BASE + "sid/payer-profile";

    // Minutewise extensions.
    private static final String EXT = BASE + "StructureDefinition/";
    /** On Procedure: the minutes the note states for the line (valueDuration in min, or valueInteger). */
    public static final String EXT_STATED_MINUTES = EXT + "stated-minutes";
    /** On Procedure: periods after the first (performedPeriod), for a service furnished in several stretches. */
    public static final String EXT_ADDITIONAL_PERIOD = EXT + "additional-period";
    /** On Procedure: one-on-one, group or supervised (valueCode). */
    public static final String EXT_MODE = EXT + "treatment-mode";
    /** On Procedure: the line's own plan of care when it differs from the visit's (valueCode PT, OT, SLP). */
    public static final String EXT_DISCIPLINE = EXT + "discipline";
    /** On Procedure: the clinic's charge for the line (valueMoney, USD). */
    public static final String EXT_CHARGE = EXT + "charge";
    /** On Procedure.performer: the supervising therapist of an assistant (valueReference to a Practitioner). */
    public static final String EXT_SUPERVISOR = EXT + "supervisor";
    /** On Encounter: the plan of care discipline (valueCode PT, OT, SLP); Encounter.serviceType also works. */
    public static final String EXT_PLAN_OF_CARE = EXT + "plan-of-care";
    /** On Encounter: the setting (valueCode private-practice, hospital-outpatient, ...). */
    public static final String EXT_SETTING = EXT + "setting";

    /** NUCC provider taxonomy codes that map one to one onto a role. */
    static final Map<String, Role> NUCC_ROLES = Map.of(
            "225100000X", Role.PT,
            "225200000X", Role.PTA,
            "225X00000X", Role.OT,
            "224Z00000X", Role.OTA,
            "235Z00000X", Role.SLP,
            "2355S0801X", Role.SLPA,
            "111N00000X", Role.DC);
    /** SNOMED CT occupations that map reliably (physiotherapist, occupational therapist, chiropractor). */
    static final Map<String, Role> SNOMED_ROLES = Map.of(
            "36682004", Role.PT,
            "80546007", Role.OT,
            "3842006", Role.DC);

    private FhirCodes() {
    }

    /** The role a coding names, when its system is one we map. */
    static Optional<Role> role(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        switch (system) {
            case ROLE_SYSTEM:
                return Role.parse(code).filter(r -> r.name().equals(code));
            case NUCC_TAXONOMY:
                return Optional.ofNullable(NUCC_ROLES.get(code));
            case SNOMED:
                return Optional.ofNullable(SNOMED_ROLES.get(code));
            case HL7_PRACTITIONER_ROLE:
                return code.equals("doctor") ? Optional.of(Role.MD) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The NUCC taxonomy code for a role, when there is exactly one. */
    static Optional<String> nucc(Role r) {
        for (Map.Entry<String, Role> e : NUCC_ROLES.entrySet()) {
            if (e.getValue() == r) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** CPT for 5 digits or 4 digits and a letter; HCPCS Level II for a letter and 4 digits. */
    static String procedureSystem(String code) {
        return Character.isLetter(code.charAt(0)) ? HCPCS : CPT;
    }

    /**
     * CPT modifiers are two digits (59, 96, 97); HCPCS Level II modifiers have a letter (GP, CQ, KX, XU, GA).
     */
    static String modifierSystem(String modifier) {
        return modifier.chars().allMatch(Character::isDigit) ? CPT : HCPCS;
    }
}
