package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.rules.doc.DocFixtures.REF;
import static org.minutewise.core.check.rules.doc.DocFixtures.STRONG;
import static org.minutewise.core.check.rules.doc.DocFixtures.check;
import static org.minutewise.core.check.rules.doc.DocFixtures.of;
import static org.minutewise.core.check.rules.doc.DocFixtures.strong;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/** MW-D019: a billed service the note does not mention (CMS Pub 100-02 ch. 15 §220.3 E). */
class ServiceNotInNoteTest {
    static final ReferenceData WITH_SERVICES;

    static {
        Map<String, List<String>> lists = new HashMap<>(DocFixtures.PHRASES.lists());
        lists.put(PhraseLists.service("97110"), List.of("97110", "therapeutic exercise", "ther ex", "strengthening"));
        lists.put(PhraseLists.service("97112"), List.of("97112", "neuromuscular re-education", "NMR", "balance"));
        lists.put(PhraseLists.service("97140"), List.of("97140", "manual therapy", "STM", "joint mobs"));
        lists.put(PhraseLists.service("97129"), List.of("97129", "97130", "cognitive", "memory"));
        WITH_SERVICES = REF.withPhrases(new DocumentationPhrases("test", lists));
    }

    private static List<Finding> d019(Visit v) {
        return of(check(v, WITH_SERVICES), "MW-D019");
    }

    @Test
    void everyBilledServiceNamedNothing() {
        assertThat(d019(strong().build())).isEmpty();
        // Named in the therapists' words, not by code.
        assertThat(d019(strong().note("NMR: perturbation training with tactile cues. Ther ex: bridges with verbal "
                + "cues.").build())).isEmpty();
    }

    @Test
    void aBilledCodeTheNoteNeverMentionsFires() {
        List<Finding> f = d019(strong().service(ServiceLine.of("97140", 15, Role.PT)).build());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("services[code=97140]");
            assertThat(x.message()).startsWith("97140 (label 97140) is billed, but the note does not mention it")
                    .contains("\"manual therapy\", \"STM\", \"joint mobs\"");
        });
        // Mentioned in any of its words: silent.
        assertThat(d019(strong().service(ServiceLine.of("97140", 15, Role.PT))
                .note(STRONG + " STM to the L hip flexors.").build())).isEmpty();
    }

    @Test
    void aCodeWithoutAListIsNotLookedForAndTheCognitivePairIsOneService() {
        assertThat(d019(strong().service(ServiceLine.of("97530", 15, Role.PT)).build())).isEmpty();
        Visit cognitive = Visit.builder("V-4", DocFixtures.DOS).payer("medicare").diagnosis("I69.351")
                .totalTreatmentMinutes(40).service(ServiceLine.of("97129", 38, Role.PT))
                .note("Memory retraining with spaced retrieval and cues; pt recalled 4/5 items.").build();
        assertThat(d019(cognitive)).isEmpty();
        assertThat(d019(cognitive.toBuilder().note("Tx as planned, tolerated well.").build()))
                .extracting(Finding::path).containsExactly("services[code=97129]");
    }

    @Test
    void withoutTheServiceListsSilent() {
        assertThat(of(check(strong().service(ServiceLine.of("97140", 15, Role.PT)).build(), REF), "MW-D019"))
                .isEmpty();
    }

    /** A value right after a service's word makes it a measurement ("ROM 0-110"); a dose does not ("2-3 sets"). */
    @Test
    void aRangeOrDegreesAfterTheWordIsAMeasurementADoseIsNot() {
        for (String t : List.of("ROM 0-110", "ROM: 0 - 110", "AROM 95 deg", "PROM 0 to 95", "ROM 10\u2013120",
                "ROM 95\u00b0")) {
            assertThat(ServiceNotInNote.valueFollows(t, t.indexOf("ROM") + 3)).as(t).isTrue();
        }
        for (String t : List.of("ROM 2-3 sets", "ROM 2-3x10", "ROM 10-15 reps", "ROM 8-10 min", "ROM exercises",
                "ROM 3x10", "ROM", "ROM 0-")) {
            assertThat(ServiceNotInNote.valueFollows(t, t.indexOf("ROM") + 3)).as(t).isFalse();
        }
    }
}
