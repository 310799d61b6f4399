package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The questions of a coder's review that got confident wrong answers, each with a near miss. */
class AskReviewTest {
    private final KnowledgeBase kb = KnowledgeBase.standard();

    @Test
    void threeCodesAnswerForEveryPair() {
        Answer a = kb.ask("can I bill 97110, 97140 and 97530 on the same day");
        assertThat(a.known()).isTrue();
        assertThat(a.answer()).contains("97140 and 97530 on the same day are an NCCI pair")
                .contains("97140 is not paid beside 97530").contains("Some payers deny 59")
                .contains("97110/97140, 97110/97530: no NCCI pair among these");
        assertThat(ids(a)).contains("97110", "97140", "97530", "59");
        // Near miss: two codes keep the one-pair answer.
        Answer two = kb.ask("can I bill 97110 and 97140 on the same day");
        assertThat(two.answer()).startsWith("97110 and 97140: no NCCI pair between them").doesNotContain("each pair");
    }

    @Test
    void minutesAreReadBeforeAndAfterTheirCode() {
        assertThat(kb.ask("how many units for 30 minutes of 97110 and 10 of 97140").answer())
                .contains("97110 30 min + 97140 10 min: 40 timed minutes, 3 units").contains("97110 x2, 97140 x1");
        assertThat(kb.ask("how many units for 38 minutes of 97110 and 8 of 97112 under Medicare").answer())
                .contains("46 timed minutes, 3 units").contains("97110 x3, 97112 x0")
                .contains("CPT per-code method: 97110 x3, 97112 x1");
        assertThat(kb.ask("how many units for 20 min 97112 and 18 min 97110").answer())
                .startsWith("97112 20 min + 97110 18 min: 38 timed minutes, 3 units").contains("97112 x2, 97110 x1");
        // Without the word "units", minutes that each have their code still ask for units.
        assertThat(kb.ask("20 min 97112 and 18 min 97110").answer()).contains("38 timed minutes, 3 units");
        // Near miss: the code before its minutes is read as before.
        assertThat(kb.ask("how many units for 97110 38 minutes and 97112 8 minutes").answer())
                .startsWith("97110 38 min + 97112 8 min: 46 timed minutes");
        // "8 of" with no "N minutes of" before it is no count of minutes.
        assertThat(kb.parse("can I bill 8 of 97112").minutes()).isEmpty();
    }

    @Test
    void minutesWithoutTheirCodeAreNotAnsweredInPart() {
        Answer a = kb.ask("how many units for 30 minutes of 97110 and 10 minutes");
        assertThat(a.known()).isFalse();
        assertThat(a.answer()).startsWith("I can't read that unambiguously");
        // Near miss: minutes with no code at all are the day's total.
        assertThat(kb.ask("how many units for 30 minutes and 10 minutes").answer()).contains("add up to 40");
    }

    @Test
    void anAssistantsAndATherapistsMinutesSayWhichUnitsCarryCq() {
        Answer a = kb.ask("PTA did 10 minutes and PT did 20 minutes of 97110, which units get CQ");
        assertThat(a.known()).isTrue();
        assertThat(a.answer()).contains("30 timed minutes = 2 units").contains("1 unit carries CQ and 1 does not");
        assertThat(ids(a).get(0)).isEqualTo("CQ");
        Answer ota = kb.ask("OTA did 10 minutes and OT did 20 minutes of 97530, which units get CO");
        assertThat(ota.answer()).contains("carries CO");
        // Near miss: the therapist's own 8 minutes of the last unit keep it without CQ.
        assertThat(kb.ask("PTA did 5 minutes and PT did 25 minutes of 97110, which units get CQ").answer())
                .contains("no unit carries CQ");
    }

    @Test
    void twoCodesForTheSameMinutesAreRefused() {
        Answer a = kb.ask("can I bill 97112 and 97110 for the same 15 minutes");
        assertThat(a.answer()).startsWith("No: a minute belongs to one code").contains("MW-U003");
        assertThat(ids(a).get(0)).isEqualTo("MW-U003");
        // A supervised modality is the exception.
        assertThat(kb.ask("can I bill 97010 and 97110 for the same 15 minutes").answer())
                .contains("supervised modality").doesNotStartWith("No");
        // Near miss: the same day is no shared minute.
        assertThat(kb.ask("can I bill 97112 and 97110 on the same day").answer()).doesNotContain("No: a minute");
    }


    @Test
    void offTopicQuestionsAndShortGuessesAreNotAnswered() {
        for (String q : List.of("what is the meaning of life", "what is the meaning of love")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isFalse();
            assertThat(a.answer()).as(q).startsWith("I don't know");
        }
        // Near miss: a long word's typo is still read.
        Answer typo = kb.ask("neuromuscular reeducaton");
        assertThat(typo.known()).isTrue();
        assertThat(ids(typo).get(0)).isEqualTo("97112");
    }

