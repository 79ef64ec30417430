package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

class HistoryFixtureTest {
    @TempDir Path state;

    @Test
    void twoDaysOfTheProductionScheduleLoadAndTheLauncherContinuesAfterThem() throws Exception {
        try (SqliteJobRepository sqlite = new SqliteJobRepository(state)) {
            // given
            Instant end = Instant.parse("2026-12-01T00:00:00Z");

            // when
            HistoryFixture.Size size =
                    new HistoryFixture(sqlite).write(HistoryFixture.PRODUCTION, 2, end);

            // then: 30 runs a day; 29 steps per RI run, 15 per RT run
            assertThat(size)
                    .isEqualTo(new HistoryFixture.Size(60, 2 * (2 * 29 + 2 * 29 + 26 * 15)));
            JobInstance last = sqlite.repository().getLastJobInstance(JobNames.RETWAP);
            JobExecution execution = sqlite.repository().getLastJobExecution(last);
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(execution.getStepExecutions()).hasSize(15);
            assertThat(execution.getJobParameters().getLong(JobNames.RUN)).isEqualTo(48L);
            assertThat(execution.getEndTime()).isBefore(LocalDateTime.now());

            JobExecution launched =
                    HistoryLaunchTiming.runner(sqlite, JobNames.RETWAP)
                            .run(JobNames.RETWAP, Map.of());
            assertThat(launched.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(launched.getJobParameters().getLong(JobNames.RUN)).isEqualTo(49L);
            assertThat(launched.getJobInstance().getInstanceId()).isGreaterThan(60L);
        }
    }
}
