package org.minutewise.core.check.rules.doc;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.core.units.UnitMethod;

/** Hand-built reference data for the documentation rule tests (core tests cannot read refdata). */
final class DocFixtures {
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    static final DocumentationPhrases PHRASES = new DocumentationPhrases("test", Map.ofEntries(
            Map.entry(PhraseLists.DEFICIT, List.of("balance", "proprioception", "coordination", "postural control",
                    "hemiparesis")),
            Map.entry(PhraseLists.FUNCTION, List.of("falls", "fall risk", "transfers", "gait", "ADLs")),
            Map.entry(PhraseLists.BALANCE_DEFICIT, List.of("impaired balance", "balance deficit",
                    "impaired proprioception", "proprioceptive deficit")),
            Map.entry(PhraseLists.TECHNIQUE, List.of("PNF", "perturbation training", "gaze stabilization",
                    "weight shifting", "BAPS board")),
            Map.entry(PhraseLists.SKILLED, List.of("tactile cues", "verbal cues", "cues", "facilitation",
                    "contact guard", "progressed")),
            Map.entry(PhraseLists.MEASURE, List.of("Berg", "TUG", "single-leg stance")),
            Map.entry(PhraseLists.RESPONSE, List.of("tolerated", "improved", "fewer cues", "fatigue")),
            Map.entry(PhraseLists.VAGUE_RESPONSE, List.of("tolerated well", "tolerated treatment well",
                    "good tolerance")),
            Map.entry(PhraseLists.PLAN, List.of("plan", "progress", "next session")),
            Map.entry(PhraseLists.GOAL, List.of("goal", "to improve", "to reduce")),
            Map.entry(PhraseLists.VAGUE_PLAN, List.of("continue POC", "cont POC")),
            Map.entry(PhraseLists.VAGUE, List.of("worked on balance", "balance activities",
                    "pt did well", "exercises performed")),
            Map.entry(PhraseLists.ACTIVITY, List.of("patient performed", "pt performed", "pt did")),
            Map.entry(PhraseLists.INDEPENDENT, List.of("performed independently", "home exercise program performed",
                    "exercised on own", "home exercises performed", "performed HEP", "treated another")),
            Map.entry(PhraseLists.INDEPENDENT_LEVEL, List.of("independently", "(I)", "I'ly", "supervision only",
                    "unsupervised", "pt independent")),
            Map.entry(PhraseLists.STATUS, List.of("able to", "unable to", "goal", "reports", "at home", "currently",
                    "by the end")),
            Map.entry(PhraseLists.NO_CUE, List.of("without cues", "no cues")),
            Map.entry(PhraseLists.NOT_BILLED, List.of("not billed", "not counted"))));

    /**
     * {@link #PHRASES} with the lists of a billing expert's review (2026-12-07): balance measures (a stance test also
     * a technique, so a measure only with its time), and the markers of a measured change.
     */
    static final DocumentationPhrases REVIEWED_PHRASES = reviewed();

    private static DocumentationPhrases reviewed() {
        Map<String, List<String>> lists = new java.util.HashMap<>(PHRASES.lists());
        lists.put(PhraseLists.TECHNIQUE, List.of("PNF", "perturbation training", "gaze stabilization",
                "weight shifting", "BAPS board", "single-leg stance", "SLS", "tandem stance"));
        lists.put(PhraseLists.MEASURE, List.of("Berg", "TUG", "single-leg stance", "SLS", "tandem stance",
                "Romberg"));
        lists.put(PhraseLists.BALANCE_MEASURE, List.of("Berg", "single-leg stance", "SLS", "tandem stance",
                "Romberg"));
        lists.put(PhraseLists.CHANGE, List.of("(was", "from", "deg", "degs", "degree", "degrees", "now"));
        lists.put(PhraseLists.FUNCTION, List.of("falls", "fall risk", "transfers", "gait", "ADLs", "stairs"));
        return new DocumentationPhrases("test-reviewed", lists);
    }

    /** A note that satisfies every text check for 97112 + 97110. */
    static final String STRONG = "Pt with right hemiparesis, impaired balance and two falls this month; Berg 38/56. "
            + "97112: perturbation training in standing with tactile cues at the pelvis and contact guard to "
            + "reduce fall risk. 97110: hip abductor strengthening with verbal cues to improve stance stability. "
            + "Pt improved, needing fewer cues by the end. Plan: progress to foam next session.";

