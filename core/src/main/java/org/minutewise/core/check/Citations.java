package org.minutewise.core.check;

/** The public sources rules cite, in one place so a citation never drifts between rules. */
public final class Citations {
    public static final String CLAIMS_MANUAL_CH5 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c05.pdf";
    public static final String BENEFIT_MANUAL_CH15 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/bp102c15.pdf";
    public static final String NCCI_MANUAL =
            "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual";
    /** A Medicare administrative contractor's page: the certifying physician's NPI on therapy claims. */
    public static final String MAC_CERTIFYING_NPI = "https://med.noridianmedicare.com/web/jea/provider-types/"
            + "outpatient-therapy/certifying-physician-identify-for-claim-processing";
    public static final String MINUTEWISE = "RULES.md";

    private Citations() {
    }
}
