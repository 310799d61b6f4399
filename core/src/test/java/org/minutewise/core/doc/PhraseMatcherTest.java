package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
    private static List<String> spans(String text, List<PhraseMatch> ms) {
        return ms.stream().map(m -> m.list() + ":" + text.substring(m.start(), m.end())).toList();
    }

    @Test
    void findsPhrasesCaseInsensitivelyWithOffsetsIntoTheOriginal() {
        PhraseMatcher m = new PhraseMatcher(Map.of("technique", List.of("PNF", "gaze stabilization")));
        String note = "Did PNF D2 and Gaze Stabilization x1.";
        List<PhraseMatch> ms = m.match(note);
        assertThat(ms).containsExactly(
                new PhraseMatch("technique", "pnf", 4, 7),
                new PhraseMatch("technique", "gaze stabilization", 15, 33));
        assertThat(note.substring(15, 33)).isEqualTo("Gaze Stabilization");
        assertThat(ms.get(0).path()).isEqualTo("note[4:7]");
    }

    @Test
    void matchesOnlyAtWordBoundaries() {
        PhraseMatcher m = new PhraseMatcher(Map.of("skilled", List.of("cue", "cues")));
        assertThat(m.match("rescue cues cue, cued cue")).extracting(PhraseMatch::start)
                .containsExactly(7, 12, 22);
        assertThat(m.match("rescues")).isEmpty();
        assertThat(m.match("cue")).hasSize(1);
        assertThat(m.match("(cue)")).extracting(PhraseMatch::start).containsExactly(1);
        assertThat(m.match("cue2")).isEmpty();
    }

    @Test
    void reportsOverlappingAndNestedPhrasesOfSeveralLists() {
        PhraseMatcher m = new PhraseMatcher(Map.of(
                "vague", List.of("worked on balance"),
                "deficit", List.of("balance", "balance deficit"),
                "activity", List.of("balance board")));
        String note = "Worked on balance board; balance deficit noted.";
        assertThat(spans(note, m.match(note))).containsExactly(
                "vague:Worked on balance",
                "deficit:balance",
                "activity:balance board",
                "deficit:balance",
                "deficit:balance deficit");
    }

    @Test
    void listMembershipBitsAgreeWithTheListsOfEachPhrasePastSixtyFourLists() {
        // 130 lists (three words of bits a phrase); phrase "w<i>" sits in every list whose number i divides.
        Map<String, List<String>> lists = new java.util.HashMap<>();
        for (int l = 1; l <= 130; l++) {
            List<String> ps = new java.util.ArrayList<>();
            for (int i = l; i <= 130; i += l) {
                ps.add("w" + i);
            }
            lists.put(String.format("list-%03d", l), ps);
        }
        PhraseMatcher m = new PhraseMatcher(lists);
        for (int p = 0; p < m.phraseCount(); p++) {
            java.util.Set<Integer> of = new java.util.HashSet<>();
            for (int l : m.listsOf(p)) {
                of.add(l);
            }
            for (int l = 0; l < m.listCount(); l++) {
                assertThat(m.inList(p, l)).as("phrase %s, list %s", m.phrase(p), m.listName(l))
                        .isEqualTo(of.contains(l));
            }
            assertThat(m.inList(p, -1)).isFalse();
        }
        NoteScan scan = m.scan("w12 and w130");
        assertThat(scan.count("list-006")).isEqualTo(1);
        assertThat(scan.count("list-065")).isEqualTo(1);
        assertThat(scan.count("list-130")).isEqualTo(1);
        assertThat(scan.count("list-007")).isZero();
    }

    @Test
    void phraseInTwoListsIsReportedForEach() {
        PhraseMatcher m = new PhraseMatcher(Map.of("plan", List.of("goal"), "goal", List.of("Goal")));
        NoteScan scan = m.scan("goal met");
        assertThat(scan.count("plan")).isEqualTo(1);
        assertThat(scan.count("goal")).isEqualTo(1);
        assertThat(scan.size()).isEqualTo(1);
        assertThat(scan.all()).extracting(PhraseMatch::list).containsExactly("goal", "plan");
    }

    @Test
    void separatorRunsAndDashesMatchOneSpace() {
        PhraseMatcher m = new PhraseMatcher(Map.of("measure", List.of("single-leg stance", "single leg")));
        String note = "Single  leg\n\t stance 5 s; single-leg stance 8 s; single\u00a0\u2013 leg";
        assertThat(spans(note, m.match(note))).containsExactly(
                "measure:Single  leg",
                "measure:Single  leg\n\t stance",
                "measure:single-leg",
                "measure:single-leg stance",
                "measure:single\u00a0\u2013 leg");
    }

    @Test
    void aPhraseSetTooLargeForSixteenBitStatesStillMatchesTheSame() {
        // About 80,000 trie states: more than a 16-bit table holds, so the matcher uses its 32-bit table.
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            StringBuilder sb = new StringBuilder("q");
            for (int x = i, d = 0; d < 4; d++, x /= 26) {
                sb.append((char) ('a' + x % 26));
            }
            many.add(sb.append(" zyxwvuts").toString());
        }
        many.add("balance");
        many.add("balance board");
        PhraseMatcher wide = new PhraseMatcher(Map.of("big", many, "skilled", List.of("cue", "cues")));
        PhraseMatcher narrow = new PhraseMatcher(Map.of("big", List.of("qaaaa zyxwvuts", "qbaaa zyxwvuts", "balance",
                "balance board"), "skilled", List.of("cue", "cues")));
        String note = "QAAAA  zyxwvuts rescue cues; balance board, qbaaa-zyxwvuts qcaaa zyxwvut cue. "
                + "x".repeat(PhraseMatcher.CHAINS_FROM) + " balance";
        assertThat(wide.wide()).isTrue();
        assertThat(narrow.wide()).isFalse();
        assertThat(wide.match(note)).isEqualTo(narrow.match(note)).hasSize(7);
    }

    @Test
    void phraseBeginningWithPunctuationMatchesInsideAWordButOneBeginningWithALetterDoesNot() {
        PhraseMatcher m = new PhraseMatcher(Map.of("measure", List.of("/10", "(cue)", "10 reps")));
        String note = "pain 2/10, (cue) x10 reps, 10 reps";
        assertThat(spans(note, m.match(note))).containsExactly(
                "measure:/10", "measure:(cue)", "measure:10 reps");
        assertThat(m.match(note)).extracting(PhraseMatch::start).containsExactly(6, 11, 27);
        // "/10" ends with a digit: the character after it must not be a letter or digit.
        assertThat(m.match("2/100")).isEmpty();
    }

    @Test
    void aWalkThatLeavesALongerPhraseStillReportsTheShorterOnesOnTheWay() {
        PhraseMatcher m = new PhraseMatcher(Map.of(
                "a", List.of("balance", "balance board", "balance board training"),
                "b", List.of("board")));
        String note = "balance board train; balance boards; balance  board";
        assertThat(spans(note, m.match(note))).containsExactly(
                "a:balance", "a:balance board", "b:board",
                "a:balance",
                "a:balance", "a:balance  board", "b:board");
    }

    @Test
    void matchesAtTheVeryStartAndEndOfTheText() {
        PhraseMatcher m = new PhraseMatcher(Map.of("x", List.of("gait", "gait belt")));
        assertThat(m.match("gait belt")).extracting(PhraseMatch::start, PhraseMatch::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 4), org.assertj.core.groups.Tuple.tuple(0, 9));
        assertThat(m.match("gait belt-")).hasSize(2);
        assertThat(m.match("gait beltx")).extracting(PhraseMatch::phrase).containsExactly("gait");
        assertThat(m.match("xgait belt")).isEmpty();
        assertThat(m.match("")).isEmpty();
    }

    @Test
    void startsOfPhrasesWithOneLongSeparatorRunAmongSingleOnesPointAtTheirFirstWord() {
        PhraseMatcher m = new PhraseMatcher(Map.of("vague", List.of("worked on balance today")));
        String[] notes = {"x worked on balance today", "x worked  on balance today", "x worked on \n balance today",
            "x worked on balance\t\t-today", "x worked--on - balance\u00a0 today", "-worked on balance today"};
        for (String note : notes) {
            List<PhraseMatch> ms = m.match(note);
            assertThat(ms).hasSize(1);
            assertThat(note.substring(ms.get(0).start())).startsWith("worked").endsWith("today");
            assertThat(ms.get(0).end()).isEqualTo(note.length());
        }
    }

    @Test
    void offsetsSurviveNonAsciiText() {
        PhraseMatcher m = new PhraseMatcher(Map.of("response", List.of("tolerated", "pt's balance", "équilibre")));
        String note = "Patiënt 👍 tolérated… tolerated; pt’s balance ÉQUILIBRE";
        List<PhraseMatch> ms = m.match(note);
        assertThat(spans(note, ms)).containsExactly(
                "response:tolerated", "response:pt’s balance", "response:ÉQUILIBRE");
        // Letters outside ASCII are letters for the word boundary too.
        assertThat(m.match("équilibreé")).isEmpty();
        assertThat(m.match("ätolerated")).isEmpty();
    }

    @Test
    void upperCaseCharactersWhoseLowerCaseIsLongerKeepOffsets() {
        // String.toLowerCase turns U+0130 into two chars; the matcher maps char by char.
        PhraseMatcher m = new PhraseMatcher(Map.of("x", List.of("berg")));
        String note = "\u0130\u0130 BERG 40/56";
        assertThat(m.match(note)).containsExactly(new PhraseMatch("x", "berg", 3, 7));
    }

    @Test
    void phrasesAcrossTheCutsOfALongTextAreFoundOnce() {
        PhraseMatcher m = new PhraseMatcher(Map.of("vague", List.of("worked on balance"), "deficit",
                List.of("balance")));
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 4 * PhraseMatcher.CHAINS_FROM) {
            sb.append("worked on balance ").append("x".repeat(sb.length() % 7)).append(". ");
        }
        String text = sb.toString();
        List<PhraseMatch> ms = m.match(text);
        int count = 0;
        for (int at = text.indexOf("worked on balance"); at >= 0; at = text.indexOf("worked on balance", at + 1)) {
            assertThat(ms).contains(new PhraseMatch("vague", "worked on balance", at, at + 17),
                    new PhraseMatch("deficit", "balance", at + 10, at + 17));
            count++;
        }
        assertThat(ms).hasSize(2 * count).doesNotHaveDuplicates();
    }

    @Test
    void emptySetFindsNothing() {
        PhraseMatcher m = new PhraseMatcher(Map.of());
        NoteScan scan = m.scan("anything at all");
        assertThat(scan.size()).isZero();
        assertThat(scan.has("vague")).isFalse();
        assertThat(scan.matches("vague")).isEmpty();
    }

    @Test
    void rejectsPhraseWithoutLetters() {
        assertThatThrownBy(() -> new PhraseMatcher(Map.of("x", List.of(" - "))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizesPhrases() {
        assertThat(PhraseMatcher.normalizePhrase("  Single-Leg   Stance ")).isEqualTo("single leg stance");
        assertThat(PhraseMatcher.normalizePhrase("Pt\u2019s")).isEqualTo("pt's");
    }

    @Test
    void cachesTheCompiledMatcherOfAPhraseSet() {
        DocumentationPhrases p = new DocumentationPhrases("t", Map.of("x", List.of("a")));
        assertThat(PhraseMatcher.of(p)).isSameAs(PhraseMatcher.of(p));
    }

    @Test
    void countsOutsideAnotherListsMatches() {
        PhraseMatcher m = new PhraseMatcher(Map.of("skilled", List.of("cues"), "independent", List.of("without cues")));
        assertThat(m.scan("performed without cues").countOutside("skilled", "independent")).isZero();
        assertThat(m.scan("tactile cues; later without cues").countOutside("skilled", "independent")).isEqualTo(1);
    }

    @Test
    void sentencesEndAtTerminatorsFollowedBySpace() {
        PhraseMatcher m = new PhraseMatcher(Map.of());
        NoteScan s = m.scan("Dx I69.351, Berg 3.5. Pt stood; then sat\nNext");
        int stood = s.text().indexOf("stood");
        assertThat(s.text().substring(s.sentenceStart(stood), s.sentenceEnd(stood))).isEqualTo("Pt stood;");
        assertThat(s.text().substring(s.sentenceStart(3), s.sentenceEnd(3))).isEqualTo("Dx I69.351, Berg 3.5.");
        int next = s.text().indexOf("Next");
        assertThat(s.text().substring(s.sentenceStart(next), s.sentenceEnd(next))).isEqualTo("Next");
    }

    @Test
    void aServiceListIsNamedByOneInternedStringAndFoundByAnyEqualName() {
        String name = PhraseLists.service("97110");
        assertThat(name).isEqualTo("service-97110").isSameAs("service-97110").isSameAs(PhraseLists.service("97110"));
        PhraseMatcher m = new PhraseMatcher(Map.of(name, List.of("ther ex", "therapeutic exercise"),
                "service-97112", List.of("NMR")));
        NoteScan scan = m.scan("Ther ex 10 min, therapeutic exercise x 2; NMR 8 min.");
        // Found by the interned name (by reference) and by an equal string built apart (through the map) alike.
        assertThat(scan.count(name)).isEqualTo(2).isEqualTo(scan.count(new String("service-97110")));
        assertThat(scan.count(PhraseLists.service("97112"))).isEqualTo(1);
        assertThat(scan.count(PhraseLists.service("97140"))).isZero(); // no such list: nothing, not an error
    }
}
