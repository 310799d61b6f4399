package org.minutewise.core.check.rules.doc;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;

/**
 * {@link DiagnosisCatalog#categoryOf(String)} remembered per diagnosis code for the catalog last used: the catalog
 * scans every category, and the same few codes come back visit after visit. A pure memo; bounded.
 */
final class DiagnosisLookup {
    private static final int MAX = 50_000;

    private record Memo(DiagnosisCatalog catalog, ConcurrentHashMap<String, Optional<DiagnosisCategory>> byCode) {
    }

    private static volatile Memo memo;

    private DiagnosisLookup() {
    }

    static Optional<DiagnosisCategory> categoryOf(DiagnosisCatalog catalog, String dx) {
        Memo m = memo;
        if (m == null || m.catalog() != catalog) {
            m = new Memo(catalog, new ConcurrentHashMap<>());
            memo = m;
        }
        Optional<DiagnosisCategory> c = m.byCode().get(dx);
        if (c == null) {
            c = catalog.categoryOf(dx);
            if (m.byCode().size() >= MAX) {
                m.byCode().clear();
            }
            m.byCode().put(dx, c);
        }
        return c;
    }
}
