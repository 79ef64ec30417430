package com.xpowerbanq.batch.keeper;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Signs and sends keeper transactions from one account, safe to share between threads. Nonces come
 * from the process's {@link NonceBook}: allocation and submission happen under the account's lock,
 * so parallel series, and parallel jobs, get consecutive nonces and a refused submission leaves no
 * gap; waiting for receipts runs in parallel.
 */
public final class TransactionSender {
    /** Times a submission refused for its nonce is retried with the chain's count. */
    private static final int NONCE_RETRIES = 2;

    private final Web3j web3j;
    private final Signer signer;
    private final FeePolicy feePolicy;
    private final long chainId;
    private final Duration pollInterval;
    private final Duration receiptTimeout;
    private final NonceBook.Account nonces;

    private TransactionSender(
            Web3j web3j,
            Signer signer,
            FeePolicy feePolicy,
            long chainId,
            Duration pollInterval,
            Duration receiptTimeout,
            NonceBook book) {
        this.web3j = web3j;
        this.signer = signer;
        this.feePolicy = feePolicy;
        this.chainId = chainId;
        this.pollInterval = pollInterval;
        this.receiptTimeout = receiptTimeout;
        this.nonces = book.account(chainId, signer.address());
    }

    /**
     * A sender for the provider's chain (its id read with {@code eth_chainId}), taking its nonces
     * from {@code book}.
     */
    public static TransactionSender connect(
            Web3j web3j,
            Signer signer,
            FeePolicy feePolicy,
            Duration pollInterval,
            Duration receiptTimeout,
            NonceBook book)
            throws IOException {
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        return new TransactionSender(
                web3j, signer, feePolicy, chainId, pollInterval, receiptTimeout, book);
    }

    public String from() {
        return signer.address();
    }

    public long chainId() {
        return chainId;
    }

    /** The next send takes up the chain's pending count: the key may have signed elsewhere. */
    void resyncNonce() {
        nonces.resync();
    }

    /**
     * Sends {@code data} to {@code to} and waits for the receipt. A call that would revert is not
     * sent; its reason is reported instead.
     */
    public TxOutcome send(String to, String data) throws IOException {
        EthEstimateGas estimate =
                web3j.ethEstimateGas(
                                Transaction.createFunctionCallTransaction(
                                        from(), null, null, null, to, data))
                        .send();
        if (estimate.hasError()) {
            return refusedEstimate(estimate.getError());
        }
        BigInteger gasLimit = feePolicy.gasLimit(estimate.getAmountUsed());
        FeePolicy.Fees fees = feePolicy.fees(web3j);
        Submitted submitted = submit(to, data, gasLimit, fees);
        if (submitted.refusal != null) {
            return submitted.refusal;
        }
        return await(submitted.hash, submitted.nonce, gasLimit, to, data);
    }

    private TxOutcome refusedEstimate(Response.Error error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (insufficientFunds(message)) {
            return TxOutcome.notSent(
                    TxOutcome.Status.INSUFFICIENT_FUNDS,
                    "account " + from() + " cannot pay for gas: " + message);
        }
        return TxOutcome.notSent(
                TxOutcome.Status.REVERTED,
                RevertReason.describe(error.getData(), message) + " (not sent)");
    }

    private record Submitted(
            @Nullable String hash, @Nullable BigInteger nonce, @Nullable TxOutcome refusal) {}

    private Submitted submit(String to, String data, BigInteger gasLimit, FeePolicy.Fees fees)
            throws IOException {
        return nonces.exclusively(
                () -> {
                    for (int attempt = 0; ; attempt++) {
                        BigInteger nonce = nonces.next(this::pendingNonce);
                        RawTransaction tx =
                                RawTransaction.createTransaction(
                                        chainId,
                                        nonce,
                                        gasLimit,
                                        to,
                                        BigInteger.ZERO,
                                        data,
                                        fees.maxPriorityFeePerGas(),
                                        fees.maxFeePerGas());
                        String signed =
                                Numeric.toHexString(
                                        TransactionEncoder.signMessage(tx, signer.credentials()));
                        EthSendTransaction sent = web3j.ethSendRawTransaction(signed).send();
                        if (!sent.hasError()) {
                            nonces.used(nonce);
                            return new Submitted(sent.getTransactionHash(), nonce, null);
                        }
                        String message = sent.getError().getMessage();
                        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
                        // our count is off (the account sent from elsewhere): read it again
                        nonces.resync();
                        if (nonceError(lower) && attempt < NONCE_RETRIES) {
                            continue;
                        }
                        if (insufficientFunds(lower)) {
                            return new Submitted(
                                    null,
                                    null,
                                    TxOutcome.notSent(
                                            TxOutcome.Status.INSUFFICIENT_FUNDS,
                                            "account "
                                                    + from()
                                                    + " cannot pay for gas: "
                                                    + message));
                        }
                        return new Submitted(
                                null,
                                null,
                                TxOutcome.notSent(
                                        TxOutcome.Status.REJECTED, "provider refused: " + message));
                    }
                });
    }

