package org.minutewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.knowledge.KnowledgeBase;
import org.minutewise.knowledge.KnowledgeJson;
import org.minutewise.knowledge.ScoredCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the knowledge base: words therapists use (\"neuro re-ed\", \"ther ex\", \"PTA\"), "
                + "codes and code prefixes (9716), typos tolerated. Best first.",
        footer = {"", "Exit status: 0 (also when nothing matches); 2 bad usage."})
final class SearchCommand implements Callable<Integer> {
    static final int MAX_LIMIT = KnowledgeBase.MAX_SEARCH;

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeFiles files;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N cards (1-" + MAX_LIMIT + ", default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to look for.")
    List<String> words;

    @Override
    public Integer call() throws JsonProcessingException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InputException("--limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new InputException("TEXT", "give something to search for, e.g. minutewise search neuro re-ed");
        }
        List<ScoredCard> cards = files.knowledgeBase().search(text, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(KnowledgeJson.search(text, cards)));
            return Main.OK;
        }
        if (cards.isEmpty()) {
            out.println("No card matches \"" + text + "\".");
            return Main.OK;
        }
        int i = 1;
        for (ScoredCard s : cards) {
            out.printf("%2d. %-16s %-9s %s%n", i++, s.card().id(), s.card().kind().wire(), s.card().title());
        }
        return Main.OK;
    }
}
