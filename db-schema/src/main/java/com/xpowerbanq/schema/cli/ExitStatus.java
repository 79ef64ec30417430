package com.xpowerbanq.schema.cli;

/** An exception that knows the exit code a program should end with when it is not caught. */
public interface ExitStatus {
    ExitCode exitCode();
}
