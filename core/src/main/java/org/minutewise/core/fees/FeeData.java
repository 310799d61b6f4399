package org.minutewise.core.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Medicare physician fee schedule figures (RVUs, GPCIs, conversion factors, payment shares), KX thresholds, and
 * the clinic's own charges. Loaded from files; {@code sample} marks the small sample shipped with Minutewise.
 */
public final class FeeData {
    private final String version;
    private final boolean sample;
    private final Map<String, Rvu> rvus = new HashMap<>();
    /** The same RVUs by code (each code's few years in a small array): a lookup builds no key string. */
    private final Map<String, Rvu[]> rvusByCode = new HashMap<>();
    private final Map<String, Gpci> gpcis = new HashMap<>();
    private final Map<Integer, BigDecimal> conversionFactors = new HashMap<>();
    private final Map<Integer, KxThreshold> kx = new HashMap<>();
    private final Map<Integer, PaymentRates> rates = new HashMap<>();
    private final Map<String, BigDecimal> charges;
    /** The yearly figures again by {@code year - firstYear}, so a look-up per line boxes no year. */
    private final int firstYear;
    private final BigDecimal[] cfByYear;
    private final KxThreshold[] kxByYear;
    private final PaymentRates[] ratesByYear;

    public FeeData(String version, boolean sample, Collection<Rvu> rvus, Collection<Gpci> gpcis,
                   Map<Integer, BigDecimal> conversionFactors, Collection<KxThreshold> kx,
                   Collection<PaymentRates> rates, Map<String, BigDecimal> charges) {
        this.version = version;
        this.sample = sample;
        rvus.forEach(r -> this.rvus.put(r.year() + "|" + r.code(), r));
        for (Rvu r : this.rvus.values()) {
            Rvu[] old = rvusByCode.get(r.code());
            Rvu[] now = old == null ? new Rvu[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = r;
            rvusByCode.put(r.code(), now);
        }
        gpcis.forEach(g -> this.gpcis.put(g.locality(), g));
        this.conversionFactors.putAll(conversionFactors);
        kx.forEach(k -> this.kx.put(k.year(), k));
        rates.forEach(r -> this.rates.put(r.year(), r));
        this.charges = Map.copyOf(charges);
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int y : this.conversionFactors.keySet()) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        for (int y : this.kx.keySet()) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        for (int y : this.rates.keySet()) {
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        boolean dense = lo <= hi && hi - lo < 1000;
        this.firstYear = dense ? lo : 0;
        this.cfByYear = new BigDecimal[dense ? hi - lo + 1 : 0];
        this.kxByYear = new KxThreshold[cfByYear.length];
        this.ratesByYear = new PaymentRates[cfByYear.length];
        if (dense) {
            this.conversionFactors.forEach((y, cf) -> cfByYear[y - firstYear] = cf);
            this.kx.forEach((y, k) -> kxByYear[y - firstYear] = k);
            this.rates.forEach((y, r) -> ratesByYear[y - firstYear] = r);
        }
    }

    private <T> T byYear(T[] table, Map<Integer, T> map, LocalDate date) {
        int at = date.getYear() - firstYear;
        if (table.length > 0) {
            return at >= 0 && at < table.length ? table[at] : null;
        }
        return map.get(date.getYear());
    }

    public static FeeData empty() {
        return new FeeData("empty", true, List.of(), List.of(), Map.of(), List.of(), List.of(), Map.of());
    }

    public String version() {
        return version;
    }

    public boolean sample() {
        return sample;
    }

    public Optional<Rvu> rvu(String code, LocalDate date) {
        Rvu[] years = rvusByCode.get(code);
        if (years != null) {
            int year = date.getYear();
            for (Rvu r : years) {
                if (r.year() == year) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Gpci> gpci(String locality) {
        return Optional.ofNullable(gpcis.get(locality));
    }

    public Optional<BigDecimal> conversionFactor(LocalDate date) {
        return Optional.ofNullable(byYear(cfByYear, conversionFactors, date));
    }

    public Optional<KxThreshold> kxThreshold(LocalDate date) {
        return Optional.ofNullable(byYear(kxByYear, kx, date));
    }

    /** Whether any year's KX thresholds are loaded (none in bare test data). */
    public boolean hasKxThresholds() {
        return !kx.isEmpty();
    }

    /** The year's payment shares (multiple procedure reduction, CQ/CO, coinsurance). */
    public Optional<PaymentRates> paymentRates(LocalDate date) {
        return Optional.ofNullable(byYear(ratesByYear, rates, date));
    }

    /** The clinic's charge for a code, from its fee schedule. */
    public Optional<BigDecimal> charge(String code) {
        return Optional.ofNullable(charges.get(code));
    }

    /** A copy whose RVUs are these (a full file replaces the sample); no longer a sample. */
    public FeeData withRvus(Collection<Rvu> loaded, String loadedVersion) {
        return new FeeData(loadedVersion, false, loaded, gpcis.values(), conversionFactors, kx.values(), rates.values(),
                charges);
    }

    /** A copy with these localities added (or replaced by id). */
    public FeeData withGpcis(Collection<Gpci> loaded) {
        Map<String, Gpci> m = new HashMap<>(gpcis);
        loaded.forEach(g -> m.put(g.locality(), g));
        return new FeeData(version, sample, rvus.values(), m.values(), conversionFactors, kx.values(), rates.values(),
                charges);
    }

    /** The clinic's own fee schedule in place of the charges so far (the shipped sample's, say). */
    public FeeData replacingCharges(Map<String, BigDecimal> clinicCharges) {
        return new FeeData(version, sample, rvus.values(), gpcis.values(), conversionFactors, kx.values(),
                rates.values(), clinicCharges);
    }

    public FeeData withCharges(Map<String, BigDecimal> clinicCharges) {
        Map<String, BigDecimal> m = new HashMap<>(charges);
        m.putAll(clinicCharges);
        return new FeeData(version, sample, rvus.values(), gpcis.values(), conversionFactors, kx.values(), rates.values(),
                m);
    }
}
