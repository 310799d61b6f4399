package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatch;

/**
 * A billed treatment code the note never names, by its code or by any word of its service list ("manual therapy",
 * "STM", "joint mobs" for 97140). Each treatment note identifies every intervention provided and billed, in words
 * that can be compared with the claim (CMS Pub 100-02 ch. 15 §220.3 E): a service the note does not identify is
 * denied on review, whatever its minutes. A code whose list is not loaded is not looked for.
 *
 * <p>A word of the list identifies the service only where it says the service was done (a therapist's reading):
 * <ul>
 *   <li>not in a clause (to its ',' or sentence end) that says it was not ({@code [not-done]}: "Manual therapy and
 *       gait training deferred today d/t pt fatigue", "held", "not performed", "will resume"), nor as a bare item
 *       of a list such a word ends ("Gait, stairs and balance deferred today"), nor in a list such a word heads, to
 *       the end of its clause ("Deferred: balance, gait training.", "Held: gait training, stairs"; {@link
 *       org.minutewise.core.doc.ItemList#headedFrom}) or in the bullets below a heading that ends its line
 *       ("Deferred:\n- balance\n- gait training"), nor right after a negation word, with only other services'
 *       words or "and"/"or" between ("no ther ex today", "no manual therapy or gait training");</li>
 *   <li>not in the plan or after a word for later ("Plan: resume gait training next visit", "pt will"), nor after a
 *       word for the patient's report ({@code [report]}: "Pt reports self-care at home is slow");</li>
 *   <li>not inside a test, sign or piece of equipment ({@code [not-service]}: "MMT (manual muscle test)",
 *       "antalgic gait", "gait belt"), nor as a measurement, a value right after it ("R knee ROM 0-110", "AROM
 *       95 deg").</li>
 * </ul>
 * These are read only for a list that matches, and only until one match counts: a note that names the service
 * plainly costs one look.
 */
public final class ServiceNotInNote implements Rule {
    public static final RuleInfo WARN = new RuleInfo("MW-D019", Severity.WARN,
            "A billed service the note does not mention",
            "Name each billed service in the note with what was done (the technique or activity, the body region, "
                    + "the cues) and its minutes, in words a reviewer can match to the code on the claim; a service "
                    + "the note does not identify is denied on review. If it was not furnished, remove the line.",
            "CMS Pub 100-02 ch. 15 §220.3 E (the treatment note identifies each intervention provided and billed); "
                    + "RULES.md §7", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: the abbreviations of a note's headings name their code: TE (97110), GT (97116), "
                    + "MT (97140), TA (97530), SC (97535) (a therapist's review; phrase list 2026.10)")
            .revised(3, "2026-12-07: a service word counts only where it says the service was done: not in a clause "
                    + "that says it was not (\"Manual therapy and gait training deferred today\", \"no ther ex "
                    + "today\"), in the plan or after \"pt will\", nor in what the patient reports (\"Pt reports "
                    + "self-care at home is slow\"); nor as a test, sign, equipment or measurement (\"MMT (manual "
                    + "muscle test)\", \"antalgic gait\", \"gait belt\", \"R knee ROM 0-110\") (a reviewer's cases; "
                    + "phrase list 2026.15)")
            .revised(4, "2026-12-07: a deferral covers every bare item of the list it ends, in its clause (\"Gait, "
                    + "stairs and balance deferred today\" named gait as done; not across ';' or a sentence, nor "
                    + "\"Gait training w/ CGA, stairs deferred\"), and \"not tested\", \"NT\" say not done "
                    + "(phrase list 2026.17)")
            .revised(5, "2026-12-07: sensory integrative techniques (97533) and a physical performance test (97750) "
                    + "are looked for too (\"sensory integration\", \"vestibular input\"; \"physical performance "
                    + "test\", \"FCE\"); they had no word list and were never looked for (phrase list 2026.18)")
            .revised(6, "2026-12-07: a deferral written before its list covers every item of it to the end of its "
                    + "clause (\"Deferred: balance, gait training.\", \"Held: gait training, stairs\" named the gait "
                    + "training as done), at its clause's start with a colon or dash after it; \"Deferred: stairs. Gait "
                    + "training w/ CGA\" still names it (phrase list 2026.19)")
            .revised(7, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Deferred:\\n- "
                    + "balance\\n- gait training\" named the gait training as done; the heading covered nothing, "
                    + "its clause ending at the line break); a blank line or a line that is no bullet ends the "
                    + "list: \"Deferred:\\n\\nGait training 15 min\" still names it");

