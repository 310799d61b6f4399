package org.minutewise.core.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeeDataTest {
    private static KxThreshold kx(int year) {
        return new KxThreshold(year, new BigDecimal("2410.00"), new BigDecimal("2410.00"), new BigDecimal("3000.00"),
                "test");
    }

    private static FeeData fees(Map<Integer, BigDecimal> cf, List<KxThreshold> kx) {
        return new FeeData("test", true, List.of(), List.of(), cf, kx, List.of(), Map.of());
    }

    private static PaymentRates rates(int year, String assistantShare) {
        return new PaymentRates(year, new BigDecimal("0.50"), new BigDecimal(assistantShare), new BigDecimal("0.20"));
    }

    @Test
    void paymentSharesAreFoundByTheYearOfTheDateOfService() {
        FeeData f = new FeeData("test", true, List.of(), List.of(), Map.of(), List.of(),
                List.of(rates(2021, "1.00"), rates(2022, "0.85")), Map.of());
        assertThat(f.paymentRates(LocalDate.of(2021, 12, 31)).map(PaymentRates::assistantReduced)).contains(false);
        assertThat(f.paymentRates(LocalDate.of(2022, 1, 1)).map(PaymentRates::assistantReduced)).contains(true);
        assertThat(f.paymentRates(LocalDate.of(2023, 1, 1))).isEmpty();
        assertThat(f.withCharges(Map.of("97110", BigDecimal.TEN)).paymentRates(LocalDate.of(2022, 5, 1)))
                .isEqualTo(f.paymentRates(LocalDate.of(2022, 5, 1)));
    }

    @Test
    void aShareIsBetweenZeroAndOne() {
        assertThatThrownBy(() -> rates(2026, "1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assistantShare");
        assertThatThrownBy(() -> rates(2026, "-0.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yearlyFiguresAreFoundByTheYearOfTheDateOfService() {
        FeeData f = fees(Map.of(2025, new BigDecimal("32.3465"), 2026, new BigDecimal("33.4009")),
                List.of(kx(2024), kx(2026)));
        assertThat(f.conversionFactor(LocalDate.of(2025, 12, 31))).contains(new BigDecimal("32.3465"));
        assertThat(f.conversionFactor(LocalDate.of(2026, 1, 1))).contains(new BigDecimal("33.4009"));
        assertThat(f.conversionFactor(LocalDate.of(2024, 6, 1))).isEmpty();
        assertThat(f.conversionFactor(LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(f.kxThreshold(LocalDate.of(2024, 3, 1)).map(KxThreshold::year)).contains(2024);
        assertThat(f.kxThreshold(LocalDate.of(2025, 3, 1))).isEmpty();
        assertThat(f.kxThreshold(LocalDate.of(2026, 3, 1)).map(KxThreshold::year)).contains(2026);
        assertThat(f.kxThreshold(LocalDate.of(2023, 3, 1))).isEmpty();
    }

    @Test
    void yearsFarApartAreStillFound() {
        FeeData f = fees(Map.of(1, BigDecimal.ONE, 9000, BigDecimal.TEN), List.of());
        assertThat(f.conversionFactor(LocalDate.of(1, 1, 1))).contains(BigDecimal.ONE);
        assertThat(f.conversionFactor(LocalDate.of(9000, 1, 1))).contains(BigDecimal.TEN);
        assertThat(f.conversionFactor(LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(f.kxThreshold(LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void noYearlyFiguresAtAll() {
        FeeData f = FeeData.empty();
        assertThat(f.conversionFactor(LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(f.kxThreshold(LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(f.paymentRates(LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
