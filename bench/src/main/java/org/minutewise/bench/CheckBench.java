package org.minutewise.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minutewise.batch.generate.Generator;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.refdata.RefData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full check of a typical visit (3 timed codes with periods, a PTA, a supervised modality, NCCI pair,
 * a note of about 1,500 characters): units, claim lines, modifiers, estimate and every rule. The visit is parsed
 * once in setup; only the check is measured. {@link #checkGenerated()} checks the batch audit's kind of visit
 * instead: 2,000 generated visits (seed 2026, 1% injected errors, billed units and modifiers, notes of about
 * 550 characters) taken in turn, one per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class CheckBench {
    private VisitChecker checker;
    private Visit visit;
    private Visit[] generated;
    private int next;

    @Setup
    public void setup() throws IOException {
        ReferenceData ref = RefData.defaults();
        checker = new VisitChecker(ref);
        String json;
        try (InputStream in = CheckBench.class.getResourceAsStream("typical-visit.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        VisitJsonReader reader = new VisitJsonReader(ref);
        visit = reader.read(reader.parse(json));
        if (visit.note().orElse("").length() < 1400) {
            throw new IllegalStateException("the benchmark note must be about 1,500 characters");
        }
        Path dir = Files.createTempDirectory("minutewise-bench");
        Path file = dir.resolve("visits.jsonl");
        try {
            Generator.write(new Generator.Options(2000, 2026, 0.01, 2026), ref, file);
            List<Visit> vs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                vs.add(reader.read(reader.parse(line)));
            }
            generated = vs.toArray(new Visit[0]);
        } finally {
            Files.deleteIfExists(Generator.labelsFile(file));
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Benchmark
    public CheckResult check() {
        return checker.check(visit);
    }

    @Benchmark
    public CheckResult checkGenerated() {
        Visit v = generated[next];
        next = next + 1 == generated.length ? 0 : next + 1;
        return checker.check(v);
    }
}
