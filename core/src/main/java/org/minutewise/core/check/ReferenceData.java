package org.minutewise.core.check;

import java.util.Objects;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.edits.PtpTable;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.payer.PayerProfiles;

/** The reference data a check reads, passed in (core does no I/O). Immutable. */
public record ReferenceData(CodeCatalog codes, PayerProfiles payers, DiagnosisCatalog diagnoses, PtpTable ptp,
                            MueTable mue, FeeData fees, DocumentationPhrases phrases) {
    public ReferenceData {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(payers, "payers");
        Objects.requireNonNull(diagnoses, "diagnoses");
        Objects.requireNonNull(ptp, "ptp");
        Objects.requireNonNull(mue, "mue");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(phrases, "phrases");
    }

    /** Codes and payers only; everything else empty (for tests and the bare unit methods). */
    public ReferenceData(CodeCatalog codes, PayerProfiles payers) {
        this(codes, payers, DiagnosisCatalog.empty(), PtpTable.empty(), MueTable.empty(), FeeData.empty(),
                DocumentationPhrases.empty());
    }

    public ReferenceData withPayers(PayerProfiles p) {
        return new ReferenceData(codes, p, diagnoses, ptp, mue, fees, phrases);
    }

    public ReferenceData withPtp(PtpTable t) {
        return new ReferenceData(codes, payers, diagnoses, t, mue, fees, phrases);
    }

    public ReferenceData withMue(MueTable t) {
        return new ReferenceData(codes, payers, diagnoses, ptp, t, fees, phrases);
    }

    public ReferenceData withFees(FeeData f) {
        return new ReferenceData(codes, payers, diagnoses, ptp, mue, f, phrases);
    }

    public ReferenceData withPhrases(DocumentationPhrases p) {
        return new ReferenceData(codes, payers, diagnoses, ptp, mue, fees, p);
    }

    public ReferenceData withDiagnoses(DiagnosisCatalog d) {
        return new ReferenceData(codes, payers, d, ptp, mue, fees, phrases);
    }
}
