package org.minutewise.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonWriter;
import org.minutewise.refdata.RefData;

/**
 * The optional columns written only when some visit has a value ({@link CsvLayout#WHEN_GIVEN_COLUMNS}): a service
 * line's {@code description}, a billed line's {@code billedDiagnosisPointers}, the clinicians' {@code providerName}
 * and {@code supervisorName}. Read as the other columns, checked with errors naming the line and column.
 */
class CsvWhenGivenColumnsTest {
    private static final ReferenceData REF = RefData.defaults();

    /** The layout's usual columns up to {@code note}, then the new ones. */
    private static final String HEADER = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,"
            + "minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note,description,"
            + "billedDiagnosisPointers,providerName,supervisorName\r\n";

    /** A visit JSON with everything the new columns carry: descriptions, billed pointers, both names. */
    private static final String JSON = "{\"id\":\"V-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
            + "\"planOfCare\":\"PT\",\"setting\":\"private-practice\",\"patient\":{\"id\":\"P-1\"},"
            + "\"diagnoses\":[\"I69.351\",\"R26.81\",\"M62.81\"],"
            + "\"services\":[{\"code\":\"97110\",\"minutes\":23,\"periods\":[{\"start\":\"09:24\",\"end\":\"09:47\"}],"
            + "\"provider\":{\"id\":\"A1\",\"role\":\"PTA\",\"supervisorId\":\"T1\",\"name\":\"Lee, Sam\","
            + "\"supervisorName\":\"Smith, Ann\"}},"
            + "{\"code\":\"97799\",\"provider\":{\"id\":\"T1\",\"role\":\"PT\",\"name\":\"Smith, Ann\"},"
            + "\"description\":\"Vestibular habituation, \\\"Brandt-Daroff\\\" x5\"}],"
            + "\"billed\":[{\"code\":\"97110\",\"modifiers\":[\"GP\",\"CQ\"],\"units\":2,\"diagnosisPointers\":[2,1]},"
            + "{\"code\":\"97799\",\"modifiers\":[\"GP\"],\"units\":1,\"charge\":80.00,\"diagnosisPointers\":[3]}]}";

    private static Visit read(String text, VisitFormat format) {
        VisitInput.Result r = VisitInput.read(text, format, REF).get(0);
        assertThat(r.error()).isEmpty();
        return r.visit().get();
    }

    private static String error(String csv) {
        return VisitInput.read(csv, VisitFormat.CSV, REF).get(0).error().map(InputException::getMessage).orElse(null);
    }

    @Test
    void descriptionsPointersAndNamesRoundTripJsonCsvJson() {
        Visit v = read(JSON, VisitFormat.JSON);
        String csv = CsvVisitWriter.write(List.of(v));
        assertThat(csv).startsWith(CsvVisitWriter.header().replace("\r\n",
                ",description,billedDiagnosisPointers,providerName,supervisorName\r\n"));
        Visit back = read(csv, VisitFormat.CSV);
        JsonNode before = VisitJsonWriter.write(v);
        JsonNode after = VisitJsonWriter.write(back);
        assertThat(after.get("billed")).isEqualTo(before.get("billed"));
        assertThat(after.get("billed").get(0).get("diagnosisPointers").toString()).isEqualTo("[2,1]");
        assertThat(after.get("services")).isEqualTo(before.get("services"));
        assertThat(back.services().get(1).description()).contains("Vestibular habituation, \"Brandt-Daroff\" x5");
        assertThat(back.services().get(0).provider().name()).contains("Lee, Sam");
        assertThat(back.services().get(0).provider().supervisorName()).contains("Smith, Ann");
        assertThat(CsvVisitWriter.notCarried(v)).doesNotContain("billed[].diagnosisPointers",
                "services[].provider.name", "services[].provider.supervisorName");
        // FHIR carries them too (Practitioner.name.text; the supervisor's on the supervisor extension's
        // Practitioner), read back as written; it named them as left behind before.
        assertThat(org.minutewise.formats.fhir.FhirVisitWriter.notCarried(v, code -> true))
                .doesNotContain("services[].provider.name", "services[].provider.supervisorName");
        Visit viaFhir = org.minutewise.formats.fhir.FhirVisitReader.read(
                org.minutewise.formats.fhir.FhirVisitWriter.write(v), REF, "commercial").get(0).visit().orElseThrow();
        assertThat(viaFhir.services()).extracting(ServiceLine::provider).isEqualTo(v.services().stream()
                .map(ServiceLine::provider).toList());
    }

