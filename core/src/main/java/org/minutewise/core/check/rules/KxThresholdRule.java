package org.minutewise.core.check.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Money;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.claim.KxBucket;
import org.minutewise.core.model.Abn;

/** The KX threshold and targeted medical review amount, per expense bucket (RULES.md §4). */
public final class KxThresholdRule implements Rule {
    /** Warn when the bucket's spend after this visit reaches this share of the threshold. */
    public static final BigDecimal NEAR = new BigDecimal("0.90");

    public static final RuleInfo APPLIED = new RuleInfo("MW-K001", Severity.INFO,
            "KX added: the therapy threshold is passed",
            "Make sure the note supports medical necessity: KX attests to it, and lines above the threshold "
                    + "without KX are denied.",
            "CMS Pub 100-04 ch. 5 §10.3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: lines left unpriced because the visit could not be priced at all (no conversion "
                    + "factor for the year) point to MW-K004's reason (it said no RVUs were loaded)");
    public static final RuleInfo NEAR_THRESHOLD = new RuleInfo("MW-K002", Severity.WARN,
            "The KX threshold is near",
            "Prepare the medical necessity documentation: the next visits will need KX.",
            "CMS Pub 100-04 ch. 5 §10.3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: lines left unpriced because the visit could not be priced at all (no conversion "
                    + "factor for the year) point to MW-K004's reason (it said no RVUs were loaded)");
    public static final RuleInfo TARGETED_REVIEW = new RuleInfo("MW-K003", Severity.WARN,
            "At the targeted medical review amount",
            "Expect possible targeted medical review: keep the plan of care, progress reports and notes complete.",
            "CMS Pub 100-04 ch. 5 §10.3 (targeted medical review, $3,000 per bucket)", Citations.CLAIMS_MANUAL_CH5)
            .inEffectFrom(LocalDate.of(2018, 1, 1)) // Bipartisan Budget Act of 2018 §50202
            .revised(2, "2026-12-06: lines left unpriced because the visit could not be priced at all (no conversion "
                    + "factor for the year) point to MW-K004's reason (it said no RVUs were loaded)");
    public static final RuleInfo UNPRICED = new RuleInfo("MW-K004", Severity.INFO,
            "Some lines could not be priced for the KX threshold",
            "Load the CMS RVU file (--rvu-file) so every line's allowed amount counts toward the threshold.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: its path names the unpriced code's lines (services[code=97535]) when there is one, "
                    + "so an audit counts it under the therapist of that code");

