package org.minutewise.cli;

import org.minutewise.core.check.ReferenceData;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefFileOptions;

/** Reference data options every command that checks visits shares; each file goes on top of the embedded data. */
final class Common extends RefFileOptions {
    ReferenceData ref() {
        return files().apply(RefData.defaults());
    }
}
