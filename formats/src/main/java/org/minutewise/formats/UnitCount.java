package org.minutewise.formats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.check.CodeLevelCheck;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.rules.UnknownCode;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;

/**
 * A unit count of codes and minutes, as `units` and {@code POST /api/v1/units} make it: the units, and the findings
 * the codes alone tell (a code not in the catalog, then {@link CodeLevelCheck}). One place for both, so the command
 * and the API answer alike.
 */
public final class UnitCount {
    private UnitCount() {
    }

    /** The units and their findings. */
    public record Counted(UnitResult units, List<Finding> findings) {
    }

    /**
     * Counts {@code input}: refuses (naming {@code field}) more minutes than a day has, reports each unknown code
     * once (its finding's path from {@code paths}, one per item), then the code-level findings on the date.
     */
    public static Counted of(List<CodeMinutes> input, List<String> paths, String field, UnitMethod method,
                             PayerProfile payer, ReferenceData ref, LocalDate dateOfService) {
        int day = 0;
        for (CodeMinutes cm : input) {
            day += cm.minutes();
        }
        if (day > VisitJsonReader.MAX_MINUTES) {
            throw new InputException(field, "the minutes add up to " + day + ", more than a day has ("
                    + VisitJsonReader.MAX_MINUTES + "); a minute belongs to one code");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String code = input.get(i).code();
            if (ref.codes().getOrNull(code) == null && !reported.contains(code)) {
                reported.add(code);
                findings.add(UnknownCode.INFO.finding(paths.get(i), "Code " + code + " is not in the Minutewise code "
                        + "catalog (version " + ref.codes().version() + "). It is kept with 0 units; its minutes are "
                        + "not counted toward the timed total."));
            }
        }
        UnitResult r = UnitCalculator.compute(method, input, ref.codes());
        findings.addAll(CodeLevelCheck.of(input, r, payer, ref, dateOfService));
        return new Counted(r, findings);
    }

    /** The date of service given ({@code field} named when it is not a day), else {@code today}. */
    public static LocalDate date(Optional<String> given, String field, LocalDate today) {
        if (given.isEmpty()) {
            return today;
        }
        String t = given.get();
        if (!t.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            // YYYY-MM-DD only: LocalDate.parse also takes an expanded year (+10000-01-01), which a visit refuses.
            throw new InputException(field, VisitJsonReader.dateProblem(t));
        }
        LocalDate d;
        try {
            d = LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new InputException(field, VisitJsonReader.dateProblem(t));
        }
        if (d.getYear() < VisitJsonReader.MIN_YEAR || d.getYear() > VisitJsonReader.MAX_YEAR) {
            // As a visit's dateOfService.
            throw new InputException(field, "year out of range: " + t + " (" + VisitJsonReader.MIN_YEAR + " to "
                    + VisitJsonReader.MAX_YEAR + ")");
        }
        return d;
    }
}
