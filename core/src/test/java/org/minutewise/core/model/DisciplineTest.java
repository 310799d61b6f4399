package org.minutewise.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisciplineTest {
    @Test
    void aLinesDisciplineIsThatOfItsFirstTherapyModifier() {
        assertThat(Discipline.ofModifiers(List.of("CQ", "GP", "KX"))).isEqualTo(Discipline.PT);
        assertThat(Discipline.ofModifiers(List.of("GN"))).isEqualTo(Discipline.SLP);
        // Two of them (MW-B004's error): read by the first, the same way wherever a line's discipline is read.
        assertThat(Discipline.ofModifiers(List.of("GP", "GO"))).isEqualTo(Discipline.PT);
        assertThat(Discipline.ofModifiers(List.of("GO", "GP"))).isEqualTo(Discipline.OT);
    }

    @Test
    void noTherapyModifierNamesNoDiscipline() {
        assertThat(Discipline.ofModifiers(List.of())).isNull();
        assertThat(Discipline.ofModifiers(List.of("59", "KX", "gp"))).isNull();
    }
}
