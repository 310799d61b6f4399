package org.minutewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.knowledge.Card;
import org.minutewise.knowledge.Fact;
import org.minutewise.knowledge.KnowledgeBase;
import org.minutewise.knowledge.KnowledgeJson;
import org.minutewise.knowledge.ScoredCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "Print the card of a code (97112, G0283), a modifier (GP, 59), a finding (MW-U003), an "
                + "ICD-10-CM category (I69; I69.351 shows the category that holds it, I69.35) or a rulebook topic "
                + "(cms-total-time).",
        footer = {"", "Exit status: 0 found; 1 well formed but not in the knowledge base (the nearest cards are "
                + "suggested); 2 not a well-formed id."})
final class LookupCommand implements Callable<Integer> {
    /** A well-formed id that no card has (like grep finding nothing). */
    static final int NOT_FOUND = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    KnowledgeFiles files;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "ID", description = "The card id: 97112, GP, MW-U003, I69, cms-total-time.")
    String id;

    /** The first three or four characters of a code (9711, G028): the API's lookup answers these with suggestions. */
    private static final java.util.regex.Pattern CODE_PREFIX = java.util.regex.Pattern.compile(
            "[0-9A-Z]\\d{2,3}");
    /** Words with dashes, a number among them (8-minute-rule): shaped like a rulebook topic's id. */
    private static final java.util.regex.Pattern TOPIC_LIKE = java.util.regex.Pattern.compile(
            "[a-z0-9]+(-[a-z0-9]+)+");

    /**
     * Whether the text is shaped like a card id: a whole id (KnowledgeBase.isWellFormedId), the start of a code, or
     * a topic-like id. Such an id that no card has is "not found" (exit 1, with the nearest cards), as the API's
     * 404 is; anything else (words with spaces, punctuation) is not an id (exit 2).
     */
    static boolean isId(String text) {
        return KnowledgeBase.isWellFormedId(text)
                || CODE_PREFIX.matcher(text.toUpperCase(java.util.Locale.ROOT)).matches()
                || TOPIC_LIKE.matcher(text.toLowerCase(java.util.Locale.ROOT)).matches();
    }

    @Override
    public Integer call() throws JsonProcessingException {
        String query = id.strip();
        KnowledgeBase kb = files.knowledgeBase();
        Optional<Card> card = kb.lookup(query);
        // A one-word rulebook topic (mue, chiropractor) is a card id too, though not shaped like one.
        if (card.isEmpty() && !isId(query)) {
            throw new InputException("ID", "\"" + id + "\" is not a code (97112, G0283), modifier (GP, 59), finding "
                    + "(MW-U003), ICD-10-CM code (I69.351) or rulebook topic (cms-total-time); try: minutewise search "
                    + "WORDS");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (card.isEmpty()) {
            List<ScoredCard> near = kb.suggestions(query, 3);
            if (json) {
                out.println(Json.mapper().writeValueAsString(KnowledgeJson.notFound(query, near)));
            } else {
                out.println(query + ": not in the Minutewise knowledge base (version " + kb.version() + ").");
                if (!near.isEmpty()) {
                    out.println("Nearest:");
                    for (ScoredCard s : near) {
                        out.printf("  %-16s %s%n", s.card().id(), s.card().title());
                    }
                }
            }
            return NOT_FOUND;
        }
        Card c = card.get();
        if (json) {
            out.println(Json.mapper().writeValueAsString(KnowledgeJson.found(query, c)));
        } else {
            print(out, query, c);
        }
        return Main.OK;
    }

    /** The code with X placeholders to six characters and D (subsequent encounter) as its 7th. */
    private static String seventh(String query) {
        StringBuilder k = new StringBuilder(query.strip().toUpperCase(java.util.Locale.ROOT));
        if (k.indexOf(".") < 0 && k.length() > 3) {
            k.insert(3, '.');
        }
        if (k.indexOf(".") < 0) {
            k.append('.');
        }
        while (k.length() < 7) {
            k.append('X');
        }
        return k.append('D').toString();
    }

    static void print(PrintWriter out, String query, Card c) {
        if (!c.id().equalsIgnoreCase(query)) {
            out.println(org.minutewise.knowledge.KnowledgeBase.categoryNote(query, c)
                    .orElse(query.toUpperCase() + " is in " + c.id() + ":"));
        }
        if (c.kind() == org.minutewise.knowledge.Kind.DIAGNOSIS
                && org.minutewise.core.codes.DiagnosisCategory.needsSeventhCharacter(query)) {
            out.println(query.toUpperCase() + " is not billable as written: an injury or fracture code needs its 7th "
                    + "character (A initial, D subsequent, S sequela), e.g. " + seventh(query) + ".");
        }
        out.println(c.id() + "  (" + c.kind().wire() + ")  " + c.title());
        out.println();
        out.println(c.summary());
        // Each topic once, in the order it first comes, with all its facts (the catalog's and the data file's).
        java.util.Map<String, java.util.List<String>> byTopic = new java.util.LinkedHashMap<>();
        for (Fact f : c.facts()) {
            byTopic.computeIfAbsent(f.topic(), t -> new java.util.ArrayList<>()).add(f.text());
        }
        byTopic.forEach((topic, texts) -> {
            out.println();
            out.println(topic);
            texts.forEach(t -> out.println("  - " + t));
        });
        out.println();
        out.println("Sources: " + c.citation());
    }
}
