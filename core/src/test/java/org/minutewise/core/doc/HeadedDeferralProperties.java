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
 * lists); so does a heading that ends its line for the bulleted lines below it, and no further.
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
        assertHeadedExactly(note, first.length(), first.length() + list.length(), before, deferred, after);
    }

    /**
     * A heading that ends its line covers exactly the bulleted lines below it: each bullet's items are left out of
     * their lists, and the same items stated before the heading and after the bullets (on the next line, or after a
     * blank line) stay stated.
     */
    @Property(tries = 300)
    void aHeadingAboveBulletsCoversExactlyTheBullets(@ForAll("lists") List<String> before,
                                                     @ForAll("bulleted") List<List<String>> bullets,
                                                     @ForAll("lists") List<String> after,
                                                     @ForAll("headings") String heading,
                                                     @ForAll("bullets") String bullet,
                                                     @ForAll("separators") String separator,
                                                     @ForAll("breaks") String lineBreak,
                                                     @ForAll boolean blankAfter, @ForAll boolean stopAfterEach) {
        String first = "Pt shows " + String.join(" and ", before) + "." + lineBreak;
        StringBuilder list = new StringBuilder(heading);
        List<String> deferred = new ArrayList<>();
        for (List<String> items : bullets) {
            list.append(lineBreak).append(bullet).append(String.join(separator, items))
                    .append(stopAfterEach ? "." : "");
            deferred.addAll(items);
        }
        String note = first + list + lineBreak + (blankAfter ? lineBreak : "") + "Pt shows "
                + String.join(" and ", after) + ".";
        assertHeadedExactly(note, first.length(), first.length() + list.length(), before, deferred, after);
    }

    /** A heading that ends its line, followed by a blank line or a line that is no bullet, covers nothing. */
    @Property(tries = 200)
    void aHeadingAboveAParagraphCoversNothing(@ForAll("lists") List<String> before,
                                              @ForAll("lists") List<String> after,
                                              @ForAll("headings") String heading,
                                              @ForAll("breaks") String lineBreak, @ForAll boolean blank) {
        String first = "Pt shows " + String.join(" and ", before) + "." + lineBreak;
        String note = first + heading + lineBreak + (blank ? lineBreak : "") + "Patient shows "
                + String.join(" and ", after) + ".";
        assertHeadedExactly(note, first.length(), first.length() + heading.length(), before, List.of(), after);
    }

    /** Every match of the deficit and function lists in {@code [from, to)} is negated, every other one stated. */
    private static void assertHeadedExactly(String note, int from, int to, List<String> before, List<String> deferred,
                                            List<String> after) {
        NoteScan scan = MATCHER.scan(note);
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
        assertThat(stated).as(note).containsExactlyInAnyOrderElementsOf(both);
        assertThat(negated).as(note).containsExactlyInAnyOrderElementsOf(deferred);
    }

    @Provide
    Arbitrary<List<List<String>>> bulleted() {
        return Arbitraries.of(ITEMS).list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> bullets() {
        return Arbitraries.of("- ", "* ", "\u2022 ", "  - ", "\t* ", "-  ");
    }

    @Provide
    Arbitrary<String> breaks() {
        return Arbitraries.of("\n", "\r\n");
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
