package org.minutewise.formats;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for input files: bytes that are not UTF-8 (a Latin-1 "Peña", a UTF-16 file) are refused with the place
 * they are at, never replaced by U+FFFD. ASCII text is checked eight bytes at a time; only the bytes of a multi-byte
 * sequence are looked at more closely.
 */
public final class Utf8 {
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    /**
     * The index of the first byte of {@code b[off, off + len)} that does not start or continue a well-formed UTF-8
     * sequence (an overlong form, a surrogate, a code point past U+10FFFF, a sequence cut short), or -1 if all are.
     */
    public static int firstInvalid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            // ASCII eight bytes at a time: no byte with its high bit set.
            if (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int c = b[i] & 0xff;
            int n;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
            } else {
                return i;
            }
            if (end - i <= n) {
                return i;
            }
            int c1 = b[i + 1] & 0xff;
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90)
                    || (c == 0xF4 && c1 > 0x8F)) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /** The words for the bad byte at {@code b[at]}: {@code not valid UTF-8 at byte 12 (0xE9); the file must be UTF-8}. */
    public static String problem(byte[] b, int at, long byteNumber, String of) {
        return "not valid UTF-8 at byte " + byteNumber + of + " (" + String.format(java.util.Locale.ROOT, "0x%02X",
                b[at] & 0xff) + "); the file must be UTF-8 (save it as UTF-8 and try again)";
    }

    /**
     * The text of a whole input, or an {@link InputException} naming the input, the line and the byte (counted from
     * 1) of the first byte that is not UTF-8.
     */
    public static String decode(byte[] b, String name) {
        int bad = firstInvalid(b, 0, b.length);
        if (bad >= 0) {
            long line = 1;
            for (int i = 0; i < bad; i++) {
                // Line ends as the readers count them: LF, CR LF or a lone CR.
                if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= b.length || b[i + 1] != '\n'))) {
                    line++;
                }
            }
            throw new InputException(name + ", line " + line, problem(b, bad, bad + 1L, " of the file"));
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
