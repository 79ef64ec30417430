package com.xpowerbanq.schema;

/** The two sides of a pool position: supplying a token or borrowing it. */
public enum Mode {
    SUPPLY("supply"),
    BORROW("borrow");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The lowercase name used in instance ids, state files and API names. */
    public String label() {
        return label;
    }
}
