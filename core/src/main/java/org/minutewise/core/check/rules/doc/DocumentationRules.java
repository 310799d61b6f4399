package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.Rule;

/**
 * The documentation checks on the visit's note and time fields (RULES.md §2, §7), MW-D001 upward, in the order
 * they run. The checks on the note's text read the phrase lists of the reference data and stay silent when
 * none are loaded; the checks on the time fields (MW-D011 to MW-D013) always run.
 */
public final class DocumentationRules {
    private DocumentationRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new NoteMissing(),
                new NoDeficitFor97112(),
                new NoFunctionFor97112(),
                new DiagnosisDoesNotSupport97112(),
                new NoTechniqueFor97112(),
                new NoMeasureFor97112(),
                new NoSkilledInput(),
                new NoPatientResponse(),
                new NoPlanOrProgress(),
                new NoDistinctGoals(),
                new TotalTreatmentTimeMissing(),
                new TimedMinutesExceedTotal(),
                new StartEndTimesMissing(),
                new VaguePhrase(),
                new UnskilledActivity(),
                new IndependentExerciseBilled(),
                new CopiedNote(),
                new ServiceNotInNote(),
                new NoteMinutesDisagree(),
                new GroupTimeInNote());
    }
}
