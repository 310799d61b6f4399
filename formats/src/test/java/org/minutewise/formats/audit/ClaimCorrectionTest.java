package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Units a patient's day takes off a visit's claims.csv rows, and what that changes in the totals (MW-A012). */
class ClaimCorrectionTest {
    private static AuditCsv.ClaimRow row(String billed, String billedMods, String units, String mods,
                                         String price) {
        String difference = billed.isEmpty() ? "" : String.valueOf(
                (billed.isEmpty() ? 0 : Integer.parseInt(billed)) - (units.isEmpty() ? 0 : Integer.parseInt(units)));
        return new AuditCsv.ClaimRow("V2", 3, "2026-07-08", "P1", "PT-1", "medicare", "97110", billed, billedMods,
                units, mods, difference, price);
    }

    @Test
    void aUnitTakenOffABilledPricedLineIsOverBilled() {
        ClaimCorrection.Applied a = ClaimCorrection.cut(List.of(row("1", "GP", "1", "GP", "22.21")), 1);
        assertThat(a.rows()).singleElement().satisfies(r -> {
            assertThat(r.units()).isEqualTo("0");
            assertThat(r.difference()).isEqualTo("1");
            assertThat(r.modifiers()).isEqualTo("GP");
        });
        assertThat(a.supported()).isEqualTo(-1);
        assertThat(a.over()).isEqualByComparingTo("22.21");
        assertThat(a.under()).isEqualByComparingTo("0");
    }

    /** A line billed under what its own minutes support (under by 1) is at par once the day takes that unit. */
    @Test
    void aCutFirstCancelsAnUnderBilling() {
        ClaimCorrection.Applied a = ClaimCorrection.cut(List.of(row("1", "GP", "2", "GP", "22.21")), 1);
        assertThat(a.rows().get(0).difference()).isEqualTo("0");
        assertThat(a.over()).isEqualByComparingTo("0");
        assertThat(a.under()).isEqualByComparingTo("-22.21");
    }

    /** The therapist's unit goes before the assistant's; no row below 0, and what cannot be taken is not counted. */
    @Test
    void theUnitWithoutCqComesOffFirstAndNoRowGoesBelowZero() {
        List<AuditCsv.ClaimRow> rows = List.of(row("1", "GP;CQ", "1", "GP;CQ", "18.88"),
                row("1", "GP", "1", "GP", "22.21"));
        ClaimCorrection.Applied one = ClaimCorrection.cut(rows, 1);
        assertThat(one.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("1", "0");
        assertThat(one.over()).isEqualByComparingTo("22.21");
        ClaimCorrection.Applied all = ClaimCorrection.cut(rows, 5);
        assertThat(all.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("0", "0");
        assertThat(all.supported()).isEqualTo(-2);
        assertThat(all.over()).isEqualByComparingTo("41.09");
    }

    /** Not billed, or not priced (another payer): the units change, the dollars do not. */
    @Test
    void noDollarsWithoutBilledUnitsOrAPrice() {
        ClaimCorrection.Applied unbilled = ClaimCorrection.cut(List.of(row("", "", "1", "GP", "22.21")), 1);
        assertThat(unbilled.rows().get(0).units()).isEqualTo("0");
        assertThat(unbilled.rows().get(0).difference()).isEmpty();
        assertThat(unbilled.over()).isEqualByComparingTo("0");
        ClaimCorrection.Applied unpriced = ClaimCorrection.cut(List.of(row("1", "GP", "1", "GP", "")), 1);
        assertThat(unpriced.supported()).isEqualTo(-1);
        assertThat(unpriced.over()).isEqualByComparingTo("0");
    }
}
