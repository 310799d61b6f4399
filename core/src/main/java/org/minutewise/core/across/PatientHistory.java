package org.minutewise.core.across;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Money;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.edits.PtpTable;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.claim.NcciAnalysis;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.model.Period;

/**
 * Checks across one patient's visits, in date order (RULES.md §4-§5): the progress report every 10 treatment
 * days, the KX threshold crossing through the year, copied notes, and duplicate claims. Pure: the visits and the
 * reference data are passed in; the order of the input does not matter.
 */
public final class PatientHistory {
    public static final int PROGRESS_REPORT_DAYS = 10;
    /** Notes shorter than this are not compared (a short note is often the same by nature). */
    public static final int MIN_NOTE_LENGTH = 80;

    private static final String KX_COUNT_CHANGE = "2026-12-05: the count takes the day's multiple procedure "
            + "reduction across the patient's visits (MW-A010) and leaves out a duplicate claim's lines (MW-A006); no "
            + "count for a year without a conversion factor; an institutional claim needs KX on every line of the "
            + "bucket once it passes";

    public static final RuleInfo PROGRESS_REPORT = new RuleInfo("MW-A002", Severity.WARN,
            "Progress report overdue",
            "Write a progress report (or a re-evaluation, when indicated) covering the treatment days since the "
                    + "last one; Medicare needs one at least once every 10 treatment days.",
            "CMS Pub 100-02 ch. 15 §220.3 D", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: treatment days counted per plan of care (discipline) and over the patient's "
                    + "Medicare visits only; an evaluation billed without its GP/GO still restarts its own plan's "
                    + "count")
            .revised(3, "2026-12-05: every treatment day past the due date is reported until a report is written "
                    + "(only the first one was); a progress report documented on a visit (visit field "
                    + "progressReport) ends a period as a re-evaluation does; the initial evaluation's day is "
                    + "treatment day 1 (the report was found due one day late)")
            .revised(4, "2026-12-07: treatment days counted under the plan of care of the visit's lines, not the "
                    + "GP/GO/GN they were billed with: two visits billed without GP (MW-B004) dropped out of the PT "
                    + "plan's count, and the report was found due late or not at all (an auditor's review)")
            .revised(5, "2026-12-07: an SLP's evaluation codes (92521-92524, 92610), which SLPs also bill for a "
                    + "re-evaluation, end a period under the SLP plan of care (they were ignored, so a Medicare SLP "
                    + "patient re-evaluated by code was found overdue on day 11); the first one of a patient's SLP "
                    + "plan is its treatment day 1, as a PT or OT initial evaluation")
            .revised(6, "2026-12-07: an SLP evaluation code on the day the patient's SLP plan opened with one (a "
                    + "second evaluation code in another visit of that day, or a duplicate claim of it) is part of "
                    + "the initial evaluation, not a re-evaluation: it restarted the count at 0 and the report was "
                    + "found due one treatment day late");
    /** The initial evaluations (PT, OT): their day is treatment day 1 of the first reporting period. */
    private static final Set<String> INITIAL_EVALUATIONS = Set.of("97161", "97162", "97163", "97165", "97166",
            "97167");

    private static final String KX_DAY_ORDER = "2026-12-06: a day's visits are counted in the order of their first "
            + "documented start time, not of their ids (the afternoon visit crosses the threshold after the morning's)";
    private static final String KX_NOT_COVERED = "2026-12-05: a chiropractor's therapy billed to Medicare (not "
            + "covered, MW-W001) counts toward no bucket";

    private static final String KX_MUE_DENIED = "2026-12-07: a line an MUE denies (MW-E006: the estimate prices it "
            + "at $0) counts toward no bucket: it adds nothing to the year's expenses, and its KX is not judged";

    private static final String KX_DENIED_AND_ORDER = "2026-12-07: a line the day's MUE denies whole (MW-A009) counts "
            + "toward no bucket, as a duplicate claim's, and a line counts only the units the day's minutes together "
            + "leave it on the corrected claim (MW-A012); a visit's lines are counted in the order of their documented "
            + "start times, then by code, not of the input's rows (swapping two rows turned the finding on or off; "
            + "an auditor's review)";

    private static final String KX_ESTIMATE = "2026-12-06: the message says the year's expenses are an estimate "
            + "(the audited visits' allowed amounts), and a floor when some of the year's codes could not be priced";

    private static final String KX_SHARED_MINUTES = "2026-12-07: in an audit, a line counts only the units MW-A001's "
            + "cut (one therapist one-on-one with two patients in the same minutes) leaves it on the corrected claim, "
            + "as MW-A012's: a unit the shared minutes no longer earn adds nothing toward the threshold (it did, an "
            + "auditor's review)";

