package org.minutewise.core.across;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.claim.KxBucket;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.CodeKind;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.Cognitive;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;

/**
 * What the checks across visits need of one checked visit, small enough to spill to disk and sort: who, when,
 * what was billed (with its allowed amount for KX, and the unit the estimate paid in full), who billed it (the
 * billing provider's NPI, "" when the input does not say), who treated which minutes, and a fingerprint of the
 * note; when its payer counts a day's timed minutes together (the CMS method), each discipline's counted timed
 * minutes with the units they earned and the timed units billed; and the minute of the day its first documented
 * period starts ({@code start}, -1 without times), which orders a patient's visits of one day.
 * Built from a {@link CheckResult}; the batch audit and the Spark job group digests by patient and therapist.
 */
public record VisitDigest(String visitId, String patientId, LocalDate date, String payer, boolean medicare,
                          boolean institutional, long noteFingerprint, int noteLength, boolean progressReport,
                          List<Line> lines, List<Treatment> treatments, Optional<Estimate.FullUnit> fullUnit,
                          String biller, List<DayMinutes> dayMinutes, int start, String frequency) {

    /**
     * A billed line: code, modifiers, units, KX bucket ("PT_SLP", "OT", or "" for a code that is not therapy), its
     * allowed amount (0 when unknown), the discipline it is billed under (its GP, GO or GN, else that of its
     * documented service: {@link ClaimLine#discipline()}), what the visit's own check said of its KX, and the
     * discipline of the plan of care its service is under ({@code plan}: that of the visit's service line of the code,
     * else the visit's plan of care, whatever modifier the line was billed with; null when not known, or for a code
     * no discipline bills). MW-A002 counts a plan's treatment days by {@code plan}, so a line billed without its GP
     * (or with the wrong one) still counts under its plan.
     */
    public record Line(String code, List<String> modifiers, int units, String bucket, BigDecimal allowed,
                       Discipline discipline, OwnKx ownKx, Discipline plan) {
        public Line {
            Objects.requireNonNull(code, "code");
            modifiers = List.copyOf(modifiers);
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(allowed, "allowed");
            Objects.requireNonNull(discipline, "discipline");
            Objects.requireNonNull(ownKx, "ownKx");
        }

        /** A line whose plan of care is not known (MW-A002 counts it under its GP, GO or GN). */
        public Line(String code, List<String> modifiers, int units, String bucket, BigDecimal allowed,
                    Discipline discipline, OwnKx ownKx) {
            this(code, modifiers, units, bucket, allowed, discipline, ownKx, null);
        }

        /**
         * A line the visit's own check did not judge for KX, under the discipline of its GP, GO or GN, else of its
         * bucket (OT, else PT).
         */
        public Line(String code, List<String> modifiers, int units, String bucket, BigDecimal allowed) {
            this(code, modifiers, units, bucket, allowed, disciplineOf(modifiers, bucket), OwnKx.UNJUDGED);
        }

        private static Discipline disciplineOf(List<String> modifiers, String bucket) {
            Discipline d = Discipline.ofModifiers(modifiers);
            if (d != null) {
                return d;
            }
            return KxBucket.discipline(bucket);
        }
    }

    /**
     * What the visit's own check said of a line's KX, from the patient's expenses the visit states: that KX is
     * needed (a billed line without it is the visit's own MW-B012), that it is not (a billed KX is its MW-B006), or
     * nothing (no expenses stated, no minutes, not therapy): the checks across visits judge it alone then.
     */
    public enum OwnKx { UNJUDGED, NEEDED, NOT_NEEDED }

    /**
     * Minutes a clinician furnished on the visit for one timed code, with the units those minutes earned
     * (the code's units shared by minutes), and the periods when one-on-one; or the face-to-face periods of an
     * evaluation (one-on-one, no minutes or units), or of a group session ({@code group}: the clinician led a group
     * then, whether a timed code in group mode or 97150). {@code assistant}: the clinician is a PTA or an OTA whose
     * units carry CQ/CO on this visit (RULES.md §4; false where CQ/CO do not apply: the payer does not use them, a
     * critical access hospital, incident-to billing, a date before 2020), so that MW-A001's cut can re-apply the de
     * minimis standard to the minutes left. {@code counted}: the minutes count toward the code's units (false for an
     * aide's, whose time is not skilled therapy, or an SLPA's billed to Medicare: {@code VisitChecker.notCounted}),
     * so they are nobody's for CQ/CO and no unit is lost with them.
     */
    public record Treatment(String providerId, String code, boolean oneOnOne, int minutes, double units,
                            List<Period> periods, boolean group, boolean assistant, boolean counted) {
        public Treatment {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(code, "code");
            periods = List.copyOf(periods);
        }

        /** Minutes that count toward the code's units. */
        public Treatment(String providerId, String code, boolean oneOnOne, int minutes, double units,
                         List<Period> periods, boolean group, boolean assistant) {
            this(providerId, code, oneOnOne, minutes, units, periods, group, assistant, true);
        }

        /** A therapist's (not an assistant's). */
        public Treatment(String providerId, String code, boolean oneOnOne, int minutes, double units,
                         List<Period> periods, boolean group) {
            this(providerId, code, oneOnOne, minutes, units, periods, group, false);
        }

        /** Not a group session. */
        public Treatment(String providerId, String code, boolean oneOnOne, int minutes, double units,
                         List<Period> periods) {
            this(providerId, code, oneOnOne, minutes, units, periods, false);
        }
    }

    /**
     * One discipline's timed minutes on a visit whose payer turns a day's timed minutes into units together (the
     * CMS method): {@code discipline} "PT", "OT" or "SLP"; {@code minutes} the timed minutes counted toward units
     * (minutes that may not be billed left out); {@code units} the timed units those minutes earn on this visit;
     * {@code billed} the timed units the visit's claim bills under the discipline; {@code complete} false when a
     * timed code is billed with no minutes or times documented for it (a claim read from an 837): the visit's
     * minutes are then not all known; {@code codes} the timed codes whose minutes earn units on the visit, with
     * their minutes and units (where a correction of the day's units takes a unit from).
     */
    public record DayMinutes(String discipline, int minutes, int units, int billed, boolean complete,
                             List<Code> codes) {
        public DayMinutes {
            Objects.requireNonNull(discipline, "discipline");
            if (minutes < 0 || units < 0 || billed < 0) {
                throw new IllegalArgumentException("dayMinutes: negative minutes or units");
            }
            codes = List.copyOf(codes);
        }

        public DayMinutes(String discipline, int minutes, int units, int billed, boolean complete) {
            this(discipline, minutes, units, billed, complete, List.of());
        }

        /** Every billed timed unit has its minutes documented. */
        public DayMinutes(String discipline, int minutes, int units, int billed) {
            this(discipline, minutes, units, billed, true);
        }

        /** A timed code of the discipline on the visit: its counted minutes and the units they earn there. */
        public record Code(String code, int minutes, int units) {
            public Code {
                Objects.requireNonNull(code, "code");
            }
        }

        /** The units of this visit a day's count starts from: what was billed, but no more than the minutes earn
         * on the visit alone (units over that are the visit's own MW-B002). */
        public int counted() {
            return Math.min(units, billed);
        }
    }

    public VisitDigest {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(payer, "payer");
        lines = List.copyOf(lines);
        treatments = List.copyOf(treatments);
        Objects.requireNonNull(fullUnit, "fullUnit");
        Objects.requireNonNull(biller, "biller");
        dayMinutes = List.copyOf(dayMinutes);
        Objects.requireNonNull(frequency, "frequency");
        if (start < -1 || start >= 24 * 60) {
            throw new IllegalArgumentException("start: a minute of the day or -1, got " + start);
        }
        if (fullUnit.isPresent() && (fullUnit.get().line() < 0 || fullUnit.get().line() >= lines.size())) {
            throw new IllegalArgumentException("fullUnit: line " + fullUnit.get().line() + " of " + lines.size());
        }
    }

    /** An original claim's digest (no claim frequency stated). */
    public VisitDigest(String visitId, String patientId, LocalDate date, String payer, boolean medicare,
                       boolean institutional, long noteFingerprint, int noteLength, boolean progressReport,
                       List<Line> lines, List<Treatment> treatments, Optional<Estimate.FullUnit> fullUnit,
                       String biller, List<DayMinutes> dayMinutes, int start) {
        this(visitId, patientId, date, payer, medicare, institutional, noteFingerprint, noteLength, progressReport,
                lines, treatments, fullUnit, biller, dayMinutes, start, "");
    }

    /** The claim replaces (frequency 7) or voids (8) an earlier claim. */
    public boolean correction() {
        return frequency.equals("7") || frequency.equals("8");
    }

    /** A digest with no unit priced in full (not priced by the Medicare fee schedule, or no line priced). */
    public VisitDigest(String visitId, String patientId, LocalDate date, String payer, boolean medicare,
                       boolean institutional, long noteFingerprint, int noteLength, boolean progressReport,
                       List<Line> lines, List<Treatment> treatments) {
        this(visitId, patientId, date, payer, medicare, institutional, noteFingerprint, noteLength, progressReport,
                lines, treatments, Optional.empty(), "");
    }

    /** A digest whose visit starts with its first treatment's period (-1 when none has one). */
    public VisitDigest(String visitId, String patientId, LocalDate date, String payer, boolean medicare,
                       boolean institutional, long noteFingerprint, int noteLength, boolean progressReport,
                       List<Line> lines, List<Treatment> treatments, Optional<Estimate.FullUnit> fullUnit,
                       String biller, List<DayMinutes> dayMinutes) {
        this(visitId, patientId, date, payer, medicare, institutional, noteFingerprint, noteLength, progressReport,
                lines, treatments, fullUnit, biller, dayMinutes, firstStart(treatments, Treatment::periods));
    }

    /** The minute of the day the first period of any of {@code items} starts; -1 when none has a period. */
    private static <T> int firstStart(List<T> items, java.util.function.Function<T, List<Period>> periods) {
        int start = Integer.MAX_VALUE;
        for (T item : items) {
            for (Period p : periods.apply(item)) {
                start = Math.min(start, p.startMinute());
            }
        }
        return start == Integer.MAX_VALUE ? -1 : start;
    }

    /** A digest without the day's timed minutes (a payer that counts each code on its own, or not known). */
    public VisitDigest(String visitId, String patientId, LocalDate date, String payer, boolean medicare,
                       boolean institutional, long noteFingerprint, int noteLength, boolean progressReport,
                       List<Line> lines, List<Treatment> treatments, Optional<Estimate.FullUnit> fullUnit,
                       String biller) {
        this(visitId, patientId, date, payer, medicare, institutional, noteFingerprint, noteLength, progressReport,
                lines, treatments, fullUnit, biller, List.of());
    }

    private static final Discipline[] DISCIPLINES = Discipline.values();

    /**
     * Evaluations and re-evaluations count as the progress report a plan of care needs at least every 10 treatment
     * days: PT 97161-97164, OT 97165-97168, and the speech-language evaluations 92521-92524 and the clinical swallowing
     * evaluation 92610, which an SLP bills for a re-evaluation too (SLP has no re-evaluation code). The instrumental
     * studies (92611, 92612) and device evaluations test one function and are not a re-evaluation of the plan.
     */
    public static final List<String> PROGRESS_CODES = List.of("97164", "97168", "97161", "97162", "97163", "97165",
            "97166", "97167", "92521", "92522", "92523", "92524", "92610");

    /** The digest of a checked visit; {@code codes} tells therapy codes (KX buckets) from the others. */
    public static VisitDigest of(CheckResult r, CodeCatalog codes) {
        Visit v = r.visit();
        List<Line> lines = new ArrayList<>();
        Estimate est = r.claim().estimate();
        java.util.Set<String> notCovered = ClaimBuilder.notCovered(v, r.payer(), codes);
        for (int i = 0; i < r.claim().lines().size(); i++) {
            ClaimLine l = r.claim().lines().get(i);
            BigDecimal allowed = est.available() && i < est.lines().size() && est.lines().get(i).priced()
                    ? est.lines().get(i).allowed() : BigDecimal.ZERO;
            // A line an MUE denies (MW-E006) counts toward no KX bucket: Medicare pays it nothing, so it adds no
            // expense, and its KX is moot, as a chiropractor's therapy (MW-W001) or a duplicate claim's line.
            boolean denied = est.available() && i < est.lines().size() && est.lines().get(i).deniedByMue();
            String bucket = denied ? "" : ClaimBuilder.kxBucket(l, codes, notCovered);
            org.minutewise.core.codes.CodeInfo info = codes.getOrNull(l.code());
            Discipline plan = info == null || info.disciplines().isEmpty() ? null
                    : ClaimBuilder.documentedDiscipline(v, l.code());
            lines.add(new Line(l.code(), l.modifiers(), l.units(), bucket, allowed, l.discipline(),
                    bucket.isEmpty() ? OwnKx.UNJUDGED : ownKx(r, l.code()), plan));
        }
        List<Treatment> treatments = new ArrayList<>();
        boolean cqApplies = ClaimBuilder.assistantModifiersApply(v, r.payer());
        // The timed lines' minutes as the count takes them: a minute two codes share, once (MW-U003), so that the
        // provider's minutes and the code's unit shares add up (MW-A001's cuts, MW-A007's minutes per unit).
        for (ServiceLine s : org.minutewise.core.check.VisitChecker.minutesView(v, r.payer(), r.units())) {
            CodeUnits cu = find(r, s.code());
            if (cu == null || cu.kind() != CodeKind.TIMED || cu.minutes() == 0
                    || s.provider().id().isEmpty() || s.minutes() == 0) {
                continue;
            }
            boolean oneOnOne = s.mode().orElse(Mode.ONE_ON_ONE) == Mode.ONE_ON_ONE;
            double share = (double) cu.units() * s.minutes() / cu.minutes();
            treatments.add(new Treatment(s.provider().id().get(), s.code(), oneOnOne, s.minutes(), share,
                    s.periods(), s.mode().orElse(Mode.ONE_ON_ONE) == Mode.GROUP,
                    cqApplies && s.provider().role().isAssistant(),
                    org.minutewise.core.check.VisitChecker.notCounted(v, r.payer(), true, s) == null));
        }
        // A group session of an untimed code (97150): the clinician led a group then (MW-A001: not one-on-one with
        // another patient at the same time; MW-A014: the patient was in the group). An evaluation is face to face
        // with the patient: its periods count as one-on-one time of the therapist (MW-A001), with no minutes or
        // units of a timed code (MW-A007 counts only those); with or without periods it names the practitioner who
        // furnished it (one a day per practitioner, MW-A015). Group sessions first, then evaluations.
        List<Treatment> evaluations = List.of();
        for (ServiceLine s : v.services()) {
            org.minutewise.core.codes.CodeInfo info = codes.getOrNull(s.code());
            if (info == null || s.provider().id().isEmpty()) {
                continue;
            }
            if (!info.timed() && !s.periods().isEmpty() && s.mode().map(m -> m == Mode.GROUP).orElse(info.group())) {
                treatments.add(new Treatment(s.provider().id().get(), s.code(), false, 0, 0, s.periods(), true));
            }
            if (info.evaluation() && s.mode().orElse(Mode.ONE_ON_ONE) == Mode.ONE_ON_ONE) {
                evaluations = evaluations.isEmpty() ? new ArrayList<>(2) : evaluations;
                evaluations.add(new Treatment(s.provider().id().get(), s.code(), true, 0, 0, s.periods()));
            }
        }
        treatments.addAll(evaluations);
        boolean progress = v.progressReport();
        for (ServiceLine s : v.services()) {
            progress |= PROGRESS_CODES.contains(s.code());
        }
        String note = v.note().orElse("");
        return new VisitDigest(v.id(), v.patient().id().orElse("visit:" + v.id()), v.dateOfService(), v.payer(),
                r.payer().isMedicare(), v.setting().institutional(), fingerprint(note), note.length(), progress,
                lines, treatments, est.available() ? est.fullUnit() : Optional.empty(),
                v.claimInfo().billingProvider().npi().orElse(""), dayMinutes(r, codes),
                firstStart(v.services(), ServiceLine::periods),
                v.claimInfo().claimFrequency().orElse(""));
    }

    /**
     * Each discipline's counted timed minutes, earned units and billed timed units, when the payer's method pools a
     * day's timed minutes (empty under the CPT per-code method, and for a visit with no timed minutes or units).
     * A claim line counts under its GP, GO or GN, else under the discipline of the visit's line of its code.
     */
    static List<DayMinutes> dayMinutes(CheckResult r, CodeCatalog codes) {
        UnitResult units = r.units();
        if (units.method() != UnitMethod.CMS) {
            return List.of();
        }
        Visit v = r.visit();
        Map<String, UnitResult> parts = units.byDiscipline().isEmpty()
                ? Map.of(v.disciplineOf(v.services().get(0)).name(), units) : units.byDiscipline();
        Map<String, Integer> billed = new HashMap<>(4);
        java.util.Set<String> unknown = null;
        for (ClaimLine l : r.claim().lines()) {
            org.minutewise.core.codes.CodeInfo info = codes.getOrNull(l.code());
            if (l.units() > 0 && info != null && info.timed()) {
                String d = l.discipline().name();
                billed.merge(d, l.units(), Integer::sum);
                if (!timeDocumented(v, l.code())) {
                    unknown = unknown == null ? new java.util.HashSet<>(2) : unknown;
                    unknown.add(d);
                }
            }
        }
        List<DayMinutes> out = new ArrayList<>(parts.size());
        for (Discipline d : DISCIPLINES) {
            UnitResult part = parts.get(d.name());
            int minutes = part == null ? 0 : part.totalTimedMinutes();
            int earned = part == null ? 0 : part.timedUnits();
            int b = billed.getOrDefault(d.name(), 0);
            if (minutes > 0 || b > 0) {
                List<DayMinutes.Code> earning = new ArrayList<>(2);
                if (part != null) {
                    for (CodeUnits cu : part.lines()) {
                        if (cu.kind() == CodeKind.TIMED && cu.units() > 0) {
                            earning.add(new DayMinutes.Code(cu.code(), cu.minutes(), cu.units()));
                        }
                    }
                }
                out.add(new DayMinutes(d.name(), minutes, earned, b, unknown == null || !unknown.contains(d.name()),
                        earning));
            }
        }
        return out;
    }

    /** Whether a line of the code (97129 and 97130 as one service) documents its minutes or times. */
    private static boolean timeDocumented(Visit v, String code) {
        for (ServiceLine s : v.services()) {
            if (Cognitive.sameService(s.code(), code) && s.hasTime()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the visit's own check said of KX on a therapy code's line (the same judgement as MW-B012 and MW-B006): the
     * claim its documentation supports carries KX on the code, or, with expenses before the visit stated, does not.
     */
    private static OwnKx ownKx(CheckResult r, String code) {
        Visit v = r.visit();
        if (!timeDocumented(v, code)) {
            return OwnKx.UNJUDGED; // billed without minutes: the visit's check does not compare its modifiers
        }
        for (ClaimLine e : r.engineClaim().lines()) {
            if (e.code().equals(code) && e.modifiers().contains("KX")) {
                // MW-B012 compares the code's billed lines together: one of them with KX and it says nothing, so
                // a line of the code without KX is left to the checks across visits.
                for (ClaimLine b : r.claim().lines()) {
                    if (b.code().equals(code) && b.modifiers().contains("KX")) {
                        return OwnKx.UNJUDGED;
                    }
                }
                return OwnKx.NEEDED;
            }
        }
        return v.patient().spentBefore(ClaimBuilder.documentedDiscipline(v, code)).signum() > 0 ? OwnKx.NOT_NEEDED
                : OwnKx.UNJUDGED;
    }

    private static CodeUnits find(CheckResult r, String code) {
        for (CodeUnits cu : r.units().lines()) {
            if (cu.code().equals(code)) {
                return cu;
            }
        }
        return null;
    }

    /**
     * A 64-bit FNV-1a hash of the note with case and white space folded and each run of digits read as one '#' (0
     * for an empty note): the hash of {@code note.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim()
     * .replaceAll("[0-9]+", "#")}, computed in one pass without building that string when the note is ASCII (the
     * batch audit fingerprints millions of notes). A note copied with a new date, visit number or score has the
     * fingerprint of the one it was copied from, as MW-D017 reads numbers as one symbol.
     */
    public static long fingerprint(String note) {
        int from = 0;
        int to = note.length();
        while (from < to && note.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && note.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            return 0L;
        }
        long h = 0xcbf29ce484222325L;
        boolean inSpace = false;
        boolean inDigits = false;
        for (int i = from; i < to; i++) {
            char c = note.charAt(i);
            if (c >= 0x80) {
                return fingerprintSlow(note);
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!inSpace) {
                    h ^= ' ';
                    h *= 0x100000001b3L;
                    inSpace = true;
                }
                inDigits = false;
                continue;
            }
            inSpace = false;
            if (c >= '0' && c <= '9') {
                if (!inDigits) {
                    h ^= '#';
                    h *= 0x100000001b3L;
                    inDigits = true;
                }
                continue;
            }
            inDigits = false;
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The definition, for notes with characters beyond ASCII (whose lower case may change their length). */
    static long fingerprintSlow(String note) {
        String n = note.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim().replaceAll("[0-9]+", "#");
        if (n.isEmpty()) {
            return 0L;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n.length(); i++) {
            h ^= n.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
