package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One documented therapy visit: one patient, one date of service, one or more service lines.
 * Optional clinical and billing data is {@link Optional}; a missing note or diagnosis is a finding for
 * the checks that need it, never an input error. Build one with {@link #builder(String, LocalDate)}.
 * {@code billed} holds the lines as billed elsewhere when the input is a claim (837P, CSV with billed units);
 * it is empty for a documented visit. {@code progressReport}: the visit's documentation holds a progress report
 * (Medicare's at least every 10 treatment days), which is documentation, not a billed service.
 * {@code purposeStated}: whether the visit says its {@code purpose} (an input that has no place for it, or leaves it
 * out, gives rehabilitative, which payers asking for 96/97 are told: MW-M002). A visit built without a purpose whose
 * billed lines carry 96 or 97 takes the purpose they say ({@link Purpose#ofBilled}), whatever the reader.
 */
public record Visit(String id, LocalDate dateOfService, String payer, Discipline planOfCare, Setting setting,
                    Patient patient, List<String> diagnoses, OptionalInt totalTreatmentMinutes,
                    List<ServiceLine> services, Optional<String> note, Optional<String> previousNote,
                    Optional<Abn> abn, Optional<Certification> certification,
                    Optional<Authorization> authorization, List<FindingOverride> overrides,
                    Optional<String> secondaryPayer, Purpose purpose, Optional<String> locality,
                    ClaimInfo claimInfo, List<BilledLine> billed, boolean progressReport, boolean purposeStated) {

    /** A visit whose {@code purpose} is taken as stated (the library's constructor before {@code purposeStated}). */
    public Visit(String id, LocalDate dateOfService, String payer, Discipline planOfCare, Setting setting,
                 Patient patient, List<String> diagnoses, OptionalInt totalTreatmentMinutes,
                 List<ServiceLine> services, Optional<String> note, Optional<String> previousNote,
                 Optional<Abn> abn, Optional<Certification> certification,
                 Optional<Authorization> authorization, List<FindingOverride> overrides,
                 Optional<String> secondaryPayer, Purpose purpose, Optional<String> locality,
                 ClaimInfo claimInfo, List<BilledLine> billed, boolean progressReport) {
        this(id, dateOfService, payer, planOfCare, setting, patient, diagnoses, totalTreatmentMinutes, services, note,
                previousNote, abn, certification, authorization, overrides, secondaryPayer, purpose, locality,
                claimInfo, billed, progressReport, true);
    }

    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dateOfService, "dateOfService");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(planOfCare, "planOfCare");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(patient, "patient");
        diagnoses = List.copyOf(diagnoses);
        Objects.requireNonNull(totalTreatmentMinutes, "totalTreatmentMinutes");
        services = List.copyOf(services);
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(previousNote, "previousNote");
        Objects.requireNonNull(abn, "abn");
        Objects.requireNonNull(certification, "certification");
        Objects.requireNonNull(authorization, "authorization");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(secondaryPayer, "secondaryPayer");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(claimInfo, "claimInfo");
        billed = List.copyOf(billed);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a visit needs at least one service line");
        }
        refuseMalformed(id, payer, diagnoses, totalTreatmentMinutes, services, overrides, billed);
    }

    /** Minutes in a day: the most a service line, or a visit's total treatment time, can hold (the readers' limit). */
    public static final int MAX_MINUTES = 1440;
    /** The most units a billed line may carry (the readers' limit). */
    public static final int MAX_UNITS = 10_000;
    /** The longest reason an override may give (the readers' and the API's limit). */
    public static final int MAX_OVERRIDE_REASON = 500;

    /**
     * Refuses what no reader would produce, naming the field as the readers do ({@code services[0].minutes: must
     * be between 0 and 1440, got -5}), so that a visit built in code is held to the same shape as one read from a
     * file: a diagnosis that is no ICD-10-CM code by its shape, minutes or units out of range, a code that is no CPT
     * or HCPCS code, an override without its reason. What is well formed but wrong for billing (a diagnosis the
     * loaded code set does not hold, a code the catalog does not know) is the check's to report, as a finding.
     */
    private static void refuseMalformed(String id, String payer, List<String> diagnoses,
                                        OptionalInt totalTreatmentMinutes, List<ServiceLine> services,
                                        List<FindingOverride> overrides, List<BilledLine> billed) {
        if (id.isBlank()) {
            throw malformed("id", "must not be empty");
        }
        if (payer.isBlank()) {
            throw malformed("payer", "must not be empty");
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            String d = diagnoses.get(i);
            if (d.isBlank()) {
                throw malformed("diagnoses[" + i + "]", "must not be empty");
            }
            // The rules compare diagnoses in capitals: one written in lower case (i69.351) is that code.
            if (!org.minutewise.core.codes.Icd10.isWellFormed(d)
                    && !org.minutewise.core.codes.Icd10.isWellFormed(d.toUpperCase(java.util.Locale.ROOT))) {
                throw malformed("diagnoses[" + i + "]", "not an ICD-10-CM code: \"" + d + "\" (expected a code "
                        + "like I69.351)");
            }
        }
        if (totalTreatmentMinutes.isPresent()) {
            minutesInADay("totalTreatmentMinutes", totalTreatmentMinutes.getAsInt());
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceLine l = services.get(i);
            procedureCode("services[" + i + "].code", l.code());
            if (l.statedMinutes().isPresent()) {
                minutesInADay("services[" + i + "].minutes", l.statedMinutes().getAsInt());
            }
        }
        for (int i = 0; i < billed.size(); i++) {
            BilledLine b = billed.get(i);
            procedureCode("billed[" + i + "].code", b.code());
            if (b.units() < 0 || b.units() > MAX_UNITS) {
                throw malformed("billed[" + i + "].units", "expected a whole number from 0 to " + MAX_UNITS + ", got "
                        + b.units());
            }
        }
        for (int i = 0; i < overrides.size(); i++) {
            FindingOverride o = overrides.get(i);
            if (!findingId(o.finding())) {
                throw malformed("overrides[" + i + "].finding", "expected a finding id like MW-D003, got \""
                        + o.finding() + "\"");
            }
            if (o.reason().isBlank()) {
                throw malformed("overrides[" + i + "].reason", "must not be empty");
            }
            if (o.reason().length() > MAX_OVERRIDE_REASON) {
                throw malformed("overrides[" + i + "].reason", "at most " + MAX_OVERRIDE_REASON + " characters, got "
                        + o.reason().length());
            }
        }
    }

    private static void minutesInADay(String path, int minutes) {
        if (minutes < 0 || minutes > MAX_MINUTES) {
            throw malformed(path, "must be between 0 and " + MAX_MINUTES + ", got " + minutes);
        }
    }

    private static void procedureCode(String path, String code) {
        if (!org.minutewise.core.codes.ProcedureCode.isWellFormed(code)) {
            throw malformed(path, "not a CPT or HCPCS code: \"" + code + "\" (expected 5 digits like 97112, or a "
                    + "letter and 4 digits like G0283)");
        }
    }

    /** MW-, a capital letter and three digits (MW-D003), as the rule book names its findings. */
    private static boolean findingId(String id) {
        if (id.length() != 7 || !id.startsWith("MW-") || id.charAt(3) < 'A' || id.charAt(3) > 'Z') {
            return false;
        }
        for (int k = 4; k < 7; k++) {
            if (id.charAt(k) < '0' || id.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException malformed(String path, String detail) {
        return new IllegalArgumentException(path + ": " + detail);
    }

    /** The discipline a line is billed under: its own, else the visit's plan of care. */
    public Discipline disciplineOf(ServiceLine line) {
        return line.discipline().orElse(planOfCare);
    }

    /** Its lines are billed under more than one discipline's plan of care (a PT's and an OT's the same day). */
    public boolean severalDisciplines() {
        Discipline first = disciplineOf(services.get(0));
        for (int i = 1; i < services.size(); i++) {
            if (disciplineOf(services.get(i)) != first) {
                return true;
            }
        }
        return false;
    }

    public static Builder builder(String id, LocalDate dateOfService) {
        return new Builder(id, dateOfService);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id, dateOfService);
        b.payer = payer;
        b.planOfCare = planOfCare;
        b.setting = setting;
        b.patient = patient;
        b.diagnoses.addAll(diagnoses);
        b.totalTreatmentMinutes = totalTreatmentMinutes;
        b.services.addAll(services);
        b.note = note;
        b.previousNote = previousNote;
        b.abn = abn;
        b.certification = certification;
        b.authorization = authorization;
        b.overrides.addAll(overrides);
        b.secondaryPayer = secondaryPayer;
        b.purpose = purpose;
        b.purposeStated = purposeStated;
        b.locality = locality;
        b.claimInfo = claimInfo;
        b.billed.addAll(billed);
        b.progressReport = progressReport;
        return b;
    }

    public static final class Builder {
        private final String id;
        private final LocalDate dateOfService;
        private String payer = "medicare";
        private Discipline planOfCare = Discipline.PT;
        private Setting setting = Setting.PRIVATE_PRACTICE;
        private Patient patient = Patient.UNKNOWN;
        private final List<String> diagnoses = new ArrayList<>();
        private OptionalInt totalTreatmentMinutes = OptionalInt.empty();
        private final List<ServiceLine> services = new ArrayList<>();
        private Optional<String> note = Optional.empty();
        private Optional<String> previousNote = Optional.empty();
        private Optional<Abn> abn = Optional.empty();
        private Optional<Certification> certification = Optional.empty();
        private Optional<Authorization> authorization = Optional.empty();
        private final List<FindingOverride> overrides = new ArrayList<>();
        private Optional<String> secondaryPayer = Optional.empty();
        private Purpose purpose = Purpose.REHABILITATIVE;
        /** Whether the visit says its purpose; without it the purpose is taken as rehabilitative. */
        private boolean purposeStated;
        private Optional<String> locality = Optional.empty();
        private ClaimInfo claimInfo = ClaimInfo.NONE;
        private final List<BilledLine> billed = new ArrayList<>();
        private boolean progressReport;

        private Builder(String id, LocalDate dateOfService) {
            this.id = id;
            this.dateOfService = dateOfService;
        }

        public Builder payer(String v) { this.payer = v; return this; }
        public Builder planOfCare(Discipline v) { this.planOfCare = v; return this; }
        public Builder setting(Setting v) { this.setting = v; return this; }
        public Builder patient(Patient v) { this.patient = v; return this; }
        public Builder diagnosis(String v) { this.diagnoses.add(v); return this; }
        public Builder diagnoses(List<String> v) { this.diagnoses.clear(); this.diagnoses.addAll(v); return this; }
        public Builder totalTreatmentMinutes(int v) { this.totalTreatmentMinutes = OptionalInt.of(v); return this; }
        public Builder totalTreatmentMinutes(OptionalInt v) { this.totalTreatmentMinutes = v; return this; }
        public Builder service(ServiceLine v) { this.services.add(v); return this; }
        public Builder services(List<ServiceLine> v) { this.services.clear(); this.services.addAll(v); return this; }
        public Builder note(String v) { this.note = Optional.ofNullable(v); return this; }
        public Builder previousNote(String v) { this.previousNote = Optional.ofNullable(v); return this; }
        public Builder abn(Abn v) { this.abn = Optional.ofNullable(v); return this; }
        public Builder certification(Certification v) { this.certification = Optional.ofNullable(v); return this; }
        public Builder authorization(Authorization v) { this.authorization = Optional.ofNullable(v); return this; }
        public Builder override(FindingOverride v) { this.overrides.add(v); return this; }
        public Builder secondaryPayer(String v) { this.secondaryPayer = Optional.ofNullable(v); return this; }
        public Builder purpose(Purpose v) { this.purpose = v; this.purposeStated = true; return this; }
        public Builder locality(String v) { this.locality = Optional.ofNullable(v); return this; }
        public Builder claimInfo(ClaimInfo v) { this.claimInfo = v; return this; }
        public Builder billed(List<BilledLine> v) { this.billed.clear(); this.billed.addAll(v); return this; }
        public Builder progressReport(boolean v) { this.progressReport = v; return this; }

        /**
         * The visit; without a stated purpose, the one its billed lines' 96 or 97 say ({@link Purpose#ofBilled}), as
         * stated: a claim billed 96 is habilitative, and its corrected claim must not turn it into 97.
         */
        public Visit build() {
            Optional<Purpose> billedSays = purposeStated ? Optional.empty() : Purpose.ofBilled(billed);
            return new Visit(id, dateOfService, payer, planOfCare, setting, patient, diagnoses,
                    totalTreatmentMinutes, services, note, previousNote, abn, certification, authorization,
                    overrides, secondaryPayer, billedSays.orElse(purpose), locality, claimInfo, billed,
                    progressReport, purposeStated || billedSays.isPresent());
        }
    }
}
