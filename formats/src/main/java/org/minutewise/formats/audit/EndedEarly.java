package org.minutewise.formats.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An input that ended before its end (a gzip file cut short or damaged): its name as given, the last line read (0 when
 * none was), and what was wrong. What came before was audited; the rest of the file was not, and since a visit's rows
 * may be anywhere in it, any visit may be missing rows: the totals are partial. The single-process audit and the
 * Spark job say it alike.
 */
public record EndedEarly(String file, long afterLine, String problem) implements java.io.Serializable {
    /** The summary.json field that lists them. */
    public static final String FIELD = "inputsEndedEarly";

    public EndedEarly {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
    }

    /** One line for standard error (and the report). */
    public String message() {
        return file + " ended early" + (afterLine > 0 ? " after line " + afterLine : " before its first record")
                + ": " + problem + "; only what came before was audited, and any visit may have rows in the "
                + "part that could not be read, so the totals are partial";
    }

    /** The summary JSON with {@value #FIELD} added when an input ended early (else as it is). */
    public static ObjectNode addTo(ObjectNode summary, List<EndedEarly> endedEarly) {
        if (!endedEarly.isEmpty()) {
            ArrayNode a = summary.putArray(FIELD);
            for (EndedEarly e : endedEarly) {
                a.addObject().put("file", e.file()).put("afterLine", e.afterLine()).put("problem", e.problem())
                        .put("effect", "the rest of the file was not read: the totals are partial (a visit's rows "
                                + "may be anywhere in the file)");
            }
        }
        return summary;
    }
}
