package org.minutewise.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * The Lucene index over the cards, in memory (ByteBuffersDirectory), built once and then read-only, so
 * searches may run from many threads.
 *
 * <p>Ranking, strongest first: a card whose id the text names exactly (97112, GP, MW-U003, I69); a card a
 * synonym group names (NMR is 97112); a code whose id starts with a prefix of the text (9716); then BM25 over
 * title (x3), extra search words (x2) and body, each word of the text matched exactly (stemmed), through its
 * synonyms, and, for a word of 4 letters or more that the index does not hold, within 1 or 2 edits (typos).
 */
final class SearchIndex {
    static final String ID = "id";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String KEYWORDS = "keywords";
    static final String BODY = "body";
    static final String ALL = "all";
    private static final String ORD = "ord";
    private static final String[] TEXT_FIELDS = {TITLE, KEYWORDS, BODY};
    private static final float[] FIELD_BOOSTS = {3f, 2f, 1f};

    static final float EXACT_ID_BOOST = 30f;
    static final float SYNONYM_ID_BOOST = 8f;
    static final float PREFIX_BOOST = 4f;
    static final float SYNONYM_TEXT_BOOST = 0.6f;
    static final float FUZZY_BOOST = 0.5f;
    static final float KIND_BOOST = 5f;
    /** A small preference for code cards when the question asks for no kind. */
    static final float CODE_PREFERENCE = 1.5f;
    /** Phrases of a synonym group added to the query: the first ones (the canonical names) only. */
    static final int MAX_EXPANSIONS = 6;
    /** Fewer when the group names its cards: the id boost already finds them. */
    static final int MAX_EXPANSIONS_WITH_IDS = 3;
    /** Distinct words searched at most (Lucene refuses a query of more than 1024 clauses). */
    static final int MAX_WORDS = 40;

    private final List<Card> cards;
    private final Analyzer analyzer = new TherapyAnalyzer();
    private final IndexSearcher searcher;
    private final List<Set<String>> termsByCard;
    /** Per card: the analyzed terms of its summary, then of each fact ("topic: text"), for picking answers. */
    private final List<List<Set<String>>> sentenceTerms;
    private final Map<String, Kind> kindById;
    private final Map<Synonyms.Group, List<List<String>>> phraseCache = new ConcurrentHashMap<>();
    /** One segment, no deletions: a hit's doc id is its card's position, no stored field to read. */
    private final boolean docIdIsOrd;
    private final int docCount;

