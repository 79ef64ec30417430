package com.xpowerbanq.batch.metrics;

import com.xpowerbanq.chain.rpc.RpcObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code banq_rpc_requests_total{endpoint,method,outcome}} and the latency histogram {@code
 * banq_rpc_request_duration_seconds{endpoint}}: an endpoint is its index in PROVIDER_URL, so no
 * host name or key ever reaches a label.
 */
final class RpcMetrics implements RpcObserver {
    private final MeterRegistry registry;

    RpcMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void exchanged(int endpoint, String method, Outcome outcome, Duration elapsed) {
        String index = String.valueOf(endpoint);
        Counter.builder("banq.rpc.requests")
                .description("JSON-RPC requests by endpoint index, method and outcome")
                .tag("endpoint", index)
                .tag("method", method)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        Timer.builder("banq.rpc.request.duration")
                .description("JSON-RPC request latency by endpoint index")
                .tag("endpoint", index)
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }
}
