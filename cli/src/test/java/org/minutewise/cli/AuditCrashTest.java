package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the real CLI as a separate process, killed part-way (the test hook halts it with status 137 right
 * after the N-th unit of work is recorded, as a kill at that moment would; one test kills it with SIGKILL at a
 * moment it does not choose), then {@code --resume}d: the outputs are byte for byte those of an uninterrupted run.
 */
final class AuditCrashTest {
    private static final List<String> OUTPUTS = List.of("findings.csv", "claims.csv", "rejected.csv",
            "summary.json", "report.html");
    /** 6 partitions and 2 inputs: 2 read units, 6 check units, 12 across units, 1 final unit. */
    private static final String PARTITIONS = "6";

    @TempDir
    Path tmp;

    private static int inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Starts {@code java -cp <test classpath> org.minutewise.cli.Main args}. */
    private Process launch(String crashAfter, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile(tmp, "proc", ".log").toFile());
        pb.environment().remove(AuditCommand.CRASH_AFTER);
        pb.environment().put("MINUTEWISE_PROGRESS", "0");
        if (crashAfter != null) {
            pb.environment().put(AuditCommand.CRASH_AFTER, crashAfter);
        }
        return pb.start();
    }

    private List<String> inputs() throws IOException {
        Path csv = tmp.resolve("year.csv");
        assertThat(inProcess("generate", "--visits", "900", "--seed", "77", "--out", csv.toString(), "--error-rate",
                "0.1")).isZero();
        // A bad row in the CSV (rejected in pass 2), a bad line in the JSON Lines (rejected in pass 1).
        Files.writeString(csv, "V-BAD,2026-02-30,medicare,,PT,PX,,97110,20,,,T9,PT,,1,GP,,,,,\r\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path jsonl = tmp.resolve("more.jsonl");
        Files.writeString(jsonl, "{\"id\":\"J1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
                + "\"planOfCare\":\"PT\",\"patient\":{\"id\":\"PJ\"},\"services\":[{\"code\":\"97110\",\"minutes\":23,"
                + "\"provider\":{\"id\":\"TJ\",\"role\":\"PT\"}}]}\n{not json\n");
        return List.of(csv.toString(), jsonl.toString());
    }

    private String[] audit(List<String> inputs, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("audit"));
        a.addAll(inputs);
        a.addAll(List.of("--out", out.toString(), "--partitions", PARTITIONS, "--threads", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private void assertSameOutputs(Path expected, Path actual) throws IOException {
        for (String f : OUTPUTS) {
            assertThat(Files.readAllBytes(actual.resolve(f))).as("%s after the crash and --resume", f)
                    .isEqualTo(Files.readAllBytes(expected.resolve(f)));
        }
    }

    @Test
    void killedAfterAnyUnitOfWorkThenResumedGivesTheSameBytes() throws Exception {
        List<String> inputs = inputs();
        Path reference = tmp.resolve("reference");
        assertThat(inProcess(audit(inputs, reference))).isEqualTo(Main.BAD_INPUT);
        // 1: after the first input; 2: after reading; 5: checking; 9 and 20: across visits; 21: the very end.
        for (int crash : new int[] {1, 2, 5, 9, 20, 21}) {
            Path out = tmp.resolve("crash-" + crash);
            Process p = launch(String.valueOf(crash), audit(inputs, out));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("halted after unit %d", crash).isEqualTo(137);
            assertThat(out.resolve(".work").resolve("state")).exists();
            if (crash < 21) {
                assertThat(out.resolve("summary.json")).as("no outputs before the end").doesNotExist();
            }
            assertThat(inProcess(audit(inputs, out))).as("an interrupted audit is not silently redone")
                    .isEqualTo(Main.BAD_INPUT);
            assertThat(inProcess(audit(inputs, out, "--resume"))).isEqualTo(Main.BAD_INPUT);
            assertSameOutputs(reference, out);
        }
    }

    @Test
    void crashedAgainWhileResumingStillConverges() throws Exception {
        List<String> inputs = inputs();
        Path reference = tmp.resolve("reference");
        inProcess(audit(inputs, reference));
        Path out = tmp.resolve("chain");
        Process first = launch("3", audit(inputs, out));
        assertThat(first.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(137);
        for (String more : new String[] {"4", "7"}) {
            Process p = launch(more, audit(inputs, out, "--resume"));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137);
        }
        assertThat(inProcess(audit(inputs, out, "--resume"))).isEqualTo(Main.BAD_INPUT);
        assertSameOutputs(reference, out);
    }

    @Test
    void killedWithSigkillAtAMomentItDoesNotChoose() throws Exception {
        List<String> inputs = inputs();
        Path reference = tmp.resolve("reference");
        inProcess(audit(inputs, reference));
        Path out = tmp.resolve("killed");
        Process p = launch(null, audit(inputs, out));
        Path state = out.resolve(".work").resolve("state");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // Kill it once the checking has begun (or whenever it gets there first).
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(state) && Files.readString(state).contains("\"phase\":\"CHECK\"")) {
                break;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL while checking").isEqualTo(137);
        assertThat(inProcess(audit(inputs, out, "--resume"))).isEqualTo(Main.BAD_INPUT);
        assertSameOutputs(reference, out);
    }
}
