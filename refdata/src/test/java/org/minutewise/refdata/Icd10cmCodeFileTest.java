package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.Icd10CodeSet;

/** The CMS ICD-10-CM order and codes files as the check's code set (--icd10-file, MW-C015). */
final class Icd10cmCodeFileTest {
    /** Synthetic lines in the order file's fixed-width layout (columns 1-5, 7-13, 15, 17-76, 78-). */
    static final String ORDER = """
            00001 I69     0 Sequelae of cerebrovascular disease (synthetic)             Synthetic long text
            00002 I6935   0 Hemiplegia after stroke (synthetic)                          Synthetic long text
            00003 I69351  1 Hemiplegia after stroke, right dominant (synthetic)          Synthetic long text
            00004 R2681   1 Unsteadiness on feet (synthetic)                             Synthetic long text
            """;

    @TempDir
    Path tmp;

    @Test
    void anOrderFileIsACodeSetWithItsHeadersAndTheYearOfItsName() throws IOException {
        Path f = Files.writeString(tmp.resolve("icd10cm_order_2026.txt"), ORDER);
        Icd10CodeSet set = Icd10cmCodeFile.codeSet(f);
        assertThat(set.version()).isEqualTo("icd10cm_order_2026.txt, ICD-10-CM FY2026");
        assertThat(set.size()).isEqualTo(4);
        assertThat(set.header("I69.35")).contains(true);
        assertThat(set.header("i69351")).contains(false);
        assertThat(set.header("R26.811")).isEmpty();
        assertThat(set.contains("R26.81")).isTrue();
    }

    @Test
    void aCodesFileHoldsBillableCodesOnly() throws IOException {
        Path f = Files.writeString(tmp.resolve("codes.txt"), "I69351  Synthetic text\nR2681   Synthetic text\n");
        Icd10CodeSet set = Icd10cmCodeFile.codeSet(f);
        assertThat(set.version()).isEqualTo("codes.txt, ICD-10-CM, fiscal year not in the file name");
        assertThat(set.header("I69.351")).contains(false);
        assertThat(set.contains("I69")).isFalse();
    }

    @Test
    void aBadLineOrAMissingFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Icd10cmCodeFile.read(new ByteArrayInputStream("I69351 ok\n12345\n"
                .getBytes(StandardCharsets.UTF_8)), "bad.txt")).isInstanceOf(RefDataException.class)
                .hasMessageContaining("bad.txt line 2");
        assertThatThrownBy(() -> Icd10cmCodeFile.codeSet(tmp.resolve("none.txt")))
                .isInstanceOf(RefDataException.class).hasMessageContaining("no such file");
    }

    /** --icd10-file goes on top of the embedded data like the other files: the categories stay. */
    @Test
    void refFilesPutTheCodeSetOnTheDiagnoses() throws IOException {
        Path f = Files.writeString(tmp.resolve("icd10cm_order_2026.txt"), ORDER);
        ReferenceData base = RefData.defaults();
        assertThat(base.diagnoses().codeSet()).isEmpty();
        ReferenceData ref = new RefFiles(null, null, null, null, 2026, null, null, f.toString()).apply(base);
        assertThat(ref.diagnoses().codeSet()).hasValueSatisfying(s -> assertThat(s.contains("I69.351")).isTrue());
        assertThat(ref.diagnoses().all()).isEqualTo(base.diagnoses().all());
        assertThat(new RefFiles(null, null, null, null, 2026, null, null, f.toString()).names())
                .containsExactly(f.toString());
    }
}
