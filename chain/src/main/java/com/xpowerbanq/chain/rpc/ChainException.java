package com.xpowerbanq.chain.rpc;

/** A failed call to a JSON-RPC endpoint; the message names the endpoint and the call. */
public class ChainException extends RuntimeException {
    private final String endpoint;
    private final String call;

    public ChainException(String endpoint, String call, String message, Throwable cause) {
        super(call + " at " + endpoint + ": " + message, cause);
        this.endpoint = endpoint;
        this.call = call;
    }

    public String endpoint() {
        return endpoint;
    }

    public String call() {
        return call;
    }
}
