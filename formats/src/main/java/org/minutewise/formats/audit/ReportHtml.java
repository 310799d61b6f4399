package org.minutewise.formats.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * report.html: one self-contained page (inline CSS, inline SVG bar charts drawn here, no script, no external
 * resource) that reads offline and prints: the totals, findings by rule, severity, therapist and payer, units
 * billed against units supported, the estimated dollars over and under, and the KX exposure. Deterministic: the
 * same totals give the same bytes (no clock, no run details).
 */
public final class ReportHtml {
    /** Therapists and payers shown in the charts; the rest are in summary.json. */
    public static final int TOP = 20;

    private static final String BLOCK = "#b83227";
    private static final String WARN = "#d9822b";
    private static final String INFO = "#3b7dd8";
    private static final String BILLED = "#6c7a89";
    private static final String SUPPORTED = "#2e8b57";

    private ReportHtml() {
    }

    /** One bar: a label, stacked segments (value and colour), and the text printed after it. */
    private record Bar(String label, List<double[]> values, List<String> colors, String text) {
    }

    public static String render(AuditTotals t, Map<String, RuleInfo> catalog, List<String> inputs) {
        return render(t, catalog, inputs, java.util.Optional.empty());
    }

    /** The report; {@code payer}: the payer profile every visit was checked under ({@code --payer}), if given. */
    public static String render(AuditTotals t, Map<String, RuleInfo> catalog, List<String> inputs,
                                java.util.Optional<String> payer) {
        return render(t, catalog, inputs, payer, List.of());
    }

    /**
     * The report, with {@code partial}: one sentence per input that could not be read to its end (a gzip file cut
     * short), shown at the top: its totals are partial.
     */
    public static String render(AuditTotals t, Map<String, RuleInfo> catalog, List<String> inputs,
                                java.util.Optional<String> payer, List<String> partial) {
        return render(t, catalog, inputs, payer, partial, List.of());
    }

    /**
     * The report, with {@code ignored}: per CSV input whose header has columns the layout does not read, what they are
     * (summary.json's {@code ignoredColumns}), shown at the top: their data is not in the totals.
     */
    public static String render(AuditTotals t, Map<String, RuleInfo> catalog, List<String> inputs,
                                java.util.Optional<String> payer, List<String> partial, List<String> ignored) {
        return render(t, catalog, inputs, payer, partial, ignored, p -> true);
    }

