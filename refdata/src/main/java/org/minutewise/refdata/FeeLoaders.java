package org.minutewise.refdata;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.KxThreshold;
import org.minutewise.core.fees.PaymentRates;
import org.minutewise.core.fees.Rvu;

/**
 * Loaders for fee figures. RVU and GPCI files are read by their header names, so CMS's PPRRVU CSV
 * (HCPCS, WORK RVU, NON-FAC PE RVU, MP RVU) and GPCI CSV (Locality Number, Locality Name, PW GPCI, PE GPCI,
 * MP GPCI) load as published, as do the small samples shipped here.
 */
public final class FeeLoaders {
    private FeeLoaders() {
    }

    /**
     * Yearly figures, read by their header names: year, conversionFactor (blank when not known), kxPtSlp, kxOt,
     * targetedReview, mpprPeShare, assistantShare, coinsurance, source.
     */
    public static void yearly(InputStream in, String name, Map<Integer, BigDecimal> cfOut, List<KxThreshold> kxOut,
                              List<PaymentRates> ratesOut) {
        DataFile f = DataFile.read(in, name);
        if (f.rows.isEmpty()) {
            throw new RefDataException(name + ": no header row");
        }
        DataFile.Row header = f.rows.get(0);
        int year = named(f, header, "year");
        int cf = named(f, header, "conversionFactor");
        int kxPtSlp = named(f, header, "kxPtSlp");
        int kxOt = named(f, header, "kxOt");
        int review = named(f, header, "targetedReview");
        int mppr = named(f, header, "mpprPeShare");
        int assistant = named(f, header, "assistantShare");
        int coinsurance = named(f, header, "coinsurance");
        int source = named(f, header, "source");
        for (DataFile.Row row : f.rows.subList(1, f.rows.size())) {
            int y;
            try {
                y = Integer.parseInt(row.get(year));
            } catch (NumberFormatException e) {
                throw f.error(row, "year", "expected a year, got " + row.get(year));
            }
            if (!row.get(cf).isEmpty()) {
                cfOut.put(y, money(f, row, cf, "conversionFactor"));
            }
            kxOut.add(new KxThreshold(y, money(f, row, kxPtSlp, "kxPtSlp"), money(f, row, kxOt, "kxOt"),
                    money(f, row, review, "targetedReview"), row.get(source)));
            ratesOut.add(new PaymentRates(y, share(f, row, mppr, "mpprPeShare"),
                    share(f, row, assistant, "assistantShare"), share(f, row, coinsurance, "coinsurance")));
        }
    }

