package org.minutewise.core.check.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;

/** Who may furnish and bill therapy (RULES.md §2, §4). */
public final class WhoMayBill implements Rule {
    public static final RuleInfo CHIROPRACTOR_MEDICARE = new RuleInfo("MW-W001", Severity.BLOCK,
            "Therapy by a chiropractor billed to Medicare",
            "Medicare covers only spinal manipulation (98940-98942 with AT) from a chiropractor; do not bill "
                    + "therapy codes under the chiropractor to Medicare. When the claim must show them (for the "
                    + "patient's secondary payer), bill them with their GP/GO/GN and GY (excluded by statute; GX too "
                    + "if a notice was given anyway), never GA/GZ: an always-therapy code without its discipline "
                    + "modifier is returned unprocessable.",
            "CMS Pub 100-02 ch. 15 §30.5, §240.1.3; SSA §1861(r)(5) (chiropractors: manual manipulation of the "
                    + "spine only); Pub 100-04 ch. 5 §10.4 B (therapy modifiers on always-therapy codes)",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: the claim line of such a service carries GY alone (it carried GP and the ABN's "
                    + "GA/GZ), is priced at $0 and counts toward no KX bucket")
            .revised(3, "2026-12-05: the line keeps its GP/GO/GN beside GY (Pub 100-04 ch. 5 §10.4 B: an always-"
                    + "therapy code without one is returned unprocessable), and GX follows a voluntary ABN");
    public static final RuleInfo AIDE = new RuleInfo("MW-W002", Severity.BLOCK,
            "An aide's minutes billed as therapy",
            "Remove the aide's minutes: services by aides or technicians are not therapy, even under supervision.",
            "CMS Pub 100-02 ch. 15 §230; Pub 100-04 ch. 5 §20.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: only where the aide's service reaches the claim (an untimed code); an aide's "
                    + "minutes under a timed code are left out of the units and reported as MW-U007");
    public static final RuleInfo ASSISTANT_SETTING = new RuleInfo("MW-W003", Severity.BLOCK,
            "Assistant's service in a setting where CQ/CO do not apply",
            "In a physician's office (incident-to), therapy must be furnished by a therapist or the physician, "
                    + "not an assistant.",
            "CMS Pub 100-02 ch. 15 §230.5, §60; CMS Pub 100-04 ch. 5 §20.1", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: an SLPA's line in a physician's office billed to a payer other than Medicare "
                    + "blocks as a PTA's or OTA's does (incident-to therapy must be furnished by someone qualified as a "
                    + "therapist; it went out under the SLP with only MW-W012 said); Medicare's SLPA lines stay "
                    + "MW-W011's");
    public static final RuleInfo NO_SUPERVISOR = new RuleInfo("MW-W004", Severity.BLOCK,
            "Assistant's service with no supervising therapist named",
            "Name the supervising therapist (provider.supervisorId and supervisorNpi): an assistant is not the "
                    + "rendering provider (PTAs and OTAs do not enroll with Medicare; payers that pay an SLPA's "
                    + "services pay them under the supervising SLP), so the supervising therapist is.",
            "CMS Pub 100-02 ch. 15 §230.1-230.2; RULES.md §4", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: an SLPA's line billed to a payer other than Medicare too (it went out with no "
                    + "rendering provider and nothing blocking)")
            .revised(3, "2026-12-07: the fix says why for an SLPA too (it spoke of Medicare enrolment only, on a "
                    + "commercial SLPA line)");
    public static final RuleInfo ASSISTANT_DISCIPLINE = new RuleInfo("MW-W005", Severity.BLOCK,
            "Assistant outside their discipline's plan of care",
            "A PTA furnishes services only under a PT plan of care (CQ with GP), an OTA only under an OT plan "
                    + "(CO with GO), an SLPA only under an SLP's (GN); correct the provider or the plan of care.",
            "CMS Pub 100-04 ch. 5 §20.1 (CQ with GP, CO with GO); ASHA's SLPA scope of practice (an SLPA works "
                    + "under an SLP)", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: an SLPA's line billed under a PT or OT plan of care to a payer that pays SLPA "
                    + "services (it went out under GP or GO unsaid; Medicare's SLPA lines stay MW-W011's)");
    public static final RuleInfo ASSISTANT_CAH = new RuleInfo("MW-W006", Severity.INFO,
            "Assistant's service in a critical access hospital: no CQ/CO",
            "Nothing to fix: CQ/CO are not used in critical access hospitals.",
            "CMS Pub 100-04 ch. 5 §20.1", Citations.CLAIMS_MANUAL_CH5)
            .inEffectFrom(ClaimBuilder.ASSISTANT_MODIFIERS_FROM);

    /**
     * Before 2025 an assistant in private practice needed the supervising therapist in the office suite (direct
     * supervision); the CY2025 physician fee schedule final rule allowed general supervision from 2025-01-01.
     */
    public static final RuleInfo DIRECT_SUPERVISION = new RuleInfo("MW-W007", Severity.WARN,
            "Assistant in private practice before 2025: direct supervision",
            "Make sure the record shows the supervising therapist in the office suite during the assistant's "
                    + "service (direct supervision, required for these dates); without it the service is not "
                    + "covered.",
            "CMS Pub 100-02 ch. 15 §230.4 (therapist in private practice); CY2025 PFS final rule (general "
                    + "supervision from 2025-01-01); RULES.md §4", Citations.BENEFIT_MANUAL_CH15)
            .inEffectTo(LocalDate.of(2024, 12, 31))
            .revised(2, "2026-12-07: names every code an assistant furnished on the visit, not only the first "
                    + "line's (the finding named 97110 or 97116 of one visit by the order of its lines)");

    public static final RuleInfo ACTIVE_TREATMENT = new RuleInfo("MW-W008", Severity.INFO,
            "AT on chiropractic manipulation billed to Medicare",
            "Keep AT only when the record supports active or corrective treatment: the subluxation (by x-ray or "
                    + "the PART exam: pain, asymmetry, range of motion, tissue changes) and a treatment plan with "
                    + "measurable goals. For maintenance care give an ABN (visit field abn) and bill without AT.",
            "CMS Pub 100-02 ch. 15 §240.1.3; RULES.md §4", Citations.BENEFIT_MANUAL_CH15);

    /** Evaluation and assessment are the therapist's: an assistant may not furnish them. */
    public static final RuleInfo ASSISTANT_EVALUATION = new RuleInfo("MW-W009", Severity.BLOCK,
            "Evaluation or re-evaluation furnished by an assistant",
            "Bill the evaluation under the therapist who performed and documented it (without CQ/CO for a PTA's or "
                    + "OTA's part); an assistant "
                    + "may collect data for it but may not evaluate, re-evaluate or change the plan of care. If no "
                    + "therapist evaluated the patient, remove the line.",
            "CMS Pub 100-02 ch. 15 §230.1 (PTA), §230.2 (OTA): assistants may not provide evaluative or "
                    + "assessment services; §230.3 (speech-language pathology: services of an SLP, Medicare "
                    + "recognizes no SLPA); ASHA's SLPA scope of practice (no diagnostic evaluation)",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: cites §230.3 and ASHA's SLPA scope for a speech-language pathology assistant, "
                    + "and the fix's CQ/CO is the PTA's and OTA's (an SLP's review)");

    public static final RuleInfo THERAPIST_DISCIPLINE = new RuleInfo("MW-W010", Severity.BLOCK,
            "Therapist outside their discipline's plan of care",
            "Bill the service under the plan of care of the therapist's own discipline (service field discipline: "
                    + "OT with GO, SLP with GN) or correct the provider: a physical therapy plan's GP line under an "
                    + "occupational therapist's NPI (or the other way round) is a claim for a service that "
                    + "therapist does not furnish.",
            "CMS Pub 100-02 ch. 15 §220.1, §230 (each discipline's services under its own plan of care); Pub 100-04 "
                    + "ch. 5 §20.1", Citations.BENEFIT_MANUAL_CH15);

    public static final RuleInfo SLPA_SERVICE = new RuleInfo("MW-W011", Severity.BLOCK,
            "Speech-language pathology assistant's service billed to Medicare",
            "Bill Medicare only for the minutes the speech-language pathologist personally furnished, under the "
                    + "SLP's NPI; an SLPA's services are not covered therapy, and no modifier (CQ/CO are for PTAs and "
                    + "OTAs) makes them billable.",
            "CMS Pub 100-02 ch. 15 §230.3 (services of speech-language pathology assistants are not recognized)",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: only where the SLPA's service reaches the claim (an untimed code); an SLPA's "
                    + "minutes under a timed code are left out of the units and reported as MW-U007")
            .revised(3, "2026-12-07: not when a speech-language pathologist furnished the same untimed code on the "
                    + "visit: the SLP's own session supports the one unit, and MW-U007 warns that the SLPA's part is "
                    + "not billable (an SLP's 92507 continued by an SLPA was blocked)")
            .revised(4, "2026-12-07: in a physician's office, a critical access hospital or private practice before "
                    + "2025 the message says the setting changes nothing, as this finding, not the setting's PTA/OTA "
                    + "one (MW-W003, MW-W006, MW-W007), is the SLPA's: the service is not covered in any setting");
    public static final RuleInfo SLPA_OTHER_PAYER = new RuleInfo("MW-W012", Severity.INFO,
            "Speech-language pathology assistant's service: the payer's policy decides",
            "Check that this payer recognizes SLPA services and how it wants them billed (some Medicaid and "
                    + "commercial plans do, under the supervising SLP); Medicare does not.",
            "CMS Pub 100-02 ch. 15 §230.3; the payer's policy", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: in a critical access hospital the message says no CQ/CO goes on the SLPA's line "
                    + "(MW-W006, the hospital's 'no CQ/CO', is a PTA's or an OTA's: CQ/CO never mark an SLPA's part)");
    public static final RuleInfo SUPERVISOR_NOT_THERAPIST = new RuleInfo("MW-W013", Severity.BLOCK,
            "Assistant supervised by someone who is not a therapist of the assistant's discipline",
            "Name as supervising therapist (provider.supervisorId and supervisorNpi) a PT for a PTA, an OT for an OTA, "
                    + "an SLP for an SLPA: the supervisor is the line's rendering provider, and another assistant or "
                    + "another discipline's therapist cannot be.",
            "CMS Pub 100-02 ch. 15 §230.1 (a PTA under a PT), §230.2 (an OTA under an OT); ASHA's SLPA scope of "
                    + "practice (an SLPA under an SLP; the payer's policy where it pays SLPA services); RULES.md §4",
            Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: an SLPA's line billed to a payer other than Medicare is judged too (an SLPA "
                    + "supervised by an OT on the visit went out under the OT's NPI with nothing blocking)");

    @Override
    public RuleInfo info() {
        return CHIROPRACTOR_MEDICARE;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(CHIROPRACTOR_MEDICARE, AIDE, ASSISTANT_SETTING, NO_SUPERVISOR, ASSISTANT_DISCIPLINE,
                ASSISTANT_CAH, DIRECT_SUPERVISION, ACTIVE_TREATMENT, ASSISTANT_EVALUATION, THERAPIST_DISCIPLINE,
                SLPA_SERVICE, SLPA_OTHER_PAYER, SUPERVISOR_NOT_THERAPIST);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        Visit v = ctx.visit();
        List<ServiceLine> s = v.services();
        // MW-W007 once for the visit, naming every code an assistant furnished (not only the first line's).
        String supervisionPath = null;
        List<String> supervisedCodes = new ArrayList<>();
        Set<Role> supervisedRoles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < s.size(); i++) {
            ServiceLine l = s.get(i);
            Role role = l.provider().role();
            CodeInfo info = ctx.codeAt(i);
            boolean therapyCode = info != null && !info.disciplines().isEmpty();
            String path = CheckContext.path(i);
            if (role == Role.DC && ctx.payer().isMedicare() && therapyCode) {
                out.add(CHIROPRACTOR_MEDICARE.finding(path, l.code() + " is furnished by a chiropractor and billed "
                        + "to Medicare. Medicare covers only spinal manipulation from a chiropractor; " + l.code()
                        + " is not covered."));
            }
            if (role == Role.DC && ClaimBuilder.activeTreatment(v, ctx.payer(), l.code())) {
                out.add(ACTIVE_TREATMENT.finding(path, "Minutewise bills " + l.code() + " to Medicare with AT: "
                        + "Medicare pays chiropractic manipulation only as active treatment of a spinal subluxation, "
                        + "never as maintenance care."));
            }
            // Minutes left out of the units (a timed code) are MW-U007's: only a service that reaches the claim here.
            boolean leftOut = org.minutewise.core.check.VisitChecker.notCounted(v, ctx.payer(),
                    info != null && info.timed(), l) != null;
            if (role == Role.AIDE && therapyCode && !leftOut && (l.minutes() > 0 || !info.timed())) {
                out.add(AIDE.finding(path, l.code() + " is furnished by an aide" + (l.minutes() > 0 ? " ("
                        + l.minutes() + " minutes)" : "") + ". An aide's service is not skilled therapy and may not "
                        + "be billed as " + l.code() + "."));
            }
            if (role.isTherapist() && therapyCode && role.discipline().isPresent()
                    && role.discipline().get() != v.disciplineOf(l)) {
                Discipline billedAs = v.disciplineOf(l);
                out.add(THERAPIST_DISCIPLINE.finding(path, l.code() + " is furnished by " + article(role) + " but "
                        + "billed under the " + billedAs.label() + " plan of care (" + billedAs.modifier() + ", "
                        + "rendering " + l.provider().id().orElse("the therapist") + "); a therapist's services go under the plan of their "
                        + "own discipline (" + role.discipline().get().modifier() + ")."));
            }
            if (role == Role.SLPA && therapyCode && !leftOut
                    && !(ctx.payer().isMedicare() && slpFurnishedToo(v, l.code()))) {
                out.add(ctx.payer().isMedicare()
                        ? SLPA_SERVICE.finding(path, l.code() + " is furnished by a speech-language pathology "
                                + "assistant (" + l.provider().id().orElse("no id") + ") and billed to Medicare, which "
                                + "does not recognize SLPA services: they are not covered as therapy."
                                + medicareSlpaSetting(v))
                        : SLPA_OTHER_PAYER.finding(path, l.code() + " is furnished by a speech-language pathology "
                                + "assistant; whether " + ctx.payer().id() + " pays for it is its own policy."
                                + (v.setting() == Setting.CAH ? " No CQ/CO goes on its line, in a critical access "
                                + "hospital or elsewhere: they mark a PTA's or an OTA's part only (MW-W006 is theirs)."
                                : "")));
            }
            if (!role.rendersUnderSupervisor()) {
                continue;
            }
            if (info != null && info.evaluation()) {
                out.add(ASSISTANT_EVALUATION.finding(path, l.code() + " (" + info.label() + ") is furnished by "
                        + article(role) + ". Evaluations and re-evaluations are the therapist's: an assistant may "
                        + "not evaluate the patient, make the clinical judgments of a re-evaluation or change the "
                        + "plan of care."));
            }
            // Medicare's SLPA service is MW-W011's in every setting (or its minutes MW-U007's): nobody renders it, and
            // its message says what the setting's assistant rule would (medicareSlpaSetting). Elsewhere the supervising
            // SLP renders the line: the supervisor and plan of care are judged as a PTA's or OTA's are, and so is
            // incident-to billing (MW-W003); CQ/CO (MW-W006) and Medicare's supervision (MW-W007) are not an SLPA's.
            boolean slpa = role == Role.SLPA;
            if (slpa && (ctx.payer().isMedicare() || !therapyCode || leftOut)) {
                continue;
            }
            if (!slpa && v.setting() == Setting.PRIVATE_PRACTICE && ctx.payer().isMedicare()
                    && DIRECT_SUPERVISION.inEffectOn(v.dateOfService())) {
                if (supervisionPath == null) {
                    supervisionPath = path + ".provider";
                }
                if (!supervisedCodes.contains(l.code())) {
                    supervisedCodes.add(l.code());
                }
                supervisedRoles.add(role);
            }
            if (v.setting() == Setting.PHYSICIAN_OFFICE) {
                out.add(ASSISTANT_SETTING.finding(path, l.code() + " is furnished by " + article(role) + " in a "
                        + "physician's office. Therapy billed incident to a physician must be furnished by a "
                        + "therapist (or the physician)" + (slpa ? ", and an SLPA is not a speech-language "
                        + "pathologist; no modifier marks an SLPA's part (CQ/CO are a PTA's or an OTA's)."
                        : "; CQ/CO do not apply there.")));
            } else if (v.setting() == Setting.CAH && !slpa) {
                out.add(ASSISTANT_CAH.finding(path, l.code() + " is furnished by " + article(role) + " in a "
                        + "critical access hospital, where CQ/CO are not used: Minutewise adds none."));
            }
            Discipline lineDiscipline = v.disciplineOf(l);
            disciplineCheck(l, role, lineDiscipline, path, out);
            supervisorChecks(v, l, role, lineDiscipline, path, out);
        }
        if (supervisionPath != null) {
            out.add(DIRECT_SUPERVISION.finding(supervisionPath, String.join(", ", supervisedCodes)
                    + (supervisedCodes.size() == 1 ? " is" : " are") + " furnished by "
                    + (supervisedRoles.size() == 1 ? article(supervisedRoles.iterator().next()) : "assistants")
                    + " in private practice on " + v.dateOfService() + ". Before 2025-01-01 Medicare required "
                    + "direct supervision of an assistant in private practice: the supervising therapist in the "
                    + "office suite for the whole service."));
        }
    }

