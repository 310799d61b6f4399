package org.minutewise.core.check.rules.doc;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;

/**
 * A note's labelled lines: "Response: decreased trunk lean w/ cues.", "P: cont, add EC.", and the plan they start. A
 * label counts where a field starts (the note's start, a sentence's, after '|', a tab or a run of blanks) and when its
 * value has content: "Response: none", "P: n/a" or "Plan:" alone say nothing.
 */
final class Labels {
    /** Where a field starts: the note's start, after a sentence's end, '|', '(', a tab or two blanks. */
    private static final String FIELD_START = "(?:^|(?<=[.;!?|(\\n\\r\\t])|(?<=\\s\\s))[ \\t]*";
    /** The patient's response: "Response:", "Resp:", "Pt response:", "Patient's response to tx:". */
    static final Pattern RESPONSE = Pattern.compile(FIELD_START + "(?:(?:pt|patient|pt's|patient's)\\s+)?"
            + "(?:response|resp|responses)(?:\\s+to\\s+(?:tx|treatment|session|intervention|interventions|"
            + "therapy|rx))?\\s*[:\\-\\u2013]\\s*", Pattern.CASE_INSENSITIVE);
    /** A plan's label: "P:", "Plan:", "POC:", "Plan of care:", "Recommendations:", "HEP:". */
    private static final String PLAN_LABEL = "(?:P|Plan|POC|Plan of care|Recs?|Recommendations?|D/C plan|"
            + "Discharge plan|HEP|Home program)\\s*[:\\u2013]\\s*";
    /** The plan's field, where a field starts. */
    static final Pattern PLAN = Pattern.compile(FIELD_START + PLAN_LABEL, Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAN_AT = Pattern.compile(PLAN_LABEL, Pattern.CASE_INSENSITIVE);
    /** Values that say nothing: "none", "n/a", "see above". */
    private static final Set<String> EMPTY = Set.of("none", "n/a", "na", "nil", "not", "see", "same", "-", "--",
            "?", "unknown", "tbd", "pending", "deferred");

    private Labels() {
    }

    /** Whether the note has a field with the label and a value that says something. */
    static boolean labelledWithContent(String text, Pattern label) {
        Matcher m = label.matcher(text);
        while (m.find()) {
            int s = m.end();
            int e = s;
            while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != ','
                    && text.charAt(e) != '|' && text.charAt(e) != ';') {
                e++;
            }
            String first = text.substring(s, e).toLowerCase(Locale.ROOT).replaceAll("[.]+$", "");
            if (!first.isEmpty() && first.chars().anyMatch(Character::isLetterOrDigit) && !EMPTY.contains(first)) {
                return true;
            }
        }
        return false;
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
        for (int k = from - 1; k >= s; k--) {
            if (text.charAt(k) == '|') {
                s = k + 1;
                break;
            }
        }
        // The label at the sentence's start (blanks aside).
        while (s < to && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        Matcher m = PLAN_AT.matcher(text);
        m.region(s, text.length());
        return m.lookingAt();
    }
}