    private static int named(DataFile f, DataFile.Row header, String column) {
        for (int i = 0; i < header.fields().size(); i++) {
            if (header.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw f.error(header, "", "the header has no column " + column);
    }

    private static BigDecimal share(DataFile f, DataFile.Row row, int i, String column) {
        BigDecimal v = money(f, row, i, column);
        if (v.compareTo(BigDecimal.ONE) > 0) {
            throw f.error(row, column, "a share between 0 and 1, got " + row.get(i));
        }
        return v;
    }

    /** RVUs by header: HCPCS, WORK RVU, NON-FAC PE RVU (or PE RVU), MP RVU; a 'year' column or the given year. */
    public static List<Rvu> rvus(InputStream in, String name, int defaultYear) {
        DataFile f = DataFile.read(in, name);
        List<Rvu> out = new ArrayList<>();
        int code = -1;
        int work = -1;
        int pe = -1;
        int mp = -1;
        int year = -1;
        int mod = -1;
        for (DataFile.Row row : f.rows) {
            if (code < 0) {
                int c = DataFile.column(row.fields(), "HCPCS");
                int w = DataFile.column(row.fields(), "WORK RVU");
                int p = DataFile.column(row.fields(), "NON-FAC PE RVU", "NON-FACILITY PE RVU", "PE RVU");
                int m = DataFile.column(row.fields(), "MP RVU", "MALPRACTICE RVU");
                if (c >= 0 && w >= 0 && p >= 0 && m >= 0) {
                    code = c;
                    work = w;
                    pe = p;
                    mp = m;
                    year = DataFile.column(row.fields(), "YEAR");
                    mod = DataFile.column(row.fields(), "MOD");
                }
                continue;
            }
            String hcpcs = row.get(code);
            if (!ProcedureCode.isWellFormed(hcpcs) || (mod >= 0 && !row.get(mod).isEmpty())) {
                continue; // a title row, or a modifier-specific row (26/TC): not therapy pricing
            }
            int y = defaultYear;
            if (year >= 0) {
                try {
                    y = Integer.parseInt(row.get(year));
                } catch (NumberFormatException e) {
                    throw f.error(row, "year", "expected a year, got " + row.get(year));
                }
            }
            out.add(new Rvu(hcpcs, y, money(f, row, work, "WORK RVU"), money(f, row, pe, "PE RVU"),
                    money(f, row, mp, "MP RVU")));
        }
        if (code < 0) {
            throw new RefDataException(name + ": no header row with HCPCS, WORK RVU, PE RVU and MP RVU columns");
        }
        return out;
    }

    /** GPCIs by header: Locality Number, Locality Name, PW GPCI, PE GPCI, MP GPCI (a MAC column is prefixed). */
    public static List<Gpci> gpcis(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        List<Gpci> out = new ArrayList<>();
        int loc = -1;
        int locName = -1;
        int pw = -1;
        int pe = -1;
        int mp = -1;
        int mac = -1;
        for (DataFile.Row row : f.rows) {
            if (loc < 0) {
                loc = DataFile.column(row.fields(), "LOCALITY NUMBER");
                locName = DataFile.column(row.fields(), "LOCALITY NAME");
                pw = DataFile.column(row.fields(), "PW GPCI", "WORK GPCI");
                pe = DataFile.column(row.fields(), "PE GPCI");
                mp = DataFile.column(row.fields(), "MP GPCI");
                mac = DataFile.column(row.fields(), "MAC", "CONTRACTOR");
                if (loc < 0 || pw < 0 || pe < 0 || mp < 0) {
                    loc = -1;
                }
                continue;
            }
            if (row.get(loc).isEmpty()) {
                continue;
            }
            String id = mac >= 0 && !row.get(mac).isEmpty() ? row.get(mac) + "-" + row.get(loc) : row.get(loc);
            out.add(new Gpci(id, locName >= 0 ? row.get(locName) : id, money(f, row, pw, "PW GPCI"),
                    money(f, row, pe, "PE GPCI"), money(f, row, mp, "MP GPCI")));
        }
        if (loc < 0) {
            throw new RefDataException(name + ": no header row with Locality Number, PW GPCI, PE GPCI and MP GPCI");
        }
        return out;
    }

    /**
     * A clinic fee schedule: code, charge. Since it replaces the sample schedule whole, a file that would silently
     * drop or change charges is refused, naming the line: a file without a charge, a code given twice (which of the
     * two is meant is not known) and a value beyond the two columns (a third column is not a charge; an empty one, a
     * spreadsheet's trailing comma, is no value).
     */
    public static Map<String, BigDecimal> charges(InputStream in, String name) {
        DataFile f = DataFile.read(in, name);
        Map<String, BigDecimal> out = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (DataFile.Row row : f.rows) {
            for (int i = 2; i < row.fields().size(); i++) {
                if (!row.get(i).isEmpty()) {
                    throw f.error(row, "", "expected 2 values (code,charge), got " + row.fields().size() + ": \""
                            + row.get(i) + "\" is not part of a fee schedule");
                }
            }
            if (row.get(0).equalsIgnoreCase("code")) {
                continue;
            }
            String code = row.get(0).toUpperCase();
            if (!ProcedureCode.isWellFormed(code)) {
                throw f.error(row, "code", "not a CPT or HCPCS code: " + row.get(0));
            }
            BigDecimal charge = money(f, row, 1, "charge");
            if (charge.stripTrailingZeros().scale() > 2) {
                throw f.error(row, "charge", "at most 2 decimal places (dollars and cents), got " + row.get(1));
            }
            Integer before = lineOf.putIfAbsent(code, row.line());
            if (before != null) {
                throw f.error(row, "code", code + " is given twice (line " + before + " too); give each code one "
                        + "charge");
            }
            out.put(code, charge);
        }
        if (out.isEmpty()) {
            // The schedule replaces the sample: an empty one would take every charge off the claims.
            throw new RefDataException(name + ": no charge found (expected rows of code,charge, such as 97110,65.00)");
        }
        return out;
    }

    private static BigDecimal money(DataFile f, DataFile.Row row, int i, String column) {
        try {
            BigDecimal v = new BigDecimal(row.get(i).replace("$", "").replace(",", ""));
            if (v.signum() < 0) {
                throw f.error(row, column, "must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw f.error(row, column, "expected a number, got \"" + row.get(i) + "\"");
        }
    }
}
