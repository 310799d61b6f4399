package org.minutewise.refdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.codes.DiagnosisCatalog;
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
                    d = new ReferenceData(codes(), PayerProfiles.of(builtInPayers())).withDiagnoses(diagnoses());
                    defaults = d;
                }
            }
        }
        return d;
    }

    public static CodeCatalog codes() {
        try (InputStream in = resource("codes.csv")) {
            return CodeCatalogLoader.load(in, "codes.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DiagnosisCatalog diagnoses() {
        try (InputStream in = resource("icd10-categories.csv")) {
            return DiagnosisCatalogLoader.load(in, "icd10-categories.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<PayerProfile> builtInPayers() {
        try (InputStream in = resource("payers.json")) {
            return PayerProfileLoader.load(in, "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defaults with a clinic's payer profile file on top (its ids replace built-in ones). */
    public static ReferenceData withPayerFile(ReferenceData base, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<PayerProfile> loaded = PayerProfileLoader.load(in, file.getFileName().toString());
            return base.withPayers(base.payers().with(loaded));
        } catch (NoSuchFileException e) {
            throw new RefDataException(file + ": no such file");
        } catch (IOException e) {
            throw new RefDataException(file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = RefData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("reference data missing from the jar: " + name);
        }
        return in;
    }
}
