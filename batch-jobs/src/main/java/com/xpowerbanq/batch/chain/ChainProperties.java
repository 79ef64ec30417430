package com.xpowerbanq.batch.chain;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * How to reach the chain ({@code banq.chain.*}): endpoints ({@code PROVIDER_URL}, comma-separated),
 * contract run and registry ({@code CONTRACT_RUN}, {@code CONTRACTS_FILE} or the packaged {@code
 * network}), and the patience of every call. Use {@link #withEnvironment} for the effective values.
 */
@ConfigurationProperties("banq.chain")
public record ChainProperties(
        @Nullable String providerUrl,
        @Nullable String contractRun,
        @Nullable String contractsFile,
        @Nullable String network,
        @DefaultValue("20s") Duration callTimeout,
        @DefaultValue("6") int attempts,
        @DefaultValue("250ms") Duration backoffBase,
        @DefaultValue("8s") Duration backoffMax,
        @DefaultValue("64") int confirmations) {

    /**
     * These settings with what is not set taken from the variables the original system used ({@code
     * PROVIDER_URL}, {@code CONTRACT_RUN}, {@code CONTRACTS_FILE}) and the defaults.
     */
    public ChainProperties withEnvironment(Environment environment) {
        return new ChainProperties(
                or(providerUrl, environment.getProperty("PROVIDER_URL"), null),
                or(contractRun, environment.getProperty("CONTRACT_RUN"), "v10a"),
                or(contractsFile, environment.getProperty("CONTRACTS_FILE"), null),
                or(network, null, "mainnet"),
                callTimeout,
                attempts,
                backoffBase,
                backoffMax,
                confirmations);
    }

    private static @Nullable String or(
            @Nullable String value, @Nullable String variable, @Nullable String fallback) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        return variable != null && !variable.isBlank() ? variable : fallback;
    }

    public String run() {
        return contractRun == null ? "v10a" : contractRun;
    }

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
