package org.minutewise.cli;

import java.nio.file.Path;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefFiles;
import picocli.CommandLine.Option;

/** Reference data options every command that checks visits shares; each file goes on top of the embedded data. */
final class Common {
    @Option(names = "--payer-profile", paramLabel = "FILE",
            description = "Load payer profiles from a JSON file (one profile or {\"profiles\":[...]}); "
                    + "their ids join or replace the built-ins (medicare, commercial).")
    Path payerProfile;

    @Option(names = "--ncci-file", paramLabel = "FILE",
            description = "CMS Practitioner PTP edits (tab-delimited, as published); replaces the starter table.")
    Path ncciFile;

    @Option(names = "--mue-file", paramLabel = "FILE",
            description = "CMS Practitioner Services MUE table (CSV, as published); replaces the starter table.")
    Path mueFile;

    @Option(names = "--rvu-file", paramLabel = "FILE",
            description = "CMS PPRRVU file (CSV) for the estimate; replaces the sample RVUs.")
    Path rvuFile;

    @Option(names = "--rvu-year", paramLabel = "YEAR", defaultValue = "2026",
            description = "Year of the RVU file when it has no year column (default: ${DEFAULT-VALUE}).")
    int rvuYear;

    @Option(names = "--gpci-file", paramLabel = "FILE", description = "CMS GPCI file (CSV) adding localities.")
    Path gpciFile;

    @Option(names = "--fee-schedule", paramLabel = "FILE",
            description = "The clinic's fee schedule (CSV: code,charge) for line charges.")
    Path feeSchedule;

    ReferenceData ref() {
        return files().apply(RefData.defaults());
    }

    /** The reference data files given, by name. */
    RefFiles files() {
        return new RefFiles(name(payerProfile), name(ncciFile), name(mueFile), name(rvuFile), rvuYear,
                name(gpciFile), name(feeSchedule));
    }

    private static String name(Path p) {
        return p == null ? null : p.toString();
    }
}
