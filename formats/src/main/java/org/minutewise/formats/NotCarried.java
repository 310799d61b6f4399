package org.minutewise.formats;

import java.util.Set;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Visit;

/**
 * The fields of a visit that neither the CSV layout nor the FHIR mapping has a home for, by their visit JSON names:
 * the patient's spend, the previous note, the ABN, the authorization, accepted warnings, the purpose, the locality
 * and the primary payer's claim filing indicator. Each writer adds what else it leaves behind (FHIR: the secondary
 * payer's claim filing indicator and Medicare secondary payer type; CSV: the secondary payer's name, ids and
 * subscriber, a line's rendering organization, the claim's place of service, ...), and `convert` names them.
 */
public final class NotCarried {
    private NotCarried() {
    }

    /** Adds to {@code out} the fields of {@code v} neither layout carries, in the visit JSON's order. */
    public static void common(Visit v, Set<String> out) {
        if (v.patient().yearToDateGiven()) { // a stated $0 too (MW-K007 tells it from none stated)
            out.add("patient.yearToDate");
        }
        if (v.patient().outsideSpend().ptSlp().signum() != 0 || v.patient().outsideSpend().ot().signum() != 0) {
            out.add("patient.outsideSpend");
        }
        v.previousNote().ifPresent(x -> out.add("previousNote"));
        v.abn().ifPresent(x -> out.add("abn"));
        v.authorization().ifPresent(x -> out.add("authorization"));
        if (!v.overrides().isEmpty()) {
            out.add("overrides");
        }
        if (v.purposeStated()) {
            out.add("purpose");
        }
        v.locality().ifPresent(x -> out.add("locality"));
        v.claimInfo().claimFilingIndicator().ifPresent(x -> out.add("claimFilingIndicator"));
    }

    /**
     * The organization billed as a line's rendering provider (837 NM1*82 entity type 2), which the CSV layout does
     * not carry (the FHIR mapping names it as the performer's {@code onBehalfOf}).
     */
    public static void renderingOrganization(Visit v, Set<String> out) {
        for (org.minutewise.core.model.ServiceLine l : v.services()) {
            l.provider().organization().ifPresent(x -> out.add("services[].provider.organization"));
        }
    }

    /**
     * The secondary policy's subscriber when it is not the patient (837 2320 SBR02, 2330A), which the CSV layout
     * does not carry (the FHIR mapping names them on the second Coverage, as a dependent's on the first).
     */
    public static void secondarySubscriber(Visit v, Set<String> out) {
        ClaimInfo c = v.claimInfo();
        c.secondary().relationship().ifPresent(x -> out.add("secondaryRelationship"));
        c.secondary().subscriberLastName().ifPresent(x -> out.add("secondarySubscriberLastName"));
        c.secondary().subscriberFirstName().ifPresent(x -> out.add("secondarySubscriberFirstName"));
    }

    /**
     * The secondary payer's name, payer id and member id, which the CSV layout does not carry (the FHIR mapping puts
     * them on the second Coverage, as the primary's on the first).
     */
    public static void secondaryIdentifiers(Visit v, Set<String> out) {
        ClaimInfo c = v.claimInfo();
        c.secondary().payerName().ifPresent(x -> out.add("secondaryPayerName"));
        c.secondary().payerId().ifPresent(x -> out.add("secondaryPayerId"));
        c.secondary().memberId().ifPresent(x -> out.add("secondaryMemberId"));
    }
}
