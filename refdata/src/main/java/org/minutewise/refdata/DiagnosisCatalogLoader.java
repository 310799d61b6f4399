package org.minutewise.refdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        List<DiagnosisCategory> out = new ArrayList<>();
        String version = "unversioned";
        boolean header = false;
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
                if (!header) {
                    if (!f.equals(HEADER)) {
                        throw new RefDataException(name + " line " + no + ": expected header " + HEADER);
                    }
                    header = true;
                    continue;
                }
                if (f.size() != HEADER.size()) {
                    throw new RefDataException(name + " line " + no + ": expected 4 columns, got " + f.size());
                }
                if (!f.get(3).equals("true") && !f.get(3).equals("false")) {
                    throw new RefDataException(name + " line " + no + " column supports97112: expected true or false");
                }
                out.add(new DiagnosisCategory(f.get(0), f.get(1), f.get(2), Boolean.parseBoolean(f.get(3))));
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        return new DiagnosisCatalog(version, out);
    }
}
