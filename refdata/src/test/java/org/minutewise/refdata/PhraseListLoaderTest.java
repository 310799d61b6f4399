package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatcher;

class PhraseListLoaderTest {
    private static DocumentationPhrases load(String text) {
        return PhraseListLoader.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.txt");
    }

    @Test
    void readsVersionAndLists() {
        DocumentationPhrases p = load("""
                \uFEFF# comment
                version: 7

                [skilled]
                  Tactile cues \s
                verbal cues
                # a comment inside a list
                [vague]
                worked on balance
                """);
        assertThat(p.version()).isEqualTo("7");
        assertThat(p.list("skilled")).containsExactly("Tactile cues", "verbal cues");
        assertThat(p.list("vague")).containsExactly("worked on balance");
        assertThat(p.list("absent")).isEmpty();
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> load("[x]\na\n")).hasMessage(
                "test.txt line 1: expected the version line first, like \"version: 2026.1\", got \"[x]\"");
        assertThatThrownBy(() -> load("version: 1\nphrase\n"))
                .hasMessage("test.txt line 2: phrase \"phrase\" before any [list] header");
        assertThatThrownBy(() -> load("version: 1\n[a]\nsingle-leg stance\nSingle leg  stance\n"))
                .hasMessageStartingWith("test.txt line 4: phrase \"Single leg  stance\" is already in [a]");
        assertThatThrownBy(() -> load("version: 1\n[a]\nx\n[a]\ny\n"))
                .hasMessage("test.txt line 4: list [a] defined twice");
        assertThatThrownBy(() -> load("version: 1\n[a]\n[b]\ny\n"))
                .hasMessage("test.txt line 2: list [a] has no phrase");
        assertThatThrownBy(() -> load("version: 1\n[a]\ny\n[b]\n"))
                .hasMessage("test.txt line 4: list [b] has no phrase");
        assertThatThrownBy(() -> load("version: 1\n[Bad Name]\ny\n"))
                .hasMessageStartingWith("test.txt line 2: list name \"Bad Name\"");
        assertThatThrownBy(() -> load("version: 1\n[a\n"))
                .hasMessage("test.txt line 2: a list header is [name], got \"[a\"");
        assertThatThrownBy(() -> load("version: 1\n[a]\n - \n"))
                .hasMessage("test.txt line 3: phrase \"-\" has no letter or digit");
        assertThatThrownBy(() -> load("version: 1\n[a]\nx\nversion: 2\n"))
                .hasMessage("test.txt line 4: a second version line");
        assertThatThrownBy(() -> load("# only a comment\n"))
                .hasMessage("test.txt: no version line (\"version: 2026.1\")");
    }

    @Test
    void embeddedFileHasEveryListTheChecksRead() {
        DocumentationPhrases p = PhraseListLoader.embedded();
        assertThat(p.version()).isEqualTo("2026.19");
        for (String list : PhraseLists.ALL) {
            assertThat(p.list(list)).as(list).isNotEmpty();
        }
        // Besides those, only the lists of the words that identify a billed service, each holding its code.
        assertThat(p.lists().keySet()).filteredOn(l -> !l.startsWith(PhraseLists.SERVICE_PREFIX))
                .containsExactlyInAnyOrderElementsOf(PhraseLists.ALL);
        assertThat(p.lists().keySet()).filteredOn(l -> l.startsWith(PhraseLists.SERVICE_PREFIX))
                .contains(PhraseLists.service("97110"), PhraseLists.service("97112"), PhraseLists.service("97140"))
                .allSatisfy(l -> assertThat(p.list(l)).contains(l.substring(PhraseLists.SERVICE_PREFIX.length())));
        assertThat(PhraseListLoader.embedded()).isSameAs(p);
        assertThat(new PhraseMatcher(p.lists()).phraseCount()).isGreaterThan(300);
    }

    @Test
    void embeddedListsKeepTheErrataCorrections() {
        DocumentationPhrases p = PhraseListLoader.embedded();
        // Start and end times are a payer's requirement (MW-D013, from the payer profile), not note text; and
        // nothing flags 97112 billed beside another timed code (ERRATA 5 and 8).
        // (The service lists name the codes themselves: a note that says "97110" mentions that service.)
        for (var e : p.lists().entrySet()) {
            if (e.getKey().startsWith(PhraseLists.SERVICE_PREFIX)) {
                continue;
            }
            for (String phrase : e.getValue()) {
                assertThat(phrase.toLowerCase()).doesNotContain("start time").doesNotContain("end time")
                        .doesNotContain("97110");
            }
        }
        // Bare outcomes are not independent exercise: "independent with HEP", "lives on her own".
        assertThat(p.list(PhraseLists.INDEPENDENT)).doesNotContain("independently", "independent", "on own",
                "on her own", "HEP", "home exercise program");
    }
}
