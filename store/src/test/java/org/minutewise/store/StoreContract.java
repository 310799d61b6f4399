package org.minutewise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.refdata.RefData;

/** What every store must do, run against H2 and against a real PostgreSQL. */
abstract class StoreContract {
    static final ReferenceData REF = RefData.defaults();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    VisitStore store;

    /** A fresh, empty database for each test. */
    abstract StoreConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = VisitStore.open(freshDatabase(), REF.codes(), CLOCK);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static String visitJson(String id, String patient, String date, String therapist, String start, String end,
                            String extra) {
        return "{\"id\":\"" + id + "\",\"dateOfService\":\"" + date + "\",\"payer\":\"medicare\",\"planOfCare\":\"PT\","
                + "\"patient\":{\"id\":\"" + patient + "\"},\"diagnoses\":[\"I69.351\"],"
                + "\"certification\":{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"physician\":\"Dr. A\"},"
                + "\"services\":[{\"code\":\"97112\",\"periods\":[{\"start\":\"" + start + "\",\"end\":\"" + end
                + "\"}],\"provider\":{\"id\":\"" + therapist + "\",\"role\":\"PT\"}}]" + extra + "}";
    }

    static SaveCommand command(String json, String actor, String detail, Optional<FindingOverride> override) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json));
        CheckResult r = new VisitChecker(REF).check(v);
        return new SaveCommand(v, r, json, "{\"visitId\":\"" + v.id() + "\"}", actor, detail, override);
    }

    SavedVersion save(String json) {
        return store.save(command(json, "biller-1", "entered", Optional.empty()));
    }

    @Test
    void savesAVisitWithItsClaimLinesAndFindingsAsVersionOne() {
        SavedVersion saved = save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.created()).isTrue();
        StoredVisit v = store.get("V-1").orElseThrow();
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.savedBy()).isEqualTo("biller-1");
        assertThat(v.savedAt()).isEqualTo(CLOCK.instant());
        assertThat(v.summary().patientId()).contains("P-1");
        assertThat(v.summary().dateOfService()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(v.visitJson()).contains("\"V-1\"");
        assertThat(v.claimLines()).singleElement().satisfies(l -> {
            assertThat(l.code()).isEqualTo("97112");
            assertThat(l.units()).isEqualTo(3);
            assertThat(l.modifiers()).contains("GP");
        });
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void storesEveryFindingWithItsFixAndCitation() throws Exception {
        String json = Files.readString(Path.of("../examples/overlap-visit.json"));
        SaveCommand cmd = command(json, "biller-1", "entered", Optional.empty());
        store.save(cmd);

        StoredVisit v = store.get("V-1002").orElseThrow();
        assertThat(v.findings()).extracting(StoredFinding::ruleId)
                .containsExactlyElementsOf(cmd.result().findings().stream().map(f -> f.ruleId()).toList())
                .contains("MW-U003");
        assertThat(v.findings()).allSatisfy(f -> {
            assertThat(f.fix()).isNotBlank();
            assertThat(f.citation()).isNotBlank();
        });
        assertThat(store.list(VisitQuery.all())).singleElement().satisfies(s -> assertThat(s.blocked()).isTrue());
    }

    @Test
    void everySaveIsANewVersionAndTheHistoryKeepsThemAll() {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));
        SavedVersion second = save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:20", ""));

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.created()).isFalse();
        assertThat(store.get("V-1").orElseThrow().claimLines().get(0).units()).isEqualTo(1);
        assertThat(store.get("V-1", 1).orElseThrow().claimLines().get(0).units()).isEqualTo(3);
        assertThat(store.get("V-1", 3)).isEmpty();

        History h = store.history("V-1").orElseThrow();
        assertThat(h.versions()).extracting(VersionInfo::version).containsExactly(1, 2);
        assertThat(h.audit()).extracting(AuditEntry::action).containsExactly("visit.created", "visit.updated");
        assertThat(h.audit()).allSatisfy(a -> assertThat(a.actor()).isEqualTo("biller-1"));
        assertThat(store.history("nope")).isEmpty();
    }

    @Test
    void overridesAreRecordedWithTheirReasonAndWhetherTheyApplied() {
        String json = visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38",
                ",\"overrides\":[{\"finding\":\"MW-A001\",\"reason\":\"not on this visit\"}]");
        store.save(command(json, "lead", "override MW-A001",
                Optional.of(new FindingOverride("MW-A001", "not on this visit"))));

        History h = store.history("V-1").orElseThrow();
        assertThat(h.overrides()).singleElement().satisfies(o -> {
            assertThat(o.ruleId()).isEqualTo("MW-A001");
            assertThat(o.reason()).isEqualTo("not on this visit");
            assertThat(o.applied()).isFalse();
            assertThat(o.recordedBy()).isEqualTo("lead");
        });
        assertThat(h.audit()).extracting(AuditEntry::action).containsExactly("override.recorded");
    }

    @Test
    void listsVisitsByPatientDateAndTherapist() {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));
        save(visitJson("V-2", "P-2", "2026-03-02", "T2", "09:00", "09:38", ""));
        save(visitJson("V-3", "P-1", "2026-03-05", "T2", "09:00", "09:38", ""));

        assertThat(store.list(VisitQuery.all())).extracting(VisitSummary::visitId).containsExactly("V-3", "V-1", "V-2");
        assertThat(store.list(new VisitQuery(Optional.of("P-1"), Optional.empty(), Optional.empty(), 10)))
                .extracting(VisitSummary::visitId).containsExactly("V-3", "V-1");
        assertThat(store.list(new VisitQuery(Optional.empty(), Optional.of(LocalDate.of(2026, 3, 2)),
                Optional.of("T2"), 10))).extracting(VisitSummary::visitId).containsExactly("V-2");
        assertThat(store.list(new VisitQuery(Optional.empty(), Optional.empty(), Optional.empty(), 1))).hasSize(1);
    }

    @Test
    void aTherapistsDayAcrossPatientsShowsTheOverlap() {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "10:00", "10:25", ""));
        save(visitJson("V-2", "P-2", "2026-03-02", "T1", "10:15", "10:40", ""));
        save(visitJson("V-3", "P-3", "2026-03-03", "T1", "10:15", "10:40", ""));

        List<TherapistDay.Session> day = store.therapistDay("T1", LocalDate.of(2026, 3, 2));
        assertThat(day).extracting(TherapistDay.Session::visitId).containsExactly("V-1", "V-2");
        assertThat(day.get(0).patientId()).contains("P-1");
        assertThat(TherapistDay.overlaps("T1", LocalDate.of(2026, 3, 2), day)).singleElement()
                .satisfies(o -> assertThat(o.minutes()).isEqualTo(10));

        // A new version moves V-2 out of the way: only current versions count.
        save(visitJson("V-2", "P-2", "2026-03-02", "T1", "10:25", "10:50", ""));
        assertThat(TherapistDay.overlaps("T1", LocalDate.of(2026, 3, 2),
                store.therapistDay("T1", LocalDate.of(2026, 3, 2)))).isEmpty();
    }

    /** A visit saved with its billed lines adds the documented visit's amount to the patient's spend too. */
    @Test
    void aBilledVisitCountsTowardTheYearToDate() {
        save(visitJson("V-1", "P-9", "2026-03-02", "T1", "09:00", "09:38",
                ",\"billed\":[{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":3}]"));
        assertThat(store.spend("P-9", 2026, Optional.empty(), Optional.empty()).bucket(BucketSpend.PT_SLP).clinic())
                .isPositive();
    }

    /**
     * A visit that stated the clinic's spend before it (visits before the store held them) restarts the count there:
     * a later visit's spend from the store is the statement plus the stored visits from it on, not their sum alone.
     */
    @Test
    void aStatedYearToDateCarriesForwardToLaterVisits() {
        VisitJsonReader reader = new VisitJsonReader(REF);
        String first = visitJson("V-1", "P-5", "2026-11-16", "T1", "09:00", "09:38", "")
                .replace("\"patient\":{\"id\":\"P-5\"}",
                        "\"patient\":{\"id\":\"P-5\",\"yearToDate\":{\"PT_SLP\":2400.00}}");
        Visit v = reader.read(reader.parse(first));
        CheckResult r = new VisitChecker(REF).check(v);
        store.save(new SaveCommand(v, r, first, "{}", "biller-1", "entered", Optional.empty(),
                Map.of(BucketSpend.PT_SLP, new BigDecimal("2400.00"))));
        BigDecimal own = r.claim().kx().get(0).thisVisit();
        assertThat(own).isPositive();
        assertThat(store.spend("P-5", 2026, Optional.of(LocalDate.of(2026, 11, 18)), Optional.of("V-2"))
                .bucket(BucketSpend.PT_SLP).clinic()).isEqualByComparingTo(new BigDecimal("2400.00").add(own));
        // A statement below what the stored visits before it add up to does not lower the count.
        save(visitJson("V-0", "P-6", "2026-11-02", "T1", "09:00", "09:38", ""));
        String low = first.replace("V-1", "V-3").replace("P-5", "P-6").replace("2400.00", "1.00");
        Visit w = reader.read(reader.parse(low));
        CheckResult rw = new VisitChecker(REF).check(w);
        store.save(new SaveCommand(w, rw, low, "{}", "biller-1", "entered", Optional.empty(),
                Map.of(BucketSpend.PT_SLP, new BigDecimal("1.00"))));
        assertThat(store.spend("P-6", 2026, Optional.empty(), Optional.empty()).bucket(BucketSpend.PT_SLP).clinic())
                .isEqualByComparingTo(own.add(rw.claim().kx().get(0).thisVisit()));
    }

    @Test
    void yearToDateSpendByBucketAddsOutsideSpend() {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));
        save(visitJson("V-2", "P-1", "2026-03-09", "T1", "09:00", "09:38", ""));
        BigDecimal oneVisit = store.spend("P-1", 2026, Optional.of(LocalDate.of(2026, 3, 3)), Optional.empty())
                .bucket(BucketSpend.PT_SLP).clinic();
        assertThat(oneVisit).isPositive();

        PatientSpend all = store.spend("P-1", 2026, Optional.empty(), Optional.empty());
        assertThat(all.bucket(BucketSpend.PT_SLP).clinic()).isEqualByComparingTo(oneVisit.multiply(BigDecimal.valueOf(2)));
        assertThat(all.bucket(BucketSpend.OT).total()).isEqualByComparingTo("0");
        assertThat(store.spend("P-1", 2026, Optional.empty(), Optional.of("V-2")).bucket(BucketSpend.PT_SLP)
                .clinic()).isEqualByComparingTo(oneVisit);

        store.setOutsideSpend("P-1", 2026, BucketSpend.PT_SLP, new BigDecimal("300.00"), "biller-1");
        store.setOutsideSpend("P-1", 2026, BucketSpend.PT_SLP, new BigDecimal("450.50"), "biller-2");
        store.setOutsideSpend("P-1", 2026, BucketSpend.OT, new BigDecimal("20"), "biller-2");
        PatientSpend withOutside = store.spend("P-1", 2026, Optional.empty(), Optional.empty());
        assertThat(withOutside.bucket(BucketSpend.PT_SLP).outside()).isEqualByComparingTo("450.50");
        assertThat(withOutside.bucket(BucketSpend.PT_SLP).total())
                .isEqualByComparingTo(oneVisit.multiply(BigDecimal.valueOf(2)).add(new BigDecimal("450.50")));
        assertThat(withOutside.bucket(BucketSpend.OT).total()).isEqualByComparingTo("20");
        assertThat(store.spend("P-1", 2025, Optional.empty(), Optional.empty()).bucket(BucketSpend.PT_SLP).total())
                .isEqualByComparingTo("0");

        assertThat(store.audit(AuditEntry.PATIENT, "P-1")).extracting(AuditEntry::detail).containsExactly(
                "2026 PT_SLP outside spend none -> 300.00", "2026 PT_SLP outside spend 300.00 -> 450.50",
                "2026 OT outside spend none -> 20");
        assertThatThrownBy(() -> store.setOutsideSpend("P-1", 2026, "XX", BigDecimal.ONE, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.setOutsideSpend("P-1", 2026, "OT", new BigDecimal("-1"), "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAuditLogRefusesUpdateAndDelete() throws SQLException {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));
        StoreConfig cfg = store.config();
        try (Connection c = DriverManager.getConnection(cfg.jdbcUrl(), cfg.user(), cfg.password());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(store.audit(AuditEntry.VISIT, "V-1")).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo("biller-1"));
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsVisits() {
        save(visitJson("V-1", "P-1", "2026-03-02", "T1", "09:00", "09:38", ""));
        StoreConfig cfg = store.config();
        store.close();
        store = VisitStore.open(cfg, REF.codes(), CLOCK);
        assertThat(store.get("V-1")).isPresent();
        assertThat(store.healthy()).isTrue();
    }
}
