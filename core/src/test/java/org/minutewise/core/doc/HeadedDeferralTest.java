package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deferral written before its list, as a template's heading ({@link ItemList#headedFrom}): "Deferred: balance,
 * gait.", "Held: vestibular testing, BERG" cover every item of the list to the end of the clause; the same words
 * elsewhere, or without the colon or dash, do not. Hand-built lists (the curated file's cases are refdata's
 * HeadedDeferralRulesTest).
 */
class HeadedDeferralTest {
    static final Map<String, List<String>> LISTS = Map.of(
            PhraseLists.SKILLED, List.of("VC", "CGA", "cues", "TC"),
            PhraseLists.DEFICIT, List.of("balance", "proprioception", "coordination", "vestibular", "dizziness",
                    "unsteady"),
            PhraseLists.BALANCE_DEFICIT, List.of("impaired balance", "unsteady"),
            PhraseLists.FUNCTION, List.of("gait", "stairs", "transfers", "gait training"),
            PhraseLists.MEASURE, List.of("Berg", "Romberg"),
            PhraseLists.NEGATION, List.of("no", "without"),
            PhraseLists.NEGATION_AFTER, List.of("not needed", "deferred", "NT", "held today", "held:", "not tested",
                    "not assessed", "WNL"));

    static final PhraseMatcher MATCHER = new PhraseMatcher(LISTS);

    /** The texts of a list's matches that count (not negated). */
    static List<String> stated(NoteScan scan, String list) {
        return scan.matches(list).stream().map(m -> scan.text().substring(m.start(), m.end())).toList();
    }

    static List<String> negated(NoteScan scan, String list) {
        return scan.negated(list).stream().map(m -> scan.text().substring(m.start(), m.end())).toList();
    }

    @Test
    void aHeadingDeferralCoversEveryItemOfItsList() {
        NoteScan colon = MATCHER.scan("Pt s/p CVA. Deferred: balance, gait.");
        assertThat(stated(colon, PhraseLists.DEFICIT)).isEmpty();
        assertThat(stated(colon, PhraseLists.FUNCTION)).isEmpty();
        assertThat(negated(colon, PhraseLists.DEFICIT)).containsExactly("balance");
        NoteScan dash = MATCHER.scan("Deferred today - balance and gait training");
        assertThat(negated(dash, PhraseLists.DEFICIT)).containsExactly("balance");
        assertThat(negated(dash, PhraseLists.FUNCTION)).contains("gait training", "gait");
        NoteScan held = MATCHER.scan("Held: vestibular testing, BERG");
        assertThat(negated(held, PhraseLists.DEFICIT)).containsExactly("vestibular");
        NoteScan tested = MATCHER.scan("Not tested: proprioception, Romberg, coordination");
        assertThat(negated(tested, PhraseLists.DEFICIT)).containsExactly("proprioception", "coordination");
        assertThat(stated(MATCHER.scan("NT: balance"), PhraseLists.DEFICIT)).isEmpty();
        assertThat(stated(MATCHER.scan("- Held today: balance, stairs w/ CGA"), PhraseLists.SKILLED)).isEmpty();
        // The measure's list is read as written (it is no negatable list): "BERG" and "Romberg" stay measures.
        assertThat(stated(tested, PhraseLists.MEASURE)).containsExactly("Romberg");
    }

