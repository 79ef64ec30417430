package com.xpowerbanq.chain.rpc;

import java.time.Duration;

/**
 * Told of every exchange with an endpoint, for metrics: the endpoint by its index in the list given
 * to the client (never its URL, which may carry a key), the JSON-RPC method, the outcome and how
 * long it took. Called on the calling thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface RpcObserver {
    RpcObserver NONE = (endpoint, method, outcome, elapsed) -> {};

    /** What became of one exchange. */
    enum Outcome {
        /** An answer without error. */
        OK,
        /** A final refusal: a revert, a bad request, a log range too large. */
        ERROR,
        /** No usable answer, tried again: timeout, connection failure, 429/5xx, malformed. */
        FAILED
    }

    void exchanged(int endpoint, String method, Outcome outcome, Duration elapsed);
}
