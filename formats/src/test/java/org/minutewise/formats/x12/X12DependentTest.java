package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Address;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitOutput;

/**
 * A patient who is not the subscriber (a child or spouse under someone else's policy: visit JSON
 * {@code subscriber.relationship}): the 837 names the subscriber in 2000B/2010BA and the patient in 2000C/2010CA,
 * and reads them back so.
 */
class X12DependentTest {
    private static final java.nio.file.Path FIXTURE = X12Fixtures.DIR.resolve("write/dependent.json");

    private static List<CheckResult> checked() {
        return X12Fixtures.checked(FIXTURE);
    }

    private static Visit child() {
        return X12Fixtures.visits(FIXTURE).get(0);
    }

    private static String write(List<CheckResult> rs) {
        return X12Writer.write(rs, X12Fixtures.ENVELOPE, X12Fixtures.NOW, X12Fixtures.REF.payers());
    }

    private static String write(Visit v) {
        return write(List.of(X12Fixtures.CHECKER.check(v)));
    }

    /** The segments from the subscriber's HL to the claim (CLM excluded). */
    private static List<String> hierarchy(String edi) {
        List<String> segs = Arrays.asList(edi.split("~\\s*"));
        int from = 0;
        while (!segs.get(from).startsWith("HL*2*")) {
            from++;
        }
        int to = from;
        while (!segs.get(to).startsWith("CLM*")) {
            to++;
        }
        return segs.subList(from, to);
    }

    private static Visit withSubscriber(Visit v, Subscriber s) {
        ClaimInfo c = v.claimInfo();
        return v.toBuilder().claimInfo(new ClaimInfo(c.billingProvider(), c.payerName(), c.payerId(), s,
                c.placeOfService(), c.claimFilingIndicator(), c.claimFrequency(), c.payerClaimControlNumber(),
                c.secondary())).build();
    }

    @Test
    void aDependentsClaimNamesTheSubscriberIn2000BAndThePatientIn2000C() {
        String edi = write(child());
        assertThat(hierarchy(edi)).containsExactly(
                "HL*2*1*22*1",
                "SBR*P********CI",
                "NM1*IL*1*Park*Daniel****MI*ACM998877",
                "NM1*PR*2*Acme Health Plan*****PI*ACME01",
                "HL*3*2*23*0",
                "PAT*19",
                "NM1*QC*1*Park*Mina",
                "N3*9 Maple Ct",
                "N4*Dayton*OH*45402",
                "DMG*D8*20150402*F");
        // The subscriber's birth date and sex (1984, M) are not sent: 2010BA DMG only when the patient is the
        // subscriber (TR3).
        assertThat(edi).doesNotContain("19841120").doesNotContain("SBR*P*18*");
        assertThat(X12Validation.errors(edi)).isEmpty();
    }

    /** The same visit without a relationship is the subscriber's own claim, as before: SBR02 18, no 2000C. */
    @Test
    void theSubscribersOwnClaimHasNoPatientLoop() {
        Visit self = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        String edi = write(self);
        assertThat(hierarchy(edi)).containsExactly(
                "HL*2*1*22*0",
                "SBR*P*18*******MB",
                "NM1*IL*1*Doe*Jane****MI*1EG4TE5MK73",
                "N3*12 Elm St",
                "N4*Columbus*OH*43215",
                "DMG*D8*19480501*F",
                "NM1*PR*2*Medicare Part B JH*****PI*15202");
        assertThat(edi).doesNotContain("PAT*").doesNotContain("*23*");
    }

