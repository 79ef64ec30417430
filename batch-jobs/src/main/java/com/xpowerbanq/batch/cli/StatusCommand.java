package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.StandaloneJobRepository;
import com.xpowerbanq.schema.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code status}: recent executions per job (index jobs first), progress per series database. */
@Command(name = "status", description = "recent executions per job, progress per series database")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Mixin NoArguments none;

    @Override
    public Integer call() throws Exception {
        none.check();
        List<String> jobs = new ArrayList<>(JobNames.indexJobs());
        JobNames.all().stream().filter(job -> !jobs.contains(job)).forEach(jobs::add);
        // status only reads the job repository: no application context, so it answers at once
        BanqProperties banq =
                Settings.of(root.properties()).withLogging().bind("banq", BanqProperties.class);
        try (StandaloneJobRepository repository = new StandaloneJobRepository(banq)) {
            StatusReport.print(System.out, repository.repository(), jobs, banq.stateDir());
        }
        return ExitCode.OK.code;
    }
}
