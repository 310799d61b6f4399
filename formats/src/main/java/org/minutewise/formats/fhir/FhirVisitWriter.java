package org.minutewise.formats.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;

/**
 * A {@link Visit} to the input-style Bundle {@link FhirVisitReader} reads: Patient, Encounter, a Procedure per
 * service line, a Condition per diagnosis, Coverage, Practitioners and a DocumentReference for the note. What it
 * writes, the reader reads back to the same codes, minutes, periods, roles, diagnoses, payer and note. The visit's
 * clock times are local; FHIR wants a time zone on a time, so the caller names the clinic's zone (UTC by default).
 * The certification goes in a CarePlan (its period, and its author's display for the physician). A replacement or
 * void (the visit's {@code claimFrequency} and {@code payerClaimControlNumber}) adds a Claim, the visit's by its
 * identifier, with the frequency and the prior claim where {@link ClaimCorrection} says (CMS Blue Button's
 * {@code clm_freq_cd} as a {@code typeofbill} supportingInfo, and {@code Claim.related} {@code prior}); a visit
 * without them has no Claim. Not carried (no FHIR home in this mapping): year-to-date spend, previous note, ABN,
 * authorization, overrides, purpose, locality, billed lines, the primary's claim filing indicator, and the secondary
 * payer's claim filing indicator and Medicare secondary payer type (837 2320 SBR09 and SBR05). For those two no code
 * system for the X12 codes is registered with HL7, US Core's Coverage.type binding (the PHDSC source of payment
 * typology) has no published crosswalk from SBR09 and folds several of its codes into one (MA and MB are both
 * Medicare fee for service), so what a reader took back would not be what was written; and no IG has an extension
 * for the MSP type (CMS's own NCH primary payer code is another code set).
 */
