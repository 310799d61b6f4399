package org.minutewise.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Utf8;
import org.minutewise.formats.audit.EndedEarly;
import scala.Tuple2;

/**
 * A CSV file of the documented layout as records, split across the cluster. Spark splits a text file at line ends,
 * but a quoted field may hold a line break, so a record may span lines and even splits. Two passes make it exact:
 * the first counts each split's lines and, for both ways a split can begin (inside or outside a quoted field), where
 * an unfinished record at its end began; the driver chains the splits; the second pass emits each record with its
 * line number (the line its first character is on, the header being line 1). The rare records that cross a split
 * boundary are stitched with one small shuffle over the splits involved only.
 */
final class CsvLines {
    private CsvLines() {
    }

    /**
     * Whether a line ends inside a quoted field, given whether it starts inside one. Follows RFC 4180 as the
     * project's CSV reader does: a quote opens a quoted field only at the start of a field; inside, {@code ""} is
     * a quote and a lone quote closes the field.
     */
    static boolean insideAtEnd(String s, boolean inside) {
        return scan(s, inside, false) == INSIDE;
    }

    private static final int OUTSIDE = 0;
    private static final int INSIDE = 1;
    private static final int BARE_CR_FOUND = 2;

    /**
     * Follows the quotes of a line from the given state to its end: {@link #INSIDE} or {@link #OUTSIDE} a quoted
     * field there; or, when {@code stopAtCr}, {@link #BARE_CR_FOUND} at a carriage return outside quotes that is
     * not the line's last character.
     */
    private static int scan(String s, boolean inside, boolean stopAtCr) {
        boolean fieldStart = !inside;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inside) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inside = false;
                        fieldStart = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inside = true;
            } else if (stopAtCr && c == '\r' && i < n - 1) {
                return BARE_CR_FOUND;
            } else {
                fieldStart = c == ',';
            }
        }
        return inside ? INSIDE : OUTSIDE;
    }

    /** Why a record with a bare carriage return inside is set aside (the job cuts records at line feeds only). */
    static final String BARE_CR = "a bare carriage return (\\r without \\n) ends a record inside this line; the Spark "
            + "job reads records at line feeds only: convert the file's line ends to \\n or \\r\\n";

    /**
     * Whether a record's text holds a carriage return outside quotes that is not its last character: a line end
     * the single-process reader would cut at, which the job's reader (line feeds only) did not; the record is set
     * aside rather than read as one record.
     */
    static boolean bareCarriageReturn(String s) {
        int cr = s.indexOf('\r');
        return cr >= 0 && cr < s.length() - 1 && scan(s, false, true) == BARE_CR_FOUND;
    }

    private static final long CLOSED = -1;
    private static final long CARRIED = -2;

    /**
     * The first pass over one split: {@code [lines, end0, end1, last]} where {@code endK} is, for a split that begins
     * outside (K=0) or inside (K=1) a quoted field, the local index of the line where the record left unfinished
     * at the split's end began, {@link #CARRIED} when that is the record carried in from before, or {@link #CLOSED};
     * and {@code last} the local index of the line the split's last whole record began on (beginning outside), or -1.
     */
    static long[] summarize(Iterator<String> lines) {
        boolean[] inside = {false, true};
        long[] start = {CLOSED, CARRIED};
        long n = 0;
        long lastRecord = -1; // the line the last whole record began on, for a split that begins outside quotes
        long opened = -1;
        while (lines.hasNext()) {
            String s = lines.next();
            if (!inside[0] && !s.isEmpty() && !s.equals("\r")) {
                opened = n;
            }
            for (int k = 0; k < 2; k++) {
                boolean was = inside[k];
                inside[k] = insideAtEnd(s, was);
                if (!was && inside[k]) {
                    start[k] = n;
                } else if (!inside[k]) {
                    start[k] = CLOSED;
                }
            }
            if (!inside[0] && opened >= 0) {
                lastRecord = opened;
                opened = -1;
            }
            n++;
        }
        return new long[] {n, start[0], start[1], lastRecord};
    }

    /** How each split begins: its first line's index in the file, inside a quoted field or not, and since when. */
    static final class Chain implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final long[] offset;
        private final boolean[] inside;
        private final long[] carriedStart;

        Chain(long[] offset, boolean[] inside, long[] carriedStart) {
            this.offset = offset;
            this.inside = inside;
            this.carriedStart = carriedStart;
        }

        long[] offset() {
            return offset;
        }

        boolean[] inside() {
            return inside;
        }

        long[] carriedStart() {
            return carriedStart;
        }

        boolean spans(int p) {
            return inside[p] || p + 1 < inside.length && inside[p + 1];
        }
    }

    /**
     * Chains the splits' summaries. A quoted field that is never closed, or that runs through a whole split (tens
     * of megabytes), is an error naming its line: read on, it would make the rest of the file one record.
     */
    static Chain chain(String path, List<long[]> summaries) {
        return chain(path, summaries, false);
    }

    /**
     * The same; with {@code cutShort}, the last split's compressed data ended early, so a record left open at its end
     * is not an error: it is lost with the part that could not be read (as the single-process audit loses it).
     */
    static Chain chain(String path, List<long[]> summaries, boolean cutShort) {
        int k = summaries.size();
        long[] offset = new long[k];
        boolean[] inside = new boolean[k];
        long[] carried = new long[k];
        long pos = 0;
        boolean in = false;
        long since = CLOSED;
        for (int p = 0; p < k; p++) {
            long[] s = summaries.get(p);
            offset[p] = pos;
            inside[p] = in;
            carried[p] = since;
            long end = s[in ? 2 : 1];
            if (in && end == CARRIED && s[0] > 0 && p + 1 < k) {
                throw new InputException(path, "line " + (since + 1) + ": a quoted field opened there runs "
                        + "through more than a whole split of the file (a quote never closed?); fix the file");
            }
            if (end == CLOSED) {
                in = false;
                since = CLOSED;
            } else if (end != CARRIED) {
                in = true;
                since = pos + end;
            }
            pos += s[0];
        }
        if (in && !cutShort) {
            throw new InputException(path, "line " + (since + 1) + ": a quoted field opened there is never "
                    + "closed; fix the file");
        }
        return new Chain(offset, inside, carried);
    }

    /**
     * The lines of a text file (gzip and the other Hadoop codecs accepted), split at {@code \n} only, so that a
     * {@code \r} before it stays in the text: a quoted field keeps its line breaks as written, and the CSV reader
     * drops a record's own {@code \r\n} itself. With {@code minPartitions > 0} the file is cut into at least that
     * many splits (when it is splittable).
     */
    static JavaRDD<String> lines(JavaSparkContext jsc, String path, int minPartitions) throws IOException {
        return rawLines(jsc, path, minPartitions).mapPartitions(UntilCut::new, true);
    }

    /** The lines as Hadoop reads them: a gzip file cut short or damaged fails the task that reads it. */
    private static JavaRDD<String> rawLines(JavaSparkContext jsc, String path, int minPartitions) throws IOException {
        Configuration conf = new Configuration(jsc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        if (minPartitions > 0) {
            Path p = new Path(path);
            long length = p.getFileSystem(conf).getContentSummary(p).getLength();
            conf.setLong(FileInputFormat.SPLIT_MAXSIZE, Math.max(1, (length + minPartitions - 1) / minPartitions));
        }
        return jsc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(t -> text(t._2()));
    }

    /**
     * Put after the text of a line whose bytes are not all UTF-8 (decoded, they are U+FFFD), with what is wrong, to
     * the line's end: the record it belongs to is rejected as the single-process audit rejects it ({@link #read}).
     * It holds no quote and no comma, so the line's quotes are followed as before.
     */
    static final String NOT_UTF8 = "\u0000\u0001not UTF-8:";

    /** A line's text; when its bytes are not all UTF-8, with {@link #NOT_UTF8} and the problem after it. */
    static String text(Text t) {
        byte[] b = t.getBytes();
        int n = t.getLength();
        String s = new String(b, 0, n, StandardCharsets.UTF_8);
        int bad = Utf8.firstInvalid(b, 0, n);
        return bad < 0 ? s : s + NOT_UTF8 + Utf8.problem(b, bad, bad + 1L, " of the line");
    }

    /** A line's or record's text without the {@link #NOT_UTF8} notes (the bad bytes as U+FFFD). */
    static String withoutNotes(String text) {
        int at = text.indexOf(NOT_UTF8);
        if (at < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            sb.append(text, from, at);
            int end = text.indexOf('\n', at);
            from = end < 0 ? text.length() : end;
            at = text.indexOf(NOT_UTF8, from);
        }
        return sb.append(text, from, text.length()).toString();
    }

    /**
     * The lines of a split up to where its compressed data ends early (a gzip file cut short: Hadoop's reader throws
     * {@link java.io.EOFException}) or turns out damaged ({@link java.util.zip.ZipException}): what came before is
     * read, as the single-process audit reads it, and {@link #problem()} says why the rest was not.
     */
    static final class UntilCut implements Iterator<String> {
        private final Iterator<String> lines;
        private String problem = "";

        UntilCut(Iterator<String> lines) {
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            if (cut()) {
                return false;
            }
            try {
                return lines.hasNext();
            } catch (Exception e) {
                // Hadoop's iterator throws the reader's IOException unchecked (Scala).
                if (!(e instanceof java.io.EOFException) && !(e instanceof java.util.zip.ZipException)) {
                    throw e;
                }
                problem = EndedEarly.why((java.io.IOException) e);
                return false;
            }
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return lines.next();
        }

        /** Whether the lines stopped where the compressed data ended early or was damaged. */
        boolean cut() {
            return !problem.isEmpty();
        }

        /** What was wrong, in the single-process audit's words ({@link EndedEarly#why}); "" when not cut. */
        String problem() {
            return problem;
        }
    }

    /**
     * Where a file's compressed data ended early (or turned out damaged): {@code lines} is the line the last record
     * read began on (0 when none was, after the header), and the rest of the file was not read.
     */
    record Cut(long lines, String problem) implements java.io.Serializable {
    }

    /**
     * A line of only commas (every field empty: a spreadsheet's trailing rows) is a blank line, as the audit reads it
     * ({@link org.minutewise.formats.csv.CsvRecordReader.Record#blank(byte[], int, int)}).
     */
    static boolean commasOnly(String line) {
        char c = line.charAt(0);
        if (c != ',' && c != '"') {
            return false;
        }
        byte[] b = (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)
                .getBytes(StandardCharsets.UTF_8);
        return org.minutewise.formats.csv.CsvRecordReader.Record.blank(b, 0, b.length);
    }

    /** The records of input file {@code file}, each read into fields, header and blank lines left out. */
    static JavaRDD<InRow> records(JavaSparkContext jsc, String path, int file, int minPartitions, int idColumn)
            throws IOException {
        return records(jsc, path, file, minPartitions, idColumn, 0, cut -> { });
    }

    /**
     * The same, the header on line index {@code header} (blank lines before it); {@code cuts} is told when the file's
     * compressed data ends early or is damaged (what came before is read).
     */
    static JavaRDD<InRow> records(JavaSparkContext jsc, String path, int file, int minPartitions, int idColumn,
                                  long header, java.util.function.Consumer<Cut> cuts) throws IOException {
        JavaRDD<String> raw = rawLines(jsc, path, minPartitions);
        JavaRDD<String> lines = raw.mapPartitions(UntilCut::new, true);
        List<Tuple2<long[], String>> summarized = raw.mapPartitionsWithIndex((p, it) -> {
            UntilCut u = new UntilCut(it);
            long[] s = summarize(u);
            return Collections.singletonList(new Tuple2<>(s, u.problem())).iterator();
        }, true).collect();
        List<long[]> summaries = new ArrayList<>(summarized.size());
        boolean cutShort = false;
        long read = 0;
        for (Tuple2<long[], String> t : summarized) {
            long[] s = t._1();
            summaries.add(s);
            if (!t._2().isEmpty()) {
                // A compressed file is one split (it begins outside quotes): the line its last record began on, as
                // the audit names it (0: no record after the header).
                long last = s[3] < 0 ? -1 : read + s[3];
                cuts.accept(new Cut(last > header ? last + 1 : 0, t._2()));
                cutShort = true;
                break;
            }
            read += s[0];
        }
        Broadcast<Chain> chain = jsc.broadcast(chain(path, summaries, cutShort));
        JavaRDD<InRow> whole = raw.mapPartitionsWithIndex((p, it) -> whole(p, it, chain.value(), file, idColumn,
                header), true);
        boolean anySpan = false;
        for (int p = 0; p < summaries.size(); p++) {
            anySpan |= chain.value().spans(p);
        }
        if (!anySpan) {
            return whole;
        }
        JavaPairRDD<Long, Tuple2<Long, String>> pieces = lines.mapPartitionsWithIndex((p, it) ->
                pieces(p, it, chain.value()), true).mapToPair(t -> t);
        JavaRDD<InRow> stitched = pieces.filter(t -> t._1() > header).groupByKey().map(g -> {
            List<Tuple2<Long, String>> parts = new ArrayList<>();
            g._2().forEach(parts::add);
            parts.sort((a, b) -> Long.compare(a._1(), b._1()));
            List<String> texts = new ArrayList<>(parts.size());
            for (Tuple2<Long, String> t : parts) {
                texts.add(t._2());
            }
            return read(file, g._1(), String.join("\n", texts), idColumn);
        });
        return whole.union(stitched);
    }

    /**
     * The records that begin and end inside split {@code p}; for a split whose compressed data ends early, then
     * two markers ({@link #ended}).
     */
    private static Iterator<InRow> whole(int p, Iterator<String> raw, Chain chain, int file, int idColumn,
                                         long header) {
        return new Whole(new UntilCut(raw), chain.inside()[p], chain.offset()[p], file, idColumn, header);
    }

    /**
     * The markers that follow the last record of a file whose compressed data ended early, as the single-process
     * audit writes them: one record that stands for the part lost ({@link AuditJob#ENDED}: a row read and rejected,
     * on the line after the last record), and a note to the visit of the last record ({@link AuditJob#CUT}: not a
     * row) that sets its rows aside, since they may go on in the part lost.
     */
    static List<InRow> ended(int file, long lastLine, String lastVisitId, long seq, String problem) {
        List<InRow> out = new ArrayList<>(2);
        out.add(new InRow(file, lastLine + 1, seq, "", AuditJob.ENDED + lastLine + ":" + problem));
        if (!lastVisitId.isEmpty()) {
            out.add(new InRow(file, lastLine, seq, lastVisitId, AuditJob.CUT + lastLine));
        }
        return out;
    }

    /** The records of one split, made as they are asked for (a split holds millions of lines). */
    private static final class Whole implements Iterator<InRow> {
        private final UntilCut it;
        private final int file;
        private final int idColumn;
        private final long header;
        private boolean inside;
        private boolean carried;
        private long idx;
        private StringBuilder cur;
        private long start = -1;
        private InRow next;
        /** The line and visit of the last record made, for the markers of a split cut short. */
        private long lastLine;
        private String lastVisitId = "";
        private List<InRow> markers;

        Whole(UntilCut it, boolean inside, long offset, int file, int idColumn, long header) {
            this.it = it;
            this.header = header;
            this.inside = inside;
            this.carried = inside;
            this.idx = offset;
            this.file = file;
            this.idColumn = idColumn;
        }

        @Override
        public boolean hasNext() {
            while (next == null && it.hasNext()) {
                String s = it.next();
                boolean after = insideAtEnd(s, inside);
                if (carried) {
                    carried = after;
                } else if (!inside) {
                    if (after) {
                        cur = new StringBuilder(s);
                        start = idx;
                    } else if (idx > header && !s.isEmpty() && !s.equals("\r") && !commasOnly(s)) {
                        next = read(file, idx, s, idColumn);
                    }
                } else {
                    cur.append('\n').append(s);
                    if (!after) {
                        next = read(file, start, cur.toString(), idColumn);
                        cur = null;
                    }
                }
                inside = after;
                idx++;
            }
            if (next != null) {
                lastLine = next.line;
                lastVisitId = next.visitId;
                return true;
            }
            if (markers == null && it.cut()) {
                markers = ended(file, lastLine, lastVisitId, idx, it.problem());
            }
            if (markers != null && !markers.isEmpty()) {
                next = markers.remove(0);
                return true;
            }
            return false;
        }

        @Override
        public InRow next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            InRow r = next;
            next = null;
            return r;
        }
    }

    /**
     * The lines of records that cross a split boundary, keyed by the index of the record's first line, each with
     * its own index for the order: the record carried in at the split's start and the one left open at its end.
     */
    private static Iterator<Tuple2<Long, Tuple2<Long, String>>> pieces(int p, Iterator<String> it, Chain chain) {
        List<Tuple2<Long, Tuple2<Long, String>>> out = new ArrayList<>();
        if (!chain.spans(p)) {
            return out.iterator();
        }
        boolean inside = chain.inside()[p];
        boolean carried = inside;
        long idx = chain.offset()[p];
        long start = -1;
        List<Tuple2<Long, String>> open = new ArrayList<>();
        while (it.hasNext()) {
            String s = it.next();
            boolean after = insideAtEnd(s, inside);
            if (carried) {
                out.add(new Tuple2<>(chain.carriedStart()[p], new Tuple2<>(idx, s)));
                carried = after;
            } else if (!inside) {
                open.clear();
                if (after) {
                    start = idx;
                    open.add(new Tuple2<>(idx, s));
                }
            } else {
                open.add(new Tuple2<>(idx, s));
                if (!after) {
                    open.clear();
                }
            }
            inside = after;
            idx++;
        }
        if (inside && !carried) {
            for (Tuple2<Long, String> t : open) {
                out.add(new Tuple2<>(start, t));
            }
        }
        return out.iterator();
    }

    /**
     * One record's text, with the visit id that routes it. A record with bytes that are not UTF-8 is rejected as the
     * single-process audit rejects it: on the line of the first bad byte, saying which byte of that line; its visit
     * id, read with the bad bytes as U+FFFD, routes it unless the bad bytes are in the id (then it names no visit).
     */
    static InRow read(int file, long idx, String text, int idColumn) {
        int bad = text.indexOf(NOT_UTF8);
        if (bad < 0) {
            return new InRow(file, idx + 1, idx, lenientField(text, idColumn), text);
        }
        long at = idx + 1;
        for (int i = 0; i < bad; i++) {
            at += text.charAt(i) == '\n' ? 1 : 0;
        }
        int end = text.indexOf('\n', bad);
        String what = text.substring(bad + NOT_UTF8.length(), end < 0 ? text.length() : end);
        String id = lenientField(withoutNotes(text), idColumn);
        return new InRow(file, at, idx, id.indexOf('\uFFFD') >= 0 ? "" : id, AuditJob.NOT_UTF8 + (idx + 1) + ":"
                + what);
    }

    /**
     * A field of a record, trimmed, read leniently (text after a closing quote kept, a quote never closed running
     * to the end): for a well-formed record exactly the field the CSV reader reads; for one it refuses, the visit
     * id the single-process audit routes it by, so that its reject names the visit.
     */
    static String lenientField(String text, int column) {
        if (column < 0) {
            return "";
        }
        int field = 0;
        boolean inside = false;
        boolean fieldStart = true;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inside) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    inside = false;
                    continue;
                }
            } else if (c == ',') {
                if (field == column) {
                    break;
                }
                field++;
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                inside = true;
                fieldStart = false;
                continue;
            }
            fieldStart = false;
            if (field == column) {
                sb.append(c);
            }
        }
        return field == column ? sb.toString().trim() : "";
    }
}
