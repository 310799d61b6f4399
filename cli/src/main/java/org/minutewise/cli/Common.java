package org.minutewise.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.refdata.RefData;
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
        ReferenceData ref = RefData.defaults();
        if (payerProfile != null) {
            ref = RefData.withPayerFile(ref, payerProfile);
        }
        if (ncciFile != null) {
            ref = RefData.withNcciFile(ref, ncciFile);
        }
        if (mueFile != null) {
            ref = RefData.withMueFile(ref, mueFile, LocalDate.of(2000, 1, 1));
        }
        if (rvuFile != null) {
            ref = RefData.withRvuFile(ref, rvuFile, rvuYear);
        }
        if (gpciFile != null) {
            ref = RefData.withGpciFile(ref, gpciFile);
        }
        if (feeSchedule != null) {
            ref = RefData.withFeeSchedule(ref, feeSchedule);
        }
        return ref;
    }
}
