package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>Each transaction keeps its deadline ({@link ReceiptPolling#timeout()}). Every {@link
 * ReceiptPolling#lookEvery()} before it, and at it, the sender looks at the chain ({@link
 * ChainLook}): one of our versions mined is the outcome; the nonce taken by another transaction is
 * REPLACED, for the caller to re-check its duty; a transaction the node lost is sent again, then
 * replaced at the same nonce with higher fees, as is one the fee keeps out of blocks; orphaned
 * nonces below it are filled with zero-value self-transfers. Past the deadline the outcome says
 * what the chain says. Versions share the nonce, so a duty never has two effective transactions. A
 * {@link FlightRecorder} given to {@code send} is told of each version a node took before it is
 * awaited, and {@link #resume} awaits such a record again in a later process.
 */
public final class TransactionSender {
    private static final Logger log = LoggerFactory.getLogger(TransactionSender.class);

    /** Times a submission refused for its nonce is retried with the chain's count. */
    private static final int NONCE_RETRIES = 2;

    private final JsonRpcChainClient chain;
    private final Signer signer;
    private final FeePolicy feePolicy;
    private final long chainId;
    private final ReceiptPolling receipts;
    private final NonceBook.Account nonces;
    private final TransactionHealer healer;

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
        this.healer = new TransactionHealer(chain, signer, chainId, nonces);
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
     * Sends {@code data} to {@code to} and waits for the receipt until the deadline, looking at the
     * chain before it to heal a transaction that is not coming (see the class comment). A call that
     * would revert is not sent; its reason is reported instead.
     */
    public TxOutcome send(String to, String data) {
        return send(to, data, FlightRecorder.NONE);
    }

    /**
     * As {@link #send(String, String)}, telling {@code recorder} of each version a node took before
     * awaiting it, so that a later process can {@link #resume} the transaction should this one die.
     */
    public TxOutcome send(String to, String data, FlightRecorder recorder) {
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
        if (submitted.flight == null) {
            return java.util.Objects.requireNonNull(submitted.refusal);
        }
        return awaitSettling(submitted.flight, recorder);
    }

    /**
     * Awaits again, with a fresh deadline, the transaction a process that died recorded: its nonce
     * is held for it in this process's {@link NonceBook} (no new transaction takes it), and it is
     * healed as one sent here: one of its versions mined is the outcome; its nonce taken by another
     * transaction is REPLACED, for the caller to decide the duty again; lost by the node, it is
     * sent again, then replaced at the same nonce. A record of another account or chain is refused.
     */
    public TxOutcome resume(FlightRecord record, FlightRecorder recorder) {
        if (record.chainId() != chainId || !record.from().equalsIgnoreCase(from())) {
            throw new IllegalArgumentException(
                    "the interrupted transaction with nonce "
                            + record.nonce()
                            + " was signed by "
                            + record.from()
                            + " on chain "
                            + record.chainId()
                            + ", but this run signs as "
                            + from()
                            + " on chain "
                            + chainId
                            + "; it cannot be resumed with this key");
        }
        Flight flight = new Flight(record);
        nonces.exclusively(
                () -> {
                    nonces.adopt(flight.nonce);
                    return null;
                });
        return awaitSettling(flight, recorder);
    }

    private TxOutcome awaitSettling(Flight flight, FlightRecorder recorder) {
        try {
            record(flight, recorder);
            return await(flight, recorder);
        } finally {
            nonces.settled(flight.nonce);
        }
    }

    /** Tells {@code recorder} of the flight; a record that fails to be kept does not stop it. */
    private void record(Flight flight, FlightRecorder recorder) {
        try {
            recorder.taken(flight.record(chainId, from()));
        } catch (RuntimeException e) {
            log.warn(
                    "nonce {}: cannot record transaction {} ({}); awaiting it all the same, but"
                            + " should this process die, a restart may send its duty again",
                    flight.nonce,
                    flight.hashes().getLast(),
                    e.toString());
        }
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

    /** A transaction in flight, or the refusal that kept it from flying. */
    private record Submitted(@Nullable Flight flight, @Nullable TxOutcome refusal) {}

    private Submitted submit(String to, String data, BigInteger gasLimit, FeePolicy.Fees offer) {
        return nonces.exclusively(
                () -> {
                    FeePolicy.Fees fees = offer;
                    for (int attempt = 0; ; attempt++) {
                        BigInteger nonce =
                                nonces.next(
                                        () ->
                                                healer.transactionCount(
                                                        DefaultBlockParameterName.PENDING));
                        String signed =
                                healer.sign(nonce, gasLimit, to, BigInteger.ZERO, data, fees);
                        String message;
                        try {
                            String hash = healer.submit(nonce, signed);
                            nonces.used(nonce);
                            return new Submitted(
                                    new Flight(nonce, to, data, gasLimit, fees, signed, hash),
                                    null);
                        } catch (RpcErrorException e) {
                            message = e.detail();
                        }
                        String lower = message.toLowerCase(Locale.ROOT);
                        if (belowBaseFee(lower) && attempt < NONCE_RETRIES) {
                            // the base fee rose since the fees were read: offer what it asks now
                            fees = fees.replacing(healer.nextBaseFee());
                            continue;
                        }
                        // our count is off (the account sent from elsewhere): read it again
                        nonces.resync();
                        if (nonceError(lower) && attempt < NONCE_RETRIES) {
                            continue;
                        }
                        if (insufficientFunds(lower)) {
                            return new Submitted(
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
                                TxOutcome.notSent(
                                        TxOutcome.Status.REJECTED, "provider refused: " + message));
                    }
                });
    }

    /** A refusal saying the max fee does not pay the base fee of the next block. */
    private static boolean belowBaseFee(String lower) {
        return lower.contains("less than block base fee")
                || lower.contains("max fee per gas less than")
                || lower.contains("fee cap less than");
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

    /**
     * Polls the receipts of every version of {@code flight}; at each look before the deadline
     * applies the remedies the chain calls for, at the deadline reports what it says.
     */
    private TxOutcome await(Flight flight, FlightRecorder recorder) {
        long start = System.nanoTime();
        long deadline = start + receipts.timeout().toNanos();
        long every = receipts.lookEvery().toNanos();
        for (long look = start + every; ; look += every) {
            Optional<TransactionReceipt> receipt =
                    receipts.awaitAny(chain, flight::hashes, Math.min(look, deadline));
            if (receipt.isPresent()) {
                return mined(flight, receipt.get());
            }
            boolean last = System.nanoTime() - deadline >= 0;
            ChainLook seen;
            try {
                seen = healer.look(flight);
            } catch (ChainException e) {
                if (last) {
                    return unmined(flight, "the chain did not answer a look: " + e.getMessage());
                }
                continue;
            }
            List<ChainLook.Remedy> remedies = seen.remedies(flight.rebroadcasts > 0);
            if (remedies.contains(ChainLook.Remedy.TAKEN)) {
                return taken(flight, seen);
            }
            if (last) {
                return unmined(flight, seen);
            }
            int versions = flight.hashes().size();
            for (ChainLook.Remedy remedy : remedies) {
                healer.apply(remedy, flight, seen);
            }
            if (flight.hashes().size() != versions) {
                record(flight, recorder);
            }
        }
    }

    private TxOutcome mined(Flight flight, TransactionReceipt receipt) {
        String hash = receipt.getTransactionHash();
        BigInteger nonce = flight.nonce;
        BigInteger gasUsed = receipt.getGasUsed();
        if (receipt.isStatusOK()) {
            return new TxOutcome(
                    TxOutcome.Status.CONFIRMED, hash, nonce, gasUsed, "", receipt.getBlockNumber());
        }
        if (gasUsed != null && gasUsed.compareTo(flight.gasLimit) >= 0) {
            return new TxOutcome(
                    TxOutcome.Status.OUT_OF_GAS,
                    hash,
                    nonce,
                    gasUsed,
                    "ran out of gas at limit "
                            + flight.gasLimit
                            + " (raise GAS_LIMIT or unset it)");
        }
        return new TxOutcome(
                TxOutcome.Status.REVERTED,
                hash,
                nonce,
                gasUsed,
                replayReason(flight.to, flight.data, receipt.getBlockNumber()));
    }

    private TxOutcome taken(Flight flight, ChainLook seen) {
        // our count may be ahead of the chain now
        nonces.resync();
        return new TxOutcome(
                TxOutcome.Status.REPLACED,
                flight.firstHash(),
                flight.nonce,
                null,
                "another transaction with nonce "
                        + flight.nonce
                        + " was mined instead ("
                        + flight.attempts()
                        + "; "
                        + seen.describe()
                        + ")");
    }

    private TxOutcome unmined(Flight flight, ChainLook seen) {
        if (seen.minedHash() != null) {
            return unmined(
                    flight,
                    TxOutcome.Status.UNCONFIRMED,
                    "mined, but the node gave no receipt within "
                            + receipts.timeout().toSeconds()
                            + " s ("
                            + seen.describe()
                            + ")");
        }
        // one still in the pool could be mined after its duty was reported failed: cancel it
        String after = receipts.timeout().toSeconds() + " s (" + flight.attempts() + "; ";
        return unmined(
                flight,
                TxOutcome.Status.DROPPED,
                seen.known()
                        ? "still pending after "
                                + after
                                + seen.describe()
                                + "; "
                                + healer.cancel(flight, seen)
                                + ")"
                        : "the provider no longer knows it (dropped from the mempool) after "
                                + after
                                + seen.describe()
                                + ")");
    }

    private TxOutcome unmined(Flight flight, String detail) {
        return unmined(flight, TxOutcome.Status.DROPPED, detail);
    }

    private TxOutcome unmined(Flight flight, TxOutcome.Status status, String detail) {
        // our count may be ahead of the chain now (a dropped transaction leaves a gap); the next
        // transaction reads it again, and fills the gap if it stays
        nonces.resync();
        return new TxOutcome(status, flight.firstHash(), flight.nonce, null, detail);
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
