package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.UnitResult;

/**
 * A tie at the cut-off goes by default to a code whose extra unit would carry no CQ/CO by the de minimis standard
 * (RULES.md §3.1 and §4), and only where CQ/CO apply.
 */
final class TieDefaultTest {
    /** A commercial payer counting by the CMS method (so ties happen) that takes no CQ/CO. */
    private static final org.minutewise.core.payer.PayerProfile COMMERCIAL_CMS =
            org.minutewise.core.payer.PayerProfile.simple("commercial-cms", org.minutewise.core.payer.PayerKind.COMMERCIAL,
                    org.minutewise.core.units.UnitMethod.CMS);
    private static final VisitChecker CHECKER = new VisitChecker(ComplianceFixture.ref(COMMERCIAL_CMS));

    private static Provider pta(String id) {
        return new Provider(java.util.Optional.of(id), Role.PTA, java.util.Optional.empty(),
                java.util.Optional.of("T1"), java.util.Optional.empty());
    }

    private static UnitResult units(Visit v) {
        return CHECKER.check(v).units();
    }

    /** 97110 the PTA's alone (9 min) beside 97140 PT 8 + PTA 1: 97140's unit would carry no CQ (the PT's 8). */
    @Test
    void theCodeWhoseUnitTheTherapistMeetsWins() {
        Visit v = visit().service(at("97110", "09:00", "09:09", pta("A1")))
                .service(at("97140", "09:09", "09:17", pt("T1"))).service(at("97140", "09:17", "09:18", pta("A1")))
                .build();
        UnitResult u = units(v);
        assertThat(u.professionalChoice()).isTrue();
        assertThat(u.unitsOf("97140")).isEqualTo(1);
        assertThat(u.unitsOf("97110")).isZero();
        // The PTA furnished a minute of 97140 too: the reason is the modifier, not "the therapist alone".
        assertThat(u.explanation()).anyMatch(s -> s.contains("Minutewise gives it to 97140 by default (its unit "
                + "carries no CQ/CO and is paid in full, where a unit of 97110 would carry CQ/CO for the assistant's "
                + "minutes)"));
        assertThat(String.join(" ", u.explanation())).doesNotContain("alone");
    }

    /** Co-treatment: the PTA's minutes overlap the PT's, so they are the PT's; no reason to move off 97110. */
    @Test
    void sharedMinutesAreTheTherapistsAndChangeNothing() {
        Visit v = visit().service(at("97140", "09:00", "09:08", pt("T1")))
                .service(at("97140", "09:00", "09:08", pta("A1")))
                .service(at("97110", "09:08", "09:16", pt("T1"))).build();
        UnitResult u = units(v);
        assertThat(u.tiedWithAssistant()).isEmpty();
        assertThat(u.unitsOf("97110")).isEqualTo(1);
    }

    /** A commercial payer without CQ/CO: the assistant's minutes change nothing, the lowest code gets the unit. */
    @Test
    void whereCqCoDoNotApplyTheLowestCodeWins() {
        Visit v = visit().payer("commercial-cms").service(at("97140", "09:00", "09:08", pt("T1")))
                .service(at("97110", "09:08", "09:16", pta("A1"))).build();
        UnitResult u = units(v);
        assertThat(u.professionalChoice()).isTrue();
        assertThat(u.tiedWithAssistant()).isEmpty();
        assertThat(u.unitsOf("97110")).isEqualTo(1);
        // The same visit to Medicare: the PT's 97140.
        assertThat(units(v.toBuilder().payer("medicare").build()).unitsOf("97140")).isEqualTo(1);
    }
}
