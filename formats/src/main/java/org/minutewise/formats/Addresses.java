package org.minutewise.formats;

/** US postal addresses as the inputs give them: a 2-letter state code and a 5- or 9-digit ZIP code. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * What is wrong with a state or ZIP code, as an error naming {@code path}.state or {@code path}.{@code zipField};
     * null when both are well formed (a ZIP may be written 43004-1234).
     */
    public static InputException problem(String path, String state, String zip, String zipField) {
        if (!state.matches("[A-Z]{2}")) {
            return new InputException(path + ".state", "expected a 2-letter state code, got \"" + state + "\"");
        }
        if (!zip.replace("-", "").matches("\\d{5}(\\d{4})?")) {
            return new InputException(path + "." + zipField, "expected a ZIP code like 43004 or 43004-1234, got \""
                    + zip + "\"");
        }
        return null;
    }
}
