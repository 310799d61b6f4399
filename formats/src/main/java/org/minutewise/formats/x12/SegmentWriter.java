package org.minutewise.formats.x12;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.util.List;

/**
 * Writes segments through StAEDI's {@link EDIStreamWriter}, dropping trailing empty elements and components,
 * and counts the segments of the open transaction set for SE01.
 */
final class SegmentWriter {
    private final EDIStreamWriter w;
    private int count;

    SegmentWriter(EDIStreamWriter w) {
        this.w = w;
    }

    /** Starts counting: the ST segment is the first of a transaction set. */
    void resetCount() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** A segment; each element is a String (empty for none) or a String[] (a composite). */
    void segment(String tag, Object... elements) {
        try {
            w.writeStartSegment(tag);
            int last = elements.length - 1;
            while (last >= 0 && empty(elements[last])) {
                last--;
            }
            for (int i = 0; i <= last; i++) {
                Object e = elements[i];
                if (e instanceof String[] comps) {
                    int lc = comps.length - 1;
                    while (lc >= 0 && comps[lc].isEmpty()) {
                        lc--;
                    }
                    if (lc < 0) {
                        w.writeEmptyElement();
                        continue;
                    }
                    w.writeStartElement();
                    for (int c = 0; c <= lc; c++) {
                        if (comps[c].isEmpty()) {
                            w.writeEmptyComponent();
                        } else {
                            w.writeComponent(comps[c]);
                        }
                    }
                    w.endElement();
                } else {
                    String s = (String) e;
                    if (s.isEmpty()) {
                        w.writeEmptyElement();
                    } else {
                        w.writeElement(s);
                    }
                }
            }
            w.writeEndSegment();
            count++;
        } catch (EDIStreamException e) {
            throw new IllegalStateException("writing " + tag + ": " + e.getMessage(), e);
        }
    }

    static String[] composite(List<String> parts) {
        return parts.toArray(new String[0]);
    }

    private static boolean empty(Object e) {
        if (e instanceof String[] comps) {
            for (String c : comps) {
                if (!c.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        return ((String) e).isEmpty();
    }
}
