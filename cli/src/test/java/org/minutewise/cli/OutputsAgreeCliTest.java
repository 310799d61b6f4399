package org.minutewise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What {@code check --out csv|x12|fhir} write of one claim, end to end: the same charge on a line in every output, a
 * billed modifier a line has no room for named on stderr, and every field an 837 lacks named in one run.
 */
final class OutputsAgreeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The example claim, as Review2CliTest reads it. */
    private static ObjectNode claimVisit() throws IOException {
        return Review2CliTest.claimVisit();
    }

    /**
     * The example claim billed 97112 GP x2 at $150.00 (the sample fee schedule's 2 x $70.00 is $140.00) and 97110 with
     * 95 and RT beside GP and CQ, with an ABN on file (GA): the CSV wrote $140.00 where the 837 and the FHIR Claim wrote
     * $150.00, and dropped RT without a word. Now all three carry $150.00, and stderr names RT.
     */
    @Test
    void theOutputsOfOneCheckAgreeOnChargesAndSayWhatALineLeavesOff() throws IOException {
        ObjectNode v = claimVisit();
        v.put("abn", true);
        v.set("billed", JSON.readTree("[{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2,\"charge\":150.00},"
                + "{\"code\":\"97110\",\"modifiers\":[\"GP\",\"CQ\",\"95\",\"RT\"],\"units\":1,\"charge\":65.00}]"));
        Path in = Files.writeString(tmp.resolve("billed.json"), v.toString());
        Path csv = tmp.resolve("out.csv");
        Run c = AuditCliTest.run("check", "--out", "csv", "--output", csv.toString(), in.toString());
        assertThat(c.code()).as(c.err()).isIn(0, 1);
        List<Map<String, String>> rows = AuditCliTest.rows(csv);
        assertThat(rows).extracting(r -> r.get("code")).containsExactly("97112", "97110");
        assertThat(rows).extracting(r -> r.get("charge")).containsExactly("150.00", "65.00");
        assertThat(rows.get(1).get("billedModifiers")).isEqualTo("GP;CQ;GA;95");
        assertThat(c.errLines()).anySatisfy(l -> assertThat(l).startsWith("minutewise: note: visit V-2001: corrected "
                + "line 2 (97110) leaves off the billed RT: a line holds four modifiers"));

        Run x = AuditCliTest.run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15", in.toString());
        assertThat(x.code()).as(x.err()).isIn(0, 1);
        assertThat(x.out()).contains("SV1*HC:97112:GP*150*UN*2***").contains("SV1*HC:97110:GP:CQ:95:RT*65*UN*1***");

        Run f = AuditCliTest.run("check", "--out", "fhir", in.toString());
        assertThat(f.code()).as(f.err()).isIn(0, 1);
        assertThat(f.out()).contains("\"value\": 150.00").doesNotContain("\"value\": 140.00");
    }

    /**
     * An 837 of the example claim without the billing NPI, the subscriber's member id and any NPI for the therapist
     * supervising the PTA's 97110: each is named in the one run, with its loop and element, the last line saying
     * the claim is not written; exit 2 as before. Near miss: one field missing is one line, as before.
     */
    @Test
    void everyFieldAn837LacksIsNamedInOneRun() throws IOException {
        ObjectNode v = claimVisit();
        ((ObjectNode) v.get("billingProvider")).remove("npi");
        ((ObjectNode) v.get("subscriber")).remove("memberId");
        for (var s : v.get("services")) {
            ((ObjectNode) s.get("provider")).remove(List.of("npi", "supervisorNpi"));
        }
        Run r = AuditCliTest.run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15",
                Files.writeString(tmp.resolve("three.json"), v.toString()).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(
                "minutewise: billingProvider.npi: required for X12 837P (2010AA NM109, the billing provider's NPI) "
                        + "(visit V-2001)",
                "minutewise: subscriber.memberId: required for X12 837P (2010BA NM109, the member id on the payer's "
                        + "card) (visit V-2001)",
                "minutewise: services[1].provider.supervisorNpi: required for X12 837P: PTA A1 furnished 97110, and "
                        + "the rendering provider on the claim must be the supervising therapist (assistants do not "
                        + "enroll; loop 2310B/2420A NM1*82 NM109) (visit V-2001): its claim is not in the 837");

        ObjectNode one = claimVisit();
        ((ObjectNode) one.get("subscriber")).remove("memberId");
        Run single = AuditCliTest.run("check", "--out", "x12", "--x12-created", "2026-03-02T10:15",
                Files.writeString(tmp.resolve("one.json"), one.toString()).toString());
        assertThat(single.code()).isEqualTo(2);
        assertThat(single.errLines()).containsExactly("minutewise: subscriber.memberId: required for X12 837P "
                + "(2010BA NM109, the member id on the payer's card) (visit V-2001): its claim is not in the 837");
    }
}
