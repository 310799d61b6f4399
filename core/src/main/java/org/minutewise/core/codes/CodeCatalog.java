package org.minutewise.core.codes;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The codes the engine knows. Immutable; built from reference data (see the refdata module). */
public final class CodeCatalog {
    private final Map<String, CodeInfo> byCode;
    private final String version;
    /** The modifiers known, each with a short label; empty when no list is loaded (then none is reported). */
    private final Map<String, String> modifiers;

    public CodeCatalog(String version, Collection<CodeInfo> codes) {
        this(version, codes, Map.of());
    }

    private CodeCatalog(String version, Collection<CodeInfo> codes, Map<String, String> modifiers) {
        this.version = version;
        this.modifiers = Map.copyOf(modifiers);
        Map<String, CodeInfo> m = new LinkedHashMap<>();
        for (CodeInfo c : codes) {
            if (m.put(c.code(), c) != null) {
                throw new IllegalArgumentException("code " + c.code() + " listed twice");
            }
        }
        this.byCode = Collections.unmodifiableMap(m);
    }

    public String version() {
        return version;
    }

    public ProcedureCode resolve(String code) {
        CodeInfo info = byCode.get(code);
        return info != null ? new ProcedureCode.Known(info) : new ProcedureCode.Unknown(code);
    }

    public Optional<CodeInfo> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Fast path for hot loops: null when unknown. */
    public CodeInfo getOrNull(String code) {
        return byCode.get(code);
    }

    public Collection<CodeInfo> all() {
        return byCode.values();
    }

    /** The same codes with a list of known modifiers (modifier to a short label). */
    public CodeCatalog withModifiers(Map<String, String> known) {
        return new CodeCatalog(version, byCode.values(), known);
    }

    /**
     * False only for a modifier missing from a loaded list: with no list loaded every modifier is taken as known,
     * so nothing is reported that the data cannot back.
     */
    public boolean modifierKnown(String modifier) {
        return modifiers.isEmpty() || modifiers.containsKey(modifier);
    }

    /** The known modifiers and their labels (empty when no list is loaded). */
    public Map<String, String> modifiers() {
        return modifiers;
    }
}
