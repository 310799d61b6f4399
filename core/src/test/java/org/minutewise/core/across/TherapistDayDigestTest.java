package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Period;

class TherapistDayDigestTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static VisitDigest visit(String id, String patient, String provider, boolean oneOnOne, String... periods) {
        List<VisitDigest.Treatment> ts = new ArrayList<>();
        for (String p : periods) {
            String[] se = p.split("-");
            Period period = Period.of(se[0], se[1]);
            ts.add(new VisitDigest.Treatment(provider, "97110", oneOnOne, period.minutes(), 1, List.of(period)));
        }
        return new VisitDigest(id, patient, DAY, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97110", List.of("GP"), 1, "PT_SLP", BigDecimal.ZERO)), ts);
    }

    @Test
    void overlappingOneOnOneMinutesWithTwoPatientsAreReportedOnBothVisitsTheLaterFirst() {
        VisitDigest a = visit("V1", "P1", "T1", true, "09:00-09:20", "09:20-09:45");
        VisitDigest b = visit("V2", "P2", "T1", true, "09:30-09:50", "09:50-10:05");
        List<AcrossFinding> out = TherapistDay.check("T1", DAY, List.of(a, b));
        assertThat(out).extracting(AcrossFinding::visitId).containsExactly("V2", "V1");
        assertThat(out.get(0)).satisfies(f -> {
            assertThat(f.finding().ruleId()).isEqualTo("MW-A001");
            assertThat(f.finding().blocks()).isTrue();
            assertThat(f.finding().message()).contains("overlap visit V1").contains("15 minutes")
                    .contains("09:30").contains("09:45");
        });
        // The earlier claim bills the same minutes one-on-one: it carries the finding too, naming the later visit.
        assertThat(out.get(1).finding().message()).isEqualTo("On 2026-03-02, T1 has one-on-one minutes on this "
                + "visit that overlap visit V2 with another patient: 15 minutes between 09:30 and 09:45 are billed "
                + "for both patients as one-on-one time; with its 15 shared minutes taken out, this visit's minutes still "
                + "support the units they did.");
        // The later visit's 35 minutes of 97110 less the 15 shared make 1 unit, not 2; the earlier's 45 less 15 still 2.
        assertThat(out.get(0).cuts()).containsExactly(new UnitCut("V2", "97110", 1));
        assertThat(out.get(0).finding().message()).endsWith("with its 15 shared minutes taken out, supported units "
                + "of 97110 on this visit lowered from 2 to 1.");
        assertThat(out.get(1).cuts()).isEmpty();
        assertThat(TherapistDay.check("T1", DAY, List.of(b, a))).isEqualTo(out);
    }

    @Test
    void theLaterVisitIsTheOneThatStartsLaterEvenWhenALaterPeriodOverlapsTheOtherWay() {
        VisitDigest a = visit("V9", "P1", "T1", true, "11:42-12:15", "12:15-12:37");
        VisitDigest b = visit("V3", "P2", "T1", true, "11:49-12:06", "12:06-12:36");
        assertThat(TherapistDay.check("T1", DAY, List.of(a, b))).extracting(AcrossFinding::visitId)
                .containsExactly("V3", "V9");
    }

    @Test
    void nearMisses() {
        VisitDigest a = visit("V1", "P1", "T1", true, "09:00-09:30");
        assertThat(TherapistDay.check("T1", DAY, List.of(a, visit("V2", "P2", "T1", true, "09:30-10:00"))))
                .as("half-open periods that touch").isEmpty();
        assertThat(TherapistDay.check("T1", DAY, List.of(a, visit("V2", "P1", "T1", true, "09:10-09:40"))))
                .as("the same patient (a duplicate claim is MW-A006's business)").isEmpty();
        assertThat(TherapistDay.check("T1", DAY, List.of(a, visit("V2", "P2", "T1", false, "09:10-09:40"))))
                .as("group or supervised minutes").isEmpty();
        assertThat(TherapistDay.check("T1", DAY, List.of(a, visit("V2", "P2", "T2", true, "09:10-09:40"))))
                .as("another provider").isEmpty();
        assertThat(TherapistDay.check("T1", DAY.plusDays(1), List.of(a,
                visit("V2", "P2", "T1", true, "09:10-09:40")))).as("another date").isEmpty();
    }

