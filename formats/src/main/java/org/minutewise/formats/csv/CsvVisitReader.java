package org.minutewise.formats.csv;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.minutewise.core.Spelling;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.codes.Icd10;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.BodyRegion;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.ClaimInfo;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Period;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.formats.Amounts;
import org.minutewise.formats.InputException;
import org.minutewise.formats.Npi;
import org.minutewise.formats.VisitJsonReader;

/**
 * Reads the documented CSV layout ({@link CsvLayout}): a header, then one row per service line. Each row is
 * validated on its own (a bad row is an {@link InputException} naming the line and column and can be set aside
 * while the rest go on); rows are then assembled into visits by {@code visitId}.
 */
public final class CsvVisitReader {
    /** One validated row. */
    public record Row(long line, String visitId, LocalDate date, String payer, Optional<Setting> setting,
                      Discipline planOfCare, Optional<String> patientId, List<String> diagnoses, String code,
                      OptionalInt minutes, Optional<Period> period, Optional<String> providerId, Role role,
                      Optional<Mode> mode, OptionalInt billedUnits, List<String> billedModifiers,
                      Optional<BigDecimal> charge, Optional<String> note, OptionalInt totalTreatmentMinutes,
                      Optional<String> supervisorId, Optional<Discipline> discipline,
                      Optional<Certification> certification, List<BodyRegion> regions, boolean progressReport,
                      boolean continuation, Optional<String> claimFrequency, Optional<String> payerClaimControlNumber,
                      Optional<String> secondaryPayer, Optional<String> secondaryClaimFilingIndicator,
                      Optional<String> secondaryInsuranceType, Optional<String> description,
                      List<Integer> billedDiagnosisPointers, Optional<String> providerName,
                      Optional<String> supervisorName) {
    }

    /** The column index of each known header name. */
    public static final class Header {
        private final Map<String, Integer> index;

        private final int size;

        private final List<String> ignored;

        /** The layout's columns this header has, in {@link #KNOWN}'s order, and where each is: what a row reads. */
        private final String[] readColumns;
        private final int[] readIndexes;

        /** Each column's name as the header gives it (trimmed, a BOM dropped; "" for a blank one). */
        private final List<String> names;

        private Header(Map<String, Integer> index, int size, List<String> ignored, List<String> names) {
            this.index = index;
            this.size = size;
            this.ignored = List.copyOf(ignored);
            this.names = List.copyOf(names);
            List<String> present = new ArrayList<>(index.size());
            for (String column : KNOWN) {
                if (index.containsKey(column)) {
                    present.add(column);
                }
            }
            readColumns = present.toArray(new String[0]);
            readIndexes = new int[readColumns.length];
            for (int k = 0; k < readColumns.length; k++) {
                readIndexes[k] = index.get(readColumns[k]);
            }
        }

        String get(List<String> fields, String column) {
            Integer i = index.get(column);
            return i == null || i >= fields.size() ? "" : fields.get(i).trim();
        }

        String raw(List<String> fields, String column) {
            Integer i = index.get(column);
            return i == null || i >= fields.size() ? "" : fields.get(i);
        }

        int size() {
            return size;
        }

        /**
         * Each column's name as the header gives it (trimmed, a BOM dropped; "" for a blank one): what
         * {@link CsvRecordReader}'s errors name a column by ({@link CsvRecordReader#names}).
         */
        public List<String> names() {
            return names;
        }

        /** The index of a column (names trimmed, a BOM dropped), or -1. */
        public int column(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }

        /**
         * The header's names that are not columns of the layout, in header order (blank names, the trailing commas
         * spreadsheets write, left out): their values are not read.
         */
        public List<String> ignored() {
            return ignored;
        }

        /**
         * What to tell the user about the ignored columns, one line naming each (and the layout column nearest to
         * it, when one is close), or empty when there are none.
         */
        public Optional<String> ignoredNote() {
            if (ignored.isEmpty()) {
                return Optional.empty();
            }
            List<String> named = new ArrayList<>();
            for (String c : ignored) {
                String near = nearest(c);
                named.add("\"" + c + "\"" + (near == null ? "" : " (nearest layout column: \"" + near + "\")"));
            }
            return Optional.of((ignored.size() == 1 ? "header column " : "header columns ") + String.join(", ", named)
                    + (ignored.size() == 1 ? " is" : " are") + " not in the CSV layout and "
                    + (ignored.size() == 1 ? "is" : "are") + " ignored (see " + LAYOUT_DOC + ")");
        }
    }

    /** Every column the reader knows: the documented layout's and the optional ones. */
    public static final List<String> KNOWN = java.util.stream.Stream.of(CsvLayout.COLUMNS,
            CsvLayout.EXTRA_COLUMNS, CsvLayout.WHEN_GIVEN_COLUMNS).flatMap(List::stream).toList();