    @Override
    public RuleInfo info() {
        return WARN;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        List<DocSupport.ListedService> services = DocSupport.listedServices(ctx);
        for (int i = 0; i < services.size(); i++) {
            DocSupport.ListedService service = services.get(i);
            String code = service.code();
            String list = service.list();
            NoteScan scan = DocSupport.scan(ctx);
            PhraseMatch onlyNamed = null;
            if (scan.has(list)) {
                if (scan.first(list, m -> documents(ctx, scan, m)) != null) {
                    continue; // the usual note: its first word of the service says it was done
                }
                onlyNamed = scan.matches(list).get(0);
            }
            CodeInfo info = ctx.ref().codes().getOrNull(code);
            String name = info == null ? "" : " (" + info.label().split(" \\(")[0] + ")";
            String said = onlyNamed == null ? " is billed, but the note does not mention it, by its code or by the "
                    + "words therapists use for it (such as \"" + String.join("\", \"", examples(ctx, list)) + "\")"
                    : " is billed, but the note names it only " + namedOnly(scan, onlyNamed) + ", not as a service "
                    + "provided in the visit";
            out.add(WARN.finding("services[code=" + code + "]", code + name + said + ": nothing in the record "
                    + "identifies the service, so the line is unsupported whatever its minutes."));
        }
    }

