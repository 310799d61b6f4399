package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;
import org.minutewise.refdata.RefData;

/** What one visit adds to the audit's totals: units billed, supported and unverified. */
class VisitAuditTest {
    private static final ReferenceData REF = RefData.defaults();

    private static AuditTotals audit(String json) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        return audit(json, false);
    }

    private static AuditTotals audit(String json, boolean claim) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        AuditTotals t = new AuditTotals();
        new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f").check(v, 1, 0, 1, t, claim);
        return t;
    }

    /** 97110 billed with no minutes behind it (MW-B001): counted as supported, apart, out of the dollars. */
    @Test
    void billedUnitsWithoutMinutesAreUnverifiedNotOverBilled() {
        AuditTotals t = audit("{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'services':[{'code':'97110','provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP'],'units':2}]}");
        assertThat(t.unitsUnverified()).isEqualTo(2);
        assertThat(t.unitsSupported()).isEqualTo(2);
        assertThat(t.dollarsOver()).isZero();
    }

    /**
     * A claim only (billed lines, no minutes, no note) is counted as such and draws no documentation or certification
     * finding; with a note, or minutes, it is a documented visit and does.
     */
    @Test
    void aClaimOnlyIsCountedAndItsDocumentationNotJudged() {
        String claim = "{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'diagnoses':['R26.81'],'services':[{'code':'97110','provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP'],'units':2}]}";
        AuditTotals t = audit(claim, true);
        assertThat(t.claimsOnlyVisits()).isEqualTo(1);
        assertThat(t.findingsByRule()).doesNotContainKeys("MW-D001", "MW-P002");
        AuditTotals noted = audit(claim.replace("'billed'", "'note':'Ther ex 30 min.','billed'"), true);
        assertThat(noted.claimsOnlyVisits()).isZero();
        assertThat(noted.findingsByRule()).containsKey("MW-P002");
        // The same visit from a CSV or JSON input (not an 837) is a documented visit without a note: said.
        AuditTotals csv = audit(claim, false);
        assertThat(csv.claimsOnlyVisits()).isZero();
        assertThat(csv.findingsByRule()).containsKeys("MW-D001", "MW-P002");
    }

    /**
     * A visit with a PT's and an OT's lines: each claims.csv row names the therapist of its own code (the OT's line
     * was credited to the PT who opened the visit: OT/SLP biller review); an assistant's code, its supervisor.
     */
    @Test
    void aClaimRowNamesTheTherapistOfItsCode() {
        List<AuditCsv.ClaimRow> rows = claims("{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare',"
                + "'planOfCare':'PT','services':["
                + "{'code':'97110','minutes':20,'provider':{'id':'PT1','role':'PT'}},"
                + "{'code':'97530','discipline':'OT','minutes':20,'provider':{'id':'OT1','role':'OT'}},"
                + "{'code':'97116','minutes':20,'provider':{'id':'PTA1','role':'PTA','supervisorId':'PT2'}}]}");
        assertThat(rows).extracting(r -> r.code() + " " + r.therapistId())
                .containsExactly("97110 PT1", "97530 OT1", "97116 PT2");
    }

    /** The ids a claim is not judged by are rules of the catalog (no drift from the rule book). */
    @Test
    void theRulesNotJudgedOnAClaimAreInTheCatalog() {
        assertThat(VisitAudit.catalog().keySet()).containsAll(VisitAudit.NOT_ON_A_CLAIM);
    }

    private static List<AuditCsv.ClaimRow> claims(String json) {
        return claims(json, new AuditTotals());
    }

    private static List<AuditCsv.ClaimRow> claims(String json, AuditTotals totals) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        return new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f").check(v, 1, 0, 1,
                totals).claims();
    }

    /**
     * KX billed on a visit that states no expenses before it: the checks across visits judge it, so claims.csv keeps
     * it on the supported side (it said KX was not supported, and a biller removing it would be denied).
     */
    @Test
    void aBilledKxTheVisitAloneCannotJudgeStaysOnTheSupportedSide() {
        List<AuditCsv.ClaimRow> rows = claims("{'id':'V-1','dateOfService':'2026-09-02','payer':'medicare',"
                + "'planOfCare':'PT','services':[{'code':'97110','minutes':30,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP','KX'],'units':2}]}");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.billedModifiers()).isEqualTo("GP;KX");
            assertThat(r.modifiers()).isEqualTo("GP;KX");
            assertThat(r.difference()).isEqualTo("0");
        });
        // With the year's expenses stated and under the threshold, KX is this visit's to judge: not supported.
        List<AuditCsv.ClaimRow> known = claims("{'id':'V-1','dateOfService':'2026-09-02','payer':'medicare',"
                + "'planOfCare':'PT','patient':{'yearToDate':{'PT_SLP':100.00,'OT':0}},"
                + "'services':[{'code':'97110','minutes':30,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP','KX'],'units':2}]}");
        assertThat(known).singleElement().satisfies(r -> assertThat(r.modifiers()).isEqualTo("GP"));
        // A billed line of the other kind (CQ billed, none supported) is two rows, one per kind; the supported
        // line's KX is judged the same, beside the billed line.
        List<AuditCsv.ClaimRow> kinds = claims("{'id':'V-1','dateOfService':'2026-09-02','payer':'medicare',"
                + "'planOfCare':'PT','services':[{'code':'97110','minutes':30,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP','CQ','KX'],'units':2}]}");
        assertThat(kinds).extracting(r -> r.billedModifiers() + "|" + r.modifiers())
                .containsExactly("|GP;KX", "GP;CQ;KX|");
    }

    private static final String PTA_VISIT = "{'id':'C-03','dateOfService':'2026-04-06','payer':'medicare',"
            + "'planOfCare':'PT','services':[{'code':'97110','minutes':30,'provider':{'id':'A1','role':'PTA',"
            + "'supervisorId':'T9'}}],'billed':[{'code':'97110','modifiers':[%s],'units':2}]}";

    /**
     * An assistant's whole line billed without CQ (MW-B012) is two rows, as a partly assistant's line is: the billed
     * GP line beside no supported GP line, and the supported GP;CQ line beside no billed one, each at its own price,
     * so that the rows' difference x allowedPerUnit add up to the dollars over (one row, 2 GP against 2 GP;CQ with a
     * difference of 0, showed none of the $6.66). Near miss: billed with CQ, it is one row and nothing over.
     */
    @Test
    void anAssistantsWholeLineBilledWithoutCqIsTwoRowsThatAddUpToTheDollars() {
        AuditTotals t = new AuditTotals();
        List<AuditCsv.ClaimRow> rows = claims(String.format(PTA_VISIT, "'GP'"), t);
        assertThat(rows).extracting(r -> r.billedUnits() + " " + r.billedModifiers() + " | " + r.units() + " "
                + r.modifiers() + " | " + r.difference()).containsExactly("2 GP |   | 2", "  | 2 GP;CQ | -2");
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (AuditCsv.ClaimRow r : rows) {
            sum = sum.add(new java.math.BigDecimal(r.allowedPerUnit()).multiply(new java.math.BigDecimal(
                    r.difference())));
        }
        assertThat(rows.get(0).allowedPerUnit()).isNotEqualTo(rows.get(1).allowedPerUnit());
        assertThat(sum).isPositive();
        assertThat(t.dollarsOver()).isEqualByComparingTo(sum);
        assertThat(t.unitsOver()).isZero();
        assertThat(t.unitsUnder()).isZero();
        AuditTotals right = new AuditTotals();
        assertThat(claims(String.format(PTA_VISIT, "'GP','CQ'"), right)).singleElement().satisfies(r -> {
            assertThat(r.billedModifiers()).isEqualTo("GP;CQ");
            assertThat(r.modifiers()).isEqualTo("GP;CQ");
            assertThat(r.difference()).isEqualTo("0");
        });
        assertThat(right.dollarsOver()).isZero();
    }

    private static final String MUE_VISIT = "{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare',"
            + "'planOfCare':'PT','services':[{'code':'97112','minutes':%d,'provider':{'role':'PT'}}],"
            + "'billed':[{'code':'97112','modifiers':['GP'],'units':%d}]}";

    /**
     * 97112 over its MUE (4 a day) is denied whole and priced at $0 by the estimate: its claims.csv row is $0 a unit,
     * so a unit billed over the 60 documented minutes (4 units) on the denied line is counted, but worth no dollars
     * over (Medicare pays none of that line); nor is a documented fifth unit left unbilled (75 minutes) worth dollars
     * under (billed, it would have had the line denied). Near miss: 4 billed on 45 minutes (3 units), at the MUE, is
     * one unit over at 97112's price.
     */
    @Test
    void aLineAnMueDeniesIsWorthNoDollarsOverOrUnder() {
        AuditTotals over = new AuditTotals();
        assertThat(claims(String.format(MUE_VISIT, 60, 5), over)).singleElement().satisfies(r -> {
            assertThat(r.difference()).isEqualTo("1");
            assertThat(r.allowedPerUnit()).isEqualTo("0.00");
        });
        assertThat(over.unitsOver()).isEqualTo(1);
        assertThat(over.dollarsOver()).isZero();

        AuditTotals under = new AuditTotals();
        assertThat(claims(String.format(MUE_VISIT, 75, 4), under)).singleElement().satisfies(r -> {
            assertThat(r.difference()).isEqualTo("-1");
            assertThat(r.allowedPerUnit()).isEqualTo("0.00");
        });
        assertThat(under.unitsUnder()).isEqualTo(1);
        assertThat(under.dollarsUnder()).isZero();

        AuditTotals atMue = new AuditTotals();
        assertThat(claims(String.format(MUE_VISIT, 45, 4), atMue)).singleElement().satisfies(r -> {
            assertThat(r.difference()).isEqualTo("1");
            assertThat(new java.math.BigDecimal(r.allowedPerUnit())).isPositive();
            assertThat(atMue.dollarsOver()).isEqualByComparingTo(r.allowedPerUnit());
        });
    }

    /**
     * The sample's RVUs and 97113's (test figures): the pair's both codes priced, as with CMS's PPRRVU file (with the
     * sample alone 97113 has none, and an estimate of no priced line has no lines to read).
     */
    private static final ReferenceData PRICED = REF.withFees(REF.fees().withRvus(List.of(
            new org.minutewise.core.fees.Rvu("97110", 2026, new java.math.BigDecimal("0.45"),
                    new java.math.BigDecimal("0.41"), new java.math.BigDecimal("0.01")),
            new org.minutewise.core.fees.Rvu("97113", 2026, new java.math.BigDecimal("0.48"),
                    new java.math.BigDecimal("0.70"), new java.math.BigDecimal("0.01"))), "test"));

    private static List<AuditCsv.ClaimRow> pricedClaims(String json, AuditTotals totals) {
        VisitJsonReader reader = new VisitJsonReader(PRICED);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        return new VisitAudit(PRICED, new VisitChecker(PRICED), Optional.empty(), f -> "f").check(v, 1, 0, 1,
                totals).claims();
    }

    private static final String NCCI_VISIT = "{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare',"
            + "'planOfCare':'PT','diagnoses':['I69.351'],'services':["
            + "{'code':'97113','minutes':20,'start':'09:00','end':'09:20','provider':{'role':'PT'}},"
            + "{'code':'97110','minutes':30,'start':'09:25','end':'09:55','provider':{'role':'PT'}}],"
            + "'billed':[{'code':'97113','modifiers':['GP'],'units':1},{'code':'97110','modifiers':[%s],'units':%d}]}";

    /**
     * 97110 billed beside 97113 (an NCCI pair, 97110 column two) without 59/X is denied as part of 97113 (MW-B016), and
     * the check's estimate of the billed claim prices it at $0: so does its claims.csv row, through the same estimate,
     * so a unit billed over the 30 documented minutes (2 units) on it is counted but worth no dollars over, nor a unit
     * left unbilled dollars under. Near miss: billed with 59 (the times are apart), the unit over is worth 97110's
     * price.
     */
    @Test
    void aLineAnNcciEditDeniesIsWorthNoDollarsOverOrUnder() {
        AuditTotals over = new AuditTotals();
        assertThat(pricedClaims(String.format(NCCI_VISIT, "'GP'", 3), over))
                .filteredOn(r -> r.code().equals("97110")).singleElement().satisfies(r -> {
                    assertThat(r.difference()).isEqualTo("1");
                    assertThat(r.allowedPerUnit()).isEqualTo("0.00");
                });
        assertThat(over.findingsByRule()).containsKey("MW-B016");
        assertThat(over.unitsOver()).isEqualTo(1);
        assertThat(over.dollarsOver()).isZero();

        AuditTotals under = new AuditTotals();
        assertThat(pricedClaims(String.format(NCCI_VISIT, "'GP'", 1), under))
                .filteredOn(r -> r.code().equals("97110")).singleElement().satisfies(r -> {
                    assertThat(r.difference()).isEqualTo("-1");
                    assertThat(r.allowedPerUnit()).isEqualTo("0.00");
                });
        assertThat(under.unitsUnder()).isEqualTo(1);
        assertThat(under.dollarsUnder()).isZero();

        AuditTotals with59 = new AuditTotals();
        assertThat(pricedClaims(String.format(NCCI_VISIT, "'GP','59'", 3), with59)).filteredOn(r -> r.code()
                .equals("97110")).singleElement().satisfies(r -> {
                    assertThat(r.difference()).isEqualTo("1");
                    assertThat(new java.math.BigDecimal(r.allowedPerUnit())).isPositive();
                    assertThat(with59.dollarsOver()).isEqualByComparingTo(r.allowedPerUnit());
                });
        assertThat(with59.findingsByRule()).doesNotContainKey("MW-B016");
    }

    /**
     * An audit writes no explanation: MW-B002's message and fix do not point to one there (the {@code check}
     * command's, which has the explanation, still does), and the row carries the fix and citation.
     */
    @Test
    void anAuditsOverBillingMessageStandsAlone() {
        String json = "{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'services':[{'code':'97110','minutes':24,'provider':{'role':'PT'}},"
                + "{'code':'97112','minutes':23,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP'],'units':2},{'code':'97112','modifiers':['GP'],"
                + "'units':2}]}";
        VisitJsonReader reader = new VisitJsonReader(REF);
        Visit v = reader.read(reader.parse(json.replace('\'', '"')));
        assertThat(new VisitChecker(REF).check(v).findings()).filteredOn(f -> f.ruleId().equals("MW-B002"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("the explanation gives"));
        List<AuditCsv.FindingRow> rows = new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f")
                .check(v, 2, 0, 1, new AuditTotals()).findings();
        assertThat(rows).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement().satisfies(f -> {
            assertThat(f.message()).doesNotContain("explanation").endsWith("23 minutes get 1 of them).");
            assertThat(f.fix()).doesNotContain("explanation").startsWith("Bill the units the minutes support");
            assertThat(f.citation()).startsWith("CMS Pub 100-04 ch. 5 §20.2");
        });
    }

    /** A billed code with no documented service at all (MW-B007) is over-billed, not unverified. */
    @Test
    void aBilledCodeWithNoServiceIsOverBilled() {
        AuditTotals t = audit("{'id':'V-1','dateOfService':'2026-03-02','payer':'medicare','planOfCare':'PT',"
                + "'services':[{'code':'97112','minutes':24,'provider':{'role':'PT'}}],"
                + "'billed':[{'code':'97112','modifiers':['GP'],'units':2},"
                + "{'code':'97110','modifiers':['GP'],'units':2}]}");
        assertThat(t.unitsUnverified()).isZero();
        assertThat(t.unitsBilled()).isEqualTo(4);
        assertThat(t.unitsSupported()).isEqualTo(2);
        assertThat(t.dollarsOver()).isPositive();
    }

    private static final String CSV_HEADER = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,"
            + "minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note,totalTreatmentMinutes";

    private static VisitAudit.Assembled<String> assemble(List<String> rows) {
        CsvVisitReader reader = new CsvVisitReader(REF);
        CsvVisitReader.Header header = reader.header(CsvRecordReader.parse(CSV_HEADER, 1));
        VisitAudit audit = new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f");
        return audit.assembleCsv("V-1", rows, new VisitAudit.CsvRows<>() {
            @Override
            public long line(String row) {
                return 2 + rows.indexOf(row);
            }

            @Override
            public CsvRecordReader.Record record(String row) {
                return CsvRecordReader.parse(row, line(row));
            }

            @Override
            public CsvVisitReader.Header header(String row) {
                return header;
            }
        });
    }

    /** {@link #assemble}'s rows, counting each parse of a row's record in {@code parses}. */
    private static VisitAudit.CsvRows<String> counting(List<String> rows, java.util.Map<String, Integer> parses) {
        CsvVisitReader.Header header = new CsvVisitReader(REF).header(CsvRecordReader.parse(CSV_HEADER, 1));
        return new VisitAudit.CsvRows<>() {
            @Override
            public long line(String row) {
                return 2 + rows.indexOf(row);
            }

            @Override
            public CsvRecordReader.Record record(String row) {
                parses.merge(row, 1, Integer::sum);
                return CsvRecordReader.parse(row, line(row), header.names());
            }

            @Override
            public CsvVisitReader.Header header(String row) {
                return header;
            }
        };
    }

    /**
     * With rows without a visit id about (orphans), a visit's rows are read to see whose they may be, then read into the
     * visit: through {@link VisitAudit#parsedOnce} each row is parsed once for both, a row that cannot be read too (its
     * error given again, the same), and the visit and reasons are those of rows parsed afresh. Near miss: without it,
     * each row is parsed twice.
     */
    @Test
    void aVisitsRowsAreParsedOnceForTheOrphanCheckAndTheVisit() {
        String a = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97112,24,,,T1,PT,,2,GP,,\"Stroke note\",47";
        String b = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97110,23,,,T1,PT,,1,GP,,,";
        String bad = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97110,23,,,T1,PT,,1,GP,,\"x\"y,";
        VisitAudit audit = new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f");
        java.util.Map<String, ?> orphans = java.util.Map.of("P9 on 2026-03-02", 7L);
        for (List<String> rows : List.of(List.of(a, b), List.of(a, bad))) {
            java.util.Map<String, Integer> once = new java.util.HashMap<>();
            VisitAudit.CsvRows<String> how = VisitAudit.parsedOnce(counting(rows, once));
            assertThat(VisitAudit.orphanOf(rows, how, r -> true, orphans)).isEmpty();
            VisitAudit.Assembled<String> got = audit.assembleCsv("V-1", rows, how);
            assertThat(once.values()).as("each row parsed once").containsOnly(1).hasSize(2);
            java.util.Map<String, Integer> twice = new java.util.HashMap<>();
            VisitAudit.CsvRows<String> plain = counting(rows, twice);
            assertThat(VisitAudit.orphanOf(rows, plain, r -> true, orphans)).isEmpty();
            VisitAudit.Assembled<String> fresh = audit.assembleCsv("V-1", rows, plain);
            assertThat(twice.values()).as("near miss: parsed again").containsOnly(2);
            assertThat(got.visit()).isEqualTo(fresh.visit());
            assertThat(got.rejected()).isEqualTo(fresh.rejected());
        }
        // The orphan's patient and date found through the kept records as through fresh ones.
        java.util.Map<String, ?> p1 = java.util.Map.of("P1 on 2026-03-02", 7L);
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        assertThat(VisitAudit.orphanOf(List.of(a, b), VisitAudit.parsedOnce(counting(List.of(a, b), count)),
                r -> true, p1)).hasValue("P1 on 2026-03-02");
        assertThat(audit.assembleCsv("V-1", List.of(bad), VisitAudit.parsedOnce(counting(List.of(bad),
                new java.util.HashMap<>()))).rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("line 2, column note: text after a closing quote"));
    }

    /** The note and total time are the visit's whichever of its rows carries them. */
    @Test
    void visitFieldsComeFromTheRowThatCarriesThemWhateverTheOrder() {
        String withNote = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97112,24,,,T1,PT,,2,GP,,\"Stroke note\",47";
        String without = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97110,23,,,T1,PT,,1,GP,,,";
        Visit a = assemble(List.of(withNote, without)).visit().orElseThrow();
        Visit b = assemble(List.of(without, withNote)).visit().orElseThrow();
        assertThat(b.note()).isEqualTo(a.note()).contains("Stroke note");
        assertThat(b.totalTreatmentMinutes()).isEqualTo(a.totalTreatmentMinutes()).hasValue(47);
    }

    /** A visit one of whose rows cannot be read is set aside whole: checked without it, it would mislead. */
    @Test
    void aVisitWithAnUnreadableRowIsSetAsideWhole() {
        String bad = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97112,x5,,,T1,PT,,2,GP,,,";
        String good = "V-1,2026-03-02,medicare,,PT,P1,I69.351,97110,20,,,T1,PT,,2,GP,,,";
        VisitAudit.Assembled<String> r = assemble(List.of(bad, good));
        assertThat(r.visit()).isEmpty();
        assertThat(r.used()).isEmpty();
        assertThat(r.rejected()).hasSize(2);
        assertThat(r.rejected().get(0).reason()).contains("column minutes");
        assertThat(r.rejected().get(1).reason()).startsWith("visit V-1: 1 row of the visit could not be read")
                .endsWith("so its other row is set aside too");
    }

    private static VisitAudit.Occurrence<String> claim(String row, String frequency) {
        return new VisitAudit.Occurrence<>(row, "c.edi segment " + row, Optional.ofNullable(frequency));
    }

    /** A replacement sets the claim before it aside, and is itself audited; a later one replaces it in turn. */
    @Test
    void aReplacementReplacesTheClaimBeforeIt() {
        VisitAudit.InForce<String> r = VisitAudit.corrections("C1",
                List.of(claim("1", null), claim("2", "7"), claim("3", "7"))).orElseThrow();
        assertThat(r.row()).contains("3");
        assertThat(r.setAside()).extracting(VisitAudit.Rejected::row).containsExactly("1", "2");
        assertThat(r.setAside().get(0).reason()).isEqualTo("visit C1 (c.edi segment 1) is replaced by the corrected "
                + "claim at c.edi segment 2 (frequency 7): only the replacement is audited");
        assertThat(r.replaced()).isTrue();
        // A replacement whose original is not in the audit is audited, and stays a correction to match across
        // visits (MW-A017), however many replacements of it follow (a code review).
        assertThat(VisitAudit.corrections("C1", List.of(claim("9", "7"))).orElseThrow().row()).contains("9");
        assertThat(VisitAudit.corrections("C1", List.of(claim("9", "7"))).orElseThrow().replaced()).isFalse();
        assertThat(VisitAudit.corrections("C1", List.of(claim("8", "7"), claim("9", "7"))).orElseThrow().replaced())
                .isFalse();
    }

    /** A void sets aside itself and the claim it cancels; a claim billed again after the void is audited. */
    @Test
    void aVoidCancelsTheClaimBeforeIt() {
        VisitAudit.InForce<String> r = VisitAudit.corrections("C1", List.of(claim("1", "1"), claim("2", "8")))
                .orElseThrow();
        assertThat(r.row()).isEmpty();
        assertThat(r.setAside()).extracting(VisitAudit.Rejected::reason).containsExactly(
                "visit C1 (c.edi segment 1) is voided by the claim at c.edi segment 2 (frequency 8): a voided claim "
                        + "is not audited",
                "visit C1 (c.edi segment 2) is a void (frequency 8) of the claim at c.edi segment 1: it cancels a "
                        + "claim and bills nothing, so it is not audited");
        assertThat(VisitAudit.corrections("C1", List.of(claim("2", "8"))).orElseThrow().setAside()).singleElement()
                .satisfies(x -> assertThat(x.reason()).contains("is a void (frequency 8): it cancels")
                        .endsWith("(the claim it voids is matched by this visit id: under another id it is still "
                                + "audited)"));
        VisitAudit.InForce<String> rebilled = VisitAudit.corrections("C1",
                List.of(claim("1", null), claim("2", "8"), claim("3", "1"))).orElseThrow();
        assertThat(rebilled.row()).contains("3");
        assertThat(rebilled.setAside()).hasSize(2);
    }

    /** Two originals of one visit are not a correction: the caller sets both aside as a visit that comes twice. */
    @Test
    void twoOriginalsAreNoCorrection() {
        assertThat(VisitAudit.corrections("C1", List.of(claim("1", null), claim("2", "1")))).isEmpty();
        assertThat(VisitAudit.corrections("C1", List.of(claim("1", null), claim("2", "7"), claim("3", null))))
                .isEmpty();
        assertThat(VisitAudit.corrections("C1", List.of(claim("1", null))).orElseThrow().setAside()).isEmpty();
    }

    /**
     * KX billed to a commercial plan (a commercial biller's review): the audit dropped the visit's KX finding for every
     * payer, though the checks across visits count Medicare's threshold only, so nothing judged it. Now MW-B017 says
     * the payer's policy decides, and claims.csv keeps KX on the supported side as the corrected claim does. Near
     * miss: on a Medicare claim MW-B009 stays left to the checks across visits (MW-A003, MW-A004).
     */
    @Test
    void kxBilledToAnotherPayerIsSaidOnceAndKeptAsBilled() {
        String visit = "{'id':'V-1','dateOfService':'2026-03-02','payer':'commercial','planOfCare':'PT',"
                + "'services':[{'code':'97110','minutes':20,'provider':{'id':'T1','role':'PT'}}],"
                + "'billed':[{'code':'97110','modifiers':['GP','KX'],'units':1}]}";
        VisitJsonReader reader = new VisitJsonReader(REF);
        VisitAudit.Outcome o = new VisitAudit(REF, new VisitChecker(REF), Optional.empty(), f -> "f")
                .check(reader.read(reader.parse(visit.replace('\'', '"'))), 1, 0, 1, new AuditTotals());
        assertThat(o.findings()).extracting(AuditCsv.FindingRow::ruleId).contains("MW-B017")
                .doesNotContain("MW-B009", "MW-B006");
        assertThat(o.claims()).singleElement().satisfies(r -> assertThat(r.modifiers()).isEqualTo("GP;KX"));
        AuditTotals medicare = audit(visit.replace("'commercial'", "'medicare'"));
        assertThat(medicare.findingsByRule()).doesNotContainKeys("MW-B017", "MW-B009");
    }
}
