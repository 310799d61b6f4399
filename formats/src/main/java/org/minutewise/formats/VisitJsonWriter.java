package org.minutewise.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;

/** A {@link Visit} back to the visit JSON that {@link VisitJsonReader} reads (what it reads, it writes). */
public final class VisitJsonWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private VisitJsonWriter() {
    }

    public static ObjectNode write(Visit v) {
        ObjectNode o = F.objectNode();
        o.put("id", v.id());
        o.put("dateOfService", v.dateOfService().toString());
        o.put("payer", v.payer());
        o.put("planOfCare", v.planOfCare().name());
        o.put("setting", v.setting().wire());
        ObjectNode p = o.putObject("patient");
        v.patient().id().ifPresent(id -> p.put("id", id));
        v.patient().birthDate().ifPresent(d -> p.put("birthDate", d.toString()));
        // A dependent's name, sex and address (the 837's 2010CA), beside the subscriber's relationship.
        v.patient().lastName().ifPresent(n -> p.put("lastName", n));
        v.patient().firstName().ifPresent(n -> p.put("firstName", n));
        v.patient().sex().ifPresent(n -> p.put("sex", n));
        v.patient().address().ifPresent(a -> address(p, a));
        if (v.patient().yearToDateGiven()) { // a stated $0 too: it is not the same as none stated (MW-K007)
            p.set("yearToDate", buckets(v.patient().yearToDate()));
        }
        if (!v.patient().outsideSpend().equals(YearToDate.NONE)) {
            p.set("outsideSpend", buckets(v.patient().outsideSpend()));
        }
        ArrayNode dx = o.putArray("diagnoses");
        v.diagnoses().forEach(dx::add);
        v.totalTreatmentMinutes().ifPresent(m -> o.put("totalTreatmentMinutes", m));
        ArrayNode services = o.putArray("services");
        for (ServiceLine l : v.services()) {
            ObjectNode s = services.addObject();
            s.put("code", l.code());
            l.statedMinutes().ifPresent(m -> s.put("minutes", m));
            if (!l.periods().isEmpty()) {
                ArrayNode ps = s.putArray("periods");
                for (Period per : l.periods()) {
                    ps.addObject().put("start", per.start().toString()).put("end", per.end().toString());
                }
            }
            s.set("provider", provider(l.provider()));
            l.mode().ifPresent(m -> s.put("mode", m.wire()));
            l.discipline().ifPresent(d -> s.put("discipline", d.name()));
            l.charge().ifPresent(c -> s.put("charge", c));
            if (!l.regions().isEmpty()) {
                ArrayNode rs = s.putArray("regions");
                l.regions().forEach(r -> rs.add(r.wire()));
            }
            l.description().ifPresent(d -> s.put("description", d));
        }
        v.note().ifPresent(n -> o.put("note", n));
        v.previousNote().ifPresent(n -> o.put("previousNote", n));
        if (v.progressReport()) {
            o.put("progressReport", true);
        }
        v.abn().ifPresent(a -> o.put("abn", a == Abn.GIVEN));
        v.certification().ifPresent(c -> {
            ObjectNode x = o.putObject("certification");
            c.from().ifPresent(d -> x.put("from", d.toString()));
            c.to().ifPresent(d -> x.put("to", d.toString()));
            c.physician().ifPresent(d -> x.put("physician", d));
            c.physicianNpi().ifPresent(d -> x.put("physicianNpi", d));
        });
        v.authorization().ifPresent(a -> {
            ObjectNode x = o.putObject("authorization");
            a.visits().ifPresent(n -> x.put("visits", n));
            a.used().ifPresent(n -> x.put("used", n));
            a.from().ifPresent(d -> x.put("from", d.toString()));
            a.to().ifPresent(d -> x.put("to", d.toString()));
        });
        if (!v.overrides().isEmpty()) {
            ArrayNode arr = o.putArray("overrides");
            v.overrides().forEach(ov -> arr.addObject().put("finding", ov.finding()).put("reason", ov.reason()));
        }
        v.secondaryPayer().ifPresent(s -> o.put("secondaryPayer", s));
        if (v.purposeStated()) {
            // Written whenever the visit says it (rehabilitative too): a payer asking for 96/97 is warned of a
            // purpose not stated (MW-M002), so a stated one must survive the round trip.
            o.put("purpose", v.purpose() == Purpose.HABILITATIVE ? "habilitative" : "rehabilitative");
        }
        v.locality().ifPresent(l -> o.put("locality", l));
        claimInfo(o, v.claimInfo());
        if (!v.billed().isEmpty()) {
            ArrayNode arr = o.putArray("billed");
            for (BilledLine b : v.billed()) {
                ObjectNode x = arr.addObject();
                x.put("code", b.code());
                ArrayNode m = x.putArray("modifiers");
                b.modifiers().forEach(m::add);
                x.put("units", b.units());
                b.charge().ifPresent(c -> x.put("charge", c));
                if (!b.diagnosisPointers().isEmpty()) {
                    ArrayNode ptr = x.putArray("diagnosisPointers");
                    b.diagnosisPointers().forEach(ptr::add);
                }
            }
        }
        return o;
    }

    private static void claimInfo(ObjectNode o, ClaimInfo c) {
        var bp = c.billingProvider();
        if (bp.npi().isPresent() || bp.taxId().isPresent() || bp.name().isPresent() || bp.address().isPresent()) {
            ObjectNode x = o.putObject("billingProvider");
            bp.npi().ifPresent(n -> x.put("npi", n));
            bp.taxId().ifPresent(n -> x.put("taxId", n));
            bp.name().ifPresent(n -> x.put("name", n));
            bp.firstName().ifPresent(n -> x.put("firstName", n));
            bp.address().ifPresent(a -> address(x, a));
        }
        c.payerName().ifPresent(n -> o.put("payerName", n));
        c.payerId().ifPresent(n -> o.put("payerId", n));
        var s = c.subscriber();
        if (s.memberId().isPresent() || s.lastName().isPresent() || s.firstName().isPresent()
                || s.relationship().isPresent()) {
            ObjectNode x = o.putObject("subscriber");
            s.relationship().ifPresent(n -> x.put("relationship", n));
            s.memberId().ifPresent(n -> x.put("memberId", n));
            s.lastName().ifPresent(n -> x.put("lastName", n));
            s.firstName().ifPresent(n -> x.put("firstName", n));
            s.birthDate().ifPresent(d -> x.put("birthDate", d.toString()));
            s.sex().ifPresent(n -> x.put("sex", n));
            s.address().ifPresent(a -> address(x, a));
        }
        c.placeOfService().ifPresent(p -> o.put("placeOfService", p));
        c.claimFilingIndicator().ifPresent(p -> o.put("claimFilingIndicator", p));
        c.claimFrequency().ifPresent(p -> o.put("claimFrequency", p));
        c.payerClaimControlNumber().ifPresent(p -> o.put("payerClaimControlNumber", p));
        var sc = c.secondary();
        sc.payerName().ifPresent(p -> o.put("secondaryPayerName", p));
        sc.payerId().ifPresent(p -> o.put("secondaryPayerId", p));
        sc.memberId().ifPresent(p -> o.put("secondaryMemberId", p));
        sc.claimFilingIndicator().ifPresent(p -> o.put("secondaryClaimFilingIndicator", p));
        sc.insuranceType().ifPresent(p -> o.put("secondaryInsuranceType", p));
        sc.relationship().ifPresent(p -> o.put("secondaryRelationship", p));
        sc.subscriberLastName().ifPresent(p -> o.put("secondarySubscriberLastName", p));
        sc.subscriberFirstName().ifPresent(p -> o.put("secondarySubscriberFirstName", p));
    }

    private static void address(ObjectNode x, org.minutewise.core.model.Address a) {
        ObjectNode ad = x.putObject("address");
        ad.put("line1", a.line1());
        a.line2().ifPresent(l -> ad.put("line2", l));
        ad.put("city", a.city()).put("state", a.state()).put("zip", a.zip());
    }

    private static ObjectNode provider(Provider p) {
        ObjectNode o = F.objectNode();
        p.id().ifPresent(id -> o.put("id", id));
        o.put("role", p.role().name());
        p.npi().ifPresent(n -> o.put("npi", n));
        p.supervisorId().ifPresent(n -> o.put("supervisorId", n));
        p.supervisorNpi().ifPresent(n -> o.put("supervisorNpi", n));
        p.name().ifPresent(n -> o.put("name", n));
        p.supervisorName().ifPresent(n -> o.put("supervisorName", n));
        p.organization().ifPresent(n -> o.put("organization", n));
        return o;
    }

    private static ObjectNode buckets(YearToDate y) {
        ObjectNode o = F.objectNode();
        o.put("PT_SLP", y.ptSlp());
        o.put("OT", y.ot());
        return o;
    }
}
