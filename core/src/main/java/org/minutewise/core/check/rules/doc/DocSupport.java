package org.minutewise.core.check.rules.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseMatch;
import org.minutewise.core.doc.PhraseMatcher;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.ServiceLine;

/** What the documentation rules share: the note scan (once per visit), which lines are billed, quoting. */
final class DocSupport {
    static final String NEUROMUSCULAR_REEDUCATION = "97112";
    static final int QUOTE_MAX = 120;

    private static final Object SCAN = new Object();
    private static final Object BILLED = new Object();
    private static final Object TOTALS = new Object();
    private static final Object LISTED_SERVICES = new Object();
    private static final Object STATED_MINUTES = new Object();
    private static final Object PASSAGES = new Object();

    private DocSupport() {
    }

    /**
     * The checks on the note's text run once a phrase set is loaded; with {@code DocumentationPhrases.empty()}
     * (bare reference data, as in tests of other parts) they stay silent rather than fire on every visit.
     */
    static boolean enabled(CheckContext ctx) {
        return !ctx.ref().phrases().lists().isEmpty();
    }

    /** True when the phrase set has the list: a missing list switches off the checks that read it. */
    static boolean hasList(CheckContext ctx, String list) {
        return !ctx.ref().phrases().list(list).isEmpty();
    }

    /** The visit's note when there is one with any text. */
    static Optional<String> note(CheckContext ctx) {
        Optional<String> n = ctx.visit().note();
        return n.isPresent() && !n.get().isBlank() ? n : Optional.empty();
    }

    /** The phrase matches of the note: scanned on first use, then shared by every rule of the visit. */
    static NoteScan scan(CheckContext ctx) {
        return ctx.memo(SCAN, DocSupport::computeScan);
    }

    private static NoteScan computeScan(CheckContext ctx) {
        return PhraseMatcher.of(ctx.ref().phrases()).scan(ctx.visit().note().orElse(""));
    }

    /**
     * What is billed, worked out once per visit: the first 97112 line, the one-on-one timed lines, and the skilled
     * treatment lines (those, and untimed treatment such as 92507, 92526 or group therapy: every billed therapy
     * line but evaluations and supervised modalities).
     */
    record Billed(int first97112, List<Integer> oneOnOne, List<String> oneOnOneCodes, List<Integer> skilled,
                  List<String> skilledCodes) {
    }

    static Billed billed(CheckContext ctx) {
        return ctx.memo(BILLED, DocSupport::computeBilled);
    }

    /**
     * The first 97112 line when 97112 is billed with a note that matches none of the phrases of {@code list}
     * (the documentation checks enabled and the list loaded); -1 otherwise. The common test of the 97112 rules
     * that ask for one element of the note (deficit, function, technique, measure).
     */
    static int first97112Without(CheckContext ctx, String list) {
        if (!enabled(ctx) || !hasList(ctx, list) || note(ctx).isEmpty()) {
            return -1;
        }
        int line = first97112(ctx);
        return line < 0 || scan(ctx).has(list) ? -1 : line;
    }

    /**
     * The first 97112 line when 97112 is billed with a note that names none of the phrases of {@code list}, or names
     * them only as not done ({@link #onlyNotDone}: "Held: perturbation training"); -1 otherwise.
     */
    static int first97112WithoutDone(CheckContext ctx, String list) {
        int line = first97112Without(ctx, list);
        if (line >= 0 || !enabled(ctx) || !hasList(ctx, list) || note(ctx).isEmpty()) {
            return line;
        }
        return onlyNotDone(scan(ctx), list) == null ? -1 : first97112(ctx);
    }

    /**
     * When the note names phrases of the list only where it says they were not done ({@link
     * ServiceNotInNote#notDone}: "Berg deferred d/t fatigue", "Held: vestibular testing, BERG"), the first of them
     * quoted with its span; null otherwise (no match, or one that is not said so). No list is built for a note
     * without a {@code [not-done]} word.
     */
    static String onlyNotDone(NoteScan scan, String list) {
        if (!scan.has(org.minutewise.core.doc.PhraseLists.NOT_DONE) || !scan.has(list)) {
            return null;
        }
        List<PhraseMatch> ms = scan.matches(list);
        for (PhraseMatch m : ms) {
            if (!ServiceNotInNote.notDone(scan, m.start(), m.end())) {
                return null;
            }
        }
        PhraseMatch first = ms.get(0);
        return quote(scan.text(), first.start(), first.end()) + " (" + notePath(first.start(), first.end()) + ")";
    }

