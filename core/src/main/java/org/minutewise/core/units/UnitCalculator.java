package org.minutewise.core.units;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;

/**
 * The two unit methods of RULES.md §3. Pure and allocation-light: arrays over the few codes of a visit.
 *
 * <p>CMS total-time method (§3.1): T timed minutes give N = floor((T + 7) / 15) units (0 below 8). Each
 * code first gets one unit per full 15 minutes of its own; the units left go one each to the codes with
 * the most minutes left over, then the most minutes in all. A tie still standing at the cut-off is the
 * qualified professional's choice: the default goes to a code whose unit carries no CQ/CO (paid in full), then to
 * the lowest code, and the alternatives are listed.
 *
 * <p>CPT per-code method (§3.2): each code alone, 0 below 8 minutes, else floor((m + 7) / 15).
 */
public final class UnitCalculator {
    /** At most this many alternative allocations are listed for a professional's choice. */
    public static final int MAX_ALTERNATIVES = 20;

    private UnitCalculator() {
    }

    /** Units from minutes: 0 below 8, else floor((m + 7) / 15). The minutes table of §3.1. */
    public static int unitsForMinutes(int minutes) {
        return minutes < 8 ? 0 : (minutes + 7) / 15;
    }

    /**
     * Pools a visit's lines by code, in order of first appearance. A minute counts once for its code: where periods
     * of the code overlap (two clinicians treating together, or one period entered twice), the code gets the
     * minutes of their union (RULES.md §2: two clinicians treating one patient together still give one unit per
     * 15 minutes).
     */
    public static List<CodeMinutes> pool(List<ServiceLine> lines) {
        int n = lines.size();
        String[] codes = new String[n];
        int[] minutes = new int[n];
        int[] periods = new int[n];
        boolean[] assistant = new boolean[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            ServiceLine l = lines.get(i);
            int at = slot(codes, distinct, l.code());
            if (at == distinct) {
                codes[distinct++] = l.code();
            }
            minutes[at] += l.minutes();
            periods[at] += l.periods().size();
            assistant[at] |= l.minutes() > 0 && l.provider().role().isAssistant();
        }
        List<CodeMinutes> out = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            // One period of a code cannot overlap another of it: the usual case skips the pairwise test.
            out.add(new CodeMinutes(codes[i], minutes[i] - (periods[i] > 1 ? sharedMinutes(lines, codes[i]) : 0),
                    assistant[i]));
        }
        return out;
    }

    /**
     * The minutes a code's lines document more than once: the sum of its periods less the minutes of their union.
     * 0 when no two of its periods overlap (the usual case, found without allocating).
     */
    public static int sharedMinutes(List<ServiceLine> lines, String code) {
        boolean overlap = false;
        for (int i = 0; i < lines.size() && !overlap; i++) {
            ServiceLine a = lines.get(i);
            if (!a.code().equals(code)) {
                continue;
            }
            List<Period> pa = a.periods();
            for (int p = 0; p < pa.size() && !overlap; p++) {
                for (int j = i; j < lines.size() && !overlap; j++) {
                    ServiceLine b = lines.get(j);
                    if (!b.code().equals(code)) {
                        continue;
                    }
                    List<Period> pb = b.periods();
                    for (int q = j == i ? p + 1 : 0; q < pb.size() && !overlap; q++) {
                        overlap = pa.get(p).overlaps(pb.get(q));
                    }
                }
            }
        }
        if (!overlap) {
            return 0;
        }
        BitSet union = new BitSet(24 * 60);
        int sum = 0;
        for (ServiceLine l : lines) {
            if (l.code().equals(code)) {
                for (Period p : l.periods()) {
                    sum += p.minutes();
                    union.set(p.startMinute(), p.endMinute());
                }
            }
        }
        return sum - union.cardinality();
    }

    /**
     * Whether a code's documented time is an untimed service's own (RULES.md §1-§2; CMS Pub 100-04 ch. 5 §20.2): an
     * untimed code that is neither a supervised modality (which may share minutes, 97010-97028, G0283) nor a group
     * code ({@link #groupService}): an evaluation or re-evaluation (97161-97168, 92521-92524, 92610), 92507, 92526
     * and the like. A timed code's minutes inside such a service's period are not timed minutes
     * ({@link #withoutOtherCodesMinutes}).
     */
    public static boolean untimedService(CodeInfo info) {
        return info != null && !info.timed() && !info.supervised() && !info.group();
    }

    /**
     * Whether a code is group therapy (97150, 92508): its documented time is group time, and a minute cannot be both
     * group and one-on-one (RULES.md §2; CMS Pub 100-02 ch. 15 §230 A; MW-G001), so a timed code's minutes inside a
     * group code's period are not one-on-one minutes and are cut from it as an untimed service's are
     * ({@link #withoutOtherCodesMinutes}).
     */
    public static boolean groupService(CodeInfo info) {
        return info != null && info.group();
    }

    /**
     * The lines with the minutes two codes' periods share counted once (RULES.md §2: a minute belongs to one code; the
     * same minute under two codes is MW-U003): each such minute stays with the code whose period {@linkplain
     * #countsFirst counts first} and is cut out of the other code's periods. Only the lines {@code exclusive} accepts
     * take part (timed codes whose minutes count: supervised modalities may share minutes, an aide's minutes count for
     * nothing); a code's overlap with itself stays, for {@link #sharedMinutes}. The minutes of a line {@code untimed}
     * accepts (an untimed one-on-one service's periods: an evaluation, 92507, ...; a group code's group time) are
     * that service's before any timed code's: they are cut out of every timed code's periods, as time spent on an
     * untimed service is not counted toward timed minutes (CMS Pub 100-04 ch. 5 §20.2) and group minutes are not
     * one-on-one minutes (CMS Pub 100-02 ch. 15 §230 A); the untimed line itself stays as it is (1 unit whatever its
     * minutes). The result has the same lines at the same indexes, a line that lost minutes with the periods it keeps
     * (0 minutes when it keeps none); it is {@code lines} itself when no timed code's period overlaps another code's
     * (the usual visit, found without allocating).
     */
    public static List<ServiceLine> withoutOtherCodesMinutes(List<ServiceLine> lines,
                                                             java.util.function.Predicate<ServiceLine> exclusive,
                                                             java.util.function.Predicate<ServiceLine> untimed) {
        String[] owner = owners(lines, exclusive, untimed);
        if (owner == null) {
            return lines;
        }
        List<ServiceLine> out = new ArrayList<>(lines.size());
        for (ServiceLine l : lines) {
            if (l.periods().isEmpty() || !exclusive.test(l)) {
                out.add(l);
                continue;
            }
            List<Period> kept = new ArrayList<>(l.periods().size());
            boolean cut = false;
            for (Period p : l.periods()) {
                int from = -1;
                for (int m = p.startMinute(); m <= p.endMinute(); m++) {
                    boolean mine = m < p.endMinute() && l.code().equals(owner[m]);
                    if (mine && from < 0) {
                        from = m;
                    } else if (!mine && from >= 0) {
                        kept.add(new Period(clock(from), clock(m)));
                        from = -1;
                    }
                    cut |= m < p.endMinute() && !mine;
                }
            }
            out.add(!cut ? l : new ServiceLine(l.code(), kept.isEmpty() ? java.util.OptionalInt.of(0)
                    : java.util.OptionalInt.empty(), kept, l.provider(), l.mode(), l.discipline(), l.charge(),
                    l.regions(), l.description()));
        }
        return out;
    }

    /**
     * Which code each minute of the day counts for ({@link #withoutOtherCodesMinutes}): an untimed one-on-one
     * service's ({@code untimed}) where one's period holds the minute, else the timed code ({@code exclusive}) whose
     * period counts first; null when no timed code's period overlaps another code's (the usual visit).
     */
    public static String[] owners(List<ServiceLine> lines, java.util.function.Predicate<ServiceLine> exclusive,
                                  java.util.function.Predicate<ServiceLine> untimed) {
        int n = lines.size();
        boolean any = false;
        for (int i = 0; i < n && !any; i++) {
            ServiceLine a = lines.get(i);
            if (a.periods().isEmpty()) {
                continue;
            }
            boolean ax = exclusive.test(a);
            boolean au = !ax && untimed.test(a);
            if (!ax && !au) {
                continue;
            }
            for (int j = i + 1; j < n && !any; j++) {
                ServiceLine b = lines.get(j);
                if (b.periods().isEmpty() || a.code().equals(b.code())) {
                    continue;
                }
                boolean bx = exclusive.test(b);
                // Two timed codes, or a timed code and an untimed service; two untimed services cut nothing.
                any = (bx ? ax || au : ax && untimed.test(b)) && Period.anyOverlap(a.periods(), b.periods());
            }
        }
        if (!any) {
            return null;
        }
        List<LinePeriod> periods = new ArrayList<>();
        List<LinePeriod> services = new ArrayList<>(2);
        for (ServiceLine l : lines) {
            if (l.periods().isEmpty()) {
                continue;
            }
            boolean timed = exclusive.test(l);
            if (timed || untimed.test(l)) {
                for (Period p : l.periods()) {
                    (timed ? periods : services).add(new LinePeriod(p, l));
                }
            }
        }
        java.util.Comparator<LinePeriod> first = (x, y) -> countsFirst(x.period(), x.line(), y.period(), y.line())
                ? -1 : countsFirst(y.period(), y.line(), x.period(), x.line()) ? 1 : 0;
        services.sort(first);
        periods.sort(first);
        services.addAll(periods); // an untimed service's minutes are its own before any timed code's
        String[] owner = new String[24 * 60];
        for (LinePeriod e : services) {
            for (int m = e.period().startMinute(); m < e.period().endMinute(); m++) {
                if (owner[m] == null) {
                    owner[m] = e.line().code();
                }
            }
        }
        return owner;
    }

    /**
     * The minutes of {@code code}'s timed lines ({@code exclusive}) that fall inside an untimed one-on-one service's
     * period ({@code untimed}) and are cut from the code ({@link #withoutOtherCodesMinutes}), by the service's code
     * (in the order the services' lines are listed), as the runs of the day they fill; empty when none do.
     */
    public static Map<String, List<Period>> insideUntimedServices(List<ServiceLine> lines,
                                                                 java.util.function.Predicate<ServiceLine> exclusive,
                                                                 java.util.function.Predicate<ServiceLine> untimed,
                                                                 String code) {
        String[] owner = owners(lines, exclusive, untimed);
        if (owner == null) {
            return Map.of();
        }
        Map<String, BitSet> byService = new LinkedHashMap<>();
        for (ServiceLine l : lines) {
            if (!l.periods().isEmpty() && !exclusive.test(l) && untimed.test(l)) {
                byService.putIfAbsent(l.code(), new BitSet(24 * 60));
            }
        }
        for (ServiceLine l : lines) {
            if (!l.code().equals(code) || !exclusive.test(l)) {
                continue;
            }
            for (Period p : l.periods()) {
                for (int m = p.startMinute(); m < p.endMinute(); m++) {
                    BitSet in = owner[m] == null ? null : byService.get(owner[m]);
                    if (in != null) {
                        in.set(m);
                    }
                }
            }
        }
        Map<String, List<Period>> out = new LinkedHashMap<>();
        byService.forEach((service, minutes) -> {
            List<Period> runs = new ArrayList<>(1);
            for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(minutes.nextClearBit(m))) {
                runs.add(new Period(clock(m), clock(minutes.nextClearBit(m))));
            }
            if (!runs.isEmpty()) {
                out.put(service, runs);
            }
        });
        return out;
    }

    private record LinePeriod(Period period, ServiceLine line) {
    }

    /**
     * Whether the minutes period {@code a} (of line {@code la}) shares with period {@code b} (of line {@code lb})
     * count for {@code la}'s code: its period began first; at the same start, a therapist's before an assistant's (a
     * unit without CQ/CO, as a tie at the cut-off goes, RULES.md §3.1), then the longer period, then the lower code.
     * Does not depend on the order the lines are listed in.
     */
    public static boolean countsFirst(Period a, ServiceLine la, Period b, ServiceLine lb) {
        return countsFirst(a, la.code(), la.provider().role().isAssistant(), b, lb.code(),
                lb.provider().role().isAssistant());
    }

    /** {@link #countsFirst(Period, ServiceLine, Period, ServiceLine)} from each line's code and whether an assistant's. */
    public static boolean countsFirst(Period a, String codeA, boolean assistantA, Period b, String codeB,
                                      boolean assistantB) {
        if (a.startMinute() != b.startMinute()) {
            return a.startMinute() < b.startMinute();
        }
        if (assistantA != assistantB) {
            return !assistantA;
        }
        if (a.minutes() != b.minutes()) {
            return a.minutes() > b.minutes();
        }
        return codeA.compareTo(codeB) < 0;
    }

    private static java.time.LocalTime clock(int minuteOfDay) {
        return minuteOfDay >= 24 * 60 ? Period.END_OF_DAY : java.time.LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    /** The minutes of a code's lines, each minute once ({@link #sharedMinutes} taken off their sum). */
    public static int minutesOnce(List<ServiceLine> lines, String code) {
        int sum = 0;
        for (ServiceLine l : lines) {
            sum += l.code().equals(code) ? l.minutes() : 0;
        }
        return sum - sharedMinutes(lines, code);
    }

    /**
     * One visit's count when it holds more than one discipline's plan of care: each discipline's codes counted on
     * their own ({@code parts}, by label, each from {@link #compute}), as each discipline bills under its own plan
     * of care and modifier (GP, GO, GN), and its minutes make its own units; a PT's 6 minutes and an OT's 6 do not
     * add up to a unit. The result's sums and lines are those of the parts (lines in {@code codeOrder}); an
     * alternative of one discipline's tie keeps the others' units as counted. One part is returned as it is.
     */
    public static UnitResult combine(Map<String, UnitResult> parts, List<String> codeOrder) {
        if (parts.size() == 1) {
            return parts.values().iterator().next();
        }
        UnitMethod method = null;
        int minutes = 0;
        int timed = 0;
        int total = 0;
        boolean choice = false;
        Map<String, CodeUnits> byCode = new LinkedHashMap<>();
        Map<String, Integer> counted = new LinkedHashMap<>();
        List<String> tied = new ArrayList<>();
        List<String> tiedWithAssistant = new ArrayList<>();
        Map<String, String> addOns = new LinkedHashMap<>();
        for (UnitResult r : parts.values()) {
            method = r.method();
            minutes += r.totalTimedMinutes();
            timed += r.timedUnits();
            total += r.totalUnits();
            choice |= r.professionalChoice();
            tied.addAll(r.tiedCodes());
            tiedWithAssistant.addAll(r.tiedWithAssistant());
            addOns.putAll(r.pooledAddOns());
            for (CodeUnits c : r.lines()) {
                byCode.put(c.code(), c);
            }
        }
        List<CodeUnits> lines = new ArrayList<>(byCode.size());
        for (String code : codeOrder) {
            CodeUnits c = byCode.remove(code);
            if (c != null) {
                lines.add(c);
            }
        }
        lines.addAll(byCode.values());
        for (CodeUnits c : lines) {
            if (c.kind() == CodeKind.TIMED) {
                counted.put(c.code(), c.units());
            }
        }
        // Every combination of the parts' choices (each part's default or one of its alternatives) but the defaults
        // all together: a biller may have chosen otherwise in each discipline's tie.
        List<Map<String, Integer>> alternatives = new ArrayList<>();
        alternatives.add(new LinkedHashMap<>(counted));
        for (UnitResult r : parts.values()) {
            if (r.alternatives().isEmpty()) {
                continue;
            }
            List<Map<String, Integer>> next = new ArrayList<>();
            for (Map<String, Integer> base : alternatives) {
                next.add(base);
                for (Map<String, Integer> alt : r.alternatives()) {
                    if (next.size() > MAX_ALTERNATIVES) {
                        break;
                    }
                    Map<String, Integer> whole = new LinkedHashMap<>(base);
                    whole.putAll(alt);
                    next.add(whole);
                }
            }
            alternatives = next;
        }
        alternatives.remove(0); // the defaults themselves
        if (alternatives.size() > MAX_ALTERNATIVES) {
            alternatives = alternatives.subList(0, MAX_ALTERNATIVES);
        }
        java.util.Set<String> services = new java.util.LinkedHashSet<>();
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        for (UnitResult r : parts.values()) {
            services.addAll(r.untimedServices());
            groups.addAll(r.groupServices());
        }
        return new UnitResult(method, minutes, timed, total, lines, choice, tied, alternatives, addOns,
                tiedWithAssistant, parts, services, groups);
    }

    public static UnitResult compute(UnitMethod method, List<CodeMinutes> input, CodeCatalog catalog) {
        // Pool repeated codes (order of first appearance).
        int cap = input.size();
        String[] codes = new String[cap];
        int[] minutes = new int[cap];
        CodeKind[] kinds = new CodeKind[cap];
        boolean[] assistant = new boolean[cap];
        String[] addOnTo = null;
        java.util.Set<String> services = null; // the untimed one-on-one services (an evaluation, ...)
        java.util.Set<String> groups = null; // the group codes (97150, 92508)
        int n = 0;
        for (int i = 0; i < cap; i++) {
            CodeMinutes cm = input.get(i);
            int at = slot(codes, n, cm.code());
            if (at == n) {
                n++;
                codes[at] = cm.code();
                CodeInfo info = catalog.getOrNull(cm.code());
                kinds[at] = info == null ? CodeKind.UNKNOWN : info.timed() ? CodeKind.TIMED : CodeKind.UNTIMED;
                if (untimedService(info)) {
                    services = services == null ? new java.util.LinkedHashSet<>() : services;
                    services.add(cm.code());
                } else if (groupService(info)) {
                    groups = groups == null ? new java.util.LinkedHashSet<>() : groups;
                    groups.add(cm.code());
                }
                if (info != null && info.addOnTo().isPresent()) {
                    addOnTo = addOnTo == null ? new String[cap] : addOnTo;
                    addOnTo[at] = info.addOnTo().get();
                }
            }
            minutes[at] += cm.minutes();
            assistant[at] |= cm.assistant();
        }
        int[] into = addOnTo == null ? null : addOnsWithTheirBase(codes, kinds, n, addOnTo);
        UnitResult r = into != null ? pooled(method, codes, minutes, kinds, assistant, n, into)
                : method == UnitMethod.CMS ? cms(codes, minutes, kinds, assistant, n) : cpt(codes, minutes, kinds, n);
        return services == null && groups == null ? r : r.withOwnTimeServices(
                services == null ? java.util.Set.of() : services, groups == null ? java.util.Set.of() : groups);
    }

    /**
     * For each timed add-on code documented beside its timed base code (97130 beside 97129), the index of the
     * base; -1 for the others; null when there is none (the usual case: nothing is built).
     */
    private static int[] addOnsWithTheirBase(String[] codes, CodeKind[] kinds, int n, String[] addOnTo) {
        int[] into = null;
        for (int i = 0; i < n; i++) {
            if (kinds[i] != CodeKind.TIMED || addOnTo[i] == null) {
                continue;
            }
            int b = slot(codes, n, addOnTo[i]);
            if (b < n && kinds[b] == CodeKind.TIMED) {
                if (into == null) {
                    into = new int[n];
                    java.util.Arrays.fill(into, -1);
                }
                into[i] = b;
            }
        }
        return into;
    }

    /**
     * A base code and its add-on documented together are one service (RULES.md §1: "the units of the visit's
     * cognitive-intervention minutes go first to 97129, one unit at most, the rest to 97130"): their minutes are
     * counted together under the base, then the base takes one of the units they earn and the add-on the rest.
     */
    private static UnitResult pooled(UnitMethod method, String[] codes, int[] minutes, CodeKind[] kinds,
                                     boolean[] assistant, int n, int[] into) {
        // The same arrays without the add-ons, whose minutes join their base's.
        String[] c = new String[n];
        int[] m = new int[n];
        CodeKind[] k = new CodeKind[n];
        boolean[] a = new boolean[n];
        int[] at = new int[n];
        int cn = 0;
        for (int i = 0; i < n; i++) {
            if (into[i] < 0) {
                at[i] = cn;
                c[cn] = codes[i];
                m[cn] = minutes[i];
                k[cn] = kinds[i];
                a[cn] = assistant[i];
                cn++;
            }
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (into[i] >= 0) {
                m[at[into[i]]] += minutes[i];
                a[at[into[i]]] |= assistant[i];
                pairs.put(codes[i], codes[into[i]]);
            }
        }
        UnitResult r = method == UnitMethod.CMS ? cms(c, m, k, a, cn) : cpt(c, m, k, cn);
        CodeUnits[] lines = new CodeUnits[n];
        for (int i = 0; i < n; i++) {
            if (into[i] >= 0) {
                int u = r.lines().get(at[into[i]]).units();
                lines[i] = new CodeUnits(codes[i], kinds[i], minutes[i], u - Math.min(1, u), 0, 0, false);
            } else {
                CodeUnits pl = r.lines().get(at[i]);
                boolean base = pairs.containsValue(codes[i]);
                lines[i] = base ? new CodeUnits(codes[i], kinds[i], minutes[i], Math.min(1, pl.units()),
                        pl.fullBlocks(), pl.leftover(), pl.extraUnit()) : pl;
            }
        }
        List<Map<String, Integer>> alternatives = new ArrayList<>(r.alternatives().size());
        for (Map<String, Integer> alt : r.alternatives()) {
            Map<String, Integer> split = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (kinds[i] != CodeKind.TIMED) {
                    continue;
                }
                if (into[i] >= 0) {
                    int u = alt.get(codes[into[i]]);
                    split.put(codes[i], u - Math.min(1, u));
                } else {
                    int u = alt.get(codes[i]);
                    split.put(codes[i], pairs.containsValue(codes[i]) ? Math.min(1, u) : u);
                }
            }
            alternatives.add(split);
        }
        return new UnitResult(method, r.totalTimedMinutes(), r.timedUnits(), r.totalUnits(), List.of(lines),
                r.professionalChoice(), r.tiedCodes(), alternatives, pairs, r.tiedWithAssistant());
    }

    /**
     * Where a code is among the first {@code n} pooled codes, or {@code n} when it is not there yet. A visit has a
     * handful of codes: a linear search beats a map and builds nothing per line.
     */
    private static int slot(String[] codes, int n, String code) {
        int at = 0;
        while (at < n && !codes[at].equals(code)) {
            at++;
        }
        return at;
    }

    private static UnitResult cpt(String[] codes, int[] minutes, CodeKind[] kinds, int n) {
        CodeUnits[] lines = new CodeUnits[n];
        int total = 0;
        int timedUnits = 0;
        int allUnits = 0;
        for (int i = 0; i < n; i++) {
            int units;
            if (kinds[i] == CodeKind.TIMED) {
                total += minutes[i];
                units = unitsForMinutes(minutes[i]);
                timedUnits += units;
            } else {
                units = kinds[i] == CodeKind.UNTIMED ? 1 : 0;
            }
            allUnits += units;
            lines[i] = new CodeUnits(codes[i], kinds[i], minutes[i], units, 0, 0, false);
        }
        // List.of copies the array once; the record's List.copyOf then keeps that immutable list as it is.
        return new UnitResult(UnitMethod.CPT, total, timedUnits, allUnits, List.of(lines), false, List.of(),
                List.of());
    }

    private static UnitResult cms(String[] codes, int[] minutes, CodeKind[] kinds, boolean[] assistant, int n) {
        int total = 0;
        int blocks = 0;
        int[] full = new int[n];
        int[] left = new int[n];
        // Candidates for leftover units: timed codes with minutes left over.
        int[] cand = new int[n];
        int nc = 0;
        for (int i = 0; i < n; i++) {
            if (kinds[i] == CodeKind.TIMED) {
                total += minutes[i];
                full[i] = minutes[i] / 15;
                left[i] = minutes[i] % 15;
                blocks += full[i];
                if (left[i] > 0) {
                    cand[nc++] = i;
                }
            }
        }
        int timedUnits = unitsForMinutes(total);
        int remaining = timedUnits - blocks;
        // Insertion sort of candidates: most left over, then most minutes; a tie still standing goes by default to
        // a code whose unit carries no CQ/CO (paid in full), then to the lowest code.
        for (int a = 1; a < nc; a++) {
            int x = cand[a];
            int b = a - 1;
            while (b >= 0 && better(x, cand[b], codes, minutes, left, assistant)) {
                cand[b + 1] = cand[b];
                b--;
            }
            cand[b + 1] = x;
        }
        boolean[] extra = new boolean[n];
        for (int k = 0; k < remaining && k < nc; k++) {
            extra[cand[k]] = true;
        }
        boolean choice = false;
        List<String> tied = List.of();
        List<String> tiedAssistant = List.of();
        List<Map<String, Integer>> alternatives = List.of();
        if (remaining > 0 && remaining < nc && sameKey(cand[remaining - 1], cand[remaining], minutes, left)) {
            choice = true;
            int key = cand[remaining - 1];
            List<Integer> group = new ArrayList<>();
            int chosen = 0;
            for (int k = 0; k < nc; k++) {
                if (sameKey(cand[k], key, minutes, left)) {
                    group.add(cand[k]);
                    if (k < remaining) {
                        chosen++;
                    }
                }
            }
            List<String> t = new ArrayList<>(group.size());
            List<String> withAssistant = new ArrayList<>(0);
            for (int g : group) {
                t.add(codes[g]);
                if (assistant[g]) {
                    withAssistant.add(codes[g]);
                }
            }
            tied = t;
            // Said only when it decided the default: a unit of some of the tied codes would carry CQ/CO, of some not.
            tiedAssistant = withAssistant.size() < group.size() ? withAssistant : List.of();
            alternatives = alternatives(codes, kinds, full, group, chosen, n, extra);
        }
        CodeUnits[] lines = new CodeUnits[n];
        int allUnits = 0;
        for (int i = 0; i < n; i++) {
            int units;
            switch (kinds[i]) {
                case TIMED -> units = full[i] + (extra[i] ? 1 : 0);
                case UNTIMED -> units = 1;
                default -> units = 0;
            }
            allUnits += units;
            lines[i] = new CodeUnits(codes[i], kinds[i], minutes[i], units, full[i], left[i], extra[i]);
        }
        return new UnitResult(UnitMethod.CMS, total, timedUnits, allUnits, List.of(lines), choice, tied,
                alternatives, Map.of(), tiedAssistant);
    }

    private static boolean better(int x, int y, String[] codes, int[] minutes, int[] left, boolean[] assistant) {
        if (left[x] != left[y]) {
            return left[x] > left[y];
        }
        if (minutes[x] != minutes[y]) {
            return minutes[x] > minutes[y];
        }
        if (assistant[x] != assistant[y]) {
            return !assistant[x];
        }
        return codes[x].compareTo(codes[y]) < 0;
    }

    private static boolean sameKey(int x, int y, int[] minutes, int[] left) {
        return left[x] == left[y] && minutes[x] == minutes[y];
    }

    /** Every other way to give {@code chosen} leftover units within the tied group. */
    private static List<Map<String, Integer>> alternatives(String[] codes, CodeKind[] kinds, int[] full,
                                                           List<Integer> group, int chosen, int n,
                                                           boolean[] defaultExtra) {
        List<Map<String, Integer>> out = new ArrayList<>();
        int g = Math.min(group.size(), 16);
        for (int mask = 0; mask < (1 << g) && out.size() < MAX_ALTERNATIVES; mask++) {
            if (Integer.bitCount(mask) != chosen) {
                continue;
            }
            boolean[] extra = defaultExtra.clone();
            boolean same = true;
            for (int k = 0; k < g; k++) {
                boolean on = (mask & (1 << k)) != 0;
                int idx = group.get(k);
                if (extra[idx] != on) {
                    same = false;
                }
                extra[idx] = on;
            }
            if (same) {
                continue;
            }
            Map<String, Integer> alt = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if (kinds[i] == CodeKind.TIMED) {
                    alt.put(codes[i], full[i] + (extra[i] ? 1 : 0));
                }
            }
            out.add(alt);
        }
        return out;
    }
}
