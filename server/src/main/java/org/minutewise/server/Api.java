package org.minutewise.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.TherapistDay;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Money;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Json;
import org.minutewise.formats.ResultJson;
import org.minutewise.formats.UnitCount;
import org.minutewise.formats.VisitFormat;
import org.minutewise.formats.VisitInput;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.store.AuditEntry;
import org.minutewise.store.BucketSpend;
import org.minutewise.store.History;
import org.minutewise.store.OverrideRecord;
import org.minutewise.store.PatientSpend;
import org.minutewise.store.SaveCommand;
import org.minutewise.store.SavedVersion;
import org.minutewise.store.StoredFinding;
import org.minutewise.store.StoredVisit;
import org.minutewise.store.VersionInfo;
import org.minutewise.store.VisitQuery;
import org.minutewise.store.VisitStore;
import org.minutewise.store.VisitSummary;

/** The handlers of /api/v1. Request and response bodies are JSON (the check also takes FHIR and CSV). */
final class Api {
    /** The most visits one request may carry. */
    static final int MAX_VISITS = 1000;
    static final int MAX_UNIT_ITEMS = 200;
    static final String USER_HEADER = "X-Minutewise-User";

    private final ReferenceData ref;
    private final VisitChecker checker;
    private final VisitJsonReader reader;
    private final VisitStore store;
    private final int maxBody;
    private final List<RuleInfo> catalog;
    /** Today: the date a unit count without one is for (UTC, as `units`), and the point of care's (MW-P005). */
    private final java.time.Clock clock;

    Api(ReferenceData ref, VisitStore store, int maxBody, java.time.Clock clock) {
        this.ref = ref;
        this.clock = clock;
        this.checker = new VisitChecker(ref);
        this.reader = new VisitJsonReader(ref);
        this.store = store;
        this.maxBody = maxBody;
        this.catalog = checker.rules().catalog();
    }

    /** The checker as of today at the point of care (a date of service after it is MW-P005), in the clock's zone. */
    private VisitChecker today() {
        return checker.asOf(LocalDate.now(clock));
    }

    // ---------------------------------------------------------------- reference

    void rules(Context ctx) {
        ok(ctx, ResultJson.rules(catalog));
    }

