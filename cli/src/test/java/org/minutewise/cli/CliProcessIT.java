package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/minutewise} launched as a real process: standard output carries only the result (pure JSON with
 * {@code --json}), errors are one line on stderr, and the exit status follows the README. Runs in the
 * integration-test phase (see cli/pom.xml), after package has built the jar the script runs, so the script
 * does not rebuild.
 */
final class CliProcessIT {
    /** Fails on anything after the JSON document: stdout must hold the result and nothing else. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static String bash;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        /** True when the script had to build the jar first (its build messages go to stderr). */
        boolean built() {
            return err.contains("minutewise: building");
        }
    }

    @BeforeAll
    static void needsBash() {
        bash = findOnPath("bash");
        Assumptions.assumeTrue(bash != null, "bash is not installed");
    }

    private static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private Result launch(Path stdin, String... args) throws IOException, InterruptedException {
        Path root = Repo.root();
        List<String> cmd = new ArrayList<>();
        cmd.add(bash);
        cmd.add(root.resolve("bin").resolve("minutewise").toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Map<String, String> env = pb.environment();
        env.remove("MINUTEWISE_DEBUG");
        // The script runs plain `java`: use the JVM running the tests.
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + env.get("PATH"));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/minutewise did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void unitsJsonIsTheOnlyThingOnStdout() throws Exception {
        Result r = launch(null, "units", "--json", "97112:24", "97110:23");
        assertThat(r.code).as(r.err).isZero();
        JsonNode j = STRICT.readTree(r.out);
        assertThat(j.isObject()).isTrue();
        assertThat(j.get("method").asText()).isEqualTo("cms");
        assertThat(j.get("totalTimedMinutes").asInt()).isEqualTo(47);
        assertThat(j.get("totalUnits").asInt()).isEqualTo(3);
        if (!r.built()) {
            assertThat(r.err).isEmpty();
        }
    }

    @Test
    void checkReadsStandardInputAndBlocksOnOverlap() throws Exception {
        Result r = launch(Repo.example("overlap-visit.json"), "check", "--json", "-");
        assertThat(r.code).as(r.err).isEqualTo(1);
        JsonNode j = STRICT.readTree(r.out);
        assertThat(j.get("visitId").asText()).isEqualTo("V-1002");
        assertThat(j.get("blocked").asBoolean()).isTrue();
        assertThat(j.get("findings").findValuesAsText("id")).contains("MW-U003");
    }

    /** Gzip on standard input is known by its magic bytes, as a named file is (it was read as text: "not UTF-8"). */
    @Test
    void checkReadsGzipFromStandardInput() throws Exception {
        Path gz = tmp.resolve("overlap-visit.json.gz");
        try (java.io.OutputStream o = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(Repo.example("overlap-visit.json")));
        }
        Result r = launch(gz, "check", "--json", "-");
        assertThat(r.code).as(r.err).isEqualTo(1);
        assertThat(STRICT.readTree(r.out).get("visitId").asText()).isEqualTo("V-1002");
    }

    @Test
    void badInputExitsTwoWithOneLineOnStderr() throws Exception {
        Result r = launch(null, "units", "97112:-5");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        List<String> lines = r.errLines();
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).startsWith("minutewise: ").contains("97112:-5");
        if (!r.built()) {
            assertThat(lines).hasSize(1);
        }
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