    /** Only the columns some visit gives are written, in the layout's order; none of them: the header as before. */
    @Test
    void onlyTheColumnsSomeVisitGivesAreWritten() {
        Visit v = read(JSON, VisitFormat.JSON);
        String bareJson = JSON.replaceAll(",\"diagnosisPointers\":\\[[0-9,]*\\]", "")
                .replaceAll(",\"(supervisorName|name)\":\"[^\"]*\"", "")
                .replace(",\"description\":\"Vestibular habituation, \\\"Brandt-Daroff\\\" x5\"", "");
        Visit bare = read(bareJson, VisitFormat.JSON);
        assertThat(CsvVisitWriter.whenGiven(List.of(bare))).isEmpty();
        String plain = CsvVisitWriter.write(List.of(bare));
        assertThat(plain).isEqualTo(CsvVisitWriter.header() + CsvVisitWriter.rows(bare));
        // One visit that gives a description is enough for the column; the other visit's rows leave it empty.
        Visit described = read(bareJson.replace("\"id\":\"V-1\"", "\"id\":\"V-2\"").replace("\"code\":\"97799\",",
                "\"code\":\"97799\",\"description\":\"Habituation\","), VisitFormat.JSON);
        assertThat(CsvVisitWriter.whenGiven(List.of(bare, described))).containsExactly("description");
        assertThat(CsvVisitWriter.whenGiven(List.of(v, bare))).isEqualTo(CsvLayout.WHEN_GIVEN_COLUMNS);
        List<Visit> both = read2(CsvVisitWriter.write(List.of(bare, described)));
        assertThat(both.get(0).services().get(1).description()).isEmpty();
        assertThat(both.get(1).services().get(1).description()).contains("Habituation");
    }

    private static List<Visit> read2(String csv) {
        return VisitInput.read(csv, VisitFormat.CSV, REF).stream().map(r -> r.visit().get()).toList();
    }

    /** A line with two periods keeps its description once, on its first row, and its names on every row. */
    @Test
    void aLineOfSeveralPeriodsKeepsItsDescriptionAndNames() {
        Visit v = read(JSON.replace("\"periods\":[{\"start\":\"09:24\",\"end\":\"09:47\"}]",
                "\"periods\":[{\"start\":\"09:24\",\"end\":\"09:35\"},{\"start\":\"09:40\",\"end\":\"09:52\"}]")
                .replace("\"code\":\"97110\",\"minutes\":23,", "\"code\":\"97110\",\"minutes\":23,\"description\":"
                        + "\"Two sets\","), VisitFormat.JSON);
        String csv = CsvVisitWriter.write(List.of(v));
        Visit back = read(csv, VisitFormat.CSV);
        assertThat(back.services()).isEqualTo(v.services());
        assertThat(csv.lines().filter(l -> l.contains("Two sets"))).hasSize(1);
        assertThat(csv.lines().filter(l -> l.contains("\"Lee, Sam\""))).hasSize(2);
        // A continuation row that gives another description, or another clinician's name, is not the line's.
        String first = "V1,2026-03-02,medicare,,PT,P1,R26.81,97110,23,09:24,09:35,A1,PTA,,,,,,Two sets,,\"Lee, Sam\","
                + "\r\n";
        String cont = "V1,2026-03-02,medicare,,PT,P1,R26.81,97110,,09:40,09:52,A1,PTA,,,,,,%s,,%s,,\r\n";
        String header = HEADER.replace("\r\n", ",continuation\r\n");
        String again = header + first.replace("\r\n", ",\r\n") + cont.formatted("Two sets", "\"Lee, Sam\"")
                .replace("\r\n", "true\r\n");
        assertThat(error(again)).isNull();
        assertThat(error(header + first.replace("\r\n", ",\r\n") + cont.formatted("Three sets", "\"Lee, Sam\"")
                .replace("\r\n", "true\r\n"))).startsWith("line 3, column continuation: ").contains("description");
        assertThat(error(header + first.replace("\r\n", ",\r\n") + cont.formatted("", "\"Lee, Pat\"")
                .replace("\r\n", "true\r\n"))).startsWith("line 3, column continuation: ").contains("another service");
    }

    private static final String ROW = "V1,2026-03-02,medicare,,PT,P1,I69.351;R26.81,97110,30,,,T1,PT,,2,GP,,,,%s,,\r\n";

