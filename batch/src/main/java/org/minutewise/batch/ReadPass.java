package org.minutewise.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.Utf8;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.formats.audit.Bin;
import org.minutewise.formats.audit.EndedEarly;
import org.minutewise.formats.audit.VisitAudit;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * Pass 1: streams every input once and appends each record to the partition of its visit id (hash), so that
 * every row of a visit lands in the same small partition whatever the input order. CSV records are cut without
 * being decoded ({@link CsvSplitter}); JSON Lines are routed line by line; whole-file formats (JSON, FHIR, X12)
 * are read per file through {@link VisitInput} and their visits written as visit JSON. What cannot be read at
 * all here (a malformed JSON line, a record with a quote never closed) goes to the rejects with its line.
 *
 * <p>A unit of work is one input file: after each, the partitions are flushed and their lengths recorded in the
 * manifest; a resumed run cuts them back to those lengths and goes on with the next file.
 */
final class ReadPass {
    private final Work work;
    private final State state;
    private final List<Input> inputs;
    private final ReferenceData ref;
    private final java.util.Optional<java.time.ZoneId> zone;
    private final Progress progress;
    private final Runnable unitDone;

    ReadPass(Work work, State state, List<Input> inputs, ReferenceData ref, java.util.Optional<java.time.ZoneId> zone,
             Progress progress, Runnable unitDone) {
        this.work = work;
        this.state = state;
        this.inputs = inputs;
        this.ref = ref;
        this.zone = zone;
        this.progress = progress;
        this.unitDone = unitDone;
    }

