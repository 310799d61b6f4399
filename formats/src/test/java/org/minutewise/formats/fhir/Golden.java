package org.minutewise.formats.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/fhir/}. Run with {@code -Dgolden.update=true} to rewrite them from
 * the current output (then review the diff before committing).
 */
final class Golden {
    static final Path DIR = Path.of("src", "test", "resources", "fhir");

    private Golden() {
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(String name, String actual) {
        Path p = DIR.resolve(name);
        String text = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(p).as("golden file " + p + " (create it with -Dgolden.update=true)").exists();
            assertThat(text).as("golden file " + p + " (review, then update with -Dgolden.update=true)")
                    .isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
