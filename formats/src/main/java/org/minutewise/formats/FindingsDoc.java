package org.minutewise.formats;

import java.util.List;
import org.minutewise.core.check.RuleInfo;

/** docs/FINDINGS.md, generated from the rule catalog ({@code bin/minutewise rules --markdown}). */
public final class FindingsDoc {
    private FindingsDoc() {
    }

    public static String markdown(List<RuleInfo> catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Findings\n\n")
                .append("Every finding Minutewise can report, generated from the rule catalog in the code by\n")
                .append("`bin/minutewise rules --markdown > docs/FINDINGS.md`. A test fails when this file and the\n")
                .append("code drift apart. Ids are stable: a retired id is never reused.\n\n")
                .append("Severity: **block** the claim will be rejected or is wrong; **warn** a denial or audit risk;\n")
                .append("**info** worth knowing.\n\n")
                .append("Rules are versioned and effective-dated by date of service (RULES.md §8): a rule applies\n")
                .append("to the dates its source says (\"in effect from\"; none said: every date), and its version\n")
                .append("rises, with what changed, whenever what it finds changes.\n\n")
                .append("| id | severity | finding | fix | source | version |\n")
                .append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : catalog) {
            sb.append("| ").append(r.id()).append(" | ").append(r.severity().wire()).append(" | ")
                    .append(cell(r.title())).append(" | ").append(cell(r.fix())).append(" | ")
                    .append(cell(r.citationWithDates()));
            if (r.sourceUrl().startsWith("http")) {
                sb.append(" ([source](").append(r.sourceUrl()).append("))");
            }
            sb.append(" | ").append(r.version());
            if (!r.changes().isEmpty()) {
                sb.append(" (").append(cell(r.changes())).append(')');
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
