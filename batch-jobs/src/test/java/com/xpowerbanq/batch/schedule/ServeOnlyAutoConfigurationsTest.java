package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServeOnlyAutoConfigurationsTest {
    private static final String[] CANDIDATES = {
        "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus"
                + ".PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        null
    };

    @Test
    void everyCommandButServeStartsWithoutTheSchedulerTheWebServerAndTheMetrics() {
        assertThat(filter(false).match(CANDIDATES, null))
                .containsExactly(false, false, false, false, true, true, true);
    }

    @Test
    void serveKeepsThemAll() {
        assertThat(filter(true).match(CANDIDATES, null))
                .containsExactly(true, true, true, true, true, true, true);
    }

    private static ServeOnlyAutoConfigurations filter(boolean serving) {
        ServeOnlyAutoConfigurations filter = new ServeOnlyAutoConfigurations();
        filter.setEnvironment(
                new MockEnvironment().withProperty(ScheduleDaemon.SERVE, String.valueOf(serving)));
        return filter;
    }
}
