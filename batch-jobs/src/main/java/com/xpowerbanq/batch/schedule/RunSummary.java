package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.index.SeriesScanReport;
import com.xpowerbanq.batch.launch.JobNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * What {@code serve} logs of a run, after the job and how it was fired: execution, status,
 * duration, series done and failed (named), and the events written or the transactions sent.
 */
final class RunSummary {
    private RunSummary() {}

    static String of(JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        String prefix = JobNames.seriesStep(job) + ":";
        List<StepExecution> series =
                execution.getStepExecutions().stream()
                        .filter(step -> step.getStepName().startsWith(prefix))
                        .toList();
        List<String> failed = new ArrayList<>();
        for (StepExecution step : series) {
            if (step.getStatus() == BatchStatus.FAILED) {
                failed.add(step.getStepName().substring(prefix.length()));
            }
        }
        Duration took =
                execution.getStartTime() == null || execution.getEndTime() == null
                        ? Duration.ZERO
                        : Duration.between(execution.getStartTime(), execution.getEndTime());
        return String.format(
                Locale.ROOT,
                "execution %d %s in %.1f s, %d series done, %d failed%s, %s",
                execution.getId(),
                execution.getStatus(),
                took.toMillis() / 1000.0,
                series.size() - failed.size(),
                failed.size(),
                failed.isEmpty() ? "" : " " + failed,
                work(job, series));
    }

    private static String work(String job, List<StepExecution> series) {
        if (JobNames.indexJobs().contains(job)) {
            long written =
                    SeriesScanReport.of(JobNames.seriesStep(job), series).stream()
                            .mapToLong(SeriesScanReport::inserted)
                            .sum();
            return written + " events written";
        }
        long sent =
                series.stream()
                        .filter(step -> step.getExitStatus().getExitCode().equals("SENT"))
                        .count();
        return sent + " transactions sent";
    }
}
