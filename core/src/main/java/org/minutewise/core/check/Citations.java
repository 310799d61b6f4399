package org.minutewise.core.check;

/** The public sources rules cite, in one place so a citation never drifts between rules. */
public final class Citations {
    public static final String CLAIMS_MANUAL_CH5 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c05.pdf";
    public static final String CLAIMS_MANUAL_CH1 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c01.pdf";
    /** Claims Processing Manual ch. 26: the CMS-1500 items (item 19, an unlisted code's description). */
    public static final String CLAIMS_MANUAL_CH26 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c26.pdf";
    public static final String CLAIMS_MANUAL_CH30 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c30.pdf";
    public static final String BENEFIT_MANUAL_CH15 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/bp102c15.pdf";
    public static final String NCCI_MANUAL =
            "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual";
    /** A Medicare administrative contractor's page: the certifying physician's NPI on therapy claims. */
    public static final String MAC_CERTIFYING_NPI = "https://med.noridianmedicare.com/web/jea/provider-types/"
            + "outpatient-therapy/certifying-physician-identify-for-claim-processing";
    /** CMS's ICD-10 page: the code files and the official coding guidelines of each fiscal year. */
    public static final String ICD10 = "https://www.cms.gov/medicare/coding-billing/icd-10-codes";
    public static final String MINUTEWISE = "RULES.md";

    private Citations() {
    }
}
