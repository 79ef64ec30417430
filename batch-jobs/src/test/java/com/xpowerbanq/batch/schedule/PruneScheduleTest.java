package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.launch.PastExecutions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code serve}'s scheduled prune of the job repository, on by default. */
@ExtendWith(OutputCaptureExtension.class)
class PruneScheduleTest {
    private static final TriggerKey TRIGGER =
            TriggerKey.triggerKey(
                    PruneConfiguration.KEY.getName(), PruneConfiguration.KEY.getGroup());

    @TempDir Path state;

    private ConfigurableApplicationContext serve(String... more) {
        String[] options = new String[more.length + 2];
        options[0] = "--state-dir=" + state;
        options[1] = "--" + ScheduleDaemon.SERVE + "=true";
        System.arraycopy(more, 0, options, 2, more.length);
        return CommandLine.start(options);
    }

    @Test
    void serveSchedulesAPruneOfInstancesOlderThanNinetyDaysEveryNightByDefault(
            CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = serve()) {
            // given: an instance finished 100 days ago, one 10 days ago
            JobRepository repository = context.getBean(JobRepository.class);
            PastExecutions history = new PastExecutions(repository, Instant.now());
            JobInstance old = history.instance("reindex", BatchStatus.COMPLETED, 100);
            JobInstance recent = history.instance("reindex", BatchStatus.COMPLETED, 10);
            Scheduler scheduler = context.getBean(Scheduler.class);
            assertThat(((CronTrigger) scheduler.getTrigger(TRIGGER)).getCronExpression())
                    .isEqualTo("0 5 3 * * ?");

            // when: the trigger fires
            scheduler.start();
            scheduler.triggerJob(PruneConfiguration.KEY);

            // then
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> output.getOut().contains("prune: deleted"));
            assertThat(output.getOut())
                    .contains(
                            "prune: deleted 1 job instances, 1 job executions, 2 step"
                                    + " executions finished before");
            assertThat(repository.getJobInstance(old.getInstanceId())).isNull();
            assertThat(repository.getJobInstance(recent.getInstanceId())).isNotNull();
        }
    }

    @Test
    void aDisabledPruneHasNoTriggerAndTheAgeAndCronAreSettings() throws Exception {
        try (ConfigurableApplicationContext context = serve("--banq.prune.enabled=false")) {
            assertThat(context.getBean(Scheduler.class).getTrigger(TRIGGER)).isNull();
        }
        try (ConfigurableApplicationContext context =
                serve("--banq.prune.older-than=12h", "--banq.prune.cron=0 0 4 * * ?")) {
            assertThat(context.getBean(PruneProperties.class).olderThan())
                    .isEqualTo(Duration.ofHours(12));
            assertThat(
                            ((CronTrigger) context.getBean(Scheduler.class).getTrigger(TRIGGER))
                                    .getCronExpression())
                    .isEqualTo("0 0 4 * * ?");
        }
        assertThatThrownBy(() -> serve("--banq.prune.older-than=0s").close())
                .rootCause()
                .hasMessageContaining("banq.prune.older-than must be positive");
    }
}
