package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the knowledge base.
 *
 * @param kind     code, modifier, rule or diagnosis
 * @param id       the bare id: 97112, G0283, GP, 59, MW-U003, cms-total-time, I69
 * @param title    a short title (our own short label for a code)
 * @param summary  one or two sentences: what it is and the point a biller most needs
 * @param facts    the rest, by topic, in reading order
 * @param keywords extra search words (what therapists and billers actually type); not shown
 * @param sources  where each statement comes from (RULES.md sections and the public sources they cite)
 */
public record Card(Kind kind, String id, String title, String summary, List<Fact> facts, List<String> keywords,
                   List<String> sources) {

    public Card {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        facts = List.copyOf(facts);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
        if (id.isBlank()) {
            throw new IllegalArgumentException("card id is blank");
        }
    }

    /** The sources in one line, for an answer: "CMS Pub 100-04 ch. 5 §20.2; RULES.md §3.1". */
    public String citation() {
        return sources.isEmpty() ? "RULES.md" : String.join("; ", sources);
    }

    /** The facts under one topic (empty when none). */
    public List<Fact> facts(String topic) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f.topic().equals(topic)) {
                out.add(f);
            }
        }
        return out;
    }

    /** A copy with more facts at the end (and their sources, when new). */
    public Card withFacts(List<Fact> more, List<String> moreSources) {
        List<Fact> fs = new ArrayList<>(facts);
        fs.addAll(more);
        List<String> ss = new ArrayList<>(sources);
        for (String s : moreSources) {
            if (!ss.contains(s)) {
                ss.add(s);
            }
        }
        return new Card(kind, id, title, summary, fs, keywords, ss);
    }
}
