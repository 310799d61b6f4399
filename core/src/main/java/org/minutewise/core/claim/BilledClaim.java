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
            Discipline d = b.modifiers().contains("GO") ? Discipline.OT : b.modifiers().contains("GN")
                    ? Discipline.SLP : b.modifiers().contains("GP") ? Discipline.PT : v.planOfCare();
            boolean assistant = ClaimBuilder.assistantModifier(b.modifiers());
            lines.add(new ClaimLine(b.code(), b.modifiers(), b.units(), dx, b.charge(), Optional.empty(),
                    Optional.empty(), Optional.empty(), assistant, d, List.of()));
        }
        return lines;
    }
}
