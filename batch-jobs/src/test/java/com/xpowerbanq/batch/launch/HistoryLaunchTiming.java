package com.xpowerbanq.batch.launch;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Times a launch through {@link JobRunner} (its lock, the recovery of dead runs, the restart check
 * on the job's last execution, a new instance and execution, and a one-step job) on a job
 * repository that holds a year of the production schedule's history, with and without the indexes,
 * and on an empty one. {@code main} prints the figures; the last line reads {@code launch with a
 * year of history: X ms (empty: Y ms, ratio R)}. A benchmark can call {@link #run}.
 */
public final class HistoryLaunchTiming {
    /** Median milliseconds of one launch on each repository. */
    public record Figures(
            long jobExecutions,
            long stepExecutions,
            double withHistory,
            double withoutIndexes,
            double empty) {
        public String lastLine() {
            return String.format(
                    "launch with a year of history: %.1f ms (empty: %.1f ms, ratio %.2f)",
                    withHistory, empty, withHistory / empty);
        }
    }

    private HistoryLaunchTiming() {}

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        int launches = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        print(System.out, days, launches);
    }

    /**
     * Builds the repositories in a temporary folder, times the launches and the first prune, and
     * prints the figures, the launch line last; the folder is removed afterwards.
     */
    public static void print(PrintStream out, int days, int launches) throws Exception {
        Path dir = Files.createTempDirectory("banq-history-");
        try {
            Figures figures = run(dir, days, launches);
            out.printf(
                    "history: %d days, %d job executions, %d step executions%n",
                    days, figures.jobExecutions(), figures.stepExecutions());
            out.printf("launch without the indexes: %.1f ms%n", figures.withoutIndexes());
            out.println(prune(dir.resolve("prune"), days));
            out.println(figures.lastLine());
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    /**
     * Builds the repositories in {@code dir} and times {@code launches} launches on each, the empty
     * and the full one in turn so that both see the same JIT and the same machine load.
     */
    public static Figures run(Path dir, int days, int launches) throws Exception {
        try (SqliteJobRepository empty = new SqliteJobRepository(dir.resolve("empty"));
                SqliteJobRepository full = new SqliteJobRepository(dir.resolve("history"))) {
            HistoryFixture.Size size =
                    new HistoryFixture(full).write(HistoryFixture.PRODUCTION, days, Instant.now());
            JobRunner onEmpty = runner(empty, JobNames.RETWAP);
            JobRunner onFull = runner(full, JobNames.RETWAP);
            double[] emptyMillis = new double[launches];
            double[] fullMillis = new double[launches];
            for (int i = -launches; i < launches; i++) { // the first half warms up
                double e = time(onEmpty);
                double f = time(onFull);
                if (i >= 0) {
                    emptyMillis[i] = e;
                    fullMillis[i] = f;
                }
            }
            dropIndexes(full);
            double[] unindexed = new double[Math.max(3, launches / 5)];
            for (int i = 0; i < unindexed.length; i++) {
                unindexed[i] = time(onFull);
            }
            return new Figures(
                    size.jobExecutions(),
                    size.stepExecutions(),
                    median(fullMillis),
                    median(unindexed),
                    median(emptyMillis));
        }
    }

    private static void dropIndexes(SqliteJobRepository sqlite) {
        JdbcClient jdbc = JdbcClient.create(sqlite.dataSource());
        sqlite.indexes().forEach(index -> jdbc.sql("DROP INDEX " + index).update());
    }

    private static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double time(JobRunner runner) {
        long start = System.nanoTime();
        launch(runner);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Times the first prune of {@code days} of history down to 90 days. */
    static String prune(Path dir, int days) throws Exception {
        try (SqliteJobRepository sqlite = new SqliteJobRepository(dir)) {
            new HistoryFixture(sqlite).write(HistoryFixture.PRODUCTION, days, Instant.now());
            RepositoryPruner pruner =
                    new RepositoryPruner(sqlite.repository(), sqlite.dataSource(), sqlite.banq());
            long start = System.nanoTime();
            PruneReport report = pruner.prune(Duration.ofDays(90), false);
            return String.format(
                    "prune --older-than 90d: %s in %.1f s",
                    report.summary().replaceFirst(" finished before .*", ""),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void launch(JobRunner runner) {
        BatchStatus status = runner.run(JobNames.RETWAP, Map.of()).getStatus();
        if (status != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the timed launch ended " + status);
        }
    }

    /** The launcher with one job of {@code name}: a single step that does nothing. */
    static JobRunner runner(SqliteJobRepository sqlite, String name) throws Exception {
        Job job =
                new JobBuilder(name, sqlite.repository())
                        .start(
                                new StepBuilder(JobNames.partitionStep(name), sqlite.repository())
                                        .tasklet(
                                                (contribution, chunk) -> RepeatStatus.FINISHED,
                                                sqlite.transactions())
                                        .build())
                        .build();
        TaskExecutorJobOperator operator = sqlite.operator();
        return new JobRunner(operator, sqlite.repository(), List.of(job), sqlite.banq());
    }
}
