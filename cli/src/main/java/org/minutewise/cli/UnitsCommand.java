package org.minutewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import org.minutewise.formats.TextReport;
import org.minutewise.formats.UnitCount;
import org.minutewise.formats.VisitJsonReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "units", mixinStandardHelpOptions = true,
        description = "Turn minutes per code into billable units, with the explanation.%n"
                + "Example: minutewise units 97112:24 97110:23   (47 timed minutes: 97112 x2, 97110 x1)",
        footer = {"", "Repeated codes add up (97112:10 97112:12 is 22 minutes of 97112). An untimed code may be "
                + "given without minutes (97161). An unknown but well-formed code is kept with 0 units and reported.",
                "What the codes alone can tell is reported too, for the payer and --date: a code the payer does not "
                        + "take (97014 to Medicare), units over the MUE or the payer's daily limit, two evaluations "
                        + "of a discipline, a code not valid on the date, an NCCI pair of the codes (97530 and 97140: "
                        + "59/X only for separate time intervals). The exit status is 1 when one of them "
                        + "blocks. Documentation, modifiers and who treated need a visit: minutewise check."})
final class UnitsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Option(names = "--method", paramLabel = "cms|cpt",
            description = "Unit method: cms (total time, Medicare 8-minute rule) or cpt (per code). "
                    + "Default: the payer's method.")
    String method;

    @Option(names = "--payer", paramLabel = "ID", defaultValue = "medicare",
            description = "Payer profile whose method applies (default: ${DEFAULT-VALUE}).")
    String payer;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Date of service: which codes are valid and which unit limits apply (default: today, UTC).")
    String date;

    @Parameters(arity = "1..*", paramLabel = "CODE[:MINUTES]", description = "A code and its minutes, e.g. 97112:24.")
    List<String> items;

    @Override
    public Integer call() throws JsonProcessingException {
        ReferenceData ref = common.ref();
        PayerProfile profile = ref.payers().find(payer).orElseThrow(() -> new InputException("--payer",
                "unknown payer profile \"" + payer + "\"; known: " + ref.payers().ids()));
        UnitMethod m = profile.method();
        if (method != null) {
            m = UnitMethod.parse(method).orElseThrow(() -> new InputException("--method",
                    "expected cms or cpt, got \"" + method + "\""));
            if (m != profile.method()) {
                spec.commandLine().getErr().println("minutewise: note: payer " + profile.id() + " uses the "
                        + profile.method().label() + "; --method " + method + " overrides it for this count");
            }
        }
        List<CodeMinutes> input = new ArrayList<>();
        for (String item : items) {
            input.add(parse(item, ref));
        }
        // The units, and what the codes alone already tell: a code not in the catalog, a code the payer does not
        // take, unit limits, two evaluations a day (as POST /api/v1/units).
        UnitCount.Counted counted = UnitCount.of(input, input.stream().map(CodeMinutes::code).toList(),
                String.join(" ", items), m, profile, ref, UnitCount.date(Optional.ofNullable(date), "--date",
                        LocalDate.now(Clock.systemUTC())));
        UnitResult r = counted.units();
        List<Finding> findings = counted.findings();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(ResultJson.units(r, findings)));
        } else {
            out.print(TextReport.units(r, findings));
        }
        return findings.stream().anyMatch(Finding::blocks) ? Main.BLOCKED : Main.OK;
    }

    static CodeMinutes parse(String item, ReferenceData ref) {
        int colon = item.indexOf(':');
        String code = (colon < 0 ? item : item.substring(0, colon)).trim().toUpperCase();
        if (!ProcedureCode.isWellFormed(code)) {
            throw new InputException(item, "not a CPT or HCPCS code (expected CODE:MINUTES like 97112:24)");
        }
        CodeInfo info = ref.codes().getOrNull(code);
        if (colon < 0) {
            if (info == null || info.timed()) {
                throw new InputException(item, (info == null ? "give the minutes of unknown code " + code
                        : "timed code " + code + " needs minutes") + ", e.g. " + code + ":15");
            }
            return new CodeMinutes(code, 0);
        }
        String text = item.substring(colon + 1).trim();
        int minutes;
        try {
            minutes = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            if (text.matches("[+-]?\\d+")) {
                // A whole number too large for the count: say the limit, not the form.
                throw new InputException(item, "minutes must be between 0 and " + VisitJsonReader.MAX_MINUTES
                        + ", got " + text);
            }
            throw new InputException(item, "minutes must be a whole number, got \"" + text + "\"");
        }
        if (minutes < 0 || minutes > VisitJsonReader.MAX_MINUTES) {
            throw new InputException(item, "minutes must be between 0 and " + VisitJsonReader.MAX_MINUTES
                    + ", got " + minutes);
        }
        return new CodeMinutes(code, minutes);
    }
}
