package org.minutewise.formats.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.formats.Amounts;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Npi;

/**
 * Reads X12 837P (005010X222A1) and 837I (005010X223A2) claims back into visits, so a biller can audit claims
 * built elsewhere. Each transaction set is validated with StAEDI against the schema this module ships for its
 * version ({@code 837P-minutewise.xml}, {@code 837I-minutewise.xml}) and StAEDI's X12 control schema (control
 * numbers and counts).
 *
 * <p>API: {@link #read(String, String, ReferenceData)} gives one {@link Result} per claim (CLM), in file order:
 * a {@link Visit} or an error whose path is the location ({@code segment 23 (SV1) element 4}) and whose detail
 * names the claim ({@code ... (claim V-1001)}). A bad claim does not stop the others; a problem outside any claim
 * (a billing provider or subscriber loop) is reported on each claim under it; a problem of the envelope or a
 * transaction set's header or trailer (SE count, control numbers) is a result of its own, without a claim id, and
 * the claims of that set are still read. Input that is not X12 at all is an {@link InputException}.
 *
 * <p>Each visit has:
 * <ul>
 *   <li>{@code id}: CLM01; a claim whose lines carry different dates of service (DTP*472) becomes one visit per
 *       date, {@code CLM01@2026-03-02};</li>
 *   <li>{@code billed}: one {@link BilledLine} per SV1 (code, modifiers, units, charge, SV107 diagnosis pointers)
 *       as it stands; a pointer to no HI position is an error naming SV1 element 7;</li>
 *   <li>{@code services}: one placeholder line per SV1 with no minutes, by GP/GO/GN the role PT, OT or SLP (PTA or
 *       OTA with CQ/CO, whose supervising therapist is the rendering provider); the rendering NPI (2420A, else
 *       2310B, else on an 837P the billing provider's of 2010AA, as the TR3 has it when 2310B is left out) is the
 *       provider's NPI, and the name that loop gives a person (NM102 1: NM103, NM104 and NM105 as "Last, First")
 *       the provider's {@code name} (an assistant's line: {@code supervisorName}), and the name it gives an
 *       organization (NM102 2: NM103) the provider's {@code organization} (not on an assistant's line), so the
 *       claim is written back naming them;</li>
 *   <li>the HL hierarchy: HL01 1, 2, 3 ... once each in a set, HL02 empty on 2000A and an earlier HL of the level
 *       above on 2000B and 2000C; a broken one is an error naming the HL's element, for the claims under it;</li>
 *   <li>{@code planOfCare}: the discipline of the first line (GP/GO/GN; PT when none), {@code discipline} on lines
 *       of another;</li>
 *   <li>{@code diagnoses}: HI ABK/ABF codes with the dot put back (I69351 becomes I69.351);</li>
 *   <li>{@code setting} by place of service (837P CLM05-1): 19 and 22 hospital-outpatient, 31 and 32 snf-part-b,
 *       62 corf, anything else private-practice; the code itself is kept in {@code placeOfService}. On an 837I by
 *       the facility code of the type of bill (CLM05-1): 13 hospital-outpatient, 22/23 snf-part-b, 34
 *       home-health, 74 rehab-agency, 75 corf, 85 cah (another is an error naming CLM05);</li>
 *   <li>837I lines (SV2): the revenue code names the discipline of a line without GP/GO/GN (042x PT, 043x OT,
 *       044x SLP); a line without DTP*472 takes the statement period (DTP*434) when it is one day;</li>
 *   <li>{@code payer}: by the claim filing indicator (2000B SBR09): MA/MB {@code medicare}, another code the first
 *       profile of its kind of payer ({@code commercial} for CI, and for a kind no profile has), a code that names
 *       no kind (ZZ) the profile passed in (the 837 names a payer, not a Minutewise profile); the code itself is
 *       kept in {@code claimInfo.claimFilingIndicator}, so the claim is written back with it (a Medicaid claim
 *       checked under the commercial profile does not leave as commercial);</li>
 *   <li>a replacement or void (CLM05-3 7 or 8): the frequency in {@code claimInfo.claimFrequency} and the payer
 *       claim control number of the original (2300 REF*F8, required then: its absence is an error naming CLM05) in
 *       {@code claimInfo.payerClaimControlNumber}; an original claim (1) leaves the frequency empty;</li>
 *   <li>{@code secondaryPayer}: on a claim sent to the primary (2000B SBR01 P), the other payer of its first loop
 *       2320 whose SBR01 is S, by its SBR09 and 2330B NM1*PR: the profile 2330B NM109 names when it is one of the
 *       kind SBR09 gives, else by SBR09 as for the payer (MA/MB {@code medicare}, another code the first profile of
 *       its kind), else (ZZ) the 2330B payer id or name as the 837 gives it, which the check reports as an unknown
 *       secondary payer (MW-S002); that loop's SBR09 when it is no claim filing indicator code is the claim's error,
 *       as in 2000B. A claim sent to the secondary or the tertiary (2000B SBR01 S, T) has none. The same loop gives
 *       the secondary payer's own claim identifiers, kept as read: {@code claimInfo.secondary} (visit JSON
 *       {@code secondaryPayerName} and {@code secondaryPayerId} from 2330B NM103 and NM109,
 *       {@code secondaryMemberId} from 2330A NM109, {@code secondaryClaimFilingIndicator} from SBR09);</li>
 *   <li>claim data: billing provider (2010AA), payer name and id (2010BB), subscriber (2010BA with DMG); the
 *       patient is the subscriber (birth date from 2010BA) unless the claim sits in a patient loop (2000C): the
 *       patient is then a dependent, {@code patient} its name, address, birth date and sex from 2010CA and
 *       {@code subscriber.relationship} PAT01, which must be one of 01, 19, 20, 21, 39, 40, 53, G8 (else an error
 *       naming PAT element 1; a Medicare subscriber, 2000B SBR09 MA/MB, has no dependents: an error too); a 2000C
 *       without PAT or without 2010CA is an error naming its HL.</li>
 * </ul>
 * Segments of the 837P that Minutewise does not use (PRV, a 2000B PAT, REF other than EI, NTE, 2320 loops other than the
 * secondary payer's, whose SBR09 is not checked either, and in them CAS, AMT, OI, MOA, the other subscriber's name
 * and address in 2330A, ...) are checked for their place and skipped.
 *
 * <p>What a visit does not keep of its claim is said in the notes of the claim's first result ({@link Result#notes}),
 * each naming the claim and a segment position: a claim sent to a payer other than the primary (2000B SBR01 S, T,
 * ...: read as a visit billed to that payer, the payers it pays behind and their adjudication, 2320 AMT, CAS, MOA and
 * 2430 SVD, not kept, and an 837 written from it goes to that payer as the primary); a claim read as one visit per
 * date ({@code CLM01@date}, which the 835 does not answer); and, once per claim at its first position, each skipped
 * segment a payer may need: 2000B/2320 SBR03 group or policy number, REF*G1 prior authorization, 2010AB pay-to
 * address, 2310C (837I 2310E) service facility, PRV taxonomy, DTP*431, 454 and 304.
 */
public final class X12ClaimReader {
    private static final Pattern CODE = Pattern.compile("[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4}");
    private static final Pattern ICD10 = Pattern.compile("[A-TV-Z][0-9][0-9AB][0-9A-TV-Z]{0,4}");

    private X12ClaimReader() {
    }

    /**
     * A claim read: the visit, or the error that kept it from being one.
     *
     * @param segment the position of the claim's CLM segment in the interchange (1-based, as X12 validators count
     *                segments), or 0 when the error is not within a claim
     * @param notes   what the visit does not keep of its claim, one line each, each naming the claim and the segment:
     *                a claim sent to a payer other than the primary (2000B SBR01 S, T, ...), a claim read as one visit
     *                per date of service, and the segments payers may need that the reader skips (SBR03, REF*G1,
     *                2010AB, 2310C, PRV, DTP*431/454/304); on the first visit of a claim, empty on the others and on
     *                an error
     */
    public record Result(Optional<String> claimId, Optional<Visit> visit, Optional<InputException> error,
                         int segment, List<String> notes) {
        public Result {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(visit, "visit");
            Objects.requireNonNull(error, "error");
            if (visit.isPresent() == error.isPresent()) {
                throw new IllegalArgumentException("a result is a visit or an error");
            }
            notes = List.copyOf(notes);
        }

        public Result(Optional<String> claimId, Optional<Visit> visit, Optional<InputException> error, int segment) {
            this(claimId, visit, error, segment, List.of());
        }

        public Result(Optional<String> claimId, Optional<Visit> visit, Optional<InputException> error) {
            this(claimId, visit, error, 0);
        }

        public static Result of(Visit v) {
            return of(v, 0);
        }

        public static Result of(Visit v, int segment) {
            return of(v, segment, List.of());
        }

        public static Result of(Visit v, int segment, List<String> notes) {
            return new Result(Optional.of(v.id()), Optional.of(v), Optional.empty(), segment, notes);
        }

        public static Result failed(Optional<String> claimId, InputException e) {
            return failed(claimId, e, 0);
        }

        public static Result failed(Optional<String> claimId, InputException e, int segment) {
            return new Result(claimId, Optional.empty(), Optional.of(e), segment);
        }

        public boolean ok() {
            return visit.isPresent();
        }
    }

