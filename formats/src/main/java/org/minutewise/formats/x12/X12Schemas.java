package org.minutewise.formats.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The schemas this package ships, loaded once, and StAEDI's X12 00501 control schema. */
final class X12Schemas {
    static final String P_VERSION = "005010X222A1";
    static final String I_VERSION = "005010X223A2";
    static final String P_RESOURCE = "837P-minutewise.xml";
    static final String I_RESOURCE = "837I-minutewise.xml";

    /** StAEDI logs schema notes (unused types, deprecations) at INFO; the CLI keeps stderr for errors. */
    private static final Logger STAEDI_LOG = quiet();

    private static volatile Schema professional;
    private static volatile Schema institutional;
    private static volatile Schema control;

    private X12Schemas() {
    }

    private static Logger quiet() {
        Logger l = Logger.getLogger("io.xlate");
        l.setLevel(Level.WARNING);
        return l;
    }

    static Schema professional() {
        Schema s = professional;
        if (s == null) {
            s = load(P_RESOURCE);
            professional = s;
        }
        return s;
    }

    static Schema institutional() {
        Schema s = institutional;
        if (s == null) {
            s = load(I_RESOURCE);
            institutional = s;
        }
        return s;
    }

    static Schema control() {
        Schema s = control;
        if (s == null) {
            try {
                s = SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                        new String[] {"00501"});
            } catch (EDISchemaException e) {
                throw new IllegalStateException("StAEDI X12 00501 control schema: " + e.getMessage(), e);
            }
            control = s;
        }
        return s;
    }

    private static Schema load(String resource) {
        if (STAEDI_LOG.getLevel() != Level.WARNING) {
            STAEDI_LOG.setLevel(Level.WARNING);
        }
        try (InputStream in = X12Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("bad schema " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
