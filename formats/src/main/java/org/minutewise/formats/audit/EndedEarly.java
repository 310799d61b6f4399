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

    /**
     * What was wrong, in words: a gzip stream cut short ({@link java.io.EOFException}) or damaged (any other
     * {@link java.io.IOException}), with the reader's own message when it has one.
     */
    public static String why(java.io.IOException e) {
        return "the gzip data " + (e instanceof java.io.EOFException ? "ends early" : "is damaged")
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /**
     * The reason of the one rejected record that stands for the part of {@code file} that could not be read, after
     * line {@code afterLine} (0: before any record); the record's line is {@code afterLine + 1}.
     */
    public static String lostPart(long afterLine, String problem, String file) {
        return afterLine > 0 ? "line " + (afterLine + 1) + ": " + problem + " after line " + afterLine + "; the rest of "
                + file + " could not be read" : problem + "; " + file + " could not be read";
    }

    /**
     * Why the rows of the visit read last before the cut are set aside ({@code VisitAudit.lostRowReason}'s note):
     * its rows may go on in the part that could not be read, and checked without them it would show wrong units.
     */
    public static String lastVisitNote(long afterLine) {
        return "the file ends early after line " + afterLine + ", and its rows may go on in the part that could not "
                + "be read";
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
