package com.xpowerbanq.chain.rpc;

import org.jspecify.annotations.Nullable;

/** The endpoint refused the call with a JSON-RPC error that retrying cannot fix. */
public class RpcErrorException extends ChainException {
    private final int code;
    private final String detail;
    private final @Nullable String data;

    public RpcErrorException(String endpoint, String call, int code, String message) {
        this(endpoint, call, code, message, null);
    }

    /** With the error's {@code data}: a revert's encoded reason, when the endpoint gives it. */
    public RpcErrorException(
            String endpoint, String call, int code, String message, @Nullable String data) {
        super(endpoint, call, "error " + code + ": " + message, null);
        this.code = code;
        this.detail = message;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The endpoint's own message, without endpoint and call. */
    public String detail() {
        return detail;
    }

    public @Nullable String data() {
        return data;
    }
}
