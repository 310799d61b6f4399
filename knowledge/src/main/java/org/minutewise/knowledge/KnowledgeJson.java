package org.minutewise.knowledge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON shapes of lookup, search and ask, shared by the CLI and (later) the HTTP API so both say the
 * same thing. Field names are a contract: add fields, never rename.
 */
public final class KnowledgeJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private KnowledgeJson() {
    }

    /**
     * {@code {"answer":"...","cards":[{"kind","id","title","score","citation"}],"known":true,"confidence":0.9}},
     * cards best first.
     */
    public static ObjectNode answer(Answer a) {
        ObjectNode o = F.objectNode();
        o.put("answer", a.answer());
        o.set("cards", scored(a.cards(), false));
        o.put("known", a.known());
        o.put("confidence", a.confidence());
        return o;
    }

    /** {@code {"query":"...","cards":[{"kind","id","title","score","citation","summary"}]}}. */
    public static ObjectNode search(String query, List<ScoredCard> cards) {
        ObjectNode o = F.objectNode();
        o.put("query", query);
        o.set("cards", scored(cards, true));
        return o;
    }

    /** {@code {"found":true,"query":"97112","card":{...}}}. */
    public static ObjectNode found(String query, Card c) {
        ObjectNode o = F.objectNode();
        o.put("found", true);
        o.put("query", query);
        o.set("card", card(c));
        return o;
    }

    /** {@code {"found":false,"query":"97999","suggestions":[...]}}. */
    public static ObjectNode notFound(String query, List<ScoredCard> suggestions) {
        ObjectNode o = F.objectNode();
        o.put("found", false);
        o.put("query", query);
        o.set("suggestions", scored(suggestions, false));
        return o;
    }

    /** A whole card: kind, id, title, summary, facts [{topic, text}], citation, sources. */
    public static ObjectNode card(Card c) {
        ObjectNode o = F.objectNode();
        o.put("kind", c.kind().wire());
        o.put("id", c.id());
        o.put("title", c.title());
        o.put("summary", c.summary());
        ArrayNode facts = o.putArray("facts");
        for (Fact f : c.facts()) {
            facts.addObject().put("topic", f.topic()).put("text", f.text());
        }
        o.put("citation", c.citation());
        ArrayNode sources = o.putArray("sources");
        for (String s : c.sources()) {
            sources.add(s);
        }
        return o;
    }

    private static ArrayNode scored(List<ScoredCard> cards, boolean withSummary) {
        ArrayNode a = F.arrayNode();
        for (ScoredCard s : cards) {
            ObjectNode o = a.addObject();
            o.put("kind", s.card().kind().wire());
            o.put("id", s.card().id());
            o.put("title", s.card().title());
            o.put("score", Math.round(s.score() * 1000.0) / 1000.0);
            o.put("citation", s.card().citation());
            if (withSummary) {
                o.put("summary", s.card().summary());
            }
        }
        return a;
    }
}
