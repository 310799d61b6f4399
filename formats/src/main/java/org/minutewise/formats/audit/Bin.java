package org.minutewise.formats.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact binary encoding of the work files: variable-length integers (7 bits a byte) and strings as a length
 * then UTF-8 bytes. {@link Out} is a growable buffer; {@link In} reads one back from a byte array.
 */
public final class Bin {
    private Bin() {
    }

    /** A growable byte buffer with the encoders. */
    public static final class Out {
        private byte[] buf;
        private int len;

        public Out(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        public int size() {
            return len;
        }

        public void reset() {
            len = 0;
        }

        public byte[] array() {
            return buf;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buf, len);
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        public Out u8(int b) {
            ensure(1);
            buf[len++] = (byte) b;
            return this;
        }

        public Out varLong(long v) {
            ensure(10);
            long x = v;
            while ((x & ~0x7FL) != 0) {
                buf[len++] = (byte) ((x & 0x7F) | 0x80);
                x >>>= 7;
            }
            buf[len++] = (byte) x;
            return this;
        }

        public Out varInt(int v) {
            return varLong(v & 0xFFFFFFFFL);
        }

        /** A signed value (zig-zag), for numbers that may be negative. */
        public Out zigZag(long v) {
            return varLong((v << 1) ^ (v >> 63));
        }

        public Out bool(boolean b) {
            return u8(b ? 1 : 0);
        }

        public Out i64(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (8 * i));
            }
            return this;
        }

        public Out bytes(byte[] b, int off, int n) {
            varInt(n);
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
            return this;
        }

        public Out string(String s) {
            // ASCII fast path; anything else through the UTF-8 encoder.
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                varInt(n);
                ensure(n);
                for (int i = 0; i < n; i++) {
                    buf[len++] = (byte) s.charAt(i);
                }
                return this;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return bytes(b, 0, b.length);
        }

        /** A decimal: its unscaled value and scale when the value fits in a long, else its text. */
        public Out decimal(BigDecimal d) {
            if (d.unscaledValue().bitLength() < 63) {
                return u8(0).zigZag(d.unscaledValue().longValue()).zigZag(d.scale());
            }
            return u8(1).string(d.toString());
        }

        /** Appends this buffer as one record: its length, then its bytes. */
        public void writeRecordTo(OutputStream os, Out scratch) throws IOException {
            scratch.reset();
            scratch.varInt(len);
            os.write(scratch.buf, 0, scratch.len);
            os.write(buf, 0, len);
        }
    }

    /** Reads values back from a byte array. */
    public static final class In {
        private final byte[] buf;
        private int pos;
        private final int end;

        public In(byte[] buf) {
            this(buf, 0, buf.length);
        }

        public In(byte[] buf, int from, int to) {
            this.buf = buf;
            this.pos = from;
            this.end = to;
        }

        public boolean more() {
            return pos < end;
        }

        public int position() {
            return pos;
        }

        public void seek(int p) {
            pos = p;
        }

        public byte[] array() {
            return buf;
        }

        public int u8() {
            check(1);
            return buf[pos++] & 0xFF;
        }

        public long varLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("corrupt work file: varint too long");
                }
            }
        }

        public int varInt() {
            return (int) varLong();
        }

        public long zigZag() {
            long v = varLong();
            return (v >>> 1) ^ -(v & 1);
        }

        public boolean bool() {
            return u8() != 0;
        }

        public long i64() {
            check(8);
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        public String string() {
            int n = varInt();
            check(n);
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        public BigDecimal decimal() {
            if (u8() == 0) {
                long unscaled = zigZag();
                return BigDecimal.valueOf(unscaled, (int) zigZag());
            }
            return new BigDecimal(string());
        }

        /**
         * A string, shared with earlier equal ones through the interner when short (codes, modifiers, payers,
         * provider ids repeat on every visit): no new String for a value already seen.
         */
        public String string(Interner interner) {
            int n = varInt();
            check(n);
            String s = interner.get(buf, pos, n);
            pos += n;
            return s;
        }

        /** Skips a length-prefixed byte run and returns its start; its length is {@link #lastLength()}. */
        public int skipBytes() {
            int n = varInt();
            check(n);
            int at = pos;
            pos += n;
            lastLength = n;
            return at;
        }

        private int lastLength;

        /** The length of the run the last {@link #skipBytes()} skipped. */
        public int lastLength() {
            return lastLength;
        }

        private void check(int n) {
            if (n < 0 || pos + n > end) {
                throw new IllegalStateException("corrupt work file: record runs past its end");
            }
        }
    }

    /** Shares short strings decoded from bytes: an open-addressing table keyed by their UTF-8 bytes. */
    public static final class Interner {
        private static final int MAX_LENGTH = 24;
        private final String[] table = new String[4096];
        private final byte[][] keys = new byte[4096][];

        public String get(byte[] b, int off, int n) {
            if (n > MAX_LENGTH) {
                return new String(b, off, n, StandardCharsets.UTF_8);
            }
            int h = 1;
            for (int i = off; i < off + n; i++) {
                h = 31 * h + b[i];
            }
            int slot = (h ^ (h >>> 16)) & (table.length - 1);
            byte[] k = keys[slot];
            if (k != null && k.length == n && Arrays.equals(k, 0, n, b, off, off + n)) {
                return table[slot];
            }
            String s = new String(b, off, n, StandardCharsets.UTF_8);
            keys[slot] = Arrays.copyOfRange(b, off, off + n);
            table[slot] = s;
            return s;
        }
    }
}
