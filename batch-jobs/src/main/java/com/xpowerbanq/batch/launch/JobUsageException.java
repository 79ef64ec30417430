package com.xpowerbanq.batch.launch;

/**
 * A job launch asked for something that does not exist or is not allowed; the message says what.
 */
public class JobUsageException extends RuntimeException {
    public JobUsageException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobUsageException(String message) {
        super(message);
    }
}
