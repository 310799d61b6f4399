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
        // A code's CQ/CO lines so far, for a code billed one CQ/CO line per supervisor.
        java.util.Map<String, Integer> assistantLines = new java.util.HashMap<>(2);
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
                int k = assistant ? assistantLines.merge(b.code(), 1, Integer::sum) - 1 : -1;
                List<Integer> supervisors = k >= 0 ? ClaimBuilder.assistantSupervisors(v.services(), idx) : List.of();
                if (supervisors.size() > 1 && supervisors.size() == billedAssistantLines(v, b.code())) {
                    // One CQ/CO line per supervisor (ClaimBuilder.bySupervisor; an 837 read back, 2420A each): the
                    // k-th such line of the code under the k-th supervisor its assistants name, in documented order.
                    rendering = ClaimBuilder.assistantRendering(v, idx, List.of(supervisors.get(k)), d);
                }
                id = rendering.id();
                npi = ClaimBuilder.npiOf(v, rendering);
            }
            // The pointers as billed when the input gave them (837P SV107), else the diagnoses in order.
            List<Integer> pointers = b.diagnosisPointers().isEmpty() ? dx : b.diagnosisPointers();
            lines.add(new ClaimLine(b.code(), b.modifiers(), b.units(), pointers, b.charge(), id, npi, Optional.empty(),
                    assistant, d, idx));
        }
        return lines;
    }

    /** The billed lines of a code with CQ or CO. */
    static int billedAssistantLines(Visit v, String code) {
        int n = 0;
        for (BilledLine b : v.billed()) {
            n += b.code().equals(code) && ClaimBuilder.assistantModifier(b.modifiers()) ? 1 : 0;
        }
        return n;
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
