package org.minutewise.core.codes;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.minutewise.core.model.Discipline;

/**
 * What the engine knows about one CPT or HCPCS code (our own short label; no AMA descriptor text).
 *
 * @param timed              billed per 15 minutes; otherwise 1 unit per day whatever the minutes
 * @param oneOnOne           needs direct one-on-one contact for its minutes (97110-97546)
 * @param constantAttendance a modality needing constant attendance (97032-97039)
 * @param supervised         a supervised modality (97010-97028, G0283): may share minutes with other services
 * @param evaluation         an evaluation or re-evaluation
 * @param group              a group code (97150, 92508)
 * @param addOnTo            for an add-on code, its base code (97130 to 97129)
 * @param disciplines        the therapy disciplines that bill it
 * @param effectiveFrom      first date of service the code is valid
 * @param effectiveTo        last date of service, if retired
 * @param unlisted           an unlisted-service code (97799): billed by report, with no RVUs (the Medicare
 *                           contractor prices it, "carrier priced"), and a description of the service on the claim
 */
public record CodeInfo(String code, String label, boolean timed, boolean oneOnOne, boolean constantAttendance,
                       boolean supervised, boolean evaluation, boolean group, Optional<String> addOnTo,
                       Set<Discipline> disciplines, LocalDate effectiveFrom, Optional<LocalDate> effectiveTo,
                       boolean unlisted) {

    public CodeInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(addOnTo, "addOnTo");
        disciplines = Set.copyOf(disciplines);
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
    }

    /** A code of a listed service (every code but an unlisted one). */
    public CodeInfo(String code, String label, boolean timed, boolean oneOnOne, boolean constantAttendance,
                    boolean supervised, boolean evaluation, boolean group, Optional<String> addOnTo,
                    Set<Discipline> disciplines, LocalDate effectiveFrom, Optional<LocalDate> effectiveTo) {
        this(code, label, timed, oneOnOne, constantAttendance, supervised, evaluation, group, addOnTo, disciplines,
                effectiveFrom, effectiveTo, false);
    }

    public boolean isAddOn() {
        return addOnTo.isPresent();
    }

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo.isEmpty() || !date.isAfter(effectiveTo.get()));
    }

    /** A short description of the kind, for explanations: "timed", "untimed, supervised", ... */
    public String kindText() {
        StringBuilder sb = new StringBuilder(timed ? "timed" : "untimed");
        if (constantAttendance) {
            sb.append(", constant attendance");
        }
        if (supervised) {
            sb.append(", supervised modality");
        }
        if (evaluation) {
            sb.append(", evaluation");
        }
        if (group) {
            sb.append(", group");
        }
        addOnTo.ifPresent(base -> sb.append(", add-on to ").append(base));
        if (unlisted) {
            sb.append(", unlisted (by report)");
        }
        return sb.toString();
    }
}
