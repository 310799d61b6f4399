package org.minutewise.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatcher;
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
 * The floor under {@link CheckBench#check()}: what any check of the typical visit's note (1,646 characters) must
 * at least spend reading it, measured apart from everything else. Each step adds one layer:
 * <ul>
 *   <li>{@link #classesOnly()}: each character's class in the curated phrase lists' alphabet, summed (a pass over
 *       the note with one table lookup a character and nothing depending on the one before);</li>
 *   <li>{@link #walkOneChain()}: the phrase automaton's walk over the note, no match reported (each step waits for
 *       the lookup of the step before);</li>
 *   <li>{@link #walkFourChains()}: the same walk cut in four interleaved chains, as {@link PhraseMatcher#scan} walks
 *       a long note;</li>
 *   <li>{@link #scan()}: the real scan, every match recorded, negation and cue aims settled, the matches indexed by
 *       list.</li>
 * </ul>
 * The walks read the matcher's table through reflection (bench code only: the core keeps it private), so they walk
 * exactly the states and alphabet the check uses. The target of 300,000 checks a second on one core is
 * 3.3 us a check; docs/PERFORMANCE.md compares these floors with it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class ScanFloorBench {
    private PhraseMatcher matcher;
    private String note;
    private char[] classOf;
    private char[] delta;
    private int alpha;

    @Setup
    public void setup() throws IOException, ReflectiveOperationException {
        ReferenceData ref = RefData.defaults();
        String json;
        try (InputStream in = ScanFloorBench.class.getResourceAsStream("typical-visit.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        VisitJsonReader reader = new VisitJsonReader(ref);
        Visit visit = reader.read(reader.parse(json));
        note = visit.note().orElseThrow();
        matcher = PhraseMatcher.of(ref.phrases());
        classOf = (char[]) field("classOf");
        delta = (char[]) field("delta");
        alpha = (Integer) field("alpha");
        if (delta == null) {
            throw new IllegalStateException("the phrase table is wide (32-bit): the floor walks a 16-bit one");
        }
    }

    private Object field(String name) throws ReflectiveOperationException {
        Field f = PhraseMatcher.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(matcher);
    }

    @Benchmark
    public long classesOnly() {
        char[] t = note.toCharArray();
        char[] cls = classOf;
        long sum = 0;
        for (char c : t) {
            sum += cls[c];
        }
        return sum;
    }

    @Benchmark
    public long walkOneChain() {
        char[] t = note.toCharArray();
        char[] cls = classOf;
        char[] d = delta;
        int a = alpha;
        int s = 0;
        long sum = 0;
        for (char c : t) {
            s = d[s * a + cls[c]];
            sum += s;
        }
        return sum;
    }

    @Benchmark
    public long walkFourChains() {
        char[] t = note.toCharArray();
        char[] cls = classOf;
        char[] d = delta;
        int a = alpha;
        int n = t.length;
        int b1 = n >>> 2;
        int b2 = n >>> 1;
        int b3 = b1 + b2;
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        long sum = 0;
        for (int k = 0; k < b1; k++) {
            s0 = d[s0 * a + cls[t[k]]];
            s1 = d[s1 * a + cls[t[b1 + k]]];
            s2 = d[s2 * a + cls[t[b2 + k]]];
            s3 = d[s3 * a + cls[t[b3 + k]]];
            sum += s0 + s1 + s2 + s3;
        }
        for (int k = b3 + b1; k < n; k++) { // the few characters the four parts leave over
            s3 = d[s3 * a + cls[t[k]]];
            sum += s3;
        }
        return sum;
    }

    @Benchmark
    public int scan() {
        return matcher.scan(note).count(PhraseLists.SKILLED);
    }
}
