package com.xpowerbanq.schema;

/** A series name that is not one of the 42 series, with a message saying what was expected. */
public final class SeriesNameException extends IllegalArgumentException {

    public SeriesNameException(String message) {
        super(message);
    }
}
