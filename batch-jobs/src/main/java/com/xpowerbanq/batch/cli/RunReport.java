package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.index.SeriesScanReport;
import com.xpowerbanq.batch.launch.JobNames;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Prints the end of a run: its status and, per series, block range, events and new rows. */
final class RunReport {
    private RunReport() {}

    static void print(PrintStream out, JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        Duration took =
                execution.getStartTime() == null || execution.getEndTime() == null
                        ? Duration.ZERO
                        : Duration.between(execution.getStartTime(), execution.getEndTime());
        out.printf(
                "%s execution %d: %s in %.1f s (%s)%n",
                job,
                execution.getId(),
                execution.getStatus(),
                took.toMillis() / 1000.0,
                execution.getJobParameters().parameters().stream()
                        .map(p -> p.name() + "=" + p.value())
                        .sorted()
                        .reduce((a, b) -> a + " " + b)
                        .orElse(""));
        List<StepExecution> steps = new ArrayList<>(execution.getStepExecutions());
        if (job.equals(JobNames.REINDEX) || job.equals(JobNames.RETWAP)) {
            printKeeper(out, JobNames.seriesStep(job), steps);
            return;
        }
        List<SeriesScanReport> series = SeriesScanReport.of(JobNames.seriesStep(job), steps);
        if (!series.isEmpty()) {
            printSeries(out, series);
        }
        for (Throwable failure : execution.getAllFailureExceptions()) {
            if (series.stream()
                    .noneMatch(
                            s ->
                                    failure.getMessage() != null
                                            && failure.getMessage().equals(s.note()))) {
                out.println("failure: " + failure.getMessage());
            }
        }
    }

    /**
     * One line per series of a keeper job: its outcome and report (tx, nonce, gas, delta, reason).
     */
    static void printKeeper(PrintStream out, String seriesStep, List<StepExecution> steps) {
        String prefix = seriesStep + ":";
        steps.stream()
                .filter(step -> step.getStepName().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(StepExecution::getStepName))
                .forEach(
                        step -> {
                            String report = step.getExitStatus().getExitDescription();
                            if (step.getStatus()
                                            != org.springframework.batch.core.BatchStatus.COMPLETED
                                    && !step.getFailureExceptions().isEmpty()) {
                                report = step.getFailureExceptions().getFirst().getMessage();
                            }
                            if (report != null) {
                                report = report.lines().findFirst().orElse("");
                            }
                            out.printf(
                                    "%-20s %-10s %s%n",
                                    step.getStepName().substring(prefix.length()),
                                    step.getStatus()
                                                    == org.springframework.batch.core.BatchStatus
                                                            .COMPLETED
                                            ? step.getExitStatus().getExitCode()
                                            : step.getStatus().name(),
                                    report);
                        });
    }

    static void printSeries(PrintStream out, List<SeriesScanReport> series) {
        out.printf(
                "%-20s %-10s %-24s %8s %8s  %s%n",
                "series", "status", "blocks", "events", "new", "note");
        long events = 0;
        long inserted = 0;
        for (SeriesScanReport r : series) {
            String blocks =
                    r.from() == null
                            ? "-"
                            : r.to() < r.from()
                                    ? "up to date (" + r.to() + ")"
                                    : r.from() + ".." + r.reached();
            out.printf(
                    "%-20s %-10s %-24s %8d %8d  %s%n",
                    r.series(),
                    r.status(),
                    blocks,
                    r.events(),
                    r.inserted(),
                    r.note() == null ? "" : r.note());
            events += r.events();
            inserted += r.inserted();
        }
        long failed = series.stream().filter(r -> r.status().equals("FAILED")).count();
        out.printf(
                "%d series, %d events, %d new rows%s%n",
                series.size(),
                events,
                inserted,
                failed == 0 ? "" : ", " + failed + " failed (restart re-runs only these)");
    }
}