    /**
     * A few words of a service list for the message: its first phrases (the code aside) that begin differently, so
     * "therapeutic exercise" is not followed by "therapeutic exercises" or "ther ex".
     */
    private static List<String> examples(CheckContext ctx, String list) {
        List<String> out = new java.util.ArrayList<>(3);
        java.util.Set<String> starts = new java.util.HashSet<>();
        for (String w : ctx.ref().phrases().list(list)) {
            if (out.size() == 3) {
                break;
            }
            String start = w.substring(0, Math.min(4, w.length())).toLowerCase(java.util.Locale.ROOT);
            if (!w.isEmpty() && !Character.isDigit(w.charAt(0)) && starts.add(start)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Whether match {@code m} of a service list says the service was done: not in a clause that says it was not,
     * not negated, not in the plan or the patient's report, not a test, sign, equipment or measurement.
     */
    private static boolean documents(CheckContext ctx, NoteScan scan, PhraseMatch m) {
        String text = scan.text();
        if (scan.covered(m.start(), m.end(), PhraseLists.NOT_SERVICE) || valueFollows(text, m.end())) {
            return false; // "MMT (manual muscle test)", "antalgic gait", "R knee ROM 0-110"
        }
        int sentence = scan.sentenceStart(m.start());
        if (Labels.later(scan, sentence, m.start()) || scan.anyWithin(PhraseLists.REPORT, sentence, m.start())) {
            return false; // "Plan: resume gait training next visit", "Pt reports self-care at home is slow"
        }
        // The sentence's bounds found once for the clause and the list (each is a walk over the text).
        int from = Sentences.clauseStart(scan, m.start(), sentence);
        return !notDone(scan, m.start(), m.end(), sentence, from) && !negatedBefore(ctx, scan, m, from);
    }

    /**
     * Whether the note says the thing it names at {@code [start, end)} was not done ({@code [not-done]}): in its clause
     * ("Gait training deferred today", "Berg not tested"), as a bare item of a list such a word ends ("Gait, stairs
     * and balance deferred"), or in a list such a word heads ("Held: gait training, BERG"). The reading of a service
     * (MW-D019), and of a measure or technique the note names (MW-D005, MW-D006).
     */
    static boolean notDone(NoteScan scan, int start, int end) {
        int sentence = scan.sentenceStart(start);
        return scan.has(PhraseLists.NOT_DONE)
                && notDone(scan, start, end, sentence, Sentences.clauseStart(scan, start, sentence));
    }

    /** {@link #notDone(NoteScan, int, int)} with the span's sentence and clause starts already known. */
    private static boolean notDone(NoteScan scan, int start, int end, int sentence, int from) {
        int sentenceEnd = scan.sentenceEnd(start);
        return notDoneWithin(scan, from, Sentences.clauseEndBy(scan, end, sentenceEnd))
                || deferredInList(scan, start, end, sentenceEnd) != null
                || headingDeferral(scan, start, end, sentence) != null;
    }

    /**
     * Whether a {@code [not-done]} word other than a heading-only one lies in {@code [from, to)}: "held:" says a list
     * is held only where it heads it ("Held: gait training, stairs"); in its clause it is the time a position was
     * held ("Balance training held: 30 s tandem stance", "SLS held: 10 s"), which says the service was done.
     */
    private static boolean notDoneWithin(NoteScan scan, int from, int to) {
        if (!scan.anyWithin(PhraseLists.NOT_DONE, from, to)) {
            return false;
        }
        for (PhraseMatch d : scan.matches(PhraseLists.NOT_DONE)) {
            if (d.start() >= from && d.end() <= to && !headingOnly(scan.text(), d)) {
                return true;
            }
        }
        return false;
    }

    /** A {@code [not-done]} word that says so only as a list's heading: one that holds its colon ("held:"). */
    private static boolean headingOnly(String text, PhraseMatch d) {
        return org.minutewise.core.doc.ItemList.holdsItsColon(text, d.start(), d.end());
    }

    /**
     * The {@code [not-done]} word that heads a list holding the span, in its sentence (from {@code sentence}), or on
     * the line above the bullets its line is one of: "Deferred: balance, gait training.", "Held: gait training,
     * stairs", "Deferred:\n- balance\n- gait training" ({@link org.minutewise.core.doc.ItemList#headedFrom}, {@link
     * org.minutewise.core.doc.ItemList#headedSpans}); null when none does.
     */
    private static PhraseMatch headingDeferral(NoteScan scan, int start, int end, int sentence) {
        // A bullet's heading is on the line above the bullets: "Deferred:\n- balance\n- gait training".
        int heading = org.minutewise.core.doc.ItemList.headingSearchStart(scan, sentence);
        if (!scan.anyWithin(PhraseLists.NOT_DONE, heading, start)) {
            return null;
        }
        for (PhraseMatch d : scan.matches(PhraseLists.NOT_DONE)) {
            if (d.start() < heading || d.end() > start) {
                continue;
            }
            int from = org.minutewise.core.doc.ItemList.headedFrom(scan, d.start(), d.end());
            if (from >= 0 && org.minutewise.core.doc.ItemList.inHeadedList(scan, from, start, end)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Whether the match is a bare item of a list that a {@code [not-done]} word after it ends, in its clause: "Gait,
     * stairs and balance deferred today" defers the gait as well ({@link org.minutewise.core.doc.ItemList}); not
     * "Gait training w/ CGA, stairs deferred". The word that ends the list, or null.
     */
    private static PhraseMatch deferredInList(NoteScan scan, PhraseMatch m) {
        return deferredInList(scan, m.start(), m.end(), scan.sentenceEnd(m.start()));
    }

    /** {@link #deferredInList(NoteScan, PhraseMatch)} for a span, the end of its sentence already known. */
    private static PhraseMatch deferredInList(NoteScan scan, int start, int end, int sentenceEnd) {
        if (!scan.has(PhraseLists.NOT_DONE)) {
            return null;
        }
        for (PhraseMatch d : scan.matches(PhraseLists.NOT_DONE)) {
            if (d.start() >= end && d.start() < sentenceEnd && !headingOnly(scan.text(), d)
                    && org.minutewise.core.doc.ItemList.runsTo(scan, start, end, d.start())) {
                return d;
            }
        }
        return null;
    }

    /**
     * Whether a negation word in the clause (from {@code from}) stands right before the match, with only words of the
     * billed services and "and", "or", "nor", "&" or commas between: "no ther ex today", "no manual therapy or gait
     * training"; not "no LOB during gait training".
     */
    private static boolean negatedBefore(CheckContext ctx, NoteScan scan, PhraseMatch m, int from) {
        if (!scan.anyWithin(PhraseLists.NEGATION, from, m.start())) {
            return false;
        }
        String text = scan.text();
        for (PhraseMatch n : scan.matches(PhraseLists.NEGATION)) {
            if (n.start() < from || n.end() > m.start()) {
                continue;
            }
            int i = n.end();
            boolean items = true;
            while (i < m.start() && items) {
                char c = text.charAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    i++;
                    continue;
                }
                int s = i;
                while (i < m.start() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '/')) {
                    i++;
                }
                String w = text.substring(s, i).toLowerCase(java.util.Locale.ROOT);
                items = w.equals("and") || w.equals("or") || w.equals("nor") || serviceWord(ctx, scan, s, i);
            }
            if (items) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [s, e)} lies inside a match of a billed service's list. */
    private static boolean serviceWord(CheckContext ctx, NoteScan scan, int s, int e) {
        for (DocSupport.ListedService other : DocSupport.listedServices(ctx)) {
            if (scan.covered(s, e, other.list())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a measured value follows the word at {@code end} (blanks and ':' skipped): a range "0-110" or "0 to
     * 110", or degrees "95 deg", "95\u00b0"; not a dose ("2-3 sets", "2-3x10").
     */
    static boolean valueFollows(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
            i++;
        }
        int n = org.minutewise.core.doc.NoteMinutes.digitsEnd(text, i);
        if (n == i) {
            return false;
        }
        int k = n;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        if (text.startsWith("deg", k) || text.startsWith("\u00b0", k)) {
            return true;
        }
        int after;
        if (k < text.length() && (text.charAt(k) == '-' || text.charAt(k) == '\u2013')) {
            after = k + 1;
        } else if (text.regionMatches(true, k, "to ", 0, 3)) {
            after = k + 3;
        } else {
            return false;
        }
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        int m = org.minutewise.core.doc.NoteMinutes.digitsEnd(text, after);
        if (m == after) {
            return false;
        }
        while (m < text.length() && text.charAt(m) == ' ') {
            m++;
        }
        return !(m < text.length() && (Character.toLowerCase(text.charAt(m)) == 'x'
                || text.regionMatches(true, m, "set", 0, 3) || text.regionMatches(true, m, "rep", 0, 3)
                || text.regionMatches(true, m, "min", 0, 3)));
    }

    /**
     * Where the note names the service only in words that do not say it was done: the first such word's clause,
     * quoted with its span, and why it does not count ("as not done, planned or reported in \"...\" (note[a:b])").
     */
    private static String namedOnly(NoteScan scan, PhraseMatch m) {
        String text = scan.text();
        PhraseMatch heading = headingDeferral(scan, m.start(), m.end(), scan.sentenceStart(m.start()));
        // "Deferred: balance, gait training": from the word that heads the list
        int start = heading != null ? heading.start() : Sentences.clauseStart(scan, m.start());
        while (start < m.start() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        PhraseMatch listEnd = deferredInList(scan, m); // "Gait, stairs and balance deferred": to the word's clause
        PhraseMatch until = listEnd == null ? m : listEnd;
        int end = DocSupport.trimEnd(text, start, Sentences.clauseEnd(scan, until.start(), until.end()));
        if (end > start && text.charAt(end - 1) == ';') {
            end = DocSupport.trimEnd(text, start, end - 1);
        }
        String as = scan.covered(m.start(), m.end(), PhraseLists.NOT_SERVICE) || valueFollows(text, m.end())
                ? "as a test, sign, equipment or measurement (" + DocSupport.quote(text, m.start(), m.end()) + ")"
                : "as not done, planned or reported";
        return as + " in " + DocSupport.quote(text, start, end) + " (" + DocSupport.notePath(start, end) + ")";
    }
}