    /**
     * Whether the note records a measure of the list as MW-D006 reads one: a phrase of the list counts as it stands;
     * one that is also a [technique] ("SLS", "tandem stance") only with its time ("SLS R 12 s (was 7)"), not named
     * as what the patient practised ("SLS on foam 3x20 s"); not one the note says was not done ("Berg deferred",
     * "Held: BERG": {@link ServiceNotInNote#notDone}): any objective measure (MW-D006). Whether its value shows
     * the neuromuscular deficit (MW-D002, MW-D004) is {@link DeficitMeasure}'s reading.
     */
    static boolean measured(CheckContext ctx, String list) {
        NoteScan scan = scan(ctx);
        if (!scan.has(org.minutewise.core.doc.PhraseLists.NOT_DONE)) {
            return scan.anyMatch(list, org.minutewise.core.doc.PhraseLists.TECHNIQUE,
                    NoMeasureFor97112::resultFollows);
        }
        // Not one the note says was not done: "Berg deferred d/t fatigue", "Held: vestibular testing, BERG".
        for (PhraseMatch m : scan.matches(list)) {
            if ((!scan.covered(m.start(), m.end(), org.minutewise.core.doc.PhraseLists.TECHNIQUE)
                    || NoMeasureFor97112.resultFollows(scan.text(), m.start(), m.end()))
                    && !ServiceNotInNote.notDone(scan, m.start(), m.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first measure of the list that {@link #measured} counts, quoted to the end of its clause with its span
     * ("\"single-leg stance R 6 s eyes open (L 30 s)\" (note[60:100])"); null when there is none.
     */
    static String firstMeasured(CheckContext ctx, String list) {
        NoteScan scan = scan(ctx);
        String text = scan.text();
        for (PhraseMatch m : scan.matches(list)) {
            if (!scan.covered(m.start(), m.end(), org.minutewise.core.doc.PhraseLists.TECHNIQUE)
                    || NoMeasureFor97112.resultFollows(text, m.start(), m.end())) {
                int end = m.end();
                int limit = Math.min(text.length(), m.end() + 40);
                while (end < limit && ",;|\n\r".indexOf(text.charAt(end)) < 0 && !(text.charAt(end) == '.'
                        && (end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1))))) {
                    end++;
                }
                end = trimEnd(text, m.start(), end);
                return quote(text, m.start(), end) + " (" + notePath(m.start(), end) + ")";
            }
        }
        return null;
    }

    /** Index of the first 97112 line, or -1 when 97112 is not billed (absent, or 0 units). */
    static int first97112(CheckContext ctx) {
        return billed(ctx).first97112();
    }

    /**
     * The lines billed as one-on-one timed services (97110-97546 and the like: {@link CodeInfo#oneOnOne()}), not
     * stated as group or supervised, whose code ends with units.
     */
    static List<Integer> oneOnOneTimed(CheckContext ctx) {
        return billed(ctx).oneOnOne();
    }

    /** The skilled treatment lines: one-on-one timed and untimed treatment (92507, 92526, 97150). */
    static List<Integer> skilledTreatment(CheckContext ctx) {
        return billed(ctx).skilled();
    }

    /** The distinct codes of the skilled treatment lines, in order. */
    static List<String> skilledCodes(CheckContext ctx) {
        return billed(ctx).skilledCodes();
    }

    /** The distinct codes of the one-on-one timed lines, in order: "97112, 97110". */
    static List<String> oneOnOneCodes(CheckContext ctx) {
        return billed(ctx).oneOnOneCodes();
    }

    private static boolean onClaim(List<org.minutewise.core.claim.ClaimLine> claim, String code) {
        for (int i = 0; i < claim.size(); i++) {
            org.minutewise.core.claim.ClaimLine l = claim.get(i);
            if (l.units() > 0 && org.minutewise.core.units.Cognitive.sameService(l.code(), code)) {
                return true;
            }
        }
        return false;
    }

    private static Billed computeBilled(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        int first97112 = -1;
        List<Integer> lines = new ArrayList<>(s.size());
        List<String> codes = new ArrayList<>(s.size());
        List<Integer> skilled = new ArrayList<>(s.size());
        List<String> skilledCodes = new ArrayList<>(s.size());
        List<org.minutewise.core.claim.ClaimLine> claim = org.minutewise.core.claim.ClaimBuilder.of(ctx).lines();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine line = s.get(i);
            String code = line.code();
            if (!onClaim(claim, code)) {
                continue; // no unit on the claim (a tie's choice included): not billed
            }
            if (first97112 < 0 && code.equals(NEUROMUSCULAR_REEDUCATION)) {
                first97112 = i;
            }
            CodeInfo info = ctx.codeAt(i);
            Optional<Mode> mode = line.mode();
            boolean oneOnOne = info != null && info.timed() && info.oneOnOne()
                    && (mode.isEmpty() || mode.get() == Mode.ONE_ON_ONE);
            if (oneOnOne) {
                lines.add(i);
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            if (oneOnOne || info != null && !info.timed() && !info.evaluation() && !info.supervised()
                    && !info.disciplines().isEmpty()) {
                skilled.add(i);
                if (!skilledCodes.contains(code)) {
                    skilledCodes.add(code);
                }
            }
        }
        // Built here and never changed: wrapped, not copied.
        return new Billed(first97112, java.util.Collections.unmodifiableList(lines),
                java.util.Collections.unmodifiableList(codes), java.util.Collections.unmodifiableList(skilled),
                java.util.Collections.unmodifiableList(skilledCodes));
    }

    /**
     * The total treatment time the note states in its words ("total tx time 25 min"), read once per visit for
     * MW-D011 and MW-D020; empty without a note or the documentation checks.
     */
    static Optional<org.minutewise.core.doc.NoteMinutes.Stated> statedTotalTreatment(CheckContext ctx) {
        return statedTotals(ctx).treatment();
    }

    /**
     * Both totals the note states in its words (total timed minutes, total treatment time), read once per visit in
     * one pass over the note; none without a note or the documentation checks.
     */
    static org.minutewise.core.doc.NoteMinutes.Totals statedTotals(CheckContext ctx) {
        return ctx.memo(TOTALS, DocSupport::computeStatedTotals);
    }

    private static org.minutewise.core.doc.NoteMinutes.Totals computeStatedTotals(CheckContext ctx) {
        return enabled(ctx) && note(ctx).isPresent()
                ? org.minutewise.core.doc.NoteMinutes.totals(note(ctx).get())
                : new org.minutewise.core.doc.NoteMinutes.Totals(Optional.empty(), Optional.empty());
    }

    /**
     * The minutes the note gives each billed service whose list is loaded ({@link
     * org.minutewise.core.doc.NoteMinutes#ofService}: "NMR 24 min", "97110 (TE): 23 min"), by listed code, read once
     * per visit (MW-D020 compares them, MW-D007 reads them as the headings of the note's passages).
     */
    static java.util.Map<String, List<org.minutewise.core.doc.NoteMinutes.Stated>> statedMinutes(CheckContext ctx) {
        return ctx.memo(STATED_MINUTES, DocSupport::computeStatedMinutes);
    }

    private static java.util.Map<String, List<org.minutewise.core.doc.NoteMinutes.Stated>> computeStatedMinutes(
            CheckContext ctx) {
        java.util.Map<String, List<org.minutewise.core.doc.NoteMinutes.Stated>> out = new java.util.LinkedHashMap<>();
        if (enabled(ctx) && note(ctx).isPresent()) {
            List<ListedService> services = listedServices(ctx);
            for (int i = 0; i < services.size(); i++) {
                ListedService service = services.get(i);
                out.put(service.code(), org.minutewise.core.doc.NoteMinutes.ofService(scan(ctx), service.list()));
            }
        }
        return out;
    }

    /**
     * The passages of a note written in sections, one per billed service, by listed code (97130 is 97129's): each
     * heading of a service ("Neuromuscular reeducation 24 min:", "TE 23 min", "97110:") begins its passage, which
     * runs to the next heading of another billed service or the note's end; a service headed twice has two. A heading
     * is where MW-D020 reads a service's minutes (a word of its list that heads a clause, its minutes after it), or the
     * code itself heading a clause before ':' or a dash. A note is in sections when at least two billed services have
     * a heading; otherwise (and without a note) the map is empty and the note is read as a whole. Read from the
     * matches the scan reports, once per visit.
     */
    static java.util.Map<String, List<int[]>> passages(CheckContext ctx) {
        return ctx.memo(PASSAGES, DocSupport::computePassages);
    }

    private static java.util.Map<String, List<int[]>> computePassages(CheckContext ctx) {
        if (!enabled(ctx) || note(ctx).isEmpty()) {
            return java.util.Map.of();
        }
        NoteScan scan = scan(ctx);
        String text = scan.text();
        List<int[]> headings = new ArrayList<>(); // {start, index of the service}
        List<ListedService> services = listedServices(ctx);
        java.util.Set<Integer> headed = new java.util.HashSet<>();
        Map<String, List<org.minutewise.core.doc.NoteMinutes.Stated>> stated = statedMinutes(ctx);
        for (int i = 0; i < services.size(); i++) {
            ListedService service = services.get(i);
            for (org.minutewise.core.doc.NoteMinutes.Stated st : stated.getOrDefault(service.code(), List.of())) {
                headings.add(new int[] {st.start(), i});
                headed.add(i);
            }
            for (int start : org.minutewise.core.doc.NoteMinutes.codeHeadings(scan, service.list())) {
                headings.add(new int[] {start, i}); // "97110: bike 10 min"
                headed.add(i);
            }
        }
        if (headed.size() < 2) {
            return java.util.Map.of();
        }
        headings.sort(java.util.Comparator.comparingInt(h -> h[0]));
        java.util.Map<String, List<int[]>> out = new java.util.LinkedHashMap<>();
        for (int h = 0; h < headings.size(); ) {
            int service = headings.get(h)[1];
            int from = headings.get(h)[0];
            int next = h + 1;
            while (next < headings.size() && headings.get(next)[1] == service) {
                next++; // the same service headed again ("TE 23 min: bike 10 min, ..."): one passage
            }
            int to = next < headings.size() ? headings.get(next)[0] : text.length();
            out.computeIfAbsent(services.get(service).code(), c -> new ArrayList<>(1)).add(new int[] {from, to});
            h = next;
        }
        return out;
    }

    /** A billed service and the phrase list that identifies it in the note ({@code service-97140}). */
    record ListedService(String code, String list) {
    }

    /**
     * The billed treatment codes whose service list is loaded, each with its list: 97130 is the rest of 97129's
     * service, so beside 97129 it is left out (one service, one list: "service-97129"). Worked out once per visit
     * (MW-D019 and MW-D020 read it).
     */
    static List<ListedService> listedServices(CheckContext ctx) {
        return ctx.memo(LISTED_SERVICES, DocSupport::computeListedServices);
    }

    private static List<ListedService> computeListedServices(CheckContext ctx) {
        List<String> codes = skilledCodes(ctx);
        List<ListedService> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            String listed = org.minutewise.core.units.Cognitive.sameService(code,
                    org.minutewise.core.units.Cognitive.BASE) ? org.minutewise.core.units.Cognitive.BASE : code;
            if (!listed.equals(code) && codes.contains(listed)) {
                continue;
            }
            String list = org.minutewise.core.doc.PhraseLists.service(listed);
            if (hasList(ctx, list)) {
                out.add(new ListedService(code, list));
            }
        }
        return List.copyOf(out);
    }

    static String codesText(List<String> codes) {
        return String.join(", ", codes);
    }

    /** A span of the note in quotes, whitespace runs as one space, cut to {@value #QUOTE_MAX} characters. */
    static String quote(String text, int start, int end) {
        StringBuilder sb = new StringBuilder(Math.min(end - start, QUOTE_MAX) + 3);
        sb.append('"');
        boolean space = false;
        int kept = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && kept > 0) {
                sb.append(' ');
                kept++;
            }
            space = false;
            if (kept >= QUOTE_MAX) {
                sb.append("...");
                break;
            }
            sb.append(c);
            kept++;
        }
        return sb.append('"').toString();
    }