    /**
     * What MW-W011's message adds where a PTA's or an OTA's line would meet a setting's assistant rule: an SLPA's
     * service is not covered by Medicare in any setting (CMS Pub 100-02 ch. 15 §230.3), so MW-W011, not the setting's
     * finding, is the SLPA's, and the message says the setting changes nothing. "" in any other setting.
     */
    private static String medicareSlpaSetting(Visit v) {
        return switch (v.setting()) {
            case PHYSICIAN_OFFICE -> " Billing it incident to a physician does not change that: therapy billed "
                    + "incident to a physician must be furnished by someone qualified as a therapist (MW-W003 is that "
                    + "rule for a PTA or an OTA).";
            case CAH -> " A critical access hospital changes nothing: no modifier makes it billable (CQ/CO, which a "
                    + "critical access hospital does not use anyway, are a PTA's or an OTA's; MW-W006 says so for "
                    + "them).";
            case PRIVATE_PRACTICE -> DIRECT_SUPERVISION.inEffectOn(v.dateOfService()) ? " Direct supervision by the "
                    + "speech-language pathologist (what Medicare required of a PTA or an OTA in private practice "
                    + "before 2025, MW-W007) does not make it covered either." : "";
            default -> "";
        };
    }

    /** MW-W005 for an assistant's line (a PTA's, an OTA's, an SLPA's) billed under another discipline's plan of care. */
    private static void disciplineCheck(ServiceLine l, Role role, Discipline lineDiscipline, String path,
                                        List<Finding> out) {
        if (role.discipline().isPresent() && role.discipline().get() != lineDiscipline) {
            out.add(ASSISTANT_DISCIPLINE.finding(path, l.code() + " is furnished by " + article(role)
                    + " but billed under the " + lineDiscipline.label() + " plan of care ("
                    + lineDiscipline.modifier() + "); " + switch (role) {
                        case PTA -> "CQ goes only with GP.";
                        case OTA -> "CO goes only with GO.";
                        default -> "an SLPA works only under a speech-language pathology plan of care (GN).";
                    }));
        }
    }

