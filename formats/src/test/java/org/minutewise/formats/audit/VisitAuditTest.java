package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.refdata.RefData;

/** What one visit adds to the audit's totals: units billed, supported and unverified. */
class VisitAuditTest {
    private static final ReferenceData REF = RefData.defaults();

    private static AuditTotals audit(String json) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        AuditTotals t = new AuditTotals();
        new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f").check(v, 1, 0, 1, t);
        return t;
    }

    /** 97110 billed with no minutes behind it (MW-B001): counted as supported, apart, out of the dollars. */
    @Test
    void billedUnitsWithoutMinutesAreUnverifiedNotOverBilled() {
        AuditTotals t = audit("{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'services':[{'code':'97110','provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP'],'units':2}]}");
        assertThat(t.unitsUnverified()).isEqualTo(2);
        assertThat(t.unitsSupported()).isEqualTo(2);
        assertThat(t.dollarsOver()).isZero();
    }

    /** A billed code with no documented service at all (MW-B007) is over-billed, not unverified. */
    @Test
    void aBilledCodeWithNoServiceIsOverBilled() {
        AuditTotals t = audit("{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'services':[{'code':'97112','minutes':24,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97112','modifiers':['GP'],'units':2},"
                + "{'code':'97110','modifiers':['GP'],'units':2}]}");
        assertThat(t.unitsUnverified()).isZero();
        assertThat(t.unitsBilled()).isEqualTo(4);
        assertThat(t.unitsSupported()).isEqualTo(2);
        assertThat(t.dollarsOver()).isPositive();
    }
}
