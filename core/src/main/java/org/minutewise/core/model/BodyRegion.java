package org.minutewise.core.model;

import java.util.Optional;

/**
 * The body regions of chiropractic manipulative treatment (CPT 98940-98943): five spinal regions and five
 * extraspinal ones. A service line may name the regions it treated, so a therapy code billed beside manipulation
 * can be held to the region rule (RULES.md §4: 97112, 97124 and 97140 in a region manipulated the same day are not
 * separately reportable; in a different region they take 59 or XS).
 */
public enum BodyRegion {
    CERVICAL("cervical", true),
    THORACIC("thoracic", true),
    LUMBAR("lumbar", true),
    SACRAL("sacral", true),
    PELVIC("pelvic", true),
    HEAD("head", false),
    UPPER_EXTREMITY("upper-extremity", false),
    LOWER_EXTREMITY("lower-extremity", false),
    RIB_CAGE("rib-cage", false),
    ABDOMEN("abdomen", false);

    private static final BodyRegion[] ALL = values();

    private final String wire;
    private final boolean spinal;

    BodyRegion(String wire, boolean spinal) {
        this.wire = wire;
        this.spinal = spinal;
    }

    public String wire() {
        return wire;
    }

    /** The region in words ("upper extremity"). */
    public String label() {
        return wire.replace('-', ' ');
    }

    public boolean spinal() {
        return spinal;
    }

    /** A region by its wire name ({@code lower-extremity}; case and '_' for '-' tolerated). */
    public static Optional<BodyRegion> parse(String text) {
        String t = text.trim().replace('_', '-');
        for (BodyRegion r : ALL) {
            if (r.wire.equalsIgnoreCase(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The wire names, for error messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (BodyRegion r : ALL) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.wire);
        }
        return sb.toString();
    }
}
