package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.FlightRecorder;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.Mode;
import com.xpowerbanq.schema.RiSeries;
import java.io.IOException;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;

/**
 * Sends {@code reindex()} to the position of one RI series: resolves the position with the pool's
 * {@code supplyOf}/{@code borrowOf}, then sends (broadcast) or says what it would send (dry run).
 */
public final class ReindexKeeper {
    static final String REINDEX_CALL =
            FunctionEncoder.encode(
                    new Function("reindex", java.util.List.of(), java.util.List.of()));
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final KeeperSessions.KeeperSession session;
    private final FlightRecorder recorder;

    /**
     * A keeper that sends with the session's sender, telling {@code recorder} of each version of
     * its transaction, or a dry run when the session has no sender.
     */
    ReindexKeeper(KeeperSessions.KeeperSession session, FlightRecorder recorder) {
        this.session = session;
        this.recorder = recorder;
    }

    public KeeperReport keep(RiSeries series) {
        String id = series.instanceId();
        String run = session.run();
        Optional<String> pool = session.registry().address(series.pool().id(), run);
        Optional<String> token = session.registry().address(series.token().name(), run);
        if (pool.isEmpty() || token.isEmpty()) {
            return SeriesTransaction.skipped(
                    id,
                    notDeployed(pool.isEmpty() ? series.pool().id() : series.token().name(), run));
        }
        try {
            String position =
                    org.web3j.crypto.Keys.toChecksumAddress(
                            session.reads()
                                    .positionOf(
                                            pool.get(), token.get(), series.mode() == Mode.SUPPLY));
            if (position.equalsIgnoreCase(ZERO)) {
                return SeriesTransaction.skipped(
                        id,
                        "pool "
                                + pool.get()
                                + " has no "
                                + series.mode().label()
                                + " position for "
                                + series.token());
            }
            return new SeriesTransaction(
                            id, position, REINDEX_CALL, "reindex() to position " + position)
                    .sendWith(session.sender(), recorder, null);
        } catch (IOException | RuntimeException e) {
            return SeriesTransaction.failed(id, e);
        }
    }

    /** Why a series whose contract the registry lacks, or gives as zero, is skipped. */
    static String notDeployed(String name, String run) {
        return name + " is " + ContractRegistry.notDeployed(name, run);
    }
}
