package org.minutewise.batch;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditTotals;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * Pass 2, one partition at a time (partitions run in parallel): load the partition (small), group its records by
 * visit id, read and validate each visit's rows (a bad row is rejected with its line and reason; a visit whose rows
 * conflict has all its rows rejected), check the visit with the shared {@link VisitChecker}, and write the
 * partition's part files: findings, claim lines, rejects, totals, and each visit's digest for the patient and
 * therapist partitions of pass 3. Everything goes to {@code .tmp} files renamed at the end; the output depends
 * only on the partition's content, never on thread timing.
 */
final class CheckPass {
    private final Work work;
    private final State state;
    private final ReferenceData ref;
    private final VisitChecker checker;
    private final Optional<String> payer;
    private final Progress progress;
    private final CsvVisitReader csvReader;
    private final List<Optional<CsvVisitReader.Header>> headers = new ArrayList<>();

    CheckPass(Work work, State state, ReferenceData ref, VisitChecker checker, Progress progress) {
        this.work = work;
        this.state = state;
        this.ref = ref;
        this.checker = checker;
        this.payer = state.payer.isEmpty() ? Optional.empty() : Optional.of(state.payer);
        this.progress = progress;
        this.csvReader = new CsvVisitReader(ref);
        for (List<String> h : state.headers) {
            headers.add(h.isEmpty() ? Optional.empty()
                    : Optional.of(csvReader.header(new CsvRecordReader.Record(1, h))));
        }
    }

    /** The part files of a partition, written to temporaries and renamed together. */
    private final class Parts implements AutoCloseable {
        final int p;
        final Writer findings;
        final Writer claims;
        final List<Spill.Reject> rejects = new ArrayList<>();
        final List<Entry> toPatients = new ArrayList<>();
        final List<Entry> toTherapists = new ArrayList<>();
        final AuditTotals totals = new AuditTotals();
        final StringBuilder sb = new StringBuilder(1024);
        boolean oversizedWritten;

        Parts(int p) throws IOException {
            this.p = p;
            this.findings = Files.newBufferedWriter(Work.tmp(work.part("check", "findings", p)),
                    StandardCharsets.UTF_8);
            this.claims = Files.newBufferedWriter(Work.tmp(work.part("check", "claims", p)), StandardCharsets.UTF_8);
        }

        void reject(Spill.Rec r, String reason) {
            rejects.add(new Spill.Reject(r.file(), r.line(), r.seq(), r.visitId(), reason));
            totals.rejected(1);
        }

