package org.minutewise.refdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.model.Discipline;

/** Reads the code catalog CSV (see codes.csv for the columns). */
public final class CodeCatalogLoader {
    private static final List<String> HEADER = List.of("code", "label", "timed", "oneOnOne", "constantAttendance",
            "supervised", "evaluation", "group", "addOnTo", "disciplines", "effectiveFrom", "effectiveTo");

    private CodeCatalogLoader() {
    }

    public static CodeCatalog load(InputStream in, String name) {
        List<CodeInfo> codes = new ArrayList<>();
        String version = "unversioned";
        boolean headerSeen = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#")) {
                    String body = line.substring(1).trim();
                    if (body.startsWith("version:")) {
                        version = body.substring("version:".length()).trim();
                    }
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = Csv.split(line);
                if (!headerSeen) {
                    if (!f.equals(HEADER)) {
                        throw new RefDataException(name + " line " + no + ": expected header " + HEADER);
                    }
                    headerSeen = true;
                    continue;
                }
                codes.add(parse(f, name, no));
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        return new CodeCatalog(version, codes);
    }

    private static CodeInfo parse(List<String> f, String name, int no) {
        String where = name + " line " + no;
        if (f.size() != HEADER.size()) {
            throw new RefDataException(where + ": expected " + HEADER.size() + " columns, got " + f.size());
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
                f.get(8).isEmpty() ? Optional.empty() : Optional.of(f.get(8)), ds, date(f.get(10), where,
                "effectiveFrom"), f.get(11).isEmpty() ? Optional.empty() : Optional.of(date(f.get(11), where,
                "effectiveTo")));
    }

    private static boolean bool(List<String> f, int i, String where) {
        String v = f.get(i);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new RefDataException(where + " column " + HEADER.get(i) + ": expected true or false, got " + v);
    }

    private static LocalDate date(String v, String where, String column) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new RefDataException(where + " column " + column + ": expected a date like 2026-01-01, got " + v);
        }
    }
}
