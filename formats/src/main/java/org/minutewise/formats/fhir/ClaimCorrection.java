package org.minutewise.formats.fhir;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.minutewise.core.model.ClaimInfo;

/**
 * A replacement or void on a FHIR R4 Claim: the visit's {@code claimFrequency} (837 CLM05-3: 1 original, 7
 * replacement, 8 void) and {@code payerClaimControlNumber} (837 REF*F8, the payer's number of the claim replaced or
 * voided). The mapping, and where it comes from:
 * <ul>
 *   <li>the frequency: {@code Claim.supportingInfo} of category {@code typeofbill} (CARIN Blue Button's supporting
 *       info type, {@link FhirCodes#CARIN_SUPPORTING_INFO_TYPE}) whose {@code code} is the frequency in the code
 *       system {@link FhirCodes#CLAIM_FREQUENCY} ({@code https://bluebutton.cms.gov/resources/variables/clm_freq_cd}),
 *       as CMS's Blue Button API (beneficiary-fhir-data, its CARIN-aligned v2 ExplanationOfBenefit) writes a claim's
 *       frequency code. FHIR R4 has no Claim element of its own for it; this is the published one;</li>
 *   <li>the payer's claim control number: {@code Claim.related} with {@code relationship} {@code prior} (FHIR's
 *       {@link FhirCodes#RELATED_CLAIM_RELATIONSHIP}: "a prior claim instance for the same intended suite of
 *       services", the code CARIN Blue Button's related claim relationship value set uses for the claim an adjusted
 *       one replaces) and {@code reference}, the identifier of that claim, typed {@code uc} (CARIN's "unique claim
 *       id": the id a payer assigned a claim it received), its value the number. {@code Claim.related} is FHIR's own
 *       place for a claim this one relates to.</li>
 * </ul>
 * A void keeps {@code Claim.status} {@code active}: the status is that of the Claim resource itself (a cancelled or
 * entered-in-error Claim is one withdrawn or made by mistake, which a reader drops), while a void is an active claim
 * that asks the payer to void the prior one; the frequency code 8 says so.
 */
final class ClaimCorrection {
    private ClaimCorrection() {
    }

    /** Whether the visit's claim is a correction to carry (either field given). */
    static boolean present(ClaimInfo ci) {
        return ci.claimFrequency().isPresent() || ci.payerClaimControlNumber().isPresent();
    }

    /** Adds the frequency (a supportingInfo, the next sequence) and the prior claim (a related) to {@code c}. */
    static void write(Claim c, ClaimInfo ci) {
        ci.claimFrequency().ifPresent(f -> c.addSupportingInfo()
                .setSequence(c.getSupportingInfo().size())
                .setCategory(Entries.concept(FhirCodes.CARIN_SUPPORTING_INFO_TYPE, "typeofbill", "Type of Bill"))
                .setCode(Entries.concept(FhirCodes.CLAIM_FREQUENCY, f, display(f))));
        ci.payerClaimControlNumber().ifPresent(n -> {
            Claim.RelatedClaimComponent r = c.addRelated();
            r.setRelationship(Entries.concept(FhirCodes.RELATED_CLAIM_RELATIONSHIP, "prior", "Prior Claim"));
            r.setReference(new Identifier().setType(new CodeableConcept().addCoding(new Coding(
                    FhirCodes.CARIN_IDENTIFIER_TYPE, "uc", "Unique Claim ID"))).setValue(n));
        });
    }

    /** The NUBC words for the frequencies an outpatient claim uses; none for another code. */
    private static String display(String code) {
        return switch (code) {
            case "1" -> "Original claim";
            case "7" -> "Replacement of prior claim";
            case "8" -> "Void/cancel of prior claim";
            default -> null;
        };
    }
}
