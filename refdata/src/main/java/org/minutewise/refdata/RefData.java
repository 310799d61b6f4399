package org.minutewise.refdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.DiagnosisCatalog;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.edits.PtpTable;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.fees.PaymentRates;
import org.minutewise.core.fees.Rvu;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.payer.PayerProfiles;

/** The embedded reference data, and the loading of a clinic's own files on top of it. */
public final class RefData {
    private static volatile ReferenceData defaults;

    private RefData() {
    }

    /** The data shipped in this jar (loaded once, then shared: it is immutable). */
    public static ReferenceData defaults() {
        ReferenceData d = defaults;
        if (d == null) {
            synchronized (RefData.class) {
                d = defaults;
                if (d == null) {
                    d = new ReferenceData(codes(), PayerProfiles.of(builtInPayers()))
                            .withDiagnoses(diagnoses())
                            .withPtp(embedded("ncci-ptp-starter.txt", in -> EditLoaders.ptp(in,
                                    "ncci-ptp-starter.txt", true)))
                            .withMue(embedded("mue-starter.csv", in -> EditLoaders.mue(in, "mue-starter.csv", true,
                                    LocalDate.of(2020, 1, 1))))
                            .withFees(fees())
                            .withPhrases(PhraseListLoader.embedded());
                    defaults = d;
                }
            }
        }
        return d;
    }

    public static CodeCatalog codes() {
        return embedded("codes.csv", in -> CodeCatalogLoader.load(in, "codes.csv"))
                .withModifiers(embedded("modifiers.csv", in -> ModifierListLoader.load(in, "modifiers.csv")));
    }

    public static DiagnosisCatalog diagnoses() {
        return embedded("icd10-categories.csv", in -> DiagnosisCatalogLoader.load(in, "icd10-categories.csv"));
    }

    public static List<PayerProfile> builtInPayers() {
        return embedded("payers.json", in -> PayerProfileLoader.load(in, "built-in"));
    }

    static FeeData fees() {
        Map<Integer, BigDecimal> cf = new HashMap<>();
        List<KxThreshold> kx = new ArrayList<>();
        List<PaymentRates> rates = new ArrayList<>();
        embedded("yearly-figures.csv", in -> {
            FeeLoaders.yearly(in, "yearly-figures.csv", cf, kx, rates);
            return null;
        });
        List<Rvu> rvus = embedded("pfs-rvu-sample.csv", in -> FeeLoaders.rvus(in, "pfs-rvu-sample.csv", 2026));
        List<Gpci> gpcis = embedded("gpci-sample.csv", in -> FeeLoaders.gpcis(in, "gpci-sample.csv"));
        Map<String, BigDecimal> charges = embedded("clinic-fees-sample.csv", in -> FeeLoaders.charges(in,
                "clinic-fees-sample.csv"));
        return new FeeData("sample-2026.2", true, rvus, gpcis, cf, kx, rates, charges);
    }

    /** The defaults with a clinic's payer profile file on top (its ids replace built-in ones). */
    public static ReferenceData withPayerFile(ReferenceData base, Path file) {
        List<PayerProfile> loaded = fromFile(file, in -> PayerProfileLoader.load(in, file.getFileName().toString()));
        return base.withPayers(base.payers().with(loaded));
    }

    /** CMS's Practitioner PTP file (tab-delimited), replacing the starter table. */
    public static ReferenceData withNcciFile(ReferenceData base, Path file) {
        return base.withPtp(fromFile(file, in -> EditLoaders.ptp(in, file.getFileName().toString(), false)));
    }

    /** CMS's Practitioner Services MUE CSV, replacing the starter table; values apply from {@code effective}. */
    public static ReferenceData withMueFile(ReferenceData base, Path file, LocalDate effective) {
        return base.withMue(fromFile(file, in -> EditLoaders.mue(in, file.getFileName().toString(), false,
                effective)));
    }

    /** CMS's PPRRVU file (or the sample layout) for the given year, replacing the sample RVUs. */
    public static ReferenceData withRvuFile(ReferenceData base, Path file, int year) {
        List<Rvu> rvus = fromFile(file, in -> FeeLoaders.rvus(in, file.getFileName().toString(), year));
        return base.withFees(base.fees().withRvus(rvus, file.getFileName().toString()));
    }

    /** CMS's GPCI file, adding its localities. */
    public static ReferenceData withGpciFile(ReferenceData base, Path file) {
        List<Gpci> gpcis = fromFile(file, in -> FeeLoaders.gpcis(in, file.getFileName().toString()));
        return base.withFees(base.fees().withGpcis(gpcis));
    }

    /**
     * A clinic fee schedule (code, charge) in place of the shipped sample charges: a code it does not price has no
     * charge (the 837 asks for one on the line) rather than the sample's figure.
     */
    public static ReferenceData withFeeSchedule(ReferenceData base, Path file) {
        Map<String, BigDecimal> charges = fromFile(file, in -> FeeLoaders.charges(in, file.getFileName().toString()));
        return base.withFees(base.fees().replacingCharges(charges));
    }

    /**
     * A reader of a user's text file that takes UTF-8 and, where a byte is not valid UTF-8 (the CMS files are plain
     * ASCII, some vendor files Latin-1), replaces it rather than failing.
     */
    public static java.io.BufferedReader lenientReader(InputStream in) {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        return new java.io.BufferedReader(new java.io.InputStreamReader(in, d));
    }

    /**
     * Loads a user's file ({@code --rvu-file}, {@code --icd10-file}, ...): a file that is missing or cannot be read is
     * a {@link RefDataException} naming it.
     */
    public static <T> T fromFile(Path file, Function<InputStream, T> load) {
        try (InputStream in = Files.newInputStream(file)) {
            return load.apply(in);
        } catch (NoSuchFileException e) {
            throw new RefDataException(file + ": no such file");
        } catch (IOException e) {
            throw new RefDataException(file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T embedded(String name, Function<InputStream, T> load) {
        try (InputStream in = RefData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("reference data missing from the jar: " + name);
            }
            return load.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
