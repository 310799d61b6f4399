package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.RuleInfo;

/** docs/FINDINGS.md must be exactly what the rule catalog generates: the list can never drift from the code. */
class FindingsDocTest {
    @Test
    void docsFindingsMatchesTheCatalog() throws IOException {
        Path doc = Path.of("..", "docs", "FINDINGS.md");
        assertThat(doc).as("docs/FINDINGS.md (generate it with bin/minutewise rules --markdown > docs/FINDINGS.md)")
                .exists();
        String expected = FindingsDoc.markdown(RuleBook.standard().catalog());
        assertThat(Files.readString(doc, StandardCharsets.UTF_8))
                .as("docs/FINDINGS.md is stale: regenerate it with bin/minutewise rules --markdown > docs/FINDINGS.md")
                .isEqualTo(expected);
    }

    @Test
    void everyCatalogIdAppearsOnce() {
        String md = FindingsDoc.markdown(RuleBook.standard().catalog());
        for (RuleInfo r : RuleBook.standard().catalog()) {
            assertThat(md.split("\\| " + r.id() + " \\|", -1)).as(r.id()).hasSize(2);
        }
    }
}
