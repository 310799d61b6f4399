package org.minutewise.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.x12.X12ClaimReader;
import org.minutewise.formats.x12.X12ClaimWriter;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.refdata.RefData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * X12 837P throughput, measured on a file of one full transaction set of 5,000 claims (the TR3's recommended
 * maximum per ST/SE) and scaled to 100,000 claims (20 such sets, which is how the writer splits 100,000) in
 * docs/PERFORMANCE.md: one operation writes (or reads) the 5,000-claim file. Cost is linear in the claims (each
 * set is independent), so x20 is the 100,000-claim figure; a direct 100,000-claim run takes minutes per
 * operation on the shared 2-core machine.
 * Each claim is the stroke visit of {@code x12-visit.json} (3 lines: 97112, 97110 with CQ, 97010 with CQ; two
 * diagnoses; a rendering provider) under its own claim id; the checks are run once in setup and not measured.
 * Writing checks every claim's data first, then writes through StAEDI (envelope checked by StAEDI's control
 * schema); reading validates against the shipped 837P schema and builds a visit with billed lines per claim.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Threads(1)
@State(Scope.Benchmark)
public class X12Bench {
    /** Claims per file; {@code -p claims=100000} measures the whole 100,000 directly (minutes per operation). */
    @Param({"5000"})
    public int claims;
    private static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 23, 12, 0);

    private List<CheckResult> results;
    private X12Envelope envelope;
    private String edi;
    private ReferenceData ref;

    @Setup
    public void setup() throws IOException {
        ref = RefData.defaults();
        VisitChecker checker = new VisitChecker(ref);
        String json;
        try (InputStream in = X12Bench.class.getResourceAsStream("x12-visit.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        VisitJsonReader reader = new VisitJsonReader(ref);
        Visit template = reader.read(reader.parse(json));
        CheckResult checked = checker.check(template);
        results = new ArrayList<>(claims);
        for (int i = 0; i < claims; i++) {
            Visit v = rename(template, String.format("C%07d", i));
            results.add(new CheckResult(v, checked.payer(), checked.units(), checked.claim(), checked.findings()));
        }
        envelope = X12Envelope.defaults();
        edi = X12ClaimWriter.write(results, envelope, CREATED);
        List<X12ClaimReader.Result> back = X12ClaimReader.read(edi, "medicare", ref);
        if (back.size() != claims || !back.get(claims - 1).ok()) {
            throw new IllegalStateException("the claim file did not read back: " + back.size());
        }
    }

    private static Visit rename(Visit v, String id) {
        return new Visit(id, v.dateOfService(), v.payer(), v.planOfCare(), v.setting(), v.patient(), v.diagnoses(),
                v.totalTreatmentMinutes(), v.services(), v.note(), v.previousNote(), v.abn(), v.certification(),
                v.authorization(), v.overrides(), v.secondaryPayer(), v.purpose(), v.locality(), v.claimInfo(),
                v.billed(), v.progressReport(), v.purposeStated());
    }

    /** Writes the 837P of 5,000 claims (one transaction set). */
    @Benchmark
    public String write837p() {
        return X12ClaimWriter.write(results, envelope, CREATED);
    }

    /** Reads the 837P of 5,000 claims back into visits. */
    @Benchmark
    public List<X12ClaimReader.Result> read837p() {
        return X12ClaimReader.read(edi, "medicare", ref);
    }
}
