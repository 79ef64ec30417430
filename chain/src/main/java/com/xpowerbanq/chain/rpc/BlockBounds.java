package com.xpowerbanq.chain.rpc;

import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Resolves block tags: the safe upper bound of a scan and a contract's deployment block. */
public final class BlockBounds {
    private static final Logger log = LoggerFactory.getLogger(BlockBounds.class);

    private final ChainClient chain;
    private final int confirmations;

    public BlockBounds(ChainClient chain, int confirmations) {
        this.chain = chain;
        this.confirmations = confirmations;
    }

    /** The finalized block, or latest minus the confirmation depth when the tag is unknown. */
    public long finalized() {
        OptionalLong finalized = chain.finalizedBlock();
        if (finalized.isPresent()) {
            return finalized.getAsLong();
        }
        return Math.max(0, chain.latestBlock() - confirmations);
    }

    public long latest() {
        return chain.latestBlock();
    }

    /**
     * The first block at which the contract has code, by binary search on eth_getCode; throws when
     * there is no code at {@code upTo}. An endpoint that keeps no state of old blocks (a pruned,
     * non-archive node; anvil beyond its in-memory history) cannot answer the search, with a final
     * error or, after retries, a missing trie node: then the scan starts at block 0, which costs
     * more eth_getLogs windows but misses nothing.
     */
    public long deployBlock(String address, long upTo) {
        if (!hasCode(address, upTo)) {
            throw new IllegalStateException(
                    "no contract at " + address + " at block " + upTo + ": nothing deployed there");
        }
        long lo = 0;
        long hi = upTo;
        try {
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                if (hasCode(address, mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
        } catch (RpcErrorException | ChainUnavailableException e) {
            if (e instanceof ChainUnavailableException
                    && !RpcErrorKind.missingState(String.valueOf(e.getMessage()))) {
                throw e;
            }
            log.warn(
                    "from=deploy: the endpoint keeps no old state ({}); scanning {} from block 0",
                    e.getMessage(),
                    address);
            return 0;
        }
        return lo;
    }

    private boolean hasCode(String address, long block) {
        String code = chain.code(address, block);
        return code.length() > 2;
    }
}