    /**
     * Hierarchy numbers across a batch: two claims of the same child share 2000B and 2000C; the spouse's claim of the
     * same subscriber starts a new 2000B (HL 4) and 2000C (HL 5), its claim under HL 5; the 837I's dependent too.
     */
    @Test
    void hlNumbersStayRightAcrossDependents() {
        String edi = write(checked());
        List<String> hl = Arrays.stream(edi.split("~\\s*")).filter(s -> s.startsWith("HL*")).toList();
        assertThat(hl).containsExactly("HL*1**20*1", "HL*2*1*22*1", "HL*3*2*23*0", "HL*4*1*22*1", "HL*5*4*23*0",
                "HL*1**20*1", "HL*2*1*22*1", "HL*3*2*23*0");
        assertThat(edi).contains("HL*5*4*23*0~\nPAT*01~\nNM1*QC*1*Park*Grace~");
        assertThat(edi).contains("SBR*P********MC~\nNM1*IL*1*Reyes*Carmen****MI*MCD40404040~");
        assertThat(X12Validation.errors(edi)).isEmpty();
    }

    /**
     * write -> read -> write: the patient comes back from 2010CA (name, address, birth date, sex), the subscriber
     * from 2010BA with PAT01 as the relationship, and the 837 written again names them the same way.
     */
    @Test
    void aDependentsClaimComesBackAndIsWrittenTheSame() {
        List<CheckResult> sent = checked();
        String edi = write(sent);
        List<X12ClaimReader.Result> back = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF);
        assertThat(back).hasSize(sent.size()).allSatisfy(r -> assertThat(r.error()).isEmpty());
        Visit mina = back.get(0).visit().orElseThrow();
        assertThat(mina.patient().lastName()).contains("Park");
        assertThat(mina.patient().firstName()).contains("Mina");
        assertThat(mina.patient().birthDate()).contains(LocalDate.of(2015, 4, 2));
        assertThat(mina.patient().sex()).contains("F");
        assertThat(mina.patient().address()).contains(new Address("9 Maple Ct", Optional.empty(), "Dayton", "OH",
                "45402"));
        assertThat(mina.claimInfo().subscriber()).isEqualTo(new Subscriber(Optional.of("ACM998877"),
                Optional.of("Park"), Optional.of("Daniel"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("19")));
        for (int i = 0; i < sent.size(); i++) {
            Visit v = back.get(i).visit().orElseThrow();
            Visit orig = sent.get(i).visit();
            assertThat(v.claimInfo().subscriber().relationship()).isEqualTo(orig.claimInfo().subscriber().relationship());
            assertThat(v.patient().lastName()).isEqualTo(orig.patient().lastName());
            assertThat(v.patient().address()).isEqualTo(orig.patient().address());
        }
        List<CheckResult> again = back.stream().map(r -> X12Fixtures.CHECKER.check(r.visit().orElseThrow())).toList();
        String rewritten = write(again);
        assertThat(hl2000(rewritten)).isEqualTo(hl2000(edi));
        assertThat(X12Validation.errors(rewritten)).isEmpty();
    }

    /** Every segment of the 2000 levels (HL to the claim), the loops a dependent changes. */
    private static List<String> hl2000(String edi) {
        List<String> out = new java.util.ArrayList<>();
        boolean in = false;
        for (String s : edi.split("~\\s*")) {
            if (s.startsWith("HL*")) {
                in = true;
            } else if (s.startsWith("CLM*") || s.startsWith("SE*")) {
                in = false;
            }
            if (in || s.startsWith("SBR*S*") || s.startsWith("OI*")) {
                out.add(s);
            }
        }
        return out;
    }

