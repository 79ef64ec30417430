package com.xpowerbanq.batch.launch;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/** The job is already running in another process or thread. */
public class JobBusyException extends RuntimeException implements ExitStatus {
    public JobBusyException(String message) {
        super(message);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.UNAVAILABLE;
    }
}
