package org.minutewise.refdata;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the modifier list (modifiers.csv: modifier, label): the modifiers a billed line may carry unreported. */
public final class ModifierListLoader {
    private static final List<String> HEADER = List.of("modifier", "label");

    private ModifierListLoader() {
    }

    public static Map<String, String> load(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < f.rows.size(); i++) {
            DataFile.Row row = f.rows.get(i);
            String where = name + " line " + row.line();
            if (i == 0) {
                if (!row.fields().equals(HEADER)) {
                    throw new RefDataException(where + ": expected header " + HEADER);
                }
                continue;
            }
            if (row.fields().size() != HEADER.size()) {
                throw new RefDataException(where + ": expected " + HEADER.size() + " columns, got "
                        + row.fields().size());
            }
            String m = row.fields().get(0);
            if (!m.matches("[0-9A-Z]{2}")) {
                throw new RefDataException(where + " column modifier: expected two letters or digits, got " + m);
            }
            if (out.put(m, row.fields().get(1)) != null) {
                throw new RefDataException(where + " column modifier: " + m + " listed twice");
            }
        }
        if (out.isEmpty()) {
            throw new RefDataException(name + ": no modifier listed");
        }
        return out;
    }
}
