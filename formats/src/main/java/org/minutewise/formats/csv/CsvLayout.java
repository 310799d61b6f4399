package org.minutewise.formats.csv;

import java.util.List;

/**
 * The documented CSV layout: one row per service line (a line with several periods takes a row per period).
 * Columns are found by their header name, so order is free and unknown columns are ignored. The visit's fields
 * are read from its first row; {@code note} is quoted and only on the visit's first row. Diagnoses, billed
 * modifiers and a line's body regions ({@code regions}: lumbar;cervical) are separated by ';'. {@code billedUnits}, {@code billedModifiers} and {@code charge} are set when
 * the input is billed claims.
 */
public final class CsvLayout {
    public static final List<String> COLUMNS = List.of("visitId", "dateOfService", "payer", "setting", "planOfCare",
            "patientId", "diagnoses", "code", "minutes", "start", "end", "providerId", "role", "mode", "billedUnits",
            "billedModifiers", "charge", "note");
    /** Optional columns Minutewise also reads and writes, after the documented ones. */
    public static final List<String> EXTRA_COLUMNS = List.of("totalTreatmentMinutes", "supervisorId", "discipline",
            "certificationFrom", "certificationTo", "certificationPhysician", "regions", "certificationPhysicianNpi",
            "progressReport", "continuation", "claimFrequency", "payerClaimControlNumber", "secondaryPayer",
            "secondaryClaimFilingIndicator", "secondaryInsuranceType");
    /**
     * Optional columns read as the others, but written (after {@link #EXTRA_COLUMNS}, in this order) only when some
     * visit written has a value for them, so that a file of visits without them keeps the header it always had:
     * {@code description}, a service line's description (the visit JSON's {@code services[].description}, 837P
     * SV101-7: an unlisted code's); {@code billedDiagnosisPointers}, a billed line's pointers into the visit's
     * diagnoses separated by ';' (the visit JSON's {@code billed[].diagnosisPointers}, 837P SV107);
     * {@code providerName} and {@code supervisorName}, the clinician's and the supervising therapist's names (the
     * visit JSON's {@code services[].provider.name} and {@code .supervisorName}, as an 837 names them).
     */
    public static final List<String> WHEN_GIVEN_COLUMNS = List.of("description", "billedDiagnosisPointers",
            "providerName", "supervisorName");
    public static final List<String> REQUIRED = List.of("visitId", "dateOfService", "payer", "planOfCare", "code",
            "role");

    private CsvLayout() {
    }
}
