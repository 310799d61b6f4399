package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.minutewise.core.Fixtures;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * Whatever the periods (CMS Pub 100-04 ch. 5 §20.2; Pub 100-02 ch. 15 §230 A; RULES.md §2-§3): the timed minutes the
 * count takes are exactly the minutes of the timed codes' periods outside every untimed one-on-one service's (an
 * evaluation) or group code's (97150) period, each minute once; such a period that grows over the timed ones never
 * raises the timed units (either method); a supervised modality's period, which may share minutes, changes nothing.
 */
class UntimedOverlapProperties {
    private static final VisitChecker CHECKER = new VisitChecker(Fixtures.REF);
    private static final List<String> TIMED = List.of("97110", "97112", "97140", "97530");

    /** A period from 08:00 on: start offset 0-120 minutes, 1-60 minutes long. */
    private static Arbitrary<int[]> period() {
        return Combinators.combine(Arbitraries.integers().between(0, 120), Arbitraries.integers().between(1, 60))
                .as((s, len) -> new int[] {8 * 60 + s, 8 * 60 + s + len});
    }

    /** 1-4 timed lines of distinct codes, each one period. */
    @Provide
    Arbitrary<List<ServiceLine>> timedLines() {
        return Arbitraries.subsetOf(TIMED).ofMinSize(1).flatMap(codes -> period().list().ofSize(codes.size())
                .map(ps -> {
                    List<ServiceLine> out = new ArrayList<>();
                    int k = 0;
                    for (String code : codes) {
                        out.add(line(code, ps.get(k++)));
                    }
                    return out;
                }));
    }

    @Provide
    Arbitrary<int[]> untimedPeriod() {
        return period();
    }

    /** An untimed code whose period is its own time: an evaluation, or group therapy (MW-U003, MW-G001). */
    @Provide
    Arbitrary<String> ownTime() {
        return Arbitraries.of("97161", "97150");
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("medicare", "commercial");
    }

    private static ServiceLine line(String code, int[] p) {
        return new ServiceLine(code, OptionalInt.empty(), List.of(new Period(clock(p[0]), clock(p[1]))),
                Provider.of("T1", Role.PT), Optional.empty(), Optional.empty());
    }

    private static LocalTime clock(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    private static CheckResult check(String payer, List<ServiceLine> timed, ServiceLine other) {
        List<ServiceLine> all = new ArrayList<>(timed);
        all.add(0, other);
        Visit v = Fixtures.visit(all.toArray(ServiceLine[]::new)).toBuilder().payer(payer).build();
        return CHECKER.check(v);
    }

    @Property(tries = 300)
    void theTimedMinutesAreThoseOutsideTheServiceEachOnce(@ForAll("timedLines") List<ServiceLine> timed,
                                                         @ForAll("untimedPeriod") int[] eval,
                                                         @ForAll("ownTime") String service,
                                                         @ForAll("method") String payer) {
        CheckResult r = check(payer, timed, line(service, eval));
        BitSet outside = new BitSet();
        for (ServiceLine l : timed) {
            Period p = l.periods().get(0);
            outside.set(p.startMinute(), p.endMinute());
        }
        outside.clear(eval[0], eval[1]);

        assertThat(r.units().totalTimedMinutes()).isEqualTo(outside.cardinality());
        assertThat(r.units().unitsOf(service)).isEqualTo(1);
    }

    @Property(tries = 300)
    void anOverlapGrowingOverTheTimedCodesNeverRaisesTheTimedUnits(
            @ForAll("timedLines") List<ServiceLine> timed, @ForAll("untimedPeriod") int[] eval,
            @ForAll @IntRange(min = 0, max = 40) int earlier, @ForAll @IntRange(min = 0, max = 40) int later,
            @ForAll("ownTime") String service, @ForAll("method") String payer) {
        CheckResult before = check(payer, timed, line(service, eval));
        CheckResult grown = check(payer, timed, line(service, new int[] {eval[0] - earlier, eval[1] + later}));

        assertThat(grown.units().timedUnits()).isLessThanOrEqualTo(before.units().timedUnits());
        assertThat(grown.units().totalTimedMinutes()).isLessThanOrEqualTo(before.units().totalTimedMinutes());
        assertThat(grown.claim().lines().stream().filter(l -> TIMED.contains(l.code()))
                .mapToInt(org.minutewise.core.claim.ClaimLine::units).sum())
                .isLessThanOrEqualTo(before.units().timedUnits());
    }

    @Property(tries = 300)
    void aSupervisedModalitysPeriodCutsNothing(@ForAll("timedLines") List<ServiceLine> timed,
                                              @ForAll("untimedPeriod") int[] packs, @ForAll("method") String payer) {
        CheckResult r = check(payer, timed, line("97010", packs));
        BitSet union = new BitSet();
        for (ServiceLine l : timed) {
            Period p = l.periods().get(0);
            union.set(p.startMinute(), p.endMinute());
        }

        assertThat(r.units().totalTimedMinutes()).isEqualTo(union.cardinality());
    }
}
