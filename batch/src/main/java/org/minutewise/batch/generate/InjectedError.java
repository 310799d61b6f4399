package org.minutewise.batch.generate;

import java.util.Optional;

/** The rule-level errors the generator injects, each with the finding id the audit must report on the visit. */
public enum InjectedError {
    /** One timed code billed with a unit more than its minutes support. */
    OVER_BILLED_UNITS("over-billed-units", "MW-B002"),
    /** The last timed code's period starts inside the one before it: the same minutes under two codes. */
    OVERLAPPING_MINUTES("overlapping-minutes", "MW-U003"),
    /** A billed line without its GP/GO/GN modifier. */
    MISSING_DISCIPLINE_MODIFIER("missing-discipline-modifier", "MW-B004"),
    /** A Medicare line furnished by a PTA/OTA billed without CQ/CO. */
    MISSING_ASSISTANT_MODIFIER("missing-assistant-modifier", "MW-B012"),
    /** The same services billed again for the patient and date under another visit id. */
    DUPLICATE_CLAIM("duplicate-claim", "MW-A006"),
    /** The note of an earlier visit of the same patient, copied word for word. */
    COPIED_NOTE("copied-note", "MW-A005"),
    /** The therapist's one-on-one minutes with this patient overlap the previous patient's visit. */
    THERAPIST_OVERLAP("therapist-overlap", "MW-A001"),
    /** No treatment note (only when the documentation rules are in the catalog at run time). */
    WEAK_NOTE("weak-note", "MW-D001"),
    /** The visit falls after the plan of care's certification period ended, with no recertification. */
    EXPIRED_CERTIFICATION("expired-certification", "MW-P001"),
    /**
     * The patient's progress reports (re-evaluations) are skipped: labeled on the treatment day past the 10 a report
     * covers. Chosen per patient (at the error rate), not per visit.
     */
    MISSED_PROGRESS_REPORT("missed-progress-report", "MW-A002"),
    /**
     * Cognitive function intervention billed all as 97130: 97129's first 15 minutes left off the claim and their unit
     * billed under the add-on, which is never billed without its base (RULES.md §1). The audit finds more units of
     * 97130 than the minutes after the first 15 support.
     */
    ADD_ON_WITHOUT_BASE("add-on-without-base", "MW-B002"),
    /**
     * Two codes of an NCCI pair whose edit a modifier may bypass (97530 with 97140 or 97116, an evaluation or
     * re-evaluation beside a timed code: the starter table), done in separate time intervals, billed without the 59/X
     * on the column-two line: the payer denies it as part of the column-one code.
     */
    MISSING_NCCI_MODIFIER("missing-ncci-modifier", "MW-B016");

    private final String wire;
    private final String ruleId;

    InjectedError(String wire, String ruleId) {
        this.wire = wire;
        this.ruleId = ruleId;
    }

    public String wire() {
        return wire;
    }

    public String ruleId() {
        return ruleId;
    }

    public static Optional<InjectedError> parse(String wire) {
        for (InjectedError e : values()) {
            if (e.wire.equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
