package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Signs and sends transactions from one account through one endpoint (so that nonces and receipts
 * are seen by the node that took the transaction), safe to share between threads. Nonces come from
 * the process's {@link NonceBook}: allocation and submission happen under the account's lock, so
 * parallel series, and parallel jobs, get consecutive nonces and a refused submission leaves no
 * gap; waiting for receipts runs in parallel.
 */
public final class TransactionSender {
    /** Times a submission refused for its nonce is retried with the chain's count. */
    private static final int NONCE_RETRIES = 2;

    private final JsonRpcChainClient chain;
    private final Signer signer;
    private final FeePolicy feePolicy;
    private final long chainId;
    private final ReceiptPolling receipts;
    private final NonceBook.Account nonces;

    private TransactionSender(
            JsonRpcChainClient chain,
            Signer signer,
            FeePolicy feePolicy,
            long chainId,
            ReceiptPolling receipts,
            NonceBook book) {
        this.chain = chain;
        this.signer = signer;
        this.feePolicy = feePolicy;
        this.chainId = chainId;
        this.receipts = receipts;
        this.nonces = book.account(chainId, signer.address());
    }

    /**
     * A sender for the endpoint's chain (its id read with {@code eth_chainId}), taking its nonces
     * from {@code book}.
     */
    public static TransactionSender connect(
            JsonRpcChainClient chain,
            Signer signer,
            FeePolicy feePolicy,
            ReceiptPolling receipts,
            NonceBook book) {
        return new TransactionSender(chain, signer, feePolicy, chain.chainId(), receipts, book);
    }

    public String from() {
        return signer.address();
    }

    public long chainId() {
        return chainId;
    }

    /** The next send takes up the chain's pending count: the key may have signed elsewhere. */
    public void resyncNonce() {
        nonces.resync();
    }

    /**
     * Sends {@code data} to {@code to} and waits for the receipt. A call that would revert is not
     * sent; its reason is reported instead.
     */
    public TxOutcome send(String to, String data) {
        BigInteger estimate;
        try {
            estimate =
                    chain.request(
                                    "eth_estimateGas(" + to + ")",
                                    w ->
                                            w.ethEstimateGas(
                                                    Transaction.createFunctionCallTransaction(
                                                            from(), null, null, null, to, data)))
                            .getAmountUsed();
        } catch (RpcErrorException e) {
            return refusedEstimate(e);
        }
        BigInteger gasLimit = feePolicy.gasLimit(estimate);
        FeePolicy.Fees fees = feePolicy.fees(chain);
        Submitted submitted = submit(to, data, gasLimit, fees);
        if (submitted.refusal != null) {
            return submitted.refusal;
        }
        return await(submitted.hash, submitted.nonce, gasLimit, to, data);
    }

    private TxOutcome refusedEstimate(RpcErrorException error) {
        String message = error.detail();
        if (insufficientFunds(message)) {
            return TxOutcome.notSent(
                    TxOutcome.Status.INSUFFICIENT_FUNDS,
                    "account " + from() + " cannot pay for gas: " + message);
        }
        return TxOutcome.notSent(
                TxOutcome.Status.REVERTED,
                RevertReason.describe(error.data(), message) + " (not sent)");
    }

    private record Submitted(
            @Nullable String hash, @Nullable BigInteger nonce, @Nullable TxOutcome refusal) {}

    private Submitted submit(String to, String data, BigInteger gasLimit, FeePolicy.Fees fees) {
        return nonces.exclusively(
                () -> {
                    for (int attempt = 0; ; attempt++) {
                        BigInteger nonce =
                                nonces.next(
                                        () -> transactionCount(DefaultBlockParameterName.PENDING));
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
                        String signed = signer.sign(tx);
                        String message;
                        try {
                            String hash =
                                    chain.request(
                                                    "eth_sendRawTransaction(nonce " + nonce + ")",
                                                    w -> w.ethSendRawTransaction(signed))
                                            .getTransactionHash();
                            nonces.used(nonce);
                            return new Submitted(hash, nonce, null);
                        } catch (RpcErrorException e) {
                            message = e.detail();
                        }
                        String lower = message.toLowerCase(Locale.ROOT);
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

    private BigInteger transactionCount(DefaultBlockParameterName tag) {
        return chain.request(
                        "eth_getTransactionCount(" + from() + ", " + tag.getValue() + ")",
                        w -> w.ethGetTransactionCount(from(), tag))
                .getTransactionCount();
    }

    private TxOutcome await(
            String hash, BigInteger nonce, BigInteger gasLimit, String to, String data) {
        Optional<TransactionReceipt> awaited = receipts.await(chain, hash);
        if (awaited.isEmpty()) {
            return unmined(hash, nonce);
        }
        TransactionReceipt receipt = awaited.get();
        BigInteger gasUsed = receipt.getGasUsed();
        if (receipt.isStatusOK()) {
            return new TxOutcome(
                    TxOutcome.Status.CONFIRMED, hash, nonce, gasUsed, "", receipt.getBlockNumber());
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

    private TxOutcome unmined(String hash, BigInteger nonce) {
        // our count may be ahead of the chain now (a dropped transaction leaves a gap)
        nonces.resync();
        BigInteger mined = transactionCount(DefaultBlockParameterName.LATEST);
        if (mined.compareTo(nonce) > 0) {
            return new TxOutcome(
                    TxOutcome.Status.REPLACED,
                    hash,
                    nonce,
                    null,
                    "another transaction with nonce " + nonce + " was mined instead");
        }
        boolean known =
                chain.request(
                                "eth_getTransactionByHash(" + hash + ")",
                                w -> w.ethGetTransactionByHash(hash))
                        .getTransaction()
                        .isPresent();
        return new TxOutcome(
                TxOutcome.Status.DROPPED,
                hash,
                nonce,
                null,
                known
                        ? "still pending after " + receipts.timeout().toSeconds() + " s"
                        : "the provider no longer knows it (dropped from the mempool)");
    }

    private String replayReason(String to, String data, BigInteger block) {
        EthCall call;
        try {
            call =
                    chain.request(
                            "eth_call(" + to + ") at block " + block.subtract(BigInteger.ONE),
                            w ->
                                    w.ethCall(
                                            Transaction.createEthCallTransaction(from(), to, data),
                                            DefaultBlockParameter.valueOf(
                                                    block.subtract(BigInteger.ONE))));
        } catch (RpcErrorException e) {
            return RevertReason.describe(e.data(), e.detail());
        }
        return call.isReverted() ? call.getRevertReason() : "execution reverted";
    }

    private static boolean insufficientFunds(String message) {
        return message.toLowerCase(Locale.ROOT).contains("insufficient funds");
    }
}
