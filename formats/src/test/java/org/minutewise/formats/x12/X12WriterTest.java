package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.BillingProvider;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.SecondaryCoverage;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Subscriber;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitOutput;

class X12WriterTest {
    private static Visit base() {
        return X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
    }

    private static String write(Visit v) {
        return X12Writer.write(List.of(X12Fixtures.CHECKER.check(v)), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
    }

    private static Visit withClaimInfo(Visit v, UnaryOperator<ClaimInfo> f) {
        return v.toBuilder().claimInfo(f.apply(v.claimInfo())).build();
    }

    private static Visit withBilling(Visit v, UnaryOperator<BillingProvider> f) {
        return withClaimInfo(v, c -> new ClaimInfo(f.apply(c.billingProvider()), c.payerName(), c.payerId(),
                c.subscriber(), c.placeOfService()));
    }

    private static Visit withSubscriber(Visit v, UnaryOperator<Subscriber> f) {
        return withClaimInfo(v, c -> new ClaimInfo(c.billingProvider(), c.payerName(), c.payerId(),
                f.apply(c.subscriber()), c.placeOfService()));
    }

    /**
     * Billed lines written back as an 837 name the same rendering provider as the engine's claim: the supervising
     * therapist of an assistant's line (NM1*82 was missing, and an audit of that 837 blocked with MW-W004).
     */
    @Test
    void billedLinesKeepTheRenderingProvider() {
        Visit billed = base().toBuilder().billed(List.of(
                new org.minutewise.core.model.BilledLine("97112", List.of("GP"), 2, Optional.of(new java.math.BigDecimal("130"))),
                new org.minutewise.core.model.BilledLine("97110", List.of("GP", "CQ"), 1,
                        Optional.of(new java.math.BigDecimal("60"))))).build();
        String out = write(billed);
        assertThat(out.split("~\\s*")).filteredOn(seg -> seg.startsWith("NM1*82*")).isNotEmpty()
                .allSatisfy(seg -> assertThat(seg).endsWith("*XX*1987654328"));
    }

    /**
     * A second therapist whose NPI is the billing provider's (a solo practitioner billing under their own NPI) beside
     * a therapist with their own: the claim names the other as its rendering provider (2310B), and that line its own
     * (2420A); it was refused as if the line named no rendering provider.
     */
    @Test
    void aLineRenderedUnderTheBillingNpiBesideAnotherTherapistCarriesItsOwn2420() {
        Visit v = base();
        List<ServiceLine> services = new java.util.ArrayList<>(v.services());
        services.set(1, services.get(1).withProvider(new Provider(Optional.of("T3"),
                org.minutewise.core.model.Role.PT, Optional.of("1234567893"))));
        String out = write(v.toBuilder().services(services).build());
        assertThat(out.split("~\\s*")).filteredOn(seg -> seg.startsWith("NM1*82*")).extracting(seg ->
                seg.substring(seg.lastIndexOf('*') + 1)).containsExactly("1987654328", "1234567893");
    }

    /**
     * TR3 2010AA N3 is a street address; a PO box belongs in the pay-to loop (2010AB), which Minutewise does not
     * write: refused, naming the field, rather than written into N301 (a clearinghouse rejects it).
     */
    @Test
    void aPoBoxAsTheBillingProvidersAddressIsRefused() {
        for (String box : List.of("PO Box 1234", "P.O. Box 77", "p o box 5", "Post Office Box 9", "LOCKBOX 4410",
                "POBOX 3")) {
            Visit v = withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(), b.name(), Optional.of(
                    new org.minutewise.core.model.Address(box, Optional.empty(), "Columbus", "OH", "430041234"))));
            assertThatThrownBy(() -> write(v)).as(box).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("billingProvider.address.line1: the billing provider's address (837 loop"
                            + " 2010AA N3) must be a street address, not a PO box");
        }
        Visit line2 = withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(), b.name(), Optional.of(
                new org.minutewise.core.model.Address("100 Main St", Optional.of("P.O. Box 12"), "Columbus", "OH",
                        "430041234"))));
        assertThatThrownBy(() -> write(line2)).hasMessageStartingWith("billingProvider.address.line2:");
        // Street names that merely contain the letters are street addresses.
        for (String street : List.of("12 Boxwood Ln", "5 Hippo Box Rd", "40 Depot Rd")) {
            Visit v = withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(), b.name(), Optional.of(
                    new org.minutewise.core.model.Address(street, Optional.empty(), "Columbus", "OH", "430041234"))));
            assertThat(write(v)).as(street).contains("N3*" + street + "~");
        }
    }

    /** A patient who is not the subscriber (a child under a parent's plan) is refused, never billed as the parent. */
    @Test
    void aDependentPatientIsRefusedNotBilledAsTheSubscriber() {
        Visit child = base().toBuilder().patient(new org.minutewise.core.model.Patient(Optional.of("P-KID"),
                Optional.of(java.time.LocalDate.of(2015, 6, 1)), org.minutewise.core.model.YearToDate.NONE,
                org.minutewise.core.model.YearToDate.NONE)).build();
        assertThat(child.claimInfo().subscriber().birthDate()).isPresent();
        assertThatThrownBy(() -> write(child)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("patient.birthDate: the patient (born 2015-06-01) is not the subscriber");
    }

    /** Accents are folded into the X12 character set (a 999 rejects raw UTF-8); a character with no plain form is named. */
    @Test
    void namesAreWrittenInTheX12CharacterSet() {
        Visit accented = withSubscriber(base(), sub -> new Subscriber(sub.memberId(),
                Optional.of("Muñoz-Núñez"), Optional.of("Zoë"), sub.birthDate(), sub.sex(), sub.address()));
        assertThat(write(accented)).contains("NM1*IL*1*Munoz-Nunez*Zoe");
        Visit han = withSubscriber(base(), sub -> new Subscriber(sub.memberId(), Optional.of("王"),
                sub.firstName(), sub.birthDate(), sub.sex(), sub.address()));
        assertThatThrownBy(() -> write(han)).isInstanceOf(InputException.class)
                .hasMessageContaining("subscriber.lastName").hasMessageContaining("X12 character set");
    }

    @Test
    void missingBillingNpiNamesTheFieldAndWritesNothing() {
        Visit v = withBilling(base(), b -> new BillingProvider(Optional.empty(), b.taxId(), b.name(), b.address()));
        assertThatThrownBy(() -> write(v)).isInstanceOf(InputException.class)
                .hasMessage("billingProvider.npi: required for X12 837P (2010AA NM109, the billing provider's NPI) "
                        + "(visit V-1001)");
    }

    /** 2010BA N3/N4: the subscriber's address, required when the patient is the subscriber (every claim here). */
    @Test
    void theSubscribersAddressIsWrittenAndRequired() {
        assertThat(write(base())).contains("NM1*IL*1*Doe*Jane****MI*1EG4TE5MK73~").contains("N3*12 Elm St~")
                .contains("N4*Columbus*OH*43215~");
        Visit none = withSubscriber(base(), s -> new Subscriber(s.memberId(), s.lastName(), s.firstName(),
                s.birthDate(), s.sex()));
        assertThatThrownBy(() -> write(none)).isInstanceOf(InputException.class).hasMessage("subscriber.address: "
                + "required for X12 837P (2010BA N3/N4: the patient is the subscriber); or give patient.address "
                + "(visit V-1001)");
    }

    @Test
    void missingSubscriberIdNamesTheField() {
        Visit v = withSubscriber(base(), s -> new Subscriber(Optional.empty(), s.lastName(), s.firstName(),
                s.birthDate(), s.sex(), s.address()));
        assertThatThrownBy(() -> write(v)).isInstanceOf(InputException.class)
                .hasMessage("subscriber.memberId: required for X12 837P (2010BA NM109, the member id on the payer's "
                        + "card) (visit V-1001)");
    }

    /**
     * Every field a claim lacks is named at once (the user fixed one, reran, and was told the next): the billing NPI,
     * the member id and the diagnoses, each with its loop and element, in the order of the claim; the message holds
     * them all and the visit once, at the end.
     */
    @Test
    void everyMissingFieldIsNamedAtOnce() {
        Visit v = withSubscriber(withBilling(base(), b -> new BillingProvider(Optional.empty(), b.taxId(), b.name(),
                b.address())), s -> new Subscriber(Optional.empty(), s.lastName(), s.firstName(), s.birthDate(), s.sex(),
                s.address())).toBuilder().diagnoses(List.of()).build();
        assertThatThrownBy(() -> write(v)).isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class, e -> {
            assertThat(e.problems()).extracting(InputException::path)
                    .containsExactly("billingProvider.npi", "subscriber.memberId", "diagnoses");
            assertThat(e.problems()).extracting(InputException::detail).containsExactly(
                    "required for X12 837P (2010AA NM109, the billing provider's NPI)",
                    "required for X12 837P (2010BA NM109, the member id on the payer's card)",
                    "required for X12 837P (2300 HI): at least one ICD-10-CM code (visit V-1001)");
            assertThat(e.path()).isEqualTo("billingProvider.npi");
            assertThat(e.getMessage()).contains("; subscriber.memberId: required").endsWith("(visit V-1001)");
        });
        // In a batch, each is located in its visit; writeWritable returns them all with the claim left out.
        CheckResult bad = X12Fixtures.CHECKER.check(v);
        assertThatThrownBy(() -> X12Writer.write(List.of(X12Fixtures.CHECKER.check(base()), bad), X12Fixtures.ENVELOPE,
                X12Fixtures.NOW)).isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class, e ->
                assertThat(e.problems()).extracting(InputException::path).containsExactly("[1].billingProvider.npi",
                        "[1].subscriber.memberId", "[1].diagnoses"));
        assertThat(X12Writer.writeWritable(List.of(bad), X12Fixtures.ENVELOPE, X12Fixtures.NOW,
                X12Fixtures.REF.payers()).refused()).singleElement().satisfies(r -> assertThat(r.error())
                .isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class, e -> assertThat(e.problems())
                        .hasSize(3)));
    }

    /**
     * From a review: with no billing provider at all and another field missing, the billing provider's four were one
     * problem (its own collector's, nested), printed as one line; each is a problem of its own. Near miss: the billing
     * provider alone missing is the same four.
     */
    @Test
    void theBillingProvidersMissingFieldsAreEachAProblemBesideOthers() {
        Visit noBilling = withBilling(base(), b -> BillingProvider.NONE);
        Visit v = withSubscriber(noBilling, s -> new Subscriber(Optional.empty(), s.lastName(), s.firstName(),
                s.birthDate(), s.sex(), s.address()));
        assertThatThrownBy(() -> write(v)).isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class, e ->
                assertThat(e.problems()).extracting(InputException::path).containsExactly("billingProvider.npi",
                        "billingProvider.taxId", "billingProvider.name", "billingProvider.address",
                        "subscriber.memberId"));
        assertThatThrownBy(() -> write(noBilling)).isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class,
                e -> assertThat(e.problems()).extracting(InputException::path).containsExactly("billingProvider.npi",
                        "billingProvider.taxId", "billingProvider.name", "billingProvider.address"));
    }

    /**
     * Two lines without a rendering NPI beside one rendered under another therapist's: both are named in one run (with
     * the billing NPI missing too, the lines are not compared with it and no line is named on its account).
     */
    @Test
    void everyLineWithoutARenderingNpiIsNamed() {
        String json = "{\"id\":\"V-R1\",\"dateOfService\":\"2026-03-02\",\"payer\":\"commercial\",\"planOfCare\":"
                + "\"PT\",\"setting\":\"private-practice\",\"patient\":{\"id\":\"P-1\",\"birthDate\":\"1948-05-01\"},"
                + "\"diagnoses\":[\"M54.50\"],\"services\":["
                + "{\"code\":\"97110\",\"minutes\":15,\"provider\":{\"id\":\"T1\",\"role\":\"PT\",\"npi\":\"1245319599\"}},"
                + "{\"code\":\"97112\",\"minutes\":15,\"provider\":{\"id\":\"T3\",\"role\":\"PT\"}},"
                + "{\"code\":\"97140\",\"minutes\":15,\"provider\":{\"id\":\"T4\",\"role\":\"PT\"}}],"
                + "\"billingProvider\":{\"npi\":\"1234567893\",\"taxId\":\"123456789\",\"name\":\"Riverside\","
                + "\"address\":{\"line1\":\"100 Main St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"432151234\"}},"
                + "\"payerName\":\"Acme Health\",\"payerId\":\"60054\",\"subscriber\":{\"memberId\":\"W123456789\","
                + "\"lastName\":\"Doe\",\"firstName\":\"Jane\",\"birthDate\":\"1948-05-01\",\"sex\":\"F\",\"address\":"
                + "{\"line1\":\"12 Elm St\",\"city\":\"Columbus\",\"state\":\"OH\",\"zip\":\"43215\"}}}";
        org.minutewise.formats.VisitJsonReader reader = new org.minutewise.formats.VisitJsonReader(X12Fixtures.REF);
        Visit v = reader.read(reader.parse(json));
        assertThatThrownBy(() -> write(v)).isInstanceOfSatisfying(org.minutewise.formats.InputProblems.class, e ->
                assertThat(e.problems()).extracting(InputException::path)
                        .containsExactly("services[1].provider.npi", "services[2].provider.npi"));
        Visit noBillingNpi = withBilling(v, b -> new BillingProvider(Optional.empty(), b.taxId(), b.name(),
                b.address()));
        assertThatThrownBy(() -> write(noBillingNpi)).isExactlyInstanceOf(InputException.class)
                .hasMessageStartingWith("billingProvider.npi: required for X12 837P");
    }

    /** Near miss: one field missing is one plain error, as before. */
    @Test
    void oneMissingFieldIsOneError() {
        Visit v = withBilling(base(), b -> new BillingProvider(b.npi(), Optional.empty(), b.name(), b.address()));
        assertThatThrownBy(() -> write(v)).isExactlyInstanceOf(InputException.class)
                .hasMessage("billingProvider.taxId: required for X12 837P (2010AA REF*EI, the billing provider's tax "
                        + "id) (visit V-1001)");
    }

    @Test
    void otherMissingClaimData() {
        assertThatThrownBy(() -> write(withClaimInfo(base(), c -> new ClaimInfo(c.billingProvider(), c.payerName(),
                Optional.empty(), c.subscriber(), c.placeOfService()))))
                .hasMessageStartingWith("payerId: required for X12 837P");
        assertThatThrownBy(() -> write(withBilling(base(), b -> new BillingProvider(b.npi(), Optional.empty(),
                b.name(), b.address())))).hasMessageStartingWith("billingProvider.taxId: required for X12 837P");
        assertThatThrownBy(() -> write(withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(), b.name(),
                Optional.empty())))).hasMessageStartingWith("billingProvider.address: required for X12 837P");
        assertThatThrownBy(() -> write(base().toBuilder().diagnoses(List.of()).build()))
                .hasMessageStartingWith("diagnoses: required for X12 837P");
        assertThatThrownBy(() -> write(withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(),
                Optional.of("Smith * Jones PT"), b.address()))))
                .hasMessageStartingWith("billingProvider.name: contains \"*\", which X12 reserves as a delimiter");
    }

    @Test
    void birthDateFallsBackToThePatientsThenIsRequired() {
        Visit noSubscriberBirth = withSubscriber(base(), s -> new Subscriber(s.memberId(), s.lastName(),
                s.firstName(), Optional.empty(), s.sex(), s.address()));
        assertThat(write(noSubscriberBirth)).contains("DMG*D8*19480501*F~");
        Visit none = noSubscriberBirth.toBuilder().patient(org.minutewise.core.model.Patient.UNKNOWN).build();
        assertThatThrownBy(() -> write(none)).hasMessageStartingWith("subscriber.birthDate: required for X12 837P");
    }

    @Test
    void fiveDigitZipIsNotEnoughForTheBillingProvider() {
        Visit v = withBilling(base(), b -> new BillingProvider(b.npi(), b.taxId(), b.name(), b.address().map(a ->
                new org.minutewise.core.model.Address(a.line1(), a.line2(), a.city(), a.state(), "43004"))));
        assertThatThrownBy(() -> write(v)).hasMessageStartingWith(
                "billingProvider.address.zip: X12 837P needs the 9-digit ZIP+4 of the billing provider");
    }

    @Test
    void assistantWithoutSupervisingTherapistIsAnErrorNamingTheLine() {
        Visit v = base();
        List<ServiceLine> services = new java.util.ArrayList<>(v.services());
        for (int i = 0; i < services.size(); i++) {
            ServiceLine s = services.get(i);
            if (s.provider().role().isAssistant()) {
                services.set(i, s.withProvider(new Provider(s.provider().id(), s.provider().role(), Optional.empty())));
            }
        }
        // Only an assistant on the visit: no therapist the claim could name as rendering provider.
        services.removeIf(s -> !s.provider().role().isAssistant());
        Visit alone = v.toBuilder().services(services).build();
        assertThatThrownBy(() -> write(alone)).isInstanceOf(InputException.class)
                .hasMessageContaining(".provider.supervisorNpi: required for X12 837P: PTA T2 furnished");
    }

    /**
     * One clinician id is one NPI: the supervisor's NPI given once, on the therapist's own line, serves the
     * assistant's line that names the supervisor by id (the 837 asked for services[i].provider.supervisorNpi on every
     * such line: an integrator's review). The supervisor named by another id is still an error.
     */
    @Test
    void theSupervisorsNpiGivenOnceServesEveryLineNamingTheSupervisorById() {
        Visit v = base();
        List<ServiceLine> services = new java.util.ArrayList<>(v.services());
        for (int i = 0; i < services.size(); i++) {
            Provider p = services.get(i).provider();
            if (p.role().isAssistant()) {
                services.set(i, services.get(i).withProvider(new Provider(p.id(), p.role(), Optional.empty(),
                        p.supervisorId(), Optional.empty())));
            }
        }
        String edi = write(v.toBuilder().services(services).build());
        assertThat(edi).contains("NM1*82*1*T1*****XX*1987654328~").contains("SV1*HC:97110:GP:CQ*65*UN*1***1:2~");

        for (int i = 0; i < services.size(); i++) {
            Provider p = services.get(i).provider();
            if (p.role().isAssistant()) {
                services.set(i, services.get(i).withProvider(new Provider(p.id(), p.role(), Optional.empty(),
                        Optional.of("T9"), Optional.empty())));
            }
        }
        Visit otherSupervisor = v.toBuilder().services(services).build();
        assertThatThrownBy(() -> write(otherSupervisor)).isInstanceOf(InputException.class)
                .hasMessageContaining(".provider.supervisorNpi: required for X12 837P: PTA T2 furnished");
    }

    @Test
    void renderingProviderIsTheSupervisingTherapistWhenAnAssistantTreated() {
        String edi = write(base());
        assertThat(edi).contains("NM1*82*1*T1*****XX*1987654328~")
                .contains("SV1*HC:97110:GP:CQ*65*UN*1***1:2~")
                .doesNotContain("T2");
    }

    @Test
    void batchErrorsArePrefixedWithTheVisitIndex() {
        Visit good = base();
        Visit bad = withSubscriber(base().toBuilder().build(), s -> new Subscriber(s.memberId(), Optional.empty(),
                s.firstName(), s.birthDate(), s.sex(), s.address()));
        List<CheckResult> rs = List.of(X12Fixtures.CHECKER.check(good), X12Fixtures.CHECKER.check(bad));
        assertThatThrownBy(() -> X12Writer.write(rs, X12Fixtures.ENVELOPE, X12Fixtures.NOW))
                .hasMessage("[1].subscriber.lastName: required for X12 837P (2010BA NM103) (visit V-1001)");
    }

    /**
     * writeWritable: a visit the 837 cannot carry is returned with its index and the missing field, and the others
     * are written exactly as write writes them alone (the bad one first or last).
     */
    @Test
    void writeWritableWritesTheClaimsItCanAndReturnsTheOthers() {
        CheckResult good = X12Fixtures.CHECKER.check(base());
        CheckResult bad = X12Fixtures.CHECKER.check(withBilling(base(),
                b -> new BillingProvider(Optional.empty(), b.taxId(), b.name(), b.address())));
        String alone = X12Writer.write(List.of(good), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
        for (List<CheckResult> rs : List.of(List.of(good, bad), List.of(bad, good))) {
            X12Writer.Partial p = X12Writer.writeWritable(rs, X12Fixtures.ENVELOPE, X12Fixtures.NOW,
                    X12Fixtures.REF.payers());
            assertThat(p.x12()).contains(alone);
            assertThat(p.refused()).singleElement().satisfies(r -> {
                assertThat(r.index()).isEqualTo(rs.indexOf(bad));
                assertThat(r.result()).isSameAs(bad);
                assertThat(r.error().path()).isEqualTo("billingProvider.npi");
                assertThat(r.error().detail()).isEqualTo("required for X12 837P (2010AA NM109, the billing provider's NPI)");
            });
        }
        X12Writer.Partial none = X12Writer.writeWritable(List.of(bad), X12Fixtures.ENVELOPE, X12Fixtures.NOW,
                X12Fixtures.REF.payers());
        assertThat(none.x12()).isEmpty();
        assertThat(none.refused()).hasSize(1);
    }

    /** Near-miss: a batch that is all writable comes out of writeWritable byte for byte as write (golden) makes it. */
    @Test
    void writeWritableOfAWritableBatchIsWhatWriteWrites() {
        List<CheckResult> rs = X12Fixtures.checked(X12Fixtures.DIR.resolve("write/batch-mixed.json"));
        X12Writer.Partial p = X12Writer.writeWritable(rs, X12Fixtures.ENVELOPE, X12Fixtures.NOW,
                X12Fixtures.REF.payers());
        assertThat(p.refused()).isEmpty();
        assertThat(p.x12()).contains(X12Writer.write(rs, X12Fixtures.ENVELOPE, X12Fixtures.NOW,
                X12Fixtures.REF.payers()));
    }

    /** The envelope writes CCYYMMDD: a creation year past 9999 is an input error, not a DateTimeException. */
    @Test
    void aCreationYearPast9999IsAnInputError() {
        List<CheckResult> rs = List.of(X12Fixtures.CHECKER.check(base()));
        java.time.LocalDateTime far = java.time.LocalDateTime.of(99999, 1, 1, 10, 0);
        assertThatThrownBy(() -> X12Writer.write(rs, X12Fixtures.ENVELOPE, far)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("created: the interchange's date must be in the years 1 to 9999");
        assertThatThrownBy(() -> X12Writer.writeWritable(rs, X12Fixtures.ENVELOPE, far, X12Fixtures.REF.payers()))
                .isInstanceOf(InputException.class);
        java.time.LocalDateTime last = java.time.LocalDateTime.of(9999, 12, 31, 23, 59);
        assertThat(X12Writer.write(rs, X12Fixtures.ENVELOPE, last)).contains("*99991231*2359*");
    }

    /**
     * A visit JSON naming the clinician (provider.name, an assistant's supervisorName: "Last, First") has the
     * rendering provider named so in NM1*82; without a name NM103 is the clinician's id (near miss, the goldens).
     */
    @Test
    void theRenderingProviderIsNamedWhenTheVisitNamesTheClinician() {
        com.fasterxml.jackson.databind.node.ObjectNode json = org.minutewise.formats.VisitJsonWriter.write(base());
        for (com.fasterxml.jackson.databind.JsonNode s : json.get("services")) {
            com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode)
                    s.get("provider");
            p.put(p.has("supervisorNpi") ? "supervisorName" : "name", "Reyes, Tomas J");
        }
        Visit named = new org.minutewise.formats.VisitJsonReader(X12Fixtures.REF).read(json);
        assertThat(named.services()).allSatisfy(l -> assertThat(l.provider().name().or(() -> l.provider()
                .supervisorName())).contains("Reyes, Tomas J"));
        String edi = write(named);
        assertThat(edi).contains("\nNM1*82*1*Reyes*Tomas*J***XX*1987654328~").doesNotContain("NM1*82*1*T1*");
        assertThat(X12Validation.errors(edi)).isEmpty();
        assertThat(write(base())).contains("\nNM1*82*1*T1*****XX*1987654328~");
    }

    /** The rendering-organization fixture's visit JSON with its first service's provider changed by {@code f}. */
    private static Visit organizationVisit(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>
                                                   f) {
        com.fasterxml.jackson.databind.node.ObjectNode json = org.minutewise.formats.VisitJsonWriter.write(
                X12Fixtures.visits(X12Fixtures.DIR.resolve("write/rendering-organization.json")).get(0));
        f.accept((com.fasterxml.jackson.databind.node.ObjectNode) json.get("services").get(0).get("provider"));
        return new org.minutewise.formats.VisitJsonReader(X12Fixtures.REF).read(json);
    }

    private static List<String> renderingSegments(String edi) {
        return java.util.Arrays.stream(edi.split("~\\s*")).filter(seg -> seg.startsWith("NM1*82*")).toList();
    }

    /**
     * A line billed under an organization's NPI (provider.organization, no person's name) names it as the rendering
     * provider with entity type 2 and its name in NM103 alone, once for the claim (2310B): the assistant's line under
     * that NPI shares it, and the other therapist's line names her (2420A). The NPI or the id went into a person's
     * last name (NM1*82*1*GRP). Near misses: a person's name beside the organization wins; without either, NM103 is
     * the id as before.
     */
    @Test
    void aRenderingOrganizationIsEntityTypeTwoNamedInNm103Alone() {
        String edi = write(organizationVisit(p -> { }));
        assertThat(renderingSegments(edi)).containsExactly("NM1*82*2*Riverside PT Associates*****XX*1245319599",
                "NM1*82*1*Jones*Bob****XX*1628394755");
        assertThat(X12Validation.errors(edi)).isEmpty();

        String person = write(organizationVisit(p -> p.put("name", "Reyes, Tomas")));
        assertThat(renderingSegments(person)).containsExactly("NM1*82*1*Reyes*Tomas****XX*1245319599",
                "NM1*82*1*Jones*Bob****XX*1628394755");
        String bare = write(organizationVisit(p -> p.remove("organization")));
        assertThat(renderingSegments(bare)).first().isEqualTo("NM1*82*1*GRP*****XX*1245319599");

        Visit tooLong = organizationVisit(p -> p.put("organization", "R".repeat(61)));
        assertThatThrownBy(() -> write(tooLong)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("services[0].provider.organization:");
    }

    @Test
    void institutionalSettingGoesTo837iAndProfessionalWriterCanForce837p() {
        Visit hopd = certifiedBy(base(), "Dr. Maria Chen", "1287654325").toBuilder()
                .setting(Setting.HOSPITAL_OUTPATIENT).build();
        String picked = write(hopd);
        assertThat(picked).contains("GS*HC*MINUTEWISE*CLEARINGHOUSE*20261123*1200*7*X*005010X223A2~")
                .contains("CLM*V-1001*").contains(":A:1**A*Y*Y~").contains("SV2*0420*HC:97112:GP*");
        assertThat(X12Validation.errors(picked)).isEmpty();
        String forced = X12ClaimWriter.write(List.of(X12Fixtures.CHECKER.check(hopd)), X12Fixtures.ENVELOPE,
                X12Fixtures.NOW);
        assertThat(forced).contains("005010X222A1").contains("SV1*HC:97112:GP*");
        assertThatThrownBy(() -> X12InstitutionalWriter.write(List.of(X12Fixtures.CHECKER.check(base())),
                X12Fixtures.ENVELOPE, X12Fixtures.NOW))
                .hasMessageStartingWith("setting: private-practice is billed on the professional claim (837P)");
    }

    private static Visit certifiedBy(Visit v, String physician, String npi) {
        return v.toBuilder().certification(new Certification(Optional.empty(), Optional.empty(),
                Optional.ofNullable(physician), Optional.ofNullable(npi))).build();
    }

    /**
     * An 837I carries the principal diagnosis and up to 24 others, twelve to an HI segment; it is read back whole.
     * The 837P holds twelve.
     */
    @Test
    void anInstitutionalClaimCarriesTwentyFourOtherDiagnoses() {
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            codes.add(String.format("S93.4%02dD", i));
        }
        codes.set(0, "I69.351");
        Visit many = certifiedBy(base(), "Dr. Maria Chen", "1287654325").toBuilder()
                .setting(Setting.HOSPITAL_OUTPATIENT).diagnoses(codes).build();
        String edi = write(many);
        List<String> hi = java.util.Arrays.stream(edi.split("~\\s*")).filter(seg -> seg.startsWith("HI*")).toList();
        assertThat(hi).hasSize(3);
        assertThat(hi.get(0)).startsWith("HI*ABK:I69351");
        assertThat(hi.get(1).split("\\*")).hasSize(13);
        assertThat(hi.get(2).split("\\*")).hasSize(13);
        Visit back = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(back.diagnoses()).hasSize(25);
        assertThatThrownBy(() -> write(many.toBuilder().setting(Setting.PRIVATE_PRACTICE).build()))
                .hasMessageStartingWith("diagnoses: at most 12");
    }

    /** Medicare wants the certifying physician's NPI: 2310A referring on the 837P, attending on the 837I. */
    @Test
    void theCertifyingPhysicianIsTheReferringProviderOf837pAndTheAttendingOf837i() {
        Visit v = certifiedBy(base(), "Dr. Maria Chen", "1287654325");
        String p = write(v);
        assertThat(p).contains("\nNM1*DN*1*Chen*Maria****XX*1287654325~");
        assertThat(p.indexOf("NM1*DN*")).isGreaterThan(p.indexOf("\nHI*")).isLessThan(p.indexOf("\nLX*1~"));
        assertThat(X12Validation.errors(p)).isEmpty();
        String i = write(v.toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build());
        assertThat(i).contains("\nNM1*71*1*Chen*Maria****XX*1287654325~").doesNotContain("NM1*DN");
        assertThat(X12Validation.errors(i)).isEmpty();
        // Read back: the loop becomes the visit's certification (no dates on a claim).
        for (String edi : List.of(p, i)) {
            Visit back = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
            assertThat(back.certification().flatMap(Certification::physicianNpi)).contains("1287654325");
            assertThat(back.certification().flatMap(Certification::physician)).contains("Maria Chen");
        }
        // A referring provider named without an NPI is still the certifying physician (the check asks for the NPI).
        Visit noNpi = X12ClaimReader.read(p.replace("NM1*DN*1*Chen*Maria****XX*1287654325~", "NM1*DN*1*Chen*Maria~"),
                "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(noNpi.certification().flatMap(Certification::physician)).contains("Maria Chen");
        assertThat(noNpi.certification().flatMap(Certification::physicianNpi)).isEmpty();
        // Without the NPI the loop is left out of the 837P, where it is situational (the check warns MW-P004).
        assertThat(write(certifiedBy(base(), "Dr. Maria Chen", null))).doesNotContain("NM1*DN");
    }

    /**
     * The 837I's attending provider (2310A NM1*71) is required (X223A2): a visit without the certifying physician's
     * NPI is refused for the 837I naming certification.physicianNpi, and nothing is written; writeWritable sets it
     * aside and writes the others.
     */
    @Test
    void an837iWithoutTheAttendingProvidersNpiIsRefused() {
        for (Visit v : List.of(base(), certifiedBy(base(), "Dr. Maria Chen", null))) {
            Visit hopd = v.toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build();
            assertThatThrownBy(() -> write(hopd)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("certification.physicianNpi: required for X12 837I: the attending "
                            + "provider (loop 2310A NM1*71)");
            X12Writer.Partial p = X12Writer.writeWritable(List.of(X12Fixtures.CHECKER.check(base()),
                    X12Fixtures.CHECKER.check(hopd)), X12Fixtures.ENVELOPE, X12Fixtures.NOW, X12Fixtures.REF.payers());
            assertThat(p.refused()).singleElement().satisfies(r -> {
                assertThat(r.index()).isEqualTo(1);
                assertThat(r.error().path()).isEqualTo("certification.physicianNpi");
            });
            assertThat(p.x12()).get().asString().contains("005010X222A1").doesNotContain("005010X223A2");
        }
        // Near miss: with the NPI the 837I is written with its attending provider; the 837P without one is written.
        Visit certified = certifiedBy(base(), "Dr. Maria Chen", "1287654325").toBuilder()
                .setting(Setting.HOSPITAL_OUTPATIENT).build();
        assertThat(write(certified)).contains("005010X223A2").contains("\nNM1*71*1*Chen*Maria****XX*1287654325~");
        assertThat(write(base())).contains("005010X222A1").doesNotContain("NM1*DN");
    }

    @Test
    void theCertifyingPhysiciansNameAndNpiAreChecked() {
        assertThatThrownBy(() -> write(certifiedBy(base(), null, "1287654325"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("certification.physician: required with certification.physicianNpi");
        assertThatThrownBy(() -> write(certifiedBy(base(), "Dr. Chen", "1287654320")))
                .hasMessageStartingWith("certification.physicianNpi: not a valid NPI");
        assertThatThrownBy(() -> write(certifiedBy(base(), "Dr.", "1287654325")))
                .hasMessageStartingWith("certification.physician: no name left");
    }

    @Test
    void personNamesSplitAsPeopleWriteThem() {
        assertThat(X12Claim.personName("Dr. Maria Chen")).containsExactly("Chen", "Maria", "");
        assertThat(X12Claim.personName("Maria Chen, MD")).containsExactly("Chen", "Maria", "");
        assertThat(X12Claim.personName("Rahul K. Menon, MD (neurology)")).containsExactly("Menon", "Rahul", "K.");
        assertThat(X12Claim.personName("Welby")).containsExactly("Welby", "", "");
        assertThat(X12Claim.personName("DR  Ann  Lee")).containsExactly("Lee", "Ann", "");
        // The last name first, as many records write it; credentials without a comma.
        assertThat(X12Claim.personName("Chen, Maria")).containsExactly("Chen", "Maria", "");
        assertThat(X12Claim.personName("Chen, Maria L., MD")).containsExactly("Chen", "Maria", "L.");
        assertThat(X12Claim.personName("Thomas Reilly DO")).containsExactly("Reilly", "Thomas", "");
        assertThat(X12Claim.personName("Anh Do")).containsExactly("Do", "Anh", "");
        assertThat(X12Claim.personName("Van Der Berg, Anna")).containsExactly("Van Der Berg", "Anna", "");
        assertThat(X12Claim.personName("Dr Chen, Maria")).containsExactly("Chen", "Maria", "");
    }

    @Test
    void validatorFindsAMalformed837i() {
        String edi = X12Fixtures.read(X12Fixtures.DIR.resolve("write/institutional-ot-slp.edi"));
        assertThat(X12Validation.errors(edi)).isEmpty();
        String broken = edi.replace("SV2*0440*HC:92526:GN*120*UN*1~", "SV1*HC:92526:GN*120*UN*1***1~")
                .replace("CL1***01~", "CL1***01*X*Y~");
        assertThat(X12Validation.errors(broken))
                .anySatisfy(e -> assertThat(e).startsWith("segment 22 (CL1) element 5: too many elements"))
                .anySatisfy(e -> assertThat(e).startsWith("segment 31 (SV1): segment out of place"));
    }

    @Test
    void typeOfBillAndRevenueCodesBySetting() {
        assertThat(X12Claim.typeOfBill(Setting.HOSPITAL_OUTPATIENT)).isEqualTo("131");
        assertThat(X12Claim.typeOfBill(Setting.REHAB_AGENCY)).isEqualTo("741");
        assertThat(X12Claim.typeOfBill(Setting.CORF)).isEqualTo("751");
        assertThat(X12Claim.typeOfBill(Setting.SNF_PART_B)).isEqualTo("221");
        assertThat(X12Claim.typeOfBill(Setting.HOME_HEALTH)).isEqualTo("341");
        assertThat(X12Claim.typeOfBill(Setting.CAH)).isEqualTo("851");
        for (Setting s : Setting.values()) {
            assertThat(X12Claim.typeOfBill(s).isEmpty()).isEqualTo(!s.institutional());
        }
    }

    @Test
    void envelopeValuesAreChecked() {
        assertThatThrownBy(() -> X12Envelope.defaults().withSender("ZZ", "THIS ID IS FAR TOO LONG"))
                .hasMessageStartingWith("envelope.senderId:");
        assertThatThrownBy(() -> X12Envelope.defaults().withUsage("X")).hasMessageStartingWith("envelope.usage:");
        assertThatThrownBy(() -> X12Envelope.defaults().withControlNumbers(0, 1))
                .hasMessageStartingWith("envelope.interchangeControlNumber:");
        assertThatThrownBy(() -> X12Envelope.defaults().withControlNumbers(1, 1_000_000_000))
                .hasMessage("envelope.groupControlNumber: must be from 1 to 999999999, got 1000000000");
    }

    /**
     * GS06 is 1 to 9 digits: 999999999 is a valid group control number for an interchange of one group (it was
     * refused, "from 1 to 999999998"); a mixed batch's second group takes the next number, so there the first may be
     * at most 999999998, and the error says that bound.
     */
    @Test
    void theHighestGroupControlNumberDependsOnTheGroupsWritten() {
        X12Envelope top = X12Fixtures.ENVELOPE.withControlNumbers(999_999_999, 999_999_999);
        String one = X12Writer.write(List.of(X12Fixtures.CHECKER.check(base())), top, X12Fixtures.NOW);
        assertThat(one).contains("*999999999*X*005010X222A1~").contains("\nGE*1*999999999~")
                .contains("*00501*999999999*0*T*:~").contains("\nIEA*1*999999999~");
        assertThat(X12Validation.errors(one)).isEmpty();
        List<CheckResult> mixed = X12Fixtures.checked(X12Fixtures.DIR.resolve("write/batch-mixed.json"));
        assertThatThrownBy(() -> X12Writer.write(mixed, top, X12Fixtures.NOW)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("envelope.groupControlNumber: must be from 1 to 999999998 for an interchange "
                        + "of 2 functional groups");
        assertThatThrownBy(() -> X12Writer.writeWritable(mixed, top, X12Fixtures.NOW, X12Fixtures.REF.payers()))
                .isInstanceOf(InputException.class).hasMessageContaining("from 1 to 999999998");
        // Near miss: one less, and the two groups take 999999998 and 999999999.
        String two = X12Writer.write(mixed, X12Fixtures.ENVELOPE.withControlNumbers(999_999_999, 999_999_998),
                X12Fixtures.NOW);
        assertThat(two).contains("*999999998*X*005010X222A1~").contains("*999999999*X*005010X223A2~")
                .contains("\nGE*1*999999998~").contains("\nGE*1*999999999~");
    }

    @Test
    void manyClaimsSplitIntoTransactionSetsWithRightCounts() {
        List<CheckResult> rs = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rs.add(X12Fixtures.CHECKER.check(base().toBuilder().build()));
        }
        String edi = X12Writer.write(rs, X12Fixtures.ENVELOPE.withClaimsPerTransaction(3).withLineBreaks(false),
                X12Fixtures.NOW);
        assertThat(edi).doesNotContain("\n").contains("ST*837*0003*").contains("GE*3*7~")
                .endsWith("IEA*1*000000101~");
        assertThat(X12Validation.errors(edi)).isEmpty();
        assertThat(X12ClaimReader.read(edi, "medicare", X12Fixtures.REF)).hasSize(7)
                .allSatisfy(r -> assertThat(r.ok()).isTrue());
    }

    private static List<String> segments(String edi) {
        return List.of(edi.split("~\\s*"));
    }

    /** A Medigap plan's own claim identifiers: name, payer id, the patient's member id there; no filing indicator. */
    private static final SecondaryCoverage MEDIGAP = new SecondaryCoverage(Optional.of("Acme Medigap"),
            Optional.of("ACMG1"), Optional.of("MG7788990011"), Optional.empty());

    /** {@code v} with a secondary payer profile and its coverage. */
    private static Visit secondary(Visit v, String profile, SecondaryCoverage coverage) {
        return v.toBuilder().secondaryPayer(profile).claimInfo(v.claimInfo().withSecondary(coverage)).build();
    }

    /**
     * A visit's secondary payer goes in loop 2320 (SBR01 S, the claim going to the primary) with OI, the other
     * subscriber 2330A (the patient, with the member id at the secondary payer) and the other payer 2330B (the payer's
     * own name and payer id), after the 2310 providers and before the first line; the 837 still validates. A visit
     * without one writes no 2320.
     */
    @Test
    void aSecondaryPayerIsWrittenInLoop2320After2310AndBeforeTheLines() {
        Visit v = secondary(base(), "commercial", MEDIGAP);
        String edi = write(v);
        assertThat(X12Validation.errors(edi)).isEmpty();
        List<String> seg = segments(edi);
        int rendering = seg.indexOf("NM1*82*1*T1*****XX*1987654328");
        int sbr = seg.indexOf("SBR*S*18*******CI");
        assertThat(rendering).isPositive();
        assertThat(sbr).isEqualTo(rendering + 1);
        assertThat(seg.subList(sbr, sbr + 7)).containsExactly(
                "SBR*S*18*******CI",
                "OI***Y***Y",
                "NM1*IL*1*Doe*Jane****MI*MG7788990011",
                "N3*12 Elm St",
                "N4*Columbus*OH*43215",
                "NM1*PR*2*Acme Medigap*****PI*ACMG1",
                "LX*1");
        // The primary's loops are as before: 2000B SBR01 P with Medicare's MB, the Medicare member id in 2010BA only.
        assertThat(seg).contains("SBR*P*18*******MB").containsOnlyOnce("SBR*P*18*******MB");
        assertThat(edi).containsOnlyOnce("MI*1EG4TE5MK73");

        String without = write(base());
        assertThat(without).doesNotContain("SBR*S").doesNotContain("OI*");
        assertThat(segments(without)).filteredOn(x -> x.startsWith("NM1*PR")).hasSize(1);
    }

    /**
     * A secondary payer named only by its payer profile is left out of the 837, and the caller is told what to give:
     * the profile's name and id and the primary's member id were written in 2330B and 2330A, made-up identifiers
     * sent to a payer (a Medicare MBI as the member id at a Medigap plan).
     */
    @Test
    void aSecondaryPayerWithoutItsOwnIdentifiersIsLeftOutAndSaid() {
        Visit v = base().toBuilder().secondaryPayer("commercial").build();
        String edi = write(v);
        assertThat(X12Validation.errors(edi)).isEmpty();
        assertThat(edi).doesNotContain("SBR*S").doesNotContain("OI*").doesNotContain("PI*commercial")
                .doesNotContain("Commercial plan").containsOnlyOnce("MI*1EG4TE5MK73");
        assertThat(X12Writer.secondaryPayerLeftOut(v, X12Fixtures.REF.payers())).get().asString()
                .startsWith("its secondary payer commercial is left out of the 837 (loop 2320)")
                .contains("secondaryPayerName, secondaryPayerId, secondaryMemberId");
        List<CheckResult> rs = List.of(X12Fixtures.CHECKER.check(v));
        assertThat(VisitOutput.x12Notes(rs, X12Fixtures.REF)).singleElement().asString()
                .startsWith("visit V-1001: its secondary payer commercial is left out");
        // Each one missing is named; blank is missing.
        Visit noMember = secondary(base(), "commercial", new SecondaryCoverage(MEDIGAP.payerName(),
                MEDIGAP.payerId(), Optional.of("  "), Optional.empty()));
        assertThat(write(noMember)).doesNotContain("SBR*S");
        assertThat(X12Writer.secondaryPayerLeftOut(noMember, X12Fixtures.REF.payers())).get().asString()
                .contains("does not give secondaryMemberId; add it").doesNotContain("secondaryPayerName");
        assertThat(X12Writer.secondaryPayerLeftOut(secondary(base(), "commercial", MEDIGAP),
                X12Fixtures.REF.payers())).isEmpty();
    }

    /**
     * SBR09 of 2320 is the visit's secondaryClaimFilingIndicator, else it follows the secondary profile's kind as 2000B
     * SBR09 follows the primary's, with the profiles the visits were checked with; a profile they do not hold
     * (MW-S002 warns) goes out with ZZ.
     */
    @Test
    void theOtherPayersFilingIndicatorFollowsItsProfilesKind() {
        PayerProfiles payers = X12Fixtures.REF.payers().with(List.of(
                PayerProfile.simple("state-medicaid", PayerKind.MEDICAID, UnitMethod.CPT),
                PayerProfile.simple("tricare-east", PayerKind.TRICARE, UnitMethod.CPT)));
        for (String[] c : new String[][] {{"state-medicaid", "MC"}, {"tricare-east", "CH"}}) {
            CheckResult r = X12Fixtures.CHECKER.check(secondary(base(), c[0], MEDIGAP));
            String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW, payers);
            assertThat(segments(edi)).as(c[0]).contains("SBR*S*18*******" + c[1], "NM1*PR*2*Acme Medigap*****PI*ACMG1");
            assertThat(X12Validation.errors(edi)).isEmpty();
            // Without those profiles (the built-in ones only), the payer is unknown: mutually defined.
            assertThat(segments(write(r.visit()))).as(c[0]).contains("SBR*S*18*******ZZ");
        }
        // The visit's own code wins over the profile's kind, checked as the primary's.
        SecondaryCoverage blue = new SecondaryCoverage(MEDIGAP.payerName(), MEDIGAP.payerId(), MEDIGAP.memberId(),
                Optional.of("bl"));
        assertThat(segments(write(secondary(base(), "commercial", blue)))).contains("SBR*S*18*******BL");
        assertThat(segments(write(secondary(base(), "aarp-medigap-g", blue)))).contains("SBR*S*18*******BL");
        SecondaryCoverage odd = new SecondaryCoverage(MEDIGAP.payerName(), MEDIGAP.payerId(), MEDIGAP.memberId(),
                Optional.of("B-L"));
        assertThatThrownBy(() -> write(secondary(base(), "commercial", odd))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("secondaryClaimFilingIndicator: expected a claim filing indicator code");
    }

    /**
     * Medicare second needs the reason Medicare pays second (2320 SBR05, the visit's secondaryInsuranceType): without
     * it the loop is left out, and the caller is told why (VisitOutput.x12Notes) rather than sending a claim
     * receivers reject. Medicare is known by its profile's kind or by the secondary's own filing indicator (MA, MB).
     */
    @Test
    void medicareAsTheSecondaryPayerIsLeftOutAndSaid() {
        Visit v = secondary(base().toBuilder().payer("commercial").build(), "medicare", MEDIGAP);
        String edi = write(v);
        assertThat(edi).doesNotContain("SBR*S").doesNotContain("OI*").contains("SBR*P*18*******CI~");
        assertThat(X12Writer.secondaryPayerLeftOut(v, X12Fixtures.REF.payers())).get().asString()
                .contains("Medicare").contains("SBR05");
        List<CheckResult> rs = List.of(X12Fixtures.CHECKER.check(v));
        assertThat(VisitOutput.x12Notes(rs, X12Fixtures.REF)).singleElement().asString()
                .startsWith("visit V-1001: its secondary payer medicare is Medicare");
        assertThat(VisitOutput.x12Notes(rs)).isEmpty();
        // Without its identifiers too: Medicare is what is said.
        assertThat(X12Writer.secondaryPayerLeftOut(base().toBuilder().payer("commercial").secondaryPayer("medicare")
                .build(), X12Fixtures.REF.payers())).get().asString().contains("is Medicare");
        // A commercial profile whose coverage says MB is Medicare second as well.
        Visit mb = secondary(base().toBuilder().payer("commercial").build(), "commercial",
                new SecondaryCoverage(Optional.of("CGS Medicare"), Optional.of("15202"), Optional.of("1EG4TE5MK73"),
                        Optional.of("MB")));
        assertThat(write(mb)).doesNotContain("SBR*S");
        assertThat(X12Writer.secondaryPayerLeftOut(mb, X12Fixtures.REF.payers())).get().asString()
                .startsWith("its secondary payer commercial is Medicare (secondaryClaimFilingIndicator MB)");
    }

    /**
     * With the reason Medicare pays second (12: working aged, an employer plan primary) the loop is written, SBR05
     * holding it, and an 837 read back keeps it; a secondary payer that is not Medicare writes no SBR05 even when the
     * visit gives one.
     */
    @Test
    void medicareAsTheSecondaryPayerIsWrittenWithWhyItPaysSecond() {
        SecondaryCoverage workingAged = new SecondaryCoverage(Optional.of("Noridian Medicare"), Optional.of("01112"),
                Optional.of("9XY8ZW7VU65"), Optional.empty(), Optional.of("12"));
        Visit v = secondary(base().toBuilder().payer("commercial").build(), "medicare", workingAged);
        assertThat(X12Writer.secondaryPayerLeftOut(v, X12Fixtures.REF.payers())).isEmpty();
        String edi = write(v);
        assertThat(segments(edi)).contains("SBR*S*18***12****MB", "NM1*PR*2*Noridian Medicare*****PI*01112");
        assertThat(X12Validator.validate(edi)).isEmpty();
        Visit back = X12ClaimReader.read(edi, "commercial", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(back.secondaryPayer()).contains("medicare");
        assertThat(back.claimInfo().secondary().insuranceType()).contains("12");
        Visit notMedicare = secondary(base(), "commercial", new SecondaryCoverage(MEDIGAP.payerName(),
                MEDIGAP.payerId(), MEDIGAP.memberId(), Optional.empty(), Optional.of("12")));
        assertThat(segments(write(notMedicare))).contains("SBR*S*18*******CI");
        // Read: SBR05 is kept only as why Medicare pays second (a code review: "C1" of a commercial secondary went
        // into secondaryInsuranceType, which the JSON reader then refused), and a Medicare one must be an MSP type.
        String c1 = write(notMedicare).replace("SBR*S*18*******CI", "SBR*S*18***C1****CI");
        assertThat(X12ClaimReader.read(c1, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow().claimInfo()
                .secondary().insuranceType()).isEmpty();
        assertThat(X12ClaimReader.read(edi.replace("SBR*S*18***12****MB", "SBR*S*18***99****MB"), "commercial",
                X12Fixtures.REF).get(0).error()).get().extracting(Throwable::getMessage).asString()
                .contains("(SBR) element 5: expected why Medicare pays second").contains("\"99\"");
    }

    /**
     * A secondary payer whose payer id and member id are the primary's is the coverage the claim goes to: 2320 would
     * name it as its own other payer, so the loop is left out and said. A payer profile is a set of rules, not a
     * payer: two commercial plans checked with one profile, or two plans at one payer (one payer id, two member ids),
     * are two coverages and are written.
     */
    @Test
    void theSameCoverageAsThePrimaryIsLeftOutAndSaid() {
        Visit commercial = base().toBuilder().payer("commercial").build();
        // The review's case: the payer's own profile as the secondary, nothing else given, went out as 2320 S naming
        // the profile; it is left out now for want of the secondary's identifiers.
        Visit sameProfile = commercial.toBuilder().secondaryPayer("commercial").build();
        assertThat(write(sameProfile)).doesNotContain("SBR*S");
        assertThat(X12Writer.secondaryPayerLeftOut(sameProfile, X12Fixtures.REF.payers())).get().asString()
                .contains("does not give secondaryPayerName, secondaryPayerId, secondaryMemberId");
        ClaimInfo ci = commercial.claimInfo();
        SecondaryCoverage same = new SecondaryCoverage(ci.payerName(), Optional.of(" " + ci.payerId().orElseThrow()),
                Optional.of(ci.subscriber().memberId().orElseThrow().toLowerCase()), Optional.empty());
        Visit twice = secondary(commercial, "commercial", same);
        assertThat(write(twice)).doesNotContain("SBR*S");
        assertThat(X12Writer.secondaryPayerLeftOut(twice, X12Fixtures.REF.payers())).get().asString()
                .startsWith("its secondary payer commercial is left out of the 837 (loop 2320): its payer id 15202 "
                        + "and member id 1eg4te5mk73 are the primary's");
        assertThat(VisitOutput.x12Notes(List.of(X12Fixtures.CHECKER.check(twice)), X12Fixtures.REF)).singleElement()
                .asString().startsWith("visit V-1001: its secondary payer commercial is left out");

        Visit otherPlan = secondary(commercial, "commercial", MEDIGAP);
        assertThat(segments(write(otherPlan))).contains("SBR*S*18*******CI", "NM1*PR*2*Acme Medigap*****PI*ACMG1");
        Visit samePayerOtherMember = secondary(commercial, "commercial", new SecondaryCoverage(ci.payerName(),
                ci.payerId(), Optional.of("SPOUSE5544"), Optional.empty()));
        assertThat(segments(write(samePayerOtherMember))).contains("NM1*IL*1*Doe*Jane****MI*SPOUSE5544");
        assertThat(X12Writer.secondaryPayerLeftOut(samePayerOtherMember, X12Fixtures.REF.payers())).isEmpty();
    }

    /** The secondary's name, payer id and member id are checked as the primary's are, each named. */
    @Test
    void aSecondaryIdentifierX12CannotCarryIsAnInputError() {
        SecondaryCoverage star = new SecondaryCoverage(Optional.of("Star*Plan"), MEDIGAP.payerId(),
                MEDIGAP.memberId(), Optional.empty());
        assertThatThrownBy(() -> write(secondary(base(), "commercial", star))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("secondaryPayerName: contains \"*\", which X12 reserves as a delimiter");
        SecondaryCoverage shortId = new SecondaryCoverage(MEDIGAP.payerName(), Optional.of("A"), MEDIGAP.memberId(),
                Optional.empty());
        assertThatThrownBy(() -> write(secondary(base(), "commercial", shortId)))
                .hasMessageStartingWith("secondaryPayerId: at least 2 characters for X12");
        SecondaryCoverage longMember = new SecondaryCoverage(MEDIGAP.payerName(), MEDIGAP.payerId(),
                Optional.of("M".repeat(81)), Optional.empty());
        assertThatThrownBy(() -> write(secondary(base(), "commercial", longMember)))
                .hasMessageStartingWith("secondaryMemberId: at most 80 characters for X12");
    }

    /** The schema types OI: the TR3's required OI03 (benefits assignment) and OI06 (release of information). */
    @Test
    void theValidatorWantsOi03AndOi06() {
        String edi = write(secondary(base(), "commercial", MEDIGAP));
        assertThat(edi).contains("OI***Y***Y~");
        assertThat(X12Validation.errors(edi.replace("OI***Y***Y~", "OI***Y~"))).isNotEmpty()
                .anySatisfy(e -> assertThat(e).contains("OI"));
    }
    /** The visit with a 97799 line (unlisted, billed by report) of the PT, charged $85, with this description. */
    private static Visit withUnlisted(String description) {
        Visit v = base();
        List<ServiceLine> services = new java.util.ArrayList<>(v.services());
        services.add(new ServiceLine("97799", java.util.OptionalInt.empty(), List.of(),
                services.get(0).provider(), Optional.empty(), Optional.empty(),
                Optional.of(new java.math.BigDecimal("85")), List.of(), Optional.ofNullable(description)));
        return v.toBuilder().services(services).build();
    }

    private static String sv1(String edi, String code) {
        return java.util.Arrays.stream(edi.split("~\\s*")).filter(seg -> seg.startsWith("SV1*HC:" + code))
                .findFirst().orElseThrow();
    }

    /**
     * An unlisted code's description is SV101-7 (required when SV101-2 is a non-specific code, TR3): written after
     * four modifier places, the empty ones left empty; the 837 validates, and reads back with the description. A
     * listed code's line (97112) has none.
     */
    @Test
    void anUnlistedCodesDescriptionIsWrittenAsSv101Component7() {
        Visit v = withUnlisted("Canalith repositioning, R posterior canal, Epley x2");
        CheckResult r = X12Fixtures.CHECKER.check(v);
        assertThat(r.findings()).extracting(f -> f.ruleId()).doesNotContain("MW-C013");
        String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW);

        assertThat(sv1(edi, "97799")).isEqualTo("SV1*HC:97799:GP::::Canalith repositioning, R posterior canal, "
                + "Epley x2*85*UN*1***1:2");
        assertThat(sv1(edi, "97112").split("\\*")[1]).isEqualTo("HC:97112:GP");
        assertThat(X12Validation.errors(edi)).isEmpty();
        Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(read.services()).filteredOn(s -> s.code().equals("97799")).singleElement()
                .satisfies(s -> assertThat(s.description()).contains("Canalith repositioning, R posterior canal, "
                        + "Epley x2"));
        assertThat(read.services()).filteredOn(s -> s.code().equals("97112")).singleElement()
                .satisfies(s -> assertThat(s.description()).isEmpty());
    }

    /**
     * Near miss: without a description the line is still written (no SV101-7: the payer will ask for it) and the check
     * says so (MW-C013); a description with an X12 delimiter is refused, naming the field.
     */
    @Test
    void anUnlistedCodeWithoutADescriptionIsWrittenWithoutOneAndReported() {
        CheckResult r = X12Fixtures.CHECKER.check(withUnlisted(null));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-C013")).extracting(f -> f.path())
                .containsExactly("services[3].description");
        String edi = X12Writer.write(List.of(r), X12Fixtures.ENVELOPE, X12Fixtures.NOW);
        assertThat(sv1(edi, "97799")).isEqualTo("SV1*HC:97799:GP*85*UN*1***1:2");

        assertThatThrownBy(() -> write(withUnlisted("Epley R*2"))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("services[3].description: contains \"*\"");
    }
}
