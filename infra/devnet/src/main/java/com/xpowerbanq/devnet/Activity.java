package com.xpowerbanq.devnet;

import java.util.List;

/**
 * What happens on the devnet over time: the transactions to send and the block timestamps to mine
 * them at. The default is {@link SteadyActivity}; another plan replaces it through {@link
 * DevnetOptions#withActivity}, and {@link DevnetOptions#withKeeper} leaves the keeper transactions
 * of every step to outside keeper jobs.
 */
public interface Activity {

    /**
     * The steps in the time range (fromExclusive, toInclusive], epoch seconds, in time order. Each
     * step becomes one block mined at its timestamp.
     */
    List<Step> plan(DeployedProtocol protocol, long fromExclusive, long toInclusive);

    /**
     * Transactions mined together in one block at a chosen timestamp, then the duties the step
     * leaves to the devnet's {@link Keeper} (none when the calls do the keeping themselves).
     */
    record Step(long timestamp, List<Call> calls, List<Keeper.Duty> duties) {
        public Step {
            calls = List.copyOf(calls);
            duties = List.copyOf(duties);
        }

        public Step(long timestamp, List<Call> calls) {
            this(timestamp, calls, List.of());
        }
    }

    /**
     * One transaction from the deployer: target contract, ABI-encoded call data, a gas limit and a
     * label naming it in errors ("reindex APOW:supply:P000").
     */
    record Call(String to, String data, long gas, String label) {}
}
