package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.MalformedAnswerException;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.Token;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * Where a series' events come from: the registry's addresses of a contract run and, for RI, the
 * position the pool names with {@code supplyOf}/{@code borrowOf}. A missing or zero address is a
 * {@link Skip}, never an exception.
 */
public final class SeriesContracts {
    private static final String ZERO = "0x" + "0".repeat(40);

    /** Why a series has nothing to index in this contract run. */
    public static final class Skip extends Exception {
        public Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ContractRegistry registry;
    private final String run;
    private final ContractRun format;

    /**
     * The contracts of {@code run} in {@code registry}.
     *
     * @throws IllegalArgumentException when this build does not decode the run's events
     */
    public SeriesContracts(ContractRegistry registry, String run) {
        this.registry = registry;
        this.format = ContractRun.of(run);
        this.run = format.id();
    }

    public String run() {
        return run;
    }

    /** The contract that emits the series' events. */
    public String emitter(Series series, ChainClient chain) throws Skip {
        return switch (series) {
            case RiSeries ri -> position(ri, chain);
            case RtSeries rt -> address(rt.oracle().id(), "oracle " + rt.oracle().id());
        };
    }

    /** How the run's events look: the decoders' topics and data layout. */
    public ContractRun format() {
        return format;
    }

    /** The decoder of the series' events in this run; needs no chain access. */
    EventDecoder decoder(Series series) throws Skip {
        return switch (series) {
            case RiSeries ri -> new ReindexDecoder(ri, token(ri.token()), format);
            case RtSeries rt ->
                    new RefreshDecoder(rt, token(rt.source()), token(rt.target()), format);
        };
    }

    private String position(RiSeries series, ChainClient chain) throws Skip {
        String pool = address(series.pool().id(), "pool " + series.pool().id());
        String token = token(series.token());
        String function = series.mode().label() + "Of(address)";
        String selector = Hash.sha3String(function).substring(0, 10);
        String arg = token.substring(2).toLowerCase(Locale.ROOT);
        String result = chain.call(pool, selector + "0".repeat(64 - arg.length()) + arg);
        if (result.length() != 66) {
            throw new MalformedAnswerException(
                    "pool " + series.pool().id() + " " + pool,
                    "eth_call " + function,
                    "expected one address word, got " + result + " (is there a pool contract?)",
                    null);
        }
        BigInteger word = new BigInteger(result.substring(2), 16);
        if (word.bitLength() > 160) {
            throw new MalformedAnswerException(
                    "pool " + series.pool().id() + " " + pool,
                    "eth_call " + function,
                    "not an address: " + result,
                    null);
        }
        String position = "0x" + result.substring(26);
        if (position.equals(ZERO)) {
            throw new Skip(
                    "pool "
                            + series.pool().id()
                            + " has no "
                            + series.mode().label()
                            + " position for "
                            + series.token().name()
                            + " ("
                            + function
                            + " returned the zero address)");
        }
        return position;
    }

    private String token(Token token) throws Skip {
        return address(token.name(), "token " + token.name());
    }

    private String address(String name, String what) throws Skip {
        Optional<String> address = registry.address(name, run);
        if (address.isEmpty()) {
            throw new Skip(what + " is " + ContractRegistry.notDeployed(name, run));
        }
        return address.get();
    }
}
