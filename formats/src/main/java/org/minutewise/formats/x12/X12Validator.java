package org.minutewise.formats.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.formats.InputException;

/**
 * Checks an X12 837 against the schemas this module ships: {@code 837P-minutewise.xml} for a group of
 * 005010X222A1, {@code 837I-minutewise.xml} for 005010X223A2, and StAEDI's X12 control schema for the
 * envelope (control numbers, segment and group counts). API: {@link #validate(String)}, an empty list when the
 * file is valid, else one {@link InputException} per problem, located like
 * {@code segment 23 (SV1) element 4}. A set of another transaction or version is reported, not checked.
 */
public final class X12Validator {
    private X12Validator() {
    }

    public static List<InputException> validate(String edi) {
        List<InputException> out = new ArrayList<>();
        String version = "";
        boolean inGs = false;
        try (EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(edi.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8.name())) {
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                if (e == EDIStreamEvent.START_SEGMENT) {
                    inGs = r.getText().equals("GS");
                } else if (e == EDIStreamEvent.ELEMENT_DATA && inGs && r.getLocation().getElementPosition() == 8) {
                    version = r.getText();
                } else if (e == EDIStreamEvent.START_TRANSACTION) {
                    // StAEDI keeps its validator when the new schema "equals" the old, and schemas sharing
                    // types do: clear it first.
                    r.setTransactionSchema(null);
                    if (version.equals(X12Schemas.P_VERSION)) {
                        r.setTransactionSchema(X12Schemas.professional());
                    } else if (version.equals(X12Schemas.I_VERSION)) {
                        r.setTransactionSchema(X12Schemas.institutional());
                    } else {
                        out.add(new InputException(where(r.getLocation(), false), "version \"" + version
                                + "\" is not checked; only " + X12Schemas.P_VERSION + " and " + X12Schemas.I_VERSION));
                    }
                } else if (e.isError()) {
                    String text = e == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR || !r.hasText() ? "" : r.getText();
                    out.add(new InputException(where(r.getLocation(), e != EDIStreamEvent.SEGMENT_ERROR),
                            X12ClaimReader.describe(r.getErrorType(), text, r.getReferenceCode())));
                }
            }
        } catch (EDIStreamException e) {
            out.add(new InputException("", "not readable as X12: " + e.getMessage()));
        } catch (IOException e) {
            out.add(new InputException("", "not readable as X12: " + e.getMessage()));
        }
        return out;
    }

    static String where(Location l, boolean element) {
        StringBuilder sb = new StringBuilder("segment ").append(l.getSegmentPosition());
        if (l.getSegmentTag() != null) {
            sb.append(" (").append(l.getSegmentTag()).append(')');
        }
        if (element && l.getElementPosition() > 0) {
            sb.append(" element ").append(l.getElementPosition());
            if (l.getComponentPosition() > 0) {
                sb.append(" component ").append(l.getComponentPosition());
            }
        }
        return sb.toString();
    }
}
