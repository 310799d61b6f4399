package org.minutewise.formats.x12;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.formats.InputException;
import org.minutewise.formats.x12.X12Claim.Form;
import org.minutewise.refdata.RefData;

/**
 * Checked visits to one X12 interchange, picking the claim form per visit: the 837I (005010X223A2) for an
 * institutional setting ({@code Setting.institutional()}: hospital outpatient, rehab agency, SNF Part B, CORF,
 * home health, CAH), the 837P (005010X222A1) for the others.
 *
 * <p>API: {@link #write(List, X12Envelope, LocalDateTime)}. The output is one interchange (ISA ... IEA). A batch
 * of one form is one functional group (GS ... GE); a batch that mixes both is two groups, 837P first with GS06
 * {@code groupControlNumber}, then 837I with the next number, since a group holds one version (GS08). Each group
 * holds one transaction set (ST ... SE) per {@link X12Envelope#claimsPerTransaction()} claims (5000 by default,
 * the TR3's recommended maximum); ST02 runs 0001, 0002, ... across the interchange. Inside a set, claims keep
 * their input order; consecutive claims of the same billing provider share its HL (2000A), and consecutive
 * claims of the same subscriber, payer and patient share theirs (2000B). The patient is the subscriber (SBR02 = 18,
 * 2010BA the patient with address and demographics) unless the visit gives {@code subscriber.relationship}: then the
 * patient is a dependent (a child or spouse covered under the subscriber's policy), and
 * <pre>
 * HL*{n}*{billing HL}*22*1~ SBR*P********{filing indicator}~       2000B: SBR02 empty, a child level follows
 * NM1*IL*1*{subscriber last}*{first}****MI*{memberId}~              2010BA: the subscriber, no N3/N4/DMG (TR3)
 * NM1*PR*2*{payerName}*****PI*{payerId}~                            2010BB
 * HL*{n+1}*{n}*23*0~ PAT*{relationship}~                            2000C: the patient's relationship (PAT01)
 * NM1*QC*1*{patient last}*{first}~ N3~ N4~ DMG*D8*{birth}*{sex}~    2010CA: the patient (no member id in 5010)
 * </pre>
 * and the claim (2300) sits under 2000C. Medicare (SBR09 MA/MB) has no dependents: such a visit is refused, naming
 * {@code subscriber.relationship}.
 *
 * <p>The claim goes to the visit's payer as the primary (2000B SBR01 P). A visit's {@code secondaryPayer} goes in the
 * other-payer loop of its claim, after the 2310 providers (837P and 837I alike), named by its own claim identifiers:
 * <pre>
 * SBR*S*18***{insurance type}****{filing indicator}~              2320: secondary, the patient is the subscriber
 * OI***Y***Y~                                                     benefits assigned, release of information (CLM08/09)
 * NM1*IL*1*{last}*{first}****MI*{secondaryMemberId}~ N3~ N4~      2330A: the patient, as in 2010BA (or 2010CA)
 * NM1*PR*2*{secondaryPayerName}*****PI*{secondaryPayerId}~        2330B
 * </pre>
 * The filing indicator is the visit's {@code secondaryClaimFilingIndicator}, else it follows the secondary payer
 * profile's kind as 2000B SBR09 follows the primary's (ZZ for a profile the payer profiles do not hold, which MW-S002
 * warns of); the insurance type (SBR05) only when the secondary payer is Medicare: the visit's
 * {@code secondaryInsuranceType}, why Medicare pays second. The loop is left out, and {@link #secondaryPayerLeftOut}
 * says why, when the secondary payer is Medicare without that reason,
 * when the visit does not give the secondary's name, payer id and member id (a payer profile is a set of rules, not
 * a payer a receiver knows), or when they are the primary's payer id and member id (one coverage twice). The patient
 * is taken to hold the secondary policy (SBR02 18), a dependent too, which {@link #secondarySubscriberAssumed} says,
 * unless the visit gives {@code secondaryRelationship} with {@code secondarySubscriberLastName} (and
 * {@code ...FirstName}): then SBR02 is that relationship and 2330A names that subscriber
 * ({@code NM1*IL*1*{last}*{first}****MI*{secondaryMemberId}~}, no N3/N4); Medicare second is then left out (it
 * covers the beneficiary alone).
 *
 * <p>Every visit is checked first: missing data the 837 needs is an {@link InputException} naming the field
 * ({@code billingProvider.npi: required for X12 837P}; in a batch of several, prefixed by the index,
 * {@code [3].subscriber.memberId: ...}), and nothing is written; {@link #writeWritable} instead writes the claims
 * that can be written and returns the others with their errors. The writer does not drop blocked results: the
 * caller decides what to bill. The creation date and time (ISA09/10, GS04/05, BHT04/05) are a parameter, so
 * output is reproducible. {@link X12Validator#validate(String)} checks the output against the shipped schemas;
 * the tests do so for every golden file and for random batches.
 */
