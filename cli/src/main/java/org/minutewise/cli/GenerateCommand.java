package org.minutewise.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minutewise.batch.generate.Generator;
import org.minutewise.batch.generate.InjectedError;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write realistic synthetic visits (deterministic for a seed), with rule-level errors injected "
                + "at a given rate and labeled in FILE.labels.csv (visitId,kind,ruleId).",
        footer = {"", "FILE ending in .jsonl gets JSON Lines, anything else the documented CSV layout; .gz compresses.",
            "A summary JSON is printed on stdout."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--visits", paramLabel = "N", required = true, description = "Number of visits.")
    long visits;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The file to write (a symbolic link: the file it points to), and FILE.labels.csv beside it.")
    Path out;

    @Option(names = "--error-rate", paramLabel = "R", defaultValue = "0",
            description = "Share of the visits written (duplicate claims' copies included) that carry one "
                    + "injected error, 0 to 1: 1 labels every visit; below 1, the share within the draws' chance "
                    + "(default: ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--year", paramLabel = "YEAR", defaultValue = "2026",
            description = "Calendar year of the dates of service (default: ${DEFAULT-VALUE}).")
    int year;

    @Override
    public Integer call() throws IOException {
        if (out.toString().equals("-")) {
            throw new org.minutewise.formats.InputException("--out", "generate writes a file and its labels beside "
                    + "it, so not standard output (-); name a file, e.g. --out visits.csv");
        }
        // Said of the file the user named, not of the temporary file it is first written to.
        java.util.Optional<String> problem = Generator.unwritable(out);
        if (problem.isPresent()) {
            throw new org.minutewise.formats.InputException("--out", problem.get());
        }
        ReferenceData ref = common.ref();
        if (ref.fees().kxThreshold(java.time.LocalDate.of(Math.max(1, Math.min(9999, year)), 7, 1)).isEmpty()) {
            // Without the year's KX threshold every Medicare visit draws MW-K005: the visits would not be clean.
            throw new org.minutewise.formats.InputException("--year", "no yearly Medicare figures (KX thresholds) for "
                    + year + " in the reference data, so the visits could not be clean; pick a year the figures "
                    + "have (minutewise lookup yearly-figures lists them)");
        }
        Generator.Stats s;
        try {
            s = Generator.write(new Generator.Options(visits, seed, errorRate, year), ref, out);
        } catch (IOException e) {
            throw new WriteFailure("cannot write " + out + " or its labels (--out): " + Main.reason(e)
                    + "; a file not yet whole replaced nothing: give another --out, or make room and run again");
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("file", out.toString());
        o.put("labels", Generator.labelsFile(out).toString());
        o.put("visits", s.visits());
        o.put("rows", s.rows());
        o.put("injected", s.injectedTotal());
        ObjectNode kinds = o.putObject("injectedByKind");
        for (InjectedError e : InjectedError.values()) {
            kinds.put(e.wire(), s.injected().getOrDefault(e, 0L));
        }
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(o));
        return Main.OK;
    }
}
