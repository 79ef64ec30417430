package com.xpowerbanq.batch.chain;

/** An endpoint answered something that is not a valid answer to the call. */
public class MalformedAnswerException extends ChainException {
    public MalformedAnswerException(String endpoint, String call, String message, Throwable cause) {
        super(endpoint, call, "malformed answer: " + message, cause);
    }
}
