package com.xpowerbanq.miner.mine;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The XPOW contract as the miner uses it: {@code init()}, {@code currentInterval()}, {@code
 * blockHashOf(interval)} and {@code mint(to, blockHash, data)}, sent as EIP-1559 transactions from
 * one signer with locally managed nonces.
 */
final class XpowChain {

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

    private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(125);

    private final Rpc rpc;
    private final String xpow;
    private final Credentials signer;
    private final long chainId;
    private final Settings settings;
    private @Nullable BigInteger nextNonce;

    XpowChain(Rpc rpc, String xpow, long chainId, Settings settings) {
        this.rpc = rpc;
        this.xpow = xpow;
        this.signer = settings.signer();
        this.chainId = chainId;
        this.settings = settings;
    }

    String address() {
        return xpow;
    }

    BigInteger currentInterval() throws IOException {
        Function function = new Function("currentInterval", List.of(), List.of(uint256()));
        return (BigInteger) decode(call(function), function).get(0).getValue();
    }

    byte[] blockHashOf(BigInteger interval) throws IOException {
        Function function =
                new Function(
                        "blockHashOf",
                        List.of(new Uint256(interval)),
                        List.of(new TypeReference<Bytes32>() {}));
        List<Type> values = decode(call(function), function);
        return ((Bytes32) values.get(0)).getValue();
    }

    /** Sends {@code init()} and waits for its receipt. */
    TransactionReceipt init() throws IOException, RevertedException, SendException {
        return transact(FunctionEncoder.encode(new Function("init", List.of(), List.of())));
    }

    /** Sends {@code mint(to, blockHash, data)} and waits for its receipt. */
    TransactionReceipt mint(String to, byte[] blockHash, byte[] data)
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

    /**
     * Simulates, prices, signs and sends a transaction, then waits for its receipt. A refusal of
     * the contract is found by the simulation and nothing is sent.
     */
    private synchronized TransactionReceipt transact(String data)
            throws IOException, RevertedException, SendException {
        String from = signer.getAddress();
        Transaction call = Transaction.createEthCallTransaction(from, xpow, data);
        EthCall simulated = rpc.send(w -> w.ethCall(call, DefaultBlockParameterName.LATEST));
        if (simulated.hasError()) {
            throw reverted(simulated.getError());
        }
        BigInteger gasLimit = settings.gasLimit() != null ? settings.gasLimit() : estimate(call);
        BigInteger[] fees = fees();
        BigInteger nonce = nonce();
        RawTransaction raw =
                RawTransaction.createTransaction(
                        chainId, nonce, gasLimit, xpow, BigInteger.ZERO, data, fees[0], fees[1]);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, signer));
        EthSendTransaction sent = rpc.send(w -> w.ethSendRawTransaction(signed));
        if (sent.hasError()) {
            nextNonce = null; // resynchronise from the chain on the next send
            throw new SendException(
                    "the node refused the transaction: " + message(sent.getError()));
        }
        nextNonce = nonce.add(BigInteger.ONE);
        TransactionReceipt receipt = receipt(sent.getTransactionHash());
        if (!receipt.isStatusOK()) {
            // refused on chain after a good simulation (the state moved): ask again for the reason
            EthCall again = rpc.send(w -> w.ethCall(call, DefaultBlockParameterName.LATEST));
            Revert revert = again.hasError() ? Revert.of(again.getError()) : Revert.OTHER;
            throw new RevertedException(
                    revert,
                    "transaction "
                            + receipt.getTransactionHash()
                            + " reverted"
                            + (again.hasError() ? ": " + message(again.getError()) : ""));
        }
        return receipt;
    }

    private BigInteger estimate(Transaction call) throws IOException, RevertedException {
        EthEstimateGas estimate = rpc.send(w -> w.ethEstimateGas(call));
        if (estimate.hasError()) {
            throw reverted(estimate.getError());
        }
        return estimate.getAmountUsed()
                .multiply(GAS_MARGIN_PERCENT)
                .divide(BigInteger.valueOf(100));
    }

    /** [max priority fee, max fee] per gas: the settings, else the node's tip and 2 × base fee. */
    private BigInteger[] fees() throws IOException {
        BigInteger tip = settings.maxPriorityFeePerGas();
        if (tip == null) {
            var answer = rpc.send(w -> w.ethMaxPriorityFeePerGas());
            tip = answer.hasError() ? BigInteger.ZERO : answer.getMaxPriorityFeePerGas();
        }
        BigInteger max = settings.maxFeePerGas();
        if (max == null) {
            EthBlock latest =
                    rpc.send(w -> w.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false));
            BigInteger base =
                    Optional.ofNullable(latest.getBlock())
                            .map(EthBlock.Block::getBaseFeePerGas)
                            .orElse(BigInteger.ZERO);
            max = base.shiftLeft(1).add(tip);
        }
        return new BigInteger[] {tip.min(max), max};
    }

    private BigInteger nonce() throws IOException {
        if (nextNonce == null) {
            nextNonce =
                    rpc.send(
                                    w ->
                                            w.ethGetTransactionCount(
                                                    signer.getAddress(),
                                                    DefaultBlockParameterName.PENDING))
                            .getTransactionCount();
        }
        return nextNonce;
    }

    private TransactionReceipt receipt(String hash) throws IOException, SendException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        long pause = 50;
        while (System.nanoTime() < deadline) {
            var answer = rpc.send(w -> w.ethGetTransactionReceipt(hash));
            if (answer.getTransactionReceipt().isPresent()) {
                return answer.getTransactionReceipt().get();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendException("interrupted while waiting for the receipt of " + hash);
            }
            pause = Math.min(pause * 2, 2_000);
        }
        nextNonce = null;
        throw new SendException("no receipt for " + hash + " within 120 s");
    }

    private String call(Function function) throws IOException {
        Transaction call =
                Transaction.createEthCallTransaction(
                        signer.getAddress(), xpow, FunctionEncoder.encode(function));
        EthCall answer = rpc.send(w -> w.ethCall(call, DefaultBlockParameterName.LATEST));
        if (answer.hasError()) {
            throw new IOException(
                    function.getName()
                            + "() on XPOW "
                            + xpow
                            + " failed: "
                            + message(answer.getError()));
        }
        return answer.getValue();
    }

    private static List<Type> decode(String value, Function function) throws IOException {
        List<Type> values = FunctionReturnDecoder.decode(value, function.getOutputParameters());
        if (values.isEmpty()) {
            throw new IOException(
                    function.getName() + "() returned no value: is this the XPOW contract?");
        }
        return values;
    }

    private static TypeReference<Uint256> uint256() {
        return new TypeReference<Uint256>() {};
    }

    private static RevertedException reverted(Response.Error error) {
        Revert revert = Revert.of(error);
        return new RevertedException(revert, message(error));
    }

    static String message(Response.@Nullable Error error) {
        if (error == null) {
            return "unknown error";
        }
        return error.getMessage() + (error.getData() == null ? "" : " " + error.getData());
    }

    /** Whole tokens for a level: {@code 2^zeros - 1}, as the contract pays. */
    static BigInteger amountOf(int zeros) {
        return BigInteger.TWO.pow(zeros).subtract(BigInteger.ONE);
    }
}
