package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.devnet.Devnet;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** The retwap job against a devnet: delta bounds, refreshed pairs and a caller without the role. */
class RetwapJobFunctionalTests {
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);

    @TempDir static Path state;
    @AutoClose static DevnetContext fixture;
    static Devnet devnet;
    static ConfigurableApplicationContext context;
    static Credentials keeper;
    @AutoClose static ChainClient chain;

    @BeforeAll
    static void start() throws Exception {
        fixture = DevnetContext.start(state, 1, d -> d.account(1));
        devnet = fixture.devnet();
        context = fixture.context();
        keeper = devnet.account(1);
        chain = KeeperDevnet.chain(devnet.rpcUrl());
    }

    private static TransactionReceipt send(
            Credentials from, String to, String function, List<org.web3j.abi.datatypes.Type> args)
            throws Exception {
        String data =
                FunctionEncoder.encode(
                        new org.web3j.abi.datatypes.Function(function, args, List.of()));
        var manager = new RawTransactionManager(devnet.web3j(), from, devnet.chainId());
        String hash =
                manager.sendTransaction(
                                BigInteger.valueOf(10_000_000_000L),
                                BigInteger.valueOf(500_000),
                                to,
                                data,
                                BigInteger.ZERO)
                        .getTransactionHash();
        TransactionReceipt receipt =
                new PollingTransactionReceiptProcessor(devnet.web3j(), 50, 200)
                        .waitForTransactionReceipt(hash);
        assertThat(receipt.isStatusOK()).as(function + " on " + to).isTrue();
        return receipt;
    }

    /** Sets the pair's feed to the oracle's current quote times {@code percent}/100. */
    private static void feedAt(String source, String target, String oracle, long percent)
            throws Exception {
        var reads = new ContractReads(chain);
        String s = devnet.protocol().address(source);
        String t = devnet.protocol().address(target);
        ContractReads.Quote mean = reads.oracleQuote(oracle, UNIT, s, t);
        // getQuotes answers per `amount` of source units; the feed is set per whole source token
        int decimals = source.equals("USDC") || source.equals("USDT") ? 6 : 18;
        BigInteger whole = BigInteger.TEN.pow(decimals);
        java.util.function.UnaryOperator<BigInteger> moved =
                quote ->
                        quote.multiply(whole)
                                .divide(UNIT)
                                .multiply(BigInteger.valueOf(percent))
                                .divide(BigInteger.valueOf(100));
        BigInteger bid = moved.apply(mean.bid());
        BigInteger ask = moved.apply(mean.ask());
        send(
                devnet.deployer(),
                devnet.protocol().feed(source, target),
                "setQuotes",
                List.of(new Uint256(bid), new Uint256(ask)));
    }

    @Test
    void sendsOnlyWithinTheDeltaBoundsReportsTheOthersAndARevertFailsOnlyItsSeries()
            throws Exception {
        // given: an hour past every pair's last refresh; the keeper holds the role on T000 and T001
        // only; feeds moved relative to the oracles' quotes
        devnet.increaseTime(2 * 3600);
        devnet.mineBlocks(1);
        String t000 = devnet.protocol().address("T000");
        String t001 = devnet.protocol().address("T001");
        String t002 = devnet.protocol().address("T002");
        for (String oracle : List.of(t000, t001)) {
            send(
                    devnet.deployer(),
                    oracle,
                    "setKeeper",
                    List.of(new Address(keeper.getAddress()), new Bool(true)));
        }
        feedAt("XPOW", "APOW", t000, 110); // ~9.5%: within 3..100%
        feedAt("APOW", "XPOW", t000, 101); // ~1%: too small
        feedAt("AVAX", "APOW", t001, 500); // ~133%: too large
        feedAt("USDC", "APOW", t002, 110); // within, but no role on T002
        send(
                devnet.deployer(),
                t001,
                "retwap", // refreshed just now
                List.of(
                        new Address(devnet.protocol().address("APOW")),
                        new Address(devnet.protocol().address("AVAX"))));
        BigInteger nonceBefore = KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress());

        // when
        JobExecution execution =
                context.getBean(JobRunner.class)
                        .run(
                                KeeperJobs.RETWAP,
                                Map.of(
                                        "series",
                                        "XPOW_APOW:T000,APOW_XPOW:T000,AVAX_APOW:T001,APOW_AVAX:T001,USDC_APOW:T002",
                                        "broadcast",
                                        "true"));

        // then
        Map<String, StepExecution> partitions = KeeperDevnet.partitions(execution);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(partitions.get("XPOW_APOW:T000").getExitStatus().getExitCode())
                .isEqualTo("SENT");
        assertThat(partitions.get("XPOW_APOW:T000").getExitStatus().getExitDescription())
                .contains("confirmed")
                .contains("delta 9.");
        assertThat(partitions.get("APOW_XPOW:T000").getExitStatus().getExitCode())
                .isEqualTo("HELD");
        assertThat(partitions.get("APOW_XPOW:T000").getExitStatus().getExitDescription())
                .contains("delta 1.0")
                .contains("outside 3.00%..100.00%");
        assertThat(partitions.get("AVAX_APOW:T001").getExitStatus().getExitCode())
                .isEqualTo("HELD");
        assertThat(partitions.get("AVAX_APOW:T001").getExitStatus().getExitDescription())
                .contains("delta 133.");
        assertThat(partitions.get("APOW_AVAX:T001").getExitStatus().getExitDescription())
                .contains("already refreshed");
        StepExecution reverted = partitions.get("USDC_APOW:T002");
        assertThat(reverted.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(reverted.getExitStatus().getExitDescription())
                .containsIgnoringCase("AccessManagedUnauthorized(" + keeper.getAddress());
        assertThat(KeeperDevnet.nonce(devnet.web3j(), keeper.getAddress()))
                .isEqualTo(nonceBefore.add(BigInteger.ONE));
    }

    @Test
    void aRefreshedPairIsHeldWithoutReadingItsQuotes() throws Exception {
        // given: a pair refreshed just now, and an amount its quotes overflow on
        // (getQuotes would revert)
        String t003 = devnet.protocol().address("T003");
        String usdt = devnet.protocol().address("USDT");
        String apow = devnet.protocol().address("APOW");
        if (!new ContractReads(chain).refreshed(t003, usdt, apow)) {
            send(devnet.deployer(), t003, "retwap", List.of(new Address(usdt), new Address(apow)));
        }

        // when
        JobExecution execution =
                context.getBean(JobRunner.class)
                        .run(
                                KeeperJobs.RETWAP,
                                Map.of("series", "USDT_APOW:T003", "amount", "1e70"));

        // then: held, not failed by a quote it had no need to read
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        StepExecution pair = KeeperDevnet.partitions(execution).get("USDT_APOW:T003");
        assertThat(pair.getExitStatus().getExitCode()).isEqualTo("HELD");
        assertThat(pair.getExitStatus().getExitDescription())
                .contains("already refreshed")
                .doesNotContain("delta");
    }

    @Test
    void viewCallsFailOverFromAnEndpointThatIsDownToTheNext() throws Exception {
        // given: PROVIDER_URL lists an endpoint nobody listens on before the devnet
        String dead;
        try (var socket = new java.net.ServerSocket(0)) {
            dead = "http://127.0.0.1:" + socket.getLocalPort();
        }
        try (var twoEndpoints =
                BatchContexts.start(
                        BatchContexts.options(
                                dead + "," + devnet.rpcUrl(),
                                devnet.registryFile(),
                                state.resolve("failover"),
                                "--banq.chain.backoff-base=10ms"))) {
            JobRunner runner = twoEndpoints.getBean(JobRunner.class);

            // when: dry runs, which only read
            JobExecution reindex =
                    runner.run(KeeperJobs.REINDEX, Map.of("series", "APOW:supply:P000"));
            JobExecution retwap =
                    runner.run(
                            KeeperJobs.RETWAP,
                            Map.of("series", "XPOW_USDT:T006", "percent-min", "0"));

            // then: every read answered by the second endpoint
            assertThat(reindex.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(
                            KeeperDevnet.partitions(reindex)
                                    .get("APOW:supply:P000")
                                    .getExitStatus()
                                    .getExitCode())
                    .isEqualTo("WOULD-SEND");
            assertThat(retwap.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(
                            KeeperDevnet.partitions(retwap)
                                    .get("XPOW_USDT:T006")
                                    .getExitStatus()
                                    .getExitCode())
                    .isIn("WOULD-SEND", "HELD");
        }
    }
}
