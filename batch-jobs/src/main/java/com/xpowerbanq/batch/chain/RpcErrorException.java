package com.xpowerbanq.batch.chain;

/** The endpoint refused the call with a JSON-RPC error that retrying cannot fix. */
public class RpcErrorException extends ChainException {
    private final int code;

    public RpcErrorException(String endpoint, String call, int code, String message) {
        super(endpoint, call, "error " + code + ": " + message, null);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
