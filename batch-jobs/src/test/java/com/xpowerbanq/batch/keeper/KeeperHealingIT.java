package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.index.FaultyRpcProxy;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The reindex keeper through a loopback proxy in front of anvil that loses transactions, withholds
 * receipts, or meets a base fee that outgrew the transactions' max fee: each run heals within its
 * deadline (12 s a transaction, a look every 3 s) with exactly one reindex per position on the
 * chain (one Refresh per due pair for retwap), or fails naming the series and the nonce and leaves
 * the next run able to complete.
 */
class KeeperHealingIT {
    private static final List<String> SERIES =
            List.of("APOW:supply:P000", "APOW:borrow:P000", "XPOW:supply:P000", "XPOW:borrow:P000");

    @TempDir static Path state;
    static Devnet devnet;
    static FaultyRpcProxy proxy;
    static ConfigurableApplicationContext context;

    long fromBlock;
    BigInteger firstNonce;
    BigInteger calmBaseFee;

    @BeforeAll
    static void start() throws Exception {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults().withDays(0).withStateDir(state.resolve("devnet")));
        proxy = new FaultyRpcProxy(devnet.rpcUrl());
        List<String> options =
                new java.util.ArrayList<>(
                        BatchContexts.options(
                                proxy.url(),
                                devnet.registryFile(),
                                state,
                                "--banq.keeper.private-key-file="
                                        + KeeperDevnet.keyFile(state, devnet.deployer()),
                                "--banq.keeper.workers=" + SERIES.size(),
                                "--banq.keeper.heal-fraction=0.25"));
        options.removeIf(option -> option.startsWith("--banq.keeper.receipt-timeout="));
        options.add("--banq.keeper.receipt-timeout=12s");
        context = BatchContexts.start(options);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    @BeforeEach
    void blockEverySecond() throws Exception {
        KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        fromBlock = devnet.latestBlockNumber() + 1;
        firstNonce = KeeperDevnet.nonce(devnet.web3j(), devnet.deployer().getAddress());
        calmBaseFee =
                devnet.web3j()
                        .ethGetBlockByNumber(
                                org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                        .send()
                        .getBlock()
                        .getBaseFeePerGas();
    }

    @AfterEach
    void forwardEverything() throws Exception {
        proxy.forwardEverything();
        KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        baseFee(calmBaseFee);
    }

    private static void baseFee(BigInteger wei) throws Exception {
        KeeperDevnet.rpc(
                devnet.rpcUrl(),
                "anvil_setNextBlockBaseFeePerGas",
                List.of("0x" + wei.toString(16)));
    }

    private static JobExecution reindex() {
        return context.getBean(JobRunner.class)
                .run(
                        KeeperJobs.REINDEX,
                        Map.of("series", String.join(",", SERIES), "broadcast", "true"));
    }

    @Test
    void aTransactionTheNodeNeverGotIsSentAgainAndEachPositionIsReindexedOnce() throws Exception {
        // given: the first transaction is accepted and never forwarded
        assertHealedAfterLosing(() -> proxy.swallowNextSends(1));
    }

    @Test
    void receiptsWithheldForAWhileAreAwaitedWithoutSendingAgain() throws Exception {
        // given: no receipt for 5 s, though the transactions are mined
        proxy.withholdReceiptsUntil(Instant.now().plusSeconds(5));
        int before = proxy.withheld.get();

        // when
        JobExecution execution = reindex();

        // then
        assertThat(proxy.withheld.get() - before).isPositive();
        assertAllSentOncePerPosition(execution);
        assertThat(KeeperDevnet.noncesOf(KeeperDevnet.partitions(execution).values()))
                .isEqualTo(KeeperDevnet.consecutive(firstNonce, SERIES.size()));
    }

    @Test
    void aLostNonceThatLaterTransactionsQueueBehindIsHealed() throws Exception {
        // given: the second transaction is lost, so the third and fourth wait behind its nonce
        assertHealedAfterLosing(() -> proxy.swallowSendsOfNonce(firstNonce.add(BigInteger.ONE), 1));
    }

    private void assertHealedAfterLosing(Runnable loss) throws Exception {
        loss.run();
        int before = proxy.swallowed.get();

        // when
        JobExecution execution = reindex();

        // then
        assertThat(proxy.swallowed.get() - before).isEqualTo(1);
        assertAllSentOncePerPosition(execution);
    }

    @Test
    void aBaseFeeRisenPastTheMaxFeeIsOutbidByAReplacementAtTheSameNonce() throws Exception {
        // given: anvil holds the transactions until all are in its pool
        KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        KeeperDevnet.automine(devnet.rpcUrl(), false);

        // when: then its next blocks ask a base fee far above the max fee they offer
        CompletableFuture<JobExecution> running = CompletableFuture.supplyAsync(() -> reindex());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KeeperDevnet.pending(devnet.web3j()) == SERIES.size());
        baseFee(new BigInteger("500000000000"));
        KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        JobExecution execution = running.get();

        // then
        assertAllSentOncePerPosition(execution);
        assertThat(KeeperDevnet.partitions(execution).values())
                .allSatisfy(
                        step ->
                                assertThat(
                                                step.getExecutionContext()
                                                        .getString(KeeperTasklet.TX_KEY))
                                        .isNotNull());
    }

