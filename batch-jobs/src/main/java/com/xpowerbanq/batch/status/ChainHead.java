package com.xpowerbanq.batch.status;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The chain's head and the time of any block, for the lag of each series; block times are kept,
 * since the series' last blocks repeat from one look to the next.
 */
public final class ChainHead {
    private static final int KEPT = 512;

    /** A block and its time. */
    public record Head(long block, Instant time) {}

    private final Supplier<JsonRpcChainClient> chain;
    private final Map<Long, Instant> times =
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
                    return size() > KEPT;
                }
            };

    /** Over the client {@code chain} gives, asked for when the head is first needed. */
    public ChainHead(Supplier<JsonRpcChainClient> chain) {
        this.chain = chain;
    }

    public Head head() {
        EthBlock.Block latest =
                block("eth_getBlockByNumber(latest)", DefaultBlockParameterName.LATEST);
        return new Head(
                latest.getNumber().longValueExact(),
                Instant.ofEpochSecond(latest.getTimestamp().longValueExact()));
    }

    public synchronized Instant timeOf(long block) {
        Instant known = times.get(block);
        if (known == null) {
            known =
                    Instant.ofEpochSecond(
                            block(
                                            "eth_getBlockByNumber(" + block + ")",
                                            DefaultBlockParameter.valueOf(
                                                    BigInteger.valueOf(block)))
                                    .getTimestamp()
                                    .longValueExact());
            times.put(block, known);
        }
        return known;
    }

    private EthBlock.Block block(String call, DefaultBlockParameter which) {
        EthBlock.Block block =
                chain.get().request(call, w -> w.ethGetBlockByNumber(which, false)).getBlock();
        if (block == null) {
            throw new IllegalStateException(call + ": no such block");
        }
        return block;
    }
}
