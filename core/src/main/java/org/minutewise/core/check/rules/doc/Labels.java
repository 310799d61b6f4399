package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.doc.FieldReader;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;

/**
 * A note's labelled lines: "Response: decreased trunk lean w/ cues.", "P: cont, add EC.", and the plan they start. A
 * label counts where a field starts (the note's start, a sentence's, after '|', a tab or a run of blanks) and when its
 * value has content: "Response: none", "P: n/a" or "Plan:" alone say nothing. The fields are read by core's
 * {@link FieldReader}, as the template fields that state an absence are ("Cues: none").
 */
final class Labels {
    /** The patient's response: "Response:", "Resp:", "Pt response:", "Patient's response to tx:"; ':' or a dash. */
    static final FieldReader.LabelSet RESPONSE = new FieldReader.LabelSet(true, FieldReader.LabelSet.combine(
            List.of("", "pt", "patient", "pt's", "patient's"), List.of("response", "resp", "responses"),
            List.of("", "to tx", "to treatment", "to session", "to intervention", "to interventions", "to therapy",
                    "to rx")));
    /** A plan's label: "P:", "Plan:", "POC:", "Plan of care:", "Recommendations:", "HEP:"; ':' or an en dash. */
    static final FieldReader.LabelSet PLAN = new FieldReader.LabelSet(false, List.of("P", "Plan", "POC",
            "Plan of care", "Rec", "Recs", "Recommendation", "Recommendations", "D/C plan", "Discharge plan", "HEP",
            "Home program"));
    /**
     * A goal's label: "Goal:", "Goals:", "STG:", "LTG:", "Short-term goal:", "Long term goals:"; ':' or an en dash. What
     * follows is a target, not a result: "Goal: TUG 10-12 s", "LTG: knee flexion 110 to 120 deg in 4 wk".
     */
    static final FieldReader.LabelSet GOAL = new FieldReader.LabelSet(false, FieldReader.LabelSet.combine(
            List.of("", "short term", "long term", "short-term", "long-term", "pt", "patient", "pt's", "patient's"),
            List.of("goal", "goals", "STG", "STGs", "LTG", "LTGs"), List.of("")));

    private Labels() {
    }

    /**
     * Whether what is written at {@code at} is in a goal: its sentence (';' ends one, as the note scan reads it), or
     * the template field ('|') it is in, starts with a goal label ("Goal: TUG 10-12 s"), a target, not a result.
     */
    static boolean goal(NoteScan scan, int at) {
        return labelAtStart(scan.text(), scan.sentenceStart(at), at, at, GOAL);
    }

    /**
     * Whether the text from {@code start} (a sentence's start), or from the last template field ('|') between it and
     * {@code at}, begins with a label of {@code set}, blanks before it up to {@code limit} skipped.
     */
    private static boolean labelAtStart(String text, int start, int at, int limit, FieldReader.LabelSet set) {
        int s = start;
        for (int k = at - 1; k >= s; k--) {
            if (text.charAt(k) == '|') {
                s = k + 1;
                break;
            }
        }
        while (s < limit && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        return new FieldReader(text).labelAt(s, set);
    }

    /** Whether the note has a field with the label and a value that says something. */
    static boolean labelledWithContent(String text, FieldReader.LabelSet label) {
        return new FieldReader(text).anyWithContent(label);
    }

    /**
     * Whether the span {@code [from, to)} (a sentence or clause) states what the patient is to do later rather than
     * what was done in the visit: it has a [later] phrase ("pt to join", "after d/c", "at home"), or it is in the
     * plan: its sentence, up to the previous '.', '|' or line break (';' and ',' go on), starts with a plan label
     * ("Plan:", "P:", "HEP:").
     */
    static boolean later(NoteScan scan, int from, int to) {
        if (scan.anyWithin(PhraseLists.LATER, from, to)) {
            return true;
        }
        String text = scan.text();
        int s = from;
        // Back over ';' to where the sentence starts, or a template's field ('|', a line break).
        while (true) {
            int k = s - 1;
            while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k--;
            }
            if (k >= 0 && text.charAt(k) == ';') {
                s = scan.sentenceStart(k);
            } else {
                break;
            }
        }
        // The label at the sentence's start, or its template field's (blanks aside).
        return labelAtStart(text, s, from, to, PLAN);
    }
}
