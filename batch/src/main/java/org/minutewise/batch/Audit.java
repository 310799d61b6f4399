package org.minutewise.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditTotals;
import org.minutewise.formats.audit.Bin;
import org.minutewise.formats.audit.ClaimCorrection;
import org.minutewise.formats.audit.EndedEarly;
import org.minutewise.formats.audit.IgnoredColumns;
import org.minutewise.formats.audit.KxFix;
import org.minutewise.formats.audit.VisitAudit;
import org.minutewise.formats.audit.ReportHtml;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * The batch audit: a clinic's or billing company's visits, checked fast, nothing lost. Streaming with bounded
 * memory whatever the input size and order:
 * <ol>
 * <li>read every input once and spill its records to hash partitions by visit id ({@link ReadPass});</li>
 * <li>per partition, in parallel: assemble, validate and check the visits, write their findings, claim lines,
 * rejects and digests ({@link CheckPass});</li>
 * <li>per patient partition, the duplicate claims (MW-A006, which a therapist partition leaves out); then per
 * therapist partition, then per patient partition, in parallel: the checks across visits
 * ({@link AcrossPass}; a patient partition reads the minutes the therapist partitions found its visits share with
 * other patients, MW-A001);</li>
 * <li>concatenate the parts in partition order into {@code findings.csv}, {@code claims.csv},
 * {@code rejected.csv} (merged in input order), {@code summary.json} and {@code report.html}.</li>
 * </ol>
 * Every unit of work writes temporaries, renames them, then records itself in the manifest ({@link State}); a run
 * killed at any point and started again with {@code resume} skips what is done and redoes what was half done,
 * and its outputs are byte for byte those of an uninterrupted run.
 */
public final class Audit {
    /** Partitions are sized to about this much spilled input each. */
    static final long PARTITION_BYTES = 8L << 20;
    static final int MIN_PARTITIONS = 8;
    static final int MAX_PARTITIONS = 2048;
    /** At most this many part files are merged at once (open files). */
    static final int MERGE_FAN_IN = 200;

    /**
     * What to audit.
     *
     * @param partitions 0 to size the partitions from the input (tests set a number)
     * @param crashAfter a test hook: halt the process (status 137) after this many units of work
     * @param reference  what the reference data is (e.g. the files loaded and their fingerprints): a resumed
     *                   run must check against the same
     * @param zone       the clinic's time zone: FHIR input times written with an offset are read as that zone's
     *                   clock times (empty: as written); a resumed run must read them the same way
     */
    public record Options(List<String> inputs, Path out, Optional<String> payer, int threads, boolean resume,
                          int partitions, OptionalLong crashAfter, String reference, Optional<java.time.ZoneId> zone) {
        public Options(List<String> inputs, Path out, Optional<String> payer, int threads, boolean resume,
                       int partitions, OptionalLong crashAfter) {
            this(inputs, out, payer, threads, resume, partitions, crashAfter, "");
        }

        public Options(List<String> inputs, Path out, Optional<String> payer, int threads, boolean resume,
                       int partitions, OptionalLong crashAfter, String reference) {
            this(inputs, out, payer, threads, resume, partitions, crashAfter, reference, Optional.empty());
        }

        public Options {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(zone, "zone");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(crashAfter, "crashAfter");
            if (inputs.isEmpty()) {
                throw new InputException("INPUT", "at least one input file is needed");
            }
            if (threads < 1) {
                throw new InputException("--threads", "must be at least 1, got " + threads);
            }
            if (partitions < 0 || partitions > MAX_PARTITIONS) {
                throw new InputException("--partitions", "must be between 1 and " + MAX_PARTITIONS);
            }
        }
    }

    /**
     * The outcome: the totals (as in summary.json), how long this run took, and the inputs that ended early (their
     * totals are partial: summary.json's {@value #ENDED_EARLY}).
     *
     * @param nothingToResume {@code resume} was asked and {@code out} held no audit: a new one was run from the start
     * @param ignoredColumns per CSV input with header columns that are not the layout's, what to tell the user
     *                       ({@link CsvVisitReader.Header#ignoredNote}), starting with the input's name
     */
    public record Result(AuditTotals totals, Path out, Duration elapsed, boolean alreadyComplete,
                         List<EndedEarly> endedEarly, boolean nothingToResume, List<String> ignoredColumns) {
        public Result {
            endedEarly = List.copyOf(endedEarly);
            ignoredColumns = List.copyOf(ignoredColumns);
        }

        /** The summary as summary.json holds it: the totals, the payer override and the inputs that ended early. */
        public com.fasterxml.jackson.databind.node.ObjectNode summaryJson(Optional<String> payerOverride) {
            return IgnoredColumns.summary(totals, payerOverride, endedEarly, ignoredColumns);
        }
    }

