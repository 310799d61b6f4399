package org.minutewise.core.doc;

import java.util.List;

/**
 * The names of the phrase lists the documentation checks read (RULES.md §7). The phrases themselves are
 * reference data (refdata {@code documentation-phrases.txt}); a list that is absent or empty switches off the
 * checks that need it rather than making them fire on every note.
 */
public final class PhraseLists {
    /** The neuromuscular deficit: balance, proprioception, coordination, postural or motor control. */
    public static final String DEFICIT = "deficit";
    /** The function the deficit limits: falls, unsafe transfers, gait, daily activities. */
    public static final String FUNCTION = "function";
    /** An explicit balance or proprioceptive deficit, which lets a musculoskeletal diagnosis support 97112. */
    public static final String BALANCE_DEFICIT = "balance-deficit";
    /** Named neuromuscular reeducation techniques: PNF, perturbation training, gaze stabilization, ... */
    public static final String TECHNIQUE = "technique";
    /** What makes a minute skilled: cues, facilitation, guarding, progression, hands-on technique. */
    public static final String SKILLED = "skilled";
    /** Objective measures: Berg, Tinetti, TUG, single-leg stance, Romberg, DGI, FGA, ABC scale, ... */
    public static final String MEASURE = "measure";
    /** The patient's response to treatment. */
    public static final String RESPONSE = "response";
    /** A response that says nothing on its own ("tolerated well"): vague when it is the only one. */
    public static final String VAGUE_RESPONSE = "vague-response";
    /** Plan and progress. */
    public static final String PLAN = "plan";
    /** A stated goal or purpose ("goal", "to improve", "in order to"), counted against the timed codes billed. */
    public static final String GOAL = "goal";
    /** Vague phrases a reviewer reads as unskilled ("worked on balance", "balance activities"). */
    public static final String VAGUE = "vague";
    /** The patient doing something ("pt performed", "patient completed"): unskilled without a cue nearby. */
    public static final String ACTIVITY = "activity";
    /** Independent, unsupervised or home exercise: not billable as any timed one-on-one code. */
    public static final String INDEPENDENT = "independent";
    /** Time the note says was left out of the billed time ("not billed", "not counted"). */
    public static final String NOT_BILLED = "not-billed";
    /**
     * Words that negate the phrase a few words after them in the same sentence: "no", "without", "w/o", "denies",
     * "did not require" ("no VC or TC needed", "denies unsteadiness"). See {@link Negation}.
     */
    public static final String NEGATION = "negation";
    /** Words that negate the phrase a few words before them: "not needed", "not required" ("cues not needed"). */
    public static final String NEGATION_AFTER = "negation-after";

    /**
     * The lists whose matches do not count where the sentence negates them ({@link Negation}): a negated cue is no
     * skilled input, a denied unsteadiness no deficit. The other lists are read as written ("no increase in pain"
     * is a response, "denies falls" is left to the function check).
     */
    public static final List<String> NEGATABLE = List.of(SKILLED, DEFICIT, BALANCE_DEFICIT);

    /** Every list the checks read, in a stable order. */
    public static final List<String> ALL = List.of(DEFICIT, FUNCTION, BALANCE_DEFICIT, TECHNIQUE, SKILLED, MEASURE,
            RESPONSE, VAGUE_RESPONSE, PLAN, GOAL, VAGUE, ACTIVITY, INDEPENDENT, NOT_BILLED, NEGATION, NEGATION_AFTER);

    private PhraseLists() {
    }
}
