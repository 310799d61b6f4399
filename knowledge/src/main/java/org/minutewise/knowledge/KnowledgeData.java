package org.minutewise.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.refdata.RefDataException;

/**
 * The knowledge data file (cards.json): what the reference data does not say about codes, the modifier and
 * rulebook cards, extra search words for findings and diagnoses, and the starter table of NCCI pairs and
 * unit limits (RULES.md §5 as data). See the file's "about" entry for the layout.
 */
record KnowledgeData(String version, Map<String, Entry> codes, List<Entry> modifiers, List<Entry> rules,
                     Map<String, Entry> findings, Map<String, Entry> diagnoses, List<PairEdit> pairs,
                     List<UnitLimit> limits) {

    /**
     * One entry. For a code: summary, companions, documentation, denials, facts, keywords, sources. For a
     * modifier or a rulebook card: id, title, summary, facts, denials, keywords, sources.
     */
    record Entry(String id, String title, String summary, List<String> companions, List<String> documentation,
                 List<String> denials, List<Fact> facts, List<String> keywords, List<String> sources) {
    }

    static KnowledgeData load(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RefDataException(name + ": expected a JSON object");
        }
        String version = root.path("version").asText("unversioned");
        Map<String, Entry> codes = byId(root.path("codes"), name + " codes");
        List<Entry> modifiers = list(root.path("modifiers"), name + " modifiers");
        List<Entry> rules = list(root.path("rules"), name + " rules");
        Map<String, Entry> findings = byId(root.path("findings"), name + " findings");
        Map<String, Entry> diagnoses = byId(root.path("diagnoses"), name + " diagnoses");
        JsonNode edits = root.path("edits");
        String editSource = edits.path("source").asText("");
        List<PairEdit> pairs = new ArrayList<>();
        for (JsonNode p : edits.path("pairs")) {
            pairs.add(new PairEdit(req(p, "column1", name), req(p, "column2", name), p.path("indicator").asText(""),
                    p.path("note").asText(""), p.path("source").asText(editSource)));
        }
        List<UnitLimit> limits = new ArrayList<>();
        for (JsonNode l : edits.path("limits")) {
            if (!l.path("units").canConvertToInt()) {
                throw new RefDataException(name + " edits.limits: units must be a whole number");
            }
            limits.add(new UnitLimit(req(l, "code", name), l.path("units").asInt(), l.path("indicator").asText(""),
                    l.path("note").asText(""), l.path("source").asText(editSource)));
        }
        return new KnowledgeData(version, codes, modifiers, rules, findings, diagnoses, pairs, limits);
    }

    private static Map<String, Entry> byId(JsonNode node, String where) {
        Map<String, Entry> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), entry(e.getKey(), e.getValue(), where + "." + e.getKey()));
        }
        return out;
    }

    private static List<Entry> list(JsonNode node, String where) {
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : node) {
            String id = n.path("id").asText("");
            if (id.isEmpty()) {
                throw new RefDataException(where + "[" + i + "]: id is required");
            }
            out.add(entry(id, n, where + "[" + i + "]"));
            i++;
        }
        return out;
    }

    private static Entry entry(String id, JsonNode n, String where) {
        List<Fact> facts = new ArrayList<>();
        for (JsonNode f : n.path("facts")) {
            String topic = f.path("topic").asText("");
            String text = f.path("text").asText("");
            if (topic.isEmpty() || text.isEmpty()) {
                throw new RefDataException(where + ".facts: each fact needs a topic and a text");
            }
            facts.add(new Fact(topic, text));
        }
        return new Entry(id, n.path("title").asText(""), n.path("summary").asText(""), strings(n.path("companions")),
                strings(n.path("documentation")), strings(n.path("denials")), facts, strings(n.path("keywords")),
                strings(n.path("sources")));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : node) {
            out.add(s.asText());
        }
        return out;
    }

    private static String req(JsonNode n, String field, String name) {
        String v = n.path(field).asText("");
        if (v.isEmpty()) {
            throw new RefDataException(name + " edits: " + field + " is required");
        }
        return v;
    }
}