public final class X12Writer {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private X12Writer() {
    }

    /**
     * The 837P for professional settings and the 837I for institutional ones, in one interchange; a secondary payer
     * is looked up in the built-in payer profiles.
     */
    public static String write(List<CheckResult> results, X12Envelope envelope, LocalDateTime created) {
        return write(results, envelope, created, RefData.defaults().payers());
    }

    /**
     * The same, a secondary payer looked up in {@code payers}: pass the profiles the visits were checked with
     * ({@code ReferenceData.payers()}), so that a clinic's own profile goes out with its kind and name.
     */
    public static String write(List<CheckResult> results, X12Envelope envelope, LocalDateTime created,
                               PayerProfiles payers) {
        return write(results, envelope, created, X12Writer::formBySetting, payers);
    }

    /** The 837I for an institutional setting's visit, the 837P for the others. */
    private static Form formBySetting(CheckResult r) {
        return r.visit().setting().institutional() ? Form.INSTITUTIONAL : Form.PROFESSIONAL;
    }

    /** Whether the visit's secondary payer is Medicare: its profile's kind, or its filing indicator MA or MB. */
    static boolean secondaryIsMedicare(Visit v, PayerProfiles payers) {
        if (v.secondaryPayer().isEmpty()) {
            return false;
        }
        Optional<PayerProfile> p = payers.find(v.secondaryPayer().get());
        return p.isPresent() && p.get().kind() == PayerKind.MEDICARE
                || medicareCode(v.claimInfo().secondary()).isPresent();
    }

    private static Optional<String> medicareCode(SecondaryCoverage c) {
        return c.claimFilingIndicator().map(x -> x.trim().toUpperCase(Locale.ROOT))
                .filter(X12Claim::medicare);
    }

    /**
     * Why a visit's secondary payer is not on its 837, or empty when it is (or the visit has none):
     * <ul>
     *   <li>Medicare second (its profile's kind, or a {@code secondaryClaimFilingIndicator} MA/MB) without the
     *       visit's {@code secondaryInsuranceType}: the TR3 wants the reason Medicare pays second, 2320 SBR05 (12
     *       working aged, 13 ESRD, 14 no-fault, 15 workers' compensation, 43 disabled, ...); a claim without it is
     *       rejected by receivers, while a claim to the primary without 2320 is not;</li>
     *   <li>the secondary payer's own name, payer id or member id not given ({@code secondaryPayerName},
     *       {@code secondaryPayerId}, {@code secondaryMemberId}): 2330B and 2330A name the payer and the patient as
     *       the payer knows them, and a payer profile's name and id, or the primary's member id, would be made-up
     *       identifiers sent to a payer;</li>
     *   <li>the secondary's payer id and member id the primary's ({@code payerId}, {@code subscriber.memberId}): the
     *       same coverage named as the claim's payer and as its other payer. Two plans of one payer (one payer id,
     *       two member ids) and two payers checked with one profile (two {@code commercial} plans) are written.</li>
     * </ul>
     * The loop is then left out and the caller says so.
     */
    public static Optional<String> secondaryPayerLeftOut(Visit v, PayerProfiles payers) {
        if (v.secondaryPayer().isEmpty()) {
            return Optional.empty();
        }
        String named = v.secondaryPayer().get();
        Optional<PayerProfile> p = payers.find(named);
        SecondaryCoverage c = v.claimInfo().secondary();
        if (secondaryIsMedicare(v, payers) && c.dependent()) {
            return Optional.of("its secondary payer " + named + " is Medicare, which covers the beneficiary alone, "
                    + "and the visit says the secondary policy is someone else's (secondaryRelationship "
                    + c.relationship().get() + "): the claim goes out without its other payer (loop 2320); leave "
                    + "secondaryRelationship out if the patient is the Medicare beneficiary");
        }
        if (secondaryIsMedicare(v, payers) && c.insuranceType().isEmpty()) {
            boolean medicareProfile = p.isPresent() && p.get().kind() == PayerKind.MEDICARE;
            return Optional.of("its secondary payer " + named + " is Medicare" + (medicareProfile ? ""
                    : " (secondaryClaimFilingIndicator " + medicareCode(c).orElseThrow() + ")") + ", which the 837 "
                    + "names (loop 2320) only with the reason Medicare pays second (SBR05 insurance type code, the "
                    + "visit's secondaryInsuranceType: 12 working aged, 43 disabled, ...), and the visit does not "
                    + "give it: the claim goes out without its other payer; give it, or add it in the practice "
                    + "system if the primary payer needs it");
        }
        List<String> missing = new ArrayList<>();
        if (blank(c.payerName())) {
            missing.add("secondaryPayerName");
        }
        if (blank(c.payerId())) {
            missing.add("secondaryPayerId");
        }
        if (blank(c.memberId())) {
            missing.add("secondaryMemberId");
        }
        if (!missing.isEmpty()) {
            return Optional.of("its secondary payer " + named + " is left out of the 837 (loop 2320): the claim "
                    + "names the other payer by its own name and payer id (2330B) and the patient's member id there "
                    + "(2330A), not by a payer profile, and the visit does not give " + String.join(", ", missing)
                    + "; add " + (missing.size() == 1 ? "it" : "them") + " to send the secondary payer with the claim");
        }
        ClaimInfo ci = v.claimInfo();
        if (same(c.payerId(), ci.payerId()) && same(c.memberId(), ci.subscriber().memberId())) {
            return Optional.of("its secondary payer " + named + " is left out of the 837 (loop 2320): its payer id "
                    + c.payerId().get().trim() + " and member id " + c.memberId().get().trim() + " are the primary's "
                    + "(payerId, subscriber.memberId), so the claim would name one coverage as both its payer and its "
                    + "other payer; give the secondary coverage's own secondaryPayerId and secondaryMemberId");
        }
        return Optional.empty();
    }