public final class FhirVisitWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private FhirVisitWriter() {
    }

    /**
     * The fields of a visit the FHIR mapping has no home for, by their visit JSON names (empty when it carries
     * everything the visit holds): a conversion to FHIR says what it leaves behind rather than drop it silently.
     * A timed service with neither minutes nor times (an 837's billed units) is named too: the FHIR input needs one.
     *
     * @param timed whether a code is timed (the code catalog's)
     */
    public static java.util.Set<String> notCarried(Visit v, java.util.function.Predicate<String> timed) {
        return notCarried(v, timed, code -> true);
    }

    /**
     * As above, naming too a listed code's description (the reader takes {@code Procedure.code.text} as the
     * description of an unlisted code alone).
     *
     * @param unlisted whether a code is an unlisted one (the code catalog's)
     */
    public static java.util.Set<String> notCarried(Visit v, java.util.function.Predicate<String> timed,
                                                   java.util.function.Predicate<String> unlisted) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        org.minutewise.formats.NotCarried.common(v, out);
        // The secondary payer's claim filing indicator and MSP type have no standard FHIR home (see the class).
        v.claimInfo().secondary().claimFilingIndicator().ifPresent(x -> out.add("secondaryClaimFilingIndicator"));
        v.claimInfo().secondary().insuranceType().ifPresent(x -> out.add("secondaryInsuranceType"));
        // A billing provider who is a person: FHIR's serviceProvider is an Organization, named by the last name.
        v.claimInfo().billingProvider().firstName().ifPresent(x -> out.add("billingProvider.firstName"));
        org.minutewise.core.model.Subscriber s = v.claimInfo().subscriber();
        if (s.relationship().isEmpty()) {
            // The patient who is the subscriber: the Patient carries the subscriber's name, sex and address, each
            // else the patient's own (read back as the subscriber's beside a Coverage, as the patient's without one).
            // A patient's own that differs from the subscriber's given one has no home.
            org.minutewise.core.model.Patient p = v.patient();
            boolean subscriberNamed = s.lastName().isPresent() || s.firstName().isPresent();
            if (subscriberNamed && !p.lastName().equals(s.lastName())) {
                p.lastName().ifPresent(x -> out.add("patient.lastName"));
            }
            if (subscriberNamed && !p.firstName().equals(s.firstName())) {
                p.firstName().ifPresent(x -> out.add("patient.firstName"));
            }
            if (s.sex().isPresent() && !p.sex().equals(s.sex())) {
                p.sex().ifPresent(x -> out.add("patient.sex"));
            }
            if (s.address().isPresent() && !p.address().equals(s.address())) {
                p.address().ifPresent(x -> out.add("patient.address"));
            }
        }
        // The FHIR input takes the certification from a CarePlan with a period: without dates it is not read back.
        v.certification().filter(c -> c.from().isEmpty() && c.to().isEmpty())
                .ifPresent(c -> out.add("certification (without its dates)"));
        if (v.progressReport()) {
            out.add("progressReport");
        }
        if (!v.billed().isEmpty()) {
            out.add("billed");
        }
        for (int i = 0; i < v.services().size(); i++) {
            org.minutewise.core.model.ServiceLine l = v.services().get(i);
            if (l.description().isPresent() && !unlisted.test(l.code())) {
                // Written as Procedure.code.text, which the reader takes only for an unlisted code (a listed code's
                // text is its name in the sender's system).
                out.add("services[" + i + "].description (" + l.code() + " is a listed code)");
            }
            if (!l.hasTime() && timed.test(l.code())) {
                out.add("services[" + i + "] (" + l.code() + ": no minutes or times, which FHIR input needs for a "
                        + "timed code)");
            }
        }
        return out;
    }

    /** The Bundle as pretty-printed FHIR JSON, times in UTC. */
    public static String write(Visit v) {
        return write(v, ZoneOffset.UTC);
    }

    /** The Bundle as pretty-printed FHIR JSON, times in the clinic's zone. */
    public static String write(Visit v, ZoneId zone) {
        return FhirR4.jsonParser().setPrettyPrint(true).encodeResourceToString(bundle(List.of(v), zone));
    }

    /** A Bundle (type collection) of one or more visits. */
    public static Bundle bundle(List<Visit> visits, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.COLLECTION);
        for (Visit v : visits) {
            add(b, v, zone);
        }
        return b;
    }

    private static void add(Bundle b, Visit v, ZoneId zone) {
        Entries e = new Entries(b, "visit/" + v.id());
        Reference patient = e.patient(v);
        Encounter enc = new Encounter();
        enc.addIdentifier(Entries.identifier(FhirCodes.VISIT_ID, v.id()));
        enc.setStatus(Encounter.EncounterStatus.FINISHED);
        enc.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        enc.setServiceType(Entries.concept(FhirCodes.DISCIPLINE_SYSTEM, v.planOfCare().name(),
                v.planOfCare().label()));
        if (v.setting() != Setting.PRIVATE_PRACTICE) {
            enc.addExtension(FhirCodes.EXT_SETTING, new CodeType(v.setting().wire()));
        }
        enc.setSubject(patient.copy());
        enc.setPeriod(new Period().setStartElement(new DateTimeType(v.dateOfService().toString())));
        v.totalTreatmentMinutes().ifPresent(m -> enc.setLength(minutes(m)));
        e.billingProvider(v).ifPresent(enc::setServiceProvider);
        e.placeOfService(v).ifPresent(l -> enc.addLocation().setLocation(l));
        Reference encRef = e.add("encounter", enc);
        for (int i = 0; i < v.diagnoses().size(); i++) {
            Condition c = new Condition();
            c.addCategory(Entries.concept("http://terminology.hl7.org/CodeSystem/condition-category",
                    "encounter-diagnosis", "Encounter Diagnosis"));
            c.setCode(Entries.concept(FhirCodes.ICD10CM, v.diagnoses().get(i), null));
            c.setSubject(patient.copy());
            c.setEncounter(encRef.copy());
            Reference cr = e.add("condition/" + i, c);
            enc.addDiagnosis().setCondition(cr).setRank(i + 1);
        }
        for (int i = 0; i < v.services().size(); i++) {
            e.add("procedure/" + i, procedure(e, v, v.services().get(i), i, patient, encRef, zone));
        }
        v.note().ifPresent(n -> {
            DocumentReference d = new DocumentReference();
            d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            d.setType(Entries.concept(FhirCodes.LOINC, FhirCodes.PROGRESS_NOTE, "Progress note"));
            d.setSubject(patient.copy());
            d.getContext().addEncounter(encRef.copy());
            d.addContent().getAttachment().setContentType("text/plain; charset=utf-8")
                    .setData(n.getBytes(StandardCharsets.UTF_8));
            e.add("note", d);
        });
        e.coverage(v);
        v.certification().ifPresent(c -> {
            CarePlan plan = new CarePlan();
            plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
            plan.setIntent(CarePlan.CarePlanIntent.PLAN);
            plan.setTitle(v.planOfCare().label() + " plan of care");
            plan.setSubject(patient.copy());
            Period p = new Period();
            c.from().ifPresent(f -> p.setStartElement(new DateTimeType(f.toString())));
            c.to().ifPresent(t -> p.setEndElement(new DateTimeType(t.toString())));
            plan.setPeriod(p);
            if (c.physician().isPresent() || c.physicianNpi().isPresent()) {
                Reference author = new Reference();
                c.physician().ifPresent(author::setDisplay);
                c.physicianNpi().ifPresent(n -> author.setIdentifier(Entries.identifier(FhirCodes.NPI, n)));
                plan.setAuthor(author);
            }
            e.add("careplan", plan);
        });
        if (ClaimCorrection.present(v.claimInfo())) {
            e.add("claim", correctionClaim(e, v, patient));
        }
    }

    /**
     * The Claim that says the visit's claim replaces or voids one already billed ({@link ClaimCorrection}): only
     * when the visit says so, so that an original claim's Bundle stays as it was. It holds what a Claim must
     * (status, type, use, patient, created, provider, priority, insurance) and is the visit's by its identifier,
     * the visit id in the same system as the Encounter's.
     */
    private static org.hl7.fhir.r4.model.Claim correctionClaim(Entries e, Visit v, Reference patient) {
        org.hl7.fhir.r4.model.Claim c = new org.hl7.fhir.r4.model.Claim();
        boolean institutional = v.setting().institutional();
        c.addIdentifier(Entries.identifier(FhirCodes.VISIT_ID, v.id()));
        c.setStatus(org.hl7.fhir.r4.model.Claim.ClaimStatus.ACTIVE);
        c.setType(Entries.concept(FhirCodes.CLAIM_TYPE, institutional ? "institutional" : "professional",
                institutional ? "Institutional" : "Professional"));
        c.setUse(org.hl7.fhir.r4.model.Claim.Use.CLAIM);
        c.setPatient(patient.copy());
        c.setCreatedElement(new DateTimeType(v.dateOfService().toString()));
        c.setProvider(e.billingProvider(v).orElseGet(() -> Entries.absent("billing provider not given")));
        c.setPriority(Entries.concept(FhirCodes.PROCESS_PRIORITY, "normal", "Normal"));
        e.insurance(c, v); // the primary (focal), then the secondary payer's Coverage
        ClaimCorrection.write(c, v.claimInfo());
        return c;
    }

    private static Procedure procedure(Entries e, Visit v, ServiceLine l, int i, Reference patient, Reference enc,
                                       ZoneId zone) {
        Procedure p = new Procedure();
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(Entries.concept(FhirCodes.procedureSystem(l.code()), l.code(), null));
        l.description().ifPresent(d -> p.getCode().setText(d)); // what was done, in words (SV101-7)
        p.setSubject(patient.copy());
        p.setEncounter(enc.copy());
        if (l.periods().isEmpty()) {
            p.setPerformed(new DateTimeType(v.dateOfService().toString()));
        } else {
            p.setPerformed(period(v.dateOfService(), l.periods().get(0), zone));
            for (int k = 1; k < l.periods().size(); k++) {
                p.addExtension(FhirCodes.EXT_ADDITIONAL_PERIOD, period(v.dateOfService(), l.periods().get(k), zone));
            }
        }
        l.statedMinutes().ifPresent(m -> p.addExtension(FhirCodes.EXT_STATED_MINUTES, minutes(m)));
        l.mode().ifPresent(m -> p.addExtension(FhirCodes.EXT_MODE, new CodeType(m.wire())));
        l.discipline().ifPresent(d -> p.addExtension(FhirCodes.EXT_DISCIPLINE, new CodeType(d.name())));
        l.charge().ifPresent(c -> p.addExtension(FhirCodes.EXT_CHARGE, Entries.usd(c)));
        for (org.minutewise.core.model.BodyRegion r : l.regions()) {
            p.addBodySite().addCoding(Entries.bodyRegion(r));
        }
        Provider pv = l.provider();
        Procedure.ProcedurePerformerComponent perf = p.addPerformer();
        perf.setFunction(Entries.qualification(pv.role()));
        perf.setActor(e.practitioner(pv.id(), pv.npi(), Optional.of(pv.role()), pv.name(), "line/" + i));
        // Billed under an organization's NPI (a group's, 837 NM1*82 entity type 2): the Organization the clinician
        // acted for, named, with that NPI.
        pv.organization().ifPresent(o -> perf.setOnBehalfOf(e.renderingOrganization(o, pv.npi())));
        if (pv.supervisorId().isPresent() || pv.supervisorNpi().isPresent() || pv.supervisorName().isPresent()) {
            perf.addExtension(FhirCodes.EXT_SUPERVISOR, e.practitioner(pv.supervisorId(), pv.supervisorNpi(),
                    Optional.empty(), pv.supervisorName(), "supervisor/" + i));
        }
        return p;
    }

    private static Period period(LocalDate day, org.minutewise.core.model.Period per, ZoneId zone) {
        LocalDateTime start = LocalDateTime.of(day, per.start());
        // A period that ends at midnight (24:00) ends at 00:00 of the next day: FHIR times have no 24:00.
        LocalDateTime end = per.end().equals(org.minutewise.core.model.Period.END_OF_DAY)
                ? LocalDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT) : LocalDateTime.of(day, per.end());
        return new Period().setStartElement(new DateTimeType(stamp(start, zone)))
                .setEndElement(new DateTimeType(stamp(end, zone)));
    }

    private static String stamp(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone).format(STAMP).replace("+00:00", "Z");
    }

    static Duration minutes(int m) {
        Duration d = new Duration();
        d.setValue(m).setUnit("min").setSystem(FhirCodes.UCUM).setCode("min");
        return d;
    }
}
