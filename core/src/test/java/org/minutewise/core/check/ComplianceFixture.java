package org.minutewise.core.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.edits.PtpTable;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.fees.PaymentRates;
import org.minutewise.core.fees.Rvu;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.core.units.UnitMethod;

/**
 * Hand-built reference data for the compliance tests (core cannot use the refdata module). The figures are the
 * ones RULES.md gives: 2026 CF 33.4009, KX $2,480 per bucket, targeted review $3,000, national RVUs for
 * 97110/97112/97530, MUEs 97110 6 / 97112 4 / 97116 4 / 97530 6, and the known therapy NCCI pairs (§4-§6).
 * Where a test needs something RULES.md does not give (an indicator-0 pair, a retired code), it says so here.
 */
public final class ComplianceFixture {
    /** A Monday in 2026: the year whose CF, RVUs and KX threshold are loaded. */
    public static final LocalDate DOS = LocalDate.of(2026, 3, 2);
    private static final LocalDate LONG_AGO = LocalDate.of(1990, 1, 1);

    public static final PayerProfile MEDICARE = PayerProfile.simple("medicare", PayerKind.MEDICARE, UnitMethod.CMS);
    public static final PayerProfile COMMERCIAL = PayerProfile.simple("commercial", PayerKind.COMMERCIAL,
            UnitMethod.CPT);

    private ComplianceFixture() {
    }

    // ---- codes ----------------------------------------------------------------------------------------------

    public static CodeCatalog codes() {
        List<CodeInfo> c = new ArrayList<>();
        for (String code : List.of("97110", "97112", "97116", "97140", "97535", "97113", "97124")) {
            c.add(oneOnOne(code, Set.of(Discipline.PT, Discipline.OT)));
        }
        c.add(oneOnOne("97530", Set.of(Discipline.PT, Discipline.OT, Discipline.SLP)));
        c.add(new CodeInfo("97032", "Electrical stimulation, manual", true, false, true, false, false, false,
                Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LONG_AGO, Optional.empty()));
        LocalDate cognitiveFrom = LocalDate.of(2020, 1, 1);
        Set<Discipline> all = Set.of(Discipline.PT, Discipline.OT, Discipline.SLP);
        c.add(new CodeInfo("97129", "Cognitive function intervention, first 15 minutes", true, true, false, false,
                false, false, Optional.empty(), all, cognitiveFrom, Optional.empty()));
        c.add(new CodeInfo("97130", "Cognitive function intervention, each additional 15 minutes", true, true,
                false, false, false, false, Optional.of("97129"), all, cognitiveFrom, Optional.empty()));
        // 97532 (cognitive skills development) was deleted when 97129/97130 arrived: a retired code for MW-C005.
        c.add(new CodeInfo("97532", "Cognitive skills development (deleted)", true, true, false, false, false,
                false, Optional.empty(), all, LONG_AGO, Optional.of(LocalDate.of(2019, 12, 31))));
        c.add(new CodeInfo("97150", "Therapeutic procedures, group", false, false, false, false, false, true,
                Optional.empty(), all, LONG_AGO, Optional.empty()));
        for (String code : List.of("97010", "97012", "97014", "G0283")) {
            c.add(new CodeInfo(code, "Supervised modality " + code, false, false, false, true, false, false,
                    Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LONG_AGO, Optional.empty()));
        }
        for (String code : List.of("97161", "97162", "97163", "97164")) {
            c.add(evaluation(code, Discipline.PT));
        }
        for (String code : List.of("97165", "97166", "97167", "97168")) {
            c.add(evaluation(code, Discipline.OT));
        }
        c.add(evaluation("92610", Discipline.SLP));
        c.add(new CodeInfo("92507", "Speech, language or voice treatment", false, false, false, false, false, false,
                Optional.empty(), Set.of(Discipline.SLP), LONG_AGO, Optional.empty()));
        c.add(new CodeInfo("92508", "Speech, language or voice treatment, group", false, false, false, false, false,
                true, Optional.empty(), Set.of(Discipline.SLP), LONG_AGO, Optional.empty()));
        // 97799, unlisted physical medicine service: billed by report (no RVUs); 95992 is canalith repositioning.
        c.add(new CodeInfo("97799", "Unlisted physical medicine/rehabilitation service", false, false, false, false,
                false, false, Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LONG_AGO, Optional.empty(),
                true));
        c.add(new CodeInfo("95992", "Canalith repositioning, per day", false, false, false, false, false, false,
                Optional.empty(), Set.of(Discipline.PT, Discipline.OT), LocalDate.of(2011, 1, 1), Optional.empty()));
        // Chiropractic spinal manipulation: not a therapy code (no discipline).
        c.add(new CodeInfo("98940", "Chiropractic manipulative treatment, spinal, 1-2 regions", false, false, false,
                false, false, false, Optional.empty(), Set.of(), LONG_AGO, Optional.empty()));
        return new CodeCatalog("test", c);
    }

