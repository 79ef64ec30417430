package com.xpowerbanq.chain.tx;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * Looks at the chain for a transaction whose receipt has not come ({@link ChainLook}) and applies
 * its remedies: the same signed bytes sent again, a replacement at the same nonce with higher fees,
 * zero-value self-transfers into orphaned nonces below it. Every version of a duty's transaction
 * shares its nonce, so at most one of them is ever mined.
 */
final class TransactionHealer {
    private static final Logger log = LoggerFactory.getLogger(TransactionHealer.class);
    private static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

    private final JsonRpcChainClient chain;
    private final Signer signer;
    private final long chainId;
    private final NonceBook.Account nonces;

    TransactionHealer(
            JsonRpcChainClient chain, Signer signer, long chainId, NonceBook.Account nonces) {
        this.chain = chain;
        this.signer = signer;
        this.chainId = chainId;
        this.nonces = nonces;
    }

    /** The signed bytes of a call from our account. */
    String sign(
            BigInteger nonce,
            BigInteger gasLimit,
            String to,
            BigInteger value,
            String data,
            FeePolicy.Fees fees) {
        return signer.sign(
                RawTransaction.createTransaction(
                        chainId,
                        nonce,
                        gasLimit,
                        to,
                        value,
                        data,
                        fees.maxPriorityFeePerGas(),
                        fees.maxFeePerGas()));
    }

    /** Submits signed bytes; the hash the node gives them. */
    String submit(BigInteger nonce, String signed) {
        return chain.request(
                        "eth_sendRawTransaction(nonce " + nonce + ")",
                        w -> w.ethSendRawTransaction(signed))
                .getTransactionHash();
    }

    BigInteger transactionCount(DefaultBlockParameterName tag) {
        String from = signer.address();
        return chain.request(
                        "eth_getTransactionCount(" + from + ", " + tag.getValue() + ")",
                        w -> w.ethGetTransactionCount(from, tag))
                .getTransactionCount();
    }

    /** What the chain says about {@code flight} now. */
    ChainLook look(Flight flight) {
        BigInteger mined = transactionCount(DefaultBlockParameterName.LATEST);
        BigInteger pending = transactionCount(DefaultBlockParameterName.PENDING);
        String minedHash = null;
        boolean known = false;
        for (String hash : flight.hashes()) {
            Optional<Transaction> tx =
                    chain.request(
                                    "eth_getTransactionByHash(" + hash + ")",
                                    w -> w.ethGetTransactionByHash(hash))
                            .getTransaction();
            if (tx.isPresent()) {
                known = true;
                if (tx.get().getBlockHash() != null && tx.get().getBlockNumberRaw() != null) {
                    minedHash = hash;
                }
            }
        }
        List<BigInteger> orphans =
                mined.compareTo(flight.nonce) < 0
                        ? nonces.orphansBetween(mined, flight.nonce)
                        : List.of();
        return new ChainLook(
                flight.nonce,
                mined,
                pending,
                minedHash,
                known,
                nextBaseFee(),
                flight.fees().maxFeePerGas(),
                orphans);
    }

    /** The base fee the next block asks, from the node's pending block (else the latest). */
    BigInteger nextBaseFee() {
        for (DefaultBlockParameterName tag :
                List.of(DefaultBlockParameterName.PENDING, DefaultBlockParameterName.LATEST)) {
            EthBlock.Block block =
                    chain.request(
                                    "eth_getBlockByNumber(" + tag.getValue() + ")",
                                    w -> w.ethGetBlockByNumber(tag, false))
                            .getBlock();
            if (block != null && block.getBaseFeePerGasRaw() != null) {
                return block.getBaseFeePerGas();
            }
        }
        return BigInteger.ZERO;
    }

    void apply(ChainLook.Remedy remedy, Flight flight, ChainLook seen) {
        switch (remedy) {
            case REBROADCAST -> rebroadcast(flight);
            case REPLACE -> replace(flight, seen);
            case FILL_GAPS -> fillGaps(flight, seen);
            case AWAIT_RECEIPT, TAKEN, WAIT -> {}
        }
    }

    private void rebroadcast(Flight flight) {
        flight.rebroadcasts++;
        try {
            submit(flight.nonce, flight.signed());
            log.info(
                    "nonce {}: the node had lost {}, sent it again",
                    flight.nonce,
                    flight.firstHash());
        } catch (RpcErrorException e) {
            // "already known", or refused: the next look sees which, and replaces if need be
            log.info(
                    "nonce {}: sending {} again: {}", flight.nonce, flight.firstHash(), e.detail());
        }
    }

    private void replace(Flight flight, ChainLook seen) {
        FeePolicy.Fees fees = flight.fees().replacing(baseFee(seen));
        String signed =
                sign(flight.nonce, flight.gasLimit, flight.to, BigInteger.ZERO, flight.data, fees);
        try {
            String hash = submit(flight.nonce, signed);
            flight.replacedBy(fees, signed, hash);
            log.info(
                    "nonce {}: replaced by {} at max fee {} wei, tip {} wei ({})",
                    flight.nonce,
                    hash,
                    fees.maxFeePerGas(),
                    fees.maxPriorityFeePerGas(),
                    seen.describe());
        } catch (RpcErrorException e) {
            flight.outbid(fees);
            log.info("nonce {}: replacement refused: {}", flight.nonce, e.detail());
        }
    }

    private void fillGaps(Flight flight, ChainLook seen) {
        // a stuck transaction of an earlier run may hold the gap: outbid it by a round each time
        FeePolicy.Fees fees = flight.fees().replacing(baseFee(seen));
        for (int round = 0; round < flight.fillRounds; round++) {
            fees = fees.replacing(baseFee(seen));
        }
        flight.fillRounds++;
        String self = signer.address();
        for (BigInteger gap : seen.orphans()) {
            String signed = sign(gap, TRANSFER_GAS, self, BigInteger.ZERO, "", fees);
            try {
                String hash = submit(gap, signed);
                flight.gapFills++;
                log.info(
                        "nonce {}: filled the gap below nonce {} with {}", gap, flight.nonce, hash);
            } catch (RpcErrorException e) {
                log.info("nonce {}: filling the gap refused: {}", gap, e.detail());
            }
        }
    }

    /**
     * Takes the nonce of a transaction given up on with a zero-value self-transfer at higher fees,
     * so that it cannot be mined after its duty was reported failed, and the account moves on;
     * returns what was done, for the report.
     */
    String cancel(Flight flight, ChainLook seen) {
        FeePolicy.Fees fees = flight.fees().replacing(baseFee(seen));
        String signed =
                sign(flight.nonce, TRANSFER_GAS, signer.address(), BigInteger.ZERO, "", fees);
        try {
            return "cancelled by the self-transfer " + submit(flight.nonce, signed);
        } catch (RpcErrorException e) {
            return "cancelling it was refused: " + e.detail();
        }
    }

    private static BigInteger baseFee(ChainLook seen) {
        return java.util.Objects.requireNonNullElse(seen.baseFee(), BigInteger.ZERO);
    }
}