    public static final RuleInfo KX_CROSSING = new RuleInfo("MW-A003", Severity.BLOCK,
            "KX missing after the patient's therapy threshold was passed",
            "Add KX (with documentation of medical necessity) to the lines of this bucket from the visit that "
                    + "crosses the threshold on, or record an ABN where services are not medically necessary.",
            "CMS Pub 100-04 ch. 5 §10.3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, KX_COUNT_CHANGE)
            .revised(3, KX_NOT_COVERED)
            .revised(4, KX_DAY_ORDER)
            .revised(5, "2026-12-06: not on a line whose KX the visit's own stated expenses already require (its "
                    + "MW-B012 reports it; the line still counts in the KX exposure)")
            .revised(6, KX_ESTIMATE)
            .revised(7, KX_MUE_DENIED)
            .revised(8, KX_DENIED_AND_ORDER)
            .revised(9, KX_SHARED_MINUTES);
    public static final RuleInfo KX_EARLY = new RuleInfo("MW-A004", Severity.WARN,
            "KX before the patient's therapy threshold was reached",
            "Remove KX from lines billed before the year's incurred expenses pass the threshold: KX with no sign "
                    + "that the threshold will be passed is abusive.",
            "CMS Pub 100-04 ch. 5 §10.3", Citations.CLAIMS_MANUAL_CH5)
            .revised(2, KX_COUNT_CHANGE)
            .revised(3, KX_NOT_COVERED)
            .revised(4, "2026-12-06: not when a line of the bucket in the patient's year so far has no price (no RVU "
                    + "for its code or year, so it counts $0): the count is then a floor that cannot show the "
                    + "threshold was not reached")
            .revised(5, KX_DAY_ORDER)
            .revised(6, "2026-12-06: not on a line whose KX the visit's own stated expenses already find not needed "
                    + "(its MW-B006 reports it)")
            .revised(7, "2026-12-06: also on the visit that passes the threshold, for a line billed with KX before "
                    + "the line whose amount passes it (KX goes on that line and the later ones)")
            .revised(8, KX_ESTIMATE)
            .revised(9, KX_MUE_DENIED)
            .revised(10, KX_DENIED_AND_ORDER)
            .revised(11, KX_SHARED_MINUTES);
    public static final RuleInfo COPIED_NOTE = new RuleInfo("MW-A005", Severity.WARN,
            "The same note text on several visits",
            "Document each visit on its own: what was done, the patient's response and the progression; a cloned "
                    + "note does not support medical necessity.",
            "CMS Pub 100-02 ch. 15 §220.3; RULES.md §7 (red flags)", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: not on a duplicate claim (every line billed again, MW-A006), which is the same "
                    + "visit sent twice")
            .revised(3, "2026-12-06: numbers aside: a note copied with a new date, visit number, score or minutes is "
                    + "found (each run of digits reads as one symbol, as MW-D017 reads them); only word-for-word "
                    + "copies were (an auditor's review)");
    public static final RuleInfo DUPLICATE = new RuleInfo("MW-A006", Severity.BLOCK,
            "The same service billed twice for the patient and date",
            "Bill each service once per date of service: merge the visits' minutes into one claim line per code, or "
                    + "void the duplicate claim.",
            "CMS Pub 100-04 ch. 1 (duplicate claims); ch. 5 §20.2 (minutes of a code add up)",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-05: per discipline (the same code under a PT and an OT plan of care on one day is "
                    + "no duplicate) and per billing provider")
            .revised(3, "2026-12-05: a line billed without its GP/GO/GN counts under its plan of care's discipline "
                    + "(a duplicate missing the modifier was not found)")
            .revised(4, "2026-12-06: two timed sessions of the day at times apart, under one payer that counts a day's "
                    + "timed minutes together (the CMS method), are one line too many, not a claim sent twice "
                    + "(a line whose times meet any earlier visit's of the service is still one): still reported, "
                    + "but not void; the day's minutes together make its units "
                    + "(MW-A012), the KX expenses and the payment reduction count them (the second session's units "
                    + "were all taken as duplicates)")
            .revised(5, "2026-12-06: in an audit, a duplicate line of a code the visit also bills under another "
                    + "discipline (97110 with GP sent again beside a new 97110 with GO) is void and counted under the "
                    + "duplicate claims; only a code every line of which was a duplicate was")
            .revised(6, "2026-12-07: two sessions of a timed code without start and end times (Medicare does not "
                    + "require them, RULES.md §2) are another session of the day, not void, when the minutes of the "
                    + "code, its units billed or the notes differ; only a copy that repeats them all (the same minutes "
                    + "and units, and a note the same numbers aside, or none) is void (20 and 25 minutes of 97110 "
                    + "were voided, an auditor's review); and a payer of the CPT method's sessions are not void "
                    + "either: MW-A012 counts a code's minutes of the day together for it too (the afternoon's units "
                    + "were void, though the finding said to bill the day's minutes together)");

    public static final RuleInfo CORRECTION_UNDER_ANOTHER_ID = new RuleInfo("MW-A017", Severity.WARN,
            "A replacement or void claim under another visit id than the claim it corrects",
            "Give the replacement or void the visit id (patient control number, CLM01) of the claim it corrects, or "
                    + "leave the corrected claim out of the audit's input: the audit then sets the corrected claim "
                    + "aside and counts only the claim in force.",
            "X12 837P 2300 CLM05-3 and REF*F8 (claim frequency, payer claim control number); RULES.md §8",
            Citations.MINUTEWISE)
            .revised(2, "2026-12-06: names the claim the correction corrects: the earlier visit of the service whose "
                    + "times it overlaps, else the one right before it (as a correction under its own visit id "
                    + "replaces the claim before it); it named the patient's first visit of the service that day");
    public static final RuleInfo KX_UNJUDGED = new RuleInfo("MW-A018", Severity.INFO,
            "KX before the priced expenses reach the threshold, with codes that could not be priced",
            "Load the CMS physician fee schedule RVU file for the year (--rvu-file) so every line is priced, and "
                    + "audit again: MW-A004 then says whether KX came before the threshold. Until then, check the "
                    + "patient's incurred expenses for the year by hand before keeping KX.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4 (KX), §6 (RVU files)", Citations.CLAIMS_MANUAL_CH5);
    public static final RuleInfo NCCI_ACROSS_VISITS = new RuleInfo("MW-A008", Severity.WARN,
            "NCCI pair billed on two visits of the same day",
            "NCCI edits apply to a provider's services of one day, not one claim: put XE (a separate encounter) or "
                    + "59 (XU, XS and XP bypass it alike) on every line of the column-two code when the services "
                    + "were distinct, or bill only the column-one code.",
            "NCCI Policy Manual ch. I; ch. XI §P (same beneficiary, same date of service)", Citations.NCCI_MANUAL)
            .revised(2, "2026-12-07: every line of the column-two code (the therapy code beside manipulation) is "
                    + "judged, not the first: 59, XE, XU, XS and XP bypass alike, as in the visit's own check; a "
                    + "modifier on column one alone is named as not bypassing, and on either code when the edit table "
                    + "lists the pair both ways (a billing expert's review)");

    public static final RuleInfo MUE_ACROSS_VISITS = new RuleInfo("MW-A009", Severity.WARN,
            "MUE passed by the day's visits together",
            "An MUE with a date-of-service indicator (2 or 3) caps a code's units for the patient's whole day: bill "
                    + "at most that many units of the code across the day's claims, or document and appeal the "
                    + "medical necessity of the rest.",
            "NCCI MUE (CMS Medically Unlikely Edits; adjudication indicators 2 and 3 are per date of service)",
            Citations.NCCI_MANUAL)
            .revised(2, "2026-12-05: a duplicate claim's lines (MW-A006) are not units of the day; per billing "
                    + "provider")
            .revised(3, "2026-12-06: says that the lines of the code on the claim that takes the day past the MUE "
                    + "are denied whole, not only the units over it")
            .revised(4, "2026-12-07: those lines count nothing toward the patient's KX threshold nor hold the day's "
                    + "unit paid in full (MW-A003/A004/A010; they did, an auditor's review), and the message says so")
            .revised(5, "2026-12-07: an audit's claims.csv prices those lines' rows at $0 a unit, as MW-E006's, so "
                    + "their units over or under count no dollars in dollarsOver/dollarsUnder, per therapist and "
                    + "payer, and the report (they were priced as billed; an auditor's review)");

    public static final RuleInfo MPPR_ACROSS_VISITS = new RuleInfo("MW-A010", Severity.INFO,
            "Multiple procedure reduction across the day's visits",
            "Nothing to change on the claim: expect Medicare to pay this visit's unit at the reduced rate, since "
                    + "another visit of the same day holds the day's unit paid in full; reconcile the remittance "
                    + "against the lower figure (the audit counts it toward the KX threshold).",
            "CMS Pub 100-04 ch. 5 §10.7 (MPPR: of all therapy units of one day, one is paid in full)",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: worked out on the corrected claim: a visit whose line of its unit paid in full "
                    + "keeps no unit once the day's minutes are counted together (MW-A012), or that the day's MUE "
                    + "denies whole (MW-A009), holds no unit of the day (another visit was reduced for a unit MW-A012 "
                    + "removes; an auditor's review)")
            .revised(3, "2026-12-07: in an audit, a visit whose line of its unit paid in full keeps no unit once "
                    + "MW-A001's cut (one therapist one-on-one with two patients in the same minutes) is taken holds no "
                    + "unit of the day either (it still did, an auditor's review)");

    public static final RuleInfo DAY_UNITS_OVER = new RuleInfo("MW-A012", Severity.BLOCK,
            "The day's visits bill more timed units than their minutes together make",
            "Count the day's timed minutes of the discipline together and bill the units the 8-minute table gives "
                    + "for their sum across the day's claims: remove the units over it from a line with the fewest "
                    + "minutes left over, or correct the minutes if the note shows more.",
            "CMS Pub 100-04 ch. 5 §20.2 (the total timed minutes of the day determine the units); RULES.md §3.1",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-06: says which lines lose the units, and an audit's claims.csv and totals take them "
                    + "off (from the day's last visit back, the code with the fewest minutes first)")
            .revised(3, "2026-12-06: says when the day's minutes of two codes tie at the cut-off (the CMS method "
                    + "over the day's minutes of each code): which keeps the last unit is the qualified "
                    + "professional's choice, RULES.md §3.1 (an auditor's review); the units come off the codes that "
                    + "hold more than that method gives them over the day (97110 10 + 10 minutes and 97140 12 "
                    + "minutes: off a 97110, it took 97140's; a code review)")
            .revised(4, "2026-12-07: a payer of the CPT method too, per code (RULES.md §3.2 with §2: a code's "
                    + "periods of the day add up before rounding): a timed code on two visits of the day or more "
                    + "whose minutes together make fewer units than the visits bill of it (10 + 10 minutes of 97110 "
                    + "billed 1 + 1 are 1 unit), now that such sessions are not void as duplicates (an auditor's "
                    + "review)");

    public static final RuleInfo DAY_UNITS_UNDER = new RuleInfo("MW-A013", Severity.INFO,
            "The day's visits together support a timed unit more than they bill",
            "Nothing is wrong on either claim alone: the day's timed minutes of the discipline together make more "
                    + "units than the visits' own minutes earn one by one; add the unit to the day's line with the most "
                    + "minutes left over (a corrected claim) if the payer counts the day's minutes together.",
            "CMS Pub 100-04 ch. 5 §20.2 (the total timed minutes of the day determine the units); RULES.md §3.1",
            Citations.CLAIMS_MANUAL_CH5)
            .revised(2, "2026-12-07: a payer of the CPT method too, per code: a timed code's minutes of the day "
                    + "together against what the visits' own minutes of it earn (7 + 7 minutes of 97110 are 1 unit; "
                    + "RULES.md §3.2 with §2)");

    public static final RuleInfo SAME_MINUTES_TWO_VISITS = new RuleInfo("MW-A014", Severity.BLOCK,
            "The patient's same minutes billed on two visits",
            "A minute belongs to one service on one claim: correct the times if they are wrong; if two clinicians "
                    + "treated the patient together, bill the shared minutes once (split them between the "
                    + "clinicians' services, or one clinician bills them), not on both visits.",
            "CMS Pub 100-04 ch. 5 §20.2 (clinicians treating together cannot each bill for the same time); NCCI "
                    + "Policy Manual ch. XI §P; RULES.md §2",
            Citations.CLAIMS_MANUAL_CH5);

    public static final RuleInfo PAYER_LIMIT_ACROSS_VISITS = new RuleInfo("MW-A016", Severity.WARN,
            "The payer's daily limit of timed units passed by the day's visits together",
            "A payer's cap on timed units a day covers the patient's whole day: bill at most that many timed units "
                    + "across the day's claims, or get the payer's authorization for more.",
            "Payer profile (maxTimedUnitsPerDay); RULES.md §5", Citations.MINUTEWISE);

    public static final RuleInfo EVALUATIONS_ACROSS_VISITS = new RuleInfo("MW-A015", Severity.BLOCK,
            "Two evaluations of one discipline on the patient's visits of one day",
            "Bill one evaluation or re-evaluation per discipline and day: void the second, or move it to the day "
                    + "it was done if the date is wrong.",
            "NCCI Policy Manual ch. XI §P (one PT and one OT evaluation or re-evaluation a day); RULES.md §5",
            Citations.NCCI_MANUAL);

    /**
     * The order the checks read a patient's visits in: by date, then by the time the visit's first documented period
     * starts (a visit without times after those with), then by id. KX is counted in this order (the visit that
     * crosses the threshold is the later one of the day in time, whatever its id).
     */
    public static final Comparator<VisitDigest> IN_TIME_ORDER = Comparator.comparing(VisitDigest::date)
            .thenComparingInt(PatientHistory::startMinute).thenComparing(VisitDigest::visitId);

    /** The minute of the day the visit's first documented period starts; past the day's end without times. */
    static int startMinute(VisitDigest v) {
        return v.start() < 0 ? Integer.MAX_VALUE : v.start();
    }

    private PatientHistory() {
    }

    /**
     * The visit store's check of a saved visit, read back: the patient's expenses before it are no longer what it was
     * checked with (an earlier visit saved or changed since), so its KX may be wrong until it is saved again.
     */
    public static final RuleInfo SPEND_CHANGED = new RuleInfo("MW-A011", Severity.WARN,
            "The patient's expenses before this visit changed since it was checked",
            "Save the visit again (a new version) so KX is judged on the expenses as they stand now.",
            "CMS Pub 100-04 ch. 5 §10.3; RULES.md §4", Citations.CLAIMS_MANUAL_CH5);

    public static List<RuleInfo> rules() {
        return List.of(PROGRESS_REPORT, KX_CROSSING, KX_EARLY, COPIED_NOTE, DUPLICATE, CORRECTION_UNDER_ANOTHER_ID,
                NCCI_ACROSS_VISITS, MUE_ACROSS_VISITS, MPPR_ACROSS_VISITS, DAY_UNITS_OVER, DAY_UNITS_UNDER,
                SAME_MINUTES_TWO_VISITS, EVALUATIONS_ACROSS_VISITS, PAYER_LIMIT_ACROSS_VISITS, KX_UNJUDGED);
    }

    /**
     * The duplicate claims (MW-A006) among one patient's visits, as {@link #check} finds them, with nothing else: the
     * findings whose {@link AcrossFinding#lines()} are void (a session of the day at its own times is reported with
     * none). They depend only on the patient's visits of each date, so an audit can decide them before the checks
     * across therapists, which leave a void copy out (an auditor's review: MW-A001 reported on the copy, MW-A007
     * counted its minutes and units twice).
     *
     * @param visits one patient's visits, any order
     */
    public static List<AcrossFinding> duplicateClaims(List<VisitDigest> visits) {
        List<VisitDigest> sorted = new ArrayList<>(visits);
        sorted.sort(IN_TIME_ORDER);
        List<AcrossFinding> out = new ArrayList<>();
        duplicates(sorted, out);
        out.removeIf(f -> !f.finding().ruleId().equals(DUPLICATE.id()));
        return out;
    }

    /**
     * @param visits      one patient's visits, any order
     * @param startOfYear the patient's incurred expenses before the first visit of each year, when known
     */
    public static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                            FeeData fees) {
        return check(visits, startOfYear, fees, null, null);
    }

    /**
     * Every check, the edits across a day's visits included (NCCI pairs and MUEs from the reference data).
     *
     * @param visits      one patient's visits, any order
     * @param startOfYear the patient's incurred expenses before the first visit of each year, when known
     */
    public static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                            ReferenceData ref) {
        return check(visits, startOfYear, ref.fees(), ref.ptp(), ref.mue(), Map.of(), ref, List.of());
    }

