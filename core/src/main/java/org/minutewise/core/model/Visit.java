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
 */
public record Visit(String id, LocalDate dateOfService, String payer, Discipline planOfCare, Setting setting,
                    Patient patient, List<String> diagnoses, OptionalInt totalTreatmentMinutes,
                    List<ServiceLine> services, Optional<String> note) {

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
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a visit needs at least one service line");
        }
    }

    /** The discipline a line is billed under: its own, else the visit's plan of care. */
    public Discipline disciplineOf(ServiceLine line) {
        return line.discipline().orElse(planOfCare);
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

        public Visit build() {
            return new Visit(id, dateOfService, payer, planOfCare, setting, patient, diagnoses,
                    totalTreatmentMinutes, services, note);
        }
    }
}
