package com.xpowerbanq.batch.chain;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the chain: endpoints ({@code PROVIDER_URL}, comma-separated), contract run and
 * registry ({@code CONTRACT_RUN}, {@code CONTRACTS_FILE} or the packaged {@code network}), and the
 * patience of every call.
 */
@ConfigurationProperties("banq.chain")
public record ChainProperties(
        @Nullable String providerUrl,
        @DefaultValue("v10a") String contractRun,
        @Nullable String contractsFile,
        @DefaultValue("mainnet") String network,
        @DefaultValue("20s") Duration callTimeout,
        @DefaultValue("6") int attempts,
        @DefaultValue("250ms") Duration backoffBase,
        @DefaultValue("8s") Duration backoffMax,
        @DefaultValue("64") int confirmations) {

    public Backoff backoff() {
        return new Backoff(attempts, backoffBase, backoffMax);
    }

    /** The endpoints of a comma-separated list, blanks dropped. */
    public static List<String> endpoints(@Nullable String urls) {
        if (urls == null) {
            return List.of();
        }
        return Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
