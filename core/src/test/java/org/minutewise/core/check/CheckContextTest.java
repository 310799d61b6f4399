package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.MEDICARE;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;

import org.junit.jupiter.api.Test;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.UnitCalculator;

class CheckContextTest {
    @Test
    void theCodeOfEachLineIsLookedUpOnceAndAgreesWithTheCatalog() {
        ReferenceData ref = ComplianceFixture.ref();
        Visit v = ComplianceFixture.visit()
                .service(minutes("97112", 24, pt("T1")))
                .service(untimed("97010", pt("T1")))
                .service(minutes("99999", 10, pt("T1")))
                .service(at("97110", "09:00", "09:10", pt("T1")))
                .service(minutes("97112", 5, pt("T1")))
                .build();
        CheckContext ctx = new CheckContext(v, MEDICARE, ref,
                UnitCalculator.compute(MEDICARE.method(), UnitCalculator.pool(v.services()), ref.codes()));
        for (int i = 0; i < v.services().size(); i++) {
            ServiceLine line = v.services().get(i);
            assertThat(ctx.codeAt(i)).isSameAs(ref.codes().getOrNull(line.code())).isSameAs(ctx.codeOf(line));
            assertThat(ctx.isSupervisedModalityAt(i)).isEqualTo(ctx.isSupervisedModality(line));
        }
        assertThat(ctx.codeAt(2)).isNull();
        assertThat(ctx.isSupervisedModalityAt(1)).isTrue();
        assertThat(ctx.isSupervisedModalityAt(0)).isFalse();
    }
}
