package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input text the CLI refuses in plain words, exit 2: bytes that are not UTF-8 (never read as U+FFFD), a value over a
 * limit (named by its field, not "malformed JSON"), a file in another format than --in says; and the near misses.
 */
final class InputTextCliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String stroke() throws IOException {
        return Files.readString(Repo.example("stroke-visit.json"));
    }

    /** The stroke visit with "Peña" first in its note. */
    private static String withPena() throws IOException {
        return stroke().replaceFirst("\"note\": \"", "\"note\": \"Pe\u00f1a ");
    }

    private static void plain(Run r) {
        assertThat(r.err).doesNotContain("Exception", "\tat ", "StreamReadConstraints", "Source:", "EDIE", "HAPI-",
                "`", "\ufffd");
    }

    @Test
    void aLatin1FileIsRefusedWithItsLineAndByte() throws IOException {
        Path f = tmp.resolve("latin1.json");
        String text = withPena();
        Files.write(f, text.getBytes(StandardCharsets.ISO_8859_1));
        long line = text.substring(0, text.indexOf('\u00f1')).lines().count();
        Run r = run("check", f.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("minutewise: " + f + ", line " + line + ": not valid UTF-8 at byte "
                + (text.indexOf('\u00f1') + 1) + " of the file (0xF1); the file must be UTF-8 (save it as UTF-8 "
                + "and try again)");
        assertThat(r.out).isEmpty();
        assertThat(run("convert", "--out", "json", f.toString()).code).isEqualTo(2);
    }

    @Test
    void utf8AccentsPassThroughUntouched() throws IOException {
        Path f = tmp.resolve("utf8.json");
        Files.writeString(f, withPena(), StandardCharsets.UTF_8);
        Run r = run("convert", "--out", "json", f.toString());
        assertThat(r.code).isZero();
        assertThat(r.out).contains("Pe\u00f1a ").doesNotContain("\ufffd");
    }

    @Test
    void aNoteOverTheLimitNamesTheFieldAndTheLimit() throws IOException {
        Path f = tmp.resolve("long-note.json");
        Files.writeString(f, stroke().replaceFirst("\"note\": \"", "\"note\": \"" + "x".repeat(1_000_100)));
        Run r = run("check", f.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("minutewise: note: longer than 1,000,000 characters (the limit of a text "
                + "field)");
        plain(r);
    }

    @Test
    void aNoteJustUnderTheLimitIsChecked() throws IOException {
        String s = stroke();
        int start = s.indexOf("\"note\": \"") + 9;
        int end = s.indexOf('"', start);
        Path f = tmp.resolve("long-note.json");
        Files.writeString(f, s.substring(0, start) + "x".repeat(999_999) + s.substring(end));
        assertThat(run("check", f.toString()).code).isNotEqualTo(2);
    }

    @Test
    void aFileInAnotherFormatThanInSaysIsRefusedInPlainWords() {
        String visit = Repo.example("stroke-visit.json").toString();
        Run jsonl = run("check", "--in", "jsonl", visit);
        Run x12 = run("check", "--in", "x12", visit);
        Run fhir = run("check", "--in", "fhir", visit);
        for (Run r : new Run[] {jsonl, x12, fhir}) {
            assertThat(r.code).isEqualTo(2);
            plain(r);
        }
        assertThat(jsonl.err).contains("line 1").contains("the text ends before the JSON does");
        assertThat(x12.err).contains("not readable as X12: not X12 at character 1");
    }
    /**
     * --output naming the input file is refused before anything is written (it replaced the visits with the result:
     * a corrected claim over the billed units); the input is left as it was. Near miss: another file is written.
     */
    @Test
    void anOutputThatIsTheInputIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path visit = dir.resolve("visit.json");
        Files.writeString(visit, stroke());
        for (String[] args : List.of(new String[] {"check", "--out", "json", "--output", visit.toString(),
                visit.toString()}, new String[] {"convert", "--out", "csv", "--output",
                dir.resolve(".").resolve("visit.json").toString(), visit.toString()})) {
            Run r = run(args);
            assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains("--output: is the input file");
            assertThat(Files.readString(visit)).isEqualTo(stroke());
        }
        Path other = dir.resolve("result.json");
        Run ok = run("check", "--out", "json", "--output", other.toString(), visit.toString());
        assertThat(ok.code()).as(ok.err()).isNotEqualTo(Main.BAD_INPUT);
        assertThat(other).exists();
    }

    /** A gzip file cut short is said in words (it printed Java's "Unexpected end of ZLIB input stream"). */
    @Test
    void aGzipFileCutShortIsSaidInWords(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream o = new java.util.zip.GZIPOutputStream(b)) {
            o.write(stroke().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] all = b.toByteArray();
        Path cut = dir.resolve("visit.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        Run r = run("check", cut.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(cut + ": the gzip data ends early").doesNotContain("ZLIB");
    }
}
