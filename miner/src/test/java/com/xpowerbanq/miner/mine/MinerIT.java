package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetDays;
import com.xpowerbanq.devnet.DevnetExtension;
import com.xpowerbanq.miner.pow.NonceSearch;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

/**
 * Mines at level 2 on the devnet's XPOW contract: mints pay exactly 2^zeros - 1 tokens each to the
 * beneficiary, a duplicate is refused once and not retried, and an hour turn (anvil time travel)
 * makes the next mint fail with an expired block hash, upon which the miner re-inits and mines on.
 */
@ExtendWith(DevnetExtension.class)
@DevnetDays(0)
class MinerIT {
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);

    private final Devnet devnet;

    @TempDir Path secrets;

    MinerIT(Devnet devnet) {
        this.devnet = devnet;
    }

    @Test
    void minesPaysTheContractRuleRefusesDuplicatesAndReinitsAfterTheHourTurns() throws Exception {
        // given a miner at level 2 paying to a fresh address, signing with a dev account
        String to = freshAddress();
        String xpow = devnet.registry().address("XPOW", "v10a").orElseThrow();
        Settings settings =
                Settings.from(
                        Map.of(
                                Settings.PROVIDER_URL,
                                devnet.rpcUrl(),
                                Settings.CONTRACTS_FILE,
                                devnet.registryFile().toString(),
                                Settings.MINT_ADDRESS_PK,
                                Numeric.toHexStringWithPrefixZeroPadded(
                                        devnet.account(3).getEcKeyPair().getPrivateKey(), 64),
                                Settings.MINT_ADDRESS,
                                to,
                                Settings.MINT_LEVEL,
                                "2",
                                Settings.MINE_WORKERS,
                                "1"),
                        secrets,
                        Runtime.getRuntime().availableProcessors());
        CapturedLines lines = new CapturedLines();
        JsonRpcChainClient rpc =
                JsonRpcChainClient.connect(
                        List.of(devnet.rpcUrl()), Duration.ofSeconds(10), RetryPolicy.once());
        XpowChain chain = XpowChain.connect(rpc, xpow, settings);
        // the interval is polled once an hour here: only the contract's expired answer re-inits
        Miner miner =
                new Miner(
                        settings,
                        chain,
                        NonceSearch.fastest(),
                        lines,
                        new Miner.Timing(Duration.ofHours(1), Duration.ofMillis(300)));
        Thread running = Thread.ofPlatform().name("miner-it").start(miner::run);

        // when it has minted a few times
        await().atMost(Duration.ofSeconds(60)).until(() -> lines.steps("mint").size() >= 3);
        Map<String, Object> first = lines.steps("mint").get(0);
        BigInteger interval = (BigInteger) first.get("interval");
        assertThat(lines.steps("init")).hasSize(1);
        assertThat(lines.steps("mine")).hasSize(1);

        // then a duplicate of a minted nonce is refused once, not retried
        Find duplicate =
                new Find(
                        new Epoch(
                                interval,
                                Numeric.hexStringToByteArray((String) first.get("block_hash"))),
                        0,
                        (Integer) first.get("zeros"),
                        Numeric.hexStringToByteArray((String) first.get("hash")),
                        Numeric.hexStringToByteArray((String) first.get("nonce")),
                        0);
        miner.minter().queue().put(duplicate);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !duplicates(lines, first.get("nonce")).isEmpty());

        // when the hour turns on the chain
        devnet.increaseTime(3_600);

        // then a mint fails with an expired block hash, the miner re-inits and mints in the new
        // hour
        BigInteger next = interval.add(BigInteger.ONE);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                lines.steps("mint").stream()
                                        .anyMatch(l -> next.equals(l.get("interval"))));
        assertThat(lines.errors("mint"))
                .anyMatch(
                        l ->
                                "expired".equals(l.get("revert"))
                                        && interval.equals(l.get("interval")));
        assertThat(lines.steps("init"))
                .extracting(l -> l.get("interval"))
                .containsExactly(interval, next);
        // and, every 300 ms of mining, a rate line (a fast machine may mint all of this sooner)
        await().atMost(Duration.ofSeconds(10)).until(() -> !lines.steps("rate").isEmpty());

        // when stopped
        miner.stop();
        assertThat(miner.awaitStopped(Duration.ofSeconds(30))).isTrue();
        running.join();

        // then the beneficiary holds exactly the sum of (2^zeros - 1) tokens of the reported mints
        List<Map<String, Object>> mints = lines.steps("mint");
        BigInteger expected = BigInteger.ZERO;
        for (Map<String, Object> mint : mints) {
            int zeros = (Integer) mint.get("zeros");
            assertThat(zeros).isGreaterThanOrEqualTo(2);
            assertThat(mint.get("amount"))
                    .isEqualTo(BigInteger.TWO.pow(zeros).subtract(BigInteger.ONE));
            expected = expected.add(((BigInteger) mint.get("amount")).multiply(UNIT));
        }
        assertThat(balanceOf(xpow, to)).isEqualTo(expected);
        assertThat(duplicates(lines, first.get("nonce"))).hasSize(1);
        assertThat(mints).extracting(l -> l.get("nonce")).doesNotHaveDuplicates();
        assertThat(lines.steps).last().extracting(l -> l.get("step")).isEqualTo("stop");
        // and its tally, which the metrics serve, counts every attempt as confirmed or failed
        MiningTally tally = miner.tally();
        assertThat(tally.mints(MiningTally.Outcome.CONFIRMED)).isEqualTo(mints.size());
        assertThat(tally.mints(MiningTally.Outcome.FAILED))
                .isEqualTo(
                        lines.errors("mint").stream().filter(l -> l.containsKey("nonce")).count());
        assertThat(tally.mints(MiningTally.Outcome.SENT))
                .isEqualTo(
                        tally.mints(MiningTally.Outcome.CONFIRMED)
                                + tally.mints(MiningTally.Outcome.FAILED));
        assertThat(tally.finds()).isGreaterThanOrEqualTo(mints.size());
        assertThat(tally.hashes()).isGreaterThan(tally.finds());
        rpc.close();
    }

    @Test
    void minerProcessServesItsMetricsAndStopsCleanlyOnSigterm() throws Exception {
        // given banq-miner as its own process, configured by env like the container
        ProcessBuilder builder =
                new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.xpowerbanq.miner.MinerMain");
        Map<String, String> env = builder.environment();
        env.put(Settings.PROVIDER_URL, devnet.rpcUrl());
        env.put(Settings.CONTRACTS_FILE, devnet.registryFile().toString());
        env.put(
                Settings.MINT_ADDRESS_PK,
                Numeric.toHexStringWithPrefixZeroPadded(
                        devnet.account(4).getEcKeyPair().getPrivateKey(), 64));
        env.put(Settings.MINT_ADDRESS, freshAddress());
        env.put(Settings.MINT_LEVEL, "12");
        env.put(Settings.MINE_WORKERS, "1");
        int metricsPort = freePort();
        env.put(Settings.MINER_METRICS_PORT, Integer.toString(metricsPort));
        Path out = secrets.resolve("stdout.jsonl");
        Path err = secrets.resolve("stderr.jsonl");
        Process miner = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(out).contains("\"step\":\"mine\""));

            // then its metrics, on loopback, count hashes and pass promtool's lint
            await("banq_miner_hashes_total above 0 on :" + metricsPort)
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> sample(scrape(metricsPort), "banq_miner_hashes_total") > 0);
            String metrics = scrape(metricsPort);
            assertThat(Promtool.checkMetrics(metrics)).isEmpty();
            assertThat(metrics)
                    .contains("banq_miner_hashes_per_second ")
                    .contains("banq_miner_finds_total ")
                    .contains("banq_miner_mints_total{outcome=\"sent\"} ")
                    .contains("banq_miner_mints_total{outcome=\"confirmed\"} ")
                    .contains("banq_miner_mints_total{outcome=\"failed\"} ")
                    .doesNotContain(devnet.rpcUrl())
                    .doesNotContain(env.get(Settings.MINT_ADDRESS_PK).substring(2));

            // when it receives SIGTERM
            miner.destroy();

            // then it stops the workers, says so and exits
            assertThat(miner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.get(0)).startsWith("{\"step\":\"init\"");
            assertThat(lines.get(lines.size() - 1)).startsWith("{\"step\":\"stop\"");
            assertThat(Files.readString(err))
                    .doesNotContain(env.get(Settings.MINT_ADDRESS_PK).substring(2));
        } finally {
            miner.destroyForcibly();
        }
    }

    private static List<Map<String, Object>> duplicates(CapturedLines lines, Object nonce) {
        return lines.errors("mint").stream()
                .filter(l -> "duplicate".equals(l.get("revert")) && nonce.equals(l.get("nonce")))
                .toList();
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double sample(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String freshAddress() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return Keys.toChecksumAddress(Numeric.toHexString(bytes));
    }

    private BigInteger balanceOf(String token, String owner) throws IOException {
        Function function =
                new Function(
                        "balanceOf",
                        List.of(new Address(owner)),
                        List.of(new TypeReference<Uint256>() {}));
        String value =
                devnet.web3j()
                        .ethCall(
                                Transaction.createEthCallTransaction(
                                        owner, token, FunctionEncoder.encode(function)),
                                DefaultBlockParameterName.LATEST)
                        .send()
                        .getValue();
        List<Type> decoded = FunctionReturnDecoder.decode(value, function.getOutputParameters());
        return (BigInteger) decoded.get(0).getValue();
    }
}
