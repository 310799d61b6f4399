package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;

class TherapistDayTest {
    private static final LocalDate DAY = Fixtures.DOS;

    private static TherapistDay.Session session(String visit, String patient, String start, String end) {
        return new TherapistDay.Session(visit, Optional.ofNullable(patient), "97112", "services[0].periods[0]",
                Period.of(start, end));
    }

    private static Visit visit(String id, String patient, ServiceLine... lines) {
        return Visit.builder(id, DAY)
                .patient(new Patient(Optional.of(patient), Optional.empty(), YearToDate.NONE, YearToDate.NONE))
                .services(List.of(lines)).build();
    }

    @Test
    void overlappingOneOnOneMinutesWithTwoPatientsAreAFinding() {
        List<TherapistDay.Overlap> found = TherapistDay.overlaps("T1", DAY, List.of(
                session("V-2", "P-2", "10:15", "10:40"), session("V-1", "P-1", "10:00", "10:25")));

        assertThat(found).hasSize(1);
        TherapistDay.Overlap o = found.get(0);
        assertThat(o.first().visitId()).isEqualTo("V-1");
        assertThat(o.second().visitId()).isEqualTo("V-2");
        assertThat(o.minutes()).isEqualTo(10);

        Finding f = o.findingFor("V-2");
        assertThat(f.ruleId()).isEqualTo("MW-A001");
        assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        assertThat(f.citation()).isEqualTo("CMS Pub 100-02 ch. 15 §230 A");
        assertThat(f.message()).contains("T1", "visit V-1", "10:00-10:25", "10:15-10:40", "10 minutes overlap",
                "group therapy");
    }

    @Test
    void periodsThatMeetAtAMinuteDoNotOverlap() {
        assertThat(TherapistDay.overlaps("T1", DAY, List.of(session("V-1", "P-1", "09:00", "09:24"),
                session("V-2", "P-2", "09:24", "09:47")))).isEmpty();
    }

    @Test
    void oneMinuteOfOverlapIsEnough() {
        List<TherapistDay.Overlap> found = TherapistDay.overlaps("T1", DAY, List.of(
                session("V-1", "P-1", "09:00", "09:25"), session("V-2", "P-2", "09:24", "09:47")));
        assertThat(found).singleElement().extracting(TherapistDay.Overlap::minutes).isEqualTo(1);
        assertThat(found.get(0).findingFor("V-1").message()).contains("1 minute overlaps");
    }

    @Test
    void theSameVisitOrTheSameKnownPatientIsNotTwoPatients() {
        assertThat(TherapistDay.overlaps("T1", DAY, List.of(session("V-1", "P-1", "09:00", "09:30"),
                session("V-1", "P-1", "09:10", "09:20")))).isEmpty();
        assertThat(TherapistDay.overlaps("T1", DAY, List.of(session("V-1", "P-1", "09:00", "09:30"),
                session("V-9", "P-1", "09:10", "09:20")))).isEmpty();
        assertThat(TherapistDay.overlaps("T1", DAY, List.of(session("V-1", null, "09:00", "09:30"),
                session("V-9", null, "09:10", "09:20")))).hasSize(1);
    }

    @Test
    void everyOverlappingPairIsReportedOnce() {
        List<TherapistDay.Overlap> found = TherapistDay.overlaps("T1", DAY, List.of(
                session("V-1", "P-1", "09:00", "10:00"), session("V-2", "P-2", "09:10", "09:20"),
                session("V-3", "P-3", "09:50", "10:10"), session("V-4", "P-4", "10:10", "10:30")));
        assertThat(found).extracting(o -> o.first().visitId() + "/" + o.second().visitId())
                .containsExactly("V-1/V-2", "V-1/V-3");
    }

    @Test
    void sessionsAreTheTherapistsOneOnOnePeriods() {
        ServiceLine neuro = Fixtures.line("97112", "T1", Role.PT, "10:00-10:25");
        ServiceLine other = Fixtures.line("97110", "T2", Role.PT, "10:00-10:25");
        ServiceLine packs = Fixtures.line("97010", "T1", Role.PT, "10:25-10:40");
        ServiceLine group = Fixtures.line("97530", "T1", Role.PT, "11:00-11:30").withMode(Mode.GROUP);
        ServiceLine noTimes = new ServiceLine("97140", OptionalInt.of(15), List.of(), Provider.of("T1", Role.PT),
                Optional.empty(), Optional.empty());
        Visit v = visit("V-1", "P-1", neuro, other, packs, group, noTimes);

        List<TherapistDay.Session> sessions = TherapistDay.sessionsOf(v, "T1", Fixtures.CATALOG);

        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("97112");
            assertThat(s.path()).isEqualTo("services[0].periods[0]");
            assertThat(s.patientId()).contains("P-1");
        });
        assertThat(TherapistDay.therapists(v, Fixtures.CATALOG)).containsExactly("T1", "T2");
    }

    @Test
    void findingsForAVisitPointAtItsOwnService() {
        Visit first = visit("V-1", "P-1", Fixtures.line("97112", "T1", Role.PT, "10:00-10:25"));
        Visit second = visit("V-2", "P-2", Fixtures.line("97110", "T1", Role.PT, "09:00-09:30"),
                Fixtures.line("97530", "T1", Role.PT, "10:15-10:40"));
        List<TherapistDay.Session> all = new ArrayList<>(TherapistDay.sessionsOf(first, "T1", Fixtures.CATALOG));
        all.addAll(TherapistDay.sessionsOf(second, "T1", Fixtures.CATALOG));

        List<Finding> findings = TherapistDay.findingsFor(second, TherapistDay.overlaps("T1", DAY, all));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("services[1].periods[0]");
            assertThat(f.message()).contains("97530 10:15-10:40", "visit V-1 (97112 10:00-10:25)");
        });
        assertThat(TherapistDay.findingsFor(visit("V-3", "P-3", Fixtures.line("97112", "T1", Role.PT,
                "12:00-12:15")), TherapistDay.overlaps("T1", DAY, all))).isEmpty();
    }
}
