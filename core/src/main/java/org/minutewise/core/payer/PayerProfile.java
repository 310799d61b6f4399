package org.minutewise.core.payer;

import java.util.Objects;
import java.util.OptionalInt;
import org.minutewise.core.units.UnitMethod;

/**
 * How one payer (or plan) wants therapy billed: the unit method and its limits (RULES.md §3.3).
 *
 * @param id                     the id a visit names in {@code payer}, e.g. {@code medicare}
 * @param name                   a readable name
 * @param kind                   the kind of program (Medicare fee for service has rules of its own)
 * @param method                 CMS total-time or CPT per-code
 * @param sendZeroUnitLines      whether a code that ends with 0 units is still sent as a claim line
 * @param requiresStartStopTimes whether the payer wants start and end times for each timed code
 * @param maxTimedUnitsPerDay    a cap on combined timed units a day, if the payer has one
 * @param source                 where the profile came from: {@code built-in} or a file name
 */
public record PayerProfile(String id, String name, PayerKind kind, UnitMethod method, boolean sendZeroUnitLines,
                           boolean requiresStartStopTimes, OptionalInt maxTimedUnitsPerDay, String source) {

    public PayerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(maxTimedUnitsPerDay, "maxTimedUnitsPerDay");
        Objects.requireNonNull(source, "source");
    }

    public PayerProfile withMethod(UnitMethod m) {
        return new PayerProfile(id, name, kind, m, sendZeroUnitLines, requiresStartStopTimes, maxTimedUnitsPerDay,
                source);
    }

    public boolean isMedicare() {
        return kind == PayerKind.MEDICARE;
    }
}
