package org.minutewise.formats.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.formats.InputException;

/**
 * Streams RFC 4180 records: comma separated, fields optionally in double quotes, a quote inside a quoted field
 * doubled, CRLF or LF line ends, line breaks allowed inside quotes. Each record knows the line it starts on.
 */
public final class CsvRecordReader implements AutoCloseable {
    /**
     * One record and the (1-based) line it starts on; {@code plain}: known to hold no control character in any field
     * (U+0000-U+001F or U+007F, so no line break either), which spares {@link CsvVisitReader#row} looking for them
     * (false: not known).
     */
    public record Record(long line, List<String> fields, boolean plain) {
        /** A record not known to be plain. */
        public Record(long line, List<String> fields) {
            this(line, fields, false);
        }

        /**
         * Every field is empty: a row of only commas (a spreadsheet's trailing empty rows), which the readers take
         * for a blank line, as they do a line with nothing on it (a field of white space is not empty).
         */
        public boolean blank() {
            for (String f : fields) {
                if (!f.isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether the record's bytes ({@code len} from {@code off}, UTF-8, line end excluded) are a {@link #blank}
         * row: only commas and quotes, read as fields that are all empty (a quoted quote is text).
         */
        public static boolean blank(byte[] buf, int off, int len) {
            boolean quotes = false;
            for (int i = off; i < off + len; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quotes = true;
                } else if (b != ',') {
                    return false;
                }
            }
            if (!quotes) {
                return true;
            }
            try {
                Record r = parse(new String(buf, off, len, java.nio.charset.StandardCharsets.UTF_8), 1);
                return r != null && r.blank();
            } catch (InputException e) {
                return false;
            }
        }
    }

    /** A field larger than this is refused (a note is a few kilobytes). */
    /** The longest field: the limit of a text field in every input (the visit JSON's {@code Json.MAX_STRING}). */
    public static final int MAX_FIELD = org.minutewise.formats.Json.MAX_STRING;

    private final Reader in;
    private final char[] buf;
    /** The header's column names, which errors name a column by ({@link #names}); empty: by number. */
    private List<String> names = List.of();
    private int pos;
    private int len;
    private long line = 1;
    private boolean eof;

    public CsvRecordReader(Reader in) {
        this(in, 1);
    }

    /**
     * Reads a part of a larger file whose first character is on {@code firstLine}: records and errors name the
     * lines of the whole file (the batch audit parses records it cut from a file on their own).
     */
    public CsvRecordReader(Reader in, long firstLine) {
        this(in, firstLine, 1 << 16);
    }

    private CsvRecordReader(Reader in, long firstLine, int bufferSize) {
        this.in = in;
        this.line = firstLine;
        this.buf = new char[bufferSize];
    }

    /**
     * The first record of a text cut from a larger file whose first character is on {@code firstLine} (the batch
     * audit parses each record it cut on its own), or null when the text holds none.
     */
    public static Record parse(String text, long firstLine) {
        return parse(text, firstLine, List.of());
    }

    /**
     * {@link #parse(String, long)} of a row of a file whose header has the column names {@code names}: an error
     * names the column by its header name ("line 12, column note"), as the visit reader's errors do.
     */
    public static Record parse(String text, long firstLine, List<String> names) {
        List<String> simple = simpleFields(text);
        if (simple != null) {
            return new Record(firstLine, simple);
        }
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), firstLine,
                Math.max(16, Math.min(text.length() + 1, 1 << 16)))) {
            return r.names(names).next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields of a record that is one plain line (quoted fields may hold line breaks), split with
     * {@code indexOf} instead of the reader; null for anything else (an empty text, a leading blank line, a quote
     * inside an unquoted field, text after a closing quote, a quote never closed, an over-long field, a second
     * record), which the reader then reads with its exact result or error. A property test holds the two equal.
     */
    static List<String> simpleFields(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        if (end == 0) {
            return null;
        }
        List<String> out = new ArrayList<>(20);
        int i = 0;
        while (true) {
            if (i < end && text.charAt(i) == '"') {
                int from = i + 1;
                int j = from;
                StringBuilder sb = null;
                String field;
                while (true) {
                    int q = text.indexOf('"', j);
                    if (q < 0 || q >= end) {
                        return null;
                    }
                    if (q + 1 < end && text.charAt(q + 1) == '"') {
                        if (sb == null) {
                            sb = new StringBuilder(q - from + 16);
                        }
                        sb.append(text, j, q + 1);
                        j = q + 2;
                        continue;
                    }
                    field = sb == null ? text.substring(from, q) : sb.append(text, j, q).toString();
                    i = q + 1;
                    break;
                }
                if (field.length() > MAX_FIELD) {
                    return null;
                }
                out.add(field);
                if (i == end) {
                    return out;
                }
                if (text.charAt(i) != ',') {
                    return null;
                }
                i++;
            } else {
                int c = text.indexOf(',', i);
                if (c < 0 || c > end) {
                    c = end;
                }
                for (int k = i; k < c; k++) {
                    char ch = text.charAt(k);
                    if (ch == '"' || ch == '\r' || ch == '\n') {
                        return null;
                    }
                }
                if (c - i > MAX_FIELD) {
                    return null;
                }
                out.add(text.substring(i, c));
                if (c == end) {
                    return out;
                }
                i = c + 1;
            }
        }
    }

    /**
     * Names the columns of the records that follow by the header's {@code names} in errors ("line 12, column note:
     * field longer than ..."): a column past them, or of a blank name, by its number as before. Returns this reader.
     */
    public CsvRecordReader names(List<String> names) {
        this.names = List.copyOf(names);
        return this;
    }

    /** "column note", or "column 18" for a column the header does not name. */
    private String column(int index) {
        String name = index < names.size() ? names.get(index) : "";
        return "column " + (name.isEmpty() ? String.valueOf(index + 1) : name);
    }

    private int read() throws IOException {
        if (pos == len) {
            if (eof) {
                return -1;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                eof = true;
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            long start = line;
            List<String> fields = new ArrayList<>(20);
            StringBuilder f = new StringBuilder();
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                continue; // blank line
            }
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw new InputException("line " + start, "a quoted field is not closed before the end of "
                                + "the file");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            f.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        f.append((char) c);
                    }
                } else if (c == '"' && f.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r' || c < 0) {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    if (c >= 0) {
                        line++;
                    }
                    fields.add(f.toString());
                    return new Record(start, fields);
                } else {
                    if (wasQuoted) {
                        if (line != start) {
                            // The row's own line is the one to fix: its quote ran on into the next lines.
                            throw new InputException("line " + start + ", " + column(fields.size()), "a quoted "
                                    + "field opened on line " + start + " closes on line " + line + " and text follows "
                                    + "the closing quote (a quote left open, or a quote inside a field not doubled)");
                        }
                        throw new InputException("line " + line + ", " + column(fields.size()),
                                "text after a closing quote (a quote inside a field must be doubled)");
                    }
                    f.append((char) c);
                }
                if (f.length() > MAX_FIELD) {
                    throw new InputException("line " + start + ", " + column(fields.size()), "field longer than "
                            + String.format(java.util.Locale.ROOT, "%,d", MAX_FIELD) + " characters (the limit of a "
                            + "text field, as in the visit JSON)");
                }
                c = read();
            }
        }
    }

    /** Lines read so far (for progress). */
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
