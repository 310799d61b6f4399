package org.minutewise.core.claim;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.CodeUnits;

/** The NCCI pairs among a visit's billed codes, and whether each may be bypassed (shared by claim and rules). */
public final class NcciAnalysis {
    public enum Status {
        /** Indicator 1 and the documented times show different intervals: 59/X goes on column two. */
        BYPASSED,
        /** Indicator 0: no modifier can bypass it. */
        NOT_BYPASSABLE,
        /** The two services' periods overlap: they were not done in different time intervals. */
        OVERLAP,
        /** No start and end times for one of them: nothing shows different intervals. */
        NO_TIMES,
        /** The payer denies 59/X on this pair whatever the documentation. */
        PAYER_DENIES
    }

    public record Pair(PtpEdit edit, Status status) {
    }

    private NcciAnalysis() {
    }

    public static List<Pair> of(CheckContext ctx) {
        return ctx.memo(NcciAnalysis.class, () -> compute(ctx));
    }

    private static List<Pair> compute(CheckContext ctx) {
        List<String> billed = new ArrayList<>();
        for (CodeUnits cu : ctx.units().lines()) {
            if (cu.units() > 0 && !billed.contains(cu.code())) {
                billed.add(cu.code());
            }
        }
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < billed.size(); i++) {
            for (int j = i + 1; j < billed.size(); j++) {
                ctx.ref().ptp().find(billed.get(i), billed.get(j), ctx.visit().dateOfService())
                        .ifPresent(e -> out.add(new Pair(e, status(ctx, e))));
            }
        }
        return out;
    }

    private static Status status(CheckContext ctx, PtpEdit e) {
        if (!e.bypassable()) {
            return Status.NOT_BYPASSABLE;
        }
        if (ctx.payer().deniesDistinctModifier(e.column1(), e.column2())) {
            return Status.PAYER_DENIES;
        }
        List<Period> a = periods(ctx, e.column1());
        List<Period> b = periods(ctx, e.column2());
        if (a == null || b == null) {
            return Status.NO_TIMES;
        }
        for (Period p : a) {
            for (Period q : b) {
                if (p.overlaps(q)) {
                    return Status.OVERLAP;
                }
            }
        }
        return Status.BYPASSED;
    }

    /** All periods of a code, or null when any of its lines has none. */
    private static List<Period> periods(CheckContext ctx, String code) {
        List<Period> out = new ArrayList<>();
        for (ServiceLine l : ctx.visit().services()) {
            if (l.code().equals(code)) {
                if (l.periods().isEmpty()) {
                    return null;
                }
                out.addAll(l.periods());
            }
        }
        return out;
    }
}
