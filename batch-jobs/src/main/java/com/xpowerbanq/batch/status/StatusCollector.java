package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.keeper.KeeperTasklet;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.schedule.FireLog;
import com.xpowerbanq.batch.schedule.ScheduleOverview;
import com.xpowerbanq.batch.schedule.ScheduleProperties;
import com.xpowerbanq.batch.status.StatusSnapshot.ExecutionStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.KeeperStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.ScheduleStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.SeriesStatus;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Gathers a {@link StatusSnapshot} from the series databases in the state directory, the job
 * repository (executions, keeper outcomes, schedule fires) and, when given, the chain head.
 */
public final class StatusCollector {
    static final Duration RECENT = Duration.ofHours(24);

    /** Job instances read per job: a day of hourly retwap runs and then some. */
    private static final int INSTANCES = 30;

    private final JobRepository repository;
    private final Path stateDir;
    private final ScheduleProperties schedules;
    private final FireLog fireLog;
    private final @Nullable ChainHead chain;
    private final String run;
    private final Clock clock;
    private final LongFunction<Optional<String>> hosts;

    /** A collector that names the host of each execution, as {@code hosts} knows it. */
    public StatusCollector(
            JobRepository repository,
            Path stateDir,
            ScheduleProperties schedules,
            FireLog fireLog,
            @Nullable ChainHead chain,
            String run,
            Clock clock,
            LongFunction<Optional<String>> hosts) {
        this.hosts = hosts;
        this.repository = repository;
        this.stateDir = stateDir;
        this.schedules = schedules;
        this.fireLog = fireLog;
        this.chain = chain;
        this.run = run;
        this.clock = clock;
    }

    public StatusSnapshot collect() {
        Instant now = clock.instant();
        ChainHead.Head head = null;
        String chainError = null;
        if (chain != null) {
            try {
                head = chain.head();
            } catch (RuntimeException e) {
                chainError = String.valueOf(e.getMessage());
            }
        }
        Map<String, List<JobExecution>> byJob = new HashMap<>();
        for (String job : JobNames.all()) {
            byJob.put(job, executions(job));
        }
        Map<String, KeeperStatus> keeper = lastKeeperOutcomes(byJob);
        List<SeriesStatus> series = new ArrayList<>();
        for (Series s : Catalogue.all()) {
            series.add(series(s, head, keeper.get(s.instanceId())));
        }
        return new StatusSnapshot(
                now,
                run,
                head == null ? null : head.block(),
                head == null ? null : head.time(),
                chainError,
                series,
                schedules(now, byJob),
                recent(now, byJob));
    }

    private List<JobExecution> executions(String job) {
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(job, 0, INSTANCES)) {
            executions.addAll(repository.getJobExecutions(instance));
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
        return executions;
    }

    private SeriesStatus series(
            Series s, ChainHead.@Nullable Head head, @Nullable KeeperStatus keeper) {
        Path file = stateDir.resolve(s.stateFile());
        if (!Files.exists(file)) {
            return row(s, false, null, null, null, 0, null, keeper, null);
        }
        try {
            SeriesProgress progress = SeriesProgress.read(file, s.kind());
            Long last = progress.lastBlockNumber();
            Long lagBlocks = null;
            Long lagSeconds = null;
            if (head != null && last != null && chain != null) {
                lagBlocks = Math.max(0, head.block() - last);
                lagSeconds =
                        Math.max(0, Duration.between(chain.timeOf(last), head.time()).toSeconds());
            }
            return row(
                    s,
                    true,
                    last,
                    lagBlocks,
                    lagSeconds,
                    progress.rows(),
                    progress.lastEventTime(),
                    keeper,
                    null);
        } catch (SQLException | RuntimeException e) {
            return row(s, true, null, null, null, 0, null, keeper, "unreadable: " + e.getMessage());
        }
    }

