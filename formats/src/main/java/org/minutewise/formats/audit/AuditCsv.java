package org.minutewise.formats.audit;

import java.util.List;
import java.util.Objects;
import org.minutewise.core.check.Severity;
import org.minutewise.core.claim.ClaimBuilder;
import org.minutewise.refdata.Csv;

/**
 * The row layouts of the audit's CSV outputs (RFC 4180, CRLF line ends, a header row): findings.csv,
 * claims.csv and rejected.csv. A line number of 0 (not known, e.g. a visit inside a JSON array) is written
 * empty.
 */
public final class AuditCsv {
    public static final String FINDINGS_HEADER = "visitId,line,ruleId,severity,message,file,path,dateOfService,"
            + "patientId,therapistId,payer,fix,citation\r\n";
    static final int FINDINGS_COLUMNS = 13;
    public static final String CLAIMS_HEADER = "visitId,line,dateOfService,patientId,therapistId,payer,code,"
            + "billedUnits,billedModifiers,units,modifiers,difference,allowedPerUnit\r\n";
    static final int CLAIMS_COLUMNS = 13;
    public static final String REJECTED_HEADER = "file,line,visitId,reason\r\n";

    private AuditCsv() {
    }

    /**
     * One finding, with its fix and citation (RULES.md §8: every finding carries both). A finding across visits
     * about a therapist as a whole (MW-A007) has no visit: its visit id, line, date, patient and payer are empty.
     */
    public record FindingRow(String visitId, long line, String ruleId, Severity severity, String message,
                             String file, String path, String dateOfService, String patientId,
                             String therapistId, String payer, String fix, String citation) {
        public FindingRow {
            Objects.requireNonNull(fix, "fix");
            Objects.requireNonNull(citation, "citation");
            Objects.requireNonNull(visitId, "visitId");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(dateOfService, "dateOfService");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(therapistId, "therapistId");
            Objects.requireNonNull(payer, "payer");
        }

        public void appendTo(StringBuilder sb) {
            text(sb, visitId).append(',');
            lineNumber(sb, line).append(',');
            field(sb, ruleId).append(',');
            field(sb, severity.wire()).append(',');
            text(sb, message).append(',');
            text(sb, file).append(',');
            text(sb, path).append(',');
            field(sb, dateOfService).append(',');
            text(sb, patientId).append(',');
            text(sb, therapistId).append(',');
            text(sb, payer).append(',');
            text(sb, fix).append(',');
            text(sb, citation).append("\r\n");
        }

        /**
         * The row of findings.csv whose fields these are, as a CSV reader gives them back ({@link #appendTo} then
         * writes the same bytes again).
         */
        public static FindingRow of(List<String> fields) {
            if (fields.size() != FINDINGS_COLUMNS) {
                throw new IllegalArgumentException("a findings row has " + FINDINGS_COLUMNS + " fields, not "
                        + fields.size());
            }
            String l = fields.get(1);
            return new FindingRow(fields.get(0), l.isEmpty() ? 0 : Long.parseLong(l), fields.get(2),
                    severityOf(fields.get(3)), fields.get(4), fields.get(5), fields.get(6), fields.get(7),
                    fields.get(8), fields.get(9), fields.get(10), fields.get(11), fields.get(12));
        }
    }