    /**
     * Reads every 837P and 837I claim of the text.
     *
     * @param edi     the X12 interchange(s)
     * @param payerId the payer profile of a visit whose claim filing indicator (2000B SBR09) names no kind of payer a
     *                profile of {@code ref} has, e.g. {@code medicare}; it must exist in {@code ref}. SBR09 MA/MB
     *                give {@code medicare}; another code the first profile of its kind (CI: {@code commercial})
     * @param ref     reference data (for the payer profiles)
     * @throws InputException when the payer id is unknown or the text is not an X12 interchange
     */
    public static List<Result> read(String edi, String payerId, ReferenceData ref) {
        Objects.requireNonNull(edi, "edi");
        if (ref.payers().find(payerId).isEmpty()) {
            throw new InputException("payer", "unknown payer profile \"" + payerId + "\"; known: " + ref.payers().ids());
        }
        if (edi.isBlank()) {
            throw new InputException("", "empty input: expected an X12 837P or 837I interchange (ISA ... IEA)");
        }
        return new Parser(payerId, ref).run(edi);
    }

    /** The payer profile for a claim filing indicator: Medicare's own, else the first of the kind, else the default. */
    static String payerFor(String filingIndicator, String defaultPayer, ReferenceData ref) {
        Optional<PayerKind> kind = X12Claim.kindOf(filingIndicator);
        if (kind.isEmpty()) {
            return defaultPayer;
        }
        if (kind.get() == PayerKind.MEDICARE && ref.payers().find("medicare").isPresent()) {
            return "medicare";
        }
        for (PayerProfile p : ref.payers().all()) {
            if (p.kind() == kind.get()) {
                return p.id();
            }
        }
        // A kind no profile has (Medicaid, TRICARE, Medicare Advantage with the built-ins): not Medicare's own rules,
        // so the general profile for other payers (the CPT per-code method) when there is one.
        return kind.get() != PayerKind.MEDICARE && ref.payers().find("commercial").isPresent() ? "commercial"
                : defaultPayer;
    }

    /** One segment's data: elements by position (1-based), each a list of components. */
    private static final class Seg {
        String tag = "";
        int position;
        final List<String[]> elements = new ArrayList<>();

        void start(String t, int pos) {
            tag = t;
            position = pos;
            elements.clear();
        }

        void set(int element, int component, String text) {
            if (element < 1) {
                return;
            }
            while (elements.size() < element) {
                elements.add(new String[] {""});
            }
            String[] comps = elements.get(element - 1);
            int idx = Math.max(component, 1) - 1;
            if (idx >= comps.length) {
                comps = Arrays.copyOf(comps, idx + 1);
                for (int i = 0; i < comps.length; i++) {
                    if (comps[i] == null) {
                        comps[i] = "";
                    }
                }
                elements.set(element - 1, comps);
            }
            comps[idx] = text;
        }

        String get(int element) {
            return get(element, 1);
        }

        String get(int element, int component) {
            if (element < 1 || element > elements.size()) {
                return "";
            }
            String[] comps = elements.get(element - 1);
            return component <= comps.length ? comps[component - 1] : "";
        }

        String[] composite(int element) {
            return element >= 1 && element <= elements.size() ? elements.get(element - 1) : new String[0];
        }

        String at(int element) {
            return "segment " + position + " (" + tag + ") element " + element;
        }

        String at() {
            return "segment " + position + " (" + tag + ")";
        }
    }

    /** A problem found while reading, with its place. */
    private record Issue(String path, String detail) {
    }

    private static final class Party {
        String npi = "";
        /** 2000B SBR02: 18 when the subscriber is the patient. */
        String self = "";
        String taxId = "";
        String name = "";
        String first = "";
        /** NM102: 1 a person, 2 an organization. */
        String entityType = "";
        String id = "";
        String line1 = "";
        String line2 = "";
        String city = "";
        String state = "";
        String zip = "";
        Optional<LocalDate> birth = Optional.empty();
        String sex = "";
        /** SBR09 of the subscriber's loop (2000B): the claim filing indicator. */
        String filing = "";
        /** PAT01 of the patient's loop (2000C): the patient's relationship to the subscriber. */
        String relationship = "";
        /** The position of the patient loop's HL (2000C). */
        int hlPosition;
        /**
         * SBR01 of the subscriber's loop (2000B): the place in paying this claim of the payer it goes to (P primary,
         * S secondary, T tertiary, ...).
         */
        String responsibility = "";
        /** The position of the subscriber loop's SBR (2000B). */
        int sbrPosition;
        /**
         * Segments payers may need that the reader skips, by what they are (a label of {@link Parser#skippedNote}),
         * at their first position: the billing provider's (2000A PRV, 2010AB) and the subscriber's (2000B SBR03).
         */
        final Map<String, Integer> skipped = new LinkedHashMap<>();
    }

    private static final class LineDraft {
        String code = "";
        /** SV101-7 (SV202-7): the description of the service, given for an unlisted code; empty when none. */
        String description = "";
        final List<String> modifiers = new ArrayList<>();
        BigDecimal charge = BigDecimal.ZERO;
        int units;
        /** SV107: the line's pointers into the claim's diagnoses (HI positions, 1-based). */
        final List<Integer> pointers = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        String renderingNpi = "";
        /** 2420A NM103/NM104 of a person (NM102 1): "Last, First"; empty when none. */
        String renderingName = "";
        /** 2420A NM103 of an organization (NM102 2); empty when none. */
        String renderingOrganization = "";
        /** 837I: the revenue code (SV201), whose 042x/043x/044x names the discipline when no GP/GO/GN does. */
        String revenueCode = "";
    }

    /** Loop 2320 with its 2330B: another payer of the claim. */
    private static final class OtherDraft {
        /** SBR01: P, S, T ... the other payer's place in paying this claim. */
        String responsibility = "";
        /** SBR09: the other payer's claim filing indicator. */
        String filing = "";
        /** 2330B NM103 and NM109. */
        String payerName = "";
        String payerId = "";
        /** 2330A NM109: the other subscriber's member id at the other payer. */
        String memberId = "";
        /** SBR05: the insurance type (why Medicare pays second, when the other payer is Medicare). */
        String insuranceType = "";
        /** SBR02: the patient's relationship to the other subscriber (18 self). */
        String relationship = "";
        /** 2330A NM103 and NM104: the other subscriber's name. */
        String subscriberLast = "";
        String subscriberFirst = "";
        int sbrPosition;
    }

    private static final class ClaimDraft {
        String id = "";
        BigDecimal total = BigDecimal.ZERO;
        String pos = "";
        /** CLM05-3, the claim frequency: 1 original, 7 replacement, 8 void (on an 837I the type of bill's last digit). */
        String frequency = "";
        /** 2300 REF*F8: the payer's control number of the claim a replacement or void refers to. */
        String payerClaimControlNumber = "";
        /** 837I: the facility code of the type of bill (CLM05-1), instead of a place of service. */
        String facility = "";
        Optional<LocalDate> statementFrom = Optional.empty();
        Optional<LocalDate> statementTo = Optional.empty();
        final List<String> diagnoses = new ArrayList<>();
        /** HI ABK/ABF positions, good codes or bad: what SV107 points into. */
        int diagnosisPositions;
        Optional<LocalDate> date = Optional.empty();
        String renderingNpi = "";
        /** 2310B (837I 2310D) NM103/NM104 of a person (NM102 1): "Last, First"; empty when none. */
        String renderingName = "";
        /** 2310B (837I 2310D) NM103 of an organization (NM102 2); empty when none. */
        String renderingOrganization = "";
        /** 2310A: the referring (837P NM1*DN) or attending (837I NM1*71) provider, the certifying physician. */
        String certifierLast = "";
        String certifierFirst = "";
        String certifierNpi = "";
        final List<LineDraft> lines = new ArrayList<>();
        /** The other payers of the claim (loops 2320), in order. */
        final List<OtherDraft> others = new ArrayList<>();
        final List<Issue> issues = new ArrayList<>();
        int clmPosition;
        /** Segments payers may need that the reader skips, by what they are, at their first position in the claim. */
        final Map<String, Integer> skipped = new LinkedHashMap<>();
        /** The other payers' adjudication (2320 AMT, CAS, MOA; 2430 SVD, CAS), by segment, at its first position. */
        final Map<String, Integer> adjudication = new LinkedHashMap<>();
    }

    private static final class Parser {
        private final String payerId;
        private final ReferenceData ref;
        private final List<Result> results = new ArrayList<>();
        private final Seg seg = new Seg();
        private final Deque<String> loops = new ArrayDeque<>();
        private String groupVersion = "";
        /** The set being read is an 837P or an 837I (the other sets are reported and skipped). */
        private boolean read837p;
        private boolean institutional;
        private boolean inTransaction;
        private String stControl = "";
        private Party billing = new Party();
        private Party subscriber = new Party();
        private Party payer = new Party();
        private Party patient = new Party();
        private Party entity;
        private final List<Issue> billingIssues = new ArrayList<>();
        private final List<Issue> subscriberIssues = new ArrayList<>();
        private final List<Issue> patientIssues = new ArrayList<>();
        private int hlLevel;
        private ClaimDraft claim;
        private LineDraft line;
        private OtherDraft other;

