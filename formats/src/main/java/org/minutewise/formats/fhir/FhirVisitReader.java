package org.minutewise.formats.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.Icd10;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.formats.Amounts;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Npi;
import org.minutewise.formats.VisitJsonReader;

/**
 * Reads a FHIR R4 Bundle (type collection, transaction, batch, document or searchset) into visits: one per
 * Encounter, with the Patient, Procedures, Conditions, Coverage and treatment note that belong to it; or, in a Bundle
 * without Encounters, one per Claim (the Claim Bundle {@link FhirClaimWriter} writes), its items the visit's billed
 * lines ({@link ClaimRead}). The README's "FHIR R4" section has the mapping tables. Validation is as strict as
 * {@link VisitJsonReader}'s; every error names its place as a FHIRPath expression into the input ({@code Bundle.entry[3].resource.performedPeriod}). A visit
 * that fails is reported in its {@link Result} and the others are still read; a text that is not a FHIR R4 Bundle
 * at all is an {@link InputException} thrown at once. Missing optional data is no error: the checks report it.
 */
public final class FhirVisitReader {
    public static final int MAX_ENTRIES = 10_000;
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");
    private static final Set<String> CPT_SYSTEMS = Set.of(FhirCodes.CPT, "urn:oid:2.16.840.1.113883.6.12");
    private static final Set<String> HCPCS_SYSTEMS = Set.of(FhirCodes.HCPCS, FhirCodes.HCPCS_HTTPS,
            "urn:oid:2.16.840.1.113883.6.285");
    private static final Set<String> ICD10_SYSTEMS = Set.of(FhirCodes.ICD10CM, "urn:oid:2.16.840.1.113883.6.90");
    private static final Set<Bundle.BundleType> TYPES = Set.of(Bundle.BundleType.COLLECTION,
            Bundle.BundleType.TRANSACTION, Bundle.BundleType.BATCH, Bundle.BundleType.DOCUMENT,
            Bundle.BundleType.SEARCHSET);

    /**
     * One Encounter's outcome: a visit, or the error that stopped it. {@code source} maps the visit's paths to
     * FHIRPath expressions into the input (for findings); {@code notes} says what the input lacked or what was
     * left out, one line each ({@code Bundle.entry[4].resource.code: no ICD-10-CM coding; not a diagnosis}).
     */
    public record Result(Optional<Visit> visit, Optional<InputException> error, SourceMap source, List<String> notes) {
        public Result {
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(source, "source");
            notes = List.copyOf(notes);
            if (visit.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("a result holds a visit or an error");
            }
        }

        static Result ok(Visit v, SourceMap source, List<String> notes) {
            return new Result(Optional.of(v), Optional.empty(), source, notes);
        }

        static Result failed(InputException e, List<String> notes) {
            return new Result(Optional.empty(), Optional.of(e), SourceMap.none(), notes);
        }

        public boolean ok() {
            return visit.isPresent();
        }
    }

    /** A resource and its FHIRPath in the input. */
    private record Loc(Resource resource, String path) {
    }

    private final Bundle bundle;
    private final ReferenceData ref;
    private final String defaultPayer;
    private final List<String> bundleNotes = new ArrayList<>();
    private final Map<String, Integer> byReference = new HashMap<>();

    /** The clinic's zone: a time written with an offset is read as the clinic's clock time then (empty: as written). */
    private final Optional<java.time.ZoneId> zone;

    private FhirVisitReader(Bundle bundle, ReferenceData ref, String defaultPayer, Optional<java.time.ZoneId> zone) {
        this.bundle = bundle;
        this.ref = ref;
        this.defaultPayer = defaultPayer;
        this.zone = zone;
    }

    /**
     * Reads every visit of a Bundle.
     *
     * @param defaultPayer the payer profile id for a visit whose Coverage names no payer we recognise (or has no
     *                     Coverage); it must be a profile {@code ref} knows
     * @throws InputException when the text is not a FHIR R4 Bundle we can read (malformed JSON, another resource,
     *                        a value HAPI refuses, a Bundle with neither Encounters nor Claims), with its location
     */
    public static List<Result> read(String json, ReferenceData ref, String defaultPayer) {
        return read(json, ref, defaultPayer, Optional.empty());
    }

