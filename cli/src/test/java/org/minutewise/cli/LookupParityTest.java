package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * lookup answers an id as GET /api/v1/knowledge/{id} does: what the API calls not found (a 404 with the nearest
 * cards) is exit 1 with the nearest cards, not exit 2 "not an id". Exit 2 stays for what is not an id at all.
 */
class LookupParityTest {
    private static final ObjectMapper M = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The first four characters of a code: not found, the codes that start so suggested (as the API's 404). */
    @Test
    void aCodePrefixIsNotFoundWithTheCodesItStarts() throws Exception {
        Run r = run("lookup", "9711");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("9711: not in the Minutewise knowledge base").contains("Nearest:")
                .contains("97112").contains("97110");
        JsonNode j = M.readTree(run("lookup", "--json", "9711").out());
        assertThat(j.get("found").asBoolean()).isFalse();
        assertThat(j.get("query").asText()).isEqualTo("9711");
        assertThat(j.get("suggestions").findValuesAsText("id")).contains("97112");
        // A HCPCS code's first four characters too, and the first three.
        Run g = run("lookup", "g028");
        assertThat(g.code()).isEqualTo(1);
        assertThat(g.out()).contains("G0283");
        assertThat(run("lookup", "971").code()).isEqualTo(1);
    }

    /** A topic-like id (words with dashes, a number among them) is not found with the topic it is near. */
    @Test
    void aTopicLikeIdIsNotFoundWithTheTopicSuggested() throws Exception {
        Run r = run("lookup", "8-minute-rule");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("8-minute-rule: not in the Minutewise knowledge base").contains("cms-total-time");
        JsonNode j = M.readTree(run("lookup", "--json", "8-Minute-Rule").out());
        assertThat(j.get("found").asBoolean()).isFalse();
        assertThat(j.get("suggestions").get(0).get("id").asText()).isEqualTo("cms-total-time");
        // The same as the id the rulebook's shape already took.
        assertThat(run("lookup", "cms-8-minute").code()).isEqualTo(1);
    }

    /** Near misses: still exit 2 with one line, where the API says 400 (a space, a character no id has). */
    @Test
    void whatIsNotAnIdIsStillExit2() {
        for (String text : new String[] {"neuro re-ed", "97112!", "8 minute rule", "-", "97-", "a--b", "97 11"}) {
            Run r = run("lookup", text);
            assertThat(r.code()).as(text).isEqualTo(2);
            assertThat(r.out()).as(text).isEmpty();
            assertThat(r.err().strip().lines()).as(text).hasSize(1);
            assertThat(r.err()).as(text).contains("is not a code").contains("try: minutewise search");
        }
        // Two characters are a modifier's shape (found or not); one character is not an id.
        assertThat(run("lookup", "ZZ").code()).isEqualTo(1);
        assertThat(run("lookup", "9").code()).isEqualTo(2);
    }

    @Test
    void theShapesAreNamedApart() {
        assertThat(LookupCommand.isId("9711")).isTrue();
        assertThat(LookupCommand.isId("G028")).isTrue();
        assertThat(LookupCommand.isId("8-minute-rule")).isTrue();
        assertThat(LookupCommand.isId("97112")).isTrue();
        assertThat(LookupCommand.isId("97")).isTrue();
        assertThat(LookupCommand.isId("9")).isFalse();
        assertThat(LookupCommand.isId("97111x")).isFalse();
        assertThat(LookupCommand.isId("neuro re-ed")).isFalse();
        assertThat(LookupCommand.isId("8-minute-")).isFalse();
        assertThat(LookupCommand.isId("-minute")).isFalse();
    }
}
