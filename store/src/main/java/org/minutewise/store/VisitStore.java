package org.minutewise.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.KxBucket;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Visit;

/**
 * The visit store: each save of a checked visit is a new version with its claim lines, findings, therapist periods
 * and spend; overrides with their reason; an append-only audit log (this class has no UPDATE or DELETE of it);
 * a patient's year-to-date spend by KX bucket; a therapist's day across patients. Thread-safe.
 */
public final class VisitStore implements AutoCloseable {
    private static final int MAX_RETRIES = 3;
    private static final List<String> BUCKETS = List.of(BucketSpend.PT_SLP, BucketSpend.OT);

    private final HikariDataSource ds;
    private final CodeCatalog codes;
    private final Clock clock;
    private final StoreConfig config;

    private VisitStore(HikariDataSource ds, CodeCatalog codes, Clock clock, StoreConfig config) {
        this.ds = ds;
        this.codes = codes;
        this.clock = clock;
        this.config = config;
    }

    /** Connects and brings the schema up to date (Flyway). */
    public static VisitStore open(StoreConfig config, CodeCatalog codes, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(clock, "clock");
        if (!config.isPostgres()) {
            refuseIfUnusable(config);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.user());
        hc.setPassword(config.password());
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(1);
        hc.setPoolName("minutewise-store");
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration",
                            config.isPostgres() ? "classpath:db/migration-postgresql" : "classpath:db/migration-h2")
                    .load()
                    .migrate();
        } catch (FlywayException | IllegalStateException | IllegalArgumentException e) {
            ds.close();
            throw new StoreException("the store at " + config.describe() + " could not be opened: "
                    + firstLine(e.getMessage()), e);
        }
        return new VisitStore(ds, codes, clock, config);
    }

    /**
     * An H2 file another process holds open, or one H2 cannot open at all (its directory is a regular file, not
     * writable): said plainly, at once, instead of the pool's "connection is not available" ten seconds later.
     */
    private static void refuseIfUnusable(StoreConfig config) {
        try (Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(),
                config.password())) {
            c.isValid(1);
        } catch (java.sql.SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (e.getErrorCode() == 90020 || m.contains("already in use") || m.contains("locked by another process")) {
                throw new StoreException("the store at " + config.describe() + " is in use by another process (another "
                        + "minutewise serve on the same --data?); stop it, or give this one another --data", e);
            }
            // The pool would try the same connection again and again until its timeout: the reason is known now.
            throw new StoreException("the store at " + config.describe() + " could not be opened: "
                    + firstLine(m), e);
        }
    }

    public StoreConfig config() {
        return config;
    }

    /** Whether the database answers. */
    public boolean healthy() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- saving

    /** Saves the visit as its next version (the first when it is new), in one transaction, and audits it. */
    public SavedVersion save(SaveCommand cmd) {
        SQLException last = null;
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    SavedVersion v = saveIn(c, cmd);
                    c.commit();
                    return v;
                } catch (SQLException e) {
                    c.rollback();
                    if (!isConflict(e)) {
                        throw e;
                    }
                    last = e;
                }
            } catch (SQLException e) {
                throw new StoreException("saving visit " + cmd.visit().id() + " failed: " + firstLine(e.getMessage()),
                        e);
            }
        }
        throw new StoreException("saving visit " + cmd.visit().id() + " failed: concurrent saves", last);
    }

    private SavedVersion saveIn(Connection c, SaveCommand cmd) throws SQLException {
        Visit v = cmd.visit();
        CheckResult r = cmd.result();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int previous = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT current_version FROM visit WHERE visit_id = ? FOR UPDATE")) {
            ps.setString(1, v.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getInt(1);
                }
            }
        }
        int version = previous + 1;
        if (previous == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit (visit_id, patient_id, date_of_service, "
                    + "payer, current_version, blocked, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, v.id());
                setOptional(ps, 2, v.patient().id());
                ps.setObject(3, v.dateOfService());
                ps.setString(4, v.payer());
                ps.setInt(5, version);
                ps.setBoolean(6, r.blocks());
                ps.setObject(7, ts(now));
                ps.setObject(8, ts(now));
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE visit SET patient_id = ?, date_of_service = ?, "
                    + "payer = ?, current_version = ?, blocked = ?, updated_at = ? WHERE visit_id = ?")) {
                setOptional(ps, 1, v.patient().id());
                ps.setObject(2, v.dateOfService());
                ps.setString(3, v.payer());
                ps.setInt(4, version);
                ps.setBoolean(5, r.blocks());
                ps.setObject(6, ts(now));
                ps.setString(7, v.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_version (visit_id, version_no, saved_at, "
                + "saved_by, visit_json, result_json, blocked, total_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.id());
            ps.setInt(2, version);
            ps.setObject(3, ts(now));
            ps.setString(4, cmd.actor());
            ps.setString(5, cmd.visitJson());
            ps.setString(6, cmd.resultJson());
            ps.setBoolean(7, r.blocks());
            ps.setInt(8, r.claim().totalUnits());
            ps.executeUpdate();
        }
        insertClaimLines(c, v.id(), version, r.claim().lines());
        insertFindings(c, v.id(), version, r.findings());
        insertTherapistPeriods(c, v, version);
        insertSpend(c, v.id(), version, v.dateOfService().getYear(), r.claim().kx(), cmd.statedSpend());
        String action = previous == 0 ? "visit.created" : "visit.updated";
        if (cmd.override().isPresent()) {
            FindingOverride o = cmd.override().get();
            boolean applied = r.findings().stream().anyMatch(f -> f.ruleId().equals(o.finding()) && f.overridden());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_override (visit_id, version_no, "
                    + "rule_id, reason, applied, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, v.id());
                ps.setInt(2, version);
                ps.setString(3, o.finding());
                ps.setString(4, o.reason());
                ps.setBoolean(5, applied);
                ps.setString(6, cmd.actor());
                ps.setObject(7, ts(now));
                ps.executeUpdate();
            }
            action = "override.recorded";
        }
        appendAudit(c, now, cmd.actor(), action, AuditEntry.VISIT, v.id(), OptionalInt.of(version), cmd.detail());
        return new SavedVersion(v.id(), version, previous == 0, now);
    }

    private static void insertClaimLines(Connection c, String id, int version, List<ClaimLine> lines)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_line (visit_id, version_no, line_no, code, "
                + "modifiers, units, charge, rendering_provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < lines.size(); i++) {
                ClaimLine l = lines.get(i);
                ps.setString(1, id);
                ps.setInt(2, version);
                ps.setInt(3, i + 1);
                ps.setString(4, l.code());
                ps.setString(5, String.join(" ", l.modifiers()));
                ps.setInt(6, l.units());
                if (l.charge().isPresent()) {
                    ps.setBigDecimal(7, l.charge().get());
                } else {
                    ps.setNull(7, Types.DECIMAL);
                }
                setOptional(ps, 8, l.renderingProvider());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertFindings(Connection c, String id, int version, List<Finding> findings)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (visit_id, version_no, seq, rule_id, "
                + "severity, finding_path, message, fix, citation, override_reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                ps.setString(1, id);
                ps.setInt(2, version);
                ps.setInt(3, i + 1);
                ps.setString(4, f.ruleId());
                ps.setString(5, f.severity().wire());
                ps.setString(6, truncate(f.path(), 200));
                ps.setString(7, f.message());
                ps.setString(8, f.fix());
                ps.setString(9, truncate(f.citation(), 500));
                setOptional(ps, 10, f.overrideReason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertTherapistPeriods(Connection c, Visit v, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO therapist_period (visit_id, version_no, "
                + "therapist_id, date_of_service, code, period_path, start_minute, end_minute) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String therapist : TherapistDay.therapists(v, codes)) {
                for (TherapistDay.Session s : TherapistDay.sessionsOf(v, therapist, codes)) {
                    ps.setString(1, v.id());
                    ps.setInt(2, version);
                    ps.setString(3, therapist);
                    ps.setObject(4, v.dateOfService());
                    ps.setString(5, s.code());
                    ps.setString(6, s.path());
                    ps.setInt(7, s.period().startMinute());
                    ps.setInt(8, s.period().endMinute());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * The visit's spend by bucket, with the spend before it the visit stated (a bucket stated with no line of its own
     * is kept at 0, so that later visits still start from the statement).
     */
    private static void insertSpend(Connection c, String id, int version, int year, List<KxBucket> kx,
                                    Map<String, BigDecimal> stated) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO visit_spend (visit_id, version_no, spend_year, "
                + "bucket, amount, stated_before) VALUES (?, ?, ?, ?, ?, ?)")) {
            Set<String> done = new HashSet<>(2);
            for (KxBucket b : kx) {
                addSpend(ps, id, version, b.year(), b.bucket(), b.thisVisit(),
                        b.year() == year ? stated.get(b.bucket()) : null);
                done.add(b.bucket());
            }
            for (String bucket : BUCKETS) {
                if (stated.containsKey(bucket) && !done.contains(bucket)) {
                    addSpend(ps, id, version, year, bucket, BigDecimal.ZERO, stated.get(bucket));
                }
            }
            ps.executeBatch();
        }
    }

    private static void addSpend(PreparedStatement ps, String id, int version, int year, String bucket,
                                 BigDecimal amount, BigDecimal statedBefore) throws SQLException {
        ps.setString(1, id);
        ps.setInt(2, version);
        ps.setInt(3, year);
        ps.setString(4, bucket);
        ps.setBigDecimal(5, amount);
        ps.setBigDecimal(6, statedBefore);
        ps.addBatch();
    }

    /** The one way into the audit log: INSERT. */
    private static void appendAudit(Connection c, Instant at, String actor, String action, String subjectType,
                                    String subjectId, OptionalInt version, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (logged_at, actor, action, "
                + "subject_type, subject_id, version_no, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, ts(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subjectType);
            ps.setString(5, subjectId);
            if (version.isPresent()) {
                ps.setInt(6, version.getAsInt());
            } else {
                ps.setNull(6, Types.INTEGER);
            }
            ps.setString(7, detail);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- reading

    /** The visit's current version. */
    public Optional<StoredVisit> get(String visitId) {
        return query(c -> {
            Optional<VisitSummary> s = summary(c, visitId);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return version(c, s.get(), s.get().version());
        });
    }

    /** One version of the visit. */
    public Optional<StoredVisit> get(String visitId, int version) {
        return query(c -> {
            Optional<VisitSummary> s = summary(c, visitId);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            return version(c, s.get(), version);
        });
    }

    /** Visits (their current versions), newest date of service first, then by id. */
    public List<VisitSummary> list(VisitQuery q) {
        return query(c -> {
            StringBuilder sql = new StringBuilder("SELECT v.visit_id, v.patient_id, v.date_of_service, v.payer, "
                    + "v.current_version, v.blocked, v.updated_at FROM visit v WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (q.patientId().isPresent()) {
                sql.append(" AND v.patient_id = ?");
                args.add(q.patientId().get());
            }
            if (q.date().isPresent()) {
                sql.append(" AND v.date_of_service = ?");
                args.add(q.date().get());
            }
            if (q.therapistId().isPresent()) {
                sql.append(" AND EXISTS (SELECT 1 FROM therapist_period t WHERE t.visit_id = v.visit_id "
                        + "AND t.version_no = v.current_version AND t.therapist_id = ?)");
                args.add(q.therapistId().get());
            }
            sql.append(" ORDER BY v.date_of_service DESC, v.visit_id ASC");
            List<VisitSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                ps.setMaxRows(q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(summaryRow(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The visit's versions, overrides and audit entries; empty when there is no such visit. */
    public Optional<History> history(String visitId) {
        return query(c -> {
            if (summary(c, visitId).isEmpty()) {
                return Optional.empty();
            }
            List<VersionInfo> versions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT vv.version_no, vv.saved_at, vv.saved_by, "
                    + "vv.blocked, vv.total_units, (SELECT COUNT(*) FROM finding f WHERE f.visit_id = vv.visit_id "
                    + "AND f.version_no = vv.version_no) FROM visit_version vv WHERE vv.visit_id = ? "
                    + "ORDER BY vv.version_no")) {
                ps.setString(1, visitId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(new VersionInfo(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getBoolean(4),
                                rs.getInt(5), rs.getInt(6)));
                    }
                }
            }
            List<OverrideRecord> overrides = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT version_no, rule_id, reason, applied, "
                    + "recorded_by, recorded_at FROM finding_override WHERE visit_id = ? ORDER BY override_id")) {
                ps.setString(1, visitId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        overrides.add(new OverrideRecord(visitId, rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getBoolean(4), rs.getString(5), instant(rs, 6)));
                    }
                }
            }
            return Optional.of(new History(visitId, versions, overrides, audit(c, AuditEntry.VISIT, visitId)));
        });
    }

    /** The audit log entries about one subject ({@link AuditEntry#VISIT} or {@link AuditEntry#PATIENT}), in order. */
    public List<AuditEntry> audit(String subjectType, String subjectId) {
        return query(c -> audit(c, subjectType, subjectId));
    }

    private static List<AuditEntry> audit(Connection c, String subjectType, String subjectId) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, logged_at, actor, action, subject_type, "
                + "subject_id, version_no, detail FROM audit_log WHERE subject_type = ? AND subject_id = ? "
                + "ORDER BY seq")) {
            ps.setString(1, subjectType);
            ps.setString(2, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt(7);
                    OptionalInt v = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
                    out.add(new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), v, rs.getString(8)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- spend (KX)

    /**
     * The patient's therapy spend in the year by bucket: this clinic's stored visits (current versions) dated
     * before {@code before} (all of the year when empty), leaving out {@code excludingVisit}, plus the outside
     * spend entered for the year. With both given, the patient's other visits of that same date whose id sorts
     * before {@code excludingVisit} count too: visits of one day are taken in order of their ids, so two visits of
     * a day never both start from the same amount. A visit that stated the clinic's spend before it
     * ({@code patient.yearToDate}: visits before the store held them) restarts the count there when that is more
     * than the stored visits before it add up to, as the batch audit counts a patient's year (MW-A003).
     */
    public PatientSpend spend(String patientId, int year, Optional<LocalDate> before, Optional<String> excludingVisit) {
        return query(c -> {
            Map<String, BigDecimal> clinic = zeros();
            StringBuilder sql = new StringBuilder("SELECT s.bucket, s.amount, s.stated_before FROM visit v "
                    + "JOIN visit_spend s ON s.visit_id = v.visit_id AND s.version_no = v.current_version "
                    + "WHERE v.patient_id = ? AND s.spend_year = ?");
            if (before.isPresent() && excludingVisit.isPresent()) {
                sql.append(" AND (v.date_of_service < ? OR (v.date_of_service = ? AND v.visit_id < ?))");
            } else if (before.isPresent()) {
                sql.append(" AND v.date_of_service < ?");
            }
            if (excludingVisit.isPresent()) {
                sql.append(" AND v.visit_id <> ?");
            }
            sql.append(" ORDER BY v.date_of_service, v.visit_id");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setString(i++, patientId);
                ps.setInt(i++, year);
                if (before.isPresent()) {
                    ps.setObject(i++, before.get());
                    if (excludingVisit.isPresent()) {
                        ps.setObject(i++, before.get());
                        ps.setString(i++, excludingVisit.get());
                    }
                }
                if (excludingVisit.isPresent()) {
                    ps.setString(i, excludingVisit.get());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String bucket = rs.getString(1);
                        BigDecimal sum = clinic.get(bucket);
                        BigDecimal stated = rs.getBigDecimal(3);
                        if (stated != null && stated.compareTo(sum) > 0) {
                            sum = stated;
                        }
                        clinic.put(bucket, sum.add(rs.getBigDecimal(2)));
                    }
                }
            }
            Map<String, BigDecimal> outside = zeros();
            try (PreparedStatement ps = c.prepareStatement("SELECT bucket, amount FROM outside_spend "
                    + "WHERE patient_id = ? AND spend_year = ?")) {
                ps.setString(1, patientId);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        outside.put(rs.getString(1), rs.getBigDecimal(2));
                    }
                }
            }
            List<BucketSpend> buckets = new ArrayList<>();
            for (String b : BUCKETS) {
                buckets.add(new BucketSpend(b, clinic.get(b), outside.get(b)));
            }
            return new PatientSpend(patientId, year, buckets);
        });
    }

    /** Sets the spend at other providers for a patient's year and bucket, and audits the change. */
    public void setOutsideSpend(String patientId, int year, String bucket, BigDecimal amount, String actor) {
        if (!BUCKETS.contains(bucket)) {
            throw new IllegalArgumentException("bucket must be PT_SLP or OT, got " + bucket);
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        run(c -> {
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            Optional<BigDecimal> old = Optional.empty();
            try (PreparedStatement ps = c.prepareStatement("SELECT amount FROM outside_spend WHERE patient_id = ? "
                    + "AND spend_year = ? AND bucket = ? FOR UPDATE")) {
                ps.setString(1, patientId);
                ps.setInt(2, year);
                ps.setString(3, bucket);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        old = Optional.of(rs.getBigDecimal(1));
                    }
                }
            }
            String sql = old.isPresent()
                    ? "UPDATE outside_spend SET amount = ?, updated_by = ?, updated_at = ? "
                            + "WHERE patient_id = ? AND spend_year = ? AND bucket = ?"
                    : "INSERT INTO outside_spend (amount, updated_by, updated_at, patient_id, spend_year, bucket) "
                            + "VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setBigDecimal(1, amount);
                ps.setString(2, actor);
                ps.setObject(3, ts(now));
                ps.setString(4, patientId);
                ps.setInt(5, year);
                ps.setString(6, bucket);
                ps.executeUpdate();
            }
            appendAudit(c, now, actor, "outside-spend.set", AuditEntry.PATIENT, patientId, OptionalInt.empty(),
                    year + " " + bucket + " outside spend " + old.map(BigDecimal::toPlainString).orElse("none")
                            + " -> " + amount.toPlainString());
            return null;
        });
    }

    // ---------------------------------------------------------------- therapist day

    /** The therapist's one-on-one sessions on the date, across the current versions of every stored visit. */
    public List<TherapistDay.Session> therapistDay(String therapistId, LocalDate date) {
        return query(c -> {
            List<TherapistDay.Session> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.visit_id, v.patient_id, t.code, t.period_path, "
                    + "t.start_minute, t.end_minute FROM therapist_period t JOIN visit v ON v.visit_id = t.visit_id "
                    + "AND v.current_version = t.version_no WHERE t.therapist_id = ? AND t.date_of_service = ? "
                    + "ORDER BY t.start_minute, t.visit_id, t.period_path")) {
                ps.setString(1, therapistId);
                ps.setObject(2, date);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TherapistDay.Session(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                                rs.getString(3), rs.getString(4), period(rs.getInt(5), rs.getInt(6))));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private Optional<VisitSummary> summary(Connection c, String visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT visit_id, patient_id, date_of_service, payer, "
                + "current_version, blocked, updated_at FROM visit WHERE visit_id = ?")) {
            ps.setString(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summaryRow(rs)) : Optional.empty();
            }
        }
    }

    private static VisitSummary summaryRow(ResultSet rs) throws SQLException {
        return new VisitSummary(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5), rs.getBoolean(6), instant(rs, 7));
    }

    private static Optional<StoredVisit> version(Connection c, VisitSummary s, int version) throws SQLException {
        Instant savedAt;
        String savedBy;
        String visitJson;
        String resultJson;
        try (PreparedStatement ps = c.prepareStatement("SELECT saved_at, saved_by, visit_json, result_json "
                + "FROM visit_version WHERE visit_id = ? AND version_no = ?")) {
            ps.setString(1, s.visitId());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                savedAt = instant(rs, 1);
                savedBy = rs.getString(2);
                visitJson = rs.getString(3);
                resultJson = rs.getString(4);
            }
        }
        List<StoredClaimLine> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, modifiers, units, charge, rendering_provider "
                + "FROM claim_line WHERE visit_id = ? AND version_no = ? ORDER BY line_no")) {
            ps.setString(1, s.visitId());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String mods = rs.getString(2);
                    lines.add(new StoredClaimLine(rs.getString(1), mods.isEmpty() ? List.of()
                            : Arrays.asList(mods.split(" ")), rs.getInt(3), Optional.ofNullable(rs.getBigDecimal(4)),
                            Optional.ofNullable(rs.getString(5))));
                }
            }
        }
        List<StoredFinding> findings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule_id, severity, finding_path, message, fix, "
                + "citation, override_reason FROM finding WHERE visit_id = ? AND version_no = ? ORDER BY seq")) {
            ps.setString(1, s.visitId());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    findings.add(new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Optional.ofNullable(rs.getString(7))));
                }
            }
        }
        return Optional.of(new StoredVisit(s, version, savedAt, savedBy, visitJson, resultJson, lines, findings));
    }

    private static Period period(int start, int end) {
        return new Period(time(start), end >= 24 * 60 ? Period.END_OF_DAY : time(end));
    }

    private static java.time.LocalTime time(int minute) {
        return java.time.LocalTime.of(minute / 60, minute % 60);
    }

    private static Map<String, BigDecimal> zeros() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String b : BUCKETS) {
            m.put(b, BigDecimal.ZERO.setScale(2));
        }
        return m;
    }

    private static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class).toInstant();
    }

    private static void setOptional(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            ps.setString(i, v.get());
        } else {
            ps.setNull(i, Types.VARCHAR);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.equals("40001") || state.equals("40P01"));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(true);
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("reading the store failed: " + firstLine(e.getMessage()), e);
        }
    }

    private <T> T run(Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T t = work.apply(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("writing to the store failed: " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        ds.close();
    }
}
