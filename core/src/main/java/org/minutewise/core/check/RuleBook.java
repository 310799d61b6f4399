package org.minutewise.core.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.check.rules.MinutesDisagreeWithPeriods;
import org.minutewise.core.check.rules.SameMinuteTwice;
import org.minutewise.core.check.rules.UnknownCode;

/**
 * The explicit list of rules (no classpath scanning) and the catalog of every finding id the engine can
 * emit. {@code bin/minutewise rules} prints this catalog; docs/FINDINGS.md is generated from it.
 */
public final class RuleBook {
    /** Emitted when a rule throws: the check failed, so the claim must not go out as if it had passed. */
    public static final RuleInfo RULE_FAILED = new RuleInfo("MW-X001", Severity.BLOCK,
            "A check could not run",
            "Report this to Minutewise support with the visit id; do not send the claim until the check runs.",
            "Minutewise engine: a rule that fails is never a silent pass", Citations.MINUTEWISE);

    private final List<Rule> rules;
    private final Map<String, RuleInfo> catalog;

    private RuleBook(List<Rule> rules, List<RuleInfo> extraInfos) {
        this.rules = List.copyOf(rules);
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            add(m, r.info());
        }
        for (RuleInfo i : extraInfos) {
            add(m, i);
        }
        this.catalog = Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, RuleInfo> m, RuleInfo info) {
        if (m.put(info.id(), info) != null) {
            throw new IllegalStateException("rule id used twice: " + info.id());
        }
    }

    /** The standard rules, in the order they run. */
    public static RuleBook standard() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new UnknownCode());
        rules.add(new MinutesDisagreeWithPeriods());
        rules.add(new SameMinuteTwice());
        return new RuleBook(rules, List.of(RULE_FAILED));
    }

    public static RuleBook of(List<Rule> rules) {
        return new RuleBook(rules, List.of(RULE_FAILED));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Every finding id the engine can emit, sorted by id. */
    public List<RuleInfo> catalog() {
        List<RuleInfo> all = new ArrayList<>(catalog.values());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    public Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(catalog.get(id));
    }
}
