package org.minutewise.core.check.rules;

import java.time.LocalDate;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Authorization;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/** The plan of care's certification and the payer's prior authorization (RULES.md §5). */
public final class PlanOfCare implements Rule {
    /** A plan of care is certified for at most this many days, then recertified (RULES.md §5). */
    public static final int MAX_CERTIFICATION_DAYS = 90;

    public static final RuleInfo CERTIFICATION = new RuleInfo("MW-P001", Severity.BLOCK,
            "Visit outside the plan of care's certification",
            "Get the plan of care certified (or recertified, at least every 90 days) by the physician or NPP "
                    + "for this date before billing.",
            "CMS Pub 100-02 ch. 15 §220.1.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: also when the certification runs more than 90 days (recertification is due "
                    + "at least every 90 days)")
            .revised(3, "2026-12-07: only for a Medicare visit with outpatient therapy, as MW-P002 (a commercial "
                    + "payer's terms are its authorization's, MW-P003; chiropractic manipulation alone needs no "
                    + "therapy plan), and not for a PT, OT or SLP initial evaluation alone, which needs no "
                    + "certification (MW-P002 v3): the plan is written from it, so one dated before the period is not "
                    + "outside it (a Medicare biller's review)");
    public static final RuleInfo CERTIFICATION_MISSING = new RuleInfo("MW-P002", Severity.WARN,
            "No certification of the plan of care recorded",
            "Record the certification period (certification.from, .to) and the certifying physician or NPP with "
                    + "their NPI (certification.physician, .physicianNpi).",
            "CMS Pub 100-02 ch. 15 §220.1.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: only for a visit with outpatient therapy (not chiropractic manipulation "
                    + "alone, nor a chiropractor's therapy, which MW-W001 blocks)")
            .revised(3, "2026-12-06: not for a PT or OT initial evaluation alone (97161-97163, 97165-97167): the "
                    + "plan of care is written from it, so it is furnished before any certification, and Medicare "
                    + "pays it whether or not a plan follows (a re-evaluation is under the plan and still needs it)")
            .revised(4, "2026-12-06: nor for a speech-language evaluation alone (92521-92524, 92597, 92610-92612): the "
                    + "same reason; an SLP re-evaluation, billed with the same codes, cannot be told apart and is not "
                    + "warned either (a warning on every new SLP patient was false far more often)")
            .revised(5, "2026-12-07: nor for laryngeal function studies alone (92520, in the code catalog from 2026.7), "
                    + "an instrumental study as 92611 and 92612 are");
    /**
     * Evaluations furnished before a plan of care exists: PT 97161-97163 and OT 97165-97167 (re-evaluations have
     * their own codes, 97164 and 97168), and the speech-language evaluations 92521-92524, 92597 and 92610-92612 (the
     * instrumental swallowing studies among them) and the laryngeal function studies 92520, which are
     * billed for an SLP's re-evaluations too (those cannot be told apart here).
     */
    private static final java.util.Set<String> INITIAL_EVALUATIONS = java.util.Set.of("97161", "97162", "97163",
            "97165", "97166", "97167", "92521", "92522", "92523", "92524", "92597", "92610", "92611", "92612", "92520");
    public static final RuleInfo CERTIFYING_NPI = new RuleInfo("MW-P004", Severity.WARN,
            "No NPI for the certifying physician",
            "Record the certifying physician's or NPP's 10-digit NPI (certification.physicianNpi): the claim "
                    + "reports it as the referring provider (837P loop 2310A, box 17/17b) or the attending provider "
                    + "(837I loop 2310A, form locator 76).",
            "Medicare administrative contractor: certifying physician on therapy claims [MAC: Noridian]; 837P and "
                    + "837I TR3 loop 2310A", Citations.MAC_CERTIFYING_NPI);
    public static final RuleInfo AUTHORIZATION = new RuleInfo("MW-P003", Severity.BLOCK,
            "Visit beyond the prior authorization",
            "Request more visits or an extension from the payer before billing this visit.",
            "Payer prior authorization terms", Citations.MINUTEWISE);

