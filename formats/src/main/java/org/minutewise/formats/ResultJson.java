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
        o.set("findings", findings(c.findings()));
        o.put("blocked", c.blocks());
        o.set("explanation", strings(c.units().explanation()));
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
        }
        return arr;
    }

    private static JsonNode strings(List<String> items) {
        ArrayNode arr = F.arrayNode();
        items.forEach(arr::add);
        return arr;
    }
}
