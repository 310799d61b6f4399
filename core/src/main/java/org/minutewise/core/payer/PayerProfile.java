package org.minutewise.core.payer;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.minutewise.core.units.UnitMethod;

/**
 * How one payer (or plan) wants therapy billed: the unit method, its limits and modifier preferences
 * (RULES.md §3.3, §4).
 *
 * @param id                     the id a visit names in {@code payer}, e.g. {@code medicare}
 * @param name                   a readable name
 * @param kind                   the kind of program (Medicare fee for service has rules of its own)
 * @param method                 CMS total-time or CPT per-code
 * @param sendZeroUnitLines      whether a code that ends with 0 units is still sent as a claim line
 * @param requiresStartStopTimes whether the payer wants start and end times for each timed code
 * @param maxTimedUnitsPerDay    a cap on combined timed units a day, if the payer has one
 * @param distinctModifier       the modifier that bypasses an NCCI pair: 59, or XU/XE/XS/XP
 * @param assistantModifiers     whether CQ/CO mark an assistant's units (Medicare and payers that follow it)
 * @param habilitativeModifiers  whether lines carry 96 (habilitative) or 97 (rehabilitative)
 * @param deniedDistinctPairs    NCCI pairs ("97530/97140") on which this payer denies 59/X whatever the notes
 * @param source                 where the profile came from: {@code built-in} or a file name
 */
public record PayerProfile(String id, String name, PayerKind kind, UnitMethod method, boolean sendZeroUnitLines,
                           boolean requiresStartStopTimes, OptionalInt maxTimedUnitsPerDay, String distinctModifier,
                           boolean assistantModifiers, boolean habilitativeModifiers,
                           Set<String> deniedDistinctPairs, String source) {

    public static final Set<String> DISTINCT_MODIFIERS = Set.of("59", "XU", "XE", "XS", "XP");

    public PayerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(maxTimedUnitsPerDay, "maxTimedUnitsPerDay");
        Objects.requireNonNull(distinctModifier, "distinctModifier");
        if (!DISTINCT_MODIFIERS.contains(distinctModifier)) {
            throw new IllegalArgumentException("distinct modifier must be one of 59, XU, XE, XS, XP");
        }
        deniedDistinctPairs = Set.copyOf(deniedDistinctPairs);
        Objects.requireNonNull(source, "source");
    }

    /** A profile with the defaults of its kind: Medicare uses CQ/CO; nobody asks for 96/97 by default. */
    public static PayerProfile simple(String id, PayerKind kind, UnitMethod method) {
        return new PayerProfile(id, id, kind, method, false, false, OptionalInt.empty(), "59",
                kind == PayerKind.MEDICARE, false, Set.of(), "built-in");
    }

    public PayerProfile withMethod(UnitMethod m) {
        return new PayerProfile(id, name, kind, m, sendZeroUnitLines, requiresStartStopTimes, maxTimedUnitsPerDay,
                distinctModifier, assistantModifiers, habilitativeModifiers, deniedDistinctPairs, source);
    }

    public boolean isMedicare() {
        return kind == PayerKind.MEDICARE;
    }

    public boolean deniesDistinctModifier(String column1, String column2) {
        return deniedDistinctPairs.contains(column1 + "/" + column2)
                || deniedDistinctPairs.contains(column2 + "/" + column1);
    }
}
