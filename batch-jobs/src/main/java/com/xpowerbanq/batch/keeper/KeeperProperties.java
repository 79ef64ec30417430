package com.xpowerbanq.batch.keeper;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the keeper jobs ({@code banq.keeper.*}, env {@code BANQ_KEEPER_*}): how many series
 * are kept in parallel, how receipts are awaited, and the key file when it is not given by {@code
 * PRIVATE_KEY_FILE}. The key itself is read from the process environment only.
 */
@ConfigurationProperties("banq.keeper")
public record KeeperProperties(
        @DefaultValue("8") int workers,
        @DefaultValue("1s") Duration receiptPoll,
        @DefaultValue("3m") Duration receiptTimeout,
        @Nullable String privateKeyFile) {

    public KeeperProperties {
        if (workers < 1) {
            throw new IllegalArgumentException(
                    "banq.keeper.workers (BANQ_KEEPER_WORKERS) must be at least 1, not " + workers);
        }
    }
}