        Parser(String payerId, ReferenceData ref) {
            this.payerId = payerId;
            this.ref = ref;
        }

        List<Result> run(String edi) {
            EDIInputFactory factory = EDIInputFactory.newFactory();
            X12Schemas.professional();
            try (EDIStreamReader r = factory.createEDIStreamReader(
                    new ByteArrayInputStream(edi.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8.name())) {
                boolean any = false;
                try {
                    while (r.hasNext()) {
                        EDIStreamEvent e = r.next();
                        any = true;
                        event(r, e);
                    }
                } catch (EDIStreamException e) {
                    Location l = e.getLocation();
                    String where = l == null || l.getSegmentPosition() < 1 ? "" : "segment " + l.getSegmentPosition();
                    String detail = "not readable as X12: " + words(e);
                    if (!any || (results.isEmpty() && claim == null)) {
                        throw new InputException(where, detail);
                    }
                    if (claim != null) {
                        claim.issues.add(new Issue(where, detail));
                        finishClaim();
                    } else {
                        results.add(Result.failed(Optional.empty(), new InputException(where, detail)));
                    }
                }
            } catch (IOException | EDIStreamException e) {
                throw new InputException("", "not readable as X12: " + (e instanceof EDIStreamException x ? words(x)
                        : "the input could not be read"));
            }
            if (results.isEmpty()) {
                throw new InputException("", "no 837P or 837I claim (CLM) found");
            }
            return results;
        }

        /**
         * The X12 reader's error in the project's words, without its error codes ({@code EDIE003 - Invalid
         * processing state at offset 1; INVALID (previous: INITIAL)}): what went wrong and at which character.
         */
        static String words(EDIStreamException e) {
            String m = String.valueOf(e.getMessage());
            java.util.regex.Matcher off = java.util.regex.Pattern.compile("at offset (\\d+)").matcher(m);
            String at = off.find() ? " at character " + off.group(1) : "";
            if (m.startsWith("EDIE002")) {
                return "not an X12 interchange: it must start with an ISA segment";
            }
            if (m.startsWith("EDIE003")) {
                return "not X12" + at + " (an interchange starts with an ISA segment, and its segments end with "
                        + "the terminator the ISA sets)";
            }
            if (m.startsWith("EDIE004")) {
                return "a character X12 does not allow" + at;
            }
            if (m.startsWith("EDIE005")) {
                return "the X12 ends early" + at + " (is the file cut short?)";
            }
            String plain = m.replaceFirst("^EDI[A-Z]?\\d+ - ", "");
            int cut = plain.indexOf(';');
            plain = cut > 0 ? plain.substring(0, cut) : plain;
            return plain.matches(".*(EDIE|io\\.xlate|Exception).*") || plain.isBlank() ? "unexpected text" + at : plain;
        }

        private void event(EDIStreamReader r, EDIStreamEvent e) {
            switch (e) {
                case START_GROUP -> groupVersion = "";
                case START_TRANSACTION -> {
                    inTransaction = true;
                    institutional = groupVersion.equals(X12Schemas.I_VERSION);
                    read837p = institutional || groupVersion.equals(X12Schemas.P_VERSION);
                    // A set that is not an 837P or 837I is reported and skipped, unvalidated: clear the schema
                    // of the set before (StAEDI keeps a transaction schema from one set to the next).
                    // StAEDI keeps its validator when the new schema "equals" the old, and the 837P and 837I
                    // schemas share their types and do: clear it first (as X12Validator does).
                    r.setTransactionSchema(null);
                    if (read837p) {
                        r.setTransactionSchema(institutional ? X12Schemas.institutional() : X12Schemas.professional());
                    }
                    billing = new Party();
                    subscriber = new Party();
                    payer = new Party();
                    patient = new Party();
                    billingIssues.clear();
                    subscriberIssues.clear();
                    patientIssues.clear();
                    hlLevel = 0;
                }
                case END_TRANSACTION -> {
                    finishClaim();
                    inTransaction = false;
                    loops.clear();
                    stControl = "";
                }
                case START_LOOP -> {
                    String code = r.getReferenceCode();
                    loops.push(code == null ? "" : code);
                    if (!read837p) {
                        return;
                    }
                    if ("2300".equals(code)) {
                        finishClaim();
                        claim = new ClaimDraft();
                        // Problems of the billing provider, subscriber or patient level are every claim's below.
                        claim.issues.addAll(billingIssues);
                        claim.issues.addAll(subscriberIssues);
                        claim.issues.addAll(patientIssues);
                    } else if ("2400".equals(code) && claim != null) {
                        line = new LineDraft();
                        claim.lines.add(line);
                    } else if ("2320".equals(code) && claim != null) {
                        other = new OtherDraft();
                        claim.others.add(other);
                    } else if ("2000".equals(code)) {
                        finishClaim();
                    }
                }
                case END_LOOP -> {
                    if (!loops.isEmpty()) {
                        loops.pop();
                    }
                    if ("2300".equals(r.getReferenceCode())) {
                        finishClaim();
                    } else if ("2400".equals(r.getReferenceCode())) {
                        line = null;
                    } else if ("2320".equals(r.getReferenceCode())) {
                        other = null;
                    }
                }
                case START_SEGMENT -> seg.start(r.getText(), r.getLocation().getSegmentPosition());
                case ELEMENT_DATA -> {
                    Location l = r.getLocation();
                    seg.set(l.getElementPosition(), l.getComponentPosition(), r.getText());
                }
                case END_SEGMENT -> segment();
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(r, e);
                default -> {
                }
            }
        }

        private void error(EDIStreamReader r, EDIStreamEvent e) {
            Location l = r.getLocation();
            String tag = l.getSegmentTag() == null ? "" : l.getSegmentTag();
            StringBuilder where = new StringBuilder("segment ").append(l.getSegmentPosition());
            if (!tag.isEmpty()) {
                where.append(" (").append(tag).append(')');
            }
            if (e != EDIStreamEvent.SEGMENT_ERROR && l.getElementPosition() > 0) {
                where.append(" element ").append(l.getElementPosition());
                if (l.getComponentPosition() > 0) {
                    where.append(" component ").append(l.getComponentPosition());
                }
            }
            String text = "";
            try {
                text = r.hasText() ? r.getText() : "";
            } catch (IllegalStateException | NullPointerException ignored) {
                // Some error events carry no text: StAEDI says hasText() and then has no buffer for it (an
                // unexpected segment, for one).
            }
            issue(new Issue(where.toString(), describe(r.getErrorType(), text, r.getReferenceCode())));
        }

        private void issue(Issue i) {
            if (claim != null) {
                claim.issues.add(i);
            } else if (inTransaction && hlLevel > 0 && loops.contains("2000")) {
                (hlLevel == 20 ? billingIssues : hlLevel == 22 ? subscriberIssues : patientIssues).add(i);
            } else {
                results.add(Result.failed(Optional.empty(), new InputException(i.path(), i.detail()
                        + (stControl.isEmpty() ? "" : " (transaction set " + stControl + ")"))));
            }
        }

        private void segment() {
            String tag = seg.tag;
            switch (tag) {
                case "GS" -> groupVersion = seg.get(8);
                case "ST" -> {
                    stControl = seg.get(2);
                    hlLevel = 0;
                    hlLevels.clear();
                    String expected = institutional ? X12Schemas.I_VERSION : X12Schemas.P_VERSION;
                    if (!read837p || !seg.get(1).equals("837") || !seg.get(3).equals(expected)) {
                        String v = seg.get(3).isEmpty() ? groupVersion : seg.get(3);
                        issue(new Issue(seg.at(), "transaction " + seg.get(1) + " " + v + " is not read; only 837P ("
                                + X12Schemas.P_VERSION + ") and 837I (" + X12Schemas.I_VERSION + ")"));
                        read837p = false;
                    }
                }
                default -> {
                    if (read837p && inTransaction) {
                        claimSegment(tag);
                    }
                }
            }
        }

        private void claimSegment(String tag) {
            String loop = loops.isEmpty() ? "" : loops.peek();
            skipped(tag, loop);
            switch (tag) {
                case "HL" -> hl();
                case "NM1" -> nm1(loop);
                case "N3" -> {
                    if (entity != null && "2010".equals(loop)) {
                        entity.line1 = seg.get(1);
                        entity.line2 = seg.get(2);
                    }
                }
                case "N4" -> {
                    if (entity != null && "2010".equals(loop)) {
                        entity.city = seg.get(1);
                        entity.state = seg.get(2);
                        entity.zip = seg.get(3);
                    }
                }
                case "REF" -> {
                    if (entity == billing && "2010".equals(loop) && seg.get(1).equals("EI")) {
                        billing.taxId = seg.get(2);
                    } else if (claim != null && "2300".equals(loop) && seg.get(1).equals("F8")) {
                        claim.payerClaimControlNumber = seg.get(2);
                    }
                }
                case "DMG" -> {
                    if (entity != null && "2010".equals(loop)) {
                        entity.birth = date(seg.get(2), 2);
                        entity.sex = seg.get(3);
                    }
                }
                case "SBR" -> {
                    // The subscriber's own (2000B) gives the payer; another payer's of the claim (loop 2320), the
                    // secondary payer.
                    if (hlLevel == 22 && "2000".equals(loop)) {
                        subscriber.responsibility = seg.get(1);
                        subscriber.sbrPosition = seg.position;
                        subscriber.self = seg.get(2);
                        subscriber.filing = seg.get(9);
                        filingIndicator(subscriber.filing);
                    } else if (other != null && "2320".equals(loop)) {
                        // SBR09 is checked on the loop that is read (secondaryPayer), not on those skipped.
                        other.responsibility = seg.get(1);
                        other.filing = seg.get(9);
                        other.insuranceType = seg.get(5);
                        other.relationship = seg.get(2);
                        other.sbrPosition = seg.position;
                    }
                }
                case "PAT" -> {
                    if (hlLevel == 23 && "2000".equals(loop)) {
                        patient.relationship = seg.get(1);
                        relationship(patient.relationship);
                    }
                }
                case "CLM" -> clm();
                case "HI" -> hi();
                case "DTP" -> dtp(loop);
                case "SV1" -> sv1();
                case "SV2" -> sv2();
                default -> {
                }
            }
        }

        /**
         * Remembers a segment the reader skips that payers may need, which no visit field keeps (so an 837 written
         * from the visit leaves it out), for the claim's note ({@link #skippedNote}); and the other payers'
         * adjudication, for the note of a claim sent to a payer other than the primary ({@link #behindNote}).
         */
        private void skipped(String tag, String loop) {
            Map<String, Integer> at = claim != null ? claim.skipped : hlLevel == 20 ? billing.skipped
                    : hlLevel == 22 ? subscriber.skipped : null;
            if (at == null) {
                return;
            }
            String label = switch (tag) {
                case "PRV" -> "PRV provider taxonomy";
                case "NM1" -> "2010".equals(loop) && seg.get(1).equals("87") ? "2010AB pay-to address (NM1*87)"
                        : "2310".equals(loop) && seg.get(1).equals("77") ? (institutional ? "2310E" : "2310C")
                        + " service facility (NM1*77)" : null;
                case "SBR" -> seg.get(3).isEmpty() ? null : "SBR03 group or policy number";
                case "REF" -> seg.get(1).equals("G1") ? "REF*G1 prior authorization" : null;
                case "DTP" -> claim == null ? null : switch (seg.get(1)) {
                    case "431" -> "DTP*431 onset of current illness or injury";
                    case "454" -> "DTP*454 initial treatment date";
                    case "304" -> "DTP*304 last seen date";
                    default -> null;
                };
                default -> null;
            };
            if (label != null) {
                at.putIfAbsent(label, seg.position);
            }
            if (claim == null) {
                return;
            }
            String paid = switch (tag) {
                case "AMT" -> "2320".equals(loop) ? "AMT*" + seg.get(1) : null;
                case "CAS" -> "2320".equals(loop) || "2430".equals(loop) ? "CAS" : null;
                case "MOA" -> "2320".equals(loop) ? "MOA" : null;
                case "SVD" -> "2430 SVD";
                default -> null;
            };
            if (paid != null) {
                claim.adjudication.putIfAbsent(paid, seg.position);
            }
        }

        /** 2000B SBR09 must be a claim filing indicator code. */
        private void filingIndicator(String code) {
            if (!code.isEmpty() && !ClaimInfo.FILING_INDICATORS.contains(code)) {
                problem(seg.at(9), notAFilingIndicator(code));
            }
        }

        /**
         * 2000C PAT01 must be one of the patient's relationships to the subscriber of 005010X222A1/X223A2
         * ({@link Subscriber#RELATIONSHIPS}; 18 self is 2000B's SBR02, not a patient loop's), and a Medicare
         * subscriber (2000B SBR09 MA/MB) has no dependents.
         */
        private void relationship(String code) {
            if (!Subscriber.RELATIONSHIPS.contains(code)) {
                problem(seg.at(1), "expected the patient's relationship to the subscriber, one of "
                        + String.join(", ", Subscriber.RELATIONSHIPS) + " (01 spouse, 19 child, 20 employee, 21 unknown,"
                        + " 39 organ donor, 40 cadaver donor, 53 life partner, G8 other), got \"" + code + "\""
                        + (code.equals("18") ? ": a patient who is the subscriber (18, self) has no patient loop "
                        + "(2000C); the claim goes under 2000B with SBR02 18" : ""));
            } else if (subscriber.self.equals("18")) {
                problem(seg.at(1), "a patient loop (2000C, relationship " + code + ") under a subscriber whose 2000B "
                        + "SBR02 is 18 (the patient is the subscriber): leave SBR02 empty for a dependent, or put the "
                        + "claim under 2000B without a 2000C");
            } else if (X12Claim.medicare(subscriber.filing)) {
                problem(seg.at(1), "a patient loop (2000C, relationship " + code + ") under a Medicare subscriber "
                        + "(2000B SBR09 " + subscriber.filing + "): Medicare covers the beneficiary alone and has no "
                        + "dependents, so the patient must be the subscriber (SBR02 18, no 2000C)");
            }
        }

        private static String notAFilingIndicator(String code) {
            return "not a claim filing indicator code (MB Medicare Part B, MC Medicaid, CI commercial, BL Blue Cross "
                    + "Blue Shield, ...): \"" + code + "\"";
        }

        /** This transaction's HLs so far: HL01 to {HL03 level, HL04 child code, segment position}. */
        private final Map<String, String[]> hlLevels = new HashMap<>();

        private void hl() {
            String level = seg.get(3);
            entity = null;
            switch (level) {
                case "20" -> {
                    billing = new Party();
                    billingIssues.clear();
                }
                case "22" -> hlLevel = 22;
                case "23" -> hlLevel = 23;
                default -> {
                    // reported by the schema (HL03 code list); read as a subscriber level
                }
            }
            if (level.equals("20")) {
                hlLevel = 20;
            }
            if (hlLevel <= 22) {
                subscriber = new Party();
                payer = new Party();
                subscriberIssues.clear();
            }
            patient = new Party();
            patient.hlPosition = seg.position;
            patientIssues.clear();
            hierarchy(level);
        }

        /**
         * The HL's place in the hierarchy (TR3, 999 IK3/IK4 when broken): HL01 numbers the HLs of a transaction set
         * 1, 2, 3 ... in order, each once; HL02 is empty on the billing provider (2000A, HL03 20) and names an
         * earlier HL on a subscriber (2000B, 22: its billing provider's) and on a patient (2000C, 23: its
         * subscriber's, which says it has a child, HL04 1). Each problem names the HL's element; the claims under
         * it are refused with it.
         */
        private void hierarchy(String level) {
            String id = seg.get(1);
            String parentId = seg.get(2);
            String[] earlier = hlLevels.get(id);
            String expected = Integer.toString(hlLevels.size() + 1);
            if (earlier != null) {
                problem(seg.at(1), "HL01 \"" + id + "\" is already the number of the HL at segment " + earlier[2]
                        + " of this transaction set: each HL has its own number (1 for the first, then one more for "
                        + "each next)");
            } else if (!id.equals(expected)) {
                problem(seg.at(1), "HL01 must number the HLs of a transaction set 1, 2, 3 ... in order: expected \""
                        + expected + "\", got \"" + id + "\"");
            }
            String[] parent = parentId.isEmpty() || parentId.equals(id) && earlier == null ? null
                    : hlLevels.get(parentId);
            if (earlier == null) {
                hlLevels.put(id, new String[] {level, seg.get(4), Integer.toString(seg.position)});
            }
            String what = switch (level) {
                case "20" -> "a billing provider loop (2000A, HL03 20)";
                case "22" -> "a subscriber loop (2000B, HL03 22)";
                case "23" -> "a patient loop (2000C, HL03 23)";
                default -> "";
            };
            if (level.equals("20")) {
                if (!parentId.isEmpty()) {
                    problem(seg.at(2), what + " is the top of the hierarchy: HL02 must be empty, got \"" + parentId
                            + "\"");
                }
                return;
            }
            if (what.isEmpty()) {
                return;
            }
            String under = level.equals("22") ? "20" : "22";
            String underWhat = level.equals("22") ? "billing provider (2000A, HL03 20)"
                    : "subscriber (2000B, HL03 22)";
            if (parentId.isEmpty()) {
                problem(seg.at(2), what + " needs HL02, the number of its " + underWhat + " HL, and has none");
            } else if (parent == null) {
                problem(seg.at(2), what + " names parent HL \"" + parentId + "\", which is no earlier HL of this "
                        + "transaction set: HL02 must name its " + underWhat + " HL");
            } else if (!parent[0].equals(under)) {
                problem(seg.at(2), what + " belongs under a " + underWhat + "; its parent HL " + parentId
                        + " is level " + parent[0]);
            } else if (level.equals("23") && parent[1].equals("0")) {
                // A patient loop sits under a subscriber that says it has one (HL04 1).
                problem(seg.at(2), "a patient loop (2000C) under subscriber HL " + parentId + ", whose HL04 says "
                        + "it has no child (0): a subscriber with a dependent's claim has HL04 1");
            }
        }

        private void nm1(String loop) {
            String who = seg.get(1);
            switch (loop) {
                case "2010" -> {
                    entity = switch (who) {
                        case "85" -> billing;
                        case "IL" -> subscriber;
                        case "PR" -> payer;
                        case "QC" -> patient;
                        default -> null;
                    };
                    if (entity != null) {
                        entity.name = seg.get(3);
                        entity.first = seg.get(4);
                        entity.entityType = seg.get(2);
                        entity.id = seg.get(9);
                        if (entity == billing) {
                            billing.npi = seg.get(9);
                            npi("billing");
                        }
                    }
                }
                case "2310" -> {
                    if (who.equals("82") && claim != null) {
                        claim.renderingNpi = seg.get(9);
                        claim.renderingName = personName();
                        claim.renderingOrganization = organizationName();
                        npi("rendering");
                    }
                    if (who.equals(institutional ? "71" : "DN") && claim != null) {
                        claim.certifierLast = seg.get(3);
                        claim.certifierFirst = (seg.get(4) + " " + seg.get(5)).trim();
                        claim.certifierNpi = seg.get(8).equals("XX") ? seg.get(9) : "";
                        if (seg.get(8).equals("XX") && !Npi.valid(seg.get(9))) {
                            claim.issues.add(new Issue(seg.at(9), "not a valid NPI (10 digits with a check digit) for "
                                    + "the " + (institutional ? "attending" : "referring") + " provider: \""
                                    + seg.get(9) + "\""));
                        }
                    }
                }
                case "2330" -> {
                    // 2330B, the other payer, and the member id of 2330A, the other subscriber; the other 2330
                    // loops are not kept.
                    if (who.equals("PR") && other != null) {
                        other.payerName = seg.get(3);
                        other.payerId = seg.get(9);
                    } else if (who.equals("IL") && other != null) {
                        other.memberId = seg.get(9);
                        other.subscriberLast = seg.get(3).trim();
                        other.subscriberFirst = seg.get(4).trim();
                    }
                }
                case "2420" -> {
                    if (who.equals("82") && line != null) {
                        line.renderingNpi = seg.get(9);
                        line.renderingName = personName();
                        line.renderingOrganization = organizationName();
                        npi("line's rendering");
                    }
                }
                default -> {
                }
            }
        }

        /**
         * The person an NM1 names (NM102 1) as "Last, First Middle" (NM103, NM104, NM105), so that the claim is written
         * back naming them; empty for an organization (NM102 2) or without a last name.
         */
        private String personName() {
            if (!seg.get(2).equals("1") || seg.get(3).isBlank()) {
                return "";
            }
            String first = (seg.get(4) + " " + seg.get(5)).trim();
            return seg.get(3).trim() + (first.isEmpty() ? "" : ", " + first);
        }

        /**
         * The organization an NM1 names (NM102 2) by its name (NM103), so that the claim is written back naming it;
         * empty for a person.
         */
        private String organizationName() {
            return seg.get(2).equals("2") ? seg.get(3).trim() : "";
        }

        /**
         * NM109 of an NM1 identified by NPI (NM108 XX) must pass the NPI check digit, as in visit JSON, CSV and FHIR
         * input: a mistyped NPI reads as some other provider, and the payer rejects the claim.
         */
        private void npi(String role) {
            if (seg.get(8).equals("XX") && !Npi.valid(seg.get(9))) {
                problem(seg.at(9), "not a valid NPI (10 digits with a check digit) for the " + role + " provider: \""
                        + seg.get(9) + "\"");
            }
        }

        private void clm() {
            if (claim == null) {
                return;
            }
            claim.id = seg.get(1);
            claim.clmPosition = seg.position;
            claim.total = amount(seg.get(2), 2).orElse(BigDecimal.ZERO);
            claim.frequency = seg.get(5, 3);
            if (institutional) {
                claim.facility = seg.get(5, 1);
            } else {
                claim.pos = seg.get(5, 1);
            }
        }

        private void hi() {
            if (claim == null) {
                return;
            }
            for (int i = 1; i <= seg.elements.size(); i++) {
                String q = seg.get(i, 1);
                String code = seg.get(i, 2);
                switch (q) {
                    case "ABK", "ABF" -> {
                        claim.diagnosisPositions++;
                        String c = code.trim().toUpperCase();
                        if (!ICD10.matcher(c).matches()) {
                            claim.issues.add(new Issue(seg.at(i) + " component 2", "not an ICD-10-CM code: \""
                                    + code + "\""));
                        } else {
                            claim.diagnoses.add(X12Text.redot(c));
                        }
                    }
                    case "BK", "BF" -> claim.issues.add(new Issue(seg.at(i), "ICD-9-CM diagnoses (" + q
                            + ") are not read; 5010 claims carry ICD-10-CM (ABK/ABF)"));
                    default -> {
                        // condition codes, anesthesia and other HI kinds: not diagnoses
                    }
                }
            }
        }

        private void dtp(String loop) {
            if (seg.get(1).equals("434") && "2300".equals(loop) && claim != null) {
                statement();
                return;
            }
            if (!seg.get(1).equals("472")) {
                return;
            }
            String fmt = seg.get(2);
            String value = seg.get(3);
            Optional<LocalDate> d;
            if (fmt.equals("D8")) {
                d = date(value, 3);
            } else if (fmt.equals("RD8")) {
                String[] parts = value.split("-", -1);
                d = parts.length == 2 ? date(parts[0], 3) : Optional.empty();
                Optional<LocalDate> to = parts.length == 2 ? date(parts[1], 3) : Optional.empty();
                if (parts.length != 2) {
                    problem(seg.at(3), "expected a date range CCYYMMDD-CCYYMMDD, got \"" + value + "\"");
                } else if (d.isPresent() && to.isPresent() && !d.get().equals(to.get())) {
                    problem(seg.at(3), "a service line spans " + value + "; Minutewise reads one date of service"
                            + " per line");
                }
            } else {
                problem(seg.at(2), "expected D8 or RD8, got \"" + fmt + "\"");
                return;
            }
            if ("2400".equals(loop) && line != null) {
                line.date = d;
            } else if ("2300".equals(loop) && claim != null) {
                claim.date = d;
            }
        }

        private void sv1() {
            if (line == null) {
                return;
            }
            procedure(1);
            line.charge = amount(seg.get(2), 2).orElse(BigDecimal.ZERO);
            units(3, 4);
            pointers(7);
        }

        /**
         * SV107, the line's diagnosis pointers: each must name an HI position of the claim (a pointer past the last
         * diagnosis points at nothing, and the payer rejects the line).
         */
        private void pointers(int element) {
            String[] p = seg.composite(element);
            for (String t : p) {
                if (t.isEmpty()) {
                    continue;
                }
                int n = t.matches("\\d{1,2}") ? Integer.parseInt(t) : 0;
                if (n < 1 || n > claim.diagnosisPositions) {
                    problem(seg.at(element), "SV107 diagnosis pointer \"" + t + "\" points to no diagnosis: the"
                            + " claim's HI has " + claim.diagnosisPositions + (claim.diagnosisPositions == 1
                            ? " diagnosis" : " diagnoses"));
                    line.pointers.clear();
                    return;
                }
                line.pointers.add(n);
            }
        }

        /** The composite procedure HC:code:mod1:mod2:mod3:mod4 at this element. */
        private void procedure(int element) {
            String qualifier = seg.get(element, 1);
            if (!qualifier.equals("HC")) {
                problem(seg.at(element) + " component 1", "only HCPCS/CPT lines (HC) are read, got \"" + qualifier
                        + "\"");
            }
            String[] proc = seg.composite(element);
            line.code = proc.length > 1 ? proc[1].trim().toUpperCase() : "";
            if (!CODE.matcher(line.code).matches()) {
                problem(seg.at(element) + " component 2", "not a CPT or HCPCS code: \"" + line.code + "\"");
            }
            for (int i = 2; i < Math.min(proc.length, 6); i++) {
                if (!proc[i].isEmpty()) {
                    line.modifiers.add(proc[i].trim().toUpperCase());
                }
            }
            line.description = proc.length > 6 ? proc[6].trim() : "";
        }

        /** The unit basis (UN) and the count of units at these elements. */
        private void units(int basis, int count) {
            if (!seg.get(basis).equals("UN")) {
                problem(seg.at(basis), "only units (UN) are read, got \"" + seg.get(basis) + "\"");
            }
            Optional<BigDecimal> units = amount(seg.get(count), count);
            if (units.isPresent()) {
                BigDecimal u = units.get().stripTrailingZeros();
                if (u.scale() > 0 || u.signum() < 0 || u.compareTo(BigDecimal.valueOf(9999)) > 0) {
                    problem(seg.at(count), "units must be a whole number from 0 to 9999, got \"" + seg.get(count)
                            + "\"");
                } else {
                    line.units = u.intValueExact();
                }
            }
        }

        /** 837I statement period (DTP*434*RD8): the date of service of lines without their own DTP*472. */
        private void statement() {
            if (!seg.get(2).equals("RD8")) {
                problem(seg.at(2), "expected RD8 (a statement period), got \"" + seg.get(2) + "\"");
                return;
            }
            String[] parts = seg.get(3).split("-", -1);
            if (parts.length != 2) {
                problem(seg.at(3), "expected a statement period CCYYMMDD-CCYYMMDD, got \"" + seg.get(3) + "\"");
                return;
            }
            Optional<LocalDate> from = date(parts[0], 3);
            Optional<LocalDate> to = date(parts[1], 3);
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                problem(seg.at(3), "the statement period ends before it starts: \"" + seg.get(3) + "\"");
                return;
            }
            claim.statementFrom = from;
            claim.statementTo = to;
        }

