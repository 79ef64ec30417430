package com.xpowerbanq.miner.mine;

import java.math.BigInteger;
import org.web3j.utils.Numeric;

/** One hour of mining: the contract's interval and the block hash it cached for it. */
record Epoch(BigInteger interval, byte[] blockHash) {

    String blockHashHex() {
        return Numeric.toHexString(blockHash);
    }

    boolean sameAs(Epoch other) {
        return interval.equals(other.interval)
                && java.util.Arrays.equals(blockHash, other.blockHash);
    }
}
