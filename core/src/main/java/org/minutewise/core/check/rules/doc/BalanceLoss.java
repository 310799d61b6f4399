package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatch;

/**
 * A note that states balance as normal ("Balance WNL", "balance within normal limits") and whose only stated deficit
 * is a loss of balance counted in the session ("2 LOB during tandem walk", {@code [balance-loss]}): the two contradict
 * each other. A reviewer who reads the normal finding sees no deficit for 97112 to retrain, and a count of losses of
 * balance does not name the deficit (MW-D002, MW-D004 read it so). A normal finding of static or sitting balance
 * ("static balance WNL", "sitting balance intact") does not contradict losses of balance in a standing or walking
 * task. Read only where the note has a loss of balance and a normal finding, from the matches the scan reports.
 */
final class BalanceLoss {
    /** The two statements that contradict each other: the normal finding and the first loss of balance, quoted. */
    record Contradiction(String normal, String loss) {
    }

    private static final java.util.Set<String> PARTIAL = java.util.Set.of("static", "sitting", "seated", "sit",
            "trunk", "unsupported", "supported");

    private BalanceLoss() {
    }

    /**
     * The contradiction when every match of {@code list} (those inside a match of {@code excluding} aside, when it is
     * not null) is a loss of balance and the note states balance as normal; null otherwise, or without the
     * {@code [balance-loss]} list.
     */
    static Contradiction in(NoteScan scan, String list, String excluding) {
        if (!scan.has(PhraseLists.BALANCE_LOSS)) {
            return null;
        }
        List<PhraseMatch> normal = scan.negated(PhraseLists.DEFICIT);
        if (normal.isEmpty()) {
            return null;
        }
        PhraseMatch loss = null;
        for (PhraseMatch m : scan.matches(list)) {
            if (excluding != null && scan.covered(m.start(), m.end(), excluding)) {
                continue;
            }
            if (!scan.covered(m.start(), m.end(), PhraseLists.BALANCE_LOSS)) {
                return null; // "impaired dynamic balance": a deficit stated in words
            }
            if (loss == null) {
                loss = m;
            }
        }
        if (loss == null) {
            return null;
        }
        String text = scan.text();
        for (PhraseMatch m : normal) {
            int end = scan.normalAfter(m.end());
            if (end < 0 || !m.phrase().toLowerCase(java.util.Locale.ROOT).endsWith("balance")
                    || partial(text, m.start())) {
                continue;
            }
            int start = m.start();
            return new Contradiction(DocSupport.quote(text, start, end) + " (" + DocSupport.notePath(start, end) + ")",
                    clause(scan, loss));
        }
        return null;
    }

    /** Whether the word before {@code start} says the balance is static or sitting ("static balance WNL"). */
    private static boolean partial(String text, int start) {
        int e = start;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '-')) {
            e--;
        }
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s < e && PARTIAL.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT));
    }

    /** The clause of match {@code m} (to the ',' either side, or its sentence's bounds), quoted with its span. */
    private static String clause(NoteScan scan, PhraseMatch m) {
        String text = scan.text();
        int start = Sentences.clauseStart(scan, m.start());
        while (start < m.start() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int sentenceEnd = scan.sentenceEnd(m.start());
        int end = m.end();
        while (end < sentenceEnd && text.charAt(end) != ',' && !scan.endsSentenceAt(end)) {
            end++;
        }
        end = DocSupport.trimEnd(text, start, end);
        return DocSupport.quote(text, start, end) + " (" + DocSupport.notePath(start, end) + ")";
    }
}
