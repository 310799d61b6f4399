package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.Rvu;

/** The remembered unit price gives, to the cent, what the fee schedule formula gives worked out in full. */
class UnitPriceProperties {
    private static BigDecimal amount(int hundredths, int scale) {
        return BigDecimal.valueOf(hundredths, scale);
    }

    @Property(tries = 500)
    void sameAsTheFormulaWorkedOutLineByLine(@ForAll @IntRange(max = 500) int work,
                                             @ForAll @IntRange(max = 900) int pe,
                                             @ForAll @IntRange(max = 90) int mp,
                                             @ForAll @IntRange(min = 700, max = 1600) int gw,
                                             @ForAll @IntRange(min = 700, max = 1600) int gpe,
                                             @ForAll @IntRange(min = 300, max = 2000) int gmp,
                                             @ForAll @IntRange(min = 300_000, max = 400_000) int cf,
                                             @ForAll @IntRange(max = 1) int fullUnits,
                                             @ForAll @IntRange(max = 12) int reducedUnits,
                                             @ForAll @IntRange(max = 100) int share) {
        Rvu r = new Rvu("97112", 2026, amount(work, 2), amount(pe, 2), amount(mp, 2));
        Gpci g = new Gpci("x", "x", amount(gw, 3), amount(gpe, 3), amount(gmp, 3));
        BigDecimal factor = amount(cf, 4);
        BigDecimal reducedShare = amount(share, 2);
        BigDecimal workMp = r.work().multiply(g.work()).add(r.mp().multiply(g.mp()));
        BigDecimal gpe2 = r.pe().multiply(g.pe());
        BigDecimal expected = workMp.add(gpe2).multiply(BigDecimal.valueOf(fullUnits))
                .add(workMp.add(gpe2.multiply(reducedShare)).multiply(BigDecimal.valueOf(reducedUnits)))
                .multiply(factor).setScale(2, RoundingMode.HALF_UP);
        PaymentEstimator.UnitPrice p = PaymentEstimator.UnitPrice.of(r, g, factor, reducedShare);
        assertThat(p.times(fullUnits, reducedUnits)).isEqualTo(expected);
        assertThat(p.pe()).isEqualByComparingTo(gpe2);
        // Asked again (remembered), the same answer.
        assertThat(PaymentEstimator.UnitPrice.of(r, g, factor, reducedShare).times(fullUnits, reducedUnits)).isEqualTo(expected);
    }
}
