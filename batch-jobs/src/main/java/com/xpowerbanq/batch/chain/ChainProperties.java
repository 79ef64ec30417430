package com.xpowerbanq.batch.chain;

import com.xpowerbanq.chain.rpc.RetryPolicy;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach the chain ({@code banq.chain.*}): endpoints ({@code PROVIDER_URL}, comma-separated),
 * contract run ({@code CONTRACT_RUN}), the registry file of a chain without a packaged one ({@code
 * CONTRACTS_FILE}), and the patience of every call. No setting names the network: the registry is
 * the one of the chain id the endpoints answer (see {@code RegistrySelector}).
 * application.properties binds the original system's variables; a blank value counts as unset.
 * Checked when the context starts.
 */
@ConfigurationProperties("banq.chain")
public record ChainProperties(
        @Nullable String providerUrl,
        @Nullable String contractRun,
        @Nullable String contractsFile,
        @DefaultValue("20s") Duration callTimeout,
        @DefaultValue("6") int attempts,
        @DefaultValue("250ms") Duration backoffBase,
        @DefaultValue("8s") Duration backoffMax,
        @DefaultValue("64") int confirmations) {
    public static final String DEFAULT_RUN = "v10a";
    private static final Pattern RUN = Pattern.compile("v[0-9]+[a-z]");

    public ChainProperties {
        providerUrl = blankToNull(providerUrl);
        contractsFile = blankToNull(contractsFile);
        contractRun =
                contractRun == null || contractRun.isBlank() ? DEFAULT_RUN : contractRun.strip();
        if (!RUN.matcher(contractRun).matches()) {
            throw new IllegalArgumentException(
                    "CONTRACT_RUN (banq.chain.contract-run) must be a contract run like v10a, not '"
                            + contractRun
                            + "'");
        }
        positive(callTimeout, "banq.chain.call-timeout (BANQ_CHAIN_CALL_TIMEOUT)");
        positive(backoffBase, "banq.chain.backoff-base (BANQ_CHAIN_BACKOFF_BASE)");
        positive(backoffMax, "banq.chain.backoff-max (BANQ_CHAIN_BACKOFF_MAX)");
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "banq.chain.attempts (BANQ_CHAIN_ATTEMPTS) must be at least 1, not "
                            + attempts);
        }
        if (confirmations < 0) {
            throw new IllegalArgumentException(
                    "banq.chain.confirmations (BANQ_CHAIN_CONFIRMATIONS) must not be negative, not "
                            + confirmations);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void positive(Duration value, String setting) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + value);
        }
    }

    public String run() {
        return contractRun;
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(attempts, backoffBase, backoffMax);
    }
}
