package org.minutewise.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.formats.VisitOutput;
import org.minutewise.formats.csv.CsvVisitWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert visits between formats: json, jsonl, csv, fhir (a Bundle of the visit's own resources) "
                + "and x12 (an 837 claim: the visits are checked to build it; a secondaryPayer travels in the "
                + "other-payer loops 2320/2330A/2330B with its secondaryPayerName, secondaryPayerId and "
                + "secondaryMemberId, and is read back from them).",
        footer = {"", "Bad visits are reported on stderr with their location and the rest are converted (exit 2). With "
                + "--out x12, as check --out x12: a claim that a finding blocks is written and named on stderr with "
                + "the blocking finding ids (exit 1); the --x12-* options set its envelope and submitter as check's "
                + "do. What reading the input did not keep is said on stderr (minutewise: visit ID: not carried: ...), "
                + "as check says it."})
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--in", paramLabel = "json|jsonl|csv|fhir|x12", description = "Input format (default: guessed).")
    String in;

    @Option(names = "--out", paramLabel = "json|jsonl|csv|fhir|x12", required = true, description = "Output format.")
    String out;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Mixin
    X12Options x12;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The clinic's time zone (America/New_York, -05:00). FHIR output: visits hold local clock "
                    + "times, FHIR wants them with their offset (default: this machine's zone). FHIR input: times "
                    + "written with an offset are read as the clinic's clock times (default: as written).")
    String zone;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The input file, or - for standard input.")
    String file;

    private java.time.ZoneId zone() {
        return InputFiles.zone(zone).orElse(java.time.ZoneId.systemDefault());
    }

    @Override
    public Integer call() throws IOException {
        InputFiles.notTheInput(output, file);
        ReferenceData ref = common.ref();
        String text = InputFiles.read(file);
        VisitFormat inFormat = InputFiles.format(in, file, text);
        VisitFormat outFormat = VisitFormat.parse(out).orElseThrow(() -> new InputException("--out",
                "expected json, jsonl, csv, fhir or x12, got \"" + out + "\""));
        PrintWriter err = spec.commandLine().getErr();
        org.minutewise.formats.x12.X12Envelope envelope = null;
        LocalDateTime created = null;
        if (outFormat == VisitFormat.X12) {
            // The flags first, then the input: a bad flag is named before a visit is read (as check does).
            envelope = x12.envelope(err);
            created = x12.created();
            X12Output.refuseCsv(inFormat);
        }
        List<Visit> visits = new ArrayList<>();
        int bad = 0;
        // An 837 written with a claim that a finding blocks (exit 1, as check --out x12).
        boolean blocked = false;
        List<VisitInput.Result> read = VisitInput.read(text, inFormat, ref, InputFiles.zone(zone));
        VisitInput.ignoredColumns(text, inFormat, ref).ifPresent(n -> spec.commandLine().getErr()
                .println("minutewise: warning: " + n));
        // Each visit's place in the input (an 837 that cannot carry it names it there).
        List<String> at = outFormat == VisitFormat.X12 ? X12Output.positions(read, inFormat, text) : List.of();
        List<String> visitsAt = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            VisitInput.Result r = read.get(i);
            X12Output.notes(r, err);
            if (r.error().isPresent()) {
                bad++;
                err.println("minutewise: " + r.error().get().getMessage());
            } else {
                visits.add(r.visit().get());
                if (!at.isEmpty()) {
                    visitsAt.add(at.get(i));
                }
            }
        }
        String rendered = switch (outFormat) {
            case JSON -> {
                if (visits.size() == 1 && bad == 0) {
                    yield Json.mapper().writeValueAsString(VisitJsonWriter.write(visits.get(0))) + "\n";
                }
                ArrayNode arr = Json.mapper().createArrayNode();
                visits.forEach(v -> arr.add(VisitJsonWriter.write(v)));
                yield Json.mapper().writeValueAsString(arr) + "\n";
            }
            case JSONL -> {
                StringBuilder sb = new StringBuilder();
                for (Visit v : visits) {
                    sb.append(Json.mapper().writeValueAsString(VisitJsonWriter.write(v))).append('\n');
                }
                yield sb.toString();
            }
            case CSV -> {
                String rows = CsvVisitWriter.write(visits);
                // FHIR is named as a way to keep them only when it keeps every one (it has no home for some).
                boolean fhirKeepsThem = true;
                for (Visit v : visits) {
                    java.util.Set<String> dropped = CsvVisitWriter.notCarried(v);
                    if (fhirKeepsThem && !dropped.isEmpty()) {
                        fhirKeepsThem = java.util.Collections.disjoint(dropped, fhirNotCarried(v, ref));
                    }
                }
                boolean fhirToo = fhirKeepsThem;
                CsvVisitWriter.notCarriedNote(visits).ifPresent(n -> spec.commandLine().getErr().println(
                        "minutewise: note: " + n + " (convert to json" + (fhirToo ? " or fhir" : "")
                                + " to keep them)"));
                yield rows;
            }
            case FHIR -> {
                java.util.Set<String> left = new java.util.LinkedHashSet<>();
                visits.forEach(v -> fhirNotCarried(v, ref).forEach(f -> left.add(f.startsWith("services[") && visits.size() > 1 ? v.id() + " " + f : f)));
                if (!left.isEmpty()) {
                    spec.commandLine().getErr().println("minutewise: note: the FHIR mapping has no home for "
                            + String.join(", ", left) + "; they are not in the output (convert to json to keep "
                            + "them)");
                }
                yield VisitOutput.fhirVisits(visits, zone());
            }
            case X12 -> {
                // Checked as `check` does (today's date included, MW-P005), and written as `check --out x12` writes:
                // a claim a finding blocks is written, said on stderr with the blocking ids, and the exit is 1 (as
                // check's); a visit the 837 cannot carry is said with its place in the input, the others written.
                VisitChecker checker = new VisitChecker(ref).asOf(java.time.LocalDate.now());
                List<org.minutewise.core.check.CheckResult> checked = visits.stream().map(checker::check).toList();
                X12Output.Written w = X12Output.write(checked, visitsAt, ref, envelope, created, err);
                bad += w.refused();
                blocked = w.blocked() > 0;
                yield w.text();
            }
        };
        if (!(outFormat == VisitFormat.X12 && rendered.isEmpty())) {
            // An 837 of no claim is not written (each visit left out was said above).
            InputFiles.write(rendered, output, spec.commandLine().getOut());
        }
        return bad > 0 ? Main.BAD_INPUT : blocked ? Main.BLOCKED : Main.OK;
    }

    /** What the FHIR mapping leaves behind of a visit (the code catalog says which codes are timed or unlisted). */
    private static java.util.Set<String> fhirNotCarried(Visit v, ReferenceData ref) {
        return org.minutewise.formats.fhir.FhirVisitWriter.notCarried(v, code -> {
            org.minutewise.core.codes.CodeInfo info = ref.codes().getOrNull(code);
            return info != null && info.timed();
        }, code -> {
            org.minutewise.core.codes.CodeInfo info = ref.codes().getOrNull(code);
            return info != null && info.unlisted();
        });
    }
}
