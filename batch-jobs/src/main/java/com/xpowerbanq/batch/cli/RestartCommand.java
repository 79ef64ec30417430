package com.xpowerbanq.batch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restart <execution-id>}: restarts a failed or stopped execution. */
@Command(name = "restart", description = "restart a failed or stopped execution")
final class RestartCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<execution-id>", description = "as `status` shows it")
    List<String> given = List.of();

    @Override
    public Integer call() {
        long id = executionId();
        return JobLaunch.launch(root.properties(), runner -> runner.restart(id));
    }

    long executionId() {
        if (given.size() != 1 || !given.getFirst().matches("[0-9]{1,18}")) {
            throw new ParameterException(
                    spec.commandLine(), "restart needs one execution id, e.g. restart 12");
        }
        return Long.parseLong(given.getFirst());
    }
}
