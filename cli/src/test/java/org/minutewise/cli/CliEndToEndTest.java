package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI, run in process through {@link Main#run}: the README's output contract and exit statuses. */
final class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertOneErrorLine(Run r, String expected) {
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: ")
                .contains(expected));
        assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unitsJsonMatchesTheReadmeContract() {
        Run r = run("units", "--json", "97112:24", "97110:23");
        assertThat(r.code).isZero();
        assertThat(r.err).isEmpty();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("cms");
        assertThat(j.get("totalTimedMinutes").asInt()).isEqualTo(47);
        assertThat(j.get("timedUnits").asInt()).isEqualTo(3);
        assertThat(j.get("totalUnits").asInt()).isEqualTo(3);
        JsonNode lines = j.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("code").asText()).isEqualTo("97112");
        assertThat(lines.get(0).get("minutes").asInt()).isEqualTo(24);
        assertThat(lines.get(0).get("units").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("timed");
        assertThat(lines.get(1).get("code").asText()).isEqualTo("97110");
        assertThat(lines.get(1).get("minutes").asInt()).isEqualTo(23);
        assertThat(lines.get(1).get("units").asInt()).isEqualTo(1);
        assertThat(j.get("professionalChoice").asBoolean()).isFalse();
        assertThat(j.get("professionalChoice").isBoolean()).isTrue();
        assertThat(j.get("alternatives").isArray()).isTrue();
        assertThat(j.get("alternatives")).isEmpty();
        assertThat(j.get("findings").isArray()).isTrue();
        assertThat(j.get("findings")).isEmpty();
        assertThat(j.get("explanation").isArray()).isTrue();
        assertThat(texts(j.get("explanation"))).isNotEmpty()
                .contains("47 timed minutes fall in 38-52, so 3 units.");
    }

    @Test
    void unitsTextReport() {
        Run r = run("units", "97112:24", "97110:23");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("97112").contains("97110").contains("47 timed minutes fall in 38-52, so 3 units.");
    }

    /** The text of a check lists what blocks first; a visit that earns no unit says there is nothing to bill. */
    @Test
    void checkTextPutsBlocksFirstAndSaysWhenThereIsNothingToBill() throws Exception {
        Path aide = tmp.resolve("aide.json");
        java.nio.file.Files.writeString(aide, "{\"id\":\"A1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
                + "\"planOfCare\":\"PT\",\"services\":[{\"code\":\"97110\",\"minutes\":7,"
                + "\"provider\":{\"id\":\"T1\",\"role\":\"PT\"}}]}");
        Run r = run("check", aide.toString());
        int block = r.out.indexOf("  BLOCK ");
        int warn = r.out.indexOf("  WARN ");
        int info = r.out.indexOf("  INFO ");
        assertThat(block).as(r.out).isPositive(); // no diagnosis (MW-C008)
        assertThat(warn < 0 || warn > block).as(r.out).isTrue();
        assertThat(info < 0 || info > Math.max(block, warn)).as(r.out).isTrue();
        java.nio.file.Files.writeString(aide, java.nio.file.Files.readString(aide)
                .replace("\"services\"", "\"diagnoses\":[\"R26.81\"],\"services\""));
        Run none = run("check", aide.toString());
        assertThat(none.out).as(none.out).contains("Status: nothing to bill - no line earns a unit");
    }

    /**
     * 97530 and 97140 are an NCCI pair whatever the minutes: units says so (59/X only for separate time intervals)
     * and does not say they overlapped, which a count without times cannot know. 97530 beside 97110 is no pair.
     */
    @Test
    void unitsReportTheNcciPairTheCodesShow() {
        Run r = run("units", "--date", "2026-03-02", "97530:30", "97140:15");
        assertThat(r.code).as(r.out).isZero(); // a warning, not a block
        assertThat(r.out).doesNotContain("Findings: none").contains("MW-E003")
                .contains("97530 (column one) and 97140 (column two) are an NCCI pair")
                .doesNotContain("overlap");
        JsonNode j = run("units", "--json", "--date", "2026-03-02", "97530:30", "97140:15").json();
        assertThat(j.get("findings")).hasSize(1);
        assertThat(j.get("findings").get(0).get("id").asText()).isEqualTo("MW-E003");
        assertThat(j.get("findings").get(0).get("path").asText()).isEqualTo("97140");
        assertThat(run("units", "--json", "--date", "2026-03-02", "97530:30", "97110:15").json().get("findings"))
                .isEmpty();
    }

    @Test
    void unitsByTheCptMethod() {
        JsonNode j = run("units", "--method", "cpt", "--json", "97112:24", "97110:23").json();
        assertThat(j.get("method").asText()).isEqualTo("cpt");
        assertThat(j.get("lines").get(0).get("units").asInt()).isEqualTo(2);
        assertThat(j.get("lines").get(1).get("units").asInt()).isEqualTo(2);
        assertThat(j.get("totalUnits").asInt()).isEqualTo(4);
    }

    /** Forcing a method the payer does not use says so on stderr; the payer's own method says nothing. */
    @Test
    void forcingAnotherMethodThanThePayersIsNoted() {
        Run r = run("units", "--method", "cpt", "97112:20", "97110:20");
        assertThat(r.code).isZero();
        assertThat(r.err).contains("payer medicare uses the").contains("--method cpt overrides it");
        assertThat(r.out).contains("Medicare, and payers that adopt its method, count that way")
                .doesNotContain("this payer uses the per-code method");
        assertThat(run("units", "--method", "cms", "97112:20").err).isEmpty();
    }

    /** 97129 alone earns the units of the pair; the explanation says how the claim bills them. */
    @Test
    void cognitiveUnitsSayHowTheClaimSplitsThem() {
        assertThat(run("units", "97129:40").out).contains("On the claim: 97129 x1 and 97130 x2");
    }

    /**
     * What the codes alone tell comes with the count, for the payer and the date: units over the MUE and 97014 to
     * Medicare block (exit 1); two evaluations of one discipline block, one of each discipline does not; a deleted
     * code blocks after its last date only; a commercial payer takes 97014.
     */
    @Test
    void unitsReportWhatTheCodesAloneTell() {
        Run mue = run("units", "--json", "--date", "2026-03-02", "97112:75");
        assertThat(mue.code).isEqualTo(1);
        assertThat(mue.json().get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("id").asText()).isEqualTo("MW-E006");
            assertThat(f.get("path").asText()).isEqualTo("97112");
        });
        assertThat(run("units", "97014").code).isEqualTo(1);
        assertThat(run("units", "--payer", "commercial", "97014").code).isZero();
        assertThat(run("units", "97161", "97162").out).contains("MW-E008");
        assertThat(run("units", "97161", "97165").code).isZero();
        assertThat(run("units", "--date", "2016-05-01", "97001").code).isZero();
        assertThat(run("units", "--date", "2026-05-01", "97001").out).contains("MW-C005")
                .contains("97001 is valid from 1990-01-01 to 2016-12-31");
        assertOneErrorLine(run("units", "--date", "yesterday", "97112:20"), "--date: expected a date like");
        // YYYY-MM-DD in the years a visit's dateOfService takes (integrator review #12); near miss: 2199 is read.
        assertOneErrorLine(run("units", "--date", "+10000-01-01", "97112:24"), "--date: expected a date like "
                + "2026-03-02, got \"+10000-01-01\"");
        assertOneErrorLine(run("units", "--date", "2200-01-01", "97112:24"), "--date: year out of range: 2200-01-01");
        assertThat(run("units", "--date", "2199-12-31", "97112:24").code).isZero();
        assertThat(run("units", "--date", "2026-03-02", "97112:24", "97110:23").code).isZero();
        Run day = run("units", "97110:1440", "97140:1440");
        assertThat(day.code).isEqualTo(2);
        assertOneErrorLine(day, "the minutes add up to 2880, more than a day has (1440)");
    }

    /** A CSV of a header alone has no visit to check: exit 2, said, not a silent clean run. */
    @Test
    void aHeaderAloneIsNoVisits() throws Exception {
        Path csv = tmp.resolve("header.csv");
        java.nio.file.Files.writeString(csv, String.join(",", org.minutewise.formats.csv.CsvLayout.REQUIRED) + "\r\n");
        Run r = run("check", csv.toString());
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "no visits in the input");
    }

    /** A mistyped option or command is one line, with the nearest one when there is one; -V works on a command. */
    @Test
    void aTypoIsOneLineWithTheNearestOption() {
        Run opt = run("units", "--jsn", "97112:20");
        assertThat(opt.code).isEqualTo(2);
        assertOneErrorLine(opt, "Unknown option: '--jsn'; did you mean --json?");
        Run cmd = run("chek", "x.json");
        assertThat(cmd.code).isEqualTo(2);
        assertOneErrorLine(cmd, "did you mean check");
        Run v = run("units", "-V");
        assertThat(v.code).isZero();
        assertThat(v.out).startsWith("minutewise ");
    }

    /** FHIR output carries the clinic's offset: 09:00 in New York in March is 09:00-05:00, not 09:00Z. */
    @Test
    void convertToFhirWritesTheClinicsOffset() {
        String visit = Repo.root().resolve("examples/claim-visit.json").toString();
        Run ny = run("convert", "--out", "fhir", "--zone", "America/New_York", visit);
        assertThat(ny.code).isZero();
        assertThat(ny.out).contains("T09:00:00-05:00").doesNotContain("T09:00:00Z");
        assertThat(run("convert", "--out", "fhir", "--zone", "+00:00", visit).out).contains("T09:00:00Z");
        assertOneErrorLine(run("convert", "--out", "fhir", "--zone", "Mars/Olympus", visit), "--zone: expected");
    }

    /**
     * {@code check --out csv} of a billed visit writes the corrected claim in the billed columns, not the billed
     * lines again (97110 billed 3 units with no GP on 30 minutes: 2 units with GP; OT/SLP biller review).
     */
    @Test
    void checkOutCsvWritesTheCorrectedClaimOfABilledVisit() throws IOException {
        Path v = file("billed.json", "{\"id\":\"B-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
                + "\"planOfCare\":\"PT\",\"diagnoses\":[\"R26.81\"],\"services\":[{\"code\":\"97110\","
                + "\"minutes\":30,\"provider\":{\"id\":\"T1\",\"role\":\"PT\"}}],"
                + "\"billed\":[{\"code\":\"97110\",\"modifiers\":[],\"units\":3}]}");
        Run r = run("check", "--out", "csv", v.toString());
        assertThat(r.code).isEqualTo(1);
        List<String> lines = r.out.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(row.get(header.indexOf("billedUnits"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("billedModifiers"))).isEqualTo("GP");
        // A billed code documented without minutes (MW-B001) stays as billed: the engine cannot count it.
        Path mixed = file("billed2.json", Files.readString(v).replace("\"billed\":[", "\"billed\":[{\"code\":"
                + "\"97140\",\"modifiers\":[\"GP\"],\"units\":1},").replace("\"services\":[",
                "\"services\":[{\"code\":\"97140\",\"provider\":{\"id\":\"T1\",\"role\":\"PT\"}},"));
        Run r2 = run("check", "--out", "csv", mixed.toString());
        assertThat(r2.out.lines().filter(l -> l.contains(",97140,"))).singleElement()
                .satisfies(l -> assertThat(List.of(l.split(",", -1)).get(header.indexOf("billedUnits")))
                        .isEqualTo("1"));
    }

    /**
     * FHIR input with offsets is read in the clinic's zone when --zone is given (an EMR writing UTC), as written
     * otherwise; check takes the same option and refuses a zone it does not know.
     */
    @Test
    void fhirInputTimesAreReadInTheClinicsZone() throws IOException {
        Run utc = run("convert", "--out", "fhir", "--zone", "+00:00", Repo.example("stroke-visit.json").toString());
        assertThat(utc.code).isZero();
        Path bundle = file("utc.fhir.json", utc.out);
        Run asWritten = run("convert", "--out", "json", bundle.toString());
        assertThat(asWritten.out).contains("\"start\":\"09:00\"").doesNotContain("\"start\":\"04:00\"");
        Run inNewYork = run("convert", "--out", "json", "--zone", "America/New_York", bundle.toString());
        assertThat(inNewYork.code).isZero();
        assertThat(inNewYork.out).contains("\"start\":\"04:00\"");
        assertThat(run("check", "--json", "--zone", "America/New_York", bundle.toString()).code).isIn(0, 1);
        assertOneErrorLine(run("check", "--zone", "Mars/Olympus", bundle.toString()), "--zone: expected");
    }

    /** A PT and a PTA on 97110 and 97112 (a biller's review, v/05): 97110 splits into GP CQ x1 and GP x1. */
    private static final String TWO_REMAINING = """
            {"id":"V-05","dateOfService":"2026-03-02","payer":"medicare","planOfCare":"PT",
             "setting":"private-practice","patient":{"id":"P-1"%s},%s"diagnoses":["M17.11","R26.89"],
             "services":[
              {"code":"97110","periods":[{"start":"09:00","end":"09:12"}],"provider":{"id":"T1","role":"PT"}},
              {"code":"97110","periods":[{"start":"09:12","end":"09:24"}],
               "provider":{"id":"A1","role":"PTA","supervisorId":"T1"}},
              {"code":"97112","periods":[{"start":"09:24","end":"09:36"}],"provider":{"id":"T1","role":"PT"}},
              {"code":"97112","periods":[{"start":"09:36","end":"09:46"}],
               "provider":{"id":"A1","role":"PTA","supervisorId":"T1"}}],
             "note":"Therapeutic exercise with cues.","totalTreatmentMinutes":46}
            """;

    /**
     * {@code check --out csv} puts a code's CQ line on the row of the assistant who furnished it, and the line without
     * CQ on the therapist's row, as the JSON's {@code assistant} names it (a biller's review: the PT's row had GP;CQ).
     */
    @Test
    void checkAsCsvPutsTheCqLineOnTheAssistantsRow() throws IOException {
        Run r = run("check", "--out", "csv", file("v05.json", TWO_REMAINING.formatted("", "")).toString());
        assertThat(r.code).isIn(0, 1);
        List<String> rows = List.of(r.out.split("\\R"));
        List<String> header = List.of(rows.get(0).split(","));
        int provider = header.indexOf("providerId");
        int modifiers = header.indexOf("billedModifiers");
        int code = header.indexOf("code");
        List<String> of97110 = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> f = List.of(row.replaceAll("\"[^\"]*\"", "").split(",", -1));
            if (f.get(code).equals("97110")) {
                of97110.add(f.get(provider) + " " + f.get(modifiers));
            }
        }
        assertThat(of97110).containsExactly("T1 GP", "A1 GP;CQ");
        // Near miss: read back, the CSV is the same claim (the rows' order does not matter to it).
        Run back = run("check", "--json", "--in", "csv", file("v05.csv", r.out).toString());
        assertThat(back.json().get("claimLines").toString()).contains("\"modifiers\":[\"GP\",\"CQ\"],\"units\":1");
    }

    /**
     * {@code check --out csv} says, as {@code convert} does, which of the visit's fields the layout has no column for
     * (a biller's review: abn and patient.yearToDate were dropped without a word). Near miss: a visit the layout
     * carries whole writes nothing on standard error.
     */
    @Test
    void checkAsCsvNamesWhatTheLayoutCannotCarry() throws IOException {
        Run r = run("check", "--out", "csv", file("v20.json", TWO_REMAINING.formatted(
                ",\"yearToDate\":{\"PT_SLP\":800.0,\"OT\":0}", "\"abn\":true,")).toString());
        assertThat(r.out).startsWith("visitId,dateOfService,");
        assertThat(r.err).startsWith("minutewise: note: the CSV layout has no column for ")
                .contains("patient.yearToDate", "abn");
        Run whole = run("check", "--out", "csv", file("v05.json", TWO_REMAINING.formatted("", "")).toString());
        assertThat(whole.err).isEmpty();
    }

    /** Converting to CSV says which fields the layout cannot carry, rather than drop them silently. */
    @Test
    void convertToCsvNamesWhatTheLayoutCannotCarry() {
        Run r = run("convert", "--out", "csv", Repo.root().resolve("examples/claim-visit.json").toString());
        assertThat(r.code).isZero();
        assertThat(r.out).startsWith("visitId,dateOfService,");
        assertThat(r.err).startsWith("minutewise: note: the CSV layout has no column for ").contains("billingProvider")
                .contains("subscriber").contains("services[].provider.npi").contains("patient.yearToDate");
        // The year-to-date spend has no home in FHIR either: only json keeps everything (it advised fhir too).
        assertThat(r.err).contains("(convert to json to keep them)");
        // Near miss: what the CSV leaves of this visit (the birth date, the NPIs) FHIR keeps: it is named too.
        Run chiro = run("convert", "--out", "csv", Repo.root().resolve("examples/chiropractic-regions-visit.json")
                .toString());
        assertThat(chiro.err).contains("(convert to json or fhir to keep them)");
        Run json = run("convert", "--out", "json", Repo.root().resolve("examples/claim-visit.json").toString());
        assertThat(json.err).isEmpty();
    }

    /**
     * An unlisted code's description is read from the CSV's {@code description} column: 97799 with one draws no
     * MW-C013 through {@code check --in csv} (it warned, the layout having no column for it); the near miss without
     * one still warns.
     */
    @Test
    void anUnlistedCodesDescriptionIsReadFromTheCsv() throws IOException {
        String header = "visitId,dateOfService,payer,planOfCare,diagnoses,code,role,billedUnits,billedModifiers,"
                + "description\n";
        String row = "U1,2026-03-02,medicare,PT,R26.81,97799,PT,1,GP,%s\n";
        Run described = run("check", "--in", "csv", "--out", "json",
                file("described.csv", header + row.formatted("Vestibular habituation x5")).toString());
        assertThat(described.code).isZero();
        assertThat(described.err).doesNotContain("ignored");
        List<String> ids = new ArrayList<>();
        described.json().get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).doesNotContain("MW-C013").contains("MW-K004");
        Run bare = run("check", "--in", "csv", "--out", "json", file("bare.csv", header + row.formatted(""))
                .toString());
        assertThat(bare.json().get("findings")).anySatisfy(f -> {
            assertThat(f.get("id").asText()).isEqualTo("MW-C013");
            assertThat(f.get("severity").asText()).isEqualTo("warn");
        });
    }

    /**
     * A billed line's diagnosis pointers and the clinicians' names go JSON -> CSV -> JSON unchanged through
     * {@code convert}, and the conversion to CSV no longer names them as left behind.
     */
    @Test
    void billedPointersAndNamesRoundTripThroughConvertToCsv() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(Repo.root().resolve("examples/claim-visit.json")));
        v.putArray("billed").add(JSON.readTree("{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2,"
                + "\"diagnosisPointers\":[2,1]}")).add(JSON.readTree("{\"code\":\"97110\",\"modifiers\":[\"GP\","
                + "\"CQ\"],\"units\":1,\"diagnosisPointers\":[1]}"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) v.get("services").get(1).get("provider"))
                .put("name", "Lee, Sam").put("supervisorName", "Smith, Ann");
        Run csv = run("convert", "--out", "csv", file("pointed.json", v.toString()).toString());
        assertThat(csv.code).isZero();
        assertThat(csv.out.lines().findFirst().orElseThrow())
                .endsWith(",billedDiagnosisPointers,providerName,supervisorName");
        assertThat(csv.err).contains("billingProvider").doesNotContain("diagnosisPointers")
                .doesNotContain("provider.name").doesNotContain("supervisorName");
        Run back = run("convert", "--in", "csv", "--out", "json", file("pointed.csv", csv.out).toString());
        assertThat(back.code).isZero();
        JsonNode json = back.json();
        assertThat(json.get("billed")).isEqualTo(JSON.readTree(run("convert", "--out", "json",
                file("again.json", v.toString()).toString()).out).get("billed"));
        assertThat(json.get("billed").get(0).get("diagnosisPointers").toString()).isEqualTo("[2,1]");
        assertThat(json.get("services").get(1).get("provider").get("name").asText()).isEqualTo("Lee, Sam");
        assertThat(json.get("services").get(1).get("provider").get("supervisorName").asText())
                .isEqualTo("Smith, Ann");
        // Near miss: the example without pointers or names keeps the header it had.
        Run plain = run("convert", "--out", "csv", Repo.root().resolve("examples/claim-visit.json").toString());
        assertThat(plain.out.lines().findFirst().orElseThrow()).endsWith(",secondaryInsuranceType");
    }

    /**
     * Converting to FHIR says which fields its mapping cannot carry: a replacement claim went out as an original,
     * an ABN's GA was lost, without a word (a replacement's frequency and prior claim now go on a Claim; the secondary
     * payer's filing indicator and MSP type have no standard home). A claim's billed units without minutes cannot be
     * read back from FHIR.
     */
    @Test
    void convertToFhirNamesWhatTheMappingCannotCarry() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(Repo.root().resolve("examples/claim-visit.json")));
        v.put("claimFrequency", "7").put("payerClaimControlNumber", "PCN123").put("progressReport", true)
                .put("secondaryPayer", "medicare").put("secondaryClaimFilingIndicator", "MB")
                .put("secondaryInsuranceType", "12");
        v.putObject("abn").put("given", true);
        v.putObject("certification").put("physician", "Dr X").put("physicianNpi", "1287654325");
        Run r = run("convert", "--out", "fhir", file("replacement.json", v.toString()).toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).startsWith("minutewise: note: the FHIR mapping has no home for ")
                .contains("secondaryClaimFilingIndicator").contains("secondaryInsuranceType")
                .contains("progressReport").contains("abn").contains("certification (without its dates)")
                .doesNotContain("claimFrequency").doesNotContain("payerClaimControlNumber");
        assertThat(r.out).contains("https://bluebutton.cms.gov/resources/variables/clm_freq_cd").contains("PCN123");
        Run plain = run("convert", "--out", "fhir", Repo.example("stroke-visit.json").toString());
        assertThat(plain.err).doesNotContain("claimFrequency").doesNotContain("billed").doesNotContain("services[");
        Path edi = Path.of("..", "formats", "src", "test", "resources", "x12", "write", "batch-mixed.edi");
        Run claims = run("convert", "--out", "fhir", edi.toString());
        assertThat(claims.err).contains("billed").contains("V-2001 services[1] (97110: no minutes or times");
    }

    /** An 837 of a visit whose id is over CLM01's 20 characters is written, with a note that it may be cut. */
    @Test
    void aClaimIdOver20CharactersIsSaidWhenWritingAn837() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(Repo.root().resolve("examples/claim-visit.json")));
        v.put("id", "VISIT-2026-03-02-000012345");
        Run r = run("convert", "--out", "x12", file("long-id.json", v.toString()).toString());
        assertThat(r.out).contains("CLM*VISIT-2026-03-02-000012345*");
        assertThat(r.err).contains("minutewise: note: visit VISIT-2026-03-02-000012345: its id is 26 characters");
        Run shortId = run("convert", "--out", "x12", Repo.root().resolve("examples/claim-visit.json").toString());
        assertThat(shortId.err).doesNotContain("characters");
    }

    /**
     * convert json -> x12 -> json keeps the secondary payer's own claim identifiers (837 loops 2320/2330A/2330B), a
     * clinic's own profile (--payer-profile) giving SBR09 by its kind; the profile comes back by that kind (the 837
     * names the payer, not the profile). A secondary payer given only as a profile, and Medicare second, are left out
     * of the 837 and said on stderr.
     */
    @Test
    void convertCarriesTheSecondaryPayerThroughAn837() throws IOException {
        Path profiles = file("clinic.json", "{\"profiles\":[{\"id\":\"acme-ppo\",\"name\":\"Acme PPO\","
                + "\"kind\":\"commercial\",\"method\":\"cpt\"}]}");
        com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(Repo.root().resolve("examples/claim-visit.json")));
        v.put("secondaryPayer", "acme-ppo").put("secondaryPayerName", "Acme Health Plan")
                .put("secondaryPayerId", "ACME01").put("secondaryMemberId", "ACM123456");
        Run x12 = run("convert", "--out", "x12", "--payer-profile", profiles.toString(),
                file("secondary.json", v.toString()).toString());
        assertThat(x12.code).as(x12.err).isZero();
        assertThat(x12.out).contains("SBR*S*18*******CI~").contains("MI*ACM123456~")
                .contains("NM1*PR*2*Acme Health Plan*****PI*ACME01~").doesNotContain("acme-ppo");
        Run back = run("convert", "--in", "x12", "--out", "json", "--payer-profile", profiles.toString(),
                file("secondary.edi", x12.out).toString());
        assertThat(back.code).as(back.err).isZero();
        assertThat(back.json().get("secondaryPayer").asText()).isEqualTo("commercial");
        assertThat(back.json().get("secondaryPayerName").asText()).isEqualTo("Acme Health Plan");
        assertThat(back.json().get("secondaryPayerId").asText()).isEqualTo("ACME01");
        assertThat(back.json().get("secondaryMemberId").asText()).isEqualTo("ACM123456");
        assertThat(back.json().get("secondaryClaimFilingIndicator").asText()).isEqualTo("CI");
        assertThat(back.json().get("payer").asText()).isEqualTo("medicare");

        v.remove(List.of("secondaryPayerName", "secondaryPayerId", "secondaryMemberId"));
        Run bare = run("convert", "--out", "x12", "--payer-profile", profiles.toString(),
                file("bare.json", v.toString()).toString());
        assertThat(bare.code).as(bare.err).isZero();
        assertThat(bare.out).doesNotContain("SBR*S*");
        assertThat(bare.err).contains("minutewise: note: visit V-2001: its secondary payer acme-ppo is left out of "
                + "the 837 (loop 2320)");

        v.put("payer", "commercial").put("secondaryPayer", "medicare");
        Run msp = run("convert", "--out", "x12", file("msp.json", v.toString()).toString());
        assertThat(msp.code).as(msp.err).isZero();
        assertThat(msp.out).doesNotContain("SBR*S*");
        assertThat(msp.err).contains("minutewise: note: visit V-2001: its secondary payer medicare is Medicare");
    }

    /**
     * The README's dependent example (a child under her father's commercial plan) through convert: json -> x12 (2000C
     * PAT*19 and 2010CA the child) -> json (the relationship and the child's name back); CSV names what it leaves
     * behind; a Medicare claim for a dependent is refused (exit 2) naming subscriber.relationship; a dependent's
     * secondary payer is said to be taken as the patient's own.
     */
    @Test
    void convertCarriesADependentThroughAn837() throws IOException {
        Path example = Repo.root().resolve("examples/dependent-claim-visit.json");
        Run x12 = run("convert", "--out", "x12", example.toString());
        assertThat(x12.code).as(x12.err).isZero();
        assertThat(x12.out).contains("HL*2*1*22*1~\nSBR*P********CI~\nNM1*IL*1*Park*Daniel****MI*ACM998877~")
                .contains("HL*3*2*23*0~\nPAT*19~\nNM1*QC*1*Park*Mina~\nN3*9 Maple Ct~");
        Run back = run("convert", "--in", "x12", "--out", "json", file("dependent.edi", x12.out).toString());
        assertThat(back.code).as(back.err).isZero();
        assertThat(back.json().get("subscriber").get("relationship").asText()).isEqualTo("19");
        assertThat(back.json().get("subscriber").get("firstName").asText()).isEqualTo("Daniel");
        assertThat(back.json().get("patient").get("firstName").asText()).isEqualTo("Mina");
        assertThat(back.json().get("patient").get("birthDate").asText()).isEqualTo("2015-04-02");

        Run csv = run("convert", "--out", "csv", example.toString());
        assertThat(csv.err).contains("subscriber.relationship").contains("patient.lastName");

        com.fasterxml.jackson.databind.node.ObjectNode v = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(Files.readString(example));
        v.put("payer", "medicare").remove("claimFilingIndicator");
        Run medicare = run("convert", "--out", "x12", file("medicare-dependent.json", v.toString()).toString());
        assertThat(medicare.code).isEqualTo(2);
        assertOneErrorLine(medicare, "subscriber.relationship: Medicare (claim filing indicator MB) covers the "
                + "beneficiary alone");

        v.put("payer", "commercial").put("secondaryPayer", "commercial").put("secondaryPayerName", "Buckeye Health")
                .put("secondaryPayerId", "BEH42").put("secondaryMemberId", "BEH7788");
        Run secondary = run("convert", "--out", "x12", file("secondary-dependent.json", v.toString()).toString());
        assertThat(secondary.code).as(secondary.err).isZero();
        assertThat(secondary.out).contains("SBR*S*18*******CI~").contains("NM1*IL*1*Park*Mina****MI*BEH7788~");
        assertThat(secondary.err).contains("minutewise: note: visit V-3001: the patient is a dependent on the primary "
                + "coverage (subscriber.relationship 19)");
    }

    /** A path Minutewise cannot write is the caller's to fix: exit 2 naming it, not an internal error. */
    @Test
    void anUnwritableOutputPathIsBadInput() throws IOException {
        Path stroke = Repo.root().resolve("examples/stroke-visit.json");
        Run r = run("check", "--output", tmp.resolve("no/such/dir/out.json").toString(), stroke.toString());
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "no such file or directory");
        Run g = run("generate", "--visits", "2", "--out", tmp.resolve("missing/x.csv").toString());
        assertThat(g.code).isEqualTo(2);
        assertThat(g.err).contains("missing").doesNotContain("internal error");
    }

    @Test
    void unitsByTheCommercialPayerUseItsMethod() {
        Run r = run("units", "--payer", "commercial", "--json", "97110:8", "97112:8");
        assertThat(r.code).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("cpt");
        assertThat(j.get("totalUnits").asInt()).isEqualTo(2);
        // The same minutes under Medicare pool to 16 minutes = 1 unit.
        assertThat(run("units", "--json", "97110:8", "97112:8").json().get("totalUnits").asInt()).isEqualTo(1);
        // An explicit method wins over the payer's.
        assertThat(run("units", "--payer", "commercial", "--method", "cms", "--json", "97110:8", "97112:8").json()
                .get("method").asText()).isEqualTo("cms");
    }

    @Test
    void unitsTieListsTheAlternatives() {
        JsonNode j = run("units", "--json", "97140:30", "97112:10", "97110:10").json();
        assertThat(j.get("professionalChoice").asBoolean()).isTrue();
        assertThat(j.get("alternatives")).hasSize(1);
        JsonNode alt = j.get("alternatives").get(0);
        assertThat(alt.get("97112").asInt()).isEqualTo(1);
        assertThat(alt.get("97110").asInt()).isZero();
    }

    @Test
    void unknownPayerIsBadInput() {
        Run r = run("units", "--payer", "acme", "97112:24");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertOneErrorLine(r, "--payer: unknown payer profile");
    }

    @Test
    void badMethodIsBadInput() {
        Run r = run("units", "--method", "round", "97112:24");
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "--method");
    }

    @Test
    void negativeMinutesNameTheArgument() {
        Run r = run("units", "97112:-5");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertOneErrorLine(r, "97112:-5");
    }

    @Test
    void tooManyOrNonNumericMinutes() {
        assertOneErrorLine(run("units", "97112:1441"), "97112:1441");
        assertThat(run("units", "97112:1441").code).isEqualTo(2);
        assertThat(run("units", "97112:ten").code).isEqualTo(2);
        assertOneErrorLine(run("units", "97112:ten"), "minutes must be a whole number");
        // A whole number too large to count is out of range, not "not a whole number".
        assertOneErrorLine(run("units", "97112:9999999999999"), "minutes must be between 0 and 1440, got "
                + "9999999999999");
        assertThat(run("units", "9711:10").code).isEqualTo(2);
    }

    @Test
    void timedCodeWithoutMinutesIsBadInput() {
        Run r = run("units", "97112");
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "97112");
    }

    @Test
    void untimedCodeNeedsNoMinutes() {
        Run r = run("units", "--json", "97161");
        assertThat(r.code).isZero();
        JsonNode line = r.json().get("lines").get(0);
        assertThat(line.get("kind").asText()).isEqualTo("untimed");
        assertThat(line.get("units").asInt()).isEqualTo(1);
    }

    @Test
    void repeatedCodesAddUp() {
        JsonNode j = run("units", "--json", "97112:10", "97112:12").json();
        assertThat(j.get("lines")).hasSize(1);
        assertThat(j.get("lines").get(0).get("minutes").asInt()).isEqualTo(22);
        assertThat(j.get("lines").get(0).get("units").asInt()).isEqualTo(1);
    }

    @Test
    void unknownCodeIsKeptAndReported() {
        Run r = run("units", "--json", "97112:24", "99999:10");
        assertThat(r.code).isEqualTo(1); // MW-U001 blocks: the claim would leave the line off
        JsonNode j = r.json();
        assertThat(j.get("totalTimedMinutes").asInt()).isEqualTo(24);
        JsonNode unknown = j.get("lines").get(1);
        assertThat(unknown.get("code").asText()).isEqualTo("99999");
        assertThat(unknown.get("units").asInt()).isZero();
        assertThat(unknown.get("kind").asText()).isEqualTo("unknown");
        assertThat(j.get("findings")).singleElement().satisfies(f -> {
            assertThat(f.get("id").asText()).isEqualTo("MW-U001");
            assertThat(f.get("severity").asText()).isEqualTo("block");
            assertThat(f.get("message").asText()).contains("99999");
        });
    }

    @Test
    void checkTheStrokeExample() {
        Run r = run("check", "--json", Repo.example("stroke-visit.json").toString());
        assertThat(r.code).isZero();
        assertThat(r.err).isEmpty();
        JsonNode j = r.json();
        assertThat(j.get("visitId").asText()).isEqualTo("V-1001");
        assertThat(j.get("payer").asText()).isEqualTo("medicare");
        assertThat(j.get("method").asText()).isEqualTo("cms");
        assertThat(j.get("totalTimedMinutes").asInt()).isEqualTo(47);
        assertThat(j.get("blocked").asBoolean()).isFalse();
        // Only information: 97010 is bundled by Medicare (MW-C003); nothing warns or blocks.
        assertThat(j.get("findings").findValuesAsText("severity")).containsOnly("info");
        assertThat(j.get("findings").findValuesAsText("id")).contains("MW-C003");
        assertThat(j.get("lines").get(0).get("units").asInt()).isEqualTo(2);
        assertThat(j.get("lines").get(1).get("units").asInt()).isEqualTo(1);
        assertThat(j.get("lines").get(2).get("code").asText()).isEqualTo("97010");
        assertThat(j.get("lines").get(2).get("units").asInt()).isEqualTo(1);
    }

    @Test
    void checkTheOverlapExampleBlocks() {
        Run r = run("check", Repo.example("overlap-visit.json").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out).contains("MW-U003").contains("BLOCKED");
        JsonNode j = run("check", "--json", Repo.example("overlap-visit.json").toString()).json();
        assertThat(j.get("blocked").asBoolean()).isTrue();
        assertThat(j.get("findings").findValuesAsText("id")).contains("MW-U003");
    }

    /**
     * An evaluation (97161 09:00-09:30) and 97110 09:20-09:50: the 10 shared minutes are the evaluation's (CMS Pub
     * 100-04 ch. 5 §20.2), so 97110 has 20 minutes and 1 unit (it had 30 and 2), and MW-U003 blocks saying so.
     */
    @Test
    void checkCutsATimedCodesMinutesInsideAnEvaluation(@TempDir Path dir) throws IOException {
        Path visit = dir.resolve("eval-overlap.json");
        Files.writeString(visit, """
                {"id": "V-UO1", "dateOfService": "2026-03-03", "payer": "medicare", "planOfCare": "PT",
                 "services": [
                   {"code": "97161", "periods": [{"start": "09:00", "end": "09:30"}],
                    "provider": {"id": "T1", "role": "PT"}},
                   {"code": "97110", "periods": [{"start": "09:20", "end": "09:50"}],
                    "provider": {"id": "T1", "role": "PT"}}
                 ]}
                """);
        Run r = run("check", "--json", visit.toString());
        assertThat(r.code).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("totalTimedMinutes").asInt()).isEqualTo(20);
        assertThat(j.get("timedUnits").asInt()).isEqualTo(1);
        assertThat(j.get("claimLines").get(1).get("code").asText()).isEqualTo("97110");
        assertThat(j.get("claimLines").get(1).get("units").asInt()).isEqualTo(1);
        assertThat(j.get("findings").findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .contains("97161 (09:00-09:30) and 97110 (09:20-09:50) share 10 minutes")
                .contains("the units leave these minutes out of 97110's timed minutes"));
        assertThat(j.get("explanation").toString()).contains("10 of them (09:20-09:30) fall inside 97161's time");
    }

    /** The README's examples: 97140 in a region manipulated the same day blocks; 837 claims from elsewhere audit. */
    @Test
    void theReadmeExamplesOfRegionsAndOf837ClaimsRun(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        Run r = run("check", "--json", Repo.example("chiropractic-regions-visit.json").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.json().get("findings").findValuesAsText("id")).contains("MW-E009");
        Run a = run("audit", Repo.example("claims-837p-837i.edi").toString(), "--out", out.resolve("a").toString());
        assertThat(a.code).as(a.err).isZero();
        assertThat(a.json().get("checked").asLong()).isEqualTo(6);
        assertThat(a.json().get("rejected").asLong()).isZero();
    }

    @Test
    void checkMalformedJsonIsBadInputWithoutAStackTrace() throws IOException {
        Path bad = file("bad.json", "{\"id\": \"V-1\",\n  \"payer\": }");
        Run r = run("check", "--json", bad.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.out).isEmpty();
        assertOneErrorLine(r, "line 2, column");
    }

    @Test
    void checkMissingFileIsBadInput() {
        Run r = run("check", tmp.resolve("nope.json").toString());
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "nope.json");
    }

    @Test
    void checkADirectoryIsBadInput() {
        Run r = run("check", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, tmp.toString());
    }

    @Test
    void checkInvalidVisitNamesTheField() throws IOException {
        Path bad = file("v.json", "{\"id\":\"V-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
                + "\"planOfCare\":\"PT\",\"services\":["
                + "{\"code\":\"97112\",\"minutes\":24,\"provider\":{\"role\":\"PT\"}},"
                + "{\"code\":\"97110\",\"minutes\":-5,\"provider\":{\"role\":\"PT\"}}]}");
        Run r = run("check", bad.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "minutewise: services[1].minutes: must be between 0 and 1440, got -5");
    }

    @Test
    void arrayWithOneBadVisitPrintsTheGoodOnesAndNamesTheBadOne() throws IOException {
        String good1 = "{\"id\":\"A\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"services\":[{\"code\":\"97112\",\"minutes\":24,\"provider\":{\"role\":\"PT\"}}]}";
        String bad = "{\"id\":\"B\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"services\":[{\"code\":\"97112\",\"minutes\":24,\"provider\":{\"role\":\"PT\"}},"
                + "{\"code\":\"97110\",\"minutes\":-5,\"provider\":{\"role\":\"PT\"}}]}";
        String good2 = good1.replace("\"A\"", "\"C\"").replace("97112", "97110");
        Path f = file("visits.json", "[" + good1 + "," + bad + "," + good2 + "]");
        Run r = run("check", "--json", f.toString());
        assertThat(r.code).isEqualTo(2);
        JsonNode j = r.json();
        assertThat(j.isArray()).isTrue();
        assertThat(j.findValuesAsText("visitId")).containsExactly("A", "C");
        assertThat(r.errLines()).containsExactly(
                "minutewise: [1].services[1].minutes: must be between 0 and 1440, got -5");
    }

    @Test
    void arrayWithABlockingVisitExitsOne() throws IOException {
        String overlap = Files.readString(Repo.example("overlap-visit.json"));
        String stroke = Files.readString(Repo.example("stroke-visit.json"));
        Path f = file("visits.json", "[" + stroke + "," + overlap + "]");
        Run r = run("check", "--json", f.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.json().findValuesAsText("blocked")).containsExactly("false", "true");
    }

    /**
     * FHIR in, FHIR out: finding expressions point into the input Bundle, a visit that could not be read is an
     * invalid issue of the answer, and what the reader left out is said on stderr.
     */
    @Test
    void fhirInFhirOutPointsIntoTheInput() {
        Path dir = Repo.root().resolve("formats/src/test/resources/fhir/in");
        Run r = run("check", "--in", "fhir", "--out", "fhir", dir.resolve("stroke-visit.fhir.json").toString());
        assertThat(r.out).contains("\"expression\": [ \"Bundle.entry[").doesNotContain("\"services[");
        assertThat(r.err).contains("not carried: Bundle.entry[");
        Run two = run("check", "--in", "fhir", "--out", "fhir",
                dir.resolve("two-encounters-one-bad.fhir.json").toString());
        assertThat(two.code).isEqualTo(2);
        assertThat(two.out).contains("\"code\": \"invalid\"");
        // One Encounter that cannot be read is answered in FHIR too (it was an empty answer), still exit 2.
        Path bad = Path.of(tmp.toString(), "bad-minutes.json");
        Run lone = run("check", "--out", "fhir", writeBad(bad).toString());
        assertThat(lone.code).isEqualTo(2);
        assertThat(lone.out).contains("\"resourceType\": \"OperationOutcome\"").contains("\"code\": \"invalid\"");
        assertThat(lone.err).contains("services[0].minutes");
    }

    /**
     * The Claim Bundle check --out fhir writes is input again (an integrator who stored it): check --in fhir checks
     * the claim as billed, its lines standing; convert --out x12 gives the 837 of the original visit; an audit reads
     * it as a claim only; a bad item is refused naming its element.
     */
    @Test
    void aClaimBundleFromCheckIsInputAgain() throws IOException {
        String visit = Repo.root().resolve("examples/claim-visit.json").toString();
        Run first = run("check", "--json", visit);
        Run out = run("check", "--out", "fhir", visit);
        assertThat(out.code).as(out.err).isEqualTo(first.code);
        Path bundle = file("claim.fhir.json", out.out);
        Run again = run("check", "--in", "fhir", "--json", bundle.toString());
        assertThat(again.code).as(again.err).isIn(0, 1);
        JsonNode j = again.json();
        assertThat(j.get("visitId").asText()).isEqualTo("V-2001");
        assertThat(j.get("payer").asText()).isEqualTo("medicare");
        // The billed lines stand: the same codes, modifiers and units as the claim the original visit gave.
        List<String> lines = new ArrayList<>();
        first.json().get("claimLines").forEach(l -> lines.add(l.get("code").asText() + l.get("modifiers")
                + l.get("units") + l.get("diagnosisPointers") + l.get("renderingNpi")));
        List<String> billed = new ArrayList<>();
        j.get("claimLines").forEach(l -> billed.add(l.get("code").asText() + l.get("modifiers")
                + l.get("units") + l.get("diagnosisPointers") + l.get("renderingNpi")));
        assertThat(billed).isEqualTo(lines).hasSize(2);
        assertThat(billed.get(1)).startsWith("97110[\"GP\",\"CQ\"]1");
        assertThat(run("check", "--json", bundle.toString()).out).as("the format guessed").isEqualTo(again.out);
        // The 837 of the Claim read back is the original visit's (the envelope's date and time aside).
        Run x12 = run("convert", "--out", "x12", visit);
        Run x12Again = run("convert", "--in", "fhir", "--out", "x12", bundle.toString());
        assertThat(x12Again.code).as(x12Again.err).isZero();
        assertThat(claimSegments(x12Again.out)).isEqualTo(claimSegments(x12.out)).anyMatch(s -> s.startsWith("SV1*"));
        // The audit takes it as FHIR, a claim only (no minutes, no note behind it).
        Path audited = tmp.resolve("audit");
        Run a = run("audit", bundle.toString(), "--out", audited.toString());
        assertThat(a.code).as(a.err).isZero();
        assertThat(a.json().get("rejected").asLong()).isZero();
        assertThat(a.json().get("visits").asLong()).isEqualTo(1);
        assertThat(a.json().get("claimsOnlyVisits").asLong()).isEqualTo(1);
        // Not so the visit Bundle of the same visit (an Encounter with its Procedures' minutes and the note).
        Path visitBundle = file("visit.fhir.json", run("convert", "--out", "fhir", visit).out);
        Run v = run("audit", visitBundle.toString(), "--out", tmp.resolve("audit-visit").toString());
        assertThat(v.code).as(v.err).isZero();
        assertThat(v.json().get("visits").asLong()).isEqualTo(1);
        assertThat(v.json().has("claimsOnlyVisits")).isFalse();
        // A quantity that is no whole number of units: refused naming the element, exit 2.
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(out.out);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("entry").get(0).get("resource").get("item").get(1)
                .get("quantity")).put("value", 1.5);
        Run bad = run("check", "--in", "fhir", file("bad-claim.fhir.json", tree.toString()).toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("Bundle.entry[0].resource.item[1].quantity.value: expected a whole number of "
                + "units from 0 to 10000, got 1.5");
    }

    /** An 837's segments from the first NM1 on to the transaction set's trailer: no envelope dates, no control numbers. */
    private static List<String> claimSegments(String x12) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String s : x12.split("~\\R?")) {
            in = in || s.startsWith("NM1*");
            if (in && !s.startsWith("SE*") && !s.startsWith("GE*") && !s.startsWith("IEA*")) {
                out.add(s);
            }
        }
        return out;
    }

    private static Path writeBad(Path p) {
        try {
            return Files.writeString(p, "{\"id\":\"V-9\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\","
                    + "\"planOfCare\":\"PT\",\"services\":[{\"code\":\"97112\",\"minutes\":-5,"
                    + "\"provider\":{\"role\":\"PT\"}}]}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clinicPayerProfileFile() throws IOException {
        Path profiles = file("clinic.json", "{\"profiles\":[{\"id\":\"acme-ppo\",\"kind\":\"commercial\","
                + "\"method\":\"cms\"}]}");
        Path visit = file("v.json", "{\"id\":\"V-1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"acme-ppo\","
                + "\"planOfCare\":\"PT\",\"diagnoses\":[\"R26.81\"],\"services\":["
                + "{\"code\":\"97112\",\"minutes\":20,\"provider\":{\"role\":\"PT\"}},"
                + "{\"code\":\"97110\",\"minutes\":20,\"provider\":{\"role\":\"PT\"}}]}");
        Run r = run("check", "--json", "--payer-profile", profiles.toString(), visit.toString());
        assertThat(r.code).isZero();
        assertThat(r.json().get("method").asText()).isEqualTo("cms");
        assertThat(r.json().get("totalUnits").asInt()).isEqualTo(3);
        // Without the file the payer is unknown.
        Run without = run("check", "--json", visit.toString());
        assertThat(without.code).isEqualTo(2);
        assertOneErrorLine(without, "payer: unknown payer profile");
    }

    @Test
    void badPayerProfileFileIsBadInput() throws IOException {
        Path profiles = file("clinic.json",
                "{\"profiles\":[{\"id\":\"mc\",\"kind\":\"medicare\",\"method\":\"cpt\"}]}");
        Run r = run("units", "--payer-profile", profiles.toString(), "97112:24");
        assertThat(r.code).isEqualTo(2);
        assertOneErrorLine(r, "clinic.json: profiles[0].method");
    }

    @Test
    void rulesJsonListsEveryFindingId() {
        Run r = run("rules", "--json");
        assertThat(r.code).isZero();
        JsonNode j = r.json();
        assertThat(j.findValuesAsText("id")).contains("MW-U001", "MW-U002", "MW-U003", "MW-X001").isSorted()
                .doesNotHaveDuplicates();
        for (JsonNode rule : j) {
            for (String field : List.of("severity", "title", "fix", "citation", "source", "version")) {
                assertThat(rule.hasNonNull(field)).as(rule.get("id") + " " + field).isTrue();
            }
        }
        for (JsonNode rule : j) {
            if (rule.get("id").asText().equals("MW-U003")) {
                assertThat(rule.get("severity").asText()).isEqualTo("block");
            }
            // Versioned and effective-dated (RULES.md §8): a later version says what changed.
            if (rule.get("id").asText().equals("MW-P001")) {
                assertThat(rule.get("version").asInt()).isEqualTo(3);
                assertThat(rule.get("changes").asText()).contains("only for a Medicare visit");
            }
            if (rule.get("id").asText().equals("MW-B005")) {
                assertThat(rule.get("effectiveFrom").asText()).isEqualTo("2020-01-01");
            }
        }
    }

    @Test
    void rulesText() {
        Run r = run("rules");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("MW-U001").contains("MW-U002").contains("MW-U003").contains("MW-X001")
                .contains("Version 2: 2026-12-05").contains("; in effect from 2020-01-01");
    }

    @Test
    void help() {
        Run r = run("--help");
        assertThat(r.code).isZero();
        assertThat(r.out).contains("units").contains("check").contains("rules");
        assertThat(run("units", "--help").code).isZero();
        assertThat(run("check", "--help").code).isZero();
    }

    /**
     * {@code help COMMAND} prints that command's usage, as {@code COMMAND --help} does (auditor review #6: it
     * answered "Missing required parameter: 'INPUT'"); {@code help} alone the top level's; an unknown command stays
     * a usage error.
     */
    @Test
    void helpCommand() {
        Run audit = run("help", "audit");
        assertThat(audit.code).isZero();
        assertThat(audit.out).isEqualTo(run("audit", "--help").out).contains("--resume");
        assertThat(audit.err).isEmpty();
        Run units = run("help", "units");
        assertThat(units.code).isZero();
        assertThat(units.out).contains("Usage: minutewise units");
        Run top = run("help");
        assertThat(top.code).isZero();
        assertThat(top.out).contains("audit").contains("generate").contains("help");
        assertThat(run("help", "nonsense").code).isNotZero();
    }

    @Test
    void usageErrorsAreBadInput() {
        Run none = run();
        assertThat(none.code).isEqualTo(2);
        assertThat(none.err).contains("command is required");
        assertThat(run("units", "--frobnicate", "97112:24").code).isEqualTo(2);
        assertThat(run("units").code).isEqualTo(2);
        assertThat(run("nonsense").code).isEqualTo(2);
    }

    /**
     * A CSV header column the layout does not have is named on stderr with the nearest layout column (auditor review
     * #3), and a layout column in another case stops check and audit with exit 2 naming it. Near miss: the layout's
     * own header says nothing.
     */
    @Test
    void csvHeaderColumnsNotInTheLayoutAreNamed() throws IOException {
        String header = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,providerId,"
                + "role,mode,billedUnits,billedModifiers,charge,note";
        String row = "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97110,10,PT01,PT,,1,GP,,\"Therapeutic "
                + "exercise 10 min. Total timed minutes 10, total treatment time 10 min.\"\n";
        Run extra = run("check", file("extra.csv", header + ",Min\n" + row.replace("\n", ",10\n")).toString());
        assertThat(extra.err).contains("minutewise: warning: header column \"Min\" (nearest layout column: "
                + "\"minutes\") is not in the CSV layout and is ignored");
        Run miscased = run("check", file("case.csv", header.replace(",minutes,", ",Minutes,") + "\n" + row).toString());
        assertThat(miscased.code).isEqualTo(2);
        assertOneErrorLine(miscased, "line 1: header column \"Minutes\" is not a column of the layout; did you mean "
                + "\"minutes\"?");
        Run audit = run("audit", file("case2.csv", header.replace(",minutes,", ",Minutes,") + "\n" + row).toString(),
                "--out", tmp.resolve("o").toString());
        assertThat(audit.code).isEqualTo(2);
        assertThat(audit.err).contains("header column \"Minutes\"");
        assertThat(tmp.resolve("o")).doesNotExist();
        Run clean = run("check", file("clean.csv", header + "\n" + row).toString());
        assertThat(clean.err).doesNotContain("warning");
    }
}
