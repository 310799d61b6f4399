package org.minutewise.formats;

import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.rules.BilledLines;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.csv.CsvVisitWriter;
import org.minutewise.formats.fhir.FhirClaimWriter;
import org.minutewise.formats.fhir.FhirR4;
import org.minutewise.formats.fhir.FhirVisitWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.minutewise.formats.x12.X12Envelope;
import org.minutewise.formats.x12.X12Writer;

/** Check results in the output formats the CLI, the server and the batch audit share. */
public final class VisitOutput {
    private VisitOutput() {
    }

    /**
     * The CSV layout, with the engine's claim lines as the billed columns (the corrected claim): their units, modifiers
     * (with the billed ones the engine has no say on, {@link #keptModifiers}) and charges in {@code billedUnits},
     * {@code billedModifiers} and {@code charge}, and their diagnosis pointers in {@code billedDiagnosisPointers}, as
     * the 837 of the same check points its lines (SV107).
     */
    public static String csv(List<CheckResult> results) {
        List<Visit> visits = new ArrayList<>(results.size());
        // Each claim line's services: a code's CQ/CO lines split by supervisor go on their own assistants' rows.
        List<List<List<Integer>>> from = new ArrayList<>(results.size());
        for (CheckResult r : results) {
            visits.add(withClaimAsBilled(r));
            from.add(r.engineClaim().lines().stream().map(ClaimLine::serviceIndexes).toList());
        }
        return CsvVisitWriter.write(visits, from);
    }

