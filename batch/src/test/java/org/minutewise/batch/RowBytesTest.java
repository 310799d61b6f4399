package org.minutewise.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The check pass's part files hold the bytes the Writer it used to write them through wrote. */
class RowBytesTest {
    private static byte[] viaWriter(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.append(new StringBuilder(text));
        }
        return out.toByteArray();
    }

    @Property(tries = 1000)
    void theSameBytesAsTheWriter(@ForAll("rows") String rows) throws IOException {
        String text = rows + "\r\n";
        assertThat(CheckPass.utf8(new StringBuilder(text))).isEqualTo(viaWriter(text));
    }

    @Test
    void aSectionSignAnEmojiAndALoneSurrogate() throws IOException {
        String text = "V1,MW-B001,42 CFR \u00a7410.32,\ud83d\ude00,\ud800x\r\n";
        assertThat(CheckPass.utf8(new StringBuilder(text))).isEqualTo(viaWriter(text))
                .startsWith("V1,MW-B001,42 CFR \u00c2\u00a7".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(new String(CheckPass.utf8(new StringBuilder(text)), StandardCharsets.UTF_8))
                .as("a lone surrogate is a '?'").endsWith(",?x\r\n");
    }

    @Provide
    Arbitrary<String> rows() {
        return Arbitraries.strings().withChars('a', ',', '"', '\u00a7', '\u00e9', '\u20ac', '\ud83d', '\ude00',
                '\udfff', '\uffff', '\r', '\n').ofMaxLength(40);
    }
}
