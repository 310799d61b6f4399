package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.refdata.RefDataException;

class LoadersTest {
    @Test
    void cptTabFileWithBomHeaderAndNoise() {
        List<Descriptor> ds = CptDescriptorFile.read(sample("cpt_sample_tab.txt"));
        assertThat(ds).extracting(Descriptor::code).containsExactly("97112", "97999");
        assertThat(ds.get(0).longText()).startsWith("Sample licensed descriptor text for 97112");
        assertThat(ds.get(0).source()).isEqualTo("cpt_sample_tab.txt");
    }

    @Test
    void cptCsvFileWithQuotes() {
        List<Descriptor> ds = CptDescriptorFile.read(sample("cpt_sample.csv"));
        assertThat(ds).extracting(Descriptor::code).containsExactly("97110", "97530");
        assertThat(ds.get(0).longText()).isEqualTo("Sample descriptor, with a comma (synthetic)");
    }

    @Test
    void cptPipeAndSpaceLayoutsAndWrappedLines() {
        List<Descriptor> ds = CptDescriptorFile.read(text("97116|first part\n97116|second part\n97140 spaced out\n"),
                "t");
        assertThat(ds).extracting(Descriptor::code).containsExactly("97116", "97140");
        assertThat(ds.get(0).longText()).isEqualTo("first part second part");
        assertThat(ds.get(1).longText()).isEqualTo("spaced out");
    }

    @Test
    void cptFileWithNoCodeIsAnError() {
        assertThatThrownBy(() -> CptDescriptorFile.read(text("just words\n"), "empty.txt"))
                .isInstanceOf(RefDataException.class).hasMessageContaining("empty.txt").hasMessageContaining("no CPT");
        assertThatThrownBy(() -> CptDescriptorFile.read(Path.of("no/such/file.txt")))
                .isInstanceOf(RefDataException.class).hasMessageContaining("no such file");
    }

    @Test
    void icd10OrderFileFixedWidth() {
        List<Descriptor> ds = Icd10cmFile.read(sample("icd10cm_order_sample.txt"));
        assertThat(ds).extracting(Descriptor::code).containsExactly("I69", "I69.35", "I69.351", "R26.81");
        assertThat(ds.get(0).header()).isTrue();
        assertThat(ds.get(2).header()).isFalse();
        assertThat(ds.get(2).shortText()).isEqualTo("Sample: hemiplegia after stroke, right dominant");
        assertThat(ds.get(2).longText()).endsWith("synthetic test text");
    }

    @Test
    void icd10CodesFile() {
        List<Descriptor> ds = Icd10cmFile.read(sample("icd10cm_codes_sample.txt"));
        assertThat(ds).extracting(Descriptor::code).containsExactly("G20.A1", "Z91.81");
        assertThat(ds.get(1).longText()).startsWith("Sample: history of falling");
    }

    @Test
    void icd10BadLineNamesTheLine() {
        assertThatThrownBy(() -> Icd10cmFile.read(text("I69351 ok\n12345\n"), "bad.txt"))
                .isInstanceOf(RefDataException.class).hasMessageContaining("bad.txt line 2");
    }

    @Test
    void hcpcsFixedWidthWithContinuationAndModifiers() {
        List<HcpcsFile.Entry> es = HcpcsFile.read(sample("hcpcs_sample.txt"));
        assertThat(es).extracting(e -> e.descriptor().code()).containsExactly("G0283", "G9999", "GP", "ZZ");
        Descriptor g = es.get(0).descriptor();
        assertThat(g.shortText()).isEqualTo("SAMPLE ESTIM UNATTENDED");
        assertThat(g.longText()).isEqualTo("SAMPLE LONG DESCRIPTION OF UNATTENDED ELECTRICAL STIMULATION FOR TESTING "
                + "THE READER, A CONTINUATION RECORD (SYNTHETIC)");
        assertThat(es.get(0).modifier()).isFalse();
        assertThat(es.get(2).modifier()).isTrue();
    }

    @Test
    void hcpcsBadRecordCode() {
        String line = String.format("%-5s%05d%s%-80s", "G0283", 1, "X", "SAMPLE");
        assertThatThrownBy(() -> HcpcsFile.read(text(line + "\n"), "h.txt"))
                .isInstanceOf(RefDataException.class).hasMessageContaining("h.txt line 1 column 11");
    }

    @Test
    void loadedFilesEnrichAndAddCards() {
        KnowledgeBase kb = KnowledgeBase.builder()
                .cptFile(sample("cpt_sample_tab.txt"))
                .icd10File(sample("icd10cm_order_sample.txt"))
                .hcpcsFile(sample("hcpcs_sample.txt"))
                .build();
        Card c97112 = kb.lookup("97112").orElseThrow();
        assertThat(c97112.title()).as("our label stays the title").startsWith("Neuromuscular reeducation");
        assertThat(c97112.facts("CPT descriptor (licensed file)")).hasSize(1);
        assertThat(c97112.citation()).contains("cpt_sample_tab.txt");
        assertThat(kb.lookup("97999")).map(Card::kind).contains(Kind.CODE);
        assertThat(kb.lookup("G9999")).map(Card::title).contains("SAMPLE NEW CODE");
        assertThat(kb.lookup("ZZ")).map(Card::kind).contains(Kind.MODIFIER);
        assertThat(kb.lookup("GP").orElseThrow().facts("HCPCS descriptor")).hasSize(1);
        assertThat(kb.lookup("I69.351")).map(Card::id).contains("I69.351");
        assertThat(kb.lookup("I69.359")).map(Card::id).as("falls back to the closest loaded code").contains("I69.35");
        assertThat(kb.lookup("I69").orElseThrow().facts("ICD-10-CM title")).hasSize(1);
        assertThat(kb.search("right dominant hemiplegia", 3).get(0).card().id()).isEqualTo("I69.351");
    }

    private static Path sample(String name) {
        try {
            return Path.of(LoadersTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
