package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeTallyTest {
    @Test
    void sumsUnitsAndKeepsEachModifierOnceInOrderOfAppearance() {
        CodeTally t = new CodeTally(1);
        t.add("97112", 2, List.of("GP"));
        t.add("97110", 1, List.of());
        t.add("97112", 1, List.of("GP", "CQ"));
        t.add("97140", 0, List.of("GP", "59"));
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.code(0)).isEqualTo("97112");
        assertThat(t.units(0)).isEqualTo(3);
        assertThat(t.modifiers(0)).containsExactly("GP", "CQ");
        assertThat(t.code(1)).isEqualTo("97110");
        assertThat(t.modifiers(1)).isEmpty();
        assertThat(t.modifiers(1).toString()).isEqualTo("[]");
        assertThat(t.indexOf("97140")).isEqualTo(2);
        assertThat(t.modifiers(2)).containsExactly("GP", "59");
        assertThat(t.unitsOf("97140")).isZero();
        assertThat(t.unitsOf("97530")).isZero();
        assertThat(t.indexOf("97530")).isEqualTo(-1);
    }

    @Test
    void growsPastItsExpectedSize() {
        CodeTally t = new CodeTally(0);
        for (int i = 0; i < 40; i++) {
            t.add("9" + (7100 + i), i, List.of());
        }
        assertThat(t.size()).isEqualTo(40);
        assertThat(t.unitsOf("97139")).isEqualTo(39);
    }
}
