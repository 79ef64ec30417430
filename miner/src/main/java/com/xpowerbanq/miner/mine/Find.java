package com.xpowerbanq.miner.mine;

import org.web3j.utils.Numeric;

/** A nonce whose hash reached the level, on its way from a worker to the minter. */
record Find(Epoch epoch, long nonce, int zeros, byte[] hash, byte[] data, int worker) {

    String dataHex() {
        return Numeric.toHexString(data);
    }

    String hashHex() {
        return Numeric.toHexString(hash);
    }
}
