package org.minutewise.formats.x12;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.formats.x12.X12Claim.Form;
import org.minutewise.refdata.RefData;

/**
 * Checked visits to an X12 837P (005010X222A1, professional claim), whatever their setting. Most callers want
 * {@link X12Writer#write(List, X12Envelope, LocalDateTime)}, which picks the 837P or the 837I per visit.
 *
 * <p>Per claim (loop 2300) it writes:
 * <pre>
 * CLM*{visit id}*{total charge}***{place of service}:B:{frequency}*Y*A*Y*Y~   frequency 1 unless the visit gives one
 * REF*F8*{payer claim control number}~                     only for frequency 7 (replacement) or 8 (void)
 * HI*ABK:{first diagnosis, no dot}*ABF:{next}...~            up to 12
 * NM1*DN*1*{last}*{first}****XX*{NPI}~                    2310A referring: the certifying physician, when its NPI is given
 * NM1*82*1*{rendering last or id}*{first}***XX*{NPI}~       2310B, when the rendering provider is not the billing one
 * SBR*S*18*******{filing indicator}~ OI***Y***Y~             2320 with 2330A (NM1*IL, N3, N4) and 2330B
 *                                                            (NM1*PR), when the visit names a secondaryPayer
 * LX*{n}~                                                    2400, one per claim line
 * SV1*HC:{code}:{mod1}:{mod2}:{mod3}:{mod4}*{charge}*UN*{units}***{pointer}:{pointer}...~
 * DTP*472*D8*{date of service}~
 * NM1*82*1*...~                                              2420A, only for a line rendered by someone else
 * </pre>
 * The place of service is the visit's {@code placeOfService}, else by setting: 11 office (private practice,
 * physician office, rehab agency), 22 on-campus outpatient hospital (hospital outpatient, CAH), 31 SNF,
 * 62 CORF, 12 home. The rendering provider is the claim line's: the supervising therapist when an assistant
 * treated (RULES.md §4), whose part shows only through CQ/CO. The envelope, billing provider (2000A/2010AA with
 * NPI, address, REF*EI tax id), subscriber (2000B/2010BA with member id and DMG) and payer (2010BB) are those
 * of {@link X12Writer}.
 */
public final class X12ClaimWriter {
    private X12ClaimWriter() {
    }

    /** Every result as an 837P, in one interchange. */
    public static String write(List<CheckResult> results, X12Envelope envelope, LocalDateTime created) {
        return X12Writer.write(results, envelope, created, r -> Form.PROFESSIONAL, RefData.defaults().payers());
    }

    static void claim(SegmentWriter s, X12Claim c) {
        s.segment("CLM", c.claimId(), X12Text.amount(c.total()), "", "",
                new String[] {c.facilityCode(), "B", c.frequency()}, "Y", "A", "Y", "Y");
        c.payerClaimControlNumber().ifPresent(n -> s.segment("REF", "F8", n));
        Object[] hi = new Object[c.diagnoses().size()];
        for (int i = 0; i < hi.length; i++) {
            hi[i] = new String[] {i == 0 ? "ABK" : "ABF", c.diagnoses().get(i)};
        }
        s.segment("HI", hi);
        c.certifier().ifPresent(p -> X12Writer.certifier(s, p, Form.PROFESSIONAL));
        c.rendering().ifPresent(r -> X12Writer.rendering(s, r));
        X12Writer.otherPayer(s, c);
        int n = 0;
        for (X12Claim.Line l : c.lines()) {
            s.segment("LX", Integer.toString(++n));
            List<String> pointers = new ArrayList<>(l.pointers().size());
            for (int p : l.pointers()) {
                pointers.add(Integer.toString(p));
            }
            s.segment("SV1", X12Writer.procedure(l), X12Text.amount(l.charge()), "UN", Integer.toString(l.units()),
                    "", "", SegmentWriter.composite(pointers));
            s.segment("DTP", "472", "D8", X12Text.date(c.dateOfService()));
            l.rendering().ifPresent(r -> X12Writer.rendering(s, r));
        }
    }
}