    private static boolean blank(Optional<String> s) {
        return s.isEmpty() || s.get().isBlank();
    }

    private static boolean same(Optional<String> a, Optional<String> b) {
        return a.isPresent() && b.isPresent() && a.get().trim().equalsIgnoreCase(b.get().trim());
    }

    static String write(List<CheckResult> results, X12Envelope envelope, LocalDateTime created,
                        Function<CheckResult, Form> formOf, PayerProfiles payers) {
        Prepared p = prepare(results, envelope, created, formOf, payers, true);
        return interchange(groupsOf(p.professional(), p.institutional()), envelope, created);
    }

    /** The claims ready to write by form, and those that could not be ({@link #writeWritable}). */
    private record Prepared(List<X12Claim> professional, List<X12Claim> institutional, List<Refused> refused) {
    }

    /**
     * Checks the envelope's inputs and prepares each result's claim. With {@code firstRefusalThrows} the first claim
     * that cannot be written stops it, its error naming the visit (and its index in a list of several); else each is
     * set aside as {@link Refused} and the others prepared.
     */
    private static Prepared prepare(List<CheckResult> results, X12Envelope envelope, LocalDateTime created,
                                    Function<CheckResult, Form> formOf, PayerProfiles payers,
                                    boolean firstRefusalThrows) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(created, "created");
        if (results.isEmpty()) {
            throw new InputException("", "no visit to write: an 837 needs at least one claim");
        }
        createdInRange(created);
        List<X12Claim> professional = new ArrayList<>();
        List<X12Claim> institutional = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            Form form = formOf.apply(r);
            try {
                (form == Form.PROFESSIONAL ? professional : institutional).add(X12Claim.prepare(r, form, payers));
            } catch (InputException e) {
                if (!firstRefusalThrows) {
                    refused.add(new Refused(i, r, e));
                    continue;
                }
                InputException named = ofVisit(e, r.visit().id());
                throw results.size() == 1 ? named : named.within("[" + i + "]");
            }
        }
        return new Prepared(professional, institutional, refused);
    }

    /**
     * The error of the visit {@code id}: its detail followed by {@code (visit id)}; of several problems
     * ({@link org.minutewise.formats.InputProblems}: every field the claim lacks), the last one's.
     */
    private static InputException ofVisit(InputException e, String id) {
        if (e instanceof org.minutewise.formats.InputProblems several) {
            List<InputException> all = new ArrayList<>(several.problems());
            InputException last = all.remove(all.size() - 1);
            all.add(new InputException(last.path(), last.detail() + " (visit " + id + ")"));
            return new org.minutewise.formats.InputProblems(all);
        }
        return new InputException(e.path(), e.detail() + " (visit " + id + ")");
    }

    /**
     * A claim {@link #writeWritable} left out: its index in the results, the result, and why ({@code e.path()} the
     * field the 837 needs, {@code billingProvider.npi}; {@code e.detail()} what is wrong with it; every field the claim
     * lacks when it lacks several, {@link org.minutewise.formats.InputProblems#problems()}).
     */
    public record Refused(int index, CheckResult result, InputException error) {
        public Refused {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * What {@link #writeWritable} made: the interchange of the claims that could be written (empty when none could)
     * and the claims that could not, in input order.
     */
    public record Partial(Optional<String> x12, List<Refused> refused) {
        public Partial {
            Objects.requireNonNull(x12, "x12");
            refused = List.copyOf(refused);
        }
    }

    /**
     * As {@link #write(List, X12Envelope, LocalDateTime, PayerProfiles)}, but a visit the 837 cannot carry (no
     * billing provider, no subscriber member id, ...) does not stop the others: the claims that can be written are
     * written, exactly as {@code write} writes them when they are all writable, and each that cannot is returned
     * with the error naming the missing field. A caller reports those (the CLI on stderr, exit 2 at the end, as a bad
     * visit of a JSON or CSV output is).
     */
    public static Partial writeWritable(List<CheckResult> results, X12Envelope envelope, LocalDateTime created,
                                        PayerProfiles payers) {
        Prepared p = prepare(results, envelope, created, X12Writer::formBySetting, payers, false);
        if (p.professional().isEmpty() && p.institutional().isEmpty()) {
            return new Partial(Optional.empty(), p.refused());
        }
        return new Partial(Optional.of(interchange(groupsOf(p.professional(), p.institutional()), envelope,
                created)), p.refused());
    }

    /** The envelope's dates print the year in 4 digits (GS04, BHT04 CCYYMMDD): years 1 to 9999. */
    private static void createdInRange(LocalDateTime created) {
        if (created.getYear() < 1 || created.getYear() > 9999) {
            throw new InputException("created", "the interchange's date must be in the years 1 to 9999 (X12 writes "
                    + "CCYYMMDD), got " + created);
        }
    }

    private static List<Group> groupsOf(List<X12Claim> professional, List<X12Claim> institutional) {
        List<Group> groups = new ArrayList<>();
        if (!professional.isEmpty()) {
            groups.add(new Group(Form.PROFESSIONAL, professional));
        }
        if (!institutional.isEmpty()) {
            groups.add(new Group(Form.INSTITUTIONAL, institutional));
        }
        return groups;
    }

    private record Group(Form form, List<X12Claim> claims) {
    }

    private static String interchange(List<Group> groups, X12Envelope env, LocalDateTime created) {
        // GS06 is 1 to 9 digits, and each group after the first takes the next number: the last group's must fit.
        int highest = X12Envelope.MAX_CONTROL_NUMBER - (groups.size() - 1);
        if (env.groupControlNumber() > highest) {
            throw new InputException("envelope.groupControlNumber", "must be from 1 to " + highest + " for an "
                    + "interchange of " + groups.size() + " functional groups (an 837P and an 837I group take "
                    + "consecutive GS06 numbers, at most 999999999), got " + env.groupControlNumber());
        }
        int claims = 0;
        for (Group g : groups) {
            claims += g.claims().size();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + claims * 900);
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, env.lineBreaks());
        String date8 = created.format(CCYYMMDD);
        String time4 = created.format(HHMM);
        String icn = String.format("%09d", env.interchangeControlNumber());
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.UTF_8.name());
            // StAEDI checks the envelope as it is written (ISA/GS/ST/SE/GE/IEA layout). The claims between ST and
            // SE are checked before a byte is written (X12Claim) and their segments are fixed by this package;
            // X12Validator checks a file against the shipped schema on demand (18 times slower while writing).
            w.setControlSchema(X12Schemas.control());
            SegmentWriter s = new SegmentWriter(w);
            w.startInterchange();
            s.segment("ISA", "00", "          ", "00", "          ", env.senderQualifier(), pad(env.senderId()),
                    env.receiverQualifier(), pad(env.receiverId()), created.format(YYMMDD), time4, "^", "00501",
                    icn, "0", env.usage(), ":");
            int gcn = env.groupControlNumber();
            int st = 0;
            for (Group g : groups) {
                String gsn = Integer.toString(gcn);
                s.segment("GS", "HC", env.senderId().trim(), env.receiverId().trim(), date8, time4, gsn, "X",
                        g.form().version);
                int sets = 0;
                List<X12Claim> all = g.claims();
                for (int from = 0; from < all.size(); from += env.claimsPerTransaction()) {
                    List<X12Claim> chunk = all.subList(from, Math.min(all.size(), from + env.claimsPerTransaction()));
                    st++;
                    sets++;
                    transactionSet(s, g.form(), chunk, env, String.format("%04d", st), icn, date8, time4);
                }
                s.segment("GE", Integer.toString(sets), gsn);
                gcn++;
            }
            s.segment("IEA", Integer.toString(groups.size()), icn);
            w.endInterchange();
            w.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("X12 writer: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void transactionSet(SegmentWriter s, Form form, List<X12Claim> claims,
                                       X12Envelope env, String stn, String icn, String date8, String time4) {
        s.resetCount();
        s.segment("ST", "837", stn, form.version);
        s.segment("BHT", "0019", "00", icn + stn, date8, time4, "CH");
        // 1000A submitter, 1000B receiver
        s.segment("NM1", "41", "2", env.submitterName(), "", "", "", "", "46", env.senderId().trim());
        s.segment("PER", "IC", env.submitterContact(), "TE", env.submitterPhone());
        s.segment("NM1", "40", "2", env.receiverName(), "", "", "", "", "46", env.receiverId().trim());
        int hl = 0;
        int billingHl = 0;
        X12Claim.BillingParty billing = null;
        X12Claim.SubscriberParty subscriber = null;
        for (X12Claim c : claims) {
            if (!c.billing().equals(billing)) {
                billing = c.billing();
                subscriber = null;
                billingHl = ++hl;
                // 2000A billing provider, 2010AA
                s.segment("HL", Integer.toString(billingHl), "", "20", "1");
                s.segment("NM1", "85", billing.firstName().isPresent() ? "1" : "2", billing.name(),
                        billing.firstName().orElse(""), "", "", "", "XX", billing.npi());
                s.segment("N3", billing.line1(), billing.line2().orElse(""));
                s.segment("N4", billing.city(), billing.state(), billing.zip());
                s.segment("REF", "EI", billing.taxId());
            }
            if (!c.subscriber().equals(subscriber)) {
                subscriber = c.subscriber();
                X12Claim.Person patient = subscriber.patient();
                boolean dependent = subscriber.relationship().isPresent();
                int subscriberHl = ++hl;
                // 2000B subscriber (the patient: SBR02 18 self; a dependent: SBR02 empty and a child level 2000C),
                // 2010BA subscriber (address and demographics only when the patient is the subscriber), 2010BB payer
                s.segment("HL", Integer.toString(subscriberHl), Integer.toString(billingHl), "22",
                        dependent ? "1" : "0");
                s.segment("SBR", "P", dependent ? "" : "18", "", "", "", "", "", "", subscriber.filingIndicator());
                s.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName().orElse(""), "", "", "",
                        "MI", subscriber.memberId());
                if (!dependent) {
                    address(s, patient);
                    s.segment("DMG", "D8", X12Text.date(patient.birthDate()), patient.sex());
                }
                s.segment("NM1", "PR", "2", subscriber.payerName(), "", "", "", "", "PI", subscriber.payerId());
                if (dependent) {
                    // 2000C patient (PAT01 the relationship to the subscriber), 2010CA patient: no member id in 5010
                    s.segment("HL", Integer.toString(++hl), Integer.toString(subscriberHl), "23", "0");
                    s.segment("PAT", subscriber.relationship().get());
                    s.segment("NM1", "QC", "1", patient.lastName(), patient.firstName().orElse(""));
                    address(s, patient);
                    s.segment("DMG", "D8", X12Text.date(patient.birthDate()), patient.sex());
                }
            }
            if (form == Form.PROFESSIONAL) {
                X12ClaimWriter.claim(s, c);
            } else {
                X12InstitutionalWriter.claim(s, c);
            }
        }
        s.segment("SE", Integer.toString(s.count() + 1), stn);
    }

    /** The certifying physician's NM1 (2310A): referring (DN) on an 837P, attending (71) on an 837I. */
    static void certifier(SegmentWriter s, X12Claim.Certifier c, Form form) {
        s.segment("NM1", c.entity(form), "1", c.lastName(), c.firstName().orElse(""), c.middleName().orElse(""), "",
                "", "XX", c.npi());
    }

    /**
     * Loop 2320 with 2330A and 2330B, the claim's other payer, when it has one: after the 2310 providers and before
     * the first service line on both forms.
     */
    static void otherPayer(SegmentWriter s, X12Claim c) {
        if (c.otherPayer().isEmpty()) {
            return;
        }
        X12Claim.OtherPayer o = c.otherPayer().get();
        s.segment("SBR", "S", o.relationship(), "", "", o.insuranceType(), "", "", "", o.filingIndicator());
        s.segment("OI", "", "", "Y", "", "", "Y");
        if (o.subscriber().isPresent()) {
            // The secondary policy is someone else's (secondaryRelationship): 2330A names its subscriber, whose
            // address the visit does not give (N3/N4 are sent when known).
            X12Claim.OtherSubscriber holder = o.subscriber().get();
            s.segment("NM1", "IL", "1", holder.lastName(), holder.firstName().orElse(""), "", "", "", "MI",
                    o.memberId());
        } else {
            // The patient holds the secondary policy (SBR02 18), a dependent on the primary too when the visit does
            // not say otherwise ({@link #secondarySubscriberAssumed} says so).
            X12Claim.Person patient = c.subscriber().patient();
            s.segment("NM1", "IL", "1", patient.lastName(), patient.firstName().orElse(""), "", "", "", "MI",
                    o.memberId());
            address(s, patient);
        }
        s.segment("NM1", "PR", "2", o.payerName(), "", "", "", "", "PI", o.payerId());
    }

    /** A person's N3 and N4. */
    private static void address(SegmentWriter s, X12Claim.Person p) {
        s.segment("N3", p.line1(), p.line2().orElse(""));
        s.segment("N4", p.city(), p.state(), p.zip());
    }

    /**
     * What the 837 assumes of a dependent's secondary coverage, or empty when nothing is assumed: a visit with
     * {@code subscriber.relationship} (the patient is not the primary's subscriber) whose secondary payer goes on
     * the claim names the subscriber of its primary coverage only, so loop 2320 says the patient is the secondary
     * coverage's subscriber (SBR02 18) and 2330A names the patient with {@code secondaryMemberId}. A caller says so:
     * when the secondary policy is someone else's (the other parent's), the secondary payer may not match it.
     */
    public static Optional<String> secondarySubscriberAssumed(Visit v, PayerProfiles payers) {
        if (!v.claimInfo().subscriber().dependent() || v.secondaryPayer().isEmpty()
                || v.claimInfo().secondary().dependent()
                || secondaryPayerLeftOut(v, payers).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("the patient is a dependent on the primary coverage (subscriber.relationship "
                + v.claimInfo().subscriber().relationship().get() + "), and the visit does not say who holds the "
                + "secondary payer " + v.secondaryPayer().get() + "'s policy: the 837 names the patient as that "
                + "policy's subscriber (loop 2320 SBR02 18, 2330A the patient with secondaryMemberId); if the "
                + "secondary policy is someone else's, correct 2320/2330A in the practice system");
    }

    /**
     * The rendering provider's NM1*82 (2310B/2310D, 2420A/2420C), by NPI: a person (NM102 1) named by last, first and
     * middle name when the visit names the clinician, else by the clinician's id in NM103; an organization (NM102 2,
     * {@code provider.organization} and no person's name) by its name in NM103 alone.
     */
    static void rendering(SegmentWriter s, X12Claim.Rendering r) {
        s.segment("NM1", "82", r.organization() ? "2" : "1", r.name(), r.firstName().orElse(""),
                r.middleName().orElse(""), "", "", "XX", r.npi());
    }

    /**
     * HCPCS composite: HC:code:mod1:mod2:mod3:mod4, and with a description (an unlisted code's, SV101-7 / SV202-7)
     * HC:code:mod1:::: then the description, the modifiers not given left empty.
     */
    static String[] procedure(X12Claim.Line l) {
        String[] c = new String[l.description().isPresent() ? 7 : 2 + l.modifiers().size()];
        c[0] = "HC";
        c[1] = l.code();
        for (int i = 0; i < l.modifiers().size(); i++) {
            c[2 + i] = l.modifiers().get(i);
        }
        if (l.description().isPresent()) {
            for (int i = 2 + l.modifiers().size(); i < 6; i++) {
                c[i] = "";
            }
            c[6] = l.description().get();
        }
        return c;
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }
}
