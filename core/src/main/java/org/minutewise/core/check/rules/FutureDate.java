package org.minutewise.core.check.rules;

import java.time.LocalDate;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * A date of service after the caller's today (a mistyped year, a visit planned but not yet furnished): a claim is
 * for services furnished. Only where the check is given today (the page, the API, `check`); a day of leeway for
 * the clinic's time zone against the caller's.
 */
public final class FutureDate implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-P005", Severity.BLOCK,
            "Date of service in the future",
            "Correct the date of service (a mistyped year or month?); a service is billed once it has been "
                    + "furnished.",
            "CMS Pub 100-04 ch. 1 §70 (a claim is filed after the date of service, within one year of it)",
            Citations.CLAIMS_MANUAL_CH1);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (ctx.today().isEmpty()) {
            return;
        }
        LocalDate today = ctx.today().get();
        LocalDate dos = ctx.visit().dateOfService();
        if (dos.isAfter(today.plusDays(1))) {
            out.add(INFO.finding("dateOfService", "The date of service, " + dos + ", is after today (" + today
                    + "): the service has not been furnished yet, or the date is mistyped."));
        }
    }
}
