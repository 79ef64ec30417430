package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** A devnet that cannot go on stops, saying what the chain and anvil say, instead of hanging. */
class DevnetFailuresIT {

    /** Generous: only a hang would reach it; the duty deadline is what the devnet keeps. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    @Test
    void aKeeperDutyHeldByANonceGapStopsTheDevnetWithThePoolsState() {
        // given: a keeper whose duty sends one transaction a nonce ahead of its account, which
        // anvil holds queued forever, and waits for it
        BigInteger[] gap = new BigInteger[1];
        Keeper.Factory stuck =
                devnet ->
                        duty -> {
                            gap[0] = sendWithNonceGap(devnet).nonce();
                            awaitForever();
                        };
        DevnetOptions options =
                DevnetOptions.defaults()
                        .withDays(1)
                        .withKeeper(stuck)
                        .withDutyDeadline(Duration.ofSeconds(3));
        String keeper = DevAccounts.account(0).getAddress();

        // when, then: the devnet stops at the first duty's deadline, naming the queued nonce and
        // the account's counts
        assertTimeoutPreemptively(
                HANG_GUARD,
                () ->
                        assertThatThrownBy(() -> Devnet.start(options).close())
                                .isInstanceOf(DevnetException.class)
                                .hasMessageContaining("did not finish within 3 s")
                                .hasMessageContaining("pool (txpool_inspect): pending none")
                                .message()
                                .containsIgnoringCase("queued {" + keeper + ": nonces " + gap[0])
                                .contains(
                                        "nonces: latest "
                                                + gap[0].subtract(BigInteger.ONE)
                                                + ", pending "
                                                + gap[0].subtract(BigInteger.ONE))
                                .contains("last lines of anvil's log"));
    }

    @Test
    void aTransactionAnvilHoldsQueuedAtTheAccountsNextNonceIsFreedAndMined() {
        // given: a keeper whose first duty leaves its transaction queued at exactly the account's
        // next nonce, the state of the reported hang: anvil_setNonce closes the gap behind it,
        // and anvil never judges the queued transaction again, so evm_mine leaves it out
        List<TransactionReceipt> receipts = new ArrayList<>();
        Keeper.Factory holding =
                devnet ->
                        duty -> {
                            if (!receipts.isEmpty()) {
                                return;
                            }
                            Sent sent = sendWithNonceGap(devnet);
                            try {
                                new PlainJsonRpc(devnet.rpcUrl())
                                        .result(
                                                "anvil_setNonce",
                                                devnet.deployer().getAddress(),
                                                Numeric.encodeQuantity(sent.nonce()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            receipts.add(
                                    await().atMost(Duration.ofSeconds(60))
                                            .until(
                                                    () -> receipt(devnet, sent.hash()),
                                                    r -> r != null));
                        };

        // when
        try (Devnet devnet =
                Devnet.start(DevnetOptions.defaults().withDays(1).withKeeper(holding))) {
            // then: the held transaction was mined, unchanged, and the day went on
            assertThat(receipts)
                    .singleElement()
                    .satisfies(r -> assertThat(r.isStatusOK()).isTrue());
            assertThat(devnet.latestTimestamp()).isPositive();
        }
    }

    @Test
    void anvilThatCannotStartIsReportedWithItsExitStatusAndItsOwnWords() throws IOException {
        // given: the port is taken
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevnetOptions options =
                    DevnetOptions.defaults().withDays(0).withPort(taken.getLocalPort());

            // when, then
            assertThatThrownBy(() -> Devnet.start(options).close())
                    .isInstanceOf(DevnetException.class)
                    .hasMessageContaining("anvil exited with status")
                    .hasMessageContaining("before answering on port " + taken.getLocalPort())
                    .hasMessageContaining("last lines of")
                    .message()
                    .containsIgnoringCase("address already in use");
        }
    }

    private record Sent(BigInteger nonce, String hash) {}

    private static @Nullable TransactionReceipt receipt(Devnet devnet, String hash)
            throws IOException {
        return devnet.web3j()
                .ethGetTransactionReceipt(hash)
                .send()
                .getTransactionReceipt()
                .orElse(null);
    }

    /** Sends a transfer with the account's next nonce plus one. */
    private static Sent sendWithNonceGap(Devnet devnet) {
        Credentials keeper = devnet.deployer();
        try {
            BigInteger next =
                    devnet.web3j()
                            .ethGetTransactionCount(
                                    keeper.getAddress(), DefaultBlockParameterName.PENDING)
                            .send()
                            .getTransactionCount();
            BigInteger ahead = next.add(BigInteger.ONE);
            RawTransaction transfer =
                    RawTransaction.createTransaction(
                            Devnet.CHAIN_ID,
                            ahead,
                            BigInteger.valueOf(21_000),
                            keeper.getAddress(),
                            BigInteger.ZERO,
                            "0x",
                            BigInteger.valueOf(1_000_000_000L),
                            BigInteger.valueOf(50_000_000_000L));
            String raw =
                    Numeric.toHexString(
                            TransactionEncoder.signMessage(transfer, Devnet.CHAIN_ID, keeper));
            var sent = devnet.web3j().ethSendRawTransaction(raw).send();
            if (sent.hasError()) {
                throw new IllegalStateException(
                        "anvil refused the gap: " + sent.getError().getMessage());
            }
            return new Sent(ahead, sent.getTransactionHash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a keeper waiting on a receipt that never comes does; ends only when interrupted. */
    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
