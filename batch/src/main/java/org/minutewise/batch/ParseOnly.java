package org.minutewise.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Utf8;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * The bare parse ({@code audit --parse-only}): reads and validates every row exactly as the audit does (CSV
 * records cut by {@link CsvSplitter}, split by {@link RecordFields} or {@link CsvRecordReader}, validated by
 * {@link CsvVisitReader#row}; JSON Lines and whole-file formats read into visits), on one thread, with no
 * partitioning and no checks. The benchmark compares the audit with it.
 */
public final class ParseOnly {
    /**
     * Rows read, valid and rejected, the input bytes, the time taken, and what is known of each gzip input that
     * ended early (its name, where and why: the rest of it was not parsed).
     */
    public record Result(long read, long valid, long rejected, long bytes, Duration elapsed, List<Early> endedEarly) {
        public Result {
            endedEarly = List.copyOf(endedEarly);
        }

        public double rowsPerSecond() {
            return elapsed.toNanos() == 0 ? 0 : read * 1e9 / elapsed.toNanos();
        }
    }

    /** A gzip input that ended early: its name, the rows parsed before, and why (the rest was not parsed). */
    public record Early(String file, long afterRows, String problem) {
        public String message() {
            return file + " ended early after " + afterRows + " rows: " + problem + "; the rest of it was not parsed";
        }
    }

    private ParseOnly() {
    }

    public static Result run(List<String> names, ReferenceData ref) throws IOException {
        long start = System.nanoTime();
        long[] counts = new long[3];
        AtomicLong bytes = new AtomicLong();
        CsvVisitReader reader = new CsvVisitReader(ref);
        List<Early> endedEarly = new java.util.ArrayList<>(0);
        for (String name : names) {
            Input in = Input.of(name);
            long before = counts[0];
            try {
                read(in, reader, ref, bytes, counts);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                if (!in.gzip()) {
                    throw e;
                }
                endedEarly.add(new Early(name, counts[0] - before, org.minutewise.formats.audit.EndedEarly.why(e)));
                counts[0]++; // the rest of a gzip file cut short: one rejected record, as the audit counts it
                counts[2]++;
            }
        }
        return new Result(counts[0], counts[1], counts[2], bytes.get(), Duration.ofNanos(System.nanoTime() - start),
                endedEarly);
    }

    private static void read(Input in, CsvVisitReader reader, ReferenceData ref, AtomicLong bytes, long[] counts)
            throws IOException {
        switch (in.format()) {
            case CSV -> csv(in, reader, bytes, counts);
            case JSONL -> jsonLines(in, ref, bytes, counts);
            default -> {
                List<VisitInput.Result> rs;
                try {
                    rs = VisitInput.read(in.readWhole(bytes), in.format(), ref);
                } catch (InputException e) {
                    counts[0]++;
                    counts[2]++;
                    return;
                }
                for (VisitInput.Result r : rs) {
                    int n = r.visit().map(v -> v.services().size()).orElse(1);
                    counts[0] += n;
                    counts[r.visit().isPresent() ? 1 : 2] += n;
                }
            }
        }
    }

    private static void csv(Input in, CsvVisitReader reader, AtomicLong bytes, long[] counts) throws IOException {
        try (InputStream is = in.open(bytes)) {
            CsvSplitter splitter = new CsvSplitter(is);
            CsvVisitReader.Header[] header = new CsvVisitReader.Header[1];
            splitter.run(new CsvSplitter.Sink() {
                @Override
                public void record(long line, byte[] buf, int off, int len, String visitId) throws IOException {
                    if (visitId.isEmpty() && CsvRecordReader.Record.blank(buf, off, len)) {
                        return; // every field empty (a spreadsheet's trailing rows): a blank line, as the audit
                    }
                    if (header[0] != null && Utf8.firstInvalid(buf, off, len) >= 0) {
                        // Rejected as the audit rejects it: bytes that are not UTF-8.
                        counts[0]++;
                        counts[2]++;
                        return;
                    }
                    if (header[0] != null) {
                        // Counted as read whatever follows, as the audit counts it: read = valid + rejected.
                        counts[0]++;
                        if (splitter.lastBreaks() > 0) {
                            // Rows a quote left open took in: each a row of the input, rejected on its own line.
                            int taken = CsvVisitReader.swallowed(header[0], new String(buf, off, len,
                                    StandardCharsets.UTF_8)).size();
                            counts[0] += taken;
                            counts[2] += taken;
                        }
                    }
                    try {
                        Optional<List<String>> fast = RecordFields.split(buf, off, len);
                        CsvRecordReader.Record r = fast.isPresent() ? new CsvRecordReader.Record(line, fast.get(),
                                RecordFields.plain(buf, off, len))
                                : CsvRecordReader.parse(new String(buf, off, len, StandardCharsets.UTF_8), line);
                        if (header[0] == null) {
                            header[0] = reader.header(r);
                            return;
                        }
                        reader.row(header[0], r);
                        counts[1]++;
                    } catch (InputException e) {
                        if (header[0] == null) {
                            throw new InputException(in.name() + ", " + e.path(), e.detail());
                        }
                        counts[2]++;
                    }
                }

                @Override
                public void oversized(long line, String visitId, boolean oneLine) {
                    counts[0]++;
                    counts[2]++;
                }
            });
        }
    }

    private static void jsonLines(Input in, ReferenceData ref, AtomicLong bytes, long[] counts) throws IOException {
        VisitJsonReader reader = new VisitJsonReader(ref);
        try (InputStream is = in.open(bytes)) {
            ByteLines lines = new ByteLines(is);
            while (lines.next()) {
                if (Utf8.firstInvalid(lines.buf(), 0, lines.length()) >= 0) {
                    counts[0]++;
                    counts[2]++;
                    continue;
                }
                String text = new String(lines.buf(), 0, lines.length(), StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    continue;
                }
                try {
                    int n = reader.read(reader.parse(text)).services().size();
                    counts[0] += n;
                    counts[1] += n;
                } catch (InputException e) {
                    counts[0]++;
                    counts[2]++;
                }
            }
        }
    }
}
