package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The formats pom leaves ICU, Saxon and OkHttp out of HAPI's dependencies to keep the CLI jar small. The tests'
 * own classpath has Saxon again (the Schematron validator needs it), so this runs the reader and writers in a
 * JVM with the runtime classpath only (written by the build to target/runtime-classpath.txt).
 */
class FhirRuntimeClasspathTest {
    @Test
    void theReaderAndWritersRunOnTheRuntimeClasspathAlone() throws Exception {
        String deps = Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        assertThat(deps).contains("hapi-fhir-structures-r4").doesNotContain("icu4j").doesNotContain("Saxon-HE")
                .doesNotContain("okhttp");
        String cp = String.join(File.pathSeparator, Path.of("target", "classes").toString(), deps,
                Path.of("target", "test-classes").toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", cp, RuntimeSmoke.class.getName(),
                Golden.DIR.resolve("in/stroke-visit.fhir.json").toString()).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("finished in time").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("error Bundle.entry[0].resource.period.start").containsPattern("ok \\d+");
    }
}
