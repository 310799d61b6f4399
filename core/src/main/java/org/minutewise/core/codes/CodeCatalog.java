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

    public CodeCatalog(String version, Collection<CodeInfo> codes) {
        this.version = version;
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
}
