package org.minutewise.core.fees;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new FeeData("test", true, List.of(), List.of(), cf, kx, Map.of());
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
    }
}
