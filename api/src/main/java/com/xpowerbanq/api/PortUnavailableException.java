package com.xpowerbanq.api;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/** The server cannot listen on its address and port (in use, not local, not allowed): exits 69. */
final class PortUnavailableException extends RuntimeException implements ExitStatus {
    PortUnavailableException(ApiOptions options, RuntimeException cause) {
        super(
                "cannot listen on "
                        + options.host()
                        + ":"
                        + options.port()
                        + ": "
                        + cause.getMessage(),
                cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.UNAVAILABLE;
    }
}
