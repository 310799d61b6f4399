package org.minutewise.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One version of a visit: as entered, its check, and the claim lines and findings stored from it. */
public record StoredVisit(VisitSummary summary, int version, Instant savedAt, String savedBy, String visitJson,
                          String resultJson, List<StoredClaimLine> claimLines, List<StoredFinding> findings) {
    public StoredVisit {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(visitJson, "visitJson");
        Objects.requireNonNull(resultJson, "resultJson");
        claimLines = List.copyOf(claimLines);
        findings = List.copyOf(findings);
    }
}
