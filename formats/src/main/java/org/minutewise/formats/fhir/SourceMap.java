package org.minutewise.formats.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the parts of a visit came from in a FHIR input: a visit path as findings use it ({@code services[2]},
 * {@code services[code=97110]}, {@code note}, {@code diagnoses[0]}) to FHIRPath expressions into the input Bundle
 * ({@code Bundle.entry[5].resource}). A path not recorded falls back to its longest recorded prefix, then to the
 * Encounter. {@link #none()} is the map of a visit that did not come from FHIR: its paths are kept as they are.
 */
public final class SourceMap {
    private static final SourceMap NONE = new SourceMap(Map.of(), Map.of());

    private final Map<String, String> paths;
    /** services[i] to the service's code, for {@code services[code=X]}. */
    private final Map<Integer, String> serviceCodes;

    private SourceMap(Map<String, String> paths, Map<Integer, String> serviceCodes) {
        this.paths = Map.copyOf(paths);
        this.serviceCodes = Map.copyOf(serviceCodes);
    }

    /** The map of a visit that was not read from FHIR. */
    public static SourceMap none() {
        return NONE;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The recorded visit paths and their expressions, in the order recorded. */
    public Map<String, String> entries() {
        return paths;
    }

    /**
     * The FHIRPath expressions for a finding's visit path. Without a FHIR source: the visit path itself with a
     * character range ({@code note[120:148]}) cut off, a selection by code written as FHIRPath
     * ({@code services[code=97140]} is {@code services.where(code='97140')}), or nothing for an empty path.
     */
    public List<String> expressions(String visitPath) {
        Objects.requireNonNull(visitPath, "visitPath");
        String p = stripRange(visitPath);
        if (paths.isEmpty()) {
            return p.isEmpty() ? List.of() : List.of(fhirPath(p));
        }
        if (p.startsWith("services[code=")) {
            int end = p.indexOf(']');
            String code = p.substring("services[code=".length(), end);
            String rest = p.substring(end + 1);
            List<String> out = new ArrayList<>();
            serviceCodes.forEach((i, c) -> {
                if (c.equals(code)) {
                    out.add(resolve("services[" + i + "]" + rest));
                }
            });
            out.sort(null);
            if (!out.isEmpty()) {
                return List.copyOf(out);
            }
        }
        return List.of(resolve(p));
    }

    private String resolve(String p) {
        String q = p;
        while (true) {
            String hit = paths.get(q);
            if (hit != null) {
                return hit;
            }
            if (q.isEmpty()) {
                return "Bundle";
            }
            q = parent(q);
        }
    }

    private static String parent(String p) {
        int dot = p.lastIndexOf('.');
        int bracket = p.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : p.substring(0, cut);
    }

    /**
     * A visit path as FHIRPath: {@code list[code=X]} (a selection, which FHIRPath writes with {@code where}) becomes
     * {@code list.where(code='X')}; indexes ({@code services[2].code}) are FHIRPath already.
     */
    static String fhirPath(String p) {
        int at = p.indexOf("[code=");
        if (at < 0) {
            return p;
        }
        int end = p.indexOf(']', at);
        if (end < 0) {
            return p;
        }
        String code = p.substring(at + "[code=".length(), end).replace("'", "\\'");
        return p.substring(0, at) + ".where(code='" + code + "')" + fhirPath(p.substring(end + 1));
    }

    /** {@code note[120:148]} to {@code note}: a character range is no FHIRPath. */
    static String stripRange(String p) {
        int b = p.lastIndexOf('[');
        if (b > 0 && p.endsWith("]") && p.substring(b).contains(":")) {
            return p.substring(0, b);
        }
        return p;
    }

    /** The character range of a path such as {@code note[120:148]}, or empty. */
    static String range(String p) {
        int b = p.lastIndexOf('[');
        if (b > 0 && p.endsWith("]") && p.substring(b).contains(":")) {
            return p.substring(b);
        }
        return "";
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, String> paths = new LinkedHashMap<>();
        private final Map<Integer, String> codes = new LinkedHashMap<>();

        Builder put(String visitPath, String fhirPath) {
            paths.put(visitPath, fhirPath);
            return this;
        }

        Builder serviceCode(int index, String code) {
            codes.put(index, code);
            return this;
        }

        SourceMap build() {
            return new SourceMap(paths, codes);
        }
    }
}
