package org.minutewise.formats;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.csv.CsvVisitWriter;
import org.minutewise.formats.fhir.FhirClaimWriter;
import org.minutewise.formats.fhir.FhirR4;
import org.minutewise.formats.fhir.FhirVisitWriter;
import java.time.ZoneOffset;

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

    /** A FHIR R4 Bundle with a Claim and an OperationOutcome per visit (and the resources they refer to). */
    public static String fhir(List<CheckResult> results) {
        List<FhirClaimWriter.Entry> entries = new ArrayList<>();
        results.forEach(r -> entries.add(FhirClaimWriter.Entry.checked(r)));
        return FhirClaimWriter.writeAll(entries) + "\n";
    }

    /** Visits as FHIR input-style Bundles (Patient, Encounter, Procedure, Condition, Coverage). */
    public static String fhirVisits(List<Visit> visits) {
        return FhirR4.jsonParser().setPrettyPrint(true).encodeResourceToString(FhirVisitWriter.bundle(visits,
                ZoneOffset.UTC)) + "\n";
    }

    public static String x12(List<CheckResult> results, String sender, String receiver, int control) {
        throw new InputException("--out", "x12 output is not available yet");
    }
}
