package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/minutewise serve} as a real process: the first line on stdout is the URL, the service answers there,
 * the log on stderr holds no patient data and no stack trace, and it refuses to listen beyond loopback without a
 * token. Runs in the integration-test phase, after package has built the jar.
 */
final class ServeProcessIT {
    private static final String SECRET_PATIENT = "P-SECRET-7731";

    @TempDir
    Path tmp;

    private ProcessBuilder serve(Path err, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", Repo.root().resolve("bin/minutewise").toString(),
                "serve"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("MINUTEWISE_TOKEN");
        return pb;
    }

    @Test
    void printsItsUrlFirstAndServesThePageAndTheApi() throws Exception {
        Path err = tmp.resolve("err.txt");
        Process p = serve(err, "--port", "0", "--data", tmp.resolve("data").toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");

            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("ok");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Minutewise");

            String visit = Files.readString(Repo.example("stroke-visit.json")).replace("\"P-1\"",
                    "\"" + SECRET_PATIENT + "\"");
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/visits"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(visit))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).isEqualTo(201);
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/check"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"patient\":{\"id\":\"" + SECRET_PATIENT + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Files.exists(tmp.resolve("data").resolve("minutewise.mv.db"))).isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        String log = Files.readString(err);
        assertThat(log).contains("serving on").doesNotContain(SECRET_PATIENT).doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /** A second server on the same --data says the store is in use, at once, and exits 2. */
    @Test
    void aSecondServerOnTheSameDataSaysTheStoreIsInUse() throws Exception {
        Path err = tmp.resolve("err1.txt");
        Process first = serve(err, "--port", "0", "--data", tmp.resolve("data").toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("http://");
            Path err2 = tmp.resolve("err2.txt");
            Process second = serve(err2, "--port", "0", "--data", tmp.resolve("data").toString()).start();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(2);
            assertThat(Files.readString(err2)).contains("is in use by another process").doesNotContain("\tat ");
        } finally {
            first.destroy();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A port another process holds: exit 2 with exactly one line on stderr (no server log line before it). */
    @Test
    void aPortTakenIsOneLine() throws Exception {
        try (java.net.ServerSocket held = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Path err = tmp.resolve("err-port.txt");
            Process p = serve(err, "--port", Integer.toString(held.getLocalPort()), "--data",
                    tmp.resolve("data").toString()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(err)).filteredOn(l -> !l.startsWith("minutewise: build"))
                    .singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: could not listen on "
                            + "127.0.0.1:" + held.getLocalPort()));
        }
    }

    @Test
    void refusesToListenBeyondLoopbackWithoutAToken() throws Exception {
        Path err = tmp.resolve("err.txt");
        Process p = serve(err, "--port", "0", "--bind", "0.0.0.0", "--data", tmp.resolve("data").toString())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(err)).contains("token is required").doesNotContain("Exception");
    }
}
