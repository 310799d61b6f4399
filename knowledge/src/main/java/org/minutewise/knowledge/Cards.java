package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.model.Discipline;

/** Builds the cards: from the reference data, the rule catalog and the knowledge data file. */
final class Cards {
    static final String RULES_CODES = "RULES.md §1";

    private Cards() {
    }

    /** A code card: what the catalog says, then what the data file adds, then the edits that touch it. */
    static Card code(CodeInfo c, KnowledgeData.Entry e, CodeEdits edits) {
        return code(c, e, edits, java.util.Optional.empty());
    }

    /** The same, with the code's Medicare payment in words ({@link #payment}) as a fact. */
    static Card code(CodeInfo c, KnowledgeData.Entry e, CodeEdits edits, java.util.Optional<String> payment) {
        List<Fact> facts = new ArrayList<>();
        if (c.timed()) {
            facts.add(new Fact("Units", "Timed: billed per 15 minutes. The day's minutes become units by the payer's "
                    + "method: CMS total-time (the 8-minute rule) for Medicare, often CPT per-code for commercial "
                    + "plans."));
        } else if (c.group()) {
            facts.add(new Fact("Units", "Untimed: 1 unit per patient per day for the group session, whatever the "
                    + "minutes."));
        } else {
            facts.add(new Fact("Units", "Untimed (service based): 1 unit per day whatever the minutes."));
        }
        if (c.oneOnOne()) {
            facts.add(new Fact("Contact", "One-on-one: needs direct one-on-one contact with the patient for every "
                    + "billed minute. Group time is never " + c.code() + ": bill 97150 per patient for it"
                    + (c.disciplines().contains(org.minutewise.core.model.Discipline.SLP) ? " (92508 for group "
                    + "speech, language or voice treatment by an SLP)" : "") + "."));
        }
        if (c.constantAttendance()) {
            facts.add(new Fact("Contact", "Constant attendance modality: the clinician stays with the patient the "
                    + "whole time; not billable for group time."));
        }
        if (c.supervised()) {
            facts.add(new Fact("Contact", "Supervised modality: untimed, and its minutes may overlap another "
                    + "service's minutes."));
        }
        c.effectiveTo().ifPresent(to -> facts.add(new Fact("Deleted", c.code() + " is valid for dates of service "
                + "from " + c.effectiveFrom() + " to " + to + " only; after that a claim with it is rejected "
                + "(Minutewise blocks it as MW-C005). " + c.label() + ".")));
        c.addOnTo().ifPresent(base -> facts.add(new Fact("Add-on", "Add-on code: billed only with " + base
                + " on the same day, never alone.")));
        if (c.disciplines().isEmpty()) {
            facts.add(new Fact("Discipline", "Not a therapy service: billed outside a therapy plan of care, with no "
                    + "GP, GO or GN."));
        } else {
            facts.add(new Fact("Discipline", "Billed under a " + disciplines(c.disciplines()) + " plan of care, "
                    + "with " + modifiers(c.disciplines()) + " by the discipline of the plan of care, not by who "
                    + "treated."));
        }
        if (e != null && !e.companions().isEmpty()) {
            facts.add(new Fact("Companions", "Often billed beside " + String.join(", ", e.companions())
                    + " (each for its own minutes: a minute belongs to one code)."));
        }
        List<String> sources = new ArrayList<>();
        if (e == null || e.sources().isEmpty()) {
            sources.add(RULES_CODES);
        } else {
            for (String s : e.sources()) {
                addSource(sources, s);
            }
        }
        for (PairEdit p : edits.pairs(c.code())) {
            facts.add(new Fact("NCCI pairs", p.text()));
            addSource(sources, p.source());
        }
        for (UnitLimit l : edits.limits(c.code())) {
            facts.add(new Fact("Unit limit", l.text()));
            addSource(sources, l.source());
        }
        payment.ifPresent(p -> facts.add(new Fact(PAYMENT, p)));
        String summary = c.label() + ": " + c.kindText() + (c.oneOnOne() ? ", one-on-one" : "") + "; "
                + (c.disciplines().isEmpty() ? "not a therapy service" : disciplines(c.disciplines())) + ".";
        List<String> keywords = new ArrayList<>();
        if (e != null) {
            if (!e.summary().isEmpty()) {
                summary = e.summary();
            }
            for (String d : e.documentation()) {
                facts.add(new Fact("Documentation", d));
            }
            for (String d : e.denials()) {
                facts.add(new Fact("Denials", d));
            }
            facts.addAll(e.facts());
            keywords.addAll(e.keywords());
        }
        return new Card(Kind.CODE, c.code(), c.label(), summary, facts, keywords, sources);
    }

