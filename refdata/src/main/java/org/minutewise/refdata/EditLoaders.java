package org.minutewise.refdata;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.edits.PtpEdit;
import org.minutewise.core.edits.PtpTable;

/**
 * Loaders for CMS's public NCCI file layouts: the Practitioner PTP edits (tab-delimited text: Column 1,
 * Column 2, prior-to-1996 flag, Effective Date YYYYMMDD, Deletion Date or '*', Modifier indicator 0/1/9,
 * rationale) and the Practitioner Services MUE table (CSV: code, MUE value, adjudication indicator such as
 * "3 Date of Service Edit: Clinical", rationale). Header and title rows (any row whose first field is not a
 * code) are skipped, so CMS's files load as published.
 */
public final class EditLoaders {
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    private EditLoaders() {
    }

    public static PtpTable ptp(InputStream in, String name, boolean starter) {
        DataFile f = DataFile.read(in, name);
        List<PtpEdit> edits = new ArrayList<>();
        // A pair's rows so far: one pair may have several rows (an edit deleted, then another from a later date), but
        // two that apply on the same dates with different indicators leave the indicator unknown.
        Map<String, List<Dated<PtpEdit>>> byPair = new HashMap<>();
        for (DataFile.Row row : f.rows) {
            if (!ProcedureCode.isWellFormed(row.get(0))) {
                continue;
            }
            if (row.fields().size() < 6) {
                throw f.error(row, "", "expected at least 6 fields (Column 1, Column 2, prior-1996, effective, "
                        + "deletion, modifier), got " + row.fields().size());
            }
            String c2 = row.get(1);
            if (!ProcedureCode.isWellFormed(c2)) {
                throw f.error(row, "Column 2", "not a CPT or HCPCS code: " + c2);
            }
            LocalDate eff = ymd(f, row, 3, "Effective Date");
            Optional<LocalDate> del = row.get(4).equals("*") || row.get(4).isEmpty() ? Optional.empty()
                    : Optional.of(ymd(f, row, 4, "Deletion Date"));
            int mod;
            switch (row.get(5)) {
                case "0" -> mod = 0;
                case "1" -> mod = 1;
                case "9" -> mod = 9;
                default -> throw f.error(row, "Modifier", "expected 0, 1 or 9, got " + row.get(5));
            }
            PtpEdit e = new PtpEdit(row.get(0), c2, eff, del, mod);
            Dated<PtpEdit> clash = null;
            List<Dated<PtpEdit>> same = byPair.computeIfAbsent(e.column1() + "\t" + e.column2(), k -> new ArrayList<>());
            for (int k = 0; clash == null && k < same.size(); k++) {
                PtpEdit o = same.get(k).value();
                clash = o.modifierIndicator() != mod && overlap(o, e) ? same.get(k) : null;
            }
            if (clash != null) {
                throw f.error(row, "Modifier", e.column1() + "/" + e.column2() + " is given twice for the same dates "
                        + "(line " + clash.line() + " too), with modifier indicator " + clash.value().modifierIndicator()
                        + " there and " + mod + " here: which is meant is not known; give the pair one indicator for "
                        + "those dates");
            }
            same.add(new Dated<>(row.line(), e));
            edits.add(e);
        }
        if (edits.isEmpty()) {
            // An empty table would silently turn every NCCI check off.
            throw new RefDataException(name + ": no NCCI edit found (expected rows of Column 1, Column 2, "
                    + "prior-1996 flag, effective date, deletion date, modifier indicator, tab-delimited as CMS "
                    + "publishes them)");
        }
        return new PtpTable(f.version, starter, edits);
    }

    public static MueTable mue(InputStream in, String name, boolean starter, LocalDate effective) {
        DataFile f = DataFile.read(in, name);
        List<Mue> values = new ArrayList<>();
        Map<String, Dated<Mue>> byCode = new HashMap<>();
        for (DataFile.Row row : f.rows) {
            if (!ProcedureCode.isWellFormed(row.get(0))) {
                continue;
            }
            int max;
            try {
                max = new BigDecimal(row.get(1)).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw f.error(row, "MUE value", "expected a whole number, got " + row.get(1));
            }
            if (max < 0) {
                throw f.error(row, "MUE value", "must not be negative, got " + row.get(1));
            }
            String mai = row.get(2);
            if (mai.isEmpty() || mai.charAt(0) < '1' || mai.charAt(0) > '3') {
                throw f.error(row, "MUE Adjudication Indicator", "expected 1, 2 or 3 first, got \"" + mai + "\"");
            }
            Mue m = new Mue(row.get(0), max, mai.charAt(0) - '0', row.get(3), effective);
            // The whole file takes one effective date: a code's second row is another value for the same days.
            Dated<Mue> before = byCode.putIfAbsent(m.code(), new Dated<>(row.line(), m));
            if (before != null) {
                Mue o = before.value();
                if (o.maxUnits() == max && o.adjudicationIndicator() == m.adjudicationIndicator()) {
                    continue; // the same row again (two tables concatenated): nothing is ambiguous
                }
                throw f.error(row, "HCPCS/CPT Code", m.code() + " is given twice (line " + before.line() + " too), "
                        + "with MUE " + o.maxUnits() + " (indicator " + o.adjudicationIndicator() + ") there and "
                        + max + " (indicator " + m.adjudicationIndicator() + ") here: which is meant is not known; "
                        + "give each code one MUE value");
            }
            values.add(m);
        }
        if (values.isEmpty()) {
            // An empty table would silently turn every MUE check off.
            throw new RefDataException(name + ": no MUE value found (expected rows of HCPCS/CPT code, MUE value, "
                    + "adjudication indicator, rationale, as CMS publishes them)");
        }
        return new MueTable(f.version, starter, values);
    }

    /** A value read from a file, with the line it was on (to name both lines of a value given twice). */
    private record Dated<T>(int line, T value) {
    }

    /**
     * Whether two edits of one pair apply on a common date: each from its effective date to the day before its
     * deletion (open without one); an edit deleted on its effective date (CMS's indicator 9 rows) applies on none.
     */
    private static boolean overlap(PtpEdit a, PtpEdit b) {
        return before(a.effective(), a.deleted()) && before(b.effective(), b.deleted())
                && before(a.effective(), b.deleted()) && before(b.effective(), a.deleted());
    }

    private static boolean before(LocalDate date, Optional<LocalDate> end) {
        return end.isEmpty() || date.isBefore(end.get());
    }

    private static LocalDate ymd(DataFile f, DataFile.Row row, int i, String column) {
        try {
            return LocalDate.parse(row.get(i), YMD);
        } catch (DateTimeParseException e) {
            throw f.error(row, column, "expected a date as YYYYMMDD, got \"" + row.get(i) + "\"");
        }
    }
}
