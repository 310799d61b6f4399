package org.minutewise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import org.minutewise.formats.TextReport;
import org.minutewise.formats.VisitJsonReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one visit (or a JSON array of visits): units per code, the explanation, findings.",
        footer = {"", "Reads the visit JSON described in the README from FILE, or from standard input with '-'.",
            "In an array, a bad visit is reported on stderr with its index and the others are still checked."})
final class CheckCommand implements Callable<Integer> {
    /** Refuse inputs larger than this (a visit is a few kilobytes). */
    static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--json", description = "Print JSON instead of a report.")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The visit JSON file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
        ReferenceData ref = common.ref();
        VisitJsonReader reader = new VisitJsonReader(ref);
        JsonNode root = reader.parse(readInput());
        VisitChecker checker = new VisitChecker(ref);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!root.isArray()) {
            CheckResult r = checker.check(reader.read(root));
            print(out, List.of(r), false);
            return r.blocks() ? Main.BLOCKED : Main.OK;
        }
        List<CheckResult> results = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < root.size(); i++) {
            try {
                Visit v = reader.read(root.get(i));
                results.add(checker.check(v));
            } catch (InputException e) {
                bad++;
                err.println("minutewise: " + e.within("[" + i + "]").getMessage());
            }
        }
        print(out, results, true);
        if (bad > 0) {
            return Main.BAD_INPUT;
        }
        return results.stream().anyMatch(CheckResult::blocks) ? Main.BLOCKED : Main.OK;
    }

    private void print(PrintWriter out, List<CheckResult> results, boolean array) throws IOException {
        if (json) {
            if (array) {
                ArrayNode arr = Json.mapper().createArrayNode();
                results.forEach(r -> arr.add(ResultJson.check(r)));
                out.println(Json.mapper().writeValueAsString(arr));
            } else {
                out.println(Json.mapper().writeValueAsString(ResultJson.check(results.get(0))));
            }
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out.println();
                out.println("----");
            }
            out.print(TextReport.check(results.get(i)));
        }
    }

    private String readInput() throws IOException {
        if (file.equals("-")) {
            return readBounded(System.in, "standard input");
        }
        Path p = Path.of(file);
        try (InputStream in = Files.newInputStream(p)) {
            return readBounded(in, file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file, "permission denied");
        } catch (IOException e) {
            // A directory or an unreadable file is bad input (exit 2), not an internal error.
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }

    private static String readBounded(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INPUT_BYTES + 1));
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new InputException(name, "larger than " + (MAX_INPUT_BYTES >> 20) + " MB; split it or use audit");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
