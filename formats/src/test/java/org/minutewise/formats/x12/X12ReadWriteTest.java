package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.InputException;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.VisitJsonWriter;

/**
 * 837 -> read -> check -> 837, as {@code check --out x12} does with a claim file from elsewhere: what the claim
 * says about itself (claim filing indicator, frequency, payer claim number, rendering provider) comes back as read.
 */
class X12ReadWriteTest {
    private static String sample() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi"));
    }

    private static String institutional() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/institutional-ot-slp.edi"));
    }

    /** Reads every claim (each must read), checks it and writes it again with the fixtures' envelope. */
    static String rewrite(String edi, String payerId) {
        List<CheckResult> results = new ArrayList<>();
        for (X12ClaimReader.Result r : X12ClaimReader.read(edi, payerId, X12Fixtures.REF)) {
            assertThat(r.error()).as(r.toString()).isEmpty();
            results.add(X12Fixtures.CHECKER.check(r.visit().orElseThrow()));
        }
        return X12Writer.write(results, X12Fixtures.ENVELOPE, X12Fixtures.NOW);
    }

    /**
     * SBR09 leaves as it came: a Medicaid (MC), Medicare Advantage (16), HMO, Blue Cross or workers' comp claim was
     * written back as commercial (CI), and ZZ as Medicare (MB), because only the payer profile was kept.
     */
    @Test
    void theClaimFilingIndicatorIsWrittenBackAsRead() {
        for (String code : List.of("MC", "16", "HM", "BL", "WC", "ZZ", "CI", "MB", "12")) {
            String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*******" + code + "~");
            assertThat(edi).contains("SBR*P*18*******" + code + "~");
            assertThat(rewrite(edi, "medicare")).as(code).contains("SBR*P*18*******" + code + "~");
        }
        // On the 837I as well.
        String medicaid = institutional().replace("SBR*P*18*******CI~", "SBR*P*18*******MC~");
        assertThat(rewrite(medicaid, "commercial")).contains("SBR*P*18*******MC~");
    }

    /**
     * A replacement (CLM05-3 7) or void (8) keeps its frequency and the payer claim control number of the claim it
     * replaces (2300 REF*F8): it came back as an original claim, 11:B:1, without REF*F8.
     */
    @Test
    void aReplacementOrVoidKeepsItsFrequencyAndPayerClaimNumber() {
        for (String f : List.of("7", "8")) {
            String edi = sample().replace("11:B:1*Y*A*Y*Y~\n", "11:B:" + f + "*Y*A*Y*Y~\nREF*F8*PCN20260302001~\n")
                    .replace("SE*30*0001~", "SE*31*0001~");
            assertThat(edi).contains("REF*F8*PCN20260302001~").contains("SE*31*0001~");
            Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
            assertThat(read.claimInfo().claimFrequency()).contains(f);
            assertThat(read.claimInfo().payerClaimControlNumber()).contains("PCN20260302001");
            assertThat(viaJson(read).claimInfo()).isEqualTo(read.claimInfo());
            String out = rewrite(edi, "medicare");
            assertThat(out).contains("CLM*V-1001*225***11:B:" + f + "*Y*A*Y*Y~\nREF*F8*PCN20260302001~\nHI*");
            assertThat(X12Validation.errors(out)).isEmpty();
        }
        String inst = institutional().replace("74:A:1**A*Y*Y~", "74:A:7**A*Y*Y~")
                .replace("CL1***01~\n", "CL1***01~\nREF*F8*ACME-77~\n").replace("SE*32*0001~", "SE*33*0001~");
        assertThat(inst).contains("REF*F8*ACME-77~").contains("SE*33*0001~");
        String out = rewrite(inst, "commercial");
        assertThat(out).contains("74:A:7**A*Y*Y~").contains("CL1***01~\nREF*F8*ACME-77~\nHI*");
        assertThat(X12Validation.errors(out)).isEmpty();
        // An original claim stays one, without REF*F8.
        assertThat(rewrite(sample(), "medicare")).contains("11:B:1*Y*A*Y*Y~").doesNotContain("REF*F8");
    }

    /** TR3: REF*F8 is required when CLM05-3 is 7 or 8; reading or writing one without it is refused, named. */
    @Test
    void aReplacementWithoutThePayerClaimNumberIsRefused() {
        String edi = sample().replace("11:B:1*Y*A*Y*Y~", "11:B:7*Y*A*Y*Y~");
        InputException e = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).error().orElseThrow();
        assertThat(e.path()).isEqualTo("segment 20 (CLM) element 5");
        assertThat(e.getMessage()).contains("claim frequency 7 (replacement)").contains("REF*F8")
                .contains("(claim V-1001)");

        Visit v = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        ClaimInfo c = v.claimInfo();
        Visit voided = v.toBuilder().claimInfo(new ClaimInfo(c.billingProvider(), c.payerName(), c.payerId(),
                c.subscriber(), c.placeOfService(), Optional.empty(), Optional.of("8"), Optional.empty())).build();
        assertThatThrownBy(() -> X12Writer.write(List.of(X12Fixtures.CHECKER.check(voided)), X12Fixtures.ENVELOPE,
                X12Fixtures.NOW)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("payerClaimControlNumber: required for X12 837P when claimFrequency is 8 (void)")
                .hasMessageContaining("REF*F8");
        Visit odd = v.toBuilder().claimInfo(new ClaimInfo(c.billingProvider(), c.payerName(), c.payerId(),
                c.subscriber(), c.placeOfService(), Optional.empty(), Optional.of("3"), Optional.empty())).build();
        assertThatThrownBy(() -> X12Writer.write(List.of(X12Fixtures.CHECKER.check(odd)), X12Fixtures.ENVELOPE,
                X12Fixtures.NOW)).hasMessageStartingWith("claimFrequency: expected 1 (original)");
    }

    /**
     * When the billing provider rendered, the writer leaves 2310B out (TR3); reading that claim back, the billing
     * provider's NPI (2010AA) is the rendering one, so an assistant's line has its supervising NPI and the claim
     * is written again as it came (was: {@code services[1].provider.supervisorNpi: required}).
     */
    @Test
    void withoutA2310bTheBillingProviderRendered() {
        String edi = sample().replace("NM1*82*1*T1*****XX*1987654328~\n", "").replace("SE*30*0001~", "SE*29*0001~");
        assertThat(edi).doesNotContain("NM1*82").contains("SE*29*0001~");
        assertThat(X12Validation.errors(edi)).isEmpty();
        Visit v = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(v.services().get(0).provider().npi()).contains("1234567893");
        assertThat(v.services().get(1).provider().supervisorNpi()).contains("1234567893");
        assertThat(rewrite(edi, "medicare")).isEqualTo(edi);
    }

    /**
     * The rendering provider's name (NM1*82 NM103/NM104 of a person, 2310B and 2420A) is kept as provider.name (an
     * assistant's line: supervisorName, the supervising therapist rendering) and written back; the NPI went into the
     * last name and the first name was lost. An organization (NM102 2) is no person's name: not kept.
     */
    @Test
    void theRenderingProvidersNameIsKeptAndWrittenBack() {
        String edi = X12Fixtures.read(X12Fixtures.DIR.resolve("read/rendering-names.edi"));
        Visit v = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(v.services()).extracting(l -> l.provider().name().orElse("-") + "/"
                + l.provider().supervisorName().orElse("-")).containsExactly("Smith, Ann/-", "-/Smith, Ann",
                "Smith, Ann/-", "Jones, Bob/-");
        assertThat(viaJson(v).services()).isEqualTo(v.services());
        String out = rewrite(edi, "medicare");
        assertThat(out).contains("\nNM1*82*1*Smith*Ann****XX*1245319599~")
                .contains("\nNM1*82*1*Jones*Bob****XX*1628394755~").doesNotContain("NM1*82*1*1245319599")
                .doesNotContain("NM1*82*1*1628394755");
        assertThat(X12Validation.errors(out)).isEmpty();
        // The CSV layout carries the names (providerName, supervisorName); FHIR too (CsvWhenGivenColumnsTest reads
        // them back from both).
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(v))
                .doesNotContain("services[].provider.name", "services[].provider.supervisorName");
        Visit viaCsv = org.minutewise.formats.VisitInput.read(org.minutewise.formats.csv.CsvVisitWriter.write(
                List.of(v)), org.minutewise.formats.VisitFormat.CSV, X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(viaCsv.services()).extracting(l -> l.provider().name().orElse("-") + "/"
                + l.provider().supervisorName().orElse("-")).containsExactly("Smith, Ann/-", "-/Smith, Ann",
                "Smith, Ann/-", "Jones, Bob/-");
        assertThat(org.minutewise.formats.fhir.FhirVisitWriter.notCarried(v, code -> false))
                .doesNotContain("services[].provider.name", "services[].provider.supervisorName");

        Visit unnamed = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(unnamed))
                .doesNotContain("services[].provider.name", "services[].provider.supervisorName");
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(v))
                .doesNotContain("services[].provider.organization");
        // A rendering organization (NM102 2) names no person: it is kept as the provider's organization (not on the
        // assistant's line) and written back as one, by its name in NM103 alone; it was written back with its NPI as
        // a person's last name (NM1*82*1*1245319599).
        String byGroup = edi.replace("NM1*82*1*Smith*Ann****XX*1245319599~", "NM1*82*2*Smith Therapy*****XX*1245319599~");
        Visit o = X12ClaimReader.read(byGroup, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(o.services()).extracting(l -> l.provider().name().orElse("-") + "/"
                + l.provider().organization().orElse("-")).containsExactly("-/Smith Therapy", "-/-",
                "-/Smith Therapy", "Jones, Bob/-");
        assertThat(viaJson(o).services()).isEqualTo(o.services());
        String out2 = rewrite(byGroup, "medicare");
        assertThat(out2).contains("\nNM1*82*2*Smith Therapy*****XX*1245319599~")
                .contains("\nNM1*82*1*Jones*Bob****XX*1628394755~").doesNotContain("NM1*82*1*1245319599");
        assertThat(X12Validation.errors(out2)).isEmpty();
        assertThat(rewrite(out2, "medicare")).isEqualTo(out2);
        // The CSV layout has no place for it: a conversion says it leaves it behind. FHIR names it as the
        // performer's onBehalfOf, an Organization with the NPI, and reads it back (a visit with minutes: the FHIR
        // input needs them).
        assertThat(org.minutewise.formats.csv.CsvVisitWriter.notCarried(o)).contains("services[].provider.organization");
        assertThat(org.minutewise.formats.fhir.FhirVisitWriter.notCarried(o, code -> false))
                .doesNotContain("services[].provider.organization");
        Visit timed = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        timed = timed.toBuilder().services(timed.services().stream().map(l -> l.provider().role().isAssistant() ? l
                : l.withProvider(l.provider().withOrganization(java.util.Optional.of("Smith Therapy")))).toList())
                .build();
        assertThat(timed.services()).anySatisfy(l -> assertThat(l.provider().organization()).isPresent());
        Visit viaFhir = org.minutewise.formats.fhir.FhirVisitReader.read(
                org.minutewise.formats.fhir.FhirVisitWriter.write(timed), X12Fixtures.REF, "medicare").get(0).visit()
                .orElseThrow();
        assertThat(viaFhir.services()).extracting(l -> l.provider().organization())
                .isEqualTo(timed.services().stream().map(l -> l.provider().organization()).toList());
    }

    /**
     * A therapist in solo practice bills under their own NPI as a person (2010AA NM1*85*1, last and first name): the
     * reader keeps the first name and the claim is written back naming the same person; it was written back as an
     * organization (NM1*85*2) by the last name alone, which a payer's check of the NPI's entity type refuses. The
     * visit JSON carries it (billingProvider.firstName); FHIR names it as left behind (its serviceProvider is an
     * Organization). Near miss: an organization stays one.
     */
    @Test
    void aBillingProviderWhoIsAPersonIsWrittenBackAsOne() {
        String edi = X12Fixtures.read(X12Fixtures.DIR.resolve("read/rendering-names.edi"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("NM1\\*85\\*2\\*([^*~]+)\\*").matcher(edi);
        assertThat(m.find()).isTrue();
        String solo = edi.replace(m.group(), "NM1*85*1*Rivera*Ana");
        Visit v = X12ClaimReader.read(solo, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(v.claimInfo().billingProvider().name()).contains("Rivera");
        assertThat(v.claimInfo().billingProvider().firstName()).contains("Ana");
        assertThat(viaJson(v).claimInfo().billingProvider()).isEqualTo(v.claimInfo().billingProvider());
        String out = rewrite(solo, "medicare");
        assertThat(out).contains("\nNM1*85*1*Rivera*Ana****XX*");
        assertThat(X12Validation.errors(out)).isEmpty();
        assertThat(org.minutewise.formats.fhir.FhirVisitWriter.notCarried(v, code -> false))
                .contains("billingProvider.firstName");

        Visit org = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(org.claimInfo().billingProvider().person()).isFalse();
        assertThat(rewrite(edi, "medicare")).contains("\nNM1*85*2*" + m.group(1) + "*****XX*");
    }

    /** An 837I's billing provider is the facility, no clinician: without 2420A its lines have no rendering NPI. */
    @Test
    void anInstitutionalClaimWithoutARenderingProviderIsNotTheFacilitys() {
        String inst = institutional();
        java.util.regex.Matcher se = java.util.regex.Pattern.compile("SE\\*(\\d+)\\*0001~").matcher(inst);
        assertThat(se.find()).isTrue();
        String edi = inst.replace("NM1*82*1*O1*****XX*1543210987~\n", "")
                .replace("NM1*82*1*S1*****XX*1765432103~\n", "")
                .replace(se.group(), "SE*" + (Integer.parseInt(se.group(1)) - 2) + "*0001~");
        assertThat(X12Validation.errors(edi)).isEmpty();
        Visit v = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(v.services()).allSatisfy(l -> assertThat(l.provider().npi()).isEmpty());
    }

    /**
     * SV107 diagnosis pointers stay as billed (they were dropped on read and the claim written back pointed at the
     * diagnoses in order); a pointer to no HI position is an error naming SV1 element 7.
     */
    @Test
    void diagnosisPointersStayAsBilled() {
        String edi = sample().replace("SV1*HC:97112:GP*140*UN*2***1:2~", "SV1*HC:97112:GP*140*UN*2***2:1~")
                .replace("SV1*HC:97110:GP:CQ*65*UN*1***1:2~", "SV1*HC:97110:GP:CQ*65*UN*1***2~");
        Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(read.billed()).extracting(b -> b.diagnosisPointers()).containsExactly(List.of(2, 1), List.of(2),
                List.of(1, 2));
        assertThat(viaJson(read).billed()).isEqualTo(read.billed());
        String out = rewrite(edi, "medicare");
        assertThat(out).contains("SV1*HC:97112:GP*140*UN*2***2:1~").contains("SV1*HC:97110:GP:CQ*65*UN*1***2~")
                .contains("SV1*HC:97010:GP:CQ*20*UN*1***1:2~");

        String nine = sample().replace("SV1*HC:97110:GP:CQ*65*UN*1***1:2~", "SV1*HC:97110:GP:CQ*65*UN*1***1:9~");
        InputException e = X12ClaimReader.read(nine, "medicare", X12Fixtures.REF).get(0).error().orElseThrow();
        assertThat(e.path()).isEqualTo("segment 27 (SV1) element 7");
        assertThat(e.getMessage()).contains("SV107 diagnosis pointer \"9\" points to no diagnosis: the claim's HI"
                + " has 2 diagnoses").contains("(claim V-1001)");
    }

    /** Visit JSON's billed pointers must name one of the visit's diagnoses too. */
    @Test
    void aBilledPointerPastTheDiagnosesIsAJsonInputError() {
        com.fasterxml.jackson.databind.node.ObjectNode json = VisitJsonWriter.write(X12ClaimReader.read(sample(),
                "medicare", X12Fixtures.REF).get(0).visit().orElseThrow());
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("billed").get(1).get("diagnosisPointers")).add(3);
        assertThatThrownBy(() -> new VisitJsonReader(X12Fixtures.REF).read(json)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("billed[1].diagnosisPointers[2]: points to no diagnosis: expected 1 to 2");
    }

    /** Through visit JSON too ({@code convert --out json}, then {@code check --out x12}). */
    @Test
    void theClaimFilingIndicatorSurvivesVisitJson() {
        String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*******MC~");
        Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(read.claimInfo().claimFilingIndicator()).contains("MC");
        assertThat(viaJson(read).claimInfo()).isEqualTo(read.claimInfo());
    }

    static Visit viaJson(Visit v) {
        return new VisitJsonReader(X12Fixtures.REF).read(VisitJsonWriter.write(v));
    }

    /** A visit without a claim filing indicator of its own still gets it from its payer profile's kind. */
    @Test
    void withoutItsOwnCodeTheFilingIndicatorFollowsThePayerProfile() {
        Visit v = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        assertThat(v.claimInfo().claimFilingIndicator()).isEmpty();
        assertThat(X12Writer.write(List.of(X12Fixtures.CHECKER.check(v)), X12Fixtures.ENVELOPE, X12Fixtures.NOW))
                .contains("SBR*P*18*******MB~");
        assertThat(X12Writer.write(List.of(X12Fixtures.CHECKER.check(v.toBuilder().payer("commercial").build())),
                X12Fixtures.ENVELOPE, X12Fixtures.NOW)).contains("SBR*P*18*******CI~");
    }

    /**
     * The secondary payer of an 837 from elsewhere (2320 S with its SBR09, 2330A member id, 2330B name and payer id)
     * is written back as read, directly and through visit JSON: the payer profile's made-up name and id
     * ("Commercial plan ...", PI*commercial), and the primary's member id in 2330A, took their place.
     */
    @Test
    void theSecondaryPayerIsWrittenBackAsRead() {
        String loops = "SBR*S*18*******BL~\nOI***Y***Y~\nNM1*IL*1*Doe*Jane****MI*XBL998877~\nN3*12 Elm St~\n"
                + "N4*Columbus*OH*43215~\nNM1*PR*2*Acme Health Plan*****PI*ACME01~\n";
        String edi = sample().replace("LX*1~", loops + "LX*1~").replace("SE*30*0001~", "SE*36*0001~");
        assertThat(edi).contains("SBR*S*18*******BL~").contains("SE*36*0001~");
        String again = rewrite(edi, "medicare");
        assertThat(again).contains(loops).doesNotContain("PI*commercial").doesNotContain("Commercial plan");
        // The same claim, the rendering provider named by its NPI (a claim read back has no clinician id for NM103).
        assertThat(again.replace("NM1*82*1*1987654328*", "NM1*82*1*T1*")).isEqualTo(edi);
        Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        Visit json = viaJson(read);
        assertThat(json.claimInfo()).isEqualTo(read.claimInfo());
        assertThat(json.secondaryPayer()).contains("commercial");
        assertThat(X12Writer.write(List.of(X12Fixtures.CHECKER.check(json)), X12Fixtures.ENVELOPE, X12Fixtures.NOW))
                .contains(loops);
    }
}

