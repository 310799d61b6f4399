package org.minutewise.core.codes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The complete ICD-10-CM code set of one fiscal year, as CMS publishes it (a file the user gives: the project ships
 * none): every code, and whether it is a header (a category or subcategory not valid on a claim) or billable. With
 * it, a diagnosis can be looked up rather than only judged by its shape and category.
 */
public final class Icd10CodeSet {
    /** A year 2010-2099 standing alone in a file name ("icd10cm-codes-2026.txt"). */
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)(20[1-9]\\d)(?!\\d)");

    /** One code of the file: without its dot or with it, and whether it is a header (order file flag 0). */
    public record Entry(String code, boolean header) {
        public Entry {
            Objects.requireNonNull(code, "code");
        }
    }

    private final String version;
    /** The fiscal year the set is for (October 1 of the year before to September 30), or 0 when not known. */
    private final int fiscalYear;
    /** Header flag by code without its dot, upper case. */
    private final Map<String, Boolean> headerByKey;

    /**
     * @param version what names the code set in a message: the file and its fiscal year, e.g.
     *                "icd10cm_order_2026.txt, ICD-10-CM FY2026"
     */
    public Icd10CodeSet(String version, Collection<Entry> entries) {
        this(version, 0, entries);
    }

    /**
     * @param fiscalYear the fiscal year the set is for (FY2026 applies from 2025-10-01 to 2026-09-30), or 0 when
     *                   not known
     */
    public Icd10CodeSet(String version, int fiscalYear, Collection<Entry> entries) {
        this.version = Objects.requireNonNull(version, "version");
        if (fiscalYear != 0 && fiscalYear < 2015) {
            throw new IllegalArgumentException("fiscal year " + fiscalYear + ": ICD-10-CM applies from FY2016");
        }
        this.fiscalYear = fiscalYear;
        Map<String, Boolean> m = new HashMap<>(entries.size() * 2);
        for (Entry e : entries) {
            m.merge(DiagnosisCategory.key(e.code()), e.header(), (a, b) -> a && b);
        }
        this.headerByKey = Map.copyOf(m);
    }

    public String version() {
        return version;
    }

    /** The fiscal year the set is for, when known. */
    public Optional<Integer> fiscalYear() {
        return fiscalYear == 0 ? Optional.empty() : Optional.of(fiscalYear);
    }

    /**
     * The fiscal year of a date of service: ICD-10-CM's year starts on October 1, so 2025-10-01 is in FY2026.
     */
    public static int fiscalYearOf(java.time.LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    /**
     * Whether the set is known to be another fiscal year's than the date of service's: its codes are then no
     * proof either way (codes are added, deleted and subdivided every October 1).
     */
    public boolean otherYearThan(java.time.LocalDate dateOfService) {
        return fiscalYear != 0 && dateOfService != null && fiscalYearOf(dateOfService) != fiscalYear;
    }

    public int size() {
        return headerByKey.size();
    }

    /** Whether the code is in the set (header or billable), dot and case ignored. */
    public boolean contains(String diagnosis) {
        return headerByKey.containsKey(DiagnosisCategory.key(diagnosis));
    }

    /** Empty when the code is not in the set; true when it is a header, false when billable. */
    public Optional<Boolean> header(String diagnosis) {
        return Optional.ofNullable(headerByKey.get(DiagnosisCategory.key(diagnosis)));
    }

    /**
     * The fiscal year a CMS file name says (icd10cm_order_2026.txt, icd10cm_codes_2026.txt, "2026 Code Tables"):
     * the first run of four digits from 2015 on, or empty.
     */
    public static Optional<Integer> yearOf(String fileName) {
        Matcher m = YEAR_IN_NAME.matcher(fileName);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= 2015) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }
}
