package com.xpowerbanq.batch.index;

/** A log that matched a series' filter but cannot be its event. */
public class MalformedEventException extends IllegalArgumentException {
    public MalformedEventException(String message) {
        super(message);
    }
}
