package org.minutewise.core.check;

/** The public sources rules cite, in one place so a citation never drifts between rules. */
public final class Citations {
    public static final String CLAIMS_MANUAL_CH5 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c05.pdf";
    public static final String BENEFIT_MANUAL_CH15 =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/bp102c15.pdf";
    public static final String NCCI_MANUAL =
            "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual";
    public static final String MINUTEWISE = "RULES.md";

    private Citations() {
    }
}
