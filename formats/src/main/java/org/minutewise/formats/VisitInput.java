package org.minutewise.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;
import org.minutewise.formats.fhir.FhirVisitReader;
import org.minutewise.formats.x12.X12ClaimReader;

/**
 * Reads visits in any supported format. A file of many visits yields one result per visit: the visit, or the
 * error that names where it is wrong; one bad visit never stops the others.
 */
public final class VisitInput {
    /**
     * A visit, or the reason it could not be read.
     *
     * @param line where the visit starts in its input when the format tells: the line of a JSON Lines visit, the line
     *             of a CSV visit's first row (of a rejected row, its own); for an 837, the position of the claim's CLM
     *             segment (X12 counts segments, not lines); 0 when not known (a JSON document, a FHIR Bundle)
     * @param source where each part of a visit read from FHIR was in the input (finding expressions point there)
     * @param notes  what the reader left out of the visit, one line each: the FHIR reader's, and the 837 reader's
     *               ({@link X12ClaimReader.Result#notes}: a claim to a payer other than the primary, one claim read
     *               as a visit per date, segments payers may need that it skips)
     * @param claimId the visit's id as its input named it when the visit could not be read but its id could (an
     *                837 claim's CLM01, a visit JSON's {@code id}, a CSV row's {@code visitId}), so a rejected visit
     *                can still be named; empty otherwise
     */
    public record Result(Optional<Visit> visit, Optional<InputException> error, long line,
                         org.minutewise.formats.fhir.SourceMap source, List<String> notes, Optional<String> claimId) {
        public Result {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(source, "source");
            notes = List.copyOf(notes);
            Objects.requireNonNull(claimId, "claimId");
        }

        public Result(Optional<Visit> visit, Optional<InputException> error, long line,
                      org.minutewise.formats.fhir.SourceMap source, List<String> notes) {
            this(visit, error, line, source, notes, Optional.empty());
        }

        /** The visit's id: the visit's own, else the one its input named ({@link #claimId}). */
        public Optional<String> visitId() {
            return visit.isPresent() ? visit.map(Visit::id) : claimId;
        }

        public Result(Optional<Visit> visit, Optional<InputException> error, long line) {
            this(visit, error, line, org.minutewise.formats.fhir.SourceMap.none(), List.of());
        }

        public Result(Optional<Visit> visit, Optional<InputException> error) {
            this(visit, error, 0);
        }

        public static Result ok(Visit v) {
            return new Result(Optional.of(v), Optional.empty());
        }

        public static Result failed(InputException e) {
            return new Result(Optional.empty(), Optional.of(e));
        }

        /** A visit read from {@code line} of its input. */
        public static Result ok(Visit v, long line) {
            return new Result(Optional.of(v), Optional.empty(), line);
        }

        /** A visit that could not be read, from {@code line} of its input, named {@code visitId} there if it is. */
        public static Result failed(InputException e, long line, Optional<String> visitId) {
            return new Result(Optional.empty(), Optional.of(e), line, org.minutewise.formats.fhir.SourceMap.none(),
                    List.of(), visitId);
        }
    }

    /** The payer profile given to visits whose claim format does not name one we know. */
    public static final String DEFAULT_PAYER = "medicare";

    private VisitInput() {
    }

    /** Reads all visits of a text in the given format; a whole-input error (malformed JSON) throws. */
    public static List<Result> read(String text, VisitFormat format, ReferenceData ref) {
        return read(text, format, ref, java.util.Optional.empty());
    }

    /**
     * As {@link #read(String, VisitFormat, ReferenceData)}; {@code zone}, the clinic's time zone, reads FHIR times
     * written with an offset as the clinic's clock times (the other formats hold clock times already).
     */
    public static List<Result> read(String text, VisitFormat format, ReferenceData ref,
                                    java.util.Optional<java.time.ZoneId> zone) {
        return switch (format) {
            case JSON -> json(text, ref);
            case JSONL -> jsonLines(text, ref);
            case CSV -> csv(text, ref);
            case FHIR -> fhir(text, ref, zone);
            case X12 -> x12(text, ref);
        };
    }

    /**
     * For a CSV input, what to tell the user about its header's columns that are not the layout's (they are not
     * read; {@link CsvVisitReader.Header#ignoredNote}); empty for other formats, or when there are none or the
     * header cannot be read (reading the input reports that).
     */
    public static Optional<String> ignoredColumns(String text, VisitFormat format, ReferenceData ref) {
        if (format != VisitFormat.CSV) {
            return Optional.empty();
        }
        try (CsvRecordReader records = new CsvRecordReader(new StringReader(text))) {
            CsvRecordReader.Record header = records.next();
            return header == null ? Optional.empty() : new CsvVisitReader(ref).header(header).ignoredNote();
        } catch (IOException | InputException e) {
            return Optional.empty();
        }
    }

    /** FHIR R4 Bundles; visits without a payer that maps to a profile get the first built-in (medicare). */
    private static List<Result> fhir(String text, ReferenceData ref, java.util.Optional<java.time.ZoneId> zone) {
        List<Result> out = new ArrayList<>();
        for (FhirVisitReader.Result r : FhirVisitReader.read(text, ref, DEFAULT_PAYER, zone)) {
            out.add(new Result(r.visit(), r.error(), 0, r.source(), r.notes()));
        }
        return out;
    }

    /**
     * An 837P or 837I: one visit per claim (and date of service), its billed lines as they stand, with what it does
     * not keep of the claim in its notes.
     */
    private static List<Result> x12(String text, ReferenceData ref) {
        List<Result> out = new ArrayList<>();
        for (X12ClaimReader.Result r : X12ClaimReader.read(text, DEFAULT_PAYER, ref)) {
            out.add(new Result(r.visit(), r.error(), r.segment(), org.minutewise.formats.fhir.SourceMap.none(),
                    r.notes(), r.claimId()));
        }
        return out;
    }

