package com.xpowerbanq.batch.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled prune of the job repository in {@code serve} ({@code banq.prune.*}, env {@code
 * BANQ_PRUNE_*}): on by default, a Quartz cron (seconds first, UTC), and the age of the finished
 * executions it deletes.
 */
@ConfigurationProperties("banq.prune")
public record PruneProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("90d") Duration olderThan,
        @DefaultValue("0 5 3 * * ?") String cron) {
    public PruneProperties {
        if (olderThan.isNegative() || olderThan.isZero()) {
            throw new IllegalArgumentException(
                    "banq.prune.older-than must be positive, not " + olderThan);
        }
    }
}
