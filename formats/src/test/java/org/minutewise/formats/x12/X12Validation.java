package org.minutewise.formats.x12;

import java.util.List;
import org.minutewise.formats.InputException;

/** Test helper: every schema error of an 837P or 837I, as text. */
final class X12Validation {
    private X12Validation() {
    }

    static List<String> errors(String edi) {
        return X12Validator.validate(edi).stream().map(InputException::getMessage).toList();
    }
}