    static String notePath(int start, int end) {
        return "note[" + start + ":" + end + "]";
    }

    /** The matches of a list that no longer match of the same list contains ("worked on balance", not "balance"). */
    static List<PhraseMatch> outermost(List<PhraseMatch> ms) {
        List<PhraseMatch> out = new ArrayList<>(ms.size());
        for (PhraseMatch m : ms) {
            boolean inner = false;
            for (PhraseMatch o : ms) {
                if (o != m && o.start() <= m.start() && o.end() >= m.end()
                        && (o.end() - o.start()) > (m.end() - m.start())) {
                    inner = true;
                    break;
                }
            }
            if (!inner) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The sentence holding the first match of the list that the note negates, quoted with its span ("\"no VC or TC
     * needed.\" (note[60:79])"), or null when the note negates none: a finding that says the note shows no such
     * thing can point at where it is mentioned only as absent.
     */
    static String negatedSentence(NoteScan scan, String list) {
        List<PhraseMatch> ms = scan.negated(list);
        if (ms.isEmpty()) {
            return null;
        }
        String text = scan.text();
        int start = scan.sentenceStart(ms.get(0).start());
        int end = trimEnd(text, start, scan.sentenceEnd(ms.get(0).start()));
        return quote(text, start, end) + " (" + notePath(start, end) + ")";
    }

    /** The end of a span with trailing whitespace dropped. */
    static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
