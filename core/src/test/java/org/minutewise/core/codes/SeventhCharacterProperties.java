package org.minutewise.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DiagnosisCategory#needsSeventhCharacter} answers as its definition does (the key's first characters against
 * the categories that take a 7th character), though it looks at the first character before working out the key.
 */
class SeventhCharacterProperties {
    private static final List<String> SEVENTH = List.of("S", "T", "M484", "M485", "M80", "M843", "M844", "M845",
            "M846");

    /** The definition, as written before the first-character test: the key, its length, then the prefixes. */
    private static boolean byDefinition(String diagnosis) {
        String k = DiagnosisCategory.key(diagnosis);
        if (k.length() >= 7 || k.length() < 3 || k.startsWith("T31") || k.startsWith("T32")) {
            return false;
        }
        return SEVENTH.stream().anyMatch(k::startsWith);
    }

    /**
     * Short strings over what decides the answer: S, T and M in either case, the digits of the prefixes, a dot
     * (anywhere, leading too), other letters, and a non-ASCII letter whose capital is S (U+017F, long s).
     */
    @Provide
    Arbitrary<String> diagnosisLike() {
        return Arbitraries.strings().withChars("STMstmIRZ0123456789.\u017F\u00E9").ofMinLength(0).ofMaxLength(9);
    }

    @Property(tries = 5000)
    void answersAsTheDefinition(@ForAll("diagnosisLike") String d) {
        assertThat(DiagnosisCategory.needsSeventhCharacter(d)).as(d).isEqualTo(byDefinition(d));
    }

    @Example
    void injuriesAndFracturesWithoutTheirSeventhCharacter() {
        assertThat(DiagnosisCategory.needsSeventhCharacter("S82.61")).isTrue();
        assertThat(DiagnosisCategory.needsSeventhCharacter("s82.61")).isTrue();
        assertThat(DiagnosisCategory.needsSeventhCharacter(".S8261")).isTrue(); // a leading dot is no character
        assertThat(DiagnosisCategory.needsSeventhCharacter("M84.45")).isTrue();
        assertThat(DiagnosisCategory.needsSeventhCharacter("S82.61XD")).isFalse();
        assertThat(DiagnosisCategory.needsSeventhCharacter("T31.0")).isFalse(); // burn extents take none
        assertThat(DiagnosisCategory.needsSeventhCharacter("M25.561")).isFalse();
        assertThat(DiagnosisCategory.needsSeventhCharacter("I69.351")).isFalse();
        assertThat(DiagnosisCategory.needsSeventhCharacter("")).isFalse();
    }
}
