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
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.ServiceLine;

/**
 * The note describes group time ("balance class w/ 4 pts", "group session") and the visit bills it only as
 * individual treatment (one-on-one timed codes, or untimed individual treatment such as 92507 and 92526): one
 * clinician treating two or more patients at once is group therapy (RULES.md §2), and group time billed as
 * one-on-one is a red flag (§7). Not when the visit records group time itself (97150, 92508,
 * or a line in group mode): MW-G001 and MW-G002 judge those minutes by their times and modes.
 */
public final class GroupTimeInNote implements Rule {
    /** Speech, language or voice treatment, individual: its group code is 92508 (RULES.md §1). */
    private static final String SPEECH_INDIVIDUAL = "92507";
    /** Swallowing treatment: individual, with no group code (RULES.md §1). */
    private static final String SWALLOWING = "92526";

    public static final RuleInfo WARN = new RuleInfo("MW-D021", Severity.WARN,
            "The note describes group time billed as one-on-one",
            "If the patient was treated with others at the same time, bill that time as group therapy (97150; 92508 "
                    + "for speech, language or voice), one unit per patient, not as one-on-one timed codes; if the "
                    + "billed minutes were one-on-one, say so in the note and give their times.",
            "RULES.md §2 (one clinician with two or more patients at once is group therapy), §7 (red flags); CMS Pub "
                    + "100-02 ch. 15 §230 A", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: not what the patient is to do later: a sentence in the plan (\"Plan:\", \"P:\", "
                    + "to its '.') or one that says so (\"pt to join community balance class after d/c\") (a "
                    + "therapist's review)")
            .revised(3, "2026-12-07: untimed individual treatment too (speech-language 92507, swallowing 92526: "
                    + "\"Aphasia group 45 min with 3 other pts\" billed as 92507 passed; an SLP's review), and the "
                    + "message names 92508 for speech-language group time, and no group code for swallowing")
            .revised(4, "2026-12-07: \"w/ another pt\" as \"with another pt\", and \"2 pts simultaneously\" (\"PT "
                    + "treated 2 pts simultaneously\") (a reviewer's cases; phrase list 2026.15); the finding's path "
                    + "spans the words its message quotes (it spanned the group phrase alone), quoted from the "
                    + "start of the phrase's clause, not its sentence")
            .revised(5, "2026-12-07: \"another PT\", \"2 PTs\" in capitals in a mixed-case sentence, or after "
                    + "\"co-treat\" in its clause, are therapists, not patients (\"co-treated with another PT\", "
                    + "\"w/ another PT present for safety\"); \"w/ another pt\", \"with another patient\" stay "
                    + "concurrent care (a reviewer's case)");

    @Override
    public RuleInfo info() {
        return WARN;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.GROUP_TIME)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        if (!DocSupport.scan(ctx).has(PhraseLists.GROUP_TIME)) {
            return; // the usual note: no word of group time, so nothing to weigh the billed codes against
        }
        List<String> individual = individualCodes(ctx);
        if (individual.isEmpty()) {
            return;
        }
        List<PhraseMatch> group = new java.util.ArrayList<>(DocSupport.scan(ctx).matches(PhraseLists.GROUP_TIME));
        if (group.isEmpty() || recordsGroupTime(ctx)) {
            return;
        }
        // "Plan: pt to join community balance class after d/c": the patient's plan, not time in the visit.
        NoteScan scan = DocSupport.scan(ctx);
        group.removeIf(g -> Labels.later(scan, scan.sentenceStart(g.start()), scan.sentenceEnd(g.start()))
                || therapists(scan, g));
        if (group.isEmpty()) {
            return;
        }
        PhraseMatch m = group.get(0);
        String note = DocSupport.note(ctx).get();
        // Quoted from the start of its clause (to the ',' before it, or the sentence's start): "Balance class w/ 4
        // pts", not "w/ 4 pts" alone; "pt seen w/ another pt", not the exercise the clause before describes.
        int start = Sentences.clauseStart(DocSupport.scan(ctx), m.start());
        while (start < m.start() && Character.isWhitespace(note.charAt(start))) {
            start++;
        }
        int sentenceEnd = DocSupport.scan(ctx).sentenceEnd(m.start());
        int end = m.end();
        for (PhraseMatch o : group) {
            if (o.start() < sentenceEnd) {
                end = Math.max(end, o.end()); // "Balance class w/ 4 other pts": both of the sentence's
            }
        }
        // The path spans the words quoted: "Pt seen concurrently" is note[a:b] of those words, not of "concurrently".
        String groupCode = groupCodes(individual);
        boolean allTimed = DocSupport.oneOnOneCodes(ctx).size() == individual.size();
        out.add(WARN.finding(DocSupport.notePath(start, end), "The note describes group time ("
                + DocSupport.quote(note, start, end) + "), but the visit bills " + DocSupport.codesText(individual)
                + (allTimed ? " as one-on-one time" : " as individual treatment") + " and no group therapy: one "
                + "clinician with two or more patients at the same time is group therapy"
                + (groupCode == null ? "." : ", billed as one " + groupCode + " unit per patient.")
                + (individual.contains(SWALLOWING) ? " Swallowing treatment (" + SWALLOWING + ") has no group code: "
                + "time with several patients at once is not " + SWALLOWING + "." : "")));
    }

