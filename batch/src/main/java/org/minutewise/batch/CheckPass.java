package org.minutewise.batch;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditTotals;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;
import org.minutewise.formats.audit.AuditDigest;
import org.minutewise.formats.audit.Bin;
import org.minutewise.formats.audit.VisitAudit;

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
    private final Progress progress;
    private final VisitAudit visitAudit;
    private final List<Optional<CsvVisitReader.Header>> headers = new ArrayList<>();

    CheckPass(Work work, State state, ReferenceData ref, VisitChecker checker, Progress progress) {
        this.work = work;
        this.state = state;
        this.ref = ref;
        this.progress = progress;
        this.visitAudit = new VisitAudit(ref, checker,
                state.payer.isEmpty() ? Optional.empty() : Optional.of(state.payer), state.inputs::get);
        for (List<String> h : state.headers) {
            headers.add(h.isEmpty() ? Optional.empty() : Optional.of(visitAudit.csvHeader(h)));
        }
    }

    /** The part files of a partition, written to temporaries and renamed together. */
    private final class Parts implements AutoCloseable {
        final int p;
        final OutputStream findings;
        final OutputStream claims;
        final List<Spill.Reject> rejects = new ArrayList<>();
        final List<Segments.Entry> toPatients = new ArrayList<>();
        final List<Segments.Entry> toTherapists = new ArrayList<>();
        final AuditTotals totals = new AuditTotals();
        final StringBuilder sb = new StringBuilder(1024);
        boolean oversizedWritten;

        Parts(int p) throws IOException {
            this.p = p;
            this.findings = new BufferedOutputStream(WriteFailed.open(Work.tmp(work.part("check", "findings", p))),
                    1 << 16);
            this.claims = new BufferedOutputStream(WriteFailed.open(Work.tmp(work.part("check", "claims", p))),
                    1 << 16);
        }

        void write(OutputStream os, StringBuilder rows) throws IOException {
            os.write(utf8(rows));
        }

        void reject(Spill.Rec r, String reason) {
            reject(r, reason, 1);
        }

        /** A record set aside that holds {@code rows} service lines (a whole visit read: its lines count). */
        void reject(Spill.Rec r, String reason, int rows) {
            setAside(r, reason);
            totals.rejected(rows);
        }

        /** A claim a later claim replaced or voided, or the void: set aside, but not bad input. */
        void replacedOrVoided(Spill.Rec r, String reason, int rows) {
            setAside(r, reason);
            totals.replacedOrVoided(rows);
        }

        private void setAside(Spill.Rec r, String reason) {
            rejects.add(new Spill.Reject(r.file(), r.line(), r.seq(), r.visitId(), reason));
        }

        void commit() throws IOException {
            findings.close();
            claims.close();
            rejects.sort(Comparator.comparingInt(Spill.Reject::file).thenComparingLong(Spill.Reject::line)
                    .thenComparingLong(Spill.Reject::seq));
            Path rj = Work.tmp(work.part("check", "rejected", p));
            try (OutputStream os = new BufferedOutputStream(WriteFailed.open(rj), 1 << 16)) {
                Bin.Out o = new Bin.Out(256);
                Bin.Out scratch = new Bin.Out(16);
                for (Spill.Reject r : rejects) {
                    Spill.writeReject(os, o, scratch, r);
                }
            }
            if (!oversizedWritten) {
                Path none = Work.tmp(work.part("check", "oversized", p));
                WriteFailed.writing(none, () -> Files.write(none, new byte[0]));
            }
            Segments.write(Work.tmp(work.part("check", "patients", p)), toPatients, state.partitions);
            Segments.write(Work.tmp(work.part("check", "therapists", p)), toTherapists, state.partitions);
            Path tot = Work.tmp(work.part("check", "totals", p));
            String json = Json.mapper().writeValueAsString(totals.toPartJson());
            WriteFailed.writing(tot, () -> Files.writeString(tot, json, StandardCharsets.UTF_8));
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

    /**
     * A visit's rows (each ended by CRLF) as UTF-8, encoded whole by String: the bytes an OutputStreamWriter writes
     * (a lone surrogate as '?'), whose encoder took its slow path on every row with a character beyond ASCII, such as
     * a citation's section sign.
     */
    static byte[] utf8(CharSequence rows) {
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A visit has at most this many rows (the JSON reader's limit on service lines); beyond, all are set aside. */
    static final int MAX_ROWS_PER_VISIT = VisitAudit.MAX_ROWS_PER_VISIT;
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
            // Visits that lost a row to another record's open quote (rare): the first reason, in input order.
            Map<String, Spill.Rec> lost = new HashMap<>(0);
            // Rows without a visit id, by the patient and date they give (rarer still): the first, in input order.
            Map<String, Spill.Rec> orphans = new HashMap<>(0);
            for (Spill.Rec r : recs) {
                if (r.kind() == Spill.LOST_ROW) {
                    lost.merge(r.visitId(), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
                } else if (r.kind() == Spill.ORPHAN) {
                    orphans.merge(r.text(all), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
                } else if (r.visitId().isEmpty()) {
                    loose.add(r);
                } else {
                    groups.computeIfAbsent(r.visitId(), k -> new ArrayList<>(4)).add(r);
                }
            }
            loose.sort(ORDER);
            for (Spill.Rec r : loose) {
                visit(List.of(r), all, parts, csvRows(all));
            }
            for (String id : new TreeSet<>(groups.keySet())) {
                List<Spill.Rec> g = groups.get(id);
                g.sort(ORDER);
                // Too many rows first, as for a partition too large to load (the same reason whatever its size).
                if (g.size() > MAX_ROWS_PER_VISIT) {
                    progress.advance(g.size());
                    for (Spill.Rec r : g) {
                        parts.reject(r, tooManyRows(id, g.size()));
                    }
                    continue;
                }
                Spill.Rec lostRow = lost.get(id);
                if (lostRow != null) {
                    // Checked without that row, the visit would show wrong units and findings: set aside whole.
                    progress.advance(g.size());
                    String why = VisitAudit.lostRowReason(id, lostRow.text(all), g.size());
                    for (Spill.Rec r : g) {
                        parts.reject(r, why);
                    }
                    continue;
                }
                // With rows without a visit id about, each row is read to see whose they may be: read once, the
                // records kept for the visit's own reading.
                VisitAudit.CsvRows<Spill.Rec> how = orphans.isEmpty() ? csvRows(all)
                        : VisitAudit.parsedOnce(csvRows(all));
                Optional<String> orphan = orphans.isEmpty() ? Optional.empty()
                        : VisitAudit.orphanOf(g, how, r -> r.kind() == Spill.CSV, orphans);
                if (orphan.isPresent()) {
                    progress.advance(g.size());
                    String why = CsvVisitReader.orphanReason(id, orphan.get(), orphans.get(orphan.get()).line(),
                            g.size());
                    for (Spill.Rec r : g) {
                        parts.reject(r, why);
                    }
                    continue;
                }
                visit(g, all, parts, how);
            }
            parts.commit();
        }
    }

    private static String tooManyRows(String visitId, long rows) {
        return VisitAudit.tooManyRows(visitId, rows);
    }

    /**
     * Streams a large partition twice: first counting rows per visit id, then rejecting (straight to a part file,
     * in input order) the rows of visits with too many rows and keeping the rest, which is returned.
     */
    private byte[] withoutOversized(Path spill, Parts parts) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Spill.forEach(spill, (rec, header) -> {
            if (header.kind() != Spill.LOST_ROW && header.kind() != Spill.ORPHAN) {
                counts.merge(header.visitId(), 1, Integer::sum);
            }
        });
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
        try (OutputStream rejects = new BufferedOutputStream(WriteFailed.open(
                Work.tmp(work.part("check", "oversized", parts.p))), 1 << 16)) {
            Spill.forEach(spill, (rec, header) -> {
                Integer n = big.get(header.visitId());
                if (n == null || header.kind() == Spill.LOST_ROW || header.kind() == Spill.ORPHAN) {
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
        // A visit read whole from an 837 knows its CLM segment's position (X12 counts segments, not lines).
        return r.line() > 0 ? file + (r.kind() == Spill.CLAIM ? " segment " : " line ") + r.line()
                : file + " visit #" + (r.seq() + 1);
    }

    /** One visit's records: read, validated, checked, written. */
    private void visit(List<Spill.Rec> recs, byte[] all, Parts parts, VisitAudit.CsvRows<Spill.Rec> how)
            throws IOException {
        progress.advance(recs.size());
        Spill.Rec first = recs.get(0);
        // Each JSON, FHIR or X12 record is one occurrence of the visit; a CSV file's rows together are one. A visit
        // in two files (overlapping exports) would have its billed units counted twice: set aside, saying where. A
        // claim's corrections (frequency 7 or 8; in CSV the claimFrequency column of a file's rows) are not a second
        // visit: the one in force is audited.
        Map<String, List<Long>> occurrences = new java.util.LinkedHashMap<>();
        boolean records = true;
        for (Spill.Rec r : recs) {
            if (r.kind() == Spill.CSV) {
                records = false;
                occurrences.computeIfAbsent(state.inputs.get(r.file()), f -> new ArrayList<>()).add(r.line());
            } else {
                occurrences.put(place(r), List.of());
            }
        }
        if (records && inForce(recs, all, parts)) {
            return;
        }
        if (allCsv(recs) && csvInForce(recs, all, parts, how)) {
            return;
        }
        if (occurrences.size() > 1) {
            String why = VisitAudit.comesMoreThanOnce(first.visitId(), occurrences);
            for (Spill.Rec r : recs) {
                parts.reject(r, withOwn(r, all, why, how), rows(r, all));
            }
            return;
        }
        checkCsv(visitAudit.assembleCsv(first.visitId(), recs, how), parts);
    }

    private static boolean allCsv(List<Spill.Rec> recs) {
        for (Spill.Rec r : recs) {
            if (r.kind() != Spill.CSV) {
                return false;
            }
        }
        return true;
    }

    /** A CSV visit's rows read into it: its bad rows set aside, the visit checked. */
    private void checkCsv(VisitAudit.Assembled<Spill.Rec> got, Parts parts) throws IOException {
        for (VisitAudit.Rejected<Spill.Rec> x : got.rejected()) {
            parts.reject(x.row(), x.reason());
        }
        if (got.visit().isEmpty()) {
            return;
        }
        List<Spill.Rec> used = got.used();
        check(got.visit().get(), used.size(), used.get(0), used, parts);
    }

    /**
     * A CSV visit's rows (in one file or several, in input order) read as a claim and its corrections (the
     * {@code claimFrequency} column, {@link VisitAudit#csvCorrections}): the claim in force checked, the others set
     * aside as replaced or voided; claims that are not one claim and its corrections (two originals) all set aside as
     * a visit that comes more than once. False, having done nothing, when a claim's rows cannot be read as a visit: the
     * caller reads them as before, to report why.
     */
    private boolean csvInForce(List<Spill.Rec> recs, byte[] all, Parts parts, VisitAudit.CsvRows<Spill.Rec> how)
            throws IOException {
        String visitId = recs.get(0).visitId();
        VisitAudit.CsvClaims<Spill.Rec> c = visitAudit.csvCorrections(visitId, recs,
                r -> state.inputs.get(r.file()), how);
        if (c.inForce().isPresent()) {
            for (VisitAudit.Rejected<Spill.Rec> x : c.inForce().get().setAside()) {
                parts.replacedOrVoided(x.row(), x.reason(), 1);
            }
            if (c.inForce().get().inForce().isPresent()) {
                checkCsv(c.inForce().get().inForce().get(), parts);
            }
            return true;
        }
        if (!c.claims().isEmpty()) {
            String why = VisitAudit.comesMoreThanOnce(visitId, c.claims());
            for (Spill.Rec r : recs) {
                parts.reject(r, withOwn(r, all, why, how), 1);
            }
            return true;
        }
        return false;
    }

    /**
     * The reason a record of a visit set aside as a whole (it comes more than once) is given: its own error first
     * when it could not be read by itself either (a row's negative minutes), so that neither reason is lost.
     */
    private String withOwn(Spill.Rec r, byte[] all, String why, VisitAudit.CsvRows<Spill.Rec> how) {
        return VisitAudit.withOwn(ownError(r, all, how), why);
    }

    /** Why a record cannot be read by itself (as when its visit is read alone), or empty when it can. */
    private Optional<String> ownError(Spill.Rec r, byte[] all, VisitAudit.CsvRows<Spill.Rec> how) {
        try {
            if (r.kind() == Spill.CSV) {
                // As the Spark job reads it too (the same words).
                return visitAudit.csvRowError(r, how);
            } else {
                VisitJsonReader reader = new VisitJsonReader(ref);
                reader.read(reader.parse(r.text(all)));
            }
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(r.kind() == Spill.JSONL ? e.onLine(r.line()).getMessage() : e.getMessage());
        }
    }

    /** How this pass reads a spilled CSV row: its line, its fields from the spill's bytes, its file's header. */
    private VisitAudit.CsvRows<Spill.Rec> csvRows(byte[] all) {
        return new VisitAudit.CsvRows<>() {
            @Override
            public long line(Spill.Rec r) {
                return r.line();
            }

            @Override
            public CsvRecordReader.Record record(Spill.Rec r) {
                Optional<List<String>> fast = RecordFields.split(all, r.dataOff(), r.dataLen());
                // An error names the column by the header's name ("line 12, column note"), as the check command does.
                return fast.isPresent() ? new CsvRecordReader.Record(r.line(), fast.get(),
                        RecordFields.plain(all, r.dataOff(), r.dataLen()))
                        : CsvRecordReader.parse(r.text(all), r.line(), header(r).names());
            }

            @Override
            public CsvVisitReader.Header header(Spill.Rec r) {
                return headers.get(r.file()).orElseThrow(() -> new IllegalStateException(
                        "no CSV header for input " + r.file()));
            }
        };
    }

    /**
     * The input rows a record stands for, as {@code read} counts them: a CSV row is one; a visit read whole (JSON,
     * JSON Lines, FHIR, an 837 claim) counts its service lines, and 1 when it cannot be read.
     */
    private int rows(Spill.Rec r, byte[] all) {
        if (r.kind() == Spill.CSV) {
            return 1;
        }
        try {
            VisitJsonReader reader = new VisitJsonReader(ref);
            return lines(reader.read(reader.parse(r.text(all))));
        } catch (InputException e) {
            return 1;
        }
    }

    private static int lines(Visit v) {
        return Math.max(1, v.services().size());
    }

    /**
     * The records of a visit read whole (JSON, FHIR, 837 claims), in input order: each read, then the claim in force
     * after its corrections checked and the others set aside ({@link VisitAudit#corrections}). False, having done
     * nothing, when several records cannot be read as one claim and its corrections (two originals, or one that
     * cannot be read): the caller sets them all aside as a visit that comes more than once.
     */
    private boolean inForce(List<Spill.Rec> recs, byte[] all, Parts parts) throws IOException {
        VisitJsonReader reader = new VisitJsonReader(ref);
        Map<Spill.Rec, Visit> read = new java.util.IdentityHashMap<>(recs.size());
        List<VisitAudit.Occurrence<Spill.Rec>> inOrder = new ArrayList<>(recs.size());
        for (Spill.Rec r : recs) {
            Visit v;
            try {
                v = reader.read(reader.parse(r.text(all)));
            } catch (InputException e) {
                if (recs.size() > 1) {
                    return false;
                }
                parts.reject(r, r.kind() == Spill.JSONL ? e.onLine(r.line()).getMessage() : e.getMessage());
                return true;
            }
            read.put(r, v);
            inOrder.add(new VisitAudit.Occurrence<>(r, place(r), v.claimInfo().claimFrequency()));
        }
        Optional<VisitAudit.InForce<Spill.Rec>> in = VisitAudit.corrections(recs.get(0).visitId(), inOrder);
        if (in.isEmpty()) {
            return false;
        }
        for (VisitAudit.Rejected<Spill.Rec> x : in.get().setAside()) {
            parts.replacedOrVoided(x.row(), x.reason(), lines(read.get(x.row())));
        }
        if (in.get().row().isPresent()) {
            Spill.Rec r = in.get().row().get();
            Visit v = read.get(r);
            if (in.get().replaced()) {
                // The claim of record now: not a correction the checks across visits should match to another id.
                v = v.toBuilder().claimInfo(v.claimInfo().withClaimFrequency(Optional.empty())).build();
            }
            check(v, v.services().size(), r, List.of(r), parts);
        }
        return true;
    }

    /**
     * The therapist partitions a visit's digest goes to: those of the providers who treated, and of the therapists the
     * visit is counted under (what the patients' duplicate claims void goes there too).
     */
    static TreeSet<Integer> therapistPartitions(AuditDigest digest, int partitions) {
        TreeSet<Integer> dests = new TreeSet<>();
        dests.add(Spill.partition(digest.therapist(), partitions));
        for (AuditDigest.Share share : digest.shares()) {
            dests.add(Spill.partition(share.therapist(), partitions));
        }
        for (VisitDigest.Treatment t : digest.digest().treatments()) {
            dests.add(Spill.partition(t.providerId(), partitions));
        }
        return dests;
    }

    private void check(Visit visit, int rows, Spill.Rec first, List<Spill.Rec> recs, Parts parts)
            throws IOException {
        VisitAudit.Outcome out = visitAudit.check(visit, rows, first.file(), first.line(), parts.totals,
                first.kind() == Spill.CLAIM);
        if (out.failed()) {
            for (Spill.Rec rec : recs) {
                parts.reject(rec, out.failure().get(), rec.kind() == Spill.CSV ? 1 : rows);
            }
            return;
        }
        StringBuilder sb = parts.sb;
        sb.setLength(0);
        for (AuditCsv.FindingRow f : out.findings()) {
            f.appendTo(sb);
        }
        parts.write(parts.findings, sb);
        sb.setLength(0);
        for (AuditCsv.ClaimRow c : out.claims()) {
            c.appendTo(sb);
        }
        parts.write(parts.claims, sb);
        // The digest, for the checks across visits.
        AuditDigest digest = out.digest().orElseThrow();
        VisitDigest d = digest.digest();
        Bin.Out o = new Bin.Out(512);
        digest.encode(o);
        byte[] data = o.toByteArray();
        int order = parts.toPatients.size();
        parts.toPatients.add(new Segments.Entry(Spill.partition(d.patientId(), state.partitions), order, data));
        for (int dest : therapistPartitions(digest, state.partitions)) {
            parts.toTherapists.add(new Segments.Entry(dest, order, data));
        }
        progress.rows(rows);
    }
}
