package org.minutewise.formats.fhir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.formats.InputException;
import org.minutewise.refdata.RefData;

/**
 * Run by {@link FhirRuntimeClasspathTest} in a JVM whose classpath is the formats module's runtime classpath:
 * reads a FHIR Bundle, checks it, writes the claim Bundle and the visit Bundle, and reads a bad Bundle.
 */
public final class RuntimeSmoke {
    private RuntimeSmoke() {
    }

    public static void main(String[] args) throws Exception {
        ReferenceData ref = RefData.defaults();
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        List<FhirClaimWriter.Entry> out = new ArrayList<>();
        for (FhirVisitReader.Result r : FhirVisitReader.read(json, ref, "medicare")) {
            CheckResult c = new VisitChecker(ref).check(r.visit().orElseThrow());
            out.add(FhirClaimWriter.Entry.checked(c, r.source()));
            FhirVisitWriter.write(c.visit());
        }
        String claim = FhirClaimWriter.writeAll(out);
        try {
            FhirVisitReader.read(json.replace("2026-03-02T09:00:00-05:00", "2026-03-02T99:00:00-05:00"), ref,
                    "medicare");
            throw new IllegalStateException("a bad time was accepted");
        } catch (InputException expected) {
            System.out.println("error " + expected.getMessage());
        }
        System.out.println("ok " + claim.length());
    }
}
