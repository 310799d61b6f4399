package org.minutewise.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;

/** Reads a whole input (a file, gzip accepted, or '-' for standard input) with a size bound. */
final class InputFiles {
    /** Refuse single inputs larger than this for check and convert (a visit is a few kilobytes; use audit). */
    static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

    private InputFiles() {
    }

    static String read(String file) throws IOException {
        if (file.equals("-")) {
            try {
                return readMaybeGzip(System.in, "standard input");
            } catch (java.io.EOFException e) {
                throw cutShort("standard input");
            }
        }
        Path p = Path.of(file);
        try (InputStream raw = Files.newInputStream(p)) {
            return readMaybeGzip(raw, file);
        } catch (java.io.EOFException e) {
            throw cutShort(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file, "permission denied");
        } catch (IOException e) {
            // A directory, an unreadable file or a broken gzip stream is bad input (exit 2), not an internal error.
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
    }

    /** Gzip is known by its magic bytes, as the audit knows it, whatever the file is called (standard input too). */
    private static String readMaybeGzip(InputStream in, String name) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(in);
        raw.mark(2);
        boolean gz = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return readBounded(gz ? new GZIPInputStream(raw) : raw, name);
    }

    /** A gzip stream that ends before its end: a download or copy cut short. */
    private static InputException cutShort(String name) {
        return new InputException(name, "the gzip data ends early (the file was cut short: an incomplete download "
                + "or copy?); nothing of it was checked. Get the whole file and run again");
    }

    /**
     * Refuses an {@code --output} that is the input file itself: the output would replace the visits before anyone
     * noticed (a corrected claim over the billed units, say).
     */
    static void notTheInput(Path output, String file) {
        if (output == null || file == null || file.equals("-")) {
            return;
        }
        Path in = Path.of(file);
        try {
            boolean same = Files.exists(output) && Files.exists(in) ? Files.isSameFile(output, in)
                    : output.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
            if (same) {
                throw new InputException("--output", "is the input file " + file + ": writing there would replace "
                        + "the visits read; give another file");
            }
        } catch (IOException e) {
            // Cannot tell (a file that vanished): reading or writing it says what is wrong.
        }
    }

    private static String readBounded(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INPUT_BYTES + 1));
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new InputException(name, "larger than " + (MAX_INPUT_BYTES >> 20) + " MB; split it or use audit");
        }
        // Bytes that are not UTF-8 are refused where they are, never read as U+FFFD (a Latin-1 "Peña").
        return org.minutewise.formats.Utf8.decode(bytes, name);
    }

    /** The input format: as given with --in, else guessed from the file name and content. */
    /** The clinic's time zone of a --zone option (America/New_York, -05:00); empty when not given. */
    static java.util.Optional<java.time.ZoneId> zone(String zone) {
        if (zone == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            throw new InputException("--zone", "expected a time zone like America/New_York "
                    + "or -05:00, got \"" + zone + "\"");
        }
    }

    static VisitFormat format(String in, String file, String text) {
        if (in == null) {
            VisitFormat f = VisitFormat.detect(file, text);
            VisitFormat.unreadable(f, text).ifPresent(problem -> {
                throw new InputException(file + ", line 1", problem);
            });
            return f;
        }
        return VisitFormat.parse(in).orElseThrow(() -> new InputException("--in",
                "expected json, jsonl, csv, fhir or x12, got \"" + in + "\""));
    }

    /**
     * Writes the output to the file given with {@code --output}, or to standard output when none is given (whose
     * failure {@link Main} reports once the command is done).
     */
    static void write(String text, Path output, java.io.PrintWriter out) {
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WriteFailure("cannot write " + output + " (--output): " + Main.reason(e)
                    + "; give another --output, or fix this one and run again");
        }
    }
}
