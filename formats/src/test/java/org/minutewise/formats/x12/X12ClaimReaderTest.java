package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.formats.InputException;

class X12ClaimReaderTest {
    private static String sample() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi"));
    }

    @Test
    void notX12IsAnInputError() {
        assertThatThrownBy(() -> X12ClaimReader.read("{\"id\":\"V-1\"}", "medicare", X12Fixtures.REF))
                .isInstanceOf(InputException.class).hasMessageContaining("not readable as X12");
        assertThatThrownBy(() -> X12ClaimReader.read("  ", "medicare", X12Fixtures.REF))
                .hasMessageStartingWith("empty input");
    }

    @Test
    void unknownPayerProfileIsAnInputError() {
        assertThatThrownBy(() -> X12ClaimReader.read(sample(), "acme", X12Fixtures.REF))
                .hasMessageStartingWith("payer: unknown payer profile \"acme\"");
    }

    @Test
    void anInstitutionalFileIsReportedNotRead() {
        String edi = X12Fixtures.read(X12Fixtures.DIR.resolve("write/institutional-ot-slp.edi"));
        List<X12ClaimReader.Result> only = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(only).singleElement().satisfies(r -> assertThat(r.error().orElseThrow().getMessage())
                .startsWith("segment 3 (ST): an 837I (005010X223A2) is not read"));
        String mixed = X12Fixtures.read(X12Fixtures.DIR.resolve("write/batch-mixed.edi"));
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(mixed, "medicare", X12Fixtures.REF);
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).ok()).isTrue();
        assertThat(rs.get(1).ok()).isTrue();
        assertThat(rs.get(2).error().orElseThrow().getMessage())
                .isEqualTo("segment 39 (ST): an 837I (005010X223A2) is not read; only 837P (005010X222A1)"
                        + " (transaction set 0002)");
    }

    @Test
    void aWrongElementCountNamesSegmentAndElementAndTheOthersAreRead() {
        String edi = sample().replace("SV1*HC:97110:GP:CQ*65*UN*1***1:2~", "SV1*HC:97110:GP:CQ*65*UN~");
        List<X12ClaimReader.Result> rs = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF);
        assertThat(rs).hasSize(1);
        InputException e = rs.get(0).error().orElseThrow();
        assertThat(e.path()).isEqualTo("segment 25 (SV1) element 4");
        assertThat(e.getMessage()).contains("required element missing").contains("(claim V-1001)");
        assertThat(rs.get(0).claimId()).contains("V-1001");
    }
}
