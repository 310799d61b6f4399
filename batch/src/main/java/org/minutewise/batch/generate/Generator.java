package org.minutewise.batch.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.rules.PlanOfCare;
import org.minutewise.core.claim.BilledClaim;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.claim.PaymentEstimator;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.Cognitive;
import org.minutewise.core.units.UnitResult;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.formats.csv.CsvVisitWriter;
import org.minutewise.refdata.Csv;

/**
 * Writes realistic synthetic visits, deterministic for a seed: therapy teams (a PT, an OT or an SLP, often with an
 * assistant) each see their patients two or three times a week through an episode of care, one patient after
 * the other through the day; a PT or OT visit has 2-4 timed codes (plus an evaluation on the first visit and a
 * re-evaluation every ninth), an SLP visit its untimed treatment codes or 97129/97130 (an evaluation on the first
 * visit, a progress report every ninth), consecutive periods, billed units and modifiers as the engine would bill
 * them.
 * A share of the visits (the error rate) carries exactly one injected rule-level error, labeled in
 * {@code FILE.labels.csv}: every visit at rate 1; at a lower rate, within the draws' chance. A duplicate claim's copy
 * counts as a visit (its original draws an error of its own), and a patient's skipped progress reports label every
 * visit past the due date without a draw of its own (later draws give the surplus back). A therapist overlap
 * also labels the earlier visit it overlaps, whose claim bills the shared minutes too.
 *
 * <p>Streams: one team's year is held in memory at a time (about 1,500 visits), so any number of visits can be
 * written. The output is the documented CSV layout, or JSON Lines when the file name ends in {@code .jsonl};
 * {@code .gz} compresses either.
 */
public final class Generator {
    /** Visits per team and year at most; more visits mean more teams. */
    static final int VISITS_PER_TEAM = 1500;
    static final int MIN_TEAMS = 8;
    static final int MAX_VISITS_PER_DAY = 10;
    static final int PROGRESS_REPORT_DAYS = PatientHistory.PROGRESS_REPORT_DAYS;
    static final int DAY_START = 8 * 60;
    /** Periods end by 23:59. */
    static final int LAST_MINUTE = 23 * 60 + 59;

    private static final String[] PT_CODES = {"97110", "97112", "97116", "97140", "97530", "97535"};
    private static final double[] PT_ORTHO = {0.34, 0.08, 0.10, 0.24, 0.16, 0.08};
    private static final double[] PT_NEURO = {0.20, 0.28, 0.20, 0.04, 0.18, 0.10};
    private static final String[] PHYSICIANS = {"Dr. Maria Alvarez", "Dr. James Chen", "Dr. Aisha Okafor",
        "Dr. Robert Lindqvist", "Dr. Priya Natarajan", "Dr. Thomas Byrne", "Dr. Elena Petrova", "Dr. Samuel Greene"};
    /** The certifying physicians' NPIs, by index (made up, with valid check digits). */
    private static final String[] PHYSICIAN_NPIS = {"1648529174", "1344012806", "1182055735", "1573390626",
        "1927644082", "1215709365", "1789033150", "1432066813"};
    /** A plan of care is certified for up to 90 days (RULES.md §4), then recertified. */
    static final int CERTIFICATION_DAYS = 90;
    /**
     * An OT's timed codes; sensory integrative techniques (97533) for a patient with a neurological diagnosis only,
     * whose sensory processing they treat (none for an orthopedic hand or shoulder).
     */
    private static final String[] OT_CODES = {"97110", "97112", "97140", "97530", "97535", "97533"};
    private static final double[] OT_WEIGHTS = {0.22, 0.12, 0.12, 0.30, 0.24, 0};
    private static final double[] OT_NEURO = {0.21, 0.15, 0.08, 0.31, 0.22, 0.03};
    /** Sensory integrative techniques, timed (per 15 minutes), an OT's mostly. */
    static final String SENSORY_INTEGRATION = "97533";
    /**
     * A physical performance test or measurement with its written report, timed (per 15 minutes), PT or OT: on a
     * share of the treatment visits (never beside an evaluation or re-evaluation, which test as part of it), by the
     * therapist, who writes the report.
     */
    static final String PERFORMANCE_TEST = "97750";
    static final double PERFORMANCE_TEST_SHARE = 0.04;
    /**
     * The behavioral and qualitative analysis of voice and resonance (92524, untimed), beside the motor speech
     * evaluation (92522) of a dysarthria or apraxia patient, or the language evaluation (92523) of an aphasia patient
     * with a motor speech diagnosis too, at this share of those evaluations.
     */
    static final String VOICE_EVALUATION = "92524";
    static final double VOICE_EVALUATION_SHARE = 0.4;
    /** The teams' disciplines: PT, OT, SLP (outpatient therapy caseloads: about 60%, 25%, 15%). */
    static final double PT_SHARE = 0.60;
    static final double OT_SHARE = 0.25;
    /** An SLP team has an SLPA less often than a PT or OT team has an assistant. */
    static final double SLPA_SHARE = 0.3;

    /** What an SLP treats, which decides the evaluation and the treatment codes (RULES.md §1). */
    enum SlpKind {
        /** Swallowing: evaluation 92610, treatment 92526. */
        SWALLOWING("92610", "92526"),
        /** Language (aphasia): evaluation 92523, treatment 92507. */
        LANGUAGE("92523", "92507"),
        /** Motor speech (dysarthria, apraxia): evaluation 92522, treatment 92507. */
        SPEECH("92522", "92507"),
        /** Fluency: evaluation 92521, treatment 92507. */
        FLUENCY("92521", "92507"),
        /** Cognitive communication: evaluation 92523, treatment 97129 (and 97130 for each further 15 minutes). */
        COGNITION("92523", Cognitive.BASE);

        final String evaluation;
        final String treatment;

        SlpKind(String evaluation, String treatment) {
            this.evaluation = evaluation;
            this.treatment = treatment;
        }
    }

    /** A speech-language pathology diagnosis: a billable ICD-10-CM code of a category the catalog holds. */
    record SlpProblem(String code, String title, SlpKind kind) {
    }

    /** The SLP caseload's diagnoses (each must fall under a catalog category: checked when the generator starts). */
    static final List<SlpProblem> SLP_PROBLEMS = List.of(
            new SlpProblem("R13.12", "Dysphagia, oropharyngeal phase", SlpKind.SWALLOWING),
            new SlpProblem("R13.11", "Dysphagia, oral phase", SlpKind.SWALLOWING),
            new SlpProblem("R13.13", "Dysphagia, pharyngeal phase", SlpKind.SWALLOWING),
            new SlpProblem("I69.391", "Dysphagia following cerebral infarction", SlpKind.SWALLOWING),
            new SlpProblem("R47.01", "Aphasia", SlpKind.LANGUAGE),
            new SlpProblem("I69.320", "Aphasia following cerebral infarction", SlpKind.LANGUAGE),
            new SlpProblem("F80.2", "Mixed receptive-expressive language disorder", SlpKind.LANGUAGE),
            new SlpProblem("R47.1", "Dysarthria and anarthria", SlpKind.SPEECH),
            new SlpProblem("I69.322", "Dysarthria following cerebral infarction", SlpKind.SPEECH),
            new SlpProblem("R48.2", "Apraxia", SlpKind.SPEECH),
            new SlpProblem("F80.81", "Childhood onset fluency disorder", SlpKind.FLUENCY),
            new SlpProblem("R41.841", "Cognitive communication deficit", SlpKind.COGNITION),
            new SlpProblem("R41.844", "Frontal lobe and executive function deficit", SlpKind.COGNITION),
            new SlpProblem("I69.311", "Memory deficit following cerebral infarction", SlpKind.COGNITION),
            new SlpProblem("I69.314", "Frontal lobe and executive function deficit following cerebral infarction",
                    SlpKind.COGNITION));