    void payers(Context ctx) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (PayerProfile p : ref.payers().all()) {
            ObjectNode o = arr.addObject();
            o.put("id", p.id());
            o.put("name", p.name());
            o.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("method", p.method().wire());
            o.put("requiresStartStopTimes", p.requiresStartStopTimes());
        }
        ok(ctx, arr);
    }

    void code(Context ctx) {
        String code = ctx.pathParam("code").trim().toUpperCase(java.util.Locale.ROOT);
        if (!ProcedureCode.isWellFormed(code)) {
            throw new ApiException(400, "Bad request", "not a CPT or HCPCS code: expected 5 characters like 97112 "
                    + "or G0283", "code");
        }
        CodeInfo c = ref.codes().getOrNull(code);
        if (c == null) {
            throw new ApiException(404, "Not found", "code " + code + " is not in the Minutewise code catalog "
                    + "(version " + ref.codes().version() + ")", "code");
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", c.code());
        o.put("label", c.label());
        o.put("kind", c.timed() ? "timed" : "untimed");
        o.put("kindText", c.kindText());
        o.put("timed", c.timed());
        o.put("oneOnOne", c.oneOnOne());
        o.put("constantAttendance", c.constantAttendance());
        o.put("supervised", c.supervised());
        o.put("evaluation", c.evaluation());
        o.put("group", c.group());
        c.addOnTo().ifPresent(b -> o.put("addOnTo", b));
        ArrayNode d = o.putArray("disciplines");
        c.disciplines().stream().map(Enum::name).sorted().forEach(d::add);
        o.put("effectiveFrom", c.effectiveFrom().toString());
        c.effectiveTo().ifPresent(t -> o.put("effectiveTo", t.toString()));
        o.put("catalogVersion", ref.codes().version());
        ok(ctx, o);
    }

    // ---------------------------------------------------------------- units and check

    /**
     * {@code {"payer":"medicare","method":"cms","date":"2026-03-02","services":[{"code":"97112","minutes":24}]}} or
     * {@code {"items":["97112:24"]}}: the same output as {@code units --json} (the date of service, by default today
     * in UTC, decides which codes are valid and which unit limits apply).
     */
    void units(Context ctx) {
        Bodies.require(ctx, List.of(Bodies.JSON));
        JsonNode n = reader.parse(Bodies.text(ctx, maxBody));
        if (!n.isObject()) {
            throw new InputException("", "expected an object like {\"services\":[{\"code\":\"97112\",\"minutes\":24}]}");
        }
        String payerId = text(n, "payer").orElse("medicare");
        PayerProfile payer = ref.payers().find(payerId).orElseThrow(() -> new InputException("payer",
                "unknown payer profile \"" + payerId + "\"; known: " + ref.payers().ids()));
        UnitMethod method = payer.method();
        Optional<String> m = text(n, "method");
        if (m.isPresent()) {
            method = UnitMethod.parse(m.get()).orElseThrow(() -> new InputException("method",
                    "expected cms or cpt, got \"" + m.get() + "\""));
        }
        List<CodeMinutes> input = new ArrayList<>();
        List<String> codePaths = new ArrayList<>();
        if (n.has("items") && n.has("services")) {
            throw new InputException("services", "give the codes either as items or as services, not both");
        }
        if (n.has("items")) {
            JsonNode items = array(n, "items");
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).isTextual()) {
                    throw new InputException("items[" + i + "]", "expected \"CODE:MINUTES\" like \"97112:24\"");
                }
                input.add(item(items.get(i).asText(), "items[" + i + "]", "items[" + i + "]"));
                codePaths.add("items[" + i + "]");
            }
        } else {
            JsonNode services = array(n, "services");
            for (int i = 0; i < services.size(); i++) {
                JsonNode s = services.get(i);
                String path = "services[" + i + "]";
                if (!s.isObject()) {
                    throw new InputException(path, "expected {\"code\":\"97112\",\"minutes\":24}");
                }
                String code = text(s, "code", path + ".code").orElseThrow(() -> new InputException(path + ".code",
                        "required"));
                JsonNode min = s.get("minutes");
                if (min != null && !min.isNull() && !min.isIntegralNumber()) {
                    throw new InputException(path + ".minutes", "must be a whole number of minutes");
                }
                input.add(item(code + (min == null || min.isNull() ? "" : ":" + min.asText()), path + ".code",
                        path + ".minutes"));
                codePaths.add(path + ".code");
            }
        }
        if (input.isEmpty()) {
            throw new InputException(n.has("items") ? "items" : "services", "give at least one code");
        }
        // As `units` counts them: the units and what the codes alone tell (a code not in the catalog, a code the
        // payer does not take, unit limits, two evaluations of a discipline); the date by default today in UTC.
        UnitCount.Counted counted = UnitCount.of(input, codePaths, n.has("items") ? "items" : "services", method,
                payer, ref, UnitCount.date(text(n, "date"), "date", LocalDate.now(clock.withZone(
                        java.time.ZoneOffset.UTC))));
        UnitResult r = counted.units();
        List<Finding> findings = counted.findings();
        ok(ctx, ResultJson.units(r, findings));
    }

    private CodeMinutes item(String spec, String codePath, String minutesPath) {
        int colon = spec.indexOf(':');
        String code = (colon < 0 ? spec : spec.substring(0, colon)).trim().toUpperCase(java.util.Locale.ROOT);
        if (!ProcedureCode.isWellFormed(code)) {
            throw new InputException(codePath, "not a CPT or HCPCS code: \"" + code + "\"");
        }
        CodeInfo info = ref.codes().getOrNull(code);
        if (colon < 0) {
            if (info == null || info.timed()) {
                throw new InputException(minutesPath, info == null ? "give the minutes of unknown code " + code
                        : "timed code " + code + " needs minutes");
            }
            return new CodeMinutes(code, 0);
        }
        String text = spec.substring(colon + 1).trim();
        int minutes;
        java.math.BigInteger whole;
        try {
            whole = new java.math.BigInteger(text);
        } catch (NumberFormatException e) {
            throw new InputException(minutesPath, "minutes must be a whole number, got \"" + text + "\"");
        }
        if (whole.signum() < 0 || whole.compareTo(java.math.BigInteger.valueOf(VisitJsonReader.MAX_MINUTES)) > 0) {
            throw new InputException(minutesPath, "must be between 0 and " + VisitJsonReader.MAX_MINUTES + ", got "
                    + text);
        }
        minutes = whole.intValue();
        return new CodeMinutes(code, minutes);
    }

    /** The visit JSON (or FHIR, CSV, JSON Lines, X12 837P/837I) in; the same output as {@code check --json} out. */
    void check(Context ctx) {
        String type = Bodies.require(ctx, List.of(Bodies.JSON, Bodies.FHIR, Bodies.CSV, Bodies.NDJSON, Bodies.X12));
        byte[] body = Bodies.bytes(ctx, maxBody);
        VisitFormat format = switch (type) {
            case Bodies.FHIR -> VisitFormat.FHIR;
            case Bodies.CSV -> VisitFormat.CSV;
            case Bodies.NDJSON -> VisitFormat.JSONL;
            case Bodies.X12 -> VisitFormat.X12;
            default -> VisitFormat.JSON;
        };
        boolean storeSpend = storeSpend(ctx);
        // JSON is parsed from the bytes (no decoded copy); the other formats read text.
        List<VisitInput.Result> read;
        JsonNode root = null;
        boolean single = false;
        if (format == VisitFormat.JSON) {
            Bodies.requireUtf8(body);
            root = parseJson(body);
            single = !root.isArray();
            read = readVisits(root);
        } else {
            read = readVisits(Bodies.utf8(body), format, zone(ctx));
            // As check --json: one visit of a CSV, FHIR Bundle or 837 is one object; JSON Lines is always an array.
            single = read.size() == 1 && format != VisitFormat.JSONL;
        }
        ArrayNode results = Json.mapper().createArrayNode();
        ArrayNode errors = Json.mapper().createArrayNode();
        for (int i = 0; i < read.size(); i++) {
            VisitInput.Result r = read.get(i);
            if (r.error().isPresent()) {
                InputException e = r.error().get();
                if (single) {
                    throw e;
                }
                ObjectNode err = errors.addObject();
                err.put("field", e.path());
                err.put("detail", e.detail());
            } else if (storeSpend && root != null) {
                results.add(checkWithStoreSpend(r.visit().get(), root.isArray() ? root.get(i) : root));
            } else {
                results.add(ResultJson.check(today().check(r.visit().get())));
            }
        }
        if (!errors.isEmpty()) {
            // A CSV reports a bad row and then its visit's other rows set aside: count problems, not visits.
            ObjectNode p = Problems.problem(422, "Invalid visit", errors.size() + (errors.size() == 1 ? " problem"
                    : " problems") + " in the input; " + results.size() + (results.size() == 1 ? " visit was"
                    : " visits were") + " read and checked", errors.get(0).get("field").asText(), ctx.path());
            p.set("errors", errors);
            p.set("results", results);
            Problems.send(ctx, 422, p);
            return;
        }
        ok(ctx, single ? results.get(0) : results);
    }

    /**
     * The query parameter {@code spend}: {@code store} checks a visit that names its patient with each KX bucket it
     * leaves empty taken from the store, as a save does (the page's preview of a known patient); absent, the visit
     * is checked as given.
     */
    private static boolean storeSpend(Context ctx) {
        String s = ctx.queryParam("spend");
        if (s == null || s.equals("visit")) {
            return false;
        }
        if (s.equals("store")) {
            return true;
        }
        throw new ApiException(400, "Bad request", "spend must be \"store\" or \"visit\"", "spend");
    }

    /** A visit's check with the store's spend for what it leaves empty; {@code yearToDateSource} says which. */
    private ObjectNode checkWithStoreSpend(Visit entered, JsonNode node) {
        Spent spent = spent(entered, node.path("patient"));
        ObjectNode result = ResultJson.check(today().check(spent.visit()));
        result.put("yearToDateSource", spent.source());
        return result;
    }

    /** The visit as checked with the store's spend, and where its year-to-date spend came from ("store", "visit"). */
    private record Spent(Visit visit, String source) {
    }

    /** The visit with each year-to-date bucket it leaves empty taken from the store ({@link #withStoreSpend}). */
    private Spent spent(Visit entered, JsonNode patientNode) {
        Optional<Patient> filled = withStoreSpend(entered, patientNode);
        return filled.isPresent() ? new Spent(entered.toBuilder().patient(filled.get()).build(), "store")
                : new Spent(entered, "visit");
    }

    /** Parses JSON bytes as {@link VisitJsonReader#parse} does text: malformed JSON names the line and column. */
    private static JsonNode parseJson(byte[] body) {
        try {
            JsonNode n = Json.readTree(Json.mapper(), body);
            if (n == null || n.isMissingNode()) {
                throw new InputException("", "empty input: expected a visit object or an array of visits");
            }
            return n;
        } catch (java.io.IOException e) {
            throw new ApiException(400, "Bad request", "the request body could not be read", "");
        }
    }

    private List<VisitInput.Result> readVisits(JsonNode root) {
        if (root.isArray() && root.size() > MAX_VISITS) {
            throw tooMany(root.size());
        }
        List<VisitInput.Result> out = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                out.add(readOne(root.get(i), "[" + i + "]"));
            }
        } else {
            out.add(readOne(root, ""));
        }
        if (out.isEmpty()) {
            throw new ApiException(422, "Invalid visit", "the input holds no visit", "");
        }
        return out;
    }

    /**
     * The clinic's time zone of the query parameter {@code zone} (America/New_York, -05:00): FHIR times written with
     * an offset are read as its clock times; empty (as written) without it.
     */
    private static Optional<java.time.ZoneId> zone(Context ctx) {
        String z = ctx.queryParam("zone");
        if (z == null) {
            return Optional.empty();
        }
        if (z.isBlank()) {
            throw new ApiException(400, "Bad request", "zone is empty: give a time zone like America/New_York or "
                    + "-05:00, or leave the parameter out", "zone");
        }
        try {
            return Optional.of(java.time.ZoneId.of(z));
        } catch (DateTimeException e) {
            throw new ApiException(400, "Bad request", "zone must be a time zone like America/New_York or -05:00",
                    "zone");
        }
    }

    private List<VisitInput.Result> readVisits(String text, VisitFormat format, Optional<java.time.ZoneId> zone) {
        List<VisitInput.Result> out;
        try {
            out = VisitInput.read(text, format, ref, zone);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ApiException(422, "Invalid visit", "the input could not be read as visits", "");
        }
        if (out.size() > MAX_VISITS) {
            throw tooMany(out.size());
        }
        if (out.isEmpty()) {
            throw new ApiException(422, "Invalid visit", "the input holds no visit", "");
        }
        return out;
    }

    private VisitInput.Result readOne(JsonNode node, String prefix) {
        try {
            return VisitInput.Result.ok(reader.read(node));
        } catch (InputException e) {
            if (prefix.isEmpty()) {
                return VisitInput.Result.failed(e);
            }
            // In an array of visits, the detail names the visit too: "[2].services[0].minutes: visit V-3: ...".
            JsonNode id = node.path("id");
            InputException at = e.within(prefix);
            return VisitInput.Result.failed(id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 64
                    ? new InputException(at.path(), "visit " + id.asText().strip() + ": " + at.detail()) : at);
        } catch (IllegalArgumentException | DateTimeException e) {
            return VisitInput.Result.failed(new InputException(prefix, "not a valid visit"));
        }
    }

    private static ApiException tooMany(int n) {
        return new ApiException(413, "Payload too large", "at most " + MAX_VISITS + " visits per request, got " + n,
                "");
    }

    // ---------------------------------------------------------------- visits

    void listVisits(Context ctx) {
        Optional<String> patient = Optional.ofNullable(ctx.queryParam("patient")).filter(s -> !s.isBlank());
        Optional<String> therapist = Optional.ofNullable(ctx.queryParam("therapist")).filter(s -> !s.isBlank());
        Optional<LocalDate> date = Optional.ofNullable(ctx.queryParam("date")).filter(s -> !s.isBlank())
                .map(s -> date(s, "date"));
        int limit = limit(ctx, 100, VisitQuery.MAX_LIMIT);
        ArrayNode arr = Json.mapper().createArrayNode();
        for (VisitSummary s : store.list(new VisitQuery(patient, date, therapist, limit))) {
            arr.add(summary(s));
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.set("visits", arr);
        ok(ctx, o);
    }

    /** Checks a visit and saves it as its next version; answers 201 with the check and the version. */
    void saveVisit(Context ctx) {
        Bodies.require(ctx, List.of(Bodies.JSON));
        JsonNode n = reader.parse(Bodies.text(ctx, maxBody));
        if (!n.isObject()) {
            throw new InputException("", "expected one visit object (save visits one at a time)");
        }
        String actor = actor(ctx);
        Visit v = readVisit(n);
        storable(v);
        Optional<StoredVisit> previous = store.get(v.id());
        Optional<String> before = previous.flatMap(p -> p.summary().patientId());
        if (before.isPresent() && v.patient().id().isPresent() && !before.equals(v.patient().id())) {
            // Most likely two visits given one id (a form's default): a new version would replace the other
            // patient's visit, and move its spend and therapist minutes with it.
            throw new ApiException(409, "Conflict", "visit " + v.id() + " is patient " + before.get() + "'s; a new "
                    + "version may not move it to patient " + v.patient().id().get() + " (give this visit its own id)",
                    "patient.id");
        }
        if (previous.isPresent() && !n.has("overrides")) {
            // A new version that says nothing of overrides keeps those accepted on the visit (the page's Save sends
            // none); an "overrides" field, even empty, replaces them.
            JsonNode kept = parseStored(previous.get().visitJson()).get("overrides");
            if (kept != null && kept.isArray() && !kept.isEmpty()) {
                ((ObjectNode) n).set("overrides", kept);
                v = readVisit(n);
            }
        }
        String detail = previous.isEmpty() ? "created" : "changed: " + changedFields(previous.get().visitJson(), n);
        ObjectNode out = save((ObjectNode) n, v, actor, detail, Optional.empty());
        ctx.header("Location", "/api/v1/visits/" + java.net.URLEncoder.encode(v.id(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ok(ctx, 201, out);
    }

    void getVisit(Context ctx) {
        StoredVisit s = store.get(visitId(ctx)).orElseThrow(() -> notFound(ctx));
        ok(ctx, stored(s, true));
    }

    void visitVersion(Context ctx) {
        int version;
        try {
            version = Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Bad request", "version must be a whole number", "version");
        }
        StoredVisit s = store.get(visitId(ctx), version).orElseThrow(() -> new ApiException(404, "Not found",
                "visit " + ctx.pathParam("id") + " has no version " + version, "version"));
        ok(ctx, stored(s, false));
    }

    void history(Context ctx) {
        History h = store.history(visitId(ctx)).orElseThrow(() -> notFound(ctx));
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("visitId", h.visitId());
        ArrayNode versions = o.putArray("versions");
        for (VersionInfo v : h.versions()) {
            ObjectNode x = versions.addObject();
            x.put("version", v.version());
            x.put("savedAt", v.savedAt().toString());
            x.put("savedBy", v.savedBy());
            x.put("blocked", v.blocked());
            x.put("totalUnits", v.totalUnits());
            x.put("findings", v.findings());
        }
        ArrayNode overrides = o.putArray("overrides");
        for (OverrideRecord r : h.overrides()) {
            ObjectNode x = overrides.addObject();
            x.put("version", r.version());
            x.put("finding", r.ruleId());
            x.put("reason", r.reason());
            x.put("applied", r.applied());
            x.put("recordedBy", r.recordedBy());
            x.put("recordedAt", r.recordedAt().toString());
        }
        o.set("audit", audit(h.audit()));
        ok(ctx, o);
    }

    /** {@code {"finding":"MW-...","reason":"..."}}: adds the override to the visit and saves the next version. */
    void addOverride(Context ctx) {
        Bodies.require(ctx, List.of(Bodies.JSON));
        JsonNode n = reader.parse(Bodies.text(ctx, maxBody));
        StoredVisit s = store.get(visitId(ctx)).orElseThrow(() -> notFound(ctx));
        String finding = text(n, "finding").orElseThrow(() -> new InputException("finding", "required: a finding "
                + "id like MW-K002"));
        if (!finding.matches("MW-[A-Z]\\d{3}")) {
            throw new InputException("finding", "expected a finding id like MW-K002, got \"" + finding + "\"");
        }
        // Only a finding the visit has can be accepted, and only a warning or information (a block is fixed).
        List<String> acceptable = new ArrayList<>();
        boolean blocks = false;
        for (StoredFinding f : s.findings()) {
            if (f.ruleId().equals(finding) && f.severity().equals(Severity.BLOCK.wire())) {
                blocks = true;
            } else if (!f.severity().equals(Severity.BLOCK.wire()) && !acceptable.contains(f.ruleId())) {
                acceptable.add(f.ruleId());
            }
        }
        if (blocks) {
            throw new InputException("finding", finding + " blocks the claim on visit " + s.summary().visitId()
                    + ": a blocking finding must be fixed, not accepted");
        }
        if (!acceptable.contains(finding)) {
            throw new InputException("finding", "visit " + s.summary().visitId() + " (version " + s.version()
                    + ") has no finding " + finding + (acceptable.isEmpty() ? "; it has no warning or information to "
                    + "accept" : "; the ones it has to accept: " + String.join(", ", acceptable)));
        }
        String reason = text(n, "reason").map(String::strip).orElse("");
        if (reason.isEmpty() || reason.length() > org.minutewise.formats.VisitJsonReader.MAX_OVERRIDE_REASON) {
            throw new InputException("reason", "required: why the clinic accepts this finding (at most 500 "
                    + "characters)");
        }
        ObjectNode visitNode = (ObjectNode) parseStored(s.visitJson());
        ArrayNode overrides = Json.mapper().createArrayNode();
        JsonNode old = visitNode.get("overrides");
        if (old != null && old.isArray()) {
            for (JsonNode o : old) {
                if (!finding.equals(o.path("finding").asText())) {
                    overrides.add(o);
                }
            }
        }
        ObjectNode added = overrides.addObject();
        added.put("finding", finding);
        added.put("reason", reason);
        visitNode.set("overrides", overrides);
        Visit v = readVisit(visitNode);
        ObjectNode out = save(visitNode, v, actor(ctx), "override " + finding + ": " + reason,
                Optional.of(new FindingOverride(finding, reason)));
        ok(ctx, 201, out);
    }

    /**
     * Checks and saves one visit. Saves are serialized: the checks across visits (MW-A001 against the therapist's
     * stored day, the year-to-date spend) read what earlier saves wrote, so two overlapping visits saved at once
     * must not each miss the other.
     */
    private synchronized ObjectNode save(ObjectNode node, Visit entered, String actor, String detail,
                                         Optional<FindingOverride> override) {
        Spent spent = spent(entered, node.path("patient"));
        Visit v = spent.visit();
        CheckResult r = today().check(v);
        List<Finding> across = acrossVisits(v);
        if (!across.isEmpty()) {
            List<Finding> all = new ArrayList<>(r.findings());
            all.addAll(across);
            r = new CheckResult(r.visit(), r.payer(), r.units(), r.claim(), all);
        }
        ObjectNode result = ResultJson.check(r);
        SavedVersion saved = store.save(new SaveCommand(v, r, write(node), write(result), actor, detail + " ("
                + r.claim().lines().size() + " claim lines, " + r.findings().size() + " findings"
                + (r.blocks() ? ", blocked" : "") + ")", override, statedSpend(entered, node.path("patient"))));
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("visitId", saved.visitId());
        out.put("version", saved.version());
        out.put("created", saved.created());
        out.put("savedAt", saved.savedAt().toString());
        out.put("yearToDateSource", spent.source());
        out.set("result", result);
        return out;
    }

    /**
     * The clinic's spend before the visit by bucket as the visit itself gave it ({@code patient.yearToDate}), for the
     * buckets it gave: the store counts the patient's later visits from it.
     */
    private static Map<String, BigDecimal> statedSpend(Visit entered, JsonNode patientNode) {
        JsonNode ytd = patientNode.path("yearToDate");
        Map<String, BigDecimal> stated = new java.util.HashMap<>(2);
        if (ytd.has(BucketSpend.PT_SLP)) {
            stated.put(BucketSpend.PT_SLP, entered.patient().yearToDate().ptSlp());
        }
        if (ytd.has(BucketSpend.OT)) {
            stated.put(BucketSpend.OT, entered.patient().yearToDate().ot());
        }
        return stated;
    }

    /** MW-A001 for the visit against the stored visits of the same therapists that day (other visits only). */
    private List<Finding> acrossVisits(Visit v) {
        List<Finding> out = new ArrayList<>();
        for (String therapist : TherapistDay.therapists(v, ref.codes())) {
            List<TherapistDay.Session> sessions = new ArrayList<>();
            for (TherapistDay.Session s : store.therapistDay(therapist, v.dateOfService())) {
                if (!s.visitId().equals(v.id())) {
                    sessions.add(s);
                }
            }
            sessions.addAll(TherapistDay.sessionsOf(v, therapist, ref.codes()));
            out.addAll(TherapistDay.findingsFor(v, TherapistDay.overlaps(therapist, v.dateOfService(), sessions)));
        }
        return out;
    }

    void therapistDay(Context ctx) {
        String therapist = ctx.pathParam("id");
        if (therapist.isEmpty() || therapist.length() > MAX_ID) {
            throw new ApiException(400, "Bad request", "a therapist id has 1 to " + MAX_ID + " characters", "id");
        }
        LocalDate date = date(ctx.pathParam("date"), "date");
        List<TherapistDay.Session> sessions = store.therapistDay(therapist, date);
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("therapistId", therapist);
        o.put("date", date.toString());
        ArrayNode arr = o.putArray("sessions");
        for (TherapistDay.Session s : sessions) {
            ObjectNode x = arr.addObject();
            x.put("visitId", s.visitId());
            x.put("code", s.code());
            x.put("start", s.period().start().toString());
            x.put("end", s.period().toString().substring(s.period().toString().indexOf('-') + 1));
            x.put("path", s.path());
        }
        ArrayNode overlaps = o.putArray("overlaps");
        for (TherapistDay.Overlap ov : TherapistDay.overlaps(therapist, date, sessions)) {
            ObjectNode x = overlaps.addObject();
            x.put("first", ov.first().visitId());
            x.put("second", ov.second().visitId());
            x.put("minutes", ov.minutes());
            x.set("finding", ResultJson.findings(List.of(ov.findingFor(ov.second().visitId()))).get(0));
        }
        ok(ctx, o);
    }

    // ---------------------------------------------------------------- patients' spend

    void getSpend(Context ctx) {
        ok(ctx, spend(patientId(ctx), year(ctx)));
    }

    /** {@code {"PT_SLP":300.00,"OT":0}}: the patient's spend at other providers this year, by bucket. */
    void putSpend(Context ctx) {
        Bodies.require(ctx, List.of(Bodies.JSON));
        JsonNode n = reader.parse(Bodies.text(ctx, maxBody));
        String patient = patientId(ctx);
        int year = year(ctx);
        if (!n.isObject() || n.isEmpty()) {
            throw new InputException("", "expected an object like {\"PT_SLP\":300.00,\"OT\":0}");
        }
        Map<String, BigDecimal> amounts = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(BucketSpend.PT_SLP) && !e.getKey().equals(BucketSpend.OT)) {
                throw new InputException(e.getKey(), "unknown bucket: expected PT_SLP or OT");
            }
            if (!e.getValue().isNumber() || e.getValue().decimalValue().signum() < 0
                    || e.getValue().decimalValue().compareTo(new BigDecimal("10000000")) >= 0
                    || e.getValue().decimalValue().scale() > 2) {
                throw new InputException(e.getKey(), "expected an amount in dollars from 0 to 9999999.99, with at "
                        + "most 2 decimals");
            }
            amounts.put(e.getKey(), e.getValue().decimalValue());
        }
        String actor = actor(ctx);
        amounts.forEach((bucket, amount) -> store.setOutsideSpend(patient, year, bucket, amount, actor));
        ok(ctx, spend(patient, year));
    }

    private ObjectNode spend(String patient, int year) {
        PatientSpend s = store.spend(patient, year, Optional.empty(), Optional.empty());
        Optional<KxThreshold> kx = ref.fees().kxThreshold(LocalDate.of(year, 12, 31));
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("patientId", s.patientId());
        o.put("year", s.year());
        ArrayNode arr = o.putArray("buckets");
        for (BucketSpend b : s.buckets()) {
            ObjectNode x = arr.addObject();
            x.put("bucket", b.bucket());
            x.put("clinic", b.clinic());
            x.put("outside", b.outside());
            x.put("total", b.total());
            kx.filter(t -> t.year() == year).ifPresent(t -> {
                BigDecimal threshold = b.bucket().equals(BucketSpend.OT) ? t.ot() : t.ptSlp();
                x.put("kxThreshold", threshold);
                x.put("overThreshold", b.total().compareTo(threshold) > 0);
            });
        }
        o.set("audit", audit(store.audit(AuditEntry.PATIENT, patient)));
        return o;
    }

    // ---------------------------------------------------------------- helpers

    private Visit readVisit(JsonNode n) {
        try {
            return reader.read(n);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ApiException(422, "Invalid visit", "not a valid visit", "");
        }
    }

    private ObjectNode stored(StoredVisit s, boolean live) {
        ObjectNode o = summary(s.summary());
        o.put("version", s.version());
        o.put("savedAt", s.savedAt().toString());
        o.put("savedBy", s.savedBy());
        o.set("visit", parseStored(s.visitJson()));
        o.set("result", parseStored(s.resultJson()));
        if (live) {
            // The therapist's day may have changed since this version was saved: say what holds now.
            List<Finding> now = new ArrayList<>();
            try {
                JsonNode visitNode = parseStored(s.visitJson());
                Visit v = reader.read(visitNode);
                now.addAll(acrossVisits(v));
                now.addAll(spendChanged(v, visitNode, parseStored(s.resultJson())));
            } catch (InputException | IllegalArgumentException e) {
                now = List.of();
            }
            o.set("acrossVisitsNow", ResultJson.findings(now));
        }
        return o;
    }

    /**
     * The visit's patient with each KX bucket the visit does not give taken from the store: the clinic's spend from
     * its stored visits before this one, the spend at other providers from the visit when it gives it, else as
     * entered in the store. Empty when the visit names no patient or gives both buckets itself.
     */
    private Optional<Patient> withStoreSpend(Visit v, JsonNode patientNode) {
        Map<String, BigDecimal> stated = statedSpend(v, patientNode);
        if (v.patient().id().isEmpty() || stated.containsKey(BucketSpend.PT_SLP) && stated.containsKey(BucketSpend.OT)) {
            return Optional.empty();
        }
        PatientSpend spend = store.spend(v.patient().id().get(), v.dateOfService().getYear(),
                Optional.of(v.dateOfService()), Optional.of(v.id()));
        Patient p = v.patient();
        JsonNode outsideGiven = patientNode.path("outsideSpend");
        YearToDate clinic = new YearToDate(
                stated.getOrDefault(BucketSpend.PT_SLP, spend.bucket(BucketSpend.PT_SLP).clinic()),
                stated.getOrDefault(BucketSpend.OT, spend.bucket(BucketSpend.OT).clinic()));
        YearToDate outside = new YearToDate(
                outsideGiven.has(BucketSpend.PT_SLP) ? p.outsideSpend().ptSlp()
                        : spend.bucket(BucketSpend.PT_SLP).outside(),
                outsideGiven.has(BucketSpend.OT) ? p.outsideSpend().ot() : spend.bucket(BucketSpend.OT).outside());
        return Optional.of(new Patient(p.id(), p.birthDate(), clinic, outside, p.lastName(), p.firstName(), p.sex(),
                p.address()));
    }

    /**
     * MW-A011: a bucket whose expenses before the visit, as the store holds them now, differ from those the saved
     * check used (an earlier-dated visit saved or changed later). Buckets the visit gave itself are its own.
     */
    private List<Finding> spendChanged(Visit v, JsonNode visitNode, JsonNode result) {
        JsonNode patientNode = visitNode.path("patient");
        Optional<Patient> now = result.path("kx").isArray() ? withStoreSpend(v, patientNode) : Optional.empty();
        if (now.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (JsonNode k : result.get("kx")) {
            String bucket = k.path("bucket").asText();
            if (patientNode.path("yearToDate").has(bucket)
                    || !(bucket.equals(BucketSpend.PT_SLP) || bucket.equals(BucketSpend.OT))) {
                continue;
            }
            boolean ot = bucket.equals(BucketSpend.OT);
            BigDecimal nowBefore = now.get().spentBefore(ot ? Discipline.OT : Discipline.PT);
            BigDecimal then = k.path("spentBefore").decimalValue();
            if (nowBefore.compareTo(then) != 0) {
                out.add(PatientHistory.SPEND_CHANGED.finding("patient.yearToDate." + bucket, "The patient's "
                        + (ot ? "occupational therapy" : "physical therapy and speech-language pathology")
                        + " expenses before this visit are now " + Money.of(nowBefore) + ", not the "
                        + Money.of(then) + " it was checked with (a visit of the patient's was saved or changed "
                        + "since): its KX may be wrong until it is saved again."));
            }
        }
        return out;
    }

    private static ObjectNode summary(VisitSummary s) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("visitId", s.visitId());
        s.patientId().ifPresent(p -> o.put("patientId", p));
        o.put("dateOfService", s.dateOfService().toString());
        o.put("payer", s.payer());
        o.put("version", s.version());
        o.put("blocked", s.blocked());
        o.put("updatedAt", s.updatedAt().toString());
        return o;
    }

    private static ArrayNode audit(List<AuditEntry> entries) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (AuditEntry a : entries) {
            ObjectNode x = arr.addObject();
            x.put("seq", a.seq());
            x.put("at", a.at().toString());
            x.put("actor", a.actor());
            x.put("action", a.action());
            a.version().ifPresent(v -> x.put("version", v));
            x.put("detail", a.detail());
        }
        return arr;
    }

    /** Two JSON values are the same when equal, numbers by value (1200 and 1200.00 are one amount). */
    private static final java.util.Comparator<JsonNode> SAME_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    /** The top-level fields whose values differ between the stored visit and the new one. */
    private static String changedFields(String previousJson, JsonNode now) {
        JsonNode before = parseStored(previousJson);
        Set<String> names = new java.util.TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        now.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String f : names) {
            if (!before.path(f).equals(SAME_VALUE, now.path(f))) {
                changed.add(f);
            }
        }
        return changed.isEmpty() ? "nothing (saved again)" : String.join(", ", changed);
    }

    private static JsonNode parseStored(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not JSON", e);
        }
    }

    private static String write(JsonNode n) {
        try {
            return Json.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visit store keeps ids of at most this many characters. */
    static final int MAX_ID = 64;

    /**
     * A visit the store can keep: its ids (visit, patient, payer, each provider and supervisor) of 1 to 64
     * characters with no control character (an id is also a URL path segment). Checked before saving, so that a
     * too long id is the client's 422 naming the field, not the store's failure.
     */
    private static void storable(Visit v) {
        storableId("id", v.id());
        v.patient().id().ifPresent(id -> storableId("patient.id", id));
        storableId("payer", v.payer());
        for (int i = 0; i < v.services().size(); i++) {
            org.minutewise.core.model.Provider p = v.services().get(i).provider();
            String at = "services[" + i + "].provider.";
            int line = i;
            p.id().ifPresent(id -> storableId(at + "id", id));
            p.supervisorId().ifPresent(id -> storableId("services[" + line + "].provider.supervisorId", id));
        }
    }

    private static void storableId(String field, String id) {
        if (id.isEmpty() || id.length() > MAX_ID) {
            throw new InputException(field, "an id of 1 to " + MAX_ID + " characters is needed to save a visit (got "
                    + id.length() + ")");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new InputException(field, "a control character (U+" + String.format(java.util.Locale.ROOT,
                        "%04X", (int) id.charAt(i)) + ") cannot be saved in an id");
            }
        }
    }

    private static String visitId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isEmpty() || id.length() > MAX_ID) {
            throw new ApiException(400, "Bad request", "a visit id has 1 to " + MAX_ID + " characters", "id");
        }
        return id;
    }

    private static String patientId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isEmpty() || id.length() > MAX_ID) {
            throw new ApiException(400, "Bad request", "a patient id has 1 to " + MAX_ID + " characters", "id");
        }
        return id;
    }

    private static int year(Context ctx) {
        String y = ctx.pathParam("year");
        if (!y.matches("\\d{4}")) {
            throw new ApiException(400, "Bad request", "year must have four digits, like 2026", "year");
        }
        return Integer.parseInt(y);
    }

    private static ApiException notFound(Context ctx) {
        return new ApiException(404, "Not found", "no visit " + ctx.pathParam("id"), "id");
    }

    /**
     * The {@code limit} query parameter (how many results at most): {@code byDefault} when absent; a whole number
     * from 1 to {@code max}, else a 400 naming it.
     */
    static int limit(Context ctx, int byDefault, int max) {
        String l = ctx.queryParam("limit");
        if (l == null) {
            return byDefault;
        }
        int limit;
        try {
            limit = Integer.parseInt(l);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > max) {
            throw new ApiException(400, "Bad request", "limit must be a whole number from 1 to " + max, "limit");
        }
        return limit;
    }

    private static LocalDate date(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new ApiException(400, "Bad request", "expected a date like 2026-03-02", field);
        }
    }

    /** Who is acting, for the audit log: the X-Minutewise-User header, cleaned; "anonymous" when absent. */
    static String actor(Context ctx) {
        String h = ctx.header(USER_HEADER);
        if (h == null) {
            return "anonymous";
        }
        String clean = h.replaceAll("[^A-Za-z0-9 ._@-]", "").strip();
        if (clean.length() > 64) {
            clean = clean.substring(0, 64);
        }
        return clean.isEmpty() ? "anonymous" : clean;
    }

    private static Optional<String> text(JsonNode n, String field) {
        return text(n, field, field);
    }

    /** A string field of {@code n}, or empty; {@code path} names it in the error (services[0].code). */
    private static Optional<String> text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InputException(path, "expected a string");
        }
        return Optional.of(v.asText());
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new InputException(field, "required: an array");
        }
        if (v.size() > MAX_UNIT_ITEMS) {
            throw new InputException(field, "at most " + MAX_UNIT_ITEMS + " entries, got " + v.size());
        }
        return v;
    }

    private static void ok(Context ctx, JsonNode body) {
        ok(ctx, 200, body);
    }

    private static void ok(Context ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.status(status);
        ctx.contentType("application/json");
        // Written straight to the response with its length: no copy through Javalin's result stream, no chunking.
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
