package org.minutewise.formats.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.minutewise.core.check.Severity;

/**
 * The counts of an audit, added up part by part (each partition of the batch audit, or each Spark task, keeps its
 * own and they are merged): rows read, checked and rejected, visits, findings by severity, rule, therapist and
 * payer, units billed against units supported, estimated dollars over and under, and the KX exposure. Mutable;
 * one instance per thread. {@link #toJson()} is the stable form of {@code summary.json}; {@link #fromJson}
 * reads it back.
 *
 * <p>Invariant: {@code read == checked + rejected}, where rows are service lines (a CSV row; a visit of a
 * visit-per-record format counts its service lines, or 1 when it could not be read).
 */
public final class AuditTotals {
    /** What the report says about dollar figures. */
    public static final String DOLLARS_NOTE = "Estimate only: Medicare physician fee schedule allowed amounts of the "
            + "units billed above (over) or below (under) what the documented minutes support, code by code, each "
            + "unit at its reduced rate (and the CQ/CO share for an assistant's), for codes the loaded RVUs price; "
            + "other payers and unpriced codes are not counted.";

    /**
     * One payer's duplicate claims (MW-A006): the visits that bill a service again, the units of their void lines and
     * those lines' estimated allowed amount (of a payer the estimate prices; else 0, not estimated).
     */
    public static final class Duplicates {
        long visits;
        long units;
        BigDecimal dollars = BigDecimal.ZERO;

        public long visits() {
            return visits;
        }

        public long units() {
            return units;
        }

        public BigDecimal dollars() {
            return dollars;
        }

        void merge(Duplicates d) {
            visits += d.visits;
            units += d.units;
            dollars = dollars.add(d.dollars);
        }
    }

    /** The counts of one therapist or one payer. */
    public static final class Group {
        long visits;
        long findings;
        long block;
        long warn;
        long info;
        long unitsBilled;
        long unitsSupported;
        long unitsOver;
        long unitsUnder;
        BigDecimal dollarsOver = BigDecimal.ZERO;
        BigDecimal dollarsUnder = BigDecimal.ZERO;

        public long visits() {
            return visits;
        }

        public long findings() {
            return findings;
        }

        public long block() {
            return block;
        }

        public long warn() {
            return warn;
        }

        public long info() {
            return info;
        }

        public long unitsBilled() {
            return unitsBilled;
        }

        public long unitsSupported() {
            return unitsSupported;
        }

        /** Units billed past those supported, code by code (the units behind the dollars over). */
        public long unitsOver() {
            return unitsOver;
        }

        /** Units supported past those billed, code by code (the units behind the dollars under). */
        public long unitsUnder() {
            return unitsUnder;
        }

        public BigDecimal dollarsOver() {
            return dollarsOver;
        }

        public BigDecimal dollarsUnder() {
            return dollarsUnder;
        }

        void merge(Group g) {
            visits += g.visits;
            findings += g.findings;
            block += g.block;
            warn += g.warn;
            info += g.info;
            unitsBilled += g.unitsBilled;
            unitsSupported += g.unitsSupported;
            unitsOver += g.unitsOver;
            unitsUnder += g.unitsUnder;
            dollarsOver = dollarsOver.add(g.dollarsOver);
            dollarsUnder = dollarsUnder.add(g.dollarsUnder);
        }

        void severity(Severity s) {
            findings++;
            switch (s) {
                case BLOCK -> block++;
                case WARN -> warn++;
                case INFO -> info++;
                default -> throw new IllegalArgumentException(s.name());
            }
        }

        void withdrawn(Severity s) {
            findings--;
            switch (s) {
                case BLOCK -> block--;
                case WARN -> warn--;
                case INFO -> info--;
                default -> throw new IllegalArgumentException(s.name());
            }
        }

        ObjectNode toJson(boolean exact) {
            return toJson(dollarsOver, dollarsUnder, exact);
        }

        /** With the dollars given (rounded by {@link #apportioned}, so that a table of groups adds up). */
        ObjectNode toJson(BigDecimal over, BigDecimal under, boolean exact) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("visits", visits);
            o.put("findings", findings);
            o.put("block", block);
            o.put("warn", warn);
            o.put("info", info);
            o.put("unitsBilled", unitsBilled);
            o.put("unitsSupported", unitsSupported);
            o.put("unitsOver", unitsOver);
            o.put("unitsUnder", unitsUnder);
            o.put("dollarsOver", money(over, exact));
            o.put("dollarsUnder", money(under, exact));
            return o;
        }

