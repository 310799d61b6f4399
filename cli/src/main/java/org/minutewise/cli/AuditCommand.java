package org.minutewise.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.minutewise.batch.Audit;
import org.minutewise.batch.ParseOnly;
import org.minutewise.batch.Progress;
import org.minutewise.batch.WriteFailed;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.Severity;
import org.minutewise.formats.Json;
import org.minutewise.refdata.RefFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Audit a year of visits: every visit checked, the checks across visits (therapist overlaps, "
                + "progress reports, KX crossing, low minutes per unit, copied notes, duplicate claims), and a "
                + "report. Streams with bounded memory whatever the input size; uses all cores.",
        footer = {"", "INPUT: the CSV layout, JSON Lines of visits, visit JSON, FHIR R4 Bundles or X12 837P/837I; .gz "
                + "accepted; any order.",
            "Outputs in DIR: findings.csv, claims.csv, rejected.csv, summary.json, report.html (and run.json: "
                + "timing). The summary JSON is also printed on stdout.",
            "Killed part-way, run the same command with --resume: the outputs are those of an uninterrupted run.",
            "Exit: 0 nothing blocks; 1 a finding blocks; 2 bad usage, rows rejected (see rejected.csv; claims "
                + "a later claim replaced or voided are set aside there too, but are not bad input) or an output "
                + "that cannot be written (a full disk); 3 internal error."})
final class AuditCommand implements Callable<Integer> {
    /** A test hook: halt (status 137) after this many units of work, as a kill would. */
    static final String CRASH_AFTER = "MINUTEWISE_TEST_CRASH_AFTER";

    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Input files.")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "DIR", description = "The output directory (created if missing).")
    Path out;

