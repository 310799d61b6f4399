package org.minutewise.formats.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every StAEDI validation error of an 837P or 837I against the schemas the module ships. */
final class X12Validation {
    private X12Validation() {
    }

    static List<String> errors(String edi) {
        List<String> out = new ArrayList<>();
        String version = "";
        try (EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(edi.getBytes(StandardCharsets.UTF_8)))) {
            boolean inGs = false;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                if (e == EDIStreamEvent.START_SEGMENT && r.getText().equals("GS")) {
                    inGs = true;
                } else if (e == EDIStreamEvent.ELEMENT_DATA && inGs && r.getLocation().getElementPosition() == 8) {
                    version = r.getText();
                    inGs = false;
                } else if (e == EDIStreamEvent.START_TRANSACTION) {
                    r.setTransactionSchema(null); // schemas sharing types are "equal" to StAEDI
                    r.setTransactionSchema(version.equals(X12Schemas.I_VERSION) ? X12Schemas.institutional()
                            : X12Schemas.professional());
                } else if (e.isError()) {
                    out.add("segment " + r.getLocation().getSegmentPosition() + " " + r.getLocation().getSegmentTag()
                            + " element " + r.getLocation().getElementPosition() + ": " + r.getErrorType());
                }
            }
        } catch (EDIStreamException e) {
            out.add("fatal: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
