package org.minutewise.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found by walking up from the working directory to the one holding bin/minutewise. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin").resolve("minutewise"))) {
                return d;
            }
        }
        throw new IllegalStateException("no bin/minutewise above " + dir);
    }

    static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }
}
