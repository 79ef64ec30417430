package com.xpowerbanq.chain.rpc;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/** An endpoint answered something that is not a valid answer to the call. */
public class MalformedAnswerException extends ChainException implements ExitStatus {
    public MalformedAnswerException(String endpoint, String call, String message, Throwable cause) {
        super(endpoint, call, "malformed answer: " + message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.DATA;
    }
}
