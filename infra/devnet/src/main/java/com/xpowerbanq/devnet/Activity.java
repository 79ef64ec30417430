package com.xpowerbanq.devnet;

import java.util.List;

/**
 * What happens on the devnet over time: the transactions to send and the block timestamps to mine
 * them at. The default is {@link SteadyActivity}; another plan (e.g. keeper jobs) replaces it
 * through {@link DevnetOptions#withActivity}.
 */
public interface Activity {

    /**
     * The steps in the time range (fromExclusive, toInclusive], epoch seconds, in time order. Each
     * step becomes one block mined at its timestamp.
     */
    List<Step> plan(DeployedProtocol protocol, long fromExclusive, long toInclusive);

    /** Transactions mined together in one block at a chosen timestamp. */
    record Step(long timestamp, List<Call> calls) {
        public Step {
            calls = List.copyOf(calls);
        }
    }

    /**
     * One transaction from the deployer: target contract, ABI-encoded call data, a gas limit and a
     * label naming it in errors ("reindex APOW:supply:P000").
     */
    record Call(String to, String data, long gas, String label) {}
}
