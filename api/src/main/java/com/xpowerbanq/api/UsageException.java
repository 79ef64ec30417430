package com.xpowerbanq.api;

/** A command line banq-api cannot run with; exits 64 with the message and a pointer to --help. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