    @Test
    void eachPairOfVisitsOnce() {
        VisitDigest a = visit("V1", "P1", "T1", true, "09:00-09:20", "09:20-09:40");
        VisitDigest b = visit("V2", "P2", "T1", true, "09:05-09:15", "09:15-09:35");
        VisitDigest c = visit("V3", "P3", "T1", true, "09:10-09:12");
        List<AcrossFinding> out = TherapistDay.check("T1", DAY, List.of(c, b, a));
        assertThat(out).extracting(AcrossFinding::visitId).containsExactly("V2", "V1", "V3", "V1", "V3", "V2");
        assertThat(out.get(0).finding().message()).contains("30 minutes");
    }

    private static VisitDigest group(String id, String patient, String provider, String code, String period) {
        String[] se = period.split("-");
        Period p = Period.of(se[0], se[1]);
        boolean timed = !code.equals("97150");
        return new VisitDigest(id, patient, DAY, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line(code, List.of("GP"), 1, "PT_SLP", BigDecimal.ZERO)),
                List.of(new VisitDigest.Treatment(provider, code, false, timed ? p.minutes() : 0, timed ? 1 : 0,
                        List.of(p), true)));
    }

    @Test
    void oneOnOneWhileLeadingAGroupIsA001ButTheGroupItselfIsNot() {
        VisitDigest alone = visit("V1", "P1", "T1", true, "10:00-10:30");
        VisitDigest g5 = group("V5", "P5", "T1", "97150", "10:00-10:30");
        VisitDigest g6 = group("V6", "P6", "T1", "97150", "10:00-10:30");
        List<AcrossFinding> out = TherapistDay.check("T1", DAY, List.of(alone, g5, g6));
        // Once, on the one-on-one visit, naming the group's visits: not once per member of the group.
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V1");
            assertThat(f.finding().message()).isEqualTo("On 2026-03-02, T1 has one-on-one minutes on this visit "
                    + "while leading a group session with other patients (visits V5, V6): 30 minutes between 10:00 "
                    + "and 10:30 are billed as one-on-one time and as the group's; with its 30 shared minutes taken out, "
                    + "supported units of 97110 on this visit lowered from 1 to 0.");
            assertThat(f.cuts()).containsExactly(new UnitCut("V1", "97110", 1));
        });
        VisitDigest g7 = group("V7", "P7", "T1", "97150", "10:00-10:30");
        assertThat(TherapistDay.check("T1", DAY, List.of(alone, g5, g6, g7))).as("a group of three").hasSize(1);
        // Two group sessions within one long one-on-one visit: their minutes together, each once (a code review).
        VisitDigest longOne = visit("S1", "P1", "T1", true, "09:00-10:30");
        List<AcrossFinding> two = TherapistDay.check("T1", DAY, List.of(longOne,
                group("GA", "PA", "T1", "97150", "09:00-09:30"), group("GB", "PB", "T1", "97150", "09:00-09:30"),
                group("GC", "PC", "T1", "97150", "10:00-10:30"), group("GD", "PD", "T1", "97150", "10:00-10:30")));
        assertThat(two).singleElement().satisfies(f -> assertThat(f.finding().message())
                .contains("(visits GA, GB, GC, GD): 60 minutes between 09:00 and 10:30"));
        assertThat(TherapistDay.check("T1", DAY, List.of(g5, g6))).as("the group's own patients").isEmpty();
        VisitDigest later = visit("V9", "P9", "T1", true, "10:10-10:40");
        assertThat(TherapistDay.check("T1", DAY, List.of(g5, later))).singleElement().satisfies(f -> assertThat(
                f.finding().message()).contains("has one-on-one minutes on this visit while leading a group session "
                + "with other patients (visit V5): 20 minutes between 10:10 and 10:30"));
        VisitDigest timedGroup = group("V7", "P7", "T1", "97110", "10:15-10:45");
        assertThat(TherapistDay.check("T1", DAY, List.of(alone, timedGroup))).hasSize(1);
        VisitDigest supervised = new VisitDigest("V8", "P8", DAY, "medicare", true, false, 0, 0, false, List.of(),
                List.of(new VisitDigest.Treatment("T1", "97035", false, 30, 2, List.of(Period.of("10:00", "10:30")))));
        assertThat(TherapistDay.check("T1", DAY, List.of(alone, supervised))).as("supervised, not a group").isEmpty();
        assertThat(TherapistDay.check("T2", DAY, List.of(alone, g5))).as("another provider").isEmpty();
    }
}
