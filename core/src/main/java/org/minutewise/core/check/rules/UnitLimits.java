package org.minutewise.core.check.rules;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.edits.Mue;

/** Medically unlikely edits per code, and the payer's cap on combined timed units a day. */
public final class UnitLimits implements Rule {
    public static final RuleInfo MUE = new RuleInfo("MW-E006", Severity.BLOCK,
            "Units over the medically unlikely edit (MUE)",
            "Bill no more units than the MUE: a claim line over it is denied whole (and, for a date-of-service MUE, "
                    + "every line of the code that day), not cut back to the MUE; an ABN does not apply to MUE "
                    + "denials. Check the minutes and units; appeal with documentation only when the units were truly "
                    + "furnished.",
            "NCCI Policy Manual ch. I §V (MUE); CMS MUE table", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-05: a line MUE (adjudication indicator 1) holds each claim line to its value; a "
                    + "date-of-service MUE (2 or 3) still adds the visit's lines of the code")
            .revised(3, "2026-12-06: says that the line over the MUE is denied whole (every line of the code that day "
                    + "for a date-of-service MUE), not only the units over it (a rulebook review)");
    public static final RuleInfo PAYER_CAP = new RuleInfo("MW-E007", Severity.BLOCK,
            "Over the payer's daily limit of timed units",
            "Bill no more than the payer's daily limit, or get the payer's authorization for more.",
            "Payer profile (maxTimedUnitsPerDay); RULES.md §5", Citations.MINUTEWISE);

    @Override
    public RuleInfo info() {
        return MUE;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(MUE, PAYER_CAP);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        for (OverMue o : overMue(ctx, ClaimBuilder.of(ctx).lines())) {
            String code = o.code();
            Mue m = o.mue();
            out.add(MUE.finding("services[code=" + code + "]", code + " is billed with " + o.units() + " units"
                    + (o.perLine() ? " on one line" : "") + "; its MUE is " + m.maxUnits()
                    + (o.perLine() ? " a line" : " a day") + " (adjudication indicator " + m.indicatorText() + ")"
                    + (ctx.ref().mue().starter() ? ", from the Minutewise starter table (confirm against CMS's "
                    + "current file)" : "") + ". " + (o.perLine() ? "That claim line is denied whole, not cut to "
                    + m.maxUnits() : "Every line of " + code + " that day is denied, not only the units over "
                    + m.maxUnits()) + "."));
        }
        OptionalInt cap = ctx.payer().maxTimedUnitsPerDay();
        if (cap.isPresent() && ctx.units().timedUnits() > cap.getAsInt()) {
            out.add(PAYER_CAP.finding("services", "This visit has " + ctx.units().timedUnits() + " timed units; "
                    + "payer " + ctx.payer().id() + " allows at most " + cap.getAsInt() + " timed units a day."));
        }
    }

    /**
     * A code billed over its MUE: the units held against it (its largest claim line, or the day's lines added up)
     * and the MUE.
     */
    record OverMue(String code, int units, Mue mue) {
        /** A line MUE (adjudication indicator 1): each claim line is held to it, not the day. */
        boolean perLine() {
            return mue.adjudicationIndicator() == 1;
        }
    }

    /**
     * The codes of the claim's lines billed over their MUE, in the order of their first line (MW-E006, and MW-K006's
     * sentence that an ABN does not cover them). The units a code's MUE is held against: the day's (the lines of the
     * code added up) for a date-of-service MUE (indicator 2 or 3), the largest single claim line for a line MUE
     * (indicator 1).
     */
    static List<OverMue> overMue(CheckContext ctx, List<ClaimLine> lines) {
        // A claim has a handful of lines: each code's units are added up over its lines in place, no map.
        List<OverMue> over = List.of();
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).code();
            if (seenBefore(lines, i, code)) {
                continue;
            }
            Optional<Mue> found = ctx.ref().mue().find(code, ctx.visit().dateOfService());
            if (found.isEmpty()) {
                continue;
            }
            Mue m = found.get();
            int total = 0;
            int largestLine = Integer.MIN_VALUE;
            for (int j = i; j < lines.size(); j++) {
                ClaimLine l = lines.get(j);
                if (l.code().equals(code)) {
                    total += l.units();
                    largestLine = Math.max(largestLine, l.units());
                }
            }
            int units = m.adjudicationIndicator() == 1 ? largestLine : total;
            if (units > m.maxUnits()) {
                if (over.isEmpty()) {
                    over = new java.util.ArrayList<>(2);
                }
                over.add(new OverMue(code, units, m));
            }
        }
        return over;
    }

    /** Whether a line before {@code i} has the code. */
    private static boolean seenBefore(List<ClaimLine> lines, int i, String code) {
        for (int j = 0; j < i; j++) {
            if (lines.get(j).code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    static String mueText(Mue m) {
        return m.code() + " " + m.maxUnits();
    }
}
