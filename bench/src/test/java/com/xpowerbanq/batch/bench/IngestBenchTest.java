package com.xpowerbanq.batch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.xpowerbanq.bench.BenchMain;
import com.xpowerbanq.schema.ContractRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestBenchTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(Map<String, String> parameters, Map<String, String> env, String... options) {
        return IngestBench.run(
                parameters,
                options,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badParametersAreUsageErrorsNamingWhatToFix() {
        assertThat(bench(Map.of("rows", "abc"), Map.of())).isEqualTo(64);
        assertThat(errors()).contains("rows=abc is not a whole number between 1 and");
        assertThat(bench(Map.of("days", "0"), Map.of())).isEqualTo(64);
        assertThat(errors()).contains("days=0");
        assertThat(bench(Map.of("window", "-5"), Map.of())).isEqualTo(64);
        assertThat(errors()).contains("window=-5");
        assertThat(bench(Map.of("runs", "0"), Map.of())).isEqualTo(64);
        assertThat(errors()).contains("runs=0 is not a whole number between 1 and 99");
        assertThat(bench(Map.of("row", "5"), Map.of())).isEqualTo(64);
        assertThat(errors()).contains("unknown parameter 'row'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theCommandLineExitsWith64OnABadBenchParameter() {
        assertThat(BenchMain.run("ingest", "rows=abc")).isEqualTo(64);
    }

    @Test
    void aBackfillThatFailsMakesTheBenchFailNamingTheJobAndTheSeries(@TempDir Path dir)
            throws IOException {
        // given: a provider that says which chain it serves and refuses every other call
        Path contracts = dir.resolve("contracts.env");
        ContractRegistry.packaged("mainnet").write(contracts);
        HttpServer refusing = refusingProvider();
        String provider = "http://127.0.0.1:" + refusing.getAddress().getPort();

        // when
        int code;
        try {
            code =
                    bench(
                            Map.of("rows", "64", "filled", "64"),
                            Map.of(
                                    "PROVIDER_URL",
                                    provider,
                                    "CONTRACTS_FILE",
                                    contracts.toString()),
                            "--banq.chain.attempts=1",
                            "--banq.chain.call-timeout=2s");
        } finally {
            refusing.stop(0);
        }

        // then: the writer's figures came first, each pair and the median of the pairs
        assertThat(code).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("APOW:supply:P000   64 rows in ")
                .contains("APOW:supply:P000   64 rows on 64 rows in ")
                .contains("XPOW_APOW:T000     ratio filled/empty, median of 3 runs: ")
                .contains("reindex-watch  FAILED");
        assertThat(errors())
                .contains("the backfill did not complete")
                .contains("reindex-watch execution")
                .contains("ended FAILED")
                .contains("series failed")
                .contains(provider);
    }

    @Test
    void aBackfillOfAnUnreachableChainFailsBeforeAnySeriesNamingTheEndpoint(@TempDir Path dir)
            throws IOException {
        // given: a provider nobody listens on
        Path contracts = dir.resolve("contracts.env");
        ContractRegistry.packaged("mainnet").write(contracts);
        String dead = "http://127.0.0.1:" + freePort();

        // when
        int code =
                bench(
                        Map.of("rows", "64", "filled", "64"),
                        Map.of("PROVIDER_URL", dead, "CONTRACTS_FILE", contracts.toString()),
                        "--banq.chain.attempts=1",
                        "--banq.chain.call-timeout=2s");

        // then
        assertThat(code).isNotZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("reindex-watch  FAILED");
        assertThat(errors())
                .contains("the backfill did not complete")
                .contains("reindex-watch execution")
                .contains("ended FAILED")
                .contains("eth_chainId")
                .contains(dead);
    }

    /** A JSON-RPC endpoint of chain 31337 that answers eth_chainId and refuses every other call. */
    private static HttpServer refusingProvider() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String request =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    String id = request.replaceAll("(?s).*\"id\"\\s*:\\s*([0-9]+).*", "$1");
                    String answer =
                            request.contains("\"eth_chainId\"")
                                    ? "{\"jsonrpc\":\"2.0\",\"id\":"
                                            + id
                                            + ",\"result\":\"0x7a69\"}"
                                    : "{\"jsonrpc\":\"2.0\",\"id\":"
                                            + id
                                            + ",\"error\":{\"code\":-32601,\"message\":\"refused by the"
                                            + " test\"}}";
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    exchange.close();
                });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
