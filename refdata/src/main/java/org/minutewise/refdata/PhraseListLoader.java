package org.minutewise.refdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.doc.PhraseMatcher;

/**
 * Reads documentation phrase lists (see documentation-phrases.txt for the format): a {@code version:} line,
 * then {@code [name]} headers each followed by one phrase a line. Errors name the file and the line.
 */
public final class PhraseListLoader {
    public static final String RESOURCE = "documentation-phrases.txt";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String VERSION = "version:";

    private PhraseListLoader() {
    }

    /** The phrase lists shipped in this jar (read once, then shared: they are immutable). */
    public static DocumentationPhrases embedded() {
        return Embedded.PHRASES;
    }

    private static final class Embedded {
        static final DocumentationPhrases PHRASES = read();

        private static DocumentationPhrases read() {
            try (InputStream in = PhraseListLoader.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("reference data missing from the jar: " + RESOURCE);
                }
                return load(in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static DocumentationPhrases load(InputStream in, String name) {
        String version = null;
        Map<String, List<String>> lists = new LinkedHashMap<>();
        String current = null;
        int currentLine = 0;
        Set<String> seen = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String raw;
            int no = 0;
            while ((raw = r.readLine()) != null) {
                no++;
                String line = raw.strip();
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1).strip();
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String where = name + " line " + no;
                if (version == null) {
                    if (!line.startsWith(VERSION) || line.substring(VERSION.length()).isBlank()) {
                        throw new RefDataException(where + ": expected the version line first, like \"version: "
                                + "2026.1\", got \"" + line + "\"");
                    }
                    version = line.substring(VERSION.length()).strip();
                    continue;
                }
                if (line.startsWith("[")) {
                    if (!line.endsWith("]")) {
                        throw new RefDataException(where + ": a list header is [name], got \"" + line + "\"");
                    }
                    String list = line.substring(1, line.length() - 1).strip();
                    if (!NAME.matcher(list).matches()) {
                        throw new RefDataException(where + ": list name \"" + list + "\": lower-case letters, digits "
                                + "and '-' only, starting with a letter");
                    }
                    if (lists.containsKey(list)) {
                        throw new RefDataException(where + ": list [" + list + "] defined twice");
                    }
                    checkNotEmpty(name, lists, current, currentLine);
                    lists.put(list, new ArrayList<>());
                    current = list;
                    currentLine = no;
                    seen.clear();
                    continue;
                }
                if (line.startsWith(VERSION)) {
                    throw new RefDataException(where + ": a second version line");
                }
                if (current == null) {
                    throw new RefDataException(where + ": phrase \"" + line + "\" before any [list] header");
                }
                String normalized;
                try {
                    normalized = PhraseMatcher.normalizePhrase(line);
                } catch (IllegalArgumentException e) {
                    throw new RefDataException(where + ": phrase \"" + line + "\" has no letter or digit");
                }
                if (!seen.add(normalized)) {
                    throw new RefDataException(where + ": phrase \"" + line + "\" is already in [" + current
                            + "] (phrases are compared in lower case, a dash or run of spaces as one space)");
                }
                lists.get(current).add(line);
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        if (version == null) {
            throw new RefDataException(name + ": no version line (\"version: 2026.1\")");
        }
        checkNotEmpty(name, lists, current, currentLine);
        return new DocumentationPhrases(version, lists);
    }

    private static void checkNotEmpty(String name, Map<String, List<String>> lists, String list, int line) {
        if (list != null && lists.get(list).isEmpty()) {
            throw new RefDataException(name + " line " + line + ": list [" + list + "] has no phrase");
        }
    }
}