    private static CodeInfo oneOnOne(String code, Set<Discipline> disciplines) {
        return new CodeInfo(code, "Therapy " + code, true, true, false, false, false, false, Optional.empty(),
                disciplines, LONG_AGO, Optional.empty());
    }

    private static CodeInfo evaluation(String code, Discipline d) {
        return new CodeInfo(code, d + " evaluation " + code, false, false, false, false, true, false,
                Optional.empty(), Set.of(d), LocalDate.of(2017, 1, 1), Optional.empty());
    }

    // ---- edits ----------------------------------------------------------------------------------------------

    /**
     * The known therapy pairs of RULES.md §5, indicator 1. 97113/97110 is given indicator 0 here (test data) so a
     * pair that no modifier can bypass exists.
     */
    public static PtpTable ptp() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        List<PtpEdit> e = new ArrayList<>();
        e.add(new PtpEdit("97530", "97140", from, Optional.empty(), 1));
        e.add(new PtpEdit("97530", "97116", from, Optional.empty(), 1));
        e.add(new PtpEdit("97150", "97110", from, Optional.empty(), 1));
        e.add(new PtpEdit("97150", "97535", from, Optional.empty(), 1));
        e.add(new PtpEdit("97113", "97110", from, Optional.empty(), 0));
        e.add(new PtpEdit("97140", "97161", from, Optional.empty(), 1));
        e.add(new PtpEdit("97110", "97164", from, Optional.empty(), 1));
        e.add(new PtpEdit("97112", "97164", from, Optional.empty(), 1));
        e.add(new PtpEdit("98940", "97140", from, Optional.empty(), 1));
        e.add(new PtpEdit("98940", "97112", from, Optional.empty(), 1));
        return new PtpTable("test", false, e);
    }

    /** RULES.md §5 MUE values, and one evaluation a day. */
    public static MueTable mue() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        List<Mue> m = new ArrayList<>();
        m.add(new Mue("97110", 6, 3, "Clinical: Data", from));
        m.add(new Mue("97112", 4, 3, "Clinical: Data", from));
        m.add(new Mue("97116", 4, 3, "Clinical: Data", from));
        m.add(new Mue("97530", 6, 3, "Clinical: Data", from));
        m.add(new Mue("97161", 1, 2, "Code Descriptor / CPT Instruction", from));
        m.add(new Mue("97129", 1, 2, "Code Descriptor / CPT Instruction", from));
        return new MueTable("test", false, m);
    }

    // ---- fees -----------------------------------------------------------------------------------------------

    public static final BigDecimal CF_2026 = new BigDecimal("33.4009");

    /** RULES.md §6 national 2026 RVUs for 97110, 97112, 97530; national GPCI; 2025-2026 CF and KX (§4). */
    public static FeeData fees() {
        List<Rvu> rvus = List.of(
                new Rvu("97110", 2026, new BigDecimal("0.45"), new BigDecimal("0.41"), new BigDecimal("0.01")),
                new Rvu("97112", 2026, new BigDecimal("0.50"), new BigDecimal("0.47"), new BigDecimal("0.01")),
                new Rvu("97530", 2026, new BigDecimal("0.44"), new BigDecimal("0.60"), new BigDecimal("0.01")));
        List<KxThreshold> kx = List.of(
                new KxThreshold(2025, new BigDecimal("2410.00"), new BigDecimal("2410.00"), new BigDecimal("3000.00"),
                        "RULES.md §4"),
                new KxThreshold(2026, new BigDecimal("2480.00"), new BigDecimal("2480.00"), new BigDecimal("3000.00"),
                        "RULES.md §4"));
        return new FeeData("test", false, rvus, List.of(Gpci.NATIONAL),
                Map.of(2025, new BigDecimal("32.3465"), 2026, CF_2026), kx, List.of(rates(2025), rates(2026)),
                Map.of("97110", new BigDecimal("65.00"), "97112", new BigDecimal("70.00"),
                        "97140", new BigDecimal("60.00"), "97530", new BigDecimal("72.00")));
    }

    /** RULES.md §4, §6: half the PE on reduced units, 85% for CQ/CO lines, 20% coinsurance. */
    public static PaymentRates rates(int year) {
        return new PaymentRates(year, new BigDecimal("0.50"), new BigDecimal("0.85"), new BigDecimal("0.20"));
    }

    // ---- diagnoses ------------------------------------------------------------------------------------------

    public static DiagnosisCatalog diagnoses() {
        return new DiagnosisCatalog("test", List.of(
                new DiagnosisCategory("I69", "Sequelae of cerebrovascular disease", "neurological", true, "I69.351"),
                new DiagnosisCategory("G20", "Parkinson's disease", "neurological", true, "G20.A1"),
                new DiagnosisCategory("R26", "Abnormalities of gait and mobility", "gait-balance", true, "R26.81"),
                new DiagnosisCategory("R29.6", "Repeated falls", "gait-balance", true),
                new DiagnosisCategory("M54", "Dorsalgia", "musculoskeletal", false, "M54.50"),
                new DiagnosisCategory("M17", "Osteoarthritis of knee", "musculoskeletal", false, "M17.11")));
    }

    // ---- reference data and checker ---------------------------------------------------------------------------

    /** Everything above, with the medicare and commercial profiles plus any extra ones. */
    public static ReferenceData ref(PayerProfile... extra) {
        return new ReferenceData(codes(), PayerProfiles.of(List.of(MEDICARE, COMMERCIAL)).with(List.of(extra)),
                diagnoses(), ptp(), mue(), fees(), DocumentationPhrases.empty());
    }

    /** The standard rule book over {@link #ref}. */
    public static VisitChecker checker(PayerProfile... extra) {
        return new VisitChecker(ref(extra));
    }

    /** Only the given rule (the claim is still built), so a test sees that rule's findings alone. */
    public static VisitChecker only(Rule rule, PayerProfile... extra) {
        return new VisitChecker(ref(extra), RuleBook.of(List.of(rule)));
    }

    // ---- payers -----------------------------------------------------------------------------------------------

    /** A payer profile with the defaults of {@link PayerProfile#simple} and the changes a test needs. */
    public static final class Payer {
        private final String id;
        private final PayerKind kind;
        private UnitMethod method;
        private boolean sendZeroUnitLines;
        private OptionalInt maxTimedUnitsPerDay = OptionalInt.empty();
        private String distinctModifier = "59";
        private boolean assistantModifiers;
        private boolean habilitativeModifiers;
        private Set<String> deniedDistinctPairs = Set.of();

        private Payer(String id, PayerKind kind, UnitMethod method) {
            this.id = id;
            this.kind = kind;
            this.method = method;
            this.assistantModifiers = kind == PayerKind.MEDICARE;
        }

        public static Payer medicare(String id) {
            return new Payer(id, PayerKind.MEDICARE, UnitMethod.CMS);
        }

        public static Payer commercial(String id, UnitMethod method) {
            return new Payer(id, PayerKind.COMMERCIAL, method);
        }

        public Payer sendZeroUnitLines() {
            this.sendZeroUnitLines = true;
            return this;
        }

        public Payer maxTimedUnitsPerDay(int n) {
            this.maxTimedUnitsPerDay = OptionalInt.of(n);
            return this;
        }

        public Payer distinctModifier(String m) {
            this.distinctModifier = m;
            return this;
        }

        public Payer assistantModifiers(boolean on) {
            this.assistantModifiers = on;
            return this;
        }

        public Payer habilitativeModifiers() {
            this.habilitativeModifiers = true;
            return this;
        }

        public Payer deniesDistinct(String pair) {
            this.deniedDistinctPairs = Set.of(pair);
            return this;
        }

        public PayerProfile build() {
            return new PayerProfile(id, id, kind, method, sendZeroUnitLines, false, maxTimedUnitsPerDay,
                    distinctModifier, assistantModifiers, habilitativeModifiers, deniedDistinctPairs, "test");
        }
    }

    // ---- visits -----------------------------------------------------------------------------------------------

    /** A Medicare PT visit on {@link #DOS} in private practice; add services. */
    public static Visit.Builder visit() {
        return Visit.builder("V-1", DOS);
    }

    public static Provider pt(String id) {
        return Provider.of(id, Role.PT);
    }

    public static Provider ot(String id) {
        return Provider.of(id, Role.OT);
    }

    public static Provider slp(String id) {
        return Provider.of(id, Role.SLP);
    }

    /** An assistant who names the supervising therapist. */
    public static Provider assistant(String id, Role role, String supervisorId) {
        return new Provider(Optional.of(id), role, Optional.empty(), Optional.of(supervisorId), Optional.empty());
    }

    /** An assistant who names no supervisor. */
    public static Provider assistant(String id, Role role) {
        return Provider.of(id, role);
    }

    public static ServiceLine minutes(String code, int minutes, Provider p) {
        return new ServiceLine(code, OptionalInt.of(minutes), List.of(), p, Optional.empty(), Optional.empty());
    }

    public static ServiceLine untimed(String code, Provider p) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(), p, Optional.empty(), Optional.empty());
    }

    /** A line documented by its start and end time (half-open, HH:mm). */
    public static ServiceLine at(String code, String start, String end, Provider p) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(Period.of(start, end)), p, Optional.empty(),
                Optional.empty());
    }

    public static ServiceLine group(ServiceLine l) {
        return l.withMode(Mode.GROUP);
    }

    /** A patient with this year's incurred spend in the PT/SLP and OT buckets, and spend at other providers. */
    public static Patient patient(String ptSlp, String ot, String outsidePtSlp, String outsideOt) {
        return new Patient(Optional.of("P-1"), Optional.of(LocalDate.of(1948, 5, 1)),
                new YearToDate(new BigDecimal(ptSlp), new BigDecimal(ot)),
                new YearToDate(new BigDecimal(outsidePtSlp), new BigDecimal(outsideOt)));
    }

    public static Patient patient(String ptSlp, String ot) {
        return patient(ptSlp, ot, "0", "0");
    }

    // ---- findings ---------------------------------------------------------------------------------------------

    /** The distinct finding ids of a result, in order. */
    public static Set<String> ids(CheckResult r) {
        Set<String> s = new LinkedHashSet<>();
        r.findings().forEach(f -> s.add(f.ruleId()));
        return s;
    }

    public static List<Finding> findings(CheckResult r, String id) {
        return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    /** The claim lines as "CODE xUNITS MOD MOD ...", e.g. {@code 97110 x1 GP CQ}, in claim order. */
    public static List<String> lines(CheckResult r) {
        return r.claim().lines().stream().map(ComplianceFixture::text).toList();
    }

    public static String text(ClaimLine l) {
        return l.code() + " x" + l.units() + (l.modifiers().isEmpty() ? "" : " " + String.join(" ", l.modifiers()));
    }
}
