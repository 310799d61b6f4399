package org.minutewise.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.audit.AcrossAudit;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditDigest;
import org.minutewise.formats.audit.AuditTotals;
import org.minutewise.formats.audit.Bin;
import org.minutewise.formats.audit.EndedEarly;
import org.minutewise.formats.audit.ReportHtml;
import org.minutewise.formats.audit.VisitAudit;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;
import org.minutewise.refdata.Csv;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefFiles;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The batch audit as a Spark job, over the documented CSV layout or Parquet with the same columns. The same
 * steps as the single-process {@code audit}, from the same shared code ({@link VisitAudit}, {@link AcrossAudit},
 * the core rules), so the same input gives the same rows:
 * <ol>
 * <li>read the inputs into records with their line numbers ({@link CsvLines}; Parquet rows are numbered as in the
 * CSV they stand for, the header being line 1);</li>
 * <li>shuffle the records by visit id; per visit: assemble, validate, check; emit findings, claim lines, rejects,
 * and the visit's digest;</li>
 * <li>shuffle the digests by therapist (each provider who treated, and the therapist the visit is counted under),
 * then by patient (with the minutes the therapists' checks found a visit shares with another patient); per key: the
 * checks across visits;</li>
 * <li>write {@code findings}, {@code claims} and {@code rejected} (CSV part files with a header, or Parquet),
 * then {@code summary.json} and {@code report.html} from the totals every partition sent back.</li>
 * </ol>
 */
public final class AuditJob {
    /** The output formats of the row outputs. */
    public static final List<String> FORMATS = List.of("csv", "parquet");

    /**
     * What to audit.
     *
     * @param inputs     CSV files (gzip accepted), Parquet files, directories or globs, by path or URI
     * @param out        the output directory (a path or URI Spark can write)
     * @param payer      a payer profile that replaces every visit's own
     * @param format     {@code csv} or {@code parquet}, for findings, claims and rejected
     * @param partitions the partitions of the shuffles (0: four per core Spark reports)
     * @param files      reference data files on top of the embedded defaults (shipped to the executors)
     */
    public record Options(List<String> inputs, String out, Optional<String> payer, String format, int partitions,
                          RefFiles files) {
        /** With the embedded reference data only. */
        public Options(List<String> inputs, String out, Optional<String> payer, String format, int partitions) {
            this(inputs, out, payer, format, partitions, RefFiles.NONE);
        }

        public Options {
            Objects.requireNonNull(files, "files");
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(format, "format");
            if (inputs.isEmpty()) {
                throw new InputException("INPUT", "at least one input file is needed");
            }
            if (!FORMATS.contains(format)) {
                throw new InputException("--format", "must be one of " + FORMATS + ", got \"" + format + "\"");
            }
            if (partitions < 0) {
                throw new InputException("--partitions", "must be 0 (automatic) or more, got " + partitions);
            }
        }
    }

    /**
     * The outcome: the totals (as in summary.json), the partitions used, how long the job took, and the inputs that
     * ended early (a gzip file cut short: what came before was audited).
     */
    public record Result(AuditTotals totals, int partitions, Duration elapsed, List<EndedEarly> endedEarly,
                         List<String> ignoredColumns) {
        public Result {
            endedEarly = List.copyOf(endedEarly);
            ignoredColumns = List.copyOf(ignoredColumns);
        }
    }

    /** The summary field that names the header columns not in the layout, as the audit's (present only then). */
    public static final String IGNORED_COLUMNS = org.minutewise.formats.audit.IgnoredColumns.FIELD;

    /** The summary field that names the inputs that ended early (present only when one did), as the audit's. */
    public static final String ENDED_EARLY = EndedEarly.FIELD;

    private AuditJob() {
    }

    // ---------------------------------------------------------------------------------------------- the driver

    /**
     * The settings the job prefers where the user (spark-submit {@code --conf}, spark-defaults.conf) set none:
     * Kryo for what Spark serializes outside its SQL engine (faster than Java serialization); the cache of the
     * checked rows uncompressed (it is read a few times and dropped: gathering the statistics to compress it cost
     * more CPU than the checks themselves).
     */
    public static SparkSession.Builder configure(SparkSession.Builder builder, org.apache.spark.SparkConf given) {
        if (!given.contains("spark.serializer")) {
            builder.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        }
        if (!given.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
            builder.config("spark.sql.inMemoryColumnarStorage.compressed", "false");
        }
        return builder;
    }

    public static Result run(SparkSession spark, Options o) throws IOException {
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RefFiles files = o.files();
        // The reference files are read here first, so that a bad one is an error before any work, then shipped.
        ReferenceData ref = files.apply(RefData.defaults());
        Set<String> shipped = new HashSet<>();
        for (String name : files.names()) {
            if (!shipped.add(Engine.shippedName(name))) {
                throw new InputException(name, "two reference files are named " + Engine.shippedName(name)
                        + "; give them different file names");
            }
            jsc.addFile(name);
        }
        if (o.payer().isPresent() && ref.payers().find(o.payer().get()).isEmpty()) {
            throw new InputException("--payer", "unknown payer profile \"" + o.payer().get() + "\"; known: "
                    + ref.payers().ids());
        }
        Configuration conf = jsc.hadoopConfiguration();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(o.out());
        FileSystem outFs = out.getFileSystem(conf);
        if (outFs.exists(out) && outFs.listStatus(out).length > 0) {
            throw new InputException("--out", o.out() + " is not empty; use a new --out");
        }
        int partitions = o.partitions() > 0 ? o.partitions() : Math.max(2, 4 * jsc.defaultParallelism());
        // 1. Records with their line numbers.
        List<String> inputs = new ArrayList<>();
        List<Boolean> parquet = new ArrayList<>();
        for (String input : o.inputs()) {
            expand(input, conf, inputs, parquet);
        }
        List<List<String>> headers = new ArrayList<>();
        List<EndedEarly> endedEarly = new ArrayList<>();
        JavaRDD<InRow> rows = null;
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            JavaRDD<InRow> r;
            if (parquet.get(i)) {
                Dataset<Row> df = spark.read().parquet(input);
                List<String> header = Arrays.asList(df.columns());
                int id = checkHeader(input, header, ref);
                headers.add(new ArrayList<>(header));
                int file = i;
                r = df.javaRDD().zipWithIndex().map(t -> parquetRow(file, t._2(), t._1(), id));
            } else {
                Header header = csvHeader(jsc, input);
                if (header == null) {
                    // An empty export (0 bytes, blank lines) among the inputs holds no row: the others are audited,
                    // as the single-process audit does.
                    headers.add(new ArrayList<>());
                    rows = rows == null ? jsc.emptyRDD() : rows;
                    continue;
                }
                int id = checkHeader(input, header.fields(), ref);
                headers.add(new ArrayList<>(header.fields()));
                r = CsvLines.records(jsc, input, i, 0, id, header.index(),
                        cut -> endedEarly.add(new EndedEarly(input, cut.lines(), cut.problem())));
            }
            rows = rows == null ? r : rows.union(r);
        }
        Broadcast<List<List<String>>> headerB = jsc.broadcast(headers);
        Broadcast<List<String>> namesB = jsc.broadcast(new ArrayList<>(inputs));
        // A record over several lines may hold rows a quote left open took in: each is a row of the input, routed
        // to its own visit as a note that sets that visit aside (as the single-process audit does).
        // Kept once read: the orphan rows' pass below and the checks both go through it (else each reads, unzips
        // and splits every input again).
        JavaRDD<InRow> read = Objects.requireNonNull(rows).persist(StorageLevel.MEMORY_AND_DISK());
        java.util.Set<Integer> parquetFiles = new java.util.HashSet<>();
        for (int i = 0; i < parquet.size(); i++) {
            if (parquet.get(i)) {
                parquetFiles.add(i); // a Parquet row is one row: no quote of a CSV to have left open
            }
        }
        rows = read.mapPartitions(it -> withLostRows(it, headerB.value(), parquetFiles, files));
        // Rows without a visit id (few): by the patient and date they give, the first in input order; the visits of
        // that patient and date are set aside, as the single-process audit does (Spill.ORPHAN there).
        java.util.TreeMap<String, long[]> orphanFirst = new java.util.TreeMap<>();
        for (String o1 : read.filter(r -> r.visitId.isEmpty() && !r.text.startsWith(MARK))
                .map(r -> orphanOf(r, headerB.value(), files)).filter(Objects::nonNull).collect()) {
            String[] f = o1.split(MARK);
            long[] at = {Long.parseLong(f[1]), Long.parseLong(f[2])};
            orphanFirst.merge(f[0], at, (a, b) -> a[0] < b[0] || a[0] == b[0] && a[1] <= b[1] ? a : b);
        }
        Map<String, Long> orphanLines = new java.util.HashMap<>();
        orphanFirst.forEach((k, at) -> orphanLines.put(k, at[1]));
        Broadcast<Map<String, Long>> orphansB = jsc.broadcast(orphanLines);
        String payer = o.payer().orElse(null);
        // 2. By visit: the checks of each visit. Records go through Spark SQL's binary shuffle and sort, so each
        // partition sees a visit's records together and in input order, and streams through them.
        Dataset<Row> records = spark.createDataFrame(Objects.requireNonNull(rows).map(r -> RowFactory.create(
                r.visitId.isEmpty() ? "\u0000" + r.file + ":" + r.seq : r.visitId, r.file, r.line, r.seq, r.visitId,
                r.text)), RECORDS);
        Dataset<Row> checked = spark.createDataFrame(records.repartition(partitions, records.col("key"))
                .sortWithinPartitions("key", "file", "line", "seq").javaRDD()
                .mapPartitions(it -> checkStage(it, headerB.value(), namesB.value(), payer, files, orphansB.value())), ITEMS)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // 3. By patient and by therapist: the checks across visits, the same way.
        // The therapists first: the minutes they find a visit shares with another patient (MW-A001) go, keyed by the
        // visit's patient, to the patients' checks, which take the units they supported off the visit.
        Dataset<Row> digests = checked.filter(checked.col("kind").equalTo(DIGEST)).select("key", "data", "kind");
        // Before them, what the patients' duplicate claims void (MW-A006): the therapists leave the void copy out.
        Dataset<Row> ofPatients = digests.filter(digests.col("key").startsWith("P"));
        Dataset<Row> voided = spark.createDataFrame(ofPatients.repartition(partitions, ofPatients.col("key"))
                .sortWithinPartitions("key").javaRDD().mapPartitions(AuditJob::duplicatesStage), ITEMS);
        Dataset<Row> toTherapists = digests.filter(digests.col("key").startsWith("T"))
                .union(voided.filter(voided.col("kind").equalTo(VOIDED)).select("key", "data", "kind"));
        Dataset<Row> byTherapist = spark.createDataFrame(toTherapists.repartition(partitions, toTherapists.col("key"))
                .sortWithinPartitions("key").javaRDD().mapPartitions(it -> acrossStage(it, namesB.value(), files)), ITEMS)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> toPatients = digests.filter(digests.col("key").startsWith("P")).union(byTherapist
                .filter(byTherapist.col("kind").equalTo(SHARED)).select("key", "data", "kind"));
        Dataset<Row> byPatient = spark.createDataFrame(toPatients.repartition(partitions, toPatients.col("key"))
                .sortWithinPartitions("key").javaRDD().mapPartitions(it -> acrossStage(it, namesB.value(), files)), ITEMS);
        Dataset<Row> across = byTherapist.filter(byTherapist.col("kind").notEqual(SHARED)).union(byPatient)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // 4. The outputs.
        Dataset<Row> all = checked.union(across);
        boolean csv = o.format().equals("csv");
        AuditTotals corrections = new AuditTotals();
        String findingsDir = new org.apache.hadoop.fs.Path(out, "findings").toString();
        saving(findingsDir, () -> writer(guarded(withoutVoided(spark, rows(all, FINDING, AuditCsv.FINDINGS_HEADER),
                across, corrections), csv).write(), o.format()).save(findingsDir));
        String claimsDir = new org.apache.hadoop.fs.Path(out, "claims").toString();
        saving(claimsDir, () -> writer(guarded(withCuts(spark, withKx(rows(checked, CLAIM, AuditCsv.CLAIMS_HEADER),
                across), across, corrections, ref), csv).write(), o.format()).save(claimsDir));
        String rejectedDir = new org.apache.hadoop.fs.Path(out, "rejected").toString();
        saving(rejectedDir, () -> writer(guarded(rows(checked, REJECT, AuditCsv.REJECTED_HEADER, "fileIndex", "seq")
                .orderBy("fileIndex", "line", "seq").drop("fileIndex", "seq"), csv).write(), o.format())
                .save(rejectedDir));
        AuditTotals totals = new AuditTotals();
        totals.merge(corrections);
        long rowsIn = 0;
        for (Row t : all.filter(all.col("kind").equalTo(TOTALS)).select("json", "line").collectAsList()) {
            totals.merge(AuditTotals.fromJson(Json.mapper().readTree(t.getString(0))));
            rowsIn += t.isNullAt(1) ? 0 : t.getLong(1);
        }
        checked.unpersist(false);
        across.unpersist(false);
        byTherapist.unpersist(false);
        read.unpersist(false);
        // Every record the checks took in is either checked or set aside (counted apart from the totals).
        if (rowsIn != totals.checked() + totals.rejected() || totals.read() != rowsIn) {
            throw new IllegalStateException("rows do not reconcile: " + rowsIn + " records in, read " + totals.read()
                    + ", checked " + totals.checked() + ", rejected " + totals.rejected());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // Header columns not in the layout, named per input as the single-process audit names them.
        List<String> ignored = org.minutewise.formats.audit.IgnoredColumns.notes(ref, inputs, headers);
        com.fasterxml.jackson.databind.node.ObjectNode summary = org.minutewise.formats.audit.IgnoredColumns.summary(
                totals, o.payer(), endedEarly, ignored);
        writeFile(outFs, new org.apache.hadoop.fs.Path(out, "summary.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n");
        List<String> partial = new ArrayList<>(endedEarly.size());
        for (EndedEarly e : endedEarly) {
            partial.add(e.message());
        }
        writeFile(outFs, new org.apache.hadoop.fs.Path(out, "report.html"),
                ReportHtml.render(totals, VisitAudit.catalog(), inputs, o.payer(), partial, ignored,
                        ReportHtml.medicare(ref)));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("elapsedSeconds", Math.round(elapsed.toMillis() / 10.0) / 100.0);
        run.put("master", spark.sparkContext().master());
        run.put("defaultParallelism", jsc.defaultParallelism());
        run.put("partitions", partitions);
        run.put("format", o.format());
        run.put("rowsPerSecond", elapsed.toMillis() == 0 ? 0 : Math.round(totals.read() * 1000.0
                / elapsed.toMillis()));
        writeFile(outFs, new org.apache.hadoop.fs.Path(out, "run.json"),
                Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(run) + "\n");
        return new Result(totals, partitions, elapsed, endedEarly, ignored);
    }

    /**
     * The inputs an argument names, each read on its own (its own header, its own line numbers): a file as given;
     * a glob ({@code hdfs:///claims/2026-*.csv}), its files in name order; a directory, as Parquet when it holds
     * Parquet files (a Spark output), else its CSV files in name order (hidden and {@code _} files left out).
     * A {@code .parquet} file is Parquet; any other file the CSV layout.
     */
    static void expand(String input, Configuration conf, List<String> inputs, List<Boolean> parquet)
            throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = p.getFileSystem(conf);
        if (input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) {
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new InputException(input, "no file matches");
            }
            Arrays.sort(matches, (a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            for (FileStatus m : matches) {
                expand(named(input, m.getPath()), conf, inputs, parquet);
            }
            return;
        }
        if (!fs.exists(p)) {
            throw new InputException(input, "no such file");
        }
        if (fs.getFileStatus(p).isDirectory()) {
            List<String> files = new ArrayList<>();
            boolean anyParquet = false;
            String subdirectory = null;
            for (FileStatus f : fs.listStatus(p)) {
                String name = f.getPath().getName();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (f.isFile()) {
                    files.add(named(input, f.getPath()));
                    anyParquet |= name.toLowerCase(Locale.ROOT).endsWith(".parquet");
                } else if (name.contains("=")) {
                    anyParquet = true; // a partitioned Parquet dataset (year=2026/...)
                } else {
                    subdirectory = name;
                }
            }
            if (!anyParquet && subdirectory != null) {
                throw new InputException(input, "holds a subdirectory (" + subdirectory + ") that would not be read; "
                        + "name the files, or use a glob such as " + input + "/*/*.csv");
            }
            if (anyParquet) {
                inputs.add(input);
                parquet.add(true);
                return;
            }
            if (files.isEmpty()) {
                throw new InputException(input, "an empty directory");
            }
            files.sort(null);
            for (String f : files) {
                inputs.add(f);
                parquet.add(false);
            }
            return;
        }
        inputs.add(input);
        parquet.add(input.toLowerCase(Locale.ROOT).endsWith(".parquet"));
    }

    /** A file found under an argument, named as the argument names things (a plain path stays a plain path). */
    private static String named(String argument, org.apache.hadoop.fs.Path found) {
        return argument.contains(":") ? found.toString()
                : org.apache.hadoop.fs.Path.getPathWithoutSchemeAndAuthority(found).toString();
    }

    /**
     * A CSV input's header: its fields and the index of its line (blank lines and lines of only commas before it are
     * skipped).
     */
    private record Header(List<String> fields, long index) {
    }

    /**
     * The first record of a CSV input (its header, after any blank lines), read on the driver; null when the input
     * holds none (0 bytes, blank lines: an empty export). A line of only commas is a blank line, as the audit reads
     * it ({@link CsvLines#commasOnly}): a spreadsheet's export that begins with empty rows (",,,,") has its header
     * after them.
     */
    private static Header csvHeader(JavaSparkContext jsc, String input) throws IOException {
        List<String> first = new ArrayList<>();
        int h = 0;
        // The first lines, more of them while all are blank (a spreadsheet may export hundreds of empty rows first).
        for (int want = 64; ; want *= 16) {
            List<String> lines = CsvLines.lines(jsc, input, 0).take(want);
            for (int i = first.size(); i < lines.size(); i++) {
                first.add(CsvLines.withoutNotes(lines.get(i))); // bytes not UTF-8 read as U+FFFD, as the audit does
            }
            while (h < first.size() && (first.get(h).isEmpty() || first.get(h).equals("\r")
                    || CsvLines.commasOnly(first.get(h)))) {
                h++;
            }
            if (h < first.size() || lines.size() < want) {
                break;
            }
        }
        if (h == first.size()) {
            return null;
        }
        String text = first.get(h);
        CsvRecordReader.Record r;
        try {
            r = CsvRecordReader.parse(text, h + 1);
        } catch (InputException e) {
            throw new InputException(input + ", " + e.path(), e.detail());
        }
        if (r == null) {
            return null;
        }
        if (CsvLines.bareCarriageReturn(text)) {
            throw new InputException(input + ", line " + (h + 1), CsvLines.BARE_CR);
        }
        return new Header(r.fields(), h);
    }

    /** Validates a header as the CSV reader does (a bad one is a usage error) and returns the visitId column. */
    private static int checkHeader(String input, List<String> header, ReferenceData ref) {
        try {
            return new CsvVisitReader(ref).header(new CsvRecordReader.Record(1, header)).column("visitId");
        } catch (InputException e) {
            throw e.path().startsWith(input) ? e : new InputException(input + ", " + e.path(), e.detail());
        }
    }

    /** A Parquet row as the CSV record it stands for, numbered as in that CSV (the header being line 1). */
    private static InRow parquetRow(int file, long index, Row row, int idColumn) {
        StringBuilder sb = new StringBuilder(256);
        String id = "";
        for (int i = 0; i < row.length(); i++) {
            Object v = row.get(i);
            String f = v == null ? "" : v.toString();
            if (i == idColumn) {
                id = f.trim();
            }
            sb.append(i == 0 ? "" : ",").append(Csv.quote(f));
        }
        return new InRow(file, index + 2, index + 1, id, sb.toString());
    }

    private static void writeFile(FileSystem fs, org.apache.hadoop.fs.Path p, String text) {
        saving(p.toString(), () -> {
            try (OutputStream os = fs.create(p, true)) {
                os.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** An output the job could not write (a full disk, a file in the way): bad input's exit, not an internal error. */
    static final class OutputFailed extends RuntimeException {
        OutputFailed(String target, Throwable cause) {
            super("writing " + target + " failed on an I/O error: " + cause.getMessage() + "; check the free space "
                    + "(and that the inputs are still there), or choose another --out, and run again", cause);
        }
    }

    /**
     * Runs a write of {@code target}; a failure whose cause is an I/O error (Spark wraps a task's in its own
     * exceptions) becomes {@link OutputFailed} naming the target and the I/O error; anything else (an input error,
     * a defect) goes on as it is.
     */
    static void saving(String target, Runnable write) {
        try {
            write.run();
        } catch (InputException e) {
            throw e;
        } catch (Exception e) { // Spark's own SparkException is checked, thrown from Scala undeclared
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof IOException io) {
                    throw new OutputFailed(target, io);
                }
            }
            throw AuditJob.<RuntimeException>rethrow(e);
        }
    }

    /** Throws {@code e} as it is, checked or not (what Scala did before the catch above). */
    @SuppressWarnings("unchecked")
    static <T extends Exception> T rethrow(Exception e) throws T {
        throw (T) e;
    }

    // ------------------------------------------------------------------------------------------ the schemas

    /** The records of the inputs, keyed by visit (a record without a visit id is a visit of its own). */
    static final StructType RECORDS = new StructType().add("key", DataTypes.StringType, false)
            .add("file", DataTypes.IntegerType, false).add("line", DataTypes.LongType, false)
            .add("seq", DataTypes.LongType, false).add("visitId", DataTypes.StringType, false)
            .add("text", DataTypes.StringType, false);

    static final String FINDING = "F";
    static final String CLAIM = "C";
    static final String REJECT = "R";
    static final String DIGEST = "D";
    static final String TOTALS = "T";
    /** A claim line that needs KX (MW-A003): c0 the visit id, c1 the code, c2 its kind (KxFix.kind). */
    static final String KX_FIX = "K";
    /**
     * Supported units a patient's day (MW-A012), shared minutes (MW-A001) or a duplicate's void (MW-A006) take off a
     * visit's code: c0 the visit id, c1 the code, c2 units, c3 how many of the code's units carry CQ/CO after the
     * cut ({@link org.minutewise.core.across.UnitCut#assistantUnits()}, MW-A001), else "" (full-rate rows first).
     */
    static final String UNIT_CUT = "U";
    /**
     * Minutes of a visit's one-on-one code its provider shared with another patient (MW-A001), from a therapist's
     * checks to the visit's patient's: {@code key} "P" + the patient id, {@code data} {@link AcrossAudit.Shared}'s
     * bytes.
     */
    static final String SHARED = "S";
    /**
     * What a patient's duplicate claims void (MW-A006), from the patients' first look to the therapists' checks,
     * which leave the void copy out of MW-A001 and MW-A007: {@code key} "T" + a provider the visit goes to,
     * {@code data} {@link AcrossAudit.Voided}'s bytes.
     */
    static final String VOIDED = "V";
    private static final int COLUMNS = 13;

    /**
     * What the check and across stages emit, one schema for all kinds (cached column by column between the
     * outputs): {@code kind}; the text columns of a findings, claims or rejected row in the order of its CSV
     * header ({@code c0}...), its {@code line}, and for a reject the input order ({@code fileIndex}, {@code seq});
     * a digest's shuffle {@code key} ("P" + patient id, "T" + provider id) and bytes ({@code data}); a partition's
     * totals ({@code json}).
     */
    static final StructType ITEMS;

    static {
        StructType t = new StructType().add("kind", DataTypes.StringType, false).add("key", DataTypes.StringType)
                .add("line", DataTypes.LongType).add("data", DataTypes.BinaryType).add("json", DataTypes.StringType)
                .add("fileIndex", DataTypes.IntegerType).add("seq", DataTypes.LongType);
        for (int i = 0; i < COLUMNS; i++) {
            t = t.add("c" + i, DataTypes.StringType);
        }
        ITEMS = t;
    }

    private static Row item(String kind, String key, Long line, byte[] data, String json, Integer fileIndex, Long seq,
                            String... cols) {
        Object[] v = new Object[7 + COLUMNS];
        v[0] = kind;
        v[1] = key;
        v[2] = line;
        v[3] = data;
        v[4] = json;
        v[5] = fileIndex;
        v[6] = seq;
        System.arraycopy(cols, 0, v, 7, cols.length);
        return RowFactory.create(v);
    }

    /** The rows of one kind with the columns of an output's CSV header ({@code line} a number), plus extras. */
    private static Dataset<Row> rows(Dataset<Row> items, String kind, String header, String... extra) {
        List<Column> cols = new ArrayList<>();
        int c = 0;
        for (String name : header.strip().split(",")) {
            cols.add(name.equals("line") ? items.col("line") : items.col("c" + c++).as(name));
        }
        for (String e : extra) {
            cols.add(items.col(e));
        }
        return items.filter(items.col("kind").equalTo(kind)).select(cols.toArray(new Column[0]));
    }

    /**
     * The claim lines with KX on the supported side where the patients' years counted in date order want it
     * (MW-A003), as the single-process audit corrects claims.csv; the lines as checked when none does.
     */
    private static Dataset<Row> withKx(Dataset<Row> claims, Dataset<Row> across) {
        Dataset<Row> fixes = across.filter(across.col("kind").equalTo(KX_FIX))
                .groupBy(across.col("c0").as("kxVisit"), across.col("c1").as("kxCode"))
                .agg(org.apache.spark.sql.functions.concat_ws("", org.apache.spark.sql.functions.sort_array(
                        org.apache.spark.sql.functions.collect_set(across.col("c2")))).as("kxKinds"));
        if (fixes.isEmpty()) {
            return claims;
        }
        org.apache.spark.sql.expressions.UserDefinedFunction kx = org.apache.spark.sql.functions.udf(
                (org.apache.spark.sql.api.java.UDF6<String, String, String, String, String, String, String>)
                        AuditCsv.ClaimRow::modifiersWithKx, DataTypes.StringType);
        // The fixes are few beside the claim lines: sent to every executor, the claims stay where they are.
        Dataset<Row> small = org.apache.spark.sql.functions.broadcast(fixes);
        Dataset<Row> joined = claims.join(small, claims.col("visitId").equalTo(small.col("kxVisit"))
                .and(claims.col("code").equalTo(small.col("kxCode"))), "left_outer");
        List<Column> cols = new ArrayList<>();
        for (String name : claims.columns()) {
            cols.add(name.equals("modifiers") ? org.apache.spark.sql.functions.when(joined.col("kxKinds").isNotNull(),
                    kx.apply(joined.col("kxKinds"), joined.col("billedUnits"), joined.col("billedModifiers"),
                            joined.col("units"), joined.col("modifiers"), joined.col("difference")))
                    .otherwise(joined.col("modifiers"))
                    .as("modifiers") : joined.col(name));
        }
        return joined.select(cols.toArray(new Column[0]));
    }

    /**
     * The claim lines with the supported units the patients' days take off (MW-A012), as the single-process audit
     * corrects claims.csv, and what that changes in the totals to {@code totals}. The lines concerned are few (a
     * patient's several sessions of a day): they are corrected on the driver, the rest stay where they are.
     */
    private static Dataset<Row> withCuts(SparkSession spark, Dataset<Row> claims, Dataset<Row> across,
                                         AuditTotals totals, ReferenceData ref) {
        // By visit, then code (or a void's key: one discipline's lines, a billed line by index; and the CQ/CO units
        // a code keeps after MW-A001's cut, ClaimCorrection.assistantUnits).
        Map<String, Map<String, Integer>> units = new LinkedHashMap<>();
        for (Row c : across.filter(across.col("kind").equalTo(UNIT_CUT)).select("c0", "c1", "c2", "c3")
                .collectAsList()) {
            org.minutewise.formats.audit.ClaimCorrection.add(units.computeIfAbsent(c.getString(0),
                    k -> new LinkedHashMap<>()), c.getString(1), Integer.parseInt(c.getString(2)),
                    c.getString(3) == null || c.getString(3).isEmpty() ? -1 : Integer.parseInt(c.getString(3)));
        }
        if (units.isEmpty()) {
            return claims;
        }
        Dataset<Row> keys = org.apache.spark.sql.functions.broadcast(across.filter(across.col("kind")
                .equalTo(UNIT_CUT)).select(across.col("c0").as("cutVisit")).distinct());
        Column on = claims.col("visitId").equalTo(keys.col("cutVisit"));
        Map<String, List<AuditCsv.ClaimRow>> groups = new LinkedHashMap<>();
        for (Row r : claims.join(keys, on, "left_semi").orderBy("visitId", "line", "code").collectAsList()) {
            AuditCsv.ClaimRow row = claimRow(r);
            if (org.minutewise.formats.audit.ClaimCorrection.concerns(units.get(row.visitId()), row.code())) {
                groups.computeIfAbsent(row.visitId() + "\u0000" + row.code(), k -> new ArrayList<>(2)).add(row);
            }
        }
        List<Row> fixed = new ArrayList<>();
        java.util.function.Function<String, java.math.BigDecimal> shares =
                org.minutewise.formats.audit.ClaimCorrection.assistantShares(ref.fees());
        List<Row> cut = new ArrayList<>();
        groups.forEach((key, rows) -> {
            cut.add(RowFactory.create(rows.get(0).visitId(), rows.get(0).code()));
            for (org.minutewise.formats.audit.ClaimCorrection.Applied a : org.minutewise.formats.audit.ClaimCorrection
                    .apply(rows, units.get(rows.get(0).visitId()), shares)) {
                totals.corrected(a.rows().get(0).payer(), a.rows().get(0).therapistId(), a);
                for (AuditCsv.ClaimRow x : a.rows()) {
                    fixed.add(RowFactory.create(x.visitId(), x.line(), x.dateOfService(), x.patientId(),
                            x.therapistId(), x.payer(), x.code(), x.billedUnits(), x.billedModifiers(), x.units(),
                            x.modifiers(), x.difference(), x.allowedPerUnit()));
                }
            }
        });
        // The visits' codes corrected: their rows are replaced by the corrected ones.
        Dataset<Row> codes = org.apache.spark.sql.functions.broadcast(spark.createDataFrame(cut, new StructType()
                .add("cutVisit", DataTypes.StringType, false).add("cutCode", DataTypes.StringType, false)));
        Column corrected = claims.col("visitId").equalTo(codes.col("cutVisit"))
                .and(claims.col("code").equalTo(codes.col("cutCode")));
        return claims.join(codes, corrected, "left_anti").union(spark.createDataFrame(fixed, claims.schema()));
    }

    /**
     * The findings without the visits' own findings about the lines of a duplicate claim that are void (MW-A006,
     * {@link org.minutewise.formats.audit.ClaimCorrection#aboutVoided}), as the single-process audit leaves them out,
     * and those findings off the totals in {@code totals}. The visits concerned are few: their findings about billed
     * lines (by code or by index) and services by code are judged on the driver.
     */
    private static Dataset<Row> withoutVoided(SparkSession spark, Dataset<Row> findings, Dataset<Row> across,
                                              AuditTotals totals) {
        Map<String, Map<String, Integer>> voids = new LinkedHashMap<>();
        for (Row c : across.filter(across.col("kind").equalTo(UNIT_CUT)).select("c0", "c1", "c2").collectAsList()) {
            voids.computeIfAbsent(c.getString(0), k -> new LinkedHashMap<>()).merge(c.getString(1),
                    Integer.parseInt(c.getString(2)), Integer::sum);
        }
        voids.values().forEach(byCode -> byCode.values().removeIf(u -> u < org.minutewise.formats.audit
                .ClaimCorrection.VOID));
        voids.values().removeIf(Map::isEmpty);
        if (voids.isEmpty()) {
            return findings;
        }
        Dataset<Row> keys = org.apache.spark.sql.functions.broadcast(spark.createDataFrame(
                voids.keySet().stream().map(v -> RowFactory.create(v)).toList(),
                new StructType().add("voidVisit", DataTypes.StringType, false)));
        List<Row> drop = new ArrayList<>();
        for (Row r : findings.join(keys, findings.col("visitId").equalTo(keys.col("voidVisit")), "left_semi")
                .filter(findings.col("path").startsWith("billed[")
                        .or(findings.col("path").startsWith("services[code="))).collectAsList()) {
            AuditCsv.FindingRow f = findingRow(r);
            if (org.minutewise.formats.audit.ClaimCorrection.aboutVoided(f, voids.get(f.visitId()))) {
                totals.withdrawn(f.ruleId(), f.severity(), f.therapistId(), f.payer());
                drop.add(RowFactory.create(f.visitId(), f.path()));
            }
        }
        if (drop.isEmpty()) {
            return findings;
        }
        Dataset<Row> gone = org.apache.spark.sql.functions.broadcast(spark.createDataFrame(drop, new StructType()
                .add("dropVisit", DataTypes.StringType, false).add("dropPath", DataTypes.StringType, false))
                .distinct());
        return findings.join(gone, findings.col("visitId").equalTo(gone.col("dropVisit"))
                .and(findings.col("path").equalTo(gone.col("dropPath"))), "left_anti");
    }

    /** A row of the findings dataset (the columns of findings.csv, {@code line} a number) as a findings.csv row. */
    private static AuditCsv.FindingRow findingRow(Row r) {
        List<String> fields = new ArrayList<>();
        for (String name : AuditCsv.FINDINGS_HEADER.strip().split(",")) {
            fields.add(name.equals("line") ? (r.isNullAt(r.fieldIndex("line")) ? "" : String.valueOf(
                    r.<Long>getAs("line"))) : text(r, name));
        }
        return AuditCsv.FindingRow.of(fields);
    }

    /** A row of the claims dataset (the columns of claims.csv, {@code line} a number) as a claims.csv row. */
    private static AuditCsv.ClaimRow claimRow(Row r) {
        return new AuditCsv.ClaimRow(r.getAs("visitId"), r.isNullAt(r.fieldIndex("line")) ? 0L : r.<Long>getAs("line"),
                text(r, "dateOfService"), text(r, "patientId"), text(r, "therapistId"), text(r, "payer"),
                text(r, "code"), text(r, "billedUnits"), text(r, "billedModifiers"), text(r, "units"),
                text(r, "modifiers"), text(r, "difference"), text(r, "allowedPerUnit"));
    }

    private static String text(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? "" : v.toString();
    }

    /** The text columns from the input that {@code AuditCsv} writes after an apostrophe when they start like a formula. */
    private static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of("visitId", "message", "file", "path",
            "patientId", "therapistId", "payer", "code", "billedModifiers", "modifiers", "reason", "fix", "citation");

    /**
     * In CSV, a text value from the input that starts like a spreadsheet formula is written after an apostrophe, as
     * the single-process audit writes it (CSV injection); Parquet keeps the values as they are.
     */
    private static Dataset<Row> guarded(Dataset<Row> rows, boolean csv) {
        if (!csv) {
            return rows;
        }
        Dataset<Row> out = rows;
        for (String name : rows.columns()) {
            if (TEXT_COLUMNS.contains(name)) {
                Column c = out.col(name);
                out = out.withColumn(name, org.apache.spark.sql.functions.when(c.rlike("^[=+\\-@\t\r]"),
                        org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit("'"), c)).otherwise(c));
            }
        }
        return out;
    }

    /**
     * CSV as the single-process audit writes it (RFC 4180: quotes doubled inside quoted fields, spaces kept),
     * with a header in each part file; or Parquet.
     */
    private static DataFrameWriter<Row> writer(DataFrameWriter<Row> w, String format) {
        w = w.mode(SaveMode.ErrorIfExists);
        if (format.equals("parquet")) {
            return w.format("parquet");
        }
        return w.format("csv").option("header", "true").option("quote", "\"").option("escape", "\"")
                .option("ignoreLeadingWhiteSpace", "false").option("ignoreTrailingWhiteSpace", "false")
                .option("emptyValue", "").option("lineSep", "\r\n");
    }

    // ------------------------------------------------------------------------------------------ the stages

    /** A partition's groups turned into items lazily, one group at a time, then the partition's totals. */
    private abstract static class Stage<T> implements Iterator<Row> {
        private final Iterator<T> groups;
        private final List<Row> buffer = new ArrayList<>();
        private int next;
        private boolean done;
        final AuditTotals totals = new AuditTotals();
        /** Input rows the stage took in (sent beside the totals, to reconcile them independently). */
        long rowsIn;

        Stage(Iterator<T> groups) {
            this.groups = groups;
        }

        abstract void group(T g, List<Row> out);

        @Override
        public boolean hasNext() {
            while (next == buffer.size()) {
                buffer.clear();
                next = 0;
                if (groups.hasNext()) {
                    group(groups.next(), buffer);
                } else if (!done) {
                    done = true;
                    try {
                        buffer.add(item(TOTALS, null, rowsIn, null,
                                Json.mapper().writeValueAsString(totals.toPartJson()), null, null));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.get(next++);
        }
    }

    /** Consecutive rows with the same first column, as groups (the partition is sorted by it). */
    private static final class Runs<T> implements Iterator<List<T>> {
        private final Iterator<Row> rows;
        private final java.util.function.Function<Row, T> as;
        private final int limit;
        /** Rows kept in a run even past {@code limit}: notes and markers, which are few and are not the visit's rows. */
        private final java.util.function.Predicate<Row> always;
        private Row pending;
        /** Where the rows of the last run past {@code limit} came from: file, line, order of reading. */
        int extra;
        int[] extraFile = new int[0];
        long[] extraLine = new long[0];
        long[] extraSeq = new long[0];

        Runs(Iterator<Row> rows, java.util.function.Function<Row, T> as) {
            this(rows, as, Integer.MAX_VALUE, r -> false);
        }

        /**
         * Beyond {@code limit} rows only where a run's rows came from is kept (columns 1-3 of the records: file,
         * line, order), compactly: such a visit is set aside whole, and a file whose rows all carry one visit id
         * must not fill a task's memory with their text. Rows {@code always} picks are kept in the run whatever its
         * size: a note such as a file's cut ({@link AuditJob#CUT}) is not a row, and a marker carries its own reason.
         */
        Runs(Iterator<Row> rows, java.util.function.Function<Row, T> as, int limit,
             java.util.function.Predicate<Row> always) {
            this.rows = rows;
            this.as = as;
            this.limit = limit;
            this.always = always;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public List<T> next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            String key = pending.getString(0);
            List<T> run = new ArrayList<>(4);
            run.add(as.apply(pending));
            pending = null;
            extra = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (!r.getString(0).equals(key)) {
                    pending = r;
                    break;
                }
                if (run.size() < limit || always.test(r)) {
                    run.add(as.apply(r));
                } else {
                    if (extra == extraLine.length) {
                        int n = Math.max(1024, extra * 2);
                        extraFile = Arrays.copyOf(extraFile, n);
                        extraLine = Arrays.copyOf(extraLine, n);
                        extraSeq = Arrays.copyOf(extraSeq, n);
                    }
                    extraFile[extra] = r.getInt(1);
                    extraLine[extra] = r.getLong(2);
                    extraSeq[extra] = r.getLong(3);
                    extra++;
                }
            }
            return run;
        }
    }

    /**
     * The patient and date of a record without a visit id ({@link CsvVisitReader#orphanKey}), its file and its line,
     * separated by {@link #MARK}; null when it gives no patient or date, or cannot be read.
     */
    private static String orphanOf(InRow r, List<List<String>> headers, RefFiles files) {
        try {
            CsvVisitReader.Header h = new CsvVisitReader(Engine.get(files).ref).header(new CsvRecordReader.Record(1,
                    headers.get(r.file)));
            return CsvVisitReader.orphanKey(h, r.text, r.line).map(k -> k + MARK + r.file + MARK + r.line).orElse(null);
        } catch (InputException e) {
            return null;
        }
    }

    private static Iterator<Row> checkStage(Iterator<Row> sorted, List<List<String>> headerFields,
                                             List<String> names, String payer, RefFiles files,
                                             Map<String, Long> orphans) {
        Engine engine = Engine.get(files);
        VisitAudit audit = new VisitAudit(engine.ref, engine.checker, Optional.ofNullable(payer), names::get);
        List<CsvVisitReader.Header> headers = new ArrayList<>();
        for (List<String> h : headerFields) {
            headers.add(h.isEmpty() ? null : audit.csvHeader(h)); // an empty export's: it has no rows
        }
        VisitAudit.CsvRows<InRow> how = new VisitAudit.CsvRows<>() {
            @Override
            public long line(InRow r) {
                return r.line;
            }

            @Override
            public CsvRecordReader.Record record(InRow r) {
                if (CsvLines.bareCarriageReturn(r.text)) {
                    throw new InputException("line " + r.line, CsvLines.BARE_CR);
                }
                // An error names the column by the header's name ("line 12, column note"), as the audit does.
                return CsvRecordReader.parse(r.text, r.line, headers.get(r.file).names());
            }

            @Override
            public CsvVisitReader.Header header(InRow r) {
                return headers.get(r.file);
            }
        };
        Runs<InRow> groups = new Runs<>(sorted, r -> new InRow(r.getInt(1), r.getLong(2), r.getLong(3),
                r.getString(4), r.getString(5)), VisitAudit.MAX_ROWS_PER_VISIT + 1,
                r -> r.getString(5).startsWith(MARK));
        return new Stage<>(groups) {
            @Override
            void group(List<InRow> rows, List<Row> out) {
                // Rows other records took in (LOST, rows of their own) and the note of a file cut short (CUT, no row).
                int markers = 0;
                int notes = 0;
                for (InRow r : rows) {
                    markers += r.text.startsWith(LOST) || r.text.startsWith(NOT_UTF8) ? 1 : 0;
                    notes += r.text.startsWith(CUT) ? 1 : 0;
                }
                rowsIn += rows.size() - notes + groups.extra;
                String visitId = rows.get(0).visitId;
                if (rows.size() == 1 && rows.get(0).text.startsWith(ENDED)) {
                    // The part of a file cut short that could not be read: one rejected record.
                    InRow r = rows.get(0);
                    String[] f = r.text.substring(ENDED.length()).split(":", 2);
                    reject(r, EndedEarly.lostPart(Long.parseLong(f[0]), f[1], names.get(r.file)), names, out,
                            totals);
                    return;
                }
                // The visit's own rows, without the rows other records took in (those are set aside on their own).
                long real = rows.size() - markers - notes + (long) groups.extra;
                if (groups.extra > 0 || real > VisitAudit.MAX_ROWS_PER_VISIT) {
                    String reason = VisitAudit.tooManyRows(visitId, real);
                    for (InRow r : rows) {
                        if (r.text.startsWith(LOST)) {
                            reject(r, lostRowMessage(r, visitId), names, out, totals);
                        } else if (r.text.startsWith(NOT_UTF8)) {
                            reject(r, notUtf8Message(r), names, out, totals);
                        } else if (!r.text.startsWith(CUT)) {
                            reject(r, reason, names, out, totals);
                        }
                    }
                    for (int i = 0; i < groups.extra; i++) {
                        totals.rejected(1);
                        out.add(item(REJECT, null, line(groups.extraLine[i]), null, null, groups.extraFile[i],
                                groups.extraSeq[i], names.get(groups.extraFile[i]), visitId, reason));
                    }
                    return;
                }
                List<InRow> lost = null;
                for (InRow r : rows) {
                    if (r.text.startsWith(LOST) || r.text.startsWith(CUT) || r.text.startsWith(NOT_UTF8)) {
                        lost = lost == null ? new ArrayList<>(1) : lost;
                        lost.add(r);
                    }
                }
                if (lost != null) {
                    List<InRow> others = new ArrayList<>(rows);
                    others.removeAll(lost);
                    // The first reason in input order, as the single-process audit gives it.
                    String note = null;
                    for (InRow m : lost) {
                        if (m.text.startsWith(CUT)) {
                            note = note != null ? note : EndedEarly.lastVisitNote(
                                    Long.parseLong(m.text.substring(CUT.length())));
                            continue;
                        }
                        if (m.text.startsWith(NOT_UTF8)) {
                            // The record could not be read at all; its visit lost a row, as when a row is too long.
                            String[] f = m.text.substring(NOT_UTF8.length()).split(":", 2);
                            reject(m, notUtf8Message(m), names, out, totals);
                            note = note != null ? note : VisitAudit.unreadRowNote(Long.parseLong(f[0]), f[1]);
                            continue;
                        }
                        String[] f = m.text.substring(LOST.length()).split(":");
                        long recordLine = Long.parseLong(f[0]);
                        reject(m, lostRowMessage(m, visitId), names, out, totals);
                        if (note == null && f[1].equals("other")) {
                            note = CsvVisitReader.lostRowNote(m.line, recordLine);
                        }
                    }
                    if (note != null) {
                        for (InRow r : others) {
                            reject(r, VisitAudit.lostRowReason(visitId, note, others.size()), names, out, totals);
                        }
                        return;
                    }
                    rows = others;
                    if (rows.isEmpty()) {
                        return;
                    }
                }
                // With rows without a visit id about, each row is read to see whose they may be: read once, the
                // records kept for the visit's own reading.
                VisitAudit.CsvRows<InRow> parsed = orphans.isEmpty() || visitId.isEmpty() ? how
                        : VisitAudit.parsedOnce(how);
                Optional<String> orphan = orphans.isEmpty() || visitId.isEmpty() ? Optional.empty()
                        : VisitAudit.orphanOf(rows, parsed, r -> !r.text.startsWith(MARK), orphans);
                if (orphan.isPresent()) {
                    String reason = CsvVisitReader.orphanReason(visitId, orphan.get(), orphans.get(orphan.get()),
                            rows.size());
                    for (InRow r : rows) {
                        reject(r, reason, names, out, totals);
                    }
                    return;
                }
                // A visit in two files (overlapping exports) would have its billed units counted twice: set
                // aside, saying where, as the single-process audit does.
                Map<String, List<Long>> byFile = new LinkedHashMap<>();
                for (InRow r : rows) {
                    byFile.computeIfAbsent(names.get(r.file), f -> new ArrayList<>()).add(r.line);
                }
                // Unless they are a claim and its corrections (the claimFrequency column), read as there.
                VisitAudit.CsvClaims<InRow> c = audit.csvCorrections(visitId, rows, r -> names.get(r.file), parsed);
                if (c.inForce().isPresent()) {
                    for (VisitAudit.Rejected<InRow> x : c.inForce().get().setAside()) {
                        totals.replacedOrVoided(1);
                        InRow r = x.row();
                        out.add(item(REJECT, null, line(r.line), null, null, r.file, r.seq, names.get(r.file),
                                r.visitId, x.reason()));
                    }
                    if (c.inForce().get().inForce().isPresent()) {
                        check(c.inForce().get().inForce().get(), out);
                    }
                    return;
                }
                if (!c.claims().isEmpty() || byFile.size() > 1) {
                    String why = VisitAudit.comesMoreThanOnce(visitId, c.claims().isEmpty() ? byFile : c.claims());
                    for (InRow r : rows) {
                        // Its own error first when the row cannot be read by itself either, as the audit gives it.
                        reject(r, VisitAudit.withOwn(audit.csvRowError(r, parsed), why), names, out, totals);
                    }
                    return;
                }
                check(audit.assembleCsv(visitId, rows, parsed), out);
            }

            /** A visit's rows read into it: its bad rows set aside, the visit checked and its outputs added. */
            private void check(VisitAudit.Assembled<InRow> a, List<Row> out) {
                for (VisitAudit.Rejected<InRow> x : a.rejected()) {
                    reject(x.row(), x.reason(), names, out, totals);
                }
                if (a.visit().isEmpty()) {
                    return;
                }
                Visit v = a.visit().get();
                InRow first = a.used().get(0);
                VisitAudit.Outcome oc = audit.check(v, a.used().size(), first.file, first.line, totals);
                if (oc.failed()) {
                    for (InRow r : a.used()) {
                        reject(r, oc.failure().get(), names, out, totals);
                    }
                    return;
                }
                for (AuditCsv.FindingRow f : oc.findings()) {
                    out.add(finding(f));
                }
                for (AuditCsv.ClaimRow c : oc.claims()) {
                    out.add(item(CLAIM, null, line(c.line()), null, null, null, null, c.visitId(),
                            c.dateOfService(), c.patientId(), c.therapistId(), c.payer(), c.code(), c.billedUnits(),
                            c.billedModifiers(), c.units(), c.modifiers(), c.difference(), c.allowedPerUnit()));
                }
                AuditDigest d = oc.digest().orElseThrow();
                Bin.Out o = new Bin.Out(512);
                d.encode(o);
                byte[] data = o.toByteArray();
                for (String key : acrossKeys(d)) {
                    out.add(item(DIGEST, key, null, data, null, null, null));
                }
            }
        };
    }

    /** How the job's own markers and notes begin, among the records' texts. */
    static final String MARK = "\u0000";

    /** The text of a row taken into an earlier record's open quote: a marker, the record's line, same visit or not. */
    static final String LOST = "\u0000lost:";

    /**
     * The text of a record with bytes that are not UTF-8 ({@link CsvLines#read}): a row read and rejected, on the line
     * of the first bad byte, as the single-process audit rejects it; after the marker, the record's own line and what
     * is wrong ({@link org.minutewise.formats.Utf8#problem}). Its visit lost a row: its other rows are set aside.
     */
    static final String NOT_UTF8 = "\u0000utf8:";

    /**
     * The text of the record that stands for the part of a file cut short that could not be read (after it, the last
     * record's line and what was wrong): a row read and rejected, as the single-process audit counts it.
     */
    static final String ENDED = "\u0000ended:";

    /**
     * The text of a note to the visit of the last record read before a file's compressed data ended early (after it,
     * that record's line): not a row; the visit's rows are set aside, as they may go on in the part lost.
     */
    static final String CUT = "\u0000cut:";

    /** The record, then a marker for each row its open quote took in (found in its raw lines, as the audit does). */
    /** Each record, then a marker for each row its open quote took in; the headers read once per partition. */
    private static Iterator<InRow> withLostRows(Iterator<InRow> records, List<List<String>> headers,
                                                java.util.Set<Integer> parquet, RefFiles files) {
        CsvVisitReader.Header[] read = new CsvVisitReader.Header[headers.size()];
        List<InRow> out = new ArrayList<>(2);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !out.isEmpty() || records.hasNext();
            }

            @Override
            public InRow next() {
                if (out.isEmpty()) {
                    InRow r = records.next();
                    // Line feeds only, as the single-process audit counts a record's lines (a bare CR is an error of
                    // its own); a Parquet row is one row, with no quote of a CSV to have left open.
                    if (r.text.indexOf('\n') < 0 || parquet.contains(r.file)) {
                        return r;
                    }
                    if (read[r.file] == null) {
                        read[r.file] = new CsvVisitReader(Engine.get(files).ref)
                                .header(new CsvRecordReader.Record(1, headers.get(r.file)));
                    }
                    out.add(r);
                    for (CsvVisitReader.Swallowed s : CsvVisitReader.swallowed(read[r.file], r.text)) {
                        out.add(new InRow(r.file, r.line + s.offset(), r.seq, s.visitId(), LOST + r.line + ":"
                                + (s.visitId().equals(r.visitId) ? "same" : "other")));
                    }
                }
                return out.remove(0);
            }
        };
    }

    /** Why a record with bytes that are not UTF-8 ({@link #NOT_UTF8} marker) is set aside: its line, then what. */
    private static String notUtf8Message(InRow m) {
        return "line " + m.line + ": " + m.text.substring(NOT_UTF8.length()).split(":", 2)[1];
    }

    /** Why a row another record's open quote took in ({@link #LOST} marker) is set aside. */
    private static String lostRowMessage(InRow m, String visitId) {
        long recordLine = Long.parseLong(m.text.substring(LOST.length()).split(":")[0]);
        return CsvVisitReader.swallowedRow(new CsvVisitReader.Swallowed(visitId, (int) (m.line - recordLine)),
                recordLine).getMessage();
    }

    private static void reject(InRow r, String reason, List<String> names, List<Row> out, AuditTotals totals) {
        totals.rejected(1);
        out.add(item(REJECT, null, line(r.line), null, null, r.file, r.seq, names.get(r.file), r.visitId, reason));
    }

    private static Long line(long line) {
        return line > 0 ? line : null;
    }

    private static Row finding(AuditCsv.FindingRow f) {
        return item(FINDING, null, line(f.line()), null, null, null, null, f.visitId(), f.ruleId(),
                f.severity().wire(), f.message(),
                f.file(), f.path(), f.dateOfService(), f.patientId(), f.therapistId(), f.payer(), f.fix(),
                f.citation());
    }

    /**
     * Where a visit's digest goes for the checks across visits: its patient, and each provider who treated in it
     * and the therapists it is counted under.
     */
    private static Set<String> acrossKeys(AuditDigest d) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("P" + d.digest().patientId());
        keys.add("T" + d.therapist());
        d.shares().forEach(s -> keys.add("T" + s.therapist()));
        d.digest().treatments().forEach(t -> keys.add("T" + t.providerId()));
        return keys;
    }

    /** Rows of (key, data, kind) sorted by key, in runs of one key. */
    private static Runs<Tuple3<String, byte[], String>> byKey(Iterator<Row> sorted) {
        return new Runs<>(sorted, r -> new Tuple3<>(r.getString(0), (byte[]) r.get(1), r.getString(2)));
    }

    /**
     * A patient's digests (grouped by "P" + patient id): what the patient's duplicate claims void
     * ({@link AcrossAudit#voided}), to each therapist the voided visit goes to ({@link #VOIDED}).
     */
    private static Iterator<Row> duplicatesStage(Iterator<Row> sorted) {
        Bin.Interner strings = new Bin.Interner();
        Runs<Tuple3<String, byte[], String>> groups = byKey(sorted);
        return new Stage<>(groups) {
            @Override
            void group(List<Tuple3<String, byte[], String>> g, List<Row> out) {
                Map<String, AuditDigest> unique = new LinkedHashMap<>();
                for (Tuple3<String, byte[], String> t : g) {
                    AuditDigest d = AuditDigest.decode(new Bin.In(t._2()), strings, true);
                    unique.putIfAbsent(d.digest().visitId(), d);
                }
                for (AcrossAudit.Voided v : AcrossAudit.voided(unique.values())) {
                    Bin.Out o = new Bin.Out(32);
                    v.encode(o);
                    byte[] data = o.toByteArray();
                    for (String key : acrossKeys(unique.get(v.visitId()))) {
                        if (key.charAt(0) == 'T') {
                            out.add(item(VOIDED, key, null, data, null, null, null));
                        }
                    }
                }
            }
        };
    }

    private static Iterator<Row> acrossStage(Iterator<Row> sorted, List<String> names, RefFiles files) {
        ReferenceData ref = Engine.get(files).ref;
        Bin.Interner strings = new Bin.Interner();
        Runs<Tuple3<String, byte[], String>> groups = byKey(sorted);
        return new Stage<>(groups) {
            @Override
            void group(List<Tuple3<String, byte[], String>> g, List<Row> out) {
                String key = g.get(0)._1();
                boolean patient = key.charAt(0) == 'P';
                Map<String, AuditDigest> unique = new LinkedHashMap<>();
                Map<String, Map<String, Map<String, java.util.BitSet>>> shared = new java.util.TreeMap<>();
                Map<String, AcrossAudit.Voided> voided = new java.util.HashMap<>();
                for (Tuple3<String, byte[], String> t : g) {
                    byte[] b = t._2();
                    if (SHARED.equals(t._3())) {
                        AcrossAudit.Shared.decode(new Bin.In(b), shared);
                        continue;
                    }
                    if (VOIDED.equals(t._3())) {
                        AcrossAudit.Voided v = AcrossAudit.Voided.decode(new Bin.In(b));
                        voided.put(v.visitId(), v);
                        continue;
                    }
                    AuditDigest d = AuditDigest.decode(new Bin.In(b), strings, patient);
                    unique.putIfAbsent(d.digest().visitId(), d);
                }
                List<AuditCsv.FindingRow> rows;
                if (patient) {
                    rows = AcrossAudit.patient(unique.values(), shared, ref, names::get, totals,
                            fix -> out.add(item(KX_FIX, null, null, null, null, null, null, fix.visitId(), fix.code(),
                                    fix.kind())),
                            cut -> out.add(item(UNIT_CUT, null, null, null, null, null, null, cut.visitId(),
                                    cut.code(), String.valueOf(cut.units()),
                                    cut.assistantUnits() < 0 ? "" : String.valueOf(cut.assistantUnits()))));
                } else {
                    String owner = key.substring(1);
                    rows = AcrossAudit.therapists(unique.values(), voided, owner::equals, names::get, totals, sh -> {
                        Bin.Out o = new Bin.Out(32);
                        sh.encode(o);
                        out.add(item(SHARED, "P" + sh.patientId(), null, o.toByteArray(), null, null, null));
                    });
                }
                for (AuditCsv.FindingRow f : rows) {
                    out.add(finding(f));
                }
            }
        };
    }
}
