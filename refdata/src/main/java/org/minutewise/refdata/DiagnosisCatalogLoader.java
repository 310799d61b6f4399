package org.minutewise.refdata;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.codes.DiagnosisCategory;

/**
 * Reads icd10-categories.csv (category,title,group,supports97112,example,subdividedOn); a file without the example
 * column (the layout before 2026.3) takes each category as billable; one without subdividedOn (before 2026.5), each
 * category as subdivided since before 2018.
 */
public final class DiagnosisCatalogLoader {
    private static final List<String> HEADER = List.of("category", "title", "group", "supports97112", "example",
            "subdividedOn");
    private static final List<String> HEADER_V1 = HEADER.subList(0, 4);
    private static final List<String> HEADER_V2 = HEADER.subList(0, 5);

    private DiagnosisCatalogLoader() {
    }

    public static DiagnosisCatalog load(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        List<DiagnosisCategory> out = new ArrayList<>();
        int columns = HEADER.size();
        for (int i = 0; i < f.rows.size(); i++) {
            DataFile.Row row = f.rows.get(i);
            if (i == 0) {
                if (row.fields().equals(HEADER_V1)) {
                    columns = HEADER_V1.size();
                } else if (row.fields().equals(HEADER_V2)) {
                    columns = HEADER_V2.size();
                } else if (!row.fields().equals(HEADER)) {
                    throw new RefDataException(name + " line " + row.line() + ": expected header " + HEADER);
                }
                continue;
            }
            if (row.fields().size() != columns) {
                throw f.error(row, "", "expected " + columns + " columns, got " + row.fields().size());
            }
            if (!row.get(3).equals("true") && !row.get(3).equals("false")) {
                throw f.error(row, "supports97112", "expected true or false");
            }
            String example = columns > HEADER_V1.size() ? row.get(4) : row.get(0);
            java.util.Optional<java.time.LocalDate> subdivided = columns == HEADER.size()
                    ? f.optionalDate(row, 5, "subdividedOn") : java.util.Optional.empty();
            if (example.isEmpty()) {
                throw f.error(row, "example", "a billable code of the category is required");
            }
            try {
                out.add(new DiagnosisCategory(row.get(0), row.get(1), row.get(2), Boolean.parseBoolean(row.get(3)),
                        example, subdivided));
            } catch (IllegalArgumentException e) {
                throw f.error(row, "example", e.getMessage());
            }
        }
        return new DiagnosisCatalog(f.version, out);
    }
}
