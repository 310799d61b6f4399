package org.minutewise.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.formats.csv.CsvRecordReader;

/**
 * The fields of one CSV record cut by {@link CsvSplitter}, split straight from its UTF-8 bytes: the hot path of
 * the audit's second pass. It gives exactly the fields {@link CsvRecordReader#parse} gives for a well-formed
 * record, and declines (empty) anything unusual (text after a closing quote, a quote never closed, a field over
 * {@link CsvRecordReader#MAX_FIELD} characters), which the caller then hands to {@code CsvRecordReader} for its
 * exact error. A test holds the two equal on any text.
 */
final class RecordFields {
    private RecordFields() {
    }

    /**
     * Whether the record's bytes hold no control character (U+0000-U+001F, U+007F; a line break is one): its fields
     * then hold none either (UTF-8 writes those characters as those bytes alone), so the record is
     * {@link CsvRecordReader.Record#plain()}.
     */
    static boolean plain(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    static Optional<List<String>> split(byte[] b, int off, int len) {
        List<String> fields = new ArrayList<>(24);
        int end = off + len;
        int i = off;
        byte[] scratch = null;
        while (true) {
            if (i < end && b[i] == '"') {
                // A quoted field: up to the quote that is not doubled; "" is one quote.
                int from = i + 1;
                int j = from;
                int n = 0;
                boolean escaped = false;
                while (true) {
                    if (j >= end) {
                        return Optional.empty(); // never closed: CsvRecordReader names the error
                    }
                    if (b[j] == '"') {
                        if (j + 1 < end && b[j + 1] == '"') {
                            escaped = true;
                            j += 2;
                            n++;
                            continue;
                        }
                        break;
                    }
                    j++;
                    n++;
                }
                if (j - from > CsvRecordReader.MAX_FIELD) {
                    return Optional.empty();
                }
                String value;
                if (escaped) {
                    if (scratch == null || scratch.length < n) {
                        scratch = new byte[Math.max(n, 256)];
                    }
                    int k = 0;
                    for (int x = from; x < j; x++) {
                        scratch[k++] = b[x];
                        if (b[x] == '"') {
                            x++;
                        }
                    }
                    value = new String(scratch, 0, k, StandardCharsets.UTF_8);
                } else {
                    value = new String(b, from, j - from, StandardCharsets.UTF_8);
                }
                fields.add(value);
                i = j + 1;
                if (i == end) {
                    return Optional.of(fields);
                }
                if (b[i] != ',') {
                    return Optional.empty(); // text after the closing quote: an error
                }
                i++;
            } else {
                int from = i;
                while (i < end && b[i] != ',') {
                    i++;
                }
                if (i - from > CsvRecordReader.MAX_FIELD) {
                    return Optional.empty();
                }
                fields.add(new String(b, from, i - from, StandardCharsets.UTF_8));
                if (i == end) {
                    return Optional.of(fields);
                }
                i++;
            }
        }
    }
}
