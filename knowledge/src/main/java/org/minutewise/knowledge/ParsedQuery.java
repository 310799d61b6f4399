package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minutewise.core.codes.ProcedureCode;

/**
 * A question or search text taken apart: the card ids it names, code prefixes, minute counts, synonym
 * phrases, and the words left for full-text search.
 *
 * @param ids      card ids named exactly (97112, GP, MW-U003, I69; an ICD-10-CM code maps to its category)
 * @param codes    every well-formed CPT/HCPCS code named, known or not, in order
 * @param prefixes code prefixes (3-4 digits that begin some card id: 9716)
 * @param minutes  minute counts ("38 minutes", "20 min"), each with the code written just before it, if any
 * @param words    lower-case tokens for full-text search (question words and bare numbers left out)
 * @param corrected the words that are typo corrections (the speller's output), for a lesser credit
 * @param wants    the kind of card the question asks for, when it says ("dx code": diagnosis, "what modifier":
 *                 modifier, "which cpt": code)
 */
record ParsedQuery(String text, List<String> tokens, List<String> ids, List<String> codes, List<String> prefixes,
                   List<Minutes> minutes, List<Synonyms.Match> synonyms, List<String> words, Set<String> corrected,
                   Optional<Kind> wants) {

    /**
     * "97110 for 20 min": code 97110 (or "" when none is written just before), 20 minutes, at token {@code at}.
     *
     * @param among when a word names several codes, all untimed ("pt eval": 97161, 97162, 97163; "e stim": G0283,
     *              97014), those codes: the minutes are one of them, {@code code} the first (untimed like the rest,
     *              so the minutes are 1 unit and no timed minutes); empty otherwise
     */
    record Minutes(String code, int minutes, int at, List<String> among) {
        Minutes(String code, int minutes, int at) {
            this(code, minutes, at, List.of());
        }

        Minutes {
            among = List.copyOf(among);
        }

        Minutes withCode(String c) {
            return new Minutes(c, minutes, at, among);
        }
    }

    private static final Pattern RULE_ID = Pattern.compile("(?i)\\bMW-?([A-Z]\\d{3})\\b");
    private static final Pattern ICD = Pattern.compile("[A-Z]\\d[0-9A-Z](\\.[0-9A-Z]{1,4})?");
    /** Ids that are also everyday words or numbers: only taken as ids when written so or named a modifier. */
    private static final Set<String> AMBIGUOUS_WORDS = Set.of("AT", "GO", "GA", "CO", "XS");
    private static final Set<String> AMBIGUOUS_NUMBERS = Set.of("59", "96", "97");
    private static final Set<String> MODIFIER_WORDS = Set.of("modifier", "modifiers", "mod", "mods", "modifer",
            "modifers", "modifyer");
    /** Words that join the codes of a list: "97110 and 97535". */
    private static final Set<String> LIST_JOINERS = Set.of("and", "or");
    /** Words that join minutes to the code after them: "20 min of 97112". */
    private static final Set<String> OF_WORDS = Set.of("of", "doing", "on");
    /** "the 8 minute rule" names the rule: no minutes. */
    private static final Set<String> RULE_WORDS = Set.of("rule", "rules");
    static final Set<String> MINUTE_WORDS = Set.of("min", "mins", "minute", "minutes", "mns", "minuets");
    /** Words of a question that say nothing about its subject. */
    static final Set<String> QUESTION_WORDS = Set.of("what", "whats", "which", "who", "whom", "when", "where", "why",
            "how", "do", "does", "did", "can", "could", "should", "would", "will", "may", "might", "must", "i", "im",
            "ive", "we", "you", "your", "my", "our", "me", "us", "they", "them", "it", "its", "is", "are", "was",
            "were", "be", "been", "being", "am", "the", "a", "an", "for", "to", "of", "in", "on", "at", "by", "with",
            "and", "or", "if", "so", "that", "this", "these", "those", "there", "here", "from", "about", "into",
            "code", "codes", "cpt", "bill", "billing", "billed", "bills", "use", "used", "using", "need", "needs",
            "needed", "get", "got", "ok", "okay", "please", "pls", "plz", "hi", "hey", "thanks", "thx", "any",
            "anything", "some", "someone", "tell", "know", "right", "correct", "proper", "supposed", "want",
            "also", "just", "really", "still", "ever", "allowed", "go", "goes", "put", "u", "ur", "one", "have",
            "has", "had", "yes", "whether", "than", "then", "as", "too", "per", "vs", "versus", "often", "difference",
            "didnt", "dont", "doesnt", "isnt", "cant", "wont", "arent", "mean", "means", "meaning", "explain", "say",
            "says", "regarding", "wondering", "question", "quick", "anyone", "guys", "folks");
    /** Words of the trade that say little alone: a question is not "unknown" for using them (see Asker). */
    static final Set<String> DOMAIN_WORDS = Set.of("insurance", "insurances", "insurer", "payer", "payers", "payor",
            "payors", "claim", "claims", "patient", "patients", "pt", "pts", "client", "clients", "therapy", "therapies",
            "therapist", "therapists", "clinic", "clinics", "visit", "visits", "session", "sessions", "day", "days",
            "today", "time", "times", "rule", "rules", "billable", "pay", "paid", "pays", "payment", "cover", "covered",
            "coverage", "deny", "denied", "denial", "denials", "pass", "icd", "icd10", "dx", "diagnosis", "z", "cpt",
            "hcpcs", "work", "works", "treated", "treat", "treatment", "did", "done", "do", "count", "counts",
            "number", "correct", "way", "kind", "type", "sure", "policy", "guideline", "guidelines", "requirement",
            "requirements", "required", "require", "medicare", "commercial", "private", "office", "practice", "new",
            "first", "cms", "report", "reported");
    private static final Set<String> DIAGNOSIS_WORDS = Set.of("dx", "icd", "icd10", "diagnosis", "diagnoses", "diag");
    private static final Set<String> CODE_WORDS = Set.of("code", "codes", "cpt", "hcpcs");

    static ParsedQuery parse(String text, Map<String, Card> byId, List<String> sortedIds, Set<String> diagnosisIds,
                             Speller speller) {
        String t = text == null ? "" : text;
        List<String> raw = codeLike(QueryText.rawTokens(t), byId, sortedIds);
        List<String> tokens = new ArrayList<>(raw.size());
        Set<String> corrected = new HashSet<>();
        for (String r : raw) {
            String lower = r.toLowerCase(Locale.ROOT);
            boolean hasDigit = !lower.chars().allMatch(Character::isLetter);
            String fixed = hasDigit || byId.containsKey(r.toUpperCase(Locale.ROOT)) ? lower : speller.correct(lower);
            if (!fixed.equals(lower)) {
                corrected.add(fixed);
            }
            tokens.add(fixed);
        }
        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<Minutes> minutes = new ArrayList<>();
        boolean[] used = new boolean[tokens.size()];

        Matcher m = RULE_ID.matcher(t);
        while (m.find()) {
            String id = "MW-" + m.group(1).toUpperCase(Locale.ROOT);
            if (byId.containsKey(id) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        String lastCode = "";
        int lastCodeAt = -10;
        // A code that already owns the minutes written before it ("20 min of 97112") owns no later ones.
        int claimedAt = -1;
        // For each minutes: the code written just before ("97110 20 min") and just after ("20 min 97110"), when
        // no "of" ties them to one; a question keeps to one way, chosen below.
        List<String> codeBefore = new ArrayList<>();
        List<String> codeAfter = new ArrayList<>();
        boolean ofStyle = false;
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            String up = raw.get(i).toUpperCase(Locale.ROOT);
            // Minutes: "38 minutes", "20 min".
            if (QueryText.isNumber(tok) && i + 1 < tokens.size() && MINUTE_WORDS.contains(tokens.get(i + 1))
                    && tok.length() <= 4 && !(i + 2 < tokens.size() && RULE_WORDS.contains(tokens.get(i + 2)))) {
                String owner = "";
                String before = "";
                String after = "";
                // "20 min of 97112": the code written just after, joined by "of", owns the minutes; else the code
                // written just before ("97110 for 20 min", "97112 x 24 minutes") or just after ("20 min 97112").
                if (i + 3 < tokens.size() && OF_WORDS.contains(tokens.get(i + 2))
                        && ProcedureCode.isWellFormed(raw.get(i + 3).toUpperCase(Locale.ROOT))) {
                    owner = raw.get(i + 3).toUpperCase(Locale.ROOT);
                    claimedAt = i + 3;
                    ofStyle = true;
                } else {
                    if (i - lastCodeAt <= 3) {
                        before = lastCode;
                    }
                    if (i + 2 < tokens.size() && ProcedureCode.isWellFormed(raw.get(i + 2).toUpperCase(Locale.ROOT))) {
                        after = raw.get(i + 2).toUpperCase(Locale.ROOT);
                    }
                }
                minutes.add(new Minutes(owner, Integer.parseInt(tok), i));
                codeBefore.add(before);
                codeAfter.add(after);
                used[i] = true;
                lastCode = "";
                lastCodeAt = -10;
                continue;
            }
            // "38 minutes of 97110 and 8 of 97112": after a first "N minutes of CODE", "N of CODE" is minutes too.
            if (ofStyle && QueryText.isNumber(tok) && tok.length() <= 4 && i + 2 < tokens.size()
                    && tokens.get(i + 1).equals("of")
                    && ProcedureCode.isWellFormed(raw.get(i + 2).toUpperCase(Locale.ROOT))) {
                minutes.add(new Minutes(raw.get(i + 2).toUpperCase(Locale.ROOT), Integer.parseInt(tok), i));
                codeBefore.add("");
                codeAfter.add("");
                claimedAt = i + 2;
                used[i] = true;
                lastCode = "";
                lastCodeAt = -10;
                continue;
            }
            if (ProcedureCode.isWellFormed(up)) {
                if (!codes.contains(up)) {
                    codes.add(up);
                }
                lastCode = i == claimedAt ? "" : up;
                lastCodeAt = i == claimedAt ? -10 : i;
                if (byId.containsKey(up)) {
                    addOnce(ids, up);
                }
                continue;
            }
            Card card = byId.get(up);
            if (card != null && card.kind() == Kind.MODIFIER) {
                if (acceptModifier(up, raw, tokens, i, t)) {
                    addOnce(ids, up);
                    used[i] = true;
                }
                continue;
            }
            if (ICD.matcher(up).matches()) {
                String cat = category(up, diagnosisIds, byId);
                if (!cat.isEmpty()) {
                    addOnce(ids, cat);
                    continue;
                }
            }
            if (QueryText.isNumber(tok) && (tok.length() == 3 || tok.length() == 4) && hasPrefix(sortedIds, up)) {
                addOnce(prefixes, up);
                continue;
            }
        }
        minutes = placed(minutes, codeBefore, codeAfter);
        List<String> apart = listedApart(tokens, minutes);
        if (!apart.isEmpty() && apart.size() == minutes.size()) {
            // "PT 20 min and OT 20 min, 97110 and 97535": in order, the first minutes the first code's.
            List<Minutes> paired = new ArrayList<>(minutes.size());
            for (int k = 0; k < minutes.size(); k++) {
                paired.add(minutes.get(k).withCode(apart.get(k)));
            }
            minutes = paired;
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            if (used[i] || QUESTION_WORDS.contains(tok)) {
                continue;
            }
            if (QueryText.isNumber(tok) && !byId.containsKey(tok)) {
                continue;
            }
            words.add(tok);
        }
        return new ParsedQuery(t, tokens, ids, codes, prefixes, minutes, List.of(), words, Set.copyOf(corrected),
                wants(tokens));
    }

    /**
     * The codes a question lists apart from its minutes, after all of them ("PT 20 min and OT 20 min, 97110 and
     * 97535"): two or more counts of minutes, none with a code written before or tied by "of", then, right after the
     * last, two or more codes joined by commas, "and", "or" or "&" (a code written twice counts twice), and no code
     * elsewhere in the question. Paired with the minutes in order when there are as many of each ({@link #parse});
     * otherwise they cannot be paired ({@link #codesListedApart}). Empty when the question is not written so.
     */
    static List<String> listedApart(List<String> tokens, List<Minutes> minutes) {
        if (minutes.size() < 2) {
            return List.of();
        }
        int from = minutes.get(minutes.size() - 1).at() + 2; // after the last "20 min"
        for (int i = 0; i < from && i < tokens.size(); i++) {
            if (ProcedureCode.isWellFormed(tokens.get(i).toUpperCase(Locale.ROOT))) {
                return List.of(); // a code beside some minutes: "PT 20 min 97110 and OT 20 min 97535"
            }
        }
        List<String> out = new ArrayList<>();
        int i = from;
        while (i < tokens.size() && ProcedureCode.isWellFormed(tokens.get(i).toUpperCase(Locale.ROOT))) {
            out.add(tokens.get(i).toUpperCase(Locale.ROOT));
            i++;
            if (i + 1 < tokens.size() && LIST_JOINERS.contains(tokens.get(i))
                    && ProcedureCode.isWellFormed(tokens.get(i + 1).toUpperCase(Locale.ROOT))) {
                i++; // "and", "or" between two codes (a comma or "&" is no token)
            }
        }
        for (int k = i; k < tokens.size(); k++) {
            if (ProcedureCode.isWellFormed(tokens.get(k).toUpperCase(Locale.ROOT))) {
                return List.of(); // another code later on: not one list
            }
        }
        return out.size() >= 2 ? out : List.of();
    }

    /**
     * The codes listed apart from the minutes ({@link #listedApart}), when there are not as many as counts of minutes
     * ("PT 20 min and OT 20 min, 97110, 97535 and 97140"): they cannot be paired. Empty otherwise (none listed so,
     * or paired in order).
     */
    List<String> codesListedApart() {
        List<String> apart = listedApart(tokens, minutes);
        return apart.size() == minutes.size() ? List.of() : apart;
    }

    /**
     * Codes typed with a look-alike letter or split by a blank: "971l2" (an l for a 1) is 97112 when the knowledge
     * base holds 97112; "97 11" is the start 9711 when codes start with it (not modifier 97 and a number). A blank
     * before minutes ("97 15 minutes") splits nothing.
     */
    private static List<String> codeLike(List<String> raw, Map<String, Card> byId, List<String> sortedIds) {
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String r = raw.get(i);
            if (r.length() == 5 && r.chars().filter(Character::isDigit).count() >= 3
                    && r.chars().allMatch(c -> Character.isDigit(c) || "lIoO".indexOf(c) >= 0)
                    && !r.chars().allMatch(Character::isDigit)) {
                String d = r.replace('l', '1').replace('I', '1').replace('o', '0').replace('O', '0');
                if (byId.containsKey(d)) {
                    out.add(d);
                    continue;
                }
            }
            if (i + 1 < raw.size() && r.length() >= 2 && r.length() <= 3 && allDigits(r) && allDigits(raw.get(i + 1))
                    && r.length() + raw.get(i + 1).length() >= 4 && r.length() + raw.get(i + 1).length() <= 5
                    && !(i + 2 < raw.size() && MINUTE_WORDS.contains(raw.get(i + 2).toLowerCase(Locale.ROOT)))) {
                String joined = r + raw.get(i + 1);
                if (byId.containsKey(joined) || hasPrefix(sortedIds, joined)) {
                    out.add(joined);
                    i++;
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    private static boolean allDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /**
     * The minutes with the code written beside them, one way for the whole question: before ("97110 20 min, 97112
     * 10 min") or after ("20 min 97112 and 18 min 97110"), the way that places more of them (after wins a tie only
     * when the first minutes placed have nothing before them). Minutes an "of" already tied keep their code.
     */
    private static List<Minutes> placed(List<Minutes> minutes, List<String> before, List<String> after) {
        int nBefore = 0;
        int nAfter = 0;
        Boolean firstAfter = null;
        for (int k = 0; k < minutes.size(); k++) {
            boolean b = !before.get(k).isEmpty();
            boolean a = !after.get(k).isEmpty();
            nBefore += b ? 1 : 0;
            nAfter += a ? 1 : 0;
            if (firstAfter == null && (a || b)) {
                firstAfter = !b;
            }
        }
        boolean afterStyle = nAfter > nBefore || nAfter == nBefore && nAfter > 0 && Boolean.TRUE.equals(firstAfter);
        List<Minutes> out = new ArrayList<>(minutes.size());
        for (int k = 0; k < minutes.size(); k++) {
            Minutes m = minutes.get(k);
            if (m.code().isEmpty()) {
                String first = afterStyle ? after.get(k) : before.get(k);
                String second = afterStyle ? before.get(k) : after.get(k);
                m = m.withCode(!first.isEmpty() ? first : second);
            }
            out.add(m);
        }
        return out;
    }

    /**
     * With the synonym phrases found, and minutes without a written code given to the phrase that names one code
     * beside them. People write it two ways, "ther ex 23 min, manual 10 min" (the phrase before) and "23 min ther
     * ex and 10 min manual" (the phrase after); a question keeps to one, so the way that places more of its minutes
     * is used for all of them (after wins a tie only when the first minutes have nothing before them).
     */
    ParsedQuery withSynonyms(List<Synonyms.Match> matches, Map<String, Card> byId,
                             org.minutewise.core.codes.CodeCatalog catalog) {
        List<List<String>> before = new ArrayList<>();
        List<List<String>> after = new ArrayList<>();
        int nBefore = 0;
        int nAfter = 0;
        for (int k = 0; k < minutes.size(); k++) {
            Minutes m = minutes.get(k);
            before.add(null);
            after.add(null);
            if (!m.code().isEmpty()) {
                continue;
            }
            // The minutes are tokens at and at + 1 ("23 min"); "of" may come between them and the phrase.
            int next = m.at() + 2;
            if (next < tokens.size() && OF_WORDS.contains(tokens.get(next))) {
                next++;
            }
            for (Synonyms.Match sm : matches) {
                List<String> codes = placeableCodes(sm, byId, catalog);
                if (codes.isEmpty()) {
                    continue;
                }
                if (sm.end() <= m.at() && m.at() - sm.end() <= 2) {
                    before.set(k, codes);
                }
                if (sm.start() == next && after.get(k) == null) {
                    after.set(k, codes);
                }
            }
            nBefore += before.get(k) == null ? 0 : 1;
            nAfter += after.get(k) == null ? 0 : 1;
        }
        boolean afterStyle = nAfter > nBefore || nAfter == nBefore && nAfter > 0 && firstPlacedAfter(before, after);
        List<Minutes> ms = new ArrayList<>(minutes.size());
        for (int k = 0; k < minutes.size(); k++) {
            Minutes m = minutes.get(k);
            if (m.code().isEmpty()) {
                List<String> first = afterStyle ? after.get(k) : before.get(k);
                List<String> second = afterStyle ? before.get(k) : after.get(k);
                List<String> codes = first != null ? first : second;
                if (codes != null) {
                    m = new Minutes(codes.get(0), m.minutes(), m.at(), codes.size() > 1 ? codes : List.of());
                }
            }
            ms.add(m);
        }
        return new ParsedQuery(text, tokens, ids, codes, prefixes, List.copyOf(ms), List.copyOf(matches), words,
                corrected, wants);
    }

    /**
     * The catalog's codes the question names, in the order it names them: written ("92507") or by a phrase that
     * names one code ("speech therapy": 92507).
     */
    List<String> namedCodes(org.minutewise.core.codes.CodeCatalog catalog) {
        java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String up = tokens.get(i).toUpperCase(Locale.ROOT);
            if (codes.contains(up) && catalog.getOrNull(up) != null) {
                at.putIfAbsent(i, up);
            }
        }
        for (Synonyms.Match m : synonyms) {
            List<String> ids = m.group().ids();
            if (ids.size() == 1 && catalog.getOrNull(ids.get(0)) != null) {
                at.putIfAbsent(m.start(), ids.get(0));
            }
        }
        List<String> named = new ArrayList<>();
        for (String code : at.values()) {
            addOnce(named, code);
        }
        for (String code : codes) {
            if (catalog.getOrNull(code) != null) {
                addOnce(named, code);
            }
        }
        return named;
    }

    /**
     * With one count of minutes said of each code ("97110 and 97112 for 20 minutes each", "97140 and 97530, 30
     * minutes each", "97110 and 97112 each for 20 minutes") given to every code named that has no minutes of its own:
     * read as one code's, the other codes would vanish from the count. Unchanged unless exactly one count is so
     * worded and two codes or more are left for it.
     */
    ParsedQuery withEach(org.minutewise.core.codes.CodeCatalog catalog) {
        int each = -1;
        for (int k = 0; k < minutes.size(); k++) {
            if (saysEach(minutes.get(k).at())) {
                if (each >= 0) {
                    return this;
                }
                each = k;
            }
        }
        if (each < 0) {
            return this;
        }
        Set<String> own = new HashSet<>();
        for (int k = 0; k < minutes.size(); k++) {
            if (k != each) {
                own.add(minutes.get(k).code());
                own.addAll(minutes.get(k).among());
            }
        }
        List<String> targets = new ArrayList<>(namedCodes(catalog));
        targets.removeAll(own);
        if (targets.size() < 2) {
            return this;
        }
        Minutes e = minutes.get(each);
        List<Minutes> ms = new ArrayList<>(minutes.subList(0, each));
        for (String code : targets) {
            ms.add(new Minutes(code, e.minutes(), e.at()));
        }
        ms.addAll(minutes.subList(each + 1, minutes.size()));
        return new ParsedQuery(text, tokens, ids, codes, prefixes, List.copyOf(ms), synonyms, words, corrected, wants);
    }

    /**
     * The minutes whose number is token {@code at} are worded as each code's: "N minutes each", "N min apiece", "N
     * minutes for each", "each N minutes", "each for N minutes", "both for N minutes" (not "each additional 15
     * minutes").
     */
    private boolean saysEach(int at) {
        String after = at + 2 < tokens.size() ? tokens.get(at + 2) : "";
        String later = at + 3 < tokens.size() ? tokens.get(at + 3) : "";
        String before = at >= 1 ? tokens.get(at - 1) : "";
        String earlier = at >= 2 ? tokens.get(at - 2) : "";
        Set<String> eachWords = Set.of("each", "both");
        return after.equals("each") || after.equals("apiece") || Set.of("for", "of", "on").contains(after)
                && later.equals("each") || eachWords.contains(before) || before.equals("for")
                && eachWords.contains(earlier);
    }

    /** The first minutes placed at all have a phrase after them and none before. */
    private static boolean firstPlacedAfter(List<List<String>> before, List<List<String>> after) {
        for (int k = 0; k < before.size(); k++) {
            if (before.get(k) != null || after.get(k) != null) {
                return before.get(k) == null;
            }
        }
        return false;
    }

    /**
     * The code cards a synonym phrase names, when minutes beside it can be given to them: the one code it names
     * ("ther ex": 97110), or the several it names when every one is untimed ("pt eval": 97161-97163; "e stim":
     * G0283, 97014), for the minutes are then 1 unit whichever it is. Empty when it names none, or several of which
     * one is timed (the minutes could not be counted without knowing which).
     */
    private static List<String> placeableCodes(Synonyms.Match sm, Map<String, Card> byId,
                                               org.minutewise.core.codes.CodeCatalog catalog) {
        List<String> codes = new ArrayList<>();
        for (String id : sm.group().ids()) {
            Card c = byId.get(id);
            if (c != null && c.kind() == Kind.CODE) {
                codes.add(id);
            }
        }
        if (codes.size() <= 1) {
            return codes;
        }
        for (String code : codes) {
            org.minutewise.core.codes.CodeInfo info = catalog.getOrNull(code);
            if (info == null || info.timed()) {
                return List.of();
            }
        }
        return codes;
    }

    /** Diagnosis words first ("dx code" is a diagnosis), then modifier words, then code words. */
    private static Optional<Kind> wants(List<String> tokens) {
        boolean code = false;
        boolean modifier = false;
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            if (DIAGNOSIS_WORDS.contains(tok) || (tok.equals("z") && i + 1 < tokens.size()
                    && CODE_WORDS.contains(tokens.get(i + 1)))) {
                return Optional.of(Kind.DIAGNOSIS);
            }
            modifier |= MODIFIER_WORDS.contains(tok);
            code |= CODE_WORDS.contains(tok);
        }
        return modifier ? Optional.of(Kind.MODIFIER) : code ? Optional.of(Kind.CODE) : Optional.empty();
    }

    private static boolean acceptModifier(String up, List<String> raw, List<String> tokens, int i, String text) {
        boolean namedModifier = near(tokens, i, MODIFIER_WORDS);
        if (AMBIGUOUS_NUMBERS.contains(up)) {
            return namedModifier || tokens.size() == 1 || hyphenBefore(raw, i, text);
        }
        if (AMBIGUOUS_WORDS.contains(up)) {
            return namedModifier || tokens.size() == 1 || raw.get(i).equals(up);
        }
        return true;
    }

    private static boolean near(List<String> tokens, int i, Set<String> words) {
        for (int k = Math.max(0, i - 2); k <= Math.min(tokens.size() - 1, i + 2); k++) {
            if (k != i && words.contains(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** "97140-59": the modifier written straight after a code and a hyphen. */
    private static boolean hyphenBefore(List<String> raw, int i, String text) {
        if (i == 0) {
            return false;
        }
        String pattern = raw.get(i - 1) + "-" + raw.get(i);
        return text.contains(pattern);
    }

    /** The diagnosis card for an ICD-10-CM code: itself when loaded, else its longest category; "" if none. */
    private static String category(String code, Set<String> diagnosisIds, Map<String, Card> byId) {
        if (diagnosisIds.contains(code)) {
            return code;
        }
        String dx = code.replace(".", "");
        String best = "";
        for (String id : diagnosisIds) {
            String p = id.replace(".", "");
            if (dx.startsWith(p) && p.length() > best.replace(".", "").length()) {
                best = id;
            }
        }
        return best.isEmpty() || !byId.containsKey(best) ? "" : best;
    }

    private static boolean hasPrefix(List<String> sortedIds, String prefix) {
        int lo = 0;
        int hi = sortedIds.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedIds.get(mid).compareTo(prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sortedIds.size() && sortedIds.get(lo).startsWith(prefix) && !sortedIds.get(lo).equals(prefix);
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }
}
