package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Visit;
import org.minutewise.refdata.RefData;

/**
 * The README's "Java library" example, compiled and run: the code between the README markers below is the README's
 * {@code java} block line for line (a test fails when the two drift), and it prints what {@code check --json} says
 * of the same visit.
 */
class LibraryExampleTest {

    /** The README's example, as a method: a visit's JSON in, the JSON {@code check --json} prints out. */
    static String example(String text, LocalDate today) throws IOException {
        // README:begin
        ReferenceData ref = RefData.defaults();                   // the embedded codes, payers, edits and fees
        VisitJsonReader reader = new VisitJsonReader(ref);        // thread-safe: keep one
        Visit visit = reader.read(reader.parse(text));            // bad input: InputException naming the field
        VisitChecker checker = new VisitChecker(ref).asOf(today); // pure and thread-safe: keep one
        CheckResult result = checker.check(visit);
        for (ClaimLine line : result.claim().lines()) {
            System.out.println(line.code() + " " + line.modifiers() + " x" + line.units());
        }
        result.findings().forEach(f -> System.out.println(f.ruleId() + " " + f.severity().wire() + ": "
                + f.message()));
        boolean blocked = result.blocks();                        // check exits 1 when a finding blocks
        String json = Json.writer().writeValueAsString(ResultJson.check(result)); // what check --json prints
        // README:end
        assertThat(blocked).isEqualTo(result.findings().stream().anyMatch(f -> f.severity() == Severity.BLOCK));
        return json;
    }

    private static Path repo(String path) {
        Path p = Path.of(path);
        return Files.exists(p) ? p : Path.of("..").resolve(path);
    }

    @Test
    void theReadmeShowsThisCodeLineForLine() throws IOException {
        String readme = Files.readString(repo("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Java library\n");
        assertThat(section).as("README has a \"Java library\" section").isPositive();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        List<String> shown = Arrays.stream(readme.substring(start, end).split("\n")).map(String::strip)
                .filter(l -> !l.isEmpty()).collect(Collectors.toList());
        String source = Files.readString(Path.of("src/test/java/org/minutewise/formats/LibraryExampleTest.java"),
                StandardCharsets.UTF_8);
        String between = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("        // README:end"));
        List<String> compiled = Arrays.stream(between.split("\n")).map(String::strip).filter(l -> !l.isEmpty())
                .collect(Collectors.toList());
        assertThat(shown).containsExactlyElementsOf(compiled);
    }

    @Test
    void theExamplePrintsTheClaimLinesAndFindingsCheckPrints() throws IOException {
        String text = Files.readString(repo("examples/stroke-visit.json"), StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream was = System.out;
        String json;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            json = example(text, LocalDate.of(2026, 3, 2));
        } finally {
            System.setOut(was);
        }
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        JsonNode checked = Json.mapper().readTree(json);
        assertThat(checked.get("visitId").asText()).isEqualTo("V-1001");
        // Each claim line of the JSON printed as code, modifiers and units, in the JSON's order, then each finding.
        List<String> expected = new java.util.ArrayList<>();
        checked.get("claimLines").forEach(l -> {
            List<String> mods = new java.util.ArrayList<>();
            l.get("modifiers").forEach(m -> mods.add(m.asText()));
            expected.add(l.get("code").asText() + " " + mods + " x" + l.get("units").asInt());
        });
        checked.get("findings").forEach(f -> expected.add(f.get("id").asText() + " "
                + f.get("severity").asText() + ": " + f.get("message").asText()));
        assertThat(printed).containsExactlyElementsOf(expected);
        assertThat(printed).startsWith("97112 [GP] x2", "97110 [GP, CQ] x1", "97010 [GP, CQ] x1");
    }

    @Test
    void badInputNamesTheField() {
        String text = "{\"id\":\"V-9\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"services\":[{\"code\":\"97112\",\"minutes\":\"twenty\"}]}";
        assertThatThrownBy(() -> example(text, LocalDate.of(2026, 3, 2)))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).path()).isEqualTo("services[0].minutes"));
    }
}
