package org.minutewise.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;
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
 * The unit methods on a typical visit (4 timed codes, a repeated code, one untimed): one visit per call, on one
 * thread. The explanation text is built only in {@link #cmsWithExplanation}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class UnitsBench {
    private CodeCatalog catalog;
    private List<CodeMinutes> visit;
    private List<CodeMinutes> tie;

    @Setup
    public void setup() {
        catalog = RefData.codes();
        visit = List.of(new CodeMinutes("97112", 24), new CodeMinutes("97110", 12), new CodeMinutes("97140", 10),
                new CodeMinutes("97530", 8), new CodeMinutes("97110", 11), new CodeMinutes("97010", 10));
        tie = List.of(new CodeMinutes("97140", 45), new CodeMinutes("97112", 7), new CodeMinutes("97110", 7));
    }

    @Benchmark
    public UnitResult cms() {
        return UnitCalculator.compute(UnitMethod.CMS, visit, catalog);
    }

    @Benchmark
    public UnitResult cpt() {
        return UnitCalculator.compute(UnitMethod.CPT, visit, catalog);
    }

    @Benchmark
    public UnitResult cmsTie() {
        return UnitCalculator.compute(UnitMethod.CMS, tie, catalog);
    }

    @Benchmark
    public List<String> cmsWithExplanation() {
        return UnitCalculator.compute(UnitMethod.CMS, visit, catalog).explanation();
    }
}
