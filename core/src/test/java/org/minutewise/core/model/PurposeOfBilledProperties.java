package org.minutewise.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The purpose billed lines give a visit that states none ({@link Purpose#ofBilled}, applied by {@link Visit.Builder}
 * for every reader): a 96 anywhere gives habilitative, else a 97 rehabilitative, else nothing is stated; a stated
 * purpose is never replaced; a copy of the visit keeps what it says.
 */
class PurposeOfBilledProperties {
    @Provide
    Arbitrary<List<List<String>>> lines() {
        return Arbitraries.of("GP", "96", "97", "KX", "59", "CQ").list().ofMaxSize(4).uniqueElements().list()
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<Optional<Purpose>> stated() {
        return Arbitraries.of(Purpose.values()).optional();
    }

    @Property(tries = 300)
    void theBilledLinesGiveThePurposeOnlyWhenNoneIsStated(@ForAll("lines") List<List<String>> modifiers,
                                                           @ForAll("stated") Optional<Purpose> stated) {
        List<BilledLine> billed = new ArrayList<>();
        for (List<String> m : modifiers) {
            billed.add(new BilledLine("97530", m, 1, Optional.empty()));
        }
        Visit.Builder b = Visit.builder("V", LocalDate.of(2026, 3, 2))
                .service(new ServiceLine("97530", java.util.OptionalInt.of(20), List.of(), Provider.of("T1", Role.PT),
                        Optional.empty(), Optional.empty()))
                .billed(billed);
        stated.ifPresent(b::purpose);
        Visit v = b.build();
        boolean any96 = modifiers.stream().anyMatch(m -> m.contains("96"));
        boolean any97 = modifiers.stream().anyMatch(m -> m.contains("97"));
        if (stated.isPresent()) {
            assertThat(v.purpose()).isEqualTo(stated.get());
            assertThat(v.purposeStated()).isTrue();
        } else {
            assertThat(v.purposeStated()).isEqualTo(any96 || any97);
            assertThat(v.purpose()).isEqualTo(any96 ? Purpose.HABILITATIVE : Purpose.REHABILITATIVE);
        }
        Visit copy = v.toBuilder().build();
        assertThat(copy.purpose()).isEqualTo(v.purpose());
        assertThat(copy.purposeStated()).isEqualTo(v.purposeStated());
    }
}
