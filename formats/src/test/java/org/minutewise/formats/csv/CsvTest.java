package org.minutewise.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.refdata.RefData;

class CsvTest {
    private static final ReferenceData REF = RefData.defaults();
    private static final String HEADER = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,"
            + "minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note\r\n";

    private static List<CsvRecordReader.Record> records(String text) throws IOException {
        List<CsvRecordReader.Record> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text))) {
            CsvRecordReader.Record rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    @Test
    void rfc4180QuotingWithCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecordReader.Record> rs = records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\nlast,,z");
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).fields()).containsExactly("a", "b,c", "say \"hi\"");
        assertThat(rs.get(1).fields()).containsExactly("multi\nline", "x", "");
        assertThat(rs.get(1).line()).isEqualTo(2);
        assertThat(rs.get(2).line()).as("the quoted line break counts as a line").isEqualTo(4);
        assertThat(rs.get(2).fields()).containsExactly("last", "", "z");
    }

    @Test
    void aRecordCutFromALargerFileKeepsTheFilesLineNumbers() throws IOException {
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("\"two\nlines\",x"), 41)) {
            CsvRecordReader.Record rec = r.next();
            assertThat(rec.line()).isEqualTo(41);
            assertThat(rec.fields()).containsExactly("two\nlines", "x");
        }
        assertThatThrownBy(() -> new CsvRecordReader(new StringReader("\"a\nb\"c,d"), 7).next())
                .isInstanceOf(InputException.class).hasMessage("line 7, column 1: a quoted field opened on line 7 "
                        + "closes on line 8 and text follows the closing quote (a quote left open, or a quote inside "
                        + "a field not doubled)");
        assertThatThrownBy(() -> new CsvRecordReader(new StringReader("\"ab\"c,d"), 7).next())
                .isInstanceOf(InputException.class).hasMessageStartingWith("line 7, column 1: text after a closing");
        assertThat(CsvRecordReader.parse("V1,\"a \"\"b\"\"\"", 12).fields()).containsExactly("V1", "a \"b\"");
        assertThat(CsvRecordReader.parse("V1,x", 12).line()).isEqualTo(12);
        assertThat(CsvRecordReader.parse("", 3)).isNull();
    }

    /**
     * A field holds at most 1,000,000 characters, the visit JSON's limit of a text field (it took up to 1 MiB, so a
     * note the JSON refuses passed as CSV, and convert wrote JSON its own reader refused). Near miss: exactly the
     * limit is read.
     */
    @Test
    void aFieldPastTheTextLimitIsRefusedAsTheJsonRefusesIt() throws IOException {
        String at = "x".repeat(1_000_000);
        assertThat(records("a,\"" + at + "\"\n").get(0).fields().get(1)).hasSize(1_000_000);
        assertThatThrownBy(() -> records("a,\"" + at + "y\"\n")).isInstanceOf(InputException.class)
                .hasMessage("line 1, column 2: field longer than 1,000,000 characters (the limit of a text field, as "
                        + "in the visit JSON)");
        assertThatThrownBy(() -> CsvRecordReader.parse("a," + at + "y", 1)).as("the fast path, unquoted")
                .isInstanceOf(InputException.class).hasMessageContaining("field longer than 1,000,000 characters");
    }

    /**
     * Given the header's names, a field too long (or text after a closing quote) is named by its column's header name,
     * the reader's and the cut record's ({@link CsvRecordReader#parse(String, long, List)}) alike. Near miss: a column
     * past the header's, or of a blank name, by its number.
     */
    @Test
    void aColumnIsNamedByTheHeaderWhenGiven() throws IOException {
        String over = "x".repeat(1_000_001);
        List<String> names = List.of("visitId", "", "note");
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("V1,a,\"" + over + "\"\n")).names(names)) {
            assertThatThrownBy(r::next).isInstanceOf(InputException.class).hasMessageStartingWith(
                    "line 1, column note: field longer than 1,000,000 characters");
        }
        assertThatThrownBy(() -> CsvRecordReader.parse("V1,a,\"" + over + "\"", 12, names))
                .hasMessageStartingWith("line 12, column note: field longer than 1,000,000 characters");
        assertThatThrownBy(() -> CsvRecordReader.parse("V1,a,\"q\"z", 12, names))
                .hasMessageStartingWith("line 12, column note: text after a closing quote");
        assertThatThrownBy(() -> CsvRecordReader.parse("V1,\"q\"z", 12, names))
                .hasMessageStartingWith("line 12, column 2: text after a closing quote");
        assertThatThrownBy(() -> CsvRecordReader.parse("V1,a,b,\"" + over + "\"", 12, names))
                .hasMessageStartingWith("line 12, column 4: field longer");
        assertThatThrownBy(() -> CsvRecordReader.parse("V1,a,\"" + over + "\"", 12))
                .hasMessageStartingWith("line 12, column 3: field longer");
    }

    @Test
    void unclosedQuoteNamesTheLine() {
        assertThatThrownBy(() -> records("a,b\n\"open,c\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2");
    }

    @Test
    void rowsBecomeVisitsGroupedById() {
        String csv = HEADER
                + "V1,2026-03-02,medicare,,PT,P1,I69.351;R26.81,97112,24,09:00,09:24,T1,PT,,,,,\"Note, with comma\"\r\n"
                + "V2,2026-03-02,commercial,,OT,P2,,97530,20,,,T3,OT,,,,,\r\n"
                + "V1,2026-03-02,medicare,,PT,P1,I69.351;R26.81,97110,23,,,A1,PTA,,,,,\r\n";
        List<VisitInput.Result> rs = VisitInput.read(csv, VisitFormat.CSV, REF);
        assertThat(rs).hasSize(2).allMatch(r -> r.visit().isPresent());
        Visit v1 = rs.get(0).visit().get();
        assertThat(v1.id()).isEqualTo("V1");
        assertThat(v1.services()).hasSize(2);
        assertThat(v1.services().get(0).minutes()).isEqualTo(24);
        assertThat(v1.services().get(1).provider().role()).isEqualTo(Role.PTA);
        assertThat(v1.diagnoses()).containsExactly("I69.351", "R26.81");
        assertThat(v1.note()).contains("Note, with comma");
    }

    @Test
    void aBadRowIsReportedWithLineAndColumnAndTheRestAreRead() {
        String csv = HEADER
                + "V1,2026-03-02,medicare,,PT,P1,,97112,-5,,,T1,PT,,,,,\r\n"
                + "V2,2026-03-02,medicare,,PT,P2,,97112,20,,,T1,PT,,,,,\r\n"
                + "V3,2026-03-02,medicare,,PT,P3,,97112\r\n";
        List<VisitInput.Result> rs = VisitInput.read(csv, VisitFormat.CSV, REF);
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).error()).get().extracting(Throwable::getMessage).asString()
                .isEqualTo("line 2, column minutes: must be between 0 and 1440, got -5");
        assertThat(rs.get(1).error()).get().extracting(Throwable::getMessage).asString()
                .startsWith("line 4: expected");
        assertThat(rs.get(2).visit()).get().extracting(Visit::id).isEqualTo("V2");
    }

    /**
     * A visit that lost a row is not checked incomplete (its units and findings would be wrong): its other rows are
     * set aside with the reason, whether the row was unreadable or taken into another row's open quote.
     */
    @Test
    void aVisitThatLostARowIsSetAsideWhole() {
        String csv = HEADER
                + "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,\r\n"
                + "V1,2026-03-02,medicare,,PT,P1,,97110,-5,,,T1,PT,,,,,\r\n"
                + "V2,2026-03-02,medicare,,PT,P2,,97112,20,,,T1,PT,,,,,\r\n"
                + "V3,2026-03-02,medicare,,PT,P3,,97112,20,,,T1,PT,,,,,\"note left open\r\n"
                + "V4,2026-03-02,medicare,,PT,P4,,97110,20,,,T1,PT,,,,,\r\n"
                + "closed here\"\r\n"
                + "V4,2026-03-02,medicare,,PT,P4,,97112,25,,,T1,PT,,,,,\r\n"
                + "V4,2026-03-02,medicare,,PT,P4,,97530,15,,,T1,PT,,,,,\r\n";
        List<VisitInput.Result> rs = VisitInput.read(csv, VisitFormat.CSV, REF);

        assertThat(rs).filteredOn(r -> r.visit().isPresent()).extracting(r -> r.visit().get().id())
                .containsExactly("V2");
        assertThat(rs).filteredOn(r -> r.error().isPresent()).extracting(r -> r.error().get().getMessage())
                .containsExactlyInAnyOrder(
                        "line 3, column minutes: must be between 0 and 1440, got -5",
                        "line 5: a quoted field opened on line 5 is not closed before line 6, which looks like a row "
                                + "of its own; close the quote (the record, with the lines it took in, is set aside "
                                + "whole)",
                        "line 6: this row (visit V4) was taken into a quoted field left open on line 5 and is set "
                                + "aside with that record; close the quote and read the row again",
                        "line 2: visit V1: its row on line 3 could not be read, so its other row (line 2) is set "
                                + "aside rather than checked incomplete",
                        "line 8: visit V4: its row on line 6 was taken into a quoted field left open on line 5, so "
                                + "its other rows (lines 8, 9) are set aside rather than checked incomplete");
    }

    /** A row taken in is found whether its fields are quoted or not (the raw text of the record). */
    @Test
    void aSwallowedRowIsFoundQuotedOrNot() throws IOException {
        CsvVisitReader.Header h = new CsvVisitReader(REF).header(records(HEADER).get(0));
        String text = "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,\"open note\r\n"
                + "\"V2\",\"2026-03-02\",\"medicare\",\"\",\"PT\",\"P2\",\"\",\"97110\",\"20\",\"\",\"\",\"T1\",\"PT\",\"\","
                + "\"\",\"\",\"\",\"\"\r\n"
                + "V3,2026-03-02,medicare,,PT,P3,,97110,20,,,T1,PT,,,,,\r\n"
                + "a note line, 2026-03-02, not a row\"";
        assertThat(CsvVisitReader.swallowed(h, text)).containsExactly(new CsvVisitReader.Swallowed("V2", 1),
                new CsvVisitReader.Swallowed("V3", 2));
    }

    /** A progress report written on the visit (documentation, not a billed code): JSON and CSV carry it. */
    @Test
    void aDocumentedProgressReportIsCarried() {
        String header = HEADER.replace("\r\n", ",progressReport\r\n");
        String csv = header + "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,,TRUE\r\n"
                + "V2,2026-03-02,medicare,,PT,P2,,97112,24,,,T1,PT,,,,,,\r\n"
                + "V3,2026-03-02,medicare,,PT,P3,,97112,24,,,T1,PT,,,,,,maybe\r\n";
        List<VisitInput.Result> rs = VisitInput.read(csv, VisitFormat.CSV, REF);
        assertThat(rs.get(0).error()).get().extracting(Throwable::getMessage).asString()
                .isEqualTo("line 4, column progressReport: expected true, false or empty, got \"maybe\"");
        assertThat(rs.get(1).visit().get().progressReport()).isTrue();
        assertThat(rs.get(2).visit().get().progressReport()).isFalse();
        Visit v = rs.get(1).visit().get();
        Visit back = VisitInput.read(CsvVisitWriter.header() + CsvVisitWriter.rows(v), VisitFormat.CSV, REF).get(0)
                .visit().get();
        assertThat(back.progressReport()).isTrue();
        String json = org.minutewise.formats.VisitJsonWriter.write(v).toString();
        assertThat(json).contains("\"progressReport\":true");
        assertThat(VisitInput.read(json, VisitFormat.JSON, REF).get(0).visit().get().progressReport()).isTrue();
    }

    /** What spreadsheets and billing exports write: "Medicare" for medicare, 9:05 for 09:05. */
    @Test
    void aCapitalizedPayerAndAMorningTimeWithoutItsZeroAreRead() {
        String csv = HEADER + "V1,2026-03-02,Medicare,,PT,P1,,97112,,9:05,9:29,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().orElseThrow();
        assertThat(v.payer()).isEqualTo("medicare");
        assertThat(v.services().get(0).minutes()).isEqualTo(24);
        assertThat(VisitInput.read(HEADER + "V1,2026-03-02,Acme,,PT,P1,,97112,24,,,T1,PT,,,,,\r\n", VisitFormat.CSV,
                REF).get(0).error()).get().extracting(Throwable::getMessage).asString()
                .startsWith("line 2, column payer: unknown payer profile \"Acme\"");
    }

    @Test
    void billedColumnsBecomeBilledLines() {
        String csv = HEADER + "V1,2026-03-02,medicare,,PT,P1,,97112,,,,T1,PT,,3,GP;KX,210.00,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.billed()).hasSize(1);
        assertThat(v.billed().get(0).units()).isEqualTo(3);
        assertThat(v.billed().get(0).modifiers()).containsExactly("GP", "KX");
    }

    /**
     * The CSV took billed units up to 999 where the visit JSON, FHIR and the model take 10,000: a visit written from
     * JSON could not be read back from its CSV. One limit (Visit.MAX_UNITS); past it the row is refused naming the
     * column.
     */
    @Test
    void billedUnitsHaveTheVisitsLimit() {
        String row = "V1,2026-03-02,medicare,,PT,P1,,97110,30,,,T1,PT,,";
        assertThat(VisitInput.read(HEADER + row + "5000,GP,,\r\n", VisitFormat.CSV, REF).get(0).visit().get()
                .billed()).singleElement().satisfies(b -> assertThat(b.units()).isEqualTo(5000));
        assertThat(VisitInput.read(HEADER + row + "10001,GP,,\r\n", VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(InputException::getMessage).asString()
                .startsWith("line 2, column billedUnits: must be between 0 and 10000, got 10001");
    }

    /**
     * Billed modifiers without billed units are not a billed line to drop silently (the audit counted the visit as
     * unbilled: the engine's units as billed, which claims.csv did not show): the row is refused naming billedUnits.
     * Near misses: units with modifiers, units alone, and neither are read.
     */
    @Test
    void billedModifiersWithoutBilledUnitsAreRefusedNamingTheColumn() {
        String row = "V1,2026-03-02,medicare,,PT,P1,,97110,30,,,T1,PT,,";
        assertThat(VisitInput.read(HEADER + row + ",GP,,\r\n", VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(InputException::getMessage).asString()
                .startsWith("line 2, column billedUnits: required when billedModifiers are given (got \"GP\")");
        assertThat(VisitInput.read(HEADER + row + "2,GP,,\r\n", VisitFormat.CSV, REF).get(0).visit().get().billed())
                .singleElement().satisfies(b -> assertThat(b.units()).isEqualTo(2));
        assertThat(VisitInput.read(HEADER + row + "2,,,\r\n", VisitFormat.CSV, REF).get(0).visit().get().billed())
                .singleElement().satisfies(b -> assertThat(b.modifiers()).isEmpty());
        assertThat(VisitInput.read(HEADER + row + ",,,\r\n", VisitFormat.CSV, REF).get(0).visit().get().billed())
                .isEmpty();
    }

    @Test
    void writerAndReaderRoundTrip() {
        String csv = HEADER
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,24,09:00,09:24,T1,PT,one-on-one,,,,"
                + "\"He said \"\"better\"\"\nnext line\"\r\n"
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97110,23,09:24,09:47,A1,PTA,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        String written = CsvVisitWriter.header() + CsvVisitWriter.rows(v);
        Visit back = VisitInput.read(written, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(back.services()).isEqualTo(v.services());
        assertThat(back.note()).isEqualTo(v.note()).contains("He said \"better\"\nnext line");
        assertThat(back.diagnoses()).isEqualTo(v.diagnoses());
    }

    /**
     * A line with several periods takes a row per period and is read back as one line: its minutes once, its
     * charge once (it was written on every row and read as a second line: twice the charge, and the first row's
     * minutes against its one period), amounts as dollars and cents.
     */
    @Test
    void aLineWithSeveralPeriodsIsReadBackAsOneLine() {
        String header = CsvVisitWriter.header();
        String tail = ",,,,,,,,";
        String csv = header
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,24,09:00,09:12,T1,PT,,,,70.00,," + tail
                + ",,,,,,\r\n"
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,,09:30,09:42,T1,PT,,,,,," + tail
                + ",true,,,,,\r\n"
                // Rows of one code and clinician without the mark are lines of their own (a reviewer's 10-minute
                // line followed by another line's period drew a false MW-U002 when they were merged by guess).
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97110,,09:42,09:50,T1,PT,,,,,," + tail
                + ",,,,,,\r\n"
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97110,,09:50,09:58,T1,PT,,,,,," + tail
                + ",,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.services()).hasSize(3);
        assertThat(v.services().get(0).periods()).hasSize(2);
        assertThat(v.services().get(0).statedMinutes()).hasValue(24);
        assertThat(v.services().get(0).charge()).hasValue(new java.math.BigDecimal("70.00"));

        org.minutewise.core.model.ServiceLine l = v.services().get(0);
        Visit asJson = v.toBuilder().services(List.of(new org.minutewise.core.model.ServiceLine(l.code(),
                l.statedMinutes(), l.periods(), l.provider(), l.mode(), l.discipline(),
                Optional.of(new java.math.BigDecimal("7E+1")), l.regions()))).build();
        String written = CsvVisitWriter.header() + CsvVisitWriter.rows(asJson);
        assertThat(written).contains(",70.00,").doesNotContain("7E+1");
        Visit back = VisitInput.read(written, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(back.services()).hasSize(1);
        assertThat(back.services().get(0).periods()).isEqualTo(v.services().get(0).periods());
        assertThat(back.services().get(0).charge()).hasValue(new java.math.BigDecimal("70.00"));

        // A continuation that cannot continue the row above is the row's error, named by line and column.
        String bad = header
                + "V2,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,,09:00,09:20,T1,PT,,,,,," + tail
                + ",,,,,,\r\n"
                + "V2,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,,09:10,09:30,T1,PT,,,,,," + tail
                + ",true,,,,,\r\n"
                + "V3,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,,09:00,09:20,T1,PT,,,,,," + tail
                + ",,,,,,\r\n"
                + "V3,2026-03-02,medicare,private-practice,PT,P1,I69.351,97110,,09:30,09:40,T1,PT,,,,,," + tail
                + ",true,,,,,\r\n";
        List<VisitInput.Result> rs = VisitInput.read(bad, VisitFormat.CSV, REF);
        assertThat(rs).hasSize(2).allSatisfy(r -> assertThat(r.visit()).isEmpty());
        assertThat(rs.get(0).error().get().getMessage()).startsWith("line 3, column continuation: ")
                .contains("overlaps the line's period 09:00-09:20");
        assertThat(rs.get(1).error().get().getMessage()).startsWith("line 5, column continuation: ")
                .contains("another service");
    }

    /**
     * A replacement or void claim keeps its frequency and the payer claim control number of the claim it corrects
     * through CSV (the optional columns {@code claimFrequency} and {@code payerClaimControlNumber}), so an audit of a
     * CSV export tells a corrected claim from a duplicate; the filing indicator has no column and is named as not
     * carried.
     */
    /**
     * Billed lines' diagnosis pointers have their column, {@code billedDiagnosisPointers}, written only when a billed
     * line has pointers: a visit that bills with pointers (an 837's SV107) keeps them through CSV and is no longer
     * told they are not carried. Near miss: billed lines without pointers (a CSV's own) write the header as before.
     */
    @Test
    void billedDiagnosisPointersAreCarried() {
        String csv = HEADER + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351;R26.81,97112,,,,T1,PT,,2,GP,130,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.billed()).singleElement().satisfies(b -> assertThat(b.diagnosisPointers()).isEmpty());
        assertThat(CsvVisitWriter.notCarried(v)).doesNotContain("billed[].diagnosisPointers");
        assertThat(CsvVisitWriter.write(List.of(v))).startsWith(CsvVisitWriter.header())
                .doesNotContain("billedDiagnosisPointers");
        org.minutewise.core.model.BilledLine b = v.billed().get(0);
        Visit pointed = v.toBuilder().billed(List.of(new org.minutewise.core.model.BilledLine(b.code(), b.modifiers(),
                b.units(), b.charge(), List.of(2, 1)))).build();
        assertThat(CsvVisitWriter.notCarried(pointed)).doesNotContain("billed[].diagnosisPointers");
        String written = CsvVisitWriter.write(List.of(pointed));
        assertThat(written).startsWith(CsvVisitWriter.header().replace("\r\n", ",billedDiagnosisPointers\r\n"));
        Visit back = VisitInput.read(written, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(back.billed()).singleElement().satisfies(l -> assertThat(l.diagnosisPointers())
                .containsExactly(2, 1));
    }

    @Test
    void theClaimsFrequencyAndControlNumberAreCarried() {
        String csv = HEADER + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,24,09:00,09:24,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.claimInfo().claimFrequency()).isEmpty();
        Visit replacement = v.toBuilder().claimInfo(new org.minutewise.core.model.ClaimInfo(
                org.minutewise.core.model.BillingProvider.NONE, Optional.empty(), Optional.empty(),
                org.minutewise.core.model.Subscriber.NONE, Optional.empty(), Optional.of("MB"), Optional.of("7"),
                Optional.of("ICN-1"))).build();
        assertThat(CsvVisitWriter.notCarried(replacement)).contains("claimFilingIndicator")
                .doesNotContain("claimFrequency", "payerClaimControlNumber");
        Visit back = VisitInput.read(CsvVisitWriter.header() + CsvVisitWriter.rows(replacement), VisitFormat.CSV, REF)
                .get(0).visit().get();
        assertThat(back.claimInfo().claimFrequency()).contains("7");
        assertThat(back.claimInfo().payerClaimControlNumber()).contains("ICN-1");
        assertThat(back.claimInfo().claimFilingIndicator()).isEmpty();
    }

    /** The columns read from whichever row carries them; a frequency that is not one character names its line. */
    @Test
    void theClaimFrequencyColumnIsReadFromAnyRowAndChecked() {
        String header = "visitId,dateOfService,payer,planOfCare,code,minutes,role,claimFrequency,payerClaimControlNumber\r\n";
        Visit v = VisitInput.read(header + "V1,2026-03-02,medicare,PT,97112,24,PT,,\r\n"
                + "V1,2026-03-02,medicare,PT,97110,15,PT,8,ICN 77\r\n", VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.claimInfo().claimFrequency()).contains("8");
        assertThat(v.claimInfo().payerClaimControlNumber()).contains("ICN 77");
        List<VisitInput.Result> bad = VisitInput.read(header + "V2,2026-03-02,medicare,PT,97112,24,PT,replace,\r\n",
                VisitFormat.CSV, REF);
        assertThat(bad.get(0).error().get().getMessage()).isEqualTo("line 2, column claimFrequency: expected one "
                + "character like 1 (original), 7 (replacement) or 8 (void), got \"replace\"");
    }

    /**
     * The secondary payer's name, payer id and member id (the 837's 2330B/2330A) have no CSV column: the CSV writer
     * names them. Its profile, claim filing indicator (2320 SBR09) and Medicare secondary payer type (SBR05) have
     * theirs. FHIR carries the name, payer id and member id on the second Coverage, not the filing indicator or the
     * MSP type (nor the primary's filing indicator).
     */
    @Test
    void theSecondaryPayersClaimIdentifiersAreNamedAsNotCarried() {
        String csv = HEADER
                + "V1,2026-03-02,medicare,private-practice,PT,P1,I69.351,97112,24,09:00,09:24,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get().toBuilder()
                .secondaryPayer("commercial").build();
        assertThat(CsvVisitWriter.notCarried(v)).doesNotContain("secondaryPayer", "secondaryPayerId");
        Visit withIds = v.toBuilder().claimInfo(v.claimInfo().withSecondary(new org.minutewise.core.model
                .SecondaryCoverage(Optional.of("Acme Health Plan"), Optional.of("ACME01"), Optional.of("ACM123"),
                Optional.of("BL")))).build();
        String[] ids = {"secondaryPayerName", "secondaryPayerId", "secondaryMemberId"};
        assertThat(CsvVisitWriter.notCarried(withIds)).contains(ids).doesNotContain("secondaryClaimFilingIndicator");
        assertThat(org.minutewise.formats.fhir.FhirVisitWriter.notCarried(withIds, code -> true))
                .contains("secondaryClaimFilingIndicator")
                .doesNotContain("secondaryPayer", "secondaryPayerName", "secondaryPayerId", "secondaryMemberId");
    }

    private static final String SECONDARY_HEADER = "visitId,dateOfService,payer,planOfCare,code,minutes,role,"
            + "secondaryPayer,secondaryClaimFilingIndicator,secondaryInsuranceType\r\n";

    /**
     * The secondary payer (its profile), its claim filing indicator and why Medicare pays second go through CSV in
     * the optional columns of the visit JSON's names, written on every row and read back the same.
     */
    @Test
    void theSecondaryPayerItsFilingIndicatorAndMspTypeRoundTrip() {
        String csv = HEADER + "V1,2026-03-02,commercial,private-practice,PT,P1,I69.351,97112,24,09:00,09:24,T1,PT,,,,,\r\n"
                + "V1,2026-03-02,commercial,private-practice,PT,P1,I69.351,97110,15,09:30,09:45,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        Visit second = v.toBuilder().secondaryPayer("medicare").claimInfo(v.claimInfo().withSecondary(
                new org.minutewise.core.model.SecondaryCoverage(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of("MB"), Optional.of("12")))).build();
        assertThat(CsvVisitWriter.notCarried(second))
                .doesNotContain("secondaryPayer", "secondaryClaimFilingIndicator", "secondaryInsuranceType");
        String rows = CsvVisitWriter.rows(second);
        assertThat(rows.split("\r\n")).hasSize(2).allMatch(r -> r.endsWith(",medicare,MB,12"));
        Visit back = VisitInput.read(CsvVisitWriter.header() + rows, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(back.secondaryPayer()).contains("medicare");
        assertThat(back.claimInfo().secondary()).isEqualTo(second.claimInfo().secondary());
        assertThat(org.minutewise.formats.VisitJsonWriter.write(back))
                .isEqualTo(org.minutewise.formats.VisitJsonWriter.write(second));
        // Given on one row only, as a spreadsheet may; a profile in capitals is that profile, as the payer's is.
        Visit one = VisitInput.read(SECONDARY_HEADER + "V2,2026-03-02,commercial,PT,97112,24,PT,Medicare,mb,43\r\n"
                + "V2,2026-03-02,commercial,PT,97110,15,PT,,,\r\n", VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(one.secondaryPayer()).contains("medicare");
        assertThat(one.claimInfo().secondary().claimFilingIndicator()).contains("MB");
        assertThat(one.claimInfo().secondary().insuranceType()).contains("43");
    }

    /** A file without the columns reads as before: no secondary payer, nothing at it. */
    @Test
    void aFileWithoutTheSecondaryColumnsHasNoSecondaryPayer() {
        Visit v = VisitInput.read(HEADER + "V1,2026-03-02,medicare,,PT,P1,I69.351,97112,24,,,T1,PT,,,,,\r\n",
                VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.secondaryPayer()).isEmpty();
        assertThat(v.claimInfo()).isEqualTo(org.minutewise.core.model.ClaimInfo.NONE);
    }

    /** Bad codes are refused as the visit JSON refuses them, naming the line and the column. */
    @Test
    void badSecondaryCodesNameTheirLineAndColumn() {
        List<VisitInput.Result> rs = VisitInput.read(SECONDARY_HEADER
                + "V1,2026-03-02,medicare,PT,97112,24,PT,commercial,XX,\r\n"
                + "V2,2026-03-02,commercial,PT,97112,24,PT,medicare,MB,99\r\n", VisitFormat.CSV, REF);
        assertThat(rs.get(0).error().get().getMessage()).isEqualTo("line 2, column secondaryClaimFilingIndicator: "
                + "expected a claim filing indicator code (837 SBR09 of the secondary payer's loop 2320) like CI, BL, "
                + "MC or 16, got \"XX\"");
        assertThat(rs.get(1).error().get().getMessage()).startsWith("line 3, column secondaryInsuranceType: expected "
                + "why Medicare pays second (837 SBR05 of loop 2320): 12 working aged").endsWith("got \"99\"");
        List<VisitInput.Result> other = VisitInput.read(SECONDARY_HEADER
                + "V3,2026-03-02,medicare,PT,97112,24,PT,commercial,CI,12\r\n", VisitFormat.CSV, REF);
        assertThat(other.get(0).error().get().getMessage()).startsWith("line 2, column secondaryInsuranceType: a "
                + "reason Medicare pays second");
    }

    /** Like the visit JSON, the filing indicator or MSP type is the secondary payer's: without one it is refused. */
    @Test
    void aSecondaryCodeWithoutASecondaryPayerIsRefused() {
        List<VisitInput.Result> rs = VisitInput.read(SECONDARY_HEADER
                + "V1,2026-03-02,medicare,PT,97112,24,PT,,,\r\n"
                + "V1,2026-03-02,medicare,PT,97110,15,PT,,CI,\r\n", VisitFormat.CSV, REF);
        assertThat(rs.get(0).error().get().getMessage()).startsWith("line 3, column secondaryClaimFilingIndicator: "
                + "given without secondaryPayer on any row of visit V1");
    }

    /** A visit's rows that give different secondary payers, filing indicators or MSP types are refused, named. */
    @Test
    void rowsOfOneVisitThatDisagreeOnTheSecondaryPayerAreRefused() {
        String[][] cases = {
                {"commercial,,", "medicaid,,", "secondaryPayer", "secondary payer"},
                {"commercial,CI,", "commercial,BL,", "secondaryClaimFilingIndicator",
                        "claim filing indicator at the secondary payer"},
                {"medicare,MB,12", "medicare,MB,43", "secondaryInsuranceType", "reason Medicare pays second"}};
        for (String[] c : cases) {
            List<VisitInput.Result> rs = VisitInput.read(SECONDARY_HEADER
                    + "V1,2026-03-02,commercial,PT,97112,24,PT," + c[0] + "\r\n"
                    + "V1,2026-03-02,commercial,PT,97110,15,PT,,,\r\n"
                    + "V1,2026-03-02,commercial,PT,97140,10,PT," + c[1] + "\r\n", VisitFormat.CSV, REF);
            String first = c[0].split(",", -1)[c[2].equals("secondaryPayer") ? 0 : c[2].equals("secondaryInsuranceType")
                    ? 2 : 1];
            String other = c[1].split(",", -1)[c[2].equals("secondaryPayer") ? 0 : c[2].equals("secondaryInsuranceType")
                    ? 2 : 1];
            assertThat(rs).singleElement().satisfies(r -> assertThat(r.error().get().getMessage()).isEqualTo(
                    "line 4, column " + c[2] + ": visit V1 gives \"" + first + "\" on line 2 and \"" + other
                            + "\" here; a visit has one " + c[3]));
        }
    }

    /**
     * A dependent's subscriber (the policy holder, with the patient's relationship to them) and the patient's own name,
     * sex and address have no CSV column: the CSV writer names them; a visit without them names none of them.
     */
    @Test
    void aDependentsSubscriberAndNameAreNamedAsNotCarried() {
        String csv = HEADER
                + "V1,2026-03-02,commercial,private-practice,PT,P1,S93.401A,97110,24,09:00,09:24,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(CsvVisitWriter.notCarried(v)).doesNotContain("subscriber", "subscriber.relationship",
                "patient.lastName", "patient.address");
        org.minutewise.core.model.Patient p = v.patient();
        Visit dependent = v.toBuilder().patient(new org.minutewise.core.model.Patient(p.id(), p.birthDate(),
                p.yearToDate(), p.outsideSpend(), Optional.of("Park"), Optional.of("Mina"), Optional.of("F"),
                Optional.of(new org.minutewise.core.model.Address("9 Maple Ct", Optional.empty(), "Dayton", "OH",
                        "45402")))).claimInfo(new org.minutewise.core.model.ClaimInfo(org.minutewise.core.model.BillingProvider.NONE,
                Optional.empty(), Optional.empty(), new org.minutewise.core.model.Subscriber(Optional.of("ACM1"),
                Optional.of("Park"), Optional.of("Daniel"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("19")), Optional.empty())).build();
        assertThat(CsvVisitWriter.notCarried(dependent)).contains("subscriber", "subscriber.relationship",
                "patient.lastName", "patient.firstName", "patient.sex", "patient.address");
    }

    /** Trailing empty fields are a spreadsheet's; values beyond the header, or a row swallowed by an open quote, are not. */
    @Test
    void extraFieldsAreRefusedUnlessEmpty() {
        String row = "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,";
        assertThat(VisitInput.read(HEADER + row + ",,\r\n", VisitFormat.CSV, REF).get(0).visit()).isPresent();
        assertThat(VisitInput.read(HEADER + row + ",surprise\r\n", VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(Throwable::getMessage).asString().isEqualTo("line 2: expected 18 columns, got 19");
        // The note's quote is never closed on line 2: line 3 ends up inside it, and the record is refused whole.
        String open = HEADER + row + "\"note with an open quote\r\n"
                + "V2,2026-03-02,medicare,,PT,P2,,97110,20,,,T1,PT,,,,,\r\n"
                + "a later line that closes it\"\r\n";
        assertThat(VisitInput.read(open, VisitFormat.CSV, REF)).hasSize(2).first().satisfies(r -> assertThat(
                r.error().orElseThrow().getMessage()).isEqualTo("line 2: a quoted field opened on line 2 is not "
                + "closed before line 3, which looks like a row of its own; close the quote (the record, with the "
                + "lines it took in, is set aside whole)"));
        // A note line full of commas is not a row unless it has a visit id and a date where the header puts them.
        assertThat(VisitInput.read(HEADER + row + "\"first line\r\na,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s\"\r\n",
                VisitFormat.CSV, REF).get(0).visit()).isPresent();
        // A note of several lines is fine.
        assertThat(VisitInput.read(HEADER + row + "\"first line\r\nsecond line, with a comma\"\r\n",
                VisitFormat.CSV, REF).get(0).visit()).isPresent();
    }

    /** A CSV is known by its header row whatever its name; JSON and X12 by their first characters. */
    @Test
    void aCsvIsRecognizedByItsHeaderWhateverItsName() {
        assertThat(VisitFormat.detect("visits.txt", HEADER + "V1,...")).isEqualTo(VisitFormat.CSV);
        assertThat(VisitFormat.detect("export.bin", "\uFEFF" + HEADER)).isEqualTo(VisitFormat.CSV);
        assertThat(VisitFormat.detect("visits.csv.gzip", "anything")).isEqualTo(VisitFormat.CSV);
        assertThat(VisitFormat.detect("visits.txt", "{\"id\":\"V1\"}")).isEqualTo(VisitFormat.JSON);
        assertThat(VisitFormat.detect("visits.txt", "[{\"visitId\":\"a,b\",\"code\":1}]"))
                .isEqualTo(VisitFormat.JSON);
        assertThat(VisitFormat.detect("claims.txt", "ISA*00*")).isEqualTo(VisitFormat.X12);
    }

    /**
     * A file delimited by tabs or ';' (a TSV, a spreadsheet's export in a locale that writes ';') is not read as
     * JSON nor as one column: it cannot be read at all, and the error says why (an auditor's review: a TSV was read
     * as one malformed JSON record and the audit ran on).
     */
    @Test
    void aTabOrSemicolonDelimitedFileCannotBeReadAndSaysWhy() {
        String tsv = "visitId\tdateOfService\tpayer\n";
        assertThat(VisitFormat.unreadable(VisitFormat.detect("t.tsv", tsv), tsv)).get().asString()
                .startsWith("tab-delimited; the CSV layout needs commas (see README.md");
        String semi = "\uFEFF" + HEADER.replace(',', ';');
        assertThat(VisitFormat.unreadable(VisitFormat.detect("semi.csv", semi), semi)).get().asString()
                .startsWith("the header row looks ';'-delimited; the CSV layout needs commas");
        assertThat(VisitFormat.unreadable(VisitFormat.detect("junk.txt", "hello world\n"), "hello world\n")).get()
                .asString().startsWith("not a format Minutewise reads");
        // A CSV (or anything else) named .jsonl: none of its first lines a JSON object, every one would be rejected.
        String csvAsJsonl = HEADER + "\nV1,2026-03-02\nV2,2026-03-03\n";
        assertThat(VisitFormat.unreadable(VisitFormat.detect("v.jsonl", csvAsJsonl), csvAsJsonl)).get().asString()
                .startsWith("not JSON Lines: none of the file's first lines is a JSON object").endsWith("name the "
                        + "file .csv");
        // One bad line among records, or too few lines to tell, is the reader's to reject, and it reads on.
        for (String jsonl : new String[] {"oops\n{\"id\":\"V1\"}\n", "a\nb\n", "a\n\nb\n\n{\"id\":\"V1\"}\nc\n"}) {
            assertThat(VisitFormat.unreadable(VisitFormat.JSONL, jsonl)).as(jsonl).isEmpty();
        }
        // What each reader can read, or say what is wrong with a record of, is left to it.
        for (String[] ok : new String[][] {{"v.csv", HEADER}, {"v.txt", HEADER}, {"v.json", "{\"id\":\"V1\"}"},
            {"v.jsonl", "\n{\"id\":\"V1\"}\n"}, {"v.json", "[1,\t2]"}, {"c.edi", "ISA*00*\t"},
            {"empty.csv", ""}, {"v.jsonl", "not json\n"}, {"b.json", "{\"resourceType\":\"Bundle\"}"}}) {
            assertThat(VisitFormat.unreadable(VisitFormat.detect(ok[0], ok[1]), ok[1])).as(ok[0]).isEmpty();
        }
    }

    /** A header without several required columns names them all; one delimited by ';' or tabs says so. */
    @Test
    void aHeaderNamesEveryMissingColumnAndAnotherDelimiter() throws IOException {
        CsvVisitReader reader = new CsvVisitReader(REF);
        assertThatThrownBy(() -> reader.header(records("visitId,code,role,minutes\r\n").get(0)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("line 1: header row has no columns \"dateOfService\", \"payer\", "
                        + "\"planOfCare\" (required: visitId,dateOfService,payer,planOfCare,code,role;");
        assertThatThrownBy(() -> reader.header(records(HEADER.replace("payer,", "")).get(0)))
                .hasMessageStartingWith("line 1: header row has no column \"payer\" (required:");
        assertThatThrownBy(() -> reader.header(records(HEADER.replace(',', ';')).get(0)))
                .hasMessageStartingWith("line 1: the header row looks ';'-delimited; the CSV layout needs commas");
        assertThatThrownBy(() -> reader.header(records(HEADER.replace(',', '\t')).get(0)))
                .hasMessageStartingWith("line 1: tab-delimited; the CSV layout needs commas");
    }

    /** The roles an unknown role is told to pick from are every role read (SLPA was left out of a hand list). */
    @Test
    void anUnknownRoleListsEveryRole() {
        String row = "V1,2026-03-02,commercial,,SLP,P1,R26.81,92507,30,,,S1,%s,,,,,\r\n";
        assertThat(VisitInput.read(HEADER + String.format(row, "SLPA"), VisitFormat.CSV, REF).get(0).visit())
                .isPresent();
        String message = VisitInput.read(HEADER + String.format(row, "SLP-A"), VisitFormat.CSV, REF).get(0).error()
                .orElseThrow().getMessage();
        assertThat(message).isEqualTo("line 2, column role: expected one of " + Role.wireNames()
                + ", got \"SLP-A\"");
        for (Role r : Role.values()) {
            assertThat(message).contains(" " + r.name() + ",");
        }
    }

    @Test
    void theCertifyingPhysiciansNpiColumnIsReadWrittenAndChecked() {
        String header = HEADER.replace("\r\n", ",certificationPhysician,certificationPhysicianNpi\r\n");
        Visit v = VisitInput.read(header + "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,,Dr. Chen,"
                + "1287654325\r\n", VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.certification().flatMap(Certification::physicianNpi)).contains("1287654325");
        Visit back = VisitInput.read(CsvVisitWriter.header() + CsvVisitWriter.rows(v), VisitFormat.CSV, REF).get(0)
                .visit().get();
        assertThat(back.certification()).isEqualTo(v.certification());
        assertThat(VisitInput.read(header + "V2,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,,Dr. Chen,"
                + "1287654320\r\n", VisitFormat.CSV, REF).get(0).error()).get().extracting(Throwable::getMessage)
                .asString().isEqualTo("line 2, column certificationPhysicianNpi: not a valid NPI (10 digits with a "
                        + "check digit): \"1287654320\"");
    }

    @Test
    void certificationColumnsAreReadWrittenAndCheckedByName() {
        String header = HEADER.replace("\r\n", ",certificationFrom,certificationTo,certificationPhysician\r\n");
        String csv = header
                + "V1,2026-03-02,medicare,,PT,P1,,97112,24,,,T1,PT,,,,,,2026-01-05,2026-04-04,\"Dr. Rivera, MD\"\r\n"
                + "V1,2026-03-02,medicare,,PT,P1,,97110,23,,,T1,PT,,,,,,,,\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.certification()).contains(new Certification(Optional.of(LocalDate.of(2026, 1, 5)),
                Optional.of(LocalDate.of(2026, 4, 4)), Optional.of("Dr. Rivera, MD")));
        Visit back = VisitInput.read(CsvVisitWriter.header() + CsvVisitWriter.rows(v), VisitFormat.CSV, REF).get(0)
                .visit().get();
        assertThat(back.certification()).isEqualTo(v.certification());
        Visit none = VisitInput.read(HEADER + "V2,2026-03-02,medicare,,PT,P2,,97112,24,,,T1,PT,,,,,\r\n",
                VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(none.certification()).isEmpty();
        String backwards = header + "V3,2026-03-02,medicare,,PT,P3,,97112,24,,,T1,PT,,,,,,2026-04-04,2026-01-05,\r\n";
        assertThat(VisitInput.read(backwards, VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(Throwable::getMessage).asString()
                .isEqualTo("line 2, column certificationTo: must not be before certificationFrom 2026-04-04, got "
                        + "2026-01-05");
        String badDate = header + "V4,2026-03-02,medicare,,PT,P4,,97112,24,,,T1,PT,,,,,,2026-13-01,,\r\n";
        assertThat(VisitInput.read(badDate, VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(Throwable::getMessage).asString()
                .isEqualTo("line 2, column certificationFrom: \"2026-13-01\" is not a day of the calendar (check the "
                        + "month and the day)");
    }

    @Test
    void regionsColumnIsReadWrittenAndCheckedByName() {
        String header = HEADER.replace("\r\n", ",regions\r\n");
        String csv = header + "V1,2026-03-02,commercial,,PT,P1,,98941,,,,D1,DC,,,,,,cervical;Lumbar\r\n"
                + "V1,2026-03-02,commercial,,PT,P1,,97140,15,,,D1,DC,,,,,,upper_extremity\r\n";
        Visit v = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.services().get(0).regions()).containsExactly(BodyRegion.CERVICAL, BodyRegion.LUMBAR);
        assertThat(v.services().get(1).regions()).containsExactly(BodyRegion.UPPER_EXTREMITY);
        Visit back = VisitInput.read(CsvVisitWriter.header() + CsvVisitWriter.rows(v), VisitFormat.CSV, REF).get(0)
                .visit().get();
        assertThat(back.services()).isEqualTo(v.services());
        String bad = header + "V2,2026-03-02,commercial,,PT,P2,,97140,15,,,D1,DC,,,,,,lumbar;knee\r\n";
        assertThat(VisitInput.read(bad, VisitFormat.CSV, REF).get(0).error()).get()
                .extracting(Throwable::getMessage).asString()
                .startsWith("line 2, column regions: expected body regions separated by ';' from cervical, ")
                .endsWith("got \"knee\"");
    }

    @Test
    void missingRequiredHeaderColumnIsNamed() {
        assertThatThrownBy(() -> VisitInput.read("visitId,code\r\nV1,97112\r\n", VisitFormat.CSV, REF))
                .isInstanceOf(InputException.class).hasMessageContaining("dateOfService");
    }

    @Test
    void datesAndTimesAreReadAsIsoReadsThem() {
        for (String date : List.of("2026-03-02", "2024-02-29", "0001-01-01", "9999-12-31")) {
            assertThat(CsvVisitReader.date(date)).isEqualTo(LocalDate.parse(date));
        }
        for (String bad : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-3-02", "2026/03/02",
                "26-03-02", "2026-03-0x")) {
            assertThatThrownBy(() -> CsvVisitReader.date(bad)).as(bad).isInstanceOf(DateTimeException.class);
            String row = "V1," + bad + ",medicare,,PT,P1,,97110,23,,,T1,PT,,,,,\r\n";
            assertThat(VisitInput.read(HEADER + row, VisitFormat.CSV, REF).get(0).error()).get()
                    .extracting(InputException::getMessage).asString()
                    .isEqualTo("line 2, column dateOfService: " + (bad.matches("\\d{4}-\\d{2}-\\d{2}")
                            ? "\"" + bad + "\" is not a day of the calendar (check the month and the day)"
                            : "expected a date like 2026-03-02, got \"" + bad + "\""));
        }
        String row = "V1,2026-03-02,medicare,,PT,P1,,97110,,00:00,23:59,T1,PT,,,,,\r\n";
        Visit v = VisitInput.read(HEADER + row, VisitFormat.CSV, REF).get(0).visit().get();
        assertThat(v.services().get(0).periods()).containsExactly(
                new Period(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
    }

    @Test
    void modifierAndTimeChecksAreTheDocumentedPatterns() {
        Pattern mod = Pattern.compile("[0-9A-Z]{2}");
        Pattern time = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
        String chars = "0159AZaz:-/ ";
        for (char a : chars.toCharArray()) {
            for (char b : chars.toCharArray()) {
                String m = "" + a + b;
                assertThat(CsvVisitReader.modifier(m)).as(m).isEqualTo(mod.matcher(m).matches());
            }
        }
        for (String m : List.of("", "G", "GPX")) {
            assertThat(CsvVisitReader.modifier(m)).isFalse();
        }
        for (int h = 0; h < 100; h++) {
            for (int mi = 0; mi < 100; mi += 7) {
                String t = String.format("%02d:%02d", h, mi);
                assertThat(CsvVisitReader.time(t)).as(t).isEqualTo(time.matcher(t).matches());
            }
        }
        for (String t : List.of("9:00", "09:0", "09-00", "09:00 ", "0a:00", "2400", "")) {
            assertThat(CsvVisitReader.time(t)).as(t).isEqualTo(time.matcher(t).matches());
        }
    }

    // ------------------------------------------------------------ header names, control characters, digits

    private static final String ROW = "V1,2026-03-02,medicare,,PT,P1,I69.351,97110,10,,,T1,PT,,3,GP,,note\r\n";

    @Test
    void aLayoutColumnInAnotherCaseIsRefusedNamingItAndTheColumnMeant() throws IOException {
        String header = HEADER.replace(",minutes,", ",Minutes,");
        assertThatThrownBy(() -> new CsvVisitReader(REF).header(records(header).get(0)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("line 1: header column \"Minutes\" is not "
                        + "a column of the layout; did you mean \"minutes\"?");
        assertThatThrownBy(() -> VisitInput.read(HEADER.replace(",billedUnits,", ",billed_units,") + ROW,
                VisitFormat.CSV, REF)).isInstanceOf(InputException.class)
                .hasMessageContaining("\"billed_units\"").hasMessageContaining("did you mean \"billedUnits\"");
        // Near miss: the layout's own spelling, and a column the layout does not have, are read (the latter ignored).
        CsvVisitReader.Header h = new CsvVisitReader(REF).header(records(HEADER.replace("\r\n", ",therapistName\r\n"))
                .get(0));
        assertThat(h.ignored()).containsExactly("therapistName");
        assertThat(h.ignoredNote()).get().asString().isEqualTo("header column \"therapistName\" is not in the CSV "
                + "layout and is ignored (see README.md, \"CSV layout\")");
        assertThat(new CsvVisitReader(REF).header(records(HEADER).get(0)).ignoredNote()).isEmpty();
    }

    @Test
    void anIgnoredColumnCloseToALayoutColumnIsNamedWithIt() throws IOException {
        CsvVisitReader.Header h = new CsvVisitReader(REF).header(records(HEADER.replace(",minutes,", ",Min,")
                .replace("\r\n", ",mins,\r\n")).get(0));
        assertThat(h.ignored()).containsExactly("Min", "mins");
        assertThat(h.ignoredNote()).get().asString().isEqualTo("header columns \"Min\" (nearest layout column: "
                + "\"minutes\"), \"mins\" (nearest layout column: \"minutes\") are not in the CSV layout and are "
                + "ignored (see README.md, \"CSV layout\")");
        assertThat(VisitInput.ignoredColumns(HEADER.replace(",minutes,", ",Min,") + ROW, VisitFormat.CSV, REF))
                .get().asString().contains("\"Min\" (nearest layout column: \"minutes\")");
        // Near miss: nothing close, nothing named; not a CSV, nothing said.
        assertThat(CsvVisitReader.nearest("therapistName")).isNull();
        assertThat(CsvVisitReader.nearest("id")).isNull();
        assertThat(VisitInput.ignoredColumns("{}", VisitFormat.JSON, REF)).isEmpty();
    }

    @Test
    void aColumnNamedTwiceIsRefusedNamingIt() throws IOException {
        assertThatThrownBy(() -> new CsvVisitReader(REF).header(records(HEADER.replace("\r\n", ",note\r\n"))
                .get(0))).isInstanceOf(InputException.class).hasMessageStartingWith("line 1: header column \"note\" "
                        + "comes twice (columns 18 and 19)");
        assertThatThrownBy(() -> new CsvVisitReader(REF).header(records(HEADER.replace(",note\r\n", ",code\r\n"))
                .get(0))).isInstanceOf(InputException.class).hasMessageContaining("\"code\" comes twice");
        // Near miss: blank names (a spreadsheet's trailing commas) may repeat, and rows may carry their empty fields.
        String header = HEADER.replace("\r\n", ",,\r\n");
        assertThat(new CsvVisitReader(REF).header(records(header).get(0)).ignored()).isEmpty();
        assertThat(VisitInput.read(header + ROW.replace("\r\n", ",,\r\n"), VisitFormat.CSV, REF).get(0).visit())
                .isPresent();
    }

    @Test
    void aControlCharacterInAFieldIsABadRowNamingLineAndColumn() {
        List<VisitInput.Result> rs = VisitInput.read(HEADER + ROW.replace(",P1,", ",P\u0000B,"), VisitFormat.CSV, REF);
        assertThat(rs.get(0).error()).get().extracting(Throwable::getMessage).asString().isEqualTo("line 2, column "
                + "patientId: holds the control character U+0000 at character 2 of the field; remove it (only tabs and "
                + "line breaks are kept, in a quoted field)");
        assertThat(VisitInput.read(HEADER + ROW.replace(",note\r", ",\"a \u001B[31m note\"\r"), VisitFormat.CSV, REF)
                .get(0).error()).get().extracting(Throwable::getMessage).asString().contains("column note: holds the "
                        + "control character U+001B");
        // Near miss: a tab and a line break in a quoted note are kept.
        List<VisitInput.Result> ok = VisitInput.read(HEADER + ROW.replace(",note\r", ",\"two\tparts\nof it\"\r"),
                VisitFormat.CSV, REF);
        assertThat(ok.get(0).visit()).get().extracting(v -> v.note().orElseThrow()).isEqualTo("two\tparts\nof it");
    }

    /**
     * A record known to be plain (no control character: the batch audit's byte split tells) reads as it reads when
     * not known to be; the reader then skips its scans for control characters and swallowed rows.
     */
    @Test
    void aPlainRecordReadsAsAnyOther() throws IOException {
        CsvVisitReader reader = new CsvVisitReader(REF);
        List<CsvRecordReader.Record> rs = records(HEADER + ROW.replace(",note\r", ",\"a note, \"\"quoted\"\" é\"\r"));
        CsvVisitReader.Header h = reader.header(rs.get(0));
        CsvRecordReader.Record r = rs.get(1);
        assertThat(r.plain()).as("the record reader does not tell").isFalse();
        assertThat(reader.row(h, new CsvRecordReader.Record(r.line(), r.fields(), true))).isEqualTo(reader.row(h, r));
    }

    @Test
    void digitsOtherThanAsciiAreABadRow() {
        assertThat(VisitInput.read(HEADER + ROW.replace(",97110,10,", ",97110,\uFF11\uFF15,"), VisitFormat.CSV, REF)
                .get(0).error()).get().extracting(Throwable::getMessage).asString().isEqualTo("line 2, column "
                        + "minutes: expected a whole number in the digits 0-9, got \"\uFF11\uFF15\"");
        assertThat(VisitInput.read(HEADER + ROW.replace(",3,GP,,", ",\u0663,GP,,"), VisitFormat.CSV, REF)
                .get(0).error()).get().extracting(Throwable::getMessage).asString().contains("column billedUnits");
        assertThat(VisitInput.read(HEADER + ROW.replace(",3,GP,,", ",3,GP,\uFF16\uFF15.00,"), VisitFormat.CSV, REF)
                .get(0).error()).get().extracting(Throwable::getMessage).asString().contains("column charge");
        // Near miss: ASCII digits.
        assertThat(VisitInput.read(HEADER + ROW.replace(",3,GP,,", ",3,GP,65.00,"), VisitFormat.CSV, REF).get(0)
                .visit()).get().extracting(v -> v.services().get(0).minutes()).isEqualTo(10);
    }

    @Test
    void aRowWithoutAVisitIdSetsAsideTheVisitsOfItsPatientAndDate() {
        String csv = HEADER
                + "N-05,2026-03-05,medicare,,PT,R5,I69.351,97110,30,,,T1,PT,,2,GP,,\"Total timed minutes 50\"\r\n"
                + ",2026-03-05,medicare,,PT,R5,I69.351,97112,20,,,T1,PT,,1,GP,,\r\n"
                + "N-06,2026-03-05,medicare,,PT,R6,I69.351,97110,30,,,T1,PT,,2,GP,,\r\n"
                + "N-07,2026-03-06,medicare,,PT,R5,I69.351,97110,30,,,T1,PT,,2,GP,,\r\n";
        List<VisitInput.Result> rs = VisitInput.read(csv, VisitFormat.CSV, REF);
        assertThat(rs.stream().filter(r -> r.error().isPresent()).map(r -> r.error().get().getMessage()))
                .containsExactly("line 3, column visitId: required", "line 2: visit N-05: the row on line 3 has no "
                        + "visitId but the same patient and date (R5 on 2026-03-05), so it may be this visit's, so its "
                        + "other row (line 2) is set aside rather than checked incomplete");
        // Near miss: another patient that day, and the same patient another day, are read.
        assertThat(rs.stream().flatMap(r -> r.visit().stream()).map(Visit::id)).containsExactly("N-06", "N-07");
    }
}
