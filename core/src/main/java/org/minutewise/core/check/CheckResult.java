package org.minutewise.core.check;

import java.util.List;
import java.util.Objects;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitResult;

/** The outcome of checking one visit: its units under the payer's method, the claim lines and the findings. */
public record CheckResult(Visit visit, PayerProfile payer, UnitResult units, Claim claim, List<Finding> findings) {
    public CheckResult {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(claim, "claim");
        findings = List.copyOf(findings);
    }

    public boolean blocks() {
        for (Finding f : findings) {
            if (f.blocks()) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
