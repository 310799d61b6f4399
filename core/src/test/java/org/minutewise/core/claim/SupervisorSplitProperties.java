package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.text;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * A code's CQ/CO units split by the supervisor of the assistant who furnished them (ClaimBuilder.bySupervisor,
 * RULES.md §4): the split only moves units between lines. The units add up to the one line's, the 8-minute count and
 * the CQ/CO count do not change, the order the services are documented in does not decide who gets a unit, and the
 * estimate prices the lines at what one line of their units is allowed.
 */
class SupervisorSplitProperties {

    @Property(tries = 1000)
    void theSharesAddUpToTheUnits(@ForAll @IntRange(max = 12) int cq,
                                  @ForAll @Size(min = 1, max = 5) List<@IntRange(max = 80) Integer> minutes) {
        int[] m = minutes.stream().mapToInt(Integer::intValue).toArray();
        int[] units = ClaimBuilder.allocate(cq, m, names(m.length));

        assertThat(java.util.Arrays.stream(units).sum()).isEqualTo(cq);
        assertThat(java.util.Arrays.stream(units).min().orElse(0)).isNotNegative();
        // Whoever has a full block the units reach keeps it: with units for every block, each gets at least theirs.
        int blocks = minutes.stream().mapToInt(x -> x / 15).sum();
        if (cq >= blocks) {
            for (int k = 0; k < m.length; k++) {
                assertThat(units[k]).as("assistant %d, %d min", k, m[k]).isGreaterThanOrEqualTo(m[k] / 15);
            }
        }
    }

