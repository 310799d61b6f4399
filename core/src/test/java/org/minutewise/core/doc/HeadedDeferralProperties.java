package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A deferral that heads a list covers exactly the list's items: every item of the list is left out of its negatable
 * lists, and the same items stated in the sentences before and after it stay stated ({@link HeadedDeferralTest}'s
 * lists).
 */
class HeadedDeferralProperties {
    private static final PhraseMatcher MATCHER = HeadedDeferralTest.MATCHER;
    private static final List<String> ITEMS = List.of("balance", "proprioception", "coordination", "vestibular",
            "gait", "stairs", "transfers", "dizziness");
    private static final List<String> HEADINGS = List.of("Deferred:", "Deferred today -", "Held:", "Held today:",
            "Not tested:", "NT:", "Not assessed this visit:", "- Deferred:", "DEFERRED:", "Deferred \u2013");
    private static final List<String> SEPARATORS = List.of(", ", " and ", " & ", ", and ", " or ", ",");
    private static final List<String> ENDS = List.of(". ", "; ", "\n", ".\n", "\r\n");

    @Provide
    Arbitrary<List<String>> lists() {
        return Arbitraries.of(ITEMS).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 300)
    void aHeadingDeferralCoversExactlyItsList(@ForAll("lists") List<String> before,
                                              @ForAll("lists") List<String> deferred,
                                              @ForAll("lists") List<String> after,
                                              @ForAll("headings") String heading,
                                              @ForAll("separators") String separator,
                                              @ForAll("ends") String end) {
        String first = "Pt shows " + String.join(" and ", before) + ". ";
        String list = heading + " " + String.join(separator, deferred);
        String note = first + list + end + "Pt shows " + String.join(" and ", after) + ".";
        NoteScan scan = MATCHER.scan(note);
        int from = first.length();
        int to = from + list.length();
        List<String> negated = new ArrayList<>();
        List<String> stated = new ArrayList<>();
        for (PhraseMatch m : scan.all()) {
            if (m.list().equals(PhraseLists.DEFICIT) || m.list().equals(PhraseLists.FUNCTION)) {
                assertThat(m.start() < from || m.end() > to).as("%s: %s stated inside the list", note, m).isTrue();
                stated.add(note.substring(m.start(), m.end()));
            }
        }
        for (String l : List.of(PhraseLists.DEFICIT, PhraseLists.FUNCTION)) {
            for (PhraseMatch m : scan.negated(l)) {
                assertThat(m.start() >= from && m.end() <= to).as("%s: %s negated outside the list", note, m)
                        .isTrue();
                negated.add(note.substring(m.start(), m.end()));
            }
        }
        List<String> both = new ArrayList<>(before);
        both.addAll(after);
        assertThat(stated).containsExactlyInAnyOrderElementsOf(both);
        assertThat(negated).containsExactlyInAnyOrderElementsOf(deferred);
    }

    @Provide
    Arbitrary<String> headings() {
        return Arbitraries.of(HEADINGS);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(SEPARATORS);
    }

    @Provide
    Arbitrary<String> ends() {
        return Arbitraries.of(ENDS);
    }
}
