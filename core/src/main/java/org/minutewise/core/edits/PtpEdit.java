package org.minutewise.core.edits;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An NCCI procedure-to-procedure edit: column two is not paid beside column one on the same day unless a
 * modifier may bypass it (indicator 1) and the clinical facts justify one.
 *
 * @param modifierIndicator 0 no modifier can bypass; 1 59 or an X modifier allowed; 9 deleted (not applied)
 */
public record PtpEdit(String column1, String column2, LocalDate effective, Optional<LocalDate> deleted,
                      int modifierIndicator) {
    public PtpEdit {
        Objects.requireNonNull(column1, "column1");
        Objects.requireNonNull(column2, "column2");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(deleted, "deleted");
        if (modifierIndicator != 0 && modifierIndicator != 1 && modifierIndicator != 9) {
            throw new IllegalArgumentException("modifier indicator must be 0, 1 or 9: " + modifierIndicator);
        }
    }

    public boolean activeOn(LocalDate date) {
        return modifierIndicator != 9 && !date.isBefore(effective) && (deleted.isEmpty()
                || date.isBefore(deleted.get()));
    }

    public boolean bypassable() {
        return modifierIndicator == 1;
    }
}
