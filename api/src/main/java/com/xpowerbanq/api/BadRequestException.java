package com.xpowerbanq.api;

/** A request the API refuses with 400; the message is safe to show to the client. */
final class BadRequestException extends RuntimeException {
    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
