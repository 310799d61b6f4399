package org.minutewise.formats.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.check.rules.BilledLines;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.NcciAnalysis;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.PaymentEstimator;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * One visit of an audit, whatever runs the audit (the batch {@code audit} command, the Spark job): the rows of a
 * visit assembled into a {@link Visit} or set aside with their reasons, then the visit checked and turned into
 * its rows of {@code findings.csv} and {@code claims.csv}, its share of the totals and its {@link AuditDigest} for
 * the checks across visits ({@link AcrossAudit}). Both runners call this class, so they give the same rows.
 * The class holds no mutable state and may be shared between threads; each thread adds to its own
 * {@link AuditTotals}.
 */
public final class VisitAudit {
    /** A visit has at most this many rows (the JSON reader's limit on service lines); beyond, all are set aside. */
    public static final int MAX_ROWS_PER_VISIT = org.minutewise.formats.VisitJsonReader.MAX_SERVICES;

    private final VisitChecker checker;
    private final Optional<String> payer;
    private final IntFunction<String> fileNames;
    private final CsvVisitReader csvReader;

    /**
     * @param ref       the reference data
     * @param checker   the checker (shared; it is thread-safe)
     * @param payer     a payer profile that replaces every visit's own ({@code --payer}), if any
     * @param fileNames the name of input file number {@code i}, as the outputs show it
     */
    public VisitAudit(ReferenceData ref, VisitChecker checker, Optional<String> payer, IntFunction<String> fileNames) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.payer = Objects.requireNonNull(payer, "payer");
        this.fileNames = Objects.requireNonNull(fileNames, "fileNames");
        this.csvReader = new CsvVisitReader(Objects.requireNonNull(ref, "ref"));
    }

    /** The header of a CSV input from its field names (validated when the run started). */
    public CsvVisitReader.Header csvHeader(List<String> fields) {
        return csvReader.header(new CsvRecordReader.Record(1, fields));
    }

    /** Every rule id with its catalog entry, the checks across visits included (for titles in the report). */
    public static Map<String, RuleInfo> catalog() {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (RuleInfo i : RuleBook.standard().catalog()) {
            m.put(i.id(), i);
        }
        for (RuleInfo i : AcrossAudit.rules()) {
            m.putIfAbsent(i.id(), i);
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------ assembling rows

    /** A row of the input set aside, with the reason a biller reads in {@code rejected.csv}. */
    public record Rejected<T>(T row, String reason) {
        public Rejected {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The rows of one visit id read into a visit, or set aside. {@code used} are the rows the visit was built
     * from (the first names the visit's file and line).
     */
    public record Assembled<T>(Optional<Visit> visit, List<T> used, List<Rejected<T>> rejected) {
    }

    /** How a runner reads one of its CSV rows: its line, its fields (or the CSV error), its file's header. */
    public interface CsvRows<T> {
        long line(T row);

        /** The parsed record; {@code null} for an empty record. */
        CsvRecordReader.Record record(T row);

        CsvVisitReader.Header header(T row);
    }

    /**
     * {@code how} with each row's record parsed once: a row's record (or the error reading it) is kept the first time it
     * is asked for and given again after, so that a visit whose rows two steps read (the orphan rows' check,
     * {@link #orphanOf}, then the visit's own reading) parses each row once. For one visit's rows at a time: it keeps
     * them until it is dropped.
     */
    public static <T> CsvRows<T> parsedOnce(CsvRows<T> how) {
        java.util.Map<T, Object> parsed = new java.util.IdentityHashMap<>();
        Object none = new Object(); // an empty record (null)
        return new CsvRows<>() {
            @Override
            public long line(T row) {
                return how.line(row);
            }

            @Override
            public CsvRecordReader.Record record(T row) {
                Object got = parsed.get(row);
                if (got == null) {
                    try {
                        CsvRecordReader.Record r = how.record(row);
                        got = r == null ? none : r;
                    } catch (InputException e) {
                        got = e;
                    }
                    parsed.put(row, got);
                }
                if (got instanceof InputException e) {
                    throw e;
                }
                return got == none ? null : (CsvRecordReader.Record) got;
            }

            @Override
            public CsvVisitReader.Header header(T row) {
                return how.header(row);
            }
        };
    }

    /**
     * The patient and date ({@link CsvVisitReader#patientDate}) that one of a visit's CSV rows gives and a row without
     * a visit id also gave (a key of {@code orphans}, {@link CsvVisitReader#orphanKey}), the first in the rows' order;
     * empty if none. Rows {@code csv} refuses (a runner's own notes, records of other formats) are passed over, and
     * so are rows that cannot be read: the visit's own check reports those.
     */
    public static <T> Optional<String> orphanOf(List<T> rows, CsvRows<T> how, java.util.function.Predicate<T> csv,
                                                Map<String, ?> orphans) {
        for (T r : rows) {
            if (!csv.test(r)) {
                continue;
            }
            try {
                CsvRecordReader.Record rec = how.record(r);
                Optional<String> key = rec == null ? Optional.empty() : CsvVisitReader.patientDate(how.header(r), rec);
                if (key.isPresent() && orphans.containsKey(key.get())) {
                    return key;
                }
            } catch (InputException e) {
                // A row that cannot be read is reported by the visit's own check.
            }
        }
        return Optional.empty();
    }

    /** The reason all rows of a visit with too many rows are set aside. */
    public static String tooManyRows(String visitId, long rows) {
        return "visit " + visitId + " has " + rows + " rows; a visit has at most " + MAX_ROWS_PER_VISIT
                + " service lines, so all its rows are set aside";
    }

    /**
     * A record of a visit read whole (a JSON or FHIR visit, an 837 claim), with where it is ("claims.edi segment 12")
     * and its claim frequency (CLM05-3: 1 original, 7 replacement, 8 void; empty when not stated: an original).
     */
    public record Occurrence<T>(T row, String place, Optional<String> frequency) {
        public Occurrence {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(frequency, "frequency");
        }
    }

    /**
     * What a claim's corrections leave of its records: the one audited (none when voided) and the others set aside;
     * {@code replaced} when the one audited is a replacement whose claim is among them (it is then the claim of
     * record, not a correction still to match to a claim under another id).
     */
    public record InForce<T>(Optional<T> row, List<Rejected<T>> setAside, boolean replaced) {
    }

    /**
     * A visit's records, in input order, read as a claim and its corrections: a replacement (frequency 7) replaces
     * the claim before it, which is set aside; a void (8) cancels the claim before it, and both are set aside (a
     * void bills nothing); a replacement with no claim before it in the audit is audited as the claim of record.
     * Empty when a record that is not a correction comes while a claim is in force: two originals of one visit (a
     * visit in two exports), which {@link #comesMoreThanOnce} sets aside. Give the files in the order the claims
     * were sent: a replacement is matched to the claim before it by the visit id (the patient control number,
     * CLM01), not by the payer's claim number, which the audit does not have for the original.
     */
    public static <T> Optional<InForce<T>> corrections(String visitId, List<Occurrence<T>> inOrder) {
        Occurrence<T> current = null;
        boolean replaced = false;
        List<Rejected<T>> aside = new ArrayList<>();
        for (Occurrence<T> o : inOrder) {
            String f = o.frequency().orElse("1");
            if (f.equals("7")) {
                // The claim of record once it replaces an original in the audit, or a replacement of one.
                replaced = current != null && (replaced || !current.frequency().orElse("1").equals("7"));
                if (current != null) {
                    aside.add(new Rejected<>(current.row(), "visit " + visitId + " (" + current.place() + ") is "
                            + "replaced by the corrected claim at " + o.place() + " (frequency 7): only the "
                            + "replacement is audited"));
                }
                current = o;
            } else if (f.equals("8")) {
                if (current != null) {
                    aside.add(new Rejected<>(current.row(), "visit " + visitId + " (" + current.place() + ") is "
                            + "voided by the claim at " + o.place() + " (frequency 8): a voided claim is not audited"));
                }
                aside.add(new Rejected<>(o.row(), "visit " + visitId + " (" + o.place() + ") is a void (frequency 8)"
                        + (current == null ? "" : " of the claim at " + current.place()) + ": it cancels a claim "
                        + "and bills nothing, so it is not audited" + (current == null ? " (the claim it voids is "
                        + "matched by this visit id: under another id it is still audited)" : "")));
                current = null;
                replaced = false;
            } else if (current != null) {
                return Optional.empty();
            } else {
                current = o;
            }
        }
        return Optional.of(new InForce<>(current == null ? Optional.empty() : Optional.of(current.row()), aside,
                current != null && replaced));
    }

    /**
     * What a CSV visit's corrections leave: the rows of the claim in force read into its visit (none when voided),
     * and every row of the claims set aside, each with its reason.
     */
    public record CsvInForce<T>(Optional<Assembled<T>> inForce, List<Rejected<T>> setAside) {
    }

    /**
     * A CSV visit's rows read as claims: {@code inForce} when they are one claim and its corrections; else, when they
     * are several claims that are not (two originals: a visit in two exports, or an original after its replacement),
     * {@code claims} holds each claim's place and lines for {@link #comesMoreThanOnce}; both empty when a claim's rows
     * cannot be read as a visit (the caller reads them again to report why, or sets them aside as coming twice).
     */
    public record CsvClaims<T>(Optional<CsvInForce<T>> inForce, Map<String, List<Long>> claims) {
    }

    /**
     * A CSV visit's rows (in input order: by file, the files in the order given, then by line) read as a claim and its
     * corrections ({@link #corrections}, the optional columns {@code claimFrequency} and {@code payerClaimControlNumber}
     * as a visit record's fields). A file's rows are one claim; a file whose rows state a frequency or control number
     * holds one claim per value they state (a year's export may hold a claim and, later, its replacement or void under
     * one visit id), each stated on every row of its claim, an original's left empty. A void alone sets itself aside;
     * a replacement that replaces a claim in the audit is the claim of record: its frequency is cleared, as for a
     * visit record.
     *
     * @param file a row's file, as the messages name it (the rows of one name are one file's)
     */
    public <T> CsvClaims<T> csvCorrections(String visitId, List<T> rows, Function<T, String> file, CsvRows<T> how) {
        List<List<T>> byFile = byFile(rows, file);
        List<List<T>> claims = new ArrayList<>(byFile.size());
        List<Assembled<T>> read = new ArrayList<>(byFile.size());
        for (List<T> fileRows : byFile) {
            Assembled<T> a = assembleCsv(visitId, fileRows, how);
            if (a.visit().isEmpty()) {
                return new CsvClaims<>(Optional.empty(), Map.of());
            }
            ClaimInfo ci = a.visit().get().claimInfo();
            Map<String, List<T>> byClaim = ci.claimFrequency().isEmpty() && ci.payerClaimControlNumber().isEmpty()
                    ? Map.of() : byClaim(fileRows, how);
            if (byClaim.size() <= 1) {
                claims.add(fileRows);
                read.add(a);
                continue;
            }
            for (List<T> part : byClaim.values()) {
                Assembled<T> b = assembleCsv(visitId, part, how);
                if (b.visit().isEmpty()) {
                    return new CsvClaims<>(Optional.empty(), Map.of());
                }
                claims.add(part);
                read.add(b);
            }
        }
        if (claims.size() == 1 && read.get(0).visit().get().claimInfo().claimFrequency().isEmpty()) {
            return new CsvClaims<>(Optional.of(new CsvInForce<>(Optional.of(read.get(0)), List.of())), Map.of());
        }
        List<Occurrence<Integer>> inOrder = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            T first = claims.get(i).get(0);
            inOrder.add(new Occurrence<>(i, file.apply(first) + " line " + how.line(first),
                    read.get(i).visit().get().claimInfo().claimFrequency()));
        }
        Optional<InForce<Integer>> in = corrections(visitId, inOrder);
        if (in.isEmpty()) {
            Map<String, List<Long>> where = new LinkedHashMap<>();
            for (List<T> c : claims) {
                List<Long> lines = new ArrayList<>(c.size());
                for (T row : c) {
                    lines.add(how.line(row));
                }
                String name = file.apply(c.get(0));
                String key = name;
                for (int n = 2; where.containsKey(key); n++) {
                    key = name + ", claim " + n + ",";
                }
                where.put(key, lines);
            }
            return new CsvClaims<>(Optional.empty(), where);
        }
        List<Rejected<T>> aside = new ArrayList<>();
        for (Rejected<Integer> x : in.get().setAside()) {
            for (T row : claims.get(x.row())) {
                aside.add(new Rejected<>(row, x.reason()));
            }
        }
        Optional<Assembled<T>> kept = in.get().row().map(read::get);
        if (kept.isPresent() && in.get().replaced()) {
            Visit v = kept.get().visit().get();
            kept = Optional.of(new Assembled<>(Optional.of(v.toBuilder().claimInfo(
                    v.claimInfo().withClaimFrequency(Optional.empty())).build()), kept.get().used(),
                    kept.get().rejected()));
        }
        return new CsvClaims<>(Optional.of(new CsvInForce<>(kept, aside)), Map.of());
    }

    /** The rows by file, in the order of the files' first rows; one list (the rows themselves) for one file. */
    private static <T> List<List<T>> byFile(List<T> rows, Function<T, String> file) {
        String first = file.apply(rows.get(0));
        for (T r : rows) {
            if (!file.apply(r).equals(first)) {
                Map<String, List<T>> out = new LinkedHashMap<>();
                for (T x : rows) {
                    out.computeIfAbsent(file.apply(x), k -> new ArrayList<>()).add(x);
                }
                return new ArrayList<>(out.values());
            }
        }
        return List.of(rows);
    }

    /**
     * A file's rows of a visit by the claim each states (its claim frequency, 1 or empty for an original, and payer
     * claim control number), in the order of their first rows; a row that cannot be read goes with the originals,
     * whose reading reports it.
     */
    private static <T> Map<String, List<T>> byClaim(List<T> rows, CsvRows<T> how) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T r : rows) {
            String key = "";
            try {
                CsvRecordReader.Record rec = how.record(r);
                if (rec != null) {
                    CsvVisitReader.Header h = how.header(r);
                    String f = field(rec, h.column("claimFrequency"));
                    key = (f.equals("1") ? "" : f) + "\u0000" + field(rec, h.column("payerClaimControlNumber"));
                }
            } catch (InputException e) {
                key = "";
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String field(CsvRecordReader.Record rec, int column) {
        return column < 0 || column >= rec.fields().size() ? "" : rec.fields().get(column).trim();
    }

    /**
     * The reason all records of a visit that comes more than once are set aside (a visit in two exports, say):
     * where it comes, in input order, at most five places and five lines of a CSV file each. {@code places} holds
     * each occurrence in input order: a record of a visit-per-record format by its place ("b.jsonl line 1", no
     * lines), a CSV file's rows of the visit together by the file's name with the rows' lines.
     */
    public static String comesMoreThanOnce(String visitId, Map<String, List<Long>> places) {
        StringBuilder where = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, List<Long>> o : places.entrySet()) {
            if (i == 5) {
                where.append("; ...");
                break;
            }
            where.append(i++ == 0 ? "" : "; ").append(o.getKey());
            List<Long> lines = o.getValue();
            if (!lines.isEmpty()) {
                where.append(lines.size() == 1 ? " line " : " lines ");
                for (int j = 0; j < Math.min(5, lines.size()); j++) {
                    where.append(j == 0 ? "" : ", ").append(lines.get(j));
                }
                where.append(lines.size() > 5 ? ", ..." : "");
            }
        }
        return "visit " + visitId + " comes " + places.size() + " times in the input (" + where + "); a visit "
                + "must come once, so all its records are set aside";
    }

    /**
     * Why a CSV row cannot be read by itself (as when its visit is read alone: a CSV error, an empty record, a bad
     * value), or empty when it can.
     */
    public <T> Optional<String> csvRowError(T row, CsvRows<T> how) {
        try {
            CsvRecordReader.Record record = how.record(row);
            if (record == null) {
                return Optional.of("line " + how.line(row) + ": an empty record");
            }
            csvReader.row(how.header(row), record);
            return Optional.empty();
        } catch (InputException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The reason a record of a visit set aside as a whole (it comes more than once) is given: its own error first
     * when it could not be read by itself either (a row's negative minutes), so that neither reason is lost.
     */
    public static String withOwn(Optional<String> own, String why) {
        return own.isPresent() ? own.get() + "; and " + why : why;
    }

    /** The note of a visit whose row on this line could not be read at all (why: a record too long). */
    public static String unreadRowNote(long rowLine, String why) {
        return "its row on line " + rowLine + " could not be read (" + why + ")";
    }

    /** The reason the other rows of a visit that lost a row ({@link CsvVisitReader#lostRowNote}) are set aside. */
    public static String lostRowReason(String visitId, String note, int others) {
        return "visit " + visitId + ": " + note + ", so its other " + (others == 1 ? "row is" : others + " rows are")
                + " set aside rather than checked incomplete";
    }

    /**
     * The CSV rows of one visit id (in input order) read and validated: a bad row is set aside with its line and
     * reason; a visit whose rows disagree on what is the visit's own (date, payer, plan, patient), or that the
     * reader refuses as a whole, has all its rows set aside; so has a visit with more than
     * {@link #MAX_ROWS_PER_VISIT} rows.
     */
    public <T> Assembled<T> assembleCsv(String visitId, List<T> rows, CsvRows<T> how) {
        if (rows.size() > MAX_ROWS_PER_VISIT) {
            List<Rejected<T>> out = new ArrayList<>(rows.size());
            for (T r : rows) {
                out.add(new Rejected<>(r, tooManyRows(visitId, rows.size())));
            }
            return new Assembled<>(Optional.empty(), List.of(), out);
        }
        List<CsvVisitReader.Row> valid = new ArrayList<>(rows.size());
        List<T> used = new ArrayList<>(rows.size());
        List<Rejected<T>> rejected = new ArrayList<>(0);
        for (T r : rows) {
            try {
                CsvRecordReader.Record record = how.record(r);
                if (record == null) {
                    rejected.add(new Rejected<>(r, "line " + how.line(r) + ": an empty record"));
                    continue;
                }
                valid.add(csvReader.row(how.header(r), record));
                used.add(r);
            } catch (InputException e) {
                rejected.add(new Rejected<>(r, e.getMessage()));
            }
        }
        if (valid.isEmpty()) {
            return new Assembled<>(Optional.empty(), List.of(), rejected);
        }
        if (!rejected.isEmpty()) {
            // Checked without one of its rows, the visit would draw findings of its own making (units over-billed
            // against minutes that were on the lost row, a note that was on it): set the rest aside too.
            String reason = "visit " + visitId + ": " + rejected.size() + (rejected.size() == 1 ? " row" : " rows")
                    + " of the visit could not be read (" + rejected.get(0).reason() + "), so "
                    + (used.size() == 1 ? "its other row is" : "its other " + used.size() + " rows are")
                    + " set aside too";
            for (T r : used) {
                rejected.add(new Rejected<>(r, reason));
            }
            return new Assembled<>(Optional.empty(), List.of(), rejected);
        }
        Optional<String> conflict = conflict(valid);
        Visit v = null;
        if (conflict.isEmpty()) {
            try {
                v = csvReader.visit(valid);
            } catch (InputException e) {
                conflict = Optional.of(e.getMessage());
            }
        }
        if (conflict.isPresent()) {
            String reason = "visit " + visitId + ": " + conflict.get() + "; all " + valid.size()
                    + (valid.size() == 1 ? " row" : " rows") + " of the visit are set aside";
            for (T r : used) {
                rejected.add(new Rejected<>(r, reason));
            }
            return new Assembled<>(Optional.empty(), List.of(), rejected);
        }
        return new Assembled<>(Optional.of(v), used, rejected);
    }

    /** Rows of one visit that disagree on what must be the visit's own (date, payer, plan, patient). */
    static Optional<String> conflict(List<CsvVisitReader.Row> rows) {
        CsvVisitReader.Row a = rows.get(0);
        // Patient and diagnoses may be written on some rows only: those that give them must agree.
        CsvVisitReader.Row withPatient = null;
        CsvVisitReader.Row withDx = null;
        for (CsvVisitReader.Row b : rows) {
            if (b.patientId().isPresent()) {
                if (withPatient == null) {
                    withPatient = b;
                } else if (!withPatient.patientId().equals(b.patientId())) {
                    return Optional.of(disagree("patientId", withPatient, withPatient.patientId().get(), b,
                            b.patientId().get()));
                }
            }
            if (!b.diagnoses().isEmpty()) {
                if (withDx == null) {
                    withDx = b;
                } else if (!withDx.diagnoses().equals(b.diagnoses())) {
                    return Optional.of(disagree("diagnoses", withDx, String.join(";", withDx.diagnoses()), b,
                            String.join(";", b.diagnoses())));
                }
            }
        }
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
            }
            if (what != null) {
                return Optional.of(disagree(what, a, x, b, y));
            }
        }
        return Optional.empty();
    }

    private static String disagree(String what, CsvVisitReader.Row a, String x, CsvVisitReader.Row b, String y) {
        return "its rows disagree on " + what + " (line " + a.line() + ": \"" + x + "\", line " + b.line() + ": \""
                + y + "\")";
    }

    // ------------------------------------------------------------------------------------------------ checking

    /**
     * A checked visit's rows and digest; or, when the check itself failed (a defect, never a silent pass), the
     * reason to set the visit's rows aside.
     */
    public record Outcome(List<AuditCsv.FindingRow> findings, List<AuditCsv.ClaimRow> claims,
                          Optional<AuditDigest> digest, Optional<String> failure) {
        public boolean failed() {
            return failure.isPresent();
        }
    }

    /**
     * Checks a visit read from {@code rows} input rows, the first at {@code line} of input file {@code file}, and
     * adds its share to {@code totals} (visit, rows, units, dollars, its own findings by rule, severity and payer;
     * the therapist's side is added by {@link AcrossAudit#therapists}). On failure nothing is added: the caller
     * sets the rows aside with {@link Outcome#failure()} and counts them as rejected.
     */
    public Outcome check(Visit visit, int rows, int file, long line, AuditTotals totals) {
        return check(visit, rows, file, line, totals, false);
    }

    /**
     * As {@link #check(Visit, int, int, long, AuditTotals)}; {@code claim}: the visit is a claim read from an 837,
     * which carries no note and no certification dates, so the findings about them are not reported claim by claim
     * (the totals count such visits, and the report says so once).
     */
    public Outcome check(Visit visit, int rows, int file, long line, AuditTotals totals, boolean claim) {
        Visit v = payer.isPresent() ? visit.toBuilder().payer(payer.get()).build() : visit;
        CheckResult r;
        try {
            r = checker.check(v);
        } catch (RuntimeException e) {
            return new Outcome(List.of(), List.of(), Optional.empty(), Optional.of("visit " + v.id()
                    + " could not be checked (" + e.getClass().getSimpleName() + ")"));
        }
        Claim supported = r.engineClaim();
        String fileName = fileNames.apply(file);
        String therapist = therapistOf(v);
        // A visit with lines of two therapists (a PT's and an OT's): each finding, unit and dollar under its own.
        boolean several = severalTherapists(v, therapist);
        Map<String, Tally> tallies = new LinkedHashMap<>(4);
        tallies.put(therapist, new Tally());
        String patient = v.patient().id().orElse("");
        String date = v.dateOfService().toString();
        String payerId = v.payer();
        // Findings of the visit itself.
        List<AuditCsv.FindingRow> findings = new ArrayList<>(r.findings().size());
        boolean claimOnly = claim && claimsOnly(v);
        if (claimOnly) {
            totals.claimsOnly();
        }
        for (Finding f : r.findings()) {
            if (f.ruleId().equals(BilledLines.KX_UNVERIFIED.id())
                    || f.ruleId().equals(org.minutewise.core.check.rules.KxThresholdRule.SPEND_UNKNOWN.id())
                    || f.ruleId().equals(org.minutewise.core.check.rules.KxThresholdRule.NOT_JUDGED.id())
                    || f.ruleId().equals(org.minutewise.core.check.rules.KxThresholdRule.NEAR_THRESHOLD.id())
                    && !v.patient().yearToDateGiven()) {
                // In an audit the checks across visits judge a Medicare claim's KX in date order (MW-A003, MW-A004;
                // MW-B009 and MW-K007 fire on Medicare claims only); a visit that does not state the year's expenses
                // is "near" the threshold only by its own amounts, which the count across the patient's visits may
                // already have passed. KX billed to another payer (MW-B017) stays: no count across visits judges it.
                continue;
            }
            if (claimOnly && NOT_ON_A_CLAIM.contains(f.ruleId())) {
                continue; // a claim carries no note and no certification dates: said once, in the totals
            }
            String who = several ? therapistOfFinding(v, r, f.path(), therapist) : therapist;
            tallies.computeIfAbsent(who, k -> new Tally()).severity[f.severity().ordinal()]++;
            String message = f.overrideReason().map(reason -> standalone(f.message()) + " (accepted by the clinic: "
                    + reason + ")").orElse(standalone(f.message()));
            findings.add(new AuditCsv.FindingRow(v.id(), line, f.ruleId(), f.severity(), message, fileName, f.path(),
                    date, patient, who, payerId, standalone(f.fix()), f.citation()));
            totals.finding(f.ruleId(), f.severity(), "", payerId); // the therapist's side: across visits
        }
        // Claim lines: as billed beside as supported, and the estimated dollars of the difference.
        boolean billed = !v.billed().isEmpty();
        Map<String, List<Integer>> billedByCode = new LinkedHashMap<>();
        for (int i = 0; i < v.billed().size(); i++) {
            billedByCode.computeIfAbsent(v.billed().get(i).code(), k -> new ArrayList<>(2)).add(i);
        }
        Map<String, List<Integer>> supportedByCode = new LinkedHashMap<>();
        for (int i = 0; i < supported.lines().size(); i++) {
            supportedByCode.computeIfAbsent(supported.lines().get(i).code(), k -> new ArrayList<>(2)).add(i);
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
        long unverified = 0;
        long unpriced = 0;
        long unitsOver = 0;
        long unitsUnder = 0;
        boolean medicare = r.payer().isMedicare();
        java.util.Set<String> notCovered = medicare ? ClaimBuilder.notCovered(v, r.payer(), checker.ref().codes())
                : java.util.Set.of();
        List<AuditCsv.ClaimRow> claims = new ArrayList<>(codes.size());
        for (CodeLines group : byDiscipline(v, r, codes, billedByCode, supportedByCode, several, therapist)) {
            String code = group.code();
            String who = group.therapist();
            Tally tally = tallies.computeIfAbsent(who, k -> new Tally());
            List<Integer> bl = group.billed();
            List<Integer> sl = group.supported();
            // One row per kind of line, without CQ/CO and with (one row when each side has a single kind): the
            // units of each side, so a unit an assistant furnished billed without CQ/CO shows, and two billed lines
            // of one code beside the engine's one line do not read as a difference.
            int[] bk = new int[2];
            int[] sk = new int[2];
            boolean[] bHas = new boolean[2];
            boolean[] sHas = new boolean[2];
            List<List<String>> bm = List.of(new ArrayList<>(2), new ArrayList<>(2));
            List<List<String>> sm = List.of(new ArrayList<>(2), new ArrayList<>(2));
            for (int i : bl) {
                BilledLine x = v.billed().get(i);
                int k = ClaimBuilder.assistantModifier(x.modifiers()) ? 1 : 0;
                bk[k] += x.units();
                bHas[k] = true;
                addAll(bm.get(k), x.modifiers());
            }
            for (int i : sl) {
                ClaimLine y = supported.lines().get(i);
                int k = ClaimBuilder.assistantModifier(y.modifiers()) ? 1 : 0;
                sk[k] += y.units();
                sHas[k] = true;
                addAll(sm.get(k), y.modifiers());
            }
            int b = bk[0] + bk[1];
            int s = sk[0] + sk[1];
            unitsBilled += b;
            tally.billed += b;
            tally.supported += s;
            // A timed code billed with no minutes behind it (MW-B001: an 837 or billed rows without minutes): the
            // documentation says nothing either way, so it counts as supported, not as over-billed.
            boolean unverifiable = billed && !bl.isEmpty()
                    && BilledLines.unverifiable(v, code, checker.ref().codes());
            if (unverifiable) {
                unverified += b;
                unitsSupported += b - s;
                tally.supported += b - s;
            }
            int bKinds = (bHas[0] ? 1 : 0) + (bHas[1] ? 1 : 0);
            int sKinds = (sHas[0] ? 1 : 0) + (sHas[1] ? 1 : 0);
            boolean oneRow = bKinds <= 1 && sKinds <= 1;
            // KX billed where the visit alone knows no expenses before it: the checks across visits judge it in date
            // order (MW-A003, MW-A004), so the supported side keeps it rather than say it is not supported. Another
            // payer's KX is its own policy's (MW-B017), kept as billed as the corrected claim keeps it.
            for (int i : sl) {
                ClaimLine y = supported.lines().get(i);
                int k = ClaimBuilder.assistantModifier(y.modifiers()) ? 1 : 0;
                List<String> beside = bm.get(oneRow ? (bHas[1] ? 1 : 0) : k);
                if (beside.contains("KX") && y.units() > 0 && (!medicare
                        || v.patient().spentBefore(y.discipline()).signum() == 0
                        && !ClaimBuilder.kxBucket(y, checker.ref().codes(), notCovered).isEmpty())) {
                    List<String> withKx = ClaimBuilder.withKx(sm.get(k)); // a new list when it adds KX
                    if (withKx != sm.get(k)) {
                        sm.get(k).clear();
                        sm.get(k).addAll(withKx);
                    }
                }
            }
            // A 59 or X modifier billed on a code that may pair with another visit's line of the day (the NCCI edit's
            // other code is not on this visit): the visit alone cannot judge it (MW-A008 does, across visits).
            for (int k = 0; k < 2; k++) {
                List<String> beside = bm.get(oneRow ? (bHas[1] ? 1 : 0) : k);
                if (sHas[k] && NcciAnalysis.distinctModifierOf(sm.get(k)) == null
                        && distinctForAnotherVisit(v, code, beside, codes)) {
                    List<String> kept = ClaimBuilder.withDistinct(sm.get(k), NcciAnalysis.distinctModifierOf(beside));
                    if (kept != sm.get(k)) {
                        sm.get(k).clear();
                        sm.get(k).addAll(kept);
                    }
                }
            }
            // The units' worth at a price that does not depend on which line holds the day's unit paid in full.
            BigDecimal[] price = new BigDecimal[2];
            if (medicare) {
                for (int k = 0; k < 2; k++) {
                    price[k] = PaymentEstimator.unitPrice(code, k == 1, v.dateOfService(), v.locality(),
                            checker.ref().fees(), checker.ref().codes()).orElse(null);
                }
                if (notCovered.contains(code)) {
                    price[0] = BigDecimal.ZERO;
                    price[1] = BigDecimal.ZERO;
                }
                // A kind of line an MUE denies, as billed or as supported (MW-E006), or a billed line an NCCI edit
                // denies as part of another billed code (MW-B016, MW-E001): the estimate prices it at $0, and so do
                // the rows. Units over or under the documented minutes on it are still counted, but they are worth
                // nothing: Medicare pays none of the denied line, whatever its units.
                boolean[] denied = new boolean[2];
                boolean[] present = new boolean[2];
                for (int i : bl) {
                    int k = ClaimBuilder.assistantModifier(v.billed().get(i).modifiers()) ? 1 : 0;
                    present[k] = true;
                    Estimate.Line e = estimateLine(r.claim(), i);
                    denied[k] |= e != null && (e.deniedByMue() || e.deniedByNcci());
                }
                for (int i : sl) {
                    int k = ClaimBuilder.assistantModifier(supported.lines().get(i).modifiers()) ? 1 : 0;
                    present[k] = true;
                    Estimate.Line e = estimateLine(supported, i);
                    denied[k] |= e != null && e.deniedByMue();
                }
                // A code without a price is worth $0 only when every line of it is denied (the kinds agree).
                boolean allDenied = (denied[0] || !present[0]) && (denied[1] || !present[1]);
                for (int k = 0; k < 2; k++) {
                    if (denied[k] && (price[0] != null || allDenied)) {
                        price[k] = BigDecimal.ZERO;
                    }
                }
                if (allDenied && (denied[0] || denied[1])) {
                    price[0] = price[0] == null ? BigDecimal.ZERO : price[0];
                    price[1] = price[1] == null ? BigDecimal.ZERO : price[1];
                }
                // In cents, as claims.csv writes them: the rows' differences at their prices add up to the dollars.
                for (int k = 0; k < 2; k++) {
                    price[k] = price[k] == null ? null : price[k].setScale(2, RoundingMode.HALF_UP);
                }
            }
            if (billed && !unverifiable) {
                unitsOver += Math.max(b - s, 0);
                unitsUnder += Math.max(s - b, 0);
                tally.unitsOver += Math.max(b - s, 0);
                tally.unitsUnder += Math.max(s - b, 0);
            }
            if (billed && !unverifiable && price[0] != null) {
                BigDecimal delta = price[0].multiply(BigDecimal.valueOf(bk[0] - sk[0]))
                        .add(price[1].multiply(BigDecimal.valueOf(bk[1] - sk[1])));
                if (delta.signum() > 0) {
                    over = over.add(delta);
                    tally.over = tally.over.add(delta);
                } else if (delta.signum() < 0) {
                    under = under.add(delta.negate());
                    tally.under = tally.under.add(delta.negate());
                }
            }
            if (medicare && price[0] == null) {
                unpriced += Math.max(b, s);
            }
            // One row when each side is of one kind and the kinds agree; a whole line of one kind billed as the
            // other (an assistant's units billed without CQ/CO, MW-B012) is two rows, each side beside its own
            // kind at its own price, so that the rows' differences at their prices add up to the dollars.
            boolean kindsDiffer = bKinds == 1 && sKinds == 1 && bHas[1] != sHas[1];
            if (oneRow && !kindsDiffer) {
                int kb = bHas[1] ? 1 : 0;
                int ks = sHas[1] ? 1 : 0;
                claims.add(claimRow(v, line, date, patient, who, payerId, code, bKinds == 1,
                        bk[kb], bm.get(kb),
                        sKinds == 1 && !unverifiable, sk[ks], sm.get(ks), billed && !unverifiable,
                        sKinds == 1 ? price[ks] : price[kb]));
            } else {
                for (int k = 0; k < 2; k++) {
                    if (bHas[k] || sHas[k]) {
                        claims.add(claimRow(v, line, date, patient, who, payerId, code,
                                bHas[k], bk[k],
                                bm.get(k), sHas[k] && !unverifiable, sk[k], sm.get(k), billed && !unverifiable,
                                price[k]));
                    }
                }
            }
        }
        long billedOrEngine = billed ? unitsBilled : unitsSupported;
        totals.visit(payerId, rows, billed, billedOrEngine, unitsSupported, over, under);
        if (medicare) {
            totals.estimated(payerId);
        }
        totals.dateOfService(v.dateOfService());
        totals.unverified(unverified);
        totals.unitsDifference(payerId, unitsOver, unitsUnder);
        totals.unpriced(unpriced);
        List<AuditDigest.Share> shares = new ArrayList<>(tallies.size());
        tallies.forEach((who, t) -> shares.add(new AuditDigest.Share(who, new AuditDigest.Stats(
                billed ? t.billed : t.supported, t.supported, t.unitsOver, t.unitsUnder, t.over, t.under,
                t.severity[Severity.BLOCK.ordinal()], t.severity[Severity.WARN.ordinal()],
                t.severity[Severity.INFO.ordinal()]))));
        AuditDigest digest = new AuditDigest(VisitDigest.of(r, checker.ref().codes()), file, line, therapist,
                v.patient().spentBefore(Discipline.PT), v.patient().spentBefore(Discipline.OT), shares);
        return new Outcome(findings, claims, Optional.of(digest), Optional.empty());
    }

    /**
     * What a claim read from an 837 cannot show, so not judged claim by claim: the note (the documentation checks
     * that read it, the total treatment time, start and end times) and the plan of care's certification dates.
     * A diagnosis that does not support 97112 (MW-D004) stays: the claim's diagnoses show it.
     */
    static final java.util.Set<String> NOT_ON_A_CLAIM = java.util.Set.of("MW-D001", "MW-D002", "MW-D003", "MW-D005",
            "MW-D006", "MW-D007", "MW-D008", "MW-D009", "MW-D010", "MW-D011", "MW-D013", "MW-D014", "MW-D015",
            "MW-D016", "MW-D017", org.minutewise.core.check.rules.PlanOfCare.CERTIFICATION_MISSING.id());

    /**
     * A claim only: billed lines, no minutes or times on any service and no note, as a visit read from an 837 is. Its
     * documentation and certification cannot be judged from the input: not reported visit by visit.
     */
    static boolean claimsOnly(Visit v) {
        if (v.billed().isEmpty() || v.note().filter(n -> !n.isBlank()).isPresent()) {
            return false;
        }
        for (org.minutewise.core.model.ServiceLine l : v.services()) {
            if (l.hasTime()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A finding's message or fix as an audit writes it: an audit writes no explanation, so the pointers to it that
     * the {@code check} command's output can follow (MW-B002's "the explanation gives the allocation") go.
     */
    static String standalone(String text) {
        if (text.indexOf("explanation") < 0) {
            return text;
        }
        return text.replace("; the explanation gives the allocation)", ")").replace(" (see the explanation)", "");
    }

    /** A row of claims.csv: a side's units and modifiers, or empty columns for a side with no line of the kind. */
    private static AuditCsv.ClaimRow claimRow(Visit v, long line, String date, String patient, String therapist,
                                              String payerId, String code, boolean billedSide, int billedUnits,
                                              List<String> billedModifiers, boolean supportedSide, int units,
                                              List<String> modifiers, boolean difference, BigDecimal price) {
        return new AuditCsv.ClaimRow(v.id(), line, date, patient, therapist, payerId, code,
                billedSide ? String.valueOf(billedUnits) : "", billedSide ? String.join(";", billedModifiers) : "",
                supportedSide ? String.valueOf(units) : "", supportedSide ? String.join(";", modifiers) : "",
                difference ? String.valueOf((billedSide ? billedUnits : 0) - (supportedSide ? units : 0)) : "",
                price == null ? "" : price.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    /**
     * The claim's estimate of its line {@code i}, which says whether it is priced at $0 as denied (by an MUE, MW-E006;
     * on a billed claim, by an NCCI edit, MW-B016); null when there is no estimate of it.
     */
    private static Estimate.Line estimateLine(Claim c, int i) {
        Estimate e = c.estimate();
        return e.available() && i < e.lines().size() ? e.lines().get(i) : null;
    }

    private static void addAll(List<String> into, List<String> modifiers) {
        for (String m : modifiers) {
            if (!into.contains(m)) {
                into.add(m);
            }
        }
    }

    /**
     * Whether a billed 59 or X{E,P,S,U} on {@code code} is one the visit alone cannot judge: the supported line has
     * none, and the code is column two of an NCCI edit (one a modifier may bypass) whose column-one code is not on
     * this visit, so the modifier may bypass the pair with another visit's line of the same day.
     */
    private boolean distinctForAnotherVisit(Visit v, String code, List<String> billed, List<String> visitCodes) {
        if (NcciAnalysis.distinctModifierOf(billed) == null) {
            return false;
        }
        for (org.minutewise.core.edits.PtpEdit e : checker.ref().ptp().touching(code, v.dateOfService())) {
            if (e.column2().equals(code) && e.bypassable() && !visitCodes.contains(e.column1())) {
                return true;
            }
        }
        return false;
    }


    private static final Discipline[] DISCIPLINES = Discipline.values();

    /**
     * The lines of a code compared together in claims.csv: its billed lines (indexes into the visit's billed lines)
     * and supported lines (into the engine's claim), and the therapist they count under.
     */
    private record CodeLines(String code, List<Integer> billed, List<Integer> supported, String therapist) {
    }

    /**
     * The visit's codes, each with its lines; a code billed (or supported) under two disciplines (a line of 97110
     * with GP and one with GO) once per discipline: each discipline's lines are a service of their own (as MW-A006
     * counts them), compared apart, in rows of their own and under their own therapist.
     */
    private static List<CodeLines> byDiscipline(Visit v, CheckResult r, List<String> codes,
                                                Map<String, List<Integer>> billedByCode,
                                                Map<String, List<Integer>> supportedByCode, boolean several,
                                                String therapist) {
        // The billed lines as claim lines (in the order of the visit's billed lines), with their disciplines.
        List<ClaimLine> billedLines = !v.billed().isEmpty() && r.claim().lines().size() == v.billed().size()
                ? r.claim().lines() : null;
        List<ClaimLine> supportedLines = r.engineClaim().lines();
        List<CodeLines> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            List<Integer> bl = billedByCode.getOrDefault(code, List.of());
            List<Integer> sl = supportedByCode.getOrDefault(code, List.of());
            if (billedLines == null || oneDiscipline(bl, billedLines, sl, supportedLines)) {
                out.add(new CodeLines(code, bl, sl, several ? therapistOf(v, code, therapist) : therapist));
                continue;
            }
            for (Discipline d : DISCIPLINES) {
                List<Integer> b = ofDiscipline(bl, billedLines, d);
                List<Integer> s = ofDiscipline(sl, supportedLines, d);
                if (!b.isEmpty() || !s.isEmpty()) {
                    out.add(new CodeLines(code, b, s, several ? therapistOf(v, code, d, therapist) : therapist));
                }
            }
        }
        return out;
    }

    /** Whether the code's billed lines ({@code bl}) and supported lines ({@code sl}) are all under one discipline. */
    private static boolean oneDiscipline(List<Integer> bl, List<ClaimLine> billedLines, List<Integer> sl,
                                         List<ClaimLine> supportedLines) {
        Discipline d = null;
        for (int i : bl) {
            Discipline x = billedLines.get(i).discipline();
            if (d != null && x != d) {
                return false;
            }
            d = x;
        }
        for (int i : sl) {
            Discipline x = supportedLines.get(i).discipline();
            if (d != null && x != d) {
                return false;
            }
            d = x;
        }
        return true;
    }

    /** The lines among {@code indexes} under discipline {@code d}. */
    private static List<Integer> ofDiscipline(List<Integer> indexes, List<ClaimLine> lines, Discipline d) {
        List<Integer> out = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            if (lines.get(i).discipline() == d) {
                out.add(i);
            }
        }
        return out;
    }

    /** What one therapist's lines of a visit add to the therapist's totals. */
    private static final class Tally {
        long billed;
        long supported;
        long unitsOver;
        long unitsUnder;
        BigDecimal over = BigDecimal.ZERO;
        BigDecimal under = BigDecimal.ZERO;
        final long[] severity = new long[3];
    }

    /** Whether a line of the visit is another therapist's than {@code therapist} (its own, or its supervisor's). */
    static boolean severalTherapists(Visit v, String therapist) {
        for (ServiceLine s : v.services()) {
            Optional<String> whose = s.provider().role().isTherapist() ? s.provider().id()
                    : s.provider().supervisorId();
            if (whose.isPresent() && !whose.get().equals(therapist)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The therapist a finding is about: the therapist of the service line or code its path names
     * ({@code services[2]...}, {@code services[code=97110]}, {@code claimLines[1]}, {@code billed[0].modifiers},
     * {@code billed[code=97110]}), else the visit's.
     */
    static String therapistOfFinding(Visit v, CheckResult r, String path, String visitTherapist) {
        int open = path.indexOf('[');
        int close = path.indexOf(']');
        if (open < 0 || close < open) {
            return visitTherapist;
        }
        String list = path.substring(0, open);
        String inside = path.substring(open + 1, close);
        String code;
        if (inside.startsWith("code=")) {
            code = inside.substring(5);
        } else {
            int i;
            try {
                i = Integer.parseInt(inside);
            } catch (NumberFormatException e) {
                return visitTherapist;
            }
            if (list.equals("services") && i < v.services().size()) {
                ServiceLine line = v.services().get(i);
                return therapistAmong(v, s -> s == line).orElse(visitTherapist);
            } else if (list.equals("claimLines") && i < r.claim().lines().size()) {
                code = r.claim().lines().get(i).code();
            } else if (list.equals("billed") && i < v.billed().size()) {
                // The billed line's own discipline: a code billed with GP and with GO has a line of each therapist.
                BilledLine b = v.billed().get(i);
                return therapistOf(v, b.code(), org.minutewise.core.claim.BilledClaim.discipline(v, b),
                        visitTherapist);
            } else {
                return visitTherapist;
            }
        }
        return therapistOf(v, code, visitTherapist);
    }

    /**
     * The therapist a claim line of {@code code} is rendered under: as {@link #therapistOf(Visit)} over the code's own
     * service lines (an OT's line on a visit a PT opened is the OT's), else {@code visitTherapist} (a billed code no
     * service line documents).
     */
    static String therapistOf(Visit v, String code, String visitTherapist) {
        // 97130's row: the pair's lines.
        return therapistAmong(v, s -> org.minutewise.core.units.Cognitive.sameService(s.code(), code))
                .orElse(visitTherapist);
    }

    /**
     * The therapist a claim line of {@code code} billed under discipline {@code d} is rendered under: as
     * {@link #therapistOf(Visit, String, String)} over the code's service lines of that discipline (a code billed
     * with GP and with GO on a visit a PT and an OT treated: each line its own therapist's), else over all the code's.
     */
    static String therapistOf(Visit v, String code, Discipline d, String visitTherapist) {
        return therapistAmong(v, s -> org.minutewise.core.units.Cognitive.sameService(s.code(), code)
                && v.disciplineOf(s) == d).orElseGet(() -> therapistOf(v, code, visitTherapist));
    }

    /**
     * The therapist a visit is counted under: the first therapist (PT, OT, SLP) who furnished a service, else the
     * supervising therapist an assistant names, else the first provider id; empty when no provider is named.
     */
    public static String therapistOf(Visit v) {
        return therapistAmong(v, s -> true).orElseGet(() -> {
            for (ServiceLine s : v.services()) {
                if (s.provider().id().isPresent()) {
                    return s.provider().id().get();
                }
            }
            return "";
        });
    }

    /** Among the lines {@code which} accepts: the first therapist who furnished one, else the first supervisor named. */
    private static Optional<String> therapistAmong(Visit v, java.util.function.Predicate<ServiceLine> which) {
        Optional<String> supervisor = Optional.empty();
        for (ServiceLine s : v.services()) {
            if (which.test(s)) {
                if (s.provider().role().isTherapist() && s.provider().id().isPresent()) {
                    return s.provider().id();
                }
                if (supervisor.isEmpty()) {
                    supervisor = s.provider().supervisorId();
                }
            }
        }
        return supervisor;
    }
}
