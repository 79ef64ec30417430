package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

/** What the application context of a command holds: the scheduler only when serving. */
class CommandContextTest {

    @Test
    void aContextNotServingHasNoSchedulerAndEveryJobTheCommandLineKnows(@TempDir Path state) {
        try (var context = CommandLine.start("--state-dir=" + state)) {
            assertThat(context.getBean(JobRunner.class).jobNames())
                    .containsExactlyElementsOf(JobNames.all());
            assertThat(context.getBeanProvider(Scheduler.class).getIfAvailable()).isNull();
            assertThat(context.getBeanProvider(ScheduleDaemon.class).getIfAvailable()).isNull();
        }
    }

    @Test
    void aServingContextHasTheDaemonAndAQuartzSchedulerNotYetStarted(@TempDir Path state)
            throws Exception {
        try (var context =
                CommandLine.start("--state-dir=" + state, "--" + ScheduleDaemon.SERVE + "=true")) {
            assertThat(context.getBean(ScheduleDaemon.class).isRunning()).isFalse();
            assertThat(context.getBean(Scheduler.class).isStarted()).isFalse();
        }
    }
}
