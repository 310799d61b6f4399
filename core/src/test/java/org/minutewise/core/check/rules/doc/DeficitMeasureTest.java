package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatcher;

/** A balance measure whose value shows the deficit (MW-D002 and MW-D004), and the near misses whose value does not. */
class DeficitMeasureTest {
    private static final List<String> BALANCE = List.of("Berg", "Tinetti", "DGI", "Mini BESTest", "Fugl Meyer", "SLS",
            "single leg stance", "tandem stance", "Romberg", "DHI", "joint position error");
    private static final PhraseMatcher MATCHER = new PhraseMatcher(Map.of(
            PhraseLists.BALANCE_MEASURE, BALANCE,
            PhraseLists.MEASURE, BALANCE,
            PhraseLists.TECHNIQUE, List.of("SLS", "single leg stance", "tandem stance")));

    private static boolean shows(String note) {
        return DeficitMeasure.any(MATCHER.scan(note));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Berg 42/56 (was 40).", // a score below its total
            "Berg today 40/56.",
            "Berg 40.", // below the scale's maximum, 56
            "Tinetti 19/28.",
            "DGI 17/24 (was 13/24).",
            "Mini-BESTest 15/28 (baseline 12/28).",
            "L UE Fugl-Meyer 38/66.", // a total that depends on the form: read as written
            "hip strategy cues; SLS R 12 s (was 7).", // a stance under 30 s
            "SLS (R) 12 s.",
            "SLS eyes open 9 s R vs 30 s L.",
            "single-leg stance < 3 s R.",
            "Tandem stance 9 s (was 6).",
            "Romberg sharpened 4 s (was 0).",
            "Romberg positive (sway, 12 s eyes closed).", // the therapist's word
            "Romberg +."})
    void theValueShowsADeficit(String note) {
        assertThat(shows(note)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Berg 56/56.", // the maximum
            "Tinetti 28.",
            "SLS R 30 s, L 30 s.", // the full hold
            "SLS on foam 3x20 s.", // an exercise, no result (MW-D006's reading)
            "Romberg negative.",
            "Romberg WNL.",
            "DHI 38.", // a reversed scale: not judged here
            "Joint position error 6 deg R.", // an error in degrees: not judged here
            "Berg 45-50/56 in 4 wk.", // a range: a target
            "Goal: SLS 20 s R and return to basketball practice.", // a goal
            "Goal: Berg 48/56.",
            "Plan: Berg 50/56.",
            "Berg, TUG and DGI next visit.", // no value
            "Perturbation training. Pt improved; Berg was not tested."})
    void theValueShowsNone(String note) {
        assertThat(shows(note)).isFalse();
    }
}
