package org.minutewise.core.check;

import java.util.List;

/**
 * One check. A rule is a small class with a stable id ({@link #info()}); it reads the context and adds
 * findings. Rules are listed explicitly in {@link RuleBook}; an exception thrown by a rule becomes a
 * blocking finding (MW-X001), never a silent pass; so does one thrown while the units are counted, before any rule
 * runs (the visit is then not checked at all, and its result says so).
 */
public interface Rule {
    /** The rule's main catalog entry (its id names the rule in failures). */
    RuleInfo info();

    /** Every finding id this rule may emit; the catalog is built from these, so it cannot drift from the code. */
    default List<RuleInfo> emits() {
        return List.of(info());
    }

    void check(CheckContext ctx, List<Finding> out);
}
