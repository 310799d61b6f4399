package org.minutewise.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.DiagnosisCategory;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.refdata.RefData;

/**
 * Code lookup, search and ask over the project's own knowledge: one card per code of the catalog, per
 * modifier of RULES.md §4, per finding of the rule catalog and per rulebook topic, and per ICD-10-CM
 * category relevant to therapy. No network and no model: retrieval (Lucene, in memory) over these cards.
 *
 * <p>Immutable once built and safe to share between threads: a server can hold one instance
 * ({@link #standard()}) and call {@link #lookup}, {@link #search} and {@link #ask} from every request.
 */
public final class KnowledgeBase {
    /** Below this share of the question covered by the best card, {@link #ask} says it does not know. */
    public static final double MIN_CONFIDENCE = 0.5;
    /** The most cards a search lists, in the CLI and over HTTP alike. */
    public static final int MAX_SEARCH = 200;
    /** Below this share of the words covered by its best cards, a search finds nothing (ask needs more). */
    public static final double MIN_SEARCH_COVERAGE = 0.4;
    /** Text past this many characters is ignored: a question is a sentence or two, not a document. */
    public static final int MAX_TEXT = 500;
    /** How many cards {@link #ask} returns at most. */
    public static final int ASK_CARDS = 5;

    private static final Pattern MODIFIER_ID = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern RULE_ID = Pattern.compile("MW-[A-Z]\\d{3}");
    private static final Pattern ICD_ID = Pattern.compile("[A-Z]\\d[0-9A-Z](\\.[0-9A-Z]{1,4})?");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    private static volatile KnowledgeBase standard;

    private final String version;
    private final Map<String, Card> byId;
    /**
     * A code no card is about but a topic card names in its keywords (20560 and 20561, the dry-needling card): the
     * topic card's id, so a lookup of the code or a question naming it reaches the card.
     */
    private final Map<String, String> codeTopics;
    private final Map<String, Integer> ordById;
    private final List<String> sortedIds;
    private final Set<String> diagnosisIds;
    private final SearchIndex index;
    private final Synonyms synonyms;
    private final Speller speller;
    private final CodeCatalog codes;
    private final CodeEdits edits;
    /**
     * The engine's checker over the reference data: ask builds a visit of a question's minutes and checks it (built
     * once here, not per question).
     */
    private final VisitChecker checker;

