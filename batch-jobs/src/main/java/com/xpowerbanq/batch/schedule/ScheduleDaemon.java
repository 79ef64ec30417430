package com.xpowerbanq.batch.schedule;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.quartz.JobDataMap;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.SmartLifecycle;

/**
 * {@code banq-batch serve}: starts the Quartz schedules, runs once at start what was missed while
 * the daemon was down, and stops cleanly: on shutdown (SIGTERM) no new run starts, the executions
 * it launched are asked to stop (their steps finish the current chunk and end STOPPED, restartable)
 * and the daemon waits for them before the context closes. Executions other processes run on the
 * same job repository are left alone.
 */
public final class ScheduleDaemon implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScheduleDaemon.class);

    /**
     * The property that puts the daemon and the Quartz scheduler into the application context
     * ({@code serve} sets it): every other command starts without them.
     */
    public static final String SERVE = "banq.serve";

    private static final Duration LOCK_RETRY = Duration.ofSeconds(3);

    private final Schedulers schedulers;
    private final ScheduleProperties properties;
    private final ScheduledLauncher launcher;
    private final FireLog fireLog;
    private final JobOperator operator;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Set<String> firing = ConcurrentHashMap.newKeySet();
    private volatile boolean serving;

    public ScheduleDaemon(
            Schedulers schedulers,
            ScheduleProperties properties,
            ScheduledLauncher launcher,
            FireLog fireLog,
            JobOperator operator,
            Clock clock) {
        this.schedulers = schedulers;
        this.properties = properties;
        this.launcher = launcher;
        this.fireLog = fireLog;
        this.operator = operator;
        this.clock = clock;
    }

    /** Starts the schedules and blocks until the application shuts down. */
    public void serve() throws SchedulerException, InterruptedException {
        start();
        stopping.await();
    }

    /** Starts the schedules and returns (the tests and {@link #serve()} use it). */
    @Override
    public synchronized void start() {
        if (serving) {
            return;
        }
        try {
            initialiseBeforeAnyShutdown();
            schedulers.install();
            // a missed run is queued before the schedules start, so it comes first
            catchUp();
            schedulers.start();
            serving = true;
            properties
                    .byJob()
                    .forEach(
                            (job, schedule) ->
                                    log.info(
                                            "schedule {}: {} ({}, jitter up to {} s) {}",
                                            job,
                                            schedule.isEnabled()
                                                    ? schedule.cronExpression()
                                                    : "disabled",
                                            properties.zone(),
                                            properties.jitter().toSeconds(),
                                            schedule.jobParameters()));
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * web3j registers a JVM shutdown hook when its {@code Async} class is first used; a fire whose
     * first chain client is made while SIGTERM shuts the JVM down would fail there ("Shutdown in
     * progress"), so the class is initialised now.
     */
    private static void initialiseBeforeAnyShutdown() {
        try {
            Class.forName("org.web3j.utils.Async", true, ScheduleDaemon.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("web3j is not on the class path", e);
        }
    }

    /** Runs once now each job whose schedule fired while the daemon was down. */
    private void catchUp() throws SchedulerException {
        Instant now = clock.instant();
        for (var entry : properties.byJob().entrySet()) {
            String job = entry.getKey();
            if (!entry.getValue().isEnabled()
                    || !launcher.knows(job)
                    || !schedulers.catchesUpByFireLog(job)) {
                continue;
            }
            Optional<Instant> last = fireLog.last(job);
            if (last.isEmpty()) {
                fireLog.record(job, now);
                continue;
            }
            Date next =
                    cron(entry.getValue().cronExpression())
                            .getNextValidTimeAfter(Date.from(last.get()));
            if (next != null && !next.toInstant().isAfter(now)) {
                log.info(
                        "{}: the run due at {} was missed while down; running it once now",
                        job,
                        next.toInstant());
                JobDataMap data = new JobDataMap();
                data.put(LaunchScheduledJob.TRIGGER, "missed");
                schedulers.triggerNow(job, data);
            }
        }
    }

    private CronExpression cron(String expression) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(ScheduleTriggers.evaluatedIn(expression, properties.zone()));
            return cron;
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad cron expression '" + expression + "'", e);
        }
    }

    /** One fire of a schedule, on a Quartz thread: random delay, then the launch. */
    void fire(String job, Map<String, String> parameters, Instant fired, String trigger) {
        if (isStopping()) {
            return;
        }
        long jitterMillis = properties.jitter().toMillis();
        // a fire taken over from a host that died resumes at once: it is late already
        long delay =
                jitterMillis <= 0 || trigger.equals(LaunchScheduledJob.RECOVERED)
                        ? 0
                        : ThreadLocalRandom.current().nextLong(jitterMillis + 1);
        try {
            if (delay > 0 && stopping.await(delay, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        fireLog.record(job, trigger.equals("missed") ? clock.instant() : fired);
        String how = "fired (" + trigger + ", due " + fired + ", delayed " + delay + " ms)";
        log.debug("{}: {} {}", job, how, parameters);
        firing.add(job);
        try {
            JobExecution execution = launch(job, parameters, trigger);
            // the one line per run; the per-series and per-window lines are at DEBUG
            if (execution.getStatus() == BatchStatus.FAILED) {
                log.warn("{}: {}, {}", job, how, RunSummary.of(execution));
            } else {
                log.info("{}: {}, {}", job, how, RunSummary.of(execution));
            }
        } catch (Exception e) {
            log.error("{}: could not launch: {}", job, e.getMessage(), e);
        } finally {
            firing.remove(job);
        }
    }

    /**
     * Launches the fire. A fire taken over from a dead host may find that host's job lock still
     * held (a host cut off from the database rather than dead keeps it until the server gives up on
     * its connection): it tries again every few seconds, up to the cluster's takeover lock wait.
     */
    private JobExecution launch(String job, Map<String, String> parameters, String trigger)
            throws Exception {
        Duration wait =
                trigger.equals(LaunchScheduledJob.RECOVERED)
                        ? schedulers.takeoverLockWait()
                        : Duration.ZERO;
        return new LockWait(wait, LOCK_RETRY, stopping, clock)
                .launch(job, () -> launcher.launch(job, parameters));
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (!serving) {
            return;
        }
        log.info("shutting down: no new runs, running executions stop after their current chunk");
        try {
            schedulers.standby();
        } catch (SchedulerException e) {
            log.warn("could not pause the scheduler: {}", e.getMessage());
        }
        Instant deadline = clock.instant().plus(properties.stopTimeout());
        // only what this daemon launched: the job repository is shared, and an execution of
        // the same job started by `banq-batch run` in another process is not ours to stop
        for (String job : Set.copyOf(firing)) {
            for (JobExecution execution : launcher.running(job)) {
                log.info(
                        "{}: stopping execution {} (steps finish their current chunk)",
                        job,
                        execution.getId());
                try {
                    operator.stop(execution);
                } catch (Exception e) {
                    log.warn(
                            "{}: could not stop execution {}: {}",
                            job,
                            execution.getId(),
                            e.getMessage());
                }
            }
        }
        awaitQuiet(deadline);
        schedulers.shutdown();
        serving = false;
    }

    private void awaitQuiet(Instant deadline) {
        try {
            while (schedulers.executing() > 0) {
                if (clock.instant().isAfter(deadline)) {
                    log.warn(
                            "runs still going after {}; shutting down anyway",
                            properties.stopTimeout());
                    return;
                }
                Thread.sleep(Duration.ofMillis(100));
            }
        } catch (SchedulerException e) {
            log.warn("cannot see the running jobs: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return serving;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @Override
    public int getPhase() {
        // stop before the Quartz scheduler and the data source go away
        return Integer.MAX_VALUE;
    }
}
