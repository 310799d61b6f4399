package org.minutewise.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;
import org.minutewise.refdata.RefData;

/**
 * {@link CheckBench#check()}'s visit checked in a loop, timed by the thread's CPU time rather than the wall clock:
 * for comparing two builds on a host that other work shares, where JMH's wall-clock throughput swings by more than
 * the difference (the thread's CPU time leaves out the time it waits for a core). Not the figure of record: that is
 * JMH on a quiet host (docs/PERFORMANCE.md).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.minutewise.bench.CheckCpuTime [seconds of warm-up] [rounds] [visits.csv]</pre>
 * prints the CPU nanoseconds per check of each round of 20,000 checks, then their median and the visits per second
 * of CPU that makes. With a CSV file (the documented layout, {@code minutewise generate}'s output, say) the rounds
 * check its first 20,000 visits in turn instead of the typical visit: the audit's mix of visits, without the audit.
 */
public final class CheckCpuTime {
    private static final int PER_ROUND = 20_000;

    private CheckCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ReferenceData ref = RefData.defaults();
        VisitChecker checker = new VisitChecker(ref);
        String json;
        try (InputStream in = CheckCpuTime.class.getResourceAsStream("typical-visit.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        VisitJsonReader reader = new VisitJsonReader(ref);
        Visit[] visits = args.length > 2 ? firstVisits(ref, Path.of(args[2]), PER_ROUND)
                : new Visit[] {reader.read(reader.parse(json))};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 1000; i++) {
                sink += checker.check(visits[i % visits.length]).findings().size();
            }
        }
        double[] perCheck = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                CheckResult result = checker.check(visits[i % visits.length]);
                sink += result.findings().size();
            }
            perCheck[r] = (threads.getCurrentThreadCpuTime() - start) / (double) PER_ROUND;
            System.out.printf("round %2d: %8.0f ns of CPU per check%n", r + 1, perCheck[r]);
        }
        Arrays.sort(perCheck);
        double median = perCheck[rounds / 2];
        System.out.printf("median %.0f ns of CPU per check = %.0f visits per CPU second (sink %d)%n", median,
                1e9 / median, sink);
    }

    /** The first {@code max} visits of a CSV file in the documented layout (rows of a visit adjacent). */
    private static Visit[] firstVisits(ReferenceData ref, Path csv, int max) throws IOException {
        CsvVisitReader reader = new CsvVisitReader(ref);
        List<Visit> visits = new ArrayList<>();
        try (CsvRecordReader records = new CsvRecordReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            CsvVisitReader.Header header = reader.header(records.next());
            List<CsvVisitReader.Row> rows = new ArrayList<>();
            for (CsvRecordReader.Record r = records.next(); r != null && visits.size() < max; r = records.next()) {
                CsvVisitReader.Row row = reader.row(header, r);
                if (!rows.isEmpty() && !rows.get(0).visitId().equals(row.visitId())) {
                    visits.add(reader.visit(rows));
                    rows = new ArrayList<>();
                }
                rows.add(row);
            }
        }
        System.out.printf("%d visits from %s%n", visits.size(), csv);
        return visits.toArray(new Visit[0]);
    }
}
