package org.minutewise.formats.x12;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Visit;
import org.minutewise.formats.VisitJsonReader;
import org.minutewise.refdata.RefData;

/** Shared test data: the fixture folder, a fixed envelope and clock, and visit JSON checked into results. */
final class X12Fixtures {
    static final Path DIR = Path.of("src/test/resources/x12");
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 12, 0);
    static final X12Envelope ENVELOPE = X12Envelope.defaults()
            .withReceiver("ZZ", "CLEARINGHOUSE", "CLEARINGHOUSE")
            .withControlNumbers(101, 7);
    static final ReferenceData REF = RefData.defaults();
    static final VisitChecker CHECKER = new VisitChecker(REF);

    private X12Fixtures() {
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Visit> visits(Path json) {
        VisitJsonReader reader = new VisitJsonReader(REF);
        JsonNode n = reader.parse(read(json));
        List<Visit> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(reader.read(v)));
        } else {
            out.add(reader.read(n));
        }
        return out;
    }

    static List<CheckResult> checked(Path json) {
        List<CheckResult> out = new ArrayList<>();
        for (Visit v : visits(json)) {
            out.add(CHECKER.check(v));
        }
        return out;
    }
}
