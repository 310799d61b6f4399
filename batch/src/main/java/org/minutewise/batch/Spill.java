package org.minutewise.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.formats.audit.Bin;

/**
 * The records of the work files: length-prefixed, each a small header and its data. A partition record holds one
 * input record routed by visit id (a CSV record's raw bytes, or a visit's JSON); a rejected record holds a row
 * that could not be read and the reason.
 */
final class Spill {
    /** A CSV record, its bytes as in the file. */
    static final int CSV = 0;
    /** One visit of a JSON Lines file: the line as in the file. */
    static final int JSONL = 1;
    /** One visit read from a whole-file format (JSON, FHIR), written back as visit JSON. */
    static final int VISIT = 2;
    /**
     * Not an input row: word that a row of this visit was taken into another record's quoted field left open (the
     * data is the reason). The check pass sets the visit's other rows aside instead of checking it incomplete.
     */
    static final int LOST_ROW = 3;
    /**
     * One claim of an 837 (X12) or a FHIR Claim, written back as visit JSON: a claim only, no note and no minutes
     * behind it. Its line is an 837 claim's segment position (0 for FHIR).
     */
    static final int CLAIM = 4;
    /**
     * Not an input row: word, written to every partition, that a CSV row without a visit id gives a patient and date
     * (the data is {@code CsvVisitReader.orphanKey}): the check pass sets aside the visits of that patient and date,
     * which may have lost the row.
     */
    static final int ORPHAN = 5;

    private Spill() {
    }

    /** A partition record; {@code data} is a range of the partition's bytes. */
    record Rec(int kind, int file, long line, long seq, String visitId, int dataOff, int dataLen) {
        String text(byte[] all) {
            return new String(all, dataOff, dataLen, StandardCharsets.UTF_8);
        }
    }

    /** A row that could not be read. {@code line} 0: not known (a visit inside a JSON file). */
    record Reject(int file, long line, long seq, String visitId, String reason) {
    }

    static void encode(Bin.Out o, int kind, int file, long line, long seq, String visitId, byte[] data, int off,
                       int len) {
        o.reset();
        o.u8(kind).varInt(file).varLong(line).varLong(seq).string(visitId).bytes(data, off, len);
    }

    static List<Rec> decodeAll(byte[] all) {
        List<Rec> out = new ArrayList<>();
        Bin.In in = new Bin.In(all);
        while (in.more()) {
            int n = in.varInt();
            int end = in.position() + n;
            int kind = in.u8();
            int file = in.varInt();
            long line = in.varLong();
            long seq = in.varLong();
            String id = in.string();
            int off = in.skipBytes();
            out.add(new Rec(kind, file, line, seq, id, off, in.lastLength()));
            in.seek(end);
        }
        return out;
    }

    /** Receives one partition record: its bytes and its decoded header. */
    interface RecordSink {
        void accept(byte[] record, Rec header) throws IOException;
    }

    /** Streams the records of a partition file (for one too large to load). */
    static void forEach(Path file, RecordSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                long n = 0;
                int shift = 0;
                int b;
                do {
                    b = in.read();
                    if (b < 0) {
                        if (shift != 0) {
                            throw new IOException("truncated work file " + file);
                        }
                        return;
                    }
                    n |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                byte[] rec = in.readNBytes((int) n);
                if (rec.length != n) {
                    throw new IOException("truncated work file " + file);
                }
                Bin.In r = new Bin.In(rec);
                int kind = r.u8();
                int f = r.varInt();
                long line = r.varLong();
                long seq = r.varLong();
                String id = r.string();
                int off = r.skipBytes();
                sink.accept(rec, new Rec(kind, f, line, seq, id, off, r.lastLength()));
            }
        }
    }

    static void writeReject(OutputStream os, Bin.Out o, Bin.Out scratch, Reject r) throws IOException {
        o.reset();
        o.varInt(r.file()).varLong(r.line()).varLong(r.seq()).string(r.visitId()).string(r.reason());
        o.writeRecordTo(os, scratch);
    }

    static List<Reject> readRejects(byte[] all) {
        List<Reject> out = new ArrayList<>();
        Bin.In in = new Bin.In(all);
        while (in.more()) {
            int n = in.varInt();
            int end = in.position() + n;
            out.add(new Reject(in.varInt(), in.varLong(), in.varLong(), in.string(), in.string()));
            in.seek(end);
        }
        return out;
    }

    /** The partition of a key (a visit, patient or provider id): a well-mixed hash, stable across runs. */
    static int partition(String key, int partitions) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, partitions);
    }
}
