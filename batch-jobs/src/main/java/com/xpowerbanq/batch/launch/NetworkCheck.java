package com.xpowerbanq.batch.launch;

import com.xpowerbanq.chain.rpc.ChainException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.BeansException;

/**
 * Identifies the network a job works on (the endpoints' chain id against the registry and the
 * contract run) twice: before the launch, where a mismatch stops it before anything is read or
 * written, the job repository included; and when the job starts, where a chain that did not answer
 * before the launch fails the execution, so that a restart resumes it.
 */
final class NetworkCheck implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(NetworkCheck.class);
    private final Supplier<?> network;

    NetworkCheck(Supplier<?> network) {
        this.network = network;
    }

    /** Throws what does not fit together; a chain that does not answer is left to the job. */
    void beforeLaunch() {
        try {
            identify();
        } catch (ChainException e) {
            log.warn("cannot identify the chain before the launch: {}", e.getMessage());
        }
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        identify();
    }

    private void identify() {
        try {
            network.get();
        } catch (BeansException e) {
            throw unwrapped(e);
        }
    }

    /** The first cause that is not Spring's wrapping of a failed bean, so messages name it. */
    private static RuntimeException unwrapped(BeansException e) {
        Throwable t = e;
        while (t instanceof BeansException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException runtime ? runtime : e;
    }
}
