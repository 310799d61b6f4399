package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The questions of the OT/SLP review that got confident wrong answers (untimed speech codes counted as timed minutes,
 * 97129 billed for every unit, group speech therapy as 97150, swallow studies and AAC sent to PT cards), each with a
 * near miss that must keep its answer.
 */
class AskOtSlpReviewTest {
    private final KnowledgeBase kb = KnowledgeBase.standard();

    @Test
    void anUntimedCodeNamedAwayFromItsMinutesIsOneUnit() {
        for (String q : List.of("How many units of 92507 can I bill for 45 minutes",
                "how many units of 92526 can I bill for a 30 minute session",
                "how many units of speech therapy can I bill for 45 minutes")) {
            Answer a = kb.ask(q);
            assertThat(a.known()).as(q).isTrue();
            assertThat(a.answer()).as(q).containsPattern("^925(07|26) \\d+ min: untimed, so 925(07|26) x1 whatever "
                    + "the minutes").contains("RULES.md §1").doesNotContain("timed minutes in a day")
                    .doesNotContain("x2").doesNotContain("x3");
            assertThat(ids(a).get(0)).as(q).isIn("92507", "92526");
        }
        // The wording that already worked keeps its answer.
        assertThat(kb.ask("How many units of 92507 for 45 minutes?").answer())
                .startsWith("92507 45 min: untimed, so 92507 x1 whatever the minutes");
    }

    @Test
    void aTimedCodeNamedAwayFromItsMinutesGetsItsUnits() {
        Answer a = kb.ask("how many units of 97110 can I bill for 45 minutes");
        assertThat(a.answer()).startsWith("97110 45 min: 45 timed minutes, 3 units under the CMS total-time method")
                .contains("97110 x3");
        // Near misses: no code named is the day's timed minutes, as before; two codes, one untimed, are not guessed.
        assertThat(kb.ask("how many units can I bill for 45 minutes").answer())
                .startsWith("45 timed minutes in a day are 3 units under the CMS total-time method");
        Answer two = kb.ask("how many units of 97110 and 92507 can I bill for 45 minutes");
        assertThat(two.known()).isFalse();
        assertThat(two.answer()).startsWith("I can't read that unambiguously").contains("92507 is untimed");
        // Two timed codes: the day's total under the CMS method does not depend on the split.
        assertThat(kb.ask("how many units of 97110 and 97112 can I bill for 45 minutes").answer())
                .startsWith("45 timed minutes in a day are 3 units");
    }

    @Test
    void cognitiveMinutesBill97129OnceAndTheRestOn97130() {
        for (String q : List.of("How many units for 40 minutes of 97129?", "40 minutes of cognitive therapy")) {
            Answer a = kb.ask(q);
            assertThat(a.answer()).as(q).startsWith("97129 40 min: 40 timed minutes, 3 units")
                    .contains("the 8-minute rule): 97129 x1, 97130 x2.")
                    .contains("Under the CPT per-code method: 97129 x1, 97130 x2.")
                    .contains("97130, which is never billed without 97129").doesNotContain("97129 x3");
        }
        // 97130 alone is never the claim: the first unit goes on 97129.
        assertThat(kb.ask("97130 30 min").answer()).contains("97129 x1, 97130 x1").doesNotContain("97130 x2");
        // One unit of cognitive minutes is 97129 alone; beside another code the other code is unchanged.
        assertThat(kb.ask("97129 15 min").answer()).contains("97129 x1.").doesNotContain("97130 x");
        assertThat(kb.ask("how many units for 30 minutes of 97110 and 25 of 97129").answer())
                .contains("97110 x2, 97129 x1, 97130 x1");
        // Near miss: both codes given already split as the claim does, and say nothing more.
        assertThat(kb.ask("97129 20 min and 97130 20 min").answer()).contains("97129 x1, 97130 x2")
                .doesNotContain("never billed without");
        // Near miss: a PT code's units are as before.
        assertThat(kb.ask("how many units for 40 minutes of 97110").answer()).contains("97110 x3")
                .doesNotContain("97129");
    }

