package org.minutewise.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.Icd10;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Authorization;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;

/**
 * Reads the visit JSON of the README into {@link Visit}s, validating as it goes. Every error names the
 * field ({@code services[1].minutes: must be between 0 and 1440, got -5}). Extra fields are allowed.
 */
public final class VisitJsonReader {
    /** Minutes in a day: the most any line or visit can hold (the model's own limit, {@link Visit#MAX_MINUTES}). */
    public static final int MAX_MINUTES = Visit.MAX_MINUTES;
    public static final int MAX_SERVICES = 200;
    /** Periods on one service line: 48 half-hour blocks fill a day. */
    public static final int MAX_PERIODS = 48;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

    private final ReferenceData ref;
    private final ObjectMapper mapper;

    /** The text without a leading byte-order mark. */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public VisitJsonReader(ReferenceData ref) {
        this.ref = ref;
        this.mapper = Json.reads(); // not Json.mapper(): a caller's configure(...) must not loosen a read
    }

    /** Parses JSON text; malformed JSON names the line and column. A byte-order mark (Windows tools) is skipped. */
    public JsonNode parse(String text) {
        JsonNode n = Json.readTree(mapper, withoutBom(text));
        if (n == null || n.isMissingNode()) {
            throw new InputException("", "empty input: expected a visit object or an array of visits");
        }
        return n;
    }

    /**
     * The longest reason an override may give (the API's overrides endpoint takes the same; the model's own limit,
     * {@link Visit#MAX_OVERRIDE_REASON}).
     */
    public static final int MAX_OVERRIDE_REASON = Visit.MAX_OVERRIDE_REASON;