    @Test
    void aCodeTypedWithALookAlikeLetterOrABlankIsRead() {
        Answer l = kb.ask("971l2");
        assertThat(ids(l).get(0)).isEqualTo("97112");
        Answer split = kb.ask("97 11");
        assertThat(split.known()).isFalse();
        assertThat(split.answer()).startsWith("I don't know which code you mean: 9711 is the start of a code")
                .contains("97110 (").contains("97112 (").contains("97116 (");
        assertThat(ids(split)).contains("97110", "97112").doesNotContain("97");
        // Near miss: the modifier asked about by name stays the modifier.
        assertThat(ids(kb.ask("what is modifier 97")).get(0)).isEqualTo("97");
        // A look-alike letter in a word that is no code stays a word.
        assertThat(kb.parse("what is l0l00").codes()).isEmpty();
    }

    @Test
    void aNoteQuestionGetsTheChecklistNotTheRedFlags() {
        Answer a = kb.ask("what should a 97112 note include");
        assertThat(a.answer()).startsWith("A 97112 (").contains("1) The neuromuscular deficit")
                .contains("Objective measures").contains("The named technique").contains("RULES.md §7")
                .doesNotContain("Vague notes");
        assertThat(ids(a).get(0)).isEqualTo("97112");
        // Near miss: asked what gets denied, the card's red flags may answer.
        assertThat(kb.ask("what gets 97112 denied").answer()).doesNotStartWith("A 97112 (");
    }

    @Test
    void exerciseThePatientDoesAloneIsNotBillable() {
        Answer a = kb.ask("can I bill 97110 for a home exercise program the patient did alone");
        assertThat(a.answer()).startsWith("No: exercise the patient does alone").contains("RULES.md §2");
        assertThat(ids(a)).contains("countable-minutes", "97110");
        // Near miss: a home program without "alone" is the code's own card.
        assertThat(kb.ask("can I bill 97110 for teaching a home exercise program").answer())
                .doesNotStartWith("No: exercise the patient does alone");
    }

    @Test
    void aFullDiagnosisCodeIsNeverShownAsItsCategorysOwn() {
        Answer a = kb.ask("what is I69.351");
        assertThat(a.answer()).startsWith("I69.351 falls under category I69.35 (")
                .contains("cannot confirm that I69.351 is a valid ICD-10-CM code").contains("--icd10-file");
        Card r26 = kb.lookup("R26.89").orElseThrow();
        assertThat(KnowledgeBase.categoryNote("R26.89", r26)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("R26.89 falls under category R26.8 (").contains("Its own title is not in the embedded data"));
        // R26.81 has its own row (catalog 2026.6): its card is its own, with its title, and no note.
        Card r2681 = kb.lookup("R26.81").orElseThrow();
        assertThat(r2681.id()).isEqualTo("R26.81");
        assertThat(KnowledgeBase.categoryNote("R26.81", r2681)).isEmpty();
        // Near miss: the category itself has its own card and no note.
        assertThat(KnowledgeBase.categoryNote("R26.8", kb.lookup("R26.8").orElseThrow())).isEmpty();
        assertThat(kb.ask("what is R26.8").answer()).doesNotContain("falls under category");
    }

    @Test
    void wordsASynonymReadsDoNotBringUpCardsOfTheirOwn() {
        // "neuro re-ed" is 97112 (a synonym); "re" and "ed" alone ranked the re-evaluations 2-5 behind it.
        List<String> top = kb.search("neuro re-ed", 5).stream().map(c -> c.card().id()).toList();
        assertThat(top.get(0)).isEqualTo("97112");
        assertThat(top).doesNotContain("97164", "97168", "97002", "97004");
        // Near miss: a word no synonym reads still searches at full weight.
        assertThat(kb.search("re-evaluation", 3).get(0).card().id()).isIn("97164", "97168");
    }

    @Test
    void canalithRepositioningIsFoundByEpleyAndCitesWhatHoldsIt() {
        assertThat(kb.search("epley", 5).get(0).card().id()).isEqualTo("95992");
        Card c = kb.lookup("95992").orElseThrow();
        // RULES.md §1 does not list 95992: the card must not cite it.
        assertThat(c.citation()).doesNotContain("RULES.md").contains("code catalog");
        // Near miss: a code RULES.md §1 lists keeps that citation.
        assertThat(kb.lookup("97112").orElseThrow().citation()).contains("RULES.md §1");
    }

    private static List<String> ids(Answer a) {
        return a.cards().stream().map(c -> c.card().id()).toList();
    }

