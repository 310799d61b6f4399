package org.minutewise.refdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference data file read as records: lines starting with '#' are comments (a {@code # version: X} comment
 * names the version), blank lines are skipped, fields are split by tab when the line has one, else as CSV.
 */
final class DataFile {
    /** One record with its 1-based line number. */
    record Row(int line, List<String> fields) {
        String get(int i) {
            return i < fields.size() ? fields.get(i).trim() : "";
        }
    }

    final String name;
    final String version;
    final List<Row> rows;

    private DataFile(String name, String version, List<Row> rows) {
        this.name = name;
        this.version = version;
        this.rows = rows;
    }

    static DataFile read(InputStream in, String name) {
        List<Row> rows = new ArrayList<>();
        String version = "unversioned";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
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
                try {
                    rows.add(new Row(no, line.indexOf('\t') >= 0 ? List.of(line.split("\t", -1)) : Csv.split(line)));
                } catch (IllegalArgumentException e) {
                    throw new RefDataException(name + " line " + no + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        return new DataFile(name, version, rows);
    }

    /** Column {@code i} of a row as an ISO date (2026-01-01), or an error naming the line and column. */
    java.time.LocalDate date(Row row, int i, String column) {
        try {
            return java.time.LocalDate.parse(row.get(i));
        } catch (java.time.format.DateTimeParseException e) {
            throw error(row, column, "expected a date like 2026-01-01, got " + row.get(i));
        }
    }

    /** As {@link #date}; empty when the column is blank. */
    java.util.Optional<java.time.LocalDate> optionalDate(Row row, int i, String column) {
        return row.get(i).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(date(row, i, column));
    }

    RefDataException error(Row row, String column, String message) {
        return new RefDataException(name + " line " + row.line() + (column.isEmpty() ? "" : " column " + column)
                + ": " + message);
    }

    /** Index of the first header field that contains one of the words (case-insensitive), or -1. */
    static int column(List<String> header, String... words) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toUpperCase();
            for (String w : words) {
                if (h.contains(w.toUpperCase())) {
                    return i;
                }
            }
        }
        return -1;
    }
}
