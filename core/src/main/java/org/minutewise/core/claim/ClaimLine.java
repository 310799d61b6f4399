package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.minutewise.core.model.Discipline;

/**
 * One line a biller would send.
 *
 * @param modifiers         in the documented order (GP/GO/GN, CQ/CO, 59/X, KX, GA/GZ, 96/97), at most four
 * @param diagnosisPointers 1-based pointers into the visit's diagnoses, at most four
 * @param charge            the clinic's charge for the line, when known
 * @param renderingProvider the rendering provider's id: the supervising therapist when an assistant treated
 * @param assistant         the assistant who furnished (part of) the line, shown on the claim only by CQ/CO
 * @param assistantUnit     this line holds the units furnished in whole or in part by an assistant
 * @param serviceIndexes    the visit's service lines this claim line comes from
 */
public record ClaimLine(String code, List<String> modifiers, int units, List<Integer> diagnosisPointers,
                        Optional<BigDecimal> charge, Optional<String> renderingProvider,
                        Optional<String> renderingNpi, Optional<String> assistant, boolean assistantUnit,
                        Discipline discipline, List<Integer> serviceIndexes) {
    public ClaimLine {
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
        diagnosisPointers = List.copyOf(diagnosisPointers);
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(renderingProvider, "renderingProvider");
        Objects.requireNonNull(renderingNpi, "renderingNpi");
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(discipline, "discipline");
        serviceIndexes = List.copyOf(serviceIndexes);
    }

    /**
     * The index of the visit's service whose description this line carries (837P SV101-7, FHIR's
     * {@code productOrService.text}): the first of the services it comes from that gives one; empty for most lines.
     */
    public java.util.OptionalInt describedBy(org.minutewise.core.model.Visit v) {
        for (int i : serviceIndexes) {
            if (i >= 0 && i < v.services().size()) {
                Optional<String> d = v.services().get(i).description();
                if (d.isPresent() && !d.get().isBlank()) {
                    return java.util.OptionalInt.of(i);
                }
            }
        }
        return java.util.OptionalInt.empty();
    }

    public ClaimLine withModifiers(List<String> m) {
        return new ClaimLine(code, m, units, diagnosisPointers, charge, renderingProvider, renderingNpi, assistant,
                assistantUnit, discipline, serviceIndexes);
    }
}
