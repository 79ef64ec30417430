package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.chain.ChainConfiguration;
import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.ExecutionHosts;
import com.xpowerbanq.batch.launch.StandaloneJobRepository;
import com.xpowerbanq.batch.schedule.FireLog;
import com.xpowerbanq.batch.status.ChainHead;
import com.xpowerbanq.batch.status.StatusCollector;
import com.xpowerbanq.batch.status.StatusSnapshot;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code status --json}: the snapshot behind the daemon's status page, gathered without an
 * application context from the job repository, the series databases and the chain (each endpoint
 * asked once; when none answers, the lags are null and {@code chainError} says so).
 */
final class StatusJson {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StatusJson() {}

    static void print(PrintStream out, List<String> options) throws Exception {
        Settings settings = Settings.of(options).withLogging();
        BanqProperties banq = settings.bind("banq", BanqProperties.class);
        ChainProperties chain = settings.bind("banq.chain", ChainProperties.class);
        try (StandaloneJobRepository opened = new StandaloneJobRepository(banq);
                JsonRpcChainClient probe = probe(chain)) {
            StatusSnapshot snapshot =
                    new StatusCollector(
                                    opened.repository(),
                                    banq.stateDir(),
                                    SchedulesCommand.bind(options),
                                    new FireLog(opened.dataSource(), banq),
                                    probe == null ? null : new ChainHead(() -> probe),
                                    chain.run(),
                                    Clock.systemUTC(),
                                    ExecutionHosts.namedIn(banq, opened.dataSource()))
                            .collect();
            out.println(JSON.writeValueAsString(snapshot));
        }
    }

    private static @Nullable JsonRpcChainClient probe(ChainProperties chain) {
        try {
            return JsonRpcChainClient.connect(
                    ChainConfiguration.endpoints(chain), chain.callTimeout(), RetryPolicy.once());
        } catch (RuntimeException noEndpoint) {
            return null;
        }
    }
}
