package com.xpowerbanq.batch.chain;

/** Every endpoint failed with timeouts, connection errors, 429 or 5xx after all retries. */
public class ChainUnavailableException extends ChainException {
    public ChainUnavailableException(
            String endpoint, String call, String message, Throwable cause) {
        super(endpoint, call, message, cause);
    }
}
