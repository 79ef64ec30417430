package com.xpowerbanq.batch.launch;

/** The job is already running in another process or thread. */
public class JobBusyException extends RuntimeException {
    public JobBusyException(String message) {
        super(message);
    }
}
