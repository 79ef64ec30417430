package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.JobBusyException;
import com.xpowerbanq.batch.launch.RepositoryPruner;
import java.util.function.BooleanSupplier;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of the scheduled prune: deletes the job repository's old finished executions and
 * logs one line with the counts. Jobs keep running meanwhile: each instance is deleted in its own
 * short transaction, and only instances no launch or restart would touch.
 */
@DisallowConcurrentExecution
public class PruneRepositoryJob extends QuartzJobBean {
    private static final Logger log = LoggerFactory.getLogger(PruneRepositoryJob.class);

    private final RepositoryPruner pruner;
    private final PruneProperties properties;

    public PruneRepositoryJob(RepositoryPruner pruner, PruneProperties properties) {
        this.pruner = pruner;
        this.properties = properties;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        // serve's shutdown puts the scheduler in standby: the prune stops between two instances
        BooleanSupplier stopping = () -> inStandby(context);
        try {
            log.info("prune: {}", pruner.prune(properties.olderThan(), false, stopping).summary());
        } catch (JobBusyException e) {
            log.warn("prune skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("prune failed: {}", e.getMessage(), e);
        }
    }

    private static boolean inStandby(JobExecutionContext context) {
        try {
            return context.getScheduler().isInStandbyMode();
        } catch (SchedulerException e) {
            return true;
        }
    }
}