    @Test
    void theListEndsWithItsClause() {
        NoteScan next = MATCHER.scan("Deferred: balance. Patient performed gait training with cues");
        assertThat(negated(next, PhraseLists.DEFICIT)).containsExactly("balance");
        assertThat(stated(next, PhraseLists.FUNCTION)).contains("gait training");
        assertThat(stated(next, PhraseLists.SKILLED)).containsExactly("cues");
        assertThat(stated(MATCHER.scan("Deferred: stairs; gait unsteady"), PhraseLists.FUNCTION))
                .containsExactly("gait");
        assertThat(stated(MATCHER.scan("NT: stairs\ngait w/ CGA"), PhraseLists.SKILLED)).containsExactly("CGA");
        // A reason is stated, not deferred; another field's label is no item.
        NoteScan reason = MATCHER.scan("Deferred: stairs d/t dizziness");
        assertThat(negated(reason, PhraseLists.FUNCTION)).containsExactly("stairs");
        assertThat(stated(reason, PhraseLists.DEFICIT)).containsExactly("dizziness");
        assertThat(stated(MATCHER.scan("Deferred: stairs due to unsteady gait"), PhraseLists.DEFICIT))
                .containsExactly("unsteady");
        NoteScan label = MATCHER.scan("Deferred: stairs   Balance: impaired");
        assertThat(negated(label, PhraseLists.FUNCTION)).containsExactly("stairs");
        assertThat(stated(label, PhraseLists.DEFICIT)).containsExactly("Balance");
        assertThat(stated(MATCHER.scan("Deferred: stairs (pt fatigued, balance poor)"), PhraseLists.DEFICIT))
                .containsExactly("balance");
        // A balance deficit stated in words stays stated, as before a deferral after its list.
        NoteScan impaired = MATCHER.scan("Deferred: impaired balance, gait");
        assertThat(stated(impaired, PhraseLists.BALANCE_DEFICIT)).containsExactly("impaired balance");
        assertThat(stated(impaired, PhraseLists.DEFICIT)).containsExactly("balance");
        assertThat(negated(impaired, PhraseLists.FUNCTION)).containsExactly("gait");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Not tested previously, balance now impaired.", // no colon or dash: a time, then what is stated now
            "Tests deferred: Berg. Balance impaired.", // the word does not begin its clause
            "Pt fatigued, deferred: stairs; balance impaired.",
            "Sitting balance held: 2 min.", // "held:" only heads a list
            "Pt held: balance in tandem 10 s.", // ... at its clause's start
            "Deferred stairs, balance impaired.", // no colon or dash
            "Deferred after session: balance impaired.", // a word that is no time between
            "Balance: impaired. Deferred: stairs."})
    void noHeadingLeavesTheBalanceStated(String note) {
        assertThat(stated(MATCHER.scan(note), PhraseLists.DEFICIT)).as(note).containsExactly(
                note.contains("Balance") ? "Balance" : "balance");
    }

    @Test
    void aDeferralAfterItsListIsReadAsBefore() {
        // Only gait is deferred: the deficit and the transfers it limits are stated.
        NoteScan after = MATCHER.scan("Balance deficit limits transfers; gait deferred");
        assertThat(stated(after, PhraseLists.DEFICIT)).containsExactly("Balance");
        assertThat(stated(after, PhraseLists.FUNCTION)).containsExactly("transfers");
        assertThat(negated(after, PhraseLists.FUNCTION)).containsExactly("gait");
        assertThat(negated(MATCHER.scan("Balance, gait and proprioception deferred."), PhraseLists.DEFICIT))
                .containsExactly("Balance", "proprioception");
        assertThat(stated(MATCHER.scan("Balance: NT."), PhraseLists.DEFICIT)).isEmpty();
    }

    /** A heading that ends its line heads the bulleted lines right below it, each bullet to its clause's end. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // note | deficits deferred | functions deferred | deficits stated
            "Pt s/p CVA.\\nDeferred:\\n- balance\\n- gait | balance | gait | ''",
            "Held:\\r\\n* vestibular testing\\r\\n* BERG\\r\\n | vestibular | '' | ''",
            "Deferred today -\\n  \u2022 balance, coordination.\\n  \u2022 stairs\\nNext visit. | balance;coordination "
                    + "| stairs | ''",
            // A reason ends its own bullet only: the next bullet is deferred too, the reason stated.
            "Deferred:\\n- stairs d/t dizziness\\n- balance | balance | stairs | dizziness"})
    void aHeadingThatEndsItsLineCoversTheBulletsBelowIt(String note, String deficits, String functions,
                                                        String statedDeficits) {
        NoteScan scan = MATCHER.scan(note.translateEscapes());
        assertThat(scan.text()).as("line breaks, not their escapes").contains("\n").doesNotContain("\\");
        assertThat(negated(scan, PhraseLists.DEFICIT)).as(note).containsExactly(items(deficits));
        assertThat(negated(scan, PhraseLists.FUNCTION)).as(note).containsExactly(items(functions));
        assertThat(stated(scan, PhraseLists.DEFICIT)).as(note).containsExactly(items(statedDeficits));
    }

    private static String[] items(String list) {
        return list.isEmpty() ? new String[0] : list.split(";");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Deferred:\n\nPatient performed gait training with cues; balance impaired.", // a blank line, a paragraph
            "Deferred:\r\n\r\nPatient performed gait training with cues; balance impaired.",
            "Deferred:\nPatient performed gait training with cues; balance impaired.", // no bullet
            "Deferred:\n- stairs\nPatient performed gait training with cues; balance impaired.", // the bullets end
            "Deferred:\n- stairs\n\n- gait training with cues; balance impaired.", // a blank line ends them
            "Deferred: stairs\n- gait training with cues; balance impaired.", // the heading's list is on its line
            "Balance deferred:\n- gait training with cues; balance impaired."}) // the word does not begin its clause
    void bulletsBelowNoHeadingOrAfterTheListAreStated(String note) {
        NoteScan scan = MATCHER.scan(note);
        assertThat(stated(scan, PhraseLists.FUNCTION)).as(note).contains("gait training");
        assertThat(stated(scan, PhraseLists.SKILLED)).as(note).containsExactly("cues");
        assertThat(stated(scan, PhraseLists.DEFICIT)).as(note).contains("balance");
    }

    @Test
    void theBulletsSpans() {
        NoteScan scan = MATCHER.scan("Deferred:\n- balance\n* gait. \nPt tired.");
        int from = ItemList.headedFrom(scan, 0, "Deferred".length());
        int[] spans = ItemList.headedSpans(scan, from);
        assertThat(spans).hasSize(4);
        assertThat(scan.text().substring(spans[0], spans[1])).isEqualTo("balance");
        assertThat(scan.text().substring(spans[2], spans[3])).isEqualTo("gait");
        int tired = scan.text().indexOf("Pt");
        assertThat(ItemList.headingSearchStart(scan, scan.text().indexOf("* gait"))).isZero();
        assertThat(ItemList.headingSearchStart(scan, tired)).isEqualTo(tired);
        assertThat(ItemList.headedSpans(MATCHER.scan("Deferred:\n"), 9)).containsExactly(9, 9);
    }

    @Test
    void theHeadingsBounds() {
        NoteScan scan = MATCHER.scan("Deferred today - balance, gait. Next");
        int from = ItemList.headedFrom(scan, 0, "Deferred".length());
        assertThat(scan.text().substring(from)).isEqualTo(" balance, gait. Next");
        assertThat(ItemList.headedTo(scan, from)).isEqualTo(scan.text().indexOf(". Next"));
        NoteScan colon = MATCHER.scan("Held: Berg");
        assertThat(ItemList.headedFrom(colon, 0, 5)).as("the phrase holds its colon").isEqualTo(5);
        assertThat(ItemList.headedFrom(MATCHER.scan("Held today balance"), 0, 10)).isEqualTo(-1);
    }
}