    private SeriesStatus row(
            Series s,
            boolean database,
            @Nullable Long lastBlock,
            @Nullable Long lagBlocks,
            @Nullable Long lagSeconds,
            long rows,
            @Nullable Instant lastEvent,
            @Nullable KeeperStatus keeper,
            @Nullable String problem) {
        return new SeriesStatus(
                run,
                s.instanceId(),
                s.apiName(),
                s.kind().name().toLowerCase(Locale.ROOT),
                database,
                lastBlock,
                lagBlocks,
                lagSeconds,
                rows,
                lastEvent,
                keeper,
                problem);
    }

    /** Per series, what the newest keeper execution that handled it did. */
    private static Map<String, KeeperStatus> lastKeeperOutcomes(
            Map<String, List<JobExecution>> byJob) {
        Map<String, KeeperStatus> outcomes = new HashMap<>();
        for (String job : List.of(JobNames.REINDEX, JobNames.RETWAP)) {
            String prefix = JobNames.seriesStep(job) + ":";
            for (JobExecution execution : byJob.get(job)) {
                for (StepExecution step : execution.getStepExecutions()) {
                    if (!step.getStepName().startsWith(prefix)) {
                        continue;
                    }
                    String series = step.getStepName().substring(prefix.length());
                    outcomes.putIfAbsent(series, keeperStatus(job, execution, step));
                }
            }
        }
        return outcomes;
    }

    private static KeeperStatus keeperStatus(
            String job, JobExecution execution, StepExecution step) {
        String outcome =
                step.getStatus() == BatchStatus.COMPLETED
                        ? step.getExitStatus().getExitCode()
                        : step.getStatus().name();
        String tx =
                step.getExecutionContext().containsKey(KeeperTasklet.TX_KEY)
                        ? step.getExecutionContext().getString(KeeperTasklet.TX_KEY)
                        : null;
        return new KeeperStatus(job, execution.getId(), instant(step.getEndTime()), outcome, tx);
    }

    private List<ScheduleStatus> schedules(Instant now, Map<String, List<JobExecution>> byJob) {
        List<ScheduleStatus> out = new ArrayList<>();
        for (ScheduleOverview schedule : ScheduleOverview.of(schedules, now, 1)) {
            List<JobExecution> executions = byJob.getOrDefault(schedule.job(), List.of());
            Instant lastSuccess =
                    executions.stream()
                            .filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                            .map(e -> instant(e.getEndTime()))
                            .filter(java.util.Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(null);
            out.add(
                    new ScheduleStatus(
                            schedule.job(),
                            schedule.cron(),
                            schedule.enabled(),
                            schedule.enabled() && !schedule.nextFires().isEmpty()
                                    ? schedule.nextFires().getFirst().toInstant()
                                    : null,
                            fireLog.last(schedule.job()).orElse(null),
                            lastSuccess));
        }
        return out;
    }

    private List<ExecutionStatus> recent(Instant now, Map<String, List<JobExecution>> byJob) {
        Instant since = now.minus(RECENT);
        List<ExecutionStatus> out = new ArrayList<>();
        for (var entry : byJob.entrySet()) {
            String seriesPrefix = JobNames.seriesStep(entry.getKey()) + ":";
            for (JobExecution execution : entry.getValue()) {
                Instant start = instant(execution.getStartTime());
                if (start == null || start.isBefore(since)) {
                    continue;
                }
                List<StepExecution> series =
                        execution.getStepExecutions().stream()
                                .filter(step -> step.getStepName().startsWith(seriesPrefix))
                                .toList();
                out.add(
                        new ExecutionStatus(
                                execution.getId(),
                                entry.getKey(),
                                execution.getStatus().name(),
                                execution.getExitStatus().getExitCode(),
                                start,
                                instant(execution.getEndTime()),
                                series.size(),
                                (int)
                                        series.stream()
                                                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                                                .count(),
                                hosts.apply(execution.getId()).orElse(null)));
            }
        }
        out.sort(Comparator.comparingLong(ExecutionStatus::id).reversed());
        return out;
    }

    /** Spring Batch keeps local times of the JVM's zone. */
    private static @Nullable Instant instant(@Nullable LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
