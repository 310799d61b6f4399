package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.refdata.DocumentationReview9Test.NMR_CUED;
import static org.minutewise.refdata.DocumentationReview9Test.ids;
import static org.minutewise.refdata.DocumentationReview9Test.nmr;
import static org.minutewise.refdata.DocumentationReview9Test.only;
import static org.minutewise.refdata.DocumentationReview9Test.teAndGait;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;

/**
 * A deferral written before its list, as notes write it in a template ("Deferred: balance, gait.", "Held: vestibular
 * testing, BERG", "Not tested: proprioception, Romberg", "NT: balance"), on the real phrase file (2026.19): the deficit
 * (MW-D002), the function (MW-D003), the skilled input (MW-D007) and the service (MW-D019) the list names were read as
 * stated or done. A measure or technique the note names only as not done, before or after the deferral word, was
 * read as recorded (MW-D005, MW-D006). Each beside a near miss: the list ends with its clause, and the same words
 * used otherwise head nothing.
 */
class HeadedDeferralRulesTest {
    private static final String HISTORY = "Pt s/p CVA, 2 falls this month. ";

    @Test
    void aDeficitListedAfterADeferralIsNotStated() {
        for (String deferred : List.of("Deferred: balance, coordination and proprioception.",
                "Deferred today - balance and proprioception testing.", "Held: vestibular testing, BERG.",
                "Not tested: proprioception, Romberg.", "NT: balance.", "- Held today: balance, coordination\n",
                "Not assessed this visit: balance, proprioception;")) {
            assertThat(only(nmr("I69.351", HISTORY + deferred + NMR_CUED), "MW-D002").message()).as(deferred)
                    .contains("not assessed");
        }
        // Near misses: the deficit stated in the next sentence or clause, a deferral after its list that covers only
        // it, a deferral without its colon or dash, a reason after the list, a deficit stated in words.
        for (String stated : List.of("Deferred: Berg. Balance impaired w/ narrow BOS.", "Deferred: Berg; balance "
                        + "impaired.", "Balance deficit limits transfers; gait deferred.",
                "Not tested previously, balance now impaired.", "Deferred: stairs d/t unsteadiness.",
                "Deferred: impaired balance, gait.", "Tests deferred: Berg. Poor proprioception R foot.",
                "Held: stairs\nBalance: impaired.")) {
            assertThat(ids(nmr("I69.351", HISTORY + stated + NMR_CUED))).as(stated).doesNotContain("MW-D002");
        }
    }

    @Test
    void aFunctionListedAfterADeferralIsNoFunctionTheDeficitLimits() {
        String deficit = "Pt s/p CVA, impaired dynamic balance. ";
        String session = " NMR 24 min: weight shifting w/ VC and CGA. Pt needed fewer cues by 3rd set.";
        assertThat(ids(nmr("I69.351", deficit + "Deferred: stairs, curbs and transfers." + session)))
                .contains("MW-D003");
        assertThat(ids(nmr("I69.351", deficit + "Held: stairs, transfers d/t BP." + session))).contains("MW-D003");
        // Near misses: the function in the next sentence; "held" that heads nothing.
        assertThat(ids(nmr("I69.351", deficit + "Deferred: stairs. Unsafe sit to stand transfers." + session)))
                .doesNotContain("MW-D003");
        assertThat(ids(nmr("I69.351", deficit + "Pt held SLS 10 s, unsafe transfers." + session)))
                .doesNotContain("MW-D003");
    }

    private static final String TE = "Pt s/p R TKA. Ther ex 23 min: SLR and bridges 3x10 w/ VC for form and TC at quad. ";

