package org.minutewise.core.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.across.TherapistVolume;
import org.minutewise.core.check.rules.BilledLines;
import org.minutewise.core.check.rules.CodeRules;
import org.minutewise.core.check.rules.FutureDate;
import org.minutewise.core.check.rules.GroupTime;
import org.minutewise.core.check.rules.KxThresholdRule;
import org.minutewise.core.check.rules.MinutesDisagreeWithPeriods;
import org.minutewise.core.check.rules.ModifierCount;
import org.minutewise.core.check.rules.NcciPairs;
import org.minutewise.core.check.rules.NoMinutes;
import org.minutewise.core.check.rules.OneEvaluationPerDay;
import org.minutewise.core.check.rules.PlanOfCare;
import org.minutewise.core.check.rules.SecondaryPayer;
import org.minutewise.core.check.rules.UnitLimits;
import org.minutewise.core.check.rules.WhoMayBill;
import org.minutewise.core.check.rules.doc.DocumentationRules;
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

    /** An override that names a blocking finding (or a finding not on the visit) is refused, and said so. */
    public static final RuleInfo OVERRIDE_REFUSED = new RuleInfo("MW-O001", Severity.INFO,
            "Override not applied",
            "Only warnings and information can be accepted with a reason; fix a blocking finding instead.",
            "Minutewise override policy", Citations.MINUTEWISE);

    private final List<Rule> rules;
    /** {@link #rules} as an array, for the checker's loop over every rule of every visit (no iterator). */
    private final Rule[] ruleArray;
    private final Map<String, RuleInfo> catalog;
    /** Whether any entry is effective-dated (else no finding needs its date looked at). */
    private final boolean dated;

    private RuleBook(List<Rule> rules, List<RuleInfo> extraInfos) {
        this.rules = List.copyOf(rules);
        this.ruleArray = this.rules.toArray(new Rule[0]);
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            for (RuleInfo info : r.emits()) {
                add(m, info);
            }
        }
        for (RuleInfo i : extraInfos) {
            add(m, i);
        }
        this.catalog = Collections.unmodifiableMap(m);
        this.dated = m.values().stream().anyMatch(RuleInfo::dated);
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
        rules.add(new NoMinutes());
        rules.add(new org.minutewise.core.check.rules.MinutesBeyondADay());
        rules.add(new org.minutewise.core.check.rules.CodeUnderTwoDisciplines());
        rules.add(new org.minutewise.core.check.rules.MinutesLeftOut());
        rules.add(new FutureDate());
        rules.add(new SameMinuteTwice());
        rules.add(new CodeRules());
        rules.add(new org.minutewise.core.check.rules.UnlistedCode());
        rules.add(new WhoMayBill());
        rules.add(new GroupTime());
        rules.add(new NcciPairs());
        rules.add(new UnitLimits());
        rules.add(new OneEvaluationPerDay());
        rules.add(new PlanOfCare());
        rules.add(new KxThresholdRule());
        rules.add(new ModifierCount());
        rules.add(new org.minutewise.core.check.rules.PurposeNotStated());
        rules.add(new SecondaryPayer());
        rules.add(new BilledLines());
        rules.addAll(DocumentationRules.all());
        return new RuleBook(rules, acrossVisitsAndEngine());
    }

    /** Ids the engine emits outside the per-visit rules: failures, overrides, and the checks across visits. */
    private static List<RuleInfo> acrossVisitsAndEngine() {
        List<RuleInfo> infos = new ArrayList<>(List.of(RULE_FAILED, OVERRIDE_REFUSED));
        infos.add(TherapistDay.OVERLAP);
        infos.addAll(PatientHistory.rules());
        infos.add(TherapistVolume.LOW_MINUTES_PER_UNIT);
        infos.add(PatientHistory.SPEND_CHANGED);
        return infos;
    }

    public static RuleBook of(List<Rule> rules) {
        return new RuleBook(rules, List.of(RULE_FAILED, OVERRIDE_REFUSED));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules in order, as the array the checker walks for each visit. */
    Rule[] ruleArray() {
        return ruleArray;
    }

    /** Every finding id the engine can emit, sorted by id. */
    public List<RuleInfo> catalog() {
        List<RuleInfo> all = new ArrayList<>(catalog.values());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    /**
     * The findings whose rules are in effect on the date of service (RULES.md §8): a rule whose policy began later
     * (CQ/CO from 2020, say) finds nothing on an earlier visit. The list itself when every rule applies.
     */
    public List<Finding> inEffect(List<Finding> findings, java.time.LocalDate dateOfService) {
        if (!dated) {
            return findings;
        }
        List<Finding> out = null;
        for (int i = 0; i < findings.size(); i++) {
            RuleInfo info = catalog.get(findings.get(i).ruleId());
            boolean keep = info == null || info.inEffectOn(dateOfService);
            if (!keep && out == null) {
                out = new ArrayList<>(findings.subList(0, i));
            } else if (keep && out != null) {
                out.add(findings.get(i));
            }
        }
        return out == null ? findings : out;
    }

    public Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(catalog.get(id));
    }
}
