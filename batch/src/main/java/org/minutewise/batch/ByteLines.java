package org.minutewise.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, undecoded, cut where {@link java.io.BufferedReader#readLine} cuts them (LF, CR LF or a
 * lone CR), so a line's bytes can be checked as UTF-8 before they become text (a decoding reader would have put
 * U+FFFD in their place). The line's bytes are {@link #buf()} from 0 to {@link #length()}, valid until the next call.
 */
final class ByteLines {
    private final InputStream in;
    private final byte[] chunk;
    private int pos;
    private int end;
    private byte[] line = new byte[1 << 12];
    private int length;
    private boolean eof;
    private boolean skipLf;

    ByteLines(InputStream in) {
        this(in, 1 << 16);
    }

    /** With a given read size (tests use tiny ones to cut line ends across reads). */
    ByteLines(InputStream in, int chunkSize) {
        this.in = in;
        this.chunk = new byte[Math.max(1, chunkSize)];
    }

    byte[] buf() {
        return line;
    }

    int length() {
        return length;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof) {
                    return any;
                }
                end = in.read(chunk, 0, chunk.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    return any;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (chunk[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int from = pos;
            while (pos < end && chunk[pos] != '\n' && chunk[pos] != '\r') {
                pos++;
            }
            append(from, pos - from);
            any = true;
            if (pos < end) {
                skipLf = chunk[pos] == '\r';
                pos++;
                return true;
            }
        }
    }

    private void append(int from, int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }
}