        /** 837I service line: SV2*revenue code*HC:code:mod1..mod4*charge*UN*units. */
        private void sv2() {
            if (line == null) {
                return;
            }
            line.revenueCode = seg.get(1);
            procedure(2);
            line.charge = amount(seg.get(3), 3).orElse(BigDecimal.ZERO);
            units(4, 5);
        }

        private Optional<BigDecimal> amount(String v, int element) {
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                BigDecimal d = new BigDecimal(v);
                String p = Amounts.problem(d);
                if (p != null) {
                    problem(seg.at(element), p);
                    return Optional.empty();
                }
                return Optional.of(d);
            } catch (NumberFormatException e) {
                problem(seg.at(element), "not a number: \"" + v + "\"");
                return Optional.empty();
            }
        }

        private Optional<LocalDate> date(String v, int element) {
            try {
                LocalDate d = LocalDate.parse(v, X12Text.D8.withResolverStyle(ResolverStyle.STRICT));
                if (d.getYear() < 1900 || d.getYear() > 2199) {
                    problem(seg.at(element), "year out of range: \"" + v + "\"");
                    return Optional.empty();
                }
                return Optional.of(d);
            } catch (DateTimeParseException e) {
                problem(seg.at(element), "not a date CCYYMMDD: \"" + v + "\"");
                return Optional.empty();
            }
        }

