package org.minutewise.core.across;

import java.util.Objects;
import org.minutewise.core.check.Finding;

/** A finding of a check across visits, on the visit it is reported against. */
public record AcrossFinding(String visitId, Finding finding) {
    public AcrossFinding {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(finding, "finding");
    }
}
