package org.minutewise.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.minutewise.formats.InputException;

/** The fast split of {@link CsvRecordReader#parse} gives exactly what the reader gives, or defers to it. */
class CsvSimpleFieldsProperties {
    private static Object viaReader(String text) {
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), 7)) {
            CsvRecordReader.Record rec = r.next();
            return rec == null ? null : rec.fields();
        } catch (InputException e) {
            return "error: " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 3000)
    void theFastSplitAgreesWithTheReader(@ForAll @Chars({'a', 'b', ',', '"', '\r', '\n', ' '})
                                         @StringLength(max = 24) String text) {
        List<String> fast = CsvRecordReader.simpleFields(text);
        if (fast != null) {
            assertThat(fast).as("%s", text.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(viaReader(text));
        }
        Object parsed;
        try {
            CsvRecordReader.Record r = CsvRecordReader.parse(text, 7);
            parsed = r == null ? null : r.fields();
        } catch (InputException e) {
            parsed = "error: " + e.getMessage();
        }
        assertThat(parsed).isEqualTo(viaReader(text));
    }

    @Test
    void theUsualRecordsTakeTheFastPath() {
        assertThat(CsvRecordReader.simpleFields("V1,2026-03-02,\"note, with \"\"quotes\"\"\r\nand a break\",x\r"))
                .containsExactly("V1", "2026-03-02", "note, with \"quotes\"\r\nand a break", "x");
        assertThat(CsvRecordReader.simpleFields("a,,\"\"")).containsExactly("a", "", "");
        assertThat(CsvRecordReader.simpleFields("a,b\"c")).isNull();
        assertThat(CsvRecordReader.simpleFields("\"a\" ,b")).isNull();
        assertThat(CsvRecordReader.simpleFields("\"never closed")).isNull();
        assertThat(CsvRecordReader.simpleFields("")).isNull();
    }
}