    @Test
    void groupSpeechTherapyIs92508() {
        for (String q : List.of("How do I bill group speech therapy?", "group therapy code for SLP",
                "how many units for an aphasia group", "how do I bill a language group")) {
            Answer a = kb.ask(q);
            assertThat(a.answer()).as(q).startsWith("92508 (group speech, language or voice treatment) is untimed")
                    .doesNotStartWith("97150");
            assertThat(ids(a).get(0)).as(q).isEqualTo("92508");
        }
        // Swallowing treatment has no group code: the engine's MW-G002 says the same.
        Answer swallow = kb.ask("how do I bill a dysphagia group");
        assertThat(swallow.answer()).startsWith("Swallowing (dysphagia) treatment has no group code").contains("92508");
        // Near misses: PT and OT group therapy stays 97150.
        for (String q : List.of("group therapy for Medicare how many units", "how do I bill group PT",
                "how many units for group therapy", "how do I bill group occupational therapy")) {
            assertThat(kb.ask(q).answer()).as(q).startsWith("97150 (group therapy) is untimed");
        }
        assertThat(ids(kb.ask("group therapy code for OT")).get(0)).isEqualTo("97150");
    }

    @Test
    void swallowStudiesAndAacReachTheirCodes() {
        assertThat(ids(kb.ask("code for AAC device training")).get(0)).isEqualTo("92609");
        assertThat(ids(kb.ask("how do I bill speech generating device training")).get(0)).isEqualTo("92609");
        assertThat(ids(kb.ask("What CPT code for a FEES?")).get(0)).isEqualTo("92612");
        assertThat(ids(kb.ask("code for a fiberoptic endoscopic evaluation of swallowing")).get(0)).isEqualTo("92612");
        assertThat(ids(kb.ask("What code do I bill for a modified barium swallow study?")).get(0)).isEqualTo("92611");
        assertThat(ids(kb.ask("VFSS code")).get(0)).isEqualTo("92611");
        assertThat(ids(kb.ask("clinical swallow eval code")).get(0)).isEqualTo("92610");
        assertThat(first("MBSS")).isEqualTo("92611");
        assertThat(first("swallow study")).isEqualTo("92611");
        assertThat(first("videofluoroscopic swallow study")).isEqualTo("92611");
        assertThat(first("FEES")).isEqualTo("92612");
        assertThat(first("AAC")).isEqualTo("92609");
        assertThat(first("SGD")).isEqualTo("92609");
        assertThat(first("bedside swallow eval")).isEqualTo("92610");
        // Near misses: "fees" in lower case is money, not the swallow study; gait training keeps its card.
        assertThat(first("fee schedule")).isNotEqualTo("92612");
        assertThat(ids(kb.ask("what are the fees for 97110")).get(0)).isEqualTo("97110");
        assertThat(kb.parse("what fees does medicare pay").synonyms())
                .noneMatch(m -> m.group().ids().contains("92612"));
        assertThat(ids(kb.ask("code for gait training")).get(0)).isEqualTo("97116");
    }

    @Test
    void aPhraseInCapitalsMatchesOnlyAsTyped() {
        Synonyms s = Synonyms.load(new java.io.ByteArrayInputStream("FEES, endoscopic swallow, @92612\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test");
        assertThat(s.find(List.of("a", "fees"), List.of("a", "FEES"))).hasSize(1);
        assertThat(s.find(List.of("a", "fees"), List.of("a", "fees"))).isEmpty();
        assertThat(s.find(List.of("a", "fee"), List.of("a", "Fee"))).isEmpty();
        assertThat(s.find(List.of("endoscopic", "swallow"), List.of("Endoscopic", "swallow"))).hasSize(1);
        assertThat(Synonyms.capitalsOnly("FEES")).isTrue();
        assertThat(Synonyms.capitalsOnly("fees")).isFalse();
        assertThat(Synonyms.capitalsOnly("8 MIN")).isTrue();
        assertThat(Synonyms.capitalsOnly("8")).isFalse();
    }

    private String first(String text) {
        List<ScoredCard> hits = kb.search(text, 3);
        assertThat(hits).as(text).isNotEmpty();
        return hits.get(0).card().id();
    }

    private static List<String> ids(Answer a) {
        return a.cards().stream().map(c -> c.card().id()).toList();
    }

    /** A card's quoted payment fact ends with its own source: the answer still has one "Source:" sentence. */
    @Test
    void aPaymentAnswerHasOneSourceSentence() {
        String answer = kb.ask("what are the fees for 97110").answer();
        assertThat(answer).contains("Source: RULES.md §6; ");
        assertThat(answer.split(" Source: ", -1)).hasSize(2);
        // Near miss: an answer without a quoted source keeps the card's.
        assertThat(kb.ask("what is 97110").answer()).containsOnlyOnce(" Source: ");
    }
}
