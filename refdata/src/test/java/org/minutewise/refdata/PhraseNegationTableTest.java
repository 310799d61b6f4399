package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseMatch;
import org.minutewise.core.doc.PhraseMatcher;

/**
 * The curated phrase lists' negation over many phrasings: in each row the phrase in brackets, a match of the list
 * named first, is either negated (it does not count for that list) or counts. The rows are the review's defects,
 * their near misses, and the phrasings clinicians write around them.
 */
class PhraseNegationTableTest {
    private static final PhraseMatcher MATCHER = PhraseMatcher.of(PhraseListLoader.embedded());

    private static final String TABLE = """
            # the review's defects (k02, b08, b07, b05) and the same words put otherwise
            skilled         negated | tandem stance, SLS, wt shifting; no [VC] or TC needed.
            skilled         negated | tandem stance, SLS, wt shifting; no VC or [TC] needed.
            skilled         negated | no VC or TC needed, did not require [assistance] or guarding.
            skilled         negated | no VC or TC needed, did not require assistance or [guarding].
            skilled         negated | pt did wt shifting and tandem stance in // bars (I) w/o [assist].
            deficit         negated | Pt s/p R TKA, denies [unsteadiness], no loss of balance reported at home.
            deficit         negated | Pt s/p R TKA, denies unsteadiness, no [loss of balance] reported at home.
            deficit         negated | Pt s/p R TKA, denies unsteadiness, no loss of [balance] reported at home.
            balance-deficit negated | Pt s/p R TKA, denies [unsteadiness], no loss of balance reported at home.
            balance-deficit negated | Pt s/p R TKA, denies unsteadiness, no [loss of balance] reported at home.
            skilled         negated | Pt ambulated 150 ft w/out [assistance].
            skilled         negated | Tandem stance 30 s without [cues] by the final set.
            skilled         negated | didn't need [VC] for foot placement today.
            skilled         negated | didn’t need [VC] for foot placement today.
            skilled         negated | doesn't require [tactile cues] for weight shift.
            skilled         negated | no [verbal cues] needed.
            skilled         negated | no verbal, tactile or [visual cues] needed.
            skilled         negated | no VC, TC or [manual facilitation].
            skilled         negated | No VC/[TC] needed.
            skilled         negated | [VC] for foot placement not needed.
            skilled         negated | VC or [TC] not required.
            skilled         negated | [CGA] not required on level surfaces.
            skilled         negated | pt independent of [cues] for sequencing.
            skilled         negated | no longer requires [VC] for step length.
            skilled         negated | no longer required [assist] for sit to stand.
            skilled         negated | neither VC nor [TC] needed.
            skilled         negated | without VC or without [TC].
            skilled         negated | did not require any physical [assistance].
            skilled         negated | no further [cues] needed.
            skilled         negated | never needed [CGA] on level surfaces.
            skilled         negated | denies needing [assistance] at home.
            skilled         negated | no need for [contact guard] today.
            skilled         negated | NO [CUES] NEEDED.
            deficit         negated | Denies [dizziness] at rest.
            deficit         negated | No [LOB] in static stance.
            deficit         negated | denies dizziness or [vertigo].
            deficit         negated | negative for [dizziness] with head turns.
            deficit         negated | did not have any [LOB] during gait.
            deficit         negated | free of [dizziness] with positional testing.
            deficit         negated | STG: independent household ambulation w/o [LOB].
            deficit         negated | central [vestibular] involvement ruled out.
            balance-deficit negated | pt denies any [imbalance] at home.
            # an EMR template's field that states an absence (TemplateFields)
            skilled         negated | Pt performed tandem stance; [cues]: none required.
            skilled         negated | Gait: 150 ft x2 w/ SPC. [Cues]: none. Assist: none.
            skilled         negated | Gait: 150 ft x2 w/ SPC. Cues: none. [Assist]: none.
            skilled         negated | [Cueing]: N/A
            skilled         negated | [Assist] - none
            skilled         negated | [Assist] – none
            skilled         negated | [CGA]: n/a
            skilled         negated | Tandem stance 3 x 30 s. [VC]/TC: 0.
            skilled         negated | Tandem stance 3 x 30 s. VC/[TC]: 0.
            skilled         negated | [Cues]: none    Assist: min A
            skilled         negated | [Manual facilitation]: not applicable.
            skilled         negated | [Cues] given: none noted today.
            deficit         negated | [LOB]: 0.
            deficit         negated | [Dizziness]: denies.
            deficit         negated | Dizziness: none | [LOB]: none
            deficit         negated | [Balance] deficit: none noted.
            balance-deficit negated | [Balance deficit]: none noted.
            deficit         negated | [Balance]: WNL.
            deficit         negated | Standing [balance]: n/a
            deficit         negated | [Coordination] - within normal limits
            # a deficit said to be absent or normal in other words
            deficit         negated | no difficulty with [balance] during ADLs.
            deficit         negated | Pt reports no problems with [balance] at home.
            deficit         negated | ambulated 300 ft without difficulty with [balance].
            deficit         negated | no issues w/ [balance] on level surfaces.
            deficit         negated | [balance] WNL.
            deficit         negated | sitting [balance] within normal limits.
            deficit         negated | static standing [balance] intact.
            deficit         negated | [proprioception] grossly intact at B ankles.
            deficit         negated | balance and [coordination] WNL.
            deficit         negated | [balance] and coordination WNL.
            # near misses: not negated
            skilled         counts  | no LOB with [min A] and TC at pelvis.
            skilled         counts  | no LOB with min A and [TC] at pelvis.
            skilled         counts  | unable to stand without [mod A].
            skilled         counts  | unable to complete sit to stand without [min A].
            skilled         counts  | not safe to ambulate without [CGA].
            skilled         counts  | cannot maintain tandem stance without [min A].
            skilled         counts  | not independent of [cues] for sequencing.
            skilled         counts  | decreased need for [VC] by the third set.
            skilled         counts  | Pt req'd decreased [VC] by 3rd set.
            skilled         counts  | needed fewer [cues] by the final set.
            skilled         counts  | no LOB, [min A] for reactive steps.
            skilled         counts  | no LOB - [min A] for reactive steps.
            skilled         counts  | no LOB [min A] for reactive steps.
            skilled         counts  | denies dizziness, needs [min A] for transfers.
            skilled         counts  | no more than [min A] for transfers.
            skilled         counts  | no AD; [CGA] for tandem walking.
            skilled         counts  | no LOB: [VC] for posture.
            skilled         counts  | ambulated 150 ft without AD (w/ [CGA]).
            skilled         counts  | ambulated without AD, [CGA] on turns.
            skilled         counts  | 200 ft with no device, [cues] for step length.
            skilled         counts  | no VC needed, [TC] at pelvis for wt shift.
            skilled         counts  | no AD needed [VC] for step length.
            skilled         counts  | no LOB noted with [tactile cues] at pelvis.
            skilled         counts  | no pain but [VC] needed for form.
            skilled         counts  | progressed from mod A to [min A] with no LOB.
            skilled         counts  | Hand placement w/ no cues; still needs [VC] for R foot position.
            skilled         counts  | no LOB without [CGA].
            skilled         counts  | no LOB 2/2 [CGA] at trunk.
            skilled         counts  | denies pain; [verbal cues] for pacing.
            skilled         counts  | Pt did not fall. [Min A] for stepping.
            skilled         counts  | Assist: none, [VC] for posture.
            skilled         counts  | [Cues]: tactile at pelvis; assist: none.
            skilled         counts  | VC for hip/ankle strategy; [progressed from] UE support to none.
            deficit         counts  | not independent w/ static standing [balance].
            deficit         counts  | Pt not independent w/ transfers, poor [trunk control].
            deficit         counts  | no change in [balance] since last visit.
            deficit         counts  | no significant improvement in [balance] this week.
            deficit         counts  | unable to stand without [loss of balance].
            deficit         counts  | cannot ambulate without [LOB].
            deficit         counts  | no dizziness but [unsteady] on turns.
            deficit         counts  | denies falls; reports [unsteadiness] in the shower.
            deficit         counts  | no falls since last visit but still feels [unsteady] in the shower.
            deficit         counts  | Denies dizziness at rest. c/o [dizziness] w/ quick head turns.
            deficit         counts  | impaired [balance] with no AD.
            deficit         counts  | [LOB] x3 without UE support.
            balance-deficit counts  | unable to maintain SLS without [loss of balance].
            balance-deficit counts  | [impaired balance], no falls.
            # near misses of the template fields
            skilled         counts  | [Cues]: verbal and tactile for weight shift.
            skilled         counts  | [Cues]: none for static stance, VC for dynamic reach.
            skilled         counts  | Cues: none for static stance, [VC] for dynamic reach.
            skilled         counts  | [Assist] level: min A.
            skilled         counts  | Cues: none   [Assist]: min A
            deficit         counts  | Static standing [balance]: 0.
            deficit         counts  | Dynamic [balance]: none, requires max A.
            deficit         counts  | [Dizziness]: none at rest, 4/10 with head turns.
            deficit         counts  | Pt c/o [dizziness] with head turns: none at rest.
            # near misses of the deficits said to be absent or normal
            deficit         counts  | difficulty with [balance] on uneven surfaces.
            deficit         counts  | no difficulty with transfers but impaired [balance] on turns.
            deficit         counts  | static balance intact, dynamic [balance] impaired.
            deficit         counts  | no problems with sit to stand; decreased [balance] in tandem.
            deficit         counts  | no difficulty with transfers, [LOB] x2 with turns.
            skilled         counts  | [VC] to keep SpO2 WNL.
            skilled         counts  | [TC] at pelvis, sensation intact.
            balance-deficit counts  | [impaired balance], sensation intact.
            # a clause break ends the negation's reach
            skilled         counts  | no LOB but required [min A] for balance.
            deficit         counts  | no LOB but required min A for [balance].
            deficit         counts  | no LOB; however [unsteady] with head turns.
            """;

    static Stream<Arguments> rows() {
        List<Arguments> out = new ArrayList<>();
        for (String line : TABLE.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf('|');
            String[] head = line.substring(0, bar).trim().split("\\s+");
            out.add(Arguments.of(line.substring(bar + 1).trim(), head[0], head[1].equals("negated")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("rows")
    void negation(String marked, String list, boolean negated) {
        int start = marked.indexOf('[');
        int end = marked.indexOf(']') - 1;
        String note = marked.replace("[", "").replace("]", "");
        NoteScan scan = MATCHER.scan(note);
        List<PhraseMatch> counted = scan.matches(list).stream()
                .filter(m -> m.start() == start && m.end() == end).toList();
        List<PhraseMatch> left = scan.negated(list).stream()
                .filter(m -> m.start() == start && m.end() == end).toList();
        assertThat(counted.size() + left.size()).as("[" + note.substring(start, end) + "] is a match of " + list)
                .isEqualTo(1);
        assertThat(left).as(marked).hasSize(negated ? 1 : 0);
    }
}
