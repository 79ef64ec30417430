package com.xpowerbanq.miner.mine;

import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.tx.NonceBook;
import com.xpowerbanq.chain.tx.ReceiptPolling;
import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The XPOW contract as the miner uses it: {@code init()}, {@code currentInterval()}, {@code
 * blockHashOf(interval)} and {@code mint(to, blockHash, data)}, on top of the shared chain client
 * and transaction sender. Chain failures arrive as {@link IOException}s, which the miner retries.
 */
final class XpowChain {
    /** Mint receipts come quickly on Avalanche: poll from 50 ms, at most every 2 s, for 2 min. */
    private static final ReceiptPolling RECEIPTS =
            new ReceiptPolling(Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofMinutes(2));

    /** The contract refused a transaction; {@link #revert()} says why. */
    static final class RevertedException extends Exception {
        private final Revert revert;

        RevertedException(Revert revert, String message) {
            super(message);
            this.revert = revert;
        }

        Revert revert() {
            return revert;
        }
    }

    /** A transaction the node did not accept, or whose receipt did not come in time. */
    static final class SendException extends Exception {
        SendException(String message) {
            super(message);
        }
    }

    /** A transaction on chain: its hash and block. */
    record Mined(String hash, BigInteger block) {}

    private final JsonRpcChainClient chain;
    private final String xpow;
    private final TransactionSender sender;

    private XpowChain(JsonRpcChainClient chain, String xpow, TransactionSender sender) {
        this.chain = chain;
        this.xpow = xpow;
        this.sender = sender;
    }

    /**
     * The XPOW contract at {@code xpow}, transactions signed and priced as {@code settings} say.
     */
    static XpowChain connect(JsonRpcChainClient chain, String xpow, Settings settings)
            throws IOException {
        try {
            return new XpowChain(
                    chain,
                    xpow,
                    TransactionSender.connect(
                            chain, settings.signer(), settings.fees(), RECEIPTS, new NonceBook()));
        } catch (ChainException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    String address() {
        return xpow;
    }

    BigInteger currentInterval() throws IOException {
        Function function =
                new Function(
                        "currentInterval", List.of(), List.of(new TypeReference<Uint256>() {}));
        return (BigInteger) call(function).get(0).getValue();
    }

    byte[] blockHashOf(BigInteger interval) throws IOException {
        Function function =
                new Function(
                        "blockHashOf",
                        List.of(new Uint256(interval)),
                        List.of(new TypeReference<Bytes32>() {}));
        return ((Bytes32) call(function).get(0)).getValue();
    }

    /** Sends {@code init()} and waits for its receipt. */
    Mined init() throws IOException, RevertedException, SendException {
        return transact(FunctionEncoder.encode(new Function("init", List.of(), List.of())));
    }

    /** Sends {@code mint(to, blockHash, data)} and waits for its receipt. */
    Mined mint(String to, byte[] blockHash, byte[] data)
            throws IOException, RevertedException, SendException {
        return transact(
                FunctionEncoder.encode(
                        new Function(
                                "mint",
                                List.of(
                                        new Address(to),
                                        new Bytes32(blockHash),
                                        new DynamicBytes(data)),
                                List.of())));
    }

    /** Sends a transaction; a refusal of the contract is found by the estimate, and not sent. */
    private Mined transact(String data) throws IOException, RevertedException, SendException {
        TxOutcome outcome;
        try {
            outcome = sender.send(xpow, data);
        } catch (ChainException e) {
            throw new IOException(e.getMessage(), e);
        }
        return switch (outcome.status()) {
            case CONFIRMED -> new Mined(outcome.hash(), outcome.block());
            case REVERTED, OUT_OF_GAS ->
                    throw new RevertedException(
                            Revert.ofReason(outcome.detail()), "transaction " + outcome);
            default -> throw new SendException("transaction " + outcome);
        };
    }

    private List<Type> call(Function function) throws IOException {
        String value;
        try {
            value = chain.call(xpow, FunctionEncoder.encode(function));
        } catch (ChainException e) {
            throw new IOException(
                    function.getName() + "() on XPOW " + xpow + " failed: " + e.getMessage(), e);
        }
        List<Type> values = FunctionReturnDecoder.decode(value, function.getOutputParameters());
        if (values.isEmpty()) {
            throw new IOException(
                    function.getName() + "() returned no value: is this the XPOW contract?");
        }
        return values;
    }

    /** Whole tokens for a level: {@code 2^zeros - 1}, as the contract pays. */
    static BigInteger amountOf(int zeros) {
        return BigInteger.TWO.pow(zeros).subtract(BigInteger.ONE);
    }
}
