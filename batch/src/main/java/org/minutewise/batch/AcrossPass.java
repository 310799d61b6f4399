package org.minutewise.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.Json;
import org.minutewise.formats.audit.AuditCsv;
import org.minutewise.formats.audit.AuditTotals;
import org.minutewise.formats.audit.AuditDigest;
import org.minutewise.formats.audit.Bin;
import org.minutewise.formats.audit.AcrossAudit;

/**
 * Pass 3: the checks across visits. A patient partition gathers the digests of its patients from every check
 * partition and runs {@link PatientHistory} per patient (progress reports, KX crossing in date order, copied notes,
 * duplicate claims); a therapist partition gathers the digests of its providers and runs the therapist checks;
 * both through the shared {@link AcrossAudit}. The patient partitions first decide the duplicate claims (MW-A006,
 * {@link #duplicates}): a void copy counts toward no therapist's checks. The therapist partitions run next: the minutes they find a visit
 * shares with another patient (MW-A001) go to the visit's patient partition, which takes the units they supported
 * off the visit and counts the patient's day without them. Each partition writes its findings and
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
    private List<AuditDigest> load(String kind, int q) throws IOException {
        List<AuditDigest> out = new ArrayList<>();
        Bin.Interner strings = new Bin.Interner();
        boolean lines = kind.equals("patients");
        for (int s = 0; s < state.partitions; s++) {
            Segments.read(work.part("check", kind, s), q, in -> out.add(AuditDigest.decode(in, strings, lines)));
        }
        return out;
    }

    private record Row(String visitId, String ruleId, AuditCsv.FindingRow row) {
    }

    /** Patient partition {@code q}. */
    void patients(int q) throws IOException {
        List<AuditDigest> recs = load("patients", q);
        Map<String, List<AuditDigest>> byPatient = new TreeMap<>();
        for (AuditDigest r : recs) {
            byPatient.computeIfAbsent(r.digest().patientId(), k -> new ArrayList<>()).add(r);
        }
        AuditTotals totals = new AuditTotals();
        List<Row> rows = new ArrayList<>();
        // The claim lines that need KX, bound for the check partition of their visit (claims.csv is patched there).
        List<Segments.Entry> fixes = new ArrayList<>();
        // The supported units the patients' days take off their visits' lines (MW-A012), likewise.
        List<Segments.Entry> cuts = new ArrayList<>();
        Bin.Out o = new Bin.Out(64);
        // The minutes the therapist partitions found the patients' visits share with other patients (MW-A001).
        Map<String, Map<String, Map<String, java.util.BitSet>>> shared = new TreeMap<>();
        for (int s = 0; s < state.partitions; s++) {
            Segments.read(work.part("therapists", "shared", s), q, in -> AcrossAudit.Shared.decode(in, shared));
        }
        for (List<AuditDigest> visits : byPatient.values()) {
            for (AuditCsv.FindingRow f : AcrossAudit.patient(visits, shared, ref, state.inputs::get, totals, fix -> {
                o.reset();
                fix.encode(o);
                fixes.add(new Segments.Entry(Spill.partition(fix.visitId(), state.partitions), fixes.size(),
                        o.toByteArray()));
            }, cut -> {
                o.reset();
                o.string(cut.visitId()).string(cut.code()).varInt(cut.units())
                        .varInt(cut.assistantUnits() + 1);
                cuts.add(new Segments.Entry(Spill.partition(cut.visitId(), state.partitions), cuts.size(),
                        o.toByteArray()));
            })) {
                rows.add(new Row(f.visitId(), f.ruleId(), f));
            }
            progress.rows(visits.size());
        }
        Path kx = work.part("patients", "kx", q);
        Segments.write(Work.tmp(kx), fixes, state.partitions);
        Path cut = work.part("patients", "cuts", q);
        Segments.write(Work.tmp(cut), cuts, state.partitions);
        write("patients", q, rows, totals);
        Work.commit(Work.tmp(kx), kx);
        Work.commit(Work.tmp(cut), cut);
    }

    /**
     * The digests of patient partition {@code q} whose patient has another visit of their date, in partition order:
     * only those can be duplicate claims ({@link AcrossAudit#voided} decides over a patient's visits of one date), so
     * each digest's patient and date are read first and only those visits read whole (most patients have one visit
     * a day: the decision no longer decodes the whole partition, which the patients' checks decode again).
     */
    private List<AuditDigest> sameDay(int q) throws IOException {
        List<Bin.In> written = new ArrayList<>();
        List<AuditDigest.PatientDate> keys = new ArrayList<>();
        Map<AuditDigest.PatientDate, Integer> visits = new java.util.HashMap<>();
        Bin.Interner strings = new Bin.Interner();
        for (int s = 0; s < state.partitions; s++) {
            Segments.read(work.part("check", "patients", s), q, in -> {
                int start = in.position();
                AuditDigest.PatientDate key = AuditDigest.patientDate(in, strings);
                in.seek(start);
                written.add(in);
                keys.add(key);
                visits.merge(key, 1, Integer::sum);
            });
        }
        List<AuditDigest> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (visits.get(keys.get(i)) > 1) {
                out.add(AuditDigest.decode(written.get(i), strings, true));
            }
        }
        return out;
    }

    /**
     * Patient partition {@code q}, before the therapists: what its patients' duplicate claims void (MW-A006, decided
     * as the patient checks decide it, over each patient's visits of a date), bound for the therapist partitions of
     * each voided visit ({@code voids}), which leave the void copy out of MW-A001 and MW-A007.
     */
    void duplicates(int q) throws IOException {
        List<AuditDigest> recs = sameDay(q);
        Map<String, AuditDigest> byVisit = new java.util.HashMap<>();
        recs.forEach(r -> byVisit.put(r.digest().visitId(), r));
        List<Segments.Entry> voids = new ArrayList<>();
        Bin.Out o = new Bin.Out(64);
        for (AcrossAudit.Voided v : AcrossAudit.voided(recs)) {
            o.reset();
            v.encode(o);
            byte[] data = o.toByteArray();
            int order = voids.size();
            for (int dest : CheckPass.therapistPartitions(byVisit.get(v.visitId()), state.partitions)) {
                voids.add(new Segments.Entry(dest, order, data));
            }
        }
        Path part = work.part("patients", "voids", q);
        Segments.write(Work.tmp(part), voids, state.partitions);
        Work.commit(Work.tmp(part), part);
    }

    /** Therapist partition {@code q}: the providers whose id hashes to it. */
    void therapists(int q) throws IOException {
        Map<String, AuditDigest> unique = new LinkedHashMap<>();
        for (AuditDigest r : load("therapists", q)) {
            unique.putIfAbsent(r.digest().visitId(), r);
        }
        // What the patients' duplicate claims void (MW-A006): the copy is no visit of the therapist's checks.
        Map<String, AcrossAudit.Voided> voided = new java.util.HashMap<>();
        for (int s = 0; s < state.partitions; s++) {
            Segments.read(work.part("patients", "voids", s), q, in -> {
                AcrossAudit.Voided v = AcrossAudit.Voided.decode(in);
                voided.put(v.visitId(), v);
            });
        }
        AuditTotals totals = new AuditTotals();
        List<Row> rows = new ArrayList<>();
        // The minutes of one-on-one codes shared with other patients (MW-A001), bound for the patient partition of
        // their visit, which takes off the units they supported (with the patient's day counted without them).
        List<Segments.Entry> shared = new ArrayList<>();
        Bin.Out o = new Bin.Out(64);
        for (AuditCsv.FindingRow f : AcrossAudit.therapists(unique.values(), voided,
                id -> Spill.partition(id, state.partitions) == q, state.inputs::get, totals, s -> {
                    o.reset();
                    s.encode(o);
                    shared.add(new Segments.Entry(Spill.partition(s.patientId(), state.partitions), shared.size(),
                            o.toByteArray()));
                })) {
            rows.add(new Row(f.visitId(), f.ruleId(), f));
        }
        progress.rows(unique.size());
        Path sharedPart = work.part("therapists", "shared", q);
        Segments.write(Work.tmp(sharedPart), shared, state.partitions);
        write("therapists", q, rows, totals);
        Work.commit(Work.tmp(sharedPart), sharedPart);
    }

    private void write(String pass, int q, List<Row> rows, AuditTotals totals) throws IOException {
        rows.sort(Comparator.comparing(Row::visitId).thenComparing(Row::ruleId));
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            r.row().appendTo(sb);
        }
        Path findings = work.part(pass, "findings", q);
        Path tot = work.part(pass, "totals", q);
        WriteFailed.writing(Work.tmp(findings), () -> Files.writeString(Work.tmp(findings), sb,
                StandardCharsets.UTF_8));
        String json = Json.mapper().writeValueAsString(totals.toPartJson());
        WriteFailed.writing(Work.tmp(tot), () -> Files.writeString(Work.tmp(tot), json, StandardCharsets.UTF_8));
        Work.commit(Work.tmp(findings), findings);
        Work.commit(Work.tmp(tot), tot);
    }
}
