package org.minutewise.cli;

import java.nio.file.Path;
import org.minutewise.knowledge.KnowledgeBase;
import picocli.CommandLine.Option;

/** Options of lookup, search and ask: descriptor files a user supplies (the project ships none). */
final class KnowledgeFiles {
    @Option(names = "--cpt-file", paramLabel = "FILE",
            description = "A licensed CPT descriptor file (code, tab/comma/pipe, descriptor; one code a line).")
    Path cptFile;

    @Option(names = "--icd10-file", paramLabel = "FILE",
            description = "The CMS ICD-10-CM order file (icd10cm_order_YYYY.txt) or codes file (icd10cm_codes_YYYY.txt).")
    Path icd10File;

    @Option(names = "--hcpcs-file", paramLabel = "FILE",
            description = "The CMS HCPCS Level II annual file (fixed-width record layout).")
    Path hcpcsFile;

    /** The shipped knowledge base, or one built with the given files on top. */
    KnowledgeBase knowledgeBase() {
        if (cptFile == null && icd10File == null && hcpcsFile == null) {
            return KnowledgeBase.standard();
        }
        KnowledgeBase.Builder b = KnowledgeBase.builder();
        if (cptFile != null) {
            b.cptFile(cptFile);
        }
        if (icd10File != null) {
            b.icd10File(icd10File);
        }
        if (hcpcsFile != null) {
            b.hcpcsFile(hcpcsFile);
        }
        return b.build();
    }
}
