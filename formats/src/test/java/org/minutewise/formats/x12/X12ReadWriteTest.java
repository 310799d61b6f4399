package org.minutewise.formats.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.formats.VisitJsonWriter;

/**
 * 837 -> read -> check -> 837, as {@code check --out x12} does with a claim file from elsewhere: what the claim
 * says about itself (claim filing indicator, frequency, payer claim number, rendering provider) comes back as read.
 */
class X12ReadWriteTest {
    private static String sample() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/pt-assistant.edi"));
    }

    private static String institutional() {
        return X12Fixtures.read(X12Fixtures.DIR.resolve("write/institutional-ot-slp.edi"));
    }

    /** Reads every claim (each must read), checks it and writes it again with the fixtures' envelope. */
    static String rewrite(String edi, String payerId) {
        List<CheckResult> results = new ArrayList<>();
        for (X12ClaimReader.Result r : X12ClaimReader.read(edi, payerId, X12Fixtures.REF)) {
            assertThat(r.error()).as(r.toString()).isEmpty();
            results.add(X12Fixtures.CHECKER.check(r.visit().orElseThrow()));
        }
        return X12Writer.write(results, X12Fixtures.ENVELOPE, X12Fixtures.NOW);
    }

    /**
     * SBR09 leaves as it came: a Medicaid (MC), Medicare Advantage (16), HMO, Blue Cross or workers' comp claim was
     * written back as commercial (CI), and ZZ as Medicare (MB), because only the payer profile was kept.
     */
    @Test
    void theClaimFilingIndicatorIsWrittenBackAsRead() {
        for (String code : List.of("MC", "16", "HM", "BL", "WC", "ZZ", "CI", "MB", "12")) {
            String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*******" + code + "~");
            assertThat(edi).contains("SBR*P*18*******" + code + "~");
            assertThat(rewrite(edi, "medicare")).as(code).contains("SBR*P*18*******" + code + "~");
        }
        // On the 837I as well.
        String medicaid = institutional().replace("SBR*P*18*******CI~", "SBR*P*18*******MC~");
        assertThat(rewrite(medicaid, "commercial")).contains("SBR*P*18*******MC~");
    }

    /** Through visit JSON too ({@code convert --out json}, then {@code check --out x12}). */
    @Test
    void theClaimFilingIndicatorSurvivesVisitJson() {
        String edi = sample().replace("SBR*P*18*******MB~", "SBR*P*18*******MC~");
        Visit read = X12ClaimReader.read(edi, "medicare", X12Fixtures.REF).get(0).visit().orElseThrow();
        assertThat(read.claimInfo().claimFilingIndicator()).contains("MC");
        assertThat(viaJson(read).claimInfo()).isEqualTo(read.claimInfo());
    }

    static Visit viaJson(Visit v) {
        return new VisitJsonReader(X12Fixtures.REF).read(VisitJsonWriter.write(v));
    }

    /** A visit without a claim filing indicator of its own still gets it from its payer profile's kind. */
    @Test
    void withoutItsOwnCodeTheFilingIndicatorFollowsThePayerProfile() {
        Visit v = X12Fixtures.visits(X12Fixtures.DIR.resolve("write/pt-assistant.json")).get(0);
        assertThat(v.claimInfo().claimFilingIndicator()).isEmpty();
        assertThat(X12Writer.write(List.of(X12Fixtures.CHECKER.check(v)), X12Fixtures.ENVELOPE, X12Fixtures.NOW))
                .contains("SBR*P*18*******MB~");
        assertThat(X12Writer.write(List.of(X12Fixtures.CHECKER.check(v.toBuilder().payer("commercial").build())),
                X12Fixtures.ENVELOPE, X12Fixtures.NOW)).contains("SBR*P*18*******CI~");
    }
}
