package org.minutewise.formats.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;

/**
 * A checked visit to FHIR R4: a Bundle (type collection) holding the Claim, an OperationOutcome with one issue per
 * finding, and the Patient, Coverage, Organizations and Practitioners the Claim refers to (each a Bundle entry
 * with a {@code urn:uuid} fullUrl, so every reference resolves inside the Bundle). The README's "FHIR R4" section
 * has the mapping table. The output is deterministic (no clock, name-based UUIDs) and passes HAPI's structure
 * validation (the R4 XML schema and Schematron invariants), which the tests check.
 */
public final class FhirClaimWriter {
    private static final Map<String, RuleInfo> RULES = rules();

    private FhirClaimWriter() {
    }

    /**
     * What goes into an output Bundle for one input visit: a check result (with the map of where its parts were
     * in a FHIR input, or {@link SourceMap#none()}), or the input error that stopped it.
     */
    public record Entry(Optional<CheckResult> result, SourceMap source, Optional<InputException> error) {
        public Entry {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(error, "error");
            if (result.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("an entry holds a check result or an input error");
            }
        }

        public static Entry checked(CheckResult r, SourceMap source) {
            return new Entry(Optional.of(r), source, Optional.empty());
        }

        public static Entry checked(CheckResult r) {
            return checked(r, SourceMap.none());
        }

        public static Entry rejected(InputException e) {
            return new Entry(Optional.empty(), SourceMap.none(), Optional.of(e));
        }
    }

    /** The Bundle for one checked visit as pretty-printed JSON; finding paths stay visit JSON paths. */
    public static String write(CheckResult r) {
        return writeAll(List.of(Entry.checked(r)));
    }

    /** The Bundle for one checked visit read from FHIR: finding expressions point into that input. */
    public static String write(CheckResult r, SourceMap source) {
        return writeAll(List.of(Entry.checked(r, source)));
    }

    /** One Bundle for many visits (and the input errors of those that could not be read), as JSON. */
    public static String writeAll(List<Entry> entries) {
        return FhirR4.jsonParser().setPrettyPrint(true).encodeResourceToString(bundle(entries, Optional.empty()));
    }

    /** One Bundle for many checked visits. */
    public static Bundle bundle(List<CheckResult> results) {
        List<Entry> entries = new ArrayList<>();
        results.forEach(r -> entries.add(Entry.checked(r)));
        return bundle(entries, Optional.empty());
    }

