package org.minutewise.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.refdata.RefDataException;

/**
 * The words therapists and billers actually use, as groups of phrases that mean the same thing
 * (synonyms.txt). A group may also name the cards it points to ({@code @97112}). A question is expanded
 * with the other phrases of every group it mentions, and the cards the group names get a boost.
 *
 * <p>Phrases match on whole normalized tokens (see {@link QueryText}); a trailing plural "s" is ignored.
 */
final class Synonyms {
    /** One line of the file. */
    record Group(int line, List<List<String>> phrases, List<String> ids, List<List<String>> capitals) {
        Group(int line, List<List<String>> phrases, List<String> ids) {
            this(line, phrases, ids, List.of());
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A phrase of a group found in a question, at tokens [start, end). */
    record Match(Group group, int start, int end) {
    }

    private final List<Group> groups;
    private final Map<String, List<Object[]>> byFirstToken;
    /** Phrases that match only as written in capitals ("FEES", never "fees" or "fee"), by their first token. */
    private final Map<String, List<Object[]>> byFirstCapital;

    private Synonyms(List<Group> groups) {
        this.groups = List.copyOf(groups);
        this.byFirstToken = new HashMap<>();
        this.byFirstCapital = new HashMap<>();
        for (Group g : groups) {
            for (List<String> p : g.capitals()) {
                byFirstCapital.computeIfAbsent(p.get(0), k -> new ArrayList<>()).add(new Object[] {p, g});
            }
            for (List<String> p : g.phrases()) {
                byFirstToken.computeIfAbsent(QueryText.base(p.get(0)), k -> new ArrayList<>()).add(new Object[] {p, g});
            }
        }
    }

    static Synonyms none() {
        return new Synonyms(List.of());
    }

    List<Group> groups() {
        return groups;
    }

    static Synonyms load(InputStream in, String name) {
        List<Group> groups = new ArrayList<>();
        try (BufferedReader r = Text.reader(in)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                List<List<String>> phrases = new ArrayList<>();
                List<List<String>> capitals = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (String item : t.split(",")) {
                    String s = item.strip();
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (s.startsWith("@")) {
                        ids.add(s.substring(1));
                    } else if (capitalsOnly(s)) {
                        // An acronym that is also an everyday word ("FEES", "fees"): only as written in capitals.
                        capitals.add(QueryText.rawTokens(s));
                    } else {
                        List<String> tokens = QueryText.tokens(s);
                        if (!tokens.isEmpty()) {
                            phrases.add(tokens);
                        }
                    }
                }
                if (phrases.isEmpty()) {
                    throw new RefDataException(name + " line " + no + ": a group needs at least one phrase");
                }
                groups.add(new Group(no, phrases, ids, capitals));
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        return new Synonyms(groups);
    }

    /**
     * The phrases found in the tokens. A phrase inside a longer matched phrase is dropped ("no abn" is not
     * also "abn"); the same words matched by two groups are kept for both (a phrase may mean two things).
     */
    List<Match> find(List<String> tokens) {
        return find(tokens, List.of());
    }

    /**
     * The phrases found in the tokens, and the phrases written in capitals found in {@code raw}, the same tokens
     * as typed (ignored unless it has one token for each of {@code tokens}).
     */
    List<Match> find(List<String> tokens, List<String> raw) {
        List<Match> out = new ArrayList<>();
        if (raw.size() == tokens.size()) {
            for (int i = 0; i < raw.size(); i++) {
                for (Object[] c : byFirstCapital.getOrDefault(raw.get(i), List.of())) {
                    @SuppressWarnings("unchecked")
                    List<String> phrase = (List<String>) c[0];
                    if (i + phrase.size() <= raw.size() && raw.subList(i, i + phrase.size()).equals(phrase)) {
                        out.add(new Match((Group) c[1], i, i + phrase.size()));
                    }
                }
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            List<Object[]> candidates = byFirstToken.get(QueryText.base(tokens.get(i)));
            if (candidates == null) {
                continue;
            }
            for (Object[] c : candidates) {
                @SuppressWarnings("unchecked")
                List<String> phrase = (List<String>) c[0];
                Group g = (Group) c[1];
                if (matchesAt(tokens, i, phrase)) {
                    Match m = new Match(g, i, i + phrase.size());
                    out.add(m);
                }
            }
        }
        // Longest match wins: a phrase inside a longer phrase of any group ("abn" in "no abn") is dropped, and
        // a group is reported once per span.
        List<Match> kept = new ArrayList<>();
        for (Match m : out) {
            boolean inside = false;
            for (Match o : out) {
                boolean longer = o.end() - o.start() > m.end() - m.start();
                inside |= longer && o.start() <= m.start() && o.end() >= m.end();
            }
            boolean dup = false;
            for (Match k : kept) {
                dup |= k.group() == m.group() && k.start() == m.start() && k.end() == m.end();
            }
            if (!inside && !dup) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** A phrase with letters, all of them capitals ("FEES"). */
    static boolean capitalsOnly(String phrase) {
        boolean letter = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static boolean matchesAt(List<String> tokens, int at, List<String> phrase) {
        if (at + phrase.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            if (!QueryText.base(tokens.get(at + k)).equals(QueryText.base(phrase.get(k)))) {
                return false;
            }
        }
        return true;
    }
}
