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
        return saidBy(failure).map(t -> ((ExitStatus) t).exitCode()).orElse(INTERNAL);
    }

    /** The first failure along the causes of {@code failure} that says its own exit status. */
    public static java.util.Optional<Throwable> saidBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExitStatus) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
