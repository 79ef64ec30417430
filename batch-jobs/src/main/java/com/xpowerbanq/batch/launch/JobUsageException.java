package com.xpowerbanq.batch.launch;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/**
 * A job launch asked for something that does not exist or is not allowed; the message says what.
 */
public class JobUsageException extends RuntimeException implements ExitStatus {
    public JobUsageException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobUsageException(String message) {
        super(message);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }
}
