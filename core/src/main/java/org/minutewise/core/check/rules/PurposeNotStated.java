package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * A payer that asks for 96 (habilitative) or 97 (rehabilitative) on every line, and a visit that does not say which
 * (no {@code purpose}; the CSV layout and FHIR have no place for it): the claim gets 97, rehabilitative being the
 * usual case, which is wrong for a child's habilitative therapy. Said, so the guess is not silent.
 */
public final class PurposeNotStated implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-M002", Severity.WARN,
            "Habilitative or rehabilitative not stated for a payer that asks",
            "Record the visit's purpose (the visit JSON's \"purpose\": \"habilitative\" for skills the patient never "
                    + "had, such as a child's developmental delay; \"rehabilitative\" for function lost to an "
                    + "illness or injury), so the lines carry 96 or 97 as it says.",
            "CPT modifiers 96 (habilitative services) and 97 (rehabilitative services), CPT 2018 on; payer profile "
                    + "(habilitativeModifiers)", "https://www.ama-assn.org/practice-management/cpt")
            .revised(2, "2026-12-08: a billed claim whose lines carry neither 96 nor 97 is told so (its lines may be "
                    + "denied), not only that the corrected lines add 97");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!ctx.payer().habilitativeModifiers() || ctx.visit().purposeStated()) {
            return;
        }
        // Billed lines carrying 96 or 97 would have given the purpose: billed ones here carry neither.
        String added = ctx.visit().billed().isEmpty() ? "97 was added, rehabilitative being the usual case"
                : "the billed lines carry neither, which the payer may deny; Minutewise's corrected lines add 97, "
                + "rehabilitative being the usual case";
        out.add(INFO.finding("purpose", "Payer " + ctx.payer().id() + " asks for 96 (habilitative) or 97 "
                + "(rehabilitative) on every line, and the visit does not say which: " + added + ". If the therapy "
                + "builds skills the patient never had (habilitative), the lines take 96 instead."));
    }
}
