package com.xpowerbanq.miner.mine;

import com.xpowerbanq.schema.metrics.MetricsEndpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * banq-miner's metrics on MINER_METRICS_PORT (loopback only): hashes (a counter, for rates and the
 * stalled alert) and the last measured hashes per second, finds, and mints sent, confirmed and
 * failed.
 */
final class MinerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsEndpoint endpoint;

    private MinerMetrics(MiningTally tally, int port) {
        FunctionCounter.builder("banq.miner.hashes", tally, MiningTally::hashes)
                .description("Hashes computed by every worker since the start")
                .register(registry);
        Gauge.builder("banq.miner.hashes.per.second", tally, MiningTally::hashesPerSecond)
                .description("Hashes per second of all workers, as the last rate line says")
                .register(registry);
        FunctionCounter.builder("banq.miner.finds", tally, MiningTally::finds)
                .description("Hashes found at MINT_LEVEL or more, handed to the minter")
                .register(registry);
        for (MiningTally.Outcome outcome : MiningTally.Outcome.values()) {
            FunctionCounter.builder("banq.miner.mints", tally, t -> t.mints(outcome))
                    .description("Mint transactions by outcome: sent, then confirmed or failed")
                    .tag("outcome", outcome.label())
                    .register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.endpoint = MetricsEndpoint.start(port, registry::scrape);
    }

    /** Serves the tally's metrics on 127.0.0.1:{@code port} (0: any free port). */
    static MinerMetrics serve(MiningTally tally, int port) {
        return new MinerMetrics(tally, port);
    }

    @Override
    public void close() {
        endpoint.close();
        registry.close();
    }
}
