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
    /**
     * Deficit words that, as what a cue is for, name the cue's aim rather than a deficit: "posture" in "VC for upright
     * posture", "midline" in "TC to maintain midline" ({@link CueAim}).
     */
    public static final String CUE_AIM = "cue-aim";
    /** Named neuromuscular reeducation techniques: PNF, perturbation training, gaze stabilization, ... */
    public static final String TECHNIQUE = "technique";
    /** What makes a minute skilled: cues, facilitation, guarding, progression, hands-on technique. */
    public static final String SKILLED = "skilled";
    /** Objective measures: Berg, Tinetti, TUG, single-leg stance, Romberg, DGI, FGA, ABC scale, ... */
    public static final String MEASURE = "measure";
    /**
     * The measures of {@link #MEASURE} that test balance, proprioception, coordination or motor control (Berg, SLS,
     * tandem stance, Romberg, joint position error, ...): one recorded with a value that shows a deficit ("Berg 42/56",
     * "SLS R 6 s", "Romberg positive") states the neuromuscular deficit (MW-D002, MW-D004).
     */
    public static final String BALANCE_MEASURE = "balance-measure";
    /**
     * Markers of a measured change ("(was", "from", "degrees", "now"), each counting only in its shape around it:
     * "2 errors (was 5)", "flexion 140 to 155 degrees", "patient now ascends stairs" (the rules' MeasuredChange).
     */
    public static final String CHANGE = "change";
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
    /**
     * A plan that says only "continue" ("cont POC", "continue per plan of care"): vague when the note nowhere says
     * what was done or what the clinician did.
     */
    public static final String VAGUE_PLAN = "vague-plan";
    /** The patient doing something ("pt performed", "patient completed"): unskilled without a cue nearby. */
    public static final String ACTIVITY = "activity";
    /**
     * Independent or home exercise, or exercise while the clinician attends another patient ("exercised on own",
     * "HEP performed", "while PT treated another pt"): not billable as any timed one-on-one code.
     */
    public static final String INDEPENDENT = "independent";
    /**
     * A level of independence or supervision ("independently", "(I)", "I'ly", "supervision only"): independent
     * exercise only in a sentence that shows an activity of the session and is not a {@link #STATUS}.
     */
    public static final String INDEPENDENT_LEVEL = "independent-level";
    /**
     * Words that make a sentence a level of function, a goal, a plan or what the patient reports rather than what
     * was done in the session ("unable to", "goal", "reports", "at home", "by the final set").
     */
    public static final String STATUS = "status";
    /**
     * Words that make a sentence what the patient is to do later, not what was done in the visit ("pt to join",
     * "after d/c", "at home"): MW-D016 and MW-D021 do not read independent exercise or group time there.
     */
    public static final String LATER = "later";
    /** A cue phrase that says no cue was given ("without cues", "no cues"): a cue inside one does not count. */
    public static final String NO_CUE = "no-cue";
    /** Time the note says was left out of the billed time ("not billed", "not counted"). */
    public static final String NOT_BILLED = "not-billed";
    /** Group time described in the note ("balance class", "with 3 other pts"): MW-D021 beside one-on-one billing. */
    public static final String GROUP_TIME = "group-time";
    /** Words that say a service was not done in the visit: "deferred", "held today", "not performed" (MW-D019). */
    public static final String NOT_DONE = "not-done";
    /** Words that introduce what the patient reports: "reports", "pt states", "c/o" (MW-D019). */
    public static final String REPORT = "report";
    /**
     * A loss of balance counted in the session ("2 LOB during tandem walk"): beside a statement that balance is normal
     * ("Balance WNL") it contradicts it rather than states the deficit (MW-D002, MW-D004).
     */
    public static final String BALANCE_LOSS = "balance-loss";
    /**
     * Service words that name a test, a sign or equipment, not the service: "manual muscle test", "antalgic gait",
     * "gait belt" (MW-D019).
     */
    public static final String NOT_SERVICE = "not-service";
    /**
     * Words that negate the phrase a few words after them in the same sentence: "no", "without", "w/o", "denies",
     * "did not require" ("no VC or TC needed", "denies unsteadiness"). See {@link Negation}.
     */
    public static final String NEGATION = "negation";
    /** Words that negate the phrase a few words before them: "not needed", "not required" ("cues not needed"). */
    public static final String NEGATION_AFTER = "negation-after";

    /**
     * The lists whose matches do not count where the sentence negates them ({@link Negation}): a negated cue is no
     * skilled input, a denied unsteadiness no deficit, "no falls" or "Gait: WNL" no function the deficit limits
     * ("no longer driving" still is). The other lists are read as written ("no increase in pain" is a response).
     */
    public static final List<String> NEGATABLE = List.of(SKILLED, DEFICIT, BALANCE_DEFICIT, FUNCTION);

    /**
     * The lists that identify a billed service in the note, one per code: {@code service-97140} holds "manual
     * therapy", "STM", "joint mobilization", ... (MW-D019). A code without a list is not looked for.
     */
    public static final String SERVICE_PREFIX = "service-";

    /** The list of the words that identify {@code code} in a note: {@code service-97140}. */
    public static String service(String code) {
        return SERVICE_NAMES.get(code);
    }

    /**
     * The service lists' names by code, each built once and interned: the scan finds a list named by the same
     * (interned) string as its own by reference ({@link PhraseMatcher#listIndex}), with no hash of a new string.
     */
    private static final org.minutewise.core.BoundedMemo<String, String> SERVICE_NAMES =
            new org.minutewise.core.BoundedMemo<>(4096, code -> (SERVICE_PREFIX + code).intern());

    /** Every list the checks read by name, in a stable order (the service lists, one per code, aside). */
    public static final List<String> ALL = List.of(DEFICIT, FUNCTION, BALANCE_DEFICIT, CUE_AIM, TECHNIQUE, SKILLED, MEASURE,
            BALANCE_MEASURE, CHANGE, RESPONSE, VAGUE_RESPONSE, PLAN, GOAL, VAGUE, VAGUE_PLAN, ACTIVITY, INDEPENDENT,
            INDEPENDENT_LEVEL, STATUS, LATER, NOT_BILLED, NO_CUE, GROUP_TIME, NEGATION, NEGATION_AFTER, NOT_DONE,
            REPORT, NOT_SERVICE, BALANCE_LOSS);

    private PhraseLists() {
    }
}