    /** The summary field that names the CSV header columns not in the layout (present only when there are some). */
    public static final String IGNORED_COLUMNS = IgnoredColumns.FIELD;

    /** Per CSV input whose header has columns that are not the layout's: the input's name and what they are. */
    private List<String> ignoredColumns() {
        return IgnoredColumns.notes(ref, state.inputs, state.headers);
    }

    /** The summary field that names the inputs that ended early (present only when one did). */
    public static final String ENDED_EARLY = EndedEarly.FIELD;

    private final Options options;
    private final ReferenceData ref;
    private final Progress progress;
    private final Work work;
    private final AtomicLong units = new AtomicLong();
    /** Seconds spent in each phase by this run (for run.json). */
    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    private State state;
    /** {@code resume} was asked and there was no audit to go on with. */
    private boolean nothingToResume;
    private List<Input> inputs;

    private Audit(Options options, ReferenceData ref, Progress progress) {
        this.options = options;
        this.ref = ref;
        this.progress = progress;
        this.work = new Work(options.out());
    }

    public static Result run(Options options, ReferenceData ref, Progress progress) throws IOException {
        return new Audit(options, ref, progress).run();
    }

    private Result run() throws IOException {
        long start = System.nanoTime();
        if (options.payer().isPresent() && ref.payers().find(options.payer().get()).isEmpty()) {
            throw new InputException("--payer", "unknown payer profile \"" + options.payer().get() + "\"; known: "
                    + ref.payers().ids());
        }
        inputs = new ArrayList<>();
        java.util.Map<Path, String> seen = new java.util.HashMap<>();
        for (String name : options.inputs()) {
            Input in = Input.of(name);
            // The same file twice would merge each CSV visit with itself (doubled lines, false blocks).
            String before = seen.putIfAbsent(in.path().toRealPath(), name);
            if (before != null) {
                throw new InputException(name, "is the same file as " + before + ", given twice");
            }
            inputs.add(in);
        }
        State fresh = describe();
        open(fresh);
        boolean complete = state.phase == State.Phase.DONE;
        if (!complete) {
            try {
                execute();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        work.removeBulk();
        AuditTotals totals = AuditTotals.fromJson(Json.mapper().readTree(
                Files.readString(options.out().resolve("summary.json"))));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("elapsedSeconds", Math.round(elapsed.toMillis() / 10.0) / 100.0);
        run.put("threads", options.threads());
        run.put("partitions", state.partitions);
        run.put("resumed", options.resume());
        run.put("rowsPerSecond", elapsed.toMillis() == 0 ? 0 : Math.round(totals.read() * 1000.0
                / elapsed.toMillis()));
        run.put("phaseSeconds", phaseSeconds);
        Work.writeAtomically(options.out().resolve("run.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(run) + "\n");
        return new Result(totals, options.out(), elapsed, complete, state.endedEarly, nothingToResume,
                ignoredColumns());
    }

    /** The manifest this run would start with: inputs, fingerprints, CSV headers, partitions. */
    private State describe() throws IOException {
        State s = new State();
        s.payer = options.payer().orElse("");
        s.reference = options.reference();
        s.zone = options.zone().map(java.time.ZoneId::getId).orElse("");
        long estimate = 0;
        for (Input in : inputs) {
            s.inputs.add(in.name());
            s.fingerprints.add(in.fingerprint());
            s.headers.add(in.format() == VisitFormat.CSV ? header(in) : List.of());
            estimate += in.gzip() ? in.size() * 6 : in.size();
        }
        s.partitions = options.partitions() > 0 ? options.partitions()
                : (int) Math.max(MIN_PARTITIONS, Math.min(MAX_PARTITIONS, estimate / PARTITION_BYTES + 1));
        return s;
    }

    /** The header row of a CSV input, validated before any work starts (a bad header is a usage error). */
    private List<String> header(Input in) throws IOException {
        try (InputStream is = in.openUpToDamage();
             CsvRecordReader r = new CsvRecordReader(new InputStreamReader(new BufferedInputStream(is),
                     StandardCharsets.UTF_8))) {
            CsvRecordReader.Record h = r.next();
            while (h != null && h.blank()) {
                h = r.next(); // a row of only commas is a blank line
            }
            if (h == null) {
                // An empty export (0 bytes, blank lines): no rows, audited to an all-zero summary (README).
                return List.of();
            }
            new CsvVisitReader(ref).header(h);
            return h.fields();
        } catch (InputException e) {
            throw e.path().startsWith(in.name()) ? e : new InputException(in.name() + ", " + e.path(), e.detail());
        }
    }

    private void open(State fresh) throws IOException {
        boolean exists = Files.exists(work.dir());
        if (exists && !options.resume()) {
            throw new InputException("--out", options.out() + " holds an earlier audit (" + work.dir()
                    + "); use --resume or a new --out");
        }
        if (exists && Files.exists(work.state())) {
            State old = State.load(work.state());
            if (!old.sameRunAs(fresh)) {
                throw new InputException("--resume", "the inputs, --payer, --zone or reference data differ from "
                        + "the audit in " + options.out() + "; use a new --out");
            }
            state = old;
        } else {
            // --resume where no audit was started (or none got as far as its state): a new audit, said so.
            nothingToResume = options.resume();
            state = fresh;
            Files.createDirectories(options.out());
            work.createDirs();
            state.save(work.state());
        }
        work.createDirs();
        work.removeTemporaries();
    }

    /** One unit of work is recorded: the test hook may stop the process here, as a kill would. */
    private void unitDone() {
        long n = units.incrementAndGet();
        if (options.crashAfter().isPresent() && n >= options.crashAfter().getAsLong()) {
            Runtime.getRuntime().halt(137);
        }
    }

    private void execute() throws IOException {
        VisitChecker checker = new VisitChecker(ref);
        int k = state.partitions;
        long t = System.nanoTime();
        if (state.phase == State.Phase.READ) {
            long total = inputs.stream().mapToLong(Input::size).sum();
            progress.phase("reading", total, 0);
            new ReadPass(work, state, inputs, ref, options.zone(), progress, this::unitDone).run();
            t = lap("read", t);
        }
        if (state.phase == State.Phase.CHECK) {
            progress.phase("checking", state.spilled, 0);
            CheckPass pass = new CheckPass(work, state, ref, checker, progress);
            List<Integer> todo = new ArrayList<>();
            for (int p = 0; p < k; p++) {
                if (!state.checked.get(p)) {
                    todo.add(p);
                }
            }
            parallel(todo, p -> {
                pass.run(p);
                synchronized (state) {
                    state.checked.set(p);
                    if (state.checked.cardinality() == k) {
                        state.phase = State.Phase.ACROSS;
                    }
                    state.save(work.state());
                    unitDone();
                }
            });
            if (k == 0 || state.checked.cardinality() == k) {
                state.phase = State.Phase.ACROSS;
            }
            t = lap("check", t);
        }
        if (state.phase == State.Phase.ACROSS) {
            progress.phase("checks across visits", 3L * k, state.duplicates.cardinality()
                    + state.patients.cardinality() + state.therapists.cardinality());
            AcrossPass pass = new AcrossPass(work, state, ref, progress);
            // The patients' duplicate claims first (MW-A006: a therapist partition leaves the void copy out), then
            // the therapist partitions: a patient partition reads the minutes they find shared (MW-A001).
            List<Integer> duplicatesTodo = new ArrayList<>();
            List<Integer> therapistsTodo = new ArrayList<>();
            List<Integer> todo = new ArrayList<>();
            for (int q = 0; q < k; q++) {
                if (!state.duplicates.get(q)) {
                    duplicatesTodo.add(q);
                }
                if (!state.therapists.get(q)) {
                    therapistsTodo.add(k + q);
                }
                if (!state.patients.get(q)) {
                    todo.add(q);
                }
            }
            Task across = unit -> {
                int q = unit % k;
                boolean patients = unit < k;
                if (patients) {
                    pass.patients(q);
                } else {
                    pass.therapists(q);
                }
                synchronized (state) {
                    (patients ? state.patients : state.therapists).set(q);
                    progress.advance(1);
                    if (state.patients.cardinality() == k && state.therapists.cardinality() == k) {
                        state.phase = State.Phase.FINAL;
                    }
                    state.save(work.state());
                    unitDone();
                }
            };
            parallel(duplicatesTodo, q -> {
                pass.duplicates(q);
                synchronized (state) {
                    state.duplicates.set(q);
                    progress.advance(1);
                    state.save(work.state());
                    unitDone();
                }
            });
            parallel(therapistsTodo, across);
            parallel(todo, across);
            t = lap("across", t);
        }
        if (state.phase == State.Phase.FINAL) {
            progress.phase("writing the outputs", 0, 0);
            finish();
            lap("final", t);
            state.phase = State.Phase.DONE;
            state.save(work.state());
            unitDone();
        }
    }

    private long lap(String phase, long since) {
        long now = System.nanoTime();
        phaseSeconds.put(phase, Math.round((now - since) / 1e7) / 100.0);
        return now;
    }

    private interface Task {
        void run(int unit) throws IOException;
    }

    /** Runs the units on the audit's threads; the first failure stops the rest and is rethrown. */
    private void parallel(List<Integer> todo, Task task) throws IOException {
        if (todo.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), todo.size()), r -> {
            Thread t = new Thread(r, "minutewise-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int unit : todo) {
                futures.add(pool.submit(() -> {
                    task.run(unit);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------- final outputs

    private void finish() throws IOException {
        int k = state.partitions;
        Path out = options.out();
        // findings.csv: the visits' own findings, then those across patients, then across therapists.
        List<Path> findings = new ArrayList<>();
        for (String pass : new String[] {"check", "patients", "therapists"}) {
            for (int p = 0; p < k; p++) {
                findings.add(work.part(pass, "findings", p));
            }
        }
        // Each partition's claims with the KX the patients' years want, on every thread (a partition without any is
        // copied as it is).
        Path[] claims = new Path[k];
        List<Integer> all = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            all.add(p);
        }
        // The patient partitions that found any line without its KX, or any day's units to take off (usually none: a
        // size, not K x K reads).
        List<Path> kx = new ArrayList<>();
        List<Path> cuts = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            Path f = work.part("patients", "kx", q);
            if (!Segments.isEmpty(f, k)) {
                kx.add(f);
            }
            Path c = work.part("patients", "cuts", q);
            if (!Segments.isEmpty(c, k)) {
                cuts.add(c);
            }
        }
        AuditTotals[] corrections = new AuditTotals[k];
        parallel(all, p -> {
            corrections[p] = new AuditTotals();
            Map<String, Map<String, Integer>> unitCuts = cuts(p, cuts);
            claims[p] = corrected(p, kx, unitCuts, corrections[p]);
            findings.set(p, withoutVoided(p, unitCuts, corrections[p]));
        });
        concat(AuditCsv.FINDINGS_HEADER, findings, out.resolve("findings.csv"));
        concat(AuditCsv.CLAIMS_HEADER, List.of(claims), out.resolve("claims.csv"));
        List<Path> rejects = new ArrayList<>();
        rejects.add(work.readRejects());
        for (int p = 0; p < k; p++) {
            rejects.add(work.part("check", "rejected", p));
            rejects.add(work.part("check", "oversized", p));
        }
        rejected(rejects, out.resolve("rejected.csv"));
        AuditTotals totals = new AuditTotals();
        totals.rejected(state.readRejected);
        for (AuditTotals c : corrections) {
            totals.merge(c);
        }
        for (String pass : new String[] {"check", "patients", "therapists"}) {
            for (int p = 0; p < k; p++) {
                totals.merge(AuditTotals.fromJson(Json.mapper().readTree(
                        Files.readString(work.part(pass, "totals", p)))));
            }
        }
        if (totals.read() != totals.checked() + totals.rejected()) {
            throw new IllegalStateException("rows do not reconcile: read " + totals.read() + ", checked "
                    + totals.checked() + ", rejected " + totals.rejected());
        }
        List<String> ignored = ignoredColumns();
        Work.writeAtomically(out.resolve("summary.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(IgnoredColumns.summary(totals, options.payer(), state.endedEarly, ignored)) + "\n");
        List<String> partial = new ArrayList<>(state.endedEarly.size());
        for (EndedEarly e : state.endedEarly) {
            partial.add(e.message());
        }
        Work.writeAtomically(out.resolve("report.html"), ReportHtml.render(totals, catalog(), options.inputs(),
                options.payer(), partial, ignored, ReportHtml.medicare(ref)));
    }

    /**
     * The claims part of check partition {@code p}: as the check pass wrote it, or, when the patients' years counted
     * in date order found lines of its visits without the KX they need (MW-A003) or their days took supported units
     * off their lines (MW-A012), a copy so corrected; what the units taken off change in the totals goes to
     * {@code totals}.
     */
    /**
     * The units the patients' days take off the lines of check partition {@code p}'s visits (MW-A012), or that void
     * them ({@link ClaimCorrection#VOID}: a duplicate claim, MW-A006), by visit id as claims.csv holds it, then code
     * (and {@link ClaimCorrection#assistantUnits}: how many of the code's units carry CQ/CO after MW-A001's cut).
     */
    private static Map<String, Map<String, Integer>> cuts(int p, List<Path> cutFiles) throws IOException {
        Map<String, Map<String, Integer>> cuts = new HashMap<>();
        for (Path cutFile : cutFiles) {
            Segments.read(cutFile, p, in -> {
                String visit = in.string();
                String code = in.string();
                int units = in.varInt();
                // The CQ/CO units the code keeps (MW-A001), -1 when not known: full-rate rows first.
                int assistantUnits = in.varInt() - 1;
                ClaimCorrection.add(cuts.computeIfAbsent(AuditCsv.asWritten(visit), id -> new HashMap<>(2)), code,
                        units, assistantUnits);
            });
        }
        return cuts;
    }

    /**
     * The findings part of check partition {@code p}: as the check pass wrote it, or, when lines of its visits are
     * void as duplicate claims (MW-A006), a copy without the visits' own findings about those lines (moot: the
     * whole line is denied), which come off the totals in {@code totals}.
     */
    private Path withoutVoided(int p, Map<String, Map<String, Integer>> cuts, AuditTotals totals) throws IOException {
        Path part = work.part("check", "findings", p);
        boolean any = false;
        for (Map<String, Integer> byCode : cuts.values()) {
            for (int units : byCode.values()) {
                any |= units >= ClaimCorrection.VOID;
            }
        }
        if (!any) {
            return part;
        }
        Path kept = work.dir().resolve("check").resolve("findings-void-" + p + ".csv");
        rewrite(part, kept, cuts.keySet(), (fields, sb) -> {
            if (fields == null) {
                return;
            }
            AuditCsv.FindingRow row = AuditCsv.FindingRow.of(fields);
            if (ClaimCorrection.aboutVoided(row, cuts.get(row.visitId()))) {
                totals.withdrawn(row.ruleId(), row.severity(), AuditCsv.unguarded(row.therapistId()),
                        AuditCsv.unguarded(row.payer()));
                return;
            }
            row.appendTo(sb);
        });
        return kept;
    }

    /** What {@link #rewrite} does with a row of a visit that has corrections. */
    @FunctionalInterface
    private interface Corrected {
        /**
         * The row's fields, to write (or not) to {@code out}; {@code null} before a row copied as it is and at the
         * end of the file, for rows held back to be written.
         */
        void row(List<String> fields, StringBuilder out) throws IOException;
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * Copies a part file of findings or claim lines (rows of {@link AuditCsv}, the visit id first) to {@code target}
     * in order: a row of a visit not in {@code ids} byte for byte, unparsed (nearly every row of a big audit: the
     * final phase took 4 s to copy the parts and 21 s once it parsed every row to drop a few); a row of one of those
     * visits parsed and handed to {@code corrected}, which writes what it keeps. The ids are compared trimmed, as
     * {@link CsvSplitter} reads the first field: the handler compares them exactly.
     */
    private static void rewrite(Path part, Path target, java.util.Set<String> ids, Corrected corrected)
            throws IOException {
        java.util.Set<String> trimmed = new java.util.HashSet<>(ids.size() * 2);
        for (String id : ids) {
            trimmed.add(id.trim());
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(part), 1 << 16);
             OutputStream os = new BufferedOutputStream(WriteFailed.open(target), 1 << 16)) {
            StringBuilder sb = new StringBuilder(256);
            CsvSplitter splitter = new CsvSplitter(in);
            splitter.idColumn(0);
            splitter.run(new CsvSplitter.Sink() {
                @Override
                public void record(long line, byte[] buf, int off, int len, String visitId) throws IOException {
                    sb.setLength(0);
                    boolean read = trimmed.contains(visitId);
                    corrected.row(read ? CsvRecordReader.parse(new String(buf, off, len, StandardCharsets.UTF_8),
                            line).fields() : null, sb);
                    if (sb.length() > 0) {
                        os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    if (!read) {
                        os.write(buf, off, len);
                        os.write(CRLF);
                    }
                }

                @Override
                public void oversized(long line, String visitId, boolean oneLine) throws IOException {
                    // The audit writes these files: a row over 4 MB is a defect of ours, not the input's.
                    throw new IOException(part + " line " + line + ": a row longer than " + CsvSplitter.MAX_RECORD
                            + " bytes");
                }
            });
            sb.setLength(0);
            corrected.row(null, sb);
            os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Path corrected(int p, List<Path> kxFiles, Map<String, Map<String, Integer>> cuts, AuditTotals totals)
            throws IOException {
        Path part = work.part("check", "claims", p);
        // By visit id as claims.csv holds it (after an apostrophe when it starts like a formula), then code: the
        // kinds of line that need KX; the units to take off.
        Map<String, Map<String, String>> fixes = new HashMap<>();
        for (Path kxFile : kxFiles) {
            Segments.read(kxFile, p, in -> {
                KxFix fix = KxFix.decode(in);
                fixes.computeIfAbsent(AuditCsv.asWritten(fix.visitId()), id -> new HashMap<>(2))
                        .merge(fix.code(), fix.kind(), String::concat);
            });
        }
        if (fixes.isEmpty() && cuts.isEmpty()) {
            return part;
        }
        Path fixed = work.dir().resolve("check").resolve("claims-kx-" + p + ".csv");
        java.util.function.Function<String, java.math.BigDecimal> shares = ClaimCorrection.assistantShares(ref.fees());
        java.util.Set<String> ids = new java.util.HashSet<>(fixes.keySet());
        ids.addAll(cuts.keySet());
        // The rows of one visit's code are consecutive: a code's rows to cut are gathered, then written.
        List<AuditCsv.ClaimRow> group = new ArrayList<>(2);
        List<Map<String, Integer>> groupCuts = new ArrayList<>(1);
        rewrite(part, fixed, ids, (fields, sb) -> {
            AuditCsv.ClaimRow row = fields == null ? null : AuditCsv.ClaimRow.of(fields);
            if (!group.isEmpty() && (row == null || !row.visitId().equals(group.get(0).visitId())
                    || !row.code().equals(group.get(0).code()))) {
                for (ClaimCorrection.Applied a : ClaimCorrection.apply(group, groupCuts.get(0), shares)) {
                    AuditCsv.ClaimRow first = a.rows().get(0);
                    // The totals name payers and therapists as given, not as claims.csv guards them.
                    totals.corrected(AuditCsv.unguarded(first.payer()), AuditCsv.unguarded(first.therapistId()), a);
                    for (AuditCsv.ClaimRow x : a.rows()) {
                        x.appendTo(sb);
                    }
                }
                group.clear();
                groupCuts.clear();
            }
            if (row == null) {
                return;
            }
            Map<String, String> codes = fixes.get(row.visitId());
            String kinds = codes == null ? null : codes.get(row.code());
            if (kinds != null) {
                row = row.withKx(kinds);
            }
            Map<String, Integer> byCode = cuts.get(row.visitId());
            if (byCode != null && ClaimCorrection.concerns(byCode, row.code())) {
                group.add(row);
                if (groupCuts.isEmpty()) {
                    groupCuts.add(byCode);
                }
                return;
            }
            row.appendTo(sb);
        });
        return fixed;
    }

    /** Every rule id with its catalog entry, the checks across visits included (for titles in the report). */
    static Map<String, RuleInfo> catalog() {
        return VisitAudit.catalog();
    }

    private static void concat(String header, List<Path> parts, Path target) throws IOException {
        Path tmp = Work.tmp(target);
        // Channel to channel: the kernel copies the parts (gigabytes for a big audit) without a trip through the heap.
        FileChannel[] opened = new FileChannel[1];
        WriteFailed.writing(target, () -> opened[0] = FileChannel.open(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        try (FileChannel to = opened[0]) {
            ByteBuffer h = ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8));
            while (h.hasRemaining()) {
                WriteFailed.writing(target, () -> to.write(h));
            }
            for (Path p : parts) {
                try (FileChannel from = FileChannel.open(p, StandardOpenOption.READ)) {
                    long size = from.size();
                    for (long at = 0; at < size; ) {
                        long[] copied = new long[1];
                        long from0 = at;
                        // A full disk shows here: the target is named (the parts are the audit's own files).
                        WriteFailed.writing(target, () -> copied[0] = from.transferTo(from0, size - from0, to));
                        long n = copied[0];
                        if (n <= 0) {
                            throw new IOException(p.getFileName() + " ended before its " + size + " bytes were copied");
                        }
                        at += n;
                    }
                }
            }
        }
        Work.commit(tmp, target);
    }

    /** rejected.csv: the rejects of every part merged in input order (file, line, then order of reading). */
    private void rejected(List<Path> sources, Path target) throws IOException {
        List<Path> level = sources;
        int round = 0;
        while (level.size() > MERGE_FAN_IN) {
            List<Path> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += MERGE_FAN_IN) {
                Path merged = work.dir().resolve("check").resolve("merge-" + round + "-" + i + ".bin");
                try (OutputStream os = new BufferedOutputStream(WriteFailed.open(merged), 1 << 16)) {
                    Bin.Out o = new Bin.Out(256);
                    Bin.Out scratch = new Bin.Out(16);
                    merge(level.subList(i, Math.min(level.size(), i + MERGE_FAN_IN)),
                            r -> Spill.writeReject(os, o, scratch, r));
                }
                next.add(merged);
            }
            level = next;
            round++;
        }
        Path tmp = Work.tmp(target);
        // The file is named as the user knows it (rejected.csv), not by its temporary name.
        try (OutputStream os = new BufferedOutputStream(WriteFailed.open(tmp, target), 1 << 16)) {
            os.write(AuditCsv.REJECTED_HEADER.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(256);
            merge(level, r -> {
                sb.setLength(0);
                new AuditCsv.RejectedRow(state.inputs.get(r.file()), r.line(), r.visitId(), r.reason()).appendTo(sb);
                os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
        Work.commit(tmp, target);
    }

    private interface RejectSink {
        void accept(Spill.Reject r) throws IOException;
    }

    /** A sorted run of rejects read one at a time. */
    private static final class RejectStream implements AutoCloseable {
        final InputStream in;
        final int order;
        Spill.Reject head;

        RejectStream(Path p, int order) throws IOException {
            this.in = new BufferedInputStream(Files.newInputStream(p), 1 << 13);
            this.order = order;
            advance();
        }

        void advance() throws IOException {
            long n = 0;
            int shift = 0;
            int b;
            while (true) {
                b = in.read();
                if (b < 0) {
                    if (shift != 0) {
                        throw new IOException("truncated work file");
                    }
                    head = null;
                    return;
                }
                n |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
                shift += 7;
            }
            byte[] rec = in.readNBytes((int) n);
            if (rec.length != n) {
                throw new IOException("truncated work file");
            }
            Bin.In r = new Bin.In(rec);
            head = new Spill.Reject(r.varInt(), r.varLong(), r.varLong(), r.string(), r.string());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static void merge(List<Path> sources, RejectSink sink) throws IOException {
        List<RejectStream> streams = new ArrayList<>();
        try {
            PriorityQueue<RejectStream> q = new PriorityQueue<>((a, b) -> {
                int c = Integer.compare(a.head.file(), b.head.file());
                if (c == 0) {
                    c = Long.compare(a.head.line(), b.head.line());
                }
                if (c == 0) {
                    c = Long.compare(a.head.seq(), b.head.seq());
                }
                return c != 0 ? c : Integer.compare(a.order, b.order);
            });
            for (int i = 0; i < sources.size(); i++) {
                RejectStream s = new RejectStream(sources.get(i), i);
                streams.add(s);
                if (s.head != null) {
                    q.add(s);
                }
            }
            while (!q.isEmpty()) {
                RejectStream s = q.poll();
                sink.accept(s.head);
                s.advance();
                if (s.head != null) {
                    q.add(s);
                }
            }
        } finally {
            for (RejectStream s : streams) {
                s.close();
            }
        }
    }
}