        static Group fromJson(JsonNode o) {
            Group g = new Group();
            g.visits = o.path("visits").asLong();
            g.findings = o.path("findings").asLong();
            g.block = o.path("block").asLong();
            g.warn = o.path("warn").asLong();
            g.info = o.path("info").asLong();
            g.unitsBilled = o.path("unitsBilled").asLong();
            g.unitsSupported = o.path("unitsSupported").asLong();
            g.unitsOver = o.path("unitsOver").asLong();
            g.unitsUnder = o.path("unitsUnder").asLong();
            g.dollarsOver = o.path("dollarsOver").decimalValue();
            g.dollarsUnder = o.path("dollarsUnder").decimalValue();
            return g;
        }
    }

    private long read;
    private long checked;
    private long rejected;
    /** Rows of claims a later claim replaced or voided (frequency 7 or 8): among the rejected, but read fine. */
    private long replacedOrVoided;
    private long visits;
    /** The first and last dates of service of the visits checked (null before any). */
    private java.time.LocalDate firstDate;
    private java.time.LocalDate lastDate;
    private long billedVisits;
    private final TreeMap<String, Long> bySeverity = new TreeMap<>();
    private final TreeMap<String, Long> byRule = new TreeMap<>();
    private long unitsBilled;
    private long unitsSupported;
    private long unitsUnverified;
    /** Per visit and code, billed units past those supported, and supported units past those billed. */
    private long unitsOver;
    private long unitsUnder;
    /** Visits that are claims only (billed lines with no minutes and no note, as an 837 carries them). */
    private long claimsOnlyVisits;
    private long unitsUnpriced;
    private BigDecimal dollarsOver = BigDecimal.ZERO;
    private BigDecimal dollarsUnder = BigDecimal.ZERO;
    private long kxVisits;
    private long kxLines;
    private BigDecimal kxDollars = BigDecimal.ZERO;
    private long duplicateVisits;
    private long duplicateUnits;
    private BigDecimal duplicateDollars = BigDecimal.ZERO;
    /** The duplicate claims per payer: visits, units and estimated dollars (MW-A006). */
    private final TreeMap<String, Duplicates> duplicatesByPayer = new TreeMap<>();
    /** The payers whose dollars the estimate prices (a Medicare profile's): the others' read "not estimated". */
    private final java.util.TreeSet<String> estimatedPayers = new java.util.TreeSet<>();
    private final TreeMap<String, Group> byTherapist = new TreeMap<>();
    private final TreeMap<String, Group> byPayer = new TreeMap<>();

    public AuditTotals() {
        for (Severity s : Severity.values()) {
            bySeverity.put(s.wire(), 0L);
        }
    }

    /** Rows that could not be read (each counts as read and rejected). */
    public void rejected(long rows) {
        read += rows;
        rejected += rows;
    }

    /**
     * Rows of a claim set aside because a later claim replaced or voided it, or of the void itself: read and
     * rejected (they are in {@code rejected.csv} with the reason), but not bad input.
     */
    public void replacedOrVoided(long rows) {
        rejected(rows);
        replacedOrVoided += rows;
    }

    /** A checked visit's date of service: the audit's period runs from the first to the last. */
    public void dateOfService(java.time.LocalDate d) {
        firstDate = firstDate == null || d.isBefore(firstDate) ? d : firstDate;
        lastDate = lastDate == null || d.isAfter(lastDate) ? d : lastDate;
    }

    /** The first date of service checked, if any. */
    public java.util.Optional<java.time.LocalDate> firstDate() {
        return java.util.Optional.ofNullable(firstDate);
    }

    /** The last date of service checked, if any. */
    public java.util.Optional<java.time.LocalDate> lastDate() {
        return java.util.Optional.ofNullable(lastDate);
    }

    /**
     * A correction of a visit's supported units made across visits (MW-A012, {@link ClaimCorrection}): the units
     * and estimated dollars it changes, overall and under the row's payer and therapist.
     */
    public void corrected(String payer, String therapist, ClaimCorrection.Applied a) {
        long supportedDelta = a.supported();
        BigDecimal overDelta = a.over();
        BigDecimal underDelta = a.under();
        unitsSupported += supportedDelta;
        unitsBilled += a.billed();
        unitsUnverified += a.unverified();
        unitsOver += a.unitsOver();
        unitsUnder += a.unitsUnder();
        duplicateUnits += a.duplicateUnits();
        duplicateDollars = duplicateDollars.add(a.duplicateDollars());
        if (a.duplicateUnits() != 0 || a.duplicateDollars().signum() != 0) {
            Duplicates d = duplicatesByPayer.computeIfAbsent(payer, k -> new Duplicates());
            d.units += a.duplicateUnits();
            d.dollars = d.dollars.add(a.duplicateDollars());
        }
        dollarsOver = dollarsOver.add(overDelta);
        dollarsUnder = dollarsUnder.add(underDelta);
        for (Group g : List.of(group(byPayer, payer), group(byTherapist, therapist))) {
            g.unitsSupported += supportedDelta;
            g.unitsBilled += a.billed();
            g.unitsOver += a.unitsOver();
            g.unitsUnder += a.unitsUnder();
            g.dollarsOver = g.dollarsOver.add(overDelta);
            g.dollarsUnder = g.dollarsUnder.add(underDelta);
        }
    }

    /** The rejected rows that are claims replaced or voided, or voids ({@link #replacedOrVoided(long)}). */
    public long replacedOrVoided() {
        return replacedOrVoided;
    }

    /** The rejected rows that could not be read or were set aside as bad input (not replaced or voided claims). */
    public long unreadable() {
        return rejected - replacedOrVoided;
    }

    /**
     * One checked visit: its rows, the payer it is counted under, the units billed (the billed units when the
     * input carries them, else the engine's) and supported, and the estimated dollars. The therapist's side is
     * counted by {@link #therapistVisit} (the batch audit counts it where the therapist's partition is).
     */
    public void visit(String payer, long rows, boolean billed, long billedUnits, long supportedUnits,
                      BigDecimal over, BigDecimal under) {
        read += rows;
        checked += rows;
        visits++;
        if (billed) {
            billedVisits++;
        }
        unitsBilled += billedUnits;
        unitsSupported += supportedUnits;
        dollarsOver = dollarsOver.add(over);
        dollarsUnder = dollarsUnder.add(under);
        Group g = group(byPayer, payer);
        g.visits++;
        g.unitsBilled += billedUnits;
        g.unitsSupported += supportedUnits;
        g.dollarsOver = g.dollarsOver.add(over);
        g.dollarsUnder = g.dollarsUnder.add(under);
    }

    /**
     * One checked visit under its therapist ("" when no provider is named: counted as "(none)"): its units, its
     * dollars, and its own findings by severity (the findings across visits are counted by {@link #finding}).
     */
    public void therapistVisit(String therapist, long billedUnits, long supportedUnits, long unitsOver,
                               long unitsUnder, BigDecimal over, BigDecimal under, long block, long warn, long info) {
        Group g = group(byTherapist, therapist);
        g.visits++;
        g.unitsBilled += billedUnits;
        g.unitsSupported += supportedUnits;
        g.unitsOver += unitsOver;
        g.unitsUnder += unitsUnder;
        g.dollarsOver = g.dollarsOver.add(over);
        g.dollarsUnder = g.dollarsUnder.add(under);
        g.block += block;
        g.warn += warn;
        g.info += info;
        g.findings += block + warn + info;
    }

    /**
     * A finding of a visit's own check taken back once the checks across visits showed it moot (a finding about a
     * line of a duplicate claim, MW-A006, which is void as a whole): counted off as {@link #finding} counted it.
     */
    public void withdrawn(String ruleId, Severity severity, String therapist, String payer) {
        bySeverity.merge(severity.wire(), -1L, Long::sum);
        byRule.merge(ruleId, -1L, Long::sum);
        if (byRule.get(ruleId) == 0) {
            byRule.remove(ruleId);
        }
        if (!therapist.isEmpty()) {
            group(byTherapist, therapist).withdrawn(severity);
        }
        if (!payer.isEmpty()) {
            group(byPayer, payer).withdrawn(severity);
        }
    }

    /** One finding; an empty therapist or payer is not counted under one. */
    public void finding(String ruleId, Severity severity, String therapist, String payer) {
        bySeverity.merge(severity.wire(), 1L, Long::sum);
        byRule.merge(ruleId, 1L, Long::sum);
        if (!therapist.isEmpty()) {
            group(byTherapist, therapist).severity(severity);
        }
        if (!payer.isEmpty()) {
            group(byPayer, payer).severity(severity);
        }
    }

    /**
     * A visit's units billed past those supported and supported past those billed, code by code (codes whose units
     * cannot be judged, MW-B001, left out): the units behind the dollars over and under.
     */
    public void unitsDifference(String payer, long over, long under) {
        unitsOver += over;
        unitsUnder += under;
        Group g = group(byPayer, payer);
        g.unitsOver += over;
        g.unitsUnder += under;
    }

    public long unitsOver() {
        return unitsOver;
    }

    public long unitsUnder() {
        return unitsUnder;
    }

    /** Units of Medicare lines (billed or supported) the loaded RVUs do not price: left out of the dollars. */
    public void unpriced(long units) {
        unitsUnpriced += units;
    }

    /**
     * Billed units of timed codes with no minutes documented (MW-B001): counted as supported, since nothing shows
     * they are not, and outside the dollars over and under.
     */
    public void unverified(long units) {
        unitsUnverified += units;
    }

    /** A visit that is a claim only: its documentation and certification were not judged. */
    public void claimsOnly() {
        claimsOnlyVisits++;
    }

    public long claimsOnlyVisits() {
        return claimsOnlyVisits;
    }

    /** A visit billed without KX after the patient passed the threshold: its lines without KX and their amount. */
    public void kxExposure(long lines, BigDecimal dollars) {
        kxVisits++;
        kxLines += lines;
        kxDollars = kxDollars.add(dollars);
    }

    private static Group group(Map<String, Group> m, String key) {
        return m.computeIfAbsent(key.isEmpty() ? "(none)" : key, k -> new Group());
    }

    /** Adds another part's counts to these. */
    public void merge(AuditTotals o) {
        read += o.read;
        checked += o.checked;
        rejected += o.rejected;
        replacedOrVoided += o.replacedOrVoided;
        visits += o.visits;
        if (o.firstDate != null) {
            dateOfService(o.firstDate);
            dateOfService(o.lastDate);
        }
        billedVisits += o.billedVisits;
        o.bySeverity.forEach((k, v) -> bySeverity.merge(k, v, Long::sum));
        o.byRule.forEach((k, v) -> byRule.merge(k, v, (a, b) -> a + b == 0 ? null : a + b));
        unitsBilled += o.unitsBilled;
        unitsSupported += o.unitsSupported;
        unitsUnverified += o.unitsUnverified;
        unitsOver += o.unitsOver;
        unitsUnder += o.unitsUnder;
        claimsOnlyVisits += o.claimsOnlyVisits;
        unitsUnpriced += o.unitsUnpriced;
        dollarsOver = dollarsOver.add(o.dollarsOver);
        dollarsUnder = dollarsUnder.add(o.dollarsUnder);
        kxVisits += o.kxVisits;
        kxLines += o.kxLines;
        kxDollars = kxDollars.add(o.kxDollars);
        duplicateVisits += o.duplicateVisits;
        duplicateUnits += o.duplicateUnits;
        duplicateDollars = duplicateDollars.add(o.duplicateDollars);
        o.duplicatesByPayer.forEach((k, d) -> duplicatesByPayer.computeIfAbsent(k, x -> new Duplicates()).merge(d));
        estimatedPayers.addAll(o.estimatedPayers);
        o.byTherapist.forEach((k, g) -> byTherapist.computeIfAbsent(k, x -> new Group()).merge(g));
        o.byPayer.forEach((k, g) -> byPayer.computeIfAbsent(k, x -> new Group()).merge(g));
    }

    public long read() {
        return read;
    }

    public long checked() {
        return checked;
    }

    public long rejected() {
        return rejected;
    }

    public long visits() {
        return visits;
    }

    /** Visits that carried billed units (the claim as billed was compared with the documentation). */
    public long billedVisits() {
        return billedVisits;
    }

    public SortedMap<String, Long> findingsBySeverity() {
        return Collections.unmodifiableSortedMap(bySeverity);
    }

    public SortedMap<String, Long> findingsByRule() {
        return Collections.unmodifiableSortedMap(byRule);
    }

    public long findings() {
        return bySeverity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unitsBilled() {
        return unitsBilled;
    }

    public long unitsSupported() {
        return unitsSupported;
    }

    /** Billed units no documented minutes can verify (counted in {@link #unitsSupported()}). */
    public long unitsUnpriced() {
        return unitsUnpriced;
    }

    public long unitsUnverified() {
        return unitsUnverified;
    }

    public BigDecimal dollarsOver() {
        return dollarsOver;
    }

    public BigDecimal dollarsUnder() {
        return dollarsUnder;
    }

    /**
     * A visit that bills a service again (MW-A006) with a code voided whole; its units and dollars are the void
     * rows', counted when they are voided ({@link #corrected}, {@link ClaimCorrection.Applied#duplicateUnits()}).
     */
    public void duplicateVisit(String payer) {
        duplicateVisits++;
        duplicatesByPayer.computeIfAbsent(payer, k -> new Duplicates()).visits++;
    }

    /** The duplicate claims per payer ({@link #duplicateVisit}), by payer id. */
    public SortedMap<String, Duplicates> duplicatesByPayer() {
        return Collections.unmodifiableSortedMap(duplicatesByPayer);
    }

    /**
     * A payer whose dollars the estimate prices (a visit was checked under a Medicare profile): its duplicate claims'
     * dollars are given per payer; another payer's read "not estimated".
     */
    public void estimated(String payer) {
        estimatedPayers.add(payer);
    }

    public long duplicateVisits() {
        return duplicateVisits;
    }

    public long duplicateUnits() {
        return duplicateUnits;
    }

    public BigDecimal duplicateDollars() {
        return duplicateDollars;
    }

    public long kxVisits() {
        return kxVisits;
    }

    public long kxLines() {
        return kxLines;
    }

    public BigDecimal kxDollars() {
        return kxDollars;
    }

    public SortedMap<String, Group> byTherapist() {
        return Collections.unmodifiableSortedMap(byTherapist);
    }

    public SortedMap<String, Group> byPayer() {
        return Collections.unmodifiableSortedMap(byPayer);
    }

    /** summary.json, keys in a fixed order, dollars to the cent. */
    public ObjectNode toJson() {
        return toJson(false);
    }

    /** summary.json of an audit, with {@code payerOverride} when every visit was checked under one payer. */
    public ObjectNode toSummaryJson(java.util.Optional<String> payerOverride) {
        ObjectNode o = toJson(false);
        payerOverride.ifPresent(p -> o.put("payerOverride", p));
        return o;
    }

    /**
     * The counts with the dollar amounts unrounded, for a part that will be merged with others (so the sum of
     * the parts rounds once, the same whatever the partitioning).
     */
    public ObjectNode toPartJson() {
        return toJson(true);
    }

    private ObjectNode toJson(boolean exact) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("read", read);
        o.put("checked", checked);
        o.put("rejected", rejected);
        if (replacedOrVoided > 0) {
            o.put("replacedOrVoided", replacedOrVoided);
        }
        o.put("visits", visits);
        if (firstDate != null) {
            ObjectNode period = o.putObject("period");
            period.put("from", firstDate.toString());
            period.put("to", lastDate.toString());
        }
        ObjectNode sev = o.putObject("findingsBySeverity");
        for (Severity s : Severity.values()) {
            sev.put(s.wire(), bySeverity.getOrDefault(s.wire(), 0L));
        }
        ObjectNode rules = o.putObject("findingsByRule");
        byRule.forEach(rules::put);
        o.put("unitsBilled", unitsBilled);
        o.put("unitsSupported", unitsSupported);
        o.put("unitsOver", unitsOver);
        o.put("unitsUnder", unitsUnder);
        o.put("unitsUnverified", unitsUnverified);
        if (claimsOnlyVisits > 0) {
            o.put("claimsOnlyVisits", claimsOnlyVisits);
        }
        o.put("unitsUnpriced", unitsUnpriced);
        o.put("billedVisits", billedVisits);
        o.put("dollarsOver", money(dollarsOver, exact));
        o.put("dollarsUnder", money(dollarsUnder, exact));
        o.put("dollarsNote", DOLLARS_NOTE);
        ObjectNode kx = o.putObject("kxExposure");
        kx.put("visits", kxVisits);
        kx.put("lines", kxLines);
        kx.put("dollars", money(kxDollars, exact));
        ObjectNode dup = o.putObject("duplicateClaims");
        dup.put("visits", duplicateVisits);
        dup.put("units", duplicateUnits);
        dup.put("dollars", money(duplicateDollars, exact));
        duplicatesByPayer(dup.putObject("byPayer"), exact);
        if (exact) {
            com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray(ESTIMATED_PAYERS);
            estimatedPayers.forEach(a::add);
        }
        groups(o.putObject("byTherapist"), byTherapist, exact);
        ObjectNode payers = o.putObject("byPayer");
        groups(payers, byPayer, exact);
        if (!exact) {
            // A payer the estimate does not price has no dollars to count: its 0.00 is not a figure (report.html).
            byPayer.keySet().stream().filter(k -> !estimatedPayers.contains(k))
                    .forEach(k -> ((ObjectNode) payers.get(k)).put("dollarsNote", NOT_ESTIMATED));
        }
        return o;
    }

    /** What a payer's duplicate dollars read when the estimate does not price the payer (as in report.html). */
    public static final String NOT_ESTIMATED = "not estimated";

    /** A part's payers whose dollars the estimate prices (not in summary.json, whose duplicates say it per payer). */
    private static final String ESTIMATED_PAYERS = "estimatedPayers";

    /**
     * {@code duplicateClaims.byPayer}: per payer with duplicate claims, their visits, units and, for a payer the
     * estimate prices, their dollars (rounded so that they add up to {@code duplicateClaims.dollars}); for another
     * payer {@code "dollarsNote": "not estimated"} in their place.
     */
    private void duplicatesByPayer(ObjectNode into, boolean exact) {
        Map<String, BigDecimal> rounded = duplicateDollars(estimatedPayers::contains, exact);
        duplicatesByPayer.forEach((k, d) -> {
            ObjectNode g = into.putObject(k);
            g.put("visits", d.visits);
            g.put("units", d.units);
            if (rounded.containsKey(k)) {
                g.put("dollars", rounded.get(k));
            } else {
                g.put("dollarsNote", NOT_ESTIMATED);
            }
        });
    }

    /**
     * The duplicate claims' dollars of each payer {@code priced} says the estimate prices (the others have none),
     * rounded to the cent so that they add up to their sum rounded ({@link #apportioned}) unless {@code exact}.
     */
    Map<String, BigDecimal> duplicateDollars(java.util.function.Predicate<String> priced, boolean exact) {
        Map<String, BigDecimal> dollars = new java.util.LinkedHashMap<>();
        duplicatesByPayer.forEach((k, d) -> {
            if (priced.test(k)) {
                dollars.put(k, d.dollars);
            }
        });
        return exact ? dollars : apportioned(dollars);
    }

    /**
     * A table of groups; rounded, each group's dollars to the cent so that the column adds up to its sum rounded
     * (the largest remainders get the cents left over), as a reader of the report's table expects.
     */
    private static void groups(ObjectNode into, TreeMap<String, Group> groups, boolean exact) {
        if (exact) {
            groups.forEach((k, g) -> into.set(k, g.toJson(true)));
            return;
        }
        GroupDollars d = GroupDollars.of(groups);
        groups.forEach((k, g) -> into.set(k, g.toJson(d.over().get(k), d.under().get(k), false)));
    }

    /**
     * Each group's dollars over and under to the cent, apportioned so that each column adds up to its sum rounded
     * ({@link #apportioned}): summary.json's groups and the report's tables.
     */
    record GroupDollars(Map<String, BigDecimal> over, Map<String, BigDecimal> under) {
        static GroupDollars of(Map<String, Group> groups) {
            Map<String, BigDecimal> over = new java.util.LinkedHashMap<>();
            Map<String, BigDecimal> under = new java.util.LinkedHashMap<>();
            groups.forEach((k, g) -> {
                over.put(k, g.dollarsOver);
                under.put(k, g.dollarsUnder);
            });
            return new GroupDollars(apportioned(over), apportioned(under));
        }
    }

    /**
     * Amounts rounded to the cent so that they add up to their exact sum rounded half up: each rounded down, then
     * the cents left over to the largest remainders (ties in key order). For amounts of one sign (dollars over,
     * dollars under); a negative sum is rounded as is.
     */
    static Map<String, BigDecimal> apportioned(Map<String, BigDecimal> exact) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : exact.values()) {
            sum = sum.add(v);
        }
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        if (sum.signum() < 0) {
            exact.forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP)));
            return out;
        }
        BigDecimal floors = BigDecimal.ZERO;
        List<Map.Entry<String, BigDecimal>> rest = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : exact.entrySet()) {
            BigDecimal f = e.getValue().setScale(2, RoundingMode.FLOOR);
            out.put(e.getKey(), f);
            floors = floors.add(f);
            rest.add(Map.entry(e.getKey(), e.getValue().subtract(f)));
        }
        long cents = sum.setScale(2, RoundingMode.HALF_UP).subtract(floors).movePointRight(2).longValueExact();
        rest.sort((a, b) -> b.getValue().compareTo(a.getValue()));
        for (int i = 0; i < cents && i < rest.size(); i++) {
            out.merge(rest.get(i).getKey(), new BigDecimal("0.01"), BigDecimal::add);
        }
        return out;
    }

    /** Reads what {@link #toJson()} wrote. */
    public static AuditTotals fromJson(JsonNode o) {
        AuditTotals t = new AuditTotals();
        t.read = o.path("read").asLong();
        t.checked = o.path("checked").asLong();
        t.rejected = o.path("rejected").asLong();
        t.replacedOrVoided = o.path("replacedOrVoided").asLong();
        t.visits = o.path("visits").asLong();
        if (o.has("period")) {
            t.firstDate = java.time.LocalDate.parse(o.path("period").path("from").asText());
            t.lastDate = java.time.LocalDate.parse(o.path("period").path("to").asText());
        }
        t.billedVisits = o.path("billedVisits").asLong();
        fields(o.path("findingsBySeverity")).forEachRemaining(e -> t.bySeverity.put(e.getKey(),
                e.getValue().asLong()));
        fields(o.path("findingsByRule")).forEachRemaining(e -> t.byRule.put(e.getKey(), e.getValue().asLong()));
        t.unitsBilled = o.path("unitsBilled").asLong();
        t.unitsSupported = o.path("unitsSupported").asLong();
        t.unitsUnverified = o.path("unitsUnverified").asLong();
        t.unitsOver = o.path("unitsOver").asLong();
        t.unitsUnder = o.path("unitsUnder").asLong();
        t.claimsOnlyVisits = o.path("claimsOnlyVisits").asLong();
        t.unitsUnpriced = o.path("unitsUnpriced").asLong();
        t.dollarsOver = o.path("dollarsOver").decimalValue();
        t.dollarsUnder = o.path("dollarsUnder").decimalValue();
        JsonNode kx = o.path("kxExposure");
        t.kxVisits = kx.path("visits").asLong();
        t.kxLines = kx.path("lines").asLong();
        t.kxDollars = kx.path("dollars").decimalValue();
        JsonNode dup = o.path("duplicateClaims");
        t.duplicateVisits = dup.path("visits").asLong();
        t.duplicateUnits = dup.path("units").asLong();
        t.duplicateDollars = dup.path("dollars").isMissingNode() ? BigDecimal.ZERO : dup.path("dollars").decimalValue();
        fields(dup.path("byPayer")).forEachRemaining(e -> {
            Duplicates d = new Duplicates();
            d.visits = e.getValue().path("visits").asLong();
            d.units = e.getValue().path("units").asLong();
            if (e.getValue().has("dollars")) {
                d.dollars = e.getValue().path("dollars").decimalValue();
                t.estimatedPayers.add(e.getKey());
            }
            t.duplicatesByPayer.put(e.getKey(), d);
        });
        o.path(ESTIMATED_PAYERS).forEach(n -> t.estimatedPayers.add(n.asText()));
        fields(o.path("byTherapist")).forEachRemaining(e -> t.byTherapist.put(e.getKey(),
                Group.fromJson(e.getValue())));
        fields(o.path("byPayer")).forEachRemaining(e -> {
            t.byPayer.put(e.getKey(), Group.fromJson(e.getValue()));
            // summary.json names the payers not estimated (a part lists those estimated).
            if (!o.has(ESTIMATED_PAYERS) && !e.getValue().has("dollarsNote")) {
                t.estimatedPayers.add(e.getKey());
            }
        });
        return t;
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode n) {
        return n.properties().iterator();
    }

    static BigDecimal money(BigDecimal v, boolean exact) {
        return exact ? v : v.setScale(2, RoundingMode.HALF_UP);
    }
}
