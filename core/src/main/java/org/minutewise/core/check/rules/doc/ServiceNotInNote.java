package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;

/**
 * A billed treatment code the note never names, by its code or by any word of its service list ("manual therapy",
 * "STM", "joint mobs" for 97140). Each treatment note identifies every intervention provided and billed, in words
 * that can be compared with the claim (CMS Pub 100-02 ch. 15 §220.3 E): a service the note does not identify is
 * denied on review, whatever its minutes. A code whose list is not loaded is not looked for.
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
                    + "MT (97140), TA (97530), SC (97535) (a therapist's review; phrase list 2026.10)");

    @Override
    public RuleInfo info() {
        return WARN;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        for (DocSupport.ListedService service : DocSupport.listedServices(ctx)) {
            String code = service.code();
            String list = service.list();
            if (DocSupport.scan(ctx).has(list)) {
                continue;
            }
            CodeInfo info = ctx.ref().codes().getOrNull(code);
            String name = info == null ? "" : " (" + info.label().split(" \\(")[0] + ")";
            out.add(WARN.finding("services[code=" + code + "]", code + name + " is billed, but the note does not "
                    + "mention it, by its code or by the words therapists use for it (such as \""
                    + String.join("\", \"", examples(ctx, list)) + "\"): nothing in the record identifies the "
                    + "service, so the line is unsupported whatever its minutes."));
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
}
