package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lookup, search and ask end to end through Main.run. */
class KnowledgeCommandsTest {
    private static final ObjectMapper M = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void askJsonHasExactlyTheContractFields() throws Exception {
        Run r = run("ask", "--json", "which code for group therapy");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = M.readTree(r.out());
        assertThat(fieldNames(j)).startsWith("answer", "cards");
        assertThat(j.get("answer").asText()).contains("Source:");
        assertThat(j.get("known").asBoolean()).isTrue();
        JsonNode first = j.get("cards").get(0);
        assertThat(fieldNames(first)).containsExactly("kind", "id", "title", "score", "citation");
        assertThat(first.get("kind").asText()).isEqualTo("code");
        assertThat(first.get("id").asText()).isEqualTo("97150");
        assertThat(first.get("score").isNumber()).isTrue();
        double previous = Double.MAX_VALUE;
        for (JsonNode c : j.get("cards")) {
            assertThat(c.get("kind").asText()).isIn("code", "modifier", "rule", "diagnosis");
            assertThat(c.get("score").asDouble()).as("best first").isLessThanOrEqualTo(previous);
            previous = c.get("score").asDouble();
        }
    }

    @Test
    void askJsonWhenItDoesNotKnow() throws Exception {
        Run r = run("ask", "--json", "what's the weather in paris");
        assertThat(r.code()).isZero();
        JsonNode j = M.readTree(r.out());
        assertThat(j.get("answer").asText()).startsWith("I don't know");
        assertThat(j.get("cards")).isEmpty();
        assertThat(j.get("known").asBoolean()).isFalse();
    }

    @Test
    void askText() {
        Run r = run("ask", "does", "a", "PTA", "unit", "need", "CQ?");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("CQ").contains("Source:").contains("Cards (best first):");
    }

    @Test
    void lookupPrintsTheCard() {
        Run r = run("lookup", "97112");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("97112  (code)  Neuromuscular reeducation").contains("Documentation")
                .contains("Sources:");
        assertThat(run("lookup", "gp").out()).startsWith("GP  (modifier)");
        assertThat(run("lookup", "I69.351").out()).startsWith("I69.351 falls under category I69.35 (")
                .contains("Its own title is not in the embedded data").contains("--icd10-file");
        // A made-up code under a real category is never confirmed.
        assertThat(run("lookup", "I69.999").out()).contains("cannot confirm that I69.999 is a valid ICD-10-CM code")
                .doesNotContain("I69.999 is in");
        // Near miss: a category looked up by its own id has no such note.
        assertThat(run("lookup", "R26.8").out()).startsWith("R26.8  (diagnosis)");
    }

    /** A topic is printed once, with all its facts: 97129's own units fact joins the catalog's. */
    @Test
    void eachTopicOfACardIsPrintedOnce() {
        String out = run("lookup", "97129").out();
        assertThat(out.lines().filter(l -> l.equals("Units"))).hasSize(1);
        assertThat(out).contains("one unit at most");
    }

    @Test
    void lookupJson() throws Exception {
        Run r = run("lookup", "--json", "KX");
        JsonNode j = M.readTree(r.out());
        assertThat(j.get("found").asBoolean()).isTrue();
        assertThat(j.get("card").get("kind").asText()).isEqualTo("modifier");
        assertThat(j.get("card").get("facts")).isNotEmpty();
    }

    @Test
    void lookupUnknownButWellFormedIsExit1WithSuggestions() throws Exception {
        Run r = run("lookup", "97999");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("97999: not in the Minutewise knowledge base");
        assertThat(r.err()).isEmpty();
        JsonNode j = M.readTree(run("lookup", "--json", "0042T").out());
        assertThat(j.get("found").asBoolean()).isFalse();
    }

    @Test
    void lookupMalformedIsExit2WithOneLine() {
        Run r = run("lookup", "neuro re-ed");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("minutewise: ID: \"neuro re-ed\" is not a code");
    }

    /** An unknown code suggests its neighbours by the first four characters. */
    @Test
    void anUnknownCodeSuggestsItsNeighbours() {
        Run r = run("lookup", "97111");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Nearest:").contains("97110").contains("97112");
    }

    /** A one-word rulebook topic is a card id though not shaped like one: lookup mue shows its card. */
    @Test
    void oneWordTopicsAreLookedUp() {
        for (String topic : new String[] {"mue", "chiropractor", "cotreatment", "yearly-figures"}) {
            Run r = run("lookup", topic);
            assertThat(r.code()).as(topic).isZero();
            assertThat(r.out()).startsWith(topic + "  (rule)");
        }
    }

    @Test
    void searchTextAndJson() throws Exception {
        Run r = run("search", "neuro", "re-ed");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith(" 1. 97112");
        JsonNode j = M.readTree(run("search", "--json", "--limit", "3", "9716").out());
        assertThat(j.get("cards")).hasSize(3);
        assertThat(j.get("cards").get(0).get("id").asText()).startsWith("9716");
        assertThat(run("search", "--limit", "0", "gait").code()).isEqualTo(2);
        assertThat(run("search", "zzzzqqq").out()).contains("No card matches");
    }

    @Test
    void userFilesAreLoaded() throws Exception {
        Run r = run("lookup", "--cpt-file", sample("cpt_cli_sample.txt"), "97112");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("CPT descriptor (licensed file)").contains("Synthetic CLI sample descriptor");
        Run missing = run("ask", "--icd10-file", "no/such/file.txt", "stroke");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    private static String sample(String name) throws URISyntaxException {
        return Path.of(KnowledgeCommandsTest.class.getResource(name).toURI()).toString();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
