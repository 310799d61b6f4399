package org.minutewise.core.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisCatalogTest {
    private static final DiagnosisCategory STROKE = new DiagnosisCategory("I69.3", "Sequelae of cerebral infarction",
            "neurological", true);
    private static final DiagnosisCategory STROKE_HEMI = new DiagnosisCategory("I69.35",
            "Hemiplegia following cerebral infarction", "neurological", true);
    private static final DiagnosisCategory SPRAIN = new DiagnosisCategory("S93.4", "Sprain of ankle",
            "musculoskeletal", false);
    private final DiagnosisCatalog catalog = new DiagnosisCatalog("test", List.of(STROKE, STROKE_HEMI, SPRAIN));

    @Test
    void theLongestCategoryThatPrefixesTheCodeWinsWithOrWithoutTheDotAndInAnyCase() {
        assertThat(catalog.categoryOf("I69.351")).contains(STROKE_HEMI);
        assertThat(catalog.categoryOf("i69351")).contains(STROKE_HEMI);
        assertThat(catalog.categoryOf("I69.31")).contains(STROKE);
        assertThat(catalog.categoryOf("S93.401A")).contains(SPRAIN);
        assertThat(catalog.categoryOf("M62.81")).isEmpty();
        assertThat(catalog.categoryOf("I69")).isEmpty();
    }

    @Test
    void answersStayTheSameWhenAskedAgain() {
        for (int round = 0; round < 2; round++) {
            assertThat(catalog.categoryOf("I69.351")).contains(STROKE_HEMI);
            assertThat(catalog.categoryOf("M62.81")).isEmpty();
        }
    }

    @Test
    void answersStayRightPastTheMemoBound() {
        for (int i = 0; i < 60_000; i++) {
            String code = "Z" + i;
            assertThat(catalog.categoryOf(code)).isEmpty();
        }
        assertThat(catalog.categoryOf("I69.351")).contains(STROKE_HEMI);
        assertThat(catalog.categoryOf("S93.4")).contains(SPRAIN);
    }
}
