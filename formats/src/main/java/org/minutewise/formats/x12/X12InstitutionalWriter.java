package org.minutewise.formats.x12;

import java.time.LocalDateTime;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.formats.x12.X12Claim.Form;
import org.minutewise.refdata.RefData;

/**
 * Checked visits in institutional settings to an X12 837I (005010X223A2, institutional claim). Most callers want
 * {@link X12Writer#write(List, X12Envelope, LocalDateTime)}, which picks the 837P or the 837I per visit; a visit
 * in a professional setting (private practice, physician office) is an error here.
 *
 * <p>Per claim (loop 2300) it writes:
 * <pre>
 * CLM*{visit id}*{total charge}***{facility}:A:{frequency}**A*Y*Y~   type of bill = facility + frequency
 * DTP*434*RD8*{date}-{date}~                                 statement period
 * CL1***01~                                                  patient status 01
 * HI*ABK:{first diagnosis}~                                  principal diagnosis
 * HI*ABF:{next}*ABF:{next}...~                               other diagnoses, up to 12
 * NM1*71*1*{last}*{first}****XX*{NPI}~                    2310A attending: the certifying physician (required)
 * NM1*82*1*{rendering last or id}*{first}***XX*{NPI}~       2310D, when the rendering provider is not the billing one
 * SBR*S*18*******{filing indicator}~ OI***Y***Y~             2320 with 2330A and 2330B, when the visit names a
 *                                                            secondaryPayer ({@link X12Writer})
 * LX*{n}~
 * SV2*{revenue code}*HC:{code}:{mod1}...:{mod4}*{charge}*UN*{units}~
 * DTP*472*D8*{date of service}~
 * </pre>
 *
 * <table>
 *   <caption>Type of bill by setting (frequency 1, admit through discharge)</caption>
 *   <tr><th>setting</th><th>type of bill</th></tr>
 *   <tr><td>hospital-outpatient</td><td>131</td></tr>
 *   <tr><td>rehab-agency (outpatient rehabilitation facility)</td><td>741</td></tr>
 *   <tr><td>corf</td><td>751</td></tr>
 *   <tr><td>snf-part-b</td><td>221 (SNF resident under Part B)</td></tr>
 *   <tr><td>home-health</td><td>341 (home health agency, Part B outpatient therapy)</td></tr>
 *   <tr><td>cah</td><td>851</td></tr>
 * </table>
 * Revenue code by the line's discipline: 0420 PT, 0430 OT, 0440 SLP (the general classification of 042x, 043x,
 * 044x); the HCPCS code and its modifiers stand beside it. The attending provider (2310A) is the physician or NPP
 * who certified the plan of care ({@code certification.physician} and {@code .physicianNpi}); Medicare wants that
 * NPI on every therapy claim, and the check says so when it is missing (MW-P004). The X223A2 TR3 requires 2310A on
 * every claim but non-scheduled transportation, so a visit without {@code certification.physicianNpi} is refused
 * for the 837I, naming that field (on the 837P, 2310A referring is situational and is left out).
 */
public final class X12InstitutionalWriter {
    /** CL103 patient status for an outpatient claim of one visit: discharged to home or self care. */
    static final String PATIENT_STATUS = "01";

    private X12InstitutionalWriter() {
    }

    /** Every result as an 837I, in one interchange. */
    public static String write(List<CheckResult> results, X12Envelope envelope, LocalDateTime created) {
        return X12Writer.write(results, envelope, created, r -> Form.INSTITUTIONAL, RefData.defaults().payers());
    }

    static void claim(SegmentWriter s, X12Claim c) {
        s.segment("CLM", c.claimId(), X12Text.amount(c.total()), "", "",
                new String[] {c.facilityCode(), "A", c.frequency()}, "", "A", "Y", "Y");
        String d = X12Text.date(c.dateOfService());
        s.segment("DTP", "434", "RD8", d + "-" + d);
        s.segment("CL1", "", "", PATIENT_STATUS);
        c.payerClaimControlNumber().ifPresent(n -> s.segment("REF", "F8", n));
        s.segment("HI", (Object) new String[] {"ABK", c.diagnoses().get(0)});
        // Other diagnoses: twelve to an HI segment, the segment at most twice (X223A2 2300 Other Diagnosis).
        for (int from = 1; from < c.diagnoses().size(); from += 12) {
            int to = Math.min(c.diagnoses().size(), from + 12);
            Object[] hi = new Object[to - from];
            for (int i = from; i < to; i++) {
                hi[i - from] = new String[] {"ABF", c.diagnoses().get(i)};
            }
            s.segment("HI", hi);
        }
        c.certifier().ifPresent(p -> X12Writer.certifier(s, p, Form.INSTITUTIONAL));
        c.rendering().ifPresent(r -> X12Writer.rendering(s, r));
        X12Writer.otherPayer(s, c);
        int n = 0;
        for (X12Claim.Line l : c.lines()) {
            s.segment("LX", Integer.toString(++n));
            s.segment("SV2", l.revenueCode(), X12Writer.procedure(l), X12Text.amount(l.charge()), "UN",
                    Integer.toString(l.units()));
            s.segment("DTP", "472", "D8", d);
            l.rendering().ifPresent(r -> X12Writer.rendering(s, r));
        }
    }
}
