package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitJsonWriter;

/**
 * Golden files for both directions: {@code x12/write/NAME.json} (visits) to {@code NAME.edi} (837P/837I), and
 * {@code x12/read/NAME.edi} (837P) to {@code NAME.json} (visits or errors). Run with {@code -Dgolden.update=true}
 * to rewrite the expected files after a deliberate change, then review the diff.
 */
class X12GoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> visitsTo837() throws IOException {
        return cases("write", ".json").map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> {
            String actual = X12Writer.write(X12Fixtures.checked(in), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
            compare(sibling(in, ".json", ".edi"), actual);
            // The CLI's writer of what can be written makes the same bytes when every claim can be.
            X12Writer.Partial partial = X12Writer.writeWritable(X12Fixtures.checked(in), X12Fixtures.ENVELOPE,
                    X12Fixtures.NOW, X12Fixtures.REF.payers());
            assertThat(partial.refused()).isEmpty();
            assertThat(partial.x12()).contains(actual);
            // Whatever the writer produces validates against the shipped schemas (837P and 837I).
            assertThat(X12Validation.errors(actual)).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> x12ToVisits() throws IOException {
        return cases("read", ".edi").map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> {
            List<X12ClaimReader.Result> results = X12ClaimReader.read(X12Fixtures.read(in), "medicare",
                    X12Fixtures.REF);
            compare(sibling(in, ".edi", ".json"), json(results));
        }));
    }

    /**
     * Results as JSON: each a visit (the visit JSON, with the reader's notes as {@code readNotes} when it has any) or
     * {"claimId": ..., "error": "path: detail"}.
     */
    static String json(List<X12ClaimReader.Result> results) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (X12ClaimReader.Result r : results) {
            if (r.ok()) {
                ObjectNode v = VisitJsonWriter.write(r.visit().orElseThrow());
                if (!r.notes().isEmpty()) {
                    // What the visit does not keep of its claim (X12ClaimReader.Result#notes), not a visit field.
                    r.notes().forEach(v.putArray("readNotes")::add);
                }
                arr.add(v);
            } else {
                ObjectNode o = arr.addObject();
                r.claimId().ifPresent(id -> o.put("claimId", id));
                o.put("error", r.error().orElseThrow().getMessage());
            }
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> cases(String dir, String ext) throws IOException {
        try (Stream<Path> s = Files.list(X12Fixtures.DIR.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList().stream();
        }
    }

    private static Path sibling(Path p, String from, String to) {
        String name = p.getFileName().toString();
        return p.resolveSibling(name.substring(0, name.length() - from.length()) + to);
    }

    private static void compare(Path expected, String actual) throws IOException {
        if (UPDATE || !Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            assertThat(UPDATE).as("golden file %s was missing; written, review it and run again", expected).isTrue();
        }
        assertThat(actual).as("golden file %s (run with -Dgolden.update=true after a deliberate change)", expected)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
