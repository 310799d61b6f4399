package org.minutewise.batch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.refdata.RefData;

class GeneratorTest {
    private static final ReferenceData REF = RefData.defaults();
    /** The per-visit rules of the injected errors (the ones across visits are the audit tests' business). */
    private static final Set<String> PER_VISIT = Set.of("MW-B002", "MW-U003", "MW-B004", "MW-B012", "MW-B016");
    /**
     * Per-visit findings no injected error labels, so no visit may draw them: a 0-unit line (MW-B013), which the
     * engine never bills for a payer that takes none (a review found 14 in a year, on overlapping-minutes visits).
     */
    private static final Set<String> UNLABELED = Set.of("MW-B013");

    @TempDir
    Path tmp;

    @AfterEach
    void noCrossCheck() {
        Generator.crossCheck = false;
        Generator.failMidway = false;
    }

    private Generator.Stats generate(String name, long visits, long seed, double rate) throws IOException {
        return Generator.write(new Generator.Options(visits, seed, rate, 2026), REF, tmp.resolve(name));
    }

    private List<Visit> read(String name) throws IOException {
        Path p = tmp.resolve(name);
        VisitFormat f = name.endsWith(".jsonl") ? VisitFormat.JSONL : VisitFormat.CSV;
        List<VisitInput.Result> rs = VisitInput.read(Files.readString(p), f, REF);
        assertThat(rs).allSatisfy(r -> assertThat(r.error()).as("every generated row is well formed").isEmpty());
        return rs.stream().map(r -> r.visit().orElseThrow()).toList();
    }