    /** A refusal saying the nonce is taken or out of line, not that the transaction is wrong. */
    private static boolean nonceError(String lower) {
        return lower.contains("nonce too low")
                || lower.contains("nonce too high")
                || lower.contains("already known")
                || lower.contains("known transaction")
                || lower.contains("replacement transaction underpriced")
                || lower.contains("nonce has already been used");
    }

    private BigInteger pendingNonce() throws IOException {
        return web3j.ethGetTransactionCount(from(), DefaultBlockParameterName.PENDING)
                .send()
                .getTransactionCount();
    }

    private TxOutcome await(
            String hash, BigInteger nonce, BigInteger gasLimit, String to, String data)
            throws IOException {
        long attempts =
                Math.max(1, receiptTimeout.toMillis() / Math.max(1, pollInterval.toMillis()));
        TransactionReceipt receipt;
        try {
            receipt =
                    new PollingTransactionReceiptProcessor(
                                    web3j,
                                    pollInterval.toMillis(),
                                    (int) Math.min(attempts, Integer.MAX_VALUE))
                            .waitForTransactionReceipt(hash);
        } catch (TransactionException e) {
            return unmined(hash, nonce);
        }
        BigInteger gasUsed = receipt.getGasUsed();
        if (receipt.isStatusOK()) {
            return new TxOutcome(TxOutcome.Status.CONFIRMED, hash, nonce, gasUsed, "");
        }
        if (gasUsed != null && gasUsed.compareTo(gasLimit) >= 0) {
            return new TxOutcome(
                    TxOutcome.Status.OUT_OF_GAS,
                    hash,
                    nonce,
                    gasUsed,
                    "ran out of gas at limit " + gasLimit + " (raise GAS_LIMIT or unset it)");
        }
        return new TxOutcome(
                TxOutcome.Status.REVERTED,
                hash,
                nonce,
                gasUsed,
                replayReason(to, data, receipt.getBlockNumber()));
    }

    private TxOutcome unmined(String hash, BigInteger nonce) throws IOException {
        // our count may be ahead of the chain now (a dropped transaction leaves a gap)
        nonces.resync();
        BigInteger mined =
                web3j.ethGetTransactionCount(from(), DefaultBlockParameterName.LATEST)
                        .send()
                        .getTransactionCount();
        if (mined.compareTo(nonce) > 0) {
            return new TxOutcome(
                    TxOutcome.Status.REPLACED,
                    hash,
                    nonce,
                    null,
                    "another transaction with nonce " + nonce + " was mined instead");
        }
        boolean known = web3j.ethGetTransactionByHash(hash).send().getTransaction().isPresent();
        return new TxOutcome(
                TxOutcome.Status.DROPPED,
                hash,
                nonce,
                null,
                known
                        ? "still pending after " + receiptTimeout.toSeconds() + " s"
                        : "the provider no longer knows it (dropped from the mempool)");
    }

    private String replayReason(String to, String data, BigInteger block) throws IOException {
        var call =
                web3j.ethCall(
                                Transaction.createEthCallTransaction(from(), to, data),
                                org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                                        block.subtract(BigInteger.ONE)))
                        .send();
        if (call.hasError()) {
            return RevertReason.describe(call.getError().getData(), call.getError().getMessage());
        }
        return call.isReverted() ? call.getRevertReason() : "execution reverted";
    }

    private static boolean insufficientFunds(String message) {
        return message.toLowerCase(Locale.ROOT).contains("insufficient funds");
    }
}
