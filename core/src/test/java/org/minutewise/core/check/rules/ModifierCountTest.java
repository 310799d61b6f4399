package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;

/**
 * A claim line holds four modifiers. 97530 24 min (PT) then 97140 23 min (PTA) in separate intervals, patient past
 * the KX threshold: 97140 x1 carries GP CQ 59 KX, exactly four.
 */
class ModifierCountTest {

    private static final PayerProfile HAB = Payer.medicare("medicare-hab").habilitativeModifiers().build();

    private static Visit.Builder v() {
        return visit().patient(patient("2600.00", "0"))
                .service(at("97530", "09:00", "09:24", pt("T1")))
                .service(at("97140", "09:30", "09:53", assistant("A1", Role.PTA, "T1")));
    }

    @Test
    void exactlyFourIsFine() {
        CheckResult r = only(new ModifierCount()).check(v().build());

        assertThat(lines(r)).contains("97140 x1 GP CQ 59 KX");
        assertThat(r.findings()).isEmpty();
    }

    /** A payer that wants 97 makes five on 97140 (GP CQ 59 KX 97): M001 for that line only. */
    @Test
    void moreThanFourM001() {
        CheckResult r = only(new ModifierCount(), HAB).check(v().payer("medicare-hab").build());

        assertThat(lines(r)).contains("97140 x1 GP CQ 59 KX");
        assertThat(ids(r)).containsExactly("MW-M001");
        assertThat(r.findings().get(0).path()).isEqualTo("claimLines[1].modifiers");
        assertThat(r.findings().get(0).message()).contains("97 did not fit after GP, CQ, 59, KX");
    }

    /** An ABN (GZ) takes KX's place past the threshold: still four. */
    @Test
    void anAbnInPlaceOfKxStaysFour() {
        CheckResult r = only(new ModifierCount()).check(v().abn(Abn.NOT_GIVEN).build());

        assertThat(lines(r)).contains("97140 x1 GP CQ 59 GZ");
        assertThat(r.findings()).isEmpty();
    }
}
