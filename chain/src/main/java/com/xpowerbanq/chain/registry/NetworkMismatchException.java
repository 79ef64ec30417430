package com.xpowerbanq.chain.registry;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/**
 * The endpoints, the registry and the contract run do not describe one network: endpoints that
 * answer different chain ids, a {@code CONTRACTS_FILE} on a chain whose registry is packaged, or a
 * registry without the configured run. A setting to fix, raised before anything is read or written.
 */
public final class NetworkMismatchException extends IllegalArgumentException implements ExitStatus {

    public NetworkMismatchException(String message) {
        super(message);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }
}
