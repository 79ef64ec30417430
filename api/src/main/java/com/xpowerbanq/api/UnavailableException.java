package com.xpowerbanq.api;

/**
 * A database that cannot answer now (absent, locked, corrupt, too slow): 503, retried on the next
 * request. The message goes to the client, the cause only to the log.
 */
final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    UnavailableException(String message) {
        super(message, null, false, false);
    }
}
