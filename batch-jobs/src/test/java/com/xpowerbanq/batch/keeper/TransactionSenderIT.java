package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.chain.tx.FeePolicy;
import com.xpowerbanq.chain.tx.FlightRecord;
import com.xpowerbanq.chain.tx.FlightRecorder;
import com.xpowerbanq.chain.tx.NonceBook;
import com.xpowerbanq.chain.tx.ReceiptPolling;
import com.xpowerbanq.chain.tx.Signer;
import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** How the sender reports what can befall a transaction, against a devnet. */
class TransactionSenderIT {
    @TempDir static Path state;
    static Devnet devnet;
    static String position;

    @BeforeAll
    static void start() {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults().withDays(0).withStateDir(state.resolve("devnet")));
        position = devnet.protocol().position("APOW:supply:P000");
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static TransactionSender sender(Credentials account, FeePolicy fees, Duration timeout)
            throws Exception {
        return TransactionSender.connect(
                KeeperDevnet.chain(devnet.rpcUrl()),
                signer(account),
                fees,
                ReceiptPolling.every(Duration.ofMillis(100), timeout),
                new NonceBook());
    }

    @Test
    void aGasLimitTooLowIsReportedAsOutOfGas() throws Exception {
        // given: GAS_LIMIT below what reindex() needs
        TransactionSender sender =
                sender(
                        devnet.account(5),
                        new FeePolicy(null, null, BigInteger.valueOf(25_000)),
                        Duration.ofSeconds(10));

        // when
        TxOutcome outcome = sender.send(position, ReindexKeeper.REINDEX_CALL);

        // then
        assertThat(outcome.status()).isEqualTo(TxOutcome.Status.OUT_OF_GAS);
        assertThat(outcome.hash()).isNotNull();
        assertThat(outcome.gasUsed()).isEqualTo(BigInteger.valueOf(25_000));
        assertThat(outcome.toString()).contains("GAS_LIMIT");
    }

    @Test
    void anAccountWithoutFundsIsReportedAsSuch() throws Exception {
        // given: a fresh key holding nothing
        Credentials empty = Credentials.create(Keys.createEcKeyPair());
        TransactionSender sender = sender(empty, FeePolicy.automatic(), Duration.ofSeconds(10));

        // when
        TxOutcome outcome = sender.send(position, ReindexKeeper.REINDEX_CALL);

        // then
        assertThat(outcome.status()).isEqualTo(TxOutcome.Status.INSUFFICIENT_FUNDS);
        assertThat(outcome.hash()).isNull();
        assertThat(outcome.detail()).contains(empty.getAddress()).contains("cannot pay for gas");
    }

    @Test
    void aTransactionReplacedByAnotherWithItsNonceIsReportedAsReplaced() throws Exception {
        // given: the chain holds transactions until mined by hand
        Credentials account = devnet.account(6);
        BigInteger nonce = KeeperDevnet.nonce(devnet.web3j(), account.getAddress());
        TransactionSender sender = sender(account, FeePolicy.automatic(), Duration.ofSeconds(3));
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        try {
            // when: our reindex waits in the pool, and the same account sends another transaction
            // with the same nonce and a higher fee, which is mined instead
            CompletableFuture<TxOutcome> sent = CompletableFuture.supplyAsync(() -> send(sender));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> KeeperDevnet.pending(devnet.web3j()) == 1);
            var block =
                    devnet.web3j()
                            .ethGetBlockByNumber(
                                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                            .send()
                            .getBlock();
            BigInteger fee =
                    block.getBaseFeePerGas()
                            .multiply(BigInteger.valueOf(10))
                            .add(BigInteger.valueOf(10_000_000_000L));
            RawTransaction replacement =
                    RawTransaction.createTransaction(
                            devnet.chainId(),
                            nonce,
                            BigInteger.valueOf(21_000),
                            account.getAddress(),
                            BigInteger.ZERO,
                            "",
                            fee,
                            fee);
            devnet.web3j()
                    .ethSendRawTransaction(
                            Numeric.toHexString(
                                    TransactionEncoder.signMessage(replacement, account)))
                    .send();
            KeeperDevnet.mine(devnet.rpcUrl());
            TxOutcome outcome = sent.get();

            // then
            assertThat(outcome.status()).isEqualTo(TxOutcome.Status.REPLACED);
            assertThat(outcome.nonce()).isEqualTo(nonce);
            assertThat(outcome.detail()).contains("nonce " + nonce);
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
        }
    }

