package org.minutewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.formats.FindingsDoc;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every finding the engine can report: id, severity, title, fix, source, the dates of "
                + "service it applies to and its version.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (not with --markdown).")
    boolean json;

    @Option(names = "--markdown", description = "Print docs/FINDINGS.md (Markdown).")
    boolean markdown;

    @Override
    public Integer call() throws JsonProcessingException {
        if (json && markdown) {
            // Two formats asked for: printing one silently would hand a script the one it did not expect.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--json and --markdown cannot be used together; give one of them");
        }
        PrintWriter out = spec.commandLine().getOut();
        var catalog = RuleBook.standard().catalog();
        if (markdown) {
            out.print(FindingsDoc.markdown(catalog));
            return Main.OK;
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(ResultJson.rules(catalog)));
            return Main.OK;
        }
        for (RuleInfo r : catalog) {
            out.printf("%s  %-5s  %s%n         Fix: %s%n         Source: %s%n", r.id(), r.severity().wire(), r.title(),
                    r.fix(), r.citationWithDates());
            if (r.version() > 1) {
                out.printf("         Version %d: %s%n", r.version(), r.changes());
            }
        }
        return Main.OK;
    }
}