        private void problem(String where, String detail) {
            Issue i = new Issue(where, detail);
            if (claim != null) {
                // The schema may already have said so for this element; say it once.
                for (Issue known : claim.issues) {
                    if (known.path().equals(where)) {
                        return;
                    }
                }
            }
            issue(i);
        }

        private void finishClaim() {
            ClaimDraft c = claim;
            claim = null;
            line = null;
            other = null;
            if (c == null) {
                return;
            }
            Optional<String> id = c.id.isEmpty() ? Optional.empty() : Optional.of(c.id);
            String named = c.id.isEmpty() ? "the claim at segment " + c.clmPosition : "claim " + c.id;
            if (!c.issues.isEmpty()) {
                Issue first = c.issues.get(0);
                String more = c.issues.size() > 1 ? "; and " + (c.issues.size() - 1) + " more: "
                        + c.issues.get(1).path() + ": " + c.issues.get(1).detail() : "";
                results.add(Result.failed(id, new InputException(first.path(), first.detail() + " (" + named + ")"
                        + more), c.clmPosition));
                return;
            }
            try {
                List<Visit> visits = visits(c);
                List<String> notes = notes(c, named, visits);
                for (int i = 0; i < visits.size(); i++) {
                    results.add(Result.of(visits.get(i), c.clmPosition, i == 0 ? notes : List.of()));
                }
            } catch (InputException | IllegalArgumentException e) {
                String path = e instanceof InputException ie ? ie.path() : "segment " + c.clmPosition + " (CLM)";
                String detail = e instanceof InputException ie ? ie.detail() : e.getMessage();
                results.add(Result.failed(id, new InputException(path, detail + " (" + named + ")"), c.clmPosition));
            }
        }

