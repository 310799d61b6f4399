package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.refdata.RefData;

class KnowledgeBaseTest {
    private static final List<String> MODIFIERS_USED = List.of("GP", "GO", "GN", "CQ", "CO", "KX", "59", "XU",
            "XE", "XS", "XP", "GA", "GZ", "GY", "GX", "AT", "96", "97");
    private final KnowledgeBase kb = KnowledgeBase.standard();

    /** An id not held: the search's cards, else a code's neighbours by prefix, else the codes nearest in number. */
    @Test
    void suggestionsForAnIdTheKnowledgeBaseDoesNotHold() {
        assertThat(kb.suggestions("97111", 3)).extracting(s -> s.card().id()).contains("97110", "97112");
        assertThat(kb.suggestions("97999", 3)).hasSize(3).allSatisfy(s -> {
            assertThat(s.card().kind()).isEqualTo(Kind.CODE);
            assertThat(s.card().id()).startsWith("97");
        });
        assertThat(kb.suggestions("97999", 3).get(0).card().id()).isEqualTo(kb.cards(Kind.CODE).stream()
                .map(Card::id).filter(id -> id.matches("\\d{5}"))
                .min(java.util.Comparator.comparingInt(id -> Math.abs(Integer.parseInt(id) - 97999))).orElseThrow());
        assertThat(kb.suggestions("neuro re-ed", 3)).isEqualTo(kb.search("neuro re-ed", 3));
    }

    @Test
    void aCodeCardForEveryCodeOfTheCatalog() {
        for (CodeInfo c : RefData.defaults().codes().all()) {
            Card card = kb.lookup(c.code()).orElseThrow(() -> new AssertionError("no card for " + c.code()));
            assertThat(card.kind()).isEqualTo(Kind.CODE);
            assertThat(card.title()).as("our own short label").isEqualTo(c.label());
            assertThat(card.facts()).extracting(Fact::topic).contains("Units", "Discipline");
            assertThat(card.sources()).isNotEmpty();
        }
    }

    @Test
    void aCardForEveryModifierOfRulesSection4() {
        for (String m : MODIFIERS_USED) {
            Card card = kb.lookup(m).orElseThrow(() -> new AssertionError("no card for modifier " + m));
            assertThat(card.kind()).isEqualTo(Kind.MODIFIER);
            assertThat(card.summary()).isNotBlank();
            assertThat(card.sources()).isNotEmpty();
        }
        // The others are the modifier list's (the next test): no card beyond the list.
        assertThat(kb.cards(Kind.MODIFIER)).hasSize(RefData.defaults().codes().modifiers().size());
    }

    /**
     * Every modifier of the reference data's list has a card (an OT/SLP coder's review: lookup 95, GT and 52 answered
     * "not in the knowledge base" though modifiers.csv lists them): one cards.json does not describe is titled with
     * the list's label and says Minutewise keeps it as billed. Near miss: a modifier of RULES.md §4 keeps its own
     * card, and a two-character id the list does not hold (ZZ) has none.
     */
    @Test
    void aCardForEveryModifierOfTheModifierList() {
        java.util.Map<String, String> listed = RefData.defaults().codes().modifiers();
        assertThat(listed).containsKeys("95", "GT", "52");
        for (java.util.Map.Entry<String, String> m : listed.entrySet()) {
            Card card = kb.lookup(m.getKey()).orElseThrow(() -> new AssertionError("no card for " + m.getKey()));
            assertThat(card.kind()).isEqualTo(Kind.MODIFIER);
            assertThat(card.sources()).isNotEmpty();
            if (!MODIFIERS_USED.contains(m.getKey())) {
                assertThat(card.title()).isEqualTo(m.getKey() + ": " + m.getValue());
                assertThat(card.summary()).contains("keeps it as billed", "on the corrected claim too");
            }
        }
        assertThat(kb.lookup("95").orElseThrow().title()).isEqualTo("95: Synchronous telemedicine by audio and video");
        assertThat(kb.lookup("CQ").orElseThrow().summary()).doesNotContain("keeps it as billed");
        assertThat(kb.lookup("ZZ")).isEmpty();
    }

