package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.minutewise.cli.AuditCliTest.Run;
import org.minutewise.formats.x12.X12Validator;

/**
 * The X12 options of {@code check} and {@code convert} (one mixin, the same flags on both: the envelope, a production
 * interchange, the submitter), and what reading an 837 does not keep, said on stderr by both commands.
 */
final class CliX12Test {
    private static final String CREATED = "2026-03-02T10:15";
    private static final String[] ENVELOPE = {"--x12-sender", "RIVERSIDE", "--x12-receiver", "CLEARHOUSE",
        "--x12-control", "42", "--x12-created", CREATED, "--x12-production", "--x12-submitter-name", "Riverside PT",
        "--x12-submitter-contact", "Jane Biller", "--x12-submitter-phone", "6145550100"};

    private static Run run(String... args) {
        return AuditCliTest.run(args);
    }

    private static String[] args(String command, String file, String... flags) {
        return Stream.concat(Stream.concat(Stream.of(command, "--out", "x12"), Arrays.stream(flags)), Stream.of(file))
                .toArray(String[]::new);
    }

    private static Path read837(String name) {
        return Repo.root().resolve("formats/src/test/resources/x12/read").resolve(name);
    }

    /**
     * convert --out x12 sets the envelope as check does: sender, receiver, first control number, creation time, a
     * production interchange (ISA15 P) and the submitter of 1000A (NM103, PER02, PER04); both commands write the
     * same bytes, which validate. Two runs with other control numbers no longer give the same ISA13.
     */
    @Test
    void convertSetsTheEnvelopeAsCheckDoes() {
        String claim = Repo.example("claim-visit.json").toString();
        Run convert = run(args("convert", claim, ENVELOPE));
        assertThat(convert.code()).as(convert.err()).isIn(0, 1);
        assertThat(convert.out()).startsWith("ISA*00*          *00*          *ZZ*RIVERSIDE      *ZZ*CLEARHOUSE     "
                + "*260302*1015*^*00501*000000042*0*P*:~\nGS*HC*RIVERSIDE*CLEARHOUSE*20260302*1015*42*X*005010X222A1~")
                .contains("\nNM1*41*2*Riverside PT*****46*RIVERSIDE~\nPER*IC*Jane Biller*TE*6145550100~\n")
                .contains("\nNM1*40*2*CLEARHOUSE*****46*CLEARHOUSE~\n").endsWith("IEA*1*000000042~\n");
        assertThat(X12Validator.validate(convert.out())).isEmpty();
        // Every placeholder was replaced: no note about them.
        assertThat(convert.err()).doesNotContain("placeholder");
        Run check = run(args("check", claim, ENVELOPE));
        assertThat(check.code()).isEqualTo(convert.code());
        assertThat(check.out()).isEqualTo(convert.out());
        Run next = run(args("convert", claim, "--x12-control", "43", "--x12-created", CREATED));
        assertThat(next.out()).contains("*00501*000000043*0*T*:~").contains("\nGE*1*43~");
    }

    /** Without the flags convert writes what it wrote: a test interchange (T) from MINUTEWISE, the placeholders. */
    @Test
    void theDefaultsAreATestInterchangeWithThePlaceholders() {
        String claim = Repo.example("claim-visit.json").toString();
        for (String command : List.of("convert", "check")) {
            Run r = run(args(command, claim, "--x12-created", CREATED));
            assertThat(r.code()).as(r.err()).isIn(0, 1);
            assertThat(r.out()).startsWith("ISA*00*          *00*          *ZZ*MINUTEWISE     *ZZ*RECEIVER       "
                    + "*260302*1015*^*00501*000000001*0*T*:~")
                    .contains("\nNM1*41*2*MINUTEWISE*****46*MINUTEWISE~\nPER*IC*BILLING OFFICE*TE*8005550100~\n");
            assertThat(r.err()).doesNotContain("placeholder").doesNotContain("not carried");
        }
    }

    /**
     * A production interchange still holding a placeholder is written (the exit is as without the flag), with a note
     * naming each flag left at its placeholder.
     */
    @Test
    void aProductionInterchangeWithPlaceholdersIsSaid() {
        String claim = Repo.example("claim-visit.json").toString();
        Run test = run(args("convert", claim, "--x12-created", CREATED));
        Run r = run(args("convert", claim, "--x12-created", CREATED, "--x12-production", "--x12-receiver",
                "CLEARHOUSE"));
        assertThat(r.code()).isEqualTo(test.code());
        assertThat(r.out()).contains("*0*P*:~");
        assertThat(r.errLines()).contains("minutewise: note: a production interchange (--x12-production, ISA15 P) "
                + "with the placeholder --x12-sender MINUTEWISE, --x12-submitter-name MINUTEWISE, "
                + "--x12-submitter-contact BILLING OFFICE, --x12-submitter-phone 8005550100: set the values your "
                + "trading partner gave you before it is sent");
    }

