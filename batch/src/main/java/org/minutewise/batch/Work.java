package org.minutewise.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The audit's work directory, {@code OUT/.work}: the manifest ({@code state}), the partitions of the first
 * pass, and the part files of the later passes. Every file is written under a {@code .tmp} name and renamed when
 * complete, so a file that exists under its own name is whole.
 */
final class Work {
    static final String DIR = ".work";
    /** The files an audit writes in its output directory. */
    static final List<String> OUTPUTS = List.of("findings.csv", "claims.csv", "rejected.csv", "summary.json",
            "report.html", "run.json");

    private final Path out;
    private final Path dir;

    Work(Path out) {
        this.out = out;
        this.dir = out.resolve(DIR);
    }

    Path out() {
        return out;
    }

    Path dir() {
        return dir;
    }

    Path state() {
        return dir.resolve("state");
    }

    /** The first pass's partition {@code p}: the records of the visits whose id hashes to it. */
    Path spill(int p) {
        return dir.resolve("read").resolve("p" + num(p) + ".bin");
    }

    /** Rows the first pass could not read at all (malformed records, unreadable visits). */
    Path readRejects() {
        return dir.resolve("read").resolve("rejected.bin");
    }

    /** A part file of pass 2 ({@code check}) or 3 ({@code patients}, {@code therapists}) for partition p. */
    Path part(String pass, String kind, int p) {
        return dir.resolve(pass).resolve(kind + "-" + num(p) + ext(kind));
    }

    private static String ext(String kind) {
        return switch (kind) {
            case "findings", "claims" -> ".csv";
            case "totals" -> ".json";
            default -> ".bin";
        };
    }

    static String num(int p) {
        return String.format(Locale.ROOT, "%05d", p);
    }

    static Path tmp(Path p) {
        return p.resolveSibling(p.getFileName() + ".tmp");
    }

    /** Renames a finished {@code .tmp} file to its own name, replacing any earlier one. */
    static void commit(Path tmp, Path target) throws IOException {
        WriteFailed.writing(target, () -> {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        });
    }

    /** Writes a small file atomically. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path t = tmp(target);
        WriteFailed.writing(target, () -> Files.writeString(t, text, StandardCharsets.UTF_8));
        commit(t, target);
    }

    void createDirs() throws IOException {
        for (String sub : new String[] {"read", "check", "patients", "therapists"}) {
            Files.createDirectories(dir.resolve(sub));
        }
    }

    /** Removes what an interrupted run left half written. */
    void removeTemporaries() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
        for (String name : OUTPUTS) {
            Files.deleteIfExists(tmp(out.resolve(name)));
        }
    }

    /** Deletes the bulky work files once the outputs are written; the manifest stays (it says: done). */
    void removeBulk() {
        for (String sub : new String[] {"read", "check", "patients", "therapists"}) {
            deleteTree(dir.resolve(sub));
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