        /**
         * What the visits of a claim do not keep of it ({@link Result#notes}): the claim is sent to a payer other
         * than the primary, it is read as one visit per date, segments payers may need were skipped.
         */
        private List<String> notes(ClaimDraft c, String named, List<Visit> visits) {
            List<String> notes = new ArrayList<>();
            behindNote(c, named, visits.get(0)).ifPresent(notes::add);
            if (visits.size() > 1) {
                notes.add("segment " + c.clmPosition + " (CLM): " + named + "'s lines fall on " + visits.size()
                        + " dates of service, so it is read as one visit per date, " + String.join(", ",
                        visits.stream().map(Visit::id).toList()) + ", each checked (and written to an 837) as a "
                        + "claim of its own under that id; the payer's remittance (835) answers " + named
                        + " and will not match these ids");
            }
            skippedNote(c, named).ifPresent(notes::add);
            return notes;
        }

        /**
         * A claim sent to a payer other than the primary (2000B SBR01 S, T, A to H, U): it is read as a visit billed
         * to that payer, whose rules the check applies; the payers it pays behind (2320) and what they paid are not
         * kept, and the 837 written from the visit sends it to that payer as the primary.
         */
        private Optional<String> behindNote(ClaimDraft c, String named, Visit v) {
            String r = subscriber.responsibility;
            if (r.isEmpty() || r.equals("P")) {
                return Optional.empty();
            }
            String place = switch (r) {
                case "S" -> "the secondary payer";
                case "T" -> "the tertiary payer";
                case "A", "B", "C", "D", "E", "F", "G", "H" -> "the " + List.of("fourth", "fifth", "sixth",
                        "seventh", "eighth", "ninth", "tenth", "eleventh").get(r.charAt(0) - 'A') + " payer";
                default -> "a payer whose place in paying it is unknown";
            };
            String to = payer.name.isEmpty() ? "that payer" : payer.name;
            List<String> ahead = new ArrayList<>();
            for (OtherDraft o : c.others) {
                ahead.add("2320 SBR01 " + (o.responsibility.isEmpty() ? "(empty)" : o.responsibility) + " at segment "
                        + o.sbrPosition + (o.payerName.isEmpty() ? "" : ", " + o.payerName));
            }
            List<String> paid = new ArrayList<>();
            c.adjudication.forEach((what, at) -> paid.add(what + " at segment " + at));
            return Optional.of("segment " + subscriber.sbrPosition + " (SBR) element 1: " + named + " is sent to "
                    + place + " (2000B SBR01 " + r + "): it is read as a visit billed to " + to + ", checked under "
                    + "payer profile " + v.payer() + "'s rules; " + (ahead.isEmpty()
                    ? "the claim names no payer it pays behind (no loop 2320)"
                    : "the payers it pays behind (" + String.join("; ", ahead) + ") and their adjudication ("
                    + (paid.isEmpty() ? "none given: AMT*D, CAS, MOA, 2430 SVD" : String.join(", ", paid))
                    + ") are not kept") + ", and an 837 written from this visit is a claim to " + to + " as the "
                    + "primary payer (2000B SBR01 P) without what the other payers paid: do not send it as the "
                    + "claim to " + place);
        }

