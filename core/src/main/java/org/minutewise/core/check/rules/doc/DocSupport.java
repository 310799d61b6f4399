package org.minutewise.core.check.rules.doc;

import java.util.ArrayList;
import java.util.List;
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
        return ctx.memo(SCAN, () -> PhraseMatcher.of(ctx.ref().phrases()).scan(ctx.visit().note().orElse("")));
    }

    /** Index of the first line of a code that ends with units, or -1 when the code is not billed. */
    static int firstBilled(CheckContext ctx, String code) {
        if (ctx.units().unitsOf(code) == 0) {
            return -1;
        }
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The lines billed as one-on-one timed services (97110-97546 and the like: {@link CodeInfo#oneOnOne()}), not
     * stated as group or supervised, whose code ends with units.
     */
    static List<Integer> oneOnOneTimed(CheckContext ctx) {
        List<ServiceLine> s = ctx.visit().services();
        List<Integer> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            ServiceLine line = s.get(i);
            CodeInfo info = ctx.codeOf(line);
            if (info != null && info.timed() && info.oneOnOne()
                    && line.mode().map(m -> m == Mode.ONE_ON_ONE).orElse(true)
                    && ctx.units().unitsOf(line.code()) > 0) {
                out.add(i);
            }
        }
        return out;
    }

    /** The distinct codes of some lines, in order: "97112, 97110". */
    static List<String> codes(CheckContext ctx, List<Integer> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i : lines) {
            String c = ctx.visit().services().get(i).code();
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
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

    /** The end of a span with trailing whitespace dropped. */
    static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