    /** A name folded for comparing with the layout's: lower case, without spaces (any), '_', '-' or '.'. */
    private static String folded(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '_' && c != '-'
                && c != '.' && c != '\uFEFF').map(c -> Character.toLowerCase(c)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The layout column a name is a spelling of (differing only in case, spaces, '_', '-' or '.'), or null. */
    static String spellingOf(String name) {
        String f = folded(name);
        for (String k : KNOWN) {
            if (folded(k).equals(f)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The layout column nearest to a name: folded as {@link #spellingOf}, one that it begins (a prefix of at least 3
     * characters, "Min" for "minutes") or within 2 edits of it (3 when they begin
     * with the same 3 characters); null when none is.
     */
    static String nearest(String name) {
        String f = folded(name);
        if (f.isEmpty()) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : KNOWN) {
            String kf = folded(k);
            int d = kf.equals(f) ? 0 : f.length() >= 3 && kf.startsWith(f) ? 1 : Spelling.distance(f, kf);
            // Names that begin alike ("mins", "minutes") may be further apart than others.
            int limit = f.length() >= 3 && kf.startsWith(f.substring(0, 3)) ? 3 : Math.min(2, Math.max(1,
                    kf.length() / 3));
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    private final ReferenceData ref;

    public CsvVisitReader(ReferenceData ref) {
        this.ref = ref;
    }

    /**
     * The header row: the index of each column. Refused (naming line 1 and the column) when a name comes twice, when
     * a name is a layout column spelled in another case or with spaces ("Minutes", "billed units": its values would
     * go unread), or when a required column is missing; other names that are not the layout's are kept in
     * {@link Header#ignored()} for the caller to report.
     */
    public Header header(CsvRecordReader.Record r) {
        Map<String, Integer> idx = new HashMap<>();
        Map<String, Integer> all = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        List<String> names = new ArrayList<>(r.fields().size());
        int size = 0;
        boolean blank = false;
        for (int i = 0; i < r.fields().size(); i++) {
            String name = r.fields().get(i).trim();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            names.add(name);
            if (name.isBlank()) {
                // Trailing commas a spreadsheet writes; the first such column counts in the header's width.
                if (!blank) {
                    size = Math.max(size, i + 1);
                    blank = true;
                }
                continue;
            }
            Integer before = all.putIfAbsent(name, i);
            if (before != null) {
                throw new InputException("line " + r.line(), "header column \"" + name + "\" comes twice (columns "
                        + (before + 1) + " and " + (i + 1) + "); a column may be given once (see " + LAYOUT_DOC + ")");
            }
            size = i + 1;
            if (KNOWN.contains(name)) {
                idx.put(name, i);
                continue;
            }
            String spelling = spellingOf(name);
            if (spelling != null) {
                throw new InputException("line " + r.line(), "header column \"" + name + "\" is not a column of the "
                        + "layout; did you mean \"" + spelling + "\"? Column names are matched exactly, so its "
                        + "values would go unread: rename it (see " + LAYOUT_DOC + ")");
            }
            ignored.add(name);
        }
        List<String> missing = new ArrayList<>();
        for (String required : CsvLayout.REQUIRED) {
            if (!idx.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            String delimited = r.fields().size() == 1 ? otherDelimiter(r.fields().get(0)) : null;
            if (delimited != null) {
                throw new InputException("line " + r.line(), delimited);
            }
            throw new InputException("line " + r.line(), "header row has no column" + (missing.size() == 1 ? " "
                    : "s ") + missing.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))
                    + " (required: " + String.join(",", CsvLayout.REQUIRED) + "; the others of the layout are "
                    + "optional)");
        }
        return new Header(idx, size, ignored, names);
    }

    /** Where to read how the layout is written (named in the errors about a header). */
    public static final String LAYOUT_DOC = "README.md, \"CSV layout\"";

    /**
     * What is wrong with a first line that holds no comma but is delimited by a tab or a ';' (a spreadsheet's
     * export in another locale, a TSV): the problem to report, or null when the line is not so delimited.
     */
    public static String otherDelimiter(String firstLine) {
        if (firstLine.indexOf(',') >= 0) {
            return null;
        }
        if (firstLine.indexOf('\t') >= 0) {
            return "tab-delimited; the CSV layout needs commas (see " + LAYOUT_DOC + ")";
        }
        if (firstLine.indexOf(';') >= 0) {
            return "the header row looks ';'-delimited; the CSV layout needs commas (see " + LAYOUT_DOC + ")";
        }
        return null;
    }

    public Row row(Header h, CsvRecordReader.Record r) {
        List<String> f = r.fields();
        long line = r.line();
        if (f.size() < h.size()) {
            throw new InputException("line " + line, "expected " + h.size() + " columns, got " + f.size());
        }
        // A plain record (no control character, so no line break) swallowed no row and holds no control character.
        int swallowed = r.plain() ? 0 : swallowedRowAt(f, h);
        if (swallowed > 0) {
            throw new InputException("line " + line, "a quoted field opened on line " + line + " is not closed "
                    + "before line " + (line + swallowed) + ", which looks like a row of its own; close the quote "
                    + "(the record, with the lines it took in, is set aside whole)");
        }
        if (f.size() > h.size()) {
            // Empty extra fields are trailing commas (spreadsheets write them); values beyond the header are not
            // ours to guess at, and usually mean a quote left open that took in the row(s) after it.
            for (int i = h.size(); i < f.size(); i++) {
                if (!f.get(i).isBlank()) {
                    throw new InputException("line " + line, "expected " + h.size() + " columns, got " + f.size()
                            + (spansLines(f) ? "; a quoted field runs across a line break and took in what "
                            + "follows it: look for a quote that is not closed on line " + line : ""));
                }
            }
        }
        if (!r.plain()) {
            controls(h, f, line);
        }
        String visitId = required(h, f, line, "visitId");
        LocalDate date = date(required(h, f, line, "dateOfService"), line, "dateOfService");
        String payer = required(h, f, line, "payer");
        if (ref.payers().find(payer).isEmpty()) {
            // Exports often capitalize ("Medicare"): a profile id that differs only in case is that profile.
            String folded = payer.toLowerCase(java.util.Locale.ROOT);
            if (ref.payers().find(folded).isEmpty()) {
                throw err(line, "payer", "unknown payer profile \"" + payer + "\"; known: " + ref.payers().ids());
            }
            payer = folded;
        }
        Optional<Setting> setting = Optional.empty();
        if (!h.get(f, "setting").isEmpty()) {
            setting = Optional.of(Setting.parse(h.get(f, "setting")).orElseThrow(() -> err(line, "setting",
                    "expected one of " + Setting.wireNames() + ", got \"" + h.get(f, "setting") + "\"")));
        }
        Discipline plan = discipline(h.get(f, "planOfCare"), line, "planOfCare");
        List<String> dx = new ArrayList<>();
        for (String d : h.get(f, "diagnoses").split(";")) {
            String code = d.trim().toUpperCase();
            if (!code.isEmpty()) {
                if (!Icd10.isWellFormed(code)) {
                    throw err(line, "diagnoses", "not an ICD-10-CM code: \"" + d.trim() + "\"");
                }
                dx.add(Icd10.dotted(code));
            }
        }
        String code = required(h, f, line, "code").toUpperCase();
        if (!ProcedureCode.isWellFormed(code)) {
            throw err(line, "code", "not a CPT or HCPCS code: \"" + h.get(f, "code") + "\"");
        }
        OptionalInt minutes = number(h.get(f, "minutes"), line, "minutes", VisitJsonReader.MAX_MINUTES);
        Optional<Period> period = period(h, f, line);
        String roleText = required(h, f, line, "role");
        Role role = Role.parse(roleText).orElseThrow(() -> err(line, "role", "expected one of " + Role.wireNames()
                + ", got \"" + roleText + "\""));
        Optional<Mode> mode = Optional.empty();
        if (!h.get(f, "mode").isEmpty()) {
            mode = Optional.of(Mode.parse(h.get(f, "mode")).orElseThrow(() -> err(line, "mode",
                    "expected one-on-one, group or supervised, got \"" + h.get(f, "mode") + "\"")));
        }
        OptionalInt billedUnits = number(h.get(f, "billedUnits"), line, "billedUnits",
                org.minutewise.core.model.Visit.MAX_UNITS);
        List<String> mods = new ArrayList<>();
        for (String m : h.get(f, "billedModifiers").split(";")) {
            String mod = m.trim().toUpperCase();
            if (!mod.isEmpty()) {
                if (!modifier(mod)) {
                    throw err(line, "billedModifiers", "expected 2-character modifiers separated by ';', got \""
                            + m.trim() + "\"");
                }
                mods.add(mod);
            }
        }
        if (mods.size() > 4) {
            throw err(line, "billedModifiers", "at most 4 modifiers on a line, got " + mods.size());
        }
        if (billedUnits.isEmpty() && !mods.isEmpty()) {
            // Read as not billed, the row's modifiers would be dropped and the visit audited as unbilled.
            throw err(line, "billedUnits", "required when billedModifiers are given (got \""
                    + String.join(";", mods) + "\"); a row without billed units is not a billed line");
        }
        List<Integer> pointers = pointers(h.get(f, "billedDiagnosisPointers"), line);
        if (billedUnits.isEmpty() && !pointers.isEmpty()) {
            throw err(line, "billedUnits", "required when billedDiagnosisPointers are given (got \""
                    + h.get(f, "billedDiagnosisPointers") + "\"); a row without billed units is not a billed line");
        }
        Optional<String> description = opt(h.get(f, "description"));
        if (description.isPresent() && description.get().length() > VisitJsonReader.MAX_DESCRIPTION) {
            throw err(line, "description", "at most " + VisitJsonReader.MAX_DESCRIPTION + " characters (the 837P's "
                    + "SV101-7 holds " + VisitJsonReader.MAX_DESCRIPTION + "), got " + description.get().length());
        }
        Optional<BigDecimal> charge = Optional.empty();
        if (!h.get(f, "charge").isEmpty()) {
            if (!ascii(h.get(f, "charge"))) {
                throw err(line, "charge", "expected an amount like 65.00 in the digits 0-9, got \"" + h.get(f, "charge")
                        + "\"");
            }
            try {
                BigDecimal c = new BigDecimal(h.get(f, "charge").replace("$", ""));
                String problem = Amounts.problem(c);
                if (problem != null) {
                    throw err(line, "charge", problem);
                }
                charge = Optional.of(c);
            } catch (NumberFormatException e) {
                throw err(line, "charge", "expected an amount like 65.00, got \"" + h.get(f, "charge") + "\"");
            }
        }
        CodeInfo info = ref.codes().getOrNull(code);
        if (info != null && info.timed() && minutes.isEmpty() && period.isEmpty() && billedUnits.isEmpty()) {
            throw err(line, "minutes", "required for timed code " + code + " (give minutes, or start and end)");
        }
        String note = h.raw(f, "note");
        Optional<Discipline> disc = h.get(f, "discipline").isEmpty() ? Optional.empty()
                : Optional.of(discipline(h.get(f, "discipline"), line, "discipline"));
        return new Row(line, visitId, date, payer, setting, plan, opt(h.get(f, "patientId")), dx, code, minutes,
                period, opt(h.get(f, "providerId")), role, mode, billedUnits, mods, charge,
                note.isBlank() ? Optional.empty() : Optional.of(note),
                number(h.get(f, "totalTreatmentMinutes"), line, "totalTreatmentMinutes", VisitJsonReader.MAX_MINUTES),
                opt(h.get(f, "supervisorId")), disc, certification(h, f, line), regions(h.get(f, "regions"), line),
                bool(h.get(f, "progressReport"), line, "progressReport"),
                bool(h.get(f, "continuation"), line, "continuation"), claimFrequency(h.get(f, "claimFrequency"), line),
                opt(h.get(f, "payerClaimControlNumber")), secondaryPayer(h.get(f, "secondaryPayer")),
                secondaryFiling(h.get(f, "secondaryClaimFilingIndicator"), line),
                secondaryType(h.get(f, "secondaryInsuranceType"), line), description, pointers,
                opt(h.get(f, "providerName")), opt(h.get(f, "supervisorName")));
    }

    /** The most diagnoses a claim holds (837P HI: 12), so the highest pointer a billed line may give. */
    static final int MAX_POINTER = 12;

    /**
     * A billed line's diagnosis pointers (837P SV107): 1-based positions in the visit's diagnoses, at most 4, separated
     * by ';' (a ',' or spaces too), as the visit JSON's {@code billed[].diagnosisPointers}. The visit's diagnoses may
     * be on another of its rows: {@link #visit} checks that each points at one.
     */
    private static List<Integer> pointers(String t, long line) {
        if (t.isEmpty()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>(2);
        for (String p : t.split("[;,\\s]+")) {
            if (p.isEmpty()) {
                continue;
            }
            int n = p.length() <= 2 && ascii(p) && p.chars().allMatch(c -> c >= '0' && c <= '9') ? Integer.parseInt(p)
                    : -1;
            if (n < 1 || n > MAX_POINTER) {
                throw err(line, "billedDiagnosisPointers", "expected diagnosis pointers 1-" + MAX_POINTER
                        + " separated by ';' (1 is the visit's first diagnosis), got \"" + p + "\"");
            }
            out.add(n);
        }
        if (out.size() > 4) {
            throw err(line, "billedDiagnosisPointers", "at most 4 diagnosis pointers on a line (837P SV107), got "
                    + out.size());
        }
        return out;
    }

    /**
     * The secondary payer's profile, as the visit JSON's {@code secondaryPayer}: any id (the check reports one it has
     * no profile for), a known profile's id in another case taken as that profile as the {@code payer} column's is.
     */
    private Optional<String> secondaryPayer(String t) {
        if (t.isEmpty() || ref.payers().find(t).isPresent()) {
            return opt(t);
        }
        String folded = t.toLowerCase(java.util.Locale.ROOT);
        return Optional.of(ref.payers().find(folded).isPresent() ? folded : t);
    }

    /**
     * Refuses a row whose read columns hold a control character (a NUL, an escape, ...; U+0000-U+001F and U+007F),
     * other than a tab, a carriage return or a line feed (in a quoted field): such bytes would pass into claims.csv
     * and findings.csv, where many tools truncate or choke on them. Names the line, the column and the character.
     */
    private static void controls(Header h, List<String> f, long line) {
        for (int col = 0; col < h.readColumns.length; col++) {
            String column = h.readColumns[col];
            int i = h.readIndexes[col];
            if (i >= f.size()) {
                continue;
            }
            String v = f.get(i);
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                    throw err(line, column, String.format(java.util.Locale.ROOT, "holds the control character "
                            + "U+%04X at character %d of the field; remove it (only tabs and line breaks are kept, "
                            + "in a quoted field)", (int) c, k + 1));
                }
            }
        }
    }

    /** True when every character is ASCII ({@link Integer#parseInt} and BigDecimal take any script's digits). */
    private static boolean ascii(String t) {
        for (int k = 0; k < t.length(); k++) {
            if (t.charAt(k) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The secondary payer's claim filing indicator (837 2320 SBR09), checked as the visit JSON's. */
    private static Optional<String> secondaryFiling(String t, long line) {
        String code = t.toUpperCase(java.util.Locale.ROOT);
        String problem = VisitJsonReader.secondaryFilingProblem(code);
        if (problem != null) {
            throw err(line, "secondaryClaimFilingIndicator", problem);
        }
        return opt(code);
    }

    /** Why Medicare pays second (837 2320 SBR05, the MSP type), checked as the visit JSON's. */
    private static Optional<String> secondaryType(String t, long line) {
        String problem = VisitJsonReader.secondaryInsuranceTypeProblem(t);
        if (problem != null) {
            throw err(line, "secondaryInsuranceType", problem);
        }
        return opt(t);
    }

    /** The claim frequency (837 CLM05-3: 1 original, 7 replacement, 8 void), as the visit JSON's. */
    private static Optional<String> claimFrequency(String t, long line) {
        String problem = VisitJsonReader.claimFrequencyProblem(t);
        if (problem != null) {
            throw err(line, "claimFrequency", problem);
        }
        return opt(t);
    }

    /** An optional true/false column: empty is false. */
    private static boolean bool(String t, long line, String column) {
        if (t.isEmpty() || t.equalsIgnoreCase("false")) {
            return false;
        }
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        throw err(line, column, "expected true, false or empty, got \"" + t + "\"");
    }

    /** A line's body regions, separated by ';' (empty: none documented). */
    private static List<BodyRegion> regions(String t, long line) {
        if (t.isEmpty()) {
            return List.of();
        }
        List<BodyRegion> out = new ArrayList<>(2);
        for (String r : t.split(";")) {
            out.add(BodyRegion.parse(r).orElseThrow(() -> err(line, "regions", "expected body regions separated "
                    + "by ';' from " + BodyRegion.names() + ", got \"" + r.trim() + "\"")));
        }
        return out;
    }

    /** The plan of care's certification from the optional columns, when any of them is filled. */
    private static Optional<Certification> certification(Header h, List<String> f, long line) {
        String from = h.get(f, "certificationFrom");
        String to = h.get(f, "certificationTo");
        String physician = h.get(f, "certificationPhysician");
        String npi = h.get(f, "certificationPhysicianNpi");
        if (from.isEmpty() && to.isEmpty() && physician.isEmpty() && npi.isEmpty()) {
            return Optional.empty();
        }
        if (!npi.isEmpty() && !Npi.valid(npi)) {
            throw err(line, "certificationPhysicianNpi", "not a valid NPI (10 digits with a check digit): \"" + npi
                    + "\"");
        }
        Optional<LocalDate> start = optionalDate(from, line, "certificationFrom");
        Optional<LocalDate> end = optionalDate(to, line, "certificationTo");
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw err(line, "certificationTo", "must not be before certificationFrom " + start.get() + ", got "
                    + end.get());
        }
        return Optional.of(new Certification(start, end, opt(physician), opt(npi)));
    }

    private static boolean spansLines(List<String> fields) {
        for (String v : fields) {
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many lines after the record's first a quoted field runs before a line that is a row of its own, or 0: a
     * quote left open swallows the rows after it.
     */
    private static int swallowedRowAt(List<String> fields, Header h) {
        List<Swallowed> s = swallowed(fields, h, true);
        return s.isEmpty() ? 0 : s.get(0).offset();
    }

    /** A row taken into a quoted field: its visit id, and how many lines after the record's first it starts. */
    public record Swallowed(String visitId, int offset) {
    }

    /**
     * The rows a quoted field left open took in: lines inside the record's fields that, cut at their commas, have
     * the header's columns with a visit id and a date of service where the header puts them (a note's line does
     * not). Their visits lost a row: a reader sets those visits aside rather than check them incomplete.
     */
    public static List<Swallowed> swallowed(Header h, CsvRecordReader.Record r) {
        return swallowed(r.fields(), h, false);
    }

    private static List<Swallowed> swallowed(List<String> fields, Header h, boolean firstOnly) {
        int dateColumn = h.column("dateOfService");
        int idColumn = h.column("visitId");
        if (idColumn < 0 || dateColumn < 0) {
            return List.of();
        }
        List<Swallowed> out = List.of();
        int offset = 0;
        for (String v : fields) {
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                continue; // the usual field: on one line
            }
            String[] lines = v.split("\r\n|\r|\n", -1);
            for (int k = 1; k < lines.length; k++) {
                String id = rowLike(lines[k], h, idColumn, dateColumn);
                if (id != null) {
                    if (out.isEmpty()) {
                        out = new ArrayList<>(1);
                    }
                    out.add(new Swallowed(id, offset + k));
                    if (firstOnly) {
                        return out;
                    }
                }
            }
            offset += lines.length - 1;
        }
        return out;
    }

    /**
     * The rows inside a record's raw text (as in the file, line ends included) after its first line, whether or not
     * the record parses: a quote left open may close in the middle of a later row and leave text after it.
     */
    public static List<Swallowed> swallowed(Header h, String recordText) {
        int dateColumn = h.column("dateOfService");
        int idColumn = h.column("visitId");
        if (idColumn < 0 || dateColumn < 0) {
            return List.of();
        }
        List<Swallowed> out = new ArrayList<>(1);
        String[] lines = recordText.split("\r\n|\r|\n", -1);
        for (int k = 1; k < lines.length; k++) {
            String id = rowLike(lines[k], h, idColumn, dateColumn);
            if (id != null) {
                out.add(new Swallowed(id, k));
            }
        }
        return out;
    }

    /**
     * The visit id of a line that is a row of its own (cut at its commas: the header's columns, with a visit id and
     * a date of service where the header puts them; a note's line is not), or null.
     */
    private static String rowLike(String line, Header h, int idColumn, int dateColumn) {
        List<String> cells = null;
        if (line.indexOf('"') >= 0) {
            // An exporter that quotes its fields ("V2","2026-03-02",...): read the line as a record when it is one.
            try {
                cells = CsvRecordReader.parse(line, 1).fields();
            } catch (InputException e) {
                cells = null; // a quote that runs on past the line: cut it at its commas as it stands
            }
        }
        if (cells == null) {
            cells = List.of(line.split(",", -1));
        }
        if (cells.size() >= h.size() && !cells.get(idColumn).isBlank()
                && cells.get(dateColumn).trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return cells.get(idColumn).trim();
        }
        return null;
    }

    /** Why a row taken into the quoted field of the record starting on {@code recordLine} is set aside. */
    public static InputException swallowedRow(Swallowed s, long recordLine) {
        return new InputException("line " + (recordLine + s.offset()), "this row (visit " + s.visitId() + ") was "
                + "taken into a quoted field left open on line " + recordLine + " and is set aside with that record; "
                + "close the quote and read the row again");
    }

    /**
     * What a visit lost: its row on {@code rowLine}, taken into the quoted field of the record on {@code recordLine}
     * ({@link #swallowedRow} says it of the row).
     */
    public static String lostRowNote(long rowLine, long recordLine) {
        return "its row on line " + rowLine + " was taken into a quoted field left open on line " + recordLine;
    }

    /** The visit id of a record (trimmed), "" when it has none: for setting aside a visit whose row is bad. */
    public static String visitIdOf(Header h, CsvRecordReader.Record r) {
        return h.get(r.fields(), "visitId");
    }

    /**
     * The patient and date of service of a record whose {@code visitId} is empty, as {@link #orphanKey(String,
     * String)} writes them, or empty when the record has a visit id or lacks either: a row without a visit id belongs
     * to a visit the reader cannot name, so the visits of its patient on its date are set aside (checked without
     * the row, one would draw findings of its own making).
     */
    public static Optional<String> orphanKey(Header h, CsvRecordReader.Record r) {
        return h.get(r.fields(), "visitId").isEmpty() ? patientDate(h, r) : Optional.empty();
    }

    /**
     * {@link #orphanKey(Header, CsvRecordReader.Record)} of a record cut from a larger file as text and parsed on its
     * own ({@link CsvRecordReader#parse}): empty too when the text holds no record or cannot be read (the row's own
     * check reports that).
     */
    public static Optional<String> orphanKey(Header h, String text, long line) {
        try {
            CsvRecordReader.Record r = CsvRecordReader.parse(text, line);
            return r == null ? Optional.empty() : orphanKey(h, r);
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /** The key of a patient's date ({@link #orphanKey(Header, CsvRecordReader.Record)}): "patient on date". */
    public static String orphanKey(String patientId, String dateOfService) {
        return patientId + " on " + dateOfService;
    }

    /** The keys ({@link #orphanKey(String, String)}) of the patient and date a record gives, or empty. */
    public static Optional<String> patientDate(Header h, CsvRecordReader.Record r) {
        String patient = h.get(r.fields(), "patientId");
        String date = h.get(r.fields(), "dateOfService");
        return patient.isEmpty() || date.isEmpty() ? Optional.empty() : Optional.of(orphanKey(patient, date));
    }

    /** Why the other rows of a visit are set aside when a row of its patient and date has no visit id. */
    public static String orphanReason(String visitId, String key, long orphanLine, int rows) {
        return "visit " + visitId + ": " + orphanNote(key, orphanLine) + "; " + (rows == 1 ? "its row is"
                : "its " + rows + " rows are") + " set aside rather than checked incomplete (give the row its visitId)";
    }

    /** What a visit may have lost: the row on {@code orphanLine}, without a visit id, of its patient and date. */
    public static String orphanNote(String key, long orphanLine) {
        return "the row on line " + orphanLine + " has no visitId but the same patient and date (" + key + "), so it "
                + "may be this visit's";
    }

    /** The first row that carries a field, whatever the rows' order. */
    private static Optional<Row> firstWith(List<Row> rows, java.util.function.Predicate<Row> carries) {
        for (Row r : rows) {
            if (carries.test(r)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> firstOf(List<Row> rows, java.util.function.Function<Row, Optional<T>> field) {
        return firstWith(rows, r -> field.apply(r).isPresent()).flatMap(field);
    }

    /**
     * The first row that gives a visit-level column that may be left empty on the others; every row that gives it
     * must give the same (an error naming the line and column of the first that does not).
     */
    private static Optional<Row> agreed(List<Row> rows, java.util.function.Function<Row, Optional<String>> field,
                                        String column, String what) {
        Optional<Row> first = firstWith(rows, r -> field.apply(r).isPresent());
        if (first.isPresent()) {
            String value = field.apply(first.get()).get();
            for (Row r : rows) {
                Optional<String> v = field.apply(r);
                if (v.isPresent() && !v.get().equals(value)) {
                    throw err(r.line(), column, "visit " + r.visitId() + " gives \"" + value + "\" on line "
                            + first.get().line() + " and \"" + v.get() + "\" here; a visit has one " + what);
                }
            }
        }
        return first;
    }

    private static Optional<LocalDate> optionalDate(String t, long line, String column) {
        return t.isEmpty() ? Optional.empty() : Optional.of(date(t, line, column));
    }

    /** A date column's value, or an error naming the line and column. */
    private static LocalDate date(String t, long line, String column) {
        try {
            return date(t);
        } catch (DateTimeException e) {
            throw err(line, column, org.minutewise.formats.VisitJsonReader.dateProblem(t));
        }
    }

    /**
     * A visit from its rows. The fields every row carries (date, payer, plan of care) come from the first; the
     * others (patient, diagnoses, setting, total treatment minutes, note, certification) from the first row that
     * carries them, so the order of the rows does not matter. The secondary payer, its claim filing indicator and
     * Medicare secondary payer type likewise, but the rows that give one must give the same (else an error naming
     * the line and column), and the last two need a secondary payer, as in the visit JSON.
     */
    public Visit visit(List<Row> rows) {
        Row first = rows.get(0);
        for (Row r : rows) {
            if (!r.date().equals(first.date())) {
                throw err(r.line(), "dateOfService", "visit " + first.visitId() + " has rows on " + first.date()
                        + " and " + r.date() + "; a visit has one date of service");
            }
        }
        List<String> diagnoses = firstWith(rows, r -> !r.diagnoses().isEmpty()).map(Row::diagnoses).orElse(List.of());
        Visit.Builder b = Visit.builder(first.visitId(), first.date()).payer(first.payer())
                .planOfCare(first.planOfCare())
                .diagnoses(diagnoses)
                .patient(new Patient(firstOf(rows, Row::patientId), Optional.empty(), YearToDate.NONE,
                        YearToDate.NONE));
        firstOf(rows, Row::setting).ifPresent(b::setting);
        firstWith(rows, r -> r.totalTreatmentMinutes().isPresent())
                .ifPresent(r -> b.totalTreatmentMinutes(r.totalTreatmentMinutes().getAsInt()));
        firstOf(rows, Row::note).ifPresent(b::note);
        firstOf(rows, Row::certification).ifPresent(b::certification);
        b.progressReport(firstWith(rows, Row::progressReport).isPresent());
        Optional<String> frequency = firstOf(rows, Row::claimFrequency);
        Optional<String> controlNumber = firstOf(rows, Row::payerClaimControlNumber);
        Optional<Row> secondary = agreed(rows, Row::secondaryPayer, "secondaryPayer", "secondary payer");
        Optional<Row> filing = agreed(rows, Row::secondaryClaimFilingIndicator, "secondaryClaimFilingIndicator",
                "claim filing indicator at the secondary payer");
        Optional<Row> mspType = agreed(rows, Row::secondaryInsuranceType, "secondaryInsuranceType",
                "reason Medicare pays second");
        if (secondary.isEmpty() && (filing.isPresent() || mspType.isPresent())) {
            // As the visit JSON: they are the secondary payer's, so without one they say nothing.
            String column = filing.isPresent() ? "secondaryClaimFilingIndicator" : "secondaryInsuranceType";
            throw err(filing.or(() -> mspType).get().line(), column, "given without secondaryPayer on any row of "
                    + "visit " + first.visitId() + ": name the secondary payer's profile too (the rules the check "
                    + "applies to it, e.g. \"commercial\"); " + column + " belongs to that payer");
        }
        String mspBesideOther = mspType.isPresent() && filing.isPresent() ? org.minutewise.formats.VisitJsonReader
                .mspTypeBesideOtherPayerProblem(filing.get().secondaryClaimFilingIndicator().get()) : null;
        if (mspBesideOther != null) {
            throw err(mspType.get().line(), "secondaryInsuranceType", mspBesideOther);
        }
        secondary.flatMap(Row::secondaryPayer).ifPresent(b::secondaryPayer);
        org.minutewise.core.model.SecondaryCoverage sc = new org.minutewise.core.model.SecondaryCoverage(
                Optional.empty(), Optional.empty(), Optional.empty(),
                filing.flatMap(Row::secondaryClaimFilingIndicator), mspType.flatMap(Row::secondaryInsuranceType));
        if (frequency.isPresent() || controlNumber.isPresent() || !sc.isEmpty()) {
            b.claimInfo(ClaimInfo.NONE.withClaimFrequency(frequency).withPayerClaimControlNumber(controlNumber)
                    .withSecondary(sc));
        }
        List<ServiceLine> lines = new ArrayList<>();
        List<BilledLine> billed = new ArrayList<>();
        Row previous = null;
        for (Row r : rows) {
            if (r.continuation()) {
                // A further period of the line above (a line with several periods takes a row per period).
                String problem = previous == null ? "there is no row of the visit above it to continue"
                        : continues(previous, r);
                ServiceLine above = previous == null ? null : lines.get(lines.size() - 1);
                if (problem == null && r.description().isPresent() && !r.description().equals(above.description())) {
                    problem = "its description is the line's, on the line's first row";
                }
                if (problem == null && above.periods().size() >= VisitJsonReader.MAX_PERIODS) {
                    problem = "at most " + VisitJsonReader.MAX_PERIODS + " periods on one service line";
                }
                int k = problem == null ? Period.firstOverlapping(above.periods(), r.period().get()) : -1;
                if (k >= 0) {
                    problem = "its period " + r.period().get() + " overlaps the line's period " + above.periods().get(k);
                }
                if (problem != null) {
                    throw err(r.line(), "continuation", "a row marked as continuing the line above: " + problem);
                }
                List<Period> periods = new ArrayList<>(above.periods());
                periods.add(r.period().get());
                lines.set(lines.size() - 1, above.withPeriods(periods));
            } else {
                Provider p = new Provider(r.providerId(), r.role(), Optional.empty(), r.supervisorId(),
                        Optional.empty()).withNames(r.providerName(), r.supervisorName());
                lines.add(new ServiceLine(r.code(), r.minutes(), r.period().map(List::of).orElse(List.of()), p,
                        r.mode(), r.discipline(), r.billedUnits().isPresent() ? Optional.empty() : r.charge(),
                        r.regions(), r.description()));
            }
            previous = r;
            if (r.billedUnits().isPresent()) {
                for (int k : r.billedDiagnosisPointers()) {
                    if (k > diagnoses.size()) {
                        throw err(r.line(), "billedDiagnosisPointers", "points to no diagnosis: expected 1 to "
                                + diagnoses.size() + " (the visit's diagnoses" + (diagnoses.isEmpty() ? ": it gives "
                                + "none" : "") + "), got " + k);
                    }
                }
                billed.add(new BilledLine(r.code(), r.billedModifiers(), r.billedUnits().getAsInt(), r.charge(),
                        r.billedDiagnosisPointers()));
            }
        }
        return b.services(lines).billed(billed).build();
    }

    /**
     * Why a row marked {@code continuation} cannot be a further period of the line on the row above (null when it
     * can), as {@link CsvVisitWriter} writes a line with several periods: the same code, clinician, mode, plan and
     * regions, both with times, and nothing of a line of its own on it (no minutes, no line charge; a billed line on
     * it is read as billed either way).
     */
    private static String continues(Row above, Row r) {
        if (r.period().isEmpty() || above.period().isEmpty()) {
            return "both it and the row above need start and end times";
        }
        if (r.minutes().isPresent() || r.charge().isPresent() && r.billedUnits().isEmpty()) {
            return "its minutes and charge are the line's, on the line's first row";
        }
        if (!r.code().equals(above.code()) || !r.providerId().equals(above.providerId()) || r.role() != above.role()
                || !r.mode().equals(above.mode()) || !r.supervisorId().equals(above.supervisorId())
                || !r.discipline().equals(above.discipline()) || !r.regions().equals(above.regions())
                || !r.providerName().equals(above.providerName())
                || !r.supervisorName().equals(above.supervisorName())) {
            return "the row above is another service (code, clinician, mode, plan or regions differ)";
        }
        return null;
    }

    /** Groups rows by visit id, in order of first appearance (for inputs that fit in memory). */
    public static Map<String, List<Row>> group(List<Row> rows) {
        Map<String, List<Row>> m = new LinkedHashMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.visitId(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static Optional<Period> period(Header h, List<String> f, long line) {
        String s = h.get(f, "start");
        String e = h.get(f, "end");
        if (s.isEmpty() && e.isEmpty()) {
            return Optional.empty();
        }
        if (s.isEmpty() || e.isEmpty()) {
            throw err(line, s.isEmpty() ? "start" : "end", "give both start and end, or neither");
        }
        LocalTime start = time(s, line, "start");
        LocalTime end = time(e, line, "end");
        if (!end.isAfter(start)) {
            throw err(line, "end", "must be after start " + start + ", got " + end);
        }
        return Optional.of(new Period(start, end));
    }

    private static LocalTime time(String t, long line, String column) {
        if (t.length() == 4 && t.charAt(1) == ':' && Character.isDigit(t.charAt(0))) {
            t = "0" + t; // 9:05, as spreadsheets write a morning time
        }
        if (!time(t)) {
            throw err(line, column, "expected a 24-hour time like 09:05, got \"" + t + "\"");
        }
        // The pattern above holds: HH:MM with valid hours and minutes.
        return LocalTime.of((t.charAt(0) - '0') * 10 + t.charAt(1) - '0',
                (t.charAt(3) - '0') * 10 + t.charAt(4) - '0');
    }

    /** Two characters of [0-9A-Z]. */
    static boolean modifier(String m) {
        return m.length() == 2 && upperOrDigit(m.charAt(0)) && upperOrDigit(m.charAt(1));
    }

    private static boolean upperOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
    }

    /** A 24-hour time HH:MM ({@code ([01]\d|2[0-3]):[0-5]\d}). */
    static boolean time(String t) {
        if (t.length() != 5 || t.charAt(2) != ':') {
            return false;
        }
        char h0 = t.charAt(0);
        char h1 = t.charAt(1);
        char m0 = t.charAt(3);
        char m1 = t.charAt(4);
        boolean hours = (h0 == '0' || h0 == '1') && h1 >= '0' && h1 <= '9' || h0 == '2' && h1 >= '0' && h1 <= '3';
        return hours && m0 >= '0' && m0 <= '5' && m1 >= '0' && m1 <= '9';
    }

    /** {@link LocalDate#parse} with a fast path for the usual yyyy-MM-dd (rows of a batch audit come by millions). */
    static LocalDate date(String t) {
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            int y = digits(t, 0, 4);
            int m = digits(t, 5, 7);
            int d = digits(t, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(t);
    }

    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static OptionalInt number(String v, long line, String column, int max) {
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!ascii(v)) {
            throw err(line, column, "expected a whole number in the digits 0-9, got \"" + v + "\"");
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > max) {
                throw err(line, column, "must be between 0 and " + max + ", got " + n);
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            throw err(line, column, "expected a whole number, got \"" + v + "\"");
        }
    }

    private static Discipline discipline(String t, long line, String column) {
        return Discipline.parse(t).orElseThrow(() -> err(line, column, "expected PT, OT or SLP, got \"" + t + "\""));
    }

    private static String required(Header h, List<String> f, long line, String column) {
        String v = h.get(f, column);
        if (v.isEmpty()) {
            throw err(line, column, "required");
        }
        return v;
    }

    private static Optional<String> opt(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    static InputException err(long line, String column, String detail) {
        return new InputException("line " + line + ", column " + column, detail);
    }
}
