package org.minutewise.refdata;

import picocli.CommandLine.Option;

/**
 * The reference data options of every command that checks visits (the CLI's commands and the Spark job), as a
 * picocli mixin beside the {@link RefFiles} they make: each file goes on top of the embedded data. Names, not
 * paths, so the Spark job can name a file it ships to its executors. picocli is an optional dependency of this
 * module: only the commands, which bring it, use this class.
 */
public class RefFileOptions {
    @Option(names = "--payer-profile", paramLabel = "FILE",
            description = "Load payer profiles from a JSON file (one profile or {\"profiles\":[...]}); "
                    + "their ids join or replace the built-ins (medicare, commercial).")
    public String payerProfile;

    @Option(names = "--ncci-file", paramLabel = "FILE",
            description = "CMS Practitioner PTP edits (tab-delimited, as published); replaces the starter table.")
    public String ncciFile;

    @Option(names = "--mue-file", paramLabel = "FILE",
            description = "CMS Practitioner Services MUE table (CSV, as published); replaces the starter table.")
    public String mueFile;

    @Option(names = "--rvu-file", paramLabel = "FILE",
            description = "CMS PPRRVU file (CSV) for the estimate; replaces the sample RVUs.")
    public String rvuFile;

    @Option(names = "--rvu-year", paramLabel = "YEAR", defaultValue = "2026",
            description = "Year of the RVU file when it has no year column (default: ${DEFAULT-VALUE}).")
    public int rvuYear;

    @Option(names = "--gpci-file", paramLabel = "FILE", description = "CMS GPCI file (CSV) adding localities.")
    public String gpciFile;

    @Option(names = "--fee-schedule", paramLabel = "FILE",
            description = "The clinic's fee schedule (CSV: code,charge) for line charges.")
    public String feeSchedule;

    @Option(names = "--icd10-file", paramLabel = "FILE",
            description = "The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt) or codes file "
                    + "(icd10cm_codes_YYYY.txt): each diagnosis is looked up in it, and one not in it, or a header, "
                    + "blocks (MW-C015). Without it diagnoses are judged by shape and category only.")
    public String icd10File;

    /** The reference data files given, by name. */
    public RefFiles files() {
        return new RefFiles(payerProfile, ncciFile, mueFile, rvuFile, rvuYear, gpciFile, feeSchedule, icd10File);
    }
}
