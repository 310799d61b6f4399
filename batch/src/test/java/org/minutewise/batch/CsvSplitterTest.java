package org.minutewise.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.minutewise.formats.InputException;
import org.minutewise.formats.csv.CsvRecordReader;

/**
 * The splitter cuts records exactly where the streaming {@link CsvRecordReader} ends them, with the same line
 * numbers, so parsing each cut record on its own gives what a streaming read of the whole file gives.
 */
class CsvSplitterTest {
    /** A record as seen by either reader: its line and fields, or the error it raised. */
    record Seen(long line, String what) {
    }

    static List<Seen> streaming(String text) throws IOException {
        List<Seen> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text))) {
            while (true) {
                CsvRecordReader.Record rec;
                try {
                    rec = r.next();
                } catch (InputException e) {
                    out.add(new Seen(-1, "error"));
                    return out; // the streaming reader cannot go on after an error
                }
                if (rec == null) {
                    return out;
                }
                out.add(new Seen(rec.line(), String.join("|", rec.fields())));
            }
        }
    }

    static List<Seen> split(String text, int buffer, int idColumn, List<String> ids) throws IOException {
        List<Seen> out = new ArrayList<>();
        CsvSplitter s = new CsvSplitter(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), buffer);
        s.idColumn(idColumn);
        s.run(new CsvSplitter.Sink() {
            @Override
            public void record(long line, byte[] buf, int off, int len, String visitId) {
                ids.add(visitId);
                try {
                    CsvRecordReader.Record rec = CsvRecordReader.parse(new String(buf, off, len,
                            StandardCharsets.UTF_8), line);
                    out.add(new Seen(rec.line(), String.join("|", rec.fields())));
                } catch (InputException e) {
                    out.add(new Seen(-1, "error"));
                }
            }

            @Override
            public void oversized(long line, String visitId, boolean oneLine) {
                out.add(new Seen(line, "oversized " + visitId + (oneLine ? " (one line)" : "")));
            }
        });
        return out;
    }

    private static void same(String text) throws IOException {
        List<Seen> expected = streaming(text);
        for (int buffer : new int[] {1, 2, 3, 7, 64, 1 << 20}) {
            List<Seen> got = split(text, buffer, 0, new ArrayList<>());
            if (!expected.isEmpty() && expected.get(expected.size() - 1).what().equals("error")) {
                // Up to the first error both agree; the splitter then goes on with the next records.
                assertThat(got.subList(0, expected.size())).as("buffer %d", buffer).isEqualTo(expected);
            } else {
                assertThat(got).as("buffer %d", buffer).isEqualTo(expected);
            }
        }
    }

    @Test
    void lineEndsQuotesAndBlankLinesAsTheStreamingReader() throws IOException {
        same("a,b\r\nc,d\r\n");
        same("a,b\nc,d");
        same("a,b\rc,d\r\r\ne,f");
        same("\n\r\n\ra,b\n\n\nc\n");
        same("\"multi\nline\",x\r\n\"say \"\"hi\"\"\",y\nlast,,z");
        same("\"q\r\n\"\"x\"\"\r\n\",1\r\n2,3");
        same("\uFEFFvisitId,code\r\nV1,97110\r\n");
        same(" \"not quoted\",x\n");
        same("\"open,c\nmore\n");
        same("a,\"b\"c,d\ne,f\n");
    }

    @Test
    void visitIdAsTheLayoutReadsIt() throws IOException {
        List<String> ids = new ArrayList<>();
        split("id,x,V\n \"V1 \" ,1,2\n\"V\"\"2\",3\nV3\n,\n", 4, 0, ids);
        assertThat(ids).containsExactly("id", "\"V1 \"", "V\"2", "V3", "");
        ids.clear();
        split("a,b,visitId\n1,2,\" V9 \"\n1,2\n1,2,V10,extra\n", 3, 2, ids);
        assertThat(ids).containsExactly("visitId", "V9", "", "V10");
    }

    @Test
    void anOversizedLineIsSetAsideAndReadingGoesOn() throws IOException {
        String huge = "V2,\"" + "x".repeat(CsvSplitter.MAX_RECORD + 10) + "\n";
        List<Seen> got = split("a,b\n" + huge + "c,d\n", 1 << 16, 0, new ArrayList<>());
        assertThat(got).containsExactly(new Seen(1, "a|b"), new Seen(2, "oversized V2 (one line)"),
                new Seen(3, "c|d"));
    }

    /**
     * A quote opened and never closed: only its line is set aside, and every row it would have taken in (here more
     * than 4 MB of them) is read as the record it is, with its own line number.
     */
    @Test
    void aQuoteNeverClosedLosesOnlyItsOwnLine() throws IOException {
        StringBuilder text = new StringBuilder("id,note\nV1,\"open\r\n");
        String row = "V3," + "y".repeat(200) + "\n";
        int rows = CsvSplitter.MAX_RECORD / row.length() + 100;
        for (int i = 0; i < rows; i++) {
            text.append(row);
        }
        text.append("V4,last");
        for (int buffer : new int[] {1 << 10, 1 << 20}) {
            List<Seen> got = split(text.toString(), buffer, 0, new ArrayList<>());
            assertThat(got.get(1)).isEqualTo(new Seen(2, "oversized V1"));
            assertThat(got).hasSize(rows + 3);
            assertThat(got.get(2)).isEqualTo(new Seen(3, "V3|" + "y".repeat(200)));
            assertThat(got.get(got.size() - 1)).isEqualTo(new Seen(rows + 3, "V4|last"));
        }
    }

    @Property(tries = 300)
    void anyTextIsCutAsTheStreamingReaderReadsIt(@ForAll("csvish") String text) throws IOException {
        same(text);
    }

    @Provide
    Arbitrary<String> csvish() {
        return Arbitraries.strings().withChars('a', 'b', ',', '"', '\n', '\r', ' ', 'é').ofMaxLength(60);
    }
}
