package org.minutewise.core.model;

/** An advance beneficiary notice: given (GA) or not given (GZ) for services expected to be denied. */
public enum Abn {
    GIVEN("GA"),
    NOT_GIVEN("GZ");

    private final String modifier;

    Abn(String modifier) {
        this.modifier = modifier;
    }

    public String modifier() {
        return modifier;
    }
}
