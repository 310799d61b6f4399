package org.minutewise.refdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalInt;
import org.minutewise.core.Spelling;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/**
 * Reads payer profiles from JSON: either {@code {"profiles":[...]}} or a single profile object.
 * A profile: {@code id}, {@code method} (cms|cpt) required; {@code name}, {@code kind}, {@code sendZeroUnitLines},
 * {@code requiresStartStopTimes}, {@code maxTimedUnitsPerDay}, {@code distinctModifier} (59, XU, XE, XS, XP),
 * {@code assistantModifiers} (CQ/CO; default true for Medicare kinds), {@code habilitativeModifiers} (96/97),
 * {@code deniedDistinctPairs} (["97530/97140"]) optional.
 */
public final class PayerProfileLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayerProfileLoader() {
    }

    /** The parser's words without its source excerpt, option names or class names. */
    static String plain(String original) {
        String s = String.valueOf(original).strip();
        if (s.startsWith("Unexpected end-of-input")) {
            return "the file ends before the JSON does (is it cut short?)";
        }
        for (String cut : new String[] {"\n", " (start marker", "[Source", " (not recognized", ": enable", "; "}) {
            int at = s.indexOf(cut);
            if (at > 0) {
                s = s.substring(0, at);
            }
        }
        return s.contains("`") || s.contains("Feature") || s.contains("fasterxml") ? "not valid JSON here" : s;
    }

    public static List<PayerProfile> load(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new RefDataException(source + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + plain(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RefDataException(source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RefDataException(source + ": expected a JSON object");
        }
        List<PayerProfile> out = new ArrayList<>();
        if (root.has("profiles")) {
            onlyKnown(root, List.of("profiles", "version", "note"), source + ": $");
            JsonNode arr = root.get("profiles");
            if (!arr.isArray()) {
                throw new RefDataException(source + ": profiles: expected an array");
            }
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < arr.size(); i++) {
                PayerProfile p = profile(arr.get(i), source, "profiles[" + i + "]");
                Integer first = seen.putIfAbsent(p.id(), i);
                if (first != null) {
                    // The later one would silently win: which the clinic meant is not known.
                    throw new RefDataException(source + ": profiles[" + i + "].id: \"" + p.id() + "\" is given twice "
                            + "(profiles[" + first + "] and profiles[" + i + "]); which is meant is not known");
                }
                out.add(p);
            }
        } else {
            out.add(profile(root, source, "$"));
        }
        return out;
    }

    private static PayerProfile profile(JsonNode n, String source, String path) {
        String where = source + ": " + path;
        if (!n.isObject()) {
            throw new RefDataException(where + ": expected an object");
        }
        onlyKnown(n, PROFILE_KEYS, where);
        String id = text(n, "id", where, true);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new RefDataException(where + ".id: letters, digits, '.', '_' and '-' only, got \"" + id + "\"");
        }
        String methodText = text(n, "method", where, true);
        UnitMethod method = UnitMethod.parse(methodText).orElseThrow(() -> new RefDataException(where
                + ".method: expected cms or cpt, got \"" + methodText + "\""));
        String kindText = n.has("kind") ? text(n, "kind", where, true) : "other";
        PayerKind kind = PayerKind.parse(kindText).orElseThrow(() -> new RefDataException(where
                + ".kind: unknown payer kind \"" + kindText + "\" (expected " + KINDS + ")"));
        if (kind == PayerKind.MEDICARE && method != UnitMethod.CMS) {
            throw new RefDataException(where + ".method: Medicare fee for service always uses the CMS method");
        }
        String name = n.has("name") ? text(n, "name", where, true) : id;
        OptionalInt max = OptionalInt.empty();
        if (n.hasNonNull("maxTimedUnitsPerDay")) {
            JsonNode m = n.get("maxTimedUnitsPerDay");
            if (!m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > 96) {
                throw new RefDataException(where + ".maxTimedUnitsPerDay: expected a whole number from 1 to 96");
            }
            max = OptionalInt.of(m.asInt());
        }
        String distinct = n.has("distinctModifier") ? text(n, "distinctModifier", where, true).toUpperCase() : "59";
        if (!PayerProfile.DISTINCT_MODIFIERS.contains(distinct)) {
            throw new RefDataException(where + ".distinctModifier: expected 59, XU, XE, XS or XP, got \"" + distinct
                    + "\"");
        }
        boolean assistant = n.has("assistantModifiers") ? bool(n, "assistantModifiers", where)
                : kind == PayerKind.MEDICARE || kind == PayerKind.MEDICARE_ADVANTAGE;
        Set<String> denied = new LinkedHashSet<>();
        if (n.hasNonNull("deniedDistinctPairs")) {
            JsonNode arr = n.get("deniedDistinctPairs");
            if (!arr.isArray()) {
                throw new RefDataException(where + ".deniedDistinctPairs: expected an array like [\"97530/97140\"]");
            }
            for (int i = 0; i < arr.size(); i++) {
                String pair = arr.get(i).asText();
                if (!pair.matches("[0-9A-Z]{5}/[0-9A-Z]{5}")) {
                    throw new RefDataException(where + ".deniedDistinctPairs[" + i + "]: expected CODE/CODE, got \""
                            + pair + "\"");
                }
                denied.add(pair);
            }
        }
        return new PayerProfile(id, name, kind, method, bool(n, "sendZeroUnitLines", where),
                bool(n, "requiresStartStopTimes", where), max, distinct, assistant,
                bool(n, "habilitativeModifiers", where), denied, source);
    }

    /** A profile's settings (and "note", free text): a name not among them is refused, not ignored. */
    static final List<String> PROFILE_KEYS = List.of("id", "name", "kind", "method", "sendZeroUnitLines",
            "requiresStartStopTimes", "maxTimedUnitsPerDay", "distinctModifier", "assistantModifiers",
            "habilitativeModifiers", "deniedDistinctPairs", "note");

    private static final String KINDS = java.util.Arrays.stream(PayerKind.values()).map(PayerKind::wire)
            .collect(java.util.stream.Collectors.joining(", "));

    /**
     * Refuses a name that is not a setting: a misspelled one ("requiresStartStopTime") would otherwise drop the
     * payer's rule it names without a word.
     */
    private static void onlyKnown(JsonNode n, List<String> known, String where) {
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                String near = Spelling.nearest(f, known);
                throw new RefDataException(where + "." + f + ": not a payer profile setting"
                        + (near == null ? "" : " (did you mean \"" + near + "\"?)") + "; the settings are "
                        + String.join(", ", known));
            }
        }
    }

    private static String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new RefDataException(where + "." + field + ": required");
            }
            return "";
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new RefDataException(where + "." + field + ": expected a non-empty string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new RefDataException(where + "." + field + ": expected true or false");
        }
        return v.asBoolean();
    }
}
