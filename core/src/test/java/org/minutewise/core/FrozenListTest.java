package org.minutewise.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FrozenListTest {
    @Property
    void behavesAsTheJdksImmutableList(@ForAll List<Integer> items) {
        List<Integer> source = new ArrayList<>(items);
        source.removeIf(x -> x == null);
        List<Integer> frozen = FrozenList.copyOf(source);
        List<Integer> jdk = List.copyOf(source);
        assertThat(frozen).isEqualTo(jdk).hasSameHashCodeAs(jdk);
        assertThat(jdk).isEqualTo(frozen);
        assertThat(frozen.toString()).isEqualTo(jdk.toString());
        List<Integer> walked = new ArrayList<>();
        frozen.forEach(walked::add);
        assertThat(walked).isEqualTo(source);
        assertThat(frozen.toArray()).isEqualTo(source.toArray());
    }

    @Test
    void aCopyIsNotChangedByItsSource() {
        List<String> source = new ArrayList<>(List.of("97112", "97110"));
        List<String> frozen = FrozenList.copyOf(source);
        source.set(0, "97140");
        frozen.toArray()[1] = "97530";
        assertThat(frozen).containsExactly("97112", "97110");
        assertThat(FrozenList.copyOf(frozen)).isSameAs(frozen);
    }

    @Test
    void refusesChangesNullsAndReadsPastTheEnd() {
        List<String> frozen = FrozenList.copyOf(List.of("97112"));
        assertThatThrownBy(() -> frozen.add("97110")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.set(0, "97110")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> FrozenList.copyOf(Arrays.asList("97112", null)))
                .isInstanceOf(NullPointerException.class);
        Iterator<String> it = frozen.iterator();
        assertThat(it.next()).isEqualTo("97112");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> it.remove()).isInstanceOf(UnsupportedOperationException.class);
    }
}
