package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import com.xpowerbanq.chain.tx.RevertReason;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The v10a views the keeper reads: positions of a pool, and an oracle's state and quotes. Reads go
 * through the {@link ChainClient} the index jobs use, so they are retried and fail over between the
 * endpoints of {@code PROVIDER_URL}; only transactions stay on the first endpoint.
 */
final class ContractReads {
    /** Selectors of {@code Error(string)} and {@code Panic(uint256)}: a revert given as result. */
    private static final java.util.Set<String> REVERT_SELECTORS =
            java.util.Set.of("0x08c379a0", "0x4e487b71");

    private final ChainClient chain;

    ContractReads(ChainClient chain) {
        this.chain = chain;
    }

    /** {@code pool.supplyOf(token)} or {@code pool.borrowOf(token)}. */
    String positionOf(String pool, String token, boolean supply) throws IOException {
        return (String)
                first(
                        pool,
                        supply ? "supplyOf" : "borrowOf",
                        List.of(new Address(token)),
                        List.of(new TypeReference<Address>() {}));
    }

    boolean refreshed(String oracle, String source, String target) throws IOException {
        return (Boolean)
                first(
                        oracle,
                        "refreshed",
                        pair(source, target),
                        List.of(new TypeReference<Bool>() {}));
    }

    String feedOf(String oracle, String source, String target) throws IOException {
        return (String)
                first(
                        oracle,
                        "getFeed",
                        pair(source, target),
                        List.of(new TypeReference<Address>() {}, new TypeReference<Uint256>() {}));
    }

    /** {@code oracle.getQuotes(amount, source, target)} as (bid, ask). */
    Quote oracleQuote(String oracle, BigInteger amount, String source, String target)
            throws IOException {
        return quote(
                oracle, List.of(new Uint256(amount), new Address(source), new Address(target)));
    }

    /**
     * {@code oracle.getQuotes(amount, source, target)}, or empty while the oracle has no quote of
     * the pair yet ({@code MissingQuote}: it was never retwapped since it was deployed or
     * enlisted).
     */
    Optional<Quote> oracleQuoteIfAny(String oracle, BigInteger amount, String source, String target)
            throws IOException {
        try {
            return Optional.of(oracleQuote(oracle, amount, source, target));
        } catch (CallRevertedException e) {
            if (e.reason().startsWith("MissingQuote(")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code feed.getQuotes(amount)} as (bid, ask). */
    Quote feedQuote(String feed, BigInteger amount) throws IOException {
        return quote(feed, List.of(new Uint256(amount)));
    }

    private static List<Type> pair(String source, String target) {
        return List.of(new Address(source), new Address(target));
    }

    /** {@code getQuotes(inputs)} of an oracle or a feed, both answering (bid, ask). */
    private Quote quote(String contract, List<Type> inputs) throws IOException {
        List<Type> values =
                call(
                        contract,
                        "getQuotes",
                        inputs,
                        List.of(new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}));
        return new Quote(
                (BigInteger) values.get(0).getValue(), (BigInteger) values.get(1).getValue());
    }

    /** The first value a view returns. */
    private Object first(
            String contract, String name, List<Type> inputs, List<TypeReference<?>> outputs)
            throws IOException {
        return call(contract, name, inputs, outputs).get(0).getValue();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<Type> call(
            String contract, String name, List<Type> inputs, List<TypeReference<?>> outputs)
            throws IOException {
        Function function = new Function(name, inputs, (List) outputs);
        String result;
        try {
            result = chain.call(contract, FunctionEncoder.encode(function));
        } catch (RpcErrorException e) {
            throw new CallRevertedException(
                    name + " on " + contract, RevertReason.describe(e.data(), e.detail()));
        }
        if (result.length() >= 10
                && REVERT_SELECTORS.contains(result.substring(0, 10).toLowerCase(Locale.ROOT))) {
            throw new CallRevertedException(
                    name + " on " + contract, RevertReason.describe(result, null));
        }
        List<Type> values = FunctionReturnDecoder.decode(result, function.getOutputParameters());
        if (values.size() != outputs.size()) {
            throw new CallRevertedException(
                    name + " on " + contract, "returned no data (is a contract deployed there?)");
        }
        return values;
    }

    /** A (bid, ask) pair as the oracle and its feed quote it. */
    record Quote(BigInteger bid, BigInteger ask) {}

    /** A view call that reverted or answered nothing; the message names contract and call. */
    static final class CallRevertedException extends IOException {
        private final String reason;

        CallRevertedException(String call, String reason) {
            super(call + (reason.startsWith("returned") ? " " : " reverted: ") + reason);
            this.reason = reason;
        }

        /** The revert reason in words, e.g. {@code MissingQuote(0x…, 0x…)}. */
        String reason() {
            return reason;
        }
    }
}