    /**
     * Whether a group phrase that ends in "pt" or "pts" names therapists, not patients: "co-treated with another PT",
     * "w/ another PT present", "with 2 PTs". "PT" in capitals in a sentence written in mixed case is the physical
     * therapist (a note writes the patient "pt" or "Pt"), and "co-treat" ("co-treated", "cotreat", "co-tx") before it
     * in its clause says two clinicians treated one patient. "w/ another pt", "with another Pt", "with another
     * patient" and a note in capitals throughout ("W/ ANOTHER PT") stay concurrent care. Read only for the few group
     * phrases a note has.
     */
    static boolean therapists(NoteScan scan, PhraseMatch g) {
        String text = scan.text();
        int e = g.end();
        int s = e;
        while (s > g.start() && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        String last = text.substring(s, e);
        if (!last.equalsIgnoreCase("pt") && !last.equalsIgnoreCase("pts")) {
            return false; // "with another patient": a patient, however written
        }
        int clause = Sentences.clauseStart(scan, g.start());
        if (coTreat(text, clause, g.start())) {
            return true; // "co-treated with another PT", "cotreat w/ another pt"
        }
        if (!last.startsWith("PT")) {
            return false;
        }
        // "PT" in capitals: the therapist, unless the sentence is written in capitals throughout.
        int sentenceEnd = scan.sentenceEnd(g.start());
        for (int i = scan.sentenceStart(g.start()); i < sentenceEnd; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "co-treat", "co treat", "cotreat", "co-tx" or "cotx" begins a word in {@code [from, to)}. */
    private static boolean coTreat(String text, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if ((i == from || !Character.isLetter(text.charAt(i - 1))) && text.regionMatches(true, i, "co", 0, 2)) {
                int j = i + 2;
                if (j < to && (text.charAt(j) == '-' || text.charAt(j) == ' ')) {
                    j++;
                }
                if (text.regionMatches(true, j, "treat", 0, 5) || text.regionMatches(true, j, "tx", 0, 2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The individual treatment the visit bills: the one-on-one timed codes (97110-97546), and untimed individual
     * treatment (speech-language 92507, swallowing 92526, and the like: a skilled treatment code that is not a group
     * code), in order.
     */
    private static List<String> individualCodes(CheckContext ctx) {
        List<String> codes = new java.util.ArrayList<>(DocSupport.oneOnOneCodes(ctx));
        for (String code : DocSupport.skilledCodes(ctx)) {
            CodeInfo info = ctx.ref().codes().getOrNull(code);
            if (info != null && !info.timed() && !info.group() && !codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * The group code(s) for the billed codes' disciplines: 97150, and 92508 for speech, language or voice; null when
     * only swallowing treatment is billed (it has none).
     */
    private static String groupCodes(List<String> individual) {
        boolean speech = individual.contains(SPEECH_INDIVIDUAL);
        boolean other = individual.stream().anyMatch(c -> !c.equals(SPEECH_INDIVIDUAL) && !c.equals(SWALLOWING));
        return speech && other ? "97150 (or 92508 for speech, language or voice)" : speech ? "92508"
                : other ? "97150" : null;
    }

    /** Whether the visit records group time itself: a group code, or a line in group mode. */
    private static boolean recordsGroupTime(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info != null && info.group() || s.get(i).mode().orElse(null) == Mode.GROUP) {
                return true;
            }
        }
        return false;
    }
}