    private Map<String, String> labels(String name) throws IOException {
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(Generator.labelsFile(tmp.resolve(name)));
        assertThat(lines.get(0)).isEqualTo("visitId,kind,ruleId");
        String[] before = null;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            assertThat(InjectedError.parse(f[1])).isPresent();
            if (before != null && before[1].equals("therapist-overlap") && f[1].equals("therapist-overlap")
                    && !f[0].equals(before[0])) {
                // The earlier visit of an injected overlap, labeled right after the visit that overlaps it.
                assertThat(f[0]).as("the earlier visit of the pair").isLessThan(before[0]);
                before = null;
                continue;
            }
            assertThat(m.put(f[0], f[2])).as("one injected error per visit").isNull();
            before = f;
        }
        return m;
    }

    /**
     * Clean visits of an earlier year carry no diagnosis code that did not exist yet (G20.A1 before 2023-10-01,
     * G35.A before 2025-10-01, M54.50 before 2021-10-01: a code review found MW-C007 blocks in a clean 2023 file).
     */
    @Test
    void anEarlierYearsDiagnosesWereValidThen() throws IOException {
        Generator.write(new Generator.Options(1500, 3, 0, 2021), REF, tmp.resolve("y2021.csv"));
        List<Visit> visits = read("y2021.csv");
        assertThat(visits).flatExtracting(Visit::diagnoses).isNotEmpty()
                .noneMatch(d -> d.startsWith("G20.A") || d.startsWith("G35.") || d.startsWith("M54.5"));
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        generate("a.csv", 700, 5, 0.1);
        generate("b.csv", 700, 5, 0.1);
        generate("c.csv", 700, 6, 0.1);
        assertThat(Files.readAllBytes(tmp.resolve("a.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.csv")));
        assertThat(Files.readAllBytes(Generator.labelsFile(tmp.resolve("a.csv"))))
                .isEqualTo(Files.readAllBytes(Generator.labelsFile(tmp.resolve("b.csv"))));
        assertThat(Files.readAllBytes(tmp.resolve("a.csv"))).isNotEqualTo(Files.readAllBytes(tmp.resolve("c.csv")));
    }

    @Test
    void exactlyTheVisitsAskedForWithTheirRowsAndLabels() throws IOException {
        Generator.crossCheck = true; // the CSV fast path writes what CsvVisitWriter writes, visit by visit
        // 8,000 visits: the rarest kind (a missing CQ/CO: an assistant's line to a payer that wants it) is about 1 in
        // 500 visits at this rate, so 2,500 could draw none of it when the reference data shifts the draws.
        Generator.Stats s = generate("v.csv", 8000, 11, 0.08);
        List<Visit> visits = read("v.csv");
        assertThat(s.visits()).isEqualTo(8000);
        assertThat(visits).hasSize(8000);
        assertThat(visits.stream().mapToInt(v -> v.services().size()).sum()).isEqualTo((int) s.rows());
        Map<String, String> labels = labels("v.csv");
        assertThat(labels).hasSize((int) s.injectedTotal());
        Set<String> ids = new HashSet<>();
        visits.forEach(v -> ids.add(v.id()));
        assertThat(ids).containsAll(labels.keySet());
        assertThat((double) labels.size() / visits.size()).isBetween(0.05, 0.11);
        assertThat(s.injected().keySet()).contains(InjectedError.OVER_BILLED_UNITS,
                InjectedError.OVERLAPPING_MINUTES, InjectedError.MISSING_DISCIPLINE_MODIFIER,
                InjectedError.MISSING_ASSISTANT_MODIFIER, InjectedError.DUPLICATE_CLAIM, InjectedError.COPIED_NOTE,
                InjectedError.THERAPIST_OVERLAP, InjectedError.MISSING_NCCI_MODIFIER);
    }

    /**
     * The injected missing NCCI modifier: both codes of a pair whose edit a modifier may bypass are billed, their
     * documented periods apart, and the column-two line carries no 59/X (MW-B016). Near miss: on every other visit
     * that bills such a pair apart, the column-two line carries it, so no other kind leaves it off unlabeled.
     */
    @Test
    void aMissingNcciModifierBillsTheColumnTwoCodeOfAPairDoneApartWithout59() throws IOException {
        // At 0.5: the kind is drawn only on a visit that bills such a pair (about 1 error in 100 at any rate).
        generate("ncci.csv", 6000, 21, 0.5);
        List<String> kinds = Files.readAllLines(Generator.labelsFile(tmp.resolve("ncci.csv")));
        int injected = 0;
        int bypassed = 0;
        for (Visit v : read("ncci.csv")) {
            boolean labeled = "missing-ncci-modifier".equals(kindOf(kinds, v.id()));
            int without = 0;
            for (org.minutewise.core.model.BilledLine a : v.billed()) {
                for (org.minutewise.core.model.BilledLine b : v.billed()) {
                    var e = REF.ptp().find(a.code(), b.code(), v.dateOfService());
                    if (a.code().compareTo(b.code()) >= 0 || e.isEmpty() || !e.get().bypassable()
                            || a.units() == 0 || b.units() == 0 || overlap(v, a.code(), b.code())
                            || REF.payers().find(v.payer()).orElseThrow()
                            .deniesDistinctModifier(e.get().column1(), e.get().column2())) {
                        continue;
                    }
                    String column2 = e.get().column2();
                    List<String> mods = (column2.equals(a.code()) ? a : b).modifiers();
                    boolean distinct = mods.stream().anyMatch(m -> m.equals("59") || m.startsWith("X"));
                    without += distinct ? 0 : 1;
                    bypassed += distinct ? 1 : 0;
                }
            }
            if (labeled) {
                injected++;
                assertThat(without).as("visit %s: a column-two line without 59/X", v.id()).isPositive();
            } else {
                assertThat(without).as("visit %s, not labeled missing-ncci-modifier", v.id()).isZero();
            }
        }
        assertThat(injected).isGreaterThan(10);
        assertThat(bypassed).as("pairs billed apart with their 59/X").isGreaterThan(injected);
    }

    /** Whether any documented periods of the two codes overlap. */
    private static boolean overlap(Visit v, String a, String b) {
        for (ServiceLine x : v.services()) {
            for (ServiceLine y : v.services()) {
                if (x.code().equals(a) && y.code().equals(b)
                        && org.minutewise.core.model.Period.anyOverlap(x.periods(), y.periods())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The error rate is the share of the visits written that carry a label: all of them at 1 (a duplicate claim's
     * original is a visit of its own, and was left clean: 894 of 1,000 at rate 1, an auditor's review), and within
     * the draws' chance below 1 (a patient's skipped progress reports label visits without a draw of their own, and
     * made the share 1.45% at 1%), read from the labels file as a user would.
     */
    @Test
    void theErrorRateIsTheShareOfVisitsLabeled() throws IOException {
        for (long seed : new long[] {1, 2, 2026}) {
            for (double rate : new double[] {1, 0.5, 0.2, 0.03}) {
                String name = "rate-" + rate + "-" + seed + ".csv";
                int visits = 3000;
                Generator.Stats s = generate(name, visits, seed, rate);
                assertThat(s.visits()).isEqualTo(visits);
                Set<String> ids = new HashSet<>();
                List<String> rows = Files.readAllLines(tmp.resolve(name));
                for (String row : rows.subList(1, rows.size())) {
                    String id = row.substring(0, row.indexOf(','));
                    if (id.startsWith("V")) {
                        ids.add(id);
                    }
                }
                assertThat(ids).hasSize(visits);
                Map<String, String> labels = labels(name);
                assertThat(ids).containsAll(labels.keySet());
                double share = labels.size() / (double) visits;
                double chance = 3 * Math.sqrt(rate * (1 - rate) / visits);
                assertThat(share).as("seed %d, rate %s: %d of %d visits labeled", seed, rate, labels.size(), visits)
                        .isBetween(rate - chance - 0.005, rate + chance + 0.005);
                if (rate == 1) {
                    assertThat(labels).as("seed %d: every visit at rate 1", seed).hasSize(visits);
                }
            }
        }
    }

    /** The SLP's codes: treatment (92507, 92526, 97129/97130) and evaluations (92521-92523, 92610). */
    private static final Set<String> SLP_CODES = Set.of("92507", "92526", "97129", "97130", "92521", "92522", "92523",
            "92524", "92610");
    private static final Set<String> SLP_EVALUATIONS = Set.of("92521", "92522", "92523", "92524", "92610");
    /**
     * The findings a clean visit may draw: the KX inputs a single visit lacks (MW-K004, MW-K007: the audit counts the
     * year), and an SLPA's service to a payer other than Medicare (MW-W012: the payer's policy decides), all info.
     */
    private static final Set<String> CLEAN = Set.of("MW-K004", "MW-K007", "MW-W012");

    /** A clean year of 12,000 visits (seed 11: an SLP team with an SLPA), the visits of a plan of care by patient. */
    private Map<String, List<Visit>> visitsByPatient(String name, org.minutewise.core.model.Discipline plan)
            throws IOException {
        generate(name, 12000, 11, 0);
        Map<String, List<Visit>> byPatient = new TreeMap<>();
        for (Visit v : read(name)) {
            if (v.planOfCare() == plan) {
                byPatient.computeIfAbsent(v.patient().id().orElseThrow(), k -> new java.util.ArrayList<>()).add(v);
            }
        }
        return byPatient;
    }

    /**
     * Teams of each discipline in plausible shares (PT about 60%, OT 25%, SLP 15%): 400 teams, eight to a file of 80
     * visits, over 50 seeds, read from the plan of care of their visits.
     */
    @Test
    void teamsOfEachDisciplineInPlausibleShares() throws IOException {
        Map<String, String> teams = new TreeMap<>();
        for (long seed = 1; seed <= 50; seed++) {
            String name = "t" + seed + ".csv";
            generate(name, 80, seed, 0);
            for (Visit v : read(name)) {
                String therapist = v.services().get(0).provider().supervisorId()
                        .orElseGet(() -> v.services().get(0).provider().id().orElseThrow());
                teams.put(seed + " " + therapist.substring(therapist.length() - 5), v.planOfCare().name());
            }
        }
        assertThat(teams).hasSize(400);
        Map<String, Integer> shares = new TreeMap<>();
        teams.values().forEach(d -> shares.merge(d, 1, Integer::sum));
        assertThat(shares.get("PT") / 400.0).as("PT teams: %s", shares).isBetween(0.52, 0.68);
        assertThat(shares.get("OT") / 400.0).as("OT teams: %s", shares).isBetween(0.18, 0.32);
        assertThat(shares.get("SLP") / 400.0).as("SLP teams: %s", shares).isBetween(0.09, 0.21);
    }

    /**
     * An SLP's visits bill the SLP's codes with GN (an untimed code one unit; 97129 one unit and 97130 the rest),
     * evaluate on the first visit (92521-92523 or 92610 by what is treated), write a progress report at least every
     * ten treatment days, and their SLPA treats only patients of payers other than Medicare (who does not recognize
     * SLPA services) and never evaluates.
     */
    @Test
    void slpVisitsBillTheirCodesWithGnAndEvaluateOnTheFirstVisit() throws IOException {
        Map<String, List<Visit>> byPatient = visitsByPatient("slp.csv", org.minutewise.core.model.Discipline.SLP);
        assertThat(byPatient).hasSizeGreaterThan(50);
        Map<String, Integer> codes = new TreeMap<>();
        Set<String> roles = new HashSet<>();
        int reports = 0;
        for (List<Visit> visits : byPatient.values()) {
            // One evaluation, or a motor speech or language evaluation with the voice and resonance analysis beside it.
            List<String> first = visits.get(0).services().stream().map(ServiceLine::code).toList();
            assertThat(first).as("patient %s's evaluation", visits.get(0).patient().id()).isSubsetOf(SLP_EVALUATIONS);
            assertThat(first.size() == 1 && !first.contains("92524") || first.equals(List.of("92522", "92524"))
                    || first.equals(List.of("92523", "92524"))).as("the evaluation codes %s", first).isTrue();
            int sinceReport = 0;
            for (Visit v : visits) {
                for (ServiceLine l : v.services()) {
                    codes.merge(l.code(), 1, Integer::sum);
                    roles.add(l.provider().role().name());
                    assertThat(l.code()).isIn(SLP_CODES);
                    if (l.provider().role() == org.minutewise.core.model.Role.SLPA) {
                        assertThat(v.payer()).as("an SLPA's visit %s", v.id()).isNotEqualTo("medicare");
                        assertThat(l.code()).isNotIn(SLP_EVALUATIONS);
                    }
                }
                if (v != visits.get(0)) {
                    assertThat(v.services()).extracting(ServiceLine::code).doesNotContainAnyElementsOf(SLP_EVALUATIONS);
                }
                for (org.minutewise.core.model.BilledLine b : v.billed()) {
                    assertThat(b.modifiers()).as("visit %s", v.id()).contains("GN")
                            .doesNotContain("GP", "GO", "CQ", "CO");
                    // An untimed code is one unit a day, 97129 the first 15 minutes' unit, 97130 the rest.
                    if (b.code().equals("97130")) {
                        assertThat(b.units()).as("visit %s: %s", v.id(), b).isPositive();
                    } else {
                        assertThat(b.units()).as("visit %s: %s", v.id(), b).isEqualTo(1);
                    }
                }
                assertThat(v.billed().stream().anyMatch(b -> b.code().equals("97130")))
                        .isEqualTo(v.services().stream().anyMatch(l -> l.code().equals("97130")));
                reports += v.progressReport() ? 1 : 0;
                sinceReport = v.progressReport() ? 0 : sinceReport + 1;
                assertThat(sinceReport).as("visit %s: treatment days since the progress report", v.id())
                        .isLessThanOrEqualTo(10);
            }
        }
        assertThat(codes).containsKeys("92507", "92526", "97129", "97130", "92610", "92523", "92522", "92524");
        // The voice analysis beside a share of the motor speech and language evaluations, not all of them.
        assertThat(codes.get("92524")).isLessThan(codes.get("92522") + codes.get("92523"));
        assertThat(roles).contains("SLP", "SLPA");
        assertThat(reports).isPositive();
    }

    /** OT teams evaluate with 97165-97167 on the first visit, re-evaluate with 97168, and bill GO (CO for an OTA). */
    @Test
    void otVisitsEvaluateWithTheOtCodesAndBillGo() throws IOException {
        Map<String, List<Visit>> byPatient = visitsByPatient("ot.csv", org.minutewise.core.model.Discipline.OT);
        assertThat(byPatient).hasSizeGreaterThan(50);
        Set<String> evaluations = new HashSet<>();
        for (List<Visit> visits : byPatient.values()) {
            assertThat(visits.get(0).services().get(0).code()).isIn("97165", "97166", "97167");
            for (Visit v : visits) {
                evaluations.add(v.services().get(0).code());
                for (ServiceLine l : v.services()) {
                    assertThat(l.code()).isIn("97165", "97166", "97167", "97168", "97110", "97112", "97140",
                            "97530", "97535", "97533", "97750");
                }
                for (org.minutewise.core.model.BilledLine b : v.billed()) {
                    assertThat(b.modifiers()).contains("GO").doesNotContain("GP", "GN", "CQ");
                }
            }
            assertThat(visits.get(0).note().orElseThrow()).contains("OT evaluation").doesNotContain("TUG");
        }
        assertThat(evaluations).contains("97165", "97166", "97167", "97168");
    }

    /**
     * Sensory integrative techniques (97533) on a small share of the OT visits only; a physical performance test
     * (97750) on a small share of the PT and OT treatment visits, never beside an evaluation or re-evaluation,
     * furnished by the therapist, its note naming the test, its minutes and its written report. Clean, they bill what
     * the engine bills and draw no block or warning.
     */
    @Test
    void sensoryIntegrationAndPerformanceTestsInSmallSharesDocumentedAndClean() throws IOException {
        generate("si.csv", 8000, 5, 0);
        VisitChecker checker = new VisitChecker(REF);
        Map<String, Integer> visitsOf = new TreeMap<>();
        Map<String, Integer> with = new TreeMap<>();
        for (Visit v : read("si.csv")) {
            String plan = v.planOfCare().name();
            visitsOf.merge(plan, 1, Integer::sum);
            List<String> codes = v.services().stream().map(ServiceLine::code).toList();
            String note = v.note().orElseThrow();
            for (ServiceLine l : v.services()) {
                if (l.code().equals("97533")) {
                    assertThat(plan).as("visit %s", v.id()).isEqualTo("OT");
                    assertThat(note).contains("Sensory integrative techniques " + l.minutes() + " min:");
                    with.merge("97533", 1, Integer::sum);
                }
                if (l.code().equals("97750")) {
                    assertThat(plan).as("visit %s", v.id()).isIn("PT", "OT");
                    assertThat(codes).as("visit %s", v.id()).doesNotContain("97161", "97162", "97163", "97164",
                            "97165", "97166", "97167", "97168");
                    assertThat(l.provider().role().name()).as("visit %s", v.id()).isIn("PT", "OT");
                    assertThat(note).contains("Physical performance test " + l.minutes() + " min:")
                            .contains("written report");
                    with.merge("97750 " + plan, 1, Integer::sum);
                }
            }
            if (codes.contains("97533") || codes.contains("97750")) {
                assertThat(v.billed()).as("visit %s", v.id()).allSatisfy(b -> assertThat(b.units()).isPositive());
                for (Finding f : checker.check(v).findings()) {
                    assertThat(f.severity()).as("clean visit %s: %s\n%s", v.id(), f.message(), note)
                            .isEqualTo(org.minutewise.core.check.Severity.INFO);
                }
            }
        }
        assertThat(with).containsKeys("97533", "97750 PT", "97750 OT");
        assertThat(with.get("97533") / (double) visitsOf.get("OT")).as("%s of %s", with, visitsOf).isBetween(0.02, 0.15);
        assertThat(with.get("97750 PT") / (double) visitsOf.get("PT")).as("%s of %s", with, visitsOf)
                .isBetween(0.01, 0.08);
        assertThat(with.get("97750 OT") / (double) visitsOf.get("OT")).as("%s of %s", with, visitsOf)
                .isBetween(0.01, 0.08);
    }

    /**
     * Clean SLP visits draw no finding but the info a single visit cannot settle (the KX inputs, an SLPA's service
     * to a commercial payer): the notes are an SLP's and pass the documentation rules, the lines bill what the engine
     * bills. The PT and OT visits beside them draw no block and no warning.
     */
    @Test
    void cleanSlpVisitsDrawNoUnexpectedFinding() throws IOException {
        generate("clean-slp.csv", 12000, 11, 0);
        VisitChecker checker = new VisitChecker(REF);
        Map<String, Integer> slp = new TreeMap<>();
        for (Visit v : read("clean-slp.csv")) {
            boolean isSlp = v.planOfCare() == org.minutewise.core.model.Discipline.SLP;
            for (Finding f : checker.check(v).findings()) {
                if (isSlp) {
                    assertThat(f.ruleId()).as("clean SLP visit %s: %s\n%s", v.id(), f.message(),
                            v.note().orElse("")).isIn(CLEAN);
                    slp.merge(f.ruleId(), 1, Integer::sum);
                } else {
                    assertThat(f.severity()).as("clean visit %s: %s", v.id(), f.message())
                            .isEqualTo(org.minutewise.core.check.Severity.INFO);
                }
            }
        }
        assertThat(slp).as("the SLPA's commercial visits are there").containsKey("MW-W012");
    }

    @Test
    void plausibleProportionsOfCodesMinutesRolesSettingsAndPayers() throws IOException {
        generate("p.csv", 3000, 3, 0);
        List<Visit> visits = read("p.csv");
        Map<String, Integer> payers = new TreeMap<>();
        Map<String, Integer> roles = new TreeMap<>();
        int privatePractice = 0;
        Set<String> patients = new HashSet<>();
        for (Visit v : visits) {
            payers.merge(v.payer(), 1, Integer::sum);
            privatePractice += v.setting() == Setting.PRIVATE_PRACTICE ? 1 : 0;
            patients.add(v.patient().id().orElseThrow());
            int timed = 0;
            for (ServiceLine l : v.services()) {
                roles.merge(l.provider().role().name(), 1, Integer::sum);
                assertThat(l.periods()).hasSize(1);
                assertThat(l.statedMinutes().getAsInt()).isEqualTo(l.periods().get(0).minutes());
                if (REF.codes().getOrNull(l.code()).timed()) {
                    timed++;
                    if (v.planOfCare() == org.minutewise.core.model.Discipline.SLP) {
                        assertThat(l.code()).isIn("97129", "97130");
                    } else {
                        assertThat(l.code()).isIn("97110", "97112", "97116", "97140", "97530", "97535", "97533",
                                "97750");
                        assertThat(l.minutes()).isBetween(10, 38);
                    }
                }
            }
            assertThat(timed).isBetween(v.planOfCare() == org.minutewise.core.model.Discipline.SLP ? 0 : 1, 4);
            assertThat(v.billed()).hasSameSizeAs(v.services());
            assertThat(v.note().orElse("")).hasSizeGreaterThan(80);
            assertThat(v.diagnoses()).isNotEmpty();
            Certification c = v.certification().orElseThrow();
            assertThat(c.physician()).isPresent();
            assertThat(v.dateOfService()).isBetween(c.from().orElseThrow(), c.to().orElseThrow());
            assertThat(c.to().orElseThrow()).isEqualTo(c.from().orElseThrow().plusDays(89));
        }
        assertThat(payers.get("medicare") / (double) visits.size()).isBetween(0.45, 0.75);
        assertThat(payers).containsOnlyKeys("medicare", "commercial");
        assertThat(roles.keySet()).contains("PT", "PTA", "OT");
        assertThat(privatePractice / (double) visits.size()).isGreaterThan(0.5);
        assertThat(visits.size() / (double) patients.size()).as("patients come back through the year")
                .isGreaterThan(5);
    }

    @Test
    void cleanVisitsBillWhatTheEngineBillsAndInjectedErrorsAreFoundVisitByVisit() throws IOException {
        generate("e.csv", 6000, 21, 0.15);
        Map<String, String> labels = labels("e.csv");
        List<String> kinds = Files.readAllLines(Generator.labelsFile(tmp.resolve("e.csv")));
        VisitChecker checker = new VisitChecker(REF);
        int found = 0;
        Map<String, Integer> foundOn = new TreeMap<>();
        for (Visit v : read("e.csv")) {
            CheckResult r = checker.check(v);
            Set<String> rules = new HashSet<>();
            for (Finding f : r.findings()) {
                if (PER_VISIT.contains(f.ruleId()) || UNLABELED.contains(f.ruleId())) {
                    rules.add(f.ruleId());
                }
            }
            String expected = labels.get(v.id());
            if (expected != null && PER_VISIT.contains(expected)) {
                assertThat(rules).as("visit %s injected with %s", v.id(), expected).containsExactly(expected);
                found++;
                foundOn.merge(v.planOfCare().name(), 1, Integer::sum);
            } else {
                assertThat(rules).as("clean visit %s: %s", v.id(), r.findings()).isEmpty();
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(foundOn).as("injected errors found by plan of care").containsKeys("PT", "OT", "SLP");
        assertThat(foundOn.get("SLP")).isGreaterThan(10);
        // 97130 billed without 97129 is found as more 97130 units than the minutes after the first 15 support.
        assertThat(kinds).anySatisfy(k -> assertThat(k).endsWith(",add-on-without-base,MW-B002"));
        assertThat(kinds).anySatisfy(k -> assertThat(k).endsWith(",missing-ncci-modifier,MW-B016"));
        // The overlapping minutes leave a code nothing on some visits: its row bills nothing, as the engine does.
        assertThat(read("e.csv")).filteredOn(v -> "overlapping-minutes".equals(kindOf(kinds, v.id())))
                .anySatisfy(v -> assertThat(v.services().size()).isGreaterThan(v.billed().size()))
                .allSatisfy(v -> assertThat(v.billed()).allSatisfy(b -> assertThat(b.units()).isPositive()));
    }

    /** The kind of error a labels file's lines give a visit, or null. */
    private static String kindOf(List<String> labelLines, String visitId) {
        for (String l : labelLines) {
            if (l.startsWith(visitId + ",")) {
                return l.split(",")[1];
            }
        }
        return null;
    }

    @Test
    void kxFromTheVisitThatPassesThePatientsThresholdOn() throws IOException {
        // Long Medicare episodes pass the threshold (with the sample RVUs pricing 97110, 97112 and 97530 only).
        generate("kx.csv", 12000, 7, 0);
        Map<String, Boolean> passed = new HashMap<>();
        int withKx = 0;
        for (Visit v : read("kx.csv")) {
            String patient = v.patient().id().orElseThrow();
            boolean kx = v.billed().stream().anyMatch(b -> b.modifiers().contains("KX"));
            boolean all = v.billed().stream().filter(b -> b.units() > 0).allMatch(b -> b.modifiers().contains("KX"));
            if (passed.getOrDefault(patient, false)) {
                assertThat(all).as("visit %s after the patient passed the threshold", v.id()).isTrue();
            }
            if (kx) {
                assertThat(v.payer()).isEqualTo("medicare");
                passed.put(patient, true);
                withKx++;
            }
        }
        assertThat(withKx).as("visits billed with KX").isGreaterThan(10);
    }

    @Test
    void jsonLinesCarryTheSameVisits() throws IOException {
        generate("j.csv", 400, 9, 0.1);
        generate("j.jsonl", 400, 9, 0.1);
        List<Visit> csv = read("j.csv");
        List<Visit> jsonl = read("j.jsonl");
        assertThat(jsonl).hasSameSizeAs(csv);
        for (int i = 0; i < csv.size(); i++) {
            assertThat(jsonl.get(i).id()).isEqualTo(csv.get(i).id());
            assertThat(jsonl.get(i).billed()).isEqualTo(csv.get(i).billed());
            assertThat(jsonl.get(i).note()).isEqualTo(csv.get(i).note());
        }
        assertThat(Files.readString(Generator.labelsFile(tmp.resolve("j.jsonl"))))
                .isEqualTo(Files.readString(Generator.labelsFile(tmp.resolve("j.csv"))));
    }

    /** The names in the test directory, sorted. */
    private List<String> names() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteThatFailsLeavesTheFilesAsTheyWereAndNoTemporaryFile() throws IOException {
        Path out = tmp.resolve("g.csv");
        Files.writeString(out, "before\n");
        Files.writeString(Generator.labelsFile(out), "labels before\n");
        Generator.failMidway = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generate("g.csv", 50, 1, 0.1))
                .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
        assertThat(names()).containsExactly("g.csv", "g.csv.labels.csv");
        assertThat(Files.readString(out)).isEqualTo("before\n");
        assertThat(Files.readString(Generator.labelsFile(out))).isEqualTo("labels before\n");
    }

    @Test
    void aWholeWriteReplacesBothFilesAndLeavesNoTemporaryFile() throws IOException {
        Path out = tmp.resolve("g.csv");
        Files.writeString(out, "before\n");
        Generator.Stats s = generate("g.csv", 50, 1, 0.1);
        assertThat(names()).containsExactly("g.csv", "g.csv.labels.csv");
        assertThat(Files.readAllLines(out)).hasSize((int) s.rows() + 1);
    }

    @Test
    void aSymbolicLinkIsWrittenThroughNotReplaced() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("data")).resolve("real.csv");
        Files.writeString(real, "before\n");
        Path link = Files.createSymbolicLink(tmp.resolve("g.csv"), Path.of("data/real.csv"));
        Generator.Stats s = generate("g.csv", 20, 1, 0);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllLines(real)).hasSize((int) s.rows() + 1);
        assertThat(Generator.labelsFile(link)).isRegularFile();
        assertThat(names()).containsExactly("data", "g.csv", "g.csv.labels.csv");
        // A link to a file not there yet (a dangling link) is written through too.
        Path dangling = Files.createSymbolicLink(tmp.resolve("d.csv"), Path.of("data/new.csv"));
        generate("d.csv", 5, 1, 0);
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(tmp.resolve("data/new.csv")).isRegularFile();
    }

    @Test
    void aDirectoryOrASpecialFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        assertThat(Generator.unwritable(dir)).hasValueSatisfying(p -> assertThat(p).contains("is a directory"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generate("dir", 5, 1, 0))
                .isInstanceOf(IOException.class).hasMessageContaining("is a directory");
        Files.createDirectory(tmp.resolve("x.csv.labels.csv"));
        assertThat(Generator.unwritable(tmp.resolve("x.csv"))).hasValueSatisfying(p -> assertThat(p)
                .contains("x.csv.labels.csv is a directory"));
        assertThat(Generator.unwritable(Path.of("/dev/null"))).hasValueSatisfying(p -> assertThat(p)
                .contains("not a regular file"));
        assertThat(Generator.unwritable(tmp.resolve("no/such/g.csv"))).hasValueSatisfying(p -> assertThat(p)
                .startsWith("no such directory"));
        assertThat(Generator.unwritable(tmp.resolve("fine.csv"))).isEmpty();
        assertThat(names()).containsExactly("dir", "x.csv.labels.csv");
    }
}
