package org.minutewise.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.minutewise.formats.InputException;
import org.minutewise.formats.csv.CsvRecordReader;

/** The fast field split gives the fields CsvRecordReader gives, and declines exactly where it raises an error. */
class RecordFieldsTest {
    private static Optional<List<String>> fast(String record) {
        byte[] b = ("xx" + record + "yy").getBytes(StandardCharsets.UTF_8);
        int len = record.getBytes(StandardCharsets.UTF_8).length;
        return RecordFields.split(b, 2, len);
    }

    @Test
    void usualRecords() {
        assertThat(fast("V1,2026-03-02,,\"a, \"\"b\"\"\nc\",é")).contains(List.of("V1", "2026-03-02", "", "a, \"b\"\nc",
                "é"));
        assertThat(fast("")).contains(List.of(""));
        assertThat(fast(",")).contains(List.of("", ""));
        assertThat(fast("\"\"")).contains(List.of(""));
        assertThat(fast(" \"x\" ,a\"b")).contains(List.of(" \"x\" ", "a\"b"));
        assertThat(fast("\"open")).isEmpty();
        assertThat(fast("\"a\"b,c")).isEmpty();
    }

    @Property(tries = 1000)
    void sameFieldsAsTheRecordReaderOrItsError(@ForAll("records") String record) {
        Optional<List<String>> got = fast(record);
        if (got.isPresent()) {
            CsvRecordReader.Record r = CsvRecordReader.parse(record, 5);
            assertThat(r == null ? List.of("") : r.fields()).isEqualTo(got.get());
        } else {
            assertThatThrownBy(() -> CsvRecordReader.parse(record, 5)).isInstanceOf(InputException.class);
        }
    }

    /** A record is plain exactly when none of its characters is a control character (a line break is one). */
    @Property(tries = 1000)
    void plainWhenNoControlCharacter(@ForAll("withControls") String record) {
        byte[] b = ("\u0001" + record + "\n").getBytes(StandardCharsets.UTF_8);
        boolean controls = record.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
        assertThat(RecordFields.plain(b, 1, b.length - 2)).isEqualTo(!controls);
    }

    @Test
    void aRecordWithALineBreakOrANulIsNotPlain() {
        byte[] b = "V1,\"a\nb\",c\u0000,é\u007F".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordFields.plain(b, 0, 4)).isTrue();
        assertThat(RecordFields.plain(b, 0, 7)).isFalse();
        assertThat(RecordFields.plain(b, 9, 2)).isFalse();
        assertThat(RecordFields.plain(b, 12, 2)).as("é is two bytes over 0x7F").isTrue();
        assertThat(RecordFields.plain(b, 12, 3)).isFalse();
    }

    @Provide
    Arbitrary<String> withControls() {
        return Arbitraries.strings().withChars('a', ',', '"', '\t', '\n', '\r', '\u0000', '\u001F', '\u007F', 'é',
                '\u0080', '\u2028').ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> records() {
        // No bare line ends: the splitter ends records there (inside quotes they stay).
        return Arbitraries.strings().withChars('a', ',', '"', ' ', 'é', '\n').ofMaxLength(30)
                .filter(s -> !s.startsWith("\n") && !s.startsWith("\r") && unquotedLineEndFree(s));
    }

    /** True when every line break is inside a quoted field, as in a record the splitter cut. */
    static boolean unquotedLineEndFree(String s) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fieldStart = true;
            } else if (c == '\n') {
                return false;
            } else {
                fieldStart = false;
            }
        }
        return true;
    }
}
