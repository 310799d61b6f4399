package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar launched with its standard output redirected to /dev/full (a redirection: nothing is renamed over the
 * device): the real {@link Main#main} stream, whose failed writes used to be dropped with exit 0.
 */
final class CliWriteFailureIT {
    @TempDir
    Path tmp;

    record Result(int code, String err) {
    }

    private Result launch(File stdout, String... args) throws Exception {
        Path jar = Repo.root().resolve("cli/target/minutewise.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "the jar is not built");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Repo.root().toFile())
                .redirectOutput(ProcessBuilder.Redirect.to(stdout)).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("MINUTEWISE_DEBUG");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("minutewise did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aFullStandardOutputIsExit2WithOneLine() throws Exception {
        File devFull = new File("/dev/full");
        Assumptions.assumeTrue(devFull.exists() && devFull.canWrite(), "no /dev/full here");
        for (String[] args : List.of(new String[] {"units", "97112:20"},
                new String[] {"check", "--out", "x12", "examples/claim-visit.json"})) {
            Result r = launch(devFull, args);
            assertThat(r.code).as(String.join(" ", args) + ": " + r.err).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err.strip()).isEqualTo("minutewise: cannot write standard output: No space left on device; "
                    + "the output is incomplete: send it to a file or pipe that can take it");
        }
        // Near miss: the same command with somewhere to write is exit 0.
        Path out = tmp.resolve("out.txt");
        Result ok = launch(out.toFile(), "units", "97112:20");
        assertThat(ok.code).as(ok.err).isZero();
        assertThat(ok.err).isEmpty();
        assertThat(Files.readString(out)).contains("97112");
    }
}