    /**
     * One claim line of a visit: the line as billed (when the input carries billed units) beside the line the
     * documented minutes support. Either side may be empty: a billed line with no supported counterpart, or a
     * supported line that was not billed. {@code difference} is billed minus supported units (when billed).
     */
    public record ClaimRow(String visitId, long line, String dateOfService, String patientId, String therapistId,
                           String payer, String code, String billedUnits, String billedModifiers, String units,
                           String modifiers, String difference, String allowedPerUnit) {
        public ClaimRow {
            Objects.requireNonNull(visitId, "visitId");
            Objects.requireNonNull(dateOfService, "dateOfService");
            Objects.requireNonNull(patientId, "patientId");
            Objects.requireNonNull(therapistId, "therapistId");
            Objects.requireNonNull(payer, "payer");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(billedUnits, "billedUnits");
            Objects.requireNonNull(billedModifiers, "billedModifiers");
            Objects.requireNonNull(units, "units");
            Objects.requireNonNull(modifiers, "modifiers");
            Objects.requireNonNull(difference, "difference");
            Objects.requireNonNull(allowedPerUnit, "allowedPerUnit");
        }

        /**
         * The {@code modifiers} column of a claims.csv row once KX is put on the supported side, where the patient's
         * year counted in date order wants it (MW-A003) for lines of the row's code of the {@code kinds} given ("0"
         * a line with no CQ/CO, "1" an assistant's; see {@link KxFix#kind}). The row's kind is its billed side's
         * when it has one (the year's count reads the claim as billed), else its supported side's. The column as it
         * is when the row's kind is not among them, the row has no supported units, or {@link ClaimBuilder#withKx}
         * adds nothing (KX there already, no room, or an ABN's GA/GZ). One function for the single-process audit and
         * the Spark job.
         */
        public static String modifiersWithKx(String kinds, String billedUnits, String billedModifiers, String units,
                                             String modifiers) {
            return modifiersWithKx(kinds, billedUnits, billedModifiers, units, modifiers, "");
        }

        /**
         * As {@link #modifiersWithKx(String, String, String, String, String)}, with the row's {@code difference}: a
         * row of a billed visit with no billed side (a difference, no billed units) holds supported units of a kind
         * the code was not billed with (an assistant's units billed without CQ/CO): the code's billed lines are of
         * the other kind, so it takes KX whatever kind the fix names.
         */
        public static String modifiersWithKx(String kinds, String billedUnits, String billedModifiers, String units,
                                             String modifiers, String difference) {
            if (units.isEmpty() || units.equals("0")) {
                return modifiers;
            }
            List<String> mods = modifierList(modifiers);
            boolean assistant = ClaimBuilder.assistantModifier(billedUnits.isEmpty() ? mods
                    : modifierList(billedModifiers));
            boolean besideOtherKind = billedUnits.isEmpty() && !difference.isEmpty();
            if (!besideOtherKind && !kinds.contains(assistant ? "1" : "0")) {
                return modifiers;
            }
            List<String> next = ClaimBuilder.withKx(mods);
            return next == mods ? modifiers : String.join(";", next);
        }

        /** This row with {@link #modifiersWithKx} applied. */
        public ClaimRow withKx(String kinds) {
            String next = modifiersWithKx(kinds, billedUnits, billedModifiers, units, modifiers, difference);
            return next.equals(modifiers) ? this : new ClaimRow(visitId, line, dateOfService, patientId, therapistId,
                    payer, code, billedUnits, billedModifiers, units, next, difference, allowedPerUnit);
        }

        /**
         * The row of claims.csv whose fields these are, as a CSV reader gives them back ({@link #appendTo} then
         * writes the same bytes again: a value written after an apostrophe is read back with it and written as it
         * is).
         */
        public static ClaimRow of(List<String> fields) {
            if (fields.size() != CLAIMS_COLUMNS) {
                throw new IllegalArgumentException("a claims row has " + CLAIMS_COLUMNS + " fields, not "
                        + fields.size());
            }
            String l = fields.get(1);
            return new ClaimRow(fields.get(0), l.isEmpty() ? 0 : Long.parseLong(l), fields.get(2), fields.get(3),
                    fields.get(4), fields.get(5), fields.get(6), fields.get(7), fields.get(8), fields.get(9),
                    fields.get(10), fields.get(11), fields.get(12));
        }

        public void appendTo(StringBuilder sb) {
            text(sb, visitId).append(',');
            lineNumber(sb, line).append(',');
            field(sb, dateOfService).append(',');
            text(sb, patientId).append(',');
            text(sb, therapistId).append(',');
            text(sb, payer).append(',');
            text(sb, code).append(',');
            field(sb, billedUnits).append(',');
            text(sb, billedModifiers).append(',');
            field(sb, units).append(',');
            text(sb, modifiers).append(',');
            field(sb, difference).append(',');
            field(sb, allowedPerUnit).append("\r\n");
        }
    }

    private static Severity severityOf(String wire) {
        for (Severity s : Severity.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a severity: " + wire);
    }

    /** One input row (or visit record) that could not be read, and why. */
    public record RejectedRow(String file, long line, String visitId, String reason) {
        public RejectedRow {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(visitId, "visitId");
            Objects.requireNonNull(reason, "reason");
        }

        public void appendTo(StringBuilder sb) {
            text(sb, file).append(',');
            lineNumber(sb, line).append(',');
            text(sb, visitId).append(',');
            text(sb, reason).append("\r\n");
        }
    }

    /** A modifiers cell of claims.csv ("GP;CQ", {@code modifiers} or {@code billedModifiers}) as its modifiers. */
    static List<String> modifierList(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split(";"));
    }

    /** The value {@link #asWritten} was given: without the apostrophe it put before a formula's first character. */
    public static String unguarded(String v) {
        if (v.length() > 1 && v.charAt(0) == '\'') {
            char c = v.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return v.substring(1);
            }
        }
        return v;
    }

    /**
     * A text value as a claims.csv or findings.csv row holds it once read back: after an apostrophe when it starts
     * like a formula (see {@link #text}).
     */
    public static String asWritten(String v) {
        if (!v.isEmpty()) {
            char c = v.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + v;
            }
        }
        return v;
    }

    private static StringBuilder field(StringBuilder sb, String v) {
        return sb.append(Csv.quote(v));
    }

    /**
     * A text field that comes from the input (ids, codes, messages that quote them): one that starts like a formula
     * ({@code = + - @}, a tab or a carriage return) is written after an apostrophe, so a spreadsheet opening the
     * report shows it as text instead of running it (CSV injection). Numbers are written by {@link #field}.
     */
    static StringBuilder text(StringBuilder sb, String v) {
        return sb.append(Csv.quote(asWritten(v)));
    }

    private static StringBuilder lineNumber(StringBuilder sb, long line) {
        return line > 0 ? sb.append(line) : sb;
    }
}
