package org.minutewise.formats.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.formats.InputException;
import org.minutewise.formats.InputProblems;
import org.minutewise.formats.Npi;

/**
 * One checked visit made ready for an 837: every value the claim needs, checked before a byte is written.
 * {@link #prepare} throws an {@link InputException} naming the visit's field when the 837 lacks something.
 */
record X12Claim(String claimId, BillingParty billing, SubscriberParty subscriber, String facilityCode,
                String frequency, Optional<String> payerClaimControlNumber, List<String> diagnoses,
                Optional<Certifier> certifier, Optional<Rendering> rendering, Optional<OtherPayer> otherPayer,
                List<Line> lines, LocalDate dateOfService, BigDecimal total) {

    /** Billing provider: loop 2000A/2010AA. Equal values share one HL. */
    /** {@code firstName}: a person billing (NM1*85*1, a therapist in solo practice); empty for an organization. */
    record BillingParty(String npi, String taxId, String name, String line1, Optional<String> line2, String city,
                        String state, String zip, Optional<String> firstName) {
    }

    /**
     * Subscriber and payer: loop 2000B/2010BA/2010BB, and the patient. When the patient is the subscriber
     * ({@code relationship} empty) the patient's address and demographics go in 2010BA; for a dependent the patient
     * loop 2000C (PAT01 the {@code relationship}) and 2010CA name the patient, and 2010BA the subscriber by name and
     * member id only. Equal values share one 2000B HL (and 2000C): a claim of another patient starts a new 2000B.
     */
    record SubscriberParty(String filingIndicator, String memberId, String lastName, Optional<String> firstName,
                           String payerName, String payerId, Person patient, Optional<String> relationship) {
    }

    /**
     * The patient as the claim names them: name, address (N3/N4) and demographics (DMG), in 2010BA when the patient
     * is the subscriber (the name then the subscriber's), in 2010CA otherwise; the other subscriber of 2330A.
     */
    record Person(String lastName, Optional<String> firstName, String line1, Optional<String> line2, String city,
                  String state, String zip, LocalDate birthDate, String sex) {
    }

    /**
     * The physician or NPP who certified the plan of care (loop 2310A): the referring provider of an 837P
     * (NM1*DN), the attending provider of an 837I (NM1*71). Medicare wants that NPI on every therapy claim.
     */
    record Certifier(String npi, String lastName, Optional<String> firstName, Optional<String> middleName) {
        /** NM101, the entity code of the form's loop 2310A. */
        String entity(Form form) {
            return form == Form.PROFESSIONAL ? "DN" : "71";
        }
    }

    /**
     * The rendering provider (NM1*82): the supervising therapist when an assistant treated. {@code name} is NM103,
     * the last name when the visit names the clinician ({@code provider.name} or {@code .supervisorName}), else the
     * clinician's id (or NPI); {@code firstName} and {@code middleName} NM104 and NM105. {@code organization}: the
     * line is billed under an organization's NPI ({@code provider.organization}, no person's name given), NM102 2
     * with its name in NM103 alone.
     */
    record Rendering(String npi, String name, Optional<String> firstName, Optional<String> middleName,
                     boolean organization) {
        /** A person. */
        Rendering(String npi, String name, Optional<String> firstName, Optional<String> middleName) {
            this(npi, name, firstName, middleName, false);
        }
    }

    /**
     * The visit's secondary payer (loop 2320 with 2330A/2330B): the claim goes to the primary, so the patient's other
     * payer is responsible second (SBR01 S). The payer's own name and payer id (2330B) and the patient's member id
     * there (2330A) are the visit's {@code secondaryPayerName}, {@code secondaryPayerId} and
     * {@code secondaryMemberId}; the filing indicator its {@code secondaryClaimFilingIndicator}, else by the kind of
     * its payer profile (as 2000B SBR09 by the primary's). The other subscriber is the patient (SBR02 18), a dependent
     * too, unless the visit names the secondary policy's own subscriber ({@code secondaryRelationship}).
     * {@code insuranceType} is SBR05, why Medicare pays second, when the other payer is Medicare (its
     * {@code secondaryInsuranceType}); empty otherwise. {@code relationship} is SBR02: 18 when the patient holds the
     * secondary policy, else the visit's {@code secondaryRelationship}, and then {@code subscriber} (2330A) is the
     * policy's subscriber by {@code secondarySubscriberLastName} and {@code ...FirstName} (no address: the visit
     * does not give it); empty when the patient holds it (2330A names the patient).
     */
    record OtherPayer(String filingIndicator, String payerName, String payerId, String memberId,
                      String insuranceType, String relationship, Optional<OtherSubscriber> subscriber) {
    }

    /** The secondary policy's subscriber when not the patient (2330A NM103, NM104). */
    record OtherSubscriber(String lastName, Optional<String> firstName) {
    }

    /** One service line: SV1 (837P) or SV2 (837I). */
    /** An address's second line for N302 (1-55 characters in the X12 set), empty when blank. */
    private static Optional<String> line2(Address a, String field) {
        return a.line2().filter(l -> !l.isBlank()).map(l -> X12Text.check(l, field, 1, 55));
    }

    /** {@code description}: what was done, SV101-7 (an unlisted code's description), when the service gives one. */
    record Line(String code, List<String> modifiers, BigDecimal charge, int units, List<Integer> pointers,
                Optional<Rendering> rendering, String revenueCode, Optional<String> description) {
        Line withoutRendering() {
            return rendering.isEmpty() ? this : new Line(code, modifiers, charge, units, pointers, Optional.empty(),
                    revenueCode, description);
        }
    }

    /** Which 837. */
    enum Form {
        PROFESSIONAL("X12 837P", X12Schemas.P_VERSION, 50),
        INSTITUTIONAL("X12 837I", X12Schemas.I_VERSION, 999);

        final String label;
        final String version;
        final int maxLines;

        Form(String label, String version, int maxLines) {
            this.label = label;
            this.version = version;
            this.maxLines = maxLines;
        }
    }

    /** A post office box or lock box, however written: "PO Box 12", "P.O. BOX", "Post Office Box", "Lockbox". */
    private static final Pattern PO_BOX = Pattern.compile(
            "(?i)(^|[^a-z])(p\\.?\\s*o\\.?\\s*box|post\\s+office\\s+box|lock\\s*box)([^a-z]|$)");

    /**
     * The billing provider's address (2010AA N3) must be a street address (TR3): a PO box or lock box belongs in
     * the pay-to address (2010AB), which Minutewise does not write; refused rather than sent non-conformant.
     */
    private static void poBox(String line, String field) {
        if (PO_BOX.matcher(line).find()) {
            throw new InputException(field, "the billing provider's address (837 loop 2010AA N3) must be a street "
                    + "address, not a PO box or lock box: \"" + line.trim() + "\" (a PO box goes in the pay-to address,"
                    + " loop 2010AB, which Minutewise does not write; give the practice's street address)");
        }
    }

    private static final Pattern ICD10 = Pattern.compile("[A-TV-Z][0-9][0-9AB]\\.?[0-9A-TV-Z]{0,4}");
    private static final Pattern CODE = Pattern.compile("[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[0-9A-Z]{2}");
    static final int MAX_DIAGNOSES_P = 12;
    /** 837I: the principal diagnosis and up to 24 others (the other-diagnosis HI twice, 12 each; X223A2). */
    static final int MAX_DIAGNOSES_I = 25;

    /** The place of service (837P CLM05-1) when the visit gives none, by setting. */
    static String defaultPlaceOfService(Setting s) {
        return switch (s) {
            case PRIVATE_PRACTICE, PHYSICIAN_OFFICE, REHAB_AGENCY -> "11";
            case HOSPITAL_OUTPATIENT, CAH -> "22";
            case SNF_PART_B -> "31";
            case CORF -> "62";
            case HOME_HEALTH -> "12";
        };
    }

    /** The type of bill (837I CLM05-1 facility code + CLM05-3 frequency) by setting; frequency 1 = admit through discharge. */
    static String typeOfBill(Setting s) {
        return switch (s) {
            case HOSPITAL_OUTPATIENT -> "131";
            case REHAB_AGENCY -> "741";
            case CORF -> "751";
            case SNF_PART_B -> "221";
            case HOME_HEALTH -> "341";
            case CAH -> "851";
            case PRIVATE_PRACTICE, PHYSICIAN_OFFICE -> "";
        };
    }

    /** The revenue code (837I SV201) of a therapy line by its discipline: 0420 PT, 0430 OT, 0440 SLP. */
    static String revenueCode(Discipline d) {
        return switch (d) {
            case PT -> "0420";
            case OT -> "0430";
            case SLP -> "0440";
        };
    }

    /** SBR09, the claim filing indicator, by the kind of payer; Medicare is MB on the 837P and MA on the 837I. */
    static String filingIndicator(PayerKind k, Form form) {
        return switch (k) {
            case MEDICARE -> form == Form.PROFESSIONAL ? "MB" : "MA";
            case MEDICARE_ADVANTAGE -> "16";
            case MEDICAID -> "MC";
            case COMMERCIAL -> "CI";
            case WORKERS_COMP -> "WC";
            case TRICARE -> "CH";
            case OTHER -> "ZZ";
        };
    }

    /**
     * SBR09 of a visit: the claim's own code when it has one (an 837 read back keeps MC, BL, HM, ZZ ... as read: they
     * share payer profiles, so the profile's kind cannot give them back), else by the payer profile's kind. A Medicare
     * code follows the form being written (MB on the 837P, MA on the 837I).
     */
    static String filingIndicator(ClaimInfo ci, PayerKind kind, Form form) {
        return filingIndicator(ci.claimFilingIndicator(), "claimFilingIndicator", kind, form);
    }

    /** SBR09 from a visit's code in {@code field} when it gives one, else by the payer profile's kind. */
    private static String filingIndicator(Optional<String> given, String field, PayerKind kind, Form form) {
        if (given.isEmpty()) {
            return filingIndicator(kind, form);
        }
        String code = given.get().trim().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[0-9A-Z]{1,2}")) {
            throw new InputException(field, "expected a claim filing indicator code of 1 or 2 "
                    + "letters or digits (SBR09: MB, MC, CI, BL, 16, ...), got \"" + code + "\"");
        }
        return medicare(code) ? filingIndicator(PayerKind.MEDICARE, form) : code;
    }

    /** Whether an SBR09 claim filing indicator names Medicare (MA, MB). */
    static boolean medicare(String filingIndicator) {
        return kindOf(filingIndicator).filter(k -> k == PayerKind.MEDICARE).isPresent();
    }

    /**
     * The kind of payer an SBR09 claim filing indicator names (the reverse of {@link #filingIndicator}): MA and MB
     * Medicare, 16 Medicare Advantage, MC Medicaid, WC workers' compensation, CH TRICARE, and the commercial ones
     * (CI commercial, BL Blue Cross Blue Shield, HM an HMO, 12-15 and 17 PPO, POS, EPO, indemnity and dental plans);
     * empty for any other (ZZ, self-pay, ...).
     */
    static Optional<PayerKind> kindOf(String filingIndicator) {
        return Optional.ofNullable(switch (filingIndicator) {
            case "MA", "MB" -> PayerKind.MEDICARE;
            case "16" -> PayerKind.MEDICARE_ADVANTAGE;
            case "MC" -> PayerKind.MEDICAID;
            case "WC" -> PayerKind.WORKERS_COMP;
            case "CH" -> PayerKind.TRICARE;
            case "CI", "BL", "HM", "12", "13", "14", "15", "17" -> PayerKind.COMMERCIAL;
            default -> null;
        });
    }

    /**
     * The claim frequency (CLM05-3) a visit gives: on the 837P 1 original, 6 corrected, 7 replacement, 8 void; on
     * the 837I the type of bill's last digit (UB-04 frequency codes, a digit or a letter).
     */
    private static String frequency(String code, Form form) {
        String f = code.trim().toUpperCase(java.util.Locale.ROOT);
        if (form == Form.PROFESSIONAL ? !f.matches("[1678]") : !f.matches("[0-9A-Z]")) {
            throw new InputException("claimFrequency", "expected " + (form == Form.PROFESSIONAL
                    ? "1 (original), 6 (corrected), 7 (replacement) or 8 (void)" : "one digit or letter")
                    + " for " + form.label + " CLM05-3, got \"" + code + "\"");
        }
        return f;
    }

    /**
     * The visit's secondary payer as the 837 names it, or empty when it has none or it is left out
     * ({@link X12Writer#secondaryPayerLeftOut}: Medicare second, the secondary's own name, payer id or member id not
     * given, or the same coverage as the primary's). The name, payer id and member id are checked as the primary's
     * are; the filing indicator is the visit's {@code secondaryClaimFilingIndicator}, else by the kind of its payer
     * profile, and for a profile {@code payers} does not hold (MW-S002 warns of it) the mutually defined ZZ.
     */
    private static Optional<OtherPayer> otherPayer(Visit v, PayerProfiles payers, Form form) {
        if (v.secondaryPayer().isEmpty() || X12Writer.secondaryPayerLeftOut(v, payers).isPresent()) {
            return Optional.empty();
        }
        SecondaryCoverage c = v.claimInfo().secondary();
        String name = X12Text.check(c.payerName().orElseThrow(), "secondaryPayerName", 1, 60);
        String id = X12Text.check(c.payerId().orElseThrow(), "secondaryPayerId", 2, 80);
        String member = X12Text.check(c.memberId().orElseThrow(), "secondaryMemberId", 2, 80);
        PayerKind kind = payers.find(v.secondaryPayer().get()).map(PayerProfile::kind).orElse(PayerKind.OTHER);
        String filing = filingIndicator(c.claimFilingIndicator(), "secondaryClaimFilingIndicator", kind, form);
        String type = X12Writer.secondaryIsMedicare(v, payers) ? c.insuranceType().orElseThrow() : "";
        if (!c.dependent()) {
            return Optional.of(new OtherPayer(filing, name, id, member, type, "18", Optional.empty()));
        }
        String relationship = c.relationship().get();
        if (!Subscriber.RELATIONSHIPS.contains(relationship)) {
            throw new InputException("secondaryRelationship", "expected one of "
                    + String.join(", ", Subscriber.RELATIONSHIPS) + " (837 2320 SBR02), got \"" + relationship + "\"");
        }
        String last = X12Text.check(c.subscriberLastName().filter(x -> !x.isBlank()).orElseThrow(() ->
                new InputException("secondarySubscriberLastName", "required with secondaryRelationship for "
                        + form.label + " (2330A: the secondary policy's subscriber)")),
                "secondarySubscriberLastName", 1, 60);
        Optional<String> first = c.subscriberFirstName().filter(x -> !x.isBlank())
                .map(x -> X12Text.check(x, "secondarySubscriberFirstName", 1, 35));
        return Optional.of(new OtherPayer(filing, name, id, member, type, relationship,
                Optional.of(new OtherSubscriber(last, first))));
    }

    /**
     * The patient who is the subscriber (no {@code subscriber.relationship}): named by the subscriber's name, with the
     * subscriber's birth date (else the patient's) and sex in 2010BA DMG. A patient the visit shows as someone else
     * (another birth date or name than the subscriber's) is refused: the claim would go out for the subscriber.
     */
    private static Demographics self(Visit v, String last, Optional<String> first, String need) {
        Subscriber s = v.claimInfo().subscriber();
        org.minutewise.core.model.Patient p = v.patient();
        String dependentAdvice = ": a dependent's claim (a child or spouse covered under the subscriber's policy) "
                + "needs subscriber.relationship (the patient's relationship to the subscriber: 19 child, 01 spouse, "
                + "...) and the patient's lastName, firstName, sex and address, and the 837 names the patient in "
                + "loop 2000C/2010CA";
        if (s.birthDate().isPresent() && p.birthDate().isPresent() && !s.birthDate().equals(p.birthDate())) {
            // The claim would go out for the subscriber (SBR02 18, self) instead of the patient.
            throw new InputException("patient.birthDate", "the patient (born " + p.birthDate().get()
                    + ") is not the subscriber (born " + s.birthDate().get() + ")" + dependentAdvice);
        }
        if (differs(p.lastName(), Optional.of(last)) || differs(p.firstName(), first)) {
            boolean lastDiffers = differs(p.lastName(), Optional.of(last));
            throw new InputException(lastDiffers ? "patient.lastName" : "patient.firstName", "the patient ("
                    + p.firstName().orElse("") + " " + p.lastName().orElse(last) + ") is not the subscriber ("
                    + first.orElse("") + " " + last + ")" + dependentAdvice);
        }
        if (s.sex().isPresent() && p.sex().isPresent() && !s.sex().equals(p.sex())) {
            throw new InputException("patient.sex", "the patient (sex " + p.sex().get() + ") is not the subscriber "
                    + "(sex " + s.sex().get() + ")" + dependentAdvice);
        }
        LocalDate birth = s.birthDate().or(() -> p.birthDate()).orElseThrow(() -> new InputException(
                "subscriber.birthDate", need + " (DMG: the patient is the subscriber); or give patient.birthDate"));
        // The subscriber's sex, else the patient's own (as the birth date), else unknown.
        String sex = s.sex().or(() -> p.sex()).orElse("U");
        if (!sex.matches("[FMU]")) {
            throw new InputException("subscriber.sex", "expected F, M or U, got \"" + sex + "\"");
        }
        return new Demographics(birth, sex);
    }

    /** DMG02 and DMG03. */
    private record Demographics(LocalDate birthDate, String sex) {
    }

    /** A name given on both sides that is not the same (case and spaces aside). */
    private static boolean differs(Optional<String> a, Optional<String> b) {
        return a.isPresent() && b.isPresent() && !a.get().isBlank()
                && !a.get().trim().equalsIgnoreCase(b.get().trim());
    }

    /**
     * The patient who is not the subscriber ({@code subscriber.relationship}, a PAT01 code): named in 2010CA by the
     * patient's own name, address and demographics, which the TR3 requires there (2010CA carries no member id in
     * 5010). Medicare (SBR09 MA/MB) covers the beneficiary alone: a Medicare claim for a dependent is refused.
     */
    private static Person dependent(Visit v, String filing, String need, Problems problems) {
        String relationship = v.claimInfo().subscriber().relationship().orElseThrow();
        if (!Subscriber.RELATIONSHIPS.contains(relationship)) {
            return problems.take(() -> {
                throw new InputException("subscriber.relationship", "expected one of "
                        + String.join(", ", Subscriber.RELATIONSHIPS) + " (837 PAT01), got \"" + relationship + "\"");
            });
        }
        if (medicare(filing)) {
            return problems.take(() -> {
                throw new InputException("subscriber.relationship", "Medicare (claim filing indicator " + filing
                        + ") covers the beneficiary alone and has no dependents, so its claim names no patient other "
                        + "than the subscriber (relationship " + relationship + "): leave subscriber.relationship out "
                        + "and give the patient's own Medicare coverage as the subscriber (subscriber.memberId their "
                        + "MBI), or bill the payer that covers the patient as a dependent");
            });
        }
        org.minutewise.core.model.Patient p = v.patient();
        String why = need + " (2010CA: the patient is not the subscriber, subscriber.relationship " + relationship + ")";
        String last = problems.take(() -> X12Text.check(p.lastName().filter(n -> !n.isBlank())
                .orElseThrow(() -> new InputException("patient.lastName", why)), "patient.lastName", 1, 60));
        Optional<String> first = problems.take(() -> p.firstName().isPresent() && !p.firstName().get().isBlank()
                ? Optional.of(X12Text.check(p.firstName().get(), "patient.firstName", 1, 35)) : Optional.empty());
        LocalDate birth = problems.take(() -> p.birthDate().orElseThrow(() -> new InputException("patient.birthDate",
                why)));
        String sex = problems.take(() -> {
            String x = p.sex().orElse("U");
            if (!x.matches("[FMU]")) {
                throw new InputException("patient.sex", "expected F, M or U, got \"" + x + "\"");
            }
            return x;
        });
        Address a = problems.take(() -> p.address().orElseThrow(() -> new InputException("patient.address", why)));
        return last == null || first == null || birth == null || sex == null || a == null ? null
                : problems.take(() -> person(last, first, a, "patient.address", birth, sex));
    }

    /** A person's N3/N4, checked (the field names the visit's address). */
    private static Person person(String last, Optional<String> first, Address a, String field, LocalDate birth,
                                 String sex) {
        InputException bad = org.minutewise.formats.Addresses.problem(field, a.state(), a.zip(), "zip");
        if (bad != null) {
            throw bad;
        }
        Optional<String> line2 = line2(a, field + ".line2");
        return new Person(last, first, X12Text.check(a.line1(), field + ".line1", 1, 55), line2,
                X12Text.check(a.city(), field + ".city", 2, 30), a.state(), a.zip().replace("-", ""), birth, sex);
    }

    /**
     * What a claim lacks, field by field: each part of the claim is checked on its own and its error kept, so that
     * one run names every field to fill (the billing NPI, the member id, a line's rendering NPI, ...) instead of the
     * first; a part that needs another one's value is checked once that value is there.
     */
    private static final class Problems {
        private final List<InputException> found = new ArrayList<>();

        /** The value, or null with its error kept. */
        <T> T take(java.util.function.Supplier<T> part) {
            try {
                return part.get();
            } catch (InputException e) {
                found.add(e);
                return null;
            }
        }

        void check(Runnable part) {
            take(() -> {
                part.run();
                return null;
            });
        }

        /** The one error, or every error at once ({@link InputProblems}); nothing when the claim lacks nothing. */
        void throwIfAny() {
            if (found.size() == 1) {
                throw found.get(0);
            }
            if (!found.isEmpty()) {
                throw new InputProblems(found);
            }
        }
    }

    /** {@code required for X12 837P (where)}: a missing field's detail, naming its loop, segment and element. */
    private static String need(Form form, String where) {
        return "required for " + form.label + " (" + where + ")";
    }

    static X12Claim prepare(CheckResult r, Form form, PayerProfiles payers) {
        Visit v = r.visit();
        String need = "required for " + form.label;
        Problems problems = new Problems();
        String claimId = problems.take(() -> X12Text.check(v.id(), "id", 1, 38));
        ClaimInfo ci = v.claimInfo();

        BillingParty billing = problems.take(() -> billing(ci.billingProvider(), form));

        Subscriber s = ci.subscriber();
        String memberId = problems.take(() -> X12Text.check(s.memberId().orElseThrow(() -> new InputException(
                "subscriber.memberId", need(form, "2010BA NM109, the member id on the payer's card"))),
                "subscriber.memberId", 2, 80));
        String last = problems.take(() -> X12Text.check(s.lastName().orElseThrow(() -> new InputException(
                "subscriber.lastName", need(form, "2010BA NM103"))), "subscriber.lastName", 1, 60));
        Optional<String> first = problems.take(() -> s.firstName().isPresent() && !s.firstName().get().isBlank()
                ? Optional.of(X12Text.check(s.firstName().get(), "subscriber.firstName", 1, 35)) : Optional.empty());
        // The patient who is the subscriber: checked in the order of the fields written (2010BA DMG, then 2010BB,
        // then 2010BA N3/N4, then SBR09); a dependent's patient loop after the payer.
        Demographics self = s.dependent() || last == null || first == null ? null
                : problems.take(() -> self(v, last, first, need));
        String payerName = problems.take(() -> X12Text.check(ci.payerName().orElseThrow(() -> new InputException(
                "payerName", need(form, "2010BB NM103, the payer's name"))), "payerName", 1, 60));
        String payerId = problems.take(() -> X12Text.check(ci.payerId().orElseThrow(() -> new InputException(
                "payerId", need(form, "2010BB NM109, the payer id"))), "payerId", 2, 80));
        String filing = problems.take(() -> filingIndicator(ci, r.payer().kind(), form));
        Person patient;
        if (s.dependent()) {
            patient = filing == null ? null : dependent(v, filing, need, problems);
        } else {
            // 2010BA N3/N4: required when the patient is the subscriber.
            Address sa = problems.take(() -> s.address().or(() -> v.patient().address()).orElseThrow(() ->
                    new InputException("subscriber.address", need + " (2010BA N3/N4: the patient is the subscriber); "
                            + "or give patient.address")));
            problems.check(() -> {
                if (s.address().isPresent() && v.patient().address().isPresent()
                        && !s.address().equals(v.patient().address())) {
                    throw new InputException("patient.address", "the patient's address is not the subscriber's, and "
                            + "the 837 gives one address for a patient who is the subscriber (2010BA N3/N4): give one "
                            + "address, or, for a dependent, subscriber.relationship");
                }
            });
            patient = sa == null || self == null ? null : problems.take(() -> person(last, first, sa,
                    "subscriber.address", self.birthDate(), self.sex()));
        }

        String[] facilityAndFrequency = problems.take(() -> facilityAndFrequency(v, form));
        String frequency = facilityAndFrequency == null ? null : facilityAndFrequency[1];
        Optional<String> payerClaimControlNumber = frequency == null ? null : problems.take(() ->
                payerClaimControlNumber(ci, frequency, need));
        List<String> dx = problems.take(() -> diagnoses(v, form));

        Optional<Certifier> certifier = problems.take(() -> certifier(v));
        if (form == Form.INSTITUTIONAL && certifier != null && certifier.isEmpty()) {
            // X223A2 2310A Attending Provider is required on every claim but non-scheduled transportation: a
            // receiver's front end rejects an 837I without it.
            problems.check(() -> {
                throw new InputException("certification.physicianNpi", need + ": the attending provider (loop 2310A "
                        + "NM1*71), the physician or NPP who certified the plan of care; give certification.physicianNpi "
                        + "and certification.physician");
            });
        }

        List<ClaimLine> claimLines = r.claim().lines();
        if (claimLines.isEmpty()) {
            problems.check(() -> {
                throw new InputException("claimLines", "no claim line to bill: the check built none for this visit");
            });
        }
        if (claimLines.size() > form.maxLines) {
            problems.check(() -> {
                throw new InputException("claimLines", "at most " + form.maxLines + " service lines on one "
                        + form.label + " claim, got " + claimLines.size());
            });
        }
        String npi = billing == null ? null : billing.npi();
        // Each claim line's service line, null where the line has a problem (kept with the others).
        Line[] lines = new Line[claimLines.size()];
        BigDecimal total = BigDecimal.ZERO;
        // The claim as billed (the visit's billed lines, one claim line each) or the engine's.
        boolean billed = r.claim() != r.engineClaim();
        List<org.minutewise.formats.LineCharges.Charge> charges = org.minutewise.formats.LineCharges.sent(r);
        for (int k = 0; k < claimLines.size(); k++) {
            int at = k;
            lines[k] = problems.take(() -> line(r, claimLines.get(at), at, billed, charges.get(at), dx, form));
            if (lines[k] != null) {
                total = total.add(lines[k].charge());
            }
        }
        // The claim's rendering provider (2310) is the first one named; a line whose rendering provider differs
        // carries its own (2420). A line with none would silently inherit the claim's, so that is an error.
        // 2310 is for a rendering provider other than the billing provider (TR3): the first line rendered by
        // someone else names it; when none is, the billing provider renders every line and no 2310/2420 is written.
        // A line the billing provider itself renders on such a claim still carries its own 2420 (it differs from
        // the claim's rendering provider). Without the billing NPI (named above) the lines are not compared with it.
        Optional<Rendering> claimRendering = Optional.empty();
        for (Line l : lines) {
            if (npi != null && l != null && l.rendering().isPresent() && !l.rendering().get().npi().equals(npi)) {
                claimRendering = l.rendering();
                break;
            }
        }
        List<Line> out = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            Line l = lines[i];
            if (l == null) {
                continue;
            }
            if (claimRendering.isPresent() && l.rendering().isEmpty()) {
                // Every line without one is named, with the claim's other problems.
                ClaimLine cl = claimLines.get(i);
                String where = cl.serviceIndexes().isEmpty() ? "claimLines"
                        : "services[" + cl.serviceIndexes().get(0) + "]";
                problems.check(() -> {
                    throw new InputException(where + ".provider.npi", need + ": other lines of this claim name a"
                            + " rendering provider, so the line for " + cl.code() + " needs one too (loop "
                            + (form == Form.PROFESSIONAL ? "2420A" : "2420C") + " NM1*82 NM109)");
                });
            }
            // No 2420 where the claim's rendering provider (or, without one, the billing provider) renders the line.
            out.add(claimRendering.isEmpty() || l.rendering().equals(claimRendering) ? l.withoutRendering() : l);
        }
        Optional<OtherPayer> otherPayer = problems.take(() -> otherPayer(v, payers, form));
        problems.throwIfAny();
        SubscriberParty sub = new SubscriberParty(filing, memberId, last, first, payerName, payerId, patient,
                s.dependent() ? s.relationship() : Optional.empty());
        return new X12Claim(claimId, billing, sub, facilityAndFrequency[0], frequency, payerClaimControlNumber, dx,
                certifier, claimRendering, otherPayer, out, v.dateOfService(), total);
    }

    /** The billing provider (loop 2000A/2010AA), each field it lacks named ({@link Problems}). */
    private static BillingParty billing(BillingProvider bp, Form form) {
        Problems problems = new Problems();
        String npi = problems.take(() -> {
            String n = bp.npi().orElseThrow(() -> new InputException("billingProvider.npi", need(form,
                    "2010AA NM109, the billing provider's NPI")));
            if (!Npi.valid(n)) {
                throw new InputException("billingProvider.npi", "not a valid NPI (10 digits with a check digit): \""
                        + n + "\"");
            }
            return n;
        });
        String taxId = problems.take(() -> {
            String t = bp.taxId().orElseThrow(() -> new InputException("billingProvider.taxId", need(form,
                    "2010AA REF*EI, the billing provider's tax id"))).replace("-", "");
            if (!t.matches("\\d{9}")) {
                throw new InputException("billingProvider.taxId", "expected 9 digits, got \"" + t + "\"");
            }
            return t;
        });
        String name = problems.take(() -> X12Text.check(bp.name().orElseThrow(() -> new InputException(
                "billingProvider.name", need(form, "2010AA NM103"))), "billingProvider.name", 1, 60));
        Address a = problems.take(() -> bp.address().orElseThrow(() -> new InputException("billingProvider.address",
                need(form, "2010AA N3/N4, a street address with a 9-digit ZIP"))));
        String zip = null;
        Optional<String> line2 = null;
        String line1 = null;
        String city = null;
        if (a != null) {
            zip = problems.take(() -> {
                String z = a.zip().replace("-", "");
                if (!z.matches("\\d{9}")) {
                    throw new InputException("billingProvider.address.zip", form.label
                            + " needs the 9-digit ZIP+4 of the billing provider, got \"" + a.zip() + "\"");
                }
                return z;
            });
            problems.check(() -> {
                if (!a.state().matches("[A-Z]{2}")) {
                    throw new InputException("billingProvider.address.state", "expected a 2-letter state code, got \""
                            + a.state() + "\"");
                }
            });
            line2 = problems.take(() -> {
                Optional<String> l2 = line2(a, "billingProvider.address.line2");
                poBox(a.line1(), "billingProvider.address.line1");
                l2.ifPresent(l -> poBox(l, "billingProvider.address.line2"));
                return l2;
            });
            line1 = problems.take(() -> X12Text.check(a.line1(), "billingProvider.address.line1", 1, 55));
            city = problems.take(() -> X12Text.check(a.city(), "billingProvider.address.city", 2, 30));
        }
        // A person bills on an 837P alone: an 837I's billing provider is the facility, an organization.
        Optional<String> billingFirst = problems.take(() -> form == Form.INSTITUTIONAL ? Optional.empty() : bp
                .firstName().map(f -> X12Text.check(f, "billingProvider.firstName", 1, 35)));
        problems.throwIfAny();
        return new BillingParty(npi, taxId, name, line1, line2, city, a.state(), zip, billingFirst);
    }

    /** CLM05-1 (the place of service, or the type of bill's facility code) and CLM05-3 (the frequency). */
    private static String[] facilityAndFrequency(Visit v, Form form) {
        ClaimInfo ci = v.claimInfo();
        String facility;
        String frequency = "1";
        if (form == Form.PROFESSIONAL) {
            facility = ci.placeOfService().orElse(defaultPlaceOfService(v.setting()));
            if (!facility.matches("\\d{2}")) {
                throw new InputException("placeOfService", "expected a 2-digit place of service code, got \""
                        + facility + "\"");
            }
        } else {
            String tob = typeOfBill(v.setting());
            if (tob.isEmpty()) {
                throw new InputException("setting", v.setting().wire()
                        + " is billed on the professional claim (837P), not the 837I");
            }
            facility = tob.substring(0, 2);
            frequency = tob.substring(2);
        }
        if (ci.claimFrequency().isPresent()) {
            frequency = frequency(ci.claimFrequency().get(), form);
        }
        return new String[] {facility, frequency};
    }

    /** TR3 2300 REF*F8: required when CLM05-3 is 7 (replacement) or 8 (void). */
    private static Optional<String> payerClaimControlNumber(ClaimInfo ci, String freq, String need) {
        if (!freq.equals("7") && !freq.equals("8")) {
            return Optional.empty();
        }
        // The payer cannot match the claim to the one it replaces without it.
        return Optional.of(X12Text.check(ci.payerClaimControlNumber().orElseThrow(() ->
                new InputException("payerClaimControlNumber", need + " when claimFrequency is " + freq
                        + (freq.equals("7") ? " (replacement)" : " (void)") + ": the payer's control"
                        + " number of the claim replaced or voided (2300 REF*F8)")),
                "payerClaimControlNumber", 1, 50));
    }

    /** The diagnoses as HI writes them (no dot), at least one, at most the form's. */
    private static List<String> diagnoses(Visit v, Form form) {
        List<String> dx = new ArrayList<>();
        int maxDx = form == Form.PROFESSIONAL ? MAX_DIAGNOSES_P : MAX_DIAGNOSES_I;
        if (v.diagnoses().isEmpty()) {
            throw new InputException("diagnoses", need(form, "2300 HI") + ": at least one ICD-10-CM code");
        }
        if (v.diagnoses().size() > maxDx) {
            throw new InputException("diagnoses", "at most " + maxDx + " on one " + form.label + " claim, got "
                    + v.diagnoses().size());
        }
        for (int i = 0; i < v.diagnoses().size(); i++) {
            String code = v.diagnoses().get(i).trim().toUpperCase();
            if (!ICD10.matcher(code).matches()) {
                throw new InputException("diagnoses[" + i + "]", "not an ICD-10-CM code: \"" + code + "\"");
            }
            dx.add(X12Text.undot(code));
        }
        return dx;
    }

    /**
     * One service line (loop 2400) of claim line {@code k}: its code, modifiers, charge ({@link
     * org.minutewise.formats.LineCharges#sent}), units, pointers into {@code dx} (null when the diagnoses could not be
     * read: the first) and rendering provider.
     */
    private static Line line(CheckResult r, ClaimLine cl, int k, boolean billed,
                             org.minutewise.formats.LineCharges.Charge lineCharge, List<String> dx, Form form) {
        String need = "required for " + form.label;
        String where = cl.serviceIndexes().isEmpty() ? "claimLines" : "services[" + cl.serviceIndexes().get(0) + "]";
        if (!CODE.matcher(cl.code()).matches()) {
            throw new InputException(where + ".code", "not a CPT or HCPCS code: \"" + cl.code() + "\"");
        }
        for (String m : cl.modifiers()) {
            if (!MODIFIER.matcher(m).matches()) {
                throw new InputException(where, "modifier \"" + m + "\" is not 2 letters or digits");
            }
        }
        if (cl.modifiers().size() > 4) {
            throw new InputException(where, "at most 4 modifiers on a line, got " + cl.modifiers());
        }
        String element = form == Form.PROFESSIONAL ? "2400 SV102" : "2400 SV203";
        BigDecimal charge = lineCharge.amount().orElseThrow(() -> billed
                ? new InputException("billed[" + k + "].charge", need + " (" + element + "): the billed line for "
                + cl.code() + " has no charge and the clinic fee schedule none for it (give the line's charge)")
                : new InputException(where + ".charge", need + " (" + element + "): the line for " + cl.code()
                + " has no charge (give the service's charge or load a clinic fee schedule)"));
        if (charge.signum() < 0) {
            throw new InputException(where + ".charge", "must not be negative, got " + charge);
        }
        if (cl.units() < 0) {
            throw new InputException(where, "negative units for " + cl.code());
        }
        List<Integer> pointers = new ArrayList<>();
        int dxCount = dx == null ? 1 : dx.size();
        for (int p : cl.diagnosisPointers()) {
            if (p >= 1 && p <= dxCount && !pointers.contains(p) && pointers.size() < 4) {
                pointers.add(p);
            }
        }
        if (pointers.isEmpty()) {
            pointers.add(1);
        }
        Optional<Rendering> rendering = rendering(r.visit(), cl, where, form);
        return new Line(cl.code(), cl.modifiers(), charge, cl.units(), pointers, rendering,
                revenueCode(cl.discipline()), description(r.visit(), cl));
    }

    /**
     * The certifying physician when the visit gives the NPI (the name then too: NM1 needs a last name). The name
     * is split as people write it: a leading "Dr." and anything after a comma ("Maria Chen, MD") dropped, the
     * last word the last name, the words before it the first name.
     */
    private static Optional<Certifier> certifier(Visit v) {
        Optional<Certification> c = v.certification();
        if (c.isEmpty() || c.get().physicianNpi().isEmpty()) {
            return Optional.empty();
        }
        String npi = c.get().physicianNpi().get();
        if (!Npi.valid(npi)) {
            throw new InputException("certification.physicianNpi", "not a valid NPI (10 digits with a check digit): \""
                    + npi + "\"");
        }
        String name = c.get().physician().filter(n -> !n.isBlank()).orElseThrow(() -> new InputException(
                "certification.physician", "required with certification.physicianNpi: the claim names the certifying "
                        + "physician (NM1 needs a last name)"));
        CheckedName n = checkedName(name, "certification.physician");
        return Optional.of(new Certifier(npi, n.last(), n.first(), n.middle()));
    }

    /** A person's name as NM1 holds it: last (NM103, 60), first (NM104, 35), middle (NM105, 25). */
    private record CheckedName(String last, Optional<String> first, Optional<String> middle) {
    }

    /**
     * A person's name ({@link #personName}) checked for NM1, the errors naming {@code field}: refused when no name is
     * left once titles are dropped, or a part is too long or holds a character X12 does not take.
     */
    private static CheckedName checkedName(String name, String field) {
        String[] parts = personName(name);
        if (parts[0].isEmpty()) {
            throw new InputException(field, "no name left once titles are dropped: \"" + name + "\"");
        }
        return new CheckedName(X12Text.check(parts[0], field, 1, 60),
                parts[1].isEmpty() ? Optional.empty() : Optional.of(X12Text.check(parts[1], field, 1, 35)),
                parts[2].isEmpty() ? Optional.empty() : Optional.of(X12Text.check(parts[2], field, 1, 25)));
    }

    /** Credentials written after a name, with or without a comma: not part of it. */
    private static final java.util.Set<String> CREDENTIALS = java.util.Set.of("MD", "DO", "NP", "PA", "PA-C", "DPM",
            "DC", "PHD", "DPT", "PT", "OT", "APRN", "FNP", "CNS", "JR", "SR", "II", "III");

    /**
     * A person's name as {last, first, middle}, as people write it: "Dr. Maria L. Chen", "Maria L. Chen, MD" and
     * "Chen, Maria L." give {"Chen", "Maria", "L."}; a leading "Dr." and credentials are dropped.
     */
    static String[] personName(String name) {
        String n = name.trim().replaceAll("\\s*\\([^)]*\\)", "");
        String last = null;
        int comma = n.indexOf(',');
        if (comma >= 0) {
            String before = n.substring(0, comma).trim().replaceFirst("(?i)^dr\\.?\\s+", "");
            String after = n.substring(comma + 1).trim();
            if (!after.isEmpty() && !isCredentials(after)) {
                // "Chen, Maria L." (the last name first), credentials after another comma dropped.
                last = before;
                int second = after.indexOf(',');
                n = second >= 0 ? after.substring(0, second).trim() : after;
            } else {
                n = before;
            }
        }
        List<String> words = new ArrayList<>(java.util.Arrays.asList(n.split("\\s+")));
        words.removeIf(String::isEmpty);
        while (!words.isEmpty() && (words.get(0).equalsIgnoreCase("dr") || words.get(0).equalsIgnoreCase("dr."))) {
            words.remove(0);
        }
        // Credentials without a comma ("Thomas Reilly DO") only in capitals or with dots, and only while two words
        // remain: "Anh Do" is a name.
        while (words.size() > 2 || words.size() == 2 && last != null) {
            String w = words.get(words.size() - 1);
            if (!isCredentials(w) || !(w.equals(w.toUpperCase(java.util.Locale.ROOT)) || w.contains("."))) {
                break;
            }
            words.remove(words.size() - 1);
        }
        if (last == null) {
            if (words.isEmpty()) {
                return new String[] {"", "", ""};
            }
            last = words.remove(words.size() - 1);
        }
        String first = words.isEmpty() ? "" : words.get(0);
        String middle = words.size() < 2 ? "" : String.join(" ", words.subList(1, words.size()));
        return new String[] {last, first, middle};
    }

    private static boolean isCredentials(String text) {
        for (String w : text.split("[\\s,]+")) {
            if (!w.isEmpty() && !CREDENTIALS.contains(w.replace(".", "").toUpperCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }


    /**
     * The line's rendering provider: the claim line's rendering NPI (ClaimBuilder makes it the supervising
     * therapist when an assistant treated). Empty when none is known and no assistant treated: the billing
     * provider rendered. An assistant can never be the rendering provider (RULES.md §4).
     */
    /**
     * The line's description (SV101-7): the first one given on the services the line comes from, checked for the X12
     * character set and its 80 characters. Empty for most lines; an unlisted code without one is MW-C013's.
     */
    private static Optional<String> description(Visit v, ClaimLine cl) {
        java.util.OptionalInt i = cl.describedBy(v);
        return i.isEmpty() ? Optional.empty() : Optional.of(X12Text.check(v.services().get(i.getAsInt())
                .description().orElseThrow(), "services[" + i.getAsInt() + "].description", 1, 80));
    }

    private static Optional<Rendering> rendering(Visit v, ClaimLine cl, String where, Form form) {
        Provider assistant = null;
        int assistantIndex = -1;
        for (int i : cl.serviceIndexes()) {
            ServiceLine s = v.services().get(i);
            if (s.provider().role().isAssistant()) {
                assistant = s.provider();
                assistantIndex = i;
                break;
            }
        }
        Optional<String> npi = cl.renderingNpi();
        if (assistant != null) {
            boolean renderingIsAssistant = npi.isEmpty() || npi.equals(assistant.npi())
                    || (cl.renderingProvider().isPresent() && cl.renderingProvider().equals(assistant.id())
                    && !cl.renderingProvider().equals(assistant.supervisorId()));
            if (renderingIsAssistant) {
                String who = assistant.role().name() + assistant.id().map(id -> " " + id).orElse("");
                throw new InputException("services[" + assistantIndex + "].provider.supervisorNpi", "required for "
                        + form.label + ": " + who + " furnished " + cl.code() + ", and the rendering provider on"
                        + " the claim must be the supervising therapist (assistants do not enroll; loop "
                        + (form == Form.PROFESSIONAL ? "2310B/2420A" : "2310D/2420C") + " NM1*82 NM109)");
            }
        }
        if (npi.isEmpty()) {
            return Optional.empty();
        }
        if (!Npi.valid(npi.get())) {
            throw new InputException(where + ".provider.npi", "not a valid NPI (10 digits with a check digit): \""
                    + npi.get() + "\"");
        }
        Optional<Rendering> named = renderingName(v, cl, npi.get());
        if (named.isPresent()) {
            return named;
        }
        String name = cl.renderingProvider().filter(id -> !id.isBlank()).orElse(npi.get());
        return Optional.of(new Rendering(npi.get(), X12Text.check(name, where + ".provider.id", 1, 60),
                Optional.empty(), Optional.empty()));
    }

    /**
     * The rendering provider by name, when a service of the line names the clinician of that NPI: its
     * {@code provider.name} (the provider's own NPI) or {@code provider.supervisorName} (the supervising therapist's),
     * "Smith, Ann" split as {@link #personName} splits a name; else, when the provider of that NPI names no person
     * but the organization it belongs to ({@code provider.organization}), that organization (NM102 2, its name in
     * NM103 alone, never split into a person's names); empty when none does. When none of the line's services names
     * the holder of that NPI, another service of the visit that does: one NPI is one rendering provider on a claim
     * (an assistant's line under a group's NPI names the group as its therapist's line does).
     */
    private static Optional<Rendering> renderingName(Visit v, ClaimLine cl, String npi) {
        Optional<Rendering> own = renderingName(v, cl.serviceIndexes(), npi);
        if (own.isPresent()) {
            return own;
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < v.services().size(); i++) {
            if (!cl.serviceIndexes().contains(i)) {
                others.add(i);
            }
        }
        return renderingName(v, others, npi);
    }

    /** The rendering provider of {@code npi} as the first of the services {@code indexes} that names it names it. */
    private static Optional<Rendering> renderingName(Visit v, List<Integer> indexes, String npi) {
        for (int i : indexes) {
            Provider p = v.services().get(i).provider();
            String field = "services[" + i + "].provider.";
            Optional<String> name = Optional.empty();
            if (p.npi().filter(npi::equals).isPresent() && p.name().filter(n -> !n.isBlank()).isPresent()) {
                name = p.name();
                field += "name";
            } else if (p.supervisorNpi().filter(npi::equals).isPresent()
                    && p.supervisorName().filter(n -> !n.isBlank()).isPresent()) {
                name = p.supervisorName();
                field += "supervisorName";
            }
            if (name.isEmpty()) {
                Optional<String> org = p.npi().filter(npi::equals).flatMap(x -> p.organization())
                        .filter(o -> !o.isBlank());
                if (org.isPresent()) {
                    return Optional.of(new Rendering(npi, X12Text.check(org.get().trim(), field + "organization",
                            1, 60), Optional.empty(), Optional.empty(), true));
                }
                continue;
            }
            CheckedName n = checkedName(name.get(), field);
            return Optional.of(new Rendering(npi, n.last(), n.first(), n.middle()));
        }
        return Optional.empty();
    }
}