    void run() throws IOException {
        int k = state.partitions;
        long[] lengths = state.spillLengths.length == k ? state.spillLengths.clone() : new long[k];
        for (int p = 0; p < k; p++) {
            cut(work.spill(p), lengths[p]);
        }
        cut(work.readRejects(), state.rejectsLength);
        int buffer = (int) Math.max(4096, Math.min(1 << 16, (32L << 20) / k));
        OutputStream[] parts = new OutputStream[k];
        try (OutputStream rejects = new BufferedOutputStream(WriteFailed.open(work.readRejects(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16)) {
            for (int p = 0; p < k; p++) {
                parts[p] = new BufferedOutputStream(WriteFailed.open(work.spill(p), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), buffer);
            }
            Sink sink = new Sink(parts, lengths, rejects);
            long before = 0;
            for (int i = 0; i < state.filesRead; i++) {
                before += inputs.get(i).size();
            }
            progress.bytesBefore(before);
            for (int i = state.filesRead; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                sink.file = i;
                sink.seq = 0;
                AtomicLong counter = progress.fileBytes();
                sink.lastLine = 0;
                sink.lastVisitId = "";
                try {
                    switch (in.format()) {
                        case CSV -> csv(i, in, counter, sink);
                        case JSONL -> jsonLines(in, counter, sink);
                        default -> whole(in, counter, sink);
                    }
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    if (!in.gzip()) {
                        throw e;
                    }
                    truncated(in, sink, e);
                }
                for (OutputStream os : parts) {
                    os.flush();
                }
                rejects.flush();
                progress.fileDone(in.size());
                state.spillLengths = lengths.clone();
                state.rejectsLength = sink.rejectsLength;
                state.spilled += sink.spilled;
                state.readRejected += sink.rejected;
                sink.spilled = 0;
                sink.rejected = 0;
                state.filesRead = i + 1;
                if (state.filesRead == inputs.size()) {
                    state.phase = State.Phase.CHECK;
                }
                state.save(work.state());
                unitDone.run();
            }
        } finally {
            for (OutputStream os : parts) {
                if (os != null) {
                    os.close();
                }
            }
        }
        if (inputs.size() == state.filesRead && state.phase == State.Phase.READ) {
            state.phase = State.Phase.CHECK;
            state.save(work.state());
        }
    }

    /** Cuts a file back to the length the manifest recorded (the rest was written after the last save). */
    private static void cut(Path file, long length) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
            return;
        }
        if (Files.size(file) != length) {
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(length);
            }
        }
    }

    /**
     * A gzip file that ends early (a transfer cut short) or is damaged: what was read stands, the rest is one
     * rejected record naming the last line read, and the visit of the last row read is set aside (its other rows
     * may be in the part lost); the manifest records the file ({@link State#endedEarly}) so that the summary and
     * standard error say the totals are partial (any visit may have had rows in the part lost). The other inputs
     * are read as usual.
     */
    private void truncated(Input in, Sink sink, IOException e) throws IOException {
        long after = sink.lastLine;
        String why = EndedEarly.why(e);
        // The rows of a visit may be anywhere in the file: the totals are partial, and the summary says so.
        state.endedEarly.add(new EndedEarly(in.name(), after, why));
        sink.reject(after + 1, "", EndedEarly.lostPart(after, why, in.name()));
        if (!sink.lastVisitId.isEmpty()) {
            sink.lostRow(after, sink.lastVisitId, EndedEarly.lastVisitNote(after));
        }
    }

    /** Appends records to the partitions and rejects, counting bytes for the manifest. */
    private final class Sink {
        final OutputStream[] parts;
        final long[] lengths;
        final OutputStream rejects;
        final Bin.Out record = new Bin.Out(1 << 12);
        final Bin.Out scratch = new Bin.Out(16);
        long rejectsLength;
        int file;
        long seq;
        long spilled;
        long rejected;
        /** The line and visit of the last record of the current file (for a file cut short). */
        long lastLine;
        String lastVisitId = "";

        Sink(OutputStream[] parts, long[] lengths, OutputStream rejects) {
            this.parts = parts;
            this.lengths = lengths;
            this.rejects = rejects;
            this.rejectsLength = state.rejectsLength;
        }

        void add(int kind, long line, String visitId, byte[] data, int off, int len) throws IOException {
            lastLine = line;
            lastVisitId = visitId;
            spill(kind, line, visitId, data, off, len);
            spilled++;
            progress.rows(1);
        }

        /** A {@link Spill#LOST_ROW} note to the visit's partition: not a row, so not counted. */
        void lostRow(long line, String visitId, String reason) throws IOException {
            byte[] b = reason.getBytes(StandardCharsets.UTF_8);
            spill(Spill.LOST_ROW, line, visitId, b, 0, b.length);
        }

        /** A {@link Spill#ORPHAN} note to every partition: not a row, so not counted. */
        void orphan(long line, String key) throws IOException {
            byte[] b = key.getBytes(StandardCharsets.UTF_8);
            for (int p = 0; p < parts.length; p++) {
                Spill.encode(record, Spill.ORPHAN, file, line, seq++, "", b, 0, b.length);
                write(p);
            }
        }

        /** Appends one record to the partition of its visit id. */
        private void spill(int kind, long line, String visitId, byte[] data, int off, int len) throws IOException {
            Spill.encode(record, kind, file, line, seq++, visitId, data, off, len);
            write(Spill.partition(visitId, parts.length));
        }

        /** Writes the record just encoded to partition {@code p}, its length first. */
        private void write(int p) throws IOException {
            scratch.reset();
            scratch.varInt(record.size());
            parts[p].write(scratch.array(), 0, scratch.size());
            parts[p].write(record.array(), 0, record.size());
            lengths[p] += scratch.size() + record.size();
        }

        void reject(long line, String visitId, String reason) throws IOException {
            Bin.Out o = new Bin.Out(64 + reason.length());
            o.varInt(file).varLong(line).varLong(seq++).string(visitId).string(reason);
            scratch.reset();
            scratch.varInt(o.size());
            rejects.write(scratch.array(), 0, scratch.size());
            rejects.write(o.array(), 0, o.size());
            rejectsLength += scratch.size() + o.size();
            rejected++;
            progress.rows(1);
        }
    }

    private void csv(int index, Input in, AtomicLong counter, Sink sink) throws IOException {
        if (state.headers.get(index).isEmpty()) {
            return; // an empty CSV (0 bytes, blank lines): no rows to read
        }
        CsvVisitReader.Header csvHeader = new CsvVisitReader(ref).header(new CsvRecordReader.Record(1,
                state.headers.get(index)));
        int idColumn = csvHeader.column("visitId");
        try (InputStream is = in.open(counter)) {
            CsvSplitter splitter = new CsvSplitter(is);
            boolean[] header = {true};
            splitter.run(new CsvSplitter.Sink() {
                @Override
                public void record(long line, byte[] buf, int off, int len, String visitId) throws IOException {
                    if (visitId.isEmpty() && CsvRecordReader.Record.blank(buf, off, len)) {
                        return; // every field empty (a spreadsheet's trailing rows): a blank line
                    }
                    if (header[0]) {
                        header[0] = false;
                        splitter.idColumn(idColumn);
                        return;
                    }
                    int bad = Utf8.firstInvalid(buf, off, len);
                    if (bad >= 0) {
                        notUtf8(line, buf, off, bad, visitId);
                        return;
                    }
                    sink.add(Spill.CSV, line, visitId, buf, off, len);
                    if (visitId.isEmpty()) {
                        orphan(line, buf, off, len);
                    }
                    if (splitter.lastBreaks() > 0) {
                        lostRows(line, buf, off, len, visitId);
                    }
                }

                /**
                 * A record with bytes that are not UTF-8: rejected with the line and byte they are at (a record over
                 * several lines: the line of the byte); its visit lost a row, so its other rows are set aside.
                 */
                private void notUtf8(long line, byte[] buf, int off, int bad, String visitId) throws IOException {
                    long at = line;
                    int lineStart = off;
                    for (int i = off; i < bad; i++) {
                        if (buf[i] == '\n' || (buf[i] == '\r' && buf[i + 1] != '\n')) {
                            at++;
                            lineStart = i + 1;
                        }
                    }
                    String what = Utf8.problem(buf, bad, bad - lineStart + 1L, " of the line");
                    // An id with bytes that are not UTF-8 names no visit that could be checked.
                    String id = visitId.indexOf('\uFFFD') >= 0 ? "" : visitId;
                    sink.reject(at, id, "line " + at + ": " + what);
                    if (!id.isEmpty()) {
                        sink.lostRow(line, id, VisitAudit.unreadRowNote(line, what));
                    }
                }

                /**
                 * A row without a visit id (rejected by the check pass): the visits of its patient and date may have
                 * lost it, so every partition is told to set them aside.
                 */
                private void orphan(long line, byte[] buf, int off, int len) throws IOException {
                    Optional<String> key = CsvVisitReader.orphanKey(csvHeader,
                            new String(buf, off, len, StandardCharsets.UTF_8), line);
                    if (key.isPresent()) {
                        sink.orphan(line, key.get());
                    }
                }

                /** A record over several lines: the rows a quote left open took in lose their visits a row. */
                private void lostRows(long line, byte[] buf, int off, int len, String visitId) throws IOException {
                    String text = new String(buf, off, len, StandardCharsets.UTF_8);
                    for (CsvVisitReader.Swallowed s : CsvVisitReader.swallowed(csvHeader, text)) {
                        // The row taken in is a row of the input: counted, and set aside with its own line.
                        sink.reject(line + s.offset(), s.visitId(), CsvVisitReader.swallowedRow(s, line).getMessage());
                        if (!s.visitId().equals(visitId)) {
                            sink.lostRow(line, s.visitId(), CsvVisitReader.lostRowNote(line + s.offset(), line));
                        }
                    }
                }

                @Override
                public void oversized(long line, String visitId, boolean oneLine) throws IOException {
                    String what = oneLine ? "a line longer than " + (CsvSplitter.MAX_RECORD >> 20) + " MB"
                            : "a quote opened on this line is not closed within " + (CsvSplitter.MAX_RECORD >> 20)
                                    + " MB; reading goes on at line " + (line + 1);
                    sink.reject(line, visitId, "line " + line + ": " + what);
                    if (!visitId.isEmpty()) {
                        // Its visit lost a row: the other rows are set aside, not checked incomplete.
                        sink.lostRow(line, visitId, VisitAudit.unreadRowNote(line, what));
                    }
                }
            });
        }
    }

    private void jsonLines(Input in, AtomicLong counter, Sink sink) throws IOException {
        VisitJsonReader reader = new VisitJsonReader(ref);
        try (InputStream is = in.open(counter)) {
            ByteLines lines = new ByteLines(is);
            long line = 0;
            while (lines.next()) {
                line++;
                int bad = Utf8.firstInvalid(lines.buf(), 0, lines.length());
                if (bad >= 0) {
                    sink.reject(line, "", "line " + line + ": " + Utf8.problem(lines.buf(), bad, bad + 1L,
                            " of the line"));
                    continue;
                }
                String text = new String(lines.buf(), 0, lines.length(), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                String id;
                try {
                    JsonNode node = reader.parse(text);
                    JsonNode idNode = node.path("id");
                    id = idNode.isTextual() ? idNode.asText().trim() : "";
                } catch (InputException e) {
                    sink.reject(line, "", e.onLine(line).getMessage());
                    continue;
                }
                sink.add(Spill.JSONL, line, id, lines.buf(), 0, lines.length());
            }
        }
    }

    private void whole(Input in, AtomicLong counter, Sink sink) throws IOException {
        List<VisitInput.Result> results;
        try {
            results = VisitInput.read(in.readWhole(counter), in.format(), ref, zone);
        } catch (InputException e) {
            sink.reject(0, "", e.getMessage());
            return;
        }
        for (VisitInput.Result r : results) {
            if (r.visit().isPresent()) {
                Visit v = r.visit().get();
                byte[] b = Json.mapper().writeValueAsBytes(VisitJsonWriter.write(v));
                // A claim: an 837's, or a FHIR Claim's (its billed lines; a FHIR Encounter's visit has none).
                boolean claim = in.format() == org.minutewise.formats.VisitFormat.X12
                        || in.format() == org.minutewise.formats.VisitFormat.FHIR && !v.billed().isEmpty();
                sink.add(claim ? Spill.CLAIM : Spill.VISIT, r.line(), v.id(), b, 0, b.length);
            } else {
                sink.reject(r.line(), r.visitId().orElse(""), r.error().map(InputException::getMessage)
                        .orElse("unreadable visit"));
            }
        }
    }
}
