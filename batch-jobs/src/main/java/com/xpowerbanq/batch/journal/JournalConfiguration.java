package com.xpowerbanq.batch.journal;

import com.xpowerbanq.batch.chain.ChainProperties;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every job bean the {@link JobLogContext} listener, so each log line of a run carries its
 * run, job and execution without each job configuration wiring it. The steps are built inside the
 * job factories ({@code KeeperJobAssembly}, {@code WatchJobFactory}), which add it themselves.
 */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    JobLogContext jobLogContext(ChainProperties chain) {
        return new JobLogContext(chain.run());
    }

    @Bean
    static BeanPostProcessor jobLogContextListener(ObjectProvider<JobLogContext> context) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(context.getObject());
                }
                return bean;
            }
        };
    }
}