    @Test
    void aTransactionDroppedFromThePoolIsReportedAsDropped() throws Exception {
        // given: the chain holds transactions until mined by hand
        TransactionSender sender =
                sender(devnet.account(7), FeePolicy.automatic(), Duration.ofSeconds(3));
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        try {
            // when: our reindex waits in the pool and the node drops it
            CompletableFuture<TxOutcome> sent = CompletableFuture.supplyAsync(() -> send(sender));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> KeeperDevnet.pending(devnet.web3j()) == 1);
            String hash =
                    devnet.web3j()
                            .ethGetBlockByNumber(
                                    org.web3j.protocol.core.DefaultBlockParameterName.PENDING,
                                    false)
                            .send()
                            .getBlock()
                            .getTransactions()
                            .getFirst()
                            .get()
                            .toString();
            new Request<>(
                            "anvil_dropTransaction",
                            List.of(hash),
                            new HttpService(devnet.rpcUrl()),
                            KeeperDevnet.RawResponse.class)
                    .send();
            TxOutcome outcome = sent.get();

            // then
            assertThat(outcome.status()).isEqualTo(TxOutcome.Status.DROPPED);
            assertThat(outcome.hash()).isEqualTo(hash);
            assertThat(outcome.detail()).contains("dropped");

            // and the next transaction takes the nonce the dropped one left free
            KeeperDevnet.automine(devnet.rpcUrl(), true);
            TxOutcome next = send(sender);
            assertThat(next.status()).isEqualTo(TxOutcome.Status.CONFIRMED);
            assertThat(next.nonce()).isEqualTo(outcome.nonce());
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
        }
    }

    private static TxOutcome send(TransactionSender sender) {
        try {
            return sender.send(position, ReindexKeeper.REINDEX_CALL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachVersionANodeTookIsRecordedBeforeItIsAwaited() throws Exception {
        // given: the chain holds transactions until mined by hand; a look every second
        Credentials account = devnet.account(8);
        TransactionSender sender = healing(account);
        List<FlightRecord> records = new CopyOnWriteArrayList<>();
        KeeperDevnet.automine(devnet.rpcUrl(), false);
        try {
            // when: first in line and unmined, it is replaced at higher fees, then mined
            CompletableFuture<TxOutcome> sent =
                    CompletableFuture.supplyAsync(
                            () -> sender.send(position, ReindexKeeper.REINDEX_CALL, records::add));
            await().atMost(Duration.ofSeconds(15)).until(() -> records.size() >= 2);
            KeeperDevnet.mine(devnet.rpcUrl());
            TxOutcome outcome = sent.get();

            // then: one record per version, each holding every hash sent so far
            assertThat(outcome.status()).isEqualTo(TxOutcome.Status.CONFIRMED);
            assertThat(records.getFirst().hashes()).hasSize(1);
            assertThat(records.getLast().hashes())
                    .hasSize(records.size())
                    .startsWith(records.getFirst().hashes().getFirst())
                    .contains(outcome.hash());
            assertThat(records).extracting(FlightRecord::nonce).containsOnly(outcome.nonce());
            assertThat(records.getLast().from()).isEqualToIgnoringCase(account.getAddress());
        } finally {
            KeeperDevnet.automine(devnet.rpcUrl(), true);
        }
    }

    @Test
    void aResumedTransactionAlreadyMinedGivesItsOutcomeWithoutSendingAgain() throws Exception {
        // given: a transaction an earlier process sent and the chain mined
        Credentials account = devnet.account(9);
        BigInteger nonce = KeeperDevnet.nonce(devnet.web3j(), account.getAddress());
        FlightRecord record = unsent(account, nonce);
        devnet.web3j().ethSendRawTransaction(record.signed()).send();

        // when
        TxOutcome outcome = healing(account).resume(record, FlightRecorder.NONE);

        // then
        assertThat(outcome.status()).isEqualTo(TxOutcome.Status.CONFIRMED);
        assertThat(outcome.hash()).isEqualTo(record.hashes().getFirst());
        assertThat(KeeperDevnet.nonce(devnet.web3j(), account.getAddress()))
                .isEqualTo(nonce.add(BigInteger.ONE));
    }

    @Test
    void aResumedTransactionTheNodeNeverGotIsSentAgainAtItsNonce() throws Exception {
        // given: a transaction signed and recorded, lost before any node kept it
        Credentials account = devnet.account(9);
        BigInteger nonce = KeeperDevnet.nonce(devnet.web3j(), account.getAddress());
        FlightRecord record = unsent(account, nonce);

        // when
        TxOutcome outcome = healing(account).resume(record, FlightRecorder.NONE);

        // then
        assertThat(outcome.status()).isEqualTo(TxOutcome.Status.CONFIRMED);
        assertThat(outcome.nonce()).isEqualTo(nonce);
        assertThat(KeeperDevnet.nonce(devnet.web3j(), account.getAddress()))
                .isEqualTo(nonce.add(BigInteger.ONE));
    }

    @Test
    void aResumedTransactionWhoseNonceAnotherTookIsReplacedForTheDutyToBeDecidedAgain()
            throws Exception {
        // given: a recorded transaction that never reached a node, its nonce then taken
        Credentials account = devnet.account(9);
        BigInteger nonce = KeeperDevnet.nonce(devnet.web3j(), account.getAddress());
        FlightRecord record = unsent(account, nonce);
        FlightRecord other = unsent(account, nonce, account.getAddress(), "");
        devnet.web3j().ethSendRawTransaction(other.signed()).send();

        // when
        TxOutcome outcome = healing(account).resume(record, FlightRecorder.NONE);

        // then
        assertThat(outcome.status()).isEqualTo(TxOutcome.Status.REPLACED);
        assertThat(outcome.detail()).contains("nonce " + nonce);
    }

    @Test
    void aRecordOfAnotherAccountIsNotResumed() throws Exception {
        // given
        FlightRecord record = unsent(devnet.account(9), BigInteger.ZERO);

        // then
        assertThatThrownBy(() -> healing(devnet.account(8)).resume(record, FlightRecorder.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be resumed with this key");
    }

    /** A sender of a fresh process (its own nonce book), looking at the chain every second. */
    private static TransactionSender healing(Credentials account) {
        return TransactionSender.connect(
                KeeperDevnet.chain(devnet.rpcUrl()),
                signer(account),
                FeePolicy.automatic(),
                ReceiptPolling.every(Duration.ofMillis(100), Duration.ofSeconds(12))
                        .lookingEvery(1.0 / 12),
                new NonceBook());
    }

    private static Signer signer(Credentials account) {
        return Signer.fromEnvironment(Map.of(Signer.PRIVATE_KEY, KeeperDevnet.hexKey(account)));
    }

    /** The record of a reindex() signed with {@code nonce}, not sent. */
    private static FlightRecord unsent(Credentials account, BigInteger nonce) throws Exception {
        return unsent(account, nonce, position, ReindexKeeper.REINDEX_CALL);
    }

    private static FlightRecord unsent(
            Credentials account, BigInteger nonce, String to, String data) throws Exception {
        BigInteger tip = BigInteger.valueOf(1_000_000_000L);
        BigInteger maxFee =
                devnet.web3j()
                        .ethGetBlockByNumber(
                                org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                        .send()
                        .getBlock()
                        .getBaseFeePerGas()
                        .shiftLeft(1)
                        .add(tip);
        BigInteger gas = BigInteger.valueOf(300_000);
        String signed =
                signer(account)
                        .sign(
                                RawTransaction.createTransaction(
                                        devnet.chainId(),
                                        nonce,
                                        gas,
                                        to,
                                        BigInteger.ZERO,
                                        data,
                                        tip,
                                        maxFee));
        return new FlightRecord(
                devnet.chainId(),
                account.getAddress(),
                nonce,
                to,
                data,
                gas,
                maxFee,
                tip,
                signed,
                List.of(Hash.sha3(signed)));
    }
}