    /**
     * "How much does Medicare pay for 97112" answers with the amount (it gave the code card): the sample's 2026 RVUs
     * (0.50 + 0.47 + 0.01) x $33.4009 = $32.73 in full; with half the practice expense (0.745 RVUs) $24.88 a further
     * unit, 85% of that ($21.15) with CQ. The same figures the engine's estimate prices a claim with.
     */
    @Test
    void aPaymentQuestionGetsTheAmount() {
        Answer a = kb.ask("how much does Medicare pay for 97112");
        assertThat(a.answer()).startsWith("Medicare physician fee schedule estimate, 2026, national (GPCI 1.000)")
                .contains("x conversion factor $33.4009 = $32.73 for a unit paid in full")
                .contains("$24.88 for each further unit").contains("($21.15 for a further unit)")
                .contains("20% coinsurance").contains("--rvu-file").contains("An estimate");
        assertThat(ids(a)).startsWith("97112");
        var ref = org.minutewise.refdata.RefData.defaults();
        var twoUnits = org.minutewise.core.claim.PaymentEstimator.estimate(List.of(
                        new org.minutewise.core.claim.ClaimLine("97112", List.of("GP"), 2, List.of(1),
                                java.util.Optional.empty(), java.util.Optional.of("T1"), java.util.Optional.empty(),
                                java.util.Optional.empty(), false, org.minutewise.core.model.Discipline.PT,
                                List.of(0))),
                java.time.LocalDate.of(2026, 7, 1), java.util.Optional.empty(), ref.fees());
        // 32.7329 + 24.8837, rounded once for the line: the engine rounds a line, the answer each unit.
        assertThat(twoUnits.totalAllowed()).isEqualByComparingTo("57.62");
        assertThat(kb.ask("97110 reimbursement rate").answer()).contains("= $29.06 for a unit paid in full");
        assertThat(kb.ask("how much does medicare pay for 97010").answer()).startsWith("Medicare bundles 97010");
        assertThat(kb.ask("how much is 97799 paid").answer()).startsWith("97799 is an unlisted code");
        assertThat(kb.ask("allowed amount for 97140").answer()).startsWith("The loaded fee data has no RVUs for 97140");
        // The card shows it too.
        assertThat(kb.card("97112").orElseThrow().facts()).anyMatch(f -> f.topic().equals("Medicare payment"));
        // Near miss: whether Medicare covers a code is a coverage question, answered by the card.
        assertThat(kb.ask("does medicare pay for 97014").answer()).contains("bill G0283 to Medicare instead")
                .doesNotContain("fee schedule estimate");
    }

    /**
     * Dry needling had no card ("dry needling" found nothing; "can a PT bill 20560 to Medicare" answered with the
     * re-evaluation): a topic card, reached by its words and by the codes it names, which no code card is about.
     */
    @Test
    void dryNeedlingHasItsCardByWordsAndByItsCodes() {
        assertThat(kb.ask("does medicare pay for dry needling").answer()).startsWith("Dry needling is billed with "
                + "20560").contains("Medicare does not pay a physical therapist for it");
        Answer code = kb.ask("can a PT bill 20560 to Medicare");
        assertThat(ids(code)).startsWith("dry-needling");
        assertThat(kb.lookup("20561")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("dry-needling"));
        assertThat(kb.card("dry-needling").orElseThrow().facts()).anyMatch(f -> f.text().contains("NCD 30.3.3"));
        // Near miss: a code card of the catalog is still its own card.
        assertThat(kb.lookup("97140")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("97140"));
        assertThat(kb.lookup("20999")).isEmpty();
    }

    @Test
    void answersRulesStatesOutright() {
        Answer re = kb.ask("which modifier goes on the re-evaluation");
        assertThat(re.answer()).startsWith("59 (or XU) goes on the re-evaluation, 97164 (PT) or 97168 (OT)")
                .contains("97112");
        assertThat(ids(re)).startsWith("97164", "97168", "59");
        assertThat(ids(kb.ask("can an OTA do an OT evaluation")).get(0)).isEqualTo("MW-W009");
        assertThat(kb.ask("what is the coinsurance for therapy").answer()).contains("20% coinsurance")
                .contains("RULES.md §6");
        Answer group = kb.ask("group therapy for Medicare how many units");
        assertThat(group.answer()).startsWith("97150 (group therapy) is untimed: 1 unit per patient");
        assertThat(kb.ask("does a PTA need CQ if the PT was present the whole time").answer())
                .startsWith("No CQ for minutes the therapist furnished together");
        assertThat(kb.ask("what is the MUE for 97140").answer())
                .startsWith("The Minutewise starter MUE table has no value for 97140").contains("--mue-file");
        // Near misses: a code the starter table limits states its value; a PTA alone still needs CQ.
        assertThat(kb.ask("what is the MUE for 97112").answer()).contains("MUE 4 units of 97112");
        assertThat(kb.ask("does a PTA need CQ").answer()).doesNotStartWith("No CQ");
        // Group with one-on-one code named is the code's question, not the group's units.
        assertThat(kb.ask("can I bill 97112 for a group?").answer()).doesNotStartWith("97150 (group therapy)");
    }

    @Test
    void aComparisonSetsBothCodesSideBySide() {
        Answer a = kb.ask("97112 vs 97530");
        assertThat(a.answer()).startsWith("97112 vs 97530. 97112 Neuromuscular reeducation")
                .contains("97530 Therapeutic activities").contains("The same day: 97112 and 97530");
        assertThat(ids(a)).startsWith("97112", "97530");
        // Near miss: two codes without a comparison word are the same-day pair question.
        assertThat(kb.ask("97112 and 97530").answer()).startsWith("97112 and 97530: no NCCI pair");
    }

}
