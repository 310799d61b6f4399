package org.minutewise.core.codes;

import java.util.regex.Pattern;

/** A code from a visit: either one the catalog knows, or one it does not (kept and reported, never dropped). */
public sealed interface ProcedureCode permits ProcedureCode.Known, ProcedureCode.Unknown {

    /**
     * CPT (5 digits; or 4 digits and F for category II, T for category III, U for a proprietary laboratory analysis,
     * M for a multianalyte assay) or HCPCS Level II (a letter and 4 digits). "9711X" is a typo, not a code.
     */
    Pattern WELL_FORMED = Pattern.compile("\\d{5}|\\d{4}[FTUM]|[A-V][0-9]{4}");

    String code();

    /** The same test as {@link #WELL_FORMED}, without a regex (it runs for every row of a batch audit). */
    static boolean isWellFormed(String code) {
        if (code == null || code.length() != 5) {
            return false;
        }
        for (int i = 1; i < 4; i++) {
            if (!digit(code.charAt(i))) {
                return false;
            }
        }
        char first = code.charAt(0);
        char last = code.charAt(4);
        if (digit(first)) {
            return digit(last) || last == 'F' || last == 'T' || last == 'U' || last == 'M';
        }
        return first >= 'A' && first <= 'V' && digit(last);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    record Known(CodeInfo info) implements ProcedureCode {
        @Override
        public String code() {
            return info.code();
        }
    }

    record Unknown(String code) implements ProcedureCode {
    }
}