    static Card modifierOrRule(Kind kind, KnowledgeData.Entry e) {
        List<Fact> facts = new ArrayList<>(e.facts());
        for (String d : e.denials()) {
            facts.add(new Fact("Denials", d));
        }
        for (String d : e.documentation()) {
            facts.add(new Fact("Documentation", d));
        }
        if (e.title().isEmpty() || e.summary().isEmpty()) {
            throw new IllegalStateException("cards.json: " + e.id() + " needs a title and a summary");
        }
        return new Card(kind, e.id(), e.title(), e.summary(), facts, e.keywords(), e.sources());
    }

    /** A card for a finding of the engine's rule catalog. */
    static Card finding(RuleInfo r, KnowledgeData.Entry e) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Severity", r.severity().wire() + switch (r.severity()) {
            case BLOCK -> ": the claim will be rejected or is wrong; fix it before sending.";
            case WARN -> ": a denial or audit risk.";
            case INFO -> ": worth knowing; the claim can go as it is.";
        }));
        facts.add(new Fact("Fix", r.fix()));
        List<String> keywords = new ArrayList<>();
        if (e != null) {
            facts.addAll(e.facts());
            keywords.addAll(e.keywords());
        }
        List<String> sources = new ArrayList<>();
        sources.add(r.citation());
        if (e != null) {
            for (String s : e.sources()) {
                addSource(sources, s);
            }
        }
        String summary = "Finding " + r.id() + " (" + r.severity().wire() + "): " + r.title() + ". Fix: " + r.fix();
        return new Card(Kind.RULE, r.id(), r.title(), summary, facts, keywords, sources);
    }

    /** An ICD-10-CM category card (public-domain title). */
    static Card diagnosis(DiagnosisCategory d, KnowledgeData.Entry e) {
        List<Fact> facts = new ArrayList<>();
        String support = d.supports97112()
                ? "By itself it explains a neuromuscular deficit, so it supports 97112 (neuromuscular reeducation)."
                : "It does not by itself explain a neuromuscular deficit: 97112 needs an explicit balance or "
                        + "proprioceptive deficit documented beside it.";
        facts.add(new Fact("97112", support));
        facts.add(new Fact("Group", "Diagnosis group: " + d.group() + "."));
        if (!d.billable()) {
            facts.add(new Fact("Billable", d.category() + " is not billable as it stands: a claim needs the code with "
                    + "all its characters, such as " + d.example() + " (ICD-10-CM guidelines I.B.2; Minutewise "
                    + "blocks it as MW-C007)" + d.subdividedOn().map(on -> ", for dates of service from " + on
                    + "; before that date " + d.category() + " itself is the billable code and the codes below it "
                    + "did not exist").orElse("") + "."));
        }
        if (DiagnosisCategory.needsSeventhCharacter(d.category())) {
            facts.add(new Fact("Billable", "Codes of " + d.category() + " take a 7th character for the encounter: A "
                    + "initial, D subsequent (the usual one during rehabilitation), S sequela; X fills the empty "
                    + "places before it. Without it the code is not billable (MW-C007)."));
        }
        List<String> keywords = new ArrayList<>();
        List<String> sources = new ArrayList<>(List.of("ICD-10-CM tabular list (CDC/NCHS, public domain)",
                "RULES.md §7"));
        if (e != null) {
            facts.addAll(e.facts());
            keywords.addAll(e.keywords());
            for (String s : e.sources()) {
                addSource(sources, s);
            }
        }
        String summary = d.category() + " " + d.title() + ": ICD-10-CM category (" + d.group() + "). " + support;
        return new Card(Kind.DIAGNOSIS, d.category(), d.title(), summary, facts, keywords, sources);
    }

    /** The id of the card of the yearly Medicare figures, built from the reference data the checks use. */
    static final String YEARLY_FIGURES = "yearly-figures";

    /**
     * The yearly Medicare figures the checks and the estimate use: the KX thresholds, the targeted-review amount and
     * the conversion factor, one fact a year, from the loaded reference data (so the card cannot drift from them).
     * Empty when no year is loaded.
     */
    static java.util.Optional<Card> yearlyFigures(org.minutewise.core.fees.FeeData fees) {
        List<Fact> facts = new ArrayList<>();
        List<String> sources = List.of("RULES.md §4, §6", "Minutewise yearly figures (refdata yearly-figures.csv)");
        StringBuilder latest = new StringBuilder();
        for (int y = 2000; y <= 2099; y++) {
            java.time.LocalDate d = java.time.LocalDate.of(y, 7, 1);
            var kx = fees.kxThreshold(d);
            var cf = fees.conversionFactor(d);
            if (kx.isEmpty() && cf.isEmpty()) {
                continue;
            }
            StringBuilder t = new StringBuilder(y + ":");
            kx.ifPresent(k -> t.append(" therapy (KX) threshold ").append(money(k.ptSlp()))
                    .append(k.ptSlp().compareTo(k.ot()) == 0 ? " for PT and SLP combined and " + money(k.ot())
                            + " for OT" : " PT and SLP combined, " + money(k.ot()) + " OT")
                    .append("; targeted medical review from ").append(money(k.targetedReview())).append(" a bucket"));
            cf.ifPresent(c -> t.append(kx.isPresent() ? ";" : "").append(" physician fee schedule conversion factor $")
                    .append(c.toPlainString()));
            kx.ifPresent(k -> t.append(" (").append(k.source()).append(')'));
            t.append('.');
            facts.add(new Fact("By year", t.toString()));
            latest.setLength(0);
            latest.append(t);
        }
        if (facts.isEmpty()) {
            return java.util.Optional.empty();
        }
        String summary = "Yearly Medicare therapy figures (" + facts.size() + " years loaded, data version "
                + fees.version() + "). Latest: " + latest;
        return java.util.Optional.of(new Card(Kind.RULE, YEARLY_FIGURES, "Yearly figures: KX thresholds, targeted "
                + "review and the conversion factor", summary, facts, List.of("threshold", "thresholds", "cap",
                "therapy cap", "kx", "conversion factor", "cf", "year", "yearly", "amount", "dollar"), sources));
    }

    /** The topic of a code card's Medicare payment fact. */
    static final String PAYMENT = "Medicare payment";

    /**
     * What Medicare allows for a unit of the code, in words a coder can quote: the latest year the loaded fee data
     * prices it, national (GPCI 1.000), the unit paid in full, a further unit after the multiple procedure payment
     * reduction, the CQ/CO share, how the figures are made and where they come from. A code Medicare bundles says $0;
     * an unlisted code says "by report"; a code without RVUs says so. Empty for a code no year prices at all when no
     * conversion factor is loaded either.
     */
    static java.util.Optional<String> payment(CodeInfo c, org.minutewise.core.fees.FeeData fees,
                                              org.minutewise.core.codes.CodeCatalog codes) {
        if (org.minutewise.core.claim.PaymentEstimator.MEDICARE_BUNDLED.contains(c.code())) {
            return java.util.Optional.of("Medicare bundles " + c.code() + " into the other services of the day (CMS "
                    + "status B): it pays $0 for it, whatever the minutes. Source: RULES.md §6.");
        }
        if (c.unlisted()) {
            return java.util.Optional.of(c.code() + " is an unlisted code: Medicare has no RVUs for it (status C) and "
                    + "the contractor prices each claim by report, from the description and the records sent with "
                    + "it. Source: RULES.md §6.");
        }
        int latestCf = 0;
        for (int y = 2099; y >= 2000; y--) {
            java.time.LocalDate d = java.time.LocalDate.of(y, 7, 1);
            if (latestCf == 0 && fees.conversionFactor(d).isPresent()) {
                latestCf = y;
            }
            var p = org.minutewise.core.claim.PaymentEstimator.unitPrices(c.code(), d, java.util.Optional.empty(),
                    fees, codes);
            if (p.isPresent()) {
                return java.util.Optional.of(paymentText(c.code(), y, p.get(), fees));
            }
        }
        if (latestCf == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("The loaded fee data has no RVUs for " + c.code() + " (data " + fees.version()
                + "), so Minutewise cannot estimate what Medicare pays for it: load the CMS physician fee schedule RVU "
                + "file (--rvu-file). Source: RULES.md §6.");
    }

    private static String paymentText(String code, int year, org.minutewise.core.claim.PaymentEstimator.UnitPrices p,
                                      org.minutewise.core.fees.FeeData fees) {
        var r = p.rvu();
        StringBuilder t = new StringBuilder("Medicare physician fee schedule estimate, ").append(year)
                .append(", national (GPCI 1.000), non-facility: (work ").append(r.work().toPlainString())
                .append(" + practice expense ").append(r.pe().toPlainString()).append(" + malpractice ")
                .append(r.mp().toPlainString()).append(" RVUs) x conversion factor $")
                .append(p.conversionFactor().toPlainString()).append(" = $").append(p.full().toPlainString())
                .append(" for a unit paid in full");
        if (p.reduced().compareTo(p.full()) != 0) {
            t.append("; $").append(p.reduced().toPlainString()).append(" for each further unit (the multiple "
                    + "procedure payment reduction pays ").append(percent(p.rates().reducedPeShare()))
                    .append(" of the practice expense of every unit but the day's one with the highest)");
        } else {
            t.append(" (outside the multiple procedure payment reduction)");
        }
        if (p.rates().assistantReduced() && p.reduced().compareTo(p.full()) != 0) {
            t.append("; a unit with CQ or CO is paid ").append(percent(p.rates().assistantShare()))
                    .append(" of that ($").append(p.reducedAssistant().toPlainString()).append(" for a further unit)");
        }
        t.append(". The patient pays ").append(percent(p.rates().coinsurance())).append(" coinsurance of it after "
                + "the Part B deductible; a locality's GPCIs (--gpci-file, the visit's locality) move it up or down. ")
                .append(fees.sample() ? "RVUs from the small sample shipped with Minutewise (" + fees.version()
                        + "): load CMS's RVU file (--rvu-file) for the published values. " : "RVUs from " + fees.version()
                        + ". ")
                .append("An estimate, not what a payer will pay. Source: RULES.md §6.");
        return t.toString();
    }

    private static String percent(java.math.BigDecimal share) {
        return share.multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }

    private static String money(java.math.BigDecimal b) {
        return "$" + String.format(java.util.Locale.ROOT, "%,d", b.setScale(0, java.math.RoundingMode.HALF_UP)
                .intValueExact());
    }

    /** A code the catalog does not know, from a descriptor file a user loaded. */
    static Card loadedCode(Descriptor d) {
        String title = d.shortText().isEmpty() ? shorten(d.longText()) : d.shortText();
        return new Card(Kind.CODE, d.code(), title, d.text() + " (not in the Minutewise code catalog: its units "
                + "cannot be computed until it is added).", List.of(new Fact("Descriptor", d.text())), List.of(),
                List.of(d.source()));
    }

    /**
     * A modifier of the reference data's modifier list (refdata modifiers.csv) that cards.json does not describe: its
     * label, and what Minutewise does with it (kept as billed, not checked).
     */
    static Card listedModifier(String modifier, String label) {
        return new Card(Kind.MODIFIER, modifier, modifier + ": " + label, modifier + " (" + label + ") is in "
                + "Minutewise's modifier list, but no check of Minutewise adds it or judges it: a billed line keeps it "
                + "as billed, on the corrected claim too, and whether it applies is the payer's policy.",
                List.of(new Fact("Checks", "None: Minutewise reports only a billed modifier missing from its list "
                        + "(MW-B010); this one is listed, so it is kept as billed and not checked.")),
                List.of(), List.of("Minutewise modifier list (refdata modifiers.csv): CMS HCPCS Level II modifiers, "
                        + "CPT modifiers by number only"));
    }

    /** A modifier the data file does not describe, from a loaded HCPCS file. */
    static Card loadedModifier(Descriptor d) {
        String title = d.shortText().isEmpty() ? shorten(d.longText()) : d.shortText();
        return new Card(Kind.MODIFIER, d.code(), title, d.text(), List.of(new Fact("Descriptor", d.text())),
                List.of(), List.of(d.source()));
    }

    /** A full ICD-10-CM code from a loaded file. */
    static Card loadedDiagnosis(Descriptor d) {
        String title = d.shortText().isEmpty() ? shorten(d.longText()) : d.shortText();
        return new Card(Kind.DIAGNOSIS, d.code(), title, d.code() + " " + d.text()
                + (d.header() ? " (a category header, not valid on a claim)." : "."),
                List.of(new Fact("Descriptor", d.text())), List.of(), List.of(d.source()));
    }

    static void addSource(List<String> sources, String s) {
        if (!s.isEmpty() && !sources.contains(s)) {
            sources.add(s);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String disciplines(Set<Discipline> ds) {
        List<String> out = new ArrayList<>();
        for (Discipline d : new TreeSet<>(ds)) {
            out.add(d.name());
        }
        return String.join(", ", out);
    }

    private static String modifiers(Set<Discipline> ds) {
        List<String> out = new ArrayList<>();
        for (Discipline d : new TreeSet<>(ds)) {
            out.add(d.modifier() + " (" + d.name() + ")");
        }
        return String.join(" / ", out);
    }
}
