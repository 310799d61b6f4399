package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass note fingerprint equals its definition (lower case, white space runs folded, trimmed, digit runs as
 * one symbol, FNV-1a).
 */
class NoteFingerprintProperties {
    @Property(tries = 3000)
    void onePassEqualsTheDefinition(@ForAll("notes") String note) {
        assertThat(VisitDigest.fingerprint(note)).isEqualTo(VisitDigest.fingerprintSlow(note));
    }

    @Example
    void foldsCaseAndWhiteSpace() {
        assertThat(VisitDigest.fingerprint("  Gait  training\r\n20 MIN ")).isEqualTo(
                VisitDigest.fingerprint("gait training 20 min"));
        assertThat(VisitDigest.fingerprint(" \t\u0001 ")).isZero();
        assertThat(VisitDigest.fingerprint("")).isZero();
        assertThat(VisitDigest.fingerprint("a\u0001b")).isNotEqualTo(VisitDigest.fingerprint("a b"));
        assertThat(VisitDigest.fingerprint("ÉTÉ  x")).isEqualTo(VisitDigest.fingerprintSlow("été x"));
    }

    @Example
    void readsEachRunOfDigitsAsOneSymbol() {
        // A note copied with a new date, visit number and score is the note it was copied from (MW-A005).
        assertThat(VisitDigest.fingerprint("Date 2026-04-03. Visit 7. Berg 41/56, tandem stance with cues"))
                .isEqualTo(VisitDigest.fingerprint("Date 2026-04-10. Visit 8. Berg 44/56, tandem stance with cues"));
        assertThat(VisitDigest.fingerprint("Visit 7. Berg 41/56")).isEqualTo(VisitDigest.fingerprintSlow(
                "visit 123. berg 4/5"));
        // Near misses: the words around the numbers differ, or a number stands where there was none.
        assertThat(VisitDigest.fingerprint("Berg 41/56, tandem stance")).isNotEqualTo(
                VisitDigest.fingerprint("Berg 41/56, single-leg stance"));
        assertThat(VisitDigest.fingerprint("Berg 41 56")).isNotEqualTo(VisitDigest.fingerprint("Berg 41/56"));
        assertThat(VisitDigest.fingerprint("step 1")).isNotEqualTo(VisitDigest.fingerprint("step"));
    }

    @Provide
    Arbitrary<String> notes() {
        return Arbitraries.strings().withChars('a', 'Z', 'q', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0001', '\u001F',
                '\u00A0', 'É', '\u0130', '.', '0', '7', '9', '/').ofMaxLength(40);
    }
}