    @Override
    public RuleInfo info() {
        return CERTIFICATION;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(CERTIFICATION, CERTIFICATION_MISSING, CERTIFYING_NPI, AUTHORIZATION);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        Visit v = ctx.visit();
        LocalDate dos = v.dateOfService();
        // Medicare's certification is of a therapy plan of care: a visit of chiropractic manipulation alone (or a
        // chiropractor's therapy, which MW-W001 already blocks) needs none.
        boolean medicareTherapy = ctx.payer().isMedicare() && therapyLine(ctx);
        if (v.certification().isEmpty()) {
            // Nor does an initial evaluation alone: the plan of care it establishes is certified after it
            // (Pub 100-02 ch. 15 §220.1.1, §220.1.3).
            if (medicareTherapy && !initialEvaluationsOnly(ctx)) {
                out.add(CERTIFICATION_MISSING.finding("certification", "No plan of care certification is recorded "
                        + "for this visit; Medicare pays outpatient therapy only under a certified plan of care."));
            }
        } else if (medicareTherapy) {
            // The certification and its 90 days are Medicare's (Pub 100-02 ch. 15 §220.1.3): another payer's terms
            // are its authorization's (MW-P003). An initial evaluation alone needs none, as without a certification:
            // the plan is written from it, so it may come before the period, and Medicare pays it either way.
            Certification c = v.certification().get();
            boolean evaluationOnly = initialEvaluationsOnly(ctx);
            c.from().filter(f -> !evaluationOnly && dos.isBefore(f)).ifPresent(f -> out.add(CERTIFICATION.finding(
                    "certification.from", "The visit on " + dos + " is before the certification period starts ("
                            + f + ").")));
            c.to().filter(t -> !evaluationOnly && dos.isAfter(t)).ifPresent(t -> out.add(CERTIFICATION.finding(
                    "certification.to", "The visit on " + dos + " is after the certification period ended ("
                            + t + "); the plan of care needs recertification.")));
            if (c.from().isPresent() && c.to().map(t -> !dos.isAfter(t)).orElse(true) && !evaluationOnly) {
                LocalDate lastDay = c.from().get().plusDays(MAX_CERTIFICATION_DAYS - 1);
                if (dos.isAfter(lastDay)) {
                    out.add(CERTIFICATION.finding("certification.to", "The certification from " + c.from().get()
                            + (c.to().isPresent() ? " to " + c.to().get() : " with no end date") + " covers at most "
                            + MAX_CERTIFICATION_DAYS + " days, through " + lastDay + "; the visit on " + dos + " needs "
                            + "a recertified plan of care."));
                }
            }
            if (c.physician().isEmpty()) {
                out.add(CERTIFICATION_MISSING.finding("certification.physician", "The certification names no "
                        + "physician or NPP; Medicare needs the certifying practitioner's signature."));
            } else if (c.physician().isPresent() && c.physicianNpi().isEmpty()) {
                out.add(CERTIFYING_NPI.finding("certification.physicianNpi", "The certification names "
                        + c.physician().get() + " but not their NPI. Medicare's claim edits look for the NPI of the "
                        + "physician or NPP who certified the plan of care on every therapy claim; add it before the "
                        + "claim is sent."));
            }
        }
        if (v.authorization().isPresent()) {
            Authorization a = v.authorization().get();
            if (a.visits().isPresent() && a.used().isPresent() && a.used().getAsInt() >= a.visits().getAsInt()) {
                out.add(AUTHORIZATION.finding("authorization.used", "The authorization allows "
                        + a.visits().getAsInt() + " visits and " + a.used().getAsInt() + " were already used; this "
                        + "visit is number " + (a.used().getAsInt() + 1) + "."));
            }
            a.from().filter(dos::isBefore).ifPresent(f -> out.add(AUTHORIZATION.finding("authorization.from",
                    "The visit on " + dos + " is before the authorization starts (" + f + ").")));
            a.to().filter(dos::isAfter).ifPresent(t -> out.add(AUTHORIZATION.finding("authorization.to",
                    "The visit on " + dos + " is after the authorization ended (" + t + ").")));
        }
    }

    /** An initial evaluation (PT, OT or speech-language), which comes before the plan of care it establishes. */
    public static boolean initialEvaluation(String code) {
        return INITIAL_EVALUATIONS.contains(code);
    }

    /** Every line is an {@link #initialEvaluation initial evaluation}. */
    private static boolean initialEvaluationsOnly(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        for (ServiceLine l : s) {
            if (!initialEvaluation(l.code())) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** A line of a therapy code (or an unknown code) furnished by someone other than a chiropractor. */
    private static boolean therapyLine(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if ((info == null || !info.disciplines().isEmpty()) && s.get(i).provider().role() != Role.DC) {
                return true;
            }
        }
        return false;
    }
}