    /**
     * The visit with its billed lines replaced by the claim lines the engine built from the documented minutes (the
     * corrected claim, also when the visit came billed: its billed lines are what MW-B001..B012 compared them with),
     * each with the engine's diagnosis pointers and its charge by {@link LineCharges#corrected} (a line at the units
     * billed keeps the billed charge; a corrected one the clinic's fee for the units sent).
     */
    public static Visit withClaimAsBilled(CheckResult r) {
        List<BilledLine> billed = new ArrayList<>();
        List<LineCharges.Charge> charges = LineCharges.corrected(r);
        List<ClaimLine> lines = r.engineClaim().lines();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            billed.add(new BilledLine(l.code(), keptModifiers(r, l), l.units(), charges.get(i).amount(),
                    l.diagnosisPointers()));
        }
        // A billed code documented without minutes (an 837 read back, MW-B001): the engine cannot count it, so its
        // billed lines stay as billed rather than drop off the claim.
        for (BilledLine b : r.visit().billed()) {
            if (BilledLines.documentedWithoutTime(r.visit(), b.code()) && r.engineClaim().lines().stream()
                    .noneMatch(l -> l.code().equals(b.code()))) {
                billed.add(b);
            }
        }
        return r.visit().toBuilder().billed(billed).build();
    }

    /**
     * The modifiers the engine puts on a line or judges against the documentation, whatever the payer (KX on a
     * Medicare claim only: another payer's KX is its own policy's, kept as billed, MW-B017).
     */
    private static final java.util.Set<String> ENGINE_MODIFIERS = java.util.Set.of("GP", "GO", "GN", "CQ", "CO",
            "59", "XE", "XS", "XP", "XU", "AT", "GY", "GX");

    /**
     * Billed modifiers that change the fee schedule amount (CMS's pricing modifiers among those of therapy claims:
     * increased, reduced or discontinued services, bilateral, multiple procedures, a component): kept before the
     * informational ones (95, GT, RT, ...) when the line has no room for all.
     */
    private static final java.util.Set<String> PRICING_MODIFIERS = java.util.Set.of("22", "26", "50", "51", "52", "53",
            "TC");

    /**
     * The corrected line's modifiers: the engine's, then those billed on the code's line (on its CQ/CO line or the
     * other, as this one is; any of the code's when none is) that the engine neither adds nor judges (95, GT, 52, RT,
     * a payer's own...), kept as billed as the 837 and the FHIR Claim of the same check keep them, up to four, the
     * pricing ones ({@link #PRICING_MODIFIERS}: 52, 22, ...) first; those left off are {@link #leftOffModifiers}.
     * GA/GZ and KX are the engine's on a Medicare claim (the visit's ABN, the threshold), 96/97 for a payer that asks
     * for them; for another payer a billed 96 or 97 is kept as the visit's purpose says (a billed 96 gives it when the
     * visit states none), so the corrected claim never turns a habilitative visit's 96 into 97 (MW-B006).
     */
    static List<String> keptModifiers(CheckResult r, ClaimLine engine) {
        List<String> extra = billedExtras(r, engine);
        if (extra.isEmpty()) {
            return engine.modifiers();
        }
        List<String> out = new ArrayList<>(engine.modifiers());
        for (String m : extra) {
            if (out.size() < org.minutewise.core.claim.ClaimBuilder.MAX_MODIFIERS) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** The billed modifiers {@link #keptModifiers} has no room for on the line (a line holds four), in its order. */
    static List<String> leftOffModifiers(CheckResult r, ClaimLine engine) {
        List<String> extra = billedExtras(r, engine);
        int room = Math.max(0, org.minutewise.core.claim.ClaimBuilder.MAX_MODIFIERS - engine.modifiers().size());
        return extra.size() <= room ? List.of() : List.copyOf(extra.subList(room, extra.size()));
    }

    /** The billed modifiers the engine has no say on, for the corrected line: pricing ones first, then as billed. */
    private static List<String> billedExtras(CheckResult r, ClaimLine engine) {
        List<BilledLine> sameCode = new ArrayList<>();
        List<BilledLine> sameKind = new ArrayList<>();
        boolean assistant = org.minutewise.core.claim.ClaimBuilder.assistantModifier(engine.modifiers());
        for (BilledLine b : r.visit().billed()) {
            if (b.code().equals(engine.code())) {
                sameCode.add(b);
                if (org.minutewise.core.claim.ClaimBuilder.assistantModifier(b.modifiers()) == assistant) {
                    sameKind.add(b);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (BilledLine b : sameKind.isEmpty() ? sameCode : sameKind) {
            for (String billed : b.modifiers()) {
                String m = isPurposeModifier(billed) && r.visit().purposeStated() ? r.visit().purpose().modifier()
                        : billed;
                if (!enginesModifier(r, m) && !engine.modifiers().contains(m) && !out.contains(m)) {
                    out.add(m);
                }
            }
        }
        List<String> pricingFirst = new ArrayList<>(out.size());
        out.stream().filter(PRICING_MODIFIERS::contains).forEach(pricingFirst::add);
        out.stream().filter(m -> !PRICING_MODIFIERS.contains(m)).forEach(pricingFirst::add);
        return pricingFirst;
    }

    /**
     * What a caller should hear of the corrected claim {@link #csv} writes, one line each: a billed modifier left off
     * a line that has no room for it (four at most: the engine's first, then the billed ones it has no say on, pricing
     * ones first), and a corrected line that keeps its billed charge for want of a fee ({@link LineCharges}).
     */
    public static List<String> csvNotes(List<CheckResult> results) {
        List<String> out = new ArrayList<>();
        for (CheckResult r : results) {
            List<ClaimLine> lines = r.engineClaim().lines();
            for (int i = 0; i < lines.size(); i++) {
                ClaimLine l = lines.get(i);
                List<String> left = leftOffModifiers(r, l);
                if (!left.isEmpty()) {
                    out.add("visit " + r.visit().id() + ": corrected line " + (i + 1) + " (" + l.code() + ") leaves "
                            + "off the billed " + String.join(", ", left) + ": a line holds four modifiers (837P SV101-3 "
                            + "to -6, the CSV's billedModifiers), and it carries " + String.join(", ",
                            keptModifiers(r, l)) + " (Minutewise's first, then the billed ones it has no say on, "
                            + "pricing ones first); check with the payer which it needs most");
                }
            }
            LineCharges.corrected(r).forEach(c -> c.note().ifPresent(out::add));
        }
        return out;
    }

    private static boolean enginesModifier(CheckResult r, String m) {
        return ENGINE_MODIFIERS.contains(m) || r.payer().isMedicare() && (m.equals("GA") || m.equals("GZ")
                || m.equals("KX")) || r.payer().habilitativeModifiers() && isPurposeModifier(m);
    }

    private static boolean isPurposeModifier(String m) {
        return m.equals(org.minutewise.core.model.Purpose.HABILITATIVE.modifier())
                || m.equals(org.minutewise.core.model.Purpose.REHABILITATIVE.modifier());
    }

    /** A FHIR R4 Bundle with a Claim and an OperationOutcome per visit (and the resources they refer to). */
    public static String fhir(List<CheckResult> results) {
        List<FhirClaimWriter.Entry> entries = new ArrayList<>();
        results.forEach(r -> entries.add(FhirClaimWriter.Entry.checked(r)));
        return FhirClaimWriter.writeAll(entries) + "\n";
    }

    /** Visits as FHIR input-style Bundles (Patient, Encounter, Procedure, Condition, Coverage), times in UTC. */
    public static String fhirVisits(List<Visit> visits) {
        return fhirVisits(visits, ZoneOffset.UTC);
    }

    /** The same, the visits' clock times in the clinic's zone (with its offset on the date of service). */
    public static String fhirVisits(List<Visit> visits, java.time.ZoneId zone) {
        return FhirR4.jsonParser().setPrettyPrint(true).encodeResourceToString(FhirVisitWriter.bundle(visits,
                zone)) + "\n";
    }

    /**
     * What a caller should hear before sending an 837 of these visits: a claim id (CLM01) over 20 characters, of
     * which the 837P and 837I implementation guides ask receivers to keep only 20 (the 835 may come back under a
     * shortened id), and a billed line without a charge written at the clinic's fee ({@link LineCharges#sent}). One
     * line each.
     */
    public static List<String> x12Notes(List<CheckResult> results) {
        List<String> out = new java.util.ArrayList<>();
        for (CheckResult r : results) {
            String id = r.visit().id();
            // A billed line without a charge, written at the clinic's fee for its units.
            LineCharges.sent(r).forEach(c -> c.note().ifPresent(out::add));
            if (id.length() > 20) {
                out.add("visit " + id + ": its id is " + id.length() + " characters; an 837's receiver need keep "
                        + "only 20 of the claim id (CLM01), so the remittance may not match it");
            }
            if (!r.visit().billed().isEmpty()) {
                // A claim billed elsewhere is written as billed: a line of 0 units goes out as SV104 0 (MW-B013).
                List<ClaimLine> lines = r.claim().lines();
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).units() == 0) {
                        out.add("visit " + id + ": billed line " + (i + 1) + " (" + lines.get(i).code() + ") is "
                                + "written with 0 units, as billed; payer " + r.payer().id() + (r.payer()
                                .sendZeroUnitLines() ? " takes 0-unit lines (its profile's sendZeroUnitLines)"
                                : " returns it as invalid units of service (MW-B013)"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The same, and a secondary payer the 837 leaves out ({@link X12Writer#secondaryPayerLeftOut}: Medicare second),
     * looked up in the payer profiles the visits were checked with, and a dependent's secondary coverage the 837
     * takes to be the patient's own ({@link X12Writer#secondarySubscriberAssumed}).
     */
    public static List<String> x12Notes(List<CheckResult> results, ReferenceData ref) {
        List<String> out = x12Notes(results);
        for (CheckResult r : results) {
            X12Writer.secondaryPayerLeftOut(r.visit(), ref.payers()).ifPresent(why -> out.add("visit "
                    + r.visit().id() + ": " + why));
            X12Writer.secondarySubscriberAssumed(r.visit(), ref.payers()).ifPresent(what -> out.add("visit "
                    + r.visit().id() + ": " + what));
        }
        return out;
    }

    /**
     * An X12 interchange: 837P for professional settings, 837I for institutional ones (two groups when a batch
     * mixes them). Missing claim data is an {@link InputException} naming the field and the visit.
     */
    public static String x12(List<CheckResult> results, String sender, String receiver, int control,
                             LocalDateTime created) {
        X12Envelope env = X12Envelope.defaults().withSender("ZZ", sender).withReceiver("ZZ", receiver, receiver)
                .withControlNumbers(control, control);
        return X12Writer.write(results, env, created);
    }

    /** The X12 envelope the CLI writes with: sender and receiver ids (qualifier ZZ), the first control number. */
    public static X12Envelope envelope(String sender, String receiver, int control) {
        return X12Envelope.defaults().withSender("ZZ", sender).withReceiver("ZZ", receiver, receiver)
                .withControlNumbers(control, control);
    }

    /**
     * The claims of these visits that an 837 can carry, written as {@link #x12(List, ReferenceData, String, String,
     * int, LocalDateTime)} writes them, and the visits it cannot ({@link X12Writer#writeWritable}).
     */
    public static X12Writer.Partial x12Writable(List<CheckResult> results, ReferenceData ref, X12Envelope env,
                                                LocalDateTime created) {
        return X12Writer.writeWritable(results, env, created, ref.payers());
    }

    /** The same, a visit's secondary payer (837 loop 2320/2330B) looked up in the payer profiles of {@code ref}. */
    public static String x12(List<CheckResult> results, ReferenceData ref, String sender, String receiver, int control,
                             LocalDateTime created) {
        X12Envelope env = X12Envelope.defaults().withSender("ZZ", sender).withReceiver("ZZ", receiver, receiver)
                .withControlNumbers(control, control);
        return X12Writer.write(results, env, created, ref.payers());
    }
}