        void commit() throws IOException {
            findings.close();
            claims.close();
            rejects.sort(Comparator.comparingInt(Spill.Reject::file).thenComparingLong(Spill.Reject::line)
                    .thenComparingLong(Spill.Reject::seq));
            Path rj = Work.tmp(work.part("check", "rejected", p));
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(rj), 1 << 16)) {
                Bin.Out o = new Bin.Out(256);
                Bin.Out scratch = new Bin.Out(16);
                for (Spill.Reject r : rejects) {
                    Spill.writeReject(os, o, scratch, r);
                }
            }
            if (!oversizedWritten) {
                Files.write(Work.tmp(work.part("check", "oversized", p)), new byte[0]);
            }
            writeDigests(Work.tmp(work.part("check", "patients", p)), toPatients);
            writeDigests(Work.tmp(work.part("check", "therapists", p)), toTherapists);
            Files.writeString(Work.tmp(work.part("check", "totals", p)),
                    Json.mapper().writeValueAsString(totals.toPartJson()), StandardCharsets.UTF_8);
            for (String kind : new String[] {"findings", "claims", "rejected", "oversized", "patients", "therapists",
                "totals"}) {
                Path target = work.part("check", kind, p);
                Work.commit(Work.tmp(target), target);
            }
        }

        @Override
        public void close() throws IOException {
            findings.close();
            claims.close();
        }
    }

    /** A digest bound for a partition of pass 3. */
    record Entry(int dest, int order, byte[] data) {
    }

    /** A digest file: K+1 offsets (the start of each destination's segment, then the end), then the segments. */
    private void writeDigests(Path file, List<Entry> entries) throws IOException {
        entries.sort(Comparator.comparingInt(Entry::dest).thenComparingInt(Entry::order));
        int k = state.partitions;
        long[] offsets = new long[k + 1];
        long pos = 8L * (k + 1);
        int e = 0;
        Bin.Out scratch = new Bin.Out(16);
        for (int d = 0; d < k; d++) {
            offsets[d] = pos;
            while (e < entries.size() && entries.get(e).dest() == d) {
                scratch.reset();
                scratch.varInt(entries.get(e).data().length);
                pos += scratch.size() + entries.get(e).data().length;
                e++;
            }
        }
        offsets[k] = pos;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Bin.Out head = new Bin.Out(8 * (k + 1));
            for (long o : offsets) {
                head.i64(o);
            }
            os.write(head.array(), 0, head.size());
            for (Entry x : entries) {
                scratch.reset();
                scratch.varInt(x.data().length);
                os.write(scratch.array(), 0, scratch.size());
                os.write(x.data());
            }
        }
    }

    /** A visit has at most this many rows (the JSON reader's limit on service lines); beyond, all are set aside. */
    static final int MAX_ROWS_PER_VISIT = VisitJsonReader.MAX_SERVICES;
    /**
     * A partition larger than this (about 8 times the usual size) is first scanned for visits with too many rows
     * (a file whose rows all carry one visit id), whose rows are rejected as they stream by instead of loaded.
     */
    static long largePartition = 64L << 20;

    /** Checks partition {@code p} and commits its part files. */
    void run(int p) throws IOException {
        Path spill = work.spill(p);
        try (Parts parts = new Parts(p)) {
            byte[] all = Files.size(spill) > largePartition ? withoutOversized(spill, parts)
                    : Files.readAllBytes(spill);
            List<Spill.Rec> recs = Spill.decodeAll(all);
            Map<String, List<Spill.Rec>> groups = new HashMap<>();
            List<Spill.Rec> loose = new ArrayList<>();
            for (Spill.Rec r : recs) {
                if (r.visitId().isEmpty()) {
                    loose.add(r);
                } else {
                    groups.computeIfAbsent(r.visitId(), k -> new ArrayList<>(4)).add(r);
                }
            }
            loose.sort(ORDER);
            for (Spill.Rec r : loose) {
                visit(List.of(r), all, parts);
            }
            for (String id : new TreeSet<>(groups.keySet())) {
                List<Spill.Rec> g = groups.get(id);
                g.sort(ORDER);
                if (g.size() > MAX_ROWS_PER_VISIT) {
                    progress.advance(g.size());
                    for (Spill.Rec r : g) {
                        parts.reject(r, tooManyRows(id, g.size()));
                    }
                    continue;
                }
                visit(g, all, parts);
            }
            parts.commit();
        }
    }

    private static String tooManyRows(String visitId, long rows) {
        return "visit " + visitId + " has " + rows + " rows; a visit has at most " + MAX_ROWS_PER_VISIT
                + " service lines, so all its rows are set aside";
    }

    /**
     * Streams a large partition twice: first counting rows per visit id, then rejecting (straight to a part file,
     * in input order) the rows of visits with too many rows and keeping the rest, which is returned.
     */
    private byte[] withoutOversized(Path spill, Parts parts) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Spill.forEach(spill, (rec, header) -> counts.merge(header.visitId(), 1, Integer::sum));
        Map<String, Integer> big = new HashMap<>();
        counts.forEach((id, n) -> {
            if (!id.isEmpty() && n > MAX_ROWS_PER_VISIT) {
                big.put(id, n);
            }
        });
        if (big.isEmpty()) {
            return Files.readAllBytes(spill);
        }
        ByteArrayOutputStream keep = new ByteArrayOutputStream(1 << 20);
        Bin.Out o = new Bin.Out(256);
        Bin.Out scratch = new Bin.Out(16);
        try (OutputStream rejects = new BufferedOutputStream(Files.newOutputStream(
                Work.tmp(work.part("check", "oversized", parts.p))), 1 << 16)) {
            Spill.forEach(spill, (rec, header) -> {
                Integer n = big.get(header.visitId());
                if (n == null) {
                    scratch.reset();
                    scratch.varInt(rec.length);
                    keep.write(scratch.array(), 0, scratch.size());
                    keep.write(rec);
                } else {
                    progress.advance(1);
                    parts.totals.rejected(1);
                    Spill.writeReject(rejects, o, scratch, new Spill.Reject(header.file(), header.line(),
                            header.seq(), header.visitId(), tooManyRows(header.visitId(), n)));
                }
            });
        }
        parts.oversizedWritten = true;
        return keep.toByteArray();
    }

    private static final Comparator<Spill.Rec> ORDER = Comparator.comparingInt(Spill.Rec::file)
            .thenComparingLong(Spill.Rec::line).thenComparingLong(Spill.Rec::seq);

    private String place(Spill.Rec r) {
        String file = state.inputs.get(r.file());
        return r.line() > 0 ? file + " line " + r.line() : file + " visit #" + (r.seq() + 1);
    }

    /** One visit's records: read, validated, checked, written. */
    private void visit(List<Spill.Rec> recs, byte[] all, Parts parts) throws IOException {
        progress.advance(recs.size());
        Spill.Rec first = recs.get(0);
        boolean visitRecords = recs.stream().anyMatch(r -> r.kind() != Spill.CSV);
        if (visitRecords && recs.size() > 1) {
            StringBuilder places = new StringBuilder();
            for (int i = 0; i < Math.min(5, recs.size()); i++) {
                places.append(i == 0 ? "" : "; ").append(place(recs.get(i)));
            }
            if (recs.size() > 5) {
                places.append("; ...");
            }
            for (Spill.Rec r : recs) {
                parts.reject(r, "visit " + first.visitId() + " comes " + recs.size() + " times in the input ("
                        + places + "); a visit must come once, so all its records are set aside");
            }
            return;
        }
        Visit v;
        int rows;
        List<Spill.Rec> used;
        if (first.kind() != Spill.CSV) {
            VisitJsonReader reader = new VisitJsonReader(ref);
            try {
                v = reader.read(reader.parse(first.text(all)));
            } catch (InputException e) {
                parts.reject(first, first.kind() == Spill.JSONL ? e.within("line " + first.line()).getMessage()
                        : e.getMessage());
                return;
            }
            rows = v.services().size();
            used = List.of(first);
        } else {
            List<CsvVisitReader.Row> valid = new ArrayList<>(recs.size());
            List<Spill.Rec> validRecs = new ArrayList<>(recs.size());
            for (Spill.Rec r : recs) {
                try {
                    Optional<List<String>> fast = RecordFields.split(all, r.dataOff(), r.dataLen());
                    CsvRecordReader.Record record = fast.isPresent()
                            ? new CsvRecordReader.Record(r.line(), fast.get())
                            : CsvRecordReader.parse(r.text(all), r.line());
                    if (record == null) {
                        parts.reject(r, "line " + r.line() + ": an empty record");
                        continue;
                    }
                    CsvVisitReader.Header h = headers.get(r.file()).orElseThrow(() -> new IllegalStateException(
                            "no CSV header for input " + r.file()));
                    valid.add(csvReader.row(h, record));
                    validRecs.add(r);
                } catch (InputException e) {
                    parts.reject(r, e.getMessage());
                }
            }
            if (valid.isEmpty()) {
                return;
            }
            Optional<String> conflict = conflict(valid);
            if (conflict.isEmpty()) {
                try {
                    v = csvReader.visit(valid);
                } catch (InputException e) {
                    conflict = Optional.of(e.getMessage());
                    v = null;
                }
            } else {
                v = null;
            }
            if (conflict.isPresent()) {
                String reason = "visit " + first.visitId() + ": " + conflict.get() + "; all " + valid.size()
                        + (valid.size() == 1 ? " row" : " rows") + " of the visit are set aside";
                for (Spill.Rec r : validRecs) {
                    parts.reject(r, reason);
                }
                return;
            }
            rows = valid.size();
            first = validRecs.get(0);
            used = validRecs;
        }
        check(Objects.requireNonNull(v), rows, first, used, parts);
    }

    /** Rows of one visit that disagree on what must be the visit's own (date, payer, plan, patient). */
    private static Optional<String> conflict(List<CsvVisitReader.Row> rows) {
        CsvVisitReader.Row a = rows.get(0);
        for (CsvVisitReader.Row b : rows) {
            String what = null;
            String x = null;
            String y = null;
            if (!a.date().equals(b.date())) {
                what = "dateOfService";
                x = a.date().toString();
                y = b.date().toString();
            } else if (!a.payer().equals(b.payer())) {
                what = "payer";
                x = a.payer();
                y = b.payer();
            } else if (a.planOfCare() != b.planOfCare()) {
                what = "planOfCare";
                x = a.planOfCare().name();
                y = b.planOfCare().name();
            } else if (a.patientId().isPresent() && b.patientId().isPresent()
                    && !a.patientId().equals(b.patientId())) {
                what = "patientId";
                x = a.patientId().get();
                y = b.patientId().get();
            }
            if (what != null) {
                return Optional.of("its rows disagree on " + what + " (line " + a.line() + ": \"" + x + "\", line "
                        + b.line() + ": \"" + y + "\")");
            }
        }
        return Optional.empty();
    }

    private void check(Visit visit, int rows, Spill.Rec first, List<Spill.Rec> recs, Parts parts)
            throws IOException {
        Visit v = payer.isPresent() ? visit.toBuilder().payer(payer.get()).build() : visit;
        CheckResult r;
        Claim supported;
        try {
            r = checker.check(v);
            supported = v.billed().isEmpty() ? r.claim()
                    : ClaimBuilder.of(new CheckContext(v, r.payer(), ref, r.units()));
        } catch (RuntimeException e) {
            for (Spill.Rec rec : recs) {
                parts.reject(rec, "visit " + v.id() + " could not be checked (" + e.getClass().getSimpleName()
                        + ")");
            }
            return;
        }
        String file = state.inputs.get(first.file());
        long line = first.line();
        String therapist = therapistOf(v);
        String patient = v.patient().id().orElse("");
        String date = v.dateOfService().toString();
        String payerId = v.payer();
        // Findings of the visit itself.
        StringBuilder sb = parts.sb;
        sb.setLength(0);
        long[] bySeverity = new long[3];
        for (Finding f : r.findings()) {
            bySeverity[f.severity().ordinal()]++;
            String message = f.overrideReason().map(reason -> f.message() + " (accepted by the clinic: " + reason
                    + ")").orElse(f.message());
            new AuditCsv.FindingRow(v.id(), line, f.ruleId(), f.severity(), message, file, f.path(), date, patient,
                    therapist, payerId).appendTo(sb);
            parts.totals.finding(f.ruleId(), f.severity(), "", payerId); // the therapist's side: in pass 3
        }
        parts.findings.append(sb);
        // Claim lines: as billed beside as supported, and the estimated dollars of the difference.
        boolean billed = !v.billed().isEmpty();
        Map<String, List<BilledLine>> billedByCode = new LinkedHashMap<>();
        for (BilledLine b : v.billed()) {
            billedByCode.computeIfAbsent(b.code(), k -> new ArrayList<>(2)).add(b);
        }
        Map<String, List<ClaimLine>> supportedByCode = new LinkedHashMap<>();
        for (ClaimLine l : supported.lines()) {
            supportedByCode.computeIfAbsent(l.code(), k -> new ArrayList<>(2)).add(l);
        }
        Map<String, BigDecimal> perUnit = perUnit(supported.estimate(), supportedByCode.keySet());
        if (billed) {
            Map<String, BigDecimal> fromBilled = perUnit(r.claim().estimate(), billedByCode.keySet());
            fromBilled.forEach(perUnit::putIfAbsent);
        }
        List<String> codes = new ArrayList<>(billedByCode.keySet());
        for (String c : supportedByCode.keySet()) {
            if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        BigDecimal over = BigDecimal.ZERO;
        BigDecimal under = BigDecimal.ZERO;
        long unitsBilled = 0;
        long unitsSupported = supported.totalUnits();
        sb.setLength(0);
        for (String code : codes) {
            List<BilledLine> bl = billedByCode.getOrDefault(code, List.of());
            List<ClaimLine> sl = supportedByCode.getOrDefault(code, List.of());
            int b = bl.stream().mapToInt(BilledLine::units).sum();
            int s = sl.stream().mapToInt(ClaimLine::units).sum();
            unitsBilled += b;
            BigDecimal unit = perUnit.get(code);
            if (billed && unit != null) {
                if (b > s) {
                    over = over.add(unit.multiply(BigDecimal.valueOf(b - s)));
                } else if (s > b) {
                    under = under.add(unit.multiply(BigDecimal.valueOf(s - b)));
                }
            }
            int n = Math.max(bl.size(), sl.size());
            for (int i = 0; i < n; i++) {
                BilledLine x = i < bl.size() ? bl.get(i) : null;
                ClaimLine y = i < sl.size() ? sl.get(i) : null;
                new AuditCsv.ClaimRow(v.id(), line, date, patient, therapist, payerId, code,
                        x == null ? "" : String.valueOf(x.units()),
                        x == null ? "" : String.join(";", x.modifiers()),
                        y == null ? "" : String.valueOf(y.units()),
                        y == null ? "" : String.join(";", y.modifiers()),
                        billed && i == 0 ? String.valueOf(b - s) : "",
                        unit == null || i > 0 ? "" : unit.setScale(2, RoundingMode.HALF_UP).toPlainString())
                        .appendTo(sb);
            }
        }
        parts.claims.append(sb);
        long billedOrEngine = billed ? unitsBilled : unitsSupported;
        parts.totals.visit(payerId, rows, billed, billedOrEngine, unitsSupported, over, under);
        // The digest, for the checks across visits.
        VisitDigest d = VisitDigest.of(r);
        Bin.Out o = new Bin.Out(512);
        new DigestRecord(d, first.file(), line, therapist, v.patient().spentBefore(Discipline.PT),
                v.patient().spentBefore(Discipline.OT), new DigestRecord.Stats(billedOrEngine, unitsSupported, over,
                under, bySeverity[Severity.BLOCK.ordinal()], bySeverity[Severity.WARN.ordinal()],
                bySeverity[Severity.INFO.ordinal()])).encode(o);
        byte[] data = o.toByteArray();
        int order = parts.toPatients.size();
        parts.toPatients.add(new Entry(Spill.partition(d.patientId(), state.partitions), order, data));
        // The therapist partitions of the providers who treated, and of the therapist the visit is counted under.
        TreeSet<Integer> dests = new TreeSet<>();
        dests.add(Spill.partition(therapist, state.partitions));
        for (VisitDigest.Treatment t : d.treatments()) {
            dests.add(Spill.partition(t.providerId(), state.partitions));
        }
        for (int dest : dests) {
            parts.toTherapists.add(new Entry(dest, order, data));
        }
        progress.rows(rows);
    }

    /** Allowed dollars per unit of each code, from a Medicare estimate (codes it did not price are absent). */
    private static Map<String, BigDecimal> perUnit(Estimate e, Iterable<String> codes) {
        Map<String, BigDecimal> out = new HashMap<>();
        if (!e.available()) {
            return out;
        }
        for (String code : codes) {
            BigDecimal sum = BigDecimal.ZERO;
            int units = 0;
            for (Estimate.Line l : e.lines()) {
                if (l.code().equals(code) && l.priced() && l.units() > 0) {
                    sum = sum.add(l.allowed());
                    units += l.units();
                }
            }
            if (units > 0) {
                out.put(code, sum.divide(BigDecimal.valueOf(units), 4, RoundingMode.HALF_UP));
            }
        }
        return out;
    }

    /**
     * The therapist a visit is counted under: the first therapist (PT, OT, SLP) who furnished a service, else the
     * supervising therapist an assistant names, else the first provider id; empty when no provider is named.
     */
    static String therapistOf(Visit v) {
        for (ServiceLine s : v.services()) {
            if (s.provider().role().isTherapist() && s.provider().id().isPresent()) {
                return s.provider().id().get();
            }
        }
        for (ServiceLine s : v.services()) {
            if (s.provider().supervisorId().isPresent()) {
                return s.provider().supervisorId().get();
            }
        }
        for (ServiceLine s : v.services()) {
            if (s.provider().id().isPresent()) {
                return s.provider().id().get();
            }
        }
        return "";
    }
}
