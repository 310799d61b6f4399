package org.minutewise.core.model;

import java.util.Optional;

/** Where the service was furnished; it decides the claim form and whether CQ/CO apply. */
public enum Setting {
    PRIVATE_PRACTICE("private-practice", false),
    PHYSICIAN_OFFICE("physician-office", false),
    HOSPITAL_OUTPATIENT("hospital-outpatient", true),
    REHAB_AGENCY("rehab-agency", true),
    SNF_PART_B("snf-part-b", true),
    CORF("corf", true),
    HOME_HEALTH("home-health", true),
    CAH("cah", true);

    /** {@link #values()} copies its array on every call; parsing runs for every row of a batch audit. */
    private static final Setting[] ALL = values();

    private final String wire;
    private final boolean institutional;

    Setting(String wire, boolean institutional) {
        this.wire = wire;
        this.institutional = institutional;
    }

    /** The name used in JSON and CSV, e.g. {@code private-practice}. */
    public String wire() {
        return wire;
    }

    /** Billed on the institutional claim (837I / UB-04) rather than the professional one. */
    public boolean institutional() {
        return institutional;
    }

    public static Optional<Setting> parse(String text) {
        for (Setting s : ALL) {
            if (s.wire.equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static String wireNames() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.wire);
        }
        return sb.toString();
    }
}
