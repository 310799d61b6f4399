package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.minutewise.core.model.Discipline;

/**
 * The KX picture of one expense bucket (PT and SLP together, or OT) for this visit.
 *
 * @param spentBefore   incurred before this visit (this clinic's year to date plus outside spend)
 * @param thisVisit     this visit's allowed amount in the bucket (after MPPR and the CQ/CO cut; a line an MUE
 *                      denies counts $0)
 * @param crossingLine  index of the claim line whose amount crosses the threshold, or -1
 * @param kxApplied     KX is on this visit's lines of the bucket
 * @param unpriced      codes of the bucket that could not be priced (their amounts are not counted)
 * @param unpricedBeforeCrossing codes of unpriced lines before the crossing line, which may be the line that really
 *                      crosses: KX is on them too
 */
public record KxBucket(String bucket, int year, BigDecimal threshold, BigDecimal targetedReview,
                       BigDecimal spentBefore, BigDecimal thisVisit, int crossingLine, boolean kxApplied,
                       List<String> unpriced, List<String> unpricedBeforeCrossing) {
    public KxBucket {
        unpricedBeforeCrossing = List.copyOf(unpricedBeforeCrossing);
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(targetedReview, "targetedReview");
        Objects.requireNonNull(spentBefore, "spentBefore");
        Objects.requireNonNull(thisVisit, "thisVisit");
        unpriced = List.copyOf(unpriced);
    }

    public BigDecimal spentAfter() {
        return spentBefore.add(thisVisit);
    }

    /** The discipline whose spend this bucket counts (PT stands for the PT and SLP bucket). */
    public Discipline discipline() {
        return discipline(bucket);
    }

    /** The discipline whose spend a bucket ("OT", "PT_SLP") counts: OT for the OT bucket, else PT. */
    public static Discipline discipline(String bucket) {
        return bucket.equals("OT") ? Discipline.OT : Discipline.PT;
    }
}
