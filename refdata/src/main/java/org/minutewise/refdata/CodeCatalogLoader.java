package org.minutewise.refdata;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.model.Discipline;

/**
 * Reads the code catalog CSV (see codes.csv for the columns). The last column, {@code unlisted}, may be left out
 * (a catalog written before it): every code is then a listed one.
 */
public final class CodeCatalogLoader {
    private static final List<String> HEADER = List.of("code", "label", "timed", "oneOnOne", "constantAttendance",
            "supervised", "evaluation", "group", "addOnTo", "disciplines", "effectiveFrom", "effectiveTo");
    /** The header with the unlisted column (an unlisted-service code, billed by report). */
    private static final List<String> HEADER_UNLISTED = append(HEADER, "unlisted");

    private static List<String> append(List<String> l, String column) {
        List<String> out = new ArrayList<>(l);
        out.add(column);
        return List.copyOf(out);
    }

    private CodeCatalogLoader() {
    }

    public static CodeCatalog load(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        List<CodeInfo> codes = new ArrayList<>();
        List<String> header = HEADER;
        for (int i = 0; i < f.rows.size(); i++) {
            DataFile.Row row = f.rows.get(i);
            if (i == 0) {
                if (row.fields().equals(HEADER_UNLISTED)) {
                    header = HEADER_UNLISTED;
                } else if (!row.fields().equals(HEADER)) {
                    throw new RefDataException(name + " line " + row.line() + ": expected header " + HEADER_UNLISTED
                            + " (unlisted may be left out)");
                }
                continue;
            }
            codes.add(parse(f, row, header));
        }
        return new CodeCatalog(f.version, codes);
    }

    private static CodeInfo parse(DataFile file, DataFile.Row row, List<String> header) {
        List<String> f = row.fields();
        String where = file.name + " line " + row.line();
        if (f.size() != header.size()) {
            throw new RefDataException(where + ": expected " + header.size() + " columns, got " + f.size());
        }
        String code = f.get(0);
        if (!ProcedureCode.isWellFormed(code)) {
            throw new RefDataException(where + " column code: not a CPT or HCPCS code: " + code);
        }
        Set<Discipline> ds = EnumSet.noneOf(Discipline.class);
        for (String d : f.get(9).isEmpty() ? new String[0] : f.get(9).split("\\|")) {
            ds.add(Discipline.parse(d).orElseThrow(() -> new RefDataException(where
                    + " column disciplines: unknown discipline " + d)));
        }
        return new CodeInfo(code, f.get(1), bool(f, 2, where), bool(f, 3, where), bool(f, 4, where),
                bool(f, 5, where), bool(f, 6, where), bool(f, 7, where),
                f.get(8).isEmpty() ? Optional.empty() : Optional.of(f.get(8)), ds,
                file.date(row, 10, "effectiveFrom"), file.optionalDate(row, 11, "effectiveTo"),
                header.size() > 12 && bool(f, 12, where));
    }

    private static boolean bool(List<String> f, int i, String where) {
        String v = f.get(i);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new RefDataException(where + " column " + HEADER_UNLISTED.get(i) + ": expected true or false, got " + v);
    }

}