    private static List<Result> json(String text, ReferenceData ref) {
        VisitJsonReader reader = new VisitJsonReader(ref);
        JsonNode root = reader.parse(text);
        List<Result> out = new ArrayList<>();
        if (!root.isArray()) {
            out.add(one(reader, root, ""));
            return out;
        }
        for (int i = 0; i < root.size(); i++) {
            out.add(one(reader, root.get(i), "[" + i + "]"));
        }
        return out;
    }

    private static List<Result> jsonLines(String text, ReferenceData ref) {
        VisitJsonReader reader = new VisitJsonReader(ref);
        List<Result> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = reader.parse(line);
            } catch (InputException e) {
                out.add(Result.failed(e.onLine(i + 1), i + 1, Optional.empty())); // not JSON: no id to tell
                continue;
            }
            out.add(one(reader, node, i + 1));
        }
        return out;
    }

    private static Result one(VisitJsonReader reader, JsonNode node, String prefix) {
        try {
            return Result.ok(reader.read(node));
        } catch (InputException e) {
            return Result.failed(prefix.isEmpty() ? e : e.within(prefix), 0, idOf(node));
        }
    }

    /** A visit of a JSON Lines file, its errors named by their line ({@link InputException#onLine}). */
    private static Result one(VisitJsonReader reader, JsonNode node, long line) {
        try {
            return Result.ok(reader.read(node), line);
        } catch (InputException e) {
            return Result.failed(e.onLine(line), line, idOf(node));
        }
    }

    /** The id a visit JSON that could not be read names, when it names one a visit could have (a string of 1-64). */
    private static Optional<String> idOf(JsonNode node) {
        JsonNode id = node.path("id");
        String text = id.isTextual() ? id.asText().strip() : "";
        return text.isEmpty() || text.length() > 64 ? Optional.empty() : Optional.of(text);
    }

    private static List<Result> csv(String text, ReferenceData ref) {
        CsvVisitReader reader = new CsvVisitReader(ref);
        List<Result> out = new ArrayList<>();
        List<CsvVisitReader.Row> rows = new ArrayList<>();
        // Visits that lost a row (unreadable, or taken into another row's open quote): why, by visit id.
        Map<String, String> incomplete = new java.util.HashMap<>();
        // Rows without a visit id, by their patient and date: the visits of that patient and date lost a row.
        Map<String, Long> orphans = new java.util.HashMap<>();
        try (CsvRecordReader records = new CsvRecordReader(new StringReader(text))) {
            CsvRecordReader.Record header = records.next();
            while (header != null && header.blank()) {
                header = records.next(); // a row of only commas is a blank line
            }
            if (header == null) {
                throw new InputException("line 1", "empty CSV: expected a header row");
            }
            CsvVisitReader.Header h = reader.header(header);
            records.names(h.names()); // its errors name a column by the header's name ("column note")
            CsvRecordReader.Record r;
            while ((r = records.next()) != null) {
                if (r.blank()) {
                    continue; // every field empty (a spreadsheet's trailing rows): a blank line
                }
                try {
                    rows.add(reader.row(h, r));
                } catch (InputException e) {
                    String id = CsvVisitReader.visitIdOf(h, r);
                    out.add(Result.failed(e, r.line(), id.isEmpty() ? Optional.empty() : Optional.of(id)));
                    if (!id.isEmpty()) {
                        incomplete.putIfAbsent(id, "its row on line " + r.line() + " could not be read");
                    }
                    long badLine = r.line();
                    CsvVisitReader.orphanKey(h, r).ifPresent(k -> orphans.putIfAbsent(k, badLine));
                    for (CsvVisitReader.Swallowed s : CsvVisitReader.swallowed(h, r)) {
                        out.add(Result.failed(CsvVisitReader.swallowedRow(s, r.line()), r.line() + s.offset(),
                                Optional.of(s.visitId())));
                        incomplete.putIfAbsent(s.visitId(),
                                CsvVisitReader.lostRowNote(r.line() + s.offset(), r.line()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, List<CsvVisitReader.Row>> e : CsvVisitReader.group(rows).entrySet()) {
            String why = incomplete.get(e.getKey());
            for (int k = 0; why == null && !orphans.isEmpty() && k < e.getValue().size(); k++) {
                CsvVisitReader.Row row = e.getValue().get(k);
                if (row.patientId().isEmpty()) {
                    continue;
                }
                String key = CsvVisitReader.orphanKey(row.patientId().get(), row.date().toString());
                if (orphans.containsKey(key)) {
                    why = CsvVisitReader.orphanNote(key, orphans.get(key));
                }
            }
            if (why != null) {
                // Checked without that row, the visit would show wrong units and findings: set aside whole.
                List<Long> lines = new ArrayList<>();
                e.getValue().forEach(row -> lines.add(row.line()));
                out.add(Result.failed(new InputException("line " + lines.get(0), "visit " + e.getKey() + ": " + why
                        + ", so its other " + (lines.size() == 1 ? "row (line " : "rows (lines ")
                        + lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + ") " + (lines.size() == 1 ? "is" : "are") + " set aside rather than checked incomplete"),
                        lines.get(0), Optional.of(e.getKey())));
                continue;
            }
            long first = e.getValue().get(0).line();
            try {
                out.add(Result.ok(reader.visit(e.getValue()), first));
            } catch (InputException ex) {
                out.add(Result.failed(ex, first, Optional.of(e.getKey())));
            }
        }
        return out;
    }
}
