package org.minutewise.core.check;

import java.util.Objects;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.payer.PayerProfiles;

/** The reference data a check reads, passed in (core does no I/O). */
public record ReferenceData(CodeCatalog codes, PayerProfiles payers, DiagnosisCatalog diagnoses) {
    public ReferenceData {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(payers, "payers");
        Objects.requireNonNull(diagnoses, "diagnoses");
    }

    public ReferenceData withPayers(PayerProfiles p) {
        return new ReferenceData(codes, p, diagnoses);
    }
}