    /**
     * MW-W013 and MW-W004 for an assistant's line (a PTA's, an OTA's, an SLPA's): the supervisor is the line's rendering
     * provider, so one the visit shows as another assistant or another discipline's therapist blocks, and so does no
     * supervisor when no therapist of the assistant's discipline is on the visit.
     */
    private static void supervisorChecks(Visit v, ServiceLine l, Role role, Discipline lineDiscipline, String path,
                                         List<Finding> out) {
        Role supervisor = l.provider().supervisorId().map(id -> roleOnVisit(v, id)).orElse(null);
        Discipline own = role.discipline().orElse(lineDiscipline);
        if (supervisor != null && (!supervisor.isTherapist() || supervisor.discipline().orElse(own) != own)) {
            out.add(SUPERVISOR_NOT_THERAPIST.finding(path + ".provider.supervisorId", l.code() + " is furnished by "
                    + article(role) + " supervised by " + l.provider().supervisorId().get() + ", who is "
                    + article(supervisor) + " on this visit: " + switch (role) {
                        case PTA -> "a PTA works under a PT";
                        case OTA -> "an OTA works under an OT";
                        default -> "an SLPA works under an SLP";
                    } + ", and the supervisor is the line's rendering provider."));
        }
        if (l.provider().supervisorId().isEmpty() && !therapistOnVisit(v, own)) {
            out.add(NO_SUPERVISOR.finding(path + ".provider", l.code() + " is furnished by " + article(role)
                    + " and no supervising therapist is named on the visit, so the claim line has no rendering "
                    + "provider: an assistant cannot be one."));
        }
    }

    /**
     * Whether a speech-language pathologist furnished {@code code} on the visit: an untimed code's one unit then rests on
     * the SLP's own service, and an SLPA's part of it adds nothing Medicare is asked to pay (MW-U007 says so).
     */
    public static boolean slpFurnishedToo(Visit v, String code) {
        for (ServiceLine l : v.services()) {
            if (l.provider().role() == Role.SLP && l.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String article(Role r) {
        String label = r.label();
        return ("aeiouAEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    /** The role of the provider {@code id} furnishing a service of the visit, or null when none does. */
    private static Role roleOnVisit(Visit v, String id) {
        List<ServiceLine> services = v.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine l = services.get(i);
            if (id.equals(l.provider().id().orElse(null))) {
                return l.provider().role();
            }
        }
        return null;
    }

    private static boolean therapistOnVisit(Visit v, Discipline d) {
        for (ServiceLine l : v.services()) {
            Role r = l.provider().role();
            if (r.isTherapist() && r.discipline().orElse(null) == d) {
                return true;
            }
        }
        return false;
    }
}
