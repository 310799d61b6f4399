package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.csv.CsvVisitWriter;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;
import org.minutewise.refdata.RefData;

/**
 * {@code check --out csv} ({@link VisitOutput#csv}) writes the corrected claim in the billed columns, its diagnosis
 * pointers included: the engine's pointers go in {@code billedDiagnosisPointers}, as the 837 of the same check
 * points its lines (SV107), and a CSV read back bills them.
 */
class CheckCsvPointersTest {
    private static final ReferenceData REF = RefData.defaults();

    /** Two diagnoses, 97112 (whose supporting diagnosis the engine points first) and 97110, with claim data. */
    private static final String VISIT = "{\"id\":\"V-P1\",\"dateOfService\":\"2026-04-06\",\"payer\":\"commercial\","
            + "\"planOfCare\":\"PT\",\"patient\":{\"id\":\"P-1\",\"birthDate\":\"1970-01-02\"},"
            + "\"diagnoses\":[\"S93.401A\",\"R27.8\"],"
            + "\"services\":[{\"code\":\"97112\",\"minutes\":15,\"provider\":{\"id\":\"T1\",\"role\":\"PT\","
            + "\"npi\":\"1245319599\"},\"charge\":70.00},{\"code\":\"97110\",\"minutes\":25,\"provider\":"
            + "{\"id\":\"T1\",\"role\":\"PT\",\"npi\":\"1245319599\"},\"charge\":130.00}],"
            + "\"billingProvider\":{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"Riverside PT\","
            + "\"address\":{\"line1\":\"100 Main St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"430041234\"}},"
            + "\"payerName\":\"Acme\",\"payerId\":\"ACME01\",\"subscriber\":{\"memberId\":\"ACM1\",\"lastName\":"
            + "\"Doe\",\"firstName\":\"Jo\",\"sex\":\"F\",\"address\":{\"line1\":\"1 Elm St\",\"city\":\"Dayton\","
            + "\"state\":\"OH\",\"zip\":\"45402\"}}}";

    static CheckResult check(String json) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        return new VisitChecker(REF).check(reader.read(reader.parse(json)));
    }

    /** The values of column {@code name} of a CSV, row by row (null for each when the header has no such column). */
    static List<String> column(String csv, String name) {
        List<String> lines = csv.lines().toList();
        int at = List.of(lines.get(0).split(",", -1)).indexOf(name);
        List<String> out = new ArrayList<>();
        for (String row : lines.subList(1, lines.size())) {
            out.add(at < 0 ? null : row.split(",", -1)[at]);
        }
        return out;
    }

    @Test
    void theCorrectedLinesCarryTheEnginesPointersAsThe837Does() {
        CheckResult r = check(VISIT);
        String csv = VisitOutput.csv(List.of(r));
        java.util.Map<String, String> byCode = new java.util.LinkedHashMap<>();
        for (ClaimLine l : r.engineClaim().lines()) {
            byCode.put(l.code(), String.join(";", l.diagnosisPointers().stream().map(String::valueOf).toList()));
        }
        List<String> expected = column(csv, "code").stream().map(byCode::get).toList();
        assertThat(expected).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(column(csv, "billedDiagnosisPointers")).isEqualTo(expected);
        // The 837 of the same check: SV107 holds the same pointers, ':' for ';'.
        String edi = X12Writer.write(List.of(r), X12Envelope.defaults(), java.time.LocalDateTime.of(2026, 4, 7, 9, 0));
        List<String> sv107 = new ArrayList<>();
        for (String seg : edi.split("~\\s*")) {
            if (seg.startsWith("SV1*")) {
                sv107.add(seg.split("\\*", -1)[7].replace(':', ';'));
            }
        }
        assertThat(sv107).isEqualTo(new ArrayList<>(byCode.values()));
        // Read back, the CSV bills the engine's pointers.
        Visit back = VisitInput.read(csv, VisitFormat.CSV, REF).get(0).visit().orElseThrow();
        assertThat(back.billed()).extracting(b -> String.join(";", b.diagnosisPointers().stream()
                .map(String::valueOf).toList())).isEqualTo(expected);
    }

    /** Near miss: a visit without diagnoses has no pointers, and its CSV keeps the header it always had. */
    @Test
    void withoutDiagnosesTheHeaderIsUnchanged() {
        CheckResult r = check(VISIT.replace("\"diagnoses\":[\"S93.401A\",\"R27.8\"],", ""));
        assertThat(r.engineClaim().lines()).isNotEmpty().allSatisfy(l -> assertThat(l.diagnosisPointers()).isEmpty());
        String csv = VisitOutput.csv(List.of(r));
        assertThat(csv).startsWith(CsvVisitWriter.header());
        assertThat(column(csv, "billedDiagnosisPointers")).containsOnlyNulls();
    }
}
