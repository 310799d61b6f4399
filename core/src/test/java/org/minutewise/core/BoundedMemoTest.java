package org.minutewise.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {
    @Test
    void worksAnAnswerOutOnceThenRemembersIt() {
        AtomicInteger calls = new AtomicInteger();
        BoundedMemo<String, Integer> m = new BoundedMemo<>(10, s -> {
            calls.incrementAndGet();
            return s.length();
        });
        assertThat(m.get("abc")).isEqualTo(3);
        assertThat(m.get("abc")).isEqualTo(3);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void neverHoldsMoreThanItsBoundAndStaysRight() {
        BoundedMemo<Integer, Integer> m = new BoundedMemo<>(3, i -> i * 2);
        for (int i = 0; i < 10; i++) {
            assertThat(m.get(i)).isEqualTo(i * 2);
            assertThat(m.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void refusesANullAnswerAndABadBound() {
        BoundedMemo<String, String> m = new BoundedMemo<>(3, s -> null);
        assertThatThrownBy(() -> m.get("x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BoundedMemo<String, String>(0, s -> s))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
