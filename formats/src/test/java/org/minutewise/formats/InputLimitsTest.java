package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minutewise.refdata.RefData;

/**
 * Input over a limit, cut short, in the wrong format or not UTF-8: refused in the project's words, naming the field
 * (or line and byte) and the limit, never with the parsers' class names, option names or error codes.
 */
final class InputLimitsTest {
    private final VisitJsonReader reader = new VisitJsonReader(RefData.defaults());

    private static String visit(String note) {
        return "{\"id\":\"V-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"note\":\"" + note + "\",\"services\":[{\"code\":\"97112\",\"minutes\":24,"
                + "\"provider\":{\"role\":\"PT\"}}]}";
    }

    /** Words of the parsers that must never reach a user. */
    private static void plain(String message) {
        assertThat(message).doesNotContain("StreamReadConstraints", "StreamReadFeature", "Source:", "REDACTED",
                "EDIE", "HAPI-", "fasterxml", "Exception", "`");
    }

    @Test
    void aNoteOverTheLimitNamesTheFieldAndTheLimit() {
        String text = visit("x".repeat(Json.MAX_STRING + 100));
        assertThatThrownBy(() -> reader.parse(text)).isInstanceOf(InputException.class)
                .hasMessage("note: longer than 1,000,000 characters (the limit of a text field)")
                .satisfies(e -> assertThat(((InputException) e).path()).isEqualTo("note"));
    }

    @Test
    void aNoteAtTheLimitIsAccepted() {
        assertThat(reader.read(reader.parse(visit("x".repeat(Json.MAX_STRING)))).note().orElseThrow()).hasSize(Json.MAX_STRING);
    }

    @Test
    void inAnArrayOfVisitsTheFieldNamesItsVisit() {
        String text = "[" + visit("short") + "," + visit("x".repeat(Json.MAX_STRING + 1)) + "]";
        assertThatThrownBy(() -> reader.parse(text)).hasMessageStartingWith("[1].note: longer than 1,000,000");
    }

    @Test
    void aNumberTooLongNamesTheField() {
        String text = visit("n").replace("\"minutes\":24", "\"minutes\":" + "1".repeat(Json.MAX_NUMBER + 1));
        assertThatThrownBy(() -> reader.parse(text))
                .hasMessage("services[0].minutes: a number longer than 40 digits (the limit of a number)");
    }

    @Test
    void arraysNestedTooDeepWithoutAFieldNameTheirLineAndColumn() {
        String deep = "[".repeat(Json.MAX_NESTING + 1) + "]".repeat(Json.MAX_NESTING + 1);
        assertThatThrownBy(() -> reader.parse(deep)).hasMessageMatching("line 1, column 3[34]: nested deeper than 32 "
                + "levels of objects and arrays \\(the limit of the input\\)");
        assertThatThrownBy(() -> reader.parse("[" + visit("n").replace("\"note\"", "\"extra\":" + deep + ",\"note\"")
                + "]")).hasMessageStartingWith("[0].extra: nested deeper than 32 levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"V-1\",\n \"note\": \"cut", "{\n", "[{\"id\":1},"})
    void jsonCutShortSaysSoWithItsPlace(String text) {
        assertThatThrownBy(() -> reader.parse(text)).isInstanceOf(InputException.class)
                .hasMessageMatching("line \\d+, column \\d+: malformed JSON: the text ends before the JSON does "
                        + "\\(is the file cut short\\?\\)")
                .satisfies(e -> plain(e.getMessage()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": NaN}", "{\"id\": 1} {\"id\": 2}", "{/* c */ \"id\": 1}", "{'id': 1}",
            "{\"id\": 1, \"id\": 2}", "{\"id\": tru}"})
    void syntaxErrorsAreMalformedJsonInPlainWords(String text) {
        assertThatThrownBy(() -> reader.parse(text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("line 1, column ").hasMessageContaining(": malformed JSON: ")
                .satisfies(e -> plain(e.getMessage()));
    }

    @Test
    void aVisitFileReadAsJsonLinesIsPlain() {
        List<VisitInput.Result> r = VisitInput.read(visit("n").replace(",", ",\n"), VisitFormat.JSONL,
                RefData.defaults(), java.util.Optional.empty());
        assertThat(r).isNotEmpty();
        r.forEach(x -> x.error().ifPresent(e -> plain(e.getMessage())));
        assertThat(r.get(0).error()).isPresent();
    }

    @Test
    void aVisitReadAsX12IsPlain() {
        assertThatThrownBy(() -> VisitInput.read(visit("n"), VisitFormat.X12, RefData.defaults(),
                java.util.Optional.empty())).isInstanceOf(InputException.class)
                .hasMessageContaining("not readable as X12: not X12 at character")
                .satisfies(e -> plain(e.getMessage()));
    }

    @Test
    void anUnknownFhirResourceIsPlain() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Encountr\",\"id\":\"e\"}}]}";
        assertThatThrownBy(() -> VisitInput.read(bundle, VisitFormat.FHIR, RefData.defaults(),
                java.util.Optional.empty())).isInstanceOf(InputException.class)
                .hasMessageContaining("Encountr")
                .satisfies(e -> plain(e.getMessage()));
    }

    @Test
    void bytesThatAreNotUtf8AreFoundWithTheirLineAndByte() {
        byte[] latin1 = "{\n\"note\": \"Pe\u00f1a\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Utf8.firstInvalid(latin1, 0, latin1.length)).isEqualTo(13);
        assertThatThrownBy(() -> Utf8.decode(latin1, "latin1.json")).isInstanceOf(InputException.class)
                .hasMessage("latin1.json, line 2: not valid UTF-8 at byte 14 of the file (0xF1); the file must be "
                        + "UTF-8 (save it as UTF-8 and try again)");
    }

    @Test
    void utf8WithAccentsPassesUntouched() {
        String text = "{\"note\": \"Pe\u00f1a, Fran\u00e7ois, \u00c5se, \u20ac5, \ud83d\ude00\"}";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(b, 0, b.length)).isEqualTo(-1);
        assertThat(Utf8.decode(b, "f")).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "F5", "FF", "80", "C3", "E282", "C328"})
    void malformedSequencesAreFound(String hex) {
        byte[] b = java.util.HexFormat.of().parseHex("41" + hex);
        assertThat(Utf8.firstInvalid(b, 0, b.length)).isEqualTo(1);
    }
}
