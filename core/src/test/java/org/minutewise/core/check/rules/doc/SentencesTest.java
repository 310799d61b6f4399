package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.doc.NoteMinutes;

/** MW-D014, MW-D015 and MW-D016 ask whether a sentence states minutes as NoteMinutes reads them (MW-D020). */
class SentencesTest {
    @Test
    void minutesInASentenceAsTheNoteReaderSeesThem() {
        for (String s : List.of("Pt performed balance board x 10 min.", "Pt performed balance board x 10min.",
                "NuStep 8 mins I'ly.", "NuStep 8 minutes I'ly.", "Tandem stance 5' with CGA.",
                "Tandem stance 5\u2019 with CGA.", "NuStep 8\u00A0min I'ly.")) {
            assertThat(Sentences.hasMinutes(s, 0, s.length())).as(s).isTrue();
            assertThat(NoteMinutes.statesMinutes(s, 0, s.length())).as(s).isTrue();
        }
        for (String s : List.of("Pt performed mini squats x 10.", "Pt performed 3 x 10 reps.",
                "RPE 13 'somewhat hard'.", "Pt performed 10 m walk test.")) {
            assertThat(Sentences.hasMinutes(s, 0, s.length())).as(s).isFalse();
        }
    }
}
