package org.minutewise.formats;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.csv.CsvVisitWriter;

/** Check results in the output formats the CLI, the server and the batch audit share. */
public final class VisitOutput {
    private VisitOutput() {
    }

    /** The CSV layout, with the engine's claim lines as the billed columns (the corrected claim). */
    public static String csv(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder(CsvVisitWriter.header());
        for (CheckResult r : results) {
            sb.append(CsvVisitWriter.rows(withClaimAsBilled(r)));
        }
        return sb.toString();
    }

    /** The visit with its billed lines replaced by the claim lines the engine built. */
    public static Visit withClaimAsBilled(CheckResult r) {
        List<BilledLine> billed = new ArrayList<>();
        for (ClaimLine l : r.claim().lines()) {
            billed.add(new BilledLine(l.code(), l.modifiers(), l.units(), l.charge()));
        }
        return r.visit().toBuilder().billed(billed).build();
    }

    public static String fhir(List<CheckResult> results) {
        throw new InputException("--out", "fhir output is not available yet");
    }

    /** Visits as FHIR input-style Bundles (Patient, Encounter, Procedure, Condition, Coverage). */
    public static String fhirVisits(List<Visit> visits) {
        throw new InputException("--out", "fhir output is not available yet");
    }

    public static String x12(List<CheckResult> results, String sender, String receiver, int control) {
        throw new InputException("--out", "x12 output is not available yet");
    }
}
