package org.minutewise.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import org.minutewise.formats.TextReport;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitOutput;
import org.minutewise.formats.x12.X12Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check visits: units per code, claim lines with modifiers, the estimate, the explanation and "
                + "the findings.",
        footer = {"", "FILE is a visit JSON (one visit or an array), JSON Lines, the CSV layout, a FHIR R4 Bundle or an "
                + "X12 837P or 837I; '-' reads standard input; .gz is accepted. Without --in the format is guessed from the "
                + "name and the content.",
            "In a file of many visits, a bad visit is reported on stderr with its location and the others are "
                + "still checked (exit 2 at the end). A claim is still written when a finding blocks (exit 1).",
            "Exit: 0 nothing blocks; 1 a finding blocks; 2 bad input or usage, or an output that cannot be "
                + "written; 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--json", description = "Print JSON (same as --out json).")
    boolean json;

    @Option(names = "--in", paramLabel = "json|jsonl|csv|fhir|x12", description = "Input format (default: guessed).")
    String in;

    @Option(names = "--out", paramLabel = "text|json|csv|fhir|x12",
            description = "Output: text (default), json, csv (the input layout with the claim as billed columns), "
                    + "fhir (a Bundle with the Claim and an OperationOutcome), x12 (837P, or 837I for institutional "
                    + "settings).")
    String out;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path output;

    @Mixin
    X12Options x12;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The clinic's time zone (America/New_York, -05:00): FHIR input times written with an "
                    + "offset (an EMR's UTC, say) are read as the clinic's clock times and dates (default: as "
                    + "written).")
    String zone;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The input file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
        InputFiles.notTheInput(output, file);
        // --json is a short --out json: with another --out, which the caller meant is not known.
        if (json && out != null && !out.equalsIgnoreCase("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--json is --out json: it cannot "
                    + "go with --out " + out);
        }
        ReferenceData ref = common.ref();
        String text = InputFiles.read(file);
        VisitFormat inFormat = InputFiles.format(in, file, text);
        String outFormat = json ? "json" : out == null ? "text" : out.toLowerCase();
        if (!List.of("text", "json", "csv", "fhir", "x12").contains(outFormat)) {
            throw new InputException("--out", "expected text, json, csv, fhir or x12, got \"" + out + "\"");
        }
        X12Envelope envelope = null;
        LocalDateTime created = null;
        if (outFormat.equals("x12")) {
            // The flags first, then the input: a bad flag is named before a visit is read.
            envelope = x12.envelope(spec.commandLine().getErr());
            created = x12.created();
            X12Output.refuseCsv(inFormat);
        }
        List<VisitInput.Result> read = VisitInput.read(text, inFormat, ref, InputFiles.zone(zone));
        VisitInput.ignoredColumns(text, inFormat, ref).ifPresent(n -> spec.commandLine().getErr()
                .println("minutewise: warning: " + n));
        if (read.isEmpty()) {
            // A CSV of a header alone, an empty JSON Lines file: nothing to check is not a clean check.
            throw new InputException(file, "no visits in the input");
        }
        // At the point of care: a date of service after today (the machine's) is said (MW-P005).
        VisitChecker checker = new VisitChecker(ref).asOf(java.time.LocalDate.now());
        PrintWriter err = spec.commandLine().getErr();
        List<CheckResult> results = new ArrayList<>();
        // Each checked visit's place in the input (an 837 that cannot carry it names it there).
        List<String> at = outFormat.equals("x12") ? X12Output.positions(read, inFormat, text) : List.of();
        List<String> resultsAt = new ArrayList<>();
        // For a FHIR answer: each visit with its place in a FHIR input, and those that could not be read.
        List<org.minutewise.formats.fhir.FhirClaimWriter.Entry> fhirEntries = new ArrayList<>();
        int bad = 0;
        for (VisitInput.Result r : read) {
            X12Output.notes(r, err);
            if (r.error().isPresent()) {
                bad++;
                err.println("minutewise: " + r.error().get().getMessage());
                fhirEntries.add(org.minutewise.formats.fhir.FhirClaimWriter.Entry.rejected(r.error().get()));
            } else {
                CheckResult c = checker.check(r.visit().get());
                results.add(c);
                if (!at.isEmpty()) {
                    resultsAt.add(at.get(results.size() - 1 + bad));
                }
                fhirEntries.add(org.minutewise.formats.fhir.FhirClaimWriter.Entry.checked(c, r.source()));
            }
        }
        // One visit prints as one object; a JSON array or JSON Lines, or several visits, as an array.
        boolean single = read.size() == 1 && inFormat != VisitFormat.JSONL
                && !(inFormat == VisitFormat.JSON && text.stripLeading().startsWith("["));
        // A FHIR client is answered in FHIR even then: an OperationOutcome whose invalid issue names the place.
        if (single && bad == 1 && !outFormat.equals("fhir")) {
            return Main.BAD_INPUT;
        }
        String rendered = switch (outFormat) {
            case "json" -> renderJson(results, single);
            case "csv" -> {
                // The visit's fields the layout cannot hold are said, as convert says them (they were checked).
                List<org.minutewise.core.model.Visit> visits = new ArrayList<>(results.size());
                results.forEach(r -> visits.add(VisitOutput.withClaimAsBilled(r))); // the visits as written
                org.minutewise.formats.csv.CsvVisitWriter.notCarriedNote(visits).ifPresent(n -> err.println(
                        "minutewise: note: " + n + " (the check read them)"));
                // A billed modifier a line has no room for, a corrected line's charge kept as billed.
                VisitOutput.csvNotes(results).forEach(n -> err.println("minutewise: note: " + n));
                yield VisitOutput.csv(results);
            }
            case "fhir" -> {
                // A billed line without a charge, written at the clinic's fee (as the 837 of the check writes it).
                org.minutewise.formats.LineCharges.sentNotes(results).forEach(n -> err.println("minutewise: note: "
                        + n));
                yield org.minutewise.formats.fhir.FhirClaimWriter.writeAll(fhirEntries) + "\n";
            }
            case "x12" -> {
                X12Output.Written w = X12Output.write(results, resultsAt, ref, envelope, created, err);
                bad += w.refused();
                yield w.text();
            }
            default -> renderText(results, ref.diagnoses().codeSet());
        };
        if (!(outFormat.equals("x12") && rendered.isEmpty())) {
            // An 837 of no claim is not written (each visit left out was said above).
            InputFiles.write(rendered, output, spec.commandLine().getOut());
        }
        if (bad > 0) {
            return Main.BAD_INPUT;
        }
        return results.stream().anyMatch(CheckResult::blocks) ? Main.BLOCKED : Main.OK;
    }

    private static String renderJson(List<CheckResult> results, boolean single) throws IOException {
        if (single && results.size() == 1) {
            return Json.mapper().writeValueAsString(ResultJson.check(results.get(0))) + "\n";
        }
        ArrayNode arr = Json.mapper().createArrayNode();
        results.forEach(r -> arr.add(ResultJson.check(r)));
        return Json.mapper().writeValueAsString(arr) + "\n";
    }

    private static String renderText(List<CheckResult> results,
                                     java.util.Optional<org.minutewise.core.codes.Icd10CodeSet> codeSet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                sb.append("\n----\n");
            }
            sb.append(TextReport.check(results.get(i)));
            sb.append(diagnosesLine(results.get(i).visit(), codeSet));
        }
        return sb.toString();
    }

    /**
     * What was done with the diagnoses, so "nothing blocks" is not read as "the codes exist": looked up in the code
     * set of --icd10-file, or judged by shape and category only.
     */
    static String diagnosesLine(org.minutewise.core.model.Visit visit,
                                java.util.Optional<org.minutewise.core.codes.Icd10CodeSet> codeSet) {
        List<String> diagnoses = visit.diagnoses();
        if (diagnoses.isEmpty()) {
            return "";
        }
        return "Diagnoses " + String.join(", ", diagnoses) + codeSet.map(s -> ": looked up in the ICD-10-CM code "
                + "set (" + s.version() + ")" + (s.otherYearThan(visit.dateOfService()) ? ", another fiscal year's "
                + "than the date of service's (FY" + org.minutewise.core.codes.Icd10CodeSet.fiscalYearOf(
                visit.dateOfService()) + "): a code it lacks is a warning only" : "") + ".\n").orElse(": checked by their shape and ICD-10-CM category only, not "
                + "looked up in the code set; --icd10-file FILE (the CMS icd10cm_order_YYYY.txt) looks them up.\n");
    }
}