        /**
         * The segments payers may need that the reader skipped and no visit field keeps (an 837 written from the
         * visit leaves them out), each named once, at its first position: the billing provider's and the subscriber's
         * ones, then the claim's.
         */
        private Optional<String> skippedNote(ClaimDraft c, String named) {
            Map<String, Integer> all = new LinkedHashMap<>();
            billing.skipped.forEach(all::putIfAbsent);
            subscriber.skipped.forEach(all::putIfAbsent);
            c.skipped.forEach(all::putIfAbsent);
            if (all.isEmpty()) {
                return Optional.empty();
            }
            List<String> each = all.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() + " at segment " + e.getValue()).toList();
            return Optional.of("segment " + c.clmPosition + " (CLM): " + named + " is read without segments payers "
                    + "may need, which Minutewise keeps nowhere (an 837 written from it leaves them out): "
                    + String.join(", ", each));
        }

        private List<Visit> visits(ClaimDraft c) {
            String at = "segment " + c.clmPosition + " (CLM)";
            if (c.id.isEmpty()) {
                throw new InputException(at + " element 1", "the claim has no id (CLM01)");
            }
            if (c.diagnoses.isEmpty()) {
                throw new InputException(at, "the claim has no ICD-10-CM diagnosis (HI ABK)");
            }
            if ((c.frequency.equals("7") || c.frequency.equals("8")) && c.payerClaimControlNumber.isEmpty()) {
                // TR3: REF*F8 is required on a replacement or void; without it the payer cannot find the claim.
                throw new InputException(at + " element 5", "claim frequency " + c.frequency
                        + (c.frequency.equals("7") ? " (replacement)" : " (void)") + " needs the payer claim control"
                        + " number of the original claim (2300 REF*F8), and the claim has none");
            }
            BigDecimal lines = BigDecimal.ZERO;
            for (LineDraft l : c.lines) {
                lines = lines.add(l.charge);
            }
            if (!c.lines.isEmpty() && lines.compareTo(c.total) != 0) {
                // The TR3 requires CLM02 to be the sum of the line charges; a payer rejects the claim otherwise.
                throw new InputException(at + " element 2", "the claim's total charge " + X12Text.amount(c.total)
                        + " is not the sum of its line charges, " + X12Text.amount(lines));
            }
            // Lines grouped by date of service, in order of first appearance.
            Map<LocalDate, List<LineDraft>> byDate = new LinkedHashMap<>();
            // An 837I whose statement period is one day dates the lines without their own DTP*472.
            Optional<LocalDate> oneDay = c.statementFrom.isPresent() && c.statementFrom.equals(c.statementTo)
                    ? c.statementFrom : Optional.empty();
            for (LineDraft l : c.lines) {
                LocalDate d = l.date.or(() -> c.date).or(() -> oneDay).orElseThrow(() -> new InputException(at,
                        "no date of service (DTP*472) on the claim or on its line for " + l.code
                                + (c.statementFrom.isPresent() && c.statementTo.isPresent() ? ", and the statement "
                                + "period (DTP*434) " + c.statementFrom.get() + " to " + c.statementTo.get()
                                + " spans more than one day" : "")));
                byDate.computeIfAbsent(d, k -> new ArrayList<>()).add(l);
            }
            if (byDate.isEmpty()) {
                throw new InputException(at, "the claim has no service line (LX/" + (institutional ? "SV2" : "SV1")
                        + ")");
            }
            Optional<String> secondary = secondaryPayer(c);
            List<Visit> out = new ArrayList<>();
            for (Map.Entry<LocalDate, List<LineDraft>> e : byDate.entrySet()) {
                String id = byDate.size() == 1 ? c.id : c.id + "@" + e.getKey();
                out.add(visit(id, e.getKey(), c, e.getValue(), secondary));
            }
            return out;
        }

        /**
         * The 2320 loop of the patient's secondary payer, when the claim names one: only a claim sent to the primary
         * (2000B SBR01 P) does, in its first 2320 whose SBR01 is S. A claim sent to the secondary (2000B S) names the
         * primary in its 2320 (SBR01 P), and a claim sent to the tertiary (2000B T) the primary and the secondary (P
         * and S): the payer its 2000B payer pays behind, or the one ahead of the tertiary, is no payer a visit field
         * holds (the visit's {@code payer} is the 2000B payer; its {@code secondaryPayer} the one after it), so those
         * claims have none. The tertiary behind a claim sent to the secondary (a 2320 T) is not taken either: the 837
         * writer sends a visit's {@code secondaryPayer} as the secondary (2320 S) behind a primary (2000B P), which
         * would put the tertiary second and the secondary first.
         */
        private Optional<OtherDraft> secondaryLoop(ClaimDraft c) {
            if (!subscriber.responsibility.equals("P")) {
                return Optional.empty();
            }
            for (OtherDraft o : c.others) {
                if (o.responsibility.equals("S")) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }

        /**
         * The patient's secondary payer, from {@link #secondaryLoop}. The payer profile is the one 2330B NM109 names
         * when it is a profile of the kind SBR09 gives (an 837 Minutewise wrote before it sent the payer's own id
         * named the profile there), else by SBR09 as for the subscriber's own payer ({@link #payerFor}). A code that
         * names no kind of payer (ZZ) keeps the payer as the 837 names it, its 2330B id or else name: the secondary
         * payer need not be a profile, and the check then says it is unknown (MW-S002) rather than take the default
         * profile for it. The loop's SBR09 must be a claim filing indicator code (only this loop's: the 2320 loops
         * skipped are not the claim's error).
         */
        private Optional<String> secondaryPayer(ClaimDraft c) {
            Optional<OtherDraft> loop = secondaryLoop(c);
            if (loop.isEmpty()) {
                return Optional.empty();
            }
            OtherDraft o = loop.get();
            if (!o.filing.isEmpty() && !ClaimInfo.FILING_INDICATORS.contains(o.filing)) {
                throw new InputException("segment " + o.sbrPosition + " (SBR) element 9",
                        notAFilingIndicator(o.filing));
            }
            if (X12Claim.medicare(o.filing) && !o.insuranceType.isEmpty()
                    && !SecondaryCoverage.MEDICARE_SECONDARY_TYPES.contains(o.insuranceType)) {
                throw new InputException("segment " + o.sbrPosition + " (SBR) element 5", "expected why Medicare "
                        + "pays second (an MSP insurance type code: 12, 13, 14, 15, 16, 41, 42, 43 or 47), got \""
                        + o.insuranceType + "\"");
            }
            Optional<PayerKind> kind = X12Claim.kindOf(o.filing);
            Optional<PayerProfile> named = o.payerId.isEmpty() ? Optional.empty() : ref.payers().find(o.payerId)
                    .filter(p -> kind.isEmpty() || p.kind() == kind.get());
            if (named.isPresent()) {
                return Optional.of(named.get().id());
            }
            if (kind.isPresent()) {
                return Optional.of(payerFor(o.filing, payerId, ref));
            }
            String as837 = !o.payerId.isEmpty() ? o.payerId : o.payerName;
            if (as837.isEmpty()) {
                throw new InputException("segment " + o.sbrPosition + " (SBR) element 9", "the claim's secondary "
                        + "payer (loop 2320, SBR01 S) is named neither by a claim filing indicator of a kind of "
                        + "payer (MB, MC, CI, ...; got \"" + o.filing + "\") nor by its 2330B other payer"
                        + " (NM1*PR)");
            }
            return Optional.of(as837);
        }

        private Visit visit(String id, LocalDate date, ClaimDraft c, List<LineDraft> lines,
                            Optional<String> secondary) {
            Discipline plan = discipline(lines.get(0)).orElse(Discipline.PT);
            Setting setting = institutional ? facility(c) : switch (c.pos) {
                case "19", "22" -> Setting.HOSPITAL_OUTPATIENT;
                case "31", "32" -> Setting.SNF_PART_B;
                case "62" -> Setting.CORF;
                default -> Setting.PRIVATE_PRACTICE;
            };
            List<ServiceLine> services = new ArrayList<>();
            List<BilledLine> billed = new ArrayList<>();
            for (LineDraft l : lines) {
                Discipline d = discipline(l).orElse(plan);
                boolean assistant = ClaimBuilder.assistantModifier(l.modifiers);
                Role role = switch (d) {
                    case PT -> assistant ? Role.PTA : Role.PT;
                    case OT -> assistant ? Role.OTA : Role.OT;
                    case SLP -> Role.SLP;
                };
                // 2420A, else 2310B, else on an 837P the billing provider (2010AA): the 837P TR3 leaves 2310B out
                // when the billing provider rendered, and an assistant's line needs the NPI it was billed under. An
                // 837I's billing provider is the facility, no clinician: its lines keep no rendering NPI then.
                String npi = !l.renderingNpi.isEmpty() ? l.renderingNpi : !c.renderingNpi.isEmpty() ? c.renderingNpi
                        : institutional ? "" : billing.npi;
                // The rendering provider's name (NM103/NM104) from the loop that gave the NPI, a person's or an
                // organization's (NM102 2: the line billed under a group's NPI, which an assistant's line is not).
                String name = !l.renderingNpi.isEmpty() ? l.renderingName : !c.renderingNpi.isEmpty()
                        ? c.renderingName : "";
                String organization = !l.renderingNpi.isEmpty() ? l.renderingOrganization
                        : !c.renderingNpi.isEmpty() ? c.renderingOrganization : "";
                Optional<String> n = npi.isEmpty() ? Optional.empty() : Optional.of(npi);
                Provider p = role.isAssistant()
                        ? new Provider(Optional.empty(), role, Optional.empty(), n, n).withNames(Optional.empty(),
                                opt(name))
                        : new Provider(n, role, n).withNames(opt(name), Optional.empty())
                                .withOrganization(opt(organization));
                services.add(new ServiceLine(l.code, OptionalInt.empty(), List.of(), p, Optional.empty(),
                        d == plan ? Optional.empty() : Optional.of(d), Optional.of(l.charge), List.of(),
                        l.description.isEmpty() ? Optional.empty() : Optional.of(l.description)));
                billed.add(new BilledLine(l.code, l.modifiers, l.units, Optional.of(l.charge), l.pointers));
            }
            // A dependent (loop 2000C) is the patient of 2010CA, with its own name, address and demographics; the
            // subscriber of 2010BA is the policy holder, never taken for the patient.
            Patient pt = dependent()
                    ? new Patient(patientId(), patient.birth, YearToDate.NONE, YearToDate.NONE, opt(patient.name),
                            opt(patient.first), opt(patient.sex), address(patient))
                    : new Patient(patientId(), subscriber.birth, YearToDate.NONE, YearToDate.NONE);
            Visit.Builder b = Visit.builder(id, date)
                    .payer(payerFor(subscriber.filing, payerId, ref))
                    .secondaryPayer(secondary.orElse(null))
                    .planOfCare(plan)
                    .setting(setting)
                    .patient(pt)
                    .diagnoses(c.diagnoses)
                    .services(services)
                    .billed(billed)
                    .claimInfo(claimInfo(c))
                    .certification(certification(c));
            // The claim's 96 (habilitative) or 97 (rehabilitative) says the visit's purpose: the builder reads it from
            // the billed lines (Purpose.ofBilled), as for every reader.
            return b.build();
        }

        /**
         * The certifying physician named by loop 2310A (the 837P's referring provider, the 837I's attending one),
         * as a certification without dates (the claim does not carry them); null when the claim names none.
         */
        private static Certification certification(ClaimDraft c) {
            String name = (c.certifierFirst + " " + c.certifierLast).trim();
            if (c.certifierNpi.isEmpty() && name.isEmpty()) {
                return null;
            }
            // A name without an NPI is still the certifying physician (the check then asks for the NPI, MW-P004).
            return new Certification(Optional.empty(), Optional.empty(), opt(name), opt(c.certifierNpi));
        }

        /**
         * Whether the claim's patient is a dependent: its claim sits in a patient loop (2000C), which must say the
         * patient's relationship to the subscriber (PAT01) and name the patient (2010CA NM1*QC); a claim whose 2000C
         * lacks either is refused naming the loop's HL rather than read as the subscriber's own.
         */
        private boolean dependent() {
            if (hlLevel != 23) {
                return false;
            }
            String at = "segment " + patient.hlPosition + " (HL)";
            if (patient.relationship.isEmpty()) {
                throw new InputException(at, "a patient loop (2000C) needs the patient's relationship to the "
                        + "subscriber (PAT01), and this one has no PAT");
            }
            if (patient.name.isEmpty()) {
                throw new InputException(at, "a patient loop (2000C) needs the patient's name (2010CA NM1*QC), and "
                        + "this one has none");
            }
            return true;
        }

        /**
         * The patient's id for the checks across visits: the subscriber's member id (NM109 of 2010BA) when the
         * patient is the subscriber; a dependent (loop 2000C) adds their name to it.
         */
        private Optional<String> patientId() {
            if (subscriber.id.isEmpty()) {
                return Optional.empty();
            }
            if (hlLevel == 23 && !patient.name.isEmpty()) {
                return Optional.of(subscriber.id + "/" + patient.name + (patient.first.isEmpty() ? ""
                        : "/" + patient.first));
            }
            return Optional.of(subscriber.id);
        }

        private ClaimInfo claimInfo(ClaimDraft c) {
            // A person (NM102 1: a therapist billing under their own NPI) keeps the first name, so the claim is
            // written back naming the same person.
            BillingProvider bp = new BillingProvider(opt(billing.npi), opt(billing.taxId), opt(billing.name),
                    address(billing), billing.entityType.equals("1") ? opt(billing.first) : Optional.empty());
            Subscriber sub = new Subscriber(opt(subscriber.id), opt(subscriber.name), opt(subscriber.first),
                    subscriber.birth, opt(subscriber.sex), address(subscriber),
                    dependent() ? opt(patient.relationship) : Optional.empty());
            // SBR09 as read: several codes share one payer profile (MC, BL, HM ... read as commercial), so the
            // profile's kind could not give it back. The same for the secondary payer's, with its own payer name
            // and id (2330B) and member id (2330A), so that the claim is written back naming the same payer.
            // SBR05 only where it says why Medicare pays second: the visit's secondaryInsuranceType has no other use.
            SecondaryCoverage secondary = secondaryLoop(c).map(this::secondaryCoverage)
                    .orElse(SecondaryCoverage.NONE);
            return new ClaimInfo(bp, opt(payer.name), opt(payer.id), sub, opt(c.pos), opt(subscriber.filing),
                    c.frequency.equals("1") ? Optional.empty() : opt(c.frequency), opt(c.payerClaimControlNumber),
                    secondary);
        }

        /**
         * The secondary payer's coverage as loop 2320/2330 names it. When SBR02 is a relationship other than 18 (self)
         * the secondary policy is someone else's: the relationship, and the subscriber's name from 2330A NM103/NM104,
         * are kept so the claim is written back naming them; a code of no relationship is an error naming SBR02.
         */
        private SecondaryCoverage secondaryCoverage(OtherDraft o) {
            SecondaryCoverage c = new SecondaryCoverage(opt(o.payerName), opt(o.payerId), opt(o.memberId),
                    opt(o.filing), X12Claim.medicare(o.filing) ? opt(o.insuranceType) : Optional.empty());
            if (o.relationship.isEmpty() || o.relationship.equals("18")) {
                return c;
            }
            if (!Subscriber.RELATIONSHIPS.contains(o.relationship)) {
                throw new InputException("segment " + o.sbrPosition + " (SBR) element 2", "expected the patient's "
                        + "relationship to the other subscriber, 18 (self) or one of "
                        + String.join(", ", Subscriber.RELATIONSHIPS) + ", got \"" + o.relationship + "\"");
            }
            return c.heldBy(opt(o.relationship), opt(o.subscriberLast), opt(o.subscriberFirst));
        }

        /** A party's N3/N4, when its loop has them. */
        private static Optional<Address> address(Party p) {
            return p.line1.isEmpty() ? Optional.empty()
                    : Optional.of(new Address(p.line1, opt(p.line2), p.city, p.state, p.zip));
        }

        /**
         * The setting of an 837I from the facility code of its type of bill (CLM05-1), as the writer maps them: 13
         * hospital outpatient, 74 rehabilitation agency, 75 CORF, 22/23 SNF Part B, 34 home health, 85 CAH.
         */
        private static Setting facility(ClaimDraft c) {
            return switch (c.facility) {
                case "13" -> Setting.HOSPITAL_OUTPATIENT;
                case "74" -> Setting.REHAB_AGENCY;
                case "75" -> Setting.CORF;
                case "22", "23" -> Setting.SNF_PART_B;
                case "34" -> Setting.HOME_HEALTH;
                case "85" -> Setting.CAH;
                default -> throw new InputException("segment " + c.clmPosition + " (CLM) element 5",
                        "type of bill facility code \"" + c.facility + "\" is not an outpatient therapy setting "
                                + "Minutewise knows (13 hospital outpatient, 22/23 SNF, 34 home health, 74 "
                                + "rehabilitation agency, 75 CORF, 85 CAH)");
            };
        }

        /** A line's discipline: its GP/GO/GN, else (837I) its revenue code 042x PT, 043x OT, 044x SLP. */
        private static Optional<Discipline> discipline(LineDraft l) {
            Optional<Discipline> d = discipline(l.modifiers);
            if (d.isPresent() || l.revenueCode.length() != 4) {
                return d;
            }
            return switch (l.revenueCode.substring(0, 3)) {
                case "042" -> Optional.of(Discipline.PT);
                case "043" -> Optional.of(Discipline.OT);
                case "044" -> Optional.of(Discipline.SLP);
                default -> Optional.empty();
            };
        }

        private static Optional<String> opt(String s) {
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        private static Optional<Discipline> discipline(List<String> modifiers) {
            return Optional.ofNullable(Discipline.ofModifiers(modifiers));
        }
    }

    /** A validation error in words. */
    static String describe(EDIStreamValidationError error, String text, String reference) {
        String got = text.isEmpty() ? "" : ", got \"" + text + "\"";
        if (error == null) {
            return "invalid" + got;
        }
        return switch (error) {
            case UNRECOGNIZED_SEGMENT_ID -> "unknown segment " + text;
            case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET ->
                    "segment out of place: " + (text.isEmpty() ? "this segment" : text) + " is not expected here";
            case MANDATORY_SEGMENT_MISSING -> "required segment " + (reference == null ? "" : reference + " ")
                    + "missing before this point";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "loop repeats more often than allowed";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment repeats more often than allowed";
            case REQUIRED_DATA_ELEMENT_MISSING -> "required element missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "element required with another one is missing";
            case EXCLUSION_CONDITION_VIOLATED -> "element not allowed together with another one" + got;
            case TOO_MANY_DATA_ELEMENTS -> "too many elements in the segment" + got;
            case TOO_MANY_COMPONENTS -> "too many components in the element" + got;
            case TOO_MANY_REPETITIONS -> "element repeats too often";
            case DATA_ELEMENT_TOO_SHORT -> "value too short" + got;
            case DATA_ELEMENT_TOO_LONG -> "value too long" + got;
            case INVALID_CHARACTER_DATA -> "not a valid value for this element (a number?)" + got;
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "code not allowed here" + got;
            case INVALID_DATE -> "not a valid date CCYYMMDD" + got;
            case INVALID_TIME -> "not a valid time HHMM" + got;
            case CONTROL_REFERENCE_MISMATCH -> "control number does not match its header" + got;
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "count does not match the actual count" + got;
            default -> error.name().toLowerCase().replace('_', ' ') + got;
        };
    }
}
