package com.xpowerbanq.schema.cli;

/**
 * The exit codes of every banq program, from sysexits: 0 done, 64 usage, 65 bad data, 69 a service
 * (chain, port, tool) unavailable, 70 an internal failure.
 */
public enum ExitCode {
    OK(0),
    USAGE(64),
    DATA(65),
    UNAVAILABLE(69),
    INTERNAL(70);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /**
     * The code of a failure: the first {@link ExitStatus} along its causes decides, anything else
     * is internal.
     */
    public static ExitCode of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ExitStatus status) {
                return status.exitCode();
            }
        }
        return INTERNAL;
    }
}