    /**
     * The report, with {@code estimated}: the payers (by the id {@link AuditTotals#byPayer()} counts them under) whose
     * dollars the estimate prices (Medicare's fee schedule): another payer's dollars over and under read "not
     * estimated", not $0.00 (an auditor's review).
     */
    public static String render(AuditTotals t, Map<String, RuleInfo> catalog, List<String> inputs,
                                java.util.Optional<String> payer, List<String> partial, List<String> ignored,
                                java.util.function.Predicate<String> estimated) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Minutewise audit report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body>\n<header>\n<h1>Minutewise audit report</h1>\n<p class=\"sub\">Input: ");
        for (int i = 0; i < inputs.size(); i++) {
            h.append(i == 0 ? "" : ", ").append("<code>").append(esc(inputs.get(i))).append("</code>");
        }
        h.append("</p>\n");
        if (t.firstDate().isPresent()) {
            h.append("<p class=\"sub\">Dates of service: ").append(t.firstDate().get()).append(" to ")
                    .append(t.lastDate().get()).append(" (").append(num(t.visits()))
                    .append(t.visits() == 1 ? " visit" : " visits").append(" checked)</p>\n");
        }
        payer.ifPresent(p -> h.append("<p class=\"sub\">Every visit checked under the payer profile <code>")
                .append(esc(p)).append("</code> (<code>--payer</code>), whatever payer its input names.</p>\n"));
        if (!partial.isEmpty()) {
            h.append("<p class=\"note\"><b>The totals are partial:</b> ");
            for (int i = 0; i < partial.size(); i++) {
                h.append(i == 0 ? "" : " ").append(esc(partial.get(i))).append('.');
            }
            h.append("</p>\n");
        }
        if (!ignored.isEmpty()) {
            h.append("<p class=\"note\"><b>Columns not read:</b> ");
            for (int i = 0; i < ignored.size(); i++) {
                h.append(i == 0 ? "" : " ").append(esc(ignored.get(i))).append(ignored.get(i).endsWith(".") ? "" : ".");
            }
            h.append(" Their values are in no total; rename a column to the layout's name if it was meant.</p>\n");
        }
        h.append("</header>\n");
        totals(h, t);
        byRule(h, t, catalog);
        bySeverity(h, t);
        groups(h, "By therapist", "therapist", t.byTherapist(), "therapists", p -> true);
        groups(h, "By payer", "payer", t.byPayer(), "payers", estimated);
        units(h, t);
        dollars(h, t, estimated);
        kx(h, t);
        h.append("<footer><p>Rows are service lines: <b>read = checked + rejected</b>. Findings per row are in "
                + "<code>findings.csv</code>, claim lines billed against supported in <code>claims.csv</code>, "
                + "rows that could not be read (and those of claims a later claim replaced or voided) in "
                + "<code>rejected.csv</code>, every figure of this page in "
                + "<code>summary.json</code>.</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void totals(StringBuilder h, AuditTotals t) {
        h.append("<section>\n<h2>Totals</h2>\n<div class=\"cards\">\n");
        card(h, t.read() == 1 ? "row read" : "rows read", num(t.read()), "");
        card(h, t.checked() == 1 ? "row checked" : "rows checked", num(t.checked()), "");
        card(h, t.rejected() == 1 ? "row rejected" : "rows rejected", num(t.rejected()), t.unreadable() > 0 ? "bad" : "");
        if (t.replacedOrVoided() > 0) {
            card(h, t.replacedOrVoided() == 1 ? "of them a replaced or voided claim"
                    : "of them replaced or voided claims", num(t.replacedOrVoided()), "");
        }
        card(h, t.visits() == 1 ? "visit" : "visits", num(t.visits()), "");
        card(h, t.findings() == 1 ? "finding" : "findings", num(t.findings()), "");
        long blocking = t.findingsBySeverity().getOrDefault(Severity.BLOCK.wire(), 0L);
        card(h, blocking == 1 ? "blocking finding" : "blocking findings", num(blocking), blocking > 0 ? "bad" : "");
        card(h, t.unitsBilled() == 1 ? "unit billed" : "units billed", num(t.unitsBilled()), "");
        card(h, t.unitsSupported() == 1 ? "unit supported" : "units supported", num(t.unitsSupported()),
                "");
        card(h, "est. dollars over", money(t.dollarsOver()), "");
        card(h, "est. dollars under", money(t.dollarsUnder()), "");
        card(h, t.kxVisits() == 1 ? "visit missing KX" : "visits missing KX", num(t.kxVisits()), t.kxVisits() > 0 ? "bad" : "");
        h.append("</div>\n");
        if (t.unitsUnpriced() > 0) {
            h.append("<p class=\"note\"><b>Dollar and KX figures are lower bounds:</b> ")
                    .append(units(t.unitsUnpriced())).append(" of Medicare lines could not be priced (no RVUs loaded "
                    + "for their codes; the shipped sample prices only a few: load CMS's PPRRVU file with "
                    + "<code>--rvu-file</code>). They count toward no dollars over or under and no KX "
                    + "threshold.</p>\n");
        }
        if (t.billedVisits() == 0 && t.visits() > 0 && t.unitsBilled() == t.unitsSupported()) {
            h.append("<p class=\"note\">The input carries no billed units: units billed are the units Minutewise "
                    + "would bill, so billed and supported agree by construction.</p>\n");
        } else if (t.billedVisits() == 0 && t.visits() > 0) {
            h.append("<p class=\"note\">The input carries no billed units: units billed are the units Minutewise "
                    + "would bill each visit on its own (the claim it would send), and they differ from the units "
                    + "supported by what the checks across visits take off: minutes a therapist shared between two "
                    + "patients' one-on-one visits (MW-A001), a patient's day of several visits (MW-A012), duplicate "
                    + "claims (MW-A006).</p>\n");
        }
        h.append("</section>\n");
    }

    private static void card(StringBuilder h, String label, String value, String cls) {
        h.append("<div class=\"card ").append(cls).append("\"><div class=\"v\">").append(esc(value))
                .append("</div><div class=\"l\">").append(esc(label)).append("</div></div>\n");
    }

    private static String color(Severity s) {
        return switch (s) {
            case BLOCK -> BLOCK;
            case WARN -> WARN;
            case INFO -> INFO;
        };
    }

    private static void byRule(StringBuilder h, AuditTotals t, Map<String, RuleInfo> catalog) {
        h.append("<section>\n<h2>Findings by rule</h2>\n");
        if (t.findingsByRule().isEmpty()) {
            h.append("<p>No findings.</p>\n</section>\n");
            return;
        }
        List<Map.Entry<String, Long>> rules = new ArrayList<>(t.findingsByRule().entrySet());
        // What blocks first, then warnings, then information, each by count: a few thousand information findings
        // (a review note on every visit) do not push the blocks down the page.
        rules.sort(Comparator.<Map.Entry<String, Long>>comparingInt(e -> severityRank(catalog.get(e.getKey())))
                .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed())
                .thenComparing(Map.Entry.comparingByKey()));
        // Two charts, each on its own scale: information findings (a note on many visits) would shrink the bars of
        // the rules that block or warn to a few pixels.
        List<Bar> serious = new ArrayList<>();
        List<Bar> informative = new ArrayList<>();
        for (Map.Entry<String, Long> e : rules) {
            RuleInfo info = catalog.get(e.getKey());
            String c = info == null ? BILLED : color(info.severity());
            Bar bar = new Bar(e.getKey() + " " + (info == null ? "" : info.title()), List.of(new double[] {e.getValue()}),
                    List.of(c), num(e.getValue()));
            (info != null && info.severity() == Severity.INFO ? informative : serious).add(bar);
        }
        boolean both = !serious.isEmpty() && !informative.isEmpty();
        if (!serious.isEmpty()) {
            h.append(both ? "<h3>Block and warn</h3>\n" : "");
            chart(h, serious, both ? "Findings by rule: block and warn" : "Findings by rule");
        }
        if (!informative.isEmpty()) {
            h.append(both ? "<h3>Information</h3>\n" : "");
            chart(h, informative, both ? "Findings by rule: information" : "Findings by rule");
        }
        legend(h, List.of(BLOCK, WARN, INFO), List.of("block", "warn", "info"));
        if (both) {
            h.append("<p class=\"note\">The rules that block or warn and those that inform are charted apart, each "
                    + "chart on its own scale.</p>\n");
        }
        h.append("<table>\n<thead><tr><th>Rule</th><th>Severity</th><th>Title</th><th class=\"n\">Findings</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Long> e : rules) {
            RuleInfo info = catalog.get(e.getKey());
            h.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>")
                    .append(info == null ? "" : info.severity().wire()).append("</td><td>")
                    .append(esc(info == null ? "" : info.title())).append("</td><td class=\"n\">")
                    .append(num(e.getValue())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static int severityRank(RuleInfo info) {
        return info == null ? Severity.values().length : info.severity().ordinal();
    }

    private static void bySeverity(StringBuilder h, AuditTotals t) {
        h.append("<section>\n<h2>Findings by severity</h2>\n");
        List<Bar> bars = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = t.findingsBySeverity().getOrDefault(s.wire(), 0L);
            bars.add(new Bar(s.wire(), List.of(new double[] {n}), List.of(color(s)), num(n)));
        }
        chart(h, bars, "Findings by severity");
        h.append("<p class=\"note\"><b>block</b>: the claim will be rejected or is wrong; <b>warn</b>: a denial or "
                + "audit risk; <b>info</b>: worth knowing.</p>\n</section>\n");
    }

    /** A table of groups; {@code priced}: the groups whose dollars are estimated (another's read "not estimated"). */
    private static void groups(StringBuilder h, String title, String what, Map<String, AuditTotals.Group> groups,
                               String plural, java.util.function.Predicate<String> priced) {
        h.append("<section>\n<h2>").append(esc(title)).append("</h2>\n");
        if (groups.isEmpty()) {
            h.append("<p>None.</p>\n</section>\n");
            return;
        }
        List<Map.Entry<String, AuditTotals.Group>> list = new ArrayList<>(groups.entrySet());
        // Ranked by what blocks, then by what warns: a therapist with many information findings (a note on every
        // NCCI pair done apart, say) is not one an auditor looks at first. Then all findings, then the name.
        list.sort(Comparator.<Map.Entry<String, AuditTotals.Group>>comparingLong(e -> e.getValue().block())
                .thenComparingLong(e -> e.getValue().warn()).thenComparingLong(e -> e.getValue().findings())
                .reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, AuditTotals.Group>> top = list.subList(0, Math.min(TOP, list.size()));
        // The chart shows what blocks and warns (information findings, a note on many visits, would shrink those
        // bars to slivers); the table below counts every finding.
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, AuditTotals.Group> e : top) {
            AuditTotals.Group g = e.getValue();
            bars.add(new Bar(e.getKey(), List.of(new double[] {g.block()}, new double[] {g.warn()}),
                    List.of(BLOCK, WARN), num(g.block()) + " block, " + num(g.warn()) + " warn"));
        }
        chart(h, bars, "Findings that block or warn, by " + what);
        legend(h, List.of(BLOCK, WARN), List.of("block", "warn"));
        if (list.size() > TOP) {
            h.append("<p class=\"note\">The ").append(TOP).append(" ").append(plural).append(" with the most "
                    + "blocking findings (then warnings) of ").append(num(list.size())).append("; all are in <code>summary.json</code>.</p>\n");
        }
        h.append("<table>\n<thead><tr><th>").append(esc(what.substring(0, 1).toUpperCase(Locale.ROOT)
                + what.substring(1))).append("</th><th class=\"n\">Visits</th><th class=\"n\">Findings</th>"
                + "<th class=\"n\">Block</th><th class=\"n\">Units billed</th><th class=\"n\">Units supported</th>"
                + "<th class=\"n\">Units over</th><th class=\"n\">Units under</th>"
                + "<th class=\"n\">Est. $ over</th><th class=\"n\">Est. $ under</th></tr></thead>\n<tbody>\n");
        // Rounded so that the column of all groups adds up to the total (summary.json rounds them the same way).
        AuditTotals.GroupDollars dollars = AuditTotals.GroupDollars.of(groups);
        for (Map.Entry<String, AuditTotals.Group> e : top) {
            AuditTotals.Group g = e.getValue();
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n\">").append(num(g.visits()))
                    .append("</td><td class=\"n\">").append(num(g.findings())).append("</td><td class=\"n\">")
                    .append(num(g.block())).append("</td><td class=\"n\">").append(num(g.unitsBilled()))
                    .append("</td><td class=\"n\">").append(num(g.unitsSupported())).append("</td><td class=\"n\">")
                    .append(num(g.unitsOver())).append("</td><td class=\"n\">").append(num(g.unitsUnder()))
                    .append("</td><td class=\"n\">");
            if (priced.test(e.getKey())) {
                h.append(money(dollars.over().get(e.getKey()))).append("</td><td class=\"n\">")
                        .append(money(dollars.under().get(e.getKey())));
            } else {
                h.append(AuditTotals.NOT_ESTIMATED).append("</td><td class=\"n\">").append(AuditTotals.NOT_ESTIMATED);
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        boolean someWithoutVisits = false;
        for (Map.Entry<String, AuditTotals.Group> e : top) {
            someWithoutVisits |= e.getValue().visits() == 0;
        }
        if (what.equals("therapist") && someWithoutVisits) {
            h.append("<p class=\"note\">Visits, units, dollars and findings count under the visit's therapist (the "
                    + "supervising therapist when an assistant treated, an assistant's overlapping minutes, MW-A001, "
                    + "included); an assistant's row holds only the finding of their minutes per unit (MW-A007, "
                    + "counted per clinician) and no visits of their own.</p>\n");
        }
        h.append("</section>\n");
    }

    private static void units(StringBuilder h, AuditTotals t) {
        h.append("<section>\n<h2>Units billed against units supported</h2>\n");
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("all payers: billed", List.of(new double[] {t.unitsBilled()}), List.of(BILLED),
                num(t.unitsBilled())));
        bars.add(new Bar("all payers: supported", List.of(new double[] {t.unitsSupported()}), List.of(SUPPORTED),
                num(t.unitsSupported())));
        for (Map.Entry<String, AuditTotals.Group> e : t.byPayer().entrySet()) {
            bars.add(new Bar(e.getKey() + ": billed", List.of(new double[] {e.getValue().unitsBilled()}),
                    List.of(BILLED), num(e.getValue().unitsBilled())));
            bars.add(new Bar(e.getKey() + ": supported", List.of(new double[] {e.getValue().unitsSupported()}),
                    List.of(SUPPORTED), num(e.getValue().unitsSupported())));
        }
        chart(h, bars, "Units billed and supported");
        legend(h, List.of(BILLED, SUPPORTED), List.of("billed", "supported by the documented minutes"));
        // Over and under apart, code by code: a net figure would let units under hide units over.
        if (t.unitsOver() == 0 && t.unitsUnder() == 0) {
            h.append("<p>Code by code, as many units billed as the documented minutes support.</p>\n");
        } else {
            h.append("<p>Code by code: ").append(units(t.unitsOver())).append(" billed over what the documented "
                    + "minutes support, and ").append(units(t.unitsUnder())).append(" the minutes support left "
                    + "unbilled (each visit's code counted apart; one does not offset the other).</p>\n");
        }
        if (t.duplicateUnits() > 0) {
            h.append("<p>").append(units(t.duplicateUnits())).append(" of duplicate claims (MW-A006) are billed but "
                    + "not supported: their lines are void, so they count apart, not among the units over.</p>\n");
        }
        if (t.unitsUnverified() > 0) {
            h.append("<p>").append(num(t.unitsUnverified())).append(" billed units of timed codes have no minutes "
                    + "documented (MW-B001: claims read from an 837, or billed rows without minutes); they are "
                    + "counted as supported and left out of the dollars over and under.</p>\n");
        }
        if (t.claimsOnlyVisits() > 0) {
            h.append("<p>").append(num(t.claimsOnlyVisits())).append(t.claimsOnlyVisits() == 1 ? " visit is"
                    : " visits are").append(" claims read from an 837 (billed lines with no minutes and no note): "
                    + "their note, treatment times and plan-of-care certification (the documentation findings and "
                    + "MW-P002) were not judged, since a claim holds none of them.</p>\n");
        }
        h.append("</section>\n");
    }

    /** "1 unit", "2,480 units". */
    private static String units(long n) {
        return num(n) + (n == 1 ? " unit" : " units");
    }

    private static void dollars(StringBuilder h, AuditTotals t, java.util.function.Predicate<String> estimated) {
        h.append("<section>\n<h2>Estimated dollars over and under</h2>\n");
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("over-billed (all payers)", List.of(new double[] {t.dollarsOver().doubleValue()}),
                List.of(BLOCK), money(t.dollarsOver())));
        bars.add(new Bar("under-billed (all payers)", List.of(new double[] {t.dollarsUnder().doubleValue()}),
                List.of(INFO), money(t.dollarsUnder())));
        for (Map.Entry<String, AuditTotals.Group> e : t.byPayer().entrySet()) {
            AuditTotals.Group g = e.getValue();
            // A payer the estimate does not price: its units over and under are counted, their dollars are not.
            boolean priced = estimated.test(e.getKey());
            bars.add(new Bar(e.getKey() + ": over", List.of(new double[] {g.dollarsOver().doubleValue()}),
                    List.of(BLOCK), priced ? money(g.dollarsOver()) : AuditTotals.NOT_ESTIMATED));
            bars.add(new Bar(e.getKey() + ": under", List.of(new double[] {g.dollarsUnder().doubleValue()}),
                    List.of(INFO), priced ? money(g.dollarsUnder()) : AuditTotals.NOT_ESTIMATED));
        }
        chart(h, bars, "Estimated dollars over and under");
        if (t.duplicateVisits() > 0) {
            h.append("<p><b>Duplicate claims</b> (MW-A006): ").append(num(t.duplicateVisits()))
                    .append(t.duplicateVisits() == 1 ? " visit bills" : " visits bill").append(" a service again for "
                    + "the same patient and date, ").append(units(t.duplicateUnits())).append("; est. ")
                    .append(money(t.duplicateDollars())).append(" allowed on their Medicare lines, which Medicare "
                    + "denies as duplicates (other payers' lines are counted in the visits and units, their dollars "
                    + "are not estimated). A "
                    + "duplicate's lines are void as a whole: their units are not supported and their amount is "
                    + "counted here only, not in the dollars over or under above, so the two add up without counting "
                    + "anything twice.</p>\n");
            duplicatesByPayer(h, t, estimated);
        }
        h.append("<p class=\"note\"><b>An estimate.</b> ").append(esc(AuditTotals.DOLLARS_NOTE))
                .append("</p>\n</section>\n");
    }

    /**
     * The duplicate claims per payer: visits, units and the estimated dollars of a payer the estimate prices, "not
     * estimated" for another (as the dollars over and under read), the dollars rounded so that they add up to the
     * total given above.
     */
    private static void duplicatesByPayer(StringBuilder h, AuditTotals t,
                                          java.util.function.Predicate<String> estimated) {
        if (t.duplicatesByPayer().isEmpty()) {
            return;
        }
        Map<String, BigDecimal> rounded = t.duplicateDollars(estimated, false);
        h.append("<p>Duplicate claims by payer:</p>\n<table>\n<thead><tr><th>Payer</th><th class=\"n\">Visits</th>"
                + "<th class=\"n\">Units</th><th class=\"n\">Est. $</th></tr></thead>\n<tbody>\n");
        t.duplicatesByPayer().forEach((payer, d) -> h.append("<tr><td>").append(esc(payer))
                .append("</td><td class=\"n\">").append(num(d.visits())).append("</td><td class=\"n\">")
                .append(num(d.units())).append("</td><td class=\"n\">")
                .append(rounded.containsKey(payer) ? money(rounded.get(payer)) : AuditTotals.NOT_ESTIMATED)
                .append("</td></tr>\n"));
        h.append("</tbody>\n</table>\n");
    }

    /**
     * The payers whose dollars the estimate prices: those of a Medicare profile (by the payer id a visit is counted
     * under, which names its profile).
     */
    public static java.util.function.Predicate<String> medicare(org.minutewise.core.check.ReferenceData ref) {
        return id -> ref.payers().find(id).map(org.minutewise.core.payer.PayerProfile::isMedicare).orElse(false);
    }

    private static void kx(StringBuilder h, AuditTotals t) {
        h.append("<section>\n<h2>KX exposure</h2>\n<div class=\"cards\">\n");
        card(h, t.kxVisits() == 1 ? "visit without KX after the threshold"
                : "visits without KX after the threshold", num(t.kxVisits()), t.kxVisits() > 0 ? "bad" : "");
        card(h, t.kxLines() == 1 ? "line without KX" : "lines without KX", num(t.kxLines()), "");
        card(h, "est. allowed dollars at risk", money(t.kxDollars()), "");
        h.append("</div>\n<p class=\"note\">Counting each Medicare patient's visits of the year in date order, lines "
                + "billed without KX once the patient's therapy expenses passed the KX threshold (finding MW-A003, "
                + "or the visit's own MW-B012 when the visit stated the expenses before it): "
                + "Medicare denies them. Dollars are the fee-schedule allowed amounts of those lines (an estimate)."
                + "</p>\n</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ charts

    private static final int LABEL_W = 330;
    private static final int BAR_W = 360;
    private static final int ROW_H = 22;

    /** A horizontal bar chart as inline SVG. */
    private static void chart(StringBuilder h, List<Bar> bars, String title) {
        double max = 0;
        int longestText = 0;
        for (Bar b : bars) {
            longestText = Math.max(longestText, b.text().length());
            double sum = 0;
            for (double[] v : b.values()) {
                sum += v[0];
            }
            max = Math.max(max, sum);
        }
        int height = bars.size() * ROW_H + 8;
        // Room after the longest bar for its value ("16,868 block, 19,989 warn"): 12px text, under 7.5px a character.
        int width = LABEL_W + BAR_W + Math.max(110, 12 + (int) Math.ceil(longestText * 7.5));
        h.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>").append(esc(title)).append("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 4 + i * ROW_H;
            h.append("<text x=\"").append(LABEL_W - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" class=\"lbl\">").append(esc(shorten(b.label(), 42)))
                    .append("</text>\n");
            double x = LABEL_W;
            for (int s = 0; s < b.values().size(); s++) {
                double v = b.values().get(s)[0];
                double w = max == 0 ? 0 : v / max * BAR_W;
                if (w > 0) {
                    h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"")
                            .append(fmt(Math.max(w, 1))).append("\" height=\"").append(ROW_H - 6)
                            .append("\" fill=\"").append(b.colors().get(s)).append("\"/>\n");
                }
                x += w;
            }
            h.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 15).append("\" class=\"val\">")
                    .append(esc(b.text())).append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static void legend(StringBuilder h, List<String> colors, List<String> labels) {
        h.append("<p class=\"legend\">");
        for (int i = 0; i < colors.size(); i++) {
            h.append("<span><i style=\"background:").append(colors.get(i)).append("\"></i>").append(esc(labels.get(i)))
                    .append("</span>");
        }
        h.append("</p>\n");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String money(BigDecimal d) {
        return "$" + String.format(Locale.ROOT, "%,.2f", d.setScale(2, RoundingMode.HALF_UP));
    }

    /** HTML text and attribute escaping. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            :root { --ink: #1d2733; --muted: #5b6b7c; --line: #d8dee5; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: var(--ink); margin: 0 auto; max-width: 900px; padding: 24px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            .sub, .note, footer { color: var(--muted); }
            .note { font-size: 12.5px; }
            code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
            .card .v { font-size: 20px; font-weight: 600; }
            .card .l { color: var(--muted); font-size: 12px; }
            .card.bad .v { color: #b83227; }
            svg.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; }
            svg .lbl { font-size: 12px; fill: #1d2733; }
            svg .val { font-size: 12px; fill: #5b6b7c; }
            .legend span { margin-right: 16px; font-size: 12px; color: var(--muted); }
            .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 5px; vertical-align: -1px; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: #f3f5f8; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            td.n { white-space: nowrap; }
            footer { margin-top: 32px; font-size: 12px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              section { break-inside: avoid; page-break-inside: avoid; }
              h2 { break-after: avoid; }
              th { background: none; }
              .card { border-color: #999; }
              @page { margin: 14mm; }
            }
            """;
}