    @Test
    void aCardForEveryRuleOfTheFindingCatalogReadAtRunTime() {
        for (RuleInfo r : RuleBook.standard().catalog()) {
            Card card = kb.lookup(r.id()).orElseThrow(() -> new AssertionError("no card for " + r.id()));
            assertThat(card.kind()).isEqualTo(Kind.RULE);
            assertThat(card.title()).isEqualTo(r.title());
            assertThat(card.citation()).contains(r.citation());
        }
    }

    @Test
    void aCardForEveryDiagnosisCategory() {
        for (DiagnosisCategory d : RefData.defaults().diagnoses().all()) {
            Card card = kb.lookup(d.category()).orElseThrow();
            assertThat(card.kind()).isEqualTo(Kind.DIAGNOSIS);
            assertThat(card.title()).isEqualTo(d.title());
        }
    }

    /** A code no therapy discipline bills says so (no empty template); chiropractic manipulation needs AT. */
    @Test
    void chiropracticManipulationIsNoTherapyService() {
        Card c = kb.lookup("98940").orElseThrow();
        assertThat(c.summary()).contains("not therapy").doesNotContain("; .");
        assertThat(c.facts()).extracting(Fact::text).anyMatch(t -> t.startsWith("Not a therapy service"))
                .noneMatch(t -> t.contains("Billed under a  plan")).anyMatch(t -> t.contains("AT"));
        assertThat(kb.lookup("97112").orElseThrow().facts()).extracting(Fact::text)
                .anyMatch(t -> t.startsWith("Billed under a PT, OT plan of care"));
    }

    /** A deleted code is a card that says when it stopped and what replaced it, not an unknown code. */
    @Test
    void deletedCodesSayWhenAndWhatReplacedThem() {
        assertThat(kb.lookup("97001").orElseThrow().title()).contains("use 97161-97163");
        assertThat(kb.lookup("97532").orElseThrow().facts()).extracting(Fact::text)
                .anyMatch(t -> t.startsWith("97532 is valid for dates of service from 1990-01-01 to 2017-12-31"));
        assertThat(kb.lookup("97112").orElseThrow().facts()).extracting(Fact::topic).doesNotContain("Deleted");
    }

    /** A category that is not a billable code says so and gives a billable example; injuries need a 7th character. */
    @Test
    void diagnosisCardsSayWhenTheCodeIsNotBillable() {
        assertThat(kb.lookup("M54.5").orElseThrow().facts()).extracting(Fact::text)
                .anyMatch(t -> t.startsWith("M54.5 is not billable as it stands") && t.contains("M54.50"));
        assertThat(kb.lookup("S93").orElseThrow().facts()).extracting(Fact::text)
                .anyMatch(t -> t.startsWith("Codes of S93 take a 7th character"));
        assertThat(kb.lookup("G63").orElseThrow().facts()).extracting(Fact::topic).doesNotContain("Billable");
    }

    @Test
    void noCardCarriesTheSeedErrors() {
        // ERRATA.md 1: CO is the OT assistant modifier, not a chiropractor's.
        assertThat(kb.lookup("CO").orElseThrow().summary()).contains("occupational therapy assistant");
        // ERRATA.md 2: 20 + 18 minutes is 3 units under the CMS table.
        assertThat(kb.ask("97112 20 min and 97110 18 min how many units").answer())
                .contains("38 timed minutes, 3 units").contains("97112 x2, 97110 x1");
        // ERRATA.md 6: GN is required on every SLP line.
        assertThat(kb.lookup("GN").orElseThrow().summary()).contains("required");
        for (Card c : kb.cards()) {
            String all = c.summary() + c.facts();
            assertThat(all).as(c.id()).doesNotContainIgnoringCase("67 minutes must")
                    .doesNotContainIgnoringCase("CO = chiropractor");
        }
    }

