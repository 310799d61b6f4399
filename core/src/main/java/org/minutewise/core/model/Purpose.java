package org.minutewise.core.model;

/** Why the therapy is given; payers that ask for it get modifier 96 (habilitative) or 97 (rehabilitative). */
public enum Purpose {
    REHABILITATIVE("97"),
    HABILITATIVE("96");

    private final String modifier;

    Purpose(String modifier) {
        this.modifier = modifier;
    }

    public String modifier() {
        return modifier;
    }
}
