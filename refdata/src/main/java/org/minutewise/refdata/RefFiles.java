package org.minutewise.refdata;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.minutewise.core.check.ReferenceData;

/**
 * The reference data files a user gives on top of the embedded defaults (the {@code --payer-profile},
 * {@code --ncci-file}, {@code --mue-file}, {@code --rvu-file}/{@code --rvu-year}, {@code --gpci-file},
 * {@code --fee-schedule} and {@code --icd10-file} options of every command), by name, applied in that order.
 * Serializable, so a Spark job
 * can send the names to its executors, which find the files where Spark put them ({@link #apply(ReferenceData,
 * Function)}).
 *
 * @param rvuYear the year the RVU file's values are for
 * @param icd10   the CMS ICD-10-CM order or codes file whose code set each diagnosis is looked up in (MW-C015)
 */
public record RefFiles(String payerProfile, String ncci, String mue, String rvu, int rvuYear, String gpci,
                       String feeSchedule, String icd10) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** MUE values from a file apply from this date (the file says nothing of dates). */
    public static final LocalDate MUE_EFFECTIVE = LocalDate.of(2000, 1, 1);

    public static final RefFiles NONE = new RefFiles(null, null, null, null, 2026, null, null, null);

    /** The files given, null for those not given. */
    public RefFiles {
    }

    /** The files given but an ICD-10-CM code set. */
    public RefFiles(String payerProfile, String ncci, String mue, String rvu, int rvuYear, String gpci,
                    String feeSchedule) {
        this(payerProfile, ncci, mue, rvu, rvuYear, gpci, feeSchedule, null);
    }

    /** Whether any file is given. */
    public boolean any() {
        return !names().isEmpty();
    }

    /** The names given, in the order they are applied. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (String n : new String[] {payerProfile, ncci, mue, rvu, gpci, feeSchedule, icd10}) {
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    /** The defaults with the files on top, each read from where it is named. */
    public ReferenceData apply(ReferenceData base) {
        return apply(base, Path::of);
    }

    /** The defaults with the files on top, each read from the path {@code where} gives for its name. */
    public ReferenceData apply(ReferenceData base, Function<String, Path> where) {
        Objects.requireNonNull(where, "where");
        ReferenceData ref = base;
        if (payerProfile != null) {
            ref = RefData.withPayerFile(ref, where.apply(payerProfile));
        }
        if (ncci != null) {
            ref = RefData.withNcciFile(ref, where.apply(ncci));
        }
        if (mue != null) {
            ref = RefData.withMueFile(ref, where.apply(mue), MUE_EFFECTIVE);
        }
        if (rvu != null) {
            ref = RefData.withRvuFile(ref, where.apply(rvu), rvuYear);
        }
        if (gpci != null) {
            ref = RefData.withGpciFile(ref, where.apply(gpci));
        }
        if (feeSchedule != null) {
            ref = RefData.withFeeSchedule(ref, where.apply(feeSchedule));
        }
        if (icd10 != null) {
            ref = ref.withDiagnoses(ref.diagnoses().withCodeSet(Icd10cmCodeFile.codeSet(where.apply(icd10))));
        }
        return ref;
    }
}
