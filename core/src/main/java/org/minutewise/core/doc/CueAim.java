package org.minutewise.core.doc;

/**
 * What a cue is for: a phrase right after a cue and "for" or "to" in the cue's clause names the cue's aim ("VC for
 * upright posture", "TC at pelvis for weight shift", "cues to maintain midline", "VC for ankle strategy"), not a
 * deficit of the patient nor an activity of its own.
 *
 * <p>A phrase is a cue's aim when, reading back from it over at most {@value #MAX_WORDS} words of its clause (no
 * sentence end, comma, colon or parenthesis between), a "for" or "to" comes before a match of {@link
 * PhraseLists#SKILLED} that counts (not negated), and none of those words says the aim is impaired ("VC to correct
 * slumped posture", "cues for poor posture" state the deficit). Read only for the few matches a rule or the scan asks
 * about, from the matches the scan already holds: a note costs a short walk back per such match.
 */
final class CueAim {
    /** The most words between the cue and its aim: "TC at R pelvis for upright posture". */
    static final int MAX_WORDS = 5;
    /** No walk back is longer than this many characters. */
    private static final int REACH = 60;

    private static final int AIM = 1;
    private static final int IMPAIRED = 1 << 1;
    private static final Negation.Lexicon WORDS = new Negation.Lexicon()
            .with(AIM, "for", "to")
            .with(IMPAIRED, "poor", "impaired", "decreased", "reduced", "diminished", "increased", "excessive",
                    "abnormal", "altered", "faulty", "forward", "slumped", "slouched", "flexed", "kyphotic",
                    "asymmetrical", "asymmetric", "deficit", "deficits", "impairment", "impairments");

    private CueAim() {
    }

    /**
     * Takes every match of the {@link PhraseLists#CUE_AIM} list that is a cue's aim out of the negatable lists its
     * phrase belongs to: "posture" in "VC for upright posture" is no posture deficit. Looked at only when the note has
     * a match of that list and a skilled one.
     */
    static void apply(NoteScan scan) {
        PhraseMatcher m = scan.matcher();
        int aims = m.listIndex(PhraseLists.CUE_AIM);
        int skilled = m.listIndex(PhraseLists.SKILLED);
        if (scan.countAt(aims) == 0 || scan.countAt(skilled) == 0) {
            return;
        }
        for (int k = 0; k < scan.size(); k++) {
            if (m.inList(scan.phraseAt(k), aims) && !scan.isNegated(k) && m.negatableMask(scan.phraseAt(k)) != 0
                    && aimed(scan, scan.startAt(k), skilled)) {
                scan.aim(k);
            }
        }
    }

    /** Whether the match that starts at {@code start} is the aim of a cue before it ({@code skilled}: the list). */
    static boolean aimed(NoteScan scan, int start, int skilled) {
        if (skilled < 0 || scan.countAt(skilled) == 0) {
            return false;
        }
        String text = scan.text();
        int words = 0;
        boolean aim = false;
        int i = start - 1;
        while (i >= 0 && start - i <= REACH) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00A0') {
                i--;
                continue;
            }
            if (!Negation.isWordChar(c)) {
                return false; // a sentence's or clause's end, a colon, a parenthesis
            }
            int e = i + 1;
            while (i >= 0 && Negation.isWordChar(text.charAt(i))) {
                i--;
            }
            if (aim && cueEndsAt(scan, e, skilled)) {
                return true;
            }
            int kind = WORDS.kind(text, i + 1, e);
            if ((kind & IMPAIRED) != 0 || ++words > MAX_WORDS) {
                return false;
            }
            aim |= (kind & AIM) != 0;
        }
        return false;
    }

    /** Whether a skilled match that counts ends at {@code end}. */
    private static boolean cueEndsAt(NoteScan scan, int end, int skilled) {
        for (int k = 0; k < scan.size(); k++) {
            if (scan.endAt(k) == end && scan.member(k, skilled)) {
                return true;
            }
        }
        return false;
    }
}
