package org.minutewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.knowledge.Answer;
import org.minutewise.knowledge.KnowledgeJson;
import org.minutewise.knowledge.ScoredCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask a coding question in plain words: a short answer from the best cards, with its source. "
                + "When nothing answers well enough it says it does not know. No network, no model: retrieval "
                + "over the project's own rulebook and data.",
        footer = {"", "JSON: {\"answer\":\"...\",\"cards\":[{\"kind\":\"code|modifier|rule|diagnosis\",\"id\":\"97150\","
                + "\"title\":\"...\",\"score\":0.0,\"citation\":\"...\"}],\"known\":true,\"confidence\":1.0}, cards best "
                + "first (none when known is false).", "Exit status: 0 answered (also \"I don't know\"); 2 bad usage."})
final class AskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeFiles files;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question, e.g. \"can I bill 97112 for a group?\"")
    List<String> words;

    @Override
    public Integer call() throws JsonProcessingException {
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new InputException("QUESTION", "ask a question, e.g. minutewise ask \"does a PTA unit need CQ?\"");
        }
        Answer a = files.knowledgeBase().ask(question);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(KnowledgeJson.answer(a)));
            return Main.OK;
        }
        out.println(a.answer());
        if (!a.cards().isEmpty()) {
            out.println();
            out.println("Cards (best first):");
            for (ScoredCard s : a.cards()) {
                out.printf("  %-16s %-9s %s%n", s.card().id(), s.card().kind().wire(), s.card().title());
            }
        }
        return Main.OK;
    }
}
