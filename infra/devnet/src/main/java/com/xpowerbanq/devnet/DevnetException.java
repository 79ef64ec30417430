package com.xpowerbanq.devnet;

/** The devnet could not start, deploy, simulate or stop; the message says which step failed. */
public class DevnetException extends RuntimeException {

    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
