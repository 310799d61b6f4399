package org.minutewise.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written shape tests of procedure and diagnosis codes agree with their regular expressions. */
class CodeShapeProperties {
    private static final Pattern DIAGNOSIS = Pattern.compile(Icd10.SHAPE);

    /** Short strings over the characters that matter (digits, letters around A-B, U, V, W, Z, a dot, lower case). */
    @Provide
    Arbitrary<String> codeLike() {
        return Arbitraries.strings().withChars("0123456789ABCUVWZa.-").ofMinLength(0).ofMaxLength(9);
    }

    @Property(tries = 3000)
    void diagnosisShapeAsTheRegex(@ForAll("codeLike") String s) {
        assertThat(Icd10.isWellFormed(s)).as(s).isEqualTo(DIAGNOSIS.matcher(s).matches());
    }

    @Property(tries = 3000)
    void procedureShapeAsTheRegex(@ForAll("codeLike") String s) {
        assertThat(ProcedureCode.isWellFormed(s)).as(s).isEqualTo(ProcedureCode.WELL_FORMED.matcher(s).matches());
    }

    @Example
    void typicalCodes() {
        assertThat(Icd10.isWellFormed("I69.351")).isTrue();
        assertThat(Icd10.isWellFormed("R2681")).isTrue();
        assertThat(Icd10.isWellFormed("M62")).isTrue();
        assertThat(Icd10.dotted("I69351")).isEqualTo("I69.351");
        assertThat(Icd10.dotted("I69.351")).isEqualTo("I69.351");
        assertThat(Icd10.dotted("M62")).isEqualTo("M62");
        assertThat(Icd10.isWellFormed("U07.1")).isFalse();
        assertThat(Icd10.isWellFormed("I69.")).isFalse();
        assertThat(Icd10.isWellFormed("I69.35123")).isFalse();
        assertThat(ProcedureCode.isWellFormed("97112")).isTrue();
        assertThat(ProcedureCode.isWellFormed("0001F")).isTrue();
        assertThat(ProcedureCode.isWellFormed("G0283")).isTrue();
        assertThat(ProcedureCode.isWellFormed("W0283")).isFalse();
        assertThat(ProcedureCode.isWellFormed("9711")).isFalse();
        assertThat(ProcedureCode.isWellFormed(null)).isFalse();
    }
}
