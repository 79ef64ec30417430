package com.xpowerbanq.chain.rpc;

/** The endpoint refused an eth_getLogs range as too large or as yielding too many results. */
public class RangeRefusedException extends ChainException {
    public RangeRefusedException(String endpoint, String call, String message) {
        super(endpoint, call, "range refused: " + message, null);
    }
}
