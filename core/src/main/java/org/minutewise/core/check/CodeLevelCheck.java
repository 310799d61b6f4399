package org.minutewise.core.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.minutewise.core.check.rules.CodeRules;
import org.minutewise.core.check.rules.NcciPairs;
import org.minutewise.core.check.rules.OneEvaluationPerDay;
import org.minutewise.core.check.rules.UnitLimits;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitResult;

/**
 * The findings that need only codes, units, a payer and a date: what a unit count (codes and minutes, no note, no
 * diagnosis, no clinician) can already say. The codes a payer does not take (MW-C002, MW-C003), the 97129/97130
 * split (MW-C004), a code not valid on the date (MW-C005), the unit limits (MW-E006, MW-E007) and two evaluations of
 * a discipline in a day (MW-E008), and the NCCI pairs the codes alone show (RULES.md §4-§5): a pair no modifier
 * bypasses (MW-E001), a pair that needs separate time intervals for 59/X (MW-E003: a count has no times, so nothing
 * is said of an overlap), a payer that denies 59/X on it (MW-E005), therapy beside manipulation without regions
 * (MW-E010). The same rule classes as the full check, on a visit made of the codes alone; a
 * finding's path is the code it is about.
 */
public final class CodeLevelCheck {
    /** The ids a unit count reports; the rest of those rules need what a count does not have (a diagnosis). */
    public static final Set<String> IDS = Set.of(CodeRules.CODE_97014_MEDICARE.id(), CodeRules.CODE_97010_MEDICARE.id(),
            CodeRules.G0283_NOT_MEDICARE.id(),
            CodeRules.COGNITIVE.id(), CodeRules.NOT_EFFECTIVE.id(), UnitLimits.MUE.id(), UnitLimits.PAYER_CAP.id(),
            OneEvaluationPerDay.INFO.id(), NcciPairs.NOT_BYPASSABLE.id(), NcciPairs.NO_TIMES.id(),
            NcciPairs.PAYER_DENIES.id(), NcciPairs.NO_REGIONS.id());
    private static final List<Rule> RULES = List.of(new CodeRules(), new UnitLimits(), new OneEvaluationPerDay(),
            new NcciPairs());

    private CodeLevelCheck() {
    }

    /**
     * The code-level findings of a unit count.
     *
     * @param dateOfService the date the limits and code dates are read for (the caller's: no clock here)
     */
    public static List<Finding> of(List<CodeMinutes> input, UnitResult units, PayerProfile payer,
                                   ReferenceData ref, LocalDate dateOfService) {
        Visit.Builder b = Visit.builder("units", dateOfService).payer(payer.id());
        List<String> codes = new ArrayList<>();
        for (CodeMinutes cm : input) {
            CodeInfo info = ref.codes().getOrNull(cm.code());
            ServiceLine l = ServiceLine.of(cm.code(), cm.minutes(), Role.PT);
            if (info != null && info.disciplines().size() == 1) {
                // An OT evaluation beside a PT one is two disciplines' evaluations, not two PT evaluations.
                Discipline d = info.disciplines().iterator().next();
                l = l.withDiscipline(d).withProvider(org.minutewise.core.model.Provider.of(Role.therapistOf(d)));
            }
            b.service(l);
            codes.add(cm.code());
        }
        CheckContext ctx = new CheckContext(b.build(), payer, ref, units);
        List<Finding> all = new ArrayList<>();
        for (Rule r : RULES) {
            r.check(ctx, all);
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : all) {
            if (IDS.contains(f.ruleId())) {
                out.add(f.withPath(codeOf(f.path(), codes)));
            }
        }
        return out;
    }

    /** {@code services[2].code} to the code of input 2, {@code services[code=97112]} to 97112; others as they are. */
    private static String codeOf(String path, List<String> codes) {
        if (path.startsWith("services[code=")) {
            return path.substring(14, path.indexOf(']'));
        }
        if (path.startsWith("services[")) {
            int end = path.indexOf(']');
            try {
                return codes.get(Integer.parseInt(path.substring(9, end)));
            } catch (RuntimeException e) {
                return path;
            }
        }
        return path;
    }
}
