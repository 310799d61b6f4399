package org.minutewise.cli;

import java.nio.file.Path;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.refdata.RefData;
import picocli.CommandLine.Option;

/** Options every command that checks visits shares. */
final class Common {
    @Option(names = "--payer-profile", paramLabel = "FILE",
            description = "Load payer profiles from a JSON file (one profile or {\"profiles\":[...]}); "
                    + "their ids join or replace the built-ins (medicare, commercial).")
    Path payerProfile;

    ReferenceData ref() {
        ReferenceData ref = RefData.defaults();
        return payerProfile == null ? ref : RefData.withPayerFile(ref, payerProfile);
    }
}