    /** A value the envelope refuses is a usage error naming its flag, on both commands, and nothing is written. */
    @Test
    void badValuesAreNamedByTheirFlag() {
        String claim = Repo.example("claim-visit.json").toString();
        for (String command : List.of("convert", "check")) {
            assertFlagError(run(args(command, claim, "--x12-submitter-phone", "614-555-0100")),
                    "minutewise: --x12-submitter-phone: expected digits only, area code first (10 or more), got "
                            + "\"614-555-0100\"");
            assertFlagError(run(args(command, claim, "--x12-submitter-name", "Riverside*PT")),
                    "minutewise: --x12-submitter-name: contains \"*\", which X12 reserves as a delimiter");
            assertFlagError(run(args(command, claim, "--x12-submitter-contact", " ")),
                    "minutewise: --x12-submitter-contact: must not be empty");
            assertFlagError(run(args(command, claim, "--x12-sender", "bad!")), "minutewise: --x12-sender: 2 to 15");
            assertFlagError(run(args(command, claim, "--x12-control", "0")), "minutewise: --x12-control: must be from 1");
            assertFlagError(run(args(command, claim, "--x12-created", "2026-03-02")),
                    "minutewise: --x12-created: expected a date and time like 2026-03-02T10:15");
        }
    }

    private static void assertFlagError(Run r, String start) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith(start)
                .doesNotContain("envelope."));
    }

    /** check and convert show the same X12 options, with the same help texts (one mixin). */
    @Test
    void bothCommandsShowTheSameX12Options() {
        List<String> check = x12Lines(run("check", "--help").out());
        List<String> convert = x12Lines(run("convert", "--help").out());
        assertThat(check).isEqualTo(convert);
        String help = String.join(" ", check);
        assertThat(help).contains("X12 interchange sender id (default: MINUTEWISE).")
                .contains("X12 interchange receiver id (default: RECEIVER).")
                .contains("First X12 interchange control number (default: 1).")
                .contains("Creation date and time written in the X12 envelope (default: now).")
                .contains("--x12-production").contains("--x12-submitter-name=NAME")
                .contains("--x12-submitter-contact=NAME").contains("--x12-submitter-phone=DIGITS");
    }

    /** The help lines of the X12 options, each option with its description lines. */
    private static List<String> x12Lines(String help) {
        List<String> out = new java.util.ArrayList<>();
        boolean in = false;
        for (String line : help.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("-")) {
                in = t.startsWith("--x12-");
            }
            if (in) {
                out.add(t);
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    /**
     * An 837 claim to the secondary payer (2000B SBR01 S): convert --out x12 writes it to that payer as the primary
     * (SBR*P), and says so on stderr, as check does, by the visit and the SBR's position; the exit is what it was.
     */
    @Test
    void aClaimToTheSecondaryPayerIsSaidByConvertAndCheck() {
        String edi = read837("to-secondary-payer.edi").toString();
        Run convert = run(args("convert", edi, "--x12-created", CREATED));
        assertThat(convert.code()).as(convert.err()).isZero();
        assertThat(convert.out()).contains("\nSBR*P*18*******CI~\n").doesNotContain("SBR*S");
        String secondary = "minutewise: visit PC12345: not carried: segment 18 (SBR) element 1: claim PC12345 is sent "
                + "to the secondary payer (2000B SBR01 S): it is read as a visit billed to ACME HEALTH";
        assertThat(convert.errLines()).anySatisfy(l -> assertThat(l).startsWith(secondary)
                .contains("(2320 SBR01 P at segment 37, MEDICARE) and their adjudication (AMT*D at segment 38)")
                .endsWith("a claim to ACME HEALTH as the primary payer (2000B SBR01 P) without what the other payers "
                        + "paid: do not send it as the claim to the secondary payer"));
        assertThat(convert.errLines()).anySatisfy(l -> assertThat(l).startsWith("minutewise: visit PC12345: not "
                + "carried: segment 24 (CLM): claim PC12345 is read without segments payers may need")
                .contains("REF*G1 prior authorization at segment 28").contains("2310C service facility (NM1*77)"));
        Run check = run("check", "--json", edi);
        assertThat(check.code()).isZero();
        assertThat(check.errLines()).isEqualTo(convert.errLines());
        // Any output of convert says them (json here), as check does whatever its output.
        Run json = run("convert", "--out", "json", edi);
        assertThat(json.code()).isZero();
        assertThat(json.errLines()).isEqualTo(convert.errLines());
    }

    /**
     * An 837 claim of two dates is two visits, PC12345@date: convert --out x12 writes two claims under those ids and
     * says so once, by the first visit.
     */
    @Test
    void aClaimOfTwoDatesIsSaidByConvert() {
        Run r = run(args("convert", read837("two-dates.edi").toString(), "--x12-created", CREATED));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\nCLM*PC12345@2026-03-04*").contains("\nCLM*PC12345@2026-03-02*");
        assertThat(r.errLines()).filteredOn(l -> l.contains("dates of service")).singleElement()
                .isEqualTo("minutewise: visit PC12345@2026-03-04: not carried: segment 24 (CLM): claim PC12345's "
                        + "lines fall on 2 dates of service, so it is read as one visit per date, PC12345@2026-03-04, "
                        + "PC12345@2026-03-02, each checked (and written to an 837) as a claim of its own under that "
                        + "id; the payer's remittance (835) answers claim PC12345 and will not match these ids");
        assertThat(r.errLines()).noneMatch(l -> l.startsWith("minutewise: visit PC12345@2026-03-02"));
    }

    /** convert says a FHIR Bundle's read notes too (it said none); the exit is what it was. */
    @Test
    void convertSaysTheFhirReadersNotes() {
        Path bundle = Repo.root().resolve("formats/src/test/resources/fhir/in/stroke-visit.fhir.json");
        Run r = run("convert", "--out", "json", bundle.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("not carried: Bundle.entry[");
        assertThat(run("check", "--json", bundle.toString()).err()).contains(r.err().strip().split("\\R")[0]);
    }
}
