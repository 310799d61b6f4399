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

    @Test
    void aMemoOfAFunctionIsWorkedOutOnceAndSharedWithTheSupplierForm() {
        CheckContext ctx = oneLineContext();
        Object key = new Object();
        int[] calls = new int[1];
        java.util.function.Function<CheckContext, StringBuilder> compute = c -> {
            calls[0]++;
            return new StringBuilder(c.visit().services().get(0).code());
        };
        StringBuilder first = ctx.memo(key, compute);
        assertThat(first.toString()).isEqualTo("97110");
        assertThat((Object) ctx.memo(key, compute)).isSameAs(first);
        // The supplier form reads the same value: a key is one value whichever form asks first.
        assertThat((Object) ctx.memo(key, () -> new StringBuilder("other"))).isSameAs(first);
        assertThat(calls[0]).isEqualTo(1);
        // Another context (another visit) works it out anew.
        CheckContext other = new CheckContext(ctx.visit(), MEDICARE, ctx.ref(), ctx.units());
        assertThat((Object) other.memo(key, compute)).isNotSameAs(first);
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void theMemoFindsAKeyByEqualityAndHoldsManyKeys() {
        CheckContext ctx = oneLineContext();
        // More keys than the memo first has room for, each with its own value.
        for (int i = 0; i < 40; i++) {
            int n = i;
            assertThat((Integer) ctx.memo("key " + i, () -> n)).isEqualTo(i);
        }
        for (int i = 0; i < 40; i++) {
            // An equal key built apart finds the value (as a map's key would), and nothing is computed again.
            assertThat((Integer) ctx.memo(new String("key " + i), () -> -1)).isEqualTo(i);
        }
        // A computation that returned null is not remembered: asked again, it runs again.
        int[] calls = new int[1];
        java.util.function.Supplier<Object> nothing = () -> {
            calls[0]++;
            return null;
        };
        assertThat((Object) ctx.memo("none", nothing)).isNull();
        assertThat((Object) ctx.memo("none", nothing)).isNull();
        assertThat(calls[0]).isEqualTo(2);
        assertThat((Integer) ctx.memo("none", () -> 7)).isEqualTo(7);
    }

    /** The context of a visit of one 97110 line of 23 minutes, counted as Medicare counts. */
    private static CheckContext oneLineContext() {
        ReferenceData ref = ComplianceFixture.ref();
        Visit v = ComplianceFixture.visit().service(minutes("97110", 23, pt("T1"))).build();
        return new CheckContext(v, MEDICARE, ref,
                UnitCalculator.compute(MEDICARE.method(), UnitCalculator.pool(v.services()), ref.codes()));
    }
}