    public static final RuleInfo NO_THRESHOLD = new RuleInfo("MW-K005", Severity.WARN,
            "No KX threshold for the year of service",
            "Compare the patient's incurred expenses this year with the year's threshold (CMS publishes it with the "
                    + "physician fee schedule final rule) and add KX by hand past it: lines above the threshold "
                    + "without KX are denied. Minutewise's yearly figures need the year added.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4", Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo ABN_RECORDED = new RuleInfo("MW-K006", Severity.WARN,
            "GA/GZ on the claim: Medicare is expected to deny these lines",
            "Record an ABN (visit field abn) only for services the therapist expects Medicare to deny as not "
                    + "reasonable and necessary, such as maintenance care past the threshold. Medically necessary "
                    + "care carries neither GA nor GZ, and KX past the threshold.",
            "CMS Pub 100-04 ch. 5 §10.3 (KX or GA/GZ past the threshold); ch. 30 §50 (the ABN)",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: with an ABN given, says that units over an MUE stay the clinic's cost (an ABN "
                    + "is not valid for MUE denials; it said the patient pays)")
            .revised(3, "2026-12-06: its sentence on units over an MUE (version 2: the ABN does not cover them) "
                    + "holds a code to its MUE as MW-E006 does, a line MUE (adjudication "
                    + "indicator 1) each claim line and a date-of-service MUE (2 or 3) the day's lines (it added the "
                    + "day's lines for both, so two lines each within a line MUE were said to be over it), and says "
                    + "which")
            .revised(4, "2026-12-07: with an ABN given, says (as with GZ) that the estimate shows what Medicare "
                    + "would allow if it paid, and that the patient pays under the ABN if it denies; neither says the "
                    + "estimate shows it when no line is priced above $0 (every line denied by its MUE, say)");

    public static final RuleInfo SPEND_UNKNOWN = new RuleInfo("MW-K007", Severity.INFO,
            "The patient's year-to-date therapy expenses are not given",
            "Enter the patient's incurred expenses this year (patient.yearToDate, and patient.outsideSpend for other "
                    + "providers) so KX is judged; a visit saved to the visit store takes them from the store, and a "
                    + "batch audit counts them across the patient's visits in date order.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: a visit that gives only the expenses at other providers is told they were "
                    + "counted (it said KX was judged as if nothing was spent before the visit)");

    /**
     * A Medicare claim billed with therapy lines whose minutes the record does not give (an 837 carries units, not
     * minutes): the documented visit adds nothing Minutewise can count, so whether the billed lines need KX is
     * not judged. Said, so the biller does not read the silence as "no KX needed".
     */
    public static final RuleInfo NOT_JUDGED = new RuleInfo("MW-K008", Severity.INFO,
            "KX not judged: the billed therapy lines have no documented minutes",
            "Check KX by hand against the patient's incurred expenses this year, or check the visit with its "
                    + "documented minutes (JSON, CSV or FHIR) so its amount counts toward the threshold.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4", Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo ABN_NOT_MEDICARE = new RuleInfo("MW-K009", Severity.INFO,
            "ABN recorded for a payer that is not original Medicare: no GA/GZ on its claim",
            "Leave the ABN off this visit, or check it against original Medicare: an Advance Beneficiary Notice "
                    + "and its GA/GZ modifiers are original Medicare's; follow this payer's own notice or waiver "
                    + "process for services it may not cover.",
            "CMS Pub 100-04 ch. 30 §50 (the ABN: original Medicare); RULES.md §4", Citations.CLAIMS_MANUAL_CH5);

    @Override
    public RuleInfo info() {
        return APPLIED;
    }

    @Override
    public List<RuleInfo> emits() {
        return List.of(APPLIED, NEAR_THRESHOLD, TARGETED_REVIEW, UNPRICED, NO_THRESHOLD, ABN_RECORDED, SPEND_UNKNOWN,
                NOT_JUDGED, ABN_NOT_MEDICARE);
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        Claim claim = ClaimBuilder.of(ctx);
        boolean yearHasThreshold = ctx.ref().fees().kxThreshold(ctx.visit().dateOfService()).isPresent();
        if (ctx.payer().isMedicare() && ctx.ref().fees().hasKxThresholds() && !yearHasThreshold
                && anyKxLine(ctx, claim)) {
            out.add(NO_THRESHOLD.finding("dateOfService", "Minutewise has no KX threshold for "
                    + ctx.visit().dateOfService().getYear() + ", so whether these therapy lines need KX "
                    + "was not checked."));
        }
        if (!ctx.visit().patient().yearToDateGiven() && !claim.kx().isEmpty()) {
            // The bucket with spend at other providers, if one has it (a PT+SLP and an OT bucket may both be open).
            KxBucket first = claim.kx().get(0);
            for (KxBucket b : claim.kx()) {
                if (ctx.visit().patient().outsideSpend().bucket(b.discipline()).signum() > 0) {
                    first = b;
                    break;
                }
            }
            BigDecimal outside = ctx.visit().patient().outsideSpend().bucket(first.discipline());
            String judged = outside.signum() > 0
                    ? "gives only the patient's expenses at other providers (" + Money.of(outside) + "), not those "
                    + "incurred here this year, so KX is judged from those and this visit's amounts, as if nothing "
                    + "was spent here before it"
                    : "does not give the patient's incurred therapy expenses this year, so KX is judged from this "
                    + "visit's amounts alone, as if nothing was spent before it";
            out.add(SPEND_UNKNOWN.finding("patient.yearToDate", "The visit " + judged + " (" + first.year()
                    + " threshold " + Money.of(first.threshold()) + "); past the threshold a line without KX is "
                    + "denied."));
        }
        if (ctx.payer().isMedicare() && yearHasThreshold && claim.kx().isEmpty() && !ctx.visit().billed().isEmpty()) {
            java.util.Set<String> notCovered = ClaimBuilder.notCovered(ctx);
            List<String> billedTherapy = new java.util.ArrayList<>();
            for (var l : ctx.billedLines()) {
                if (!ClaimBuilder.kxBucket(l, ctx.ref().codes(), notCovered).isEmpty() && l.units() > 0
                        && !billedTherapy.contains(l.code())) {
                    billedTherapy.add(l.code());
                }
            }
            if (!billedTherapy.isEmpty()) {
                out.add(NOT_JUDGED.finding("billed", String.join(", ", billedTherapy) + (billedTherapy.size() == 1
                        ? " is" : " are") + " billed to Medicare, but the record gives no minutes that count for "
                        + (billedTherapy.size() == 1 ? "it" : "them") + ", so this visit adds nothing Minutewise "
                        + "can count toward the KX threshold and whether the lines need KX was not judged."));
            }
        }
        if (ctx.payer().isMedicare() && ctx.visit().abn().isPresent()) {
            abnRecorded(ctx, claim, out);
        }
        if (!ctx.payer().isMedicare() && ctx.visit().abn().isPresent()) {
            out.add(ABN_NOT_MEDICARE.finding("abn", "The visit records an ABN (" + (ctx.visit().abn().get()
                    == Abn.GIVEN ? "given: GA" : "not given: GZ") + "), but the payer " + ctx.payer().id() + " is not "
                    + "original Medicare, so GA/GZ are not put on its claim."));
        }
        for (KxBucket b : claim.kx()) {
            String bucket = b.bucket().equals("OT") ? "occupational therapy" : "physical therapy and speech-language "
                    + "pathology (combined)";
            if (b.kxApplied()) {
                boolean past = b.spentBefore().compareTo(b.threshold()) >= 0;
                out.add(APPLIED.finding("claimLines", "The patient's " + b.year() + " incurred " + bucket
                        + " expenses " + (past ? "had already reached" : "pass") + " the KX threshold of "
                        + Money.of(b.threshold()) + (past ? "" : " on this visit") + " ("
                        + money(ctx, b) + "); KX is on " + (ctx.visit().setting().institutional() || past
                        ? "every line of this bucket" : "the line that crosses it and every later line of this "
                        + "bucket") + (b.unpricedBeforeCrossing().isEmpty() || ctx.visit().setting().institutional()
                        || past ? "" : ", and on " + String.join(", ", b.unpricedBeforeCrossing()) + " before it, "
                        + "which could not be priced and so may be the line that really crosses") + "."));
            } else if (b.spentAfter().compareTo(b.threshold().multiply(NEAR)) >= 0 && !past(b)) {
                String near = "The patient's " + b.year() + " " + bucket + " expenses are near the KX threshold of "
                        + Money.of(b.threshold()) + " (" + money(ctx, b) + ").";
                // With lines this visit could not price, its amount is a floor: it may itself pass the threshold.
                out.add(b.unpriced().isEmpty() ? NEAR_THRESHOLD.finding("patient.yearToDate", near)
                        : NEAR_THRESHOLD.finding("patient.yearToDate", near, "This visit's amount leaves out "
                        + String.join(", ", b.unpriced()) + " (not priced), so this visit may itself pass the "
                        + "threshold: price those lines (the year's RVUs, the locality's GPCI and the conversion factor) "
                        + "and put KX on the line that crosses it; prepare the medical necessity documentation for the "
                        + "visits after it."));
            }
            if (b.spentAfter().compareTo(b.targetedReview()) >= 0) {
                out.add(TARGETED_REVIEW.finding("patient.yearToDate", "The patient's " + b.year() + " " + bucket
                        + " expenses reach the " + Money.of(b.targetedReview()) + " targeted medical review amount ("
                        + money(ctx, b) + ")."));
            }
            // About the unpriced code's lines when there is one (an OT's code on a visit a PT opened is the OT's).
            String unpricedPath = b.unpriced().size() == 1 ? "services[code=" + b.unpriced().get(0) + "]"
                    : "claimLines";
            List<String> byReport = byReport(ctx, b.unpriced());
            if (!b.unpriced().isEmpty() && byReport.size() == b.unpriced().size()) {
                // Unlisted codes only (97799): no data is missing; the contractor's amount is not known yet.
                out.add(UNPRICED.finding(unpricedPath, String.join(", ", byReport) + (byReport.size() == 1
                        ? " is an unlisted code, priced by report: the Medicare contractor sets its amount"
                        : " are unlisted codes, priced by report: the Medicare contractor sets their amounts")
                        + ", so this visit's amount toward the " + bucket + " KX threshold leaves "
                        + (byReport.size() == 1 ? "it" : "them") + " out.", "Once the contractor has priced the "
                        + "line (the remittance advice), count its allowed amount in the patient's expenses for the "
                        + "year (patient.yearToDate), so the KX threshold is judged on the whole."));
            } else if (!b.unpriced().isEmpty() && claim.estimate().pricedButForRvus()) {
                List<String> noRvus = new ArrayList<>(b.unpriced());
                noRvus.removeAll(byReport);
                out.add(UNPRICED.finding(unpricedPath, "No RVUs are loaded for " + String.join(", ", noRvus)
                        + (noRvus.size() == 1 ? ", so its amount is" : ", so their amounts are")
                        + " not counted toward the " + bucket + " KX threshold" + (byReport.isEmpty() ? "" : "; nor "
                        + (byReport.size() == 1 ? "is that of " : "are those of ") + String.join(", ", byReport)
                        + ", priced by report (unlisted)") + "."));
            } else if (!b.unpriced().isEmpty()) {
                // No estimate at all (no conversion factor for the year, an unknown locality): say why.
                out.add(UNPRICED.finding(unpricedPath, "The amounts of " + String.join(", ", b.unpriced())
                        + " are not counted toward the " + bucket + " KX threshold: the lines cannot be priced. "
                        + claim.estimate().reason(), "Check whether this visit's amounts take the patient past the "
                        + "threshold, and add KX by hand if they do; a year without a conversion factor in Minutewise's "
                        + "figures, or a locality not loaded (--gpci-file), cannot be priced."));
            }
        }
    }

    /** The unlisted codes (priced by report, 97799) among {@code codes}, in their order. */
    private static List<String> byReport(CheckContext ctx, List<String> codes) {
        List<String> out = new ArrayList<>(0);
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            org.minutewise.core.codes.CodeInfo info = ctx.ref().codes().getOrNull(c);
            if (info != null && info.unlisted()) {
                out.add(c);
            }
        }
        return out;
    }

    /** MW-K006: what GA or GZ on the visit's therapy lines means, and that they stand in place of KX. */
    private static void abnRecorded(CheckContext ctx, Claim claim, List<Finding> out) {
        if (!anyKxLine(ctx, claim)) {
            return; // a chiropractor's maintenance manipulation under an ABN: MW-W008 speaks of it
        }
        boolean past = false;
        for (KxBucket b : claim.kx()) {
            past |= past(b);
        }
        boolean given = ctx.visit().abn().get() == Abn.GIVEN;
        // The estimate prices the lines as if Medicare paid: said when it priced one (not when an MUE denies them all).
        String asIfPaid = pricedAsIfPaid(claim) ? "; the estimate shows what Medicare would allow if it paid." : ".";
        out.add(ABN_RECORDED.finding("abn", (given
                ? "GA (an ABN given) is on the therapy lines: Medicare is expected to deny them as not reasonable "
                        + "and necessary, and the patient pays under the ABN if it does" + asIfPaid
                : "GZ (no ABN given) is on the therapy lines: Medicare denies such lines automatically, and the clinic, "
                        + "not the patient, bears the cost" + asIfPaid)
                + (past ? " The patient is past the KX threshold: the lines carry " + (given ? "GA" : "GZ")
                        + " in place of KX, which would attest medical necessity." : "")
                + (given ? overMue(ctx, claim) : "")));
    }

    /** Whether the estimate gives a line an amount (a line an MUE denies, or one bundled, is $0: not as if paid). */
    private static boolean pricedAsIfPaid(Claim claim) {
        if (!claim.estimate().available()) {
            return false;
        }
        for (org.minutewise.core.claim.Estimate.Line l : claim.estimate().lines()) {
            if (l.priced() && !l.deniedByMue() && l.allowed().signum() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The codes billed over their MUE, in a sentence: an ABN does not shift the liability for units an MUE denies
     * (NCCI Policy Manual ch. I; RULES.md §4), so the patient does not pay for those; empty when none. Over is
     * MW-E006's test: a line MUE holds each claim line to it, a date-of-service MUE the day's lines added up.
     */
    private static String overMue(CheckContext ctx, Claim claim) {
        List<String> over = new java.util.ArrayList<>();
        for (org.minutewise.core.claim.MueDenial.Over o : UnitLimits.overMue(ctx, claim.lines())) {
            over.add(o.code() + " over its MUE of " + o.mue().maxUnits() + (o.perLine()
                    ? " a line, whose line is denied whole" : " a day, whose lines that day are denied"));
        }
        return over.isEmpty() ? "" : " An ABN does not cover what an MUE denies (" + String.join("; ", over)
                + "): the clinic, not the patient, bears the cost of those.";
    }

    /** A line of the claim counts toward a KX bucket (outpatient therapy Medicare pays on this visit). */
    private static boolean anyKxLine(CheckContext ctx, Claim claim) {
        java.util.Set<String> notCovered = ClaimBuilder.notCovered(ctx);
        for (var l : claim.lines()) {
            if (!ClaimBuilder.kxBucket(l, ctx.ref().codes(), notCovered).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The bucket's expenses reached the threshold before the visit or pass it on it. */
    private static boolean past(KxBucket b) {
        return b.spentBefore().compareTo(b.threshold()) >= 0 || b.spentAfter().compareTo(b.threshold()) > 0;
    }

    private static String withoutStop(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The amounts before and after the visit, with what of it was spent at other providers, for a message: built
     * only for a finding that fires.
     */
    private static String money(CheckContext ctx, KxBucket b) {
        BigDecimal outside = ctx.visit().patient().outsideSpend().bucket(b.discipline());
        // Lines unpriced for want of their RVUs, or a visit not priced at all (no conversion factor for the year, a
        // locality not loaded: MW-K004 says which).
        String why = ClaimBuilder.of(ctx).estimate().pricedButForRvus() ? "no RVUs loaded" : "see MW-K004";
        return Money.of(b.spentBefore()) + " before this visit" + (outside.signum() > 0 ? ", of which "
                + Money.of(outside) + " at other providers;" : ",") + " " + Money.of(b.spentAfter()) + " after it"
                + (b.unpriced().isEmpty() ? "" : " not counting " + String.join(", ", b.unpriced()) + ", which "
                + "cannot be priced (" + why + ")" + (past(b) ? "" : ": the amount after it is higher, and may "
                + "pass the threshold"));
    }
}
