package org.minutewise.batch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.minutewise.core.across.AcrossFinding;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.TherapistVolume;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.model.YearToDate;
import org.minutewise.formats.Json;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditTotals;

/**
 * Pass 3: the checks across visits. A patient partition gathers the digests of its patients from every check
 * partition and runs {@link PatientHistory} per patient (progress reports, KX crossing in date order, copied notes,
 * duplicate claims); a therapist partition gathers the digests of its providers and runs {@link TherapistVolume}
 * and the therapist-day overlap check ({@link AcrossChecks#therapistDay}). Each partition writes its findings and
 * totals to part files renamed when complete.
 */
final class AcrossPass {
    private final Work work;
    private final State state;
    private final ReferenceData ref;
    private final Progress progress;

    AcrossPass(Work work, State state, ReferenceData ref, Progress progress) {
        this.work = work;
        this.state = state;
        this.ref = ref;
        this.progress = progress;
    }

    /** The digests bound for partition {@code q} of a kind, from every check partition, in partition order. */
    private List<DigestRecord> load(String kind, int q) throws IOException {
        List<DigestRecord> out = new ArrayList<>();
        Bin.Interner strings = new Bin.Interner();
        boolean lines = kind.equals("patients");
        ByteBuffer head = ByteBuffer.allocate(16);
        for (int s = 0; s < state.partitions; s++) {
            try (FileChannel ch = FileChannel.open(work.part("check", kind, s), StandardOpenOption.READ)) {
                head.clear();
                readFully(ch, head, 8L * q);
                long from = head.getLong(0);
                long to = head.getLong(8);
                if (to == from) {
                    continue;
                }
                ByteBuffer seg = ByteBuffer.allocate((int) (to - from));
                readFully(ch, seg, from);
                Bin.In in = new Bin.In(seg.array());
                while (in.more()) {
                    int n = in.varInt();
                    int end = in.position() + n;
                    out.add(DigestRecord.decode(new Bin.In(seg.array(), in.position(), end), strings, lines));
                    in.seek(end);
                }
            }
        }
        return out;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long pos = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("work file shorter than its index");
            }
            pos += n;
        }
    }

    private record Row(String visitId, String ruleId, AuditCsv.FindingRow row) {
    }

    private AuditCsv.FindingRow row(DigestRecord r, Finding f) {
        VisitDigest d = r.digest();
        return new AuditCsv.FindingRow(d.visitId(), r.line(), f.ruleId(), f.severity(), f.message(),
                state.inputs.get(r.file()), f.path(), d.date().toString(),
                d.patientId().startsWith("visit:") ? "" : d.patientId(), r.therapist(), d.payer());
    }

    /** Patient partition {@code q}. */
    void patients(int q) throws IOException {
        List<DigestRecord> recs = load("patients", q);
        Map<String, List<DigestRecord>> byPatient = new TreeMap<>();
        for (DigestRecord r : recs) {
            byPatient.computeIfAbsent(r.digest().patientId(), k -> new ArrayList<>()).add(r);
        }
        AuditTotals totals = new AuditTotals();
        List<Row> rows = new ArrayList<>();
        for (List<DigestRecord> visits : byPatient.values()) {
            Map<String, DigestRecord> byVisit = new HashMap<>();
            List<VisitDigest> digests = new ArrayList<>(visits.size());
            Map<Integer, DigestRecord> firstOfYear = new HashMap<>();
            for (DigestRecord r : visits) {
                byVisit.put(r.digest().visitId(), r);
                digests.add(r.digest());
                firstOfYear.merge(r.digest().date().getYear(), r, (a, b) -> earlier(a, b) ? a : b);
            }
            Map<Integer, YearToDate> startOfYear = new HashMap<>();
            firstOfYear.forEach((year, r) -> startOfYear.put(year, new YearToDate(r.ptSlpBefore(), r.otBefore())));
            Set<String> exposed = new HashSet<>();
            for (AcrossFinding af : PatientHistory.check(digests, startOfYear, ref.fees())) {
                DigestRecord r = byVisit.get(af.visitId());
                rows.add(new Row(af.visitId(), af.finding().ruleId(), row(r, af.finding())));
                totals.finding(af.finding().ruleId(), af.finding().severity(), r.therapist(), r.digest().payer());
                if (af.finding().ruleId().equals(PatientHistory.KX_CROSSING.id()) && exposed.add(af.visitId())) {
                    long lines = 0;
                    BigDecimal dollars = BigDecimal.ZERO;
                    for (VisitDigest.Line l : r.digest().lines()) {
                        if (l.units() > 0 && !l.modifiers().contains("KX")) {
                            lines++;
                            dollars = dollars.add(l.allowed());
                        }
                    }
                    totals.kxExposure(lines, dollars);
                }
            }
            progress.rows(visits.size());
        }
        write("patients", q, rows, totals);
    }

    private static boolean earlier(DigestRecord a, DigestRecord b) {
        int c = a.digest().date().compareTo(b.digest().date());
        return c < 0 || c == 0 && a.digest().visitId().compareTo(b.digest().visitId()) <= 0;
    }

    /** Therapist partition {@code q}: the providers whose id hashes to it. */
    void therapists(int q) throws IOException {
        Map<String, DigestRecord> unique = new LinkedHashMap<>();
        for (DigestRecord r : load("therapists", q)) {
            unique.putIfAbsent(r.digest().visitId(), r);
        }
        AuditTotals totals = new AuditTotals();
        List<Row> rows = new ArrayList<>();
        // The totals of the therapists this partition holds: each visit counted under its own therapist here.
        for (DigestRecord r : unique.values()) {
            if (Spill.partition(r.therapist(), state.partitions) == q) {
                DigestRecord.Stats s = r.stats();
                totals.therapistVisit(r.therapist(), s.unitsBilled(), s.unitsSupported(), s.over(), s.under(),
                        s.block(), s.warn(), s.info());
            }
        }
        // Minutes per timed unit over the period audited.
        Map<String, long[]> minutes = new HashMap<>();
        Map<String, double[]> units = new HashMap<>();
        for (DigestRecord r : unique.values()) {
            TherapistVolume.add(minutes, units, r.digest());
        }
        minutes.keySet().removeIf(id -> Spill.partition(id, state.partitions) != q);
        units.keySet().removeIf(id -> Spill.partition(id, state.partitions) != q);
        for (Finding f : TherapistVolume.check(minutes, units)) {
            String provider = f.path().startsWith("provider=") ? f.path().substring("provider=".length()) : "";
            rows.add(new Row("", f.ruleId(), new AuditCsv.FindingRow("", 0, f.ruleId(), f.severity(), f.message(),
                    "", f.path(), "", "", provider, "")));
            totals.finding(f.ruleId(), f.severity(), provider, "");
        }
        // One provider's one-on-one minutes on one day, across patients.
        Map<String, Map<LocalDate, List<VisitDigest>>> days = new TreeMap<>();
        Map<String, DigestRecord> byVisit = new HashMap<>();
        for (DigestRecord r : unique.values()) {
            byVisit.put(r.digest().visitId(), r);
            Set<String> seen = new HashSet<>();
            for (VisitDigest.Treatment t : r.digest().treatments()) {
                if (t.oneOnOne() && !t.periods().isEmpty() && Spill.partition(t.providerId(), state.partitions) == q
                        && seen.add(t.providerId())) {
                    days.computeIfAbsent(t.providerId(), k -> new TreeMap<>())
                            .computeIfAbsent(r.digest().date(), k -> new ArrayList<>()).add(r.digest());
                }
            }
        }
        for (Map.Entry<String, Map<LocalDate, List<VisitDigest>>> p : days.entrySet()) {
            for (Map.Entry<LocalDate, List<VisitDigest>> d : p.getValue().entrySet()) {
                if (d.getValue().size() < 2) {
                    continue;
                }
                for (AcrossFinding af : AcrossChecks.therapistDay(p.getKey(), d.getKey(), d.getValue())) {
                    DigestRecord r = byVisit.get(af.visitId());
                    rows.add(new Row(af.visitId(), af.finding().ruleId(), row(r, af.finding())));
                    totals.finding(af.finding().ruleId(), af.finding().severity(), r.therapist(), r.digest().payer());
                }
            }
        }
        progress.rows(unique.size());
        write("therapists", q, rows, totals);
    }

    private void write(String pass, int q, List<Row> rows, AuditTotals totals) throws IOException {
        rows.sort(Comparator.comparing(Row::visitId).thenComparing(Row::ruleId));
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            r.row().appendTo(sb);
        }
        Path findings = work.part(pass, "findings", q);
        Path tot = work.part(pass, "totals", q);
        Files.writeString(Work.tmp(findings), sb, StandardCharsets.UTF_8);
        Files.writeString(Work.tmp(tot), Json.mapper().writeValueAsString(totals.toPartJson()),
                StandardCharsets.UTF_8);
        Work.commit(Work.tmp(findings), findings);
        Work.commit(Work.tmp(tot), tot);
    }
}