    SearchIndex(List<Card> cards) {
        this.cards = List.copyOf(cards);
        List<Set<String>> terms = new ArrayList<>(cards.size());
        List<List<Set<String>>> sentences = new ArrayList<>(cards.size());
        // Each file as one buffer: cheaper slices for the many small term and postings reads of a query.
        ByteBuffersDirectory dir = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < cards.size(); i++) {
                Card c = cards.get(i);
                Document d = new Document();
                d.add(new StringField(ID, c.id(), Field.Store.NO));
                d.add(new StringField(KIND, c.kind().wire(), Field.Store.NO));
                d.add(new StoredField(ORD, i));
                d.add(new TextField(TITLE, c.title() + " " + c.id(), Field.Store.NO));
                d.add(new TextField(KEYWORDS, String.join(" ; ", c.keywords()), Field.Store.NO));
                String body = body(c);
                d.add(new TextField(BODY, body, Field.Store.NO));
                String all = c.id() + " " + c.title() + " " + String.join(" ; ", c.keywords()) + " " + body;
                d.add(new TextField(ALL, all, Field.Store.NO));
                w.addDocument(d);
                terms.add(Set.copyOf(analyze(all)));
                List<Set<String>> ss = new ArrayList<>(c.facts().size() + 1);
                ss.add(Set.copyOf(analyze(c.summary())));
                for (Fact f : c.facts()) {
                    ss.add(Set.copyOf(analyze(f.topic() + ": " + f.text())));
                }
                sentences.add(List.copyOf(ss));
            }
            w.forceMerge(1);
            w.commit();
            DirectoryReader reader = DirectoryReader.open(dir);
            this.searcher = new IndexSearcher(reader);
            // A few hundred cards: caching clause results costs more than it saves.
            this.searcher.setQueryCache(null);
            this.docIdIsOrd = reader.leaves().size() == 1 && reader.maxDoc() == cards.size() && !reader.hasDeletions();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.termsByCard = List.copyOf(terms);
        this.sentenceTerms = List.copyOf(sentences);
        Map<String, Kind> kinds = new HashMap<>();
        for (Card c : cards) {
            kinds.put(c.id(), c.kind());
        }
        this.kindById = Map.copyOf(kinds);
        this.docCount = cards.size();
    }

    private static String body(Card c) {
        StringBuilder sb = new StringBuilder(c.summary());
        for (Fact f : c.facts()) {
            sb.append(" ; ").append(f.topic()).append(": ").append(f.text());
        }
        return sb.toString();
    }

    List<Card> cards() {
        return cards;
    }

    /** The phrases of a synonym group as the index's terms (analyzed once, then kept). */
    List<List<String>> analyzedPhrases(Synonyms.Group g) {
        return phraseCache.computeIfAbsent(g, k -> {
            List<List<String>> out = new ArrayList<>();
            for (List<String> p : k.phrases()) {
                out.add(List.copyOf(analyze(String.join(" ", p))));
            }
            return List.copyOf(out);
        });
    }

    /** The analyzed terms of a card (for coverage and for picking the sentence that answers). */
    Set<String> terms(Card c, int ord) {
        return ord >= 0 && ord < termsByCard.size() && cards.get(ord) == c ? termsByCard.get(ord) : Set.copyOf(
                analyze(c.id() + " " + c.title() + " " + String.join(" ", c.keywords()) + " " + body(c)));
    }

    Set<String> terms(int ord) {
        return termsByCard.get(ord);
    }

    /** The analyzed terms of the card's summary (index 0) and of each of its facts (1..n), in order. */
    List<Set<String>> sentenceTerms(int ord) {
        return sentenceTerms.get(ord);
    }

    /** Lower-cased, stop words out, Porter-stemmed: what the index holds. */
    List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(ALL, text)) {
            CharTermAttribute a = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(a.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** How many cards hold the term (any field). */
    int docFreq(String term) {
        try {
            return searcher.getIndexReader().docFreq(new Term(ALL, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25's inverse document frequency of a term; a term no card holds gets the highest. */
    double idf(String term) {
        int df = docFreq(term);
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }

    /** One hit: the card's position in {@link #cards()} and its score. */
    record Hit(int ord, float score) {
    }

    List<Hit> search(ParsedQuery q, int limit) {
        Query query = query(q);
        if (query == null || limit <= 0) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(query, limit);
            List<Hit> out = new ArrayList<>(top.scoreDocs.length);
            var stored = docIdIsOrd ? null : searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                int ord = stored == null ? sd.doc : stored.document(sd.doc).getField(ORD).numericValue().intValue();
                out.add(new Hit(ord, sd.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query for a parsed text; null when it holds nothing to search for. */
    Query query(ParsedQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String id : q.ids()) {
            b.add(constant(new TermQuery(new Term(ID, id)), EXACT_ID_BOOST), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String p : q.prefixes()) {
            b.add(constant(new PrefixQuery(new Term(ID, p)), PREFIX_BOOST), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        // Words of a phrase a synonym naming cards already reads ("neuro re-ed" is 97112) are not searched again on
        // their own: "re" and "ed" alone brought the re-evaluations up behind it. A synonym of one word ("balance")
        // is still a word of the text: the cards that hold it (R26.81's gait-balance group) rank by it, not only by
        // the group's phrases (every diagnosis card that supports 97112 says "neuromuscular reeducation").
        Set<String> named = new HashSet<>();
        for (Synonyms.Match m : q.synonyms()) {
            if (!m.group().ids().isEmpty() && m.end() - m.start() > 1) {
                named.addAll(q.tokens().subList(m.start(), m.end()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String w : q.words()) {
            if (named.contains(w)) {
                continue;
            }
            for (String t : analyze(w)) {
                if (seen.size() < MAX_WORDS && seen.add(t)) {
                    b.add(termQuery(t, 1f, true), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        Set<String> boostedIds = new HashSet<>(q.ids());
        Set<Synonyms.Group> groups = new HashSet<>();
        for (Synonyms.Match m : q.synonyms()) {
            if (!groups.add(m.group()) || groups.size() > MAX_WORDS) {
                continue;
            }
            for (String id : m.group().ids()) {
                if (boostedIds.add(id)) {
                    // "modifier for speech therapy" asks for a modifier: the speech code is a lesser match.
                    Kind k = kindById.get(id);
                    float boost = q.wants().isPresent() && k != null && k != q.wants().get()
                            ? SYNONYM_ID_BOOST / 2 : SYNONYM_ID_BOOST;
                    b.add(constant(new TermQuery(new Term(ID, id)), boost), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
            int expansions = 0;
            int maxExpansions = m.group().ids().isEmpty() ? MAX_EXPANSIONS : MAX_EXPANSIONS_WITH_IDS;
            for (List<String> terms : analyzedPhrases(m.group())) {
                if (terms.isEmpty() || (terms.size() == 1 && seen.contains(terms.get(0)))) {
                    continue;
                }
                if (expansions++ >= maxExpansions) {
                    break;
                }
                Query pq = terms.size() == 1 ? termQuery(terms.get(0), SYNONYM_TEXT_BOOST, false)
                        : phraseQuery(terms, SYNONYM_TEXT_BOOST);
                b.add(pq, BooleanClause.Occur.SHOULD);
                clauses++;
                if (terms.size() == 1) {
                    seen.add(terms.get(0));
                }
            }
        }
        if (clauses == 0) {
            return null;
        }
        if (q.wants().isEmpty()) {
            // Asked for no kind: a code card that matches edges out a finding card that only mentions the code
            // (the finding catalog grows; "nueromuscular" is 97112 before the findings about 97112).
            return new BooleanQuery.Builder()
                    .add(b.build(), BooleanClause.Occur.MUST)
                    .add(constant(new TermQuery(new Term(KIND, Kind.CODE.wire())), CODE_PREFERENCE),
                            BooleanClause.Occur.SHOULD)
                    .build();
        }
        // The kind the question asks for lifts the cards that match it anyway; alone it matches nothing.
        return new BooleanQuery.Builder()
                .add(b.build(), BooleanClause.Occur.MUST)
                .add(constant(new TermQuery(new Term(KIND, q.wants().get().wire())), KIND_BOOST),
                        BooleanClause.Occur.SHOULD)
                .build();
    }

    private Query termQuery(String term, float boost, boolean fuzzy) {
        List<Query> perField = new ArrayList<>();
        boolean typo = fuzzy && term.length() >= 4 && !QueryText.isNumber(term) && docFreq(term) == 0;
        for (int f = 0; f < TEXT_FIELDS.length; f++) {
            Term t = new Term(TEXT_FIELDS[f], term);
            perField.add(new BoostQuery(new TermQuery(t), FIELD_BOOSTS[f] * boost));
            if (typo) {
                int edits = maxEdits(term);
                perField.add(new BoostQuery(new FuzzyQuery(t, edits, 1, 20, true), FIELD_BOOSTS[f] * boost * FUZZY_BOOST));
            }
        }
        return new DisjunctionMaxQuery(perField, 0.3f);
    }

    private static Query phraseQuery(List<String> terms, float boost) {
        List<Query> perField = new ArrayList<>();
        for (int f = 0; f < TEXT_FIELDS.length; f++) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            pb.setSlop(1);
            for (String t : terms) {
                pb.add(new Term(TEXT_FIELDS[f], t));
            }
            perField.add(new BoostQuery(pb.build(), FIELD_BOOSTS[f] * boost));
        }
        return new DisjunctionMaxQuery(perField, 0.3f);
    }

    private static Query constant(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }

    /** Within 1 edit (4-7 letters) or 2 edits (8 or more), the first letter kept: how a typo is matched. */
    static boolean closeEnough(String typed, String known) {
        if (typed.length() < 4 || known.isEmpty() || typed.charAt(0) != known.charAt(0)) {
            return false;
        }
        int max = maxEdits(typed);
        if (Math.abs(typed.length() - known.length()) > max) {
            return false;
        }
        return distance(typed, known, max) <= max;
    }

    static int maxEdits(String typed) {
        return typed.length() >= 8 ? 2 : 1;
    }

    static int distance(String a, String b, int max) {
        return damerau(a, b, max);
    }

    /** Optimal string alignment distance, stopping early past max. */
    private static int damerau(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }

    /** Standard tokenizer, lower case, ASCII folding, possessives and English stop words out, Porter stems. */
    static final class TherapyAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream t = new LowerCaseFilter(source);
            t = new ASCIIFoldingFilter(t);
            t = new EnglishPossessiveFilter(t);
            t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            t = new PorterStemFilter(t);
            return new TokenStreamComponents(source, t);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