    /** One visit object. */
    public Visit read(JsonNode n) {
        if (!n.isObject()) {
            throw new InputException("", "expected a visit object, got " + kind(n));
        }
        if (n.path("resourceType").isTextual()) {
            throw new InputException("resourceType", "this is a FHIR " + n.get("resourceType").asText() + ", not a "
                    + "visit: send a FHIR Bundle as application/fhir+json (the API) or with --in fhir (the CLI)");
        }
        String id = requiredText(n, "id", "");
        if (id.length() > 64) {
            throw new InputException("id", "at most 64 characters");
        }
        LocalDate date = date(n, "dateOfService", "dateOfService", true).orElseThrow();
        String payer = requiredText(n, "payer", "");
        if (ref.payers().find(payer).isEmpty()) {
            throw new InputException("payer", "unknown payer profile \"" + payer + "\"; known: " + ref.payers().ids());
        }
        Discipline plan = discipline(requiredText(n, "planOfCare", ""), "planOfCare");
        Visit.Builder b = Visit.builder(id, date).payer(payer).planOfCare(plan);
        Optional<String> settingText = optionalText(n, "setting", "");
        if (settingText.isPresent()) {
            b.setting(Setting.parse(settingText.get()).orElseThrow(() -> new InputException("setting",
                    "expected one of " + Setting.wireNames() + ", got \"" + settingText.get() + "\"")));
        }
        if (n.hasNonNull("patient")) {
            b.patient(patient(n.get("patient")));
        }
        if (n.hasNonNull("diagnoses")) {
            JsonNode d = n.get("diagnoses");
            if (!d.isArray()) {
                throw new InputException("diagnoses", "expected an array of ICD-10-CM codes");
            }
            List<String> dx = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) {
                String path = "diagnoses[" + i + "]";
                if (!d.get(i).isTextual()) {
                    throw new InputException(path, "expected an ICD-10-CM code as a string");
                }
                String code = d.get(i).asText().trim().toUpperCase();
                if (!Icd10.isWellFormed(code)) {
                    throw new InputException(path, "not an ICD-10-CM code: \"" + d.get(i).asText() + "\"");
                }
                dx.add(Icd10.dotted(code));
            }
            b.diagnoses(dx);
        }
        b.totalTreatmentMinutes(minutes(n, "totalTreatmentMinutes", "totalTreatmentMinutes"));
        JsonNode services = n.get("services");
        if (services == null || services.isNull()) {
            throw new InputException("services", "required: at least one service line");
        }
        if (!services.isArray() || services.isEmpty()) {
            throw new InputException("services", "expected an array with at least one service line");
        }
        if (services.size() > MAX_SERVICES) {
            throw new InputException("services", "at most " + MAX_SERVICES + " service lines, got " + services.size());
        }
        // A billed code may come without minutes (a claim read back from an 837 or billed CSV rows): the check
        // then says its units cannot be verified (MW-B001) instead of refusing the visit.
        java.util.Set<String> billedCodes = new java.util.HashSet<>();
        JsonNode billedNode = n.get("billed");
        if (billedNode != null && billedNode.isArray()) {
            for (JsonNode bl : billedNode) {
                if (bl.hasNonNull("code")) {
                    billedCodes.add(bl.get("code").asText().trim().toUpperCase());
                }
            }
        }
        List<ServiceLine> lines = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            lines.add(service(services.get(i), "services[" + i + "]", billedCodes));
        }
        b.services(lines);
        optionalText(n, "note", "").ifPresent(b::note);
        optionalText(n, "previousNote", "").ifPresent(b::previousNote);
        optionalText(n, "secondaryPayer", "").ifPresent(b::secondaryPayer);
        optionalText(n, "locality", "").ifPresent(b::locality);
        Optional<String> purpose = optionalText(n, "purpose", "");
        if (purpose.isPresent()) {
            b.purpose(switch (purpose.get()) {
                case "rehabilitative" -> Purpose.REHABILITATIVE;
                case "habilitative" -> Purpose.HABILITATIVE;
                default -> throw new InputException("purpose", "expected rehabilitative or habilitative, got \""
                        + purpose.get() + "\"");
            });
        }
        if (n.hasNonNull("progressReport")) {
            JsonNode pr = n.get("progressReport");
            if (!pr.isBoolean()) {
                throw new InputException("progressReport", "expected true or false (the visit's documentation holds "
                        + "a progress report), got " + kind(pr));
            }
            b.progressReport(pr.booleanValue());
        }
        if (n.hasNonNull("abn")) {
            b.abn(abn(n.get("abn")));
        }
        if (n.hasNonNull("certification")) {
            JsonNode c = object(n.get("certification"), "certification",
                    "{\"from\":\"2026-01-05\",\"to\":\"2026-04-04\",\"physician\":\"Dr. ...\","
                            + "\"physicianNpi\":\"1234567893\"}");
            b.certification(new Certification(date(c, "from", "certification.from", false),
                    until(c, "certification"), optionalText(c, "physician", "certification"),
                    npi(c, "physicianNpi", "certification")));
        }
        if (n.hasNonNull("authorization")) {
            JsonNode a = object(n.get("authorization"), "authorization",
                    "{\"visits\":12,\"used\":3,\"from\":\"2026-01-05\",\"to\":\"2026-03-31\"}");
            b.authorization(new Authorization(count(a, "visits", "authorization.visits"),
                    count(a, "used", "authorization.used"), date(a, "from", "authorization.from", false),
                    until(a, "authorization")));
        }
        if (n.hasNonNull("overrides")) {
            JsonNode o = n.get("overrides");
            if (!o.isArray()) {
                throw new InputException("overrides", "expected an array of {\"finding\":\"MW-...\",\"reason\":\"...\"}");
            }
            for (int i = 0; i < o.size(); i++) {
                String path = "overrides[" + i + "]";
                JsonNode e = object(o.get(i), path, "{\"finding\":\"MW-D003\",\"reason\":\"...\"}");
                String findingId = requiredText(e, "finding", path);
                if (!findingId.matches("MW-[A-Z]\\d{3}")) {
                    throw new InputException(path + ".finding", "expected a finding id like MW-D003, got \""
                            + findingId + "\"");
                }
                String reason = requiredText(e, "reason", path);
                if (reason.length() > MAX_OVERRIDE_REASON) {
                    throw new InputException(path + ".reason", "at most " + MAX_OVERRIDE_REASON + " characters, got "
                            + reason.length());
                }
                b.override(new FindingOverride(findingId, reason));
            }
        }
        b.claimInfo(claimInfo(n));
        if (n.hasNonNull("billed")) {
            JsonNode dx = n.get("diagnoses");
            b.billed(billed(n.get("billed"), dx != null && dx.isArray() ? dx.size() : 0));
        }
        return b.build();
    }

    private ClaimInfo claimInfo(JsonNode n) {
        BillingProvider bp = BillingProvider.NONE;
        if (n.hasNonNull("billingProvider")) {
            JsonNode p = object(n.get("billingProvider"), "billingProvider",
                    "{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"...\",\"address\":{...}}");
            Optional<String> taxId = optionalText(p, "taxId", "billingProvider");
            if (taxId.isPresent() && !taxId.get().replace("-", "").matches("\\d{9}")) {
                throw new InputException("billingProvider.taxId", "expected 9 digits, got \"" + taxId.get() + "\"");
            }
            Optional<Address> address = address(p, "billingProvider.address");
            Optional<String> name = optionalText(p, "name", "billingProvider");
            Optional<String> first = optionalText(p, "firstName", "billingProvider");
            if (first.isPresent() && name.isEmpty()) {
                throw new InputException("billingProvider.name", "required with firstName: a billing provider who is "
                        + "a person (a therapist billing under their own NPI) is named by last name and first name");
            }
            bp = new BillingProvider(npi(p, "npi", "billingProvider"), taxId.map(t -> t.replace("-", "")),
                    name, address, first);
        }
        Subscriber sub = Subscriber.NONE;
        if (n.hasNonNull("subscriber")) {
            JsonNode p = object(n.get("subscriber"), "subscriber",
                    "{\"memberId\":\"...\",\"lastName\":\"...\",\"firstName\":\"...\",\"birthDate\":\"...\",\"sex\":\"F\"}");
            Optional<String> sex = optionalText(p, "sex", "subscriber");
            if (sex.isPresent() && !sex.get().matches("[FMU]")) {
                throw new InputException("subscriber.sex", "expected F, M or U, got \"" + sex.get() + "\"");
            }
            sub = new Subscriber(optionalText(p, "memberId", "subscriber"), optionalText(p, "lastName", "subscriber"),
                    optionalText(p, "firstName", "subscriber"), date(p, "birthDate", "subscriber.birthDate", false),
                    sex, address(p, "subscriber.address"), relationship(p, "relationship", "subscriber"));
        }
        Optional<String> pos = optionalText(n, "placeOfService", "");
        if (pos.isPresent() && !pos.get().matches("\\d{2}")) {
            throw new InputException("placeOfService", "expected a 2-digit place of service code like 11, got \""
                    + pos.get() + "\"");
        }
        // The 837's claim filing indicator (SBR09) as billed; without it the 837 writer goes by the payer profile.
        Optional<String> filing = optionalText(n, "claimFilingIndicator", "").map(String::toUpperCase);
        if (filing.isPresent() && !ClaimInfo.FILING_INDICATORS.contains(filing.get())) {
            throw new InputException("claimFilingIndicator", "expected a claim filing indicator code (837 SBR09) like "
                    + "MB, MC, CI or BL, got \"" + filing.get() + "\"");
        }
        // A replacement (7) or void (8) of a claim already billed, and the payer's control number of that claim.
        Optional<String> frequency = optionalText(n, "claimFrequency", "");
        if (frequency.isPresent() && claimFrequencyProblem(frequency.get()) != null) {
            throw new InputException("claimFrequency", claimFrequencyProblem(frequency.get()));
        }
        return new ClaimInfo(bp, optionalText(n, "payerName", ""), optionalText(n, "payerId", ""), sub, pos,
                filing, frequency, optionalText(n, "payerClaimControlNumber", ""), secondaryCoverage(n));
    }

    /**
     * {@code subscriber.relationship} (and {@code secondaryRelationship}, of the secondary policy): the patient's
     * relationship to the subscriber when the patient is not the subscriber (a dependent), an 837 PAT01 code
     * ({@link Subscriber#RELATIONSHIPS}); 18 (self) is refused with the advice to leave it out, since a subscriber
     * without a relationship is the patient.
     */
    private static Optional<String> relationship(JsonNode n, String field, String parent) {
        String path = parent.isEmpty() ? field : parent + "." + field;
        Optional<String> r = optionalText(n, field, parent).map(String::trim).map(String::toUpperCase);
        if (r.isPresent() && !Subscriber.RELATIONSHIPS.contains(r.get())) {
            throw new InputException(path, "expected one of "
                    + String.join(", ", Subscriber.RELATIONSHIPS) + ", got \"" + r.get() + "\"" + (r.get().equals("18")
                    ? ": 18 (self) means the patient is the subscriber; leave relationship out"
                    : " (the patient's relationship to the subscriber, 837 PAT01: 01 spouse, 19 child, 20 employee, "
                    + "21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other)"));
        }
        return r;
    }

    /**
     * What is wrong with a claim frequency code (837 CLM05-3: one character, 1 original, 7 replacement, 8 void), or
     * null when it is one or empty; the visit JSON's {@code claimFrequency} and the CSV column of that name.
     */
    public static String claimFrequencyProblem(String code) {
        if (code.isEmpty() || code.length() == 1 && (Character.isDigit(code.charAt(0))
                || code.charAt(0) >= 'A' && code.charAt(0) <= 'Z')) {
            return null;
        }
        return "expected one character like 1 (original), 7 (replacement) or 8 (void), got \"" + code + "\"";
    }

    /**
     * What is wrong with the secondary payer's claim filing indicator (837 SBR09 of loop 2320, upper case), or null
     * when it is one or empty; the visit JSON's {@code secondaryClaimFilingIndicator} and the CSV column of that name.
     */
    public static String secondaryFilingProblem(String code) {
        if (code.isEmpty() || ClaimInfo.FILING_INDICATORS.contains(code)) {
            return null;
        }
        return "expected a claim filing indicator code (837 SBR09 of the secondary payer's loop 2320) like CI, BL, MC "
                + "or 16, got \"" + code + "\"";
    }

    /**
     * What is wrong with a reason Medicare pays second beside the secondary payer's claim filing indicator
     * {@code filing} (not MA or MB: that payer is not Medicare, and the 837 would leave the reason out), or null.
     */
    public static String mspTypeBesideOtherPayerProblem(String filing) {
        return filing.equals("MA") || filing.equals("MB") ? null : "a reason Medicare pays second (the MSP type, 2320 "
                + "SBR05) beside a secondary payer whose claim filing indicator is " + filing + ", not Medicare (MA, "
                + "MB): the 837 writes it only for Medicare as the secondary payer; leave it out, or correct the "
                + "filing indicator";
    }

    /**
     * What is wrong with why Medicare pays second (837 SBR05 of loop 2320, an MSP type), or null when it is one or
     * empty; the visit JSON's {@code secondaryInsuranceType} and the CSV column of that name.
     */
    public static String secondaryInsuranceTypeProblem(String code) {
        if (code.isEmpty() || SecondaryCoverage.MEDICARE_SECONDARY_TYPES.contains(code)) {
            return null;
        }
        return "expected why Medicare pays second (837 SBR05 of loop 2320): 12 working aged, 13 ESRD, 14 no-fault, "
                + "15 workers' compensation, 16 federal agency, 41 black lung, 42 Veterans Affairs, 43 disabled, 47 "
                + "other liability; got \"" + code + "\"";
    }

    /**
     * The secondary payer's own claim identifiers (what the 837 names it by: 2330B payer name and id, 2330A member id,
     * 2320 SBR09), checked as the primary's are; they belong to a {@code secondaryPayer}, so one given without it is
     * an error naming it.
     */
    private static SecondaryCoverage secondaryCoverage(JsonNode n) {
        Optional<String> filing = optionalText(n, "secondaryClaimFilingIndicator", "").map(String::toUpperCase);
        if (filing.isPresent() && secondaryFilingProblem(filing.get()) != null) {
            throw new InputException("secondaryClaimFilingIndicator", secondaryFilingProblem(filing.get()));
        }
        Optional<String> type = optionalText(n, "secondaryInsuranceType", "");
        if (type.isPresent() && secondaryInsuranceTypeProblem(type.get()) != null) {
            throw new InputException("secondaryInsuranceType", secondaryInsuranceTypeProblem(type.get()));
        }
        if (type.isPresent() && filing.isPresent() && mspTypeBesideOtherPayerProblem(filing.get()) != null) {
            throw new InputException("secondaryInsuranceType", mspTypeBesideOtherPayerProblem(filing.get()));
        }
        // The secondary policy's subscriber when it is not the patient: the relationship and the name go together.
        Optional<String> relationship = relationship(n, "secondaryRelationship", "");
        Optional<String> last = optionalText(n, "secondarySubscriberLastName", "");
        Optional<String> first = optionalText(n, "secondarySubscriberFirstName", "");
        if (relationship.isPresent() && last.isEmpty()) {
            throw new InputException("secondarySubscriberLastName", "required with secondaryRelationship: the 837 "
                    + "names the secondary policy's subscriber (loop 2330A) when the patient is not that subscriber");
        }
        if (relationship.isEmpty() && (last.isPresent() || first.isPresent())) {
            throw new InputException(last.isPresent() ? "secondarySubscriberLastName" : "secondarySubscriberFirstName",
                    "given without secondaryRelationship: the patient's relationship to the secondary policy's "
                    + "subscriber (19 child, 01 spouse, ...); without it the patient holds that policy");
        }
        SecondaryCoverage c = new SecondaryCoverage(optionalText(n, "secondaryPayerName", ""),
                optionalText(n, "secondaryPayerId", ""), optionalText(n, "secondaryMemberId", ""), filing, type)
                .heldBy(relationship, last, first);
        if (!c.isEmpty() && optionalText(n, "secondaryPayer", "").isEmpty()) {
            String field = c.payerName().isPresent() ? "secondaryPayerName" : c.payerId().isPresent()
                    ? "secondaryPayerId" : c.memberId().isPresent() ? "secondaryMemberId"
                    : c.claimFilingIndicator().isPresent() ? "secondaryClaimFilingIndicator"
                    : c.insuranceType().isPresent() ? "secondaryInsuranceType" : "secondaryRelationship";
            throw new InputException(field, "given without secondaryPayer: name the secondary payer's profile too "
                    + "(the rules the check applies to it, e.g. \"commercial\"); " + field + " is what the 837 "
                    + "names that payer by");
        }
        return c;
    }

    /** The postal address under {@code parent}'s "address" (the path names it in errors), if given. */
    private Optional<Address> address(JsonNode parent, String path) {
        if (!parent.hasNonNull("address")) {
            return Optional.empty();
        }
        JsonNode a = object(parent.get("address"), path, "{\"line1\":\"...\",\"city\":\"...\",\"state\":\"OH\",\"zip\":\"43004\"}");
        String state = requiredText(a, "state", path);
        String zip = requiredText(a, "zip", path);
        InputException bad = Addresses.problem(path, state, zip, "zip");
        if (bad != null) {
            throw bad;
        }
        return Optional.of(new Address(requiredText(a, "line1", path), optionalText(a, "line2", path),
                requiredText(a, "city", path), state, zip.replace("-", "")));
    }

    private static List<BilledLine> billed(JsonNode arr, int diagnoses) {
        if (!arr.isArray()) {
            throw new InputException("billed", "expected an array of {\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2}");
        }
        List<BilledLine> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = "billed[" + i + "]";
            JsonNode b = object(arr.get(i), path, "{\"code\":\"97112\",\"modifiers\":[\"GP\"],\"units\":2}");
            String code = requiredText(b, "code", path).toUpperCase();
            if (!ProcedureCode.isWellFormed(code)) {
                throw new InputException(path + ".code", "not a CPT or HCPCS code: \"" + code + "\"");
            }
            List<String> mods = new ArrayList<>();
            if (b.hasNonNull("modifiers")) {
                JsonNode m = b.get("modifiers");
                if (!m.isArray() || m.size() > 4) {
                    throw new InputException(path + ".modifiers", "expected an array of at most 4 modifiers");
                }
                for (int k = 0; k < m.size(); k++) {
                    String mod = m.get(k).asText().toUpperCase();
                    if (!mod.matches("[0-9A-Z]{2}")) {
                        throw new InputException(path + ".modifiers[" + k + "]", "expected a 2-character modifier, got \""
                                + m.get(k).asText() + "\"");
                    }
                    mods.add(mod);
                }
            }
            OptionalInt units = count(b, "units", path + ".units");
            if (units.isEmpty()) {
                throw new InputException(path + ".units", "required");
            }
            Optional<BigDecimal> charge = b.hasNonNull("charge") ? Optional.of(money(b, "charge", path + ".charge"))
                    : Optional.empty();
            out.add(new BilledLine(code, mods, units.getAsInt(), charge, pointers(b, path, diagnoses)));
        }
        return out;
    }

    /** A billed line's diagnosis pointers (837P SV107): 1-based positions in the visit's diagnoses, at most 4. */
    private static List<Integer> pointers(JsonNode b, String path, int diagnoses) {
        if (!b.hasNonNull("diagnosisPointers")) {
            return List.of();
        }
        JsonNode p = b.get("diagnosisPointers");
        if (!p.isArray() || p.size() > 4) {
            throw new InputException(path + ".diagnosisPointers", "expected an array of at most 4 diagnosis pointers"
                    + " like [1, 2]");
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < p.size(); k++) {
            JsonNode x = p.get(k);
            if (!x.canConvertToExactIntegral() || x.asInt() < 1 || x.asInt() > diagnoses) {
                throw new InputException(path + ".diagnosisPointers[" + k + "]", "points to no diagnosis: expected 1"
                        + " to " + diagnoses + " (the visit's diagnoses), got " + x);
            }
            out.add(x.asInt());
        }
        return out;
    }

    private static Abn abn(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? Abn.GIVEN : Abn.NOT_GIVEN;
        }
        if (v.isObject() && v.has("given") && v.get("given").isBoolean()) {
            return v.get("given").asBoolean() ? Abn.GIVEN : Abn.NOT_GIVEN;
        }
        throw new InputException("abn", "expected true (an ABN was given: GA), false (not given: GZ), or "
                + "{\"given\":true}");
    }

    private static JsonNode object(JsonNode v, String path, String example) {
        if (!v.isObject()) {
            throw new InputException(path, "expected an object like " + example);
        }
        return v;
    }

    /**
     * A period's {@code to}, which must not come before its {@code from} (reversed, the visit was both before the
     * period and after it: two findings that contradict each other instead of one error naming the field).
     */
    private static Optional<LocalDate> until(JsonNode period, String path) {
        Optional<LocalDate> from = date(period, "from", path + ".from", false);
        Optional<LocalDate> to = date(period, "to", path + ".to", false);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InputException(path + ".to", "must not be before " + path + ".from " + from.get() + ", got "
                    + to.get());
        }
        return to;
    }

    private static OptionalInt count(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isIntegralNumber()) {
            // "got 3" for the string "3" read as if the number were out of range.
            throw new InputException(path, "expected a whole number from 0 to 10000, got " + kind(v)
                    + (v.isValueNode() ? " (" + v.toString() + ")" : ""));
        }
        if (v.asLong() < 0 || v.asLong() > 10_000) {
            throw new InputException(path, "expected a whole number from 0 to 10000, got " + v.asText());
        }
        return OptionalInt.of(v.asInt());
    }

    private Patient patient(JsonNode p) {
        if (!p.isObject()) {
            throw new InputException("patient", "expected an object");
        }
        Optional<String> id = optionalText(p, "id", "patient");
        Optional<LocalDate> birth = date(p, "birthDate", "patient.birthDate", false);
        YearToDate ytd = YearToDate.NONE;
        if (p.hasNonNull("yearToDate")) {
            JsonNode y = p.get("yearToDate");
            if (!y.isObject()) {
                throw new InputException("patient.yearToDate", "expected an object like {\"PT_SLP\":1200.00,\"OT\":0}");
            }
            onlyBuckets(y, "patient.yearToDate");
            ytd = new YearToDate(money(y, "PT_SLP", "patient.yearToDate.PT_SLP"),
                    money(y, "OT", "patient.yearToDate.OT"));
        }
        YearToDate outside = YearToDate.NONE;
        if (p.hasNonNull("outsideSpend")) {
            JsonNode y = object(p.get("outsideSpend"), "patient.outsideSpend", "{\"PT_SLP\":300.00,\"OT\":0}");
            onlyBuckets(y, "patient.outsideSpend");
            outside = new YearToDate(money(y, "PT_SLP", "patient.outsideSpend.PT_SLP"),
                    money(y, "OT", "patient.outsideSpend.OT"));
        }
        // A dependent's name, sex and address as the claim names them (837 loop 2010CA).
        Optional<String> sex = optionalText(p, "sex", "patient");
        if (sex.isPresent() && !sex.get().matches("[FMU]")) {
            throw new InputException("patient.sex", "expected F, M or U, got \"" + sex.get() + "\"");
        }
        return new Patient(id, birth, ytd, outside, optionalText(p, "lastName", "patient"),
                optionalText(p, "firstName", "patient"), sex, address(p, "patient.address"));
    }

    /**
     * A KX bucket's name mistyped ("PT", "pt_slp") would leave that bucket's spend at $0 and KX off a line that needs
     * it: every key must be one of the two buckets.
     */
    private static void onlyBuckets(JsonNode y, String path) {
        for (java.util.Iterator<String> it = y.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("PT_SLP") && !k.equals("OT")) {
                throw new InputException(path + "." + k, "not a KX bucket: expected PT_SLP (physical therapy and "
                        + "speech-language pathology, combined) or OT");
            }
        }
    }

    private ServiceLine service(JsonNode s, String path, java.util.Set<String> billedCodes) {
        if (!s.isObject()) {
            throw new InputException(path, "expected a service object, got " + kind(s));
        }
        String code = requiredText(s, "code", path).trim().toUpperCase();
        if (!ProcedureCode.isWellFormed(code)) {
            throw new InputException(path + ".code", "not a CPT or HCPCS code: \"" + s.get("code").asText()
                    + "\" (expected 5 digits like 97112, or a letter and 4 digits like G0283)");
        }
        OptionalInt minutes = minutes(s, "minutes", path + ".minutes");
        List<Period> periods = new ArrayList<>();
        if (s.hasNonNull("periods")) {
            JsonNode ps = s.get("periods");
            if (!ps.isArray()) {
                throw new InputException(path + ".periods", "expected an array of {\"start\":\"09:00\",\"end\":\"09:24\"}");
            }
            if (ps.size() > MAX_PERIODS) {
                throw new InputException(path + ".periods", "at most " + MAX_PERIODS + " periods on one service line, "
                        + "got " + ps.size());
            }
            for (int k = 0; k < ps.size(); k++) {
                Period p = period(ps.get(k), path + ".periods[" + k + "]");
                int j = Period.firstOverlapping(periods, p);
                if (j >= 0) {
                    throw new InputException(path + ".periods[" + k + "]", "overlaps periods[" + j + "] of the "
                            + "same service (" + periods.get(j).start() + "-" + periods.get(j).end() + "): a minute "
                            + "of a service is documented once");
                }
                periods.add(p);
            }
        }
        CodeInfo info = ref.codes().getOrNull(code);
        if (info != null && info.timed() && minutes.isEmpty() && periods.isEmpty() && !billedCodes.contains(code)) {
            throw new InputException(path + ".minutes", "required for timed code " + code
                    + " (give minutes or periods, or bill it in \"billed\")");
        }
        JsonNode pv = s.get("provider");
        if (pv == null || pv.isNull()) {
            throw new InputException(path + ".provider.role", "required (one of " + roles() + ")");
        }
        if (!pv.isObject()) {
            throw new InputException(path + ".provider", "expected an object like {\"id\":\"T1\",\"role\":\"PT\"}");
        }
        String roleText = requiredText(pv, "role", path + ".provider");
        Role role = Role.parse(roleText).orElseThrow(() -> new InputException(path + ".provider.role",
                "expected one of " + roles() + ", got \"" + roleText + "\""));
        Provider provider = new Provider(optionalText(pv, "id", path + ".provider"), role,
                npi(pv, "npi", path + ".provider"), optionalText(pv, "supervisorId", path + ".provider"),
                npi(pv, "supervisorNpi", path + ".provider"))
                .withNames(optionalText(pv, "name", path + ".provider"),
                        optionalText(pv, "supervisorName", path + ".provider"))
                .withOrganization(optionalText(pv, "organization", path + ".provider"));
        Optional<Mode> mode = Optional.empty();
        Optional<String> modeText = optionalText(s, "mode", path);
        if (modeText.isPresent()) {
            mode = Optional.of(Mode.parse(modeText.get()).orElseThrow(() -> new InputException(path + ".mode",
                    "expected one-on-one, group or supervised, got \"" + modeText.get() + "\"")));
        }
        Optional<Discipline> disc = optionalText(s, "discipline", path).map(t -> discipline(t, path + ".discipline"));
        Optional<BigDecimal> charge = s.hasNonNull("charge") ? Optional.of(money(s, "charge", path + ".charge"))
                : Optional.empty();
        Optional<String> description = optionalText(s, "description", path).map(String::trim)
                .filter(d -> !d.isEmpty());
        if (description.isPresent() && description.get().length() > MAX_DESCRIPTION) {
            throw new InputException(path + ".description", "at most " + MAX_DESCRIPTION + " characters (the "
                    + "837P's SV101-7 holds " + MAX_DESCRIPTION + "), got " + description.get().length());
        }
        return new ServiceLine(code, minutes, periods, provider, mode, disc, charge, regions(s, path), description);
    }

    /** The longest description of a service line: what the 837P's SV101-7 holds. */
    public static final int MAX_DESCRIPTION = 80;

    /** The body regions a service treated: {@code "regions":["lumbar","cervical"]} (the manipulation region rule). */
    private static List<BodyRegion> regions(JsonNode s, String path) {
        JsonNode rs = s.get("regions");
        if (rs == null || rs.isNull()) {
            return List.of();
        }
        if (!rs.isArray()) {
            throw new InputException(path + ".regions", "expected an array of body regions like [\"lumbar\"]; "
                    + "regions: " + BodyRegion.names());
        }
        List<BodyRegion> out = new ArrayList<>(rs.size());
        for (int k = 0; k < rs.size(); k++) {
            JsonNode r = rs.get(k);
            String text = r.isTextual() ? r.asText() : r.toString();
            out.add(BodyRegion.parse(text).orElseThrow(() -> new InputException(path + ".regions[" + (out.size())
                    + "]", "expected one of " + BodyRegion.names() + ", got \"" + text + "\"")));
        }
        return out;
    }

    /** An NPI: ten digits with a valid Luhn check digit (prefix 80840). */
    static Optional<String> npi(JsonNode n, String field, String parent) {
        Optional<String> v = optionalText(n, field, parent);
        if (v.isPresent() && !Npi.valid(v.get())) {
            throw new InputException(parent + "." + field, "not a valid NPI (10 digits with a check digit): \""
                    + v.get() + "\"");
        }
        return v;
    }

    private static Period period(JsonNode p, String path) {
        if (!p.isObject()) {
            throw new InputException(path, "expected {\"start\":\"09:00\",\"end\":\"09:24\"}");
        }
        LocalTime start = time(p, "start", path);
        LocalTime end = time(p, "end", path);
        if (!end.isAfter(start)) {
            throw new InputException(path + ".end", "must be after start " + start + ", got " + end);
        }
        return new Period(start, end);
    }

    private static LocalTime time(JsonNode p, String field, String path) {
        String t = requiredText(p, field, path);
        if (!TIME.matcher(t).matches()) {
            throw new InputException(path + "." + field, "expected a 24-hour time like 09:05, got \"" + t + "\"");
        }
        return t.equals("24:00") ? Period.END_OF_DAY : LocalTime.parse(t);
    }

    private static OptionalInt minutes(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (!v.isNumber()) {
            throw new InputException(path, "expected a whole number of minutes, got " + kind(v));
        }
        if (!v.isIntegralNumber() && v.decimalValue().stripTrailingZeros().scale() > 0) {
            throw new InputException(path, "expected a whole number of minutes, got " + v.asText());
        }
        long m = v.longValue();
        if (m < 0 || m > MAX_MINUTES || !v.canConvertToLong()) {
            throw new InputException(path, "must be between 0 and " + MAX_MINUTES + ", got " + v.asText());
        }
        return OptionalInt.of((int) m);
    }

    private static BigDecimal money(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!v.isNumber()) {
            throw new InputException(path, "expected an amount in dollars, got " + kind(v));
        }
        return Amounts.check(v.decimalValue(), path);
    }

    private static Optional<LocalDate> date(JsonNode n, String field, String path, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InputException(path, "required (a date like 2026-03-02)");
            }
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InputException(path, "expected a date like 2026-03-02, got " + kind(v));
        }
        try {
            LocalDate d = LocalDate.parse(v.asText());
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                throw new InputException(path, "year out of range: " + v.asText());
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            throw new InputException(path, dateProblem(v.asText()));
        }
    }

    /**
     * What is wrong with a date that did not parse: the shape (expected 2026-03-02), or a day the calendar does not
     * have (2026-02-30, written right).
     */
    /** The years a date of the visit JSON may be in. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    public static String dateProblem(String text) {
        if (text != null && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return "\"" + text + "\" is not a day of the calendar (check the month and the day)";
        }
        return "expected a date like 2026-03-02, got \"" + text + "\"";
    }

    private static Discipline discipline(String t, String path) {
        return Discipline.parse(t).orElseThrow(() -> new InputException(path, "expected PT, OT or SLP, got \""
                + t + "\""));
    }

    static String requiredText(JsonNode n, String field, String parent) {
        String path = parent.isEmpty() ? field : parent + "." + field;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InputException(path, "required");
        }
        if (!v.isTextual()) {
            throw new InputException(path, "expected a string, got " + kind(v));
        }
        if (v.asText().isBlank()) {
            throw new InputException(path, "must not be empty");
        }
        return v.asText();
    }

    static Optional<String> optionalText(JsonNode n, String field, String parent) {
        String path = parent.isEmpty() ? field : parent + "." + field;
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InputException(path, "expected a string, got " + kind(v));
        }
        return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String roles() {
        return Role.wireNames();
    }
}