    @Test
    void lookupIgnoresCaseAndMapsAnIcdCodeToItsCategory() {
        assertThat(kb.lookup("g0283")).map(Card::id).contains("G0283");
        assertThat(kb.lookup(" kx ")).map(Card::id).contains("KX");
        assertThat(kb.lookup("mw-u003")).map(Card::id).contains("MW-U003");
        assertThat(kb.lookup("CMS-TOTAL-TIME")).map(Card::id).contains("cms-total-time");
        assertThat(kb.lookup("I69.351")).map(Card::id).contains("I69.35");
        assertThat(kb.lookup("I69.151")).map(Card::id).contains("I69");
        assertThat(kb.lookup("97999")).isEmpty();
        assertThat(kb.lookup("")).isEmpty();
        assertThat(kb.lookup(null)).isEmpty();
    }

    @Test
    void wellFormedIds() {
        assertThat(KnowledgeBase.isWellFormedId("97112")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("g0283")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("59")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("MW-U003")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("I69.351")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("cms-total-time")).isTrue();
        assertThat(KnowledgeBase.isWellFormedId("97112x")).isFalse();
        assertThat(KnowledgeBase.isWellFormedId("hello")).isFalse();
        assertThat(KnowledgeBase.isWellFormedId("97 112")).isFalse();
        assertThat(KnowledgeBase.isWellFormedId(null)).isFalse();
    }

    @Test
    void synonymsTherapistsUse() {
        assertThat(top("NMR")).isEqualTo("97112");
        assertThat(top("neuro re-ed")).isEqualTo("97112");
        assertThat(top("ther ex")).isEqualTo("97110");
        assertThat(top("balance")).isEqualTo("97112");
        assertThat(top("gait")).isEqualTo("97116");
        assertThat(top("PNF")).isEqualTo("97112");
        assertThat(top("PTA")).isEqualTo("CQ");
        assertThat(top("group")).isEqualTo("97150");
        assertThat(top("eight-minute rule")).isEqualTo("cms-total-time");
        assertThat(top("8 minute rule")).isEqualTo("cms-total-time");
    }

    @Test
    void typosAreTolerated() {
        assertThat(top("nueromuscular")).isEqualTo("97112");
        assertThat(top("theraputic excercise")).isEqualTo("97110");
        assertThat(top("iontoforesis")).isEqualTo("97033");
    }

    @Test
    void codePrefixesFindTheCodesUnderThem() {
        List<String> ids = ids(kb.search("9716", 10));
        assertThat(ids).contains("97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168");
        assertThat(ids(kb.search("9711", 10))).contains("97110", "97112", "97113", "97116");
    }

    @Test
    void anExactIdComesFirst() {
        assertThat(top("97530")).isEqualTo("97530");
        assertThat(top("GP")).isEqualTo("GP");
        assertThat(top("modifier 59")).isEqualTo("59");
        assertThat(top("MW-U002")).isEqualTo("MW-U002");
        assertThat(top("G0283 unattended")).isEqualTo("G0283");
    }

    @Test
    void everydayWordsAreNotTakenForModifiers() {
        // "at" and "go" are words; 59 here is minutes, not the modifier.
        assertThat(kb.parse("look at the gait note").ids()).doesNotContain("AT");
        assertThat(kb.parse("how many units for 59 minutes").ids()).doesNotContain("59");
        assertThat(kb.parse("97140-59").ids()).contains("97140", "59");
        assertThat(kb.parse("AT modifier").ids()).contains("AT");
    }

    @Test
    void searchRespectsTheLimitAndNeverReturnsNull() {
        assertThat(kb.search("therapy", 3)).hasSizeLessThanOrEqualTo(3);
        assertThat(kb.search("", 5)).isEmpty();
        assertThat(kb.search("   ", 5)).isEmpty();
        assertThat(kb.search("therapy", 0)).isEmpty();
    }

