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
    public static final List<String> REQUIRED = List.of("visitId", "dateOfService", "payer", "planOfCare", "code",
            "role");

    private CsvLayout() {
    }
}
