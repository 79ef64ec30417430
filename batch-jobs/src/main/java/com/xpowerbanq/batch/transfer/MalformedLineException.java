package com.xpowerbanq.batch.transfer;

import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;

/** A line of the input that is not an event row: its number and what is wrong (exit 65). */
public final class MalformedLineException extends RuntimeException implements ExitStatus {
    private final long line;

    MalformedLineException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    MalformedLineException(MalformedLineException cause, String consequence) {
        super(cause.getMessage() + "; " + consequence, cause);
        this.line = cause.line;
    }

    /** The number of the malformed line, counting from 1. */
    public long line() {
        return line;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.DATA;
    }
}
