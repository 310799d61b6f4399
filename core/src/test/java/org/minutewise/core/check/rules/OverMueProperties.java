package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.MEDICARE;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.MueDenial;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.UnitCalculator;

/** {@link UnitLimits#overMue} (the units added up over the lines in place) agrees with the map it replaced. */
class OverMueProperties {
    private static final List<String> CODES = List.of("97110", "97112", "97140", "97530", "97010");
    private static final ReferenceData REF;
    private static final CheckContext CTX;

    static {
        ReferenceData base = ComplianceFixture.ref();
        LocalDate from = LocalDate.of(2020, 1, 1);
        // 97112 a day's MUE, 97110 and 97530 line MUEs, 97140 a day's MUE of 2; 97010 has none.
        REF = new ReferenceData(base.codes(), base.payers(), base.diagnoses(), base.ptp(), new MueTable("test", false,
                List.of(new Mue("97112", 4, 3, "Clinical: Data", from), new Mue("97110", 3, 1, "Clinical: Data", from),
                        new Mue("97530", 2, 1, "Clinical: Data", from), new Mue("97140", 2, 2, "Clinical: Data", from))),
                base.fees(), base.phrases());
        Visit v = ComplianceFixture.visit().service(minutes("97112", 24, pt("T1"))).build();
        CTX = new CheckContext(v, MEDICARE, REF,
                UnitCalculator.compute(MEDICARE.method(), UnitCalculator.pool(v.services()), REF.codes()));
    }

    @Provide
    Arbitrary<List<ClaimLine>> claims() {
        Arbitrary<ClaimLine> line = Combinators.combine(Arbitraries.of(CODES), Arbitraries.integers().between(0, 6))
                .as((code, units) -> new ClaimLine(code, List.of("GP"), units, List.of(1), Optional.empty(),
                        Optional.of("T1"), Optional.empty(), Optional.empty(), false, Discipline.PT, List.of(0)));
        return line.list().ofMaxSize(8);
    }

    @Property(tries = 500)
    void agreesWithTheMapsItReplaced(@ForAll("claims") List<ClaimLine> lines) {
        assertThat(UnitLimits.overMue(CTX, lines)).isEqualTo(withMaps(CTX, lines));
    }

    /** The implementation before: the day's units and the largest line per code in maps, codes in order of first line. */
    private static List<MueDenial.Over> withMaps(CheckContext ctx, List<ClaimLine> lines) {
        Map<String, Integer> perCode = new LinkedHashMap<>();
        Map<String, Integer> largestLine = new HashMap<>();
        for (ClaimLine l : lines) {
            perCode.merge(l.code(), l.units(), Integer::sum);
            largestLine.merge(l.code(), l.units(), Math::max);
        }
        List<MueDenial.Over> over = new ArrayList<>();
        perCode.forEach((code, total) -> ctx.ref().mue().find(code, ctx.visit().dateOfService()).ifPresent(m -> {
            int units = m.adjudicationIndicator() == 1 ? largestLine.get(code) : total;
            if (units > m.maxUnits()) {
                over.add(new MueDenial.Over(code, units, m));
            }
        }));
        return over;
    }
}
