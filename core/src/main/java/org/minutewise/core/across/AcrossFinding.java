package org.minutewise.core.across;

import java.math.BigDecimal;
import java.util.Objects;
import org.minutewise.core.check.Finding;

/**
 * A finding of a check across visits, on the visit it is reported against. A missing KX (MW-A003) also says what
 * it exposes: the lines billed without KX past the threshold and their allowed amounts as counted (after the
 * day's reduction), which Medicare would deny. A duplicate claim (MW-A006) says the same of the lines that bill a
 * service again: {@code exposedLines} then counts their units, {@code exposedDollars} their allowed amounts.
 */
public record AcrossFinding(String visitId, Finding finding, long exposedLines, BigDecimal exposedDollars) {
    public AcrossFinding {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(exposedDollars, "exposedDollars");
    }

    public AcrossFinding(String visitId, Finding finding) {
        this(visitId, finding, 0, BigDecimal.ZERO);
    }
}
