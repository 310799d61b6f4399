package org.minutewise.core.codes;

import java.util.regex.Pattern;

/** A code from a visit: either one the catalog knows, or one it does not (kept and reported, never dropped). */
public sealed interface ProcedureCode permits ProcedureCode.Known, ProcedureCode.Unknown {

    /** CPT (5 digits, or 4 digits and a letter for category II/III) or HCPCS Level II (a letter and 4 digits). */
    Pattern WELL_FORMED = Pattern.compile("\\d{5}|\\d{4}[A-Z]|[A-V][0-9]{4}");

    String code();

    static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
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
