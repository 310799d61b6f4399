package org.minutewise.core.across;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.minutewise.core.check.Finding;

/**
 * A finding of a check across visits, on the visit it is reported against. A missing KX (MW-A003) also says what
 * it exposes: the lines billed without KX past the threshold and their allowed amounts as counted (after the
 * day's reduction), which Medicare would deny. A duplicate claim (MW-A006) says the same of the lines that bill a
 * service again: {@code exposedLines} then counts their units, {@code exposedDollars} their allowed amounts, and
 * {@code lines} are those lines (so that an audit can void them in its corrected claim lines).
 * {@code lines} of a KX finding are the claim lines it is about: those that lack KX (MW-A003) or carry it too early
 * (MW-A004), so that the corrected claim lines of an audit can carry KX where the year's count wants it; those of a
 * day's MUE passed (MW-A009) are the lines it denies whole, which an audit prices at $0.
 * {@code reported} is false for an exposure the visit's own check already reported (its MW-B012: KX missing on
 * lines its stated expenses pass the threshold with): counted in the audit's KX exposure, not reported again.
 * {@code cuts} are the supported units the finding takes off the day's visits (MW-A012), or off its visit for the
 * minutes it shared with another patient (MW-A001: on the visit's first such finding).
 */
public record AcrossFinding(String visitId, Finding finding, long exposedLines, BigDecimal exposedDollars,
                            List<VisitDigest.Line> lines, boolean reported, List<UnitCut> cuts) {
    public AcrossFinding {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(exposedDollars, "exposedDollars");
        lines = List.copyOf(lines);
        cuts = List.copyOf(cuts);
    }

    public AcrossFinding(String visitId, Finding finding, long exposedLines, BigDecimal exposedDollars,
                         List<VisitDigest.Line> lines, boolean reported) {
        this(visitId, finding, exposedLines, exposedDollars, lines, reported, List.of());
    }

    public AcrossFinding(String visitId, Finding finding, long exposedLines, BigDecimal exposedDollars,
                         List<VisitDigest.Line> lines) {
        this(visitId, finding, exposedLines, exposedDollars, lines, true);
    }

    /** A finding that corrects the supported units of the day's visits. */
    public AcrossFinding(String visitId, Finding finding, List<UnitCut> cuts) {
        this(visitId, finding, 0, BigDecimal.ZERO, List.of(), true, cuts);
    }

    public AcrossFinding(String visitId, Finding finding, long exposedLines, BigDecimal exposedDollars) {
        this(visitId, finding, exposedLines, exposedDollars, List.of());
    }

    public AcrossFinding(String visitId, Finding finding) {
        this(visitId, finding, 0, BigDecimal.ZERO);
    }
}
