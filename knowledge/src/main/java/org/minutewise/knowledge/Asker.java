package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.CodeMinutes;
import org.minutewise.core.units.Cognitive;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;

/**
 * Turns a parsed question into an {@link Answer}. Two kinds of question are worked out rather than only
 * looked up, because the cards alone cannot say the number: minutes to units ("how many units for 38
 * minutes", computed with the engine's own unit methods) and two codes on the same day (the NCCI pair
 * table). Everything else is retrieval: the best card's sentence that shares the most (IDF-weighted) words
 * with the question, and its source.
 */
final class Asker {
    static final String CMS_METHOD = "cms-total-time";
    static final String CPT_METHOD = "cpt-per-code";
    static final String EVAL_PER_DAY = "eval-once-per-day";
    /** Unattended electrical stimulation: Medicare's code and every other payer's, one service (RULES.md §1). */
    private static final String ESTIM_MEDICARE = "G0283";
    private static final String ESTIM_OTHERS = "97014";
    private static final int SEARCH_DEPTH = 10;
    private static final double FUZZY_CREDIT = 0.75;
    /** The weight of a trade word ("claim", "patient", "insurance") in the coverage, whether the card has it or not. */
    private static final double DOMAIN_WEIGHT = 0.5;
    /** Three cards covering a question together count a little less than one covering it alone. */
    private static final double UNION_FACTOR = 0.9;
    static final String EVALUATIONS_A_DAY = "eval-once-per-day";
    /** Sequelae of cerebrovascular disease: the category of a stroke's lasting deficits, as outpatient therapy codes them. */
    private static final String STROKE_SEQUELAE = "I69";
    private static final Set<String> STROKE_WORDS = Set.of("stroke", "strokes", "cva", "cvas");
    /** The rule that an assistant may not evaluate or re-evaluate (CMS Pub 100-02 ch. 15 §230.1, §230.2). */
    private static final String ASSISTANT_EVALUATES = "MW-W009";
    private static final Set<String> EVALUATION_WORDS = Set.of("eval", "evals", "evaluation", "evaluations",
            "re-eval", "reeval", "re-evaluation", "reevaluation", "re-evals", "reevals");
    private static final java.util.regex.Pattern FULL_ICD = java.util.regex.Pattern.compile(
            "\\b[A-Za-z]\\d[0-9A-Za-z]\\.[0-9A-Za-z]{1,4}\\b");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\b20\\d\\d\\b");
    private static final Set<String> ASSISTANT_WORDS = Set.of("pta", "ptas", "ota", "otas", "cota", "assistant",
            "assistants");
    /** The clinicians a question may name beside their minutes (see {@link #clinicianAt}). */
    private static final Set<String> PT_WORDS = Set.of("pt", "dpt");
    private static final Set<String> PTA_WORDS = Set.of("pta", "ptas");
    private static final Set<String> OT_WORDS = Set.of("ot", "ots", "otr");
    private static final Set<String> OTA_WORDS = Set.of("ota", "otas", "cota", "cotas");
    private static final Set<String> SLP_WORDS = Set.of("slp", "slps");
    private static final Set<String> THERAPIST_OR_ASSISTANT = Set.of("therapist", "therapists", "assistant",
            "assistants");
    private static final Set<String> CLINICIAN_WORDS = java.util.stream.Stream.of(PT_WORDS, PTA_WORDS, OT_WORDS,
            OTA_WORDS, SLP_WORDS, THERAPIST_OR_ASSISTANT).flatMap(Set::stream).collect(
            java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> CHIROPRACTOR_WORDS = Set.of("chiropractor", "chiropractors", "chiro", "dc",
            "chiropractic");
    private static final Set<String> BILLING_WORDS = Set.of("bill", "bills", "billed", "billing", "npi", "rendering",
            "enroll", "enrolled", "medicare", "claim");
    private static final Set<String> MODIFIER_IDS = Set.of("CQ", "CO");
    private static final Set<String> DEDUCTIBLE_WORDS = Set.of("deductible", "deductibles");
    /** A question of what took a deleted code's place ("what code replaced 97762", "is 97532 still valid"). */
    private static final Set<String> REPLACED_WORDS = Set.of("replace", "replaced", "replaces", "replacement",
            "replacing", "deleted", "delete", "retired", "discontinued", "valid", "still", "instead", "successor");
    private static final Set<String> FIGURE_WORDS = Set.of("threshold", "thresholds", "cap", "kx", "conversion",
            "cf", "factor", "amount", "limit", "review");
    /** A question about what a note shows ("what should a 97112 note include", "how do I document 97112"). */
    private static final Set<String> NOTE_WORDS = Set.of("note", "notes", "include", "document", "documenting",
            "documentation", "chart", "charting", "write", "show");
    private static final Set<String> DENIAL_WORDS = Set.of("deny", "denied", "denial", "denials", "flag", "flags",
            "wrong", "avoid", "not");
    private static final Set<String> MODIFIER_ASK = Set.of("modifier", "modifiers", "mod", "59", "xu");
    private static final Set<String> UNIT_WORDS = Set.of("unit", "units", "many", "bill", "billable", "round",
            "rounding", "count", "charge");
    /** A speech-language pathologist's treatment words: their group treatment is 92508, not 97150. */
    private static final Set<String> SPEECH_WORDS = Set.of("speech", "slp", "slps", "language", "aphasia", "voice",
            "dysarthria", "apraxia", "stuttering", "fluency", "communication", "articulation");
    /** Swallowing treatment (92526): it has no group code. */
    private static final Set<String> SWALLOW_WORDS = Set.of("swallow", "swallowing", "dysphagia");
    /** PT and OT words: their group treatment stays 97150. */
    private static final Set<String> PT_OT_WORDS = Set.of("ot", "ots", "ota", "otas", "pta", "ptas", "physical",
            "occupational");
    /** A question about a group, whatever else it asks ("aphasia group", "group therapy speech"). */
    private static final Set<String> GROUP_WORDS = Set.of("group", "groups");
    private static final Set<String> CONTRAST_WORDS = Set.of("difference", "differ", "vs", "versus", "between",
            "instead", "or");
    /**
     * Words that only compare or qualify a stated number of minutes ("more than 67 minutes", "at least 38"), read
     * as typed (the speller may have taken "less" for a card's word).
     */
    private static final Set<String> AMOUNT_WORDS = Set.of("more", "less", "over", "under", "above", "below",
            "least", "most", "exactly", "around", "about", "approximately", "roughly", "nearly", "almost", "past",
            "beyond", "longer", "shorter", "long", "fewer", "exceed", "exceeds", "exceeding", "up", "total", "totals",
            "timed", "equal", "equals", "worth", "come", "comes", "make", "makes", "enough", "happen", "happens",
            "treating", "spent", "spend", "only", "if");
    private static final Set<String> MORE_WORDS = Set.of("more", "over", "above", "past", "beyond", "longer",
            "exceed", "exceeds", "exceeding");
    private static final Set<String> LESS_WORDS = Set.of("less", "under", "below", "fewer", "shorter");
    /** The cards a minutes-to-units answer rests on: a question may name them and still be about its minutes. */
    private static final Set<String> UNIT_CARDS = Set.of(CMS_METHOD, CPT_METHOD);
    /** The most minutes in a day, as the engine's readers allow (formats' VisitJsonReader.MAX_MINUTES). */
    static final int MAX_MINUTES = 1440;
    /**
     * A minus sign written before a count of minutes ("for -5 minutes", "-5min"), not a dash between two numbers
     * ("8-22 minutes") or after a code ("97140-59").
     */
    private static final java.util.regex.Pattern NEGATIVE_MINUTES = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])[-\u2212](\\d+)\\s*(?:mins?|minutes?|mns|minuets)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final KnowledgeBase kb;
    private final SearchIndex index;

    Asker(KnowledgeBase kb) {
        this.kb = kb;
        this.index = kb.index();
    }

    Answer ask(ParsedQuery q) {
        List<SearchIndex.Hit> hits = index.search(q, SEARCH_DEPTH);
        List<String> known = new ArrayList<>();
        for (String c : q.codes()) {
            if (kb.card(c).isPresent()) {
                known.add(c);
            }
        }
        List<String> apart = q.codesListedApart();
        if (!apart.isEmpty()) {
            return cannotPair(q, apart);
        }
        if (known.size() >= 2 && sameMinutes(q)) {
            return sameMinutes(q, hits, known);
        }
        if (!q.minutes().isEmpty() && containsAny(q.tokens(), CLINICIAN_WORDS)) {
            Optional<Answer> cq = clinicianUnits(q, hits);
            if (cq.isPresent()) {
                return cq.get();
            }
        }
        if (!q.minutes().isEmpty() && (containsAny(q.tokens(), UNIT_WORDS) || minutesAlone(q) || everyMinuteCoded(q)
                || someMinutesCoded(q))) {
            return units(q, hits);
        }
        if (q.tokens().contains("advantage") && q.tokens().contains("medicare")) {
            // Medicare Advantage (Part C) plans set their own billing rules; the cards are Original Medicare's.
            return new Answer("I don't know for a Medicare Advantage plan: the Minutewise Medicare rules are those of "
                    + "Original Medicare (Part B), and each Medicare Advantage (Part C) plan sets its own (unit "
                    + "method, KX, prior authorization). Check the plan's provider manual and describe it as a payer "
                    + "profile (--payer-profile).", List.of(), false, 0.0);
        }
        Optional<Answer> deleted = deletedCode(q, hits, known);
        if (deleted.isPresent()) {
            return deleted.get();
        }
        if (containsAny(q.tokens(), DEDUCTIBLE_WORDS) && (year(q).isPresent() || String.join(" ", q.tokens())
                .contains("how much") || containsAny(q.tokens(), Set.of("what", "whats", "amount")))) {
            // The Part B deductible is no figure of the reference data: a card's other years are no answer.
            return new Answer("I don't know the " + year(q).map(y -> y + " ").orElse("") + "Part B deductible: the "
                    + "Minutewise data do not hold it (the payment estimate stops at the allowed amount; the "
                    + "patient's deductible and 20% coinsurance come after it, RULES.md §6). Check CMS's yearly "
                    + "notice of the Medicare Part B premium and deductible.", List.of(), false, 0.0);
        }
        if (known.size() == 2 && containsAny(q.tokens(), Set.of("vs", "versus", "difference", "differ", "compare",
                "compared"))) {
            return sideBySide(q, hits, known.get(0), known.get(1));
        }
        Optional<Answer> direct = direct(q, hits, known);
        if (direct.isPresent()) {
            return direct.get();
        }
        if (known.size() >= 2 && !containsAny(q.tokens(), CONTRAST_WORDS)) {
            return known.size() == 2 ? pair(q, hits, known.get(0), known.get(1)) : pairs(q, hits, known);
        }
        if (q.codes().isEmpty() && q.ids().isEmpty() && !q.prefixes().isEmpty() && q.words().isEmpty()) {
            return startOfACode(q, hits);
        }
        if (hits.isEmpty()) {
            return dontKnow(q, 0);
        }
        double confidence = confidence(q, hits);
        if (confidence < KnowledgeBase.MIN_CONFIDENCE && !pinned(q).isEmpty()) {
            // The question's intent names the card (an assistant's evaluation: MW-W009) though its words are few.
            confidence = KnowledgeBase.MIN_CONFIDENCE;
        }
        if (confidence < KnowledgeBase.MIN_CONFIDENCE) {
            return dontKnow(q, confidence);
        }
        if (onlyShortGuesses(q)) {
            return dontKnow(q, 0);
        }
        if (known.size() == 1 && aloneExercise(q)) {
            return aloneExercise(q, hits, known.get(0));
        }
        if (known.size() == 1 && containsAny(q.tokens(), NOTE_WORDS) && !containsAny(q.tokens(), DENIAL_WORDS)) {
            Optional<Answer> note = noteChecklist(q, hits, kb.card(known.get(0)).orElseThrow());
            if (note.isPresent()) {
                return note.get();
            }
        }
        List<String> pinned = pinned(q);
        Card top = pinned.isEmpty() ? index.cards().get(hits.get(0).ord()) : kb.card(pinned.get(0)).orElseThrow();
        StringBuilder sb = new StringBuilder(bestSentences(q, top));
        if (!pinned.isEmpty() && pinned.get(0).equals(ASSISTANT_EVALUATES)) {
            sb.insert(0, "No: an assistant (PTA or OTA) may not evaluate or re-evaluate; the therapist performs and "
                    + "bills the evaluation. ");
        }
        Optional<String> year = year(q);
        Optional<Card> figures = kb.card(Cards.YEARLY_FIGURES);
        Optional<Fact> yearFact = year.isEmpty() || figures.isEmpty() ? Optional.empty() : figures.get().facts()
                .stream().filter(f -> f.text().startsWith(year.get() + ":")).findFirst();
        if (yearFact.isPresent() && !sb.toString().contains(year.get()) && top != figures.get()
                && containsAny(q.tokens(), FIGURE_WORDS)) {
            // A year's figure the yearly card gives: that card answers, with the year's own sentence.
            pinned = List.of(Cards.YEARLY_FIGURES);
            top = figures.get();
            sb = new StringBuilder("Medicare, " + yearFact.get().text());
        }
        if (year.isPresent() && !sb.toString().contains(year.get()) && YEAR.matcher(sb).find()
                && containsAny(q.tokens(), FIGURE_WORDS)) {
            // A yearly figure asked (a threshold, the conversion factor) and the best card's figures are for other
            // years: showing them as the answer would be wrong. Other questions naming a year ("does a PTA need
            // CQ in 2026") are answered by the card.
            return new Answer("I don't know the " + year.get() + " figure: the Minutewise knowledge base has no "
                    + "card that gives it (" + top.id() + " gives other years). Source to check: " + top.citation()
                    + ".", List.of(), false, round(confidence));
        }
        if (top.kind() == Kind.DIAGNOSIS) {
            // "what is I69.351": the card is its category's; say so before it, never as the code's own.
            java.util.regex.Matcher icd = FULL_ICD.matcher(q.text());
            while (icd.find()) {
                String code = icd.group().toUpperCase(java.util.Locale.ROOT);
                if (!code.equals(top.id()) && code.replace(".", "").startsWith(top.id().replace(".", ""))) {
                    Optional<String> note = KnowledgeBase.categoryNote(code, top);
                    if (note.isPresent()) {
                        String n = note.get();
                        sb.insert(0, n.substring(0, n.length() - "The category's card:".length()) + "The category: ");
                    }
                    break;
                }
            }
        }
        Optional<Card> also = seeAlso(q, hits, top);
        if (also.isPresent()) {
            sb.append(" See also ").append(also.get().id()).append(" (").append(also.get().title()).append(").");
        }
        appendSource(sb, top.citation());
        return new Answer(sb.toString(), scored(hits, pinned), true, round(confidence));
    }

    /**
     * Ends an answer with its card's source: one "Source:" sentence, the card's citation added to the one a quoted
     * fact already ends with ("... Source: RULES.md §6." becomes "... Source: RULES.md §6; RULES.md §1, §2.").
     */
    static void appendSource(StringBuilder sb, String citation) {
        int own = sb.lastIndexOf(" Source: ");
        boolean endsWithOne = own >= 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) == '.'
                && sb.indexOf(". ", own + " Source: ".length()) < 0;
        if (!endsWithOne) {
            sb.append(" Source: ").append(citation).append('.');
        } else if (!sb.substring(own + " Source: ".length(), sb.length() - 1).equals(citation)) {
            sb.setLength(sb.length() - 1);
            sb.append("; ").append(citation).append('.');
        }
    }

    // ---- minutes to units ----------------------------------------------------------------------------------

    /**
     * Minutes are all the question states ("more than 67 minutes", "patient treated for 67 minutes", "8 minute rule
     * for 67 minutes"): no code, and every other word only qualifies the amount or is a word of the trade. Asked
     * without "units", such a question is still minutes to units; left to the search it matched the cards whose
     * text has "more" and "minutes" (97150: "group of 2 or more", "in the same minutes").
     */
    private static boolean minutesAlone(ParsedQuery q) {
        if (!q.codes().isEmpty() || !UNIT_CARDS.containsAll(q.ids())) {
            return false;
        }
        List<String> t = q.tokens();
        boolean[] named = new boolean[t.size()];
        for (Synonyms.Match m : q.synonyms()) {
            if (!UNIT_CARDS.containsAll(m.group().ids())) {
                return false;
            }
            for (int i = m.start(); i < m.end() && !m.group().ids().isEmpty(); i++) {
                named[i] = true;
            }
        }
        List<String> typed = typed(q);
        Set<String> words = new HashSet<>(q.words());
        for (int i = 0; i < t.size(); i++) {
            String w = t.get(i);
            if (!named[i] && words.contains(w) && !ParsedQuery.MINUTE_WORDS.contains(w) && !AMOUNT_WORDS.contains(w)
                    && !AMOUNT_WORDS.contains(typed.get(i)) && !ParsedQuery.DOMAIN_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Each count of minutes has a code the catalog holds ("20 min 97112 and 18 min 97110"): minutes to units. */
    private boolean everyMinuteCoded(ParsedQuery q) {
        for (ParsedQuery.Minutes m : q.minutes()) {
            if (m.code().isEmpty() || kb.codes().getOrNull(m.code()) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Some counts of minutes have their code and some none ("NMR 20 min XY 18 min"): asked with or without "units",
     * the answer says it cannot read them unambiguously rather than answer with a card.
     */
    private static boolean someMinutesCoded(ParsedQuery q) {
        return q.minutes().size() >= 2 && !uncoded(q) && q.minutes().stream().anyMatch(m -> m.code().isEmpty());
    }

    /** No count of minutes has a code written or named beside it. */
    private static boolean uncoded(ParsedQuery q) {
        for (ParsedQuery.Minutes m : q.minutes()) {
            if (!m.code().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The question's tokens as typed, before typo correction (one for each of its tokens). */
    /**
     * A word of {@code words} just before a number, a word between at most ("more than 67", "over 67", "under 38"):
     * the question asks past or below the minutes. Elsewhere the word is about something else ("38 minutes under
     * Medicare", "53 minutes over two codes").
     */
    static boolean qualifiesANumber(List<String> tokens, Set<String> words) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!words.contains(tokens.get(i))) {
                continue;
            }
            for (int j = i + 1; j <= i + 2 && j < tokens.size(); j++) {
                String t = tokens.get(j);
                if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> typed(ParsedQuery q) {
        List<String> typed = QueryText.tokens(q.text());
        return typed.size() == q.tokens().size() ? typed : q.tokens();
    }

    private Answer units(ParsedQuery q, List<SearchIndex.Hit> hits) {
        Optional<Answer> refused = outOfDay(q);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<CodeMinutes> withCodes = new ArrayList<>();
        int total = 0;
        for (ParsedQuery.Minutes m : q.minutes()) {
            total += m.minutes();
            if (!m.code().isEmpty() && kb.codes().getOrNull(m.code()) != null) {
                withCodes.add(new CodeMinutes(m.code(), m.minutes()));
            }
        }
        boolean allCoded = !withCodes.isEmpty() && withCodes.size() == q.minutes().size();
        if (withCodes.isEmpty() && uncoded(q)) {
            // The minutes are not written beside a code ("how many units of 92507 can I bill for 45 minutes"): the
            // code the question names anywhere governs them. Left to the timed bands, an untimed code's minutes
            // read as timed units (92507 "3 units" for 45 minutes, where it is 1 unit whatever the minutes).
            List<String> named = q.namedCodes(kb.codes());
            if (named.size() == 1) {
                withCodes.add(new CodeMinutes(named.get(0), total));
                allCoded = true;
            } else if (named.size() > 1) {
                List<String> untimed = new ArrayList<>();
                for (String code : named) {
                    if (!kb.codes().getOrNull(code).timed()) {
                        untimed.add(code);
                    }
                }
                if (!untimed.isEmpty()) {
                    return new Answer("I can't read that unambiguously: " + minutesText(q.minutes()) + " for "
                            + String.join(", ", named) + ", and " + String.join(", ", untimed)
                            + (untimed.size() == 1 ? " is" : " are") + " untimed (1 unit a day whatever the minutes) "
                            + "while timed codes' units come from their minutes. Ask again with each code's minutes "
                            + "(\"30 minutes of 97110 and 20 of 92507\"), or use `minutewise units 97110:30 92507:20`.",
                            List.of(), false, 0.0);
                }
            }
        }
        Card cms = kb.card(CMS_METHOD).orElseThrow();
        Card cpt = kb.card(CPT_METHOD).orElseThrow();
        List<String> pinned = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        // Untimed codes only: the code's card is the source, not the timed methods.
        String untimedSource = null;
        if (!withCodes.isEmpty() && !allCoded) {
            // Some minutes have a code and some none: counting only a part would read as the whole answer.
            return new Answer("I can't read that unambiguously: " + minutesText(q.minutes()) + ": not every count "
                    + "of minutes has its code. Ask again with each code's minutes (\"30 minutes of 97110 and 10 of "
                    + "97140\", \"97110 30 min, 97140 10 min\"), or use `minutewise units 97110:30 97140:10`.",
                    List.of(), false, 0.0);
        }
        List<String> noMinutes = new ArrayList<>(allCoded ? q.namedCodes(kb.codes()) : List.of());
        for (ParsedQuery.Minutes m : q.minutes()) {
            noMinutes.removeAll(m.among());
        }
        for (CodeMinutes cm : withCodes) {
            noMinutes.remove(cm.code());
            if (Cognitive.isPair(cm.code())) {
                // "40 minutes of 97129 and 97130": one service, whose units the claim splits between the two.
                noMinutes.removeIf(Cognitive::isPair);
            }
        }
        if (!noMinutes.isEmpty()) {
            // "97110 and 97112 for 20 minutes": the minutes read as one code's, the other named code would vanish.
            List<String> all = new ArrayList<>();
            for (CodeMinutes cm : withCodes) {
                all.add(cm.code() + ":" + cm.minutes());
            }
            for (String code : noMinutes) {
                all.add(code + ":N");
            }
            return new Answer("I can't read that unambiguously: " + minutesText(withCodes) + ", and "
                    + String.join(", ", noMinutes) + (noMinutes.size() == 1 ? " has" : " have") + " no minutes of "
                    + (noMinutes.size() == 1 ? "its" : "their") + " own. Ask again with each code's minutes (\"20 "
                    + "minutes of 97110 and 20 of 97112\", \"97110 and 97112 for 20 minutes each\"), or use "
                    + "`minutewise units " + String.join(" ", all) + "` with each code's minutes for N.",
                    List.of(), false, 0.0);
        }
        if (allCoded) {
            boolean anyTimed = false;
            for (CodeMinutes cm : withCodes) {
                anyTimed |= kb.codes().getOrNull(cm.code()).timed();
            }
            UnitResult c = UnitCalculator.compute(UnitMethod.CMS, withCodes, kb.codes());
            UnitResult p = UnitCalculator.compute(UnitMethod.CPT, withCodes, kb.codes());
            // Minutes a word gives to one of several codes ("pt eval 60 minutes") are shown without the code that
            // stands in for them.
            List<ParsedQuery.Minutes> shown = new ArrayList<>();
            boolean several = false;
            for (ParsedQuery.Minutes m : q.minutes()) {
                several |= !m.among().isEmpty();
                shown.add(m.among().isEmpty() ? m : m.withCode(""));
            }
            sb.append(several ? minutesText(shown) : minutesText(withCodes)).append(": ");
            boolean perCodeFirst = q.tokens().contains("commercial") || q.tokens().contains("cpt")
                    || q.tokens().contains("per-code");
            if (anyTimed && perCodeFirst) {
                sb.append(p.totalUnits()).append(plural(p.totalUnits(), " unit")).append(" under the CPT per-code "
                        + "method most commercial payers use (each code on its own): ").append(allocation(p))
                        .append('.');
                sb.append(" Under the CMS total-time method (Medicare, and payers that adopt it): ")
                        .append(c.totalTimedMinutes()).append(" timed minutes, ").append(c.totalUnits())
                        .append(plural(c.totalUnits(), " unit")).append(", ").append(allocation(c)).append('.');
                pinned.add(CPT_METHOD);
            } else if (anyTimed) {
                sb.append(c.totalTimedMinutes()).append(" timed minutes, ").append(c.totalUnits())
                        .append(plural(c.totalUnits(), " unit")).append(" under the CMS total-time method (the 8-minute "
                        + "rule): ").append(allocation(c)).append('.');
                if (c.professionalChoice()) {
                    sb.append(" The last unit is a tie: CMS leaves it to the qualified professional.");
                }
                sb.append(" Under the CPT per-code method: ").append(allocation(p)).append('.');
                pinned.add(CMS_METHOD);
            } else {
                sb.append("untimed, so ").append(several && withCodes.size() == 1 ? "1 unit" : allocation(c))
                        .append(" whatever the minutes, and none of them in "
                        + "the timed total: an untimed code is billed as one unit a day, not counted by its minutes "
                        + "(RULES.md §1).");
                Optional<Card> card = kb.card(withCodes.get(0).code());
                if (card.isPresent()) {
                    untimedSource = card.get().citation() + (card.get().citation().contains("100-04") ? ""
                            : "; CMS Pub 100-04 ch. 5 §20.2");
                }
            }
            for (ParsedQuery.Minutes m : q.minutes()) {
                if (!m.among().isEmpty()) {
                    // "pt eval 60 minutes": the word names several codes, all untimed; the first stood in for them.
                    sb.append(" The ").append(m.minutes()).append(" min are ").append(oneOf(m.among()))
                            .append(": each untimed, so 1 unit whichever it is").append(anyTimed
                            ? ", outside the timed minutes." : ", not a timed unit.");
                }
            }
            if (anyTimed && (!Cognitive.claimSplit(c.unitsByCode()).isEmpty()
                    || !Cognitive.claimSplit(p.unitsByCode()).isEmpty())) {
                sb.append(" On the claim ").append(Cognitive.CLAIM_RULE).append(" (RULES.md §1).");
            }
            for (ParsedQuery.Minutes m : q.minutes()) {
                for (String code : m.among().isEmpty() ? List.of(m.code()) : m.among()) {
                    if (!pinned.contains(code)) {
                        pinned.add(code);
                    }
                }
            }
            if (anyTimed && !pinned.contains(CPT_METHOD)) {
                pinned.add(CPT_METHOD);
            }
            if (anyTimed && !pinned.contains(CMS_METHOD)) {
                pinned.add(CMS_METHOD);
            }
        } else {
            int n = UnitCalculator.unitsForMinutes(total);
            if (q.minutes().size() > 1) {
                sb.append(minutesText(q.minutes())).append(" add up to ").append(total).append(" timed minutes. ");
            }
            boolean more = qualifiesANumber(typed(q), MORE_WORDS);
            boolean less = qualifiesANumber(typed(q), LESS_WORDS);
            if (total < 8) {
                sb.append(total).append(" timed minutes are below 8: 0 units by themselves. Under the CMS "
                        + "total-time method they still count toward the day's total with the other timed codes.");
                if (more || total == 7) {
                    sb.append(' ').append(band(1, true));
                }
            } else {
                int lo = n * 15 - 7;
                int hi = n * 15 + 7;
                sb.append(total).append(" timed minutes in a day are ").append(n).append(plural(n, " unit"))
                        .append(" under the CMS total-time method (the 8-minute rule: ").append(lo).append('-')
                        .append(hi).append(" minutes = ").append(n).append(plural(n, " unit")).append(").");
                // Asked past the minutes ("more than 67"), or the minutes at a band's edge: the band beside it.
                if (more || total == hi) {
                    sb.append(' ').append(band(n + 1, true));
                }
                if (less || total == lo) {
                    sb.append(' ').append(band(n - 1, false));
                }
                sb.append(" Under the CPT per-code method each code counts alone (8 minutes or more of a code for "
                        + "its first unit): ").append(total).append(" minutes of one code is also ").append(n)
                        .append(", split across codes it can differ.");
            }
            pinned.add(CMS_METHOD);
            pinned.add(CPT_METHOD);
        }
        if (untimedSource != null) {
            sb.append(" Source: ").append(untimedSource).append('.');
        } else {
            sb.append(" Source: ").append(cms.citation()).append("; ").append(cpt.citation()).append('.');
        }
        return new Answer(sb.toString(), scored(hits, pinned), true, 1.0);
    }

    /**
     * The codes one word names, as a biller chooses among them: "G0283 to Medicare, 97014 to other payers (one
     * service)" for unattended e-stim (RULES.md §1), else each code with its title ("97161 (PT evaluation, low
     * complexity), 97162 (...) or 97163 (...)").
     */
    private String oneOf(List<String> codes) {
        if (codes.size() == 2 && codes.containsAll(List.of(ESTIM_MEDICARE, ESTIM_OTHERS))) {
            return ESTIM_MEDICARE + " to Medicare or " + ESTIM_OTHERS + " to other payers (one service, unattended "
                    + "electrical stimulation: RULES.md §1)";
        }
        List<String> parts = new ArrayList<>();
        for (String code : codes) {
            parts.add(kb.card(code).map(card -> code + " (" + card.title() + ")").orElse(code));
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    /**
     * Minutes the engine refuses, as {@code minutewise units} and the API do: a negative count ("-5 minutes", which
     * the tokens would read as 5) or more than a day, one count or all of them together. No units are counted for
     * them: a count for 2,000 minutes would be a number no claim can carry.
     */
    private static Optional<Answer> outOfDay(ParsedQuery q) {
        java.util.regex.Matcher neg = NEGATIVE_MINUTES.matcher(q.text());
        if (neg.find()) {
            return Optional.of(new Answer("I can't count units for -" + neg.group(1) + " minutes: minutes cannot be "
                    + "negative. A code's minutes in a day are between 0 and " + MAX_MINUTES + " (minutewise units and "
                    + "the API refuse others); ask again with the minutes the note records.", List.of(), false, 0.0));
        }
        long total = 0;
        for (ParsedQuery.Minutes m : q.minutes()) {
            total += m.minutes();
        }
        if (total > MAX_MINUTES) {
            String what = q.minutes().size() == 1 ? total + " minutes" : minutesText(q.minutes()) + " (" + total
                    + " minutes)";
            return Optional.of(new Answer("I can't count units for " + what + ": a day has " + MAX_MINUTES
                    + " minutes, and a visit's minutes add up to at most that (minutewise units and the API refuse "
                    + "more); ask again with the minutes of one day.", List.of(), false, 0.0));
        }
        return Optional.empty();
    }

    /**
     * The band of {@code units} seen from the band beside it: its nearest minutes, the first when reached from
     * below ("68 minutes would be 5 units (68-82).") or the last from above ("37 minutes would be 2 units (23-37).").
     */
    private static String band(int units, boolean fromBelow) {
        if (units == 0) {
            return "7 minutes would be 0 units (below 8).";
        }
        int lo = units * 15 - 7;
        int hi = units * 15 + 7;
        return (fromBelow ? lo : hi) + " minutes would be " + units + plural(units, " unit") + " (" + lo + "-" + hi
                + ").";
    }

    private static String minutesText(List<?> items) {
        List<String> parts = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof CodeMinutes cm) {
                parts.add(cm.code() + " " + cm.minutes() + " min");
            } else if (o instanceof ParsedQuery.Minutes m) {
                parts.add((m.code().isEmpty() ? "" : m.code() + " ") + m.minutes() + " min");
            }
        }
        return String.join(" + ", parts);
    }

    /**
     * The units by code as the claim bills them: the units of 97129 and 97130 together split as the claim does
     * (RULES.md §1, core's {@link Cognitive}: 97129 once, the rest on 97130, never 97130 alone), at the place of the
     * first of the two; every other code as counted.
     */
    private static String allocation(UnitResult r) {
        List<String> parts = new ArrayList<>();
        int pair = 0;
        for (Map.Entry<String, Integer> e : r.unitsByCode().entrySet()) {
            if (Cognitive.isPair(e.getKey())) {
                pair += e.getValue();
            }
        }
        boolean pairShown = false;
        for (Map.Entry<String, Integer> e : r.unitsByCode().entrySet()) {
            if (!Cognitive.isPair(e.getKey())) {
                parts.add(e.getKey() + " x" + e.getValue());
            } else if (pair == 0) {
                parts.add(e.getKey() + " x0");
            } else if (!pairShown) {
                pairShown = true;
                parts.add(Cognitive.BASE + " x" + Cognitive.baseUnits(pair));
                if (Cognitive.addOnUnits(pair) > 0) {
                    parts.add(Cognitive.ADD_ON + " x" + Cognitive.addOnUnits(pair));
                }
            }
        }
        return String.join(", ", parts);
    }

    // ---- answers RULES.md states outright -------------------------------------------------------------------

    /**
     * Questions whose answer RULES.md states in a sentence, that the cards' best sentence missed: the modifier on a
     * re-evaluation (§4), the coinsurance (§6), group therapy's units (§1), CQ when the therapist was present the
     * whole time (§4 de minimis), a code's MUE the starter table lacks (§5).
     */
    private Optional<Answer> direct(ParsedQuery q, List<SearchIndex.Hit> hits, List<String> known) {
        List<String> t = q.tokens();
        String joined = " " + String.join(" ", t) + " ";
        boolean reeval = containsAny(t, Set.of("re-evaluation", "reevaluation", "re-eval", "reeval", "re-evals"))
                || joined.contains(" re evaluation ") || known.contains("97164") && known.size() == 1
                && containsAny(t, MODIFIER_ASK) || known.contains("97168") && known.size() == 1
                && containsAny(t, MODIFIER_ASK);
        if (reeval && containsAny(t, MODIFIER_ASK) && known.size() <= 1) {
            Set<String> col1 = new java.util.TreeSet<>();
            String source = "";
            for (String re : List.of("97164", "97168")) {
                for (PairEdit p : kb.edits().pairs(re)) {
                    if (p.column2().equals(re)) {
                        col1.add(p.column1());
                        source = p.source();
                    }
                }
            }
            return Optional.of(new Answer("59 (or XU) goes on the re-evaluation, 97164 (PT) or 97168 (OT), when it is "
                    + "billed the same day beside a code it is column two to (" + String.join(", ", col1) + " in "
                    + "Minutewise's table) and was performed at a separate time: the modifier goes on the column-two "
                    + "code, never on the treatment code. With GP or GO as for any therapy line. Source: RULES.md "
                    + "§4-§5" + (source.isEmpty() ? "" : "; " + source) + ".",
                    scored(hits, List.of("97164", "97168", "59", "XU")), true, 1.0));
        }
        Optional<Answer> modifiers = codesModifiers(q, hits, known);
        if (modifiers.isPresent()) {
            return modifiers;
        }
        if (known.size() >= 2 && containsAny(t, Set.of("same", "together", "combine", "combined", "add", "added",
                "both", "with")) && q.synonyms().stream().anyMatch(m -> m.group().ids().contains(CMS_METHOD))
                && known.stream().map(kb.codes()::getOrNull).allMatch(i -> i != null && i.timed())) {
            return Optional.of(codesTogether(hits, known));
        }
        if (containsAny(t, Set.of("coinsurance", "co-insurance", "copay", "copayment"))
                && known.isEmpty()) {
            return Optional.of(new Answer("Medicare Part B: after the patient's yearly Part B deductible, the patient "
                    + "pays 20% coinsurance of the allowed amount (the fee schedule amount after the multiple-procedure "
                    + "reduction and the 85% for CQ/CO lines). Other payers set their own. Source: RULES.md §6.",
                    scored(hits, List.of("payment-estimate")), true, 1.0));
        }
        boolean speech = containsAny(t, SPEECH_WORDS);
        boolean swallow = containsAny(t, SWALLOW_WORDS);
        if (containsAny(t, GROUP_WORDS) && (speech || swallow) && !containsAny(t, PT_OT_WORDS)
                && (known.isEmpty() || known.equals(List.of("92508"))) && q.minutes().isEmpty()) {
            // Group speech-language treatment has its own code (92508); 97150 is the PT/OT group code.
            String text = speech
                    ? "92508 (group speech, language or voice treatment) is untimed: 1 unit per patient for the group "
                    + "session, whatever the minutes; each patient of the group gets their own 92508 (GN under a "
                    + "speech-language pathology plan of care). Individual treatment (92507, 92526) is never billed "
                    + "for group time (MW-G002); 97150 is the group code of PT and OT."
                    : "";
            if (swallow) {
                text += (speech ? " " : "") + "Swallowing (dysphagia) treatment has no group code: 92526 is "
                        + "individual and is never billed for group time (MW-G002). Bill the minutes with the patient "
                        + "individually as 92526, or the group session as 97150 when the payer takes it for this "
                        + "service" + (speech ? "." : "; group speech, language or voice treatment is 92508.");
            }
            text += " Source: RULES.md §1, §2; CMS Pub 100-02 ch. 15 §230 A.";
            return Optional.of(new Answer(text, scored(hits, speech ? List.of("92508", "group-therapy", "MW-G002")
                    : List.of("92526", "MW-G002", "92508", "97150")), true, 1.0));
        }
        if (t.contains("group") && containsAny(t, UNIT_WORDS) && (known.isEmpty() || known.equals(List.of("97150")))
                && q.minutes().isEmpty()) {
            return Optional.of(new Answer("97150 (group therapy) is untimed: 1 unit per patient for the group "
                    + "session, whatever the minutes; each patient of the group gets their own 97150. Group minutes "
                    + "are never billed as one-on-one codes. Source: RULES.md §1, §2; CMS Pub 100-02 ch. 15 §230 A.",
                    scored(hits, List.of("97150", "group-therapy")), true, 1.0));
        }
        if (containsAny(t, ASSISTANT_WORDS) && (t.contains("cq") || t.contains("co") && q.ids().contains("CO"))
                && (joined.contains(" whole time ") || joined.contains(" entire time ") || t.contains("together")
                || joined.contains(" all the time ") || t.contains("present") && !t.contains("not"))) {
            String m = t.contains("cq") ? "CQ" : "CO";
            return Optional.of(new Answer("No " + m + " for minutes the therapist furnished together with the "
                    + "assistant: minutes when both treat together count as the therapist's, so when the therapist "
                    + "was present and treating the whole time the assistant furnished no minutes apart and no unit "
                    + "carries " + m + ". Only minutes the assistant furnished apart from the therapist count toward "
                    + "the more-than-10% test. Source: RULES.md §4 (de minimis).",
                    scored(hits, List.of(m, "assistants")), true, 1.0));
        }
        if (!known.isEmpty() && known.size() <= 3 && paymentQuestion(t, joined)) {
            List<String> texts = new ArrayList<>();
            for (String code : known) {
                Card card = kb.card(code).orElseThrow();
                String fact = null;
                for (Fact f : card.facts()) {
                    if (f.topic().equals(Cards.PAYMENT)) {
                        fact = f.text();
                    }
                }
                texts.add(fact != null ? (known.size() > 1 ? code + ": " : "") + fact : "Minutewise has no "
                        + "Medicare price for " + code + " in the loaded data: load the CMS physician fee schedule RVU "
                        + "file (--rvu-file) and the yearly figures. Source: RULES.md §6.");
            }
            List<String> ids = new ArrayList<>(known);
            ids.add("payment-estimate");
            return Optional.of(new Answer(String.join(" ", texts), scored(hits, ids), true, 1.0));
        }
        if (known.size() == 1 && (t.contains("mue") || joined.contains(" max units ") || joined.contains(" maximum units ")
                || joined.contains(" unit limit ") || joined.contains(" medically unlikely "))) {
            String code = known.get(0);
            Card card = kb.card(code).orElseThrow();
            List<String> limits = new ArrayList<>();
            for (Fact f : card.facts()) {
                if (f.topic().equals("Unit limit")) {
                    limits.add(f.text());
                }
            }
            String text = limits.isEmpty()
                    ? "The Minutewise starter MUE table has no value for " + code + ": that does not mean " + code
                    + " has no unit limit. Load the current CMS Practitioner Services MUE table (--mue-file) or check "
                    + "the CMS MUE page for its value. Source: RULES.md §5."
                    : String.join(" ", limits) + " Source: " + card.citation() + ".";
            return Optional.of(new Answer(text, scored(hits, List.of(code, "mue")), true, 1.0));
        }
        return Optional.empty();
    }

    /**
     * "Does 97161 need a modifier": what goes on the code's line (RULES.md §4): GP, GO or GN by the plan of care's
     * discipline on every therapy line; CQ/CO for an assistant's part (never on an evaluation: MW-W009); 59 or an X
     * modifier only beside the codes it is column two to. Empty unless the question names one therapy code and asks
     * about modifiers without naming one.
     */
    private Optional<Answer> codesModifiers(ParsedQuery q, List<SearchIndex.Hit> hits, List<String> known) {
        CodeInfo info = known.size() == 1 ? kb.codes().getOrNull(known.get(0)) : null;
        if (info == null || info.disciplines().isEmpty() || !containsAny(q.tokens(), Set.of("modifier", "modifiers",
                "mod", "mods")) || containsAny(q.tokens(), ASSISTANT_WORDS) || !q.minutes().isEmpty()
                || q.ids().stream().anyMatch(i -> kb.card(i).map(c -> c.kind() == Kind.MODIFIER).orElse(false))) {
            return Optional.empty();
        }
        String code = info.code();
        List<String> disciplines = new ArrayList<>();
        List<String> pinned = new ArrayList<>(List.of(code));
        for (org.minutewise.core.model.Discipline d : new java.util.TreeSet<>(info.disciplines())) {
            disciplines.add(d.modifier() + " under " + article(d.name()) + " " + d.name() + " plan of care");
            pinned.add(d.modifier());
        }
        StringBuilder sb = new StringBuilder("Yes: " + code + " takes " + String.join(", ", disciplines.subList(0,
                disciplines.size() - 1)) + (disciplines.size() > 1 ? " or " : "") + disciplines.get(disciplines.size()
                - 1) + ": every therapy line carries one of GP, GO or GN, by the discipline of the plan of care it is "
                + "billed under.");
        if (info.evaluation()) {
            sb.append(" Never CQ or CO: an assistant may not evaluate or re-evaluate (MW-W009).");
        } else {
            sb.append(" CQ (PTA) or CO (OTA) as well on the units an assistant furnished more than 10% of.");
        }
        Set<String> col1 = new java.util.TreeSet<>();
        for (PairEdit p : kb.edits().pairs(code)) {
            if (p.column2().equals(code) && !p.byRegion()) {
                col1.add(p.column1());
            }
        }
        if (!col1.isEmpty()) {
            sb.append(" 59 or an X modifier only when it is billed beside ").append(String.join(", ", col1))
                    .append(" (an NCCI pair: ").append(code).append(" is column two) in a separate time interval.");
        }
        sb.append(" For Medicare, KX once the year's therapy passes the threshold. Source: RULES.md §4, §5.");
        return Optional.of(new Answer(sb.toString(), scored(hits, pinned), true, 1.0));
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * "Can I bill 97110 with 97112 under the same 8 minute rule": yes; the CMS total-time method adds the timed
     * codes' minutes, each code with its own, before the table (RULES.md §3.1). The example is the engine's count.
     */
    private Answer codesTogether(List<SearchIndex.Hit> hits, List<String> codes) {
        String a = codes.get(0);
        String b = codes.get(1);
        List<CodeMinutes> example = List.of(new CodeMinutes(a, 7), new CodeMinutes(b, 8));
        UnitResult r = UnitCalculator.compute(UnitMethod.CMS, example, kb.codes());
        String text = "Yes: under the CMS total-time method (the 8-minute rule) " + String.join(" and ", codes)
                + " are counted together. Each code keeps its own minutes (a minute belongs to one code, never two), "
                + "and the day's timed minutes of all the codes are added up before the table gives the units "
                + "(8-22 minutes = 1 unit, 23-37 = 2, ...), then shared out by the codes' minutes. For example "
                + minutesText(example) + ": " + r.totalTimedMinutes() + " timed minutes, " + r.totalUnits()
                + plural(r.totalUnits(), " unit") + " (" + allocation(r) + "): " + a + "'s 7 minutes count toward "
                + "the total though alone they are under 8. Under the CPT per-code method each code counts alone. "
                + "Source: RULES.md §3.1; CMS Pub 100-04 ch. 5 §20.2 C.";
        List<String> pinned = new ArrayList<>(List.of(CMS_METHOD));
        pinned.addAll(codes);
        return new Answer(text, scored(hits, pinned), true, 1.0);
    }

    /**
     * "How much does Medicare pay for 97112", "97110 reimbursement rate", "allowed amount for 97140": a question of
     * the amount, not of coverage ("does Medicare pay for 97014" is a coverage question, answered by the card).
     */
    private static boolean paymentQuestion(List<String> t, String joined) {
        boolean payWord = containsAny(t, Set.of("pay", "pays", "paid", "payment", "payments"));
        return joined.contains(" how much ") && (payWord || containsAny(t, Set.of("get", "reimburse", "reimbursed",
                "allow", "allows", "worth", "cost", "costs")))
                || containsAny(t, Set.of("reimbursement", "reimbursements", "allowable", "rvu", "rvus"))
                || joined.contains(" allowed amount ") || joined.contains(" fee schedule amount ")
                || (joined.contains(" pay rate ") || joined.contains(" payment rate ")
                || joined.contains(" what does medicare pay ") || joined.contains(" what will medicare pay "));
    }

    /** "97112 vs 97530": both cards' summaries, side by side, and whether the two may be billed the same day. */
    private Answer sideBySide(ParsedQuery q, List<SearchIndex.Hit> hits, String a, String b) {
        Card ca = kb.card(a).orElseThrow();
        Card cb = kb.card(b).orElseThrow();
        String pair = pair(q, hits, a, b).answer();
        int src = pair.lastIndexOf(" Source: ");
        String sameDay = src < 0 ? pair : pair.substring(0, src);
        String text = a + " vs " + b + ". " + label(ca) + " " + label(cb) + " The same day: " + sameDay + " Source: "
                + ca.citation() + "; " + cb.citation() + ".";
        return new Answer(text, scored(hits, List.of(a, b)), true, 1.0);
    }

    private static String label(Card c) {
        String s = c.summary();
        return s.startsWith(c.id()) ? s : c.id() + " (" + c.title() + "): " + s;
    }

    // ---- what a note shows; exercise the patient does alone -------------------------------------------------

    /**
     * "What should a 97112 note include": the card's documentation checklist (RULES.md §7 for 97112), all of it;
     * its red flags only when asked about denials. Empty when the card has no checklist.
     */
    private Optional<Answer> noteChecklist(ParsedQuery q, List<SearchIndex.Hit> hits, Card card) {
        List<String> items = new ArrayList<>();
        for (Fact f : card.facts()) {
            if (f.topic().equals("Documentation")) {
                items.add(f.text());
            }
        }
        if (items.isEmpty() || card.kind() != Kind.CODE) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("A " + card.id() + " (" + card.title() + ") note that will survive "
                + "review shows: ");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i + 1).append(") ").append(items.get(i)).append(' ');
        }
        sb.append("Also who treated (credentials, signature) and the supervision of an assistant.");
        kb.card("documentation").ifPresent(d -> sb.append(" See also documentation (").append(d.title()).append(")."));
        sb.append(" Source: ").append(card.id().equals("97112") ? "RULES.md §7; " : "").append(card.citation())
                .append('.');
        List<String> pinned = new ArrayList<>(List.of(card.id()));
        if (kb.card("documentation").isPresent()) {
            pinned.add("documentation");
        }
        return Optional.of(new Answer(sb.toString(), scored(hits, pinned), true, 1.0));
    }

    /** "a home exercise program the patient did alone", "independent exercise": time the patient spends alone. */
    private static boolean aloneExercise(ParsedQuery q) {
        List<String> t = q.tokens();
        boolean alone = containsAny(t, Set.of("alone", "independent", "independently", "unsupervised", "himself",
                "herself", "themselves", "unattended")) || String.join(" ", t).contains("on their own")
                || String.join(" ", t).contains("on his own") || String.join(" ", t).contains("on her own");
        boolean exercise = containsAny(t, Set.of("exercise", "exercises", "exercising", "hep", "program", "bike",
                "treadmill", "workout"));
        return alone && exercise;
    }

    private Answer aloneExercise(ParsedQuery q, List<SearchIndex.Hit> hits, String code) {
        String text = "No: exercise the patient does alone (a home exercise program, independent exercise, or exercise "
                + "under mere supervision) is not billable time, as " + code + " or any code: only direct treatment "
                + "by the clinician counts. Teaching, progressing or checking the program with the patient one-on-one "
                + "is skilled and counts for the minutes the clinician spends on it. Source: RULES.md §2; CMS Pub "
                + "100-04 ch. 5 §20.3.";
        List<String> pinned = new ArrayList<>();
        if (kb.card("countable-minutes").isPresent()) {
            pinned.add("countable-minutes");
        }
        pinned.add(code);
        return new Answer(text, scored(hits, pinned), true, 1.0);
    }

    // ---- questions the cards cannot answer -------------------------------------------------------------------

    /**
     * Every word the question has for its subject is a short word (5 letters or fewer) no card uses, replaced by the
     * speller's guess ("life" for "lift", "love" for "move"), and it names no id, code or synonym: an answer would
     * rest on the guess alone.
     */
    private boolean onlyShortGuesses(ParsedQuery q) {
        if (!q.ids().isEmpty() || !q.codes().isEmpty() || q.words().isEmpty()) {
            return false;
        }
        for (Synonyms.Match m : q.synonyms()) {
            if (!m.group().ids().isEmpty()) {
                return false;
            }
        }
        List<String> typed = typed(q);
        Set<String> words = new HashSet<>(q.words());
        for (int i = 0; i < q.tokens().size(); i++) {
            String w = q.tokens().get(i);
            if (!words.contains(w) || ParsedQuery.DOMAIN_WORDS.contains(w)) {
                continue;
            }
            boolean indexed = false;
            for (String term : index.analyze(w)) {
                indexed |= index.docFreq(term) > 0;
            }
            boolean guessed = q.corrected().contains(w) && !typed.get(i).equals(w) || !indexed;
            if (!guessed || typed.get(i).length() > 5) {
                return false;
            }
        }
        return true;
    }

    /** "97 11", "9711": the start of a code, not a code: the codes that start with it, none of them chosen. */
    private Answer startOfACode(ParsedQuery q, List<SearchIndex.Hit> hits) {
        List<String> ids = new ArrayList<>();
        for (Card c : index.cards()) {
            if (c.kind() == Kind.CODE && q.prefixes().stream().anyMatch(p -> c.id().startsWith(p))) {
                ids.add(c.id());
            }
        }
        java.util.Collections.sort(ids);
        List<String> named = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(8, ids.size()))) {
            named.add(id + " (" + kb.card(id).orElseThrow().title() + ")");
        }
        String text = "I don't know which code you mean: " + String.join(", ", q.prefixes()) + " is the start of a code, "
                + "not a whole one. Codes that start with it: " + String.join("; ", named)
                + (ids.size() > named.size() ? "; and " + (ids.size() - named.size()) + " more" : "")
                + ". Ask again with the whole code.";
        return new Answer(text, scored(hits, ids.subList(0, Math.min(KnowledgeBase.ASK_CARDS, ids.size()))), false, 0.0);
    }

    // ---- the same minutes under two codes, an assistant's minutes ----------------------------------------------

    /** "for the same 15 minutes", "in the same minutes", "at the same time": one period asked for two codes. */
    private static boolean sameMinutes(ParsedQuery q) {
        List<String> t = q.tokens();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).equals("same")) {
                continue;
            }
            for (int j = i + 1; j <= i + 2 && j < t.size(); j++) {
                String w = t.get(j);
                boolean rule = j + 1 < t.size() && Set.of("rule", "rules", "method").contains(t.get(j + 1));
                if ((ParsedQuery.MINUTE_WORDS.contains(w) || w.equals("time") || w.equals("period")
                        || w.equals("unit")) && !rule) {
                    return true; // "the same 8 minute rule" is the rule, not the minutes
                }
            }
        }
        return false;
    }

    /**
     * Two codes for the same minutes: no (RULES.md §2: a minute belongs to one code; the engine's MW-U003), except
     * supervised modalities 97010-97028, which may share minutes with another code.
     */
    private Answer sameMinutes(ParsedQuery q, List<SearchIndex.Hit> hits, List<String> codes) {
        List<String> modalities = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String c : codes) {
            (supervisedModality(c) ? modalities : others).add(c);
        }
        List<String> pinned = new ArrayList<>();
        if (kb.card("MW-U003").isPresent()) {
            pinned.add("MW-U003");
        }
        pinned.addAll(codes);
        String text;
        if (others.size() >= 2) {
            text = "No: a minute belongs to one code. " + String.join(" and ", others) + " cannot both be billed for "
                    + "the same minutes: two therapy services may not be reported for the same 15-minute period "
                    + "(supervised modalities 97010-97028 excepted). Give each code only the minutes spent on it; "
                    + "the same minutes under two codes are finding MW-U003 (block), and the units count each "
                    + "such minute once. Source: RULES.md §2; NCCI Policy Manual ch. XI §P.";
        } else {
            text = String.join(" and ", modalities) + (modalities.size() == 1 ? " is a supervised modality" : " are "
                    + "supervised modalities") + " (97010-97028): one may be reported in the same minutes as another "
                    + "code, the one exception to a minute belonging to one code. Source: RULES.md §2; NCCI Policy "
                    + "Manual ch. XI §P.";
        }
        return new Answer(text, scored(hits, pinned), true, 1.0);
    }

    private static boolean supervisedModality(String code) {
        if (code.length() != 5 || !code.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int n = Integer.parseInt(code);
        return n >= 97010 && n <= 97028;
    }

    /**
     * A clinician the question names, at token {@code at}: a PT, PTA, OT, OTA (COTA) or SLP, or a therapist or an
     * assistant of no discipline said ({@code discipline} null: "the therapist", "the assistant"; "physical
     * therapist assistant" says it). {@code after}: written after the minutes it furnished ("20 minutes of 97110 by
     * the PTA").
     */
    private record Clinician(int at, Discipline discipline, boolean assistant, boolean after) {
    }

    /** The clinician a token names, if any (see {@link Clinician}). */
    private static Optional<Clinician> clinicianAt(List<String> t, int i) {
        String w = t.get(i);
        Discipline d;
        boolean assistant;
        if (PT_WORDS.contains(w) || OT_WORDS.contains(w) || SLP_WORDS.contains(w)) {
            d = PT_WORDS.contains(w) ? Discipline.PT : OT_WORDS.contains(w) ? Discipline.OT : Discipline.SLP;
            assistant = false;
        } else if (PTA_WORDS.contains(w) || OTA_WORDS.contains(w)) {
            d = PTA_WORDS.contains(w) ? Discipline.PT : Discipline.OT;
            assistant = true;
        } else if (THERAPIST_OR_ASSISTANT.contains(w)) {
            // "physical therapist", "occupational therapy assistant", "speech therapist"
            d = null;
            for (int k = i - 1; k >= Math.max(0, i - 2) && d == null; k--) {
                d = switch (t.get(k)) {
                    case "physical" -> Discipline.PT;
                    case "occupational" -> Discipline.OT;
                    case "speech" -> Discipline.SLP;
                    default -> null;
                };
            }
            assistant = w.startsWith("assistant");
        } else {
            return Optional.empty();
        }
        boolean after = i >= 1 && t.get(i - 1).equals("by") || i >= 2 && t.get(i - 2).equals("by")
                && Set.of("the", "a", "an", "our", "my").contains(t.get(i - 1));
        return Optional.of(new Clinician(i, d, assistant, after));
    }

    /**
     * The clinicians' minutes of a question, each with who furnished them and the code ("PTA did 10 minutes and PT
     * did 20 minutes of 97110, which units get CQ", "PTA 23 min 97110, PT 13 min 97110, PT 30 min 97140", "PTA did
     * 20 minutes of 97110 and OT did 20 minutes of 97535"): each count of minutes is the clinician's named after it
     * with "by" ("20 minutes of 97110 by the PTA"), else the one named last before it; its code is written beside it
     * or is the one code the question names. Answered through the engine: the visit those minutes make, for
     * Medicare, checked as {@code check} does, so {@code ask} cannot disagree with it: each discipline's lines under
     * its own plan of care and modifier (GP, GO, GN), each discipline's timed minutes counted on their own (a PT's 20
     * minutes and an OT's 20 are 1 unit each, RULES.md §3.1), CQ/CO by the de minimis rule (RULES.md §4). Empty,
     * for the units answer, unless the minutes are an assistant's or of two disciplines and each has its clinician
     * and code; minutes of two disciplines some of which have no code are not guessed (they would be pooled).
     */
    private Optional<Answer> clinicianUnits(ParsedQuery q, List<SearchIndex.Hit> hits) {
        List<String> t = q.tokens();
        List<Clinician> named = new ArrayList<>();
        Set<Discipline> said = new java.util.LinkedHashSet<>();
        for (int i = 0; i < t.size(); i++) {
            Optional<Clinician> c = clinicianAt(t, i);
            c.ifPresent(named::add);
            c.map(Clinician::discipline).ifPresent(said::add);
        }
        List<String> codes = q.namedCodes(kb.codes());
        List<ParsedQuery.Minutes> minutes = q.minutes();
        List<Clinician> who = new ArrayList<>();
        for (int k = 0; k < minutes.size(); k++) {
            int at = minutes.get(k).at();
            int next = k + 1 < minutes.size() ? minutes.get(k + 1).at() : t.size();
            Clinician by = null; // named after these minutes with "by", before the next ones
            Clinician before = null; // named last before them
            for (Clinician c : named) {
                if (c.after() && c.at() > at && c.at() < next && by == null) {
                    by = c;
                } else if (c.at() < at) {
                    before = c;
                }
            }
            if (by == null && before == null) {
                return Optional.empty();
            }
            who.add(by != null ? by : before);
        }
        // A therapist or assistant of no discipline said: the question's one discipline, else the code's, else PT.
        List<Discipline> disciplines = new ArrayList<>();
        boolean anyAssistant = false;
        for (int k = 0; k < minutes.size(); k++) {
            Discipline d = who.get(k).discipline();
            if (d == null) {
                String code = !minutes.get(k).code().isEmpty() ? minutes.get(k).code()
                        : codes.size() == 1 ? codes.get(0) : "";
                CodeInfo info = kb.codes().getOrNull(code);
                d = said.size() == 1 ? said.iterator().next() : info != null && info.disciplines().size() == 1
                        ? info.disciplines().iterator().next() : Discipline.PT;
            }
            disciplines.add(d);
            anyAssistant |= who.get(k).assistant();
        }
        boolean several = new HashSet<>(disciplines).size() > 1;
        if (!anyAssistant && !several) {
            return Optional.empty();
        }
        Optional<String> year = year(q);
        java.time.LocalDate dos = year.map(y -> java.time.LocalDate.of(Integer.parseInt(y), 7, 1))
                .orElseGet(java.time.LocalDate::now);
        org.minutewise.core.model.Visit.Builder visit = org.minutewise.core.model.Visit.builder("ask", dos)
                .payer("medicare").planOfCare(disciplines.get(0));
        List<String> saidMinutes = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        boolean uncoded = false;
        for (int k = 0; k < minutes.size(); k++) {
            ParsedQuery.Minutes m = minutes.get(k);
            String code = !m.code().isEmpty() ? m.code() : codes.size() == 1 ? codes.get(0) : "";
            Discipline d = disciplines.get(k);
            Role therapist = Role.therapistOf(d);
            Role role = !who.get(k).assistant() ? therapist : d == Discipline.PT ? Role.PTA : d == Discipline.OT
                    ? Role.OTA : Role.SLPA;
            saidMinutes.add(role.name() + " " + m.minutes() + " min" + (code.isEmpty() ? "" : " " + code));
            if (kb.codes().getOrNull(code) == null) {
                uncoded = true;
                continue;
            }
            String therapistId = therapist.name() + "1";
            Provider provider = role == therapist ? Provider.of(therapistId, therapist) : new Provider(
                    Optional.of(role.name() + "1"), role, Optional.empty(), Optional.of(therapistId), Optional.empty());
            visit.service(ServiceLine.of(code, m.minutes(), role).withProvider(provider).withDiscipline(d));
            String modifier = role == Role.PTA ? "CQ" : "CO";
            if (role.isAssistant() && !pinned.contains(modifier)) {
                pinned.add(modifier);
            }
            if (several && !pinned.contains(d.modifier())) {
                pinned.add(d.modifier());
            }
        }
        if (uncoded && !several) {
            return Optional.empty();
        } else if (uncoded) {
            // Pooled, as the units answer would pool them, two disciplines' minutes would make units neither has.
            return Optional.of(new Answer("I can't read that unambiguously: " + String.join(" + ", saidMinutes)
                    + ": not every count of minutes has its code, and each discipline's timed minutes are counted on "
                    + "their own, so they cannot be added up. Ask again with each clinician's code and minutes (\"PT "
                    + "did 20 minutes of 97110 and OT did 20 minutes of 97535\").", List.of(), false, 0.0));
        }
        org.minutewise.core.payer.PayerProfile medicare = kb.checker().ref().payers().find("medicare").orElse(null);
        if (medicare == null) {
            return Optional.empty();
        }
        org.minutewise.core.check.CheckResult r = kb.checker().check(visit.build(), medicare);
        UnitResult u = r.units();
        StringBuilder sb = new StringBuilder(String.join(" + ", saidMinutes)).append(": ");
        if (u.byDiscipline().size() > 1) {
            List<String> parts = new ArrayList<>();
            u.byDiscipline().forEach((label, part) -> parts.add(label + " " + timedUnitsText(part)));
            sb.append("each discipline's timed minutes are counted on their own under the CMS total-time method, as "
                    + "each bills under its own plan of care and modifier: ").append(String.join(", ", parts))
                    .append("; ").append(u.totalUnits()).append(plural(u.totalUnits(), " unit")).append(" in all.");
        } else {
            sb.append(timedUnitsText(u)).append(" under the CMS total-time method.");
        }
        List<String> lines = new ArrayList<>();
        for (org.minutewise.core.claim.ClaimLine l : r.claim().lines()) {
            lines.add(l.code() + (l.modifiers().isEmpty() ? "" : " " + String.join(" ", l.modifiers())) + " x"
                    + l.units());
        }
        sb.append(lines.isEmpty() ? " No claim line: no code earns a unit." : " The claim lines, as the check writes "
                + "them for Medicare: " + String.join(", ", lines) + ".");
        sb.append(u.tieNote("Medicare's count"));
        for (org.minutewise.core.check.Finding f : r.findings()) {
            // What the check blocks in the lines the question describes (the same code under two disciplines'
            // plans, MW-U006; an assistant's evaluation, MW-W009), not what a question cannot say (a diagnosis, a
            // note): those are found on the visit's other parts.
            if (f.severity() == org.minutewise.core.check.Severity.BLOCK && f.path().startsWith("services")) {
                sb.append(" The check blocks it (").append(f.ruleId()).append("): ").append(f.message());
            }
        }
        for (String why : org.minutewise.core.claim.ClaimBuilder.assistantExplanation(r)) {
            sb.append(' ').append(why);
        }
        if (anyAssistant) {
            sb.append(" Minutes the two furnish together count as the therapist's.");
        }
        sb.append(" Source: ").append(several ? kb.card(CMS_METHOD).orElseThrow().citation() + "; RULES.md §4 (GP, "
                + "GO, GN by the plan of care's discipline" + (anyAssistant ? "; de minimis)" : ")") : "RULES.md §4 (de "
                + "minimis)").append(anyAssistant ? "; CMS page \"Billing Examples Using CQ/CO Modifiers\"." : ".");
        if (several) {
            pinned.add(0, CMS_METHOD);
        }
        for (ServiceLine l : r.visit().services()) {
            if (!pinned.contains(l.code())) {
                pinned.add(l.code());
            }
        }
        if (!pinned.contains(CMS_METHOD)) {
            pinned.add(CMS_METHOD);
        }
        return Optional.of(new Answer(sb.toString(), scored(hits, pinned), true, 1.0));
    }

    /**
     * Codes listed apart from the minutes, not as many as the counts of minutes ({@link
     * ParsedQuery#codesListedApart}: "PT 20 min and OT 20 min, 97110, 97535 and 97140"): read in order, a count
     * would be left without its code or a code without minutes, so the answer says it cannot pair them rather than
     * guess (as many of each are paired in order, and answered as any minutes with their codes).
     */
    private static Answer cannotPair(ParsedQuery q, List<String> apart) {
        List<String> t = q.tokens();
        List<String> said = new ArrayList<>();
        int from = 0;
        for (ParsedQuery.Minutes m : q.minutes()) {
            String who = "";
            for (int i = from; i < m.at(); i++) {
                Optional<Clinician> c = clinicianAt(t, i);
                if (c.isPresent()) {
                    Discipline d = c.get().discipline();
                    who = (d == null ? c.get().assistant() ? "assistant" : "therapist"
                            : d.name() + (c.get().assistant() ? "A" : "")) + " ";
                }
            }
            said.add(who + m.minutes() + " min");
            from = m.at() + 2;
        }
        return new Answer("I can't pair them: " + said.size() + " counts of minutes (" + String.join(", ", said)
                + ") and " + apart.size() + " codes listed apart from them (" + String.join(", ", apart) + "). Read "
                + "in order, the first minutes are the first code's and so on, which needs as many codes as counts of "
                + "minutes. Ask again with each code beside its minutes (\"PT 20 min 97110, OT 20 min 97535\"), or "
                + "use `minutewise units 97110:20 97535:20`.", List.of(), false, 0.0);
    }

    /** "40 timed minutes = 3 units", and the untimed units beside them when there are any. */
    private static String timedUnitsText(UnitResult u) {
        int untimed = u.totalUnits() - u.timedUnits();
        String timed = u.totalTimedMinutes() + " timed minutes = " + u.timedUnits() + plural(u.timedUnits(), " unit");
        String others = untimed + plural(untimed, " untimed unit");
        return untimed == 0 ? timed : u.totalTimedMinutes() == 0 ? others : timed + " and " + others;
    }

    // ---- two codes on the same day -------------------------------------------------------------------------

    /**
     * Three or more codes on the same day: every pair among them, the pairs the tables hold first (an NCCI edit,
     * two evaluations, an add-on with its base), then the rest in one sentence.
     */
    private Answer pairs(ParsedQuery q, List<SearchIndex.Hit> hits, List<String> codes) {
        List<String> found = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<String> plainCodes = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                Answer one = pair(q, hits, codes.get(i), codes.get(j));
                String text = one.answer();
                int src = text.lastIndexOf(" Source: ");
                String body = src < 0 ? text : text.substring(0, src);
                String source = src < 0 ? "" : text.substring(src + " Source: ".length(), text.length() - 1);
                if (body.contains(": no NCCI pair between them")) {
                    plain.add(codes.get(i) + "/" + codes.get(j));
                    for (String c : List.of(codes.get(i), codes.get(j))) {
                        if (!plainCodes.contains(c)) {
                            plainCodes.add(c);
                        }
                    }
                    if (!sources.contains("RULES.md §2, §5")) {
                        sources.add("RULES.md §2, §5");
                    }
                    continue;
                }
                found.add(body);
                for (ScoredCard c : one.cards().subList(0, Math.min(3, one.cards().size()))) {
                    if (!pinned.contains(c.card().id())) {
                        pinned.add(c.card().id());
                    }
                }
                if (!sources.contains(source)) {
                    sources.add(source);
                }
            }
        }
        // The cards of the pairs the tables hold first: they are what the answer warns of.
        for (String c : plainCodes) {
            if (!pinned.contains(c)) {
                pinned.add(c);
            }
        }
        StringBuilder sb = new StringBuilder("For " + String.join(", ", codes) + " on the same day, each pair: ");
        sb.append(String.join(" ", found));
        if (!plain.isEmpty()) {
            sb.append(found.isEmpty() ? "" : " ").append(String.join(", ", plain)).append(plain.size() == 1
                    ? ": no NCCI pair" : ": no NCCI pair among these").append(" in Minutewise's starter table (RULES.md"
                    + " §5 lists the known therapy pairs; check the current CMS quarterly table); billing them the "
                    + "same day is normal when each has its own minutes: a minute belongs to one code.");
        }
        sb.append(" Source: ").append(String.join("; ", sources)).append('.');
        return new Answer(sb.toString(), scored(hits, pinned), true, 1.0);
    }

    private Answer pair(ParsedQuery q, List<SearchIndex.Hit> hits, String a, String b) {
        List<String> pinned = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        PairEdit edit = null;
        for (PairEdit p : kb.edits().pairs(a)) {
            if (p.touches(b)) {
                edit = p;
                break;
            }
        }
        CodeInfo ia = kb.codes().getOrNull(a);
        CodeInfo ib = kb.codes().getOrNull(b);
        List<String> sources = new ArrayList<>();
        if (Set.of(a, b).equals(Set.of(ESTIM_MEDICARE, ESTIM_OTHERS))) {
            // One service under two payers' codes: never both, whatever the minutes.
            sb.append(ESTIM_MEDICARE).append(" and ").append(ESTIM_OTHERS).append(" are the same service, unattended "
                    + "electrical stimulation: ").append(ESTIM_MEDICARE).append(" is Medicare's code for it, ")
                    .append(ESTIM_OTHERS).append(" other payers'. Bill one of them by the payer, never both for a "
                    + "day: both are untimed, 1 unit a day whatever the minutes (Medicare: ").append(ESTIM_MEDICARE)
                    .append(", MW-C002 when ").append(ESTIM_OTHERS).append(" is billed to it; other payers: ")
                    .append(ESTIM_OTHERS).append(", MW-C010 for ").append(ESTIM_MEDICARE).append(").");
            pinned.add(ESTIM_MEDICARE);
            pinned.add(ESTIM_OTHERS);
            sources.add("RULES.md §1");
        } else if (edit != null && edit.byRegion()) {
            sb.append(a).append(" and ").append(b).append(" on the same day are an NCCI pair. ").append(edit.text())
                    .append(" Record the regions of both: unless ").append(edit.modified()).append(" treated a "
                            + "region not manipulated, it is not paid beside ").append(edit.other()).append('.');
            pinned.add(edit.column1());
            pinned.add(edit.column2());
            pinned.add("59");
            sources.add(edit.source());
        } else if (edit != null) {
            sb.append(a).append(" and ").append(b).append(" on the same day are an NCCI pair. ").append(edit.text())
                    .append(" Without separate time intervals documented, ").append(edit.column2())
                    .append(" is not paid beside ").append(edit.column1()).append('.');
            pinned.add(edit.column1());
            pinned.add(edit.column2());
            pinned.add("59");
            sources.add(edit.source());
        } else if (ia != null && ib != null && ia.evaluation() && ib.evaluation()
                && ia.disciplines().equals(ib.disciplines())) {
            sb.append(a).append(" and ").append(b).append(" are both evaluations of one discipline: only one "
                    + "evaluation or re-evaluation of a discipline a day by the same practitioner.");
            pinned.add(EVAL_PER_DAY);
            pinned.add(a);
            pinned.add(b);
            kb.card(EVAL_PER_DAY).ifPresent(c -> sources.add(c.citation()));
        } else if (ia != null && ib != null && (ia.addOnTo().orElse("").equals(b) || ib.addOnTo().orElse("").equals(a))) {
            String base = ia.isAddOn() ? b : a;
            String addOn = ia.isAddOn() ? a : b;
            sb.append(addOn).append(" is the add-on of ").append(base).append(": bill ").append(base)
                    .append(" for the first unit and ").append(addOn).append(" for each further unit, never ")
                    .append(addOn).append(" alone.");
            pinned.add(base);
            pinned.add(addOn);
            sources.add(Cards.RULES_CODES);
        } else {
            sb.append(a).append(" and ").append(b).append(": no NCCI pair between them in Minutewise's starter "
                    + "table (RULES.md §5 lists the known therapy pairs; check the current CMS quarterly table). "
                    + "Billing both the same day is normal when each has its own minutes: a minute belongs to one "
                    + "code.");
            pinned.add(a);
            pinned.add(b);
            sources.add("RULES.md §2, §5");
        }
        appendGroupNote(sb, ia, ib);
        sb.append(" Source: ").append(String.join("; ", sources)).append('.');
        return new Answer(sb.toString(), scored(hits, pinned), true, 1.0);
    }

    private static void appendGroupNote(StringBuilder sb, CodeInfo a, CodeInfo b) {
        if (a == null || b == null) {
            return;
        }
        if ((a.group() && b.oneOnOne()) || (b.group() && a.oneOnOne())) {
            sb.append(" Group time and one-on-one time are separate minutes: the group minutes go to ")
                    .append(a.group() ? a.code() : b.code()).append(" only.");
        }
    }

    // ---- retrieval answers ---------------------------------------------------------------------------------

    /**
     * How much of the question the card covers, 0 to 1: each word weighted by its IDF (a word no card holds
     * weighs the most), credited when the card holds it, when a synonym phrase it belongs to points to the
     * card, or, for a typo, when the card holds a word within 1-2 edits.
     */
    /** The best card's coverage, or a little less than that of the best three together when that is more. */
    double confidence(ParsedQuery q, List<SearchIndex.Hit> hits) {
        double top = coverage(q, List.of(hits.get(0).ord()));
        if (top >= KnowledgeBase.MIN_CONFIDENCE || hits.size() == 1) {
            return top;
        }
        List<Integer> ords = new ArrayList<>();
        for (int i = 0; i < Math.min(3, hits.size()); i++) {
            ords.add(hits.get(i).ord());
        }
        return Math.max(top, UNION_FACTOR * coverage(q, ords));
    }

    double coverage(ParsedQuery q, List<Integer> ords) {
        List<Card> cards = new ArrayList<>();
        Set<String> terms = new HashSet<>();
        for (int ord : ords) {
            cards.add(index.cards().get(ord));
            terms.addAll(index.terms(ord));
        }
        return coverage(q, cards, terms);
    }

    private double coverage(ParsedQuery q, List<Card> cards, Set<String> terms) {
        Set<String> cardIds = new HashSet<>();
        for (Card c : cards) {
            cardIds.add(c.id());
        }
        double maxIdf = index.idf("\u0000");
        double total = 0;
        double got = 0;
        for (String id : q.ids()) {
            total += maxIdf;
            if (cardIds.contains(id) || terms.contains(id.toLowerCase())) {
                got += maxIdf;
            }
        }
        for (String p : q.prefixes()) {
            total += maxIdf;
            for (String id : cardIds) {
                if (id.startsWith(p)) {
                    got += maxIdf;
                    break;
                }
            }
        }
        Set<String> synonymCovered = new HashSet<>();
        for (Synonyms.Match m : q.synonyms()) {
            if (groupTouches(m.group(), cardIds, terms)) {
                synonymCovered.addAll(q.tokens().subList(m.start(), m.end()));
            }
        }
        Set<String> done = new HashSet<>();
        for (String w : q.words()) {
            if (q.ids().contains(w.toUpperCase())) {
                continue;
            }
            for (String t : index.analyze(w)) {
                if (!done.add(t)) {
                    continue;
                }
                double idf = ParsedQuery.DOMAIN_WORDS.contains(w) ? DOMAIN_WEIGHT : index.idf(t);
                total += idf;
                if (synonymCovered.contains(w) || (terms.contains(t) && !q.corrected().contains(w))) {
                    got += idf;
                } else if (terms.contains(t) || (index.docFreq(t) == 0 && typoOf(t, terms))) {
                    got += FUZZY_CREDIT * idf;
                }
            }
        }
        return total == 0 ? 0 : got / total;
    }

    private boolean groupTouches(Synonyms.Group g, Set<String> cardIds, Set<String> terms) {
        for (String id : g.ids()) {
            if (cardIds.contains(id)) {
                return true;
            }
        }
        for (List<String> ts : index.analyzedPhrases(g)) {
            if (!ts.isEmpty() && terms.containsAll(ts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typoOf(String typed, Set<String> terms) {
        for (String t : terms) {
            if (SearchIndex.closeEnough(typed, t)) {
                return true;
            }
        }
        return false;
    }

    /** The card's summary, or its fact that best matches the question (with the summary when it adds to it). */
    private String bestSentences(ParsedQuery q, Card card) {
        List<Set<String>> sentences = index.sentenceTerms(kb.ord(card.id()));
        Map<String, Double> wordIdf = new LinkedHashMap<>();
        for (String w : q.words()) {
            for (String t : index.analyze(w)) {
                wordIdf.computeIfAbsent(t, index::idf);
            }
        }
        double summaryScore = sentenceScore(sentences.get(0), q, card, wordIdf);
        Fact best = null;
        double bestScore = 0;
        for (int i = 0; i < card.facts().size(); i++) {
            double s = sentenceScore(sentences.get(i + 1), q, card, wordIdf);
            if (s > bestScore) {
                best = card.facts().get(i);
                bestScore = s;
            }
        }
        String text;
        if (best == null || bestScore <= summaryScore) {
            text = card.summary();
        } else if (card.summary().length() + best.text().length() <= 400) {
            text = card.summary() + " " + best.text();
        } else {
            text = firstSentence(card.summary()) + " " + best.text();
        }
        return text.startsWith(card.id()) || card.kind() != Kind.CODE ? text
                : card.id() + " (" + card.title() + "): " + text;
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return dot < 0 ? s : s.substring(0, dot + 1);
    }

    /**
     * How well a sentence answers the question: the IDF of each question word it holds, the ids it names
     * (not the card's own: every sentence of a card is about it), and half the weight of each synonym group
     * the question uses of which it holds a whole phrase.
     */
    private double sentenceScore(Set<String> terms, ParsedQuery q, Card card, Map<String, Double> wordIdf) {
        String own = card.id().toLowerCase();
        double s = 0;
        Set<String> done = new HashSet<>();
        for (String id : q.ids()) {
            String t = id.toLowerCase();
            if (!t.equals(own) && done.add(t) && terms.contains(t)) {
                s += index.idf("\u0000");
            }
        }
        for (Map.Entry<String, Double> e : wordIdf.entrySet()) {
            String t = e.getKey();
            if (!t.equals(own) && done.add(t) && terms.contains(t)) {
                s += e.getValue();
            }
        }
        for (Synonyms.Match m : q.synonyms()) {
            for (List<String> ts : index.analyzedPhrases(m.group())) {
                if (!ts.isEmpty() && terms.containsAll(ts) && !done.containsAll(ts)) {
                    double max = 0;
                    for (String t : ts) {
                        max = Math.max(max, index.idf(t));
                    }
                    s += 0.5 * max;
                    break;
                }
            }
        }
        return s;
    }

    /** A second card the question names (by id or synonym) that the top card is not. */
    private Optional<Card> seeAlso(ParsedQuery q, List<SearchIndex.Hit> hits, Card top) {
        Set<String> named = new HashSet<>(q.ids());
        for (Synonyms.Match m : q.synonyms()) {
            named.addAll(m.group().ids());
        }
        for (int i = 1; i < Math.min(hits.size(), 3); i++) {
            Card c = index.cards().get(hits.get(i).ord());
            if (!c.id().equals(top.id()) && named.contains(c.id())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private Answer dontKnow(ParsedQuery q, double confidence) {
        List<String> unknownCodes = new ArrayList<>();
        for (String c : q.codes()) {
            if (kb.card(c).isEmpty()) {
                unknownCodes.add(c);
            }
        }
        String text;
        if (!unknownCodes.isEmpty()) {
            text = "I don't know: " + String.join(", ", unknownCodes) + (unknownCodes.size() == 1 ? " is" : " are")
                    + " not in the Minutewise knowledge base (our code catalog covers outpatient PT, OT and SLP "
                    + "codes; a licensed CPT file can be loaded with --cpt-file).";
        } else {
            text = "I don't know: nothing in the Minutewise knowledge base answers that well enough, so I won't "
                    + "guess. Try other words, a code (97112), a modifier (GP) or `minutewise search`.";
        }
        return new Answer(text, List.of(), false, round(confidence));
    }

    /** The hits as scored cards, best first, with the pinned cards (the ones the answer rests on) in front. */
    private List<ScoredCard> scored(List<SearchIndex.Hit> hits, List<String> pinned) {
        List<ScoredCard> out = new ArrayList<>();
        double topScore = hits.isEmpty() ? 1.0 : hits.get(0).score();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pinned.size() && out.size() < KnowledgeBase.ASK_CARDS; i++) {
            Optional<Card> c = kb.card(pinned.get(i));
            if (c.isPresent() && seen.add(c.get().id())) {
                out.add(new ScoredCard(c.get(), round(topScore + pinned.size() - i)));
            }
        }
        for (SearchIndex.Hit h : hits) {
            if (out.size() >= KnowledgeBase.ASK_CARDS) {
                break;
            }
            Card c = index.cards().get(h.ord());
            if (seen.add(c.id())) {
                out.add(new ScoredCard(c, round(h.score())));
            }
        }
        return out;
    }

    /**
     * "Can I bill two evaluations (an eval and a re-eval) on the same day?": the code cards match the words better
     * than the rule that answers it, so the rule is put first.
     */
    private static boolean evaluationsADay(ParsedQuery q) {
        List<String> t = q.tokens();
        int evals = 0;
        for (String w : t) {
            evals += EVALUATION_WORDS.contains(w) ? 1 : 0;
        }
        boolean several = evals >= 2 || containsAny(t, Set.of("two", "2", "both", "second", "another", "multiple"));
        boolean aDay = t.contains("day") && containsAny(t, Set.of("same", "per", "a", "one", "each"));
        return evals > 0 && several && aDay;
    }

    /**
     * The card a question's intent names when its words match another card better: two evaluations a day; an
     * assistant evaluating (MW-W009); a chiropractor's therapy to Medicare (MW-W001); what an assistant's service
     * takes to be billed (CQ or CO: the supervising therapist renders it).
     */
    private List<String> pinned(ParsedQuery q) {
        List<String> t = q.tokens();
        String id = null;
        boolean assistant = containsAny(t, ASSISTANT_WORDS);
        for (String c : q.codes()) {
            Optional<String> topic = kb.card(c).isEmpty() ? kb.topicOfCode(c) : Optional.empty();
            if (topic.isPresent()) {
                id = topic.get(); // "can a PT bill 20560 to Medicare": the dry-needling card
                break;
            }
        }
        if (id != null) {
            // the topic card of a code the question names
        } else if (evaluationsADay(q)) {
            id = EVALUATIONS_A_DAY;
        } else if (assistant && (containsAny(t, EVALUATION_WORDS) || q.codes().stream().anyMatch(c -> {
            CodeInfo info = kb.codes().getOrNull(c);
            return info != null && info.evaluation();
        }))) {
            // "can a PTA do a re-evaluation", "can a PTA bill 97164": assistants may not evaluate.
            id = ASSISTANT_EVALUATES;
        } else if (containsAny(t, CHIROPRACTOR_WORDS) && t.contains("medicare") && !q.codes().stream()
                .anyMatch(c -> c.startsWith("9894"))) {
            id = "MW-W001";
        } else if (q.wants().orElse(null) == Kind.DIAGNOSIS && containsAny(t, STROKE_WORDS)
                && !containsAny(t, Set.of("acute", "inpatient", "hospital", "hospitalized", "er", "emergency"))
                && q.ids().stream().noneMatch(i -> kb.card(i).map(c -> c.kind() == Kind.DIAGNOSIS).orElse(false))) {
            // "ICD-10 for CVA", "dx for history of stroke": therapy after a stroke codes its sequelae (I69.3-), not
            // the acute episode (I63) (ICD-10-CM guidelines I.C.9.d).
            id = STROKE_SEQUELAE;
        } else if (q.wants().orElse(null) == Kind.DIAGNOSIS && q.codes().contains("97112")
                && q.ids().stream().noneMatch(i -> kb.card(i).map(c -> c.kind() == Kind.DIAGNOSIS).orElse(false))) {
            // "What diagnosis supports 97112?": the rule that says which do (no diagnosis named to look up).
            id = "MW-D004";
        } else if (assistant && containsAny(t, BILLING_WORDS) && q.ids().stream().noneMatch(MODIFIER_IDS::contains)) {
            id = containsAny(t, Set.of("ota", "cota", "occupational")) ? "CO" : "CQ";
        }
        return id != null && kb.card(id).isPresent() ? List.of(id) : List.of();
    }

    /**
     * A deleted code asked about ("can I bill G0515 in 2026", "is 97532 valid in 2026", "what code replaced 97762"):
     * whether it is valid for the year named, from the dates the catalog gives (RULES.md §1; MW-C005 blocks it
     * outside them), and what replaced it (its label says). Empty unless the question names one code with an end
     * date and a year or a word of its replacement.
     */
    private Optional<Answer> deletedCode(ParsedQuery q, List<SearchIndex.Hit> hits, List<String> known) {
        if (known.size() != 1 || !q.minutes().isEmpty()) {
            return Optional.empty();
        }
        String code = known.get(0);
        CodeInfo info = kb.codes().getOrNull(code);
        Optional<String> year = year(q);
        if (info == null || info.effectiveTo().isEmpty()
                || year.isEmpty() && !containsAny(q.tokens(), REPLACED_WORDS)) {
            return Optional.empty();
        }
        java.time.LocalDate from = info.effectiveFrom();
        java.time.LocalDate to = info.effectiveTo().get();
        String dates = "valid for dates of service from " + from + " to " + to + " only";
        String text;
        if (year.isEmpty()) {
            text = code + " was deleted: it is " + dates + "; a claim with it after that is rejected (Minutewise "
                    + "blocks it as MW-C005).";
        } else {
            int y = Integer.parseInt(year.get());
            if (y > to.getYear()) {
                text = "No, not for " + y + ": " + code + " was deleted. It is " + dates + ", so a claim for a " + y
                        + " date of service with it is rejected (Minutewise blocks it as MW-C005).";
            } else if (y < from.getYear()) {
                text = "No, not for " + y + ": " + code + " did not exist yet. It is " + dates + " (Minutewise "
                        + "blocks it outside them as MW-C005).";
            } else {
                text = "Yes for " + y + ", within its dates: " + code + " is " + dates + "; after " + to
                        + " a claim with it is rejected (Minutewise blocks it as MW-C005).";
            }
        }
        Card card = kb.card(code).orElseThrow();
        text += " " + code + ": " + info.label() + ". Source: " + card.citation()
                + (card.citation().contains("RULES.md §1") ? "" : "; RULES.md §1") + ".";
        List<String> pinned = new ArrayList<>(List.of(code));
        if (kb.card("MW-C005").isPresent()) {
            pinned.add("MW-C005");
        }
        return Optional.of(new Answer(text, scored(hits, pinned), true, 1.0));
    }

    /** A year the question names (2000-2099), if any. */
    private static Optional<String> year(ParsedQuery q) {
        for (String t : q.tokens()) {
            if (t.length() == 4 && YEAR.matcher(t).matches()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean containsAny(List<String> tokens, Set<String> words) {
        for (String t : tokens) {
            if (words.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static double round(double d) {
        return Math.round(d * 1000.0) / 1000.0;
    }
}
