package org.minutewise.formats;

import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.UnitResult;

/** Results as readable text for a terminal: a table of units, the explanation, the findings. */
public final class TextReport {
    private TextReport() {
    }

    public static String units(UnitResult r, List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        sb.append("Method: ").append(r.method().label()).append('\n');
        table(sb, r);
        explanation(sb, r);
        findings(sb, findings);
        return sb.toString();
    }

    public static String check(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append("Visit ").append(c.visit().id()).append("  ").append(c.visit().dateOfService())
                .append("  payer ").append(c.payer().id()).append(" (").append(c.payer().name()).append(")\n");
        sb.append("Method: ").append(c.units().method().label()).append('\n');
        table(sb, c.units());
        claim(sb, c);
        explanation(sb, c.explanation());
        findings(sb, c.findings());
        sb.append(c.blocks() ? "Status: BLOCKED - fix the blocking findings before sending the claim.\n"
                : c.claim().totalUnits() == 0 ? "Status: nothing to bill - no line earns a unit, so no claim is sent "
                + "for this visit.\n" : "Status: nothing blocks this claim.\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, UnitResult r) {
        sb.append('\n').append(String.format("%-7s %-8s %7s %5s%n", "CODE", "KIND", "MINUTES", "UNITS"));
        for (CodeUnits l : r.lines()) {
            sb.append(String.format("%-7s %-8s %7d %5d%n", l.code(), l.kind().name().toLowerCase(), l.minutes(),
                    l.units()));
        }
        sb.append(String.format("Total timed minutes %d, timed units %d, all units %d%n", r.totalTimedMinutes(),
                r.timedUnits(), r.totalUnits()));
        if (r.professionalChoice()) {
            sb.append("Professional's choice: a tie at the cut-off; see the explanation for the alternatives.\n");
        }
    }

    private static void claim(StringBuilder sb, CheckResult c) {
        sb.append("\nClaim lines\n");
        if (c.claim().lines().isEmpty()) {
            sb.append("  (none)\n");
        }
        for (ClaimLine l : c.claim().lines()) {
            sb.append(String.format("  %-6s %-16s x%-3d dx %-8s %s%s%n", l.code(), String.join(" ", l.modifiers()),
                    l.units(), l.diagnosisPointers().toString().replace(" ", ""),
                    l.charge().map(org.minutewise.core.check.Money::of).orElse(""),
                    l.renderingProvider().map(p -> "  rendering " + p).orElse("")));
        }
        Estimate e = c.claim().estimate();
        if (e.available()) {
            // A critical access hospital is paid its reasonable cost: its fee schedule amounts are what KX counts.
            sb.append(e.feeScheduleOnly()
                    ? String.format("Estimate: fee schedule allowed $%s (what the KX threshold counts, not the "
                            + "payment)", e.totalAllowed())
                    : String.format("Estimate: allowed $%s (Medicare pays $%s, patient coinsurance $%s)",
                            e.totalAllowed(), e.medicarePays(), e.patientCoinsurance()))
                    .append(e.unpriced().isEmpty() ? "" : ", for the priced lines only: "
                            + String.join(", ", e.unpriced()) + " not priced")
                    .append(e.sampleData() ? " - sample fee data" : "").append(System.lineSeparator());
            sb.append("  ").append(e.reason()).append('\n');
        } else {
            sb.append("Estimate: not available. ").append(e.reason()).append('\n');
        }
    }

    private static void explanation(StringBuilder sb, UnitResult r) {
        explanation(sb, r.explanation());
    }

    private static void explanation(StringBuilder sb, List<String> lines) {
        sb.append("\nExplanation\n");
        for (String s : lines) {
            sb.append("  - ").append(s).append('\n');
        }
    }

    private static void findings(StringBuilder sb, List<Finding> findings) {
        sb.append("\nFindings");
        if (findings.isEmpty()) {
            sb.append(": none\n");
            return;
        }
        sb.append('\n');
        // What blocks first, then warnings, then information (each in the engine's order).
        List<Finding> sorted = new java.util.ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparingInt(f -> f.severity().ordinal()));
        for (Finding f : sorted) {
            sb.append("  ").append(f.severity().wire().toUpperCase()).append(' ').append(f.ruleId());
            if (!f.path().isEmpty()) {
                sb.append(" at ").append(f.path());
            }
            f.overrideReason().ifPresent(r -> sb.append(" (accepted: ").append(r).append(')'));
            sb.append("\n    ").append(f.message()).append("\n    Fix: ").append(f.fix()).append("\n    Source: ")
                    .append(f.citation()).append('\n');
        }
    }
}