    /**
     * One Bundle for many visits.
     *
     * @param created the Claims' creation date; empty for each visit's date of service
     */
    public static Bundle bundle(List<Entry> entries, Optional<LocalDate> created) {
        Objects.requireNonNull(created, "created");
        Bundle out = new Bundle();
        out.setType(Bundle.BundleType.COLLECTION);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.result().isPresent()) {
                add(out, i, e.result().get(), e.source(), created);
            } else {
                InputException x = e.error().get();
                Bundle scratch = new Bundle();
                Entries es = new Entries(scratch, "rejected/" + i);
                OperationOutcome oo = new OperationOutcome();
                OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.INVALID)
                        .setDiagnostics(x.getMessage());
                if (x.path().startsWith("Bundle")) {
                    issue.addExpression(x.path());
                }
                out.addEntry().setFullUrl(es.uuid("outcome")).setResource(oo);
            }
        }
        return out;
    }

    private static void add(Bundle out, int index, CheckResult r, SourceMap source, Optional<LocalDate> created) {
        Visit v = r.visit();
        Bundle scratch = new Bundle();
        Entries e = new Entries(scratch, "claim/" + index + "/" + v.id());
        Claim claim = claim(r, e, created.orElse(v.dateOfService()));
        OperationOutcome oo = outcome(r, source);
        out.addEntry().setFullUrl(e.uuid("claim")).setResource(claim);
        out.addEntry().setFullUrl(e.uuid("outcome")).setResource(oo);
        out.getEntry().addAll(scratch.getEntry());
    }

    private static Claim claim(CheckResult r, Entries e, LocalDate created) {
        Visit v = r.visit();
        boolean institutional = v.setting().institutional();
        Claim c = new Claim();
        if (v.setting() != org.minutewise.core.model.Setting.PRIVATE_PRACTICE) {
            // Claim.type says professional or institutional, not which institution (the 837I's type of bill does):
            // the setting extension, as on the visit Bundle's Encounter, so that the Claim reads back as its visit.
            c.addExtension(FhirCodes.EXT_SETTING, new org.hl7.fhir.r4.model.CodeType(v.setting().wire()));
        }
        c.addIdentifier(Entries.identifier(FhirCodes.VISIT_ID, v.id()));
        c.setStatus(Claim.ClaimStatus.ACTIVE);
        c.setType(Entries.concept(FhirCodes.CLAIM_TYPE, institutional ? "institutional" : "professional",
                institutional ? "Institutional" : "Professional"));
        c.setUse(Claim.Use.CLAIM);
        c.setPatient(e.patient(v));
        c.setCreatedElement(new DateTimeType(created.toString()));
        c.setProvider(e.billingProvider(v).orElseGet(() -> Entries.absent("billing provider not given")));
        c.setPriority(Entries.concept(FhirCodes.PROCESS_PRIORITY, "normal", "Normal"));
        e.insurance(c, v); // the primary (focal), then the secondary payer's Coverage
        ClaimCorrection.write(c, v.claimInfo()); // a replacement or void: its frequency and the prior claim
        for (int i = 0; i < v.diagnoses().size(); i++) {
            c.addDiagnosis().setSequence(i + 1)
                    .setDiagnosis(Entries.concept(FhirCodes.ICD10CM, v.diagnoses().get(i), null));
        }
        Map<String, Integer> team = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean allCharged = !r.claim().lines().isEmpty();
        List<ClaimLine> lines = r.claim().lines();
        // The charges as the 837 of the same check writes them (a billed line without one at the clinic's fee).
        List<org.minutewise.formats.LineCharges.Charge> charges = org.minutewise.formats.LineCharges.sent(r);
        for (int n = 0; n < lines.size(); n++) {
            ClaimLine l = lines.get(n);
            Optional<BigDecimal> lineCharge = charges.get(n).amount();
            Claim.ItemComponent it = c.addItem();
            it.setSequence(n + 1);
            it.addCareTeamSequence(member(c, e, team, rendering(v, l), "primary", n));
            Optional<Provider> assistant = assistant(v, l);
            if (assistant.isPresent()) {
                it.addCareTeamSequence(member(c, e, team, assistant.get(), "assist", n));
            }
            l.diagnosisPointers().forEach(it::addDiagnosisSequence);
            if (institutional) {
                it.setRevenue(Entries.concept(FhirCodes.NUBC_REVENUE, revenue(l.discipline()), null));
            }
            it.setProductOrService(Entries.concept(FhirCodes.procedureSystem(l.code()), l.code(), null));
            // What was done, in words (an unlisted code's description, the 837P's SV101-7).
            java.util.OptionalInt described = l.describedBy(v);
            if (described.isPresent()) {
                it.getProductOrService().setText(v.services().get(described.getAsInt()).description().orElseThrow());
            }
            for (String m : l.modifiers()) {
                it.addModifier(Entries.concept(FhirCodes.modifierSystem(m), m, null));
            }
            it.setServiced(new DateType(v.dateOfService().toString()));
            bodySite(v, l).ifPresent(it::setBodySite);
            v.claimInfo().placeOfService().ifPresent(pos ->
                    it.setLocation(Entries.placeOfService(pos)));
            SimpleQuantity q = new SimpleQuantity();
            q.setValue(l.units());
            it.setQuantity(q);
            if (lineCharge.isPresent()) {
                BigDecimal charge = lineCharge.get().setScale(2, RoundingMode.HALF_UP);
                // net = quantity x unitPrice (Claim.item.net): the unit price exactly, to the tenth of a cent if
                // need be (75.25 for 2 units is 37.625), and none when no exact price exists (100 for 3 units).
                BigDecimal unit = unitPrice(charge, l.units());
                if (unit != null) {
                    it.setUnitPrice(Entries.usd(unit));
                }
                it.setNet(Entries.usd(charge));
                total = total.add(charge);
            } else {
                allCharged = false;
            }
        }
        if (allCharged) {
            c.setTotal(Entries.usd(total));
        }
        certifyingPhysician(c, e, v, team.size() + 1, institutional);
        return c;
    }

    /**
     * The physician or NPP who certified the plan of care, as a claim-level care team member: "referring" on a
     * professional claim and "attending" on an institutional one (the 837P's 2310A referring provider and the
     * 837I's attending provider; roles of the CARIN Blue Button care team role code system).
     */
    private static void certifyingPhysician(Claim c, Entries e, Visit v, int sequence, boolean institutional) {
        if (v.certification().isEmpty()) {
            return;
        }
        Certification cert = v.certification().get();
        if (cert.physician().isEmpty() && cert.physicianNpi().isEmpty()) {
            return;
        }
        String key = "certifying-physician";
        Reference ref;
        if (e.has(key)) {
            ref = e.ref(key);
        } else {
            Practitioner p = new Practitioner();
            cert.physicianNpi().ifPresent(n -> p.addIdentifier(Entries.identifier(FhirCodes.NPI, n)));
            cert.physician().ifPresent(n -> p.addName().setText(n));
            ref = e.add(key, p);
        }
        Claim.CareTeamComponent m = c.addCareTeam();
        m.setSequence(sequence);
        m.setProvider(ref);
        m.setResponsible(false);
        m.setRole(institutional
                ? Entries.concept(FhirCodes.CARIN_CARE_TEAM_ROLE, "attending", "Attending")
                : Entries.concept(FhirCodes.CARIN_CARE_TEAM_ROLE, "referring", "Referring"));
    }

    /**
     * The body region of the line's services (the manipulation region rule): one region as a coding of the
     * Minutewise body-region system; several as text only, since a CodeableConcept's codings name one concept.
     */
    private static Optional<org.hl7.fhir.r4.model.CodeableConcept> bodySite(Visit v, ClaimLine l) {
        java.util.Set<org.minutewise.core.model.BodyRegion> regions =
                java.util.EnumSet.noneOf(org.minutewise.core.model.BodyRegion.class);
        for (int i : l.serviceIndexes()) {
            regions.addAll(v.services().get(i).regions());
        }
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        if (regions.size() == 1) {
            org.minutewise.core.model.BodyRegion r = regions.iterator().next();
            return Optional.of(new org.hl7.fhir.r4.model.CodeableConcept().addCoding(Entries.bodyRegion(r)));
        }
        List<String> labels = new java.util.ArrayList<>();
        regions.forEach(r -> labels.add(r.label()));
        return Optional.of(new org.hl7.fhir.r4.model.CodeableConcept().setText(String.join(", ", labels)));
    }

    /** NUBC revenue codes for an institutional claim: 0420 PT, 0430 OT, 0440 SLP. */
    private static String revenue(Discipline d) {
        return switch (d) {
            case PT -> "0420";
            case OT -> "0430";
            case SLP -> "0440";
        };
    }

    /** The care team sequence of a provider in a role, adding the member on first use. */
    private static int member(Claim c, Entries e, Map<String, Integer> team, Provider p, String role, int line) {
        String key = role + "/" + p.id().map(i -> "id:" + i).or(() -> p.npi().map(n -> "npi:" + n))
                .orElse("line:" + line);
        Integer seq = team.get(key);
        if (seq != null) {
            return seq;
        }
        int s = team.size() + 1;
        team.put(key, s);
        Claim.CareTeamComponent m = c.addCareTeam();
        m.setSequence(s);
        m.setProvider(e.practitioner(p.id(), p.npi(), Optional.of(p.role()), role + "/line/" + line));
        m.setResponsible(role.equals("primary"));
        m.setRole(Entries.concept(FhirCodes.CARE_TEAM_ROLE, role, role.equals("primary") ? "Primary provider"
                : "Assisting Provider"));
        m.setQualification(Entries.qualification(p.role()));
        return s;
    }

    /**
     * The rendering provider of a line (RULES.md §4: the supervising therapist when an assistant treated), with
     * the role the visit gives that id: a therapist's own, or PT/OT for the supervisor an assistant names.
     */
    private static Provider rendering(Visit v, ClaimLine l) {
        Optional<Role> role = Optional.empty();
        Optional<String> id = l.renderingProvider();
        for (int i : l.serviceIndexes()) {
            Provider p = v.services().get(i).provider();
            if (id.isPresent() && p.id().equals(id) || id.isEmpty() && p.npi().equals(l.renderingNpi())) {
                role = Optional.of(p.role());
                break;
            }
        }
        if (role.isEmpty()) {
            for (ServiceLine s : v.services()) {
                Provider p = s.provider();
                if (id.isPresent() && p.id().equals(id)) {
                    role = Optional.of(p.role());
                    break;
                }
                if (id.isPresent() && p.supervisorId().equals(id)) {
                    role = Optional.of(p.role().rendersUnderSupervisor() ? p.role().supervisingRole() : Role.PT);
                    break;
                }
            }
        }
        Role r = role.orElse(Role.therapistOf(l.discipline()));
        return new Provider(id, r, l.renderingNpi());
    }

    /** The assistant who furnished (part of) a line, from the line's service lines. */
    private static Optional<Provider> assistant(Visit v, ClaimLine l) {
        if (l.assistant().isEmpty() && !l.assistantUnit()) {
            return Optional.empty();
        }
        for (int i : l.serviceIndexes()) {
            Provider p = v.services().get(i).provider();
            if (p.role().isAssistant() && (l.assistant().isEmpty() || p.id().equals(l.assistant()))) {
                return Optional.of(new Provider(p.id(), p.role(), p.npi()));
            }
        }
        return Optional.empty();
    }

    /** One issue per finding; an information issue when there is none (an OperationOutcome needs one). */
    static OperationOutcome outcome(CheckResult r, SourceMap source) {
        OperationOutcome oo = new OperationOutcome();
        for (Finding f : r.findings()) {
            OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue();
            issue.setSeverity(switch (f.severity()) {
                case BLOCK -> OperationOutcome.IssueSeverity.ERROR;
                case WARN -> OperationOutcome.IssueSeverity.WARNING;
                case INFO -> OperationOutcome.IssueSeverity.INFORMATION;
            });
            issue.setCode(OperationOutcome.IssueType.BUSINESSRULE);
            RuleInfo info = RULES.get(f.ruleId());
            CodeableConcept details = new CodeableConcept().addCoding(new Coding(FhirCodes.FINDING_SYSTEM, f.ruleId(),
                    info == null ? null : info.title()));
            if (!f.citation().isEmpty()) {
                details.setText(f.citation());
            }
            issue.setDetails(details);
            StringBuilder diag = new StringBuilder(f.message());
            String range = SourceMap.range(f.path());
            if (!range.isEmpty()) {
                diag.append(" (at ").append(f.path()).append(')');
            }
            diag.append(" Fix: ").append(f.fix());
            f.overrideReason().ifPresent(reason -> diag.append(" Accepted by the clinic: ").append(reason));
            issue.setDiagnostics(diag.toString());
            expressions(f.path(), r, source).forEach(issue::addExpression);
        }
        if (oo.getIssue().isEmpty()) {
            oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("No findings for visit " + r.visit().id() + ".");
        }
        return oo;
    }

    /**
     * FHIRPath expressions for a finding's path. A claim line's path ({@code claimLines[1].modifiers}) points,
     * in a FHIR input, to the Procedures the line was built from.
     */
    private static List<String> expressions(String path, CheckResult r, SourceMap source) {
        if (!source.isEmpty() && path.startsWith("claimLines[")) {
            int end = path.indexOf(']');
            try {
                int line = Integer.parseInt(path.substring("claimLines[".length(), end));
                if (line >= 0 && line < r.claim().lines().size()) {
                    List<String> out = new ArrayList<>();
                    for (int i : r.claim().lines().get(line).serviceIndexes()) {
                        out.addAll(source.expressions("services[" + i + "]"));
                    }
                    return out;
                }
            } catch (NumberFormatException e) {
                // Not a line index: the general rule below.
            }
        }
        return source.expressions(path);
    }

    private static Map<String, RuleInfo> rules() {
        Map<String, RuleInfo> m = new LinkedHashMap<>();
        for (RuleInfo i : RuleBook.standard().catalog()) {
            m.putIfAbsent(i.id(), i);
        }
        m.putIfAbsent(RuleBook.RULE_FAILED.id(), RuleBook.RULE_FAILED);
        m.putIfAbsent(RuleBook.OVERRIDE_REFUSED.id(), RuleBook.OVERRIDE_REFUSED);
        return Map.copyOf(m);
    }

    /** The charge of one unit when {@code units} divide {@code charge} exactly (at least two decimals), else null. */
    static BigDecimal unitPrice(BigDecimal charge, int units) {
        if (units <= 0) {
            return null;
        }
        try {
            BigDecimal unit = charge.divide(BigDecimal.valueOf(units), java.math.MathContext.UNLIMITED)
                    .stripTrailingZeros();
            return unit.scale() < 2 ? unit.setScale(2, RoundingMode.UNNECESSARY) : unit;
        } catch (ArithmeticException e) {
            return null; // no exact quotient
        }
    }
}
