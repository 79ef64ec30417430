package com.xpowerbanq.batch.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code banq.status.*}: how long one look at the series databases and the chain serves the status
 * page, the metrics and the health check before the next ({@code BANQ_STATUS_REFRESH}).
 */
@ConfigurationProperties("banq.status")
public record StatusProperties(@DefaultValue("10s") Duration refresh) {
    public StatusProperties {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException(
                    "banq.status.refresh (BANQ_STATUS_REFRESH) must not be negative, got "
                            + refresh);
        }
    }
}