    /** What the generator was asked for. */
    public record Options(long visits, long seed, double errorRate, int year) {
        public Options {
            if (visits < 1) {
                throw new InputException("--visits", "must be at least 1, got " + visits);
            }
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new InputException("--error-rate", "must be between 0 and 1, got " + errorRate);
            }
        }
    }

    /** What was written. */
    public record Stats(long visits, long rows, Map<InjectedError, Long> injected) {
        public Stats {
            injected = Map.copyOf(injected);
        }

        public long injectedTotal() {
            return injected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Where visits go: CSV rows or JSON Lines. */
    private interface Sink {
        int write(Team team, GVisit v) throws IOException;
    }

    /** Tests set this to hold the CSV fast path equal to {@link CsvVisitWriter} on every visit written. */
    static volatile boolean crossCheck;
    /** Tests set this to make {@link #write} fail after its first visit, as a full disk would. */
    static volatile boolean failMidway;

    private final Options options;
    private final ReferenceData ref;
    private final PayerProfile medicare;
    private final PayerProfile commercial;
    private final List<LocalDate> workdays = new ArrayList<>();
    private final List<DiagnosisCategory> ptDiagnoses = new ArrayList<>();
    private final List<DiagnosisCategory> otDiagnoses = new ArrayList<>();
    private final List<SlpProblem> slpProblems = new ArrayList<>();
    private final boolean documentationRules;
    private final EnumMap<InjectedError, Long> injected = new EnumMap<>(InjectedError.class);
    private long visitSeq;
    /**
     * Labels beyond the rate's share so far: a visit labeled for its patient's skipped progress reports takes no draw,
     * so it adds 1 - rate, and a later draw that hits is given up for each whole one (the share of visits labeled
     * holds at the rate). Carried from team to team.
     */
    private double surplus;
    private long rows;
    private long written;

    private Generator(Options options, ReferenceData ref) {
        this.options = options;
        this.ref = ref;
        this.medicare = ref.payers().find("medicare").orElseThrow(() -> new InputException("--payer-profile",
                "the generator needs the built-in payer profile \"medicare\""));
        this.commercial = ref.payers().find("commercial").orElseThrow(() -> new InputException("--payer-profile",
                "the generator needs the built-in payer profile \"commercial\""));
        for (LocalDate d = LocalDate.of(options.year(), 1, 2); d.getYear() == options.year(); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workdays.add(d);
            }
        }
        LocalDate firstDay = LocalDate.of(options.year(), 1, 1);
        for (DiagnosisCategory c : ref.diagnoses().all()) {
            if (!ref.diagnoses().exampleOn(c, firstDay).equals(c.example())) {
                continue; // its billable code came later in the year or after it (G20.A1 from 2023-10-01): not clean
            }
            switch (c.group()) {
                case "neurological", "gait-balance", "vestibular", "musculoskeletal", "injury" -> ptDiagnoses.add(c);
                default -> { }
            }
            switch (c.group()) {
                case "neurological", "musculoskeletal", "injury" -> otDiagnoses.add(c);
                default -> { }
            }
        }
        for (SlpProblem s : SLP_PROBLEMS) {
            // Only a code the catalog knows and that was valid all year (a catalog without it drops it, not the year).
            Optional<DiagnosisCategory> c = ref.diagnoses().categoryOf(s.code());
            if (c.isPresent() && !c.get().notYetValid(s.code(), firstDay) && !c.get().is(s.code())) {
                slpProblems.add(s);
            }
        }
        if (ptDiagnoses.isEmpty() || otDiagnoses.isEmpty() || slpProblems.isEmpty()) {
            throw new IllegalStateException("the diagnosis catalog has no therapy categories");
        }
        this.documentationRules = RuleBook.standard().find(InjectedError.WEAK_NOTE.ruleId()).isPresent();
    }

    /** The labels file written beside {@code out}. */
    public static Path labelsFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".labels.csv");
    }

    /**
     * Why {@code out} or its labels file cannot be written, or empty: a directory, a device, pipe or socket (which
     * the finished file would replace), a directory that does not exist. A symbolic link is followed: the file it
     * points to is written.
     */
    public static Optional<String> unwritable(Path out) throws IOException {
        for (Path p : List.of(out, labelsFile(out))) {
            Path target = through(p);
            if (Files.isDirectory(target)) {
                return Optional.of(p + " is a directory; " + (p == out ? "name a file in it, e.g. "
                        + p.resolve("visits.csv") : "the labels go there: move it away or name another file"));
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                return Optional.of(p + (target.equals(p) ? "" : " (" + target + ")") + " is not a regular file (a "
                        + "device, a pipe or a socket); name a file");
            }
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                return Optional.of("no such directory: " + dir);
            }
        }
        return Optional.empty();
    }

    /** The file a path names once symbolic links are followed (the path itself when it is none). */
    static Path through(Path p) throws IOException {
        Path q = p;
        for (int i = 0; i < 40 && Files.isSymbolicLink(q); i++) {
            Path link = Files.readSymbolicLink(q);
            Path parent = q.toAbsolutePath().getParent();
            q = parent == null ? link : parent.resolve(link);
        }
        if (Files.isSymbolicLink(q)) {
            throw new java.nio.file.FileSystemException(p.toString(), null, "too many levels of symbolic links");
        }
        return q;
    }

    /**
     * Writes the visits to {@code out} (CSV, or JSON Lines for .jsonl; .gz compresses) and the labels beside it.
     * Each is written to a temporary file beside its target and moved over it when whole (through a symbolic link
     * to the file it points to); on a failure the temporary files are removed, and a target not yet replaced is left
     * as it was.
     */
    public static Stats write(Options options, ReferenceData ref, Path out) throws IOException {
        Optional<String> problem = unwritable(out);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        Generator g = new Generator(options, ref);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gz = name.endsWith(".gz");
        boolean jsonl = (gz ? name.substring(0, name.length() - 3) : name).endsWith(".jsonl");
        Path target = through(out);
        Path labels = through(labelsFile(out));
        Path tmp = temporary(target);
        Path tmpLabels = null;
        try {
            tmpLabels = temporary(labels);
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.WRITE);
                 OutputStream os = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
                 Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
                 Writer lw = Files.newBufferedWriter(tmpLabels, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                lw.write("visitId,kind,ruleId\r\n");
                Sink sink;
                if (jsonl) {
                    sink = (team, v) -> {
                        w.write(Json.mapper().writeValueAsString(VisitJsonWriter.write(team.visit(v))));
                        w.write('\n');
                        return v.lines.size();
                    };
                } else {
                    w.write(CsvVisitWriter.header());
                    StringBuilder sb = new StringBuilder(4096);
                    sink = (team, v) -> {
                        sb.setLength(0);
                        team.csvRows(v, sb);
                        if (crossCheck) {
                            String expected = CsvVisitWriter.rows(team.visit(v));
                            if (!expected.contentEquals(sb)) {
                                throw new IllegalStateException("CSV fast path differs from CsvVisitWriter for "
                                        + v.id + ":\n" + expected + "\n" + sb);
                            }
                        }
                        w.append(sb);
                        return v.lines.size();
                    };
                }
                Sink written = sink;
                if (failMidway) {
                    written = (team, v) -> {
                        sink.write(team, v);
                        throw new IOException("No space left on device");
                    };
                }
                g.run(written, lw);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            Files.move(tmpLabels, labels, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmpLabels = null;
        } finally {
            for (Path left : new Path[] {tmp, tmpLabels}) {
                if (left != null) {
                    try {
                        Files.deleteIfExists(left);
                    } catch (IOException e) {
                        // The failure that brought us here is the one to report.
                    }
                }
            }
        }
        return new Stats(g.written, g.rows, g.injected);
    }

    /** A new, empty temporary file beside {@code target} (a hidden name no other run uses). */
    private static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another run's name: draw again.
            }
        }
    }

    private void run(Sink sink, Writer labels) throws IOException {
        SplittableRandom root = new SplittableRandom(options.seed());
        long teams = Math.max(MIN_TEAMS, (options.visits() + VISITS_PER_TEAM - 1) / VISITS_PER_TEAM);
        for (long t = 0; t < teams; t++) {
            long budget = options.visits() / teams + (t < options.visits() % teams ? 1 : 0);
            new Team(t, (int) budget, root.split(), sink, labels).run();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final class GPatient {
        final String id;
        final PayerProfile payer;
        final List<String> diagnoses;
        final String condition;
        final boolean neuro;
        final boolean skipsProgressReports;
        final String physician;
        final String physicianNpi;
        /** An SLP's patient: what the SLP treats (the main diagnosis's), and the second diagnosis's, if any. */
        SlpKind kind;
        SlpKind secondKind;
        String lastNote = "";
        /** The notes written for the patient, numbers aside (as MW-A005 reads them): a clean note is never one. */
        final java.util.Set<Long> notes = new java.util.HashSet<>();
        /** The current certification period of the plan of care; null before the first visit. */
        LocalDate certFrom;
        LocalDate certTo;
        /** Treatment days since the last evaluation or re-evaluation (the progress report). */
        int daysSinceProgress;
        /** Medicare allowed amounts billed so far this year (the KX bucket of the team's discipline). */
        BigDecimal incurred = BigDecimal.ZERO;

        GPatient(String id, PayerProfile payer, List<String> diagnoses, String condition, boolean neuro,
                 boolean skipsProgressReports, int physician) {
            this.id = id;
            this.payer = payer;
            this.diagnoses = diagnoses;
            this.condition = condition;
            this.neuro = neuro;
            this.skipsProgressReports = skipsProgressReports;
            this.physician = PHYSICIANS[physician];
            this.physicianNpi = PHYSICIAN_NPIS[physician];
        }
    }

    private record Slot(int day, int patient, int seq) {
    }

    /** One line of a visit being generated: a code, its minutes and start (minute of the day), who furnished it. */
    private static final class GLine {
        final String code;
        final boolean timed;
        int minutes;
        int start;
        boolean assistant;
        int units;
        /** The line is on the claim (the injected 97130 without 97129 leaves 97129's documented line unbilled). */
        boolean billed = true;
        List<String> modifiers = new ArrayList<>(3);
        /**
         * The column-one code of the NCCI pair whose edit this line's 59/X bypasses (the services in different time
         * intervals), or null.
         */
        String bypasses;

        GLine(String code, boolean timed, int minutes) {
            this.code = code;
            this.timed = timed;
            this.minutes = minutes;
        }

        int end() {
            return start + minutes;
        }
    }

    private static final class GVisit {
        String id;
        LocalDate date;
        GPatient patient;
        int seq;
        final List<GLine> lines = new ArrayList<>(5);
        int start;
        String note = "";
        /** An SLP's progress report written in the note (no code bills it; the visit field progressReport says so). */
        boolean report;
        InjectedError error;
        /** For a therapist overlap, the earlier visit it overlaps: its claim bills the shared minutes too. */
        String overlaps;
        /**
         * The billed codes an NCCI edit denies (a column-two line without its 59/X, the injected missing NCCI
         * modifier), each with its column-one code: priced at $0, as the audit prices them.
         */
        Map<String, String> bundled = Map.of();
        /**
         * Billed again under another visit id: the copy ({@code ...-D}) carries the duplicate-claim error and its
         * label; this visit stays a visit of its own, with an error of its own drawn at the rate (or none).
         */
        boolean duplicated;
        LocalDate certFrom;
        LocalDate certTo;

        boolean progressReport() {
            if (report) {
                return true;
            }
            for (GLine l : lines) {
                if (VisitDigest.PROGRESS_CODES.contains(l.code)) {
                    return true; // an evaluation or re-evaluation (VisitDigest.PROGRESS_CODES: PT, OT and SLP)
                }
            }
            return false;
        }

        int duration() {
            int n = 0;
            for (GLine l : lines) {
                n += l.minutes;
            }
            return n;
        }

        void layout(int from) {
            start = from;
            int t = from;
            for (GLine l : lines) {
                l.start = t;
                t += l.minutes;
            }
        }

        int end() {
            int e = start;
            for (GLine l : lines) {
                e = Math.max(e, l.end());
            }
            return e;
        }

        boolean hasAssistantLine() {
            for (GLine l : lines) {
                if (l.assistant && l.units > 0 && l.modifiers.size() > 1) {
                    return true;
                }
            }
            return false;
        }

        int timedCount() {
            int n = 0;
            for (GLine l : lines) {
                n += l.timed ? 1 : 0;
            }
            return n;
        }
    }

    private final class Team {
        final long index;
        final int budget;
        final SplittableRandom r;
        /**
         * The draws of a duplicated visit's own error (its copy has the duplicate's): apart from {@link #r}, so the
         * visits stay as they were when the draw misses.
         */
        final SplittableRandom own;
        final Sink sink;
        final Writer labels;
        final Discipline discipline;
        final Setting setting;
        final String therapist;
        final Optional<String> assistant;
        final List<GPatient> patients = new ArrayList<>();
        int emitted;

        Team(long index, int budget, SplittableRandom r, Sink sink, Writer labels) {
            this.index = index;
            this.budget = budget;
            this.r = r;
            this.own = new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (index + 1)));
            this.sink = sink;
            this.labels = labels;
            double d = r.nextDouble();
            this.discipline = d < PT_SHARE ? Discipline.PT : d < PT_SHARE + OT_SHARE ? Discipline.OT : Discipline.SLP;
            double s = r.nextDouble();
            this.setting = s < 0.85 ? Setting.PRIVATE_PRACTICE : s < 0.95 ? Setting.HOSPITAL_OUTPATIENT
                    : Setting.REHAB_AGENCY;
            String n = pad(index + 1, 5);
            this.therapist = discipline.name() + n;
            this.assistant = r.nextDouble() < (discipline == Discipline.SLP ? SLPA_SHARE : 0.7)
                    ? Optional.of(discipline.name() + "A" + n) : Optional.empty();
        }

        void run() throws IOException {
            List<Slot> slots = plan();
            slots.sort(Comparator.comparingInt(Slot::day).thenComparingInt(Slot::patient));
            int i = 0;
            while (i < slots.size() && emitted < budget) {
                int j = i;
                while (j < slots.size() && slots.get(j).day() == slots.get(i).day()) {
                    j++;
                }
                day(workdays.get(slots.get(i).day()), slots.subList(i, j));
                i = j;
            }
        }

        /** Patients and the days they are seen, until the team's visits are planned. */
        List<Slot> plan() {
            int[] load = new int[workdays.size()];
            List<Slot> slots = new ArrayList<>(budget);
            int planned = 0;
            int misses = 0;
            while (planned < budget && misses < 1000) {
                GPatient p = patient();
                int want = r.nextDouble() < 0.05 ? 28 + r.nextInt(13) : 6 + r.nextInt(19);
                want = Math.min(want, budget - planned);
                int day = r.nextInt(workdays.size());
                int seq = 0;
                while (seq < want && day < workdays.size()) {
                    if (load[day] < MAX_VISITS_PER_DAY) {
                        slots.add(new Slot(day, patients.size(), seq));
                        load[day]++;
                        seq++;
                        day += 2 + r.nextInt(2);
                    } else {
                        day++;
                    }
                }
                misses = seq == 0 ? misses + 1 : 0;
                planned += seq;
                patients.add(p);
            }
            return slots;
        }

        GPatient patient() {
            String id = "P" + pad(index + 1, 5) + "-" + pad(patients.size() + 1, 4);
            PayerProfile payer = r.nextDouble() < 0.6 ? medicare : commercial;
            if (discipline == Discipline.SLP) {
                return slpPatient(id, payer);
            }
            List<DiagnosisCategory> pool = discipline == Discipline.PT ? ptDiagnoses : otDiagnoses;
            DiagnosisCategory main = pool.get(r.nextInt(pool.size()));
            List<String> dx = new ArrayList<>(2);
            // Billable codes (all their characters), as a claim carries them: a bare category is MW-C007.
            dx.add(main.example());
            if (r.nextDouble() < 0.4) {
                DiagnosisCategory second = pool.get(r.nextInt(pool.size()));
                if (!second.category().equals(main.category())) {
                    dx.add(second.example());
                }
            }
            // Skipped progress reports are a Medicare finding (MW-A002 counts Medicare visits only).
            boolean skips = r.nextDouble() < options.errorRate() && payer.isMedicare();
            return new GPatient(id, payer, List.copyOf(dx), main.title(), main.supports97112(), skips,
                    r.nextInt(PHYSICIANS.length));
        }

        /** An SLP's patient: a speech, language, cognitive or swallowing diagnosis, sometimes a second of another kind. */
        GPatient slpPatient(String id, PayerProfile payer) {
            SlpProblem main = slpProblems.get(r.nextInt(slpProblems.size()));
            List<String> dx = new ArrayList<>(2);
            dx.add(main.code());
            SlpKind second = null;
            if (r.nextDouble() < 0.35) {
                SlpProblem other = slpProblems.get(r.nextInt(slpProblems.size()));
                if (other.kind() != main.kind()) {
                    dx.add(other.code());
                    second = other.kind();
                }
            }
            boolean skips = r.nextDouble() < options.errorRate() && payer.isMedicare();
            GPatient p = new GPatient(id, payer, List.copyOf(dx), main.title(), false, skips,
                    r.nextInt(PHYSICIANS.length));
            p.kind = main.kind();
            p.secondKind = second;
            return p;
        }

        void day(LocalDate date, List<Slot> slots) throws IOException {
            List<GVisit> visits = new ArrayList<>(slots.size());
            for (Slot s : slots) {
                visits.add(content(date, patients.get(s.patient()), s.seq()));
            }
            int[] gaps = new int[visits.size()];
            int busy = 0;
            for (int k = 0; k < visits.size(); k++) {
                gaps[k] = r.nextInt(16);
                busy += visits.get(k).duration() + gaps[k];
            }
            int t = DAY_START + r.nextInt(30);
            if (t + busy > LAST_MINUTE) {
                // A long day starts early and drops the gaps.
                Arrays.fill(gaps, 0);
                busy = visits.stream().mapToInt(GVisit::duration).sum();
                t = Math.max(6 * 60, LAST_MINUTE - busy);
            }
            List<GVisit> fitted = new ArrayList<>(visits.size());
            for (int k = 0; k < visits.size(); k++) {
                GVisit v = visits.get(k);
                if (t + v.duration() > LAST_MINUTE) {
                    break; // a day of ten very long visits (rare): the rest are not seen
                }
                v.layout(t);
                t = v.end() + gaps[k];
                fitted.add(v);
            }
            visits = fitted;
            // Decide the injected errors, in visit order (an overlap needs the visit before it settled).
            for (int k = 0; k < visits.size(); k++) {
                GVisit v = visits.get(k);
                GPatient p = v.patient;
                // The evaluation's day is treatment day 1 of the first reporting period; a re-evaluation ends one.
                p.daysSinceProgress = v.seq == 0 ? 1 : v.progressReport() ? 0 : p.daysSinceProgress + 1;
                if (p.skipsProgressReports && p.daysSinceProgress > PROGRESS_REPORT_DAYS) {
                    // The patient's progress reports were skipped: every treatment day past the due date.
                    v.error = InjectedError.MISSED_PROGRESS_REPORT;
                    surplus += 1 - options.errorRate();
                    continue;
                }
                if (r.nextDouble() >= options.errorRate()) {
                    continue;
                }
                if (surplus >= 1) {
                    surplus -= 1; // a skipped progress report's visit had this visit's share
                    continue;
                }
                List<InjectedError> kinds = new ArrayList<>(8);
                if (v.timedCount() >= 1) {
                    kinds.add(InjectedError.OVER_BILLED_UNITS); // an untimed code (92507, 92526) is one unit a day
                }
                kinds.add(InjectedError.MISSING_DISCIPLINE_MODIFIER);
                kinds.add(InjectedError.DUPLICATE_CLAIM);
                if (twoTimedServicesLast(v)) {
                    kinds.add(InjectedError.OVERLAPPING_MINUTES);
                }
                if (v.patient.payer.isMedicare() && hasAssistantCode(v)) {
                    kinds.add(InjectedError.MISSING_ASSISTANT_MODIFIER);
                }
                if (v.patient.lastNote.length() >= 80) {
                    kinds.add(InjectedError.COPIED_NOTE);
                }
                if (k > 0) {
                    GVisit prev = visits.get(k - 1);
                    // Only timed codes count as one-on-one treatment across visits: no evaluation on either visit.
                    if (prev.patient != v.patient && prev.duration() >= 12 && v.timedCount() == v.lines.size()
                            && prev.timedCount() == prev.lines.size()
                            && prev.error != InjectedError.THERAPIST_OVERLAP
                            && prev.error != InjectedError.MISSING_ASSISTANT_MODIFIER
                            // A duplicated visit's copy would overlap too, a second pair to label.
                            && !prev.duplicated) {
                        kinds.add(InjectedError.THERAPIST_OVERLAP);
                    }
                }
                if (documentationRules) {
                    kinds.add(InjectedError.WEAK_NOTE);
                }
                if (v.lines.stream().anyMatch(x -> x.code.equals(Cognitive.ADD_ON))) {
                    kinds.add(InjectedError.ADD_ON_WITHOUT_BASE);
                }
                if (bypassesAnNcciPair(v)) {
                    kinds.add(InjectedError.MISSING_NCCI_MODIFIER);
                }
                // MW-P001 is Medicare's, and not for an initial evaluation alone (v3).
                if (p.certFrom != null && p.certFrom.isBefore(v.date) && p.payer.isMedicare()
                        && !v.lines.stream().allMatch(x -> PlanOfCare.initialEvaluation(x.code))) {
                    kinds.add(InjectedError.EXPIRED_CERTIFICATION);
                }
                InjectedError kind = kinds.get(r.nextInt(kinds.size()));
                if (kind == InjectedError.DUPLICATE_CLAIM) {
                    // The copy is the visit with the error; this one is a visit too, drawn at the rate as any other,
                    // among the errors that leave its billed lines (which the copy shares) as they are.
                    v.duplicated = true;
                    if (own.nextDouble() < options.errorRate()) {
                        List<InjectedError> mine = new ArrayList<>(3);
                        for (InjectedError e : kinds) {
                            if (e == InjectedError.COPIED_NOTE || e == InjectedError.WEAK_NOTE
                                    || e == InjectedError.EXPIRED_CERTIFICATION) {
                                mine.add(e);
                            }
                        }
                        v.error = mine.isEmpty() ? null : mine.get(own.nextInt(mine.size()));
                    }
                } else {
                    v.error = kind;
                }
                if (v.error != null) {
                    structural(v, k == 0 ? null : visits.get(k - 1));
                }
            }
            for (GVisit v : visits) {
                bill(v);
                if (v.error != null) {
                    billing(v);
                }
                if (emitted >= budget) {
                    return;
                }
                emit(v, null);
                if (v.duplicated) {
                    if (emitted >= budget) {
                        return;
                    }
                    GVisit dup = new GVisit();
                    dup.id = v.id + "-D";
                    dup.date = v.date;
                    dup.patient = v.patient;
                    dup.seq = v.seq;
                    dup.lines.addAll(v.lines);
                    dup.start = v.start;
                    dup.note = freshNote(dup);
                    dup.report = v.report;
                    dup.error = InjectedError.DUPLICATE_CLAIM;
                    emit(dup, dup);
                }
            }
        }

        /**
         * The last two lines are timed and of two services (not 97129 and 97130, one service's minutes): the injected
         * overlap moves the last one's start into the one before.
         */
        boolean twoTimedServicesLast(GVisit v) {
            int n = v.lines.size();
            return n >= 2 && v.lines.get(n - 1).timed && v.lines.get(n - 2).timed
                    && !Cognitive.sameService(v.lines.get(n - 1).code,
                    v.lines.get(n - 2).code);
        }

        /**
         * Whether the visit, billed as the engine bills it, carries 59/X on a column-two line (an NCCI pair done in
         * separate time intervals): the injected missing NCCI modifier leaves it off. The bill is made again after
         * the errors are decided (it draws nothing at random).
         */
        boolean bypassesAnNcciPair(GVisit v) {
            bill(v);
            for (GLine l : v.lines) {
                if (l.bypasses != null) {
                    return true;
                }
            }
            return false;
        }

        boolean hasAssistantCode(GVisit v) {
            if (discipline == Discipline.SLP || !assistantModifiersApply(v.patient.payer, setting, v.date)) {
                return false; // an SLPA's lines carry no CQ/CO
            }
            for (GLine l : v.lines) {
                if (l.assistant) {
                    return true;
                }
            }
            return false;
        }

        /** The visit's codes, minutes and providers (times are laid out later). */
        GVisit content(LocalDate date, GPatient p, int seq) {
            GVisit v = new GVisit();
            v.id = "V" + pad(++visitSeq, 9);
            v.date = date;
            v.patient = p;
            v.seq = seq;
            boolean eval = seq == 0;
            boolean reEval = !eval && seq % 9 == 0 && !p.skipsProgressReports;
            if (discipline == Discipline.SLP) {
                slpContent(v, eval, reEval);
                v.note = freshNote(v);
                return v;
            }
            if (eval) {
                String code = discipline == Discipline.PT ? pick("97161", "97162", "97163", 0.3, 0.5)
                        : pick("97165", "97166", "97167", 0.3, 0.5);
                v.lines.add(new GLine(code, false, 20 + r.nextInt(26)));
            } else if (reEval) {
                v.lines.add(new GLine(discipline == Discipline.PT ? "97164" : "97168", false, 15 + r.nextInt(16)));
            }
            int timed = eval ? 1 + r.nextInt(2) : 2 + r.nextInt(3);
            String[] codes = discipline == Discipline.PT ? PT_CODES : OT_CODES;
            double[] weights = discipline == Discipline.OT ? p.neuro ? OT_NEURO : OT_WEIGHTS
                    : p.neuro ? PT_NEURO : PT_ORTHO;
            List<String> chosen = new ArrayList<>(timed);
            if (!eval && !reEval && r.nextDouble() < PERFORMANCE_TEST_SHARE) {
                chosen.add(PERFORMANCE_TEST); // first in the visit: the test, then the treatment
            }
            while (chosen.size() < timed) {
                String c = codes[weighted(weights)];
                if (!chosen.contains(c)) {
                    chosen.add(c);
                }
            }
            List<GLine> timedLines = new ArrayList<>(timed);
            for (String c : chosen) {
                timedLines.add(new GLine(c, true, 0));
            }
            // Minutes of 10-38 per code, drawn again until every code earns a unit under the payer's method.
            for (int attempt = 0; attempt < 50; attempt++) {
                for (GLine l : timedLines) {
                    l.minutes = 10 + r.nextInt(29);
                }
                if (allEarnUnits(timedLines, p.payer)) {
                    break;
                }
                if (attempt == 49) {
                    for (GLine l : timedLines) {
                        l.minutes = 15 + r.nextInt(24);
                    }
                }
            }
            v.lines.addAll(timedLines);
            if (assistant.isPresent() && !eval && r.nextDouble() < 0.5) {
                // The therapist gives the performance test and writes its report; an assistant treats.
                List<GLine> treatment = new ArrayList<>(timedLines);
                treatment.removeIf(l -> l.code.equals(PERFORMANCE_TEST));
                boolean any = false;
                for (GLine l : treatment) {
                    if (r.nextDouble() < 0.6) {
                        l.assistant = true;
                        any = true;
                    }
                }
                if (!any) {
                    treatment.get(r.nextInt(treatment.size())).assistant = true;
                }
            }
            v.note = freshNote(v);
            return v;
        }

        /**
         * An SLP's visit: the evaluation of what the SLP treats on the first visit; then the treatment of the main
         * diagnosis (92526 swallowing, 92507 speech and language, 97129/97130 cognition), sometimes with the second
         * diagnosis's, and a progress report in the note every ninth visit (the SLP's evaluation codes are not billed
         * again for it). An SLPA furnishes some treatment, for payers other than Medicare only (Medicare does not
         * recognize SLPA services: MW-W011, MW-U007), billed under the SLP with GN and no CQ/CO.
         */
        void slpContent(GVisit v, boolean eval, boolean report) {
            GPatient p = v.patient;
            if (eval) {
                v.lines.add(new GLine(p.kind.evaluation, false, 30 + r.nextInt(31)));
                // Voice and resonance analyzed beside a motor speech evaluation (dysarthria, apraxia), or beside the
                // language evaluation when the patient has a motor speech diagnosis too.
                boolean motorSpeech = p.kind == SlpKind.SPEECH
                        || p.kind == SlpKind.LANGUAGE && p.secondKind == SlpKind.SPEECH;
                if (motorSpeech && r.nextDouble() < VOICE_EVALUATION_SHARE) {
                    v.lines.add(new GLine(VOICE_EVALUATION, false, 15 + r.nextInt(16)));
                }
                return;
            }
            v.report = report;
            List<String> treatments = new ArrayList<>(2);
            treatments.add(p.kind.treatment);
            if (p.secondKind != null && !p.secondKind.treatment.equals(p.kind.treatment) && r.nextDouble() < 0.5) {
                treatments.add(p.secondKind.treatment);
            }
            boolean two = treatments.size() > 1;
            for (String code : treatments) {
                if (code.equals(Cognitive.BASE)) {
                    v.lines.addAll(cognitiveLines(p.payer, two));
                } else {
                    v.lines.add(new GLine(code, false, two ? 15 + r.nextInt(16) : 25 + r.nextInt(21)));
                }
            }
            if (assistant.isPresent() && !p.payer.isMedicare() && r.nextDouble() < 0.5) {
                boolean any = false;
                for (GLine l : v.lines) {
                    if (r.nextDouble() < 0.6) {
                        l.assistant = true;
                        any = true;
                    }
                }
                if (!any) {
                    v.lines.get(r.nextInt(v.lines.size())).assistant = true;
                }
            }
        }

        /**
         * Cognitive function intervention as documented: 97129 for the first 15 minutes, 97130 for the minutes after
         * (drawn again until each line earns a unit of the claim's split: 97129 one, 97130 the rest).
         */
        List<GLine> cognitiveLines(PayerProfile payer, boolean shorter) {
            List<GLine> lines = new ArrayList<>(2);
            for (int attempt = 0; attempt < 50; attempt++) {
                lines.clear();
                int total = r.nextDouble() < 0.4 ? 12 + r.nextInt(11) : 23 + r.nextInt(shorter ? 8 : 23);
                lines.add(new GLine(Cognitive.BASE, true, Math.min(15, total)));
                if (total > 15) {
                    lines.add(new GLine(Cognitive.ADD_ON, true, total - 15));
                }
                if (allEarnUnits(lines, payer)) {
                    break;
                }
            }
            return lines;
        }

        /** The visit's note, drawn again while it is one the patient already has (numbers aside, as MW-A005 reads). */
        String freshNote(GVisit v) {
            String note = note(v);
            for (int attempt = 0; attempt < 20
                    && v.patient.notes.contains(VisitDigest.fingerprint(note)); attempt++) {
                note = note(v);
            }
            return note;
        }

        boolean allEarnUnits(List<GLine> lines, PayerProfile payer) {
            List<CodeMinutes> cm = new ArrayList<>(lines.size());
            for (GLine l : lines) {
                cm.add(new CodeMinutes(l.code, l.minutes));
            }
            UnitResult u = UnitCalculator.compute(payer.method(), cm, ref.codes());
            for (GLine l : lines) {
                if (claimUnits(u, l.code) == 0) {
                    return false;
                }
            }
            return true;
        }

        /** The units the claim bills under {@code code}: 97129 one of the pair's, 97130 the rest (RULES.md §1). */
        int claimUnits(UnitResult u, String code) {
            if (Cognitive.isPair(code)) {
                int pair = u.unitsOf(Cognitive.BASE)
                        + u.unitsOf(Cognitive.ADD_ON);
                return code.equals(Cognitive.BASE)
                        ? Cognitive.baseUnits(pair)
                        : Cognitive.addOnUnits(pair);
            }
            return u.unitsOf(code);
        }

        /** Errors that change the documented times or providers, before billing. */
        void structural(GVisit v, GVisit prev) {
            switch (v.error) {
                case OVERLAPPING_MINUTES -> {
                    GLine last = v.lines.get(v.lines.size() - 1);
                    GLine before = v.lines.get(v.lines.size() - 2);
                    int shift = 3 + r.nextInt(Math.max(1, Math.min(8, before.minutes - 3)));
                    last.start = before.end() - Math.min(shift, before.minutes - 1);
                }
                case THERAPIST_OVERLAP -> {
                    for (GLine l : prev.lines) {
                        l.assistant = false;
                    }
                    for (GLine l : v.lines) {
                        l.assistant = false;
                    }
                    int span = prev.end() - prev.start;
                    int delta = 5 + r.nextInt(Math.max(1, span - 9));
                    v.layout(prev.start + Math.min(delta, span - 1));
                    v.overlaps = prev.id;
                }
                case COPIED_NOTE -> v.note = v.patient.lastNote;
                case WEAK_NOTE -> v.note = "";
                default -> { }
            }
        }

        /**
         * The minutes of a timed line that another timed code's period, begun first, also holds (the injected
         * overlapping-minutes error): the engine counts them under that code only (MW-U003), and so does the bill.
         */
        private int takenByCodeBegunFirst(GVisit v, GLine l) {
            int taken = 0;
            for (GLine o : v.lines) {
                if (o != l && o.timed && l.timed && !o.code.equals(l.code) && UnitCalculator.countsFirst(
                        period(o), o.code, o.assistant, period(l), l.code, l.assistant)) {
                    taken += period(o).overlapMinutes(period(l));
                }
            }
            return taken;
        }

        private Period period(GLine l) {
            return new Period(time(l.start), time(l.end()));
        }

        /** Units and modifiers as the engine bills them from the documented minutes. */
        void bill(GVisit v) {
            PayerProfile payer = v.patient.payer;
            // An SLPA's lines carry no CQ/CO (they are the PTA's and OTA's).
            boolean cq = discipline != Discipline.SLP && assistantModifiersApply(payer, setting, v.date);
            List<CodeMinutes> cm = new ArrayList<>(v.lines.size());
            for (GLine l : v.lines) {
                // An assistant's line where CQ/CO apply: a tie at the cut-off goes to the therapist's code (as the
                // engine does), so the clean data bills what the engine bills.
                cm.add(new CodeMinutes(l.code, l.minutes - takenByCodeBegunFirst(v, l), cq && l.assistant));
            }
            UnitResult u = UnitCalculator.compute(payer.method(), cm, ref.codes());
            for (GLine l : v.lines) {
                l.units = claimUnits(u, l.code);
                l.modifiers = new ArrayList<>(3);
                l.bypasses = null;
                // A code that ends with 0 units is no claim line where the payer takes none (the engine drops it,
                // ClaimBuilder): its row documents minutes and bills nothing, else a 0-unit line is a block of its
                // own (MW-B013) that no injected error labels (an auditor's review: 14 in a year, all on visits of
                // the overlapping-minutes error, whose shared minutes leave a code nothing).
                l.billed = l.units > 0 || payer.sendZeroUnitLines();
                if (!l.billed) {
                    continue;
                }
                l.modifiers.add(discipline.modifier());
                if (cq && l.assistant && l.units > 0) {
                    l.modifiers.add(discipline == Discipline.OT ? "CO" : "CQ");
                }
            }
            for (int i = 0; i < v.lines.size(); i++) {
                for (int j = i + 1; j < v.lines.size(); j++) {
                    GLine a = v.lines.get(i);
                    GLine b = v.lines.get(j);
                    if (a.units == 0 || b.units == 0) {
                        continue;
                    }
                    Optional<PtpEdit> e = ref.ptp().find(a.code, b.code, v.date);
                    if (e.isPresent() && e.get().bypassable()
                            && !payer.deniesDistinctModifier(e.get().column1(), e.get().column2())
                            && !(a.start < b.end() && b.start < a.end())) {
                        GLine col2 = e.get().column2().equals(a.code) ? a : b;
                        if (!col2.modifiers.contains(payer.distinctModifier())) {
                            col2.modifiers.add(payer.distinctModifier());
                        }
                        if (col2.bypasses == null) {
                            col2.bypasses = e.get().column1();
                        }
                    }
                }
            }
        }

        /** Errors in what was billed, after the correct bill was made. */
        void billing(GVisit v) {
            switch (v.error) {
                case OVER_BILLED_UNITS -> {
                    // Beside 97130, 97129 keeps its one unit: the surplus is billed as 97130.
                    boolean addOn = v.lines.stream().anyMatch(x -> x.code.equals(Cognitive.ADD_ON));
                    GLine l = pickLine(v, x -> x.billed && x.timed && !(addOn && x.code.equals(Cognitive.BASE)));
                    l.units++;
                }
                case ADD_ON_WITHOUT_BASE -> {
                    // The first 15 minutes billed as 97130 too: 97129's documented line is left off the claim.
                    GLine base = pickLine(v, x -> x.code.equals(Cognitive.BASE));
                    GLine addOn = pickLine(v, x -> x.code.equals(Cognitive.ADD_ON));
                    addOn.units += base.units;
                    base.units = 0;
                    base.billed = false;
                    base.modifiers = new ArrayList<>(0);
                }
                case MISSING_DISCIPLINE_MODIFIER -> {
                    // A line without CQ/CO when there is one (else CQ without GP is a second finding, MW-B005).
                    boolean plain = v.lines.stream().anyMatch(x -> x.billed && !x.modifiers.contains("CQ")
                            && !x.modifiers.contains("CO"));
                    GLine l = pickLine(v, x -> x.billed && (!plain || !x.modifiers.contains("CQ")
                            && !x.modifiers.contains("CO")));
                    l.modifiers.remove(discipline.modifier());
                }
                case MISSING_ASSISTANT_MODIFIER -> {
                    GLine l = pickLine(v, x -> ClaimBuilder.assistantModifier(x.modifiers));
                    l.modifiers.remove("CQ");
                    l.modifiers.remove("CO");
                }
                case MISSING_NCCI_MODIFIER -> {
                    // The times show separate intervals; the column-two line goes out without its 59/X, denied.
                    GLine l = pickLine(v, x -> x.bypasses != null);
                    l.modifiers.remove(v.patient.payer.distinctModifier());
                    v.bundled = Map.of(l.code, l.bypasses);
                }
                default -> { }
            }
        }

        GLine pickLine(GVisit v, Predicate<GLine> ok) {
            List<GLine> candidates = new ArrayList<>();
            for (GLine l : v.lines) {
                if (ok.test(l)) {
                    candidates.add(l);
                }
            }
            if (candidates.isEmpty()) {
                throw new IllegalStateException("no line for the injected error " + v.error.wire());
            }
            return candidates.get(r.nextInt(candidates.size()));
        }

        /**
         * Writes the visit; {@code dup} is the duplicate's own marker (the original of a duplicate bills its lines as
         * they should be, its own error, if any, being in its note or certification).
         */
        void emit(GVisit v, Object dup) throws IOException {
            certify(v);
            if (v.patient.payer.isMedicare() && dup == null) {
                kx(v); // a duplicate claim (its lines shared with the original) is denied: no expense, no KX of its own
            }
            rows += sink.write(this, v);
            emitted++;
            written++;
            if (!v.note.isEmpty()) {
                v.patient.lastNote = v.note;
                v.patient.notes.add(VisitDigest.fingerprint(v.note));
            }
            if (v.error != null) {
                injected.merge(v.error, 1L, Long::sum);
                labels.write(v.id + "," + v.error.wire() + "," + v.error.ruleId() + "\r\n");
                if (v.overlaps != null) {
                    // MW-A001 is reported on both visits of the pair: the earlier claim bills the minutes too.
                    labels.write(v.overlaps + "," + v.error.wire() + "," + v.error.ruleId() + "\r\n");
                }
            }
        }

        /**
         * The visit's certification: the patient's current 90-day period (the first starts on the first visit, the
         * next the day after one ends); a visit injected with an expired certification carries a period that ended
         * the day before.
         */
        void certify(GVisit v) {
            GPatient p = v.patient;
            if (p.certFrom == null) {
                p.certFrom = v.date;
                p.certTo = v.date.plusDays(CERTIFICATION_DAYS - 1);
            }
            while (v.date.isAfter(p.certTo)) {
                p.certFrom = p.certTo.plusDays(1);
                p.certTo = p.certFrom.plusDays(CERTIFICATION_DAYS - 1);
            }
            v.certFrom = p.certFrom;
            v.certTo = p.certTo;
            if (v.error == InjectedError.EXPIRED_CERTIFICATION) {
                v.certFrom = p.certFrom.isBefore(v.date) ? p.certFrom : v.date.minusDays(CERTIFICATION_DAYS);
                v.certTo = v.date.minusDays(1);
            }
        }

        /**
         * KX on the lines billed once the patient's Medicare allowed amounts this year pass the threshold, counted
         * line by line in the order the visits are written (each patient's in date order) as the audit counts them:
         * the lines as billed, priced by the payment estimate (a duplicate claim adds nothing, nor a line over its MUE:
         * Medicare denies them, and the audit counts them so).
         */
        void kx(GVisit v) {
            Optional<KxThreshold> t = ref.fees().kxThreshold(v.date);
            if (t.isEmpty()) {
                return;
            }
            BigDecimal threshold = discipline == Discipline.OT ? t.get().ot() : t.get().ptSlp();
            // A line over its MUE is priced at $0 (Medicare denies it), as the audit counts it.
            List<org.minutewise.core.claim.ClaimLine> lines = BilledClaim.lines(visit(v));
            // So is a column-two line billed without the 59/X its NCCI pair needs.
            Estimate est = PaymentEstimator.estimate(lines, v.date, Optional.empty(), ref.fees(), ref.codes(),
                    java.util.Set.of(), org.minutewise.core.claim.MueDenial.over(lines, ref.mue(), v.date), v.bundled);
            BigDecimal before = v.patient.incurred;
            BigDecimal after = before;
            boolean[] past = new boolean[v.lines.size()];
            boolean any = false;
            int claimLine = -1; // the claim's lines are the billed ones
            for (int i = 0; i < v.lines.size(); i++) {
                claimLine += v.lines.get(i).billed ? 1 : 0;
                if (v.lines.get(i).units == 0) {
                    continue;
                }
                if (est.available() && est.lines().get(claimLine).priced()) {
                    after = after.add(est.lines().get(claimLine).allowed());
                }
                past[i] = after.compareTo(threshold) > 0 || before.compareTo(threshold) >= 0;
                any |= past[i];
            }
            // The crossing line and the later ones; on an institutional claim every line once the claim passes.
            for (int i = 0; i < v.lines.size(); i++) {
                GLine l = v.lines.get(i);
                if (l.units > 0 && (past[i] || any && setting.institutional()) && !l.modifiers.contains("KX")) {
                    l.modifiers.add("KX");
                }
            }
            v.patient.incurred = after;
        }

        /** The team's assistant: a PTA, an OTA or an SLPA. */
        Role assistantRole() {
            return switch (discipline) {
                case PT -> Role.PTA;
                case OT -> Role.OTA;
                case SLP -> Role.SLPA;
            };
        }

        /** The visit as the domain model (for JSON Lines, and to cross-check the CSV fast path). */
        Visit visit(GVisit v) {
            List<ServiceLine> services = new ArrayList<>(v.lines.size());
            List<BilledLine> billed = new ArrayList<>(v.lines.size());
            int total = 0;
            for (GLine l : v.lines) {
                Provider p = l.assistant ? new Provider(assistant, assistantRole(), Optional.empty(),
                        Optional.of(therapist), Optional.empty())
                        : new Provider(Optional.of(therapist), Role.therapistOf(discipline), Optional.empty());
                Period period = new Period(time(l.start), time(l.end()));
                services.add(new ServiceLine(l.code, OptionalInt.of(l.minutes), List.of(period), p, Optional.empty(),
                        Optional.empty()));
                if (l.billed) {
                    billed.add(new BilledLine(l.code, l.modifiers, l.units, Optional.empty()));
                }
                total += l.minutes;
            }
            return Visit.builder(v.id, v.date).payer(v.patient.payer.id()).planOfCare(discipline)
                    .setting(setting)
                    .patient(new Patient(Optional.of(v.patient.id), Optional.empty(), YearToDate.NONE,
                            YearToDate.NONE))
                    .diagnoses(v.patient.diagnoses).totalTreatmentMinutes(total).services(services)
                    .certification(new Certification(Optional.of(v.certFrom), Optional.of(v.certTo),
                            Optional.of(v.patient.physician), Optional.of(v.patient.physicianNpi)))
                    .note(v.note.isEmpty() ? null : v.note).billed(billed).progressReport(v.report).build();
        }

        /**
         * The visit's rows in the CSV layout, written directly (the generator's hot path); the same text as
         * {@link CsvVisitWriter#rows} of {@link #visit} (a test holds them equal).
         */
        void csvRows(GVisit v, StringBuilder sb) {
            String date = v.date.toString();
            String dx = String.join(";", v.patient.diagnoses);
            boolean first = true;
            int total = v.duration();
            for (GLine l : v.lines) {
                sb.append(v.id).append(',').append(date).append(',').append(v.patient.payer.id()).append(',')
                        .append(setting.wire()).append(',').append(discipline.name()).append(',')
                        .append(v.patient.id).append(',').append(dx).append(',').append(l.code).append(',')
                        .append(l.minutes).append(',');
                clock(sb, l.start);
                sb.append(',');
                clock(sb, l.end());
                sb.append(',');
                if (l.assistant) {
                    sb.append(assistant.orElse("")).append(',').append(assistantRole().name());
                } else {
                    sb.append(therapist).append(',').append(discipline.name());
                }
                sb.append(",,");
                if (l.billed) {
                    sb.append(l.units);
                }
                sb.append(',');
                for (int i = 0; i < l.modifiers.size(); i++) {
                    if (i > 0) {
                        sb.append(';');
                    }
                    sb.append(l.modifiers.get(i));
                }
                sb.append(",,");
                if (first && !v.note.isEmpty()) {
                    sb.append('"');
                    for (int i = 0; i < v.note.length(); i++) {
                        char c = v.note.charAt(i);
                        if (c == '"') {
                            sb.append('"');
                        }
                        sb.append(c);
                    }
                    sb.append('"');
                }
                sb.append(',');
                if (first) {
                    sb.append(total);
                }
                sb.append(',');
                if (l.assistant) {
                    sb.append(therapist);
                }
                sb.append(",,");
                if (first) {
                    sb.append(v.certFrom).append(',').append(v.certTo).append(',')
                            .append(Csv.quote(v.patient.physician));
                } else {
                    sb.append(",,");
                }
                sb.append(",,"); // regions: none (the generator writes no manipulation)
                if (first) {
                    sb.append(v.patient.physicianNpi);
                }
                sb.append(',');
                if (first && v.report) {
                    sb.append("true"); // progressReport: an SLP's (PT's and OT's are their billed re-evaluations)
                }
                sb.append(','); // continuation: one period a line
                sb.append(",,"); // claimFrequency, payerClaimControlNumber: original claims
                // secondaryPayer, secondaryClaimFilingIndicator, secondaryInsuranceType: no secondary payer
                sb.append(",,,");
                sb.append("\r\n");
                first = false;
            }
        }

        // ----------------------------------------------------------------------------------------- the note

        String note(GVisit v) {
            return switch (discipline) {
                case PT -> ptNote(v);
                case OT -> otNote(v);
                case SLP -> slpNote(v);
            };
        }

        String ptNote(GVisit v) {
            StringBuilder sb = opening(v);
            GPatient p = v.patient;
            sb.append(oneOf("Pt reports ", "Patient states ", "Pt notes ")).append(oneOf(
                    "less pain with stairs since last session", "one near-fall at home this week",
                    "improved sleep and less stiffness in the morning", "fatigue after community walking",
                    "difficulty reaching overhead cabinets", "increased confidence with transfers",
                    "pain " + r.nextInt(8) + "/10 at rest and " + (2 + r.nextInt(8)) + "/10 with activity"))
                    .append(". ");
            int timed = 0;
            for (GLine l : v.lines) {
                sb.append(sentence(l, p)).append(' ');
                timed += l.timed ? l.minutes : 0;
            }
            sb.append(oneOf("Berg ", "Berg Balance ")).append(30 + r.nextInt(27)).append("/56, TUG ")
                    .append(8 + r.nextInt(15)).append('.').append(r.nextInt(10)).append(" s. ");
            sb.append("Response: ").append(oneOf("tolerated well with no increase in symptoms",
                    "required rest breaks; vitals stable", "good carryover of cues from last session",
                    "fatigued at the end of the session; reduced reps")).append(". ");
            sb.append("Plan: ").append(oneOf("progress balance tasks and reduce cues",
                    "continue plan of care 2x/week", "increase resistance and add dual-task training",
                    "update home exercise program next visit")).append(". ");
            totals(sb, v, timed);
            return sb.toString();
        }

        /** The closing sentence every note has: the total timed minutes (when any) and the total treatment time. */
        void totals(StringBuilder sb, GVisit v, int timed) {
            if (timed > 0 || discipline != Discipline.SLP) {
                sb.append("Total timed minutes ").append(timed).append(", total treatment time ");
            } else {
                sb.append("Total treatment time ");
            }
            sb.append(v.duration()).append(" min.");
        }

        /** A note begun with what every note opens with: the condition and its codes, and the visit number. */
        StringBuilder opening(GVisit v) {
            StringBuilder sb = new StringBuilder(600);
            GPatient p = v.patient;
            sb.append(p.condition).append(" (").append(String.join(", ", p.diagnoses)).append("). Visit ")
                    .append(v.seq + 1).append(". ");
            return sb;
        }

        /** An occupational therapist's note: what the patient reports, each service in OT words, OT measures. */
        String otNote(GVisit v) {
            StringBuilder sb = opening(v);
            GPatient p = v.patient;
            sb.append(oneOf("Pt reports ", "Patient states ", "Pt notes ")).append(oneOf(
                    "difficulty with buttoning a shirt", "dropping utensils at meals",
                    "less pain reaching into the cabinets", "fatigue after showering", "dressing with setup only this week",
                    "trouble opening jars", "pain " + r.nextInt(8) + "/10 at rest and " + (2 + r.nextInt(8))
                            + "/10 with activity")).append(". ");
            int timed = 0;
            boolean balance = false;
            for (GLine l : v.lines) {
                sb.append(otSentence(l, p)).append(' ');
                timed += l.timed ? l.minutes : 0;
                balance |= l.code.equals("97112");
            }
            sb.append(oneOf("Grip ", "Grip strength ")).append("R ").append(8 + r.nextInt(25)).append(" kg, L ")
                    .append(10 + r.nextInt(25)).append(" kg; ").append(oneOf("nine hole peg R ", "9 hole peg R "))
                    .append(18 + r.nextInt(30)).append(" s. ");
            if (balance) {
                sb.append(oneOf("Berg ", "Berg Balance ")).append(30 + r.nextInt(27)).append("/56. ");
            }
            sb.append("Response: ").append(oneOf("tolerated well with no increase in symptoms",
                    "required rest breaks; vitals stable", "good carryover of strategies from last session",
                    "fatigued at the end of the session; fewer reps", "needed fewer cues than last session"))
                    .append(". ");
            sb.append("Plan: ").append(oneOf("grade the fine motor tasks and reduce cues",
                    "continue plan of care 2x/week", "add adaptive equipment training next visit",
                    "update home program next visit")).append(". ");
            totals(sb, v, timed);
            return sb.toString();
        }

        /** The sentence of one OT line: the task in OT words, the skilled input and the function it serves. */
        String otSentence(GLine l, GPatient p) {
            int m = l.minutes;
            return switch (l.code) {
                case "97110" -> "Therapeutic exercise " + m + " min: " + oneOf("theraband shoulder flexion",
                        "putty hand strengthening", "wrist curls", "scapular retraction", "pegboard reaching")
                        + " " + (2 + r.nextInt(2)) + "x" + (8 + r.nextInt(8)) + ", " + oneOf("resistance progressed",
                        "verbal cues for form", "tactile cues for scapular setting") + ", to improve " + oneOf(
                        "grip strength", "UE strength", "shoulder ROM") + " for " + oneOf("dressing", "grooming",
                        "reaching overhead", "meal preparation") + ".";
                case "97112" -> "Neuromuscular re-education " + m + " min: " + oneOf("weight bearing through the R UE",
                        "PNF patterns for the UE", "seated reach outside base of support", "weight shifting at the sink",
                        "mirror therapy for the L hand") + " with " + oneOf("tactile", "verbal", "visual")
                        + " cues to improve " + oneOf("postural control", "dynamic balance", "proprioception")
                        + (p.neuro ? "" : " (decreased proprioception noted)") + " for safer " + oneOf("dressing",
                        "toilet transfers", "standing at the sink") + ".";
                case "97140" -> "Manual therapy " + m + " min: " + oneOf("soft tissue mobilization",
                        "joint mobilization grade II", "myofascial release") + " to the " + oneOf("R hand", "L wrist",
                        "R shoulder", "L elbow") + " to improve range of motion for " + oneOf("grasp", "reaching",
                        "self care") + ".";
                case "97530" -> "Therapeutic activities " + m + " min: " + oneOf(
                        "standing tolerance at the kitchen counter", "functional reach to upper cabinets",
                        "tub transfer bench practice", "laundry task simulation") + " with " + oneOf(
                        "verbal cues for sequencing", "contact guard", "hands on facilitation")
                        + " for independence in daily activities.";
                case "97535" -> "Self-care training " + m + " min: " + oneOf("upper body dressing with a reacher",
                        "lower body dressing with a sock aid", "grooming at the sink", "bathing with a tub bench",
                        "meal preparation", "medication management") + " with " + oneOf("setup", "minimal", "moderate")
                        + " assistance and cues for sequencing to restore independence at home.";
                case SENSORY_INTEGRATION -> "Sensory integrative techniques " + m + " min: " + oneOf(
                        "graded tactile input to the R hand before fine motor tasks",
                        "desensitization with graded textures to the L hand",
                        "proprioceptive input through weight bearing and heavy work",
                        "vestibular input on a platform swing") + " with " + oneOf("verbal", "tactile", "visual")
                        + " cues " + oneOf("to attend to the hand", "for sequencing", "to self-regulate") + ", to improve "
                        + oneOf("sensory processing", "sensory modulation", "tolerance of touch") + " for " + oneOf(
                        "dressing", "grooming", "meal preparation") + ".";
                case PERFORMANCE_TEST -> performanceTest(m, oneOf("standardized grip and pinch testing with the "
                        + "dynamometer", "Jebsen-Taylor hand function test", "lift and carry capacity testing",
                        "timed ADL performance measures"), oneOf("self care", "daily activities", "grasp"), p);
                case "97168" -> "OT re-evaluation " + m + " min: progress toward goals reviewed, ADL status updated "
                        + "and the plan revised.";
                default -> "OT evaluation " + m + " min: occupational profile, ADL and IADL performance, UE range of "
                        + "motion, strength and coordination; goals set with the patient.";
            };
        }

        /** A speech-language pathologist's note: what the patient or family reports, each service, the response. */
        String slpNote(GVisit v) {
            StringBuilder sb = opening(v);
            GPatient p = v.patient;
            sb.append(oneOf("Pt reports ", "Patient states ", "Caregiver reports ")).append(switch (p.kind) {
                case SWALLOWING -> oneOf("coughing with thin liquids at dinner", "meals taking less time this week",
                        "no chest congestion since last session", "pocketing food on the right side",
                        "eating soft solids at home");
                case LANGUAGE -> oneOf("fewer word-finding pauses on the phone",
                        "frustration when ordering at a restaurant", "following the TV news better",
                        "using the communication board at home");
                case SPEECH -> oneOf("family understands the patient better at home",
                        "strangers ask the patient to repeat", "voice fading by the evening", "slower rate at church");
                case FLUENCY -> oneOf("fewer blocks when ordering food", "avoiding phone calls at work",
                        "using easy onset at home");
                case COGNITION -> oneOf("one missed medication dose this week",
                        "using the memory notebook for appointments", "getting lost in the grocery store",
                        "paying bills with the daughter's help");
            }).append(". ");
            int timed = 0;
            for (GLine l : v.lines) {
                sb.append(slpSentence(l, p)).append(' ');
                timed += l.timed ? l.minutes : 0;
            }
            if (v.report) {
                sb.append("Progress report: ").append(oneOf("goals reviewed and updated with the patient",
                        "progress toward short term goals reviewed; plan of care continued",
                        "goals reviewed; home program updated")).append(". ");
            }
            sb.append("Response: ").append(oneOf("fewer cues needed than last session",
                    "required rest breaks; accuracy dropped by the last trial",
                    "good carryover of strategies from last session", "fatigued by the end of the session; fewer trials",
                    "improved accuracy with fewer cues")).append(". ");
            sb.append("Plan: ").append(oneOf("fade cues and advance task difficulty", "continue plan of care 2x/week",
                    "caregiver training next session", "retest next week", "update home program next visit"))
                    .append(". ");
            totals(sb, v, timed);
            return sb.toString();
        }

        /** The sentence of one SLP line: the task, the cues or prompts, the accuracy and the function it serves. */
        String slpSentence(GLine l, GPatient p) {
            int m = l.minutes;
            // 92507 treats the patient's speech, language or fluency diagnosis (the main one, else the second).
            SlpKind speech = p.kind.treatment.equals("92507") ? p.kind : p.secondKind;
            return switch (l.code) {
                case "92610" -> "Clinical swallow evaluation " + m + " min: oral mechanism exam, trials of " + oneOf(
                        "thin liquids and puree", "thin and mildly thick liquids", "soft solids and thin liquids")
                        + ", " + oneOf("delayed swallow initiation", "coughing after thin liquid trials",
                        "reduced laryngeal elevation") + " noted; diet recommendations and goals set with the patient.";
                case "92521" -> "Fluency evaluation " + m + " min: speech sample analysis, percent syllables stuttered "
                        + "and avoidance behaviors; goals set with the patient.";
                case "92522" -> "Speech sound production evaluation " + m + " min: oral mechanism exam, motor speech "
                        + "tasks and intelligibility rating; goals set with the patient.";
                case VOICE_EVALUATION -> "Voice and resonance evaluation " + m + " min: perceptual analysis of vocal "
                        + "quality, pitch and loudness, " + oneOf("hypernasal", "hyponasal", "mixed") + " resonance "
                        + oneOf("mild", "moderate") + ", maximum phonation time " + (5 + r.nextInt(12)) + " s, s/z "
                        + "ratio 1." + r.nextInt(6) + "; voice goals set with the patient.";
                case "92523" -> "Speech and language evaluation " + m + " min: standardized testing of " + (p.kind
                        == SlpKind.COGNITION ? oneOf("memory, attention and problem solving",
                        "executive function and orientation") : oneOf("naming, comprehension and repetition",
                        "expressive and receptive language")) + "; goals set with the patient.";
                case "92526" -> "Swallowing treatment " + m + " min: " + oneOf("chin tuck with thin liquids",
                        "effortful swallow with puree", "Mendelsohn maneuver", "Masako exercises", "Shaker exercises",
                        "oral motor exercises for bolus control") + " with " + oneOf("verbal", "visual", "tactile")
                        + " cues " + oneOf("for timing", "for bolus control", "for a second swallow") + "; "
                        + (6 + r.nextInt(5)) + "/10 trials " + oneOf("with no overt signs of aspiration",
                        "with fewer coughs", "correct") + ", to " + oneOf("improve airway protection",
                        "reduce aspiration risk", "advance the diet safely") + " for safe oral intake.";
                case "92507" -> "Speech-language treatment " + m + " min: " + switch (speech) {
                    case SPEECH -> oneOf("articulation drills at sentence level", "pacing board for rate control",
                            "loudness and breath support exercises", "phoneme sequencing");
                    case FLUENCY -> oneOf("easy onset in phrases", "pausing and phrasing in conversation",
                            "light contacts in reading");
                    default -> oneOf("confrontation naming", "word retrieval in sentence completion",
                            "auditory comprehension of 2-step commands", "semantic feature analysis");
                } + " with " + oneOf("phonemic cues", "semantic cues", "visual cues", "modeling") + ", "
                        + (40 + 5 * r.nextInt(11)) + "% accuracy (was " + (30 + 5 * r.nextInt(9)) + "%), to improve "
                        + switch (speech) {
                            case SPEECH -> oneOf("intelligibility in conversation",
                                    "speech intelligibility with strangers");
                            case FLUENCY -> oneOf("fluency in conversation", "fluency on the phone");
                            default -> oneOf("word finding in conversation", "functional communication with family");
                        } + ".";
                case "97129" -> "Cognitive function intervention " + m + " min: " + oneOf(
                        "memory strategies with a notebook", "divided attention tasks",
                        "problem solving for medication scheduling", "sequencing of a daily routine") + " with "
                        + oneOf("a cueing hierarchy", "verbal prompts", "modeling") + ", " + (4 + r.nextInt(7))
                        + "/10 correct, to improve " + oneOf("recall of appointments", "safety awareness at home",
                        "independence with medications") + ".";
                default -> "Cognitive function intervention continued " + m + " min: " + oneOf(
                        "planning a grocery list", "recall of a short story", "orientation and safety questions",
                        "a money management task") + " with " + oneOf("fading prompts", "written cues",
                        "verbal prompts") + ", to promote " + oneOf("carryover of strategies at home",
                        "independence in IADLs", "a safe return to daily routines") + ".";
            };
        }

        /**
         * The sentence of one line: what was done, the clinician's skilled input and the purpose it serves (so a
         * clean visit states a goal per timed code and the function a 97112 deficit limits).
         */
        String sentence(GLine l, GPatient p) {
            int m = l.minutes;
            return switch (l.code) {
                case "97110" -> "Therapeutic exercise " + m + " min: " + oneOf("sit-to-stand", "bridges",
                        "step-ups", "theraband rows", "heel raises") + " " + (2 + r.nextInt(2)) + "x"
                        + (8 + r.nextInt(8)) + ", " + oneOf("resistance progressed", "verbal cues for form",
                        "tactile cues for alignment") + ", to improve strength for " + oneOf("stairs", "transfers",
                        "walking") + ".";
                case "97112" -> "Neuromuscular re-education " + m + " min: " + oneOf("perturbation training",
                        "tandem stance on foam", "weight shifting with reach", "gaze stabilization x1",
                        "PNF patterns for trunk control") + " with " + oneOf("tactile", "verbal", "visual")
                        + " cues to improve " + oneOf("postural control", "dynamic balance", "proprioception")
                        + (p.neuro ? "" : " (decreased proprioception noted)") + " for safer "
                        + oneOf("gait", "transfers", "stairs") + ".";
                case "97116" -> "Gait training " + m + " min: " + (100 + 50 * r.nextInt(8)) + " ft with "
                        + oneOf("rolling walker", "single point cane", "no device") + ", cues for "
                        + oneOf("step length", "heel strike", "cadence", "foot clearance")
                        + " to improve community ambulation.";
                case "97140" -> "Manual therapy " + m + " min: " + oneOf("joint mobilization grade III",
                        "soft tissue mobilization", "myofascial release") + " to the " + oneOf("lumbar spine",
                        "right knee", "left shoulder", "cervical spine") + " to improve range of motion.";
                case "97530" -> "Therapeutic activities " + m + " min: " + oneOf("floor-to-stand transfers",
                        "lifting and carrying", "car transfer practice", "kitchen task simulation") + " with "
                        + oneOf("verbal cues for sequencing", "contact guard", "hands on facilitation")
                        + " for independence in daily activities.";
                case "97535" -> "Self-care training " + m + " min: " + oneOf("lower body dressing",
                        "bathing transfer", "meal preparation", "medication management") + " with "
                        + oneOf("setup", "minimal", "moderate") + " assistance and cues for sequencing"
                        + " to restore independence at home.";
                case PERFORMANCE_TEST -> performanceTest(m, oneOf("6 minute walk test " + (600 + 50 * r.nextInt(12))
                        + " ft", "30 second chair stand " + (6 + r.nextInt(10)) + " reps", "gait speed "
                        + (5 + r.nextInt(6)) + "." + r.nextInt(10) + " m/s over 10 m",
                        "functional capacity testing of lift and carry"), oneOf("walking", "transfers", "stairs"), p);
                case "97161", "97162", "97163", "97165", "97166", "97167" -> "Evaluation " + m + " min: history, "
                        + "systems review, standardized tests and goals set with the patient.";
                default -> "Re-evaluation " + m + " min: progress toward goals reviewed and the plan updated.";
            };
        }

        /**
         * The sentence of a physical performance test (97750, PT or OT): the test and its result, the therapist's
         * guarding and instructions, and the written report it is billed with, to the certifying physician, with the
         * goals it sets for a function (a goal of its own beside the other codes', MW-D010).
         */
        String performanceTest(int m, String test, String function, GPatient p) {
            return "Physical performance test " + m + " min: " + test + " with " + oneOf("contact guard",
                    "standardized verbal instructions", "close supervision") + ", compared with the norms for age; "
                    + "written report of the results and their functional meaning sent to " + p.physician
                    + ", to " + oneOf("update the goals", "measure progress toward the goals", "set new goals") + " for "
                    + function + ".";
        }

        String oneOf(String... options) {
            return options[r.nextInt(options.length)];
        }

        String pick(String a, String b, String c, double pa, double pb) {
            double x = r.nextDouble();
            return x < pa ? a : x < pa + pb ? b : c;
        }

        int weighted(double[] w) {
            double x = r.nextDouble();
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i];
                if (x < sum) {
                    return i;
                }
            }
            return w.length - 1;
        }
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static void clock(StringBuilder sb, int minuteOfDay) {
        if (minuteOfDay >= 24 * 60) {
            sb.append("23:59:59.999999999"); // LocalTime.MAX, as Period.END_OF_DAY prints (never reached here)
            return;
        }
        int h = minuteOfDay / 60;
        int m = minuteOfDay % 60;
        sb.append((char) ('0' + h / 10)).append((char) ('0' + h % 10)).append(':').append((char) ('0' + m / 10))
                .append((char) ('0' + m % 10));
    }

    private static LocalTime time(int minuteOfDay) {
        if (minuteOfDay >= 24 * 60) {
            return Period.END_OF_DAY;
        }
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    /** Whether CQ/CO mark an assistant's units for this payer, setting and date (as the claim builder decides). */
    static boolean assistantModifiersApply(PayerProfile payer, Setting setting, LocalDate date) {
        return payer.assistantModifiers() && setting != Setting.CAH && setting != Setting.PHYSICIAN_OFFICE
                && !date.isBefore(ClaimBuilder.ASSISTANT_MODIFIERS_FROM);
    }
}
