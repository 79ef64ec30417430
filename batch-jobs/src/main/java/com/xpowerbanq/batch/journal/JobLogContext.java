package com.xpowerbanq.batch.journal;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesNameException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.Ordered;

/**
 * Puts the contract run, the job, its execution id and, inside a partition, the series into the MDC
 * of the thread that runs a job or a step, and takes them out after; the journal appender sends
 * them as fields.
 */
public final class JobLogContext implements JobExecutionListener, StepExecutionListener, Ordered {
    public static final String RUN = "BANQ_RUN";
    public static final String JOB = "BANQ_JOB";
    public static final String EXECUTION = "BANQ_EXECUTION";
    public static final String SERIES = "BANQ_SERIES";
    public static final String SERIES_API = "BANQ_SERIES_API";

    private final String run;

    /** A step may run on the job's own thread: after it, that thread gets the job's fields back. */
    private final ThreadLocal<@Nullable Map<String, String>> before = new ThreadLocal<>();

    public JobLogContext(String run) {
        this.run = run;
    }

    /** Listens to a step that is built inside a factory rather than declared as a bean. */
    public <S extends Step> S on(S step) {
        if (step instanceof AbstractStep listening) {
            listening.registerStepExecutionListener(this);
        }
        return step;
    }

    /** First before a job or step and last after it, so the other listeners' lines carry it too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        putJob(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        MDC.remove(RUN);
        MDC.remove(JOB);
        MDC.remove(EXECUTION);
    }

    @Override
    public void beforeStep(StepExecution step) {
        before.set(MDC.getCopyOfContextMap());
        putJob(step.getJobExecution());
        Series series = seriesOf(step.getStepName());
        if (series != null) {
            MDC.put(SERIES, series.instanceId());
            MDC.put(SERIES_API, series.apiName());
        }
    }

    @Override
    public @Nullable ExitStatus afterStep(StepExecution step) {
        Map<String, String> saved = before.get();
        before.remove();
        if (saved == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(saved);
        }
        return null;
    }

    private void putJob(JobExecution execution) {
        MDC.put(RUN, run);
        MDC.put(JOB, execution.getJobInstance().getJobName());
        MDC.put(EXECUTION, Long.toString(execution.getId()));
    }

    /** A partition's step is named {@code step:partition}, and every partition is one series. */
    static @Nullable Series seriesOf(String stepName) {
        int colon = stepName.indexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return Catalogue.parse(stepName.substring(colon + 1));
        } catch (SeriesNameException notSeries) {
            return null;
        }
    }
}
