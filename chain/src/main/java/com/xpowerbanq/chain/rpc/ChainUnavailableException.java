package com.xpowerbanq.chain.rpc;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/** Every endpoint failed with timeouts, connection errors, 429 or 5xx after all retries. */
public class ChainUnavailableException extends ChainException implements ExitStatus {
    public ChainUnavailableException(
            String endpoint, String call, String message, Throwable cause) {
        super(endpoint, call, message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.UNAVAILABLE;
    }
}
