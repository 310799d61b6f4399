package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --icd10-file on check, convert --out x12 and audit (a coder's review: I69.999 and R26.811 passed the check and went
 * out as HI*ABK:I69999*ABF:R26811). The fixture is a small synthetic order file in the CMS fixed-width layout.
 */
final class Icd10FileCliTest {
    /** Columns 1-5 order number, 7-13 code, 15 header flag, 17-76 short text, 78- long text; synthetic texts. */
    private static final String ORDER_FILE = """
            00001 I69     0 Sequelae of cerebrovascular disease (synthetic)             Synthetic long text
            00002 I6935   0 Hemiplegia after stroke (synthetic)                          Synthetic long text
            00003 I69351  1 Hemiplegia after stroke, right dominant (synthetic)          Synthetic long text
            00004 R2681   1 Unsteadiness on feet (synthetic)                             Synthetic long text
            """;

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path tmp;
    Path codes;
    Path madeUp;
    Path good;

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void files() throws IOException {
        codes = Files.writeString(tmp.resolve("icd10cm_order_2026.txt"), ORDER_FILE);
        String visit = Files.readString(Repo.example("claim-visit.json"));
        good = Files.writeString(tmp.resolve("good.json"), visit);
        madeUp = Files.writeString(tmp.resolve("made-up.json"),
                visit.replace("\"diagnoses\": [\"I69.351\", \"R26.81\"]", "\"diagnoses\": [\"I69.999\", \"R26.811\"]"));
        assertThat(Files.readString(madeUp)).contains("I69.999");
    }

    @Test
    void checkBlocksACodeNotInTheFileNamingItsYear() {
        Run r = run("check", madeUp.toString(), "--icd10-file", codes.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(Main.BLOCKED);
        assertThat(r.out()).contains("MW-C015").contains("I69.999 is not in the ICD-10-CM code set "
                + "(icd10cm_order_2026.txt, ICD-10-CM FY2026)").contains("R26.811 is not in the ICD-10-CM code set")
                .contains("Status: BLOCKED");
    }

    /**
     * A visit of FY2025 (to 2025-09-30) against FY2026's file: a code the file lacks may have been valid then, so it
     * is a warning naming both years (MW-C016), and the check does not block on it.
     */
    @Test
    void aFileOfAnotherFiscalYearWarnsInsteadOfBlocking() throws IOException {
        Path earlier = Files.writeString(tmp.resolve("earlier.json"), Files.readString(madeUp)
                .replace("\"dateOfService\": \"2026-03-02\"", "\"dateOfService\": \"2025-09-30\""));
        assertThat(Files.readString(earlier)).contains("2025-09-30");
        Run r = run("check", earlier.toString(), "--icd10-file", codes.toString());
        assertThat(r.out()).doesNotContain("MW-C015").contains("WARN MW-C016 at diagnoses[0]")
                .contains("I69.999 is not in the loaded ICD-10-CM code set (icd10cm_order_2026.txt, ICD-10-CM "
                        + "FY2026), but the date of service 2025-09-30 falls in FY2025")
                .contains("another fiscal year's than the date of service's (FY2025): a code it lacks is a warning "
                        + "only.");
        // The example's certification starts in 2026: that blocks (MW-P001), nothing about the diagnoses does.
        assertThat(r.out().lines().filter(l -> l.contains("BLOCK MW-"))).containsExactly(
                "  BLOCK MW-P001 at certification.from");
    }

    /** Near miss: the same visit with codes of the file passes; without the file nothing is looked up. */
    @Test
    void codesOfTheFileAndNoFileDoNotBlock() {
        Run r = run("check", good.toString(), "--icd10-file", codes.toString());
        assertThat(r.out()).doesNotContain("MW-C015");
        assertThat(r.code()).as(r.out()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("Diagnoses I69.351, R26.81: looked up in the ICD-10-CM code set "
                + "(icd10cm_order_2026.txt, ICD-10-CM FY2026).");
        Run without = run("check", madeUp.toString());
        assertThat(without.out()).doesNotContain("MW-C015");
        assertThat(without.code()).as(without.out()).isEqualTo(Main.OK);
        // No output claims a code was verified that was not: the text says how far the diagnoses were checked.
        assertThat(without.out()).contains("Diagnoses I69.999, R26.811: checked by their shape and ICD-10-CM "
                + "category only, not looked up in the code set; --icd10-file FILE");
    }

    /** convert writes a visit whose findings block with a note naming them (as for any blocking finding). */
    @Test
    void convertToX12NamesTheBlockWithTheFile() {
        Run r = run("convert", madeUp.toString(), "--out", "x12", "--icd10-file", codes.toString());
        assertThat(r.err()).isEqualTo("minutewise: note: visit V-2001 is written with findings that block its claim "
                + "(MW-C015); see check --json before it is sent" + System.lineSeparator());
        Run without = run("convert", madeUp.toString(), "--out", "x12");
        assertThat(without.err()).doesNotContain("MW-C015");
        Run ok = run("convert", good.toString(), "--out", "x12", "--icd10-file", codes.toString());
        assertThat(ok.code()).as(ok.err()).isEqualTo(Main.OK);
        assertThat(ok.out()).contains("HI*ABK:I69351*ABF:R2681");
    }

    @Test
    void auditReportsTheCodeNotInTheFile() throws IOException {
        Path out = tmp.resolve("audit");
        Run r = run("audit", madeUp.toString(), "--out", out.toString(), "--icd10-file", codes.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.BLOCKED);
        assertThat(Files.readString(out.resolve("findings.csv"))).contains("MW-C015").contains("I69.999");
        Path out2 = tmp.resolve("audit2");
        run("audit", good.toString(), "--out", out2.toString(), "--icd10-file", codes.toString());
        assertThat(Files.readString(out2.resolve("findings.csv"))).doesNotContain("MW-C015");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Run r = run("check", good.toString(), "--icd10-file", tmp.resolve("nope.txt").toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("nope.txt").contains("no such file");
    }
}
