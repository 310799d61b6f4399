package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one-pass note fingerprint equals its definition (lower case, white space runs folded, trimmed, FNV-1a). */
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

    @Provide
    Arbitrary<String> notes() {
        return Arbitraries.strings().withChars('a', 'Z', 'q', ' ', '\t', '\n', '\r', '\u000B', '\f', '\u0001', '\u001F',
                '\u00A0', 'É', '\u0130', '.').ofMaxLength(40);
    }
}
