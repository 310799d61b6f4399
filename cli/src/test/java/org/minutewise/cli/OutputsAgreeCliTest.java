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
 * billed modifier a line has no room for named on stderr.
 */
final class OutputsAgreeCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path file(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static ObjectNode claimVisit() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Repo.example("claim-visit.json")));
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
        Path in = file("billed.json", v.toString());
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
}
