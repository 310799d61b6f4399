package org.minutewise.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The project's one JSON configuration: strict numbers, bounded nesting and sizes. */
public final class Json {
    /** Nesting deeper than a visit ever needs is refused (a defence against hostile input). */
    public static final int MAX_NESTING = 32;
    /** The longest text a value may hold (a note of a visit; README, visit JSON). */
    public static final int MAX_STRING = 1_000_000;
    /** The most digits a number may have. */
    public static final int MAX_NUMBER = 40;
    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_STRING)
            .maxNumberLength(MAX_NUMBER)
            .build();
    private static final ObjectMapper MAPPER = build();
    /**
     * The readers' own mapper ({@link VisitJsonReader}): never handed out, so nothing a caller configures on
     * {@link #mapper()} loosens a read (a key given twice, trailing text, numbers as doubles).
     */
    private static final ObjectMapper READS = build();
    /**
     * What {@link #writer()} hands out: an {@link ObjectWriter} (immutable: its configuration cannot be changed, only
     * copied) of a mapper no one else holds, so its JSON is the project's whatever a caller does to {@link #mapper()}.
     */
    private static final ObjectWriter WRITER = build().writer();

    private Json() {
    }

    /**
     * The project's shared mapper, as the commands and the API write with it. It is mutable, as every
     * {@link ObjectMapper} is: configuring it changes every later use of it in the process. An integrator writes
     * with {@link #writer()} instead; the readers do not read with this one.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes JSON as the commands and the API do (amounts as written, 1200.00), and cannot be changed: safe to hand to
     * any caller and to share between threads ({@code Json.writer().writeValueAsString(ResultJson.check(result))}).
     * A caller who wants it otherwise (indented, say) gets a copy ({@code Json.writer().withDefaultPrettyPrinter()}),
     * never a change to this one.
     */
    public static ObjectWriter writer() {
        return WRITER;
    }

    /** The readers' mapper: the project's configuration, out of any caller's reach. */
    static ObjectMapper reads() {
        return READS;
    }

    /**
     * Reads JSON text with {@code mapper}; an error is an {@link InputException} in the project's words (see
     * {@link #problem}). Returns null for empty input.
     */
    public static JsonNode readTree(ObjectMapper mapper, String text) {
        JsonParser p = null;
        try {
            p = mapper.createParser(text);
            return mapper.readTree(p);
        } catch (JsonProcessingException e) {
            throw problem(e, p, mapper.getFactory().streamReadConstraints());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            close(p);
        }
    }

    /** As {@link #readTree(ObjectMapper, String)}, from UTF-8 bytes. */
    public static JsonNode readTree(ObjectMapper mapper, byte[] bytes) throws java.io.IOException {
        JsonParser p = null;
        try {
            p = mapper.createParser(bytes);
            return mapper.readTree(p);
        } catch (JsonProcessingException e) {
            throw problem(e, p, mapper.getFactory().streamReadConstraints());
        } finally {
            close(p);
        }
    }

    private static void close(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (java.io.IOException ignored) {
                // Text in memory: nothing to release.
            }
        }
    }

    /**
     * A JSON reading error in the project's words, never the parser's: a value over a limit names its field (a JSON
     * path such as {@code services[0].note}) and the limit ({@code note: longer than 1,000,000 characters (the limit
     * of a text field)}); a syntax error names the line and column and starts with "malformed JSON" (the API answers
     * 400 for those, 422 for a value over a limit).
     *
     * @param parser the parser that failed (for the field it was in), or null
     */
    public static InputException problem(JsonProcessingException e, JsonParser parser, StreamReadConstraints limits) {
        // A limit's error carries no place of its own: the parser's is where it stopped.
        com.fasterxml.jackson.core.JsonLocation l = e.getLocation() != null ? e.getLocation()
                : parser == null ? null : parser.currentLocation();
        String where = l == null || l.getLineNr() < 1 ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            String field = parser == null ? "" : path(parser.getParsingContext());
            String at = field.isEmpty() ? where : field;
            java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.US);
            if (original.startsWith("String value length")) {
                return new InputException(at, "longer than " + n.format(limits.getMaxStringLength())
                        + " characters (the limit of a text field)");
            }
            if (original.startsWith("Number value length")) {
                return new InputException(at, "a number longer than " + limits.getMaxNumberLength()
                        + " digits (the limit of a number)");
            }
            if (original.startsWith("Document nesting depth")) {
                String top = parser == null ? "" : top(parser.getParsingContext());
                return new InputException(top.isEmpty() ? where : top, "nested deeper than " + limits.getMaxNestingDepth()
                        + " levels of objects and arrays (the limit of the input)");
            }
            if (original.startsWith("Name length")) {
                return new InputException(at, "a field name longer than " + n.format(limits.getMaxNameLength())
                        + " characters (the limit of a field name)");
            }
            return new InputException(at, "a value larger than the input allows");
        }
        return new InputException(where, "malformed JSON: " + syntax(original));
    }

    private static final java.util.regex.Pattern UNEXPECTED = java.util.regex.Pattern.compile(
            "Unexpected character \\(('.*?') \\(code \\d+\\)\\):?\\s*(.*)");

    /** The parser's words for a syntax error, without its option names, class names or source excerpt. */
    static String syntax(String original) {
        String s = original.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        if (s.startsWith("Unexpected end-of-input")) {
            return "the text ends before the JSON does (is the file cut short?)";
        }
        if (s.startsWith("Trailing token")) {
            return "more text after the end of the JSON value";
        }
        java.util.regex.Matcher ch = UNEXPECTED.matcher(s);
        if (ch.matches()) {
            String rest = ch.group(2).replace("expected a valid value (JSON String, Number, Array, Object or token "
                    + "'null', 'true' or 'false')", "expected a value (a string, number, object, array, true, false or "
                    + "null)");
            return "unexpected " + ch.group(1) + (rest.isEmpty() ? "" : ": " + syntax(rest));
        }
        if (s.startsWith("Invalid UTF-8")) {
            return "not valid UTF-8 here; the input must be UTF-8";
        }
        for (String cut : new String[] {" (not recognized", ": enable", " (bound as", "; ", " at [Source", "\n"}) {
            int at = s.indexOf(cut);
            if (at > 0) {
                s = s.substring(0, at);
            }
        }
        if (s.contains("`") || s.contains("Feature") || s.contains("fasterxml") || s.contains("Source:")
                || s.isEmpty()) {
            return "not valid JSON here";
        }
        return s;
    }

    /**
     * The path of a parser's place down to its first field name ({@code [1].extra}: where nesting goes too deep), or
     * "" when there is none.
     */
    static String top(JsonStreamContext c) {
        java.util.ArrayDeque<JsonStreamContext> chain = new java.util.ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            chain.addFirst(c);
        }
        StringBuilder p = new StringBuilder();
        for (JsonStreamContext x : chain) {
            if (x.inArray()) {
                p.append('[').append(Math.max(0, x.getCurrentIndex())).append(']');
            } else if (x.getCurrentName() != null) {
                return p.append(p.length() == 0 ? "" : ".").append(x.getCurrentName()).toString();
            }
        }
        // Arrays in arrays: no field to name (the line and column say where).
        return "";
    }

    /** The JSON path of a parser's place: {@code services[1].note}, {@code [2].id} in an array of visits. */
    static String path(JsonStreamContext c) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() != null) {
                    parts.addFirst("." + c.getCurrentName());
                }
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static ObjectMapper build() {
        // Amounts as written (1200.00, never 1.2E+3); a key given twice is refused, not silently the last one.
        JsonFactory f = JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        return JsonMapper.builder(f)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }
}
