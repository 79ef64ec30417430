package com.xpowerbanq.batch.launch;

import com.xpowerbanq.chain.registry.ChainNetwork;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Launches jobs by name, for the CLI and the scheduler alike. Parameter names are taken in any
 * spelling of the job's own ({@code percent_min} is {@code percent-min}, see {@link
 * ParameterNames}). Holding the job's {@link RunLock}, it first recovers executions left running by
 * a dead process; then it restarts the last execution when that one failed or stopped with the same
 * parameters (so relaunching a killed or failed command resumes it), and otherwise starts a new
 * instance.
 *
 * <p>In a cluster (the job repository in PostgreSQL) the lock is the database's: a keeper runs on
 * one host at a time, whichever host launches it; an index job runs on every host, each into its
 * own series databases, so it carries this host's name as the identifying parameter {@code host}
 * and each host restarts and recovers only its own executions.
 */
@Component
public class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final int PAGE = 50;

    /** How far back a host looks for its own last instance of an index job. */
    private static final int LAST_OF_HOST_SCAN = 2_000;

    private final JobOperator operator;
    private final JobRepository repository;
    private final Map<String, Job> jobs;
    private final BanqProperties banq;
    private final RunLock.Locks locks;
    private final @Nullable NetworkCheck networkCheck;
    private final Set<String> holding = ConcurrentHashMap.newKeySet();

    /**
     * A runner whose every launch first identifies the network ({@code network}: the endpoints'
     * chain id against the registry and the run), so a mismatch stops it before anything is read or
     * written, the job repository included.
     */
    @Autowired
    JobRunner(
            JobOperator operator,
            JobRepository repository,
            List<Job> jobs,
            BanqProperties banq,
            DataSource dataSource,
            ExecutionHosts hosts,
            ObjectProvider<ChainNetwork> network) {
        this(
                operator,
                repository,
                jobs,
                banq,
                RunLock.Locks.of(banq, dataSource),
                new NetworkCheck(network::getObject));
        register(jobs, hosts);
    }

    /** A runner of jobs that need no chain check (tests of the launch itself). */
    JobRunner(JobOperator operator, JobRepository repository, List<Job> jobs, BanqProperties banq) {
        this(operator, repository, jobs, banq, RunLock.Locks.onDisk(banq.stateDir()), null);
    }

    private JobRunner(
            JobOperator operator,
            JobRepository repository,
            List<Job> jobs,
            BanqProperties banq,
            RunLock.Locks locks,
            @Nullable NetworkCheck networkCheck) {
        this.operator = operator;
        this.repository = repository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.banq = banq;
        this.locks = locks;
        this.networkCheck = networkCheck;
        if (networkCheck != null) {
            register(jobs, networkCheck);
        }
    }

    private static void register(List<Job> jobs, JobExecutionListener listener) {
        jobs.stream()
                .filter(AbstractJob.class::isInstance)
                .forEach(j -> ((AbstractJob) j).registerJobExecutionListener(listener));
    }

    public Set<String> jobNames() {
        return new TreeSet<>(jobs.keySet());
    }

    /** Runs a job to its end and returns its execution (completed or not). */
    public JobExecution run(String jobName, Map<String, String> parameters) {
        Job job = job(jobName);
        JobParameters requested;
        try {
            requested = toParameters(ParameterNames.canonical(parameters, knownNames(job)));
            job.getJobParametersValidator().validate(requested);
            if (JobPlacement.perHost(banq, jobName)) {
                requested =
                        new JobParametersBuilder(requested)
                                .addString(JobNames.HOST, banq.host())
                                .toJobParameters();
            }
        } catch (InvalidJobParametersException | IllegalArgumentException e) {
            throw new JobUsageException(jobName + ": " + e.getMessage(), e);
        }
        checkNetwork();
        try (RunLock lock = locks.acquire(JobPlacement.keyOf(banq, jobName));
                Holding holding = hold(jobName)) {
            recoverStale(jobName);
            JobExecution last = lastExecutionHere(jobName);
            if (last != null && isRestartable(last) && sameRequest(last, requested)) {
                log.info("restarting execution {} of {}", last.getId(), jobName);
                closeUnfinishedSteps(last);
                return operator.restart(last);
            }
            long run = nextRun(jobName, last);
            JobParameters fresh =
                    new JobParametersBuilder(requested)
                            .addLong(JobNames.RUN, run)
                            .toJobParameters();
            return operator.start(job, fresh);
        } catch (JobBusyException | JobUsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch " + jobName + ": " + e.getMessage(), e);
        }
    }

    private void checkNetwork() {
        if (networkCheck != null) {
            networkCheck.beforeLaunch();
        }
    }

    /** Restarts a failed or stopped execution by id. */
    public JobExecution restart(long executionId) {
        JobExecution execution = repository.getJobExecution(executionId);
        if (execution == null) {
            throw new JobUsageException("no job execution with id " + executionId);
        }
        String jobName = execution.getJobInstance().getJobName();
        job(jobName);
        checkNetwork();
        try (RunLock lock = locks.acquire(JobPlacement.keyOf(banq, jobName));
                Holding holding = hold(jobName)) {
            if (!ours(execution)) {
                throw new JobUsageException(
                        "execution "
                                + executionId
                                + " of "
                                + jobName
                                + " indexes the series databases of host "
                                + hostOf(execution)
                                + "; restart it there");
            }
            recoverStale(jobName);
            JobExecution current = Objects.requireNonNull(repository.getJobExecution(executionId));
            if (!isRestartable(current)) {
                throw new JobUsageException(
                        "execution "
                                + executionId
                                + " of "
                                + jobName
                                + " is "
                                + current.getStatus()
                                + "; only FAILED or STOPPED executions restart");
            }
            closeUnfinishedSteps(current);
            return operator.restart(current);
        } catch (JobBusyException | JobUsageException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot restart execution " + executionId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The running executions of {@code jobName} that this runner launched and is running now, none
     * when it runs no such job. While it holds the job's lock no other process runs that job, so
     * every execution the repository shows running then is its own; an execution another process
     * runs (a manual {@code run} beside {@code serve}) is never among them.
     */
    public List<JobExecution> runningHere(String jobName) {
        if (!holding.contains(jobName)) {
            return List.of();
        }
        return running(jobName);
    }

    /**
     * The executions of {@code jobName} the repository shows running that are this host's to
     * recover or stop: all of them, but for an index job in a cluster only this host's.
     */
    private List<JobExecution> running(String jobName) {
        return repository.findRunningJobExecutions(jobName).stream().filter(this::ours).toList();
    }

    /** Whether {@code execution} is this host's: any in one place, only its own on every host. */
    private boolean ours(JobExecution execution) {
        return !JobPlacement.perHost(banq, execution.getJobInstance().getJobName())
                || banq.host().equals(hostOf(execution));
    }

    private static @Nullable String hostOf(JobExecution execution) {
        return execution.getJobParameters().getString(JobNames.HOST);
    }

    /** Marks a job as run by this runner while it holds the job's lock. */
    private Holding hold(String jobName) {
        holding.add(jobName);
        return () -> holding.remove(jobName);
    }

    private interface Holding extends AutoCloseable {
        @Override
        void close();
    }

    private Job job(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new JobUsageException(
                    "unknown job '" + jobName + "': jobs are " + String.join(", ", jobNames()));
        }
        return job;
    }

    /** The names the job's validator accepts, and those every launcher adds. */
    private static Set<String> knownNames(Job job) {
        Set<String> names = new TreeSet<>(JobNames.LAUNCH_PARAMETERS);
        if (job.getJobParametersValidator() instanceof ParameterNames.Known known) {
            names.addAll(known.parameterNames());
        }
        return names;
    }

    private void recoverStale(String jobName) {
        for (JobExecution stale : running(jobName)) {
            log.warn(
                    "execution {} of {} was left running by a process that died; marking it failed",
                    stale.getId(),
                    jobName);
            operator.recover(stale);
        }
    }

    /**
     * Marks FAILED the step executions a failed execution left starting or started (its repository
     * write failed as the partitions were created): Spring Batch would take them for a running
     * execution and refuse every restart.
     */
    private void closeUnfinishedSteps(JobExecution execution) {
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                log.warn(
                        "step {} of execution {} was left {}; marking it failed",
                        step.getStepName(),
                        execution.getId(),
                        step.getStatus());
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(
                        ExitStatus.FAILED.addExitDescription(
                                "left unfinished when its job failed"));
                step.setEndTime(LocalDateTime.now());
                repository.update(step);
            }
        }
    }

    /**
     * The last execution of {@code jobName} that this host would restart: the job's last, but for
     * an index job in a cluster this host's last.
     */
    public @Nullable JobExecution lastExecutionHere(String jobName) {
        if (!JobPlacement.perHost(banq, jobName)) {
            JobInstance instance = repository.getLastJobInstance(jobName);
            return instance == null ? null : repository.getLastJobExecution(instance);
        }
        // the other hosts' instances of the job come between this host's
        for (int start = 0; start < LAST_OF_HOST_SCAN; start += PAGE) {
            List<JobInstance> page = repository.getJobInstances(jobName, start, PAGE);
            for (JobInstance instance : page) {
                JobExecution last = repository.getLastJobExecution(instance);
                if (last != null && ours(last)) {
                    return last;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return null;
    }

    /** The run number of a fresh instance: one past the last, or unique when none is known. */
    private long nextRun(String jobName, @Nullable JobExecution last) {
        if (last != null) {
            return last.getJobParameters().getLong(JobNames.RUN, 0L) + 1;
        }
        return JobPlacement.perHost(banq, jobName) && repository.getLastJobInstance(jobName) != null
                ? System.currentTimeMillis()
                : 1;
    }

    private static boolean isRestartable(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }

    private static boolean sameRequest(JobExecution last, JobParameters requested) {
        return userParameters(last.getJobParameters()).equals(userParameters(requested));
    }

    private static Map<String, String> userParameters(JobParameters parameters) {
        return parameters.parameters().stream()
                .filter(p -> !p.name().equals(JobNames.RUN))
                .collect(Collectors.toMap(JobParameter::name, p -> String.valueOf(p.value())));
    }

    private static JobParameters toParameters(Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        return builder.toJobParameters();
    }
}
