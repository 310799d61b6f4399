package org.minutewise.core.codes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete ICD-10-CM code set of one fiscal year, as CMS publishes it (a file the user gives: the project ships
 * none): every code, and whether it is a header (a category or subcategory not valid on a claim) or billable. With
 * it, a diagnosis can be looked up rather than only judged by its shape and category.
 */
public final class Icd10CodeSet {
    /** One code of the file: without its dot or with it, and whether it is a header (order file flag 0). */
    public record Entry(String code, boolean header) {
        public Entry {
            Objects.requireNonNull(code, "code");
        }
    }

    private final String version;
    /** Header flag by code without its dot, upper case. */
    private final Map<String, Boolean> headerByKey;

    /**
     * @param version what names the code set in a message: the file and its fiscal year, e.g.
     *                "icd10cm_order_2026.txt, ICD-10-CM FY2026"
     */
    public Icd10CodeSet(String version, Collection<Entry> entries) {
        this.version = Objects.requireNonNull(version, "version");
        Map<String, Boolean> m = new HashMap<>(entries.size() * 2);
        for (Entry e : entries) {
            m.merge(DiagnosisCategory.key(e.code()), e.header(), (a, b) -> a && b);
        }
        this.headerByKey = Map.copyOf(m);
    }

    public String version() {
        return version;
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
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\d)(20[1-9]\\d)(?!\\d)").matcher(fileName);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= 2015) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }
}
