package org.minutewise.core.check;

import java.util.Objects;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.payer.PayerProfiles;

/** The reference data a check reads, passed in (core does no I/O). */
public record ReferenceData(CodeCatalog codes, PayerProfiles payers) {
    public ReferenceData {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(payers, "payers");
    }
}
