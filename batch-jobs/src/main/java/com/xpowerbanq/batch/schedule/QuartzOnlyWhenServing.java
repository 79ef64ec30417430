package com.xpowerbanq.batch.schedule;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Leaves Spring Boot's Quartz auto-configuration out of every context but the one {@code serve}
 * starts ({@link ScheduleDaemon#SERVE}): the other commands need no scheduler, and one with no jobs
 * would still start its threads. Registered in {@code META-INF/spring.factories}; the exclusion is
 * the lowest-ranked property source, so an explicit {@code spring.autoconfigure .exclude} still
 * wins.
 */
class QuartzOnlyWhenServing implements EnvironmentPostProcessor {
    static final String QUARTZ =
            "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ScheduleDaemon.SERVE, Boolean.class, false)) {
            environment
                    .getPropertySources()
                    .addLast(
                            new MapPropertySource(
                                    "banq-no-quartz",
                                    Map.of("spring.autoconfigure.exclude", QUARTZ)));
        }
    }
}
