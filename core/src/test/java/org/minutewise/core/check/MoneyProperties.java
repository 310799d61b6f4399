package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

/** {@link Money#of} writes what {@code String.format("%,.2f")} writes, with the sign before the dollar sign. */
class MoneyProperties {
    @Property(tries = 2000)
    void asTheFormatterWritesIt(@ForAll @BigRange(min = "-100000000", max = "100000000") BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        String expected = (cents.signum() < 0 ? "-$" : "$")
                + String.format(Locale.ROOT, "%,.2f", cents.abs());
        assertThat(Money.of(amount)).isEqualTo(expected);
    }

    @Test
    void examples() {
        assertThat(Money.of(new BigDecimal("2480"))).isEqualTo("$2,480.00");
        assertThat(Money.of(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(Money.of(new BigDecimal("999.995"))).isEqualTo("$1,000.00");
        assertThat(Money.of(new BigDecimal("1234567.8"))).isEqualTo("$1,234,567.80");
        assertThat(Money.of(new BigDecimal("-12.5"))).isEqualTo("-$12.50");
        assertThat(Money.of(BigDecimal.ZERO)).isEqualTo("$0.00");
    }
}
