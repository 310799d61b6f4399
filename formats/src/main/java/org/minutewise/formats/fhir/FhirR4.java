package org.minutewise.formats.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * The one HAPI {@link FhirContext} for FHIR R4. Building a context scans the whole R4 model and takes a second or
 * more, so it is created once, on first use (a lazily initialised holder), and shared: it is thread-safe.
 */
public final class FhirR4 {
    private FhirR4() {
    }

    private static final class Holder {
        private static final FhirContext CONTEXT = FhirContext.forR4();
    }

    public static FhirContext context() {
        return Holder.CONTEXT;
    }

    /** A new JSON parser (parsers are cheap and not thread-safe; the context is neither). */
    public static IParser jsonParser() {
        return context().newJsonParser();
    }
}
