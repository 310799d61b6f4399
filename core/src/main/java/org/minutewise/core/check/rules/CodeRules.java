package org.minutewise.core.check.rules;

import java.time.LocalDate;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.CodeUnits;

/** Code-specific rules (RULES.md §1). */
public final class CodeRules implements Rule {
    public static final RuleInfo CODE_97014_MEDICARE = new RuleInfo("MW-C002", Severity.BLOCK,
            "97014 billed to Medicare",
            "Bill unattended electrical stimulation to Medicare as G0283 (97014 is not payable by Medicare).",
            "CMS HCPCS G0283; RULES.md §1", Citations.CLAIMS_MANUAL_CH5);
    public static final RuleInfo CODE_97010_MEDICARE = new RuleInfo("MW-C003", Severity.INFO,
            "97010 is bundled by Medicare",
            "Nothing to fix; expect no separate payment for hot or cold packs from Medicare.",
            "Medicare physician fee schedule status B (bundled); RULES.md §1", Citations.CLAIMS_MANUAL_CH5);
    public static final RuleInfo COGNITIVE = new RuleInfo("MW-C004", Severity.INFO,
            "Cognitive intervention units not split 97129 then 97130",
            "Bill the first unit of cognitive function intervention as 97129 (once), every further unit as "
                    + "97130; never 97130 alone. Minutewise's claim lines already do this.",
            "CPT 97129/97130 (base and add-on); RULES.md §1", Citations.MINUTEWISE)
            .inEffectFrom(LocalDate.of(2020, 1, 1)) // the two codes replaced 97127 on 2020-01-01
            .revised(2, "2026-12-05: info, not warn: the claim lines already split the units (billed lines that do "
                    + "not are MW-B001's)");
    public static final RuleInfo G0283_NOT_MEDICARE = new RuleInfo("MW-C010", Severity.INFO,
            "G0283 billed to a payer other than Medicare",
            "Check the payer's policy: G0283 is Medicare's code for unattended electrical stimulation, and many "
                    + "commercial and Medicaid plans want 97014 for it instead.",
            "CMS HCPCS G0283 (Medicare's replacement for 97014); the payer's coding policy; RULES.md §1",
            Citations.CLAIMS_MANUAL_CH5);
    public static final RuleInfo NOT_EFFECTIVE = new RuleInfo("MW-C005", Severity.BLOCK,
            "Code not valid on the date of service",
            "Use the code in effect on the date of service.",
            "CMS HCPCS/CPT annual updates; code catalog effective dates", Citations.MINUTEWISE);
    public static final RuleInfo DISCIPLINE = new RuleInfo("MW-C006", Severity.WARN,
            "Code not usually billed under this plan of care",
            "Check the plan of care, or set the line's own discipline when another discipline's clinician "
                    + "furnished it under their own plan (an evaluation belongs to its discipline's plan).",
            "CMS Pub 100-04 ch. 5 §20.1 (discipline modifiers)", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: not for another discipline's evaluation code billed to Medicare, which MW-C011 "
                    + "blocks");
    public static final RuleInfo OTHER_DISCIPLINES_EVALUATION = new RuleInfo("MW-C011", Severity.BLOCK,
            "Another discipline's evaluation code billed to Medicare",
            "Bill the evaluation code of the discipline that evaluated: an occupational therapist's evaluation is "
                    + "97165-97167 by complexity (97168 a re-evaluation), a physical therapist's 97161-97163 (97164), "
                    + "a speech-language pathologist's 92521-92524; when a clinician of the code's own discipline "
                    + "evaluated under their own plan, set the line's discipline to theirs.",
            "CMS Pub 100-04 ch. 5 §20.1 (discipline modifiers; CR 9933: GP only on 97161-97164, GO only on "
                    + "97165-97168, GN only on 92521-92524); RULES.md §1, §4", Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo MANIPULATION_LEVEL = new RuleInfo("MW-C012", Severity.BLOCK,
            "Spinal manipulation code above the regions documented",
            "Bill the code of the spinal regions manipulated: 98940 for 1-2 regions, 98941 for 3-4, 98942 for 5; to "
                    + "Medicare each region counts only with its subluxation among the diagnoses (M99.01 cervical, "
                    + "M99.02 thoracic, M99.03 lumbar, M99.04 sacral, M99.05 pelvic).",
            "CPT 98940-98942 (spinal regions); CMS Pub 100-02 ch. 15 §240.1.2 (the level of the subluxation); "
                    + "RULES.md §4", Citations.BENEFIT_MANUAL_CH15);

    /** The spinal manipulation code of {@code regions} spinal regions (1-2, 3-4, 5). */
    static String manipulationFor(int regions) {
        return regions <= 2 ? "98940" : regions <= 4 ? "98941" : "98942";
    }

    /** The fewest spinal regions a manipulation code stands for (98940: 1, 98941: 3, 98942: 5). */
    static int fewestRegions(String code) {
        return switch (code) {
            case "98941" -> 3;
            case "98942" -> 5;
            default -> 1;
        };
    }

    /** The evaluation codes Medicare's edits take only with their own discipline's modifier (CR 9933). */
    private static final java.util.Map<String, Discipline> EVALUATED_BY = java.util.Map.ofEntries(
            java.util.Map.entry("97161", Discipline.PT), java.util.Map.entry("97162", Discipline.PT),
            java.util.Map.entry("97163", Discipline.PT), java.util.Map.entry("97164", Discipline.PT),
            java.util.Map.entry("97165", Discipline.OT), java.util.Map.entry("97166", Discipline.OT),
            java.util.Map.entry("97167", Discipline.OT), java.util.Map.entry("97168", Discipline.OT),
            java.util.Map.entry("92521", Discipline.SLP), java.util.Map.entry("92522", Discipline.SLP),
            java.util.Map.entry("92523", Discipline.SLP), java.util.Map.entry("92524", Discipline.SLP));

    /**
     * The evaluation code of discipline {@code to} of the same kind as {@code code} (a PT evaluation of low
     * complexity, 97161, is an OT's 97165), or null when there is none (the speech-language evaluations name what
     * they evaluate, not a complexity).
     */
    static String sameEvaluationOf(String code, Discipline to) {
        int pt = List.of("97161", "97162", "97163", "97164").indexOf(code);
        int ot = List.of("97165", "97166", "97167", "97168").indexOf(code);
        int k = pt >= 0 ? pt : ot;
        if (k < 0) {
            return null;
        }
        return to == Discipline.PT ? "9716" + (1 + k) : to == Discipline.OT ? "9716" + (5 + k) : null;
    }

    /**
     * A diagnosis written as an ICD-10-CM category or subcategory that is subdivided (G81, E10.4): not a valid code
     * on a claim, which the payer's front-end edits reject. Only the catalog's categories are known here, so a code
     * cut short below them (G81.9 for G81.91) is not caught.
     */
    public static final RuleInfo DIAGNOSIS_NOT_BILLABLE = new RuleInfo("MW-C007", Severity.BLOCK,
            "Diagnosis code not billable: it needs more characters",
            "Code the diagnosis to its full specificity from the certified plan of care or the physician's record: "
                    + "every character the code requires, including the 7th character (A, D or S) of an injury "
                    + "code.",
            "ICD-10-CM Official Guidelines for Coding and Reporting, section I.B.2 (a code is invalid if it has "
                    + "not been coded to the full number of characters required); HIPAA code set (45 CFR 162.1002)",
            Citations.ICD10)
            .revised(2, "2026-12-05: also an injury code (S00-T88 but T31-T32), or a pathological or fatigue "
                    + "fracture code (M48.4-M48.5, M80, M84.3-M84.6), without its 7th character; and the subdivided "
                    + "subcategories the catalog names (M54.5, R26.8, M17.1, I69.35, M25.5)")
            .revised(3, "2026-12-06: by the date of service: a category subdivided since 2018 is billable before its "
                    + "subdivision (G20 until 2023-09-30, M54.5 until 2021-09-30, G35 until 2025-09-30), and a code "
                    + "below it is refused before it existed (G20.A1 in 2022)");

    /**
     * A diagnosis that is no ICD-10-CM code: not in the code set the user gave (--icd10-file), or a header of it (a
     * category or subcategory not valid on a claim) that MW-C007 did not already name; without the file, only what
     * the shape alone proves: a code of four to six characters that ends in the placeholder X, which stands only
     * before a further character.
     */
    public static final RuleInfo DIAGNOSIS_NOT_IN_CODE_SET = new RuleInfo("MW-C015", Severity.BLOCK,
            "Diagnosis code not in the ICD-10-CM code set",
            "Correct the diagnosis from the certified plan of care or the physician's record: a code of the "
                    + "ICD-10-CM code set in effect on the date of service (each fiscal year's set applies from "
                    + "October 1), coded to every character it requires.",
            "HIPAA code set rule (45 CFR 162.1002: ICD-10-CM is the required code set for diagnoses); ICD-10-CM "
                    + "Official Guidelines for Coding and Reporting, sections I.A.4 (the placeholder X) and I.B.2 "
                    + "(a code is invalid if it has not been coded to the full number of characters required)",
            Citations.ICD10);

    /**
     * A diagnosis the code set the user gave does not hold as billable, when that set is another fiscal year's than
     * the date of service's: no proof either way, so a warning to check it against the right year's set (MW-C015
     * blocks only with the date of service's own year, or a set whose year is not known).
     */
    public static final RuleInfo DIAGNOSIS_OTHER_YEAR = new RuleInfo("MW-C016", Severity.WARN,
            "Diagnosis not billable in the loaded ICD-10-CM code set of another fiscal year",
            "Check the code against the code set of the date of service's fiscal year (CMS publishes one each year, "
                    + "in effect from October 1), and load that year's file with --icd10-file.",
            "HIPAA code set rule (45 CFR 162.1002(c)(2): the code set valid at the time the service is provided); "
                    + "ICD-10-CM Official Guidelines for Coding and Reporting, section I.B.2",
            Citations.ICD10);

    public static final RuleInfo NO_DIAGNOSIS = new RuleInfo("MW-C008", Severity.BLOCK,
            "No diagnosis",
            "Add the ICD-10-CM diagnoses of the certified plan of care (the treating diagnosis, and the medical "
                    + "diagnosis it follows from), each coded to its full specificity.",
            "X12 837P loop 2300 HI (at least one diagnosis); CMS-1500 item 21; CMS Pub 100-04 ch. 26 §10.2",
            Citations.ICD10);

    public static final RuleInfo NO_SUBLUXATION = new RuleInfo("MW-C009", Severity.BLOCK,
            "Chiropractic manipulation to Medicare without a subluxation diagnosis",
            "Put the subluxation at the level treated first among the diagnoses (M99.01 cervical, M99.02 "
                    + "thoracic, M99.03 lumbar, M99.04 sacral, M99.05 pelvic), with the condition it causes after it, "
                    + "as the x-ray or the PART examination documents it.",
            "CMS Pub 100-02 ch. 15 §240.1.2 (subluxation, its level); Pub 100-04 ch. 12 §220 (the primary "
                    + "diagnosis is the subluxation)", Citations.BENEFIT_MANUAL_CH15);

    /**
     * MW-C012: a manipulation code that stands for more spinal regions than the line's documented regions (when it
     * lists them) or, to Medicare, than the levels of subluxation among the diagnoses (when there is at least one:
     * none is MW-C009's).
     */
    private static void manipulationLevel(CheckContext ctx, int i, ServiceLine l, boolean medicare,
                                          List<Finding> out) {
        int needs = fewestRegions(l.code());
        if (needs == 1) {
            return;
        }
        List<String> spinal = new java.util.ArrayList<>();
        for (org.minutewise.core.model.BodyRegion r : l.regions()) {
            if (r.spinal() && !spinal.contains(r.label())) {
                spinal.add(r.label());
            }
        }
        if (!spinal.isEmpty() && spinal.size() < needs) {
            out.add(MANIPULATION_LEVEL.finding(codePath(i), l.code() + " stands for " + (needs == 3 ? "3-4" : "5")
                    + " spinal regions, and the line documents " + spinal.size() + " (" + String.join(", ", spinal)
                    + "): that is " + manipulationFor(spinal.size()) + "."));
            return;
        }
        if (!medicare) {
            return;
        }
        java.util.Set<Character> levels = new java.util.TreeSet<>();
        for (String d : ctx.visit().diagnoses()) {
            if (subluxation(d)) {
                levels.add(DiagnosisCategory.key(d).charAt(4));
            }
        }
        if (!levels.isEmpty() && levels.size() < needs) {
            List<String> named = new java.util.ArrayList<>();
            for (char c : levels) {
                named.add("M99.0" + c);
            }
            out.add(MANIPULATION_LEVEL.finding(codePath(i), l.code() + " stands for " + (needs == 3 ? "3-4" : "5")
                    + " spinal regions, and the diagnoses name a subluxation at " + levels.size()
                    + (levels.size() == 1 ? " level" : " levels") + " (" + String.join(", ", named) + "): to "
                    + "Medicare a region counts only with its subluxation, so the claim supports "
                    + manipulationFor(levels.size()) + "."));
        }
    }

    /**
     * MW-C015 for diagnosis {@code i}: looked up in the code set when one was given, else judged by the placeholder X
     * alone (no finding is no claim that the code exists).
     */
    private static void notInCodeSet(java.util.Optional<org.minutewise.core.codes.Icd10CodeSet> set, String d, int i,
                                     LocalDate date, List<Finding> out) {
        String path = "diagnoses[" + i + "]";
        String k = DiagnosisCategory.key(d);
        if (k.length() >= 4 && k.length() <= 6 && k.charAt(k.length() - 1) == 'X') {
            out.add(DIAGNOSIS_NOT_IN_CODE_SET.finding(path, d + " ends in the placeholder X, which ICD-10-CM puts "
                    + "only before a further character (the 7th, as in T07.XXXA): no code ends in it. The payer "
                    + "rejects the claim as it stands."));
            return;
        }
        if (set.isEmpty()) {
            return;
        }
        java.util.Optional<Boolean> header = set.get().header(d);
        if (header.orElse(true) && set.get().otherYearThan(date)) {
            int fy = org.minutewise.core.codes.Icd10CodeSet.fiscalYearOf(date);
            out.add(DIAGNOSIS_OTHER_YEAR.finding(path, d + (header.isEmpty() ? " is not in" : " is a header in")
                    + " the loaded ICD-10-CM code set (" + set.get().version() + "), but the date of service "
                    + date + " falls in FY" + fy + " (" + (fy - 1) + "-10-01 to " + fy + "-09-30): codes are "
                    + "added, deleted and subdivided every October 1, so " + d + " may have been billable then. "
                    + "Minutewise cannot tell from another year's set."));
            return;
        }
        if (header.isEmpty()) {
            out.add(DIAGNOSIS_NOT_IN_CODE_SET.finding(path, d + " is not in the ICD-10-CM code set ("
                    + set.get().version() + "): no such code, so the payer rejects the claim as an invalid "
                    + "diagnosis."));
        } else if (header.get()) {
            out.add(DIAGNOSIS_NOT_IN_CODE_SET.finding(path, d + " is a header in the ICD-10-CM code set ("
                    + set.get().version() + "): a category or subcategory with codes below it, not a billable code; "
                    + "the payer rejects the claim as it stands.", "Code the diagnosis to its full specificity: the "
                    + "billable code below " + d + " that the plan of care or the physician's record supports."));
        }
    }

    /** Whether line {@code i} is the first of its code. */
    private static boolean firstOf(List<ServiceLine> s, int i) {
        for (int j = 0; j < i; j++) {
            if (s.get(j).code().equals(s.get(i).code())) {
                return false;
            }
        }
        return true;
    }

    /** The subluxation (segmental and somatic dysfunction) of a spinal region, M99.01-M99.05. */
    public static boolean subluxation(String diagnosis) {
        String k = DiagnosisCategory.key(diagnosis);
        return k.length() == 5 && k.startsWith("M990") && k.charAt(4) >= '1' && k.charAt(4) <= '5';
    }

    @Override
    public RuleInfo info() {
        return CODE_97014_MEDICARE;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(CODE_97014_MEDICARE, CODE_97010_MEDICARE, COGNITIVE, NOT_EFFECTIVE, DISCIPLINE,
                OTHER_DISCIPLINES_EVALUATION, MANIPULATION_LEVEL,
                DIAGNOSIS_NOT_BILLABLE, NO_DIAGNOSIS, NO_SUBLUXATION, G0283_NOT_MEDICARE, DIAGNOSIS_NOT_IN_CODE_SET,
                DIAGNOSIS_OTHER_YEAR);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> s = ctx.visit().services();
        boolean medicare = ctx.payer().isMedicare();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine l = s.get(i);
            if (medicare && l.code().equals("97014")) {
                out.add(CODE_97014_MEDICARE.finding(codePath(i), "97014 (unattended electrical stimulation) is not "
                        + "paid by Medicare; Medicare's code for it is G0283."));
            }
            // Medicare Advantage plans and TRICARE mostly follow Medicare's codes: only the others are told, once.
            if (!medicare && ctx.payer().kind() != org.minutewise.core.payer.PayerKind.MEDICARE_ADVANTAGE
                    && ctx.payer().kind() != org.minutewise.core.payer.PayerKind.TRICARE && l.code().equals("G0283")
                    && firstOf(s, i)) {
                out.add(G0283_NOT_MEDICARE.finding(codePath(i), "G0283 is Medicare's code for unattended "
                        + "electrical stimulation, and this visit's payer (" + ctx.payer().id() + ") is not Medicare: "
                        + "many plans want 97014 for it instead; check its coding policy before the claim goes "
                        + "out."));
            }
            if (medicare && l.code().equals("97010")) {
                out.add(CODE_97010_MEDICARE.finding(codePath(i), "97010 (hot or cold packs) is bundled by Medicare: "
                        + "it may be reported but is not paid separately."));
            }
            CodeInfo info = ctx.codeAt(i);
            if (info != null && !info.effectiveOn(ctx.visit().dateOfService())) {
                out.add(NOT_EFFECTIVE.finding(codePath(i), l.code() + " is valid from " + info.effectiveFrom()
                        + info.effectiveTo().map(t -> " to " + t).orElse("") + ", not on "
                        + ctx.visit().dateOfService() + "."));
            }
            Discipline d = ctx.visit().disciplineOf(l);
            Discipline own = EVALUATED_BY.get(l.code());
            if (info != null && own != null && medicare && own != d) {
                // Medicare's edits take these evaluation codes only with their own discipline's modifier, and the
                // line carries the plan's (CR 9933): the claim comes back.
                String same = sameEvaluationOf(l.code(), d);
                java.util.Optional<Discipline> furnishedBy = l.provider().role().discipline();
                String fix = furnishedBy.isPresent() && furnishedBy.get() == own && l.provider().role().isTherapist()
                        ? "A " + l.provider().role().label() + " evaluated: set the line's discipline to " + own.name()
                        + " (the evaluation belongs to their own plan of care), so it carries " + own.modifier() + "."
                        : same != null ? "Bill " + same + ", the " + d.label() + " evaluation of the same kind, "
                        + "instead of " + l.code() + "." : "Bill the " + d.label() + " evaluation code that fits "
                        + "the evaluation, by its complexity, instead of " + l.code() + ".";
                out.add(OTHER_DISCIPLINES_EVALUATION.finding(codePath(i), l.code() + ", " + info.label() + ", is "
                        + "billed under the " + d.label() + " plan of care, so the line carries " + d.modifier()
                        + "; Medicare takes " + l.code() + " only with " + own.modifier() + " and returns the claim "
                        + "as it stands.", fix));
            } else if (info != null && !info.disciplines().isEmpty() && !info.disciplines().contains(d)) {
                out.add(DISCIPLINE.finding(codePath(i), l.code() + ", " + info.label() + ", is billed under the "
                        + d.label() + " plan of care, which does not usually bill it."));
            }
        }
        List<String> dx = ctx.visit().diagnoses();
        java.time.LocalDate date = ctx.visit().dateOfService();
        for (int i = 0; i < dx.size(); i++) {
            String d = dx.get(i);
            var category = ctx.ref().diagnoses().categoryOf(d);
            if (category.isPresent() && category.get().notYetValid(d, date)) {
                out.add(DIAGNOSIS_NOT_BILLABLE.finding("diagnoses[" + i + "]", d + " is not an ICD-10-CM code on "
                        + date + ": " + category.get().category() + " (" + category.get().title() + ") was subdivided "
                        + "on " + category.get().subdividedOn().get() + ", and before that date "
                        + category.get().category() + " itself is the billable code. The payer rejects the claim as "
                        + "it stands.", "Code the diagnosis as it was valid on the date of service: "
                        + category.get().category() + " for a date before " + category.get().subdividedOn().get()
                        + "."));
            } else if (category.isPresent() && !category.get().billableOn(date) && category.get().is(d)) {
                out.add(DIAGNOSIS_NOT_BILLABLE.finding("diagnoses[" + i + "]", d + " (" + category.get().title()
                        + ") is an ICD-10-CM category, not a billable code: a claim needs each diagnosis with all "
                        + "the characters it requires, such as " + ctx.ref().diagnoses().exampleOn(category.get(), date)
                        + ". The payer rejects the claim as it stands."));
            } else if (DiagnosisCategory.needsSeventhCharacter(d)) {
                out.add(DIAGNOSIS_NOT_BILLABLE.finding("diagnoses[" + i + "]", d + " lacks its 7th character: an "
                        + "injury code (and a pathological or fatigue fracture code) is billable only with A "
                        + "(initial encounter), D (subsequent encounter, as for therapy during healing) or S "
                        + "(sequela), with X placeholders to reach it (S82.61XD). The payer rejects the claim as it "
                        + "stands."));
            } else {
                notInCodeSet(ctx.ref().diagnoses().codeSet(), d, i, date, out);
            }
        }
        int manipulation = -1;
        for (int i = 0; i < ctx.visit().services().size() && manipulation < 0; i++) {
            if (ClaimBuilder.SPINAL_MANIPULATION.contains(ctx.visit().services().get(i).code())) {
                manipulation = i;
            }
        }
        if (medicare && manipulation >= 0 && dx.stream().noneMatch(CodeRules::subluxation)) {
            out.add(NO_SUBLUXATION.finding(codePath(manipulation), ctx.visit().services().get(manipulation).code()
                    + " (chiropractic manipulation) is billed to Medicare without a subluxation among the diagnoses "
                    + "(M99.01-M99.05, at the level treated): Medicare pays manipulation only to correct a "
                    + "subluxation."));
        }
        for (int i = 0; i < ctx.visit().services().size(); i++) {
            ServiceLine l = ctx.visit().services().get(i);
            if (ClaimBuilder.SPINAL_MANIPULATION.contains(l.code())) {
                manipulationLevel(ctx, i, l, medicare, out);
            }
        }
        if (dx.isEmpty()) {
            out.add(NO_DIAGNOSIS.finding("diagnoses", "The visit carries no diagnosis: every claim line points at "
                    + "one (up to four per line, twelve per claim), and a claim without any is rejected."));
        }
        int base = 0;
        int addOn = 0;
        List<CodeUnits> counted = ctx.units().lines();
        for (int i = 0; i < counted.size(); i++) {
            CodeUnits cu = counted.get(i);
            if (cu.code().equals(ClaimBuilder.COGNITIVE_BASE)) {
                base = cu.units();
            } else if (cu.code().equals(ClaimBuilder.COGNITIVE_ADD_ON)) {
                addOn = cu.units();
            }
        }
        int total = base + addOn;
        if (total > 0 && base != 1) {
            out.add(COGNITIVE.finding("services[code=" + (base == 0 ? "97130" : "97129") + "]", "The "
                    + total + " units of cognitive function intervention were documented as 97129 x" + base
                    + " and 97130 x" + addOn + "; they are billed as 97129 x1" + (total > 1 ? " and 97130 x"
                    + (total - 1) : "") + " (97129 once for the first unit, 97130 for each further unit)."));
        }
    }

    /** The path of a line's code, for a finding: built only for a finding that fires. */
    private static String codePath(int i) {
        return CheckContext.path(i) + ".code";
    }
}