    @Test
    void aNonceLostForGoodFailsTheRunNamingSeriesAndNonceAndTheNextRunCompletes() throws Exception {
        // given: every transaction of the first nonce is lost
        proxy.swallowSendsOfNonce(firstNonce, 1000);

        // when
        JobExecution failed = reindex();

        // then: the run ends at the deadline, naming what the chain says
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        String failures =
                failed.getStepExecutions().stream()
                        .map(step -> step.getExitStatus().getExitDescription())
                        .collect(Collectors.joining("\n"));
        assertThat(failures)
                .contains("nonce " + firstNonce)
                .contains("the account's mined nonce count is " + firstNonce);
        assertThat(reindexCounts()).isEmpty();

        // and when the node takes transactions again
        proxy.forwardEverything();
        JobExecution next = reindex();

        // then
        assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(reindexCounts())
                .containsOnlyKeys(positions())
                .allSatisfy((position, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void aLostRetwapIsSentAgainAndEachDuePairIsRefreshedOnce() throws Exception {
        // given: two pairs never retwapped (so both due), the first send never forwarded
        proxy.swallowNextSends(1);
        int before = proxy.swallowed.get();

        // when
        JobExecution execution =
                context.getBean(JobRunner.class)
                        .run(
                                KeeperJobs.RETWAP,
                                Map.of(
                                        "series",
                                        "XPOW_APOW:T000,APOW_XPOW:T000",
                                        "broadcast",
                                        "true"));

        // then
        assertThat(proxy.swallowed.get() - before).isEqualTo(1);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(KeeperDevnet.partitions(execution).values())
                .allSatisfy(
                        step -> assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT"));
        assertThat(refreshes(devnet.protocol().address("T000")))
                .map(log -> log.getTopics().subList(1, 3))
                .hasSize(2)
                .doesNotHaveDuplicates();
    }

    @Test
    void aRetwapWhoseNonceAnotherTransactionTookIsDecidedAgainAndHeld() throws Exception {
        // given: anvil holds transactions until mined by hand
        KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        String oracle = devnet.protocol().address("T001");
        List<org.web3j.abi.datatypes.Type> pair =
                List.of(
                        new Address(devnet.protocol().address("AVAX")),
                        new Address(devnet.protocol().address("APOW")));

        // when: while our retwap waits in the pool, another tool of the same key sends the same
        // retwap at its nonce with a higher fee, and that one is mined
        CompletableFuture<JobExecution> running =
                CompletableFuture.supplyAsync(
                        () ->
                                context.getBean(JobRunner.class)
                                        .run(
                                                KeeperJobs.RETWAP,
                                                Map.of(
                                                        "series",
                                                        "AVAX_APOW:T001",
                                                        "broadcast",
                                                        "true")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> KeeperDevnet.pending(devnet.web3j()) == 1);
        BigInteger fee = BigInteger.valueOf(100_000_000_000L);
        RawTransaction other =
                RawTransaction.createTransaction(
                        devnet.chainId(),
                        firstNonce,
                        BigInteger.valueOf(500_000),
                        oracle,
                        BigInteger.ZERO,
                        FunctionEncoder.encode(
                                new org.web3j.abi.datatypes.Function("retwap", pair, List.of())),
                        fee,
                        fee);
        devnet.web3j()
                .ethSendRawTransaction(
                        Numeric.toHexString(
                                TransactionEncoder.signMessage(other, devnet.deployer())))
                .send();
        KeeperDevnet.mine(devnet.rpcUrl());
        KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        JobExecution execution = running.get();

        // then: our retwap was never mined; deciding again found the pair refreshed
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(KeeperDevnet.partitions(execution).get("AVAX_APOW:T001").getExitStatus())
                .satisfies(exit -> assertThat(exit.getExitCode()).isEqualTo("HELD"));
        assertThat(refreshes(oracle)).hasSize(1);
    }

    private void assertAllSentOncePerPosition(JobExecution execution) throws Exception {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, StepExecution> partitions = KeeperDevnet.partitions(execution);
        assertThat(partitions).hasSize(SERIES.size());
        assertThat(partitions.values())
                .allSatisfy(
                        step -> assertThat(step.getExitStatus().getExitCode()).isEqualTo("SENT"));
        // a version replaced at the same nonce, or sent twice, is mined once at most
        assertThat(reindexCounts())
                .containsOnlyKeys(positions())
                .allSatisfy((position, count) -> assertThat(count).isEqualTo(1));
    }

    private static List<String> positions() {
        return SERIES.stream().map(id -> devnet.protocol().position(id).toLowerCase()).toList();
    }

    /** Refresh events of {@code oracle} since the test began. */
    private List<Log> refreshes(String oracle) throws Exception {
        return KeeperDevnet.logs(
                devnet,
                fromBlock,
                Hash.sha3String("Refresh(address,address,(uint256,uint256,uint256))"),
                List.of(oracle));
    }

    /** Reindex events since the test began, by emitting position (lower case). */
    private Map<String, Long> reindexCounts() throws Exception {
        return KeeperDevnet.reindexCounts(devnet, fromBlock);
    }
}
