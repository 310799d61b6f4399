package org.minutewise.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.batch.Audit;
import org.minutewise.batch.Progress;
import org.minutewise.batch.generate.Generator;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.Json;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.refdata.Csv;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefFiles;

/**
 * The Spark job against the single-process audit on the same generated input (injected rule-level errors, a note
 * with line breaks, malformed rows): the same findings, claim lines, rejects and summary.
 */
class SparkAuditTest {
    private static final ReferenceData REF = RefData.defaults();

    @TempDir
    static Path tmp;

    static Path input;
    static Path plain;
    static Path audited;

    @BeforeAll
    static void generateAndAudit() throws IOException {
        plain = tmp.resolve("visits.csv");
        Generator.write(new Generator.Options(300, 42, 0.2, 2026), REF, plain);
        String text = Files.readString(plain);
        List<String> first;
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text))) {
            List<String> header = r.next().fields();
            first = new ArrayList<>(r.next().fields());
            assertThat(header).contains("note", "dateOfService", "visitId");
            int id = header.indexOf("visitId");
            int note = header.indexOf("note");
            int date = header.indexOf("dateOfService");
            StringBuilder extra = new StringBuilder();
            // A note with line breaks (a record over three lines).
            List<String> ml = new ArrayList<>(first);
            ml.set(id, "X-MULTILINE");
            ml.set(note, "Neuromuscular re-education for balance.\r\nTactile cues for weight shift, \"step\" "
                    + "strategy.\nPatient response: improved.");
            extra.append(join(ml));
            // A quote left open that takes in a row of another visit (X-TAKEN, which has a second row later): the
            // record, the row taken in and X-TAKEN's other row are all set aside, the same by both runners.
            List<String> open = new ArrayList<>(first);
            open.set(id, "X-OPEN");
            open.set(note, "");
            String openRow = join(open);
            extra.append(openRow, 0, openRow.length() - 2).append(",\"note left open\r\n");
            List<String> taken = new ArrayList<>(first);
            taken.set(id, "X-TAKEN");
            taken.set(note, "");
            extra.append(String.join(",", taken)).append("\r\n").append("closed here\"\r\n");
            extra.append(join(taken));
            // A visit id a spreadsheet would run as a formula: written after an apostrophe by both runners.
            List<String> formula = new ArrayList<>(first);
            formula.set(id, "=X-FORMULA");
            extra.append(join(formula));
            // A row with an impossible date: rejected, and so is its visit.
            List<String> bad = new ArrayList<>(first);
            bad.set(id, "X-BADDATE");
            bad.set(date, "2026-13-45");
            extra.append(join(bad));
            // A record the CSV reader refuses (text after a closing quote).
            extra.append("X-BROKEN,\"2026-03-02\"junk,medicare\r\n");
            // A visit with more rows than a visit may have: all set aside (past the limit only where they came from is kept).
            List<String> big = new ArrayList<>(first);
            big.set(id, "X-BIG");
            for (int i = 0; i < 250; i++) {
                extra.append(join(big));
            }
            // A patient's Medicare year past the KX threshold billed without KX: MW-A003, and KX on the corrected
            // claim lines from the crossing on, by both runners.
            for (int i = 0; i < 40; i++) {
                List<String> kx = new ArrayList<>(java.util.Collections.nCopies(header.size(), ""));
                // The last visit's id starts like a formula: both runners fix it all the same.
                String[][] values = {{"visitId", String.format(i == 39 ? "=X-KX%02d" : "X-KX%02d", i)},
                    {"dateOfService", String.format("2026-%02d-%02d", 1 + i / 20, 2 + i % 20)},
                    {"payer", "medicare"}, {"planOfCare", "PT"}, {"patientId", "X-PKX"}, {"diagnoses", "R26.81"},
                    {"code", "97110"}, {"minutes", "60"}, {"start", "09:00"}, {"end", "10:00"},
                    {"providerId", "X-PT"}, {"role", "PT"}, {"billedUnits", "4"}, {"billedModifiers", "GP"}};
                for (String[] v : values) {
                    kx.set(header.indexOf(v[0]), v[1]);
                }
                extra.append(join(kx));
            }
            // A row with no visit id (of a patient of its own); and one of X-ORPHANED's patient and date, which sets
            // that visit aside in both runners (it may be the visit's row).
            int patient = header.indexOf("patientId");
            List<String> noId = new ArrayList<>(first);
            noId.set(id, "");
            noId.set(patient, "X-PNOID");
            extra.append(join(noId));
            List<String> orphaned = new ArrayList<>(first);
            orphaned.set(id, "X-ORPHANED");
            orphaned.set(patient, "X-PORPH");
            extra.append(join(orphaned));
            List<String> itsRow = new ArrayList<>(orphaned);
            itsRow.set(id, "");
            extra.append(join(itsRow));
            input = tmp.resolve("visits-plus.csv");
            Files.writeString(input, text + extra, StandardCharsets.UTF_8);
        }
        audited = tmp.resolve("audit");
        Audit.run(new Audit.Options(List.of(input.toString()), audited, Optional.empty(), 2, false, 4,
                OptionalLong.empty()), REF, Progress.quiet());
    }

    private static String join(List<String> fields) {
        List<String> q = new ArrayList<>();
        for (String f : fields) {
            q.add(Csv.quote(f));
        }
        return String.join(",", q) + "\r\n";
    }

    /** The data rows of a CSV file, or of a directory of CSV part files (each with its header). */
    static List<List<String>> rows(Path fileOrDir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().forEach(files::add);
            }
        } else {
            files.add(fileOrDir);
        }
        List<List<String>> out = new ArrayList<>();
        for (Path f : files) {
            try (CsvRecordReader r = new CsvRecordReader(new StringReader(Files.readString(f)))) {
                if (r.next() == null) {
                    continue;
                }
                CsvRecordReader.Record rec;
                while ((rec = r.next()) != null) {
                    out.add(rec.fields());
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            out.add(String.join("\u0001", r));
        }
        out.sort(null);
        return out;
    }

    private static JsonNode json(Path p) throws IOException {
        return Json.mapper().readTree(Files.readString(p));
    }

    @Test
    void theSparkJobGivesTheSameRowsAsTheSingleProcessAudit() throws IOException {
        Path out = tmp.resolve("spark-csv");
        AuditJob.Result r = AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(input.toString()),
                out.toString(), Optional.empty(), "csv", 3));
        List<List<String>> expected = rows(audited.resolve("findings.csv"));
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(rows(audited.resolve("rejected.csv"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(expected));
        assertThat(sorted(rows(out.resolve("claims")))).isEqualTo(sorted(rows(audited.resolve("claims.csv"))));
        assertThat(rows(out.resolve("rejected"))).isEqualTo(rows(audited.resolve("rejected.csv")));
        assertThat(rows(out.resolve("rejected"))).extracting(f -> f.get(2)).contains("X-BADDATE", "X-BROKEN", "",
                "X-OPEN", "X-TAKEN").doesNotContain("X-MULTILINE");
        assertThat(rows(out.resolve("rejected"))).filteredOn(f -> f.get(2).equals("X-TAKEN")).hasSize(2);
        assertThat(rows(out.resolve("rejected"))).filteredOn(f -> f.get(2).equals("X-ORPHANED")).singleElement()
                .satisfies(f -> assertThat(f.get(3)).contains("has no visitId but the same patient and date"));
        assertThat(rows(out.resolve("rejected"))).filteredOn(f -> f.get(2).equals("X-BIG")).hasSize(250)
                .allMatch(f -> f.get(3).contains("has 250 rows"));
        assertThat(rows(out.resolve("claims"))).extracting(f -> f.get(0)).contains("X-MULTILINE", "'=X-FORMULA");
        assertThat(rows(out.resolve("claims"))).filteredOn(f -> f.get(0).startsWith("X-KX"))
                .extracting(f -> f.get(10)).contains("GP", "GP;KX");
        assertThat(rows(out.resolve("claims"))).filteredOn(f -> f.get(0).equals("'=X-KX39"))
                .extracting(f -> f.get(10)).containsExactly("GP;KX");
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audited.resolve("summary.json")));
        assertThat(r.totals().read()).isEqualTo(r.totals().checked() + r.totals().rejected());
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").contains("MW-");
        // Every rule-level error the generator injected is among the findings (the labels name visit and rule).
        List<String> found = new ArrayList<>();
        for (List<String> f : rows(out.resolve("findings"))) {
            found.add(f.get(0) + " " + f.get(2));
        }
        List<String> labels = Files.readAllLines(Generator.labelsFile(plain));
        assertThat(labels.size()).isGreaterThan(10);
        List<String> missed = new ArrayList<>();
        for (String l : labels.subList(1, labels.size())) {
            String[] f = l.split(",");
            if (!found.contains(f[0] + " " + f[2])) {
                missed.add(l);
            }
        }
        assertThat(missed).as("injected errors the Spark job did not report").isEmpty();
    }

    @Test
    void parquetWithTheSameColumnsGivesTheSameFindings() throws IOException {
        SparkSession spark = LocalSpark.get();
        Path parquet = tmp.resolve("visits.parquet");
        spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .csv(plain.toString()).coalesce(1).write().parquet(parquet.toString());
        Path fromCsv = tmp.resolve("spark-plain-csv");
        Path fromParquet = tmp.resolve("spark-parquet");
        AuditJob.run(spark, new AuditJob.Options(List.of(plain.toString()), fromCsv.toString(), Optional.empty(),
                "csv", 2));
        AuditJob.run(spark, new AuditJob.Options(List.of(parquet.toString()), fromParquet.toString(),
                Optional.empty(), "parquet", 2));
        List<List<String>> parquetRows = new ArrayList<>();
        for (org.apache.spark.sql.Row row : spark.read().parquet(fromParquet.resolve("findings").toString())
                .collectAsList()) {
            List<String> f = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                f.add(i == 5 || row.isNullAt(i) ? "" : row.get(i).toString()); // column 5: the input's name
            }
            parquetRows.add(f);
        }
        List<List<String>> csvRows = new ArrayList<>();
        for (List<String> f : rows(fromCsv.resolve("findings"))) {
            List<String> g = new ArrayList<>(f);
            g.set(5, "");
            csvRows.add(g);
        }
        assertThat(parquetRows).hasSizeGreaterThan(100);
        assertThat(sorted(parquetRows)).isEqualTo(sorted(csvRows));
        assertThat(json(fromParquet.resolve("summary.json"))).isEqualTo(json(fromCsv.resolve("summary.json")));
    }

    @Test
    void aDirectoryOrAGlobOfCsvFilesIsReadFileByFile() throws IOException {
        List<String> lines = Files.readAllLines(plain);
        Path dir = Files.createDirectories(tmp.resolve("parts"));
        int half = lines.size() / 2;
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.write(a, lines.subList(0, half));
        List<String> second = new ArrayList<>();
        second.add(lines.get(0));
        second.addAll(lines.subList(half, lines.size()));
        // The first visit again (an export that overlaps the other): set aside by both runners, naming both files.
        second.addAll(lines.subList(1, 3));
        Files.write(b, second);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Path audit = tmp.resolve("audit-parts");
        Audit.run(new Audit.Options(List.of(a.toString(), b.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        for (String input : List.of(dir.toString(), dir.resolve("*.csv").toString())) {
            Path out = tmp.resolve("spark-parts-" + (input.endsWith("csv") ? "glob" : "dir"));
            AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(input), out.toString(), Optional.empty(),
                    "csv", 2));
            assertThat(json(out.resolve("summary.json"))).as(input).isEqualTo(json(audit.resolve("summary.json")));
            List<List<String>> got = rows(out.resolve("findings"));
            assertThat(got).extracting(f -> f.get(5)).as(input).allMatch(f -> f.isEmpty() || f.equals(a.toString())
                    || f.equals(b.toString())).anyMatch(f -> f.equals(b.toString()));
            assertThat(sorted(got)).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
            assertThat(rows(out.resolve("rejected"))).isEqualTo(rows(audit.resolve("rejected.csv")));
        }
        assertThat(rows(audit.resolve("rejected.csv"))).anySatisfy(r -> assertThat(r.get(3)).contains("comes 2 times")
                .contains(a.toString()).contains(b.toString()));
    }

    /**
     * A patient's two sessions of a day (10 + 10 minutes, billed 1 + 1) are one unit: both runners take the unit off
     * the afternoon's line in claims.csv and out of the totals (MW-A012), the same rows and summary.
     */
    @Test
    void theDaysUnitsCorrectTheClaimsAsTheAuditDoes() throws IOException {
        Path sameDay = tmp.resolve("same-day.csv");
        Files.writeString(sameDay, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "SD1,2026-07-08,medicare,,PT,P-SD,M17.11,97110,10,08:00,08:10,T1,PT,,1,GP,,\r\n"
                + "SD2,2026-07-08,medicare,,PT,P-SD,M17.11,97530,10,15:00,15:10,T1,PT,,1,GP,,\r\n"
                + "SD3,2026-07-09,medicare,,PT,P-SD,M17.11,97530,10,15:00,15:10,T1,PT,,1,GP,,\r\n");
        Path audit = tmp.resolve("audit-same-day");
        Audit.run(new Audit.Options(List.of(sameDay.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-same-day");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(sameDay.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("unitsSupported").asLong()).isEqualTo(2);
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        assertThat(claims).anySatisfy(r -> assertThat(r.get(0) + " " + r.get(9)).isEqualTo("SD2 0"));
    }

    /**
     * One therapist's one-on-one minutes shared by two patients (MW-A001) support no one-on-one units on either visit:
     * both runners lower SH1's and SH2's supported units of 97110 from 2 to 1 in claims.csv and the totals, and count
     * P-T1's day (TW1's 5 minutes left and TW2's 10) without the shared minutes, so MW-A012 takes nothing more: the
     * same rows and summary.
     */
    @Test
    void sharedOneOnOneMinutesCorrectTheClaimsAsTheAuditDoes() throws IOException {
        Path shared = tmp.resolve("shared.csv");
        Files.writeString(shared, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "SH1,2026-07-08,medicare,,PT,P-S1,M17.11,97110,30,09:00,09:30,T1,PT,,2,GP,,\r\n"
                + "SH2,2026-07-08,medicare,,PT,P-S2,M17.11,97110,30,09:15,09:45,T1,PT,,2,GP,,\r\n"
                + "TW1,2026-07-09,medicare,,PT,P-T1,M17.11,97110,10,09:00,09:10,T1,PT,,1,GP,,\r\n"
                + "TW2,2026-07-09,medicare,,PT,P-T1,M17.11,97110,10,14:00,14:10,T1,PT,,1,GP,,\r\n"
                + "TW3,2026-07-09,medicare,,PT,P-T2,M17.11,97110,15,09:05,09:20,T1,PT,,1,GP,,\r\n");
        Path audit = tmp.resolve("audit-shared");
        Audit.run(new Audit.Options(List.of(shared.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-shared");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(shared.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("unitsSupported").asLong()).isEqualTo(4);
        assertThat(json(out.resolve("summary.json")).get("unitsOver").asLong()).isEqualTo(3);
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        assertThat(claims).extracting(r -> r.get(0) + " " + r.get(9)).containsExactlyInAnyOrder("SH1 1", "SH2 1",
                "TW1 0", "TW2 1", "TW3 1");
        List<List<String>> findings = rows(out.resolve("findings"));
        assertThat(sorted(findings)).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
        assertThat(findings).extracting(r -> r.get(2)).contains("MW-A001").doesNotContain("MW-A012");
    }

    /**
     * An assistant's shared minutes (MW-A001) come off the CQ unit in both runners: CQ1's PT 97110 09:00-09:15 and PTA
     * 09:15-09:38 (3 units, 1 without CQ and 2 with), the PTA one-on-one with CQ2's patient 09:20-09:35; CQ1 loses a
     * CQ unit, CQ2 its only one. A therapist's (T2 with CQ3's and CQ4's patients) takes CQ3's full-rate unit. The
     * same rows and summary.
     */
    @Test
    void anAssistantsSharedMinutesComeOffTheCqUnitAsTheAuditDoes() throws IOException {
        Path shared = tmp.resolve("assistant-shared.csv");
        Files.writeString(shared, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "CQ1,2026-07-08,medicare,,PT,P-Q1,M17.11,97110,15,09:00,09:15,T1,PT,,1,GP,,\r\n"
                + "CQ1,2026-07-08,medicare,,PT,P-Q1,M17.11,97110,23,09:15,09:38,A1,PTA,,2,GP;CQ,,\r\n"
                + "CQ2,2026-07-08,medicare,,PT,P-Q2,M17.11,97110,15,09:20,09:35,A1,PTA,,1,GP;CQ,,\r\n"
                + "CQ3,2026-07-08,medicare,,PT,P-Q3,M17.11,97110,15,09:00,09:15,T2,PT,,1,GP,,\r\n"
                + "CQ3,2026-07-08,medicare,,PT,P-Q3,M17.11,97110,23,09:15,09:38,A2,PTA,,2,GP;CQ,,\r\n"
                + "CQ4,2026-07-08,medicare,,PT,P-Q4,M17.11,97110,10,09:05,09:15,T2,PT,,1,GP,,\r\n");
        Path audit = tmp.resolve("audit-assistant-shared");
        Audit.run(new Audit.Options(List.of(shared.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-assistant-shared");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(shared.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        // visitId, modifiers, units
        assertThat(claims).extracting(r -> r.get(0) + " " + r.get(10) + " " + r.get(9)).containsExactlyInAnyOrder(
                "CQ1 GP 1", "CQ1 GP;CQ 1", "CQ2 GP;CQ 0", "CQ3 GP 0", "CQ3 GP;CQ 2", "CQ4 GP 0");
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
    }

    /**
     * MW-A001's cut applies the de minimis standard again to the minutes left in both runners, a unit changing kind
     * with none lost: KC1's PT 97110 09:00-09:10 and PTA 09:10-09:33 (2 units, one with CQ), the PT one-on-one with
     * KC2's patient 09:00-09:04: both units carry CQ (a new CQ unit supported, the GP unit not). And 97129/97130:
     * KG1's PTA 97129 09:00-09:15 and PT 97130 09:15-09:40 (97129's unit with CQ, 97130's two without), the PTA
     * one-on-one with KG2's patient 09:00-09:15: the PT's 25 minutes make 97129 and 97130 one unit each, no CQ (a new
     * full-rate 97129 row). The same rows and summary.
     */
    @Test
    void unitsChangeKindAsTheAuditChangesThem() throws IOException {
        Path shared = tmp.resolve("kind-change.csv");
        Files.writeString(shared, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "KC1,2026-07-08,medicare,,PT,P-K1,M17.11,97110,10,09:00,09:10,T1,PT,,1,GP,,\r\n"
                + "KC1,2026-07-08,medicare,,PT,P-K1,M17.11,97110,23,09:10,09:33,A1,PTA,,1,GP;CQ,,\r\n"
                + "KC2,2026-07-08,medicare,,PT,P-K2,M17.11,97140,14,08:50,09:04,T1,PT,,1,GP,,\r\n"
                + "KG1,2026-07-08,medicare,,PT,P-G1,R41.840,97129,15,09:00,09:15,A3,PTA,,1,GP;CQ,,\r\n"
                + "KG1,2026-07-08,medicare,,PT,P-G1,R41.840,97130,25,09:15,09:40,T3,PT,,2,GP,,\r\n"
                + "KG2,2026-07-08,medicare,,PT,P-G2,M17.11,97110,15,09:00,09:15,A3,PTA,,1,GP;CQ,,\r\n");
        Path audit = tmp.resolve("audit-kind-change");
        Audit.run(new Audit.Options(List.of(shared.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-kind-change");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(shared.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        // visitId, code, modifiers, billed units, units
        assertThat(claims).filteredOn(r -> r.get(0).startsWith("KC1") || r.get(0).startsWith("KG1"))
                .extracting(r -> r.get(0) + " " + r.get(6) + " " + r.get(10) + " " + r.get(7) + "/" + r.get(9))
                .containsExactlyInAnyOrder("KC1 97110 GP 1/0", "KC1 97110 GP;CQ 1/2", "KG1 97129 GP;CQ 1/0",
                        "KG1 97129 GP /1", "KG1 97130 GP 2/1");
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
    }

    /**
     * A corrected claim in a later CSV export (its claimFrequency column 7) replaces the original in the earlier one:
     * both runners set the original aside as replaced and audit the replacement, the same rows and summary.
     */
    @Test
    void aCsvReplacementReplacesItsOriginalAsTheAuditDoes() throws IOException {
        String header = "visitId,dateOfService,payer,planOfCare,diagnoses,code,minutes,providerId,role,billedUnits,"
                + "billedModifiers,claimFrequency,payerClaimControlNumber\r\n";
        Path march = tmp.resolve("march.csv");
        Files.writeString(march, header + "R1,2026-03-02,medicare,PT,R26.81,97110,23,T1,PT,3,GP,,\r\n");
        Path april = tmp.resolve("april.csv");
        Files.writeString(april, header + "R1,2026-03-02,medicare,PT,R26.81,97110,38,T1,PT,3,GP,7,ICN-1\r\n");
        Path audit = tmp.resolve("audit-corrected");
        Audit.run(new Audit.Options(List.of(march.toString(), april.toString()), audit, Optional.empty(), 2, false,
                3, OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-corrected");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(march.toString(), april.toString()),
                out.toString(), Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("replacedOrVoided").asLong()).isEqualTo(1);
        assertThat(rows(out.resolve("rejected"))).isEqualTo(rows(audit.resolve("rejected.csv")))
                .singleElement().satisfies(r -> assertThat(r.get(3)).contains("replaced by the corrected claim"));
        assertThat(sorted(rows(out.resolve("claims")))).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        assertThat(rows(out.resolve("claims"))).singleElement().satisfies(r -> assertThat(r.get(9)).isEqualTo("3"));
    }

    /**
     * The lines the day's MUE denies whole (MW-A009: 97112's MUE is 4 a day; M-1 bills 3 units, M-2 3 units of which
     * its 25 minutes support 2) are priced at $0 in both runners: M-2's row's allowedPerUnit 0.00 and no dollars over,
     * the same rows and summary.
     */
    @Test
    void theLinesTheDaysMueDeniesArePricedAtZeroAsTheAuditPricesThem() throws IOException {
        Path mue = tmp.resolve("mue-day.csv");
        Files.writeString(mue, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "M-1,2026-06-01,medicare,,PT,MP,I69.351,97112,45,09:00,09:45,PT20,PT,,3,GP,,\r\n"
                + "M-2,2026-06-01,medicare,,PT,MP,I69.351,97112,25,14:00,14:25,PT20,PT,,3,GP,,\r\n");
        Path audit = tmp.resolve("audit-mue-day");
        Audit.run(new Audit.Options(List.of(mue.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-mue-day");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(mue.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("dollarsOver").decimalValue()).isZero();
        assertThat(json(out.resolve("summary.json")).get("unitsOver").asLong()).isEqualTo(1);
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        assertThat(claims).filteredOn(r -> r.get(0).equals("M-2")).extracting(r -> r.get(11) + " " + r.get(12))
                .containsExactly("1 0.00");
    }

    /**
     * Duplicate claims' void lines as the single-process audit voids them: one discipline's line of a code the visit
     * also bills under another (D2's 97110 with GP, beside its new 97110 with GO), and the findings of a void line by
     * its index (N2's MW-B004 at billed[0].modifiers), which the job left in findings and the totals.
     */
    @Test
    void duplicateLinesAreVoidAsTheAuditVoidsThem() throws IOException {
        Path dups = tmp.resolve("dups.csv");
        Files.writeString(dups, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note,discipline\r\n"
                + "D1,2026-03-02,medicare,,PT,P-D,R26.81,97110,30,,,T1,PT,,2,GP,,,\r\n"
                + "D2,2026-03-02,medicare,,PT,P-D,R26.81,97110,30,,,T1,PT,,2,GP,,,\r\n"
                + "D2,2026-03-02,medicare,,PT,P-D,R26.81,97110,30,,,T7,OT,,2,GO,,,OT\r\n"
                + "N1,2026-03-03,medicare,,PT,P-N,R26.81,97110,30,,,T1,PT,,2,,,,\r\n"
                + "N2,2026-03-03,medicare,,PT,P-N,R26.81,97110,30,,,T1,PT,,2,,,,\r\n");
        Path audit = tmp.resolve("audit-dups");
        Audit.run(new Audit.Options(List.of(dups.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-dups");
        AuditJob.run(LocalSpark.get(), new AuditJob.Options(List.of(dups.toString()), out.toString(),
                Optional.empty(), "csv", 2));
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("duplicateClaims").get("visits").asLong()).isEqualTo(2);
        List<List<String>> findings = rows(out.resolve("findings"));
        assertThat(sorted(findings)).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
        // D2's is about its GO line (on a PT plan), which stands.
        assertThat(findings).filteredOn(f -> f.get(2).equals("MW-B004")).extracting(f -> f.get(0) + " " + f.get(6))
                .containsExactlyInAnyOrder("N1 billed[0].modifiers", "D2 billed[1].modifiers");
        List<List<String>> claims = rows(out.resolve("claims"));
        assertThat(sorted(claims)).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
        assertThat(claims).filteredOn(r -> r.get(0).equals("D2")).extracting(r -> r.get(8) + " " + r.get(9))
                .containsExactlyInAnyOrder("GP 0", "GO ");
    }

    /**
     * A gzip input cut short (a transfer that stopped): the job says which input ended early and where, on standard
     * error and in summary.json ({@code inputsEndedEarly}, as the single-process audit writes it), and audits what
     * came before and the other inputs; it said nothing.
     */
    @Test
    void aTruncatedGzipInputIsReported() throws IOException {
        StringBuilder csv = new StringBuilder("visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,"
                + "code,minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("V").append(i).append(",2026-03-02,commercial,,PT,P").append(i)
                    .append(",R26.81,97110,23,,,T1,PT,,2,GP,,note ").append(i * 7919L).append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.OutputStream os = new java.util.zip.GZIPOutputStream(bytes)) {
            os.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Path cut = tmp.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path good = tmp.resolve("good.csv");
        Files.writeString(good, "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,"
                + "start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n"
                + "W1,2026-03-02,commercial,,PT,Q1,R26.81,97110,23,,,T1,PT,,2,GP,,\r\n");
        Path out = tmp.resolve("spark-cut");
        Run run = cli(cut.toString(), good.toString(), "--out", out.toString(), "--partitions", "2");
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        JsonNode s = json(out.resolve("summary.json"));
        assertThat(Json.mapper().readTree(run.out())).isEqualTo(s);
        assertThat(Files.readString(out.resolve("report.html"))).contains("cut.csv.gz ended early");
        assertThat(run.err()).contains(cut + " ended early after line ").contains("the totals are partial");
        JsonNode early = s.get("inputsEndedEarly");
        assertThat(early).hasSize(1);
        assertThat(early.get(0).get("file").asText()).isEqualTo(cut.toString());
        assertThat(early.get(0).get("afterLine").asLong()).isPositive();
        assertThat(early.get(0).get("problem").asText()).startsWith("the gzip data ends early");
        assertThat(s.get("checked").asLong()).isGreaterThan(750);
        assertThat(rows(out.resolve("claims"))).extracting(r -> r.get(0)).contains("W1");
    }

    /**
     * A gzip input cut short at a line's end (the compressed stream flushed there, then cut): the job writes what the
     * single-process audit writes for it. The part lost is one rejected record on the line after the last one read,
     * and the visit of the last record read is set aside (its rows may go on in the part lost), with the audit's
     * reasons; counts reconcile the same. Only the reader's own words for the damage, in parentheses, differ (Hadoop's
     * gzip reader and the JDK's say it differently).
     */
    @Test
    void aGzipInputCutShortSetsAsideItsLastVisitAndRejectsThePartLostAsTheAuditDoes() throws IOException {
        String header = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,minutes,start,end,"
                + "providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n";
        StringBuilder first = new StringBuilder(header);
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            // Two rows a visit: the cut falls between V200's two rows.
            for (int j = 0; j < 2; j++) {
                (i * 2 + j <= 400 ? first : rest).append("V").append(i).append(",2026-03-02,commercial,,PT,P")
                        .append(i).append(",R26.81,").append(j == 0 ? "97110" : "97112").append(",23,,,T1,PT,,2,GP,,\r\n");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int cutAt;
        try (java.util.zip.GZIPOutputStream os = new java.util.zip.GZIPOutputStream(bytes, true)) {
            os.write(first.toString().getBytes(StandardCharsets.UTF_8));
            os.flush(); // a sync flush: the bytes so far decompress to exactly the first part
            cutAt = bytes.size();
            os.write(rest.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path cut = tmp.resolve("flushed.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes.toByteArray(), cutAt));
        long lastLine = first.toString().split("\r\n").length; // the header is line 1

        Path audit = tmp.resolve("audit-flushed");
        Audit.run(new Audit.Options(List.of(cut.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-flushed");
        Run run = cli(cut.toString(), "--out", out.toString(), "--partitions", "2");
        assertThat(run.status()).as(run.err()).isEqualTo(2);

        List<List<String>> rejected = rows(out.resolve("rejected"));
        assertThat(withoutReadersWords(rejected)).isEqualTo(withoutReadersWords(rows(audit.resolve("rejected.csv"))));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).containsExactly(cut.toString(), String.valueOf(lastLine), "V200",
                "visit V200: the file ends early after line " + lastLine + ", and its rows may go on in the part "
                        + "that could not be read, so its other row is set aside rather than checked incomplete");
        assertThat(rejected.get(1).subList(0, 3)).containsExactly(cut.toString(), String.valueOf(lastLine + 1), "");
        assertThat(rejected.get(1).get(3)).startsWith("line " + (lastLine + 1) + ": the gzip data ends early")
                .endsWith(" after line " + lastLine + "; the rest of " + cut + " could not be read");
        JsonNode s = json(out.resolve("summary.json"));
        JsonNode a = json(audit.resolve("summary.json"));
        for (String count : List.of("read", "checked", "rejected", "visits", "unitsBilled", "unitsSupported")) {
            assertThat(s.get(count)).as(count).isEqualTo(a.get(count));
        }
        assertThat(s.get("inputsEndedEarly").get(0).get("afterLine").asLong()).isEqualTo(lastLine)
                .isEqualTo(a.get("inputsEndedEarly").get(0).get("afterLine").asLong());
        // 400 rows of V0-V199, then V200's row set aside, and the part lost: 402 read, 400 checked, 2 rejected.
        assertThat(s.get("read").asLong()).isEqualTo(402);
        assertThat(s.get("checked").asLong()).isEqualTo(400);
        assertThat(sorted(rows(out.resolve("claims")))).isEqualTo(sorted(rows(audit.resolve("claims.csv"))));
    }

    /**
     * A gzip input cut inside a quoted field that spans lines (a note with a line break): the record left open is lost
     * with the part that could not be read, as the audit loses it; the job neither stops nor reads it as a record.
     */
    @Test
    void aGzipInputCutInsideAMultiLineNoteLosesThatRecordAsTheAuditDoes() throws IOException {
        StringBuilder first = new StringBuilder("visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,"
                + "code,minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n");
        for (int i = 0; i < 20; i++) {
            first.append("V").append(i).append(",2026-03-02,commercial,,PT,P").append(i)
                    .append(",R26.81,97110,23,,,T1,PT,,2,GP,,\"first line\r\nsecond line\"\r\n");
        }
        first.append("V20,2026-03-02,commercial,,PT,P20,R26.81,97110,23,,,T1,PT,,2,GP,,\"a note cut\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int cutAt;
        try (java.util.zip.GZIPOutputStream os = new java.util.zip.GZIPOutputStream(bytes, true)) {
            os.write(first.toString().getBytes(StandardCharsets.UTF_8));
            os.flush();
            cutAt = bytes.size();
            os.write("here\"\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Path cut = tmp.resolve("open-quote.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes.toByteArray(), cutAt));

        Path audit = tmp.resolve("audit-open-quote");
        Audit.run(new Audit.Options(List.of(cut.toString()), audit, Optional.empty(), 2, false, 3,
                OptionalLong.empty()), REF, Progress.quiet());
        Path out = tmp.resolve("spark-open-quote");
        Run run = cli(cut.toString(), "--out", out.toString(), "--partitions", "2");
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(withoutReadersWords(rows(out.resolve("rejected"))))
                .isEqualTo(withoutReadersWords(rows(audit.resolve("rejected.csv"))));
        JsonNode s = json(out.resolve("summary.json"));
        JsonNode a = json(audit.resolve("summary.json"));
        for (String count : List.of("read", "checked", "rejected", "visits")) {
            assertThat(s.get(count)).as(count).isEqualTo(a.get(count));
        }
        assertThat(s.get("inputsEndedEarly").get(0).get("afterLine"))
                .isEqualTo(a.get("inputsEndedEarly").get(0).get("afterLine"));
        assertThat(s.get("checked").asLong()).isEqualTo(19); // V0-V18; V19, read last, set aside
    }

    /** The rows with the gzip reader's own words, "(...)" after "ends early", left out. */
    private static List<List<String>> withoutReadersWords(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> c = new ArrayList<>(r);
            c.set(3, c.get(3).replaceAll("the gzip data ends early \\([^)]*\\)", "the gzip data ends early"));
            out.add(c);
        }
        return out;
    }

    @Test
    void referenceFilesAreShippedToTheExecutorsAndUsedAsTheAuditUsesThem() throws IOException {
        Path profiles = tmp.resolve("clinic-payers.json");
        Files.writeString(profiles, "{\"profiles\":[{\"id\":\"acme-ppo\",\"kind\":\"commercial\","
                + "\"method\":\"cpt\"}]}");
        Path fees = tmp.resolve("clinic-fees.csv");
        Files.writeString(fees, "code,charge\n97112,123.45\n");
        RefFiles files = new RefFiles(profiles.toString(), null, null, null, 2026, null, fees.toString());
        Path audit = tmp.resolve("audit-acme");
        Audit.run(new Audit.Options(List.of(plain.toString()), audit, Optional.of("acme-ppo"), 2, false, 3,
                OptionalLong.empty()), files.apply(REF), Progress.quiet());
        Path out = tmp.resolve("spark-acme");
        Run run = cli(plain.toString(), "--out", out.toString(), "--payer", "acme-ppo", "--payer-profile",
                profiles.toString(), "--fee-schedule", fees.toString(), "--partitions", "2");
        assertThat(run.status()).as(run.err()).isIn(0, 1);
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(json(out.resolve("summary.json")).get("byPayer").has("acme-ppo")).isTrue();
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
        // A bad reference file is bad input, named, before any work.
        Path bad = tmp.resolve("bad-payers.json");
        Files.writeString(bad, "{\"profiles\":[{\"id\":\"x\",\"kind\":\"medicare\",\"method\":\"nope\"}]}");
        Run refused = cli(plain.toString(), "--out", tmp.resolve("spark-bad").toString(), "--payer-profile",
                bad.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("bad-payers.json");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = SparkAudit.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void theCommandLinePrintsTheSummaryAndExitsAsTheAuditDoes() throws IOException {
        LocalSpark.get();
        Path out = tmp.resolve("spark-cli");
        Run ok = cli(input.toString(), "--out", out.toString(), "--partitions", "2");
        assertThat(ok.status()).as(ok.err()).isEqualTo(2); // rows were rejected
        assertThat(Json.mapper().readTree(ok.out())).isEqualTo(json(audited.resolve("summary.json")));
        assertThat(ok.err()).contains("could not be read").contains("rejected");
        Run again = cli(input.toString(), "--out", out.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("--out").contains("not empty");
        Run format = cli(input.toString(), "--out", tmp.resolve("x").toString(), "--format", "xml");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("xml");
        Run missing = cli(tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("y").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv").contains("no such file");
        Run payer = cli(input.toString(), "--out", tmp.resolve("z").toString(), "--payer", "acme");
        assertThat(payer.status()).isEqualTo(2);
        assertThat(payer.err()).contains("--payer").contains("acme");
        Path unclosed = tmp.resolve("unclosed.csv");
        Files.writeString(unclosed, Files.readString(plain) + "X-OPEN,\"2026-03-02,medicare\r\nmore,rows\r\n");
        Run quote = cli(unclosed.toString(), "--out", tmp.resolve("q").toString());
        assertThat(quote.status()).isEqualTo(2);
        assertThat(quote.err()).contains("unclosed.csv").contains("never closed");
        Path mac = tmp.resolve("mac.csv");
        Files.writeString(mac, Files.readString(plain).replace("\r\n", "\r"));
        Run cr = cli(mac.toString(), "--out", tmp.resolve("cr").toString());
        assertThat(cr.status()).isEqualTo(2);
        assertThat(cr.err()).contains("mac.csv").contains("carriage return");
        Path blanks = tmp.resolve("blank-first.csv");
        Files.writeString(blanks, "\r\n\r\n" + Files.readString(plain));
        Path blanksOut = tmp.resolve("blanks");
        Run leading = cli(blanks.toString(), "--out", blanksOut.toString());
        assertThat(leading.status()).as(leading.err()).isIn(0, 1);
        Path blanksAudit = tmp.resolve("blanks-audit");
        Audit.run(new Audit.Options(List.of(blanks.toString()), blanksAudit, Optional.empty(), 2, false, 2,
                OptionalLong.empty()), REF, Progress.quiet());
        assertThat(json(blanksOut.resolve("summary.json"))).isEqualTo(json(blanksAudit.resolve("summary.json")));
        assertThat(sorted(rows(blanksOut.resolve("findings"))))
                .isEqualTo(sorted(rows(blanksAudit.resolve("findings.csv"))));
        Path nested = Files.createDirectories(tmp.resolve("nested").resolve("2026"));
        Files.copy(plain, nested.resolve("v.csv"));
        Run sub = cli(tmp.resolve("nested").toString(), "--out", tmp.resolve("n").toString());
        assertThat(sub.status()).isEqualTo(2);
        assertThat(sub.err()).contains("subdirectory").contains("2026");
        Run usage = cli("--out");
        assertThat(usage.status()).isEqualTo(2);
    }

    /**
     * An empty export (0 bytes, blank lines) beside another input is audited as nothing, as the single-process
     * audit does (it stopped the job: "empty CSV: expected a header row"); inputs that hold no row at all exit 2,
     * "no visits in the input", as the audit's exit says. Near miss: the other input alone gives the same summary.
     */
    @Test
    void anEmptyCsvIsAnEmptyExportAsInTheAudit() throws IOException {
        LocalSpark.get();
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        Path blank = Files.writeString(tmp.resolve("blank.csv"), "\r\n\r\n");
        Path out = tmp.resolve("spark-empty-beside");
        Run beside = cli(plain.toString(), empty.toString(), blank.toString(), "--out", out.toString());
        assertThat(beside.err()).doesNotContain("expected a header row");
        Path audit = tmp.resolve("audit-empty-beside");
        Audit.run(new Audit.Options(List.of(plain.toString(), empty.toString(), blank.toString()), audit,
                Optional.empty(), 2, false, 2, OptionalLong.empty()), REF, Progress.quiet());
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
        Path alone = tmp.resolve("spark-plain-alone");
        assertThat(cli(plain.toString(), "--out", alone.toString()).status()).isEqualTo(beside.status());
        assertThat(json(alone.resolve("summary.json")).get("read")).isEqualTo(json(out.resolve("summary.json"))
                .get("read"));
        Run nothing = cli(empty.toString(), blank.toString(), "--out", tmp.resolve("spark-nothing").toString());
        assertThat(nothing.status()).as(nothing.err()).isEqualTo(2);
        assertThat(nothing.err()).contains("no visits in the input").contains("empty.csv");
    }

    /**
     * A spreadsheet's export whose first rows are blank or only commas (",,,,", a quoted empty field; more than the 64
     * lines the job first reads) before the header: the audit skips them as blank lines and finds the header after
     * them; the job read the first comma row as the header and stopped on it (no visitId column). Same summary and
     * findings as the audit on the same file, line numbers counted from the file's first line; near miss: the same
     * rows without the leading ones read as many visits.
     */
    @Test
    void leadingRowsOfOnlyCommasAreBlankLinesAsInTheAudit() throws IOException {
        LocalSpark.get();
        // More empty rows than the job first reads for the header (64).
        Path spreadsheet = Files.writeString(tmp.resolve("spreadsheet.csv"), ",,,,,\r\n\r\n\"\",,\"\",\r\n"
                + ",,,,,\n".repeat(100) + Files.readString(plain));
        Path out = tmp.resolve("spark-spreadsheet");
        Run run = cli(spreadsheet.toString(), "--out", out.toString());
        assertThat(run.err()).doesNotContain("visitId");
        Path audit = tmp.resolve("audit-spreadsheet");
        Audit.run(new Audit.Options(List.of(spreadsheet.toString()), audit, Optional.empty(), 2, false, 2,
                OptionalLong.empty()), REF, Progress.quiet());
        assertThat(json(out.resolve("summary.json"))).isEqualTo(json(audit.resolve("summary.json")));
        assertThat(sorted(rows(out.resolve("findings")))).isEqualTo(sorted(rows(audit.resolve("findings.csv"))));
        Run alone = cli(plain.toString(), "--out", tmp.resolve("spark-spreadsheet-plain").toString());
        assertThat(run.status()).as(run.err()).isEqualTo(alone.status());
        assertThat(json(tmp.resolve("spark-spreadsheet-plain").resolve("summary.json")).get("read"))
                .as(alone.err()).isEqualTo(json(out.resolve("summary.json")).get("read"));
    }

    /**
     * An output that cannot be written (a file where --out's directory should be) is exit 2 naming the output and
     * the I/O error, as the single-process audit does, not "internal error" 3 with a stack trace.
     */
    @Test
    void anOutputThatCannotBeWrittenIsExitTwoNamingIt() throws IOException {
        LocalSpark.get();
        Path inTheWay = Files.writeString(tmp.resolve("in-the-way"), "a file, not a directory");
        Run r = cli(plain.toString(), "--out", inTheWay.resolve("out").toString());
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("minutewise-spark: writing ").contains("in-the-way")
                .contains("failed on an I/O error").doesNotContain("internal error").doesNotContain("\tat ");
    }

    /** Near miss: a failure that is no I/O error stays a failure of its own (an internal error's exit 3). */
    @Test
    void onlyAnIoErrorIsAnOutputFailure() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditJob.saving("out/findings", () -> {
            throw AuditJob.<RuntimeException>rethrow(new org.apache.spark.SparkException("Job aborted",
                    new java.io.UncheckedIOException(new IOException("No space left on device"))));
        })).isInstanceOf(AuditJob.OutputFailed.class).hasMessageStartingWith("writing out/findings failed on an I/O "
                + "error: No space left on device");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditJob.saving("out/findings", () -> {
            throw new IllegalStateException("a defect");
        })).isInstanceOf(IllegalStateException.class);
    }
}
