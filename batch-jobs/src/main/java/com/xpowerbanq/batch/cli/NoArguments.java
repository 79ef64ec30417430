package com.xpowerbanq.batch.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Mixed into a command that takes no arguments, to say so in the words of the original CLI. */
final class NoArguments {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(hidden = true)
    List<String> given = List.of();

    void check() {
        if (!given.isEmpty()) {
            throw new ParameterException(
                    command.commandLine(), command.name() + " takes no arguments, got " + given);
        }
    }
}