    @Property(tries = 1000)
    void theOrderOfTheAssistantsDoesNotDecide(@ForAll @IntRange(max = 12) int cq,
                                              @ForAll @Size(min = 1, max = 5) List<@IntRange(max = 80) Integer> minutes,
                                              @ForAll long seed) {
        int n = minutes.size();
        String[] names = names(n);
        int[] units = ClaimBuilder.allocate(cq, minutes.stream().mapToInt(Integer::intValue).toArray(), names);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(seed));
        int[] shuffledMinutes = new int[n];
        String[] shuffledNames = new String[n];
        for (int k = 0; k < n; k++) {
            shuffledMinutes[k] = minutes.get(order.get(k));
            shuffledNames[k] = names[order.get(k)];
        }
        int[] shuffled = ClaimBuilder.allocate(cq, shuffledMinutes, shuffledNames);
        for (int k = 0; k < n; k++) {
            assertThat(shuffled[k]).isEqualTo(units[order.get(k)]);
        }
    }

    /** A payer that uses CQ/CO and counts units by the CPT method (each code's own minutes). */
    private static final org.minutewise.core.payer.PayerProfile CPT = org.minutewise.core.check.ComplianceFixture.Payer
            .commercial("cpt-cq", org.minutewise.core.units.UnitMethod.CPT).assistantModifiers(true).build();

    /**
     * Two to four PTAs under two or three supervisors, and perhaps a PT of the code: the claim against the same
     * visit with every PTA under one supervisor (one CQ line) and against the services in another order; under the
     * CMS 8-minute rule (Medicare) or the CPT method.
     */
    @Property(tries = 300)
    void theSplitOnlyMovesUnitsBetweenSupervisors(@ForAll("assistantVisits") List<ServiceLine> services,
                                                  @ForAll long seed, @ForAll boolean cpt) {
        CheckResult split = check(services, cpt);
        CheckResult oneSupervisor = check(services.stream().map(SupervisorSplitProperties::underT1).toList(), cpt);
        List<ServiceLine> shuffled = new ArrayList<>(services);
        Collections.shuffle(shuffled, new Random(seed));
        CheckResult reordered = check(shuffled, cpt);
        assertThat(split.units().method()).isEqualTo(cpt ? org.minutewise.core.units.UnitMethod.CPT
                : org.minutewise.core.units.UnitMethod.CMS);

        assertThat(split.units().totalUnits()).isEqualTo(oneSupervisor.units().totalUnits());
        assertThat(units(split, false)).isEqualTo(units(oneSupervisor, false));
        assertThat(units(split, true)).isEqualTo(units(oneSupervisor, true));
        assertThat(split.claim().lines().stream().filter(ClaimLine::assistantUnit))
                .extracting(l -> l.renderingProvider().orElseThrow()).doesNotHaveDuplicates();
        // Each CQ line is rendered under the supervisor of the assistant it names.
        for (ClaimLine l : split.claim().lines()) {
            if (l.assistantUnit()) {
                String named = l.assistant().orElseThrow();
                assertThat(services).anySatisfy(s -> {
                    assertThat(s.provider().id()).contains(named);
                    assertThat(s.provider().supervisorId()).isEqualTo(l.renderingProvider());
                });
            }
        }
        assertThat(described(reordered)).containsExactlyInAnyOrderElementsOf(described(split));
        if (split.claim().estimate().available()) {
            assertThat(split.claim().estimate().totalAllowed())
                    .isEqualByComparingTo(oneSupervisor.claim().estimate().totalAllowed());
        }
    }

    /**
     * Assistants with equal minutes are common (the minutes come from a few round figures): under one supervisor or
     * two, beside a PT or not, on 97110 and 97112. The claim lines (code, units, modifiers, rendering provider and NPI,
     * the assistant each names, charge) are the same whatever order the services are documented in.
     */
    @Property(tries = 300)
    void theOrderOfTheServicesDoesNotChangeTheClaimLines(@ForAll("tiedAssistants") List<ServiceLine> services,
                                                         @ForAll long seed, @ForAll boolean cpt) {
        List<ServiceLine> shuffled = new ArrayList<>(services);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(withAssistant(check(shuffled, cpt)))
                .containsExactlyInAnyOrderElementsOf(withAssistant(check(services, cpt)));
    }

    @Provide
    Arbitrary<List<ServiceLine>> tiedAssistants() {
        Arbitrary<Integer> round = Arbitraries.of(8, 10, 15, 20, 23);
        Arbitrary<ServiceLine> pta = Combinators.combine(Arbitraries.of("A1", "A2", "A3", "A4"),
                Arbitraries.of("T1", "T1", "T2"), Arbitraries.of("97110", "97112"), round)
                .as((id, supervisor, code, min) -> minutes(code, min,
                        new org.minutewise.core.model.Provider(java.util.Optional.of(id), Role.PTA,
                                java.util.Optional.empty(), java.util.Optional.of(supervisor),
                                java.util.Optional.of(supervisor.equals("T1") ? "1245319599" : "1765432103"))));
        Arbitrary<List<ServiceLine>> ptas = pta.list().ofMinSize(2).ofMaxSize(5)
                .uniqueElements(s -> s.provider().id().orElseThrow() + s.code());
        // The PT T1 on 97110, on 97112, on both or on neither (0: not on the visit).
        Arbitrary<Integer> ptMinutes = Arbitraries.of(0, 8, 15, 20);
        return Combinators.combine(ptas, ptMinutes, ptMinutes).as((a, on97110, on97112) -> {
            List<ServiceLine> all = new ArrayList<>(a);
            if (on97110 > 0) {
                all.add(minutes("97110", on97110, pt("T1")));
            }
            if (on97112 > 0) {
                all.add(minutes("97112", on97112, pt("T1")));
            }
            return all;
        });
    }

    /** {@link #described} and the assistant each line names ("-" for none), and whether it holds CQ/CO units. */
    private static List<String> withAssistant(CheckResult r) {
        List<String> out = new ArrayList<>();
        List<String> lines = described(r);
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = r.claim().lines().get(i);
            out.add(lines.get(i) + " " + l.renderingNpi().orElse("-") + " " + l.assistant().orElse("-") + " "
                    + l.assistantUnit());
        }
        return out;
    }

    @Provide
    Arbitrary<List<ServiceLine>> assistantVisits() {
        Arbitrary<ServiceLine> pta = Combinators.combine(Arbitraries.of("A1", "A2", "A3", "A4"),
                Arbitraries.of("T1", "T2", "T3"), Arbitraries.integers().between(3, 40))
                .as((id, supervisor, min) -> minutes("97110", min, assistant(id, Role.PTA, supervisor)));
        Arbitrary<List<ServiceLine>> ptas = pta.list().ofMinSize(2).ofMaxSize(4)
                .uniqueElements(s -> s.provider().id().orElseThrow());
        Arbitrary<List<ServiceLine>> therapist = Arbitraries.integers().between(0, 30)
                .map(min -> min < 3 ? List.<ServiceLine>of() : List.of(minutes("97110", min, pt("T1"))));
        Arbitrary<List<ServiceLine>> other = Arbitraries.integers().between(0, 25)
                .map(min -> min < 8 ? List.<ServiceLine>of() : List.of(minutes("97530", min, pt("T2"))));
        return Combinators.combine(ptas, therapist, other).as((a, t, o) -> {
            List<ServiceLine> all = new ArrayList<>(a);
            all.addAll(t);
            all.addAll(o);
            return all;
        });
    }

    private static CheckResult check(List<ServiceLine> services, boolean cpt) {
        Visit.Builder v = cpt ? visit().payer("cpt-cq") : visit();
        services.forEach(v::service);
        return checker(CPT).check(v.build());
    }

    private static ServiceLine underT1(ServiceLine s) {
        return s.provider().role().isAssistant()
                ? minutes(s.code(), s.minutes(), assistant(s.provider().id().orElseThrow(), Role.PTA, "T1")) : s;
    }

    /** The claim's units of 97110 with CQ ({@code cq}) or without, and of the other codes. */
    private static List<Integer> units(CheckResult r, boolean cq) {
        int code = 0;
        int other = 0;
        for (ClaimLine l : r.claim().lines()) {
            if (!l.code().equals("97110")) {
                other += l.units();
            } else if (l.assistantUnit() == cq) {
                code += l.units();
            }
        }
        return List.of(code, other);
    }

    /** The lines as the order of the services must not change them: code, units, modifiers, rendering provider, charge. */
    private static List<String> described(CheckResult r) {
        return r.claim().lines().stream().map(l -> text(l) + " " + l.renderingProvider().orElse("-") + " "
                + l.charge().map(BigDecimal::toPlainString).orElse("")).toList();
    }

    private static String[] names(int n) {
        String[] names = new String[n];
        for (int k = 0; k < n; k++) {
            names[k] = "A" + k;
        }
        return names;
    }
}
