package org.minutewise.formats.fhir;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI structure validation for the tests: the JSON parses back with the strict error handler, and the resource
 * passes HAPI's {@link FhirValidator} against the official R4 XML schema and Schematron invariants (the validator
 * compiles the Schematron once per JVM, which takes a while, so it is shared).
 */
final class FhirValidation {
    private static FhirValidator validator;

    private FhirValidation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirValidator v = FhirR4.context().newValidator();
            v.setValidateAgainstStandardSchema(true);
            v.setValidateAgainstStandardSchematron(true);
            validator = v;
        }
        return validator;
    }

    /** Parses FHIR JSON back with HAPI's strict error handler: unknown elements and bad values fail. */
    static Bundle parseStrict(String json) {
        IParser p = FhirR4.context().newJsonParser();
        p.setParserErrorHandler(new StrictErrorHandler());
        return p.parseResource(Bundle.class, json);
    }

    /** Error and fatal messages of the schema and Schematron validation, as "location: message". */
    static synchronized List<String> errors(IBaseResource r) {
        ValidationResult result = validator().validateWithResult(r);
        List<String> out = new ArrayList<>();
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                out.add(m.getLocationString() + ": " + m.getMessage());
            }
        }
        return out;
    }

    /** References that do not resolve to an entry's fullUrl (contained and absent references aside). */
    static List<String> unresolvedReferences(Bundle b) {
        Set<String> urls = new HashSet<>();
        b.getEntry().forEach(e -> urls.add(e.getFullUrl()));
        List<String> out = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            Resource r = e.getResource();
            for (Reference ref : FhirR4.context().newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                if (ref.hasReference() && !ref.getReference().startsWith("#") && !urls.contains(ref.getReference())) {
                    out.add(r.fhirType() + " -> " + ref.getReference());
                }
            }
        }
        return out;
    }
}
