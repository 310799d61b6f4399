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
