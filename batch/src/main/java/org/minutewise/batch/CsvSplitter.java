package org.minutewise.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a CSV byte stream into records without decoding it: the first pass of the audit only needs each record's
 * bytes, the line it starts on and its visit id (to pick a partition). It follows the record boundaries and line
 * counting of {@link org.minutewise.formats.csv.CsvRecordReader} exactly (RFC 4180 quotes, CRLF, LF or CR line
 * ends, line breaks inside quotes, blank lines skipped), so the second pass can parse each record with that
 * reader and get the same fields, errors and line numbers as a streaming read of the whole file. A record longer
 * than {@link #MAX_RECORD} bytes is reported on its own: when it runs over several lines (a quote opened and never
 * closed) only its first line is set aside and reading resumes on the line after it, so one stray quote cannot
 * swallow the rows that follow; a single line that long is skipped to its end.
 */
final class CsvSplitter {
    /** A record longer than this is set aside: 4 MB, room for a note of {@code CsvRecordReader.MAX_FIELD}. */
    static final int MAX_RECORD = 4 << 20;

    interface Sink {
        /** One record: its bytes (without the line end), the line it starts on, and its visit id ("" if none). */
        void record(long line, byte[] buf, int off, int len, String visitId) throws IOException;

        /**
         * A record longer than {@link #MAX_RECORD} starting on this line, with its visit id when the field was read
         * ("" if not): {@code oneLine} when the line itself is that long (skipped to its end), else only this line
         * is set aside and the next record starts on the line after it.
         */
        void oversized(long line, String visitId, boolean oneLine) throws IOException;
    }

    private final InputStream in;
    private byte[] buf;
    private int len;
    private int pos;
    private int start;
    private int idFrom;
    private int idTo;
    private boolean eof;
    private int idColumn = -1;
    /** The line the next record starts on. */
    private long line = 1;
    /** Line breaks inside the quoted fields of the record last handed to the sink. */
    private long lastBreaks;

    CsvSplitter(InputStream in) {
        this(in, 1 << 20);
    }

    /** With a given initial buffer (tests use tiny ones to cut records across refills). */
    CsvSplitter(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[Math.max(1, bufferSize)];
    }

    /**
     * Line breaks inside the quoted fields of the record the sink is being handed (0 for the usual record on one
     * line): a record over several lines may have taken in other rows through a quote left open.
     */
    long lastBreaks() {
        return lastBreaks;
    }

    /** The column of the visit id (0-based), once the header is known; -1 before. */
    void idColumn(int column) {
        this.idColumn = column;
    }

    /** True when {@code buf[pos + ahead]} is readable; reads more (keeping the record from {@code start}). */
    private boolean have(int ahead) throws IOException {
        while (pos + ahead >= len) {
            if (eof) {
                return false;
            }
            if (start > 0) {
                int shift = start;
                System.arraycopy(buf, start, buf, 0, len - start);
                len -= shift;
                pos -= shift;
                start = 0;
                if (idFrom >= 0) {
                    idFrom -= shift;
                }
                if (idTo >= 0) {
                    idTo -= shift;
                }
            } else if (len == buf.length) {
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, len);
                buf = bigger;
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
        return true;
    }

    /** Reads the whole stream, calling the sink for every record in order. */
    void run(Sink sink) throws IOException {
        line = 1;
        while (next(sink)) {
            // one record (or blank line) at a time: a method the JIT compiles whole, not a loop replaced on stack
        }
    }

    /** Reads the next record (or blank line) and hands it to the sink; false at the end of the stream. */
    private boolean next(Sink sink) throws IOException {
        start = pos;
        idFrom = -1;
        idTo = -1;
        if (!have(0)) {
            return false;
        }
        byte c = buf[pos];
        if (c == '\r' || c == '\n') {
            endLine(c);
            return true;
        }
        int field = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        long breaks = 0;
        boolean ended = false;
        boolean oversized = false;
        if (idColumn == 0) {
            idFrom = pos;
        }
        while (have(0)) {
            c = buf[pos];
            if (quoted) {
                if (c == '"') {
                    if (have(1) && buf[pos + 1] == '"') {
                        pos += 2;
                    } else {
                        quoted = false;
                        pos++;
                    }
                } else {
                    // A run of quoted text (most of a note) in one tight loop, up to the next quote, the end
                    // of what is buffered or the record limit.
                    final byte[] b = buf;
                    final int lim = (int) Math.min(len, (long) start + MAX_RECORD + 1);
                    int p = pos;
                    while (p < lim) {
                        byte x = b[p];
                        if (x == '"') {
                            break;
                        }
                        if (x == '\n') {
                            breaks++;
                        }
                        p++;
                    }
                    pos = p; // at least one byte on: b[pos] is no quote and pos < lim
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                pos++;
            } else if (c == ',') {
                if (field == idColumn) {
                    idTo = pos;
                }
                field++;
                fieldStart = true;
                pos++;
                if (field == idColumn) {
                    idFrom = pos;
                }
            } else if (c == '\n' || c == '\r') {
                ended = true;
                break;
            } else {
                // A run of unquoted text: past the field's first character a quote is text like any other.
                fieldStart = false;
                final byte[] b = buf;
                final int lim = (int) Math.min(len, (long) start + MAX_RECORD + 1);
                int p = pos + 1;
                while (p < lim) {
                    byte x = b[p];
                    if (x == ',' || x == '\n' || x == '\r') {
                        break;
                    }
                    p++;
                }
                pos = p;
            }
            if (pos - start > MAX_RECORD) {
                oversized = true;
                break;
            }
        }
        if (oversized) {
            int end = start;
            while (end < pos && buf[end] != '\n' && buf[end] != '\r') {
                end++;
            }
            String id = idFrom >= 0 && idTo >= idFrom && idTo <= end ? visitId(buf, idFrom, idTo) : "";
            sink.oversized(line, id, end == pos);
            if (end < pos) {
                // A quote opened on this line and not closed within the limit: the lines it took in are read again
                // as the records they are.
                pos = end;
                start = end;
                endLine(buf[end]);
                return true;
            }
            while (have(0) && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
                start = pos;
            }
            return true; // the line end, if any, is counted as a blank line
        }
        if (field == idColumn && idFrom >= 0 && idTo < 0) {
            idTo = pos;
        }
        String id = idFrom >= 0 && idTo >= idFrom ? visitId(buf, idFrom, idTo) : "";
        lastBreaks = breaks;
        sink.record(line, buf, start, pos - start, id);
        line += breaks;
        if (ended) {
            endLine(c);
        }
        return true;
    }

    /** Steps over the line end {@code c} at {@code pos} (CR, LF or CR LF) and counts the line. */
    private void endLine(byte c) throws IOException {
        pos++;
        start = pos;
        if (c == '\r' && have(0) && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    /** The field as {@code CsvRecordReader} reads it, trimmed as the CSV layout reads values. */
    static String visitId(byte[] b, int from, int to) {
        if (from < to && b[from] == '"') {
            byte[] out = new byte[to - from];
            int n = 0;
            int i = from + 1;
            while (i < to) {
                if (b[i] == '"') {
                    if (i + 1 < to && b[i + 1] == '"') {
                        out[n++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    // Text after the closing quote is an error the second pass reports; keep it for routing.
                    while (i < to) {
                        out[n++] = b[i++];
                    }
                    break;
                }
                out[n++] = b[i++];
            }
            return new String(out, 0, n, StandardCharsets.UTF_8).trim();
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8).trim();
    }
}