    /**
     * Every check, with what each visit's input states as incurred before it ({@code stated}, by visit id): the
     * KX count never runs below a later visit's stated amount (it may know of spend this audit does not see).
     */
    public static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                            Map<String, YearToDate> stated, ReferenceData ref) {
        return check(visits, startOfYear, ref.fees(), ref.ptp(), ref.mue(), stated, ref, List.of());
    }

    /**
     * As {@link #check(List, Map, Map, ReferenceData)}, with the supported units already taken off the visits'
     * lines before the patient's checks ({@code taken}: MW-A001's cuts, the minutes a therapist shared with another
     * patient, {@link TherapistDay#cutsAt}; the digests given counted without those minutes,
     * {@link TherapistDay#withoutShared}): the day's payment reduction (MW-A010) and the KX count (MW-A003/A004)
     * price the claim as corrected by them too, as by the day's own cuts (MW-A012), so a unit MW-A001 takes off adds
     * nothing to the patient's KX threshold and holds no unit of the day paid in full.
     */
    public static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                            Map<String, YearToDate> stated, ReferenceData ref, List<UnitCut> taken) {
        return check(visits, startOfYear, ref.fees(), ref.ptp(), ref.mue(), stated, ref, taken);
    }

    private static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                             FeeData fees, PtpTable ptp, MueTable mue) {
        return check(visits, startOfYear, fees, ptp, mue, Map.of(), null, List.of());
    }

    /**
     * {@code ref}, when given, has the payer profiles and codes of the day's payer limits (MW-A016); {@code taken}
     * the units already taken off the visits' lines (MW-A001), which the reduction and the KX count price the claim
     * without.
     */
    private static List<AcrossFinding> check(List<VisitDigest> visits, Map<Integer, YearToDate> startOfYear,
                                             FeeData fees, PtpTable ptp, MueTable mue,
                                             Map<String, YearToDate> stated, ReferenceData ref,
                                             List<UnitCut> taken) {
        List<VisitDigest> sorted = new ArrayList<>(visits);
        sorted.sort(IN_TIME_ORDER);
        List<AcrossFinding> out = new ArrayList<>();
        progress(sorted, out);
        Set<String> duplicated = duplicates(sorted, out);
        List<List<VisitDigest>> dates = severalADay(sorted);
        List<List<VisitDigest>> days = sameDay(dates);
        // The lines a day's MUE denies whole (MW-A009): Medicare pays them nothing, so, like a duplicate claim's,
        // they hold no unit paid in full and add nothing to the KX count (an auditor's review).
        Set<String> denied = duplicated;
        if (mue != null) {
            for (List<VisitDigest> day : days) {
                denied = mueAcrossVisits(day, mue, duplicated, denied, out);
            }
        }
        Set<String> overlapping = sameMinutes(dates, duplicated, out);
        // The units the day's minutes together do not make (MW-A012) come off the corrected claim first, and so do
        // those the minutes a therapist shared with another patient no longer earn (MW-A001, taken before): the day's
        // payment reduction and the KX count then price the claim as corrected (an auditor's review: MW-A010 reduced
        // a visit for a unit MW-A012 removes; a unit MW-A001 took off still counted toward the KX threshold), by
        // visit and code.
        int before = out.size();
        for (List<VisitDigest> day : days) {
            dayUnits(day, duplicated, overlapping, out);
            codeDayUnits(day, duplicated, overlapping, taken, out);
        }
        Map<String, Integer> cut = cutUnits(taken, out.subList(before, out.size()));
        Map<String, Estimate.FullUnit> reduced = mpprAcrossVisits(days, denied, cut, out);
        kx(sorted, startOfYear, stated, fees, reduced, denied, cut, out);
        copiedNotes(sorted, duplicated, out);
        evaluations(sorted, duplicated, out);
        if (ref != null) {
            for (List<VisitDigest> day : days) {
                payerDailyLimit(day, ref, duplicated, out);
            }
        }
        if (ptp != null) {
            for (List<VisitDigest> day : days) {
                ncciAcrossVisits(day, ptp, out);
            }
        }
        out.sort(Comparator.comparing(AcrossFinding::visitId).thenComparing(f -> f.finding().ruleId()));
        return out;
    }

    /**
     * Treatment days since the last progress report, counted per plan of care over the patient's Medicare visits
     * (CMS Pub 100-02 ch. 15 §220.3 D; other payers set their own intervals): a discipline (the plan of care of the
     * visit's lines, whatever GP, GO or GN they were billed with; the modifier when the plan is not known) counts the
     * dates it treated, and its evaluation or re-evaluation starts it again. Lines with no discipline share one count;
     * a visit known to hold a progress report whose lines say no discipline restarts the counts of every discipline
     * it treated.
     */
    private static void progress(List<VisitDigest> sorted, List<AcrossFinding> out) {
        Map<String, Integer> days = new HashMap<>();
        Map<String, Object> lastDate = new HashMap<>();
        // The day each discipline's count was opened by an initial evaluation: another evaluation code of that day is
        // part of it (an SLP's 92522 and 92523 in two visits of the first day; a duplicate claim of it), no restart.
        Map<String, Object> initialDate = new HashMap<>();
        for (VisitDigest v : sorted) {
            if (!v.medicare()) {
                continue; // the 10-day progress report is Medicare's requirement; other payers set their own
            }
            Set<String> treated = new java.util.TreeSet<>();
            Set<String> reported = new HashSet<>();
            // An initial evaluation's day is the first treatment day of its reporting period (§220.3 D: the period
            // begins on the episode's first day whatever is done that day); a re-evaluation or a progress report
            // ends a period, and the next begins on the next treatment day.
            Set<String> initial = new HashSet<>(0);
            for (VisitDigest.Line l : v.lines()) {
                boolean progress = VisitDigest.PROGRESS_CODES.contains(l.code());
                // Under the plan of care the line's service is under, not the modifier it was billed with: a line
                // billed without its GP (MW-B004) is still a treatment day of its plan (an auditor's review).
                String d = l.plan() != null ? l.plan().modifier() : disciplineModifier(l.modifiers());
                if (d.isEmpty() && progress) {
                    // An evaluation code names its discipline even when its GP/GO/GN is missing (MW-B004 says so).
                    String e = evaluationDiscipline(l.code());
                    d = e == null ? "GN" : "PT".equals(e) ? "GP" : "GO";
                }
                treated.add(d);
                if (progress) {
                    reported.add(d);
                    // An SLP evaluation code is an initial evaluation when it opens the patient's SLP count, else a
                    // re-evaluation (the codes are the same).
                    boolean slpInitial = evaluationDiscipline(l.code()) == null
                            && (!days.containsKey(d) || v.date().equals(initialDate.get(d)));
                    if (INITIAL_EVALUATIONS.contains(l.code()) || slpInitial) {
                        initial.add(d);
                    }
                }
            }
            if (treated.isEmpty()) {
                treated.add("");
            }
            if (v.progressReport() && reported.isEmpty()) {
                reported.addAll(treated);
            }
            for (String d : reported) {
                days.put(d, initial.contains(d) ? 1 : 0);
                lastDate.put(d, v.date());
                if (initial.contains(d)) {
                    initialDate.put(d, v.date());
                } else {
                    initialDate.remove(d);
                }
            }
            for (String d : treated) {
                if (reported.contains(d) || v.date().equals(lastDate.get(d))) {
                    continue;
                }
                int n = days.merge(d, 1, Integer::sum);
                lastDate.put(d, v.date());
                if (n > PROGRESS_REPORT_DAYS) {
                    String plan = switch (d) {
                        case "GP" -> " under the PT plan of care";
                        case "GO" -> " under the OT plan of care";
                        case "GN" -> " under the SLP plan of care";
                        default -> "";
                    };
                    out.add(new AcrossFinding(v.visitId(), PROGRESS_REPORT.finding("visit", "This is treatment day "
                            + n + plan + " since the last progress report or evaluation for the patient; a progress "
                            + "report is due at least once every " + PROGRESS_REPORT_DAYS + " treatment days, and "
                            + "this visit is " + (n - PROGRESS_REPORT_DAYS) + " treatment day"
                            + (n - PROGRESS_REPORT_DAYS == 1 ? "" : "s") + " past the due date.")));
                }
            }
        }
    }

    /**
     * The multiple procedure payment reduction is per patient and day (RULES.md §6, CMS Pub 100-04 ch. 5 §10.7), by
     * one billing provider: of all the therapy units of the day, the one with the highest practice expense is paid
     * in full. Each visit's estimate paid its own best unit in full; when the patient has several Medicare visits of
     * one billing provider that day, only the visit holding the day's highest PE (the first in time order on
     * a tie) keeps it, and the others' are reduced too. Returns, by visit id, the unit whose line is then worth its
     * {@code allowedIfReduced}.
     */
    private static Map<String, Estimate.FullUnit> mpprAcrossVisits(List<List<VisitDigest>> days,
                                                                    Set<String> duplicated, Map<String, Integer> cut,
                                                                    List<AcrossFinding> out) {
        Map<String, Estimate.FullUnit> reduced = Map.of();
        for (List<VisitDigest> day : days) {
            List<VisitDigest> priced = new ArrayList<>(day.size());
            for (VisitDigest v : day) {
                if (priced(v, duplicated) && !cutWhole(v, v.fullUnit().get().line(), cut)) {
                    priced.add(v);
                }
            }
            if (priced.size() >= 2) {
                reduced = reduceDay(priced, reduced, out);
            }
        }
        return reduced;
    }

    /** One billing provider's priced visits of one day: the visit with the day's highest PE keeps its full unit. */
    private static Map<String, Estimate.FullUnit> reduceDay(List<VisitDigest> day,
                                                            Map<String, Estimate.FullUnit> reduced,
                                                            List<AcrossFinding> out) {
        VisitDigest keeper = day.get(0);
        for (VisitDigest v : day) {
            if (v.fullUnit().get().pe().compareTo(keeper.fullUnit().get().pe()) > 0) {
                keeper = v;
            }
        }
        for (VisitDigest v : day) {
            if (v == keeper) {
                continue;
            }
            Estimate.FullUnit f = v.fullUnit().get();
            VisitDigest.Line l = v.lines().get(f.line());
            BigDecimal less = l.allowed().subtract(f.allowedIfReduced());
            if (less.signum() <= 0) {
                continue;
            }
            if (reduced.isEmpty()) {
                reduced = new HashMap<>();
            }
            reduced.put(v.visitId(), f);
            out.add(new AcrossFinding(v.visitId(), MPPR_ACROSS_VISITS.finding("claimLines[" + f.line() + "]",
                    "On " + v.date() + " the patient's visit " + keeper.visitId() + " holds the day's therapy "
                            + "unit with the highest practice expense, the one unit of the day Medicare pays in "
                            + "full; every unit of this visit is reduced, so its " + l.code() + " line is "
                            + "estimated at " + Money.of(f.allowedIfReduced()) + " instead of " + Money.of(l.allowed())
                            + " (" + Money.of(less) + " less).")));
        }
        return reduced;
    }

    /**
     * The units the corrected claim takes off, by visit and code ("visitId|code"): those {@code taken} before
     * (MW-A001) and the cuts of the findings {@code found} (MW-A012: what the day's timed minutes together do not
     * make once the shared minutes are out, so the two never take one unit).
     */
    private static Map<String, Integer> cutUnits(List<UnitCut> taken, List<AcrossFinding> found) {
        Map<String, Integer> cut = Map.of();
        List<UnitCut> all = new ArrayList<>(taken);
        for (AcrossFinding f : found) {
            all.addAll(f.cuts());
        }
        for (UnitCut c : all) {
            if (c.units() > 0) {
                cut = cut.isEmpty() ? new HashMap<>(4) : cut;
                cut.merge(c.visitId() + '|' + c.code(), c.units(), Integer::sum);
            }
        }
        return cut;
    }

    /**
     * The share of a line's units the corrected claim keeps (1 without a cut): a cut of the day's units (MW-A012)
     * comes off the code's units on the visit, so each of its lines keeps the code's units less the cut over its
     * units, as a fraction.
     */
    private static BigDecimal kept(VisitDigest v, int line, Map<String, Integer> cut) {
        if (cut.isEmpty()) {
            return BigDecimal.ONE;
        }
        String code = v.lines().get(line).code();
        Integer off = cut.get(v.visitId() + '|' + code);
        if (off == null) {
            return BigDecimal.ONE;
        }
        int units = billedUnits(v, code);
        if (units <= off) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(units - off).divide(BigDecimal.valueOf(units), 10, java.math.RoundingMode.HALF_EVEN);
    }

    /** Whether the corrected claim takes every unit of the visit's code of {@code line} off (MW-A012). */
    private static boolean cutWhole(VisitDigest v, int line, Map<String, Integer> cut) {
        return kept(v, line, cut).signum() == 0;
    }

    /** A Medicare visit whose unit paid in full is on a line Medicare pays (not a duplicate's). */
    private static boolean priced(VisitDigest v, Set<String> duplicated) {
        return v.medicare() && v.fullUnit().isPresent()
                && !duplicated.contains(lineKey(v, v.fullUnit().get().line()));
    }

    private static void kx(List<VisitDigest> sorted, Map<Integer, YearToDate> startOfYear,
                           Map<String, YearToDate> stated, FeeData fees, Map<String, Estimate.FullUnit> reduced,
                           Set<String> denied, Map<String, Integer> cut, List<AcrossFinding> out) {
        Map<String, BigDecimal> running = new HashMap<>();
        // The buckets of the year with a line counted at $0 for want of a price: their count is only a floor.
        Set<String> unpriced = new HashSet<>(2);
        // The buckets of the year whose KX MW-A018 already said cannot be judged: once a year, not on every visit.
        Set<String> unjudged = new HashSet<>(2);
        int year = -1;
        for (VisitDigest v : sorted) {
            if (!v.medicare()) {
                continue;
            }
            if (v.date().getYear() != year) {
                year = v.date().getYear();
                YearToDate start = startOfYear.getOrDefault(year, YearToDate.NONE);
                running.put("PT_SLP", start.ptSlp());
                running.put("OT", start.ot());
                unpriced.clear();
                unjudged.clear();
            }
            YearToDate says = stated.get(v.visitId());
            if (says != null) {
                running.merge("PT_SLP", says.ptSlp(), BigDecimal::max);
                running.merge("OT", says.ot(), BigDecimal::max);
            }
            Optional<KxThreshold> t = fees.kxThreshold(v.date());
            if (t.isEmpty() || fees.conversionFactor(v.date()).isEmpty()) {
                // No threshold, or no conversion factor to price the lines with (their amounts would all be $0):
                // the year's count cannot be made, so nothing is said about KX.
                continue;
            }
            // The visit's lines in the order of their documented times (not the input's), and its unit paid in full
            // after the day's reduction: the same for both buckets.
            int[] order = lineOrder(v);
            Estimate.FullUnit full = reduced.get(v.visitId());
            for (String bucket : List.of("PT_SLP", "OT")) {
                BigDecimal threshold = bucket.equals("OT") ? t.get().ot() : t.get().ptSlp();
                BigDecimal before = running.get(bucket);
                BigDecimal after = before;
                int passing = -1; // the line whose amount passes the threshold (the first past it), if any
                List<VisitDigest.Line> missing = new ArrayList<>();
                List<VisitDigest.Line> early = new ArrayList<>();
                BigDecimal exposed = BigDecimal.ZERO;
                int exposedLines = 0;
                // First the running count line by line, in the order of their documented times: which lines pass
                // the threshold.
                int n = v.lines().size();
                boolean[] counted = new boolean[n];
                boolean[] past = new boolean[n];
                BigDecimal[] amount = new BigDecimal[n];
                for (int i : order) {
                    VisitDigest.Line l = v.lines().get(i);
                    if (!l.bucket().equals(bucket) || l.units() == 0 || denied.contains(lineKey(v, i))) {
                        continue; // a denied line (a duplicate claim's, MW-A006; a day's MUE, MW-A009): no expense,
                        // and its KX is moot
                    }
                    BigDecimal kept = kept(v, i, cut);
                    if (kept.signum() == 0) {
                        continue; // the corrected claim bills none of its units (MW-A012, MW-A001)
                    }
                    counted[i] = true;
                    if (l.allowed().signum() == 0) {
                        unpriced.add(bucket);
                    }
                    amount[i] = full != null && full.line() == i ? full.allowedIfReduced() : l.allowed();
                    if (kept.compareTo(BigDecimal.ONE) != 0) {
                        amount[i] = amount[i].multiply(kept);
                    }
                    after = after.add(amount[i]);
                    past[i] = after.compareTo(threshold) > 0 || before.compareTo(threshold) >= 0;
                    if (past[i] && passing < 0) {
                        passing = i;
                    }
                }
                // Then KX: on a professional claim the crossing line and the later ones; on an institutional claim
                // every line of the bucket once the claim passes the threshold (RULES.md §4).
                for (int i : order) {
                    if (!counted[i]) {
                        continue;
                    }
                    VisitDigest.Line l = v.lines().get(i);
                    boolean wants = past[i] || v.institutional() && passing >= 0;
                    // A line whose KX the visit's own stated expenses judged the same way is its own finding
                    // (MW-B012 for a missing KX, MW-B006 for one not needed): exposed, but not reported again.
                    if (wants && !l.modifiers().contains("KX")) {
                        exposedLines++;
                        exposed = exposed.add(amount[i]);
                        if (l.ownKx() != VisitDigest.OwnKx.NEEDED) {
                            missing.add(l);
                        }
                    }
                    if (!wants && l.modifiers().contains("KX") && l.ownKx() != VisitDigest.OwnKx.NOT_NEEDED) {
                        early.add(l);
                    }
                }
                String label = bucket.equals("OT") ? "OT" : "PT and SLP";
                // KX too early: on a visit that does not reach the threshold, or before the line that passes it. Not
                // when a line of the bucket so far had no price: the count is then a floor.
                boolean earlyKx = !early.isEmpty() && !unpriced.contains(bucket);
                // Built only when a finding fires: this runs for every visit of a batch audit.
                // An estimate (the allowed amounts of the audited visits); a floor when a line had no price.
                String money = missing.isEmpty() && early.isEmpty() ? "" : "an estimated " + Money.of(before)
                        + " before this visit, " + Money.of(after) + " after it" + (unpriced.contains(bucket)
                        ? " (at least: some of the year's codes could not be priced and count $0)" : "")
                        + "; the threshold is " + Money.of(threshold);
                if (!missing.isEmpty()) {
                    out.add(new AcrossFinding(v.visitId(), KX_CROSSING.finding("claimLines", "Counting the "
                            + "patient's visits of " + v.date().getYear() + " in date order, the " + label + " expenses "
                            + "are " + money + ", but " + codes(missing)
                            + (missing.size() == 1 ? " carries" : " carry") + " no KX."),
                            exposedLines, exposed, missing));
                } else if (exposedLines > 0) {
                    out.add(new AcrossFinding(v.visitId(), KX_CROSSING.finding("claimLines", "The visit's own "
                            + "MW-B012 reports the missing KX."), exposedLines, exposed, List.of(), false));
                }
                if (earlyKx) {
                    out.add(new AcrossFinding(v.visitId(), KX_EARLY.finding("claimLines", "Counting the patient's "
                            + "visits of " + v.date().getYear() + " in date order, the " + label + " expenses are "
                            + money + ", yet " + codes(early) + (early.size() == 1 ? " carries" : " carry")
                            + " KX" + (passing >= 0 ? ", before " + v.lines().get(passing).code() + ", the line "
                            + "whose amount passes the threshold (the visit's lines counted in the order of their "
                            + "documented times): KX goes on that line and the later ones" : "") + "."), 0,
                            BigDecimal.ZERO,
                            early));
                } else if (!early.isEmpty() && unjudged.add(bucket)) {
                    // KX the priced count finds early, but a line had no price: the count is a floor, so MW-A004
                    // cannot be said; say that it could not be judged (an auditor's review: with the sample RVUs
                    // MW-A004 was silent for almost every patient).
                    out.add(new AcrossFinding(v.visitId(), KX_UNJUDGED.finding("claimLines", "Counting the patient's "
                            + "visits of " + v.date().getYear() + " in date order, the " + label + " expenses that "
                            + "could be priced are " + money + ", yet " + codes(early)
                            + (early.size() == 1 ? " carries" : " carry") + " KX. Some of the year's codes have no "
                            + "price in the loaded fee data and count $0, so whether KX came before the threshold "
                            + "cannot be judged here, nor on the patient's later visits of the year (said once).")));
                }
                running.put(bucket, after);
            }
        }
    }

    /**
     * The order the KX count reads a visit's lines in, as indexes into its lines: by the time the line's service
     * starts (its code's first documented period; a line without times after those with), then by code, modifiers
     * and units, then as input. The line that passes the threshold is the one whose service comes later in the day,
     * whatever order the input's rows list them in (an auditor's review: swapping two rows of one visit turned
     * MW-A003 on or off).
     */
    static int[] lineOrder(VisitDigest v) {
        int n = v.lines().size();
        Integer[] idx = new Integer[n];
        int[] start = new int[n];
        String[] key = new String[n];
        for (int i = 0; i < n; i++) {
            VisitDigest.Line l = v.lines().get(i);
            idx[i] = i;
            start[i] = Integer.MAX_VALUE;
            for (VisitDigest.Treatment t : v.treatments()) {
                if (org.minutewise.core.units.Cognitive.sameService(t.code(), l.code())) {
                    for (Period p : t.periods()) {
                        start[i] = Math.min(start[i], p.startMinute());
                    }
                }
            }
            key[i] = l.code() + '|' + String.join(";", l.modifiers()) + '|' + l.units();
        }
        java.util.Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> start[i]).thenComparing(i -> key[i])
                .thenComparingInt(i -> i));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /**
     * MW-A005. A claim whose lines all bill again another visit's services (MW-A006) is the same visit sent twice,
     * with its note: void, not a second visit documented by a copy.
     */
    private static void copiedNotes(List<VisitDigest> sorted, Set<String> duplicated, List<AcrossFinding> out) {
        Map<Long, String> first = new HashMap<>();
        for (VisitDigest v : sorted) {
            if (v.noteFingerprint() == 0L || v.noteLength() < MIN_NOTE_LENGTH) {
                continue;
            }
            // A duplicate claim's note is still a note a later visit may copy: remembered, not reported.
            String earlier = first.putIfAbsent(v.noteFingerprint(), v.visitId() + " on " + v.date());
            if (earlier != null && !whollyDuplicated(v, duplicated)) {
                out.add(new AcrossFinding(v.visitId(), COPIED_NOTE.finding("note", "The note of this visit has the "
                        + "same text as the note of visit " + earlier + " for the same patient, numbers such as "
                        + "dates, scores and minutes aside.")));
            }
        }
    }

    /** A service of one billing provider ("" when the input does not name it) for the patient on a date. */
    private record Service(LocalDate date, String code, String discipline, String biller) {
    }

    /**
     * The same code billed with units on two visits of one date under the same discipline (GP, GO or GN) and
     * billing provider: a code that a PT and an OT plan of care each billed that day is two services, not a
     * duplicate. Reports each duplicated service once, and returns the lines that duplicate an earlier visit's
     * ({@link #lineKey}): Medicare denies them, so they count neither toward the KX threshold nor in the day's
     * payment reduction.
     */
    private static Set<String> duplicates(List<VisitDigest> sorted, List<AcrossFinding> out) {
        // Every earlier visit that billed the service, in time order.
        Map<Service, List<String>> seen = new HashMap<>();
        Map<String, VisitDigest> byId = new HashMap<>();
        Set<String> duplicated = Set.of();
        Set<String> corrections = new HashSet<>(0);
        for (VisitDigest v : sorted) {
            byId.put(v.visitId(), v);
            Map<Service, Earlier> mine = new HashMap<>(4);
            // The finding of each duplicated service, by its place in out: its lines' units and allowed add up.
            Map<Service, Integer> reported = new HashMap<>(4);
            for (int i = 0; i < v.lines().size(); i++) {
                VisitDigest.Line l = v.lines().get(i);
                if (l.units() == 0) {
                    continue;
                }
                Service key = new Service(v.date(), l.code(), billedUnder(l), v.biller());
                boolean firstLine = !mine.containsKey(key);
                Earlier e = mine.computeIfAbsent(key, k -> earlier(seen.computeIfAbsent(k, x -> new ArrayList<>(1)),
                        byId, v, k.code()));
                if (e == Earlier.NONE) {
                    continue;
                }
                String earlier = e.visitId();
                VisitDigest before = byId.get(earlier);
                if (e.session()) {
                    // Another session of the day at its own times: one line too many, not a claim sent twice. Not
                    // void: the day's minutes together make the day's units (MW-A012 cuts what they do not make).
                    if (firstLine) {
                        out.add(new AcrossFinding(v.visitId(), DUPLICATE.finding("claimLines", l.code() + " is "
                                + "billed for the patient on " + v.date() + " on this visit and on visit " + earlier
                                + ": the same service on two claim lines for one patient and date."
                                + sessions(before, v, l.code()) + " The audit counts the units those minutes make "
                                + "(MW-A012 says when the day bills more), not the line as void.")));
                    }
                    continue;
                }
                if (duplicated.isEmpty()) {
                    duplicated = new HashSet<>();
                }
                duplicated.add(lineKey(v, i));
                if (v.correction() || before.correction()) {
                    // A replacement or void of the claim under another visit id: not a duplicate to void.
                    if (!corrections.contains(v.visitId() + "|" + earlier)) {
                        corrections.add(v.visitId() + "|" + earlier);
                        VisitDigest c = v.correction() ? v : before;
                        VisitDigest o = v.correction() ? before : v;
                        out.add(new AcrossFinding(c.visitId(), CORRECTION_UNDER_ANOTHER_ID.finding("claimLines",
                                "This claim " + (c.frequency().equals("7") ? "replaces (frequency 7)" : "voids "
                                + "(frequency 8)") + " a claim of the patient's services on " + v.date() + ", and "
                                + "visit " + o.visitId() + " bills them under another visit id, so the audit counts "
                                + "both.")));
                    }
                    continue;
                }
                Integer at = reported.get(key);
                if (at == null) {
                    reported.put(key, out.size());
                    out.add(new AcrossFinding(v.visitId(), DUPLICATE.finding("claimLines", l.code() + " is billed "
                            + "for the patient on " + v.date() + " on this visit and on visit " + earlier
                            + ": the same service twice for one patient and date." + sessions(before, v,
                            l.code())), l.units(), asReduced(v, i), List.of(l)));
                } else {
                    AcrossFinding f = out.get(at);
                    List<VisitDigest.Line> lines = new ArrayList<>(f.lines());
                    lines.add(l);
                    out.set(at, new AcrossFinding(f.visitId(), f.finding(), f.exposedLines() + l.units(),
                            f.exposedDollars().add(asReduced(v, i)), lines));
                }
            }
        }
        return duplicated;
    }

    /**
     * The allowed amount of a duplicate claim's line as Medicare would have paid it: every unit at the reduced rate,
     * since the day's unit paid in full is on the visit it duplicates (CMS Pub 100-04 ch. 5 §10.7).
     */
    private static BigDecimal asReduced(VisitDigest v, int line) {
        if (v.fullUnit().isPresent() && v.fullUnit().get().line() == line) {
            return v.fullUnit().get().allowedIfReduced();
        }
        return v.lines().get(line).allowed();
    }

    /**
     * Periods of two of the patient's visits of one day that overlap: the same minutes billed twice (a minute
     * belongs to one service, RULES.md §2; two clinicians treating together cannot each bill the time). Reported
     * once per pair of visits, on the later one, with the overlapping minutes. The same code on both is MW-A006's
     * business when it reports the later visit's line (it says whether their times overlap). Returns the pairs
     * found ("id|id", earlier first).
     */
    private static Set<String> sameMinutes(List<List<VisitDigest>> dates, Set<String> duplicated,
                                           List<AcrossFinding> out) {
        Set<String> pairs = new HashSet<>(0);
        for (List<VisitDigest> date : dates) {
            for (int a = 0; a < date.size(); a++) {
                for (int b = a + 1; b < date.size(); b++) {
                    VisitDigest first = date.get(a);
                    VisitDigest later = date.get(b);
                    List<String> what = new ArrayList<>(2);
                    // The minutes of the day billed on both visits, each once (two lines of one visit may share them).
                    java.util.BitSet shared = null;
                    for (VisitDigest.Treatment x : first.treatments()) {
                        for (VisitDigest.Treatment y : later.treatments()) {
                            if (org.minutewise.core.units.Cognitive.sameService(x.code(), y.code())
                                    && duplicates(later, y.code(), duplicated)) {
                                continue; // MW-A006: the same service billed again
                            }
                            for (Period p : x.periods()) {
                                for (Period q : y.periods()) {
                                    if (p.overlapMinutes(q) > 0) {
                                        shared = shared == null ? new java.util.BitSet(24 * 60) : shared;
                                        shared.set(Math.max(p.startMinute(), q.startMinute()),
                                                Math.min(p.endMinute(), q.endMinute()));
                                        String pair = x.code() + " (" + x.providerId() + ") on " + first.visitId()
                                                + " and " + y.code() + " (" + y.providerId() + ") on "
                                                + later.visitId();
                                        if (!what.contains(pair)) {
                                            what.add(pair);
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if (shared != null) {
                        int minutes = shared.cardinality();
                        int from = shared.nextSetBit(0);
                        int to = shared.length();
                        pairs.add(first.visitId() + '|' + later.visitId());
                        out.add(new AcrossFinding(later.visitId(), SAME_MINUTES_TWO_VISITS.finding("services",
                                "On " + first.date() + " the patient's visits " + first.visitId() + " and "
                                        + later.visitId() + " bill the same minutes: " + minutes + " minute"
                                        + (minutes == 1 ? "" : "s") + " between " + TherapistDay.clock(from) + " and "
                                        + TherapistDay.clock(to)
                                        + " (" + String.join("; ", what) + "). The patient can be treated for a "
                                        + "minute once: the minutes are billed twice.")));
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * The timed units billed on the patient's visits of one day (one billing provider) for one payer above its
     * profile's daily cap (a visit whose documented minutes pass it alone is also its own MW-E007, which counts the
     * units the minutes support); a duplicate claim's lines are MW-A006's. Reported on the day's last visit of the
     * payer.
     */
    private static void payerDailyLimit(List<VisitDigest> day, ReferenceData ref, Set<String> duplicated,
                                        List<AcrossFinding> out) {
        Map<String, int[]> byPayer = new java.util.TreeMap<>(); // payer: units, visits
        Map<String, String> last = new HashMap<>();
        for (VisitDigest v : day) {
            int units = 0;
            for (int i = 0; i < v.lines().size(); i++) {
                VisitDigest.Line l = v.lines().get(i);
                org.minutewise.core.codes.CodeInfo info = ref.codes().getOrNull(l.code());
                if (l.units() > 0 && info != null && info.timed() && !duplicated.contains(lineKey(v, i))) {
                    units += l.units();
                }
            }
            if (units > 0) {
                int[] d = byPayer.computeIfAbsent(v.payer(), k -> new int[2]);
                d[0] += units;
                d[1]++;
                last.put(v.payer(), v.visitId());
            }
        }
        byPayer.forEach((payer, d) -> ref.payers().find(payer).ifPresent(profile -> {
            if (d[1] >= 2 && profile.maxTimedUnitsPerDay().isPresent()) {
                int cap = profile.maxTimedUnitsPerDay().getAsInt();
                if (d[0] > cap) {
                    out.add(new AcrossFinding(last.get(payer), PAYER_LIMIT_ACROSS_VISITS.finding("claimLines",
                            "The patient's " + d[1] + " visits of " + day.get(0).date() + " bill " + d[0]
                                    + " timed units together; payer " + payer + " allows " + cap + " a day. The "
                                    + (d[0] - cap) + " over the limit are denied unless authorized.")));
                }
            }
        }));
    }

    /** Whether the visit's line of {@code code} duplicates an earlier visit's (MW-A006). */
    private static boolean duplicates(VisitDigest v, String code, Set<String> duplicated) {
        for (int i = 0; i < v.lines().size(); i++) {
            if (v.lines().get(i).code().equals(code) && duplicated.contains(lineKey(v, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A second PT (or OT) evaluation or re-evaluation by the same practitioner on another of the patient's visits of
     * the day (one a day per discipline and practitioner, RULES.md §5; the practitioner is the one who furnished it,
     * else the billing provider); one visit's two is its own MW-E008, a duplicate claim's MW-A006. Reported on the
     * later visit.
     */
    private static void evaluations(List<VisitDigest> sorted, Set<String> duplicated, List<AcrossFinding> out) {
        Map<String, String> first = new HashMap<>();
        for (VisitDigest v : sorted) {
            Set<String> mine = new HashSet<>(2);
            for (int i = 0; i < v.lines().size(); i++) {
                VisitDigest.Line l = v.lines().get(i);
                String discipline = evaluationDiscipline(l.code());
                if (discipline == null || l.units() == 0 || duplicated.contains(lineKey(v, i))
                        || !mine.add(discipline)) {
                    continue;
                }
                String key = v.date() + "|" + discipline + "|" + practitioner(v, l.code());
                String earlier = first.putIfAbsent(key, v.visitId() + " (" + l.code() + ")");
                if (earlier != null) {
                    out.add(new AcrossFinding(v.visitId(), EVALUATIONS_ACROSS_VISITS.finding("claimLines[" + i + "]",
                            l.code() + " is a second " + discipline + " evaluation or re-evaluation for the patient on "
                                    + v.date() + ": visit " + earlier + " bills one that day. One " + discipline
                                    + " evaluation or re-evaluation is payable a day.")));
                }
            }
        }
    }

    /**
     * Who furnished the visit's service of {@code code}: the provider of its documented periods, else the visit's
     * billing provider (one a day per discipline is per practitioner, RULES.md §5).
     */
    private static String practitioner(VisitDigest v, String code) {
        for (VisitDigest.Treatment t : v.treatments()) {
            if (t.code().equals(code)) {
                return t.providerId();
            }
        }
        return "billed by " + v.biller();
    }

    /** PT for 97161-97164, OT for 97165-97168; null for other codes. */
    private static String evaluationDiscipline(String code) {
        return switch (code) {
            case "97161", "97162", "97163", "97164" -> "PT";
            case "97165", "97166", "97167", "97168" -> "OT";
            default -> null;
        };
    }

    /**
     * For a timed code documented with minutes on both visits: what a biller does when they were two sessions of
     * one day (a day's minutes of a code add up before they become units); empty otherwise.
     */
    private static String sessions(VisitDigest earlier, VisitDigest v, String code) {
        Times t = times(earlier, v, code);
        if (t == Times.UNKNOWN) {
            return untimedSessions(earlier, v, code);
        }
        String both = joined(periods(earlier, code)) + " and " + joined(periods(v, code));
        if (t == Times.OVERLAP) {
            return " Their times overlap (" + both + "): one session billed twice; void the duplicate.";
        }
        int before = timedMinutes(earlier, code);
        int now = timedMinutes(v, code);
        return " Their times are apart (" + both + "): two sessions of the day; bill " + code + " once with the "
                + "day's minutes together (" + before + " + " + now + " = " + (before + now) + " minutes): a day's "
                + "timed minutes become units together, not each session's.";
    }

    /**
     * {@link #sessions} for two visits whose lines of {@code code} have minutes but not times on both: whether what
     * they document tells them apart ({@link #notACopy}); empty without minutes on both (nobody can tell).
     */
    private static String untimedSessions(VisitDigest earlier, VisitDigest v, String code) {
        int before = earlier == null ? 0 : timedMinutes(earlier, code);
        int now = timedMinutes(v, code);
        if (before == 0 || now == 0) {
            return ""; // no minutes on one of them: a second session or a resubmission, nobody can tell
        }
        int unitsBefore = billedUnits(earlier, code);
        int unitsNow = billedUnits(v, code);
        if (!notACopy(earlier, v, code)) {
            return " Without start and end times, both document " + before + " minutes and bill " + unitsNow
                    + (unitsNow == 1 ? " unit" : " units") + " of " + code + ", and their notes do not "
                    + "differ: one session billed twice; void the duplicate.";
        }
        List<String> differ = new ArrayList<>(3);
        if (before != now) {
            differ.add(before + " and " + now + " minutes");
        }
        if (unitsBefore != unitsNow) {
            differ.add(unitsBefore + " and " + unitsNow + " units billed");
        }
        if (notesDiffer(earlier, v)) {
            differ.add("notes of their own");
        }
        return " No start and end times, but the visits document " + code + " differently (" + String.join("; ",
                differ) + "): two sessions of the day, not one billed twice; bill " + code + " once with the day's "
                + "minutes together (" + before + " + " + now + " = " + (before + now) + " minutes): a day's timed "
                + "minutes become units together, not each session's.";
    }

    /**
     * Whether two visits' lines of {@code code} without times on both (RULES.md §2: Medicare does not require them)
     * still document two sessions: both have minutes of the code, and the minutes, the units billed of the code or
     * the notes differ (a claim sent again repeats all three: the same minutes and units, and the same note, numbers
     * aside, or none to compare). Without minutes on one of them nothing tells them apart, nor on a visit that bills
     * the code under two disciplines (its minutes and units of the code are not all the discipline's).
     */
    private static boolean notACopy(VisitDigest earlier, VisitDigest v, String code) {
        int before = timedMinutes(earlier, code);
        int now = timedMinutes(v, code);
        return before > 0 && now > 0 && oneDiscipline(earlier, code) && oneDiscipline(v, code)
                && (before != now || billedUnits(earlier, code) != billedUnits(v, code) || notesDiffer(earlier, v));
    }

    /** The visit's lines of {@code code} are all billed under one discipline. */
    private static boolean oneDiscipline(VisitDigest v, String code) {
        String under = null;
        for (VisitDigest.Line l : v.lines()) {
            if (l.code().equals(code)) {
                if (under != null && !under.equals(billedUnder(l))) {
                    return false;
                }
                under = billedUnder(l);
            }
        }
        return true;
    }

    /** Both visits have a note, and they differ (numbers aside: {@link VisitDigest#fingerprint}). */
    private static boolean notesDiffer(VisitDigest a, VisitDigest b) {
        return a.noteFingerprint() != 0L && b.noteFingerprint() != 0L && a.noteFingerprint() != b.noteFingerprint();
    }

    /** The units the visit bills of {@code code}, on all its lines. */
    private static int billedUnits(VisitDigest v, String code) {
        int units = 0;
        for (VisitDigest.Line l : v.lines()) {
            if (l.code().equals(code)) {
                units += l.units();
            }
        }
        return units;
    }

    /** How two visits' lines of one code stand in time: unknown, overlapping, or apart. */
    private enum Times { UNKNOWN, OVERLAP, APART }

    /**
     * How the two visits' lines of {@code code} stand in time: {@code UNKNOWN} without minutes on both or times on
     * both (nobody can tell a second session from the same one billed again), else whether their times overlap.
     */
    private static Times times(VisitDigest earlier, VisitDigest v, String code) {
        if (earlier == null || timedMinutes(earlier, code) == 0 || timedMinutes(v, code) == 0) {
            return Times.UNKNOWN;
        }
        List<Period> times = periods(v, code);
        List<Period> earlierTimes = periods(earlier, code);
        if (times.isEmpty() || earlierTimes.isEmpty()) {
            return Times.UNKNOWN;
        }
        return overlap(times, earlierTimes) ? Times.OVERLAP : Times.APART;
    }

    /** The earlier visit a visit's service is billed again after, and whether as another session of the day. */
    private record Earlier(String visitId, boolean session) {
        static final Earlier NONE = new Earlier("", false);
    }

    /**
     * What the visit's line of {@code code} repeats among {@code ids}, the earlier visits that billed the service
     * (the visit is added to them): nothing when there are none; for a replacement or void, the claim it corrects
     * (the one whose times it overlaps, else the latest); the first of them whose session it is not apart from (the
     * same session sent again, or without times a copy of it or minutes unknown: void); else another session of the
     * day, apart from every earlier one, under the same payer (the first visit named).
     */
    private static Earlier earlier(List<String> ids, Map<String, VisitDigest> byId, VisitDigest v, String code) {
        Earlier e = Earlier.NONE;
        if (!ids.isEmpty() && v.correction()) {
            // A replacement or void corrects one claim: the earlier visit whose session of the code it bills again
            // (their times overlap), else the claim right before it, as one under its own visit id corrects the
            // claim before it ({@code VisitAudit.corrections}); not the patient's first claim of the service.
            String corrected = ids.get(ids.size() - 1);
            for (String id : ids) {
                if (times(byId.get(id), v, code) == Times.OVERLAP) {
                    corrected = id;
                    break;
                }
            }
            e = new Earlier(corrected, false);
        } else if (!ids.isEmpty()) {
            e = new Earlier(ids.get(0), true);
            for (String id : ids) {
                VisitDigest b = byId.get(id);
                if (!anotherSession(b, v, code)) {
                    e = new Earlier(id, false);
                    break;
                }
            }
        }
        ids.add(v.visitId());
        return e;
    }

    /**
     * Whether {@code v}'s line of {@code code} is another session of the day than {@code earlier}'s: neither is a
     * replacement or void, both are under one payer (whose method then counts the day's minutes of the code together,
     * RULES.md §2: MW-A012 over the discipline's pooled minutes for the CMS method, over the code's for the CPT
     * method), and their times are apart ({@link #times}), or, without times on both, what they document differs
     * ({@link #notACopy}).
     */
    private static boolean anotherSession(VisitDigest earlier, VisitDigest v, String code) {
        if (v.correction() || earlier.correction() || !v.payer().equals(earlier.payer())) {
            return false;
        }
        Times t = times(earlier, v, code);
        return t == Times.APART || t == Times.UNKNOWN && notACopy(earlier, v, code);
    }

    private static boolean overlap(List<Period> a, List<Period> b) {
        for (Period x : a) {
            for (Period y : b) {
                if (x.overlaps(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Period> periods(VisitDigest v, String code) {
        List<Period> out = new ArrayList<>();
        for (VisitDigest.Treatment t : v.treatments()) {
            if (t.code().equals(code)) {
                out.addAll(t.periods());
            }
        }
        out.sort(Comparator.comparingInt(Period::startMinute));
        return out;
    }

    private static String joined(List<Period> periods) {
        List<String> s = new ArrayList<>(periods.size());
        for (Period p : periods) {
            s.add(p.toString());
        }
        return String.join(", ", s);
    }

    private static int timedMinutes(VisitDigest v, String code) {
        int m = 0;
        for (VisitDigest.Treatment t : v.treatments()) {
            if (t.code().equals(code)) {
                m += t.minutes();
            }
        }
        return m;
    }

    /** The lines' codes, in order, as a message lists them ("97110, 97140"). */
    private static String codes(List<VisitDigest.Line> lines) {
        List<String> codes = new ArrayList<>(lines.size());
        for (VisitDigest.Line l : lines) {
            codes.add(l.code());
        }
        return String.join(", ", codes);
    }

    private static String lineKey(VisitDigest v, int line) {
        return v.visitId() + '#' + line;
    }

    /**
     * An NCCI pair whose codes were billed on two different visits of the patient's day: the edit applies all the
     * same. Reported on the later visit, once per pair, when no modifier can bypass the edit, or when a line of the
     * code the bypass goes on ({@link NcciAnalysis#modifiedCode}: column two, the therapy code beside manipulation)
     * carries none of 59/XE/XS/XP/XU: the five are one bypass, as in the visit's own check
     * ({@link NcciAnalysis#distinctModifierOf}), XE (a separate encounter) the natural one for two visits. When the
     * edit table lists the pair in both orders, which code is column two cannot be told, and the modifier on either
     * code's lines bypasses it. A code billed on both visits is MW-A006's business, not this one's.
     */
    private static void ncciAcrossVisits(List<VisitDigest> day, PtpTable ptp, List<AcrossFinding> out) {
        for (int i = 0; i < day.size(); i++) {
            VisitDigest first = day.get(i);
            for (int j = i + 1; j < day.size(); j++) {
                VisitDigest later = day.get(j);
                Set<String> reported = new HashSet<>();
                for (VisitDigest.Line a : first.lines()) {
                    for (VisitDigest.Line b : later.lines()) {
                        if (a.units() == 0 || b.units() == 0 || a.code().equals(b.code())) {
                            continue;
                        }
                        Optional<PtpEdit> found = ptp.find(a.code(), b.code(), first.date());
                        if (found.isEmpty() || !reported.add(found.get().column1() + "|" + found.get().column2())) {
                            continue;
                        }
                        PtpEdit e = found.get();
                        String message = e.bypassable() ? unbypassed(e, first, later, ptp)
                                : e.column1() + " and " + e.column2() + " are an NCCI pair, billed for the patient on "
                                + first.date() + " on visits " + first.visitId() + " and " + later.visitId()
                                + "; no modifier can bypass this edit (indicator 0): only " + e.column1() + " is "
                                + "payable that day from the same provider.";
                        if (message != null) {
                            out.add(new AcrossFinding(later.visitId(), NCCI_ACROSS_VISITS.finding("claimLines",
                                    message)));
                        }
                    }
                }
            }
        }
    }

    /**
     * MW-A008's message for a pair a modifier may bypass, billed on {@code first} and {@code later}, or null when
     * every line of the code the bypass goes on carries 59 or an X modifier (of either code, when the table lists
     * the pair both ways).
     */
    private static String unbypassed(PtpEdit e, VisitDigest first, VisitDigest later, PtpTable ptp) {
        String modified = NcciAnalysis.modifiedCode(e.column1(), e.column2());
        String other = modified.equals(e.column1()) ? e.column2() : e.column1();
        VisitDigest onModified = billsCode(first, modified) ? first : later;
        VisitDigest onOther = onModified == first ? later : first;
        boolean eitherWay = ptp.find(e.column2(), e.column1(), first.date())
                .filter(r -> r.column1().equals(e.column2())).isPresent();
        String[] modifiedBypass = bypassOf(onModified, modified);
        String[] otherBypass = bypassOf(onOther, other);
        if (modifiedBypass[1] == null || eitherWay && otherBypass[1] == null) {
            return null; // every line of the code carries 59 or an X modifier: the edit is bypassed
        }
        String pair = e.column1() + " and " + e.column2() + " are an NCCI pair, billed for the patient on "
                + first.date() + " on visits " + first.visitId() + " and " + later.visitId() + "; ";
        String without = modifiedBypass[0] == null ? modified + " carries no 59 or X modifier"
                : "a line of " + modified + " carries no 59 or X modifier (another carries " + modifiedBypass[0] + ")";
        String onColumnOne = otherBypass[0] == null || eitherWay ? "" : "; the " + otherBypass[0] + " on " + other + " does not "
                + "bypass the edit, which takes the modifier on " + modified;
        return pair + without + onColumnOne + ", so it is denied as bundled into " + other + " when both are billed "
                + "by the same provider. For two visits of one day XE (a separate encounter) or 59 on " + modified
                + " bypasses it when the services were distinct.";
    }

    private static boolean billsCode(VisitDigest v, String code) {
        for (VisitDigest.Line l : v.lines()) {
            if (l.code().equals(code) && l.units() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Over a visit's lines of {@code code} with units: the first 59/X{E,P,S,U} any of them carries ([0], null for
     * none), and a line's code with none of them ([1], null when every line carries one).
     */
    private static String[] bypassOf(VisitDigest v, String code) {
        String[] out = new String[2];
        for (VisitDigest.Line l : v.lines()) {
            if (!l.code().equals(code) || l.units() == 0) {
                continue;
            }
            String d = NcciAnalysis.distinctModifierOf(l.modifiers());
            if (d == null) {
                out[1] = code;
            } else if (out[0] == null) {
                out[0] = d;
            }
        }
        return out;
    }

    /**
     * A code's units over the patient's visits of one day above its MUE when the MUE is per date of service
     * (adjudication indicator 2 or 3) and no single visit passes it alone (that visit's MW-E006 says so). Reported
     * on the day's last visit billing the code, whose lines of the code are denied whole: returns {@code denied} with
     * them added (a new set when any is).
     */
    private static Set<String> mueAcrossVisits(List<VisitDigest> day, MueTable mue, Set<String> duplicated,
                                               Set<String> denied, List<AcrossFinding> out) {
        Map<String, int[]> units = new java.util.TreeMap<>(); // code: units, visits, most on one visit
        Map<String, String> last = new HashMap<>();
        for (VisitDigest v : day) {
            Map<String, Integer> own = new HashMap<>();
            for (int i = 0; i < v.lines().size(); i++) {
                VisitDigest.Line l = v.lines().get(i);
                if (l.units() > 0 && !duplicated.contains(lineKey(v, i))) {
                    own.merge(l.code(), l.units(), Integer::sum); // a duplicate claim's line is MW-A006's
                }
            }
            own.forEach((code, u) -> {
                int[] d = units.computeIfAbsent(code, k -> new int[3]);
                d[0] += u;
                d[1]++;
                d[2] = Math.max(d[2], u);
                last.put(code, v.visitId());
            });
        }
        LocalDate date = day.get(0).date();
        Set<String> result = denied;
        for (Map.Entry<String, int[]> e : units.entrySet()) {
            String code = e.getKey();
            int[] d = e.getValue();
            Optional<Mue> found = mue.find(code, date);
            if (found.isEmpty()) {
                continue;
            }
            Mue m = found.get();
            if (d[1] >= 2 && m.adjudicationIndicator() != 1 && d[0] > m.maxUnits() && d[2] <= m.maxUnits()) {
                List<VisitDigest.Line> lines = new ArrayList<>(1);
                for (VisitDigest v : day) {
                    if (!v.visitId().equals(last.get(code))) {
                        continue;
                    }
                    for (int i = 0; i < v.lines().size(); i++) {
                        if (v.lines().get(i).code().equals(code) && v.lines().get(i).units() > 0) {
                            if (result == duplicated) {
                                result = new HashSet<>(duplicated);
                            }
                            result.add(lineKey(v, i));
                            lines.add(v.lines().get(i));
                        }
                    }
                }
                // The denied lines go with the finding: an audit prices their claims.csv rows at $0 (as MW-E006's).
                out.add(new AcrossFinding(last.get(code), MUE_ACROSS_VISITS.finding("claimLines", code
                        + " is billed with " + d[0] + " units over the patient's " + d[1] + " visits of " + date
                        + "; its MUE is " + m.maxUnits() + " a day (adjudication indicator " + m.indicatorText()
                        + "). This visit's claim takes the day past it: its lines of " + code + " are denied whole, "
                        + "not only the units over " + m.maxUnits() + "; they count nothing toward the patient's "
                        + "KX threshold."), 0, BigDecimal.ZERO, lines));
            }
        }
        return result;
    }

    /**
     * The timed units of a day's visits (one billing provider and payer, one discipline, a payer of the CMS method)
     * against the units of their timed minutes added up: each visit counts its units by the 8-minute table, but the
     * table applies to the day's minutes together (10 minutes in the morning and 10 in the afternoon make one unit,
     * not two). A visit's units are what it bills, but no more than its own minutes earn (units over that are its
     * own MW-B002). A visit whose lines of the discipline all duplicate another's (MW-A006) is left out, as the void
     * claim it is; a discipline with a visit only partly duplicated is MW-A006's business (it says what to merge), and
     * one whose visits bill the same minutes MW-A014's; a visit billing timed units with no minutes documented (a
     * claim read from an 837) leaves the day's count unknown.
     * Reported on the day's last visit of the discipline.
     */
    private static void dayUnits(List<VisitDigest> day, Set<String> duplicated, Set<String> overlapping,
                                 List<AcrossFinding> out) {
        Map<String, List<VisitDigest>> byPayer = new java.util.TreeMap<>();
        for (VisitDigest v : day) {
            if (!v.dayMinutes().isEmpty()) {
                byPayer.computeIfAbsent(v.payer(), k -> new ArrayList<>(2)).add(v);
            }
        }
        for (List<VisitDigest> visits : byPayer.values()) {
            if (visits.size() < 2) {
                continue;
            }
            for (org.minutewise.core.model.Discipline d : org.minutewise.core.model.Discipline.values()) {
                List<VisitDigest> with = new ArrayList<>(visits.size());
                List<VisitDigest.DayMinutes> parts = new ArrayList<>(visits.size());
                boolean partly = false;
                boolean unknown = false;
                for (VisitDigest v : visits) {
                    int copied = duplicatedUnder(v, d.modifier(), duplicated);
                    if (copied == ALL_COPIED) {
                        continue; // a duplicate claim of the discipline's lines: void (MW-A006), not a session
                    }
                    partly |= copied == SOME_COPIED;
                    for (VisitDigest.DayMinutes m : v.dayMinutes()) {
                        if (m.discipline().equals(d.name())) {
                            with.add(v);
                            parts.add(m);
                            unknown |= !m.complete(); // a timed code billed with no minutes (an 837)
                        }
                    }
                }
                if (with.size() < 2 || partly || unknown || overlapAmong(with, overlapping)) {
                    continue; // MW-A006 says which minutes to merge; MW-A014 that minutes are billed twice
                }
                DayTally tally = DayTally.of(with, parts);
                int minutes = tally.minutes();
                int counted = tally.counted();
                int earned = tally.earned();
                List<String> eachMinutes = tally.eachMinutes();
                List<String> eachUnits = tally.eachUnits();
                List<String> eachEarned = tally.eachEarned();
                List<String> ids = tally.ids();
                int units = org.minutewise.core.units.UnitCalculator.unitsForMinutes(minutes);
                // Over: the visits bill more than the day's minutes make. Under: the day's minutes make more than the
                // visits' own minutes earn one by one (a visit billing less than its own minutes earn is its MW-B003).
                if (counted <= units && earned >= units) {
                    continue;
                }
                String visitsText = "The patient's " + with.size() + " visits of " + with.get(0).date() + " ("
                        + String.join(", ", ids) + ") have " + minutes + " timed " + d.name() + " minutes together ("
                        + String.join(" + ", eachMinutes) + "), which make " + units + (units == 1 ? " unit" : " units")
                        + " by the 8-minute rule; ";
                String last = with.get(with.size() - 1).visitId();
                if (counted > units) {
                    DayCodes byCode = DayCodes.of(parts, units);
                    List<UnitCut> cuts = cuts(with, parts, counted - units, byCode);
                    out.add(new AcrossFinding(last, DAY_UNITS_OVER.finding("claimLines", visitsText + "the visits "
                            + "bill " + counted + " timed units (" + String.join(" + ", eachUnits) + "), each "
                            + "counting its own minutes" + beyond(parts) + ". A day's timed minutes become units "
                            + "together, not each session's: bill " + units + " across the day's claims ("
                            + (counted - units) + " fewer)" + cutsText(cuts) + "."
                            + tiesText(byCode)), cuts));
                } else {
                    out.add(new AcrossFinding(last, DAY_UNITS_UNDER.finding("claimLines", visitsText + "the visits' "
                            + "own minutes earn " + earned + " (" + String.join(" + ", eachEarned) + "), each counted "
                            + "alone: " + (units - earned) + " more timed " + (units - earned == 1 ? "unit is"
                            : "units are") + " supported by the day's minutes together.")));
                }
            }
        }
    }

    /**
     * MW-A012 and MW-A013 for a payer of the CPT method (RULES.md §3.2 with §2: each code on its own, but a day's
     * periods of a code add up before rounding): a timed code the patient's visits of one day (one billing provider
     * and payer) document or bill on two visits or more, its minutes together against the units the visits bill of
     * it, each counting no more than its own minutes earn (that excess is its own MW-B002). Left unjudged as
     * {@link #dayUnits} leaves a day: a visit billing the code with no minutes of it, a line of it on a duplicate
     * claim (MW-A006), visits billing the same minutes (MW-A014), the code under two disciplines; and so is a code
     * the minutes a therapist shared with another patient already cut on one of the visits (MW-A001, {@code taken}:
     * the digests count those minutes still), and the cognitive pair 97129/97130, one service of two codes.
     */
    private static void codeDayUnits(List<VisitDigest> day, Set<String> duplicated, Set<String> overlapping,
                                     List<UnitCut> taken, List<AcrossFinding> out) {
        Map<String, Map<String, List<VisitDigest>>> byPayer = new java.util.TreeMap<>();
        for (VisitDigest v : day) {
            if (v.dayMinutes().isEmpty()) { // the CPT method (a visit with no timed minutes or units has none)
                for (VisitDigest.Treatment t : v.treatments()) {
                    if (t.minutes() > 0 && !org.minutewise.core.units.Cognitive.isPair(t.code())) {
                        List<VisitDigest> with = byPayer.computeIfAbsent(v.payer(), k -> new java.util.TreeMap<>())
                                .computeIfAbsent(t.code(), k -> new ArrayList<>(2));
                        if (!with.contains(v)) {
                            with.add(v);
                        }
                    }
                }
            }
        }
        for (Map<String, List<VisitDigest>> byCode : byPayer.values()) {
            for (Map.Entry<String, List<VisitDigest>> e : byCode.entrySet()) {
                String code = e.getKey();
                List<VisitDigest> with = new ArrayList<>(e.getValue());
                // Visits of the payer that bill the code without minutes of it: the day's minutes are not all known.
                boolean unknown = false;
                for (VisitDigest v : day) {
                    if (!with.contains(v) && v.payer().equals(with.get(0).payer()) && billedUnits(v, code) > 0) {
                        unknown = true;
                    }
                }
                if (with.size() < 2 || unknown || overlapAmong(with, overlapping) || cutOn(with, code, taken)) {
                    continue;
                }
                String discipline = null;
                boolean judged = true;
                List<VisitDigest> counted = new ArrayList<>(with.size());
                List<VisitDigest.DayMinutes> parts = new ArrayList<>(with.size());
                for (VisitDigest v : with) {
                    int minutes = 0;
                    for (VisitDigest.Treatment t : v.treatments()) {
                        if (t.code().equals(code) && t.counted()) {
                            minutes += t.minutes();
                        }
                    }
                    int billed = 0;
                    int lines = 0;
                    int copied = 0;
                    for (int i = 0; i < v.lines().size(); i++) {
                        VisitDigest.Line l = v.lines().get(i);
                        if (l.code().equals(code) && l.units() > 0) {
                            judged &= discipline == null || discipline.equals(billedUnder(l));
                            discipline = billedUnder(l);
                            billed += l.units();
                            lines++;
                            copied += duplicated.contains(lineKey(v, i)) ? 1 : 0;
                        }
                    }
                    if (copied > 0 && copied == lines) {
                        continue; // a duplicate claim's lines of the code: void (MW-A006), not a session
                    }
                    judged &= copied == 0; // partly duplicated: MW-A006 says what to merge
                    int earned = org.minutewise.core.units.UnitCalculator.unitsForMinutes(minutes);
                    counted.add(v);
                    parts.add(new VisitDigest.DayMinutes(discipline == null ? "" : discipline, minutes, earned, billed,
                            true, List.of(new VisitDigest.DayMinutes.Code(code, minutes, earned))));
                }
                if (judged && counted.size() >= 2) {
                    codeDay(counted, parts, code, out);
                }
            }
        }
    }

    /** Whether one of the visits' {@code code} lost units to a cut already taken (MW-A001). */
    private static boolean cutOn(List<VisitDigest> visits, String code, List<UnitCut> taken) {
        for (UnitCut c : taken) {
            if (c.code().equals(code)) {
                for (VisitDigest v : visits) {
                    if (v.visitId().equals(c.visitId())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@link #codeDayUnits}' finding for one code's visits of the day ({@code parts}: each one's minutes of it). */
    private static void codeDay(List<VisitDigest> with, List<VisitDigest.DayMinutes> parts, String code,
                                List<AcrossFinding> out) {
        DayTally t = DayTally.of(with, parts);
        int units = org.minutewise.core.units.UnitCalculator.unitsForMinutes(t.minutes());
        if (t.counted() <= units && t.earned() >= units) {
            return;
        }
        String visitsText = "The patient's " + with.size() + " visits of " + with.get(0).date() + " ("
                + String.join(", ", t.ids()) + ") have " + t.minutes() + " minutes of " + code + " together ("
                + String.join(" + ", t.eachMinutes()) + "), which make " + units + (units == 1 ? " unit" : " units")
                + " by the CPT time rule (the payer's per-code method: a code's periods of the day add up before "
                + "they become its units); ";
        String last = with.get(with.size() - 1).visitId();
        if (t.counted() > units) {
            List<UnitCut> cuts = cuts(with, parts, t.counted() - units, null);
            out.add(new AcrossFinding(last, DAY_UNITS_OVER.finding("claimLines", visitsText + "the visits bill "
                    + t.counted() + " units of " + code + " (" + String.join(" + ", t.eachUnits()) + "), each "
                    + "counting its own minutes" + beyond(parts) + ". A day's minutes of a code become its units "
                    + "together, not each session's: bill " + units + " across the day's claims ("
                    + (t.counted() - units) + " fewer)" + cutsText(cuts) + "."), cuts));
        } else {
            out.add(new AcrossFinding(last, DAY_UNITS_UNDER.finding("claimLines", visitsText + "the visits' own "
                    + "minutes earn " + t.earned() + " (" + String.join(" + ", t.eachEarned()) + "), each counted "
                    + "alone: " + (units - t.earned()) + " more " + (units - t.earned() == 1 ? "unit is" : "units are")
                    + " supported by the day's minutes of " + code + " together.")));
        }
    }

    /**
     * The day's visits' minutes as MW-A012/A013 add them up: in all ({@code minutes}), the units each counts toward
     * the day ({@link VisitDigest.DayMinutes#counted}) and earns on its own, and each visit's figure and id as the
     * message lists them.
     */
    private record DayTally(int minutes, int counted, int earned, List<String> eachMinutes, List<String> eachUnits,
                            List<String> eachEarned, List<String> ids) {
        static DayTally of(List<VisitDigest> with, List<VisitDigest.DayMinutes> parts) {
            int minutes = 0;
            int counted = 0;
            int earned = 0;
            List<String> eachMinutes = new ArrayList<>(parts.size());
            List<String> eachUnits = new ArrayList<>(parts.size());
            List<String> eachEarned = new ArrayList<>(parts.size());
            List<String> ids = new ArrayList<>(with.size());
            for (int i = 0; i < parts.size(); i++) {
                minutes += parts.get(i).minutes();
                counted += parts.get(i).counted();
                earned += parts.get(i).units();
                eachMinutes.add(Integer.toString(parts.get(i).minutes()));
                eachUnits.add(Integer.toString(parts.get(i).counted()));
                eachEarned.add(Integer.toString(parts.get(i).units()));
                ids.add(with.get(i).visitId());
            }
            return new DayTally(minutes, counted, earned, eachMinutes, eachUnits, eachEarned, ids);
        }
    }

    /**
     * Where the units over the day's go: first off the codes that earn more units on their visits than the CMS method
     * gives them over the day's minutes of each code ({@link DayCodes#excess}: 97110 10 + 10 minutes on two visits and
     * 97140 12 minutes on a third make 2 units, one each, so the unit comes off a 97110, not off 97140), then as
     * before: from the day's last visit back, within a visit from its code with the fewest minutes (the unit the
     * fewest minutes stand behind; ties by code), no more from a visit than it counts toward the day
     * ({@link VisitDigest.DayMinutes#counted}) nor from a code than its minutes earn there.
     */
    private static List<UnitCut> cuts(List<VisitDigest> visits, List<VisitDigest.DayMinutes> parts, int over,
                                      DayCodes day) {
        List<UnitCut> cuts = new ArrayList<>(2);
        int[] left = {over};
        int[] fromVisit = new int[visits.size()];
        Map<String, Integer> taken = new HashMap<>(4);
        Map<String, Integer> excess = day == null ? null : day.excess(parts);
        if (excess != null) {
            // First from the codes that hold more units than the CMS method gives them over the day's minutes.
            take(visits, parts, left, fromVisit, taken, excess, cuts);
        }
        take(visits, parts, left, fromVisit, taken, null, cuts);
        return cuts;
    }

    /**
     * One pass of {@link #cuts}: from the day's last visit back, within a visit from its code with the fewest minutes
     * (ties by code); with {@code excess}, only from the codes it names, and no more than it says.
     */
    private static void take(List<VisitDigest> visits, List<VisitDigest.DayMinutes> parts, int[] left,
                             int[] fromVisit, Map<String, Integer> taken, Map<String, Integer> excess,
                             List<UnitCut> cuts) {
        for (int i = visits.size() - 1; i >= 0 && left[0] > 0; i--) {
            VisitDigest.DayMinutes m = parts.get(i);
            int room = Math.min(left[0], m.counted() - fromVisit[i]);
            List<VisitDigest.DayMinutes.Code> codes = withCognitivePair(m.codes());
            codes.sort(java.util.Comparator.comparingInt(VisitDigest.DayMinutes.Code::minutes)
                    .thenComparing(VisitDigest.DayMinutes.Code::code));
            for (VisitDigest.DayMinutes.Code c : codes) {
                String key = i + "|" + c.code();
                int had = taken.getOrDefault(key, 0);
                int take = Math.min(room, c.units() - had);
                if (excess != null) {
                    take = Math.min(take, excess.getOrDefault(c.code(), 0));
                }
                if (take <= 0) {
                    continue;
                }
                room -= take;
                left[0] -= take;
                fromVisit[i] += take;
                taken.put(key, had + take);
                if (excess != null) {
                    excess.merge(c.code(), -take, Integer::sum);
                }
                if (c.code().equals(org.minutewise.core.units.Cognitive.BASE)) {
                    // 97129's units are the pair's (those not taken yet): the units come off 97130 first.
                    UnitCut.offCognitivePair(visits.get(i).visitId(), c.units() - had, take, cuts);
                } else {
                    cuts.add(new UnitCut(visits.get(i).visitId(), c.code(), take));
                }
            }
        }
    }

    /**
     * The day's timed minutes of each code, as the CMS method shares the day's units out over them (RULES.md §3.1: a
     * unit per full 15 minutes of a code, the rest, {@code extra}, to the largest leftovers, equal leftovers to the
     * code with more minutes, then by code, the default where the qualified professional chooses). 97129 and 97130
     * count as one code.
     *
     * @param minutes the day's minutes by code
     * @param order   the codes in the order the extra units go to them
     * @param extra   the day's units beyond one per full 15 minutes of each code
     */
    private record DayCodes(Map<String, Integer> minutes, List<String> order, int extra) {
        /**
         * The day's codes, or null when a visit's minutes by code are not all known (the digest lists the codes that
         * earn a unit on their visit; the day's count of minutes is still right).
         */
        static DayCodes of(List<VisitDigest.DayMinutes> parts, int units) {
            Map<String, Integer> day = new java.util.TreeMap<>();
            for (VisitDigest.DayMinutes m : parts) {
                int listed = 0;
                for (VisitDigest.DayMinutes.Code c : withCognitivePair(m.codes())) {
                    day.merge(c.code(), c.minutes(), Integer::sum);
                    listed += c.minutes();
                }
                if (listed != m.minutes()) {
                    return null;
                }
            }
            int extra = units;
            for (int m : day.values()) {
                extra -= m / 15;
            }
            List<String> order = new ArrayList<>(day.keySet());
            order.sort((a, b) -> {
                int ma = day.get(a);
                int mb = day.get(b);
                return ma % 15 != mb % 15 ? Integer.compare(mb % 15, ma % 15) : ma != mb ? Integer.compare(mb, ma)
                        : a.compareTo(b);
            });
            return new DayCodes(day, order, extra);
        }

        /** The units each code earns on the day's visits beyond what the method gives it, by code (only those over). */
        Map<String, Integer> excess(List<VisitDigest.DayMinutes> parts) {
            Map<String, Integer> earned = new HashMap<>(4);
            for (VisitDigest.DayMinutes m : parts) {
                for (VisitDigest.DayMinutes.Code c : withCognitivePair(m.codes())) {
                    earned.merge(c.code(), c.units(), Integer::sum);
                }
            }
            Map<String, Integer> excess = new HashMap<>(4);
            for (Map.Entry<String, Integer> e : earned.entrySet()) {
                int given = minutes.getOrDefault(e.getKey(), 0) / 15 + (order.indexOf(e.getKey()) < extra ? 1 : 0);
                if (e.getValue() > given) {
                    excess.put(e.getKey(), e.getValue() - given);
                }
            }
            return excess;
        }

        /** The codes tied at the cut-off of the extra units (the qualified professional's choice), or none. */
        List<String> tied() {
            if (extra <= 0 || extra >= order.size()) {
                return List.of();
            }
            int in = minutes.get(order.get(extra - 1));
            int out = minutes.get(order.get(extra));
            if (in != out || in % 15 == 0) {
                return List.of();
            }
            List<String> tied = new ArrayList<>(2);
            for (String code : order) {
                if (minutes.get(code) == in) {
                    tied.add(code);
                }
            }
            return tied;
        }
    }

    /**
     * The codes with 97129 and 97130 as one entry under 97129 (one service: the claim bills its first unit on
     * 97129 and the rest on 97130, however the minutes were documented), so a cut takes 97130's units first.
     */
    static List<VisitDigest.DayMinutes.Code> withCognitivePair(List<VisitDigest.DayMinutes.Code> codes) {
        List<VisitDigest.DayMinutes.Code> out = new ArrayList<>(codes.size());
        int minutes = 0;
        int units = 0;
        boolean pair = false;
        for (VisitDigest.DayMinutes.Code c : codes) {
            if (org.minutewise.core.units.Cognitive.isPair(c.code())) {
                pair = true;
                minutes += c.minutes();
                units += c.units();
            } else {
                out.add(c);
            }
        }
        if (pair) {
            out.add(new VisitDigest.DayMinutes.Code(org.minutewise.core.units.Cognitive.BASE, minutes, units));
        }
        return out;
    }

    /** What a message says of the day's cut-off when it is a tie (empty when it is not, or is not known). */
    private static String tiesText(DayCodes day) {
        List<String> tied = day == null ? List.of() : day.tied();
        if (tied.isEmpty()) {
            return "";
        }
        return " Counted over the day, " + String.join(" and ", tied) + " have " + day.minutes().get(tied.get(0))
                + " minutes each: which of them keeps the day's last unit is the qualified professional's choice "
                + "(RULES.md §3.1), and the cut may as well come off the other.";
    }

    /** " (the corrected claim lines take 1 unit off 97110 of visit V2)", or "" when there are none. */
    private static String cutsText(List<UnitCut> cuts) {
        if (cuts.isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>(cuts.size());
        for (UnitCut c : cuts) {
            each.add(c.units() + (c.units() == 1 ? " unit" : " units") + " off " + c.code() + " of visit "
                    + c.visitId());
        }
        return "; the corrected claim lines take " + String.join(" and ", each);
    }

    /**
     * What a message says of units a visit bills beyond its own minutes' (left out of the day's count: each visit's
     * own MW-B002 reports them); empty when there are none.
     */
    private static String beyond(List<VisitDigest.DayMinutes> parts) {
        int over = 0;
        for (VisitDigest.DayMinutes m : parts) {
            over += Math.max(0, m.billed() - m.units());
        }
        return over == 0 ? "" : " (and " + over + " more unit" + (over == 1 ? "" : "s") + " beyond what a visit's own "
                + "minutes earn, which that visit's MW-B002 reports)";
    }

    /** Every line of the visit with units bills again an earlier visit's service (MW-A006): a duplicate claim. */
    private static boolean whollyDuplicated(VisitDigest v, Set<String> duplicated) {
        return duplicatedUnder(v, null, duplicated) == ALL_COPIED;
    }

    private static final int NONE_COPIED = 0;
    private static final int SOME_COPIED = 1;
    private static final int ALL_COPIED = 2;

    /**
     * Whether none, some or all of the visit's lines with units billed under {@code modifier} (under any discipline
     * when null) duplicate an earlier visit's (MW-A006).
     */
    private static int duplicatedUnder(VisitDigest v, String modifier, Set<String> duplicated) {
        if (duplicated.isEmpty()) {
            return NONE_COPIED;
        }
        int lines = 0;
        int copied = 0;
        for (int i = 0; i < v.lines().size(); i++) {
            VisitDigest.Line l = v.lines().get(i);
            if (l.units() > 0 && (modifier == null || billedUnder(l).equals(modifier))) {
                lines++;
                if (duplicated.contains(lineKey(v, i))) {
                    copied++;
                }
            }
        }
        return copied == 0 ? NONE_COPIED : copied == lines ? ALL_COPIED : SOME_COPIED;
    }

    /** Whether two of the visits bill the same minutes (a pair MW-A014 found). */
    private static boolean overlapAmong(List<VisitDigest> visits, Set<String> overlapping) {
        if (overlapping.isEmpty()) {
            return false;
        }
        for (VisitDigest a : visits) {
            for (VisitDigest b : visits) {
                if (overlapping.contains(a.visitId() + '|' + b.visitId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The patient's days with two visits or more of one billing provider (NCCI edits and MUEs are per provider and
     * day), each day's visits in order, from the dates with two visits or more ({@link #severalADay}).
     */
    private static List<List<VisitDigest>> sameDay(List<List<VisitDigest>> dates) {
        List<List<VisitDigest>> days = new ArrayList<>();
        for (List<VisitDigest> date : dates) {
            Map<String, List<VisitDigest>> byBiller = new java.util.TreeMap<>();
            for (VisitDigest v : date) {
                byBiller.computeIfAbsent(v.biller(), k -> new ArrayList<>(2)).add(v);
            }
            for (List<VisitDigest> day : byBiller.values()) {
                if (day.size() >= 2) {
                    days.add(day);
                }
            }
        }
        return days;
    }

    /** The patient's dates with two visits or more, each date's visits in order (the input sorted by date). */
    private static List<List<VisitDigest>> severalADay(List<VisitDigest> sorted) {
        List<List<VisitDigest>> dates = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).date().equals(sorted.get(i).date())) {
                j++;
            }
            if (j - i >= 2) {
                dates.add(sorted.subList(i, j));
            }
            i = j;
        }
        return dates;
    }

    /**
     * The discipline a line was billed under: its GP, GO or GN, or without one (MW-B004 says so) that of its
     * documented service (as the day's minutes count it), so a line whose modifier is missing is still the duplicate
     * of the same service on another visit; "" for a code no discipline bills. The duplicate claims (MW-A006) tell
     * services apart by it: a duplicate claim's lines of one code and discipline are all duplicates or none.
     */
    public static String billedUnder(VisitDigest.Line l) {
        String d = disciplineModifier(l.modifiers());
        if (!d.isEmpty()) {
            return d;
        }
        return l.bucket().isEmpty() ? "" : l.discipline().modifier();
    }


    /** GP, GO or GN among a line's modifiers ("" when none: such lines are compared among themselves). */
    private static String disciplineModifier(List<String> modifiers) {
        Discipline d = Discipline.ofModifiers(modifiers);
        return d == null ? "" : d.modifier();
    }
}
