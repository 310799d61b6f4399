package org.minutewise.refdata;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;

/** Reads icd10-categories.csv (category,title,group,supports97112). */
public final class DiagnosisCatalogLoader {
    private static final List<String> HEADER = List.of("category", "title", "group", "supports97112");

    private DiagnosisCatalogLoader() {
    }

    public static DiagnosisCatalog load(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        List<DiagnosisCategory> out = new ArrayList<>();
        for (int i = 0; i < f.rows.size(); i++) {
            DataFile.Row row = f.rows.get(i);
            if (i == 0) {
                if (!row.fields().equals(HEADER)) {
                    throw new RefDataException(name + " line " + row.line() + ": expected header " + HEADER);
                }
                continue;
            }
            if (row.fields().size() != HEADER.size()) {
                throw f.error(row, "", "expected 4 columns, got " + row.fields().size());
            }
            if (!row.get(3).equals("true") && !row.get(3).equals("false")) {
                throw f.error(row, "supports97112", "expected true or false");
            }
            out.add(new DiagnosisCategory(row.get(0), row.get(1), row.get(2), Boolean.parseBoolean(row.get(3))));
        }
        return new DiagnosisCatalog(f.version, out);
    }
}
