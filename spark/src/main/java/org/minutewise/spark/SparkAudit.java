package org.minutewise.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.minutewise.core.check.Severity;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.refdata.RefDataException;
import org.minutewise.refdata.RefFileOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The Spark job's command line, run by {@code spark-submit --class org.minutewise.spark.SparkAudit
 * spark/target/minutewise-spark.jar INPUT... --out DIR}; without spark-submit (no {@code spark.master} set) it
 * runs in local mode on every core, or on the {@code --master} given.
 */
@Command(name = "minutewise-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The batch audit as a Spark job: every visit checked with the same rules as "
                + "'minutewise audit', the checks across visits, the same output rows.",
        footer = {"", "INPUT: the documented CSV layout (.gz accepted) or Parquet with the same columns (a "
                + ".parquet file or a directory of Parquet files), by path or any URI Spark reads (hdfs://, s3a://); "
                + "a glob or a directory of CSV files is read file by file.",
            "Outputs in DIR: findings/, claims/, rejected/ (CSV part files with a header, or Parquet), "
                + "summary.json, report.html, run.json. The summary JSON is also printed on stdout.",
            "Exit: 0 nothing blocks; 1 a finding blocks; 2 bad usage, rows rejected (see rejected/), an input "
                + "that ended early (a gzip file cut short: summary.json inputsEndedEarly) or an output that could "
                + "not be written; "
                + "3 internal error."})
public final class SparkAudit implements Callable<Integer> {
    static final int OK = 0;
    static final int BLOCKED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files or directories.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The output directory (must be new or empty).")
    String out;

    @Option(names = "--payer", paramLabel = "ID", description = "Check every visit under this payer profile.")
    String payer;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Format of findings, claims and rejected: csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions of the shuffles (default: 4 per core Spark reports).")
    int partitions;

    @Mixin
    RefFileOptions refFiles;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master when not launched by spark-submit (default: local[*]).")
    String master;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkAudit());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException || e instanceof RefDataException || e instanceof AuditJob.OutputFailed) {
                commandLine.getErr().println("minutewise-spark: " + e.getMessage());
                return BAD_INPUT;
            }
            commandLine.getErr().println("minutewise-spark: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return INTERNAL;
        });
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        AuditJob.Options options = new AuditJob.Options(inputs, out, Optional.ofNullable(payer),
                format.toLowerCase(Locale.ROOT), partitions, refFiles.files());
        SparkSession.Builder builder = SparkSession.builder().appName("minutewise-audit");
        SparkConf given = new SparkConf();
        AuditJob.configure(builder, given);
        if (!given.contains("spark.ui.showConsoleProgress") && System.console() != null) {
            builder.config("spark.ui.showConsoleProgress", "true"); // stage progress bars on a terminal
        }
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        boolean own = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = builder.getOrCreate();
        AuditJob.Result result;
        try {
            result = AuditJob.run(spark, options);
        } finally {
            if (own) {
                spark.stop();
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        stdout.println(Json.mapper().writeValueAsString(org.minutewise.formats.audit.EndedEarly.addTo(
                result.totals().toJson(), result.endedEarly())));
        stdout.flush();
        long ms = Math.max(1, result.elapsed().toMillis());
        err.println(String.format(Locale.ROOT, "minutewise-spark: %,d rows (%,d visits) audited in %.1f s (%,d rows/s, "
                + "%d partitions); outputs in %s", result.totals().read(), result.totals().visits(), ms / 1000.0,
                Math.round(result.totals().read() * 1000.0 / ms), result.partitions(), out));
        for (org.minutewise.formats.audit.EndedEarly e : result.endedEarly()) {
            err.println("minutewise-spark: " + e.message() + " (summary.json: " + AuditJob.ENDED_EARLY + ")");
        }
        for (String note : result.ignoredColumns()) {
            err.println("minutewise-spark: warning: " + note + " (summary.json: " + AuditJob.IGNORED_COLUMNS + ")");
        }
        err.flush();
        if (result.totals().read() == 0) {
            // An empty export (0 bytes, a header alone, blank lines) is no clean audit: exit as the audit's.
            err.println("minutewise-spark: " + String.join(", ", options.inputs())
                    + ": no visits in the input (summary.json counts 0 rows read); check the export");
            err.flush();
            return BAD_INPUT;
        }
        if (result.totals().rejected() > 0) {
            err.println(String.format(Locale.ROOT, "minutewise-spark: %,d of %,d rows could not be read; see %s",
                    result.totals().rejected(), result.totals().read(), out + "/rejected"));
            err.flush();
            return BAD_INPUT;
        }
        if (!result.endedEarly().isEmpty()) {
            return BAD_INPUT; // part of an input could not be read, as the audit's exit says for the same input
        }
        return result.totals().findingsBySeverity().getOrDefault(Severity.BLOCK.wire(), 0L) > 0 ? BLOCKED : OK;
    }
}
