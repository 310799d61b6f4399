package org.minutewise.core.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Visit;

/**
 * Billed input: the claim lines stand as billed (codes, modifiers, units, charges); the rules compare. The
 * checker prices them (Medicare) and returns them as the visit's claim beside the engine's.
 */
public final class BilledClaim {
    private BilledClaim() {
    }

    /** The visit's billed lines as claim lines. */
    public static List<ClaimLine> lines(Visit v) {
        List<ClaimLine> lines = new ArrayList<>(v.billed().size());
        List<Integer> dx = ClaimBuilder.pointersInOrder(v.diagnoses().size());
        for (BilledLine b : v.billed()) {
            Discipline d = discipline(v, b);
            boolean assistant = ClaimBuilder.assistantModifier(b.modifiers());
            // The rendering provider of the documented service, as the engine's own line names it (the supervising
            // therapist when an assistant treated; on a CQ/CO line, the assistant's): an 837 written from the billed
            // lines needs it (NM1*82).
            List<Integer> idx = ClaimBuilder.serviceIndexes(v.services(), b.code());
            Optional<String> id = Optional.empty();
            Optional<String> npi = Optional.empty();
            if (!idx.isEmpty()) {
                var rendering = assistant ? ClaimBuilder.assistantRendering(v, idx, idx, d)
                        : ClaimBuilder.rendering(v, idx, d);
                id = rendering.id();
                npi = rendering.npi();
            }
            // The pointers as billed when the input gave them (837P SV107), else the diagnoses in order.
            List<Integer> pointers = b.diagnosisPointers().isEmpty() ? dx : b.diagnosisPointers();
            lines.add(new ClaimLine(b.code(), b.modifiers(), b.units(), pointers, b.charge(), id, npi, Optional.empty(),
                    assistant, d, idx));
        }
        return lines;
    }

    /**
     * The discipline a billed line is under: its GP, GO or GN; without one (MW-B004 says so), the discipline of its
     * documented service.
     */
    public static Discipline discipline(Visit v, BilledLine b) {
        Discipline d = Discipline.ofModifiers(b.modifiers());
        return d != null ? d : ClaimBuilder.documentedDiscipline(v, b.code());
    }
}
