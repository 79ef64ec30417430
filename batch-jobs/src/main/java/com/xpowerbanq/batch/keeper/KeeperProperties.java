package com.xpowerbanq.batch.keeper;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the keeper jobs ({@code banq.keeper.*}, env {@code BANQ_KEEPER_*}): how many series
 * are kept in parallel, how receipts are awaited (each transaction's deadline, and the fraction of
 * it after which, again and again, the chain is looked at to heal a transaction that is not
 * coming), and the key file when it is not given by {@code PRIVATE_KEY_FILE}. The key itself is
 * read from the process environment only.
 */
@ConfigurationProperties("banq.keeper")
public record KeeperProperties(
        @DefaultValue("8") int workers,
        @DefaultValue("1s") Duration receiptPoll,
        @DefaultValue("3m") Duration receiptTimeout,
        @DefaultValue("0.25") double healFraction,
        @Nullable String privateKeyFile) {

    public KeeperProperties {
        if (workers < 1) {
            throw new IllegalArgumentException(
                    "banq.keeper.workers (BANQ_KEEPER_WORKERS) must be at least 1, not " + workers);
        }
        if (!receiptTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "banq.keeper.receipt-timeout (BANQ_KEEPER_RECEIPT_TIMEOUT) must be positive, not "
                            + receiptTimeout);
        }
        if (!(healFraction > 0 && healFraction <= 1)) {
            throw new IllegalArgumentException(
                    "banq.keeper.heal-fraction (BANQ_KEEPER_HEAL_FRACTION) must be above 0 and at"
                            + " most 1 (a fraction of the receipt timeout), not "
                            + healFraction);
        }
    }
}
