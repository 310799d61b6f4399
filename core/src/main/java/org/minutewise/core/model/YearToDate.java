package org.minutewise.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A patient's incurred therapy expenses so far this calendar year, by KX bucket: PT and SLP share one
 * threshold, OT has its own. Includes spend at other providers when the clinic enters it.
 */
public record YearToDate(BigDecimal ptSlp, BigDecimal ot) {
    /** Not given (the object itself: a stated $0 is another instance, see {@code Patient.yearToDateGiven}). */
    public static final YearToDate NONE = new YearToDate(BigDecimal.ZERO, BigDecimal.ZERO);

    public YearToDate {
        Objects.requireNonNull(ptSlp, "ptSlp");
        Objects.requireNonNull(ot, "ot");
    }

    public BigDecimal bucket(Discipline d) {
        return d == Discipline.OT ? ot : ptSlp;
    }
}
