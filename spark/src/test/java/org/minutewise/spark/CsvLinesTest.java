package org.minutewise.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.formats.InputException;
import org.minutewise.formats.csv.CsvRecordReader;

class CsvLinesTest {
    @TempDir
    Path tmp;

    /** A line of only commas is a blank line, as the audit reads it; near misses: a field filled, or a space. */
    @Test
    void aLineOfOnlyCommasIsBlank() {
        assertThat(CsvLines.commasOnly(",,,,")).isTrue();
        assertThat(CsvLines.commasOnly(",,,,\r")).isTrue();
        assertThat(CsvLines.commasOnly("\"\",,\"\",")).isTrue();
        assertThat(CsvLines.commasOnly(",,P1,,")).isFalse();
        assertThat(CsvLines.commasOnly(", ,,")).isFalse();
        assertThat(CsvLines.commasOnly("\"\"\"\",,")).as("a quoted quote").isFalse();
        assertThat(CsvLines.commasOnly("V1,2026-03-02")).isFalse();
    }

    @Test
    void aLineEndsInsideAQuotedFieldOnlyWhenTheQuoteIsLeftOpen() {
        assertThat(CsvLines.insideAtEnd("a,b,c", false)).isFalse();
        assertThat(CsvLines.insideAtEnd("a,\"b,c", false)).isTrue();
        assertThat(CsvLines.insideAtEnd("a,\"b\"\",c", false)).isTrue(); // "" is a quote inside the field
        assertThat(CsvLines.insideAtEnd("a,\"b\"\"\",c", false)).isFalse();
        assertThat(CsvLines.insideAtEnd("a,b\"c,d", false)).isFalse(); // a quote inside an unquoted field
        assertThat(CsvLines.insideAtEnd("end of note\",x", true)).isFalse();
        assertThat(CsvLines.insideAtEnd("still the note", true)).isTrue();
        assertThat(CsvLines.insideAtEnd("", true)).isTrue();
    }

    @Test
    void splitsAreChainedWhereARecordIsLeftOpen() {
        // split 0: a record opens on its 2nd line; split 1: it closes, another opens and stays open; split 2: closes
        List<long[]> s = List.of(
                CsvLines.summarize(List.of("h", "1,\"a").iterator()),
                CsvLines.summarize(List.of("b\",2", "3,\"c").iterator()),
                CsvLines.summarize(List.of("d\"", "4").iterator()));
        CsvLines.Chain c = CsvLines.chain("f.csv", s);
        assertThat(c.offset()).containsExactly(0, 2, 4);
        assertThat(c.inside()).containsExactly(false, true, true);
        assertThat(c.carriedStart()[1]).isEqualTo(1);
        assertThat(c.carriedStart()[2]).isEqualTo(3);
        assertThat(c.spans(0)).isTrue();
    }

    @Test
    void aQuoteNeverClosedIsAnErrorNamingItsLine() {
        List<long[]> open = List.of(CsvLines.summarize(List.of("h", "1,ok", "2,\"never closed", "3,x").iterator()));
        assertThatThrownBy(() -> CsvLines.chain("f.csv", open)).isInstanceOf(InputException.class)
                .hasMessageContaining("f.csv").hasMessageContaining("line 3").hasMessageContaining("never closed");
        List<long[]> through = List.of(CsvLines.summarize(List.of("h", "1,\"a").iterator()),
                CsvLines.summarize(List.of("b", "c").iterator()), CsvLines.summarize(List.of("d\"", "2,x").iterator()));
        assertThatThrownBy(() -> CsvLines.chain("f.csv", through)).isInstanceOf(InputException.class)
                .hasMessageContaining("line 2").hasMessageContaining("whole split");
    }

    @Test
    void aBareCarriageReturnInsideARecordIsFound() {
        assertThat(CsvLines.bareCarriageReturn("a,b\r")).isFalse();
        assertThat(CsvLines.bareCarriageReturn("a,\"x\ry\",b\r")).isFalse();
        assertThat(CsvLines.bareCarriageReturn("a,b\rc,d\r")).isTrue();
        assertThat(CsvLines.bareCarriageReturn("a,b")).isFalse();
    }

    @Test
    void aVisitIdIsFoundEvenInARecordTheReaderRefuses() {
        assertThat(CsvLines.lenientField("V-1 ,2026-03-02,\"x\"y", 0)).isEqualTo("V-1");
        assertThat(CsvLines.lenientField("\"V-\"\"2\"junk,b", 0)).isEqualTo("V-\"2junk");
        assertThat(CsvLines.lenientField("a,b", 5)).isEmpty();
        assertThat(CsvLines.lenientField("a,b", -1)).isEmpty();
    }

    /**
     * Files with quoted line breaks, read in many small splits, give the records (line numbers and fields) the
     * sequential reader gives on the whole file.
     */
    @Test
    void recordsCrossingSplitsComeOutAsTheSequentialReaderReadsThem() throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.get().sparkContext());
        Random random = new Random(11);
        for (int round = 0; round < 6; round++) {
            StringBuilder sb = new StringBuilder("visitId,note\r\n");
            int rows = 20 + random.nextInt(40);
            for (int i = 0; i < rows; i++) {
                sb.append("V").append(i).append(',');
                int kind = random.nextInt(5);
                if (kind == 0) {
                    sb.append("\"line one\r\nline two, with a comma\nline \"\"three\"\"\"");
                } else if (kind == 1) {
                    sb.append("\"").append("x".repeat(random.nextInt(300))).append("\n\n").append("y\"");
                } else if (kind == 2) {
                    sb.append("plain ").append("z".repeat(random.nextInt(200)));
                }
                sb.append(i % 7 == 0 ? "\n" : "\r\n");
                if (random.nextInt(10) == 0) {
                    sb.append("\r\n"); // a blank line
                }
            }
            Path f = tmp.resolve("r" + round + ".csv");
            Files.writeString(f, sb, StandardCharsets.UTF_8);
            List<String> expected = new ArrayList<>();
            try (CsvRecordReader r = new CsvRecordReader(new StringReader(sb.toString()))) {
                r.next();
                CsvRecordReader.Record rec;
                while ((rec = r.next()) != null) {
                    expected.add(rec.line() + " " + rec.fields());
                }
            }
            List<String> actual = new ArrayList<>();
            for (InRow r : CsvLines.records(jsc, f.toString(), 0, 2 + random.nextInt(12), 0).collect()) {
                actual.add(r.line + " " + CsvRecordReader.parse(r.text, r.line).fields());
                assertThat(r.visitId).isEqualTo(CsvRecordReader.parse(r.text, r.line).fields().get(0).trim());
            }
            actual.sort(Comparator.comparingLong(s -> Long.parseLong(s.substring(0, s.indexOf(' ')))));
            assertThat(actual).as("round %d", round).isEqualTo(expected);
        }
    }
}
