package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the results go: a standard output or an --output file that cannot be written is exit 2 with one line
 * naming it (not exit 0 with the output lost, not an internal error); generate's --out; flags that contradict.
 */
final class CliOutputTest {
    private static final Path EXAMPLES = Repo.root().resolve("examples");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    /** Standard output as {@link Main#main} makes it, over a stream that refuses every byte as a full disk does. */
    private static Run full(String... args) {
        return refused("No space left on device", args);
    }

    private static Run refused(String reason, String... args) {
        OutputStream refusing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(args, Output.of(refusing), new PrintWriter(err, true));
        return new Run(code, "", err.toString());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(args, Output.of(bytes), new PrintWriter(err, true));
        return new Run(code, bytes.toString(Charset.defaultCharset()), err.toString());
    }

    private static void assertOneLine(Run r, String expected) {
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: ")
                .contains(expected));
        assertThat(r.err).doesNotContain("Exception").doesNotContain("internal error");
    }

    private static final String STDOUT_FULL = "cannot write standard output: No space left on device";

    @Test
    void aStandardOutputThatCannotBeWrittenIsExit2NamingIt() {
        String claim = EXAMPLES.resolve("claim-visit.json").toString();
        String stroke = EXAMPLES.resolve("stroke-visit.json").toString();
        for (String[] args : List.of(new String[] {"units", "97112:20"}, new String[] {"check", "--out", "x12", claim},
                new String[] {"convert", "--out", "csv", stroke}, new String[] {"rules", "--json"},
                new String[] {"ask", "how many units for 38 minutes"}, new String[] {"--help"})) {
            Run r = full(args);
            assertThat(r.code).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            // Notes said on stderr before it (convert to CSV names the fields it cannot hold) stay.
            assertThat(r.errLines()).last().asString().startsWith("minutewise: " + STDOUT_FULL);
            assertThat(r.errLines()).filteredOn(l -> l.contains("cannot write")).hasSize(1);
            assertThat(r.err).doesNotContain("Exception").doesNotContain("internal error");
        }
    }

    @Test
    void aWriteFailureOutranksABlockingFinding() {
        // Two evaluations of one discipline on a day: a blocking finding, exit 1 when the output is written.
        Run written = run("units", "--json", "97161", "97162");
        assertThat(written.code).isEqualTo(Main.BLOCKED);
        Run lost = full("units", "--json", "97161", "97162");
        assertThat(lost.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(lost, STDOUT_FULL);
    }

    @Test
    void aPrintWriterThatOnlyKeepsAFlagStillGivesExit2() {
        Writer refusing = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("closed");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("closed");
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"units", "97112:20"}, new PrintWriter(refusing, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).startsWith("minutewise: cannot write standard output: the write failed");
    }

    @Test
    void aReaderThatStoppedReadingEndsItQuietlyWithExit2() {
        Run r = refused("Broken pipe", "rules");
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err).isEmpty();
    }

    @Test
    void aStandardOutputThatTakesTheOutputIsExit0() {
        Run r = run("units", "97112:20");
        assertThat(r.code).isZero();
        assertThat(r.err).isEmpty();
        assertThat(r.out).contains("97112");
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsExit2NamingTheFlag() {
        Path devFull = Path.of("/dev/full");
        // Writing to /dev/full opens it for writing (no rename over it): every write fails with ENOSPC.
        assumeTrue(Files.isWritable(devFull) && !Files.isRegularFile(devFull), "no /dev/full here");
        Run r = run("check", "--output", devFull.toString(), EXAMPLES.resolve("stroke-visit.json").toString());
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(r, "cannot write /dev/full (--output): No space left on device");
        assertThat(Files.isRegularFile(devFull)).isFalse();
    }

    @Test
    void anOutputFileIsWrittenAndExit0() throws IOException {
        Path out = tmp.resolve("out.json");
        Run r = run("check", "--json", "--output", out.toString(), EXAMPLES.resolve("stroke-visit.json").toString());
        assertThat(r.code).isZero();
        assertThat(r.out).isEmpty();
        assertThat(Files.readString(out)).contains("\"findings\"");
        Run dir = run("check", "--output", tmp.toString(), EXAMPLES.resolve("stroke-visit.json").toString());
        assertThat(dir.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(dir, "cannot write " + tmp + " (--output): ");
    }

    // ---- rules --json --markdown ---------------------------------------------------------------------------

    @Test
    void rulesRefusesTwoFormatsAtOnce() {
        Run r = run("rules", "--json", "--markdown");
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out).isEmpty();
        assertOneLine(r, "--json and --markdown cannot be used together");
        assertThat(run("rules", "--markdown").out).startsWith("#");
        assertThat(run("rules", "--json").out).startsWith("[");
    }

    // ---- generate --out ------------------------------------------------------------------------------------

    private List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void generateRefusesADirectoryNamingOut() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        Run r = run("generate", "--visits", "5", "--seed", "1", "--out", dir.toString());
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(r, "--out: " + dir + " is a directory; name a file in it");
        assertThat(r.err).doesNotContain(".tmp");
        assertThat(names(tmp)).containsExactly("d");
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void generateRefusesALabelsFileThatIsADirectoryBeforeWritingTheVisits() throws IOException {
        Files.createDirectory(tmp.resolve("g.csv.labels.csv"));
        Run r = run("generate", "--visits", "5", "--out", tmp.resolve("g.csv").toString());
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(r, "--out: " + tmp.resolve("g.csv.labels.csv") + " is a directory");
        assertThat(names(tmp)).containsExactly("g.csv.labels.csv");
    }

    @Test
    void generateRefusesStandardOutput() {
        Run r = run("generate", "--visits", "5", "--out", "-");
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(r, "--out: generate writes a file and its labels beside it, so not standard output (-)");
        assertThat(Path.of("-")).doesNotExist();
        assertThat(Path.of("-.labels.csv")).doesNotExist();
    }

    @Test
    void generateRefusesAPipeAndLeavesIt() throws Exception {
        Path fifo = tmp.resolve("pipe.csv");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        Run r = run("generate", "--visits", "5", "--out", fifo.toString());
        assertThat(r.code).isEqualTo(Main.BAD_INPUT);
        assertOneLine(r, "--out: " + fifo + " is not a regular file");
        assertThat(Files.exists(fifo)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(names(tmp)).containsExactly("pipe.csv");
    }

    @Test
    void generateWritesThroughASymbolicLink() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("data")).resolve("visits.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("g.csv"), real);
        Run r = run("generate", "--visits", "5", "--out", link.toString());
        assertThat(r.code).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("visitId,");
        assertThat(Files.readString(tmp.resolve("g.csv.labels.csv"))).startsWith("visitId,kind,ruleId");
        assertThat(names(tmp)).containsExactly("data", "g.csv", "g.csv.labels.csv");
        assertThat(names(tmp.resolve("data"))).containsExactly("visits.csv");
    }

    @Test
    void generateWritesTheFileAndItsLabelsAndNothingElse() throws IOException {
        Path out = tmp.resolve("g.csv");
        Files.writeString(out, "an older file\n");
        Run r = run("generate", "--visits", "5", "--seed", "1", "--out", out.toString(), "--error-rate", "1");
        assertThat(r.code).isZero();
        assertThat(r.err).isEmpty();
        assertThat(r.out).contains("\"file\":\"" + out + "\"");
        assertThat(Files.readString(out)).startsWith("visitId,");
        assertThat(Files.readAllLines(tmp.resolve("g.csv.labels.csv"))).hasSizeGreaterThan(1);
        assertThat(names(tmp)).containsExactly("g.csv", "g.csv.labels.csv");
    }
}