    @Test
    void aVeryLongTextIsCutNotRefused() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append("word").append(i).append(" balance ").append(9000 + i).append(' ');
        }
        // Mostly words no card holds: searched (not refused), and too little of it matches to list cards.
        assertThat(kb.search(sb.toString(), 5)).isEmpty();
        assertThat(kb.ask(sb.toString()).answer()).isNotBlank();
        assertThat(kb.search("balance nmr gait pta group ".repeat(100), 5)).isNotEmpty();
        assertThat(kb.search("x".repeat(10_000), 5)).isEmpty();
    }

    @Test
    void askAssemblesAnAnswerWithItsCitation() {
        Answer a = kb.ask("can I bill 97112 for a group?");
        assertThat(a.known()).isTrue();
        assertThat(ids(a.cards())).contains("97112", "97150");
        assertThat(a.answer()).contains("Group time is never 97112").contains("97150").contains("Source:");
    }

    @Test
    void askWorksOutUnitsFromMinutes() {
        Answer a = kb.ask("how many units for 38 minutes");
        assertThat(a.known()).isTrue();
        assertThat(a.cards().get(0).card().id()).isEqualTo("cms-total-time");
        assertThat(a.answer()).contains("38 timed minutes in a day are 3 units").contains("Source:");
        assertThat(kb.ask("how many units for 7 minutes").answer()).contains("0 units");
        // Therapists' words name the codes of the minutes.
        assertThat(kb.ask("pt did ther ex 23 min and nmr 24 min how many units").answer())
                .contains("47 timed minutes, 3 units").contains("97110 x1, 97112 x2");
    }

    /**
     * The engine's limits hold in ask as in units and the API: no units for more than a day's minutes (one count or
     * all together), nor for negative minutes, which the tokens alone read as positive ("-5" is "5").
     */
    @Test
    void askCountsNoUnitsForMinutesTheEngineRefuses() {
        for (String q : List.of("how many units for 2000 minutes", "how many units for 1441 minutes",
                "97110 800 min and 97112 700 min how many units", "2000 minutes")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isFalse();
            assertThat(a.cards()).as(q).isEmpty();
            assertThat(a.answer()).as(q).startsWith("I can't count units for ").contains("a day has 1440 minutes")
                    .doesNotContain(" units under");
        }
        assertThat(kb.ask("97110 800 min and 97112 700 min how many units").answer())
                .contains("97110 800 min + 97112 700 min (1500 minutes)");
        for (String q : List.of("how many units for -5 minutes", "units for -20min", "how many units for (-5 minutes)",
                "how many units for \u22125 minutes")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isFalse();
            assertThat(a.answer()).as(q).startsWith("I can't count units for -").contains("cannot be negative");
        }
    }

    /** Near misses: a whole day's minutes, a range and a code's modifier written with a dash are still answered. */
    @Test
    void askStillCountsUnitsAtTheLimitsAndBesideADash() {
        Answer day = kb.ask("how many units for 1440 minutes");
        assertThat(day.known()).isTrue();
        assertThat(day.answer()).contains("1440 timed minutes in a day are 96 units");
        assertThat(kb.ask("how many units for 0 minutes").answer()).contains("0 units by themselves");
        assertThat(kb.ask("how many units for 5 minutes").answer()).contains("5 timed minutes are below 8");
        assertThat(kb.ask("how many units for 8-22 minutes").answer()).doesNotContain("I can't count");
        assertThat(kb.ask("97140-59 for 20 min how many units").answer()).doesNotContain("I can't count");
    }

    /**
     * Minutes stated with nothing else asked ("more than 67 minutes") are a minutes-to-units question even without
     * the word "units": not the group therapy card, whose title says "2 or more" and whose text says "minutes". The
     * answer names the next band when the question asks past the minutes, or the minutes sit at a band's edge.
     */
    @Test
    void askAnswersMinutesAloneWithTheirUnits() {
        Answer more = kb.ask("more than 67 minutes");
        assertThat(more.known()).isTrue();
        assertThat(more.cards().get(0).card().id()).isEqualTo("cms-total-time");
        assertThat(more.answer()).contains("67 timed minutes in a day are 4 units").contains("53-67 minutes = 4 units")
                .contains("68 minutes would be 5 units (68-82)").doesNotContain("97150");
        for (String q : List.of("over 67 minutes", "67 minutes", "68 minutes?", "what if I treat more than 67 minutes",
                "patient treated for 67 minutes", "67 mins of therapy", "at least 38 minutes", "less than 8 minutes",
                "what about 53 minutes", "8 minute rule for 67 minutes", "is 68 minutes enough for 5")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isTrue();
            assertThat(a.cards().get(0).card().id()).as(q).isEqualTo("cms-total-time");
            assertThat(a.answer()).as(q).contains("timed minutes in a day are");
        }
        assertThat(kb.ask("more than 60 minutes").answer()).contains("60 timed minutes in a day are 4 units")
                .contains("68 minutes would be 5 units");
        assertThat(kb.ask("less than 8 minutes").answer()).contains("8 timed minutes in a day are 1 unit")
                .contains("7 minutes would be 0 units");
        assertThat(kb.ask("how many units for 38 minutes").answer()).contains("37 minutes would be 2 units (23-37)");
        assertThat(kb.ask("over 7 minutes").answer()).contains("0 units by themselves")
                .contains("8 minutes would be 1 unit (8-22)");
        // "under" or "over" about something else than the minutes asks for no band beside them.
        assertThat(kb.ask("how many units for 40 minutes under medicare").answer())
                .contains("40 timed minutes in a day are 3 units").doesNotContain("would be");
        assertThat(kb.ask("units for 40 minutes over two codes").answer()).doesNotContain("would be");
        // The rule itself, and minutes beside another subject, are still answered by retrieval.
        for (String q : List.of("what is the 8-minute rule", "8 minute rule", "explain the 8 minute rule")) {
            assertThat(firstCard(q)).as(q).isEqualTo("cms-total-time");
            assertThat(kb.ask(q).answer()).as(q).contains("53-67 = 4, 68-82 = 5");
        }
        assertThat(firstCard("our pta did 12 of the 20 minutes what modifier")).isEqualTo("CQ");
        assertThat(kb.ask("97110 for 67 minutes").answer()).doesNotContain("timed minutes in a day are");
    }

    /**
     * Minutes written before the therapist's words are theirs ("22 min neuro re-ed and 9 min gait"), as much as
     * minutes written after ("ther ex 23 min"); "the 8 minute rule" names the rule, it is no minutes.
     */
    @Test
    void askPairsMinutesWithTheWordsOnEitherSide() {
        assertThat(kb.ask("how many units for 22 min neuro re-ed and 9 min gait?").answer())
                .contains("97112 22 min + 97116 9 min").contains("31 timed minutes, 2 units");
        assertThat(kb.ask("8 minute rule: 10 min ther ex and 10 min manual, how many units?").answer())
                .contains("97110 10 min + 97140 10 min").contains("20 timed minutes, 1 unit")
                .doesNotContain("8 min");
        assertThat(kb.ask("ther ex 23 min and nmr 24 min how many units").answer())
                .contains("97110 23 min + 97112 24 min");
    }

    /** The card the intent names, not the one whose words match best. */
    @Test
    void askAnswersAssistantAndChiropractorQuestionsWithTheRule() {
        String[][] first = {
            {"can a PTA do a re-evaluation?", "MW-W009"},
            {"can an OTA do an evaluation?", "MW-W009"},
            {"can a chiropractor bill 97140 to Medicare?", "MW-W001"},
            {"can a PTA bill Medicare under their own NPI?", "CQ"},
            {"can an OTA bill medicare", "CO"},
            {"what ICD-10 code supports 97112?", "MW-D004"}};
        for (String[] qa : first) {
            assertThat(firstCard(qa[0])).as(qa[0]).isEqualTo(qa[1]);
        }
        // Near misses: a diagnosis named, a chiropractor's manipulation to Medicare, a PT's evaluation.
        assertThat(firstCard("does M54.5 low back pain support 97112")).isNotEqualTo("MW-D004");
        assertThat(firstCard("can a chiropractor bill 98941 to Medicare?")).isNotEqualTo("MW-W001");
        assertThat(firstCard("can a PT do a re-evaluation?")).isNotEqualTo("MW-W009");
    }

    private String firstCard(String question) {
        return kb.ask(question).cards().get(0).card().id();
    }

    /**
     * A year's figure comes from the yearly card built from the reference data; a year it does not have is not
     * answered with another year's figure; Medicare Advantage is not Original Medicare.
     */
    @Test
    void askAnswersAYearsFigureWithThatYearOrNotAtAll() {
        Answer a = kb.ask("what is the 2019 therapy threshold?");
        assertThat(a.known()).isTrue();
        assertThat(a.answer()).startsWith("Medicare, 2019: therapy (KX) threshold $2,040");
        assertThat(kb.ask("what is the 2025 conversion factor?").answer()).contains("2025")
                .contains("conversion factor $32.3465");
        Answer unknown = kb.ask("what is the 2031 therapy threshold?");
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.answer()).startsWith("I don't know the 2031 figure");
        assertThat(kb.ask("what is the 2026 therapy threshold?").answer()).contains("2026").contains("$2,480");
        assertThat(kb.ask("is the KX modifier required for Medicare Advantage?").known()).isFalse();
    }

    /** Words no card holds find nothing, rather than a list of cards that look like an answer. */
    @Test
    void searchFindsNothingForWordsNoCardHolds() {
        assertThat(kb.search("kinesio taping", 10)).isEmpty();
        assertThat(kb.search("xyzzy", 10)).isEmpty();
        assertThat(ids(kb.search("nueromuscular", 10))).first().isEqualTo("97112");
        assertThat(ids(kb.search("ther ex", 10))).first().isEqualTo("97110");
    }

    /** Two evaluations on one day: the rule that answers it comes first, not the evaluation codes' cards. */
    @Test
    void twoEvaluationsADayIsAnsweredByTheRule() {
        Answer a = kb.ask("can I bill two PT evaluations on the same day?");
        assertThat(a.cards().get(0).card().id()).isEqualTo("eval-once-per-day");
        assertThat(a.answer()).startsWith("Only one PT evaluation or re-evaluation");
        assertThat(kb.ask("what is a PT evaluation").cards().get(0).card().id()).isNotEqualTo("eval-once-per-day");
    }

    /** "20 min of 97112": the code after "of" owns the minutes, and is not taken for the next minutes' code. */
    @Test
    void askPairsMinutesWithTheCodeWrittenAfterThem() {
        assertThat(kb.ask("I did 20 min of 97112 and 18 min of 97110, how many units").answer())
                .contains("97112 20 min + 97110 18 min").contains("38 timed minutes, 3 units")
                .contains("97112 x2, 97110 x1").contains("Under the CPT per-code method: 97112 x1, 97110 x1");
        // A commercial payer's question leads with the per-code count.
        assertThat(kb.ask("8 minutes of 97110 and 8 minutes of 97140 for a commercial payer, how many units?")
                .answer()).startsWith("97110 8 min + 97140 8 min: 2 units under the CPT per-code method")
                .contains("CMS total-time method (Medicare, and payers that adopt it): 16 timed minutes, 1 unit");
    }

    @Test
    void askNamesTheNcciPairOfTwoCodes() {
        Answer a = kb.ask("can I bill 97530 and 97140 same day");
        assertThat(ids(a.cards()).subList(0, 3)).containsExactly("97530", "97140", "59");
        assertThat(a.answer()).contains("NCCI pair").contains("column two 97140").contains("Source:");
        Answer none = kb.ask("can I bill 97112 and 97110 the same day");
        assertThat(none.answer()).contains("no NCCI pair").contains("a minute belongs to one code");
    }

    @Test
    void askSaysItDoesNotKnowRatherThanGuess() {
        for (String q : List.of("whats the weather in paris tomorrow", "how do I reset my password",
                "best pizza near me", "what is the capital of france", "hippotherapy cpt code",
                "when does the clinic christmas party start", "")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isFalse();
            assertThat(a.cards()).as(q).isEmpty();
            assertThat(a.answer()).as(q).startsWith("I don't know");
        }
        assertThat(kb.ask("what is 97999").answer()).contains("97999").contains("not in the Minutewise knowledge base");
    }

    @Test
    void codeCardsCarryTheStarterEditsWithTheirSource() {
        Card c = kb.lookup("97112").orElseThrow();
        assertThat(c.facts("Unit limit")).extracting(Fact::text).anyMatch(t -> t.contains("MUE 4 units of 97112"));
        assertThat(c.citation()).contains("Minutewise starter NCCI table", "Minutewise starter MUE table");
        Card p = kb.lookup("97140").orElseThrow();
        assertThat(p.facts("NCCI pairs")).extracting(Fact::text).anyMatch(t -> t.contains("Column one 97530"));
    }

    /** The cards show the edit tables the checks use, so they cannot drift from them (cards.json adds notes). */
    @Test
    void codeCardsShowTheEditsTheChecksUse() {
        org.minutewise.core.edits.PtpTable ptp = org.minutewise.refdata.RefData.defaults().ptp();
        for (org.minutewise.core.edits.PtpEdit e : ptp.all()) {
            Card c = kb.lookup(e.column2()).orElseThrow();
            assertThat(c.facts("NCCI pairs")).as(e.column1() + "/" + e.column2()).extracting(Fact::text)
                    .anyMatch(t -> t.contains("Column one " + e.column1() + ", column two " + e.column2()));
        }
        // The curated note survives on the pair the table holds.
        assertThat(kb.lookup("97140").orElseThrow().facts("NCCI pairs")).extracting(Fact::text)
                .anyMatch(t -> t.contains("Column one 97530") && t.contains("Some payers deny 59"));
        // Manipulation pairs are bypassed by region, and the answer says so.
        assertThat(kb.lookup("97140").orElseThrow().facts("NCCI pairs")).extracting(Fact::text)
                .anyMatch(t -> t.contains("Column one 98941") && t.contains("body region"));
        assertThat(kb.ask("can a chiropractor bill 97140 with 98941").answer())
                .contains("NCCI pair").contains("region not manipulated");
    }

    @Test
    void editTablesPlugInThroughTheHook() {
        CodeEdits cms = CodeEdits.of(List.of(new PairEdit("97110", "97112", "1", "", "test PTP table")),
                List.of(new UnitLimit("97112", 3, "3", "", "test MUE table")));
        KnowledgeBase custom = KnowledgeBase.builder().edits(cms).build();
        Card c = custom.lookup("97112").orElseThrow();
        assertThat(c.facts("NCCI pairs")).extracting(Fact::text).anyMatch(t -> t.contains("modifier indicator 1"));
        assertThat(c.facts("Unit limit")).extracting(Fact::text).containsExactly(
                "MUE 3 units of 97112 per patient per day (adjudication indicator 3).");
        assertThat(c.citation()).contains("test PTP table", "test MUE table");
    }

    @Test
    void noCardQuotesTheAmaDescriptorFromTheSeeds() {
        // The seed article quotes the AMA descriptor of 97112; the project ships its own label only.
        for (Card c : kb.cards()) {
            String all = c.title() + c.summary() + c.facts();
            assertThat(all).as(c.id()).doesNotContainIgnoringCase("for sitting and/or standing activities");
        }
    }

    private String top(String text) {
        List<ScoredCard> r = kb.search(text, 3);
        assertThat(r).as(text).isNotEmpty();
        return r.get(0).card().id();
    }

    private static List<String> ids(List<ScoredCard> cards) {
        List<String> out = new ArrayList<>();
        for (ScoredCard c : cards) {
            out.add(c.card().id());
        }
        return out;
    }
}