    static final CodeCatalog CODES = new CodeCatalog("test", List.of(
            timed("97112"), timed("97110"), timed("97530"), timed("97140"), timed("97129"),
            new CodeInfo("97130", "Cognitive, each additional 15 minutes", true, true, false, false, false, false,
                    Optional.of("97129"), EnumSet.of(Discipline.PT, Discipline.OT, Discipline.SLP),
                    LocalDate.of(2020, 1, 1), Optional.empty()),
            new CodeInfo("97150", "Group", false, false, false, false, false, true, Optional.empty(),
                    EnumSet.of(Discipline.PT), LocalDate.of(1990, 1, 1), Optional.empty()),
            new CodeInfo("92507", "Speech, language or voice treatment", false, false, false, false, false, false,
                    Optional.empty(), EnumSet.of(Discipline.SLP), LocalDate.of(1990, 1, 1), Optional.empty()),
            new CodeInfo("92526", "Swallowing treatment", false, false, false, false, false, false,
                    Optional.empty(), EnumSet.of(Discipline.SLP, Discipline.OT), LocalDate.of(1990, 1, 1),
                    Optional.empty()),
            new CodeInfo("92508", "Speech, language or voice treatment, group", false, false, false, false, false,
                    true, Optional.empty(), EnumSet.of(Discipline.SLP), LocalDate.of(1990, 1, 1), Optional.empty()),
            new CodeInfo("97010", "Hot or cold packs", false, false, false, true, false, false, Optional.empty(),
                    EnumSet.of(Discipline.PT), LocalDate.of(1990, 1, 1), Optional.empty()),
            new CodeInfo("97161", "PT evaluation, low", false, false, false, false, true, false, Optional.empty(),
                    EnumSet.of(Discipline.PT), LocalDate.of(1990, 1, 1), Optional.empty())));

    static final DiagnosisCatalog DIAGNOSES = new DiagnosisCatalog("test", List.of(
            new DiagnosisCategory("I69", "Sequelae of cerebrovascular disease", "neurological", true),
            new DiagnosisCategory("R26", "Abnormalities of gait and mobility", "gait-balance", true),
            new DiagnosisCategory("M17", "Osteoarthritis of knee", "musculoskeletal", false),
            new DiagnosisCategory("S93", "Dislocation and sprain of joints and ligaments at ankle foot and toe "
                    + "level", "injury", false)));

    static final PayerProfile MEDICARE = PayerProfile.simple("medicare", PayerKind.MEDICARE, UnitMethod.CMS);
    /** A payer that requires start and end times for each timed code. */
    static final PayerProfile TIMES = new PayerProfile("acme", "Acme PPO", PayerKind.COMMERCIAL, UnitMethod.CPT,
            false, true, OptionalInt.empty(), "59", false, false, java.util.Set.of(), "test");

    static final ReferenceData REF = new ReferenceData(CODES, PayerProfiles.of(List.of(MEDICARE, TIMES)))
            .withDiagnoses(DIAGNOSES).withPhrases(PHRASES);

    /** {@link #REF} with {@link #REVIEWED_PHRASES}. */
    static final ReferenceData REVIEWED = REF.withPhrases(REVIEWED_PHRASES);

    static final VisitChecker CHECKER = new VisitChecker(REF, RuleBook.of(DocumentationRules.all()));

    private DocFixtures() {
    }

    static CodeInfo timed(String code) {
        return new CodeInfo(code, "label " + code, true, true, false, false, false, false, Optional.empty(),
                EnumSet.of(Discipline.PT, Discipline.OT), LocalDate.of(1990, 1, 1), Optional.empty());
    }

    /** 97112 24 min + 97110 23 min, I69.351, total 50 min, the strong note. */
    static Visit.Builder strong() {
        return Visit.builder("V-1", DOS).payer("medicare").diagnosis("I69.351").totalTreatmentMinutes(50)
                .service(ServiceLine.of("97112", 24, Role.PT)).service(ServiceLine.of("97110", 23, Role.PT))
                .note(STRONG);
    }

    /** Only 97112, 24 min, I69.351, total 30 min, with the given note. */
    static Visit.Builder only97112(String note) {
        return Visit.builder("V-2", DOS).payer("medicare").diagnosis("I69.351").totalTreatmentMinutes(30)
                .service(ServiceLine.of("97112", 24, Role.PT)).note(note);
    }

    static List<Finding> check(Visit v) {
        return CHECKER.check(v).findings();
    }

    static List<Finding> check(Visit v, ReferenceData ref) {
        return new VisitChecker(ref, RuleBook.of(DocumentationRules.all())).check(v).findings();
    }

    static List<Finding> of(List<Finding> fs, String id) {
        return fs.stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).toList();
    }
}
