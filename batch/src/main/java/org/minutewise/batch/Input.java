package org.minutewise.batch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;

/**
 * One input file of an audit: its name as given (what the outputs call it), its format (guessed from the name and
 * the first bytes, as {@code check} guesses; a file that cannot be read as any format, a TSV say, is refused before
 * any work), whether it is gzip (by its magic bytes), and a fingerprint so a
 * resumed run can tell that the file did not change.
 */
record Input(String name, Path path, VisitFormat format, boolean gzip, long size, String fingerprint) {
    /** Whole-file formats (JSON, FHIR, X12) are read into memory: at most this much per file (heap bound). */
    static final long MAX_WHOLE_FILE = 32L << 20;

    static Input of(String name) {
        Path p = Path.of(name);
        try {
            if (Files.isDirectory(p)) {
                throw new InputException(name, "is a directory, not a file");
            }
            long size = Files.size(p);
            boolean gz;
            byte[] head;
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(p))) {
                raw.mark(2);
                gz = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                try (InputStream in = gz ? new UpToDamage(new GZIPInputStream(raw)) : raw) {
                    head = in.readNBytes(8192);
                }
            }
            String text = new String(head, StandardCharsets.UTF_8);
            VisitFormat format = VisitFormat.detect(name, text);
            // Read as what it is not (a TSV as JSON), it would be one rejected record and outputs that audit nothing.
            VisitFormat.unreadable(format, text).ifPresent(problem -> {
                throw new InputException(name + ", line 1", problem);
            });
            return new Input(name, p, format, gz, size, fingerprint(p, size));
        } catch (NoSuchFileException e) {
            throw new InputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (java.io.EOFException e) {
            throw new InputException(name, "cannot read: the gzip data ends before the first record");
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    /** Size, modification time and a CRC of the first and last 64 KB. */
    private static String fingerprint(Path p, long size) throws IOException {
        CRC32 crc = new CRC32();
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            byte[] b = new byte[(int) Math.min(size, 65536)];
            f.readFully(b);
            crc.update(b);
            if (size > 65536) {
                f.seek(Math.max(65536, size - 65536));
                byte[] tail = new byte[(int) (size - Math.max(65536, size - 65536))];
                f.readFully(tail);
                crc.update(tail);
            }
        }
        return size + ":" + Files.getLastModifiedTime(p).toMillis() + ":" + Long.toHexString(crc.getValue());
    }

    /** The decompressed content; {@code counter} counts the bytes read from the file itself (for progress). */
    InputStream open(AtomicLong counter) throws IOException {
        InputStream raw = new CountingInputStream(Files.newInputStream(path), counter);
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /**
     * The decompressed content up to where a gzip file cut short or damaged stops (there it ends, quietly): for a
     * look at its first records (the format, the CSV header) before the pass that reads it all and reports the
     * damage. A small file cut short was lost whole: the first look read past the damage and failed.
     */
    InputStream openUpToDamage() throws IOException {
        InputStream in = open(new AtomicLong());
        return gzip ? new UpToDamage(in) : in;
    }

    /** Ends the stream where the gzip data ends early or is damaged, keeping every byte before it. */
    private static final class UpToDamage extends FilterInputStream {
        private boolean damaged;

        UpToDamage(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (damaged) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                damaged = true;
                return -1;
            }
        }
    }

    /** Whole-file formats are read into memory; a file too large is refused (split it, or use JSON Lines). */
    String readWhole(AtomicLong counter) throws IOException {
        try (InputStream in = open(counter)) {
            byte[] b = in.readNBytes((int) MAX_WHOLE_FILE + 1);
            if (b.length > MAX_WHOLE_FILE) {
                throw new InputException(name, "a " + format.wire() + " file larger than " + (MAX_WHOLE_FILE >> 20)
                        + " MB; split it, or give the visits as JSON Lines or CSV (streamed whatever their size)");
            }
            return org.minutewise.formats.Utf8.decode(b, name);
        }
    }

    /** Counts the bytes read. */
    private static final class CountingInputStream extends FilterInputStream {
        private final AtomicLong counter;

        CountingInputStream(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                counter.incrementAndGet();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }
}
