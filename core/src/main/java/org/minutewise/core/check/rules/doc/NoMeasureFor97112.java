package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.PhraseLists;

/**
 * 97112 billed, and the note records no objective balance or coordination measure. Info: measures are expected
 * "where available", not in every note (RULES.md §7).
 *
 * <p>A measure that is also an exercise (a phrase of both [measure] and [technique]: "SLS", "single-leg stance") is a
 * measure only with its result ("tandem stance" too): a time in seconds within {@value #RESULT_WORDS} words after it in its clause ("SLS
 * R 4 s", "SLS < 3 s R", "single-leg stance EO 20 sec"), not a dose ("SLS on foam 3x20 s", "SLS 30 s x 5"). Named as
 * what the patient practised ("tandem stance, SLS, marching on foam") it is a technique (MW-D005's), no measure.
 * A measure the note says was not done ("Berg deferred d/t fatigue", "Held: vestibular testing, BERG": {@link
 * ServiceNotInNote#notDone}) is not recorded. A measured change in a sentence that names the deficit is a measure of it ("joint position retraining on R knee
 * (blindfolded matching 30/60 deg, error 8 -> 4 deg)": {@link MeasuredChange#ofDeficit}).
 */
public final class NoMeasureFor97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D006", Severity.INFO,
            "97112 without an objective measure",
            "Record a measure when one is taken, e.g. \"Berg 41/56\", \"TUG 14 s\", \"single-leg stance 6 s on "
                    + "the left\"; at least in progress notes.",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: single-leg stance (\"SLS\") named as an exercise (\"tandem stance, SLS, marching "
                    + "on foam\", \"SLS on foam 3x20 s\") is a technique, not a measure; it is a measure with its "
                    + "time (\"SLS R 4 s\", \"SLS < 3 s\"), as a timed tandem stance is (\"tandem stance 9 s (was "
                    + "6)\") (a therapist's review; phrase list 2026.11)")
            .revised(3, "2026-12-07: a measured change in a sentence that names the deficit is a measure of it "
                    + "(\"joint position retraining on R knee (blindfolded matching 30/60 deg, error 8 -> 4 deg)\"); "
                    + "\"joint repositioning error\" is a measure (a billing expert's review; phrase list 2026.12)")
            .revised(4, "2026-12-07: a measure the note says was not done is not recorded (\"Berg deferred d/t "
                    + "fatigue\", \"Held: vestibular testing, BERG\", \"Not tested: proprioception, Romberg\"; as "
                    + "MW-D019 reads a service), and the message quotes it; \"Berg 42/56, TUG deferred\" still records "
                    + "one (phrase list 2026.19)")
            .revised(5, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Deferred:\\n* Berg\\n* "
                    + "TUG\" recorded a measure; the heading covered nothing, its clause ending at the line break); "
                    + "a blank line or a line that is no bullet ends the list: \"Deferred:\\n* TUG\\nBerg 44/56\" "
                    + "still records one");

    /** The most words between an exercise-measure and its result: "SLS eyes open R 9 s". */
    static final int RESULT_WORDS = 4;
    /** No result is looked for further than this many characters after the phrase. */
    private static final int RESULT_REACH = 40;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.MEASURE)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        int line = DocSupport.first97112(ctx);
        if (line < 0 || DocSupport.measured(ctx, PhraseLists.MEASURE)
                || MeasuredChange.ofDeficit(DocSupport.scan(ctx))) {
            return; // "Berg 42/56", "SLS R 4 s", "joint position retraining (... error 8 -> 4 deg)"
        }
        String notDone = DocSupport.onlyNotDone(DocSupport.scan(ctx), PhraseLists.MEASURE);
        out.add(INFO.finding(CheckContext.path(line), "97112 is billed, but the note records no objective balance "
                + "or coordination measure (such as Berg, Tinetti, TUG, single-leg stance time, Romberg, DGI)"
                + (notDone == null ? "" : "; it names one only as not done: " + notDone) + ". "
                + "Measures are not required in every note, but they are the plainest evidence of the deficit "
                + "and of progress."));
    }

    /**
     * Whether a time in seconds follows {@code [start, end)} in its clause: within {@value #RESULT_WORDS} words
     * ("SLS eyes open R 9 s", "SLS: R 5 sec", "SLS < 3 s"), a number not after "x" ("3x20 s", "x 30 s" is a dose),
     * then "s", "sec", "secs", "second", "seconds" or '"', not followed by "x" and a count ("30 s x 5").
     */
    static boolean resultFollows(String text, int start, int end) {
        int limit = Math.min(text.length(), end + RESULT_REACH);
        int words = 0;
        int i = end;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))) || c == ','
                    || c == ';' || c == '|' || c == '\n' || c == '\r') {
                return false; // the clause ends
            }
            if (Character.isDigit(c)) {
                int s = i;
                while (i < limit && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                }
                if (!dose(text, s) && seconds(text, i)) {
                    return true;
                }
                if (++words > RESULT_WORDS) {
                    return false;
                }
                continue;
            }
            if (Character.isLetter(c)) {
                while (i < limit && Character.isLetterOrDigit(text.charAt(i)) && !startsNumber(text, i)) {
                    i++;
                }
                if (++words > RESULT_WORDS) {
                    return false;
                }
                continue;
            }
            i++; // blanks, ':', '<', '>', '~', '(', ')', '/'
        }
        return false;
    }

    /** A digit after a letter that is "x" ("3x20", "x20"): the count of a dose starts there. */
    private static boolean startsNumber(String text, int i) {
        return Character.isDigit(text.charAt(i)) && i > 0 && isTimes(text.charAt(i - 1));
    }

    /** Whether the number starting at {@code s} follows "x" ("3x20 s", "x 30 s"): a dose, not a result. */
    private static boolean dose(String text, int s) {
        int j = s - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && isTimes(text.charAt(j)) && (j == 0 || !Character.isLetter(text.charAt(j - 1)));
    }

    private static boolean isTimes(char c) {
        return c == 'x' || c == 'X' || c == '\u00D7';
    }

    /** Whether a seconds unit starts at {@code i} (blanks aside) and no "x" and a count follows it. */
    private static boolean seconds(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        int e = j;
        if (e < text.length() && text.charAt(e) == '"') {
            e++;
        } else {
            while (e < text.length() && Character.isLetter(text.charAt(e))) {
                e++;
            }
            String unit = text.substring(j, e).toLowerCase(java.util.Locale.ROOT);
            if (!(unit.equals("s") || unit.equals("sec") || unit.equals("secs") || unit.equals("second")
                    || unit.equals("seconds"))) {
                return false;
            }
        }
        // "30 s x 5": a hold of a dose.
        int k = e;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        return !(k < text.length() && isTimes(text.charAt(k))
                && (k + 1 == text.length() || !Character.isLetter(text.charAt(k + 1))));
    }
}