    @Option(names = "--payer", paramLabel = "ID",
            description = "Check every visit under this payer profile instead of the one it names.")
    String payer;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The clinic's time zone (America/New_York, -05:00): FHIR input times written with an "
                    + "offset (an EMR's UTC, say) are read as the clinic's clock times and dates (default: as "
                    + "written; other formats hold clock times already).")
    String zone;

    @Option(names = "--resume", description = "Go on with an interrupted audit in DIR.")
    boolean resume;

    @Option(names = "--parse-only",
            description = "Only read and validate the rows (no checks, no outputs): the bare parse rate.")
    boolean parseOnly;

    @Option(names = "--partitions", paramLabel = "N", hidden = true,
            description = "Number of partitions (default: sized from the input).")
    int partitions;

    @Override
    public Integer call() throws IOException {
        ReferenceData ref = common.ref();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (parseOnly) {
            ParseOnly.Result r = ParseOnly.run(inputs, ref);
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("read", r.read());
            o.put("valid", r.valid());
            o.put("rejected", r.rejected());
            o.put("bytes", r.bytes());
            o.put("seconds", r.elapsed().toMillis() / 1000.0);
            o.put("rowsPerSecond", Math.round(r.rowsPerSecond()));
            if (!r.endedEarly().isEmpty()) {
                com.fasterxml.jackson.databind.node.ArrayNode early = o.putArray("inputsEndedEarly");
                for (ParseOnly.Early e : r.endedEarly()) {
                    early.addObject().put("file", e.file()).put("afterRows", e.afterRows())
                            .put("effect", "the rest of it was not parsed: the counts are partial");
                }
            }
            stdout.println(Json.mapper().writeValueAsString(o));
            for (ParseOnly.Early e : r.endedEarly()) {
                err.println("minutewise: " + e.message());
            }
            return r.rejected() > 0 ? Main.BAD_INPUT : Main.OK;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        OptionalLong crashAfter = OptionalLong.empty();
        String hook = System.getenv(CRASH_AFTER);
        if (hook != null && !hook.isBlank()) {
            crashAfter = OptionalLong.of(Long.parseLong(hook.trim()));
        }
        Audit.Options options = new Audit.Options(inputs, out, Optional.ofNullable(payer), threads, resume,
                partitions, crashAfter, reference(), InputFiles.zone(zone));
        Audit.Result result;
        try (Progress progress = new Progress(err, showProgress())) {
            result = Audit.run(options, ref, progress);
        } catch (WriteFailed e) {
            // A full disk, a directory in the way: the caller's to fix (exit 2, one line), as --output's failures.
            throw new WriteFailure("cannot write " + e.getFile() + " (--out): " + e.getReason() + "; make room or "
                    + "move it, then run the same command with --resume to go on where it stopped");
        }
        if (result.nothingToResume()) {
            err.println("minutewise: note: --resume: " + out + " held no audit to resume; the audit was run from the "
                    + "start");
        }
        stdout.println(Json.mapper().writeValueAsString(result.summaryJson(options.payer())));
        for (org.minutewise.formats.audit.EndedEarly e : result.endedEarly()) {
            err.println("minutewise: " + e.message() + " (summary.json: " + Audit.ENDED_EARLY + ")");
        }
        for (String note : result.ignoredColumns()) {
            err.println("minutewise: warning: " + note + " (summary.json: " + Audit.IGNORED_COLUMNS + ")");
        }
        if (result.totals().replacedOrVoided() > 0) {
            long n = result.totals().replacedOrVoided();
            err.println(String.format(Locale.ROOT, n == 1 ? "minutewise: 1 row of a claim replaced or voided by a "
                    + "later claim (or of a void) is set aside; see %2$s" : "minutewise: %,d rows of claims replaced "
                    + "or voided by a later claim (or of voids) are set aside; see %s", n, out.resolve("rejected.csv")));
        }
        if (result.totals().read() == 0) {
            // An empty export (0 bytes, a header alone, blank lines, []) is no clean audit: as check says it.
            err.println("minutewise: " + String.join(", ", inputs.stream().map(String::valueOf).toList())
                    + ": no visits in the input (summary.json counts 0 rows read); check the export");
            return Main.BAD_INPUT;
        }
        if (result.totals().unreadable() > 0) {
            err.println(String.format(Locale.ROOT, "minutewise: %,d of %,d rows are rejected (unreadable, or of a "
                    + "visit that conflicts or comes twice); see %s",
                    result.totals().unreadable(), result.totals().read(), out.resolve("rejected.csv")));
            long blocks = result.totals().findingsBySeverity().getOrDefault(Severity.BLOCK.wire(), 0L);
            if (blocks > 0) {
                // Exit 2 (rows rejected) takes the place of 1: say that findings block too, so it is not missed.
                err.println(String.format(Locale.ROOT, "minutewise: and %,d %s of the rows checked %s; see %s",
                        blocks, blocks == 1 ? "finding" : "findings", blocks == 1 ? "blocks" : "block",
                        out.resolve("findings.csv")));
            }
            return Main.BAD_INPUT;
        }
        return result.totals().findingsBySeverity().getOrDefault(Severity.BLOCK.wire(), 0L) > 0 ? Main.BLOCKED
                : Main.OK;
    }

    /** The reference data files given, with their size and modification time (a resumed run must use the same). */
    private String reference() throws IOException {
        StringBuilder sb = new StringBuilder();
        RefFiles given = common.files();
        String[] files = {given.payerProfile(), given.ncci(), given.mue(), given.rvu(), given.gpci(),
            given.feeSchedule()};
        String[] names = {"payer-profile", "ncci", "mue", "rvu", "gpci", "fee-schedule"};
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                Path f = Path.of(files[i]);
                sb.append(names[i]).append('=').append(f).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis()).append(';');
            }
        }
        if (given.rvu() != null) {
            sb.append("rvu-year=").append(given.rvuYear()).append(';');
        }
        return sb.toString();
    }

    /**
     * The progress line is drawn when standard error is a terminal (MINUTEWISE_PROGRESS=1 forces it, =0 turns it
     * off).
     */
    static boolean showProgress() {
        String force = System.getenv("MINUTEWISE_PROGRESS");
        if (force != null && !force.isBlank()) {
            return !force.trim().equals("0");
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
