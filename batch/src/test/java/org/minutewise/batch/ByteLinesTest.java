package org.minutewise.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte lines of JSON Lines input are the lines {@link BufferedReader#readLine} reads, whatever the read size. */
class ByteLinesTest {
    private static List<String> byteLines(String text, int chunk) throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), chunk);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new String(lines.buf(), 0, lines.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> readerLines(String text) throws IOException {
        BufferedReader r = new BufferedReader(new StringReader(text));
        List<String> out = new ArrayList<>();
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l);
        }
        return out;
    }

    @Test
    void lineEndsAsTheReaderCutsThem() throws IOException {
        assertThat(byteLines("a\r\nb\rc\nd", 1)).containsExactly("a", "b", "c", "d");
        assertThat(byteLines("", 4)).isEmpty();
        assertThat(byteLines("\n\n", 4)).containsExactly("", "");
        assertThat(byteLines("Pe\u00f1a\r\n", 2)).containsExactly("Pe\u00f1a");
    }

    @Test
    void anyTextIsCutAsTheReaderCutsIt() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        char[] alphabet = {'a', 'b', '\r', '\n', ' '};
        for (int round = 0; round < 500; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            for (int chunk : new int[] {1, 2, 3, 64}) {
                assertThat(byteLines(text, chunk)).as("%s in reads of %d", text, chunk)
                        .isEqualTo(readerLines(text));
            }
        }
    }
}