    @Test
    void aServiceListedAfterADeferralIsNotDone() {
        Finding f = only(teAndGait(TE + "Deferred: balance, gait training d/t pt fatigue."), "MW-D019");
        assertThat(f.path()).isEqualTo("services[code=97116]");
        assertThat(f.message()).contains("\"Deferred: balance, gait training d/t pt fatigue.\"");
        for (String deferred : List.of("Held: gait training, stairs.", "Deferred today - stairs and gait.",
                "Not performed: curbs, gait training.")) {
            assertThat(only(teAndGait(TE + deferred), "MW-D019").path()).as(deferred)
                    .isEqualTo("services[code=97116]");
        }
        // Near misses: the gait training in the next sentence, or before the deferral.
        // "held:" inside its clause is how long something was held, not a deferral: "Gait training held: ..." reads
        // as the time, and the service was done (MW-D019 fired on "Balance training held: 30 s tandem stance").
        for (String done : List.of("Deferred: stairs. Gait training 15 min w/ CGA.", "Deferred: stairs; gait training "
                + "15 min w/ CGA.", "Gait training 15 min w/ CGA, stairs deferred.",
                "Gait training held: 2 min intervals w/ CGA.", "Stairs, gait training held: 30 s rests w/ CGA.")) {
            assertThat(ids(teAndGait(TE + done))).as(done).doesNotContain("MW-D019");
        }
    }

    private static final String HEMIPARESIS = "Pt w/ R hemiparesis after CVA, impaired dynamic balance, 2 falls this "
            + "month. ";

    @Test
    void aMeasureNamedOnlyAsNotDoneIsNoMeasureRecorded() {
        String nmr = "NMR 24 min: tandem walk and weight shifting w/ VC and CGA. Goal: reduce fall risk at home. ";
        for (String deferred : List.of("Berg deferred d/t fatigue.", "Held: vestibular testing, BERG.",
                "Not tested: proprioception, Romberg.", "Berg, TUG and DGI deferred today.")) {
            assertThat(only(nmr("I69.351", HEMIPARESIS + nmr + deferred), "MW-D006").message()).as(deferred)
                    .contains("it names one only as not done: \"");
        }
        // Near misses: a measure recorded beside one deferred, in its own clause or sentence.
        for (String recorded : List.of("Berg 42/56, TUG deferred.", "Deferred: TUG. Berg 44/56.",
                "TUG deferred; Berg 44/56.", "Romberg held: 30 s eyes closed.")) {
            assertThat(ids(nmr("I69.351", HEMIPARESIS + nmr + recorded))).as(recorded).doesNotContain("MW-D006");
        }
        // A note without any measure: the message as before.
        assertThat(only(nmr("I69.351", HEMIPARESIS + nmr), "MW-D006").message()).doesNotContain("not done");
    }

    @Test
    void aTechniqueNamedOnlyAsNotDoneIsNoTechnique() {
        String cued = "NMR 24 min: VC and CGA for standing tolerance, pt fatigued. Goal: reduce fall risk at home. ";
        for (String deferred : List.of("Held: perturbation training, gaze stabilization.",
                "Perturbation training deferred today d/t fatigue.")) {
            assertThat(only(nmr("I69.351", HEMIPARESIS + cued + deferred), "MW-D005").message()).as(deferred)
                    .contains("but as not done: \"");
        }
        // Near miss: one technique done beside the one deferred.
        assertThat(ids(nmr("I69.351", HEMIPARESIS + cued + "Deferred: perturbation training. Tandem walk x4 w/ "
                + "CGA."))).doesNotContain("MW-D005");
    }

    private static final String NMR_ON_FOAM = "NMR 24 min: tandem walk and SLS on foam, pt fatigued. Goal: reduce "
            + "fall risk at home.";

    @Test
    void skilledInputListedAfterADeferralIsNotGiven() {
        // Near miss: the cues are given in the next sentence.
        firesNotOn("MW-D007", HEMIPARESIS + NMR_ON_FOAM + " Held: perturbations w/ TC at pelvis and CGA.",
                HEMIPARESIS + NMR_ON_FOAM + " Held: perturbations. VC and CGA for tandem walk.");
    }

    /** {@code id} is a finding of the 97112 visit whose note is {@code fires}, not of the one of {@code near}. */
    private static void firesNotOn(String id, String fires, String near) {
        assertThat(ids(nmr("I69.351", fires))).as(fires).contains(id);
        assertThat(ids(nmr("I69.351", near))).as(near).doesNotContain(id);
    }