    /** Medicare covers the beneficiary alone: a Medicare claim for a dependent is refused, naming the field. */
    @Test
    void medicareWithADependentIsRefused() {
        Visit mb = child().toBuilder().payer("medicare").build();
        mb = withSubscriber(mb, mb.claimInfo().subscriber());
        Visit medicare = mb.toBuilder().claimInfo(new ClaimInfo(mb.claimInfo().billingProvider(),
                mb.claimInfo().payerName(), mb.claimInfo().payerId(), mb.claimInfo().subscriber(),
                mb.claimInfo().placeOfService())).build();
        assertThatThrownBy(() -> write(medicare)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("subscriber.relationship: Medicare (claim filing indicator MB) covers the "
                        + "beneficiary alone and has no dependents");
        // A commercial claim whose filing indicator says Medicare Part B is refused the same way.
        Visit coded = child().toBuilder().claimInfo(new ClaimInfo(child().claimInfo().billingProvider(),
                child().claimInfo().payerName(), child().claimInfo().payerId(), child().claimInfo().subscriber(),
                Optional.empty(), Optional.of("MB"), Optional.empty(), Optional.empty())).build();
        assertThatThrownBy(() -> write(coded)).hasMessageStartingWith("subscriber.relationship: Medicare");
        // Near miss: Medicaid (MC) covers dependents.
        assertThat(write(X12Fixtures.visits(FIXTURE).get(3).toBuilder().build())).contains("PAT*19~");
    }

    /** A dependent's 2010CA needs the patient's own name, birth date and address: missing ones are named. */
    @Test
    void aDependentWithoutThePatientsNameOrAddressIsRefusedNamingTheField() {
        Patient p = child().patient();
        Visit noName = child().toBuilder().patient(new Patient(p.id(), p.birthDate(), YearToDate.NONE,
                YearToDate.NONE, Optional.empty(), p.firstName(), p.sex(), p.address())).build();
        assertThatThrownBy(() -> write(noName)).hasMessageStartingWith("patient.lastName: required for X12 837P "
                + "(2010CA: the patient is not the subscriber, subscriber.relationship 19)");
        Visit noAddress = child().toBuilder().patient(new Patient(p.id(), p.birthDate(), YearToDate.NONE,
                YearToDate.NONE, p.lastName(), p.firstName(), p.sex(), Optional.empty())).build();
        assertThatThrownBy(() -> write(noAddress)).hasMessageStartingWith("patient.address: required for X12 837P");
        Visit noBirth = child().toBuilder().patient(new Patient(p.id(), Optional.empty(), YearToDate.NONE,
                YearToDate.NONE, p.lastName(), p.firstName(), p.sex(), p.address())).build();
        assertThatThrownBy(() -> write(noBirth)).hasMessageStartingWith("patient.birthDate: required for X12 837P");
    }

    /**
     * Without a relationship the patient is the subscriber: a patient the visit names differently from the subscriber
     * is refused, with the advice to give the relationship, rather than billed as the subscriber. The same name is
     * the subscriber's own claim.
     */
    @Test
    void aPatientNamedOtherThanTheSubscriberWithoutARelationshipIsRefused() {
        Visit v = child();
        Subscriber s = v.claimInfo().subscriber();
        Visit noRelationship = withSubscriber(v, new Subscriber(s.memberId(), s.lastName(), s.firstName(),
                Optional.empty(), Optional.of("M"), v.patient().address()));
        assertThatThrownBy(() -> write(noRelationship)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("patient.firstName: the patient (Mina Park) is not the subscriber (Daniel "
                        + "Park): a dependent's claim").hasMessageContaining("needs subscriber.relationship");
        Patient p = v.patient();
        Visit same = noRelationship.toBuilder().patient(new Patient(p.id(), p.birthDate(), YearToDate.NONE,
                YearToDate.NONE, Optional.of("PARK"), Optional.of("daniel"), Optional.of("M"), p.address())).build();
        assertThat(write(same)).contains("SBR*P*18*").doesNotContain("PAT*");
        // The same name but another sex or address than the subscriber's: someone else, refused naming the field.
        Visit otherSex = noRelationship.toBuilder().patient(new Patient(p.id(), p.birthDate(), YearToDate.NONE,
                YearToDate.NONE, Optional.of("PARK"), Optional.of("daniel"), Optional.of("F"), p.address())).build();
        assertThatThrownBy(() -> write(otherSex)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("patient.sex: the patient (sex F) is not the subscriber (sex M)");
        Visit otherAddress = noRelationship.toBuilder().patient(new Patient(p.id(), p.birthDate(), YearToDate.NONE,
                YearToDate.NONE, Optional.of("PARK"), Optional.of("daniel"), Optional.of("M"), Optional.of(
                new org.minutewise.core.model.Address("1 Other St", Optional.empty(), "Dayton", "OH", "45402"))))
                .build();
        assertThatThrownBy(() -> write(otherAddress)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("patient.address: the patient's address is not the subscriber's");
        // A subscriber without sex or address: the patient's own are the subscriber's (as the birth date is).
        Visit fromPatient = withSubscriber(same, new Subscriber(s.memberId(), s.lastName(), s.firstName(),
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(write(fromPatient)).contains("DMG*D8*" + p.birthDate().orElseThrow().toString().replace("-", "")
                + "*M~").contains("N3*" + p.address().orElseThrow().line1());
    }

    /**
     * A dependent's secondary payer: the visit names the subscriber of the primary only, so 2320 takes the patient
     * as the secondary policy's subscriber (SBR02 18, 2330A the patient), and the notes say so; not for a claim
     * without a secondary payer, nor for the subscriber's own claim.
     */
    @Test
    void aDependentsSecondaryPayerNamesThePatientAndSaysSo() {
        List<CheckResult> rs = checked();
        String edi = write(rs);
        assertThat(edi).contains("SBR*S*18*******CI~\nOI***Y***Y~\nNM1*IL*1*Park*Grace****MI*BEH7788~\n"
                + "N3*9 Maple Ct~\nN4*Dayton*OH*45402~\nNM1*PR*2*Buckeye Employers Health*****PI*BEH42~");
        List<String> notes = VisitOutput.x12Notes(rs, X12Fixtures.REF);
        assertThat(notes).singleElement().asString().startsWith("visit V-5003: the patient is a dependent on the "
                + "primary coverage (subscriber.relationship 01)").contains("2320 SBR02 18");
        Visit self = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/secondary-payer.json")).get(0);
        assertThat(X12Writer.secondarySubscriberAssumed(self, X12Fixtures.REF.payers())).isEmpty();
    }

    /** V-5003 (a spouse with a secondary payer) whose secondary policy is held by {@code relationship}'s subscriber. */
    private static Visit secondaryHeldBy(String relationship, String last, String first) {
        Visit v = X12Fixtures.visits(FIXTURE).get(2);
        assertThat(v.id()).isEqualTo("V-5003");
        ClaimInfo c = v.claimInfo();
        return v.toBuilder().claimInfo(c.withSecondary(c.secondary().heldBy(Optional.of(relationship),
                Optional.ofNullable(last), Optional.ofNullable(first)))).build();
    }

    /**
     * A secondary policy held by someone else (secondaryRelationship, secondarySubscriberLastName/FirstName): 2320
     * SBR02 is the patient's relationship to that subscriber and 2330A names the subscriber (no N3/N4: the visit has
     * no address for them), instead of the patient as the holder (SBR02 18) with a note; read back and written again
     * the same, and through visit JSON. Near misses: Medicare second covers the beneficiary alone, so it is left out
     * and said; the JSON fields are checked together.
     */
    @Test
    void aSecondaryPolicyHeldBySomeoneElseNamesItsSubscriberIn2330A() {
        Visit v = secondaryHeldBy("19", "Park", "Helen");
        List<CheckResult> rs = List.of(X12Fixtures.CHECKER.check(v));
        String edi = write(rs);
        assertThat(edi).contains("SBR*S*19*******CI~\nOI***Y***Y~\nNM1*IL*1*Park*Helen****MI*BEH7788~\n"
                + "NM1*PR*2*Buckeye Employers Health*****PI*BEH42~").doesNotContain("SBR*S*18");
        assertThat(X12Validation.errors(edi)).isEmpty();
        assertThat(VisitOutput.x12Notes(rs, X12Fixtures.REF)).isEmpty();

        Visit back = read(edi).get(0).visit().orElseThrow();
        assertThat(back.claimInfo().secondary()).extracting(c -> c.relationship(), c -> c.subscriberLastName(),
                c -> c.subscriberFirstName(), c -> c.memberId()).containsExactly(Optional.of("19"),
                Optional.of("Park"), Optional.of("Helen"), Optional.of("BEH7788"));
        assertThat(write(back)).isEqualTo(edi);
        com.fasterxml.jackson.databind.node.ObjectNode json = org.minutewise.formats.VisitJsonWriter.write(v);
        assertThat(json.get("secondaryRelationship").asText()).isEqualTo("19");
        org.minutewise.formats.VisitJsonReader reader = new org.minutewise.formats.VisitJsonReader(X12Fixtures.REF);
        assertThat(reader.read(json).claimInfo().secondary()).isEqualTo(v.claimInfo().secondary());
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(v)).contains("secondaryRelationship",
                "secondarySubscriberLastName", "secondarySubscriberFirstName");

        json.remove("secondarySubscriberLastName");
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("secondarySubscriberLastName: required with secondaryRelationship");
        json.put("secondarySubscriberLastName", "Park").put("secondaryRelationship", "18");
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("secondaryRelationship: expected one of");
        json.remove("secondaryRelationship");
        assertThatThrownBy(() -> reader.read(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("secondarySubscriberLastName: given without secondaryRelationship");

        Visit medicare = secondaryHeldBy("19", "Park", "Helen").toBuilder().secondaryPayer("medicare").build();
        assertThat(X12Writer.secondaryPayerLeftOut(medicare, X12Fixtures.REF.payers())).get().asString()
                .contains("Medicare, which covers the beneficiary alone").contains("secondaryRelationship 19");
        assertThat(write(medicare)).doesNotContain("SBR*S*");
    }

    private static String dependentEdi() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/dependent.edi"));
    }

    private static List<X12ClaimReader.Result> read(String edi) {
        return X12ClaimReader.read(edi, "commercial", X12Fixtures.REF);
    }

    /**
     * A 2000C read from a file: the patient is 2010CA's (not 2010BA's subscriber, as the reader took it before), the
     * subscriber 2010BA's with PAT01; the Medicaid child of the 837I too.
     */
    @Test
    void aPatientLoopIsReadAsTheDependentPatient() {
        List<X12ClaimReader.Result> rs = read(dependentEdi());
        assertThat(rs).extracting(r -> r.claimId().orElseThrow()).containsExactly("V-5001", "V-5002", "V-5003",
                "V-5004");
        Visit grace = rs.get(2).visit().orElseThrow();
        assertThat(grace.patient().firstName()).contains("Grace");
        assertThat(grace.patient().birthDate()).contains(LocalDate.of(1986, 2, 14));
        assertThat(grace.claimInfo().subscriber().relationship()).contains("01");
        assertThat(grace.claimInfo().subscriber().firstName()).contains("Daniel");
        assertThat(grace.claimInfo().secondary().memberId()).contains("BEH7788");
        Visit leo = rs.get(3).visit().orElseThrow();
        assertThat(leo.patient().lastName()).contains("Reyes");
        assertThat(leo.patient().firstName()).contains("Leo");
        assertThat(leo.patient().address().orElseThrow().line2()).contains("Unit 2");
        assertThat(leo.claimInfo().subscriber().firstName()).contains("Carmen");
        assertThat(leo.claimInfo().subscriber().relationship()).contains("19");
        assertThat(leo.claimInfo().claimFilingIndicator()).contains("MC");
        // The subscriber's own claim has no relationship and no patient name.
        Visit self = X12ClaimReader.read(X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi")),
                "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(self.claimInfo().subscriber().relationship()).isEmpty();
        assertThat(self.patient().named()).isFalse();
    }

    /** A PAT01 off the 2000C list (18 self among them) sets the claims under it aside, naming PAT element 1. */
    @Test
    void aPatientRelationshipOffTheListIsRefusedNamingTheSegment() {
        for (String code : List.of("18", "99", "03")) {
            List<X12ClaimReader.Result> rs = read(dependentEdi().replace("PAT*01~", "PAT*" + code + "~"));
            assertThat(rs.get(2).error()).as(code).get().satisfies(e -> {
                assertThat(e.path()).isEqualTo("segment 43 (PAT) element 1");
                assertThat(e.detail()).startsWith("expected the patient's relationship to the subscriber, one of "
                        + "01, 19, 20, 21, 39, 40, 53, G8").contains("got \"" + code + "\"").contains("(claim V-5003)");
            });
            // The claims of the other patient loops are read.
            assertThat(rs.get(0).ok()).isTrue();
            assertThat(rs.get(3).ok()).isTrue();
        }
        assertThat(read(dependentEdi().replace("PAT*01~", "PAT*18~")).get(2).error().orElseThrow().detail())
                .contains("a patient who is the subscriber (18, self) has no patient loop (2000C)");
        // Near miss: every code of the list is read.
        for (String code : Subscriber.RELATIONSHIPS) {
            Visit v = read(dependentEdi().replace("PAT*01~", "PAT*" + code + "~")).get(2).visit().orElseThrow();
            assertThat(v.claimInfo().subscriber().relationship()).contains(code);
        }
    }

    /** A 2000C without PAT is refused naming its HL, not read as the subscriber's own claim. */
    @Test
    void aPatientLoopWithoutPatIsRefusedNamingItsHl() {
        String edi = dependentEdi().replace("PAT*01~\n", "").replace("SE*58*0001~", "SE*57*0001~");
        X12ClaimReader.Result r = read(edi).get(2);
        assertThat(r.error()).get().satisfies(e -> {
            assertThat(e.path()).isEqualTo("segment 42 (HL)");
            assertThat(e.detail()).startsWith("a patient loop (2000C) needs the patient's relationship to the "
                    + "subscriber (PAT01), and this one has no PAT");
        });
    }

    /** A patient loop under a subscriber whose SBR02 says the patient is the subscriber (18) contradicts itself. */
    @Test
    void aPatientLoopUnderASelfSubscriberIsRefused() {
        String edi = dependentEdi().replace("HL*4*1*22*1~\nSBR*P********CI~", "HL*4*1*22*1~\nSBR*P*18*******CI~");
        assertThat(edi).isNotEqualTo(dependentEdi());
        X12ClaimReader.Result r = read(edi).get(2);
        assertThat(r.error()).get().satisfies(e -> {
            assertThat(e.path()).isEqualTo("segment 43 (PAT) element 1");
            assertThat(e.detail()).contains("SBR02 is 18 (the patient is the subscriber)");
        });
        assertThat(read(edi).get(0).ok()).isTrue();
    }

    /** A patient loop under a subscriber whose HL04 says it has no child, or under the billing provider: refused. */
    @Test
    void aPatientLoopUnderTheWrongParentIsRefused() {
        String childless = dependentEdi().replace("HL*4*1*22*1~", "HL*4*1*22*0~");
        assertThat(childless).isNotEqualTo(dependentEdi());
        assertThat(read(childless).get(2).error()).get().satisfies(e -> {
            assertThat(e.path()).isEqualTo("segment 42 (HL) element 2");
            assertThat(e.detail()).startsWith("a patient loop (2000C) under subscriber HL 4, whose HL04 says it has "
                    + "no child (0)");
        });
        String underBilling = dependentEdi().replace("HL*5*4*23*0~", "HL*5*1*23*0~");
        assertThat(underBilling).isNotEqualTo(dependentEdi());
        assertThat(read(underBilling).get(2).error()).get().satisfies(e -> assertThat(e.detail())
                .startsWith("a patient loop (2000C, HL03 23) belongs under a subscriber (2000B, HL03 22); its parent "
                        + "HL 1 is level 20"));
        assertThat(read(underBilling).get(0).ok()).isTrue();
    }

    /** A dependent under a Medicare subscriber (2000B SBR09 MB) is refused naming PAT: Medicare has no dependents. */
    @Test
    void aPatientLoopUnderMedicareIsRefused() {
        String edi = dependentEdi().replace("HL*4*1*22*1~\nSBR*P********CI~", "HL*4*1*22*1~\nSBR*P********MB~");
        X12ClaimReader.Result r = read(edi).get(2);
        assertThat(r.error()).get().satisfies(e -> {
            assertThat(e.path()).isEqualTo("segment 43 (PAT) element 1");
            assertThat(e.detail()).contains("Medicare covers the beneficiary alone and has no dependents");
        });
        assertThat(read(edi).get(0).ok()).isTrue();
    }

    /**
     * The HL hierarchy a 999 checks (TR3): HL01 numbers the HLs 1, 2, 3 ... once each, HL02 is empty on 2000A and
     * names an earlier HL of the right level on 2000B (a billing provider) and 2000C (a subscriber). A broken one is
     * refused naming the HL's element, for every claim under it; the claims under other HLs are read.
     */
    @Test
    void aBrokenHlHierarchyIsRefusedNamingTheHl() {
        String edi = dependentEdi();
        record Broken(String from, String to, int claim, String path, String detail) {
        }
        List<Broken> cases = List.of(
                new Broken("HL*4*1*22*1~", "HL*4*7*22*1~", 2, "segment 38 (HL) element 2",
                        "a subscriber loop (2000B, HL03 22) names parent HL \"7\", which is no earlier HL of this "
                                + "transaction set"),
                new Broken("HL*4*1*22*1~", "HL*4**22*1~", 2, "segment 38 (HL) element 2",
                        "a subscriber loop (2000B, HL03 22) needs HL02, the number of its billing provider"),
                new Broken("HL*4*1*22*1~", "HL*4*3*22*1~", 2, "segment 38 (HL) element 2",
                        "a subscriber loop (2000B, HL03 22) belongs under a billing provider (2000A, HL03 20); its "
                                + "parent HL 3 is level 23"),
                new Broken("HL*5*4*23*0~", "HL*4*4*23*0~", 2, "segment 42 (HL) element 1",
                        "HL01 \"4\" is already the number of the HL at segment 38 of this transaction set"),
                new Broken("HL*5*4*23*0~", "HL*5*5*23*0~", 2, "segment 42 (HL) element 2",
                        "a patient loop (2000C, HL03 23) names parent HL \"5\", which is no earlier HL"),
                new Broken("HL*5*4*23*0~", "HL*5**23*0~", 2, "segment 42 (HL) element 2",
                        "a patient loop (2000C, HL03 23) needs HL02, the number of its subscriber (2000B, HL03 22) HL"),
                new Broken("HL*5*4*23*0~", "HL*9*4*23*0~", 2, "segment 42 (HL) element 1",
                        "HL01 must number the HLs of a transaction set 1, 2, 3 ... in order: expected \"5\", got "
                                + "\"9\""),
                new Broken("HL*1**20*1~", "HL*1*5*20*1~", 0, "segment 8 (HL) element 2",
                        "a billing provider loop (2000A, HL03 20) is the top of the hierarchy: HL02 must be empty, "
                                + "got \"5\""));
        for (Broken b : cases) {
            String bad = edi.replaceFirst(java.util.regex.Pattern.quote(b.from()), b.to());
            assertThat(bad).as(b.to()).isNotEqualTo(edi);
            List<X12ClaimReader.Result> rs = read(bad);
            assertThat(rs).as(b.to()).hasSize(4);
            assertThat(rs.get(b.claim()).error()).as(b.to()).get().satisfies(e -> {
                assertThat(e.path()).isEqualTo(b.path());
                assertThat(e.detail()).startsWith(b.detail());
            });
            // The 837I's transaction set, whose HLs start again at 1, is read.
            assertThat(rs.get(3).ok()).as(b.to()).isTrue();
        }
        // The claims under the good HLs are read: a broken 2000B or 2000C of the third claim leaves the first two.
        List<X12ClaimReader.Result> underFourth = read(edi.replace("HL*4*1*22*1~", "HL*4*7*22*1~"));
        assertThat(underFourth.get(0).ok()).isTrue();
        assertThat(underFourth.get(1).ok()).isTrue();
        // Near miss: the file as written (two transaction sets, each numbering its HLs from 1) reads whole.
        assertThat(read(edi)).hasSize(4).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }
}