    /**
     * As {@link #read(String, ReferenceData, String)}, every date and time written with an offset (an Encounter's
     * start, a Procedure's period) read as the clock time of the clinic's {@code zone} at that instant: an EMR that
     * writes UTC (2026-03-03T00:30:00Z for 19:30 in New York) gives the visit's own date and times.
     */
    public static List<Result> read(String json, ReferenceData ref, String defaultPayer,
                                    Optional<java.time.ZoneId> zone) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(defaultPayer, "defaultPayer");
        if (ref.payers().find(defaultPayer).isEmpty()) {
            throw new IllegalArgumentException("unknown default payer profile \"" + defaultPayer + "\"; known: "
                    + ref.payers().ids());
        }
        BundleParser.Parsed parsed = BundleParser.parse(json);
        FhirVisitReader r = new FhirVisitReader(parsed.bundle(), ref, defaultPayer, zone);
        if (!parsed.ignored().isEmpty()) {
            r.bundleNotes.add("Bundle: unknown elements ignored: " + String.join(", ",
                    new LinkedHashSet<>(parsed.ignored())));
        }
        return r.visits();
    }

    private List<Result> visits() {
        if (bundle.getType() == null || !TYPES.contains(bundle.getType())) {
            throw new InputException("Bundle.type", "expected collection, transaction, batch, document or searchset"
                    + (bundle.getType() == null ? "" : ", got " + bundle.getType().toCode()));
        }
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        if (entries.size() > MAX_ENTRIES) {
            throw new InputException("Bundle.entry", "at most " + MAX_ENTRIES + " entries, got " + entries.size());
        }
        List<Loc> encounters = new ArrayList<>();
        List<Loc> claims = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent e = entries.get(i);
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            if (e.hasFullUrl()) {
                Integer first = byReference.putIfAbsent(e.getFullUrl(), i);
                if (first != null && sameVersion(entries.get(first), e)) {
                    // bdl-7: a reference to this fullUrl could mean either entry; reading one of them would be a guess.
                    throw new InputException("Bundle.entry[" + i + "].fullUrl", "the same fullUrl as Bundle.entry[" + first + "]"
                            + " (\"" + e.getFullUrl() + "\"): a fullUrl must be unique in a Bundle (FHIR R4 bdl-7), "
                            + "or a reference to it is ambiguous");
                }
            }
            if (r.getIdElement().hasIdPart()) {
                byReference.putIfAbsent(r.fhirType() + "/" + r.getIdElement().getIdPart(), i);
            }
            if (r instanceof Encounter) {
                encounters.add(new Loc(r, entryPath(i)));
            } else if (r instanceof Claim) {
                claims.add(new Loc(r, entryPath(i)));
            }
        }
        if (encounters.isEmpty() && !claims.isEmpty()) {
            return claimVisits(claims);
        }
        if (encounters.isEmpty()) {
            throw new InputException("Bundle.entry", "required: an Encounter for each visit, or a Claim for each "
                    + "claim (none in the Bundle)");
        }
        Map<Loc, List<Loc>> procedures = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() instanceof Procedure p) {
                Loc loc = new Loc(p, entryPath(i));
                try {
                    Loc enc = owner(loc, p.getEncounter(), p.getSubject(), performedDate(p), encounters,
                            "encounter");
                    procedures.computeIfAbsent(enc, k -> new ArrayList<>()).add(loc);
                } catch (InputException e) {
                    results.add(Result.failed(e, bundleNotes));
                }
            }
        }
        List<Result> out = new ArrayList<>();
        for (Loc enc : encounters) {
            List<String> notes = new ArrayList<>(bundleNotes);
            try {
                out.add(new VisitRead(enc, procedures.getOrDefault(enc, List.of()), encounters, notes).read());
            } catch (InputException e) {
                out.add(Result.failed(e, notes));
            }
        }
        out.addAll(results);
        return out;
    }

    /**
     * FHIR R4: a resource whose modifier extension the reader does not know must not be read as if it were
     * unmodified, so it refuses the visit, named.
     */
    private static void refuseModifierExtension(org.hl7.fhir.r4.model.DomainResource r, String path) {
        if (r.hasModifierExtension()) {
            throw new InputException(path + ".modifierExtension", "a modifier extension Minutewise does not know ("
                    + r.getModifierExtension().get(0).getUrl() + "): the " + r.fhirType() + " cannot be read safely");
        }
    }

    private static String entryPath(int i) {
        return "Bundle.entry[" + i + "].resource";
    }

    /** The Encounter a Procedure (or note) belongs to: its reference, else the only one, else by patient and day. */
    private Loc owner(Loc item, Reference encounterRef, Reference subject, Optional<LocalDate> day,
                      List<Loc> encounters, String field) {
        if (encounterRef != null && !encounterRef.isEmpty()) {
            Optional<Loc> enc = resolve(encounterRef, item, item.path() + "." + field);
            if (enc.isEmpty() || !(enc.get().resource() instanceof Encounter)) {
                throw new InputException(item.path() + "." + field, "refers to " + describe(encounterRef)
                        + ", which is not an Encounter in the Bundle");
            }
            for (Loc e : encounters) {
                if (e.resource() == enc.get().resource()) {
                    return e;
                }
            }
        }
        if (encounters.size() == 1) {
            return encounters.get(0);
        }
        List<Loc> matches = new ArrayList<>();
        for (Loc e : encounters) {
            Encounter enc = (Encounter) e.resource();
            boolean samePatient = subject == null || subject.isEmpty() || sameTarget(subject, item, enc.getSubject(), e);
            Optional<LocalDate> encDay = enc.getPeriod().hasStart()
                    ? leadingDate(enc.getPeriod().getStartElement().getValueAsString()) : Optional.empty();
            if (samePatient && day.isPresent() && day.equals(encDay)) {
                matches.add(e);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new InputException(item.path() + "." + field, "required when the Bundle holds several Encounters ("
                + matches.size() + " match this " + item.resource().fhirType() + "'s patient and day)");
    }

    private boolean sameTarget(Reference a, Loc aOwner, Reference b, Loc bOwner) {
        Optional<Loc> x = resolve(a, aOwner, aOwner.path());
        Optional<Loc> y = resolve(b, bOwner, bOwner.path());
        if (x.isPresent() && y.isPresent()) {
            return x.get().resource() == y.get().resource();
        }
        return a.hasReference() && a.getReference().equals(b.getReference());
    }

    private static Optional<LocalDate> performedDate(Procedure p) {
        if (p.hasPerformedPeriod() && p.getPerformedPeriod().hasStart()) {
            return leadingDate(p.getPerformedPeriod().getStartElement().getValueAsString());
        }
        if (p.hasPerformedDateTimeType()) {
            return leadingDate(p.getPerformedDateTimeType().getValueAsString());
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> leadingDate(String s) {
        if (s == null || s.length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Two entries of one fullUrl are allowed (bdl-7) only as different versions of the resource. */
    private static boolean sameVersion(Bundle.BundleEntryComponent a, Bundle.BundleEntryComponent b) {
        String va = a.getResource() == null ? null : a.getResource().getMeta().getVersionId();
        String vb = b.getResource() == null ? null : b.getResource().getMeta().getVersionId();
        return va == null || vb == null || va.equals(vb);
    }

    /**
     * A reference to its resource: contained ({@code #id}), an entry's fullUrl, {@code Type/id}, or an absolute
     * URL ending in {@code Type/id}. Empty when the target is not in the Bundle.
     */
    private Optional<Loc> resolve(Reference r, Loc owner, String refPath) {
        if (r == null || r.isEmpty()) {
            return Optional.empty();
        }
        String s = r.getReference();
        if (s == null && r.getResource() instanceof Resource res) {
            return containedLoc(owner, res);
        }
        if (s == null) {
            return Optional.empty();
        }
        if (s.startsWith("#")) {
            if (owner.resource() instanceof DomainResource d) {
                List<Resource> contained = d.getContained();
                for (int k = 0; k < contained.size(); k++) {
                    String id = contained.get(k).getIdElement().getIdPart();
                    if (id != null && (id.equals(s.substring(1)) || ("#" + id).equals(s))) {
                        return Optional.of(new Loc(contained.get(k), owner.path() + ".contained[" + k + "]"));
                    }
                }
            }
            return Optional.empty();
        }
        Integer i = byReference.get(s);
        if (i == null) {
            String[] parts = s.split("/");
            if (parts.length >= 2) {
                int h = parts[parts.length - 2].equals("_history") && parts.length >= 4 ? parts.length - 4
                        : parts.length - 2;
                i = byReference.get(parts[h] + "/" + parts[h + 1]);
            }
        }
        if (i == null) {
            return Optional.empty();
        }
        return Optional.of(new Loc(bundle.getEntry().get(i).getResource(), entryPath(i)));
    }

    private static Optional<Loc> containedLoc(Loc owner, Resource res) {
        if (owner.resource() instanceof DomainResource d) {
            List<Resource> contained = d.getContained();
            for (int k = 0; k < contained.size(); k++) {
                if (contained.get(k) == res) {
                    return Optional.of(new Loc(res, owner.path() + ".contained[" + k + "]"));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Reference r) {
        if (r.hasReference()) {
            return r.getReference();
        }
        if (r.hasIdentifier()) {
            return "identifier " + r.getIdentifier().getValue();
        }
        return r.hasDisplay() ? "\"" + r.getDisplay() + "\"" : "nothing";
    }

    /**
     * One Encounter to one visit. {@link ClaimRead} reads a Claim with it: {@code enc} is then the Claim,
     * {@code encounters} the Bundle's Claims, and what this class takes from the Encounter (the patient, the billing
     * provider, the place of service) the subclass takes from the Claim.
     */
    private class VisitRead {
        final Loc enc;
        private final Encounter encounter;
        private final List<Loc> procedures;
        final List<Loc> encounters;
        final List<String> notes;
        final SourceMap.Builder source = SourceMap.builder();

        VisitRead(Loc enc, List<Loc> procedures, List<Loc> encounters, List<String> notes) {
            this.enc = enc;
            this.encounter = enc.resource() instanceof Encounter e ? e : null;
            this.procedures = procedures;
            this.encounters = encounters;
            this.notes = notes;
        }

        Result read() {
            String p = enc.path();
            source.put("", p);
            Encounter.EncounterStatus status = encounter.getStatus();
            if (status == Encounter.EncounterStatus.CANCELLED || status == Encounter.EncounterStatus.ENTEREDINERROR) {
                throw new InputException(p + ".status", "the Encounter is " + status.toCode() + ": nothing to bill");
            }
            String id = visitId();
            if (!encounter.getPeriod().hasStart()) {
                throw new InputException(p + ".period.start", "required: the date of service (a date like 2026-03-02)");
            }
            LocalDate dos = dateIn(encounter.getPeriod().getStartElement().getValueAsString(), p + ".period.start");
            source.put("dateOfService", p + ".period.start");
            Visit.Builder b = Visit.builder(id, dos);
            Optional<Loc> patient = resolve(encounter.getSubject(), enc, p + ".subject");
            if (patient.isPresent() && !(patient.get().resource() instanceof org.hl7.fhir.r4.model.Patient)) {
                throw new InputException(p + ".subject", "expected a Patient, got a " + patient.get().resource().fhirType());
            }
            if (patient.isEmpty()) {
                notes.add(p + ".subject: no Patient in the Bundle; the patient is unknown");
            }
            Patient pat = patient(patient);
            b.patient(pat);
            if (procedures.isEmpty()) {
                throw new InputException(p, "required: at least one Procedure for this Encounter (a service line)");
            }
            if (procedures.size() > VisitJsonReader.MAX_SERVICES) {
                throw new InputException(p, "at most " + VisitJsonReader.MAX_SERVICES + " Procedures, got "
                        + procedures.size());
            }
            source.put("services", p);
            List<ServiceLine> lines = new ArrayList<>();
            for (Loc proc : procedures) {
                Procedure pr = (Procedure) proc.resource();
                refuseModifierExtension(pr, proc.path());
                if (pr.getStatus() != Procedure.ProcedureStatus.COMPLETED
                        && pr.getStatus() != Procedure.ProcedureStatus.NULL && pr.hasStatus()) {
                    // Only a completed procedure is a service to bill (in-progress, not-done, stopped, on-hold,
                    // entered-in-error, preparation, unknown are not).
                    notes.add(proc.path() + ": status " + pr.getStatus().toCode() + "; not a completed service, "
                            + "not billed");
                    continue;
                }
                lines.add(service(proc, dos, lines.size()));
            }
            if (lines.isEmpty()) {
                throw new InputException(p, "required: at least one performed Procedure (every one is not-done or "
                        + "entered-in-error)");
            }
            b.services(lines);
            b.planOfCare(planOfCare(lines));
            setting().ifPresent(b::setting);
            b.diagnoses(diagnoses(patient));
            totalMinutes().ifPresent(b::totalTreatmentMinutes);
            note(patient, dos).ifPresent(b::note);
            List<Loc> claims = claimsOf(id);
            correction = correction(claims);
            insurance = insurance(claims);
            coverage(patient, pat, b);
            certification(dos, b);
            return Result.ok(b.build(), source.build(), notes);
        }

        private String visitId() {
            String p = enc.path();
            List<Identifier> ids = encounter.getIdentifier();
            for (int k = 0; k < ids.size(); k++) {
                if (ids.get(k).hasValue()) {
                    source.put("id", p + ".identifier[" + k + "].value");
                    return checkId(ids.get(k).getValue(), p + ".identifier[" + k + "].value");
                }
            }
            if (encounter.getIdElement().hasIdPart()) {
                source.put("id", p + ".id");
                return checkId(encounter.getIdElement().getIdPart(), p + ".id");
            }
            throw new InputException(p + ".identifier", "required: an identifier or id for the visit");
        }

        static String checkId(String id, String path) {
            if (id.isBlank()) {
                throw new InputException(path, "must not be empty");
            }
            if (id.length() > 64) {
                throw new InputException(path, "at most 64 characters");
            }
            return id;
        }

        /** The visit's patient as the visit's resource refers to it (the Encounter's subject). */
        Reference subject() {
            return encounter.getSubject();
        }

        Patient patient(Optional<Loc> loc) {
            if (loc.isEmpty()) {
                Reference s = subject();
                if (s.hasReference() && s.getReference().startsWith("Patient/")) {
                    return new Patient(Optional.of(s.getReferenceElement().getIdPart()), Optional.empty(),
                            YearToDate.NONE, YearToDate.NONE);
                }
                return Patient.UNKNOWN;
            }
            org.hl7.fhir.r4.model.Patient pt = (org.hl7.fhir.r4.model.Patient) loc.get().resource();
            String p = loc.get().path();
            source.put("patient", p);
            Optional<String> id = ownId(pt.getIdentifier(), FhirCodes.PATIENT_ID, true, pt.getIdElement().getIdPart());
            Optional<LocalDate> birth = Optional.empty();
            if (pt.hasBirthDate()) {
                birth = Optional.of(dateOf(pt.getBirthDateElement().getValueAsString(), p + ".birthDate"));
                source.put("patient.birthDate", p + ".birthDate");
            }
            return new Patient(id, birth, YearToDate.NONE, YearToDate.NONE);
        }

        private ServiceLine service(Loc proc, LocalDate dos, int index) {
            Procedure pr = (Procedure) proc.resource();
            String p = proc.path();
            String sp = "services[" + index + "]";
            source.put(sp, p);
            String code = procedureCode(pr, p);
            source.serviceCode(index, code);
            source.put(sp + ".code", p + ".code");
            List<org.minutewise.core.model.Period> periods = new ArrayList<>();
            if (pr.hasPerformedPeriod()) {
                periods.add(period(pr.getPerformedPeriod(), p + ".performedPeriod", dos));
                source.put(sp + ".periods", p + ".performedPeriod");
                source.put(sp + ".periods[0]", p + ".performedPeriod");
            } else if (pr.hasPerformedDateTimeType()) {
                LocalDate d = dateIn(pr.getPerformedDateTimeType().getValueAsString(), p + ".performedDateTime");
                sameDay(d, dos, p + ".performedDateTime");
            } else if (pr.hasPerformed()) {
                throw new InputException(p + ".performed[x]", "expected performedPeriod (start and end times) or "
                        + "performedDateTime, got performed" + pr.getPerformed().fhirType());
            }
            List<Extension> more = pr.getExtension();
            for (int k = 0; k < more.size(); k++) {
                Extension x = more.get(k);
                if (FhirCodes.EXT_ADDITIONAL_PERIOD.equals(x.getUrl())) {
                    String xp = p + ".extension[" + k + "].valuePeriod";
                    if (!(x.getValue() instanceof Period per)) {
                        throw new InputException(xp, "expected a valuePeriod");
                    }
                    if (periods.isEmpty()) {
                        throw new InputException(xp, "an additional period needs performedPeriod first");
                    }
                    org.minutewise.core.model.Period added = period(per, xp, dos);
                    // As the visit JSON: one service's periods never overlap (its minutes would count twice).
                    int j = org.minutewise.core.model.Period.firstOverlapping(periods, added);
                    if (j >= 0) {
                        throw new InputException(xp, "overlaps " + (j == 0 ? p + ".performedPeriod"
                                : "another additional period") + " (" + periods.get(j) + ") of the same "
                                + "Procedure, got " + added);
                    }
                    if (periods.size() >= org.minutewise.formats.VisitJsonReader.MAX_PERIODS) {
                        throw new InputException(xp, "at most " + org.minutewise.formats.VisitJsonReader.MAX_PERIODS
                                + " periods on one Procedure");
                    }
                    source.put(sp + ".periods[" + periods.size() + "]", xp);
                    periods.add(added);
                }
            }
            OptionalInt minutes = statedMinutes(pr, p, sp);
            CodeInfo info = ref.codes().getOrNull(code);
            if (info != null && info.timed() && minutes.isEmpty() && periods.isEmpty()) {
                throw new InputException(p + ".performedPeriod", "required for timed code " + code
                        + " (give performedPeriod with start and end times, or the stated-minutes extension "
                        + FhirCodes.EXT_STATED_MINUTES + ")");
            }
            Provider provider = performer(pr, proc, sp);
            Optional<Mode> mode = extensionCode(pr, FhirCodes.EXT_MODE, p).map(c -> Mode.parse(c.value())
                    .orElseThrow(() -> new InputException(c.path(), "expected one-on-one, group or supervised, got \""
                            + c.value() + "\"")));
            extensionCode(pr, FhirCodes.EXT_MODE, p).ifPresent(c -> source.put(sp + ".mode", c.path()));
            Optional<Discipline> disc = extensionCode(pr, FhirCodes.EXT_DISCIPLINE, p).map(c -> discipline(c));
            Optional<BigDecimal> charge = charge(pr, p);
            return new ServiceLine(code, minutes, periods, provider, mode, disc, charge, regions(pr, p, sp),
                    description(info, pr.getCode(), p + ".code", sp));
        }

        /**
         * An unlisted code's description (what was done, in words: the 837P's SV101-7): the concept's {@code text}.
         * A listed code's text is its name as the sender's system gives it, no description: not read.
         */
        Optional<String> description(CodeInfo info, CodeableConcept concept, String p, String sp) {
            if (info == null || !info.unlisted() || !concept.hasText() || concept.getText().isBlank()) {
                return Optional.empty();
            }
            source.put(sp + ".description", p + ".text");
            return Optional.of(concept.getText().trim());
        }

        /** The body regions of Procedure.bodySite codings in Minutewise's body-region system (others are ignored). */
        private List<org.minutewise.core.model.BodyRegion> regions(Procedure pr, String p, String sp) {
            List<org.minutewise.core.model.BodyRegion> out = new ArrayList<>();
            for (int k = 0; k < pr.getBodySite().size(); k++) {
                List<org.hl7.fhir.r4.model.Coding> codings = pr.getBodySite().get(k).getCoding();
                for (int c = 0; c < codings.size(); c++) {
                    Optional<org.minutewise.core.model.BodyRegion> r = bodyRegion(codings.get(c),
                            p + ".bodySite[" + k + "].coding[" + c + "].code");
                    if (r.isPresent()) {
                        out.add(r.get());
                        source.put(sp + ".regions", p + ".bodySite");
                    }
                }
            }
            return out;
        }

        private String procedureCode(Procedure pr, String p) {
            if (!pr.hasCode()) {
                throw new InputException(p + ".code", "required: the CPT or HCPCS code of the service");
            }
            return procedureCode(pr.getCode(), p + ".code");
        }

        /** The CPT or HCPCS code of a concept at {@code p} (a Procedure's code, a Claim item's productOrService). */
        String procedureCode(CodeableConcept concept, String p) {
            List<Coding> codings = concept.getCoding();
            for (int k = 0; k < codings.size(); k++) {
                Coding c = codings.get(k);
                if (c.hasSystem() && (CPT_SYSTEMS.contains(c.getSystem()) || HCPCS_SYSTEMS.contains(c.getSystem()))) {
                    String cp = p + ".coding[" + k + "].code";
                    if (!c.hasCode()) {
                        throw new InputException(cp, "required");
                    }
                    String code = c.getCode().trim().toUpperCase(Locale.ROOT);
                    if (!ProcedureCode.isWellFormed(code)) {
                        throw new InputException(cp, "not a CPT or HCPCS code: \"" + c.getCode()
                                + "\" (expected 5 digits like 97112, or a letter and 4 digits like G0283)");
                    }
                    return code;
                }
            }
            throw new InputException(p, "required: a coding with system " + FhirCodes.CPT + " (CPT) or "
                    + FhirCodes.HCPCS + " (HCPCS)");
        }

        private org.minutewise.core.model.Period period(Period per, String path, LocalDate dos) {
            if (!per.hasStart()) {
                throw new InputException(path + ".start", "required: a start time like 2026-03-02T09:00:00-05:00");
            }
            if (!per.hasEnd()) {
                throw new InputException(path + ".end", "required: an end time like 2026-03-02T09:24:00-05:00");
            }
            Stamp start = inZone(stamp(per.getStartElement().getValueAsString(), path + ".start"));
            Stamp end = inZone(stamp(per.getEndElement().getValueAsString(), path + ".end"));
            sameDay(start.time().toLocalDate(), dos, path + ".start");
            LocalDateTime e = end.time();
            if (start.offset().isPresent() && end.offset().isPresent() && !start.offset().equals(end.offset())) {
                e = OffsetDateTime.of(e, end.offset().get()).withOffsetSameInstant(start.offset().get())
                        .toLocalDateTime();
            }
            if (!e.isAfter(start.time())) {
                throw new InputException(path + ".end", "must be after start " + start.time().toLocalTime()
                        + ", got " + e.toLocalTime());
            }
            LocalTime endTime;
            if (e.toLocalDate().equals(start.time().toLocalDate())) {
                endTime = e.toLocalTime();
            } else if (e.toLocalDate().equals(start.time().toLocalDate().plusDays(1)) && e.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                endTime = org.minutewise.core.model.Period.END_OF_DAY; // 24:00
            } else {
                throw new InputException(path + ".end", "a period ends on the day it starts (" + start.time()
                        .toLocalDate() + "), got " + e.toLocalDate());
            }
            return new org.minutewise.core.model.Period(start.time().toLocalTime(), endTime);
        }

        private OptionalInt statedMinutes(Procedure pr, String p, String sp) {
            List<Extension> xs = pr.getExtension();
            for (int k = 0; k < xs.size(); k++) {
                Extension x = xs.get(k);
                if (!FhirCodes.EXT_STATED_MINUTES.equals(x.getUrl())) {
                    continue;
                }
                String xp = p + ".extension[" + k + "]";
                source.put(sp + ".minutes", xp);
                Type v = x.getValue();
                BigDecimal m;
                if (v instanceof IntegerType i && i.getValue() != null) {
                    m = BigDecimal.valueOf(i.getValue());
                    xp += ".valueInteger";
                } else if (v instanceof Duration d && d.hasValue()) {
                    xp += ".valueDuration";
                    String unit = d.hasCode() ? d.getCode() : d.getUnit();
                    if (!"min".equals(unit)) {
                        throw new InputException(xp + ".code", "expected minutes (UCUM code min), got \"" + unit + "\"");
                    }
                    m = d.getValue();
                    xp += ".value";
                } else {
                    throw new InputException(xp, "expected valueDuration in minutes or valueInteger");
                }
                return OptionalInt.of(wholeMinutes(m, xp));
            }
            return OptionalInt.empty();
        }

        private Provider performer(Procedure pr, Loc proc, String sp) {
            String p = proc.path();
            if (!pr.hasPerformer()) {
                throw new InputException(p + ".performer", "required: who furnished the service, with the role as "
                        + "performer.function (a code of " + FhirCodes.ROLE_SYSTEM + ": " + roles() + ")");
            }
            Procedure.ProcedurePerformerComponent perf = pr.getPerformerFirstRep();
            String pp = p + ".performer[0]";
            if (pr.getPerformer().size() > 1) {
                // One service line has one clinician: the minutes of two clinicians treating together count once
                // (CMS Pub 100-04 ch. 5 §20.2), so the others are not a second line, but they are said, not dropped.
                notes.add(p + ".performer[1.." + (pr.getPerformer().size() - 1) + "]: " + (pr.getPerformer().size() - 1)
                        + " more performer(s) not read; the service is billed as furnished by performer[0]. When "
                        + "another clinician furnished minutes of their own, send them as a Procedure of their own");
            }
            source.put(sp + ".provider", pp);
            Optional<Loc> actor = resolve(perf.getActor(), proc, pp + ".actor");
            Optional<Role> role = role(perf.getFunction());
            if (role.isPresent()) {
                source.put(sp + ".provider.role", pp + ".function");
            } else if (actor.isPresent()) {
                role = actorRole(actor.get());
                source.put(sp + ".provider.role", actor.get().path());
            }
            if (role.isEmpty()) {
                String where = perf.hasFunction() ? pp + ".function" : pp + ".function";
                throw new InputException(where, (perf.hasFunction() ? "no role we know in " + codings(perf.getFunction())
                        : "required") + ": the role of who furnished the service, a code of " + FhirCodes.ROLE_SYSTEM
                        + " (" + roles() + ") or a NUCC taxonomy code");
            }
            Person who = person(perf.getActor(), actor, pp + ".actor");
            who.npiPath().ifPresent(np -> source.put(sp + ".provider.npi", np));
            Optional<String> supId = Optional.empty();
            Optional<String> supNpi = Optional.empty();
            Optional<String> supName = Optional.empty();
            List<Extension> xs = perf.getExtension();
            for (int k = 0; k < xs.size(); k++) {
                if (FhirCodes.EXT_SUPERVISOR.equals(xs.get(k).getUrl())) {
                    String xp = pp + ".extension[" + k + "].valueReference";
                    if (!(xs.get(k).getValue() instanceof Reference r)) {
                        throw new InputException(xp, "expected a valueReference to the supervising Practitioner");
                    }
                    Optional<Loc> supLoc = resolve(r, proc, xp);
                    Person sup = person(r, supLoc, xp);
                    supId = sup.id();
                    supNpi = sup.npi();
                    supName = clinicianName(supLoc);
                    source.put(sp + ".provider.supervisorId", xp);
                    supName.ifPresent(x -> source.put(sp + ".provider.supervisorName", xp));
                }
            }
            Optional<String> name = clinicianName(actor);
            name.ifPresent(x -> source.put(sp + ".provider.name", actor.orElseThrow().path() + ".name"));
            Optional<String> organization = Optional.empty();
            if (perf.hasOnBehalfOf()) {
                // The organization the line was billed under (its NPI the provider's): kept by its name.
                Optional<Loc> org = resolve(perf.getOnBehalfOf(), proc, pp + ".onBehalfOf");
                if (org.isPresent() && org.get().resource() instanceof Organization o && o.hasName()
                        && !o.getName().isBlank()) {
                    organization = Optional.of(o.getName().trim());
                    source.put(sp + ".provider.organization", org.get().path() + ".name");
                } else if (perf.getOnBehalfOf().hasDisplay() && !perf.getOnBehalfOf().getDisplay().isBlank()) {
                    organization = Optional.of(perf.getOnBehalfOf().getDisplay().trim());
                    source.put(sp + ".provider.organization", pp + ".onBehalfOf.display");
                }
            }
            return new Provider(who.id(), role.get(), who.npi(), supId, supNpi, name, supName, organization);
        }

        /**
         * A clinician's name as a claim names them ({@code provider.name}): the Practitioner's (a PractitionerRole's
         * practitioner's) official, else first, name's text as written, else "family, given middle".
         */
        private Optional<String> clinicianName(Optional<Loc> who) {
            Optional<Practitioner> pr = namedPractitioner(who);
            if (pr.isEmpty()) {
                return Optional.empty();
            }
            HumanName n = official(pr.get().getName());
            if (n.hasText() && !n.getText().isBlank()) {
                return Optional.of(n.getText().trim());
            }
            String given = n.getGiven().stream().map(org.hl7.fhir.r4.model.StringType::getValue)
                    .filter(x -> x != null && !x.isBlank()).map(String::trim)
                    .collect(java.util.stream.Collectors.joining(" "));
            String family = n.hasFamily() ? n.getFamily().trim() : "";
            String joined = family.isEmpty() ? given : given.isEmpty() ? family : family + ", " + given;
            return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
        }

        Optional<Role> actorRole(Loc actor) {
            if (actor.resource() instanceof PractitionerRole pr) {
                for (CodeableConcept cc : pr.getCode()) {
                    Optional<Role> r = role(cc);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
            if (actor.resource() instanceof Practitioner pr) {
                for (Practitioner.PractitionerQualificationComponent q : pr.getQualification()) {
                    Optional<Role> r = role(q.getCode());
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
            return Optional.empty();
        }

        record Person(Optional<String> id, Optional<String> npi, Optional<String> npiPath) {
        }

        /** A practitioner's id (ours, else the resource id, else the reference's) and NPI. */
        Person person(Reference r, Optional<Loc> loc, String refPath) {
            Optional<String> id = Optional.empty();
            Optional<String> npi = Optional.empty();
            Optional<String> npiPath = Optional.empty();
            if (loc.isPresent()) {
                Resource res = loc.get().resource();
                List<Identifier> ids = List.of();
                String base = loc.get().path();
                if (res instanceof PractitionerRole role) {
                    Optional<Loc> prac = resolve(role.getPractitioner(), loc.get(), base + ".practitioner");
                    if (prac.isPresent()) {
                        Person inner = person(role.getPractitioner(), prac, base + ".practitioner");
                        if (inner.npi().isPresent() || inner.id().isPresent()) {
                            return inner;
                        }
                    }
                    ids = role.getIdentifier();
                } else if (res instanceof Practitioner prac) {
                    ids = prac.getIdentifier();
                } else {
                    throw new InputException(refPath, "expected a Practitioner or PractitionerRole, got a " + res.fhirType());
                }
                for (int k = 0; k < ids.size(); k++) {
                    Identifier i = ids.get(k);
                    if (FhirCodes.NPI.equals(i.getSystem()) && i.hasValue() && npi.isEmpty()) {
                        String np = base + ".identifier[" + k + "].value";
                        npi = Optional.of(checkNpi(i.getValue(), np));
                        npiPath = Optional.of(np);
                    }
                }
                id = ownId(ids, FhirCodes.PROVIDER_ID, false, res.getIdElement().getIdPart());
            } else if (r != null && !r.isEmpty()) {
                if (r.hasReferenceElement() && r.getReferenceElement().hasIdPart() && !r.getReference().startsWith("urn:")) {
                    id = Optional.of(r.getReferenceElement().getIdPart());
                }
                Identifier i = r.getIdentifier();
                if (FhirCodes.NPI.equals(i.getSystem()) && i.hasValue()) {
                    npi = Optional.of(checkNpi(i.getValue(), refPath + ".identifier.value"));
                    npiPath = Optional.of(refPath + ".identifier.value");
                } else if (id.isEmpty() && i.hasValue()) {
                    id = Optional.of(i.getValue());
                }
            }
            return new Person(id, npi, npiPath);
        }

        private Optional<Discipline> planOfCareStated() {
            Optional<Coded> ext = extensionCode(encounter, FhirCodes.EXT_PLAN_OF_CARE, enc.path());
            if (ext.isPresent()) {
                source.put("planOfCare", ext.get().path());
                return Optional.of(discipline(ext.get()));
            }
            List<Coding> cs = encounter.getServiceType().getCoding();
            for (int k = 0; k < cs.size(); k++) {
                if (FhirCodes.DISCIPLINE_SYSTEM.equals(cs.get(k).getSystem())) {
                    Coded c = new Coded(cs.get(k).getCode(), enc.path() + ".serviceType.coding[" + k + "].code");
                    source.put("planOfCare", c.path());
                    return Optional.of(discipline(c));
                }
            }
            return Optional.empty();
        }

        private Discipline planOfCare(List<ServiceLine> lines) {
            Optional<Discipline> stated = planOfCareStated();
            if (stated.isPresent()) {
                return stated.get();
            }
            Set<Discipline> seen = new LinkedHashSet<>();
            for (ServiceLine l : lines) {
                l.provider().role().discipline().ifPresent(seen::add);
            }
            source.put("planOfCare", enc.path());
            if (seen.size() == 1) {
                Discipline d = seen.iterator().next();
                notes.add(enc.path() + ": no plan of care discipline (extension " + FhirCodes.EXT_PLAN_OF_CARE
                        + " or serviceType in " + FhirCodes.DISCIPLINE_SYSTEM + "); taken as " + d
                        + " from the performers' roles");
                return d;
            }
            notes.add(enc.path() + ": no plan of care discipline (extension " + FhirCodes.EXT_PLAN_OF_CARE
                    + " or serviceType in " + FhirCodes.DISCIPLINE_SYSTEM + "); taken as PT, the default");
            return Discipline.PT;
        }

        private Optional<Setting> setting() {
            return extensionCode(encounter, FhirCodes.EXT_SETTING, enc.path()).map(c -> {
                source.put("setting", c.path());
                return Setting.parse(c.value()).orElseThrow(() -> new InputException(c.path(), "expected one of "
                        + Setting.wireNames() + ", got \"" + c.value() + "\""));
            });
        }

        /** Encounter.diagnosis in rank order, then the Conditions of this encounter (or of its patient). */
        private List<String> diagnoses(Optional<Loc> patient) {
            List<Loc> conditions = new ArrayList<>();
            List<Encounter.DiagnosisComponent> listed = new ArrayList<>(encounter.getDiagnosis());
            listed.sort(Comparator.comparingInt(d -> d.hasRank() ? d.getRank() : Integer.MAX_VALUE));
            for (Encounter.DiagnosisComponent d : listed) {
                int k = encounter.getDiagnosis().indexOf(d);
                String cp = enc.path() + ".diagnosis[" + k + "].condition";
                Optional<Loc> c = resolve(d.getCondition(), enc, cp).filter(l -> l.resource() instanceof Condition);
                if (c.isPresent()) {
                    conditions.add(c.get());
                } else {
                    notes.add(cp + ": " + (d.getCondition().isEmpty() ? "empty" : describe(d.getCondition())
                            + " is no Condition in the Bundle") + "; not used as a diagnosis");
                }
            }
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i).getResource() instanceof Condition c)) {
                    continue;
                }
                Loc loc = new Loc(c, entryPath(i));
                if (conditions.stream().anyMatch(l -> l.resource() == c)) {
                    continue;
                }
                boolean mine;
                if (c.hasEncounter()) {
                    Optional<Loc> e = resolve(c.getEncounter(), loc, loc.path() + ".encounter");
                    mine = e.isPresent() && e.get().resource() == encounter;
                } else if (encounters.size() == 1) {
                    mine = true;
                } else {
                    mine = patient.isPresent() && resolve(c.getSubject(), loc, loc.path() + ".subject")
                            .map(s -> s.resource() == patient.get().resource()).orElse(false);
                }
                if (mine) {
                    conditions.add(loc);
                }
            }
            List<String> dx = new ArrayList<>();
            for (Loc loc : conditions) {
                Condition c = (Condition) loc.resource();
                refuseModifierExtension(c, loc.path());
                String verification = c.getVerificationStatus().getCodingFirstRep().getCode();
                if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
                    notes.add(loc.path() + ".verificationStatus: " + verification + "; not used as a diagnosis");
                    continue;
                }
                if (icd10(c.getCode(), loc.path() + ".code", dx).isEmpty()) {
                    notes.add(loc.path() + ".code: no ICD-10-CM coding (system " + FhirCodes.ICD10CM
                            + "); not used as a diagnosis");
                }
            }
            source.put("diagnoses", enc.path() + (encounter.hasDiagnosis() ? ".diagnosis" : ""));
            return dx;
        }

        /**
         * The first ICD-10-CM coding of a concept ({@code ccPath} its path), checked and dotted (HL7's ICD-10-CM system
         * writes the dot: I69.351), and added to {@code dx} with its source when not there yet; empty when the concept
         * has no ICD-10-CM coding.
         */
        Optional<String> icd10(CodeableConcept cc, String ccPath, List<String> dx) {
            List<Coding> codings = cc.getCoding();
            for (int k = 0; k < codings.size(); k++) {
                Coding cd = codings.get(k);
                if (cd.hasSystem() && ICD10_SYSTEMS.contains(cd.getSystem())) {
                    String at = ccPath + ".coding[" + k + "].code";
                    String value = cd.hasCode() ? cd.getCode().trim().toUpperCase(Locale.ROOT) : "";
                    if (!Icd10.isWellFormed(value)) {
                        throw new InputException(at, "not an ICD-10-CM code: \"" + cd.getCode() + "\"");
                    }
                    String code = Icd10.dotted(value);
                    if (!dx.contains(code)) {
                        source.put("diagnoses[" + dx.size() + "]", at);
                        dx.add(code);
                    }
                    return Optional.of(code);
                }
            }
            return Optional.empty();
        }

        private OptionalInt totalMinutes() {
            if (!encounter.hasLength()) {
                return OptionalInt.empty();
            }
            Duration d = encounter.getLength();
            String p = enc.path() + ".length";
            source.put("totalTreatmentMinutes", p);
            if (!d.hasValue()) {
                throw new InputException(p + ".value", "required");
            }
            String unit = d.hasCode() ? d.getCode() : d.getUnit();
            BigDecimal v = d.getValue();
            if ("h".equals(unit)) {
                v = v.multiply(BigDecimal.valueOf(60));
            } else if (!"min".equals(unit)) {
                throw new InputException(p + ".code", "expected minutes (UCUM code min) or hours (h), got \"" + unit + "\"");
            }
            return OptionalInt.of(wholeMinutes(v, p + ".value"));
        }

        /** The text of the DocumentReferences of this encounter; else the Encounter's narrative. */
        private Optional<String> note(Optional<Loc> patient, LocalDate dos) {
            List<String> texts = new ArrayList<>();
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i).getResource() instanceof DocumentReference d)) {
                    continue;
                }
                if (d.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR) {
                    continue;
                }
                Loc loc = new Loc(d, entryPath(i));
                if (!belongs(d, loc, patient, dos)) {
                    continue;
                }
                List<DocumentReference.DocumentReferenceContentComponent> content = d.getContent();
                for (int k = 0; k < content.size(); k++) {
                    Attachment a = content.get(k).getAttachment();
                    String ap = loc.path() + ".content[" + k + "].attachment";
                    String type = a.hasContentType() ? a.getContentType().toLowerCase(Locale.ROOT) : "text/plain";
                    if (!type.startsWith("text/")) {
                        notes.add(ap + ": content type " + type + " is not read (only text/*)");
                        continue;
                    }
                    if (a.hasData()) {
                        String t = new String(a.getData(), StandardCharsets.UTF_8);
                        if (type.startsWith("text/html")) {
                            t = Narrative.text(t);
                        }
                        if (!t.isBlank()) {
                            if (texts.isEmpty()) {
                                source.put("note", ap + ".data");
                            }
                            texts.add(t);
                        }
                    } else if (a.hasUrl()) {
                        notes.add(ap + ".url: the note is not in the Bundle (" + a.getUrl() + "); not fetched");
                    }
                }
                if (content.isEmpty() || texts.isEmpty() && d.hasText() && d.getText().hasDiv()) {
                    String t = Narrative.text(d.getText().getDivAsString());
                    if (!t.isBlank()) {
                        source.put("note", loc.path() + ".text.div");
                        texts.add(t);
                    }
                }
            }
            if (texts.isEmpty() && encounter.hasText() && encounter.getText().hasDiv()) {
                String t = Narrative.text(encounter.getText().getDivAsString());
                if (!t.isBlank()) {
                    source.put("note", enc.path() + ".text.div");
                    texts.add(t);
                }
            }
            return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
        }

        private boolean belongs(DocumentReference d, Loc loc, Optional<Loc> patient, LocalDate dos) {
            List<Reference> encs = d.getContext().getEncounter();
            if (!encs.isEmpty()) {
                for (int k = 0; k < encs.size(); k++) {
                    Optional<Loc> e = resolve(encs.get(k), loc, loc.path() + ".context.encounter[" + k + "]");
                    if (e.isPresent() && e.get().resource() == encounter) {
                        return true;
                    }
                }
                return false;
            }
            if (encounters.size() == 1) {
                return true;
            }
            boolean samePatient = patient.isPresent() && resolve(d.getSubject(), loc, loc.path() + ".subject")
                    .map(s -> s.resource() == patient.get().resource()).orElse(false);
            Optional<LocalDate> day = d.hasDate() ? leadingDate(d.getDateElement().getValueAsString()) : Optional.empty();
            return samePatient && day.isPresent() && day.get().equals(dos);
        }

        /** The claim frequency and payer's claim control number read from the visit's Claim (none: an original). */
        ClaimInfo correction = ClaimInfo.NONE;

        /** The visit's claim info with the frequency and prior claim of its Claim, if any. */
        private ClaimInfo corrected(ClaimInfo ci) {
            return ci.withClaimFrequency(correction.claimFrequency())
                    .withPayerClaimControlNumber(correction.payerClaimControlNumber());
        }

        /**
         * A replacement or void ({@link ClaimCorrection}) from the visit's Claims ({@link #claimsOf}): those (not
         * cancelled or entered in error) whose identifier is the visit id, or one of whose items names this Encounter, or every one when the
         * Bundle holds one Encounter. The frequency is a supportingInfo's code in CMS's {@code clm_freq_cd} system;
         * the payer's claim control number a {@code related} whose relationship is {@code prior}, its
         * {@code reference.value}. Two Claims of the visit that say different things are refused, named.
         */
        private ClaimInfo correction(List<Loc> claims) {
            ClaimInfo found = ClaimInfo.NONE;
            String foundAt = null;
            for (Loc loc : claims) {
                org.hl7.fhir.r4.model.Claim c = (org.hl7.fhir.r4.model.Claim) loc.resource();
                ClaimInfo read = claimCorrection(c, loc.path());
                if (read.equals(ClaimInfo.NONE)) {
                    continue;
                }
                refuseModifierExtension(c, loc.path());
                if (foundAt != null && !read.equals(found)) {
                    throw new InputException(loc.path(), "a second Claim of this visit that says another claim "
                            + "frequency or prior claim than " + foundAt + " (" + summary(found) + " there, "
                            + summary(read) + " here): a visit is one claim");
                }
                found = read;
                foundAt = foundAt == null ? loc.path() : foundAt;
            }
            return found;
        }

        /**
         * The Bundle's Claims of the visit, in Bundle order: not cancelled nor entered in error, and, when the Bundle
         * holds several Encounters, the Claim names the visit's ({@link #claimOfVisit}).
         */
        private List<Loc> claimsOf(String visitId) {
            List<Loc> out = new ArrayList<>(1);
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i).getResource() instanceof org.hl7.fhir.r4.model.Claim c)
                        || c.getStatus() == org.hl7.fhir.r4.model.Claim.ClaimStatus.CANCELLED
                        || c.getStatus() == org.hl7.fhir.r4.model.Claim.ClaimStatus.ENTEREDINERROR) {
                    continue;
                }
                Loc loc = new Loc(c, entryPath(i));
                if (encounters.size() <= 1 || claimOfVisit(c, loc, visitId)) {
                    out.add(loc);
                }
            }
            return out;
        }

        private static String summary(ClaimInfo ci) {
            return "frequency " + ci.claimFrequency().orElse("(none)") + ", prior claim "
                    + ci.payerClaimControlNumber().orElse("(none)");
        }

        /** A Claim is the visit's by an identifier that is the visit id, or an item whose encounter is this one. */
        private boolean claimOfVisit(org.hl7.fhir.r4.model.Claim c, Loc loc, String visitId) {
            for (Identifier i : c.getIdentifier()) {
                if (visitId.equals(i.getValue())) {
                    return true;
                }
            }
            for (int k = 0; k < c.getItem().size(); k++) {
                List<Reference> es = c.getItem().get(k).getEncounter();
                for (int j = 0; j < es.size(); j++) {
                    Optional<Loc> target = resolve(es.get(j), loc, loc.path() + ".item[" + k + "].encounter[" + j + "]");
                    if (target.isPresent() && target.get().resource() == encounter) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The frequency and prior claim one Claim gives ({@link ClaimInfo#NONE} when it gives neither). */
        ClaimInfo claimCorrection(org.hl7.fhir.r4.model.Claim c, String p) {
            Optional<String> frequency = Optional.empty();
            List<org.hl7.fhir.r4.model.Claim.SupportingInformationComponent> infos = c.getSupportingInfo();
            for (int k = 0; k < infos.size(); k++) {
                List<Coding> codings = infos.get(k).getCode().getCoding();
                for (int j = 0; j < codings.size(); j++) {
                    if (!FhirCodes.CLAIM_FREQUENCY.equals(codings.get(j).getSystem())) {
                        continue;
                    }
                    String cp = p + ".supportingInfo[" + k + "].code.coding[" + j + "].code";
                    String code = codings.get(j).hasCode() ? codings.get(j).getCode().trim() : "";
                    String problem = code.isEmpty() ? "required: the claim frequency code (837 CLM05-3: 1 "
                            + "original, 7 replacement, 8 void)" : VisitJsonReader.claimFrequencyProblem(code);
                    if (problem != null) {
                        throw new InputException(cp, problem);
                    }
                    if (frequency.isPresent() && !frequency.get().equals(code)) {
                        throw new InputException(cp, "a second claim frequency (" + code + ") on the Claim, which "
                                + "already gives " + frequency.get() + ": a claim has one");
                    }
                    frequency = Optional.of(code);
                    source.put("claimFrequency", cp);
                }
            }
            Optional<String> prior = Optional.empty();
            List<org.hl7.fhir.r4.model.Claim.RelatedClaimComponent> related = c.getRelated();
            for (int k = 0; k < related.size(); k++) {
                String rp = p + ".related[" + k + "]";
                if (!isPrior(related.get(k).getRelationship(), rp + ".relationship")) {
                    continue;
                }
                Identifier ref = related.get(k).getReference();
                String value = ref.hasValue() ? ref.getValue().trim() : "";
                if (value.isEmpty()) {
                    throw new InputException(rp + ".reference.value", "required: the payer's claim control number "
                            + "of the prior claim (the claim this one replaces or voids, 837 REF*F8)");
                }
                if (prior.isPresent() && !prior.get().equals(value)) {
                    throw new InputException(rp + ".reference.value", "a second prior claim (\"" + value + "\") on "
                            + "the Claim, which already names \"" + prior.get() + "\": a claim replaces or voids one");
                }
                prior = Optional.of(value);
                source.put("payerClaimControlNumber", rp + ".reference.value");
            }
            return ClaimInfo.NONE.withClaimFrequency(frequency).withPayerClaimControlNumber(prior);
        }

        /**
         * Whether a related claim's relationship is FHIR's {@code prior}. Another code of a system we know
         * (FHIR's {@code associated}, CARIN's {@code replacedby}) is another relation, skipped with a note; a code
         * that is none of theirs, or no relationship at all, is refused, named: what the reference is would be a guess.
         */
        private boolean isPrior(CodeableConcept rel, String path) {
            List<Coding> codings = rel.getCoding();
            for (int j = 0; j < codings.size(); j++) {
                Coding cd = codings.get(j);
                String code = cd.hasCode() ? cd.getCode() : "";
                if (FhirCodes.RELATED_CLAIM_RELATIONSHIP.equals(cd.getSystem())) {
                    if (code.equals("prior")) {
                        return true;
                    }
                    if (code.equals("associated")) {
                        notes.add(path + ": an associated claim, not the one this claim replaces or voids; not read");
                        return false;
                    }
                    throw new InputException(path + ".coding[" + j + "].code", "expected prior (the claim this one "
                            + "replaces or voids) or associated, codes of " + FhirCodes.RELATED_CLAIM_RELATIONSHIP
                            + ", got \"" + code + "\"");
                }
                if (FhirCodes.CARIN_RELATED_CLAIM_RELATIONSHIP.equals(cd.getSystem())) {
                    if (code.equals("replacedby")) {
                        notes.add(path + ": the claim that replaced this one, not one it replaces; not read");
                        return false;
                    }
                    throw new InputException(path + ".coding[" + j + "].code", "expected replacedby, the code of "
                            + FhirCodes.CARIN_RELATED_CLAIM_RELATIONSHIP + ", got \"" + code + "\"");
                }
            }
            throw new InputException(path, "required: a coding of " + FhirCodes.RELATED_CLAIM_RELATIONSHIP
                    + " (prior: the claim this one replaces or voids, its payer's claim control number in "
                    + "reference.value)" + (rel.hasText() ? ", got only the text \"" + rel.getText() + "\"" : ""));
        }

        /** The Coverages the visit's Claim lists in {@code Claim.insurance}, each with its sequence. */
        Map<Resource, Integer> insurance = Map.of();

        /**
         * {@code Claim.insurance} of the visit's Claim (picked as {@link #correction} picks them; the first that lists
         * insurance): each Coverage it names in the Bundle, with its {@code sequence} (its place in the list when it
         * has none). Empty when the visit has no such Claim.
         */
        private Map<Resource, Integer> insurance(List<Loc> claims) {
            for (Loc loc : claims) {
                org.hl7.fhir.r4.model.Claim c = (org.hl7.fhir.r4.model.Claim) loc.resource();
                if (!c.hasInsurance()) {
                    continue;
                }
                return insuranceOf(loc);
            }
            return Map.of();
        }

        /** Each Coverage in the Bundle that a Claim's {@code insurance} names, with its sequence. */
        Map<Resource, Integer> insuranceOf(Loc loc) {
            org.hl7.fhir.r4.model.Claim c = (org.hl7.fhir.r4.model.Claim) loc.resource();
            Map<Resource, Integer> seq = new java.util.IdentityHashMap<>();
            List<org.hl7.fhir.r4.model.Claim.InsuranceComponent> ins = c.getInsurance();
            for (int k = 0; k < ins.size(); k++) {
                Optional<Loc> target = resolve(ins.get(k).getCoverage(), loc,
                        loc.path() + ".insurance[" + k + "].coverage");
                if (target.isPresent() && target.get().resource() instanceof Coverage
                        && !seq.containsKey(target.get().resource())) {
                    seq.put(target.get().resource(), ins.get(k).hasSequence() ? ins.get(k).getSequence() : k + 1);
                }
            }
            return seq;
        }

        /**
         * The primary Coverage decides the payer profile; a second one, the secondary payer. Their order is the
         * visit's {@code Claim.insurance} sequence when it lists them (a Coverage it does not list after those it
         * does), then {@code Coverage.order}.
         */
        void coverage(Optional<Loc> patient, Patient pat, Visit.Builder b) {
            List<Loc> covs = new ArrayList<>();
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i).getResource() instanceof Coverage c)) {
                    continue;
                }
                if (c.getStatus() == Coverage.CoverageStatus.CANCELLED
                        || c.getStatus() == Coverage.CoverageStatus.ENTEREDINERROR) {
                    continue;
                }
                Loc loc = new Loc(c, entryPath(i));
                boolean mine = encounters.size() == 1
                        || sameTarget(c.getBeneficiary(), loc, subject(), enc);
                if (mine) {
                    covs.add(loc);
                }
            }
            covs.sort(Comparator.<Loc>comparingInt(l -> insurance.getOrDefault(l.resource(), Integer.MAX_VALUE))
                    .thenComparingInt(l -> ((Coverage) l.resource()).hasOrder()
                            ? ((Coverage) l.resource()).getOrder() : Integer.MAX_VALUE));
            BillingProvider bp = billingProvider();
            Optional<String> pos = placeOfService();
            if (covs.isEmpty()) {
                notes.add(enc.path() + ": no Coverage for the patient; payer taken as \"" + defaultPayer
                        + "\" (the default)");
                source.put("payer", enc.path());
                b.payer(defaultPayer);
                b.claimInfo(corrected(new ClaimInfo(bp, Optional.empty(), Optional.empty(), Subscriber.NONE, pos)));
                if (patient.isPresent()) {
                    // No policy, so no subscriber to name: the Patient's name, sex and address are the patient's own.
                    Subscriber own = person(Optional.empty(), patient.get());
                    b.patient(new Patient(pat.id(), pat.birthDate(), pat.yearToDate(), pat.outsideSpend(),
                            own.lastName(), own.firstName(), own.sex(), own.address()));
                }
                return;
            }
            Loc primary = covs.get(0);
            Coverage c = (Coverage) primary.resource();
            source.put("payer", primary.path() + ".payor");
            Payor payor = payor(c, primary);
            String profile = payerProfile(c, payor).orElseGet(() -> {
                notes.add(primary.path() + ": payer " + payor.label() + " is no payer profile we know; taken as \""
                        + defaultPayer + "\" (the default)");
                return defaultPayer;
            });
            b.payer(profile);
            SecondaryCoverage secondary = SecondaryCoverage.NONE;
            if (covs.size() > 1) {
                Loc second = covs.get(1);
                Coverage c2 = (Coverage) second.resource();
                Payor p2 = payor(c2, second);
                source.put("secondaryPayer", second.path() + ".payor");
                // Our own payer-profile identifier names the profile as written, known or not (the check reports an
                // unknown one, MW-S002): a supplement's name that says "Medicare" does not make it Medicare.
                b.secondaryPayer(p2.profile().or(() -> payerProfile(c2, p2)).or(p2::id).or(p2::name)
                        .orElse("unknown"));
                // Its payer's own name and id and the member id there: what an 837 names the secondary payer by.
                secondary = new SecondaryCoverage(p2.name(), p2.id(), c2.hasSubscriberId()
                        ? Optional.of(c2.getSubscriberId()) : Optional.empty(), Optional.empty());
                // A secondary policy someone else holds: the patient's relationship to them, and their name (837
                // 2320 SBR02, 2330A), which an 837 written from the visit needs.
                Optional<String> rel2 = relationship(c2, second);
                if (rel2.isPresent()) {
                    if (!c2.hasSubscriber()) {
                        throw new InputException(second.path() + ".subscriber", "required for a secondary policy "
                                + "someone else holds (relationship " + rel2.get() + "): the policy holder, a "
                                + "RelatedPerson or Patient");
                    }
                    Subscriber holder = subscriber(c2, second, patient);
                    secondary = secondary.heldBy(rel2, holder.lastName(), holder.firstName());
                    source.put("secondaryRelationship", second.path() + ".relationship");
                    source.put("secondarySubscriberLastName", second.path() + ".subscriber");
                    source.put("secondarySubscriberFirstName", second.path() + ".subscriber");
                }
            }
            Subscriber sub = subscriber(c, primary, patient);
            source.put("subscriber", primary.path());
            Optional<String> relationship = relationship(c, primary);
            if (relationship.isPresent() && !c.hasSubscriber()) {
                // Without it the policy holder would be taken for the patient: a child named as its own subscriber.
                throw new InputException(primary.path() + ".subscriber", "required for a dependent (relationship "
                        + relationship.get() + "): the policy holder, a RelatedPerson or Patient");
            }
            if (relationship.isPresent()) {
                // A dependent: the subscriber is the policy holder, the patient named by their own Patient.
                sub = new Subscriber(sub.memberId(), sub.lastName(), sub.firstName(), sub.birthDate(), sub.sex(),
                        sub.address(), relationship);
                source.put("subscriber.relationship", primary.path() + ".relationship");
                if (patient.isPresent()) {
                    Subscriber own = person(Optional.empty(), patient.get());
                    b.patient(new Patient(pat.id(), pat.birthDate(), pat.yearToDate(), pat.outsideSpend(),
                            own.lastName(), own.firstName(), own.sex(), own.address()));
                }
            }
            b.claimInfo(corrected(new ClaimInfo(bp, payor.name(), payor.id(), sub, pos).withSecondary(secondary)));
        }

        /**
         * The plan of care's certification: a CarePlan of the patient (not a draft, revoked or entered in error)
         * with a period, the one whose period holds the date of service, else the latest that began before it, else
         * the first; its period is the certification period, its author (a Practitioner's name, or the reference's
         * display) the certifying physician.
         */
        private void certification(LocalDate dos, Visit.Builder b) {
            Loc best = null;
            int bestRank = -1;
            LocalDate bestStart = null;
            Certification bestCert = null;
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i).getResource() instanceof CarePlan cp)) {
                    continue;
                }
                if (cp.getStatus() == CarePlan.CarePlanStatus.DRAFT || cp.getStatus() == CarePlan.CarePlanStatus.REVOKED
                        || cp.getStatus() == CarePlan.CarePlanStatus.ENTEREDINERROR) {
                    continue;
                }
                Loc loc = new Loc(cp, entryPath(i));
                boolean mine = encounters.size() == 1 || sameTarget(cp.getSubject(), loc, encounter.getSubject(), enc);
                if (!mine || !cp.getPeriod().hasStart() && !cp.getPeriod().hasEnd()) {
                    continue;
                }
                String p = loc.path() + ".period";
                Optional<LocalDate> from = cp.getPeriod().hasStart() ? Optional.of(dateOf(
                        cp.getPeriod().getStartElement().getValueAsString(), p + ".start")) : Optional.empty();
                Optional<LocalDate> to = cp.getPeriod().hasEnd() ? Optional.of(dateOf(
                        cp.getPeriod().getEndElement().getValueAsString(), p + ".end")) : Optional.empty();
                if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                    throw new InputException(p + ".end", "must not be before the start " + from.get() + ", got "
                            + to.get());
                }
                boolean began = from.map(f -> !dos.isBefore(f)).orElse(true);
                boolean holds = began && to.map(t -> !dos.isAfter(t)).orElse(true);
                int rank = holds ? 2 : began ? 1 : 0;
                LocalDate start = from.orElse(LocalDate.MIN);
                if (rank > bestRank || rank == bestRank && rank > 0 && start.isAfter(bestStart)) {
                    best = loc;
                    bestRank = rank;
                    bestStart = start;
                    bestCert = new Certification(from, to, author(cp, loc), authorNpi(cp, loc));
                }
            }
            if (best != null) {
                source.put("certification", best.path());
                source.put("certification.from", best.path() + ".period.start");
                source.put("certification.to", best.path() + ".period.end");
                source.put("certification.physician", best.path() + ".author");
                source.put("certification.physicianNpi", best.path() + ".author");
                b.certification(bestCert);
            }
        }

        /** A CarePlan's author's NPI: the resolved Practitioner's (or PractitionerRole's), else the reference's. */
        private Optional<String> authorNpi(CarePlan cp, Loc loc) {
            if (!cp.hasAuthor()) {
                return Optional.empty();
            }
            String path = loc.path() + ".author";
            Optional<Loc> who = resolve(cp.getAuthor(), loc, path);
            if (who.isPresent() && !(who.get().resource() instanceof Practitioner)
                    && !(who.get().resource() instanceof PractitionerRole)) {
                return Optional.empty();
            }
            return person(cp.getAuthor(), who, path).npi();
        }

        /** A Practitioner's name as text (the PractitionerRole's practitioner's), when the Bundle has it. */
        Optional<String> name(Optional<Loc> who) {
            Optional<Practitioner> pr = namedPractitioner(who);
            if (pr.isPresent()) {
                String name = pr.get().getNameFirstRep().getNameAsSingleString();
                if (name != null && !name.isBlank()) {
                    return Optional.of(name.trim());
                }
            }
            return Optional.empty();
        }

        /** A person's official name, else the first (an empty one when there is none). */
        private static HumanName official(List<HumanName> names) {
            return names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                    .orElse(names.isEmpty() ? new HumanName() : names.get(0));
        }

        /** The Practitioner (a PractitionerRole's practitioner) {@code who} is, when the Bundle has it with a name. */
        private Optional<Practitioner> namedPractitioner(Optional<Loc> who) {
            if (who.isPresent() && who.get().resource() instanceof PractitionerRole role && role.hasPractitioner()) {
                who = resolve(role.getPractitioner(), who.get(), who.get().path() + ".practitioner");
            }
            return who.isPresent() && who.get().resource() instanceof Practitioner pr && pr.hasName()
                    ? Optional.of(pr) : Optional.empty();
        }

        /** A CarePlan's author as a name: the Practitioner's (or PractitionerRole's practitioner's), else the display. */
        private Optional<String> author(CarePlan cp, Loc loc) {
            if (!cp.hasAuthor()) {
                return Optional.empty();
            }
            Optional<String> name = name(resolve(cp.getAuthor(), loc, loc.path() + ".author"));
            if (name.isPresent()) {
                return name;
            }
            return cp.getAuthor().hasDisplay() && !cp.getAuthor().getDisplay().isBlank()
                    ? Optional.of(cp.getAuthor().getDisplay().trim()) : Optional.empty();
        }

        private record Payor(Optional<String> name, Optional<String> id, Optional<String> profile) {
            String label() {
                return name.map(n -> "\"" + n + "\"").or(() -> id.map(i -> "\"" + i + "\"")).orElse("(unnamed)");
            }
        }

        private Payor payor(Coverage c, Loc loc) {
            Optional<String> name = Optional.empty();
            Optional<String> id = Optional.empty();
            Optional<String> profile = Optional.empty();
            List<Reference> payors = c.getPayor();
            if (!payors.isEmpty()) {
                Reference r = payors.get(0);
                Optional<Loc> org = resolve(r, loc, loc.path() + ".payor[0]");
                if (org.isPresent() && org.get().resource() instanceof Organization o) {
                    name = o.hasName() ? Optional.of(o.getName()) : Optional.empty();
                    for (Identifier i : o.getIdentifier()) {
                        if (!i.hasValue()) {
                            continue;
                        }
                        if (FhirCodes.PAYER_ID.equals(i.getSystem())) {
                            profile = profile.or(() -> Optional.of(i.getValue()));
                        } else if (!FhirCodes.NPI.equals(i.getSystem()) && id.isEmpty()) {
                            id = Optional.of(i.getValue());
                        }
                    }
                }
                if (name.isEmpty() && r.hasDisplay()) {
                    name = Optional.of(r.getDisplay());
                }
                if (id.isEmpty() && r.hasIdentifier() && r.getIdentifier().hasValue()) {
                    id = Optional.of(r.getIdentifier().getValue());
                }
            }
            return new Payor(name, id, profile);
        }

        /**
         * A payer profile id: the payor's id or name when it is one we know; else Medicare (original Medicare, not
         * Medicare Advantage) when the payor or Coverage.type says so.
         */
        private Optional<String> payerProfile(Coverage c, Payor payor) {
            for (Optional<String> s : List.of(payor.profile(), payor.id(), payor.name())) {
                if (s.isPresent() && ref.payers().find(s.get()).isPresent()) {
                    return s;
                }
            }
            List<String> words = new ArrayList<>();
            payor.name().ifPresent(words::add);
            payor.id().ifPresent(words::add);
            CodeableConcept type = c.getType();
            if (type.hasText()) {
                words.add(type.getText());
            }
            for (Coding cd : type.getCoding()) {
                if (cd.hasDisplay()) {
                    words.add(cd.getDisplay());
                }
                if (cd.hasCode()) {
                    words.add(cd.getCode());
                }
            }
            for (String w : words) {
                String l = w.toLowerCase(Locale.ROOT);
                if (l.contains("medicare") && !l.contains("advantage") && ref.payers().find("medicare").isPresent()) {
                    return Optional.of("medicare");
                }
            }
            return Optional.empty();
        }

        /**
         * Coverage.relationship: the patient's relationship to the subscriber as an 837 PAT01 code, empty when the
         * patient is the subscriber (self, or none given). Our own X12 coding when it is there (a Bundle Minutewise
         * wrote), else the subscriber-relationship code mapped as best it can: spouse 01, child 19, common (common law
         * spouse) 01, parent, injured and other G8 (other relationship: a note names the loss). A code of neither is
         * an error naming it; a relationship with no coding of either system is a note, the patient taken as the
         * subscriber.
         */
        private Optional<String> relationship(Coverage c, Loc loc) {
            if (!c.hasRelationship()) {
                return Optional.empty();
            }
            List<Coding> codings = c.getRelationship().getCoding();
            String p = loc.path() + ".relationship";
            for (int k = 0; k < codings.size(); k++) {
                Coding cd = codings.get(k);
                if (FhirCodes.X12_RELATIONSHIP_SYSTEM.equals(cd.getSystem())) {
                    String code = cd.hasCode() ? cd.getCode().trim().toUpperCase(java.util.Locale.ROOT) : "";
                    if (code.equals("18")) {
                        return Optional.empty();
                    }
                    if (!Subscriber.RELATIONSHIPS.contains(code)) {
                        throw new InputException(p + ".coding[" + k + "].code", "expected one of "
                                + String.join(", ", Subscriber.RELATIONSHIPS) + " (the patient's relationship to the "
                                + "subscriber, 837 PAT01), got \"" + code + "\"");
                    }
                    return Optional.of(code);
                }
            }
            for (int k = 0; k < codings.size(); k++) {
                Coding cd = codings.get(k);
                if (FhirCodes.SUBSCRIBER_RELATIONSHIP.equals(cd.getSystem())) {
                    String code = cd.hasCode() ? cd.getCode() : "";
                    String x12 = FhirCodes.x12Relationship(code);
                    if (x12 == null) {
                        throw new InputException(p + ".coding[" + k + "].code", "expected a subscriber-relationship "
                                + "code (self, spouse, child, common, parent, injured, other), got \"" + code + "\"");
                    }
                    if (code.equals("common") || x12.equals("G8")) {
                        notes.add(p + ": \"" + code + "\" has no 837 relationship code of its own; read as "
                                + (x12.equals("01") ? "01 (spouse)" : "G8 (other relationship)"));
                    }
                    return x12.isEmpty() ? Optional.empty() : Optional.of(x12);
                }
            }
            notes.add(p + ": no coding in " + FhirCodes.SUBSCRIBER_RELATIONSHIP + "; the patient is taken as the "
                    + "subscriber");
            return Optional.empty();
        }

        private Subscriber subscriber(Coverage c, Loc loc, Optional<Loc> patient) {
            Optional<String> member = c.hasSubscriberId() ? Optional.of(c.getSubscriberId()) : Optional.empty();
            Optional<Loc> person = c.hasSubscriber() ? resolve(c.getSubscriber(), loc, loc.path() + ".subscriber")
                    : patient;
            if (person.isEmpty()) {
                return new Subscriber(member, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            }
            Resource r = person.get().resource();
            if (!(r instanceof org.hl7.fhir.r4.model.Patient) && !(r instanceof RelatedPerson)) {
                throw new InputException(loc.path() + ".subscriber", "expected a Patient or RelatedPerson, got a "
                        + r.fhirType());
            }
            return person(member, person.get());
        }

        /** A Patient's or RelatedPerson's official (else first) name, birth date, sex and first address. */
        private Subscriber person(Optional<String> member, Loc person) {
            Resource r = person.resource();
            String p = person.path();
            List<HumanName> names;
            Enumerations.AdministrativeGender gender;
            Optional<LocalDate> birth = Optional.empty();
            List<Address> addresses;
            if (r instanceof org.hl7.fhir.r4.model.Patient pt) {
                names = pt.getName();
                gender = pt.getGender();
                addresses = pt.getAddress();
                if (pt.hasBirthDate()) {
                    birth = Optional.of(dateOf(pt.getBirthDateElement().getValueAsString(), p + ".birthDate"));
                }
            } else if (r instanceof RelatedPerson rp) {
                names = rp.getName();
                gender = rp.getGender();
                addresses = rp.getAddress();
                if (rp.hasBirthDate()) {
                    birth = Optional.of(dateOf(rp.getBirthDateElement().getValueAsString(), p + ".birthDate"));
                }
            } else {
                throw new IllegalArgumentException("not a person: " + r.fhirType());
            }
            HumanName name = official(names);
            Optional<String> sex = gender == null ? Optional.empty() : switch (gender) {
                case FEMALE -> Optional.of("F");
                case MALE -> Optional.of("M");
                case OTHER, UNKNOWN -> Optional.of("U");
                default -> Optional.empty();
            };
            return new Subscriber(member, name.hasFamily() ? Optional.of(name.getFamily()) : Optional.empty(),
                    name.hasGiven() ? Optional.of(name.getGiven().get(0).getValue()) : Optional.empty(), birth, sex,
                    addresses.isEmpty() ? Optional.empty() : address(addresses.get(0), p + ".address[0]", false));
        }

        /** Encounter.serviceProvider: the clinic's NPI, tax id, name and address. */
        BillingProvider billingProvider() {
            return billingProvider(encounter.getServiceProvider(), enc.path() + ".serviceProvider");
        }

        /** The Organization {@code ref} names: the clinic's NPI, tax id, name and address. */
        BillingProvider billingProvider(Reference ref, String refPath) {
            Optional<Loc> org = resolve(ref, enc, refPath);
            if (org.isEmpty() || !(org.get().resource() instanceof Organization o)) {
                return BillingProvider.NONE;
            }
            String p = org.get().path();
            source.put("billingProvider", p);
            Optional<String> npi = Optional.empty();
            Optional<String> tax = Optional.empty();
            List<Identifier> ids = o.getIdentifier();
            for (int k = 0; k < ids.size(); k++) {
                Identifier i = ids.get(k);
                String ip = p + ".identifier[" + k + "].value";
                if (FhirCodes.NPI.equals(i.getSystem()) && i.hasValue()) {
                    npi = Optional.of(checkNpi(i.getValue(), ip));
                } else if (FhirCodes.TAX_ID.equals(i.getSystem()) && i.hasValue()) {
                    String t = i.getValue().replace("-", "");
                    if (!t.matches("\\d{9}")) {
                        throw new InputException(ip, "expected 9 digits, got \"" + i.getValue() + "\"");
                    }
                    tax = Optional.of(t);
                }
            }
            Optional<org.minutewise.core.model.Address> address = o.hasAddress()
                    ? address(o.getAddressFirstRep(), p + ".address[0]", true) : Optional.empty();
            return new BillingProvider(npi, tax, o.hasName() ? Optional.of(o.getName()) : Optional.empty(), address);
        }

        /**
         * A postal address: line, city, state and ZIP; an incomplete one is noted and not used. A state or ZIP
         * not in the US form is an error when {@code strict} (the billing provider's), else noted and not used (a
         * patient's: only an 837 needs it, and its writer says so).
         */
        private Optional<org.minutewise.core.model.Address> address(Address a, String ap, boolean strict) {
            if (!a.hasLine() || !a.hasCity() || !a.hasState() || !a.hasPostalCode()) {
                notes.add(ap + ": incomplete (line, city, state and postalCode needed); not used");
                return Optional.empty();
            }
            String state = a.getState();
            String zip = a.getPostalCode().replace("-", "");
            InputException bad = org.minutewise.formats.Addresses.problem(ap, state, a.getPostalCode(), "postalCode");
            if (bad != null) {
                if (strict) {
                    throw bad;
                }
                notes.add(bad.getMessage() + "; not used");
                return Optional.empty();
            }
            return Optional.of(new org.minutewise.core.model.Address(a.getLine().get(0).getValue(),
                    a.getLine().size() > 1 ? Optional.of(a.getLine().get(1).getValue()) : Optional.empty(),
                    a.getCity(), state, zip));
        }

        /** Encounter.location[].location: a Location whose type has a CMS place of service code. */
        Optional<String> placeOfService() {
            List<Encounter.EncounterLocationComponent> ls = encounter.getLocation();
            for (int k = 0; k < ls.size(); k++) {
                Optional<Loc> l = resolve(ls.get(k).getLocation(), enc, enc.path() + ".location[" + k + "].location");
                if (l.isPresent() && l.get().resource() instanceof Location loc) {
                    for (CodeableConcept t : loc.getType()) {
                        List<Coding> cs = t.getCoding();
                        for (int j = 0; j < cs.size(); j++) {
                            if (FhirCodes.PLACE_OF_SERVICE.equals(cs.get(j).getSystem())) {
                                String code = placeOfServiceCode(cs.get(j),
                                        l.get().path() + ".type.coding[" + j + "].code");
                                source.put("placeOfService", l.get().path() + ".type");
                                return Optional.of(code);
                            }
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<BigDecimal> charge(Procedure pr, String p) {
            List<Extension> xs = pr.getExtension();
            for (int k = 0; k < xs.size(); k++) {
                if (FhirCodes.EXT_CHARGE.equals(xs.get(k).getUrl())) {
                    String xp = p + ".extension[" + k + "].valueMoney";
                    if (!(xs.get(k).getValue() instanceof Money m) || !m.hasValue()) {
                        throw new InputException(xp, "expected a valueMoney with a value");
                    }
                    usd(m, xp);
                    return Optional.of(Amounts.check(m.getValue(), xp + ".value"));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A Bundle of Claims without an Encounter (the Claim Bundle {@code check --out fhir} writes, or another system's):
     * one visit per Claim, read as the 837 reader reads a claim. The Bundle's Procedures are not read then (a Claim
     * Bundle has none; one that has them is said in the notes).
     */
    private List<Result> claimVisits(List<Loc> claims) {
        long procedures = bundle.getEntry().stream().filter(e -> e.getResource() instanceof Procedure).count();
        if (procedures > 0) {
            bundleNotes.add("Bundle.entry: " + procedures + " Procedure(s) without an Encounter not read; the visits "
                    + "are the Bundle's Claims, their items the billed lines");
        }
        List<Result> out = new ArrayList<>();
        for (Loc c : claims) {
            List<String> notes = new ArrayList<>(bundleNotes);
            try {
                out.add(new ClaimRead(c, claims, notes).read());
            } catch (InputException e) {
                out.add(Result.failed(e, notes));
            }
        }
        return out;
    }

    /**
     * One Claim to one visit, as {@link org.minutewise.formats.x12.X12ClaimReader} reads an 837 claim: each item a
     * billed line (code, modifiers, units from quantity, diagnosis pointers from diagnosisSequence, charge from net,
     * else unitPrice times quantity) and a service line of that code with no minutes and no note, furnished by the
     * item's care team (its primary member; an assist member as the assistant, the primary one their supervisor).
     * The visit's id is the Claim's identifier of the visit-id system; its date of service the items' servicedDate;
     * its patient, payer and subscriber the Claim's patient and insurance (the Coverages, as for an Encounter); the
     * billing provider Claim.provider; the certifying physician the care team's referring or attending member; a
     * replacement or void its supportingInfo and related ({@link ClaimCorrection}).
     */
    private final class ClaimRead extends VisitRead {
        /** Care team roles (FHIR's claimcareteamrole, CARIN's C4BBClaimCareTeamRole) of who rendered an item. */
        private static final Set<String> RENDERING_ROLES = Set.of("primary", "rendering", "performing");
        /** Roles of a claim's physicians who did not furnish its items (the certifying one among them). */
        private static final Set<String> CLAIM_LEVEL_ROLES = Set.of("referring", "attending", "prescribing");

        private final Claim claim;
        private final Map<Integer, Member> team = new java.util.TreeMap<>(); // by sequence

        ClaimRead(Loc loc, List<Loc> claims, List<String> notes) {
            super(loc, List.of(), claims, notes);
            this.claim = (Claim) loc.resource();
        }

        /** A care team member: who (id, NPI, name), the role they act in on the claim and their qualification. */
        private record Member(Optional<String> id, Optional<String> npi, Optional<String> name, String role,
                              Optional<Role> qualification, String path) {
        }

        @Override
        Reference subject() {
            return claim.getPatient();
        }

        @Override
        BillingProvider billingProvider() {
            return billingProvider(claim.getProvider(), enc.path() + ".provider");
        }

        /** The items' locationCodeableConcept in the CMS place of service system: one for the claim. */
        @Override
        Optional<String> placeOfService() {
            Optional<String> found = Optional.empty();
            String foundAt = null;
            for (int j = 0; j < claim.getItem().size(); j++) {
                Claim.ItemComponent it = claim.getItem().get(j);
                if (!it.hasLocationCodeableConcept()) {
                    continue;
                }
                List<Coding> cs = it.getLocationCodeableConcept().getCoding();
                for (int k = 0; k < cs.size(); k++) {
                    if (!FhirCodes.PLACE_OF_SERVICE.equals(cs.get(k).getSystem())) {
                        continue;
                    }
                    String cp = enc.path() + ".item[" + j + "].locationCodeableConcept.coding[" + k + "].code";
                    String code = placeOfServiceCode(cs.get(k), cp);
                    if (found.isPresent() && !found.get().equals(code)) {
                        throw new InputException(cp, "another place of service (" + code + ") than " + foundAt
                                + " (" + found.get() + "): a claim has one (837P CLM05-1)");
                    }
                    if (found.isEmpty()) {
                        source.put("placeOfService", cp);
                        foundAt = cp;
                    }
                    found = Optional.of(code);
                }
            }
            return found;
        }

        @Override
        Result read() {
            String p = enc.path();
            source.put("", p);
            refuseModifierExtension(claim, p);
            Claim.ClaimStatus status = claim.getStatus();
            if (status == Claim.ClaimStatus.CANCELLED || status == Claim.ClaimStatus.ENTEREDINERROR) {
                throw new InputException(p + ".status", "the Claim is " + status.toCode() + ": nothing to bill");
            }
            if (claim.hasUse() && claim.getUse() != Claim.Use.CLAIM) {
                throw new InputException(p + ".use", "expected claim (services given, to be paid), got "
                        + claim.getUse().toCode() + ": nothing billed");
            }
            String id = claimId();
            List<Claim.ItemComponent> items = claim.getItem();
            if (items.isEmpty()) {
                throw new InputException(p + ".item", "required: at least one item (a billed line: productOrService, "
                        + "modifier, quantity)");
            }
            if (items.size() > VisitJsonReader.MAX_SERVICES) {
                throw new InputException(p + ".item", "at most " + VisitJsonReader.MAX_SERVICES + " items, got "
                        + items.size());
            }
            LocalDate dos = dateOfService();
            Visit.Builder b = Visit.builder(id, dos);
            Optional<Loc> patient = resolve(claim.getPatient(), enc, p + ".patient");
            if (patient.isPresent() && !(patient.get().resource() instanceof org.hl7.fhir.r4.model.Patient)) {
                throw new InputException(p + ".patient", "expected a Patient, got a "
                        + patient.get().resource().fhirType());
            }
            if (patient.isEmpty()) {
                notes.add(p + ".patient: no Patient in the Bundle; the patient is unknown");
            }
            Patient pat = patient(patient);
            b.patient(pat);
            Map<Integer, Integer> dxBySequence = new HashMap<>();
            List<String> dx = diagnoses(dxBySequence);
            b.diagnoses(dx);
            careTeam();
            Discipline plan = Discipline.PT;
            List<ServiceLine> services = new ArrayList<>();
            List<BilledLine> billed = new ArrayList<>();
            source.put("services", p + ".item");
            source.put("billed", p + ".item");
            for (int j = 0; j < items.size(); j++) {
                Claim.ItemComponent it = items.get(j);
                String ip = p + ".item[" + j + "]";
                source.put("services[" + j + "]", ip);
                source.put("billed[" + j + "]", ip);
                String code = procedureCode(it.getProductOrService(), ip + ".productOrService");
                source.serviceCode(j, code);
                source.put("services[" + j + "].code", ip + ".productOrService");
                source.put("billed[" + j + "].code", ip + ".productOrService");
                List<String> modifiers = modifiers(it, ip);
                source.put("billed[" + j + "].modifiers", ip + ".modifier");
                int units = units(it, ip);
                source.put("billed[" + j + "].units", ip + ".quantity");
                List<Integer> pointers = pointers(it, ip, dxBySequence);
                source.put("billed[" + j + "].diagnosisPointers", ip + ".diagnosisSequence");
                Optional<BigDecimal> charge = charge(it, ip, units);
                source.put("billed[" + j + "].charge", ip + ".net");
                Discipline d = Discipline.ofModifiers(modifiers);
                Provider provider = provider(it, ip, modifiers, d);
                source.put("services[" + j + "].provider", ip + ".careTeamSequence");
                if (d == null) {
                    d = provider.role().rendersUnderSupervisor() ? provider.role().supervisingRole().discipline()
                            .orElse(null) : provider.role().discipline().orElse(null);
                }
                if (j == 0 && d != null) {
                    plan = d;
                }
                Discipline line = d == null ? plan : d;
                services.add(new ServiceLine(code, OptionalInt.empty(), List.of(), provider, Optional.empty(),
                        line == plan ? Optional.empty() : Optional.of(line), charge, regions(it, ip, j),
                        description(ref.codes().getOrNull(code), it.getProductOrService(), ip + ".productOrService",
                                "services[" + j + "]")));
                billed.add(new BilledLine(code, modifiers, units, charge, pointers));
            }
            b.planOfCare(plan);
            source.put("planOfCare", p + ".item[0].modifier");
            b.services(services);
            b.billed(billed);
            b.setting(setting());
            correction = claimCorrection(claim, p);
            insurance = insuranceOf(enc);
            coverage(patient, pat, b);
            certification().ifPresent(b::certification);
            return Result.ok(b.build(), source.build(), notes);
        }

        /** The Claim's identifier of the visit-id system, else its first identifier, else its resource id. */
        private String claimId() {
            String p = enc.path();
            List<Identifier> ids = claim.getIdentifier();
            int pick = -1;
            for (int k = 0; k < ids.size() && pick < 0; k++) {
                if (FhirCodes.VISIT_ID.equals(ids.get(k).getSystem()) && ids.get(k).hasValue()) {
                    pick = k;
                }
            }
            for (int k = 0; k < ids.size() && pick < 0; k++) {
                if (ids.get(k).hasValue()) {
                    pick = k;
                }
            }
            if (pick >= 0) {
                source.put("id", p + ".identifier[" + pick + "].value");
                return checkId(ids.get(pick).getValue(), p + ".identifier[" + pick + "].value");
            }
            if (claim.getIdElement().hasIdPart()) {
                source.put("id", p + ".id");
                return checkId(claim.getIdElement().getIdPart(), p + ".id");
            }
            throw new InputException(p + ".identifier", "required: an identifier (system " + FhirCodes.VISIT_ID
                    + ") or id for the visit");
        }

        /**
         * The items' date of service (servicedDate, or a servicedPeriod within one day; else the Claim's
         * billablePeriod.start): one date, as a visit is one day.
         */
        private LocalDate dateOfService() {
            String p = enc.path();
            LocalDate dos = null;
            String dosAt = null;
            List<Claim.ItemComponent> items = claim.getItem();
            for (int j = 0; j < items.size(); j++) {
                Claim.ItemComponent it = items.get(j);
                String ip = p + ".item[" + j + "]";
                LocalDate d;
                String at;
                if (it.hasServicedDateType()) {
                    at = ip + ".servicedDate";
                    d = dateOf(it.getServicedDateType().getValueAsString(), at);
                } else if (it.hasServicedPeriod()) {
                    at = ip + ".servicedPeriod.start";
                    Period per = it.getServicedPeriod();
                    if (!per.hasStart()) {
                        throw new InputException(at, "required: the date of service (a date like 2026-03-02)");
                    }
                    d = dateIn(per.getStartElement().getValueAsString(), at);
                    if (per.hasEnd() && !dateIn(per.getEndElement().getValueAsString(), ip + ".servicedPeriod.end")
                            .equals(d)) {
                        throw new InputException(ip + ".servicedPeriod.end", "a visit is one day: expected the end on "
                                + d + ", got " + per.getEndElement().getValueAsString());
                    }
                } else if (claim.getBillablePeriod().hasStart()) {
                    at = p + ".billablePeriod.start";
                    d = dateIn(claim.getBillablePeriod().getStartElement().getValueAsString(), at);
                } else {
                    throw new InputException(ip + ".serviced[x]", "required: the date of service (servicedDate, "
                            + "a date like 2026-03-02)");
                }
                if (dos == null) {
                    dos = d;
                    dosAt = at;
                    source.put("dateOfService", at);
                } else if (!dos.equals(d)) {
                    throw new InputException(at, "is on " + d + ", not on " + dos + " (" + dosAt + "): a visit is "
                            + "one day (write one Claim per date of service)");
                }
            }
            return dos;
        }

        /**
         * Claim.diagnosis in sequence order, each an ICD-10-CM code (diagnosisCodeableConcept, or the Condition
         * diagnosisReference names); {@code bySequence} gets each sequence's 1-based place in the visit's list.
         */
        private List<String> diagnoses(Map<Integer, Integer> bySequence) {
            String p = enc.path();
            List<Claim.DiagnosisComponent> ds = claim.getDiagnosis();
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < ds.size(); k++) {
                order.add(k);
            }
            order.sort(Comparator.comparingInt(k -> ds.get(k).hasSequence() ? ds.get(k).getSequence() : k + 1));
            List<String> dx = new ArrayList<>();
            source.put("diagnoses", p + ".diagnosis");
            for (int k : order) {
                Claim.DiagnosisComponent d = ds.get(k);
                String dp = p + ".diagnosis[" + k + "]";
                int sequence = d.hasSequence() ? d.getSequence() : k + 1;
                if (bySequence.containsKey(sequence)) {
                    throw new InputException(dp + ".sequence", "a second diagnosis of sequence " + sequence
                            + ": item.diagnosisSequence could not tell them apart");
                }
                CodeableConcept concept;
                String cp;
                if (d.hasDiagnosisCodeableConcept()) {
                    concept = d.getDiagnosisCodeableConcept();
                    cp = dp + ".diagnosisCodeableConcept";
                } else if (d.hasDiagnosisReference()) {
                    Optional<Loc> c = resolve(d.getDiagnosisReference(), enc, dp + ".diagnosisReference");
                    if (c.isEmpty() || !(c.get().resource() instanceof Condition cond)) {
                        throw new InputException(dp + ".diagnosisReference", "refers to "
                                + describe(d.getDiagnosisReference()) + ", which is not a Condition in the Bundle");
                    }
                    concept = cond.getCode();
                    cp = c.get().path() + ".code";
                } else {
                    throw new InputException(dp + ".diagnosis[x]", "required: the ICD-10-CM code "
                            + "(diagnosisCodeableConcept with a coding of system " + FhirCodes.ICD10CM + ")");
                }
                Optional<String> code = icd10(concept, cp, dx);
                if (code.isEmpty()) {
                    throw new InputException(cp, "required: a coding of system " + FhirCodes.ICD10CM
                            + " (ICD-10-CM), got " + codings(concept));
                }
                bySequence.put(sequence, dx.indexOf(code.get()) + 1);
            }
            return dx;
        }

        /** Claim.careTeam by sequence: each member's practitioner, role on the claim and qualification. */
        private void careTeam() {
            String p = enc.path();
            List<Claim.CareTeamComponent> members = claim.getCareTeam();
            for (int k = 0; k < members.size(); k++) {
                Claim.CareTeamComponent m = members.get(k);
                String mp = p + ".careTeam[" + k + "]";
                if (!m.hasSequence()) {
                    throw new InputException(mp + ".sequence", "required: the number item.careTeamSequence uses");
                }
                if (team.containsKey(m.getSequence())) {
                    throw new InputException(mp + ".sequence", "a second care team member of sequence "
                            + m.getSequence() + " (" + team.get(m.getSequence()).path() + "): "
                            + "item.careTeamSequence could not tell them apart");
                }
                Optional<Loc> who = resolve(m.getProvider(), enc, mp + ".provider");
                if (who.isPresent() && !(who.get().resource() instanceof Practitioner)
                        && !(who.get().resource() instanceof PractitionerRole)) {
                    // An Organization as a team member: no clinician to name on a line.
                    notes.add(mp + ".provider: a " + who.get().resource().fhirType() + ", not a Practitioner; not "
                            + "read");
                    continue;
                }
                Person person = person(m.getProvider(), who, mp + ".provider");
                Optional<Role> qualification = role(m.getQualification());
                if (qualification.isEmpty() && who.isPresent()) {
                    qualification = actorRole(who.get());
                }
                String role = "";
                for (Coding c : m.getRole().getCoding()) {
                    if ((FhirCodes.CARE_TEAM_ROLE.equals(c.getSystem())
                            || FhirCodes.CARIN_CARE_TEAM_ROLE.equals(c.getSystem())) && c.hasCode()) {
                        role = c.getCode();
                        break;
                    }
                }
                team.put(m.getSequence(), new Member(person.id(), person.npi(), name(who), role, qualification, mp));
            }
        }

        /**
         * Who furnished an item, from its care team: the primary member (FHIR's {@code primary}, or CARIN's
         * {@code rendering} or {@code performing}; else the first that is neither an assist member nor one of the
         * claim's referring, attending or prescribing providers) renders it; an assist member furnished it under them (the primary then their supervisor), as
         * does an unnamed assistant when the line has CQ or CO. Without a member: the therapist of the line's
         * discipline, unnamed (the checks ask for the rendering provider).
         */
        private Provider provider(Claim.ItemComponent it, String ip, List<String> modifiers, Discipline d) {
            Member rendering = null;
            Member assist = null;
            List<org.hl7.fhir.r4.model.PositiveIntType> seqs = it.getCareTeamSequence();
            for (int k = 0; k < seqs.size(); k++) {
                Integer s = seqs.get(k).getValue();
                Member m = s == null ? null : team.get(s);
                if (m == null) {
                    throw new InputException(ip + ".careTeamSequence[" + k + "]", "refers to no Claim.careTeam "
                            + "member (sequence " + s + "; the Claim has " + team.keySet()
                            + ")");
                }
                if (m.role().equals("assist")) {
                    assist = assist == null ? m : assist;
                } else if (RENDERING_ROLES.contains(m.role())
                        && (rendering == null || !RENDERING_ROLES.contains(rendering.role()))) {
                    rendering = m;
                } else if (rendering == null && !CLAIM_LEVEL_ROLES.contains(m.role())) {
                    rendering = m;
                }
            }
            Discipline disc = d != null ? d : rendering != null && rendering.qualification().isPresent()
                    ? rendering.qualification().get().supervisingRole().discipline().orElse(Discipline.PT)
                    : Discipline.PT;
            if (rendering == null) {
                notes.add(ip + ".careTeamSequence: no care team member who rendered the item; the rendering "
                        + "provider is unknown");
            }
            Optional<String> rid = rendering == null ? Optional.empty() : rendering.id();
            Optional<String> rnpi = rendering == null ? Optional.empty() : rendering.npi();
            Role rrole = rendering == null ? Role.therapistOf(disc)
                    : rendering.qualification().orElse(Role.therapistOf(disc));
            boolean assistantLine = ClaimBuilder.assistantModifier(modifiers);
            if (assist != null || assistantLine) {
                Role arole = assist != null && assist.qualification().isPresent() ? assist.qualification().get()
                        : switch (disc) {
                            case PT -> Role.PTA;
                            case OT -> Role.OTA;
                            case SLP -> Role.SLPA;
                        };
                return new Provider(assist == null ? Optional.empty() : assist.id(), arole,
                        assist == null ? Optional.empty() : assist.npi(), rid, rnpi);
            }
            return new Provider(rid, rrole, rnpi);
        }

        /** An item's modifiers: each modifier's first coded value, two letters or digits, at most four. */
        private List<String> modifiers(Claim.ItemComponent it, String ip) {
            List<CodeableConcept> ms = it.getModifier();
            if (ms.size() > 4) {
                throw new InputException(ip + ".modifier", "at most 4 modifiers (837P SV101-3 to -6), got "
                        + ms.size());
            }
            List<String> out = new ArrayList<>();
            for (int k = 0; k < ms.size(); k++) {
                String mp = ip + ".modifier[" + k + "]";
                Coding c = ms.get(k).getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
                if (c == null) {
                    throw new InputException(mp, "required: a coding with the modifier's code (like GP)");
                }
                String m = c.getCode().trim().toUpperCase(Locale.ROOT);
                if (!m.matches("[0-9A-Z]{2}")) {
                    throw new InputException(mp + ".coding[" + ms.get(k).getCoding().indexOf(c) + "].code",
                            "expected a 2-character modifier, got \"" + c.getCode() + "\"");
                }
                out.add(m);
            }
            return out;
        }

        /** The units billed: item.quantity.value, a whole number from 0 to 10000 (no unit, or UCUM 1). */
        private int units(Claim.ItemComponent it, String ip) {
            if (!it.hasQuantity() || !it.getQuantity().hasValue()) {
                throw new InputException(ip + ".quantity", "required: the units billed (quantity.value, like 2)");
            }
            BigDecimal v = it.getQuantity().getValue();
            if (v.stripTrailingZeros().scale() > 0 || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new InputException(ip + ".quantity.value", "expected a whole number of units from 0 to 10000, "
                        + "got " + v.toPlainString());
            }
            return v.intValueExact();
        }

        /** item.diagnosisSequence as 1-based places in the visit's diagnoses (837P SV107), at most four. */
        private List<Integer> pointers(Claim.ItemComponent it, String ip, Map<Integer, Integer> bySequence) {
            List<org.hl7.fhir.r4.model.PositiveIntType> seqs = it.getDiagnosisSequence();
            if (seqs.size() > 4) {
                throw new InputException(ip + ".diagnosisSequence", "at most 4 diagnosis pointers (837P SV107), got "
                        + seqs.size());
            }
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < seqs.size(); k++) {
                Integer s = seqs.get(k).getValue();
                Integer at = s == null ? null : bySequence.get(s);
                if (at == null) {
                    throw new InputException(ip + ".diagnosisSequence[" + k + "]", "points to no Claim.diagnosis: "
                            + "expected one of the sequences " + new java.util.TreeSet<>(bySequence.keySet())
                            + ", got " + s);
                }
                out.add(at);
            }
            return out;
        }

        /**
         * The line's charge: item.net, else unitPrice times quantity; in USD. Both given must agree (net is
         * quantity times unitPrice, FHIR says); a factor other than 1 is refused (the charge would be a guess).
         */
        private Optional<BigDecimal> charge(Claim.ItemComponent it, String ip, int units) {
            if (it.hasFactor() && it.getFactor().compareTo(BigDecimal.ONE) != 0) {
                throw new InputException(ip + ".factor", "expected 1 or none (Minutewise bills the charge as "
                        + "quantity times unitPrice), got " + it.getFactor().toPlainString());
            }
            // A unit price may be exact to the tenth of a cent (75.25 for 2 units is 37.625): the charge is in cents.
            Optional<BigDecimal> unit = money(it.getUnitPrice(), ip + ".unitPrice", false);
            Optional<BigDecimal> net = money(it.getNet(), ip + ".net", true);
            if (net.isPresent() && unit.isPresent()
                    && unit.get().multiply(BigDecimal.valueOf(units)).compareTo(net.get()) != 0) {
                throw new InputException(ip + ".net", "is not quantity (" + units + ") times unitPrice ("
                        + unit.get().toPlainString() + "): got " + net.get().toPlainString());
            }
            if (net.isPresent()) {
                return net;
            }
            return unit.map(u -> Amounts.check(u.multiply(BigDecimal.valueOf(units)), ip + ".unitPrice.value"));
        }

        private Optional<BigDecimal> money(Money m, String mp, boolean cents) {
            if (m == null || m.isEmpty()) {
                return Optional.empty();
            }
            if (!m.hasValue()) {
                throw new InputException(mp + ".value", "required");
            }
            usd(m, mp);
            if (!cents && m.getValue().signum() < 0) {
                throw new InputException(mp + ".value", "must not be negative, got " + m.getValue().toPlainString());
            }
            return Optional.of(cents ? Amounts.check(m.getValue(), mp + ".value") : m.getValue());
        }

        /** item.bodySite coded in Minutewise's body-region system (one region; several are written as text only). */
        private List<org.minutewise.core.model.BodyRegion> regions(Claim.ItemComponent it, String ip, int j) {
            if (!it.hasBodySite()) {
                return List.of();
            }
            List<org.minutewise.core.model.BodyRegion> out = new ArrayList<>();
            List<Coding> codings = it.getBodySite().getCoding();
            for (int c = 0; c < codings.size(); c++) {
                Optional<org.minutewise.core.model.BodyRegion> r = bodyRegion(codings.get(c),
                        ip + ".bodySite.coding[" + c + "].code");
                if (r.isPresent()) {
                    out.add(r.get());
                    source.put("services[" + j + "].regions", ip + ".bodySite");
                }
            }
            if (out.isEmpty()) {
                notes.add(ip + ".bodySite: no coding of " + FhirCodes.BODY_REGION_SYSTEM + "; not read");
            }
            return out;
        }

        /**
         * The setting: the setting extension when the Claim has it; else by Claim.type, professional as
         * private-practice and institutional as hospital-outpatient (a Claim does not say which institution), said.
         */
        private Setting setting() {
            Optional<Coded> ext = extensionCode(claim, FhirCodes.EXT_SETTING, enc.path());
            if (ext.isPresent()) {
                source.put("setting", ext.get().path());
                return Setting.parse(ext.get().value()).orElseThrow(() -> new InputException(ext.get().path(),
                        "expected one of " + Setting.wireNames() + ", got \"" + ext.get().value() + "\""));
            }
            boolean institutional = claim.getType().getCoding().stream().anyMatch(c ->
                    FhirCodes.CLAIM_TYPE.equals(c.getSystem()) && "institutional".equals(c.getCode()));
            source.put("setting", enc.path() + ".type");
            if (institutional) {
                notes.add(enc.path() + ".type: institutional; the setting taken as hospital-outpatient (the Claim "
                        + "does not say which institution; extension " + FhirCodes.EXT_SETTING + " does)");
                return Setting.HOSPITAL_OUTPATIENT;
            }
            return Setting.PRIVATE_PRACTICE;
        }

        /**
         * The certifying physician: the care team's referring member (a professional claim's; 837P 2310A) or
         * attending one (an institutional claim's), its name and NPI, without dates (a Claim does not carry them).
         */
        private Optional<Certification> certification() {
            for (Member m : team.values()) {
                if (m.role().equals("referring") || m.role().equals("attending")) {
                    if (m.name().isEmpty() && m.npi().isEmpty()) {
                        continue;
                    }
                    source.put("certification", m.path());
                    return Optional.of(new Certification(Optional.empty(), Optional.empty(), m.name(), m.npi()));
                }
            }
            return Optional.empty();
        }
    }

    private record Coded(String value, String path) {
    }

    /**
     * A coding of Minutewise's body-region system (Procedure.bodySite, Claim.item.bodySite) read as its region, the
     * code at {@code cp} refused when it names none; empty for a coding of another system (not read).
     */
    private static Optional<org.minutewise.core.model.BodyRegion> bodyRegion(Coding coding, String cp) {
        if (!FhirCodes.BODY_REGION_SYSTEM.equals(coding.getSystem())) {
            return Optional.empty();
        }
        String value = coding.getCode() == null ? "" : coding.getCode();
        return Optional.of(org.minutewise.core.model.BodyRegion.parse(value).orElseThrow(() -> new InputException(
                cp, "expected one of " + org.minutewise.core.model.BodyRegion.names() + ", got \"" + value + "\"")));
    }

    /**
     * The code of a coding in the CMS place of service system (a Location's type, a Claim item's
     * locationCodeableConcept), at {@code cp}: two digits, or refused.
     */
    private static String placeOfServiceCode(Coding coding, String cp) {
        String code = coding.getCode();
        if (code == null || !code.matches("\\d{2}")) {
            throw new InputException(cp, "expected a 2-digit place of service code like 11, got \"" + code + "\"");
        }
        return code;
    }

    /** An amount at {@code mp} in US dollars, the only currency read: another is refused at its currency. */
    private static void usd(Money m, String mp) {
        if (m.hasCurrency() && !m.getCurrency().equals("USD")) {
            throw new InputException(mp + ".currency", "expected USD, got " + m.getCurrency());
        }
    }

    private static Optional<Coded> extensionCode(DomainResource r, String url, String path) {
        List<Extension> xs = r.getExtension();
        for (int k = 0; k < xs.size(); k++) {
            if (url.equals(xs.get(k).getUrl())) {
                String xp = path + ".extension[" + k + "].valueCode";
                if (!(xs.get(k).getValue() instanceof CodeType c) || !c.hasValue()) {
                    throw new InputException(xp, "expected a valueCode");
                }
                return Optional.of(new Coded(c.getValue(), xp));
            }
        }
        return Optional.empty();
    }

    private static Discipline discipline(Coded c) {
        return Discipline.parse(c.value()).filter(d -> d.name().equals(c.value()))
                .orElseThrow(() -> new InputException(c.path(), "expected PT, OT or SLP, got \"" + c.value() + "\""));
    }

    private static Optional<Role> role(CodeableConcept cc) {
        if (cc == null) {
            return Optional.empty();
        }
        for (Coding c : cc.getCoding()) {
            Optional<Role> r = FhirCodes.role(c.getSystem(), c.getCode());
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static String codings(CodeableConcept cc) {
        List<String> out = new ArrayList<>();
        for (Coding c : cc.getCoding()) {
            out.add((c.hasSystem() ? c.getSystem() : "(no system)") + "|" + c.getCode());
        }
        return out.isEmpty() ? "the function (no coding)" : String.join(", ", out);
    }

    /** Our own id identifier, else (for a patient) a medical record number, else the resource id. */
    private static Optional<String> ownId(List<Identifier> ids, String system, boolean mrn, String resourceId) {
        for (Identifier i : ids) {
            if (system.equals(i.getSystem()) && i.hasValue()) {
                return Optional.of(i.getValue());
            }
        }
        if (mrn) {
            for (Identifier i : ids) {
                boolean isMr = i.getType().getCoding().stream().anyMatch(c -> FhirCodes.V2_IDENTIFIER_TYPE
                        .equals(c.getSystem()) && "MR".equals(c.getCode()));
                if (isMr && i.hasValue()) {
                    return Optional.of(i.getValue());
                }
            }
        }
        return resourceId == null || resourceId.startsWith("urn:") ? Optional.empty() : Optional.of(resourceId);
    }

    private static String checkNpi(String npi, String path) {
        if (!Npi.valid(npi)) {
            throw new InputException(path, "not a valid NPI (10 digits with a check digit): \"" + npi + "\"");
        }
        return npi;
    }

    private static int wholeMinutes(BigDecimal m, String path) {
        if (m.stripTrailingZeros().scale() > 0) {
            throw new InputException(path, "expected a whole number of minutes, got " + m.toPlainString());
        }
        if (m.signum() < 0 || m.compareTo(BigDecimal.valueOf(VisitJsonReader.MAX_MINUTES)) > 0) {
            throw new InputException(path, "must be between 0 and " + VisitJsonReader.MAX_MINUTES + ", got "
                    + m.toPlainString());
        }
        return m.intValueExact();
    }

    private static void sameDay(LocalDate d, LocalDate dos, String path) {
        if (!d.equals(dos)) {
            throw new InputException(path, "is on " + d + ", not on the date of service " + dos
                    + " (the Encounter's period.start)");
        }
    }

    /** A date (or the date part of a dateTime as written): a full date, year 1900-2199. */
    /** A stamp with an offset as the clinic zone's clock time at that instant (no offset left); else as it is. */
    private Stamp inZone(Stamp s) {
        if (zone.isEmpty() || s.offset().isEmpty()) {
            return s;
        }
        return new Stamp(java.time.OffsetDateTime.of(s.time(), s.offset().get()).atZoneSameInstant(zone.get())
                .toLocalDateTime(), Optional.empty());
    }

    /** The date of a date or date-time: with a clinic zone and an offset, the clinic's date at that instant. */
    private LocalDate dateIn(String text, String path) {
        if (zone.isPresent()) {
            Matcher m = DATE_TIME.matcher(text);
            if (m.matches() && m.group(4) != null && m.group(8) != null) {
                return inZone(stamp(text, path)).time().toLocalDate();
            }
        }
        return dateOf(text, path);
    }

    private static LocalDate dateOf(String text, String path) {
        Matcher m = text == null ? null : DATE_TIME.matcher(text);
        if (m == null || !m.matches()) {
            throw new InputException(path, "expected a date like 2026-03-02, got \"" + text + "\"");
        }
        if (m.group(3) == null) {
            throw new InputException(path, "expected a full date like 2026-03-02, got \"" + text + "\"");
        }
        LocalDate d = LocalDate.parse(text.substring(0, 10));
        if (d.getYear() < 1900 || d.getYear() > 2199) {
            throw new InputException(path, "year out of range: " + text);
        }
        return d;
    }

    /** A time stamp with a time of day, as written (local time), in whole minutes. */
    private record Stamp(LocalDateTime time, Optional<ZoneOffset> offset) {
    }

    private static Stamp stamp(String text, String path) {
        LocalDate d = dateOf(text, path);
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches() || m.group(4) == null) {
            throw new InputException(path, "expected a date and time like 2026-03-02T09:00:00-05:00, got \"" + text
                    + "\"");
        }
        int h = Integer.parseInt(m.group(4));
        int min = Integer.parseInt(m.group(5));
        int s = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        boolean fraction = m.group(7) != null && !m.group(7).matches("\\.0+");
        if (h > 23 || min > 59 || s > 59) {
            throw new InputException(path, "not a time of day: \"" + text + "\"");
        }
        if (s != 0 || fraction) {
            throw new InputException(path, "periods are in whole minutes, got seconds in \"" + text + "\"");
        }
        Optional<ZoneOffset> off = m.group(8) == null ? Optional.empty() : Optional.of(ZoneOffset.of(m.group(8)));
        return new Stamp(LocalDateTime.of(d, LocalTime.of(h, min)), off);
    }

    private static String roles() {
        StringBuilder sb = new StringBuilder();
        for (Role r : Role.values()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(r.name());
        }
        return sb.toString();
    }
}
