package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.cli.AuditCliTest.Run;

/**
 * The CLI's answers to the second review: an 837 of the claims that can be written (the others said with their place
 * in the input), the x12 flags named in their errors, --json beside another --out, audit --resume on a directory
 * that holds no clean audit, a duplicate visit's rows keeping their own errors, and serve --data on a file.
 */
final class Review2CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV_HEADER = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,"
            + "minutes,start,end,providerId,role,mode,note";
    private static final String NOTE = "\"Neuromuscular reeducation 24 min: balance training with verbal cues; "
            + "goal: Berg 45/56. Therapeutic exercise 23 min: hip strengthening. Plan: progress gait.\"";

    /** Where the 837 puts the billing provider's NPI, as its error names it. */
    private static final String NPI_LOOP = "(2010AA NM109, the billing provider's NPI)";

    @TempDir
    Path tmp;

    private static Run run(String... args) {
        return AuditCliTest.run(args);
    }

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static ObjectNode claimVisit() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Repo.example("claim-visit.json")));
    }

    /** Two claims, the second without a billing provider: a JSON array, and the same as JSON Lines. */
    private ObjectNode[] goodAndBad() throws IOException {
        ObjectNode good = claimVisit();
        ObjectNode bad = claimVisit();
        bad.put("id", "V-NOBILL").remove("billingProvider");
        return new ObjectNode[] {good, bad};
    }

    /**
     * An 837 of a batch whose second visit has no billing provider: the first claim is written, the second said on
     * stderr with its place in the input ([1]), its id and the missing field, exit 2 (as json and csv outputs do with
     * a bad visit). It was all or nothing: exit 2 and an empty stdout.
     */
    @Test
    void checkWritesTheClaimsItCanAndNamesTheOthersByTheirPlaceInTheInput() throws IOException {
        ObjectNode[] v = goodAndBad();
        ArrayNode both = JSON.createArrayNode().add(v[0]).add(v[1]);
        Path json = file("claims2.json", both.toString());
        String goodId = v[0].get("id").asText();
        Run r = run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15", json.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).startsWith("ISA*").contains("CLM*" + goodId + "*").doesNotContain("V-NOBILL");
        // The billing provider left out whole: each of its fields the 837 needs, all at once, the last line saying so.
        assertThat(r.errLines()).containsExactly(
                "minutewise: [1].billingProvider.npi: required for X12 837P " + NPI_LOOP + " (visit V-NOBILL)",
                "minutewise: [1].billingProvider.taxId: required for X12 837P (2010AA REF*EI, the billing provider's tax "
                        + "id) (visit V-NOBILL)",
                "minutewise: [1].billingProvider.name: required for X12 837P (2010AA NM103) (visit V-NOBILL)",
                "minutewise: [1].billingProvider.address: required for X12 837P (2010AA N3/N4, a street address with a "
                        + "9-digit ZIP) (visit V-NOBILL): its claim is not in the 837; the others are written");

        // The bad visit first: its place is [0]; the good one is still written.
        Path reversed = file("claims2r.json", JSON.createArrayNode().add(v[1]).add(v[0]).toString());
        Run r2 = run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15", reversed.toString());
        assertThat(r2.code()).isEqualTo(2);
        assertThat(r2.out()).isEqualTo(r.out());
        assertThat(r2.err()).contains("minutewise: [0].billingProvider.npi: required for X12 837P " + NPI_LOOP
                + " (visit V-NOBILL)");

        // A visit that could not be read before them does not shift the place: [2], not the checked result's [1].
        ObjectNode unreadable = claimVisit();
        unreadable.put("id", "V-BADDATE").put("dateOfService", "2026-02-30");
        Path three = file("claims3.json", JSON.createArrayNode().add(unreadable).add(v[0]).add(v[1]).toString());
        Run r3 = run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15", three.toString());
        assertThat(r3.code()).isEqualTo(2);
        assertThat(r3.out()).isEqualTo(r.out());
        assertThat(r3.err()).contains("minutewise: [2].billingProvider.npi: required for X12 837P " + NPI_LOOP
                + " (visit V-NOBILL)")
                .contains("[0].dateOfService");

        // JSON Lines: the line, counting a blank line.
        Path jsonl = file("claims2.jsonl", "\n" + v[0] + "\n" + v[1] + "\n");
        Run l = run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15", jsonl.toString());
        assertThat(l.code()).isEqualTo(2);
        assertThat(l.out()).isEqualTo(r.out());
        assertThat(l.err()).contains("minutewise: line 3, billingProvider.npi: required for X12 837P " + NPI_LOOP
                + " (visit V-NOBILL)");
    }

    /** A single visit the 837 cannot carry: exit 2, nothing written, the field named (as before). */
    @Test
    void aSingleVisitThe837CannotCarryWritesNothing() throws IOException {
        Path one = file("one.json", goodAndBad()[1].toString());
        Path output = tmp.resolve("out.edi");
        Run r = run("check", "--out", "x12", "--output", output.toString(), one.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(output).doesNotExist();
        assertThat(r.errLines()).hasSize(4).first().isEqualTo("minutewise: billingProvider.npi: required for X12 837P "
                + NPI_LOOP + " (visit V-NOBILL)");
        assertThat(r.errLines().get(3)).endsWith("(visit V-NOBILL): its claim is not in the 837");
    }

    /**
     * check --out x12 and convert --out x12 treat a claim that a finding blocks alike: it is written, stderr names the
     * visit and the blocking finding ids, and the exit is 1 (convert said it but ended 0, check ended 1 and said
     * nothing). Near miss: the clean claim beside it in the batch is not named, and alone it ends 0 with no note.
     */
    @Test
    void checkAndConvertWriteABlockedClaimAlikeAndEndWithOne() throws IOException {
        ObjectNode blocked = claimVisit();
        blocked.put("id", "V-BLOCK").put("totalTreatmentMinutes", 30); // 47 timed minutes: MW-D012 blocks
        ObjectNode clean = claimVisit();
        Path both = file("blocked.json", JSON.createArrayNode().add(clean).add(blocked).toString());
        String note = "minutewise: note: visit V-BLOCK is written with findings that block its claim (MW-D012); "
                + "see check --json before it is sent";
        Run check = run("check", "--out", "x12", both.toString());
        Run convert = run("convert", "--out", "x12", both.toString());
        for (Run r : List.of(check, convert)) {
            assertThat(r.code()).as(r.err()).isEqualTo(Main.BLOCKED);
            assertThat(r.out()).contains("CLM*V-BLOCK*").contains("CLM*" + clean.get("id").asText() + "*");
            assertThat(r.errLines()).containsExactly(note);
        }
        Path alone = file("clean.json", clean.toString());
        for (String cmd : List.of("check", "convert")) {
            Run r = run(cmd, "--out", "x12", alone.toString());
            assertThat(r.code()).as(cmd + ": " + r.err()).isEqualTo(Main.OK);
            assertThat(r.err()).as(cmd).isEmpty();
        }
    }

    /** convert --out x12 alike: the good claim written, the bad one named; no "written with findings" for it. */
    @Test
    void convertWritesTheClaimsItCan() throws IOException {
        ObjectNode[] v = goodAndBad();
        Path json = file("claims2.json", JSON.createArrayNode().add(v[0]).add(v[1]).toString());
        Run r = run("convert", "--out", "x12", json.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("CLM*" + v[0].get("id").asText() + "*").doesNotContain("V-NOBILL");
        assertThat(r.err()).contains("minutewise: [1].billingProvider.npi: required for X12 837P " + NPI_LOOP
                + " (visit V-NOBILL)")
                .doesNotContain("visit V-NOBILL is written");
    }

    /** The CSV layout has no billing provider: an 837 of a CSV input is refused saying so, before any visit. */
    @Test
    void anX12OfACsvInputSaysTheLayoutHasNoBillingProvider() throws IOException {
        Path csv = file("g.csv", CSV_HEADER + "\nV-1,2026-03-02,medicare,private-practice,PT,P-1,I69.351,97112,24,"
                + "09:00,09:24,T1,PT,one-on-one," + NOTE + "\n");
        for (String cmd : List.of("check", "convert")) {
            Run r = run(cmd, "--out", "x12", csv.toString());
            assertThat(r.code()).as(cmd).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).as(cmd).singleElement().satisfies(l -> assertThat(l).startsWith(
                    "minutewise: --out x12: the CSV layout has no billing provider").contains("visit JSON"));
        }
        // Near-miss: the same CSV to another output is checked as before.
        assertThat(run("check", "--out", "csv", csv.toString()).code()).isIn(0, 1);
    }

    /** Near-miss: a valid claim still comes out whole, exit 0 or 1, nothing said of a claim left out. */
    @Test
    void aValidClaimIsWrittenAsBefore() throws IOException {
        Run r = run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15",
                Repo.example("claim-visit.json").toString());
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).startsWith("ISA*").contains("*260302*1015*").endsWith("~\n");
        assertThat(r.err()).doesNotContain("not in the 837");
    }

    /** --x12-created past 9999 and envelope values are usage errors naming the flag (was: DateTimeException). */
    @Test
    void theX12FlagsAreNamedInTheirErrors() {
        String claim = Repo.example("claim-visit.json").toString();
        Run far = run("check", "--out", "x12", "--x12-created", "+99999-01-01T10:00", claim);
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("minutewise: --x12-created: expected a year from 1 to 9999"));
        Run sender = run("check", "--out", "x12", "--x12-sender", "bad!", claim);
        assertThat(sender.code()).isEqualTo(2);
        assertThat(sender.err()).startsWith("minutewise: --x12-sender: 2 to 15 characters").doesNotContain("envelope");
        Run receiver = run("check", "--out", "x12", "--x12-receiver", "R", claim);
        assertThat(receiver.err()).startsWith("minutewise: --x12-receiver: ");
        Run control = run("check", "--out", "x12", "--x12-control", "0", claim);
        assertThat(control.code()).isEqualTo(2);
        assertThat(control.err()).startsWith("minutewise: --x12-control: must be from 1");
        // The highest control number is valid for a one-group interchange (it was refused, "from 1 to 999999998");
        // one past it is refused with the same bound the flag states.
        Run top = run("check", "--out", "x12", "--x12-control=999999999", claim);
        assertThat(top.code()).as(top.err()).isIn(0, 1);
        assertThat(top.out()).contains("*00501*999999999*").contains("\nGE*1*999999999~");
        Run over = run("check", "--out", "x12", "--x12-control=1000000000", claim);
        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err()).startsWith("minutewise: --x12-control: must be from 1 to 999999999, got 1000000000");
        // Near-miss: the last year X12 can write.
        Run last = run("check", "--out", "x12", "--x12-created", "9999-12-31T23:59", claim);
        assertThat(last.code()).as(last.err()).isIn(0, 1);
        assertThat(last.out()).contains("*99991231*2359*");
    }

    /**
     * A batch of an 837P and an 837I is two groups, GS06 N and N+1: --x12-control=999999999 is refused there naming
     * the flag and the bound for two groups, and 999999998 is written.
     */
    @Test
    void theX12ControlBoundOfAMixedBatchIsNamed() throws IOException {
        ObjectNode p = claimVisit();
        ObjectNode i = claimVisit().deepCopy();
        i.put("id", "V-I1").put("setting", "hospital-outpatient").remove("placeOfService");
        String batch = file("mixed.json", JSON.writeValueAsString(JSON.createArrayNode().add(p).add(i))).toString();
        Run top = run("check", "--out", "x12", "--x12-control=999999999", batch);
        assertThat(top.code()).isEqualTo(2);
        assertThat(top.errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("minutewise: "
                + "--x12-control: must be from 1 to 999999998 for an interchange of 2 functional groups"));
        assertThat(top.out()).isEmpty();
        Run below = run("check", "--out", "x12", "--x12-control=999999998", batch);
        assertThat(below.code()).as(below.err()).isIn(0, 1);
        assertThat(below.out()).contains("\nGE*1*999999998~").contains("\nGE*1*999999999~");
    }

    /** --json is --out json: with another --out it is a usage error; with --out json it is what it was. */
    @Test
    void jsonBesideAnotherOutIsAUsageError() {
        String stroke = Repo.example("stroke-visit.json").toString();
        Run r = run("check", "--json", "--out", "csv", stroke);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("minutewise: --json is --out json: it cannot go with --out csv"));
        Run same = run("check", "--json", "--out", "json", stroke);
        assertThat(same.code()).as(same.err()).isIn(0, 1);
        assertThat(same.out()).isEqualTo(run("check", "--json", stroke).out());
    }

    private Path csvVisit(String name, String minutes) throws IOException {
        return file(name, CSV_HEADER + "\nV-1001,2026-03-02,medicare,private-practice,PT,P-1,I69.351,97112,24,"
                + "09:00,09:24,T1,PT,one-on-one," + NOTE + "\nV-1001,2026-03-02,medicare,private-practice,PT,P-1,"
                + "I69.351,97110," + minutes + ",09:24,09:47,T1,PT,one-on-one,\n");
    }

    /**
     * --resume on a directory whose state is not an audit's (garbage, cut short, a directory): exit 2 naming it,
     * not an internal error; --resume where no audit was started: the audit runs, and stderr says there was
     * nothing to resume.
     */
    @Test
    void resumeOnADirectoryThatHoldsNoCleanAudit() throws IOException {
        Path in = csvVisit("v.csv", "23");
        for (String state : List.of("garbage", "{\"version\": 15, \"partitions\": 3, \"inp", "DIR", "{}")) {
            Path out = tmp.resolve("a-" + Math.abs(state.hashCode()));
            Path s = out.resolve(".work").resolve("state");
            if (state.equals("DIR")) {
                Files.createDirectories(s);
            } else {
                Files.createDirectories(s.getParent());
                Files.writeString(s, state);
            }
            Run r = run("audit", in.toString(), "--out", out.toString(), "--resume");
            assertThat(r.code()).as(state + ": " + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(state).singleElement().isEqualTo("minutewise: --resume: " + s
                    + " is not an audit's state; use a new --out");
        }
        Path fresh = tmp.resolve("new");
        Run r = run("audit", in.toString(), "--out", fresh.toString(), "--resume");
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).contains("minutewise: note: --resume: " + fresh + " held no audit to resume; the audit "
                + "was run from the start");
        assertThat(fresh.resolve("summary.json")).exists();
        // Near-miss: a clean audit resumes as before, nothing said.
        Run again = run("audit", in.toString(), "--out", fresh.toString(), "--resume");
        assertThat(again.code()).isEqualTo(r.code());
        assertThat(again.out()).isEqualTo(r.out());
        assertThat(again.err()).doesNotContain("note: --resume");
    }

    /**
     * A visit in two files is set aside whole as a duplicate; a row of it that could not be read by itself keeps its
     * own reason too (it was only "comes 2 times").
     */
    @Test
    void aDuplicateVisitsBadRowKeepsItsOwnReason() throws IOException {
        Path a = csvVisit("v.csv", "23");
        Path b = csvVisit("negrow.csv", "-5");
        Path out = tmp.resolve("a1");
        Run r = run("audit", a.toString(), b.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        List<Map<String, String>> rejected = AuditCliTest.rows(out.resolve("rejected.csv"));
        assertThat(rejected).hasSize(4).allSatisfy(row -> assertThat(row.get("reason")).contains("comes 2 times"));
        assertThat(rejected).filteredOn(row -> row.get("file").endsWith("negrow.csv") && row.get("line").equals("3"))
                .singleElement().satisfies(row -> assertThat(row.get("reason"))
                        .startsWith("line 3, column minutes: must be between 0 and 1440, got -5; and "));
        // Near-miss: the rows that read well say only that their visit comes twice.
        assertThat(rejected).filteredOn(row -> !(row.get("file").endsWith("negrow.csv")
                && row.get("line").equals("3"))).allSatisfy(row -> assertThat(row.get("reason"))
                .doesNotContain("minutes"));
    }

    /** serve --data on a regular file: at once, one line naming --data, exit 2 (was ~19 s of H2 stack traces). */
    @Test
    void serveOnADataPathThatIsAFileIsRefusedAtOnce() throws IOException {
        Path f = file("not-a-dir", "x");
        Run r = run("serve", "--data", f.toString(), "--port", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("minutewise: --data: " + f + " is not a directory");
        Run under = run("serve", "--data", f.resolve("sub").toString(), "--port", "0");
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.errLines()).containsExactly("minutewise: --data: " + f.resolve("sub") + " cannot be made: "
                + f.toAbsolutePath() + " is not a directory");
        // Near-miss: a directory, existing or still to be made, is a store's place.
        assertThat(ServeCommand.notADirectory(tmp)).isEmpty();
        assertThat(ServeCommand.notADirectory(tmp.resolve("new/data"))).isEmpty();
    }
}