    /** Pointers are 1-12, at most 4, separated by ';' (',' or spaces too), and each names one of the visit's. */
    @Test
    void badPointersAreRefusedNamingTheColumn() {
        assertThat(read(HEADER + ROW.formatted("2;1"), VisitFormat.CSV).billed().get(0).diagnosisPointers())
                .containsExactly(2, 1);
        assertThat(read(HEADER + ROW.formatted("\"2, 1\""), VisitFormat.CSV).billed().get(0).diagnosisPointers())
                .containsExactly(2, 1);
        assertThat(read(HEADER + ROW.formatted(" 1 2 "), VisitFormat.CSV).billed().get(0).diagnosisPointers())
                .containsExactly(1, 2);
        assertThat(read(HEADER + ROW.formatted(""), VisitFormat.CSV).billed().get(0).diagnosisPointers()).isEmpty();
        assertThat(error(HEADER + ROW.formatted("0"))).isEqualTo("line 2, column billedDiagnosisPointers: expected "
                + "diagnosis pointers 1-12 separated by ';' (1 is the visit's first diagnosis), got \"0\"");
        assertThat(error(HEADER + ROW.formatted("13"))).startsWith("line 2, column billedDiagnosisPointers: ")
                .endsWith("got \"13\"");
        assertThat(error(HEADER + ROW.formatted("A"))).startsWith("line 2, column billedDiagnosisPointers: ")
                .endsWith("got \"A\"");
        assertThat(error(HEADER + ROW.formatted("１"))).startsWith("line 2, column billedDiagnosisPointers: ");
        assertThat(error(HEADER + ROW.formatted("-1"))).startsWith("line 2, column billedDiagnosisPointers: ");
        assertThat(error(HEADER + ROW.formatted("1;2;1;2;1"))).isEqualTo("line 2, column billedDiagnosisPointers: "
                + "at most 4 diagnosis pointers on a line (837P SV107), got 5");
        // In the range, but the visit gives two diagnoses (on any of its rows).
        assertThat(error(HEADER + ROW.formatted("3"))).isEqualTo("line 2, column billedDiagnosisPointers: points to "
                + "no diagnosis: expected 1 to 2 (the visit's diagnoses), got 3");
        assertThat(error(HEADER + ROW.replace("I69.351;R26.81", "").formatted("1")))
                .isEqualTo("line 2, column billedDiagnosisPointers: points to no diagnosis: expected 1 to 0 (the "
                        + "visit's diagnoses: it gives none), got 1");
        String second = "V1,2026-03-02,medicare,,PT,P1,,97112,,,,T1,PT,,1,GP,,,,2,,\r\n";
        assertThat(read(HEADER + ROW.formatted("1") + second, VisitFormat.CSV).billed().get(1).diagnosisPointers())
                .containsExactly(2);
        // Pointers on a row that bills nothing would be dropped: refused as billedModifiers are.
        assertThat(error(HEADER + ROW.replace(",2,GP,", ",,,").formatted("1"))).isEqualTo("line 2, column "
                + "billedUnits: required when billedDiagnosisPointers are given (got \"1\"); a row without billed "
                + "units is not a billed line");
    }

    /** A description holds what the 837P's SV101-7 holds, 80 characters, as the visit JSON's. */
    @Test
    void aDescriptionOverEightyCharactersIsRefusedNamingTheColumn() {
        String row = "V1,2026-03-02,medicare,,PT,P1,R26.81,97799,,,,T1,PT,,,,,,%s,,,\r\n";
        assertThat(read(HEADER + row.formatted("x".repeat(80)), VisitFormat.CSV).services().get(0).description())
                .contains("x".repeat(80));
        assertThat(error(HEADER + row.formatted("x".repeat(81)))).isEqualTo("line 2, column description: at most 80 "
                + "characters (the 837P's SV101-7 holds 80), got 81");
        assertThat(read(HEADER + row.formatted("  "), VisitFormat.CSV).services().get(0).description()).isEmpty();
        assertThat(error(HEADER + row.formatted("a\u0007b"))).startsWith("line 2, column description: holds the "
                + "control character U+0007");
    }

    /** The new columns are the layout's: not ignored, and one spelled in another case is refused as the others. */
    @Test
    void theNewColumnsAreLayoutColumns() throws java.io.IOException {
        CsvVisitReader reader = new CsvVisitReader(REF);
        CsvVisitReader.Header h = reader.header(CsvRecordReader.parse(HEADER.strip(), 1));
        assertThat(h.ignored()).isEmpty();
        assertThat(h.ignoredNote()).isEmpty();
        assertThat(CsvVisitReader.spellingOf("Provider Name")).isEqualTo("providerName");
    }
}
