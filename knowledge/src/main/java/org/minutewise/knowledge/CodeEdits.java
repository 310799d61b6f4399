package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Where code cards get their NCCI pairs and unit limits from: the hook for edit tables. Today the knowledge
 * base uses the starter table of cards.json (RULES.md §5 stated as data, clearly sourced); when refdata ships
 * the CMS PTP and MUE tables, wrap them in a {@code CodeEdits} and pass it to
 * {@link KnowledgeBase.Builder#edits(CodeEdits)}: the cards then show those instead of, or beside, the starter
 * rows.
 */
public interface CodeEdits {
    /** Every pair in which the code is column one or column two. */
    List<PairEdit> pairs(String code);

    /** The unit limits of the code (usually zero or one). */
    List<UnitLimit> limits(String code);

    /** No pairs, no limits. */
    static CodeEdits none() {
        return of(List.of(), List.of());
    }

    /** A fixed table. */
    static CodeEdits of(List<PairEdit> pairs, List<UnitLimit> limits) {
        List<PairEdit> ps = List.copyOf(pairs);
        List<UnitLimit> ls = List.copyOf(limits);
        return new CodeEdits() {
            @Override
            public List<PairEdit> pairs(String code) {
                List<PairEdit> out = new ArrayList<>();
                for (PairEdit p : ps) {
                    if (p.touches(code)) {
                        out.add(p);
                    }
                }
                return out;
            }

            @Override
            public List<UnitLimit> limits(String code) {
                List<UnitLimit> out = new ArrayList<>();
                for (UnitLimit l : ls) {
                    if (l.code().equals(code)) {
                        out.add(l);
                    }
                }
                return out;
            }
        };
    }

    /**
     * The reference data's edit tables as the cards show them: every PTP edit not deleted (indicator 9 or a
     * deletion date), every code's latest MUE, each with the note the curated rows give the same pair or code.
     */
    static CodeEdits fromTables(org.minutewise.core.edits.PtpTable ptp, org.minutewise.core.edits.MueTable mue,
                                List<PairEdit> notes, List<UnitLimit> limitNotes) {
        String ptpSource = ptp.starter() ? "Minutewise starter NCCI table " + ptp.version()
                + " (RULES.md §4-§5) [2nd, verify]" : "NCCI PTP file " + ptp.version();
        List<PairEdit> pairs = new ArrayList<>();
        for (org.minutewise.core.edits.PtpEdit e : ptp.all()) {
            if (e.modifierIndicator() == 9 || e.deleted().isPresent()) {
                continue;
            }
            String note = "";
            for (PairEdit n : notes) {
                if (n.column1().equals(e.column1()) && n.column2().equals(e.column2())) {
                    note = n.note();
                }
            }
            pairs.add(new PairEdit(e.column1(), e.column2(), String.valueOf(e.modifierIndicator()), note,
                    ptpSource));
        }
        String mueSource = mue.starter() ? "Minutewise starter MUE table " + mue.version() + " [2nd, verify]"
                : "MUE file " + mue.version();
        List<UnitLimit> limits = new ArrayList<>();
        for (org.minutewise.core.edits.Mue m : mue.latest()) {
            String note = "";
            for (UnitLimit n : limitNotes) {
                if (n.code().equals(m.code())) {
                    note = n.note();
                }
            }
            limits.add(new UnitLimit(m.code(), m.maxUnits(), String.valueOf(m.adjudicationIndicator()), note,
                    mueSource));
        }
        return of(pairs, limits);
    }

    /** This table, then another one's rows that this one lacks (same code pair, or same code for a limit). */
    default CodeEdits then(CodeEdits other) {
        CodeEdits first = this;
        return new CodeEdits() {
            @Override
            public List<PairEdit> pairs(String code) {
                List<PairEdit> out = new ArrayList<>(first.pairs(code));
                for (PairEdit p : other.pairs(code)) {
                    boolean dup = false;
                    for (PairEdit q : out) {
                        dup |= q.column1().equals(p.column1()) && q.column2().equals(p.column2());
                    }
                    if (!dup) {
                        out.add(p);
                    }
                }
                return out;
            }

            @Override
            public List<UnitLimit> limits(String code) {
                List<UnitLimit> out = new ArrayList<>(first.limits(code));
                if (out.isEmpty()) {
                    out.addAll(other.limits(code));
                }
                return out;
            }
        };
    }
}
