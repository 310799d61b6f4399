package org.minutewise.formats.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.minutewise.formats.InputException;

/**
 * FHIR JSON text to a HAPI {@link Bundle}, with every error located. Malformed JSON names the line and column
 * (a strict JSON reader, the project's rules with FHIR-sized limits, runs first); a value HAPI refuses is found again in the JSON tree and named
 * by its FHIRPath ({@code Bundle.entry[3].resource.performedPeriod.start}). Unknown elements are not errors (as
 * extra fields in the visit JSON are not): they are listed in {@link Parsed#ignored()}.
 */
final class BundleParser {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,200})\"");
    /**
     * The project's JSON rules with room for FHIR: deeper nesting (contained resources, nested extensions) and
     * long strings (a base64 attachment such as a scanned note; Jackson's own default is 20 million characters).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(20_000_000)
                            .maxNumberLength(40)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    record Parsed(Bundle bundle, JsonNode tree, List<String> ignored) {
    }

    private BundleParser() {
    }

    static Parsed parse(String json) {
        JsonNode tree;
        json = org.minutewise.formats.VisitJsonReader.withoutBom(json);
        tree = org.minutewise.formats.Json.readTree(MAPPER, json);
        if (tree == null || tree.isMissingNode()) {
            throw new InputException("", "empty input: expected a FHIR R4 Bundle");
        }
        if (!tree.isObject()) {
            throw new InputException("", "expected a FHIR R4 Bundle (a JSON object with \"resourceType\": \"Bundle\")");
        }
        JsonNode type = tree.get("resourceType");
        if (type == null || !type.isTextual()) {
            throw new InputException("resourceType", "required: expected a FHIR R4 Bundle");
        }
        if (!type.asText().equals("Bundle")) {
            throw new InputException("resourceType", "expected a FHIR R4 Bundle, got \"" + type.asText() + "\"");
        }
        shapes(tree);
        List<String> ignored = new ArrayList<>();
        IParser parser = FhirR4.jsonParser();
        parser.setOverrideResourceIdWithBundleEntryFullUrl(false);
        parser.setParserErrorHandler(new Handler(ignored));
        try {
            return new Parsed(parser.parseResource(Bundle.class, json), tree, List.copyOf(ignored));
        } catch (Problem p) {
            throw new InputException(p.locate(tree), p.getMessage());
        } catch (DataFormatException e) {
            String msg = e.getMessage() == null ? "not a valid FHIR R4 Bundle" : withoutCode(e.getMessage());
            Matcher m = QUOTED.matcher(msg);
            String where = "Bundle";
            if (m.find()) {
                String quoted = m.group(1);
                where = find(tree, "Bundle", (name, node) -> node.isTextual() && node.asText().equals(quoted))
                        .orElse("Bundle");
            }
            // HAPI's words for an integer element (a rank) that is not a number are Java's exception text.
            throw new InputException(where, "not a valid FHIR R4 Bundle: " + notANumber(msg).orElse(msg));
        } catch (NumberFormatException e) {
            // HAPI parses an integer element (a rank, an order) and lets Java's exception through.
            throw new InputException("Bundle", "not a valid FHIR R4 Bundle: " + notANumber(String.valueOf(
                    e.getMessage())).orElse("expected a whole number"));
        } catch (RuntimeException e) {
            // A shape HAPI's parser does not expect and fails on rather than reports (found by mutating Bundles);
            // shapes() refuses the known ones with their place first.
            throw new InputException("Bundle", "not a FHIR R4 Bundle we can read: an element has a shape the FHIR "
                    + "parser cannot handle (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** HAPI's text without its error code ({@code HAPI-1684: Unknown resource name ...}): the user needs the words. */
    static String withoutCode(String hapiText) {
        return hapiText.replaceAll("HAPI-\\d+:\\s*", "");
    }

    /** Java's text for a number that did not parse ({@code For input string: "x"}), in a biller's words. */
    private static java.util.Optional<String> notANumber(String javaText) {
        int at = javaText.indexOf(NOT_A_NUMBER);
        return at < 0 ? java.util.Optional.empty()
                : java.util.Optional.of("expected a whole number, got " + javaText.substring(at + NOT_A_NUMBER.length()));
    }

    private static final String NOT_A_NUMBER = "For input string: ";

    /**
     * Shapes HAPI's parser fails on with an exception instead of an error it reports: an entry whose resource is
     * not a JSON object with a resourceType, an extension that is not an object. Refused here, with their place.
     */
    private static void shapes(JsonNode tree) {
        JsonNode entries = tree.get("entry");
        if (entries != null && entries.isArray()) {
            for (int i = 0; i < entries.size(); i++) {
                JsonNode e = entries.get(i);
                if (!e.isObject()) {
                    throw new InputException("Bundle.entry[" + i + "]", "expected an object (an entry)");
                }
                JsonNode r = e.get("resource");
                if (r != null && !r.isNull() && (!r.isObject() || !r.path("resourceType").isTextual())) {
                    throw new InputException("Bundle.entry[" + i + "].resource", r.isObject()
                            ? "required: resourceType" : "expected a resource (a JSON object with a resourceType)");
                }
            }
        }
        extensions(tree, "Bundle");
    }

    private static void extensions(JsonNode node, String path) {
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                String p = path + "." + f.getKey();
                if ((f.getKey().equals("extension") || f.getKey().equals("modifierExtension"))
                        && f.getValue().isArray()) {
                    for (int k = 0; k < f.getValue().size(); k++) {
                        if (!f.getValue().get(k).isObject()) {
                            throw new InputException(p + "[" + k + "]", "expected an extension (a JSON object with a "
                                    + "url and a value)");
                        }
                    }
                }
                extensions(f.getValue(), p);
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                extensions(node.get(k), path + "[" + k + "]");
            }
        }
    }

    /** A problem HAPI reported, with what we need to find it again in the JSON tree. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient BiPredicate<String, JsonNode> where;
        private final String fallback;

        Problem(String message, String fallback, BiPredicate<String, JsonNode> where) {
            super(message, null, false, false);
            this.where = where;
            this.fallback = fallback;
        }

        String locate(JsonNode tree) {
            return find(tree, "Bundle", where).orElse(fallback);
        }
    }

    private static final class Handler implements IParserErrorHandler {
        private final List<String> ignored;

        Handler(List<String> ignored) {
            this.ignored = ignored;
        }

        private static String parent(IParseLocation l) {
            return l == null || l.getParentElementName() == null ? "Bundle" : l.getParentElementName();
        }

        @Override
        public void containedResourceWithNoId(IParseLocation l) {
            throw new Problem("a contained resource needs an id", parent(l),
                    (name, node) -> name.equals("contained") && node.isArray()
                            && iterable(node).stream().anyMatch(c -> !c.has("id")));
        }

        @Override
        public void incorrectJsonType(IParseLocation l, String element, BaseJsonLikeValue.ValueType expected,
                                      BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                      BaseJsonLikeValue.ScalarType foundScalar) {
            String exp = expected == BaseJsonLikeValue.ValueType.ARRAY ? "an array"
                    : expected == BaseJsonLikeValue.ValueType.OBJECT ? "an object"
                    : expectedScalar == null ? "a value" : "a " + expectedScalar.name().toLowerCase();
            String got = found == BaseJsonLikeValue.ValueType.ARRAY ? "an array"
                    : found == BaseJsonLikeValue.ValueType.OBJECT ? "an object"
                    : foundScalar == null ? "a value" : "a " + foundScalar.name().toLowerCase();
            throw new Problem("expected " + exp + ", got " + got, element,
                    (name, node) -> name.equals(element) && !kind(node).equals(kindOf(expected)));
        }

        @Override
        public void invalidValue(IParseLocation l, String value, String error) {
            String v = value == null ? "" : value;
            // HAPI passes Java's exception text for an integer element (a rank, an order) that is not a number.
            String why = error == null ? "invalid value \"" + v + "\"" : error.contains("NumberFormatException")
                    ? "expected a whole number, got \"" + v + "\"" : withoutCode(error);
            throw new Problem(why, parent(l),
                    (name, node) -> name.equals(parent(l)) && node.isValueNode() && node.asText().equals(v));
        }

        @Override
        public void missingRequiredElement(IParseLocation l, String element) {
            throw new Problem("required: " + element, parent(l), (name, node) -> false);
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation l, String element) {
            throw new Problem("must not repeat (a single value, not an array)", element,
                    (name, node) -> name.equals(element) && node.isArray());
        }

        @Override
        public void unknownAttribute(IParseLocation l, String attribute) {
            ignored.add(attribute);
        }

        @Override
        public void unknownElement(IParseLocation l, String element) {
            ignored.add(element);
        }

        @Override
        public void unknownReference(IParseLocation l, String reference) {
            // Resolved (or reported) by the reader.
        }

        @Override
        public void invalidInternalReference(IParseLocation l, String reference) {
            // Resolved (or reported) by the reader.
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation l) {
            throw new Problem("an extension has either a value or nested extensions, not both", parent(l),
                    (name, node) -> name.equals("extension") && node.isArray() && iterable(node).stream()
                            .anyMatch(x -> x.has("extension") && fieldNames(x).stream().anyMatch(f -> f.startsWith("value"))));
        }
    }

    private static String kindOf(BaseJsonLikeValue.ValueType t) {
        return t == BaseJsonLikeValue.ValueType.ARRAY ? "array" : t == BaseJsonLikeValue.ValueType.OBJECT ? "object"
                : "scalar";
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "array" : n.isObject() ? "object" : "scalar";
    }

    private static List<JsonNode> iterable(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The FHIRPath of the first node (depth first, document order) whose field name and value match. */
    static Optional<String> find(JsonNode n, String path, BiPredicate<String, JsonNode> match) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String p = path + "." + e.getKey();
                if (match.test(e.getKey(), e.getValue())) {
                    return Optional.of(p);
                }
                if (e.getValue().isArray()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        JsonNode item = e.getValue().get(i);
                        if (item.isValueNode() && match.test(e.getKey(), item)) {
                            return Optional.of(p + "[" + i + "]");
                        }
                        Optional<String> hit = find(item, p + "[" + i + "]", match);
                        if (hit.isPresent()) {
                            return hit;
                        }
                    }
                } else {
                    Optional<String> hit = find(e.getValue(), p, match);
                    if (hit.isPresent()) {
                        return hit;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
