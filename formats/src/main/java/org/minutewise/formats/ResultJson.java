package org.minutewise.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.claim.Claim;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.claim.KxBucket;
import org.minutewise.core.units.CodeUnits;
import org.minutewise.core.units.UnitResult;

/** Results as JSON, with the field names of the README (a contract: add fields, never rename). */
public final class ResultJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ResultJson() {
    }

    /** {@code units --json}. */
    public static ObjectNode units(UnitResult r, List<Finding> findings) {
        ObjectNode o = F.objectNode();
        unitFields(o, r);
        o.set("findings", findings(findings));
        o.set("explanation", strings(r.explanation()));
        return o;
    }

    /** {@code check --json} for one visit. */
    public static ObjectNode check(CheckResult c) {
        ObjectNode o = F.objectNode();
        o.put("visitId", c.visit().id());
        o.put("payer", c.payer().id());
        unitFields(o, c.units());
        o.set("claimLines", claimLines(c.claim()));
        o.set("findings", findings(c.findings()));
        o.set("estimate", estimate(c.claim().estimate()));
        if (!c.claim().kx().isEmpty()) {
            o.set("kx", kx(c.claim().kx()));
        }
        o.put("blocked", c.blocks());
        o.set("explanation", strings(c.explanation()));
        return o;
    }

    private static void unitFields(ObjectNode o, UnitResult r) {
        o.put("method", r.method().wire());
        o.put("totalTimedMinutes", r.totalTimedMinutes());
        o.put("timedUnits", r.timedUnits());
        o.put("totalUnits", r.totalUnits());
        ArrayNode lines = o.putArray("lines");
        for (CodeUnits l : r.lines()) {
            ObjectNode line = lines.addObject();
            line.put("code", l.code());
            line.put("minutes", l.minutes());
            line.put("units", l.units());
            line.put("kind", l.kind().name().toLowerCase());
        }
        o.put("professionalChoice", r.professionalChoice());
        ArrayNode alts = o.putArray("alternatives");
        for (Map<String, Integer> alt : r.alternatives()) {
            ObjectNode a = alts.addObject();
            alt.forEach(a::put);
        }
    }

    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode arr = F.arrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("id", f.ruleId());
            o.put("severity", f.severity().wire());
            o.put("path", f.path());
            o.put("message", f.message());
            o.put("fix", f.fix());
            o.put("citation", f.citation());
            f.overrideReason().ifPresent(r -> {
                o.put("overridden", true);
                o.put("overrideReason", r);
            });
        }
        return arr;
    }

    public static ArrayNode claimLines(Claim claim) {
        ArrayNode arr = F.arrayNode();
        for (ClaimLine l : claim.lines()) {
            ObjectNode o = arr.addObject();
            o.put("code", l.code());
            ArrayNode m = o.putArray("modifiers");
            l.modifiers().forEach(m::add);
            o.put("units", l.units());
            ArrayNode dx = o.putArray("diagnosisPointers");
            l.diagnosisPointers().forEach(dx::add);
            l.charge().ifPresent(c -> o.put("charge", c));
            l.renderingProvider().ifPresent(p -> o.put("renderingProvider", p));
            l.renderingNpi().ifPresent(p -> o.put("renderingNpi", p));
            l.assistant().ifPresent(p -> o.put("assistant", p));
        }
        return arr;
    }

    public static ObjectNode estimate(Estimate e) {
        ObjectNode o = F.objectNode();
        o.put("available", e.available());
        o.put("label", e.reason());
        if (!e.available()) {
            if (!e.unpriced().isEmpty()) {
                ArrayNode u = o.putArray("unpriced");
                e.unpriced().forEach(u::add);
            }
            return o;
        }
        o.put("locality", e.locality());
        o.put("conversionFactor", e.conversionFactor());
        o.put("sampleData", e.sampleData());
        ArrayNode lines = o.putArray("lines");
        for (Estimate.Line l : e.lines()) {
            ObjectNode x = lines.addObject();
            x.put("code", l.code());
            ArrayNode m = x.putArray("modifiers");
            l.modifiers().forEach(m::add);
            x.put("units", l.units());
            x.put("priced", l.priced());
            if (l.priced()) {
                x.put("allowed", l.allowed());
                x.put("multipleProcedureReduction", l.mpprApplied());
                x.put("assistantReduction", l.assistantReduction());
                if (l.deniedByMue()) {
                    x.put("deniedByMue", true); // $0: the label says why (MW-E006)
                }
            } else if (l.byReport()) {
                x.put("byReport", true); // an unlisted code: the contractor prices it (the label says so)
            }
        }
        o.put("totalAllowed", e.totalAllowed());
        o.put("medicarePays", e.medicarePays());
        if (e.feeScheduleOnly()) {
            o.put("feeScheduleOnly", true); // a critical access hospital: not what Medicare pays (see label)
        }
        o.put("patientCoinsurance", e.patientCoinsurance());
        ArrayNode un = o.putArray("unpriced");
        e.unpriced().forEach(un::add);
        return o;
    }

    private static java.math.BigDecimal money(java.math.BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static ArrayNode kx(List<KxBucket> buckets) {
        ArrayNode arr = F.arrayNode();
        for (KxBucket b : buckets) {
            ObjectNode o = arr.addObject();
            o.put("bucket", b.bucket());
            o.put("year", b.year());
            o.put("threshold", b.threshold());
            o.put("spentBefore", money(b.spentBefore()));
            o.put("thisVisit", money(b.thisVisit()));
            o.put("spentAfter", money(b.spentAfter()));
            o.put("kxApplied", b.kxApplied());
        }
        return arr;
    }

    /** The rule catalog, for {@code rules --json} and the API. */
    public static ArrayNode rules(List<RuleInfo> catalog) {
        ArrayNode arr = F.arrayNode();
        for (RuleInfo r : catalog) {
            ObjectNode o = arr.addObject();
            o.put("id", r.id());
            o.put("severity", r.severity().wire());
            o.put("title", r.title());
            o.put("fix", r.fix());
            o.put("citation", r.citation());
            o.put("source", r.sourceUrl());
            o.put("version", r.version());
            if (r.effectiveFrom() != null) {
                o.put("effectiveFrom", r.effectiveFrom().toString());
            }
            if (r.effectiveTo() != null) {
                o.put("effectiveTo", r.effectiveTo().toString());
            }
            if (!r.changes().isEmpty()) {
                o.put("changes", r.changes());
            }
        }
        return arr;
    }

    private static JsonNode strings(List<String> items) {
        ArrayNode arr = F.arrayNode();
        items.forEach(arr::add);
        return arr;
    }
}
