package org.minutewise.core.check;

import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitResult;

/** What a rule may read: the visit, its payer profile, the reference data and the units already computed. */
public record CheckContext(Visit visit, PayerProfile payer, ReferenceData ref, UnitResult units) {

    /** The catalog entry of a line's code, or null when the code is unknown. */
    public CodeInfo codeOf(ServiceLine line) {
        return ref.codes().getOrNull(line.code());
    }

    /** True when the code is a supervised modality (97010-97028, G0283) that may share minutes. */
    public boolean isSupervisedModality(ServiceLine line) {
        CodeInfo info = codeOf(line);
        return info != null && info.supervised();
    }

    public static String path(int index) {
        return "services[" + index + "]";
    }
}
