package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Period;

/**
 * The duplicate claims' decision (MW-A006, {@link AcrossAudit#voided}) depends on a patient's visits of one date
 * only: the batch audit reads whole only the visits of a patient's date with two visits or more, and must void the
 * same lines as when it read every visit.
 */
class DuplicateDecisionProperties {
    @Property(tries = 500)
    void aVisitAloneOnItsDateChangesNoVoid(@ForAll("visits") @Size(min = 2, max = 14) List<AuditDigest> given) {
        // Visit ids unique, as an audit's are.
        List<AuditDigest> visits = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            AuditDigest r = given.get(i);
            VisitDigest d = r.digest();
            visits.add(new AuditDigest(new VisitDigest("V" + i, d.patientId(), d.date(), d.payer(), d.medicare(),
                    d.institutional(), 0L, 0, false, d.lines(), d.treatments(), java.util.Optional.empty(), d.biller(),
                    List.of(), d.start(), d.frequency()), r.file(), r.line(), r.therapist(), r.ptSlpBefore(),
                    r.otBefore(), r.shares()));
        }
        Map<AuditDigest.PatientDate, Integer> perDate = new HashMap<>();
        List<AuditDigest.PatientDate> keys = new ArrayList<>();
        for (AuditDigest r : visits) {
            // The key as the batch reads it from the written digest.
            Bin.Out o = new Bin.Out(64);
            r.encode(o);
            AuditDigest.PatientDate key = AuditDigest.patientDate(new Bin.In(o.toByteArray()), new Bin.Interner());
            keys.add(key);
            perDate.merge(key, 1, Integer::sum);
        }
        List<AuditDigest> sameDay = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            if (perDate.get(keys.get(i)) > 1) {
                sameDay.add(visits.get(i));
            }
        }
        List<AcrossAudit.Voided> all = AcrossAudit.voided(visits);
        net.jqwik.api.statistics.Statistics.label("some line void").collect(!all.isEmpty())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        net.jqwik.api.statistics.Statistics.label("a visit alone on its date").collect(sameDay.size() < visits.size())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        assertThat(AcrossAudit.voided(sameDay)).isEqualTo(all);
    }

    @Provide
    Arbitrary<List<AuditDigest>> visits() {
        Arbitrary<VisitDigest.Line> line = Combinators.combine(Arbitraries.of("97110", "97112", "97530"),
                Arbitraries.of(List.of("GP"), List.of("GO"), List.of("GP", "CQ"), List.<String>of()),
                Arbitraries.of(0, 1, 1, 2)).as((code, mods, units) -> new VisitDigest.Line(code, mods,
                units, "PT_SLP", new BigDecimal("30.00"), mods.contains("GO") ? Discipline.OT : Discipline.PT,
                VisitDigest.OwnKx.NOT_NEEDED));
        Arbitrary<List<Period>> periods = Arbitraries.of(List.of(), List.of(Period.of("09:00", "09:30")),
                List.of(Period.of("09:15", "09:45")), List.of(Period.of("14:00", "14:23")));
        Arbitrary<VisitDigest.Treatment> treatment = Combinators.combine(Arbitraries.of("PT-1", "PT-2"),
                Arbitraries.of("97110", "97112", "97530"), periods).as((who, code, p) ->
                new VisitDigest.Treatment(who, code, true, 23, 1.5, p));
        Arbitrary<VisitDigest> digest = Combinators.combine(Arbitraries.of("P1", "P2", "P3"),
                Arbitraries.integers().between(0, 2), Arbitraries.of("medicare", "commercial"),
                line.list().ofMinSize(1).ofMaxSize(3), treatment.list().ofMaxSize(2), Arbitraries.of("", "1234567893"),
                Arbitraries.of("", "", "", "7", "8")).as((patient, day, payer, lines, treatments, biller, frequency) ->
                new VisitDigest("V", patient, LocalDate.of(2026, 3, 2).plusDays(day), payer,
                        payer.equals("medicare"), false, 0L, 0, false, lines, treatments, java.util.Optional.empty(),
                        biller, List.of(), -1, frequency));
        return digest.map(d -> new AuditDigest(d, 0, 1, "PT-1", BigDecimal.ZERO, BigDecimal.ZERO,
                new AuditDigest.Stats(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0))).list();
    }
}
