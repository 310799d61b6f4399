package org.minutewise.knowledge;

import java.util.Objects;

/**
 * A code's descriptor read from a file a user supplies (a licensed CPT file, the public ICD-10-CM or HCPCS
 * files). Never shipped: the project carries no AMA text.
 *
 * @param code      the code as the file gives it (ICD-10-CM with its dot restored: I69.351)
 * @param shortText the short descriptor ("" when the file has only one)
 * @param longText  the long descriptor (the short one when the file has only one)
 * @param header    ICD-10-CM only: a category header, not valid on a claim
 * @param source    the file name, for the card's sources
 */
public record Descriptor(String code, String shortText, String longText, boolean header, String source) {
    public Descriptor {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(longText, "longText");
        Objects.requireNonNull(source, "source");
    }

    /** The fullest text there is. */
    public String text() {
        return longText.isEmpty() ? shortText : longText;
    }
}