    /**
     * A heading that ends its line, then a bulleted list ("Deferred:\n- balance\n- gait"), as a template lays it
     * out, covers the bullets as "Deferred: balance, gait." covers its list (the heading covered nothing: its clause
     * ended with the line break), for each rule that reads a deferral. Near misses: a blank line, then a paragraph;
     * the line after the bullets; a line that is no bullet.
     */
    @Test
    void aHeadingAboveBulletsCoversThemForEveryRule() {
        // MW-D002: the deficit.
        for (String deferred : List.of("Deferred:\n- balance\n- coordination\n- proprioception\n",
                "Held:\r\n* vestibular testing\r\n* BERG\r\n",
                "Not tested:\n  \u2022 proprioception\n  \u2022 Romberg\n")) {
            assertThat(only(nmr("I69.351", HISTORY + deferred + NMR_CUED), "MW-D002").message()).as(deferred)
                    .contains("not assessed");
        }
        for (String stated : List.of("Deferred:\n\nBalance impaired w/ narrow BOS.",
                "Deferred:\n- stairs\nBalance impaired w/ narrow BOS.", "Deferred:\nBalance impaired w/ narrow BOS.",
                "Deferred:\n- stairs\n\n- balance impaired w/ narrow BOS.")) {
            assertThat(ids(nmr("I69.351", HISTORY + stated + NMR_CUED))).as(stated).doesNotContain("MW-D002");
        }
        // MW-D003: the function.
        String deficit = "Pt s/p CVA, impaired dynamic balance. ";
        String session = "\nNMR 24 min: weight shifting w/ VC and CGA. Pt needed fewer cues by 3rd set.";
        firesNotOn("MW-D003", deficit + "Deferred:\n- stairs\n- curbs\n- transfers" + session,
                deficit + "Deferred:\n\nUnsafe sit to stand transfers." + session);
        // MW-D007: the skilled input.
        firesNotOn("MW-D007", HEMIPARESIS + NMR_ON_FOAM + "\nHeld:\n- perturbations w/ TC at pelvis\n- CGA",
                HEMIPARESIS + NMR_ON_FOAM + "\nHeld:\n- perturbations\nVC and CGA for tandem walk.");
        // MW-D005: the technique; MW-D006: the measure.
        String cued = "NMR 24 min: VC and CGA for standing tolerance, pt fatigued. Goal: reduce fall risk at home.\n";
        assertThat(only(nmr("I69.351", HEMIPARESIS + cued + "Held:\n- perturbation training\n- gaze stabilization"),
                "MW-D005").message()).contains("but as not done: \"");
        assertThat(ids(nmr("I69.351", HEMIPARESIS + cued + "Held:\n\nTandem walk x4 w/ CGA.")))
                .doesNotContain("MW-D005");
        String measured = "NMR 24 min: tandem walk and weight shifting w/ VC and CGA. Goal: reduce fall risk at home.\n";
        assertThat(only(nmr("I69.351", HEMIPARESIS + measured + "Deferred:\n* Berg\n* TUG\n"), "MW-D006").message())
                .contains("it names one only as not done: \"");
        assertThat(ids(nmr("I69.351", HEMIPARESIS + measured + "Deferred:\n* TUG\nBerg 44/56.")))
                .doesNotContain("MW-D006");
        // MW-D019: the service, quoted from the heading word.
        Finding f = only(teAndGait(TE + "Deferred:\n- balance\n- gait training d/t pt fatigue\n"), "MW-D019");
        assertThat(f.path()).isEqualTo("services[code=97116]");
        assertThat(f.message()).contains("\"Deferred: - balance - gait training d/t pt fatigue\"");
        for (String done : List.of("Deferred:\n\nGait training 15 min w/ CGA.",
                "Deferred:\n- stairs\nGait training 15 min w/ CGA.", "Deferred:\nGait training 15 min w/ CGA.")) {
            assertThat(ids(teAndGait(TE + done))).as(done).doesNotContain("MW-D019");
        }
    }
}
