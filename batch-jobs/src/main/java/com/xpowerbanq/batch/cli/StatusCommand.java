package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.schema.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code status}: recent executions per job (index jobs first), progress per series database. */
@Command(name = "status", description = "recent executions per job, progress per series database")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand BanqBatchCommand root;
    @Mixin NoArguments none;

    @Override
    public Integer call() {
        none.check();
        List<String> jobs = new ArrayList<>(JobNames.indexJobs());
        JobNames.all().stream().filter(job -> !jobs.contains(job)).forEach(jobs::add);
        return CommandContext.run(
                root.properties(),
                context -> {
                    StatusReport.print(
                            System.out,
                            context.getBean(JobRepository.class),
                            jobs,
                            context.getBean(BanqProperties.class).stateDir());
                    return ExitCode.OK.code;
                });
    }
}
