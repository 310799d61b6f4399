package org.minutewise.formats.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Period;

/**
 * A {@link VisitDigest} as the batch audit spills it to the patient and therapist partitions, with what the
 * outputs need beside it: where the visit came from (file, line), the therapist it is counted under, the
 * patient's incurred therapy expenses before the visit (for the start of the year in {@code PatientHistory}),
 * and the visit's own counts (units, dollars, findings by severity) for the therapists' totals: one share per
 * therapist whose lines it holds (a PT's and an OT's lines on one visit each count under their own therapist).
 */
public record AuditDigest(VisitDigest digest, int file, long line, String therapist, BigDecimal ptSlpBefore,
                    BigDecimal otBefore, List<Share> shares) {
    /** What a visit adds to one therapist's totals: the units, dollars and findings of that therapist's lines. */
    public record Share(String therapist, Stats stats) {
        public Share {
            Objects.requireNonNull(therapist, "therapist");
            Objects.requireNonNull(stats, "stats");
        }
    }

    /** What a visit adds to its therapist's totals. */
    public record Stats(long unitsBilled, long unitsSupported, long unitsOver, long unitsUnder, BigDecimal over,
                        BigDecimal under, long block, long warn, long info) {
        public Stats {
            Objects.requireNonNull(over, "over");
            Objects.requireNonNull(under, "under");
        }

        /** Without units billed past those supported or supported past those billed. */
        public Stats(long unitsBilled, long unitsSupported, BigDecimal over, BigDecimal under, long block, long warn,
                     long info) {
            this(unitsBilled, unitsSupported, 0, 0, over, under, block, warn, info);
        }
    }

    public AuditDigest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(therapist, "therapist");
        Objects.requireNonNull(ptSlpBefore, "ptSlpBefore");
        Objects.requireNonNull(otBefore, "otBefore");
        shares = List.copyOf(shares);
    }

    /** A visit counted under one therapist alone. */
    public AuditDigest(VisitDigest digest, int file, long line, String therapist, BigDecimal ptSlpBefore,
                       BigDecimal otBefore, Stats stats) {
        this(digest, file, line, therapist, ptSlpBefore, otBefore, List.of(new Share(therapist, stats)));
    }

    public void encode(Bin.Out o) {
        VisitDigest d = digest;
        o.string(d.visitId()).string(d.patientId()).zigZag(d.date().toEpochDay()).string(d.payer())
                .bool(d.medicare()).bool(d.institutional()).i64(d.noteFingerprint()).varInt(d.noteLength())
                .bool(d.progressReport());
        o.varInt(d.lines().size());
        for (VisitDigest.Line l : d.lines()) {
            o.string(l.code()).varInt(l.modifiers().size());
            l.modifiers().forEach(o::string);
            o.zigZag(l.units()).string(l.bucket()).decimal(l.allowed()).varInt(l.discipline().ordinal())
                    .varInt(l.ownKx().ordinal()).varInt(l.plan() == null ? 0 : l.plan().ordinal() + 1);
        }
        o.varInt(d.treatments().size());
        for (VisitDigest.Treatment t : d.treatments()) {
            o.string(t.providerId()).string(t.code()).bool(t.oneOnOne()).zigZag(t.minutes())
                    .i64(Double.doubleToLongBits(t.units())).bool(t.group()).bool(t.assistant())
                    .bool(t.counted()).varInt(t.periods().size());
            for (Period p : t.periods()) {
                o.varLong(p.start().toNanoOfDay()).varLong(p.end().toNanoOfDay());
            }
        }
        o.bool(d.fullUnit().isPresent());
        d.fullUnit().ifPresent(f -> o.varInt(f.line()).decimal(f.pe()).decimal(f.allowedIfReduced()));
        o.string(d.biller());
        o.varInt(d.dayMinutes().size());
        for (VisitDigest.DayMinutes m : d.dayMinutes()) {
            o.string(m.discipline()).varInt(m.minutes()).varInt(m.units()).varInt(m.billed()).bool(m.complete())
                    .varInt(m.codes().size());
            for (VisitDigest.DayMinutes.Code c : m.codes()) {
                o.string(c.code()).varInt(c.minutes()).varInt(c.units());
            }
        }
        o.varInt(d.start() + 1).string(d.frequency());
        o.varInt(file).varLong(line).string(therapist).decimal(ptSlpBefore).decimal(otBefore);
        o.varInt(shares.size());
        for (Share sh : shares) {
            Stats stats = sh.stats();
            o.string(sh.therapist()).varLong(stats.unitsBilled()).varLong(stats.unitsSupported())
                    .varLong(stats.unitsOver()).varLong(stats.unitsUnder()).decimal(stats.over()).decimal(stats.under()).varLong(stats.block()).varLong(stats.warn())
                    .varLong(stats.info());
        }
    }

    /** A patient's date of service: the visits that may duplicate each other's claims (MW-A006). */
    public record PatientDate(String patientId, long epochDay) {
    }

    /**
     * The patient and date of a written digest, read without the rest (the visit id skipped); {@code in} is left
     * after the date.
     */
    public static PatientDate patientDate(Bin.In in, Bin.Interner strings) {
        in.skipBytes();
        String patientId = in.string(strings);
        return new PatientDate(patientId, in.zigZag());
    }

    private static final Discipline[] DISCIPLINES = Discipline.values();
    private static final VisitDigest.OwnKx[] OWN_KX = VisitDigest.OwnKx.values();

    /**
     * Reads a digest back; short strings go through the interner. Without {@code lines} the billed lines are
     * skipped (the therapist checks do not read them).
     */
    public static AuditDigest decode(Bin.In in, Bin.Interner strings, boolean lines) {
        String visitId = in.string();
        String patientId = in.string(strings);
        LocalDate date = LocalDate.ofEpochDay(in.zigZag());
        String payer = in.string(strings);
        boolean medicare = in.bool();
        boolean institutional = in.bool();
        long fingerprint = in.i64();
        int noteLength = in.varInt();
        boolean progress = in.bool();
        int n = in.varInt();
        List<VisitDigest.Line> billed = new ArrayList<>(lines ? n : 0);
        for (int i = 0; i < n; i++) {
            String code = in.string(strings);
            int m = in.varInt();
            List<String> mods = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                mods.add(in.string(strings));
            }
            int units = (int) in.zigZag();
            String bucket = in.string(strings);
            BigDecimal allowed = in.decimal();
            Discipline discipline = DISCIPLINES[in.varInt()];
            VisitDigest.OwnKx own = OWN_KX[in.varInt()];
            int plan = in.varInt();
            if (lines) {
                billed.add(new VisitDigest.Line(code, mods, units, bucket, allowed, discipline, own,
                        plan == 0 ? null : DISCIPLINES[plan - 1]));
            }
        }
        int t = in.varInt();
        List<VisitDigest.Treatment> treatments = new ArrayList<>(t);
        for (int i = 0; i < t; i++) {
            String provider = in.string(strings);
            String code = in.string(strings);
            boolean oneOnOne = in.bool();
            int minutes = (int) in.zigZag();
            double units = Double.longBitsToDouble(in.i64());
            boolean group = in.bool();
            boolean assistant = in.bool();
            boolean counted = in.bool();
            int np = in.varInt();
            List<Period> periods = new ArrayList<>(np);
            for (int k = 0; k < np; k++) {
                periods.add(new Period(LocalTime.ofNanoOfDay(in.varLong()), LocalTime.ofNanoOfDay(in.varLong())));
            }
            treatments.add(new VisitDigest.Treatment(provider, code, oneOnOne, minutes, units, periods, group,
                    assistant, counted));
        }
        Optional<Estimate.FullUnit> full = Optional.empty();
        if (in.bool()) {
            full = Optional.of(new Estimate.FullUnit(in.varInt(), in.decimal(), in.decimal()));
            if (!lines) {
                full = Optional.empty();
            }
        }
        String biller = in.string(strings);
        int nm = in.varInt();
        List<VisitDigest.DayMinutes> day = new ArrayList<>(nm);
        for (int i = 0; i < nm; i++) {
            String discipline = in.string(strings);
            int minutes = in.varInt();
            int units = in.varInt();
            int billedUnits = in.varInt();
            boolean complete = in.bool();
            int nc = in.varInt();
            List<VisitDigest.DayMinutes.Code> codes = new ArrayList<>(nc);
            for (int k = 0; k < nc; k++) {
                codes.add(new VisitDigest.DayMinutes.Code(in.string(strings), in.varInt(), in.varInt()));
            }
            day.add(new VisitDigest.DayMinutes(discipline, minutes, units, billedUnits, complete, codes));
        }
        int start = in.varInt() - 1;
        String frequency = in.string(strings);
        VisitDigest d = new VisitDigest(visitId, patientId, date, payer, medicare, institutional, fingerprint,
                noteLength, progress, billed, treatments, full, biller, day, start, frequency);
        int file = in.varInt();
        long line = in.varLong();
        String therapist = in.string(strings);
        BigDecimal ptSlp = in.decimal();
        BigDecimal ot = in.decimal();
        int ns = in.varInt();
        List<Share> shares = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            String who = in.string(strings);
            shares.add(new Share(who, new Stats(in.varLong(), in.varLong(), in.varLong(), in.varLong(),
                    in.decimal(), in.decimal(), in.varLong(), in.varLong(), in.varLong())));
        }
        return new AuditDigest(d, file, line, therapist, ptSlp, ot, shares);
    }
}
