package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.formats.csv.CsvRecordReader;

/** {@code generate} and {@code audit} end to end through {@link Main#run}: files in, files and exit status out. */
final class AuditCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static List<Map<String, String>> rows(Path csv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(Files.readString(csv)))) {
            List<String> header = r.next().fields();
            CsvRecordReader.Record rec;
            while ((rec = r.next()) != null) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), rec.fields().get(i));
                }
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void generatedYearAuditedCountsReconcileAndEveryInjectedErrorIsFound() throws IOException {
        Path data = tmp.resolve("clinic.csv");
        Run g = run("generate", "--visits", "2500", "--seed", "42", "--out", data.toString(), "--error-rate", "0.1");
        assertThat(g.code()).isZero();
        JsonNode gen = g.json();
        assertThat(gen.get("visits").asLong()).isEqualTo(2500);
        Path labels = Path.of(gen.get("labels").asText());
        assertThat(labels).isEqualTo(tmp.resolve("clinic.csv.labels.csv"));
        Path out = tmp.resolve("audit");
        Run a = run("audit", data.toString(), "--out", out.toString(), "--threads", "2");
        assertThat(a.code()).as("blocking findings: exit 1; %s", a.err()).isEqualTo(Main.BLOCKED);
        JsonNode s = a.json();
        assertThat(JSON.readTree(Files.readString(out.resolve("summary.json")))).isEqualTo(s);
        assertThat(s.get("read").asLong()).isEqualTo(gen.get("rows").asLong());
        assertThat(s.get("read").asLong()).isEqualTo(s.get("checked").asLong() + s.get("rejected").asLong());
        assertThat(s.get("rejected").asLong()).isZero();
        assertThat(s.get("visits").asLong()).isEqualTo(2500);
        for (String key : List.of("findingsBySeverity", "findingsByRule", "unitsBilled", "unitsSupported",
                "dollarsOver", "dollarsUnder", "kxExposure", "byTherapist", "byPayer")) {
            assertThat(s.has(key)).as(key).isTrue();
        }
        for (String f : List.of("findings.csv", "claims.csv", "rejected.csv", "report.html")) {
            assertThat(out.resolve(f)).exists();
        }
        List<Map<String, String>> findings = rows(out.resolve("findings.csv"));
        assertThat(findings.get(0).keySet()).startsWith("visitId", "line", "ruleId", "severity", "message");
        Set<String> labeled = new HashSet<>();
        Set<String> rules = new HashSet<>();
        List<String> lines = Files.readAllLines(labels);
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            labeled.add(f[0] + " " + f[2]);
            rules.add(f[2]);
        }
        // Each injected therapist overlap labels the earlier visit too (MW-A001 is reported on both).
        assertThat(labeled).hasSize((int) (gen.get("injected").asLong()
                + gen.get("injectedByKind").get("therapist-overlap").asLong()));
        Set<String> reported = new HashSet<>();
        for (Map<String, String> f : findings) {
            if (rules.contains(f.get("ruleId"))) {
                reported.add(f.get("visitId") + " " + f.get("ruleId"));
            }
        }
        assertThat(reported).as("recall on injected errors: 100%").containsAll(labeled);
        assertThat(rules).as("the kinds injected include a missing NCCI modifier").contains("MW-B016");
        Set<String> tp = new HashSet<>(reported);
        tp.retainAll(labeled);
        assertThat(tp.size() / (double) reported.size()).as("precision").isGreaterThanOrEqualTo(0.99);
        List<Map<String, String>> claims = rows(out.resolve("claims.csv"));
        // Every visit is billed: a row has a billed side, or, beside the billed line of the other kind (an
        // assistant's units billed without CQ/CO), a supported side with its difference.
        assertThat(claims).allSatisfy(c -> assertThat(c.get("billedUnits").isEmpty() ? c.get("difference")
                : c.get("billedUnits")).isNotEmpty());
        assertThat(claims).anySatisfy(c -> assertThat(c.get("billedUnits")).isEmpty());
        assertThat(claims).anySatisfy(c -> assertThat(Integer.parseInt(c.get("difference"))).isPositive());
        // The generator bills what the engine bills: no 0-unit line, a block no injected error labels (a review found
        // 14 in a year, drawn by the overlapping-minutes visits).
        assertThat(findings).extracting(f -> f.get("ruleId")).doesNotContain("MW-B013");
        // The estimate prices Medicare's fee schedule: the commercial payer's dollars are not estimated, not $0.00.
        assertThat(Files.readString(out.resolve("report.html")))
                .containsPattern(">commercial: over</text>\\s*<text [^>]*>not estimated</text>")
                .containsPattern(">medicare: over</text>\\s*(<rect[^>]*/>\\s*)?<text [^>]*>\\$[0-9,.]+</text>");
    }

    /** A Medicare JSON Lines visit: one 97110 or 97112 session of {@code minutes} from {@code start}, billed so. */
    private static String visitLine(String id, String date, String patient, String code, String start, int minutes,
                                    String provider, int units) {
        java.time.LocalTime from = java.time.LocalTime.parse(start);
        return "{\"id\":\"" + id + "\",\"dateOfService\":\"" + date + "\",\"payer\":\"medicare\","
                + "\"planOfCare\":\"PT\",\"patient\":{\"id\":\"" + patient + "\"},\"diagnoses\":[\"M25.561\"],"
                + "\"services\":[{\"code\":\"" + code + "\",\"minutes\":" + minutes + ",\"periods\":[{\"start\":\""
                + start + "\",\"end\":\"" + from.plusMinutes(minutes) + "\"}],\"provider\":{\"id\":\"" + provider
                + "\",\"role\":\"PT\"}}],\"billed\":[{\"code\":\"" + code + "\",\"modifiers\":[\"GP\"],\"units\":"
                + units + "}]}\n";
    }

    /**
     * From a review, end to end: a duplicate claim's copy (MW-A006), void in claims.csv, counts in no check across
     * therapists. DA and its copy DA-copy (PT1, 10:00-10:30) beside DB (another patient, PT1, 10:15-10:45): MW-A001
     * once on DA and once on DB, naming DA (it was reported on the void copy too, and on DB twice, once naming the
     * copy). PT9's ten visits, each sent twice: MW-A007 counts 20 units over 10 Medicare (CMS-method) visits (it
     * counted 40 over 20).
     */
    @Test
    void aVoidDuplicateClaimCountsInNoCheckAcrossTherapists() throws IOException {
        StringBuilder in = new StringBuilder()
                .append(visitLine("DA", "2026-02-02", "PA", "97110", "10:00", 30, "PT1", 2))
                .append(visitLine("DA-copy", "2026-02-02", "PA", "97110", "10:00", 30, "PT1", 2))
                .append(visitLine("DB", "2026-02-02", "PB", "97112", "10:15", 30, "PT1", 2));
        for (int i = 1; i <= 10; i++) {
            String date = "2026-03-" + (i < 10 ? "0" : "") + i;
            in.append(visitLine("V" + i, date, "Q" + i, "97110", "09:00", 23, "PT9", 2))
                    .append(visitLine("V" + i + "-D", date, "Q" + i, "97110", "09:00", 23, "PT9", 2));
        }
        Path data = tmp.resolve("dup.jsonl");
        Files.writeString(data, in);
        Path out = tmp.resolve("dup-audit");
        Run a = run("audit", data.toString(), "--out", out.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(Main.BLOCKED);
        List<Map<String, String>> findings = rows(out.resolve("findings.csv"));
        assertThat(findings).filteredOn(f -> f.get("ruleId").equals("MW-A006")).extracting(f -> f.get("visitId"))
                .contains("DA-copy", "V1-D", "V10-D").doesNotContain("DA", "V1");
        assertThat(findings).filteredOn(f -> f.get("ruleId").equals("MW-A001"))
                .extracting(f -> f.get("visitId") + " " + f.get("message").replaceAll(".* overlap visit (\\S+) .*",
                        "$1"))
                .containsExactlyInAnyOrder("DA DB", "DB DA");
        assertThat(findings).filteredOn(f -> f.get("ruleId").equals("MW-A007")).singleElement()
                .satisfies(f -> assertThat(f.get("message")).contains("Clinician PT9 furnished 20 timed units for "
                        + "230 timed minutes over 10 Medicare (CMS-method) visits"));
        assertThat(rows(out.resolve("claims.csv"))).filteredOn(c -> c.get("visitId").equals("DA-copy"))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("units", "0")
                        .containsEntry("difference", "2"));
    }

    /** A claim replaced by a later one is set aside, said on stderr, but is not bad input: the status is not 2. */
    /**
     * An empty export (0 bytes, blank lines, [], a CSV header alone) is no clean audit: exit 2 naming it, as check
     * says "no visits in the input"; the summary (all zeros) is still printed. It exited 0. Near miss: one visit read
     * exits as its findings say.
     */
    @Test
    void anEmptyInputIsNoCleanAudit() throws IOException {
        Path gen = tmp.resolve("one.csv");
        run("generate", "--visits", "1", "--seed", "3", "--out", gen.toString());
        String header = Files.readAllLines(gen).get(0) + "\n";
        java.util.Map<String, String> empties = java.util.Map.of("empty.jsonl", "", "blank.jsonl", "\n\n\n",
                "none.json", "[]", "header.csv", header);
        for (java.util.Map.Entry<String, String> e : empties.entrySet()) {
            Path in = tmp.resolve(e.getKey());
            Files.writeString(in, e.getValue());
            Run a = run("audit", in.toString(), "--out", tmp.resolve("out-" + e.getKey()).toString());
            assertThat(a.code()).as(e.getKey() + ": " + a.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(a.err()).as(e.getKey()).contains(in + ": no visits in the input");
            assertThat(a.json().get("read").asLong()).isZero();
        }
        Run one = run("audit", gen.toString(), "--out", tmp.resolve("out-one").toString());
        assertThat(one.code()).as(one.err()).isNotEqualTo(Main.BAD_INPUT);
        assertThat(one.err()).doesNotContain("no visits in the input");
    }

    /**
     * An empty CSV (0 bytes, blank lines, rows of only commas) is an empty export like the others (an auditor's
     * review: it stopped the audit, "empty CSV: expected a header row", exit 2 and nothing written, even beside a file
     * of visits). Alone: an all-zero summary, exit 2 "no visits in the input", the outputs written. Beside a file of
     * visits (the near miss of "no visits"): the audit is that file's.
     */
    @Test
    void anEmptyCsvIsAnEmptyExportBesideTheOthers() throws IOException {
        Path gen = tmp.resolve("one.csv");
        run("generate", "--visits", "3", "--seed", "3", "--out", gen.toString());
        Run alone = run("audit", gen.toString(), "--out", tmp.resolve("out-alone").toString());
        String commas = ",".repeat(Files.readAllLines(gen).get(0).split(",", -1).length - 1);
        java.util.Map<String, String> empties = java.util.Map.of("zero.csv", "", "blank.csv", "\n\n\r\n",
                "commas.csv", commas + "\n" + commas + "\n");
        for (java.util.Map.Entry<String, String> e : empties.entrySet()) {
            Path in = tmp.resolve(e.getKey());
            Files.writeString(in, e.getValue());
            Path out = tmp.resolve("out-" + e.getKey());
            Run a = run("audit", in.toString(), "--out", out.toString());
            assertThat(a.code()).as(e.getKey() + ": " + a.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(a.err()).as(e.getKey()).contains(in + ": no visits in the input")
                    .doesNotContain("empty CSV");
            assertThat(a.json().get("read").asLong()).isZero();
            assertThat(out.resolve("summary.json")).exists();
            Run both = run("audit", gen.toString(), in.toString(), "--out", tmp.resolve("both-" + e.getKey())
                    .toString());
            assertThat(both.code()).as(e.getKey() + ": " + both.err()).isEqualTo(alone.code());
            assertThat(both.err()).as(e.getKey()).doesNotContain("empty CSV").doesNotContain("no visits");
            assertThat(both.json().get("read")).isEqualTo(alone.json().get("read"));
            assertThat(both.json().get("visits")).isEqualTo(alone.json().get("visits"));
        }
    }

    /**
     * A row whose every field is empty (a spreadsheet's trailing rows: only commas) is a blank line, in audit and
     * check alike (an auditor's review: "2 of 6 rows are rejected", "column visitId: required"). Near miss: a row with
     * one field filled is a row, and without its visit id it is rejected.
     */
    @Test
    void rowsOfOnlyCommasAreBlankLines() throws IOException {
        Path gen = tmp.resolve("visits.csv");
        run("generate", "--visits", "3", "--seed", "3", "--out", gen.toString());
        Run alone = run("audit", gen.toString(), "--out", tmp.resolve("out-alone").toString());
        String text = Files.readString(gen);
        String commas = ",".repeat(Files.readAllLines(gen).get(0).split(",", -1).length - 1);
        Path trailing = tmp.resolve("trailing.csv");
        Files.writeString(trailing, text + commas + "\n" + commas + ",\r\n" + "\"\"" + commas + "\n");
        Run a = run("audit", trailing.toString(), "--out", tmp.resolve("out-trailing").toString());
        assertThat(a.code()).as(a.err()).isEqualTo(alone.code());
        assertThat(a.err()).doesNotContain("rejected").doesNotContain("required");
        assertThat(a.json().get("read")).isEqualTo(alone.json().get("read"));
        assertThat(a.json().get("rejected").asLong()).isZero();
        Run parsed = run("audit", trailing.toString(), "--out", tmp.resolve("out-parse").toString(), "--parse-only");
        assertThat(parsed.out()).contains("\"rejected\":0");
        Run checkAlone = run("check", gen.toString());
        Run check = run("check", trailing.toString());
        assertThat(check.code()).as(check.err()).isEqualTo(checkAlone.code());
        assertThat(check.out() + check.err()).doesNotContain("required");
        // Near misses: a row with a patient id but no visit id is a row, rejected; so is a row of white space.
        Path oneField = tmp.resolve("onefield.csv");
        Files.writeString(oneField, text + commas.substring(0, 5) + "P9" + commas.substring(5) + "\n");
        Run b = run("audit", oneField.toString(), "--out", tmp.resolve("out-onefield").toString());
        assertThat(b.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(b.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(run("check", oneField.toString()).code()).isEqualTo(Main.BAD_INPUT);
        Path spaces = tmp.resolve("spaces.csv");
        Files.writeString(spaces, text + " " + commas + "\n");
        Run c = run("audit", spaces.toString(), "--out", tmp.resolve("out-spaces").toString());
        assertThat(c.json().get("rejected").asLong()).isEqualTo(1);
    }

    @Test
    void aReplacedClaimIsSetAsideWithoutExitingAsBadInput() throws IOException {
        String visit = "{\"id\":\"R1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"medicare\",%s"
                + "\"planOfCare\":\"PT\",\"diagnoses\":[\"R26.81\"],\"services\":[{\"code\":\"97110\","
                + "\"minutes\":%d,\"provider\":{\"id\":\"T1\",\"role\":\"PT\"}}],"
                + "\"billed\":[{\"code\":\"97110\",\"modifiers\":[\"GP\"],\"units\":2}]}\n";
        Path march = tmp.resolve("march.jsonl");
        Files.writeString(march, String.format(visit, "", 20));
        Path april = tmp.resolve("april.jsonl");
        Files.writeString(april, String.format(visit, "\"claimFrequency\":\"7\",", 30));
        Path out = tmp.resolve("replaced");
        Run a = run("audit", march.toString(), april.toString(), "--out", out.toString());
        assertThat(a.code()).isNotEqualTo(Main.BAD_INPUT);
        assertThat(a.errLines()).singleElement().satisfies(l -> assertThat(l).isEqualTo("minutewise: 1 row of a "
                + "claim replaced or voided by a later claim (or of a void) is set aside; see "
                + out.resolve("rejected.csv")));
        assertThat(a.json().get("replacedOrVoided").asLong()).isEqualTo(1);
        assertThat(a.json().get("checked").asLong()).isEqualTo(1);
    }

    /** Exit 2 (rows rejected) hides exit 1: stderr says that findings block too (an auditor's review). */
    @Test
    void rowsRejectedBesideBlockingFindingsSayBoth() throws IOException {
        Path data = tmp.resolve("both.csv");
        run("generate", "--visits", "200", "--seed", "8", "--out", data.toString(), "--error-rate", "0.2");
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        lines.add("V-BAD1,2026-02-30,medicare,,PT,PX,,97110,20,,,T9,PT,,1,GP,,,,,,,,,,,,,,,,,");
        Files.write(data, lines);
        Path out = tmp.resolve("both");
        Run a = run("audit", data.toString(), "--out", out.toString());
        assertThat(a.code()).isEqualTo(Main.BAD_INPUT);
        long blocks = a.json().get("findingsBySeverity").get("block").asLong();
        assertThat(blocks).isPositive();
        assertThat(a.errLines()).hasSize(2);
        assertThat(a.errLines().get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "minutewise: and %,d "
                + "findings of the rows checked block; see %s", blocks, out.resolve("findings.csv")));
    }

    @Test
    void malformedRowsAreReportedInRejectedCsvAndTheRestIsProcessed() throws IOException {
        Path data = tmp.resolve("mixed.csv");
        run("generate", "--visits", "300", "--seed", "5", "--out", data.toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(data));
        int good = lines.size() - 1;
        lines.add(3, "V-BAD1,2026-02-30,medicare,,PT,PX,,97110,20,,,T9,PT,,1,GP,,,,,,,,,,,,,,,,,");
        lines.add(7, "V-BAD2,2026-02-03,medicare,,PT,PX,,97110,-4,,,T9,PT,,1,GP,,,,,,,,,,,,,,,,,");
        lines.add("V-BAD3,2026-02-03,medicare,,XX,PX,,97110,20,,,T9,PT,,1,GP,,,,,,,,,,,,,,,,,");
        Files.write(data, lines);
        Path out = tmp.resolve("audit");
        Run a = run("audit", data.toString(), "--out", out.toString());
        assertThat(a.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(a.errLines()).singleElement().satisfies(l -> assertThat(l)
                .isEqualTo("minutewise: 3 of " + (good + 3) + " rows are rejected (unreadable, or of a visit that conflicts or comes twice); see "
                        + out.resolve("rejected.csv")));
        JsonNode s = a.json();
        assertThat(s.get("rejected").asLong()).isEqualTo(3);
        assertThat(s.get("checked").asLong()).isEqualTo(good);
        assertThat(s.get("visits").asLong()).isEqualTo(300);
        List<Map<String, String>> rej = rows(out.resolve("rejected.csv"));
        assertThat(rej).extracting(m -> m.get("line")).containsExactly("4", "8", String.valueOf(good + 4));
        assertThat(rej.get(0).get("reason")).startsWith("line 4, column dateOfService:");
        assertThat(rej.get(1).get("reason")).startsWith("line 8, column minutes:");
        assertThat(rej.get(2).get("reason")).contains("column planOfCare");
    }

    /**
     * Claims read back from X12 (an 837P group and an 837I group in one interchange) are audited: their billed
     * lines stand, and with no minutes behind them MW-B001 says they cannot be verified; nothing is rejected.
     */
    @Test
    void x12ClaimsProfessionalAndInstitutionalAreAudited() throws IOException {
        Path edi = Path.of("..", "formats", "src", "test", "resources", "x12", "write", "batch-mixed.edi");
        Path out = tmp.resolve("x12");
        Run a = run("audit", edi.toString(), "--payer", "medicare", "--out", out.toString());
        JsonNode s = a.json();
        assertThat(s.get("rejected").asLong()).as(a.err()).isZero();
        // What stdout prints is summary.json, the payer every visit was checked under included.
        assertThat(s.get("payerOverride").asText()).isEqualTo("medicare");
        assertThat(JSON.readTree(Files.readString(out.resolve("summary.json")))).isEqualTo(s);
        assertThat(s.get("visits").asLong()).isEqualTo(3);
        assertThat(s.get("read").asLong()).isEqualTo(s.get("checked").asLong());
        assertThat(s.get("findingsByRule").has("MW-B001")).isTrue();
        // Claims only (no minutes, no note): documentation and certification are not judged claim by claim, but
        // said once.
        assertThat(s.get("claimsOnlyVisits").asLong()).isEqualTo(3);
        assertThat(s.get("findingsByRule").has("MW-D001")).isFalse();
        assertThat(s.get("findingsByRule").has("MW-P002")).isFalse();
        // Units no minutes can verify are neither over- nor under-billed: counted apart, no dollars, no difference.
        assertThat(s.get("unitsUnverified").asLong()).isEqualTo(8);
        assertThat(s.get("unitsSupported").asLong()).isEqualTo(s.get("unitsBilled").asLong());
        assertThat(s.get("dollarsOver").decimalValue()).isZero();
        List<Map<String, String>> claims = rows(out.resolve("claims.csv"));
        assertThat(claims).extracting(m -> m.get("visitId")).contains("V-2001", "V-2002", "V-2003");
        assertThat(claims).filteredOn(m -> m.get("code").equals("97110")).allSatisfy(m -> {
            assertThat(m.get("billedUnits")).isEqualTo("2");
            assertThat(m.get("difference")).isEmpty();
        });
        assertThat(Files.readString(out.resolve("report.html"))).contains("8 billed units of timed codes have no "
                + "minutes documented").contains("3 visits are claims read from an 837");
        // The line column of an 837 is the position of the claim's CLM segment (X12 counts segments, not lines).
        String[] segments = Files.readString(edi).split("~");
        Map<String, String> clm = new java.util.HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i].strip();
            if (seg.startsWith("CLM*")) {
                clm.put(seg.split("\\*")[1], String.valueOf(i + 1));
            }
        }
        assertThat(clm).hasSize(3);
        assertThat(claims).allSatisfy(m -> assertThat(m.get("line")).isEqualTo(clm.get(m.get("visitId"))));
        assertThat(rows(out.resolve("findings.csv"))).isNotEmpty().allSatisfy(m -> assertThat(m.get("line"))
                .isEqualTo(clm.get(m.get("visitId"))));
    }

    /** A claim of an 837 that cannot be read is set aside under its claim id (CLM01), which the reader knew. */
    @Test
    void anUnreadable837ClaimIsRejectedUnderItsId() throws IOException {
        Path edi = Path.of("..", "formats", "src", "test", "resources", "x12", "write", "batch-mixed.edi");
        String text = Files.readString(edi);
        assertThat(text).contains("DTP*472*D8*20260305~");
        Path bad = tmp.resolve("bad-date.edi");
        Files.writeString(bad, text.replaceFirst("DTP\\*472\\*D8\\*20260305~", "DTP*472*D8*20260231~"));
        Path out = tmp.resolve("x12-bad");
        Run a = run("audit", bad.toString(), "--out", out.toString());
        assertThat(a.code()).isEqualTo(2);
        List<Map<String, String>> rej = rows(out.resolve("rejected.csv"));
        assertThat(rej).singleElement().satisfies(m -> {
            assertThat(m.get("visitId")).isEqualTo("V-2002");
            assertThat(m.get("reason")).contains("(DTP) element 3").contains("claim V-2002");
        });
    }

    @Test
    void usageErrorsAreOneLineAndExit2() throws IOException {
        Path data = tmp.resolve("d.csv");
        run("generate", "--visits", "50", "--out", data.toString());
        Path out = tmp.resolve("o");
        assertThat(run("audit", data.toString(), "--out", out.toString()).code()).isNotEqualTo(Main.BAD_INPUT);
        Run again = run("audit", data.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(again.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: --out:")
                .contains("use --resume or a new --out"));
        Run noOut = run("audit", data.toString());
        assertThat(noOut.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(noOut.err()).contains("--out");
        Run missing = run("audit", tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("o2").toString());
        assertThat(missing.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.errLines()).singleElement().satisfies(l -> assertThat(l).contains("no such file"));
        Path badHeader = tmp.resolve("h.csv");
        Files.writeString(badHeader, "id,date\n1,2\n");
        Run header = run("audit", badHeader.toString(), "--out", tmp.resolve("o3").toString());
        assertThat(header.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(header.errLines()).singleElement().satisfies(l -> assertThat(l).contains("h.csv, line 1")
                .contains("visitId"));
        Run nowhere = run("generate", "--visits", "5", "--out", tmp.resolve("no/such/dir/g.csv").toString());
        assertThat(nowhere.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(nowhere.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("minutewise: --out: no such directory: ").doesNotContain(".tmp"));
        Run year = run("generate", "--visits", "5", "--out", tmp.resolve("y.csv").toString(), "--year", "2031");
        assertThat(year.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(year.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("minutewise: --year: no yearly Medicare figures (KX thresholds) for 2031"));
        Run rate = run("generate", "--visits", "5", "--out", tmp.resolve("g.csv").toString(), "--error-rate", "2");
        assertThat(rate.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(rate.err()).contains("--error-rate");
        assertThat(run("audit", data.toString(), "--out", out.toString(), "--resume").code())
                .as("--resume on a finished audit gives its result again").isNotEqualTo(Main.BAD_INPUT);
    }

    /**
     * One EMR writes FHIR times in UTC, another with the clinic's offset: --zone reads both as the clinic's clock, so
     * the therapist's 09:00Z visit and 04:00-05:00 visit with two patients overlap (MW-A001); as written they do not.
     * A resumed audit must read the times the same way, and an unknown zone is a usage error.
     */
    @Test
    void fhirTimesAreAuditedInTheClinicsZone() throws IOException {
        Path stroke = Repo.example("stroke-visit.json");
        Run utc = run("convert", "--out", "fhir", "--zone", "+00:00", stroke.toString());
        assertThat(utc.code()).isZero();
        Path a = tmp.resolve("utc.fhir.json");
        Files.writeString(a, utc.out());
        Path early = tmp.resolve("early.json");
        Files.writeString(early, Files.readString(stroke).replace("\"V-1001\"", "\"V-2002\"")
                .replace("\"P-1\"", "\"P-2\"").replace("\"09:", "\"04:"));
        Run local = run("convert", "--out", "fhir", "--zone", "America/New_York", early.toString());
        assertThat(local.code()).isZero();
        Path b = tmp.resolve("local.fhir.json");
        Files.writeString(b, local.out());
        Path asWritten = tmp.resolve("as-written");
        assertThat(run("audit", a.toString(), b.toString(), "--out", asWritten.toString()).code()).isIn(0, 1);
        assertThat(rows(asWritten.resolve("findings.csv"))).extracting(m -> m.get("ruleId"))
                .doesNotContain("MW-A001");
        Path clinic = tmp.resolve("clinic");
        Run inZone = run("audit", a.toString(), b.toString(), "--out", clinic.toString(), "--zone",
                "America/New_York");
        assertThat(inZone.code()).isEqualTo(Main.BLOCKED);
        assertThat(rows(clinic.resolve("findings.csv"))).filteredOn(m -> m.get("ruleId").equals("MW-A001"))
                .anySatisfy(m -> assertThat(m.get("message")).contains("between 04:00 and 04:24"));
        Run other = run("audit", a.toString(), b.toString(), "--out", clinic.toString(), "--zone", "+01:00",
                "--resume");
        assertThat(other.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(other.errLines()).singleElement().satisfies(l -> assertThat(l).contains("--zone"));
        Run mars = run("audit", a.toString(), "--out", tmp.resolve("mars").toString(), "--zone", "Mars/Olympus");
        assertThat(mars.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(mars.errLines()).singleElement().satisfies(l -> assertThat(l).contains("--zone: expected"));
    }

    @Test
    void parseOnlyCountsRowsWithoutChecking() throws IOException {
        Path data = tmp.resolve("p.csv");
        run("generate", "--visits", "200", "--seed", "3", "--out", data.toString());
        Files.writeString(data, "V-X,2026-01-05,medicare,,PT,P,,97110,,,,T1,PT,,,,,,,,\r\n",
                java.nio.file.StandardOpenOption.APPEND);
        long rows = Files.readAllLines(data).size() - 1;
        Run p = run("audit", "--parse-only", data.toString());
        assertThat(p.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(p.json().get("read").asLong()).isEqualTo(rows);
        assertThat(p.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(p.json().get("valid").asLong()).isEqualTo(rows - 1);
        assertThat(p.json().has("rowsPerSecond")).isTrue();
    }

    @Test
    void generateWritesJsonLinesWhenTheNameSaysSo() throws IOException {
        Path data = tmp.resolve("v.jsonl");
        Run g = run("generate", "--visits", "120", "--seed", "8", "--out", data.toString(), "--error-rate", "0.2");
        assertThat(g.code()).isZero();
        List<String> lines = Files.readAllLines(data);
        assertThat(lines).hasSize(120);
        assertThat(JSON.readTree(lines.get(0)).has("services")).isTrue();
        Run a = run("audit", data.toString(), "--out", tmp.resolve("a").toString());
        assertThat(a.json().get("visits").asLong()).isEqualTo(120);
        assertThat(a.json().get("rejected").asLong()).isZero();
    }

    /**
     * An input that cannot be read at all stops the audit before it starts (exit 2, one line on stderr naming the
     * file and the problem, nothing written): a tab-delimited file was read as one malformed JSON record and the
     * audit wrote outputs (an auditor's review); a ';'-delimited header was said to have no column visitId; a CSV
     * named .jsonl had every line rejected.
     */
    @Test
    void aTabOrSemicolonDelimitedInputIsRefusedSayingWhy() throws IOException {
        Path tsv = tmp.resolve("t.tsv");
        Files.writeString(tsv, "visitId\tdateOfService\n");
        Path semi = tmp.resolve("semi.csv");
        Files.writeString(semi, "visitId;dateOfService;payer;planOfCare;code;role\nV1;2026-03-02;medicare;PT;97110;PT\n");
        Path few = tmp.resolve("few.csv");
        Files.writeString(few, "visitId,code,role\nV1,97110,PT\n");
        Path csvAsJsonl = tmp.resolve("visits.jsonl");
        Files.writeString(csvAsJsonl, "visitId,dateOfService,payer,planOfCare,code,role\n"
                + "V1,2026-03-02,medicare,PT,97110,PT\nV2,2026-03-02,medicare,PT,97110,PT\n");
        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(csvAsJsonl, "minutewise: " + csvAsJsonl + ", line 1: not JSON Lines: none of the file's first "
                + "lines is a JSON object ('{' first); it looks like the CSV layout: name the file .csv");
        expected.put(tsv, "minutewise: " + tsv + ", line 1: tab-delimited; the CSV layout needs commas (see "
                + "README.md, \"CSV layout\")");
        expected.put(semi, "minutewise: " + semi + ", line 1: the header row looks ';'-delimited; the CSV layout "
                + "needs commas (see README.md, \"CSV layout\")");
        expected.put(few, "minutewise: " + few + ", line 1: header row has no columns \"dateOfService\", \"payer\", "
                + "\"planOfCare\" (required: visitId,dateOfService,payer,planOfCare,code,role; the others of the "
                + "layout are optional)");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Path out = tmp.resolve("o-" + e.getKey().getFileName());
            Run a = run("audit", e.getKey().toString(), "--out", out.toString());
            assertThat(a.code()).as(a.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(a.errLines()).singleElement().isEqualTo(e.getValue());
            assertThat(a.out()).isEmpty();
            assertThat(out).as("nothing written").doesNotExist();
        }
        Run check = run("check", tsv.toString());
        assertThat(check.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(check.errLines()).singleElement().isEqualTo(expected.get(tsv));
    }

    /**
     * A field past the 1,000,000-character limit is named by its header's name and its line, not by its column's
     * number, in rejected.csv and by check and convert alike: "line 3, column note: field longer than ...". Near miss:
     * a note of exactly the limit is read and its visit audited.
     */
    @Test
    void aFieldTooLongIsNamedByItsHeaderName() throws IOException {
        Path data = tmp.resolve("long.csv");
        String header = "visitId,dateOfService,payer,planOfCare,code,minutes,role,providerId,note\n";
        Files.writeString(data, header + "L-1,2026-04-06,commercial,PT,97110,30,PT,T1,\"" + "x".repeat(1_000_000)
                + "\"\nL-2,2026-04-06,commercial,PT,97110,30,PT,T1,\"" + "y".repeat(1_000_001) + "\"\n");
        String reason = "line 3, column note: field longer than 1,000,000 characters (the limit of a text field, as "
                + "in the visit JSON)";
        Path out = tmp.resolve("long");
        Run a = run("audit", data.toString(), "--out", out.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(rows(out.resolve("rejected.csv"))).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("3");
            assertThat(r.get("reason")).isEqualTo(reason);
        });
        assertThat(rows(out.resolve("claims.csv"))).extracting(r -> r.get("visitId")).containsOnly("L-1");
        for (String[] args : List.of(new String[] {"check", data.toString()},
                new String[] {"convert", "--out", "json", data.toString()})) {
            Run r = run(args);
            assertThat(r.code()).as(args[0]).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).as(args[0]).contains(reason).doesNotContain("column 9");
        }
    }

    /** A role the layout does not know is rejected with the list of every role (SLPA was left out of it). */
    @Test
    void anUnknownRoleIsRejectedListingEveryRole() throws IOException {
        Path data = tmp.resolve("roles.csv");
        Files.writeString(data, "visitId,dateOfService,payer,planOfCare,code,minutes,role,providerId\n"
                + "Z-1,2026-04-06,commercial,SLP,92507,30,SLPA,S1\nZ-2,2026-04-06,commercial,SLP,92507,30,SLP-A,S1\n");
        Path out = tmp.resolve("roles");
        Run a = run("audit", data.toString(), "--out", out.toString());
        assertThat(a.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(rows(out.resolve("rejected.csv"))).singleElement().satisfies(r -> assertThat(r.get("reason"))
                .isEqualTo("line 3, column role: expected one of PT, PTA, OT, OTA, SLP, SLPA, MD, NPP, DC, AIDE, "
                        + "got \"SLP-A\""));
    }

    /**
     * A gzip input cut short: what was read is audited, but a visit's rows may be anywhere in the file, so the totals
     * are partial, and stderr and summary.json say so, naming the file.
     */
    @Test
    void aGzipInputCutShortSaysTheTotalsArePartial() throws IOException {
        Path whole = tmp.resolve("whole.csv.gz");
        assertThat(run("generate", "--visits", "1500", "--seed", "4", "--out", whole.toString()).code()).isZero();
        byte[] b = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
        Path out = tmp.resolve("cut");
        Run a = run("audit", cut.toString(), "--out", out.toString());
        assertThat(a.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(a.errLines()).hasSize(2);
        assertThat(a.errLines().get(0)).startsWith("minutewise: " + cut + " ended early after line ")
                .contains(": the gzip data ends early").endsWith("so the totals are partial (summary.json: "
                        + "inputsEndedEarly)");
        assertThat(a.errLines().get(1)).contains("rows are rejected");
        JsonNode s = JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertThat(a.json()).isEqualTo(s);
        JsonNode early = s.get("inputsEndedEarly");
        assertThat(early).hasSize(1);
        assertThat(early.get(0).get("file").asText()).isEqualTo(cut.toString());
        assertThat(early.get(0).get("afterLine").asLong()).isPositive();
        assertThat(early.get(0).get("effect").asText()).contains("the totals are partial");
        // The report says it at the top, naming the file (a report printed for a client must not look complete).
        assertThat(Files.readString(out.resolve("report.html"))).contains("<b>The totals are partial:</b> "
                + cut + " ended early after line ");
        Path full = tmp.resolve("whole-audit");
        assertThat(run("audit", whole.toString(), "--out", full.toString()).code()).isIn(Main.OK, Main.BLOCKED);
        assertThat(Files.readString(full.resolve("report.html"))).doesNotContain("The totals are partial");
        for (String key : List.of("read", "checked", "rejected", "visits", "findingsBySeverity")) {
            assertThat(s.has(key)).as(key).isTrue();
        }
        // The bare parse says so too (it only exited 2, as for a rejected row).
        Run parse = run("audit", "--parse-only", cut.toString());
        assertThat(parse.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(parse.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: " + cut
                + " ended early after ").contains(" rows: the gzip data ends early").endsWith("the rest of it was "
                + "not parsed"));
        assertThat(parse.json().get("inputsEndedEarly")).singleElement().satisfies(e -> {
            assertThat(e.get("file").asText()).isEqualTo(cut.toString());
            assertThat(e.get("afterRows").asLong()).isPositive();
        });
        assertThat(run("audit", "--parse-only", whole.toString()).json().has("inputsEndedEarly")).isFalse();
        Run again = run("audit", cut.toString(), "--out", out.toString(), "--resume");
        assertThat(again.json()).as("a finished audit resumed says it again").isEqualTo(s);
        assertThat(again.errLines().get(0)).isEqualTo(a.errLines().get(0));
    }

    /** --error-rate 1 labels every visit written (it labeled 894 of 1,000); other rates hold within chance. */
    @Test
    void theErrorRateIsTheShareOfVisitsLabeled() throws IOException {
        for (String rate : List.of("1", "0.25")) {
            Path data = tmp.resolve("r" + rate + ".csv");
            Run g = run("generate", "--visits", "1000", "--seed", "1", "--out", data.toString(), "--error-rate", rate);
            assertThat(g.code()).isZero();
            List<String> labels = Files.readAllLines(Path.of(g.json().get("labels").asText()));
            Set<String> labeled = new HashSet<>();
            Set<String> pairs = new HashSet<>();
            for (String l : labels.subList(1, labels.size())) {
                String[] f = l.split(",");
                labeled.add(f[0]);
                pairs.add(f[0] + " " + f[1]);
            }
            long injected = g.json().get("injected").asLong();
            // An injected therapist overlap also labels the earlier visit it overlaps (MW-A001 is on both).
            long overlaps = g.json().get("injectedByKind").get("therapist-overlap").asLong();
            assertThat(pairs).hasSize(labels.size() - 1);
            assertThat(labels.size() - 1L).isEqualTo(injected + overlaps);
            double want = Double.parseDouble(rate);
            assertThat(injected / 1000.0).as("rate %s", rate).isBetween(want - 0.045, want + 0.045);
            if (want == 1) {
                assertThat(injected).isEqualTo(1000);
                assertThat(labeled).hasSize(1000);
            }
        }
        assertThat(run("generate", "--help").out()).contains("1 labels every visit");
    }

    private static final String VISITS = "visitId,dateOfService,payer,planOfCare,diagnoses,code,minutes,providerId,"
            + "role,billedUnits,billedModifiers\r\n"
            + "W1,2026-03-02,medicare,PT,R26.81,97110,23,T1,PT,2,GP\r\n"
            + "W2,2026-03-03,medicare,PT,R26.81,97112,38,T1,PT,3,GP\r\n";

    /**
     * An audit whose work files land on a full disk (here /dev/full linked in place of its first partition, which a
     * --resume with nothing to resume writes through): exit 2 with one line naming the file and the cause, not an
     * internal error. Near miss: the same audit into a new --out is done (exit 0).
     */
    @Test
    void anAuditWhoseDiskFillsIsExit2NamingTheFile() throws IOException {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull) && !Files.isRegularFile(devFull),
                "no /dev/full here");
        Path in = tmp.resolve("visits.csv");
        Files.writeString(in, VISITS);
        Path out = tmp.resolve("full");
        Path spill = Files.createDirectories(out.resolve(".work").resolve("read")).resolve("p00000.bin");
        try {
            Files.createSymbolicLink(spill, devFull);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        Run r = run("audit", in.toString(), "--out", out.toString(), "--resume", "--partitions", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().startsWith("minutewise: cannot write " + spill
                + " (--out): No space left on device;");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception");
        Run ok = run("audit", in.toString(), "--out", tmp.resolve("room").toString(), "--partitions", "1");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.json().get("checked").asLong()).isEqualTo(2);
    }

    /**
     * An output file that cannot be written at the end of the run (findings.csv a directory with a file in it): exit
     * 2 with one line naming findings.csv and why; nothing in its way is deleted. Near miss: moved away, the audit
     * goes on with --resume and is done (exit 0).
     */
    @Test
    void anAuditOutputThatCannotBeWrittenIsExit2NamingIt() throws IOException {
        Path in = tmp.resolve("visits.csv");
        Files.writeString(in, VISITS);
        Path out = tmp.resolve("blocked");
        Path findings = Files.createDirectories(out.resolve("findings.csv"));
        Files.writeString(findings.resolve("keep.txt"), "a file of someone's");
        Run r = run("audit", in.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.errLines()).singleElement().asString().startsWith("minutewise: cannot write " + findings
                + " (--out): ");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("Exception");
        assertThat(findings.resolve("keep.txt")).exists();
        // Moved away, the audit goes on with --resume, as the line says.
        Files.move(findings, out.resolve("moved"));
        Run resumed = run("audit", in.toString(), "--out", out.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(out.resolve("findings.csv")).isRegularFile();
        assertThat(resumed.json().get("checked").asLong()).isEqualTo(2);
    }
}
