package org.minutewise.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.minutewise.core.Fixtures;

/**
 * Properties of the two unit methods that follow from RULES.md §3 whatever the minutes: CMS units depend on
 * the pooled timed total only, allocation never loses or invents a unit, full blocks are kept, the order of the
 * input does not matter, more minutes never mean fewer units, and CPT works code by code.
 */
final class UnitProperties {

    /** 1-6 distinct timed codes of the fixture catalog with 0-130 minutes each (small values favoured). */
    @Provide
    Arbitrary<List<CodeMinutes>> timedVisit() {
        Arbitrary<Integer> minutes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 30)),
                Tuple.of(1, Arbitraries.integers().between(0, 130)));
        return Arbitraries.subsetOf(Fixtures.TIMED).ofMinSize(1).ofMaxSize(6)
                .flatMap(codes -> minutes.list().ofSize(codes.size()).map(ms -> {
                    List<CodeMinutes> out = new ArrayList<>();
                    int k = 0;
                    for (String code : codes) {
                        out.add(new CodeMinutes(code, ms.get(k++)));
                    }
                    return out;
                }));
    }

    /** 2-6 timed codes with the same minutes (ties at the cut-off are likely), beside any timed visit. */
    @Provide
    Arbitrary<List<CodeMinutes>> oftenTied() {
        Arbitrary<List<CodeMinutes>> tied = Combinators.combine(
                Arbitraries.subsetOf(Fixtures.TIMED).ofMinSize(2).ofMaxSize(6),
                Arbitraries.integers().between(1, 50)).as((codes, m) -> {
                    List<CodeMinutes> out = new ArrayList<>();
                    for (String code : codes) {
                        out.add(new CodeMinutes(code, m));
                    }
                    return out;
                });
        return Arbitraries.oneOf(tied, timedVisit());
    }

    /** A timed visit with 0-2 untimed codes (random minutes) mixed in. */
    @Provide
    Arbitrary<List<CodeMinutes>> mixedVisit() {
        Arbitrary<List<CodeMinutes>> untimed = Arbitraries.subsetOf(Fixtures.UNTIMED).ofMaxSize(2)
                .flatMap(codes -> Arbitraries.integers().between(0, 60).list().ofSize(codes.size()).map(ms -> {
                    List<CodeMinutes> out = new ArrayList<>();
                    int k = 0;
                    for (String code : codes) {
                        out.add(new CodeMinutes(code, ms.get(k++)));
                    }
                    return out;
                }));
        return Combinators.combine(timedVisit(), untimed).as((t, u) -> {
            List<CodeMinutes> all = new ArrayList<>(t);
            all.addAll(u);
            return all;
        });
    }

    private static UnitResult compute(UnitMethod m, List<CodeMinutes> input) {
        return UnitCalculator.compute(m, input, Fixtures.CATALOG);
    }

    private static int timedMinutes(List<CodeMinutes> input) {
        int sum = 0;
        for (CodeMinutes cm : input) {
            if (Fixtures.TIMED.contains(cm.code())) {
                sum += cm.minutes();
            }
        }
        return sum;
    }

    @Property
    void cmsTimedUnitsDependOnlyOnTotalTimedMinutes(@ForAll("mixedVisit") List<CodeMinutes> input) {
        UnitResult r = compute(UnitMethod.CMS, input);
        int t = timedMinutes(input);
        int untimed = input.size() - (int) input.stream().filter(cm -> Fixtures.TIMED.contains(cm.code())).count();
        assertThat(r.totalTimedMinutes()).isEqualTo(t);
        int expected = t < 8 ? 0 : (t + 7) / 15;
        assertThat(r.timedUnits()).isEqualTo(expected).isEqualTo(UnitCalculator.unitsForMinutes(t));
        assertThat(r.totalUnits()).isEqualTo(expected + untimed);
    }

    @Property
    void cmsAllocatedUnitsAddUpToTheTimedTotal(@ForAll("mixedVisit") List<CodeMinutes> input) {
        UnitResult r = compute(UnitMethod.CMS, input);
        int sum = 0;
        for (CodeUnits l : r.lines()) {
            if (l.kind() == CodeKind.TIMED) {
                sum += l.units();
            }
        }
        assertThat(sum).isEqualTo(r.timedUnits());
        for (Map<String, Integer> alt : r.alternatives()) {
            assertThat(alt.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.timedUnits());
        }
    }

    @Property
    void aCodeWithFifteenNMinutesGetsAtLeastNUnits(@ForAll("timedVisit") List<CodeMinutes> input) {
        for (UnitMethod m : UnitMethod.values()) {
            UnitResult r = compute(m, input);
            for (CodeMinutes cm : input) {
                int n = cm.minutes() / 15;
                assertThat(r.unitsOf(cm.code())).as("%s %s with %d minutes", m, cm.code(), cm.minutes())
                        .isGreaterThanOrEqualTo(n);
            }
        }
    }

    @Property
    void cmsCodeGetsAtMostOneUnitBeyondItsFullBlocks(@ForAll("timedVisit") List<CodeMinutes> input) {
        UnitResult r = compute(UnitMethod.CMS, input);
        for (CodeMinutes cm : input) {
            assertThat(r.unitsOf(cm.code())).isLessThanOrEqualTo(cm.minutes() / 15 + 1);
        }
    }

    @Property
    void shufflingTheInputChangesNothing(@ForAll("oftenTied") List<CodeMinutes> input, @ForAll Random random) {
        List<CodeMinutes> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, random);
        for (UnitMethod m : UnitMethod.values()) {
            UnitResult a = compute(m, input);
            UnitResult b = compute(m, shuffled);
            assertThat(b.unitsByCode()).isEqualTo(a.unitsByCode());
            assertThat(b.totalTimedMinutes()).isEqualTo(a.totalTimedMinutes());
            assertThat(b.totalUnits()).isEqualTo(a.totalUnits());
            assertThat(b.professionalChoice()).isEqualTo(a.professionalChoice());
            assertThat(new HashSet<>(b.tiedCodes())).isEqualTo(new HashSet<>(a.tiedCodes()));
            assertThat(new HashSet<>(b.alternatives())).isEqualTo(new HashSet<>(a.alternatives()));
        }
    }

    @Property
    void splittingACodeIntoTwoEntriesChangesNothing(@ForAll("timedVisit") List<CodeMinutes> input,
                                                    @ForAll Random random) {
        CodeMinutes first = input.get(0);
        int part = first.minutes() == 0 ? 0 : random.nextInt(first.minutes() + 1);
        List<CodeMinutes> split = new ArrayList<>(input.subList(1, input.size()));
        split.add(new CodeMinutes(first.code(), part));
        split.add(0, new CodeMinutes(first.code(), first.minutes() - part));
        for (UnitMethod m : UnitMethod.values()) {
            assertThat(compute(m, split).unitsByCode()).isEqualTo(compute(m, input).unitsByCode());
        }
    }

    @Property
    void oneMoreMinuteNeverLowersTheTotal(@ForAll("mixedVisit") List<CodeMinutes> input, @ForAll Random random) {
        int at = random.nextInt(input.size());
        List<CodeMinutes> more = new ArrayList<>(input);
        more.set(at, new CodeMinutes(input.get(at).code(), input.get(at).minutes() + 1));
        for (UnitMethod m : UnitMethod.values()) {
            assertThat(compute(m, more).totalUnits()).as("%s, one more minute of %s", m, input.get(at).code())
                    .isGreaterThanOrEqualTo(compute(m, input).totalUnits());
        }
    }

    @Property
    void cptUnitsArePerCodeAndIndependentOfTheOthers(@ForAll("timedVisit") List<CodeMinutes> input) {
        UnitResult all = compute(UnitMethod.CPT, input);
        int sum = 0;
        for (CodeMinutes cm : input) {
            int m = cm.minutes();
            int alone = m < 8 ? 0 : (m + 7) / 15;
            assertThat(all.unitsOf(cm.code())).as("%s with %d minutes", cm.code(), m).isEqualTo(alone);
            assertThat(compute(UnitMethod.CPT, List.of(cm)).unitsOf(cm.code())).isEqualTo(alone);
            sum += alone;
        }
        assertThat(all.timedUnits()).isEqualTo(sum);
        assertThat(all.professionalChoice()).isFalse();
    }

    @Property
    void aProfessionalsChoiceAlwaysListsOtherAllocationsOfTheTiedCodes(
            @ForAll("oftenTied") List<CodeMinutes> input) {
        UnitResult r = compute(UnitMethod.CMS, input);
        if (!r.professionalChoice()) {
            assertThat(r.alternatives()).isEmpty();
            assertThat(r.tiedCodes()).isEmpty();
            return;
        }
        assertThat(r.tiedCodes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.alternatives()).isNotEmpty();
        Map<String, Integer> chosen = r.unitsByCode();
        for (Map<String, Integer> alt : r.alternatives()) {
            assertThat(alt).isNotEqualTo(chosen);
            // Only the tied codes may change.
            for (CodeUnits l : r.lines()) {
                if (!r.tiedCodes().contains(l.code())) {
                    assertThat(alt.get(l.code())).isEqualTo(l.units());
                }
            }
        }
        // The default goes to the lowest code numbers among the tied ones.
        List<String> sorted = new ArrayList<>(r.tiedCodes());
        Collections.sort(sorted);
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(r.unitsOf(sorted.get(i - 1))).isGreaterThanOrEqualTo(r.unitsOf(sorted.get(i)));
        }
    }
}
