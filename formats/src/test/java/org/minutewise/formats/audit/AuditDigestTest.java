package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.model.Period;

class AuditDigestTest {
    @Test
    void theUnitPaidInFullComesBackAndIsDroppedWithTheLines() {
        VisitDigest d = new VisitDigest("V-2", "P-7", LocalDate.of(2026, 3, 2), "medicare", true, false, 1L, 10,
                false, List.of(new VisitDigest.Line("97112", List.of("GP"), 2, "PT_SLP", new BigDecimal("57.62"))),
                List.of(), java.util.Optional.of(new org.minutewise.core.claim.Estimate.FullUnit(0,
                        new BigDecimal("0.47000"), new BigDecimal("49.77"))), "1234567893");
        AuditDigest r = new AuditDigest(d, 0, 2, "PT-1", BigDecimal.ZERO, BigDecimal.ZERO,
                new AuditDigest.Stats(2, 2, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0));
        Bin.Out o = new Bin.Out(8);
        r.encode(o);
        assertThat(AuditDigest.decode(new Bin.In(o.toByteArray()), new Bin.Interner(), true)).isEqualTo(r);
        assertThat(AuditDigest.decode(new Bin.In(o.toByteArray()), new Bin.Interner(), false).digest().fullUnit())
                .isEmpty();
    }

    @Test
    void aDigestComesBackAsItWent() {
        VisitDigest d = new VisitDigest("V-1é", "P-7", LocalDate.of(2026, 12, 31), "medicare", true, false,
                0x8000_0000_0000_0001L, 1500, true,
                List.of(new VisitDigest.Line("97110", List.of("GP", "CQ"), 2, "PT_SLP", new BigDecimal("51.4467")),
                        new VisitDigest.Line("97530", List.of(), 0, "OT",
                                new BigDecimal("123456789012345678901234567890.5"),
                                org.minutewise.core.model.Discipline.OT, VisitDigest.OwnKx.NOT_NEEDED,
                                org.minutewise.core.model.Discipline.PT),
                        new VisitDigest.Line("92507", List.of("GN", "KX"), 1, "PT_SLP", BigDecimal.ONE,
                                org.minutewise.core.model.Discipline.SLP, VisitDigest.OwnKx.NEEDED,
                                org.minutewise.core.model.Discipline.SLP)),
                List.of(new VisitDigest.Treatment("PTA-1", "97110", true, 23, 1.5333333333333334,
                        List.of(Period.of("09:00", "09:23"), new Period(LocalTime.of(23, 30), Period.END_OF_DAY)),
                        false, true),
                        new VisitDigest.Treatment("PT-1", "97530", false, 10, 0, List.of(), true)),
                java.util.Optional.empty(), "1234567890",
                List.of(new VisitDigest.DayMinutes("PT", 23, 2, 2), new VisitDigest.DayMinutes("OT", 0, 0, 1)));
        AuditDigest r = new AuditDigest(d, 3, 123_456_789_012L, "PT-1", new BigDecimal("2480.00"),
                BigDecimal.ZERO, new AuditDigest.Stats(5, 4, 1, 0, new BigDecimal("29.98"), BigDecimal.ZERO, 1, 0, 12));
        Bin.Out o = new Bin.Out(8);
        r.encode(o);
        Bin.Interner strings = new Bin.Interner();
        AuditDigest back = AuditDigest.decode(new Bin.In(o.toByteArray()), strings, true);
        assertThat(back).isEqualTo(r);
        assertThat(back.ptSlpBefore().toString()).isEqualTo("2480.00");
        AuditDigest noLines = AuditDigest.decode(new Bin.In(o.toByteArray()), strings, false);
        assertThat(noLines.digest().lines()).isEmpty();
        assertThat(noLines.digest().treatments()).isEqualTo(d.treatments());
        assertThat(back.digest().treatments()).extracting(VisitDigest.Treatment::assistant)
                .as("the PTA's minutes stay an assistant's").containsExactly(true, false);
        assertThat(noLines.digest().treatments().get(0).providerId())
                .as("short strings are shared").isSameAs(back.digest().treatments().get(0).providerId());
    }

    /** The patient and date read alone, from where the whole digest is read, and the read left after the date. */
    @Test
    void thePatientAndDateAreReadWithoutTheRest() {
        VisitDigest d = new VisitDigest("V-9é", "P-3", LocalDate.of(2025, 12, 31), "medicare", true, false, 7L, 40,
                false, List.of(new VisitDigest.Line("97110", List.of("GP"), 2, "PT_SLP", new BigDecimal("30.00"))),
                List.of());
        AuditDigest r = new AuditDigest(d, 0, 4, "PT-1", BigDecimal.ZERO, BigDecimal.ZERO,
                new AuditDigest.Stats(2, 2, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0));
        Bin.Out o = new Bin.Out(8);
        o.string("before");
        int start = o.size();
        r.encode(o);
        Bin.In in = new Bin.In(o.toByteArray());
        in.seek(start);
        assertThat(AuditDigest.patientDate(in, new Bin.Interner()))
                .isEqualTo(new AuditDigest.PatientDate("P-3", LocalDate.of(2025, 12, 31).toEpochDay()));
        assertThat(in.string()).as("the payer comes next").isEqualTo("medicare");
        in.seek(start);
        assertThat(AuditDigest.decode(in, new Bin.Interner(), true)).as("read whole again from its start")
                .isEqualTo(r);
    }
}