    private KnowledgeBase(String version, List<Card> cards, Synonyms synonyms, ReferenceData ref, CodeEdits edits) {
        this.version = version;
        Map<String, Card> m = new LinkedHashMap<>();
        Map<String, Integer> ords = new LinkedHashMap<>();
        Set<String> dx = new HashSet<>();
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            if (m.put(c.id(), c) != null) {
                throw new IllegalStateException("two cards with id " + c.id());
            }
            ords.put(c.id(), i);
            if (c.kind() == Kind.DIAGNOSIS) {
                dx.add(c.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
        Map<String, String> topics = new HashMap<>();
        for (Card c : cards) {
            if (c.kind() == Kind.RULE) {
                for (String k : c.keywords()) {
                    if (ProcedureCode.isWellFormed(k) && !m.containsKey(k)) {
                        topics.putIfAbsent(k, c.id());
                    }
                }
            }
        }
        this.codeTopics = Collections.unmodifiableMap(topics);
        this.ordById = Collections.unmodifiableMap(ords);
        List<String> ids = new ArrayList<>(m.keySet());
        Collections.sort(ids);
        this.sortedIds = List.copyOf(ids);
        this.diagnosisIds = Set.copyOf(dx);
        this.index = new SearchIndex(cards);
        this.synonyms = synonyms;
        this.speller = Speller.of(cards, synonyms, word -> {
            for (String t : index.analyze(word)) {
                if (index.docFreq(t) > 0) {
                    return true;
                }
            }
            return false;
        });
        this.checker = new VisitChecker(ref);
        this.codes = ref.codes();
        this.edits = edits;
    }

    /** The knowledge base of the shipped data (built on first use, then shared). */
    public static KnowledgeBase standard() {
        KnowledgeBase kb = standard;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = standard;
                if (kb == null) {
                    kb = builder().build();
                    standard = kb;
                }
            }
        }
        return kb;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The version of the knowledge data file and of the code catalog: "2026.1 (codes 2026.1)". */
    public String version() {
        return version;
    }

    /** Every card, in order: codes, modifiers, rules, diagnoses. */
    public List<Card> cards() {
        return index.cards();
    }

    /**
     * The cards to suggest for an id the knowledge base does not hold: the search's best, else for a well-formed
     * procedure code its neighbours by its first four characters (97111: 97110, 97112, 97113), else the code cards
     * nearest to it in number (97999: the highest therapy codes), at most {@code limit}.
     */
    public List<ScoredCard> suggestions(String id, int limit) {
        List<ScoredCard> near = search(id, limit);
        String code = id.trim().toUpperCase(java.util.Locale.ROOT);
        if (!near.isEmpty() || code.length() != 5 || !ProcedureCode.isWellFormed(code)) {
            return near;
        }
        near = search(code.substring(0, 4), limit);
        if (!near.isEmpty() || !Character.isDigit(code.charAt(0))) {
            return near;
        }
        int value = Integer.parseInt(code.substring(0, 4)) * 10 + (Character.isDigit(code.charAt(4))
                ? code.charAt(4) - '0' : 0);
        List<Card> codes = new ArrayList<>();
        for (Card c : cards(Kind.CODE)) {
            if (c.id().length() == 5 && c.id().chars().allMatch(Character::isDigit)) {
                codes.add(c);
            }
        }
        codes.sort(java.util.Comparator.comparingInt((Card c) -> Math.abs(Integer.parseInt(c.id()) - value))
                .thenComparing(Card::id));
        List<ScoredCard> out = new ArrayList<>(limit);
        for (Card c : codes.subList(0, Math.min(limit, codes.size()))) {
            out.add(new ScoredCard(c, 1.0 / (1 + Math.abs(Integer.parseInt(c.id()) - value))));
        }
        return out;
    }

    public List<Card> cards(Kind kind) {
        List<Card> out = new ArrayList<>();
        for (Card c : index.cards()) {
            if (c.kind() == kind) {
                out.add(c);
            }
        }
        return out;
    }

    /** The NCCI pairs and unit limits the code cards show. */
    public CodeEdits edits() {
        return edits;
    }

    /**
     * Whether text has the shape of a card id: a CPT/HCPCS code (97112, G0283), a modifier (GP, 59), a
     * finding (MW-U003), an ICD-10-CM code (I69, I69.351) or a rulebook topic (cms-total-time). Case and
     * surrounding blanks do not matter.
     */
    public static boolean isWellFormedId(String id) {
        if (id == null) {
            return false;
        }
        String t = id.strip();
        String up = t.toUpperCase(Locale.ROOT);
        return ProcedureCode.isWellFormed(up) || MODIFIER_ID.matcher(up).matches() || RULE_ID.matcher(up).matches()
                || ICD_ID.matcher(up).matches() || TOPIC_ID.matcher(t.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * What to say before a category's card shown for a fuller ICD-10-CM code ("R26.81" gives R26.8's card): the
     * embedded data holds categories, not every code, so the code's own title is unknown and so is whether it
     * exists at all (I69.999 does not). Empty when the card is the code's own.
     */
    public static Optional<String> categoryNote(String query, Card card) {
        if (query == null || card == null || card.kind() != Kind.DIAGNOSIS) {
            return Optional.empty();
        }
        String code = query.strip().toUpperCase(Locale.ROOT);
        if (code.equals(card.id())) {
            return Optional.empty();
        }
        return Optional.of(code + " falls under category " + card.id() + " (" + card.title() + "). Its own title is "
                + "not in the embedded data, so Minutewise cannot confirm that " + code + " is a valid ICD-10-CM "
                + "code; load the CMS code file (--icd10-file) to look it up. The category's card:");
    }

    /**
     * The card with this id (case does not matter). An ICD-10-CM code that has no card of its own gives the
     * card of its category (I69.351 gives I69). Empty when there is none.
     */
    public Optional<Card> lookup(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String t = id.strip();
        Card c = byId.get(t);
        if (c == null) {
            c = byId.get(t.toUpperCase(Locale.ROOT));
        }
        if (c == null) {
            c = byId.get(t.toLowerCase(Locale.ROOT));
        }
        if (c == null && ICD_ID.matcher(t.toUpperCase(Locale.ROOT)).matches()) {
            ParsedQuery q = parse(t);
            for (String found : q.ids()) {
                Card d = byId.get(found);
                if (d != null && d.kind() == Kind.DIAGNOSIS) {
                    return Optional.of(d);
                }
            }
        }
        return c != null ? Optional.of(c) : topicOfCode(t.toUpperCase(Locale.ROOT)).map(byId::get);
    }

    /** The topic card that names a code no card is about (20560: dry-needling), if any. */
    Optional<String> topicOfCode(String code) {
        return Optional.ofNullable(codeTopics.get(code));
    }

    /** The best cards for a text (words, codes, prefixes, synonyms, typos), best first; at most limit. */
    public List<ScoredCard> search(String text, int limit) {
        ParsedQuery q = parse(text);
        List<ScoredCard> out = new ArrayList<>();
        List<SearchIndex.Hit> hits = index.search(q, limit);
        if (!hits.isEmpty() && new Asker(this).confidence(q, hits) < MIN_SEARCH_COVERAGE) {
            // The best cards hold too little of the words ("kinesio taping" matched only by near spellings): a list
            // of them would look like an answer.
            return out;
        }
        for (SearchIndex.Hit h : hits) {
            out.add(new ScoredCard(index.cards().get(h.ord()), h.score()));
        }
        return out;
    }

    /**
     * A question in plain words: the best cards and a short answer assembled from them, with its source.
     * When the best card covers too little of the question ({@link #MIN_CONFIDENCE}), the answer says it
     * does not know and lists no card.
     */
    public Answer ask(String question) {
        return new Asker(this).ask(parse(question));
    }

    ParsedQuery parse(String text) {
        String t = text == null ? "" : text;
        if (t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        ParsedQuery q = ParsedQuery.parse(t, byId, sortedIds, diagnosisIds, speller);
        return q.withSynonyms(synonyms.find(q.tokens(), QueryText.rawTokens(t)), byId, codes).withEach(codes);
    }

    SearchIndex index() {
        return index;
    }

    CodeCatalog codes() {
        return codes;
    }

    VisitChecker checker() {
        return checker;
    }

    Optional<Card> card(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    int ord(String id) {
        Integer o = ordById.get(id);
        return o == null ? -1 : o;
    }

    /** Assembles a knowledge base: the shipped data, and what a user adds. */
    public static final class Builder {
        private ReferenceData ref;
        private RuleBook rules;
        private CodeEdits edits;
        private final List<Descriptor> cpt = new ArrayList<>();
        private final List<Descriptor> icd = new ArrayList<>();
        private final List<HcpcsFile.Entry> hcpcs = new ArrayList<>();

        private Builder() {
        }

        /** The reference data (codes, diagnoses); default {@link RefData#defaults()}. */
        public Builder reference(ReferenceData r) {
            this.ref = r;
            return this;
        }

        /** The rule catalog the rule cards come from; default {@link RuleBook#standard()}. */
        public Builder rules(RuleBook r) {
            this.rules = r;
            return this;
        }

        /**
         * Where the code cards' NCCI pairs and unit limits come from. Default: the starter table of
         * cards.json. A CMS edit table given here is shown first; the starter rows it lacks follow.
         */
        public Builder edits(CodeEdits e) {
            this.edits = e;
            return this;
        }

        /** A licensed CPT descriptor file (see {@link CptDescriptorFile} for the layout). */
        public Builder cptFile(Path file) {
            cpt.addAll(CptDescriptorFile.read(file));
            return this;
        }

        /** The public ICD-10-CM order or codes file (see {@link Icd10cmFile}). */
        public Builder icd10File(Path file) {
            icd.addAll(Icd10cmFile.read(file));
            return this;
        }

        /** The CMS HCPCS annual file (see {@link HcpcsFile}). */
        public Builder hcpcsFile(Path file) {
            hcpcs.addAll(HcpcsFile.read(file));
            return this;
        }

        public Builder cptDescriptors(List<Descriptor> ds) {
            cpt.addAll(ds);
            return this;
        }

        public Builder icd10Descriptors(List<Descriptor> ds) {
            icd.addAll(ds);
            return this;
        }

        public Builder hcpcsEntries(List<HcpcsFile.Entry> es) {
            hcpcs.addAll(es);
            return this;
        }

        public KnowledgeBase build() {
            ReferenceData r = ref != null ? ref : RefData.defaults();
            RuleBook rb = rules != null ? rules : RuleBook.standard();
            KnowledgeData data = loadData();
            // The edits the checks use (the reference data's PTP and MUE tables: the starter tables, or CMS's
            // files when loaded), with the notes of cards.json on the pairs and limits it writes about: a pair the
            // tables do not hold is not shown, so the cards cannot drift from the checks.
            CodeEdits starter = CodeEdits.fromTables(r.ptp(), r.mue(), data.pairs(), data.limits());
            CodeEdits e = edits != null ? edits.then(starter) : starter;
            List<Card> cards = new ArrayList<>();
            Set<String> catalogCodes = new HashSet<>();
            for (CodeInfo c : r.codes().all()) {
                cards.add(Cards.code(c, data.codes().get(c.code()), e, Cards.payment(c, r.fees(), r.codes())));
                catalogCodes.add(c.code());
            }
            Set<String> modifierIds = new HashSet<>();
            for (KnowledgeData.Entry m : data.modifiers()) {
                cards.add(Cards.modifierOrRule(Kind.MODIFIER, m));
                modifierIds.add(m.id());
            }
            // Every other modifier of the reference data's list (95, GT, 52, ...): what the list says of it.
            for (Map.Entry<String, String> m : r.codes().modifiers().entrySet()) {
                if (modifierIds.add(m.getKey())) {
                    cards.add(Cards.listedModifier(m.getKey(), m.getValue()));
                }
            }
            for (RuleInfo info : rb.catalog()) {
                cards.add(Cards.finding(info, data.findings().get(info.id())));
            }
            for (KnowledgeData.Entry t : data.rules()) {
                cards.add(Cards.modifierOrRule(Kind.RULE, t));
            }
            Cards.yearlyFigures(r.fees()).ifPresent(cards::add);
            Set<String> categories = new HashSet<>();
            for (DiagnosisCategory d : r.diagnoses().all()) {
                cards.add(Cards.diagnosis(d, data.diagnoses().get(d.category())));
                categories.add(d.category());
            }
            addLoaded(cards, catalogCodes, modifierIds, categories);
            Synonyms syn = loadSynonyms();
            return new KnowledgeBase(data.version() + " (codes " + r.codes().version() + ", diagnoses "
                    + r.diagnoses().version() + ")", cards, syn, r, e);
        }

        private void addLoaded(List<Card> cards, Set<String> catalogCodes, Set<String> modifierIds,
                               Set<String> categories) {
            Map<String, List<Fact>> extra = new LinkedHashMap<>();
            Map<String, List<String>> extraSources = new LinkedHashMap<>();
            List<Card> added = new ArrayList<>();
            Set<String> addedIds = new HashSet<>();
            for (Descriptor d : cpt) {
                if (catalogCodes.contains(d.code())) {
                    note(extra, extraSources, d.code(), "CPT descriptor (licensed file)", d);
                } else if (addedIds.add(d.code())) {
                    added.add(Cards.loadedCode(d));
                }
            }
            for (HcpcsFile.Entry h : hcpcs) {
                Descriptor d = h.descriptor();
                boolean known = h.modifier() ? modifierIds.contains(d.code()) : catalogCodes.contains(d.code());
                if (known) {
                    note(extra, extraSources, d.code(), "HCPCS descriptor", d);
                } else if (addedIds.add(d.code())) {
                    added.add(h.modifier() ? Cards.loadedModifier(d) : Cards.loadedCode(d));
                }
            }
            for (Descriptor d : icd) {
                if (categories.contains(d.code())) {
                    note(extra, extraSources, d.code(), "ICD-10-CM title", d);
                } else if (addedIds.add(d.code())) {
                    added.add(Cards.loadedDiagnosis(d));
                }
            }
            for (int i = 0; i < cards.size(); i++) {
                Card c = cards.get(i);
                List<Fact> more = extra.get(c.id());
                if (more != null) {
                    cards.set(i, c.withFacts(more, extraSources.get(c.id())));
                }
            }
            cards.addAll(added);
        }

        private static void note(Map<String, List<Fact>> extra, Map<String, List<String>> sources, String id,
                                 String topic, Descriptor d) {
            extra.computeIfAbsent(id, k -> new ArrayList<>()).add(new Fact(topic, d.text()));
            sources.computeIfAbsent(id, k -> new ArrayList<>()).add(d.source());
        }

        private static KnowledgeData loadData() {
            try (InputStream in = resource("cards.json")) {
                return KnowledgeData.load(in, "cards.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Synonyms loadSynonyms() {
            try (InputStream in = resource("synonyms.txt")) {
                return Synonyms.load(in, "synonyms.txt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = KnowledgeBase.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("knowledge data missing from the jar: " + name);
            }
            return in;
        }
    }
}
