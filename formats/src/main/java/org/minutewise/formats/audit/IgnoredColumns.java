package org.minutewise.formats.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.formats.csv.CsvRecordReader;
import org.minutewise.formats.csv.CsvVisitReader;

/**
 * The CSV header columns an audit did not read (not in the layout), per input: what summary.json's
 * {@code ignoredColumns}, report.html and standard error say, the same in the single-process audit and on Spark.
 */
public final class IgnoredColumns {
    /** The summary field that names them (present only when there are some). */
    public static final String FIELD = "ignoredColumns";

    private IgnoredColumns() {
    }

    /**
     * Per input whose header has columns the layout does not have, {@code "INPUT: what they are"}; an input without a
     * header (empty: not CSV) has none.
     */
    public static List<String> notes(ReferenceData ref, List<String> inputs, List<List<String>> headers) {
        List<String> out = new ArrayList<>(0);
        CsvVisitReader reader = new CsvVisitReader(ref);
        for (int i = 0; i < headers.size(); i++) {
            List<String> h = headers.get(i);
            if (!h.isEmpty()) {
                String input = inputs.get(i);
                reader.header(new CsvRecordReader.Record(1, h)).ignoredNote().ifPresent(n -> out.add(input + ": " + n));
            }
        }
        return out;
    }

    /** The summary with {@link #FIELD} listing {@code notes}, when there are some. */
    public static ObjectNode addTo(ObjectNode summary, List<String> notes) {
        if (!notes.isEmpty()) {
            ArrayNode a = summary.putArray(FIELD);
            notes.forEach(a::add);
        }
        return summary;
    }

    /**
     * summary.json as the audit and the Spark job write it: the totals ({@code payerOverride} the --payer given), the
     * inputs that ended early ({@link EndedEarly#FIELD}) and the header columns not read ({@link #FIELD}).
     */
    public static ObjectNode summary(AuditTotals totals, java.util.Optional<String> payerOverride,
                                     List<EndedEarly> endedEarly, List<String> notes) {
        return addTo(EndedEarly.addTo(totals.toSummaryJson(payerOverride), endedEarly), notes);
    }
}
