package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.chain.tx.TxOutcome;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.Mode;
import com.xpowerbanq.schema.RiSeries;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    private final ContractRegistry registry;
    private final String run;
    private final ContractReads reads;
    private final @Nullable TransactionSender sender;

    /** A keeper that sends with {@code sender}, or a dry run when it is null. */
    ReindexKeeper(
            ContractRegistry registry,
            String run,
            ContractReads reads,
            @Nullable TransactionSender sender) {
        this.registry = registry;
        this.run = run;
        this.reads = reads;
        this.sender = sender;
    }

    public KeeperReport keep(RiSeries series) {
        String id = series.instanceId();
        Optional<String> pool = registry.address(series.pool().id(), run);
        Optional<String> token = registry.address(series.token().name(), run);
        if (pool.isEmpty() || token.isEmpty()) {
            return new KeeperReport(
                    id,
                    KeeperReport.Action.SKIPPED,
                    null,
                    null,
                    notDeployed(pool.isEmpty() ? series.pool().id() : series.token().name(), run));
        }
        try {
            String position =
                    org.web3j.crypto.Keys.toChecksumAddress(
                            reads.positionOf(
                                    pool.get(), token.get(), series.mode() == Mode.SUPPLY));
            if (position.equalsIgnoreCase(ZERO)) {
                return new KeeperReport(
                        id,
                        KeeperReport.Action.SKIPPED,
                        null,
                        null,
                        "pool "
                                + pool.get()
                                + " has no "
                                + series.mode().label()
                                + " position for "
                                + series.token());
            }
            if (sender == null) {
                return new KeeperReport(
                        id,
                        KeeperReport.Action.WOULD_SEND,
                        null,
                        null,
                        "reindex() to position "
                                + position
                                + " (dry run: add broadcast=true to send)");
            }
            TxOutcome outcome = sender.send(position, REINDEX_CALL);
            return new KeeperReport(
                    id,
                    outcome.hash() == null ? KeeperReport.Action.FAILED : KeeperReport.Action.SENT,
                    outcome,
                    null,
                    "reindex() to position " + position);
        } catch (IOException | RuntimeException e) {
            return new KeeperReport(
                    id, KeeperReport.Action.FAILED, null, null, String.valueOf(e.getMessage()));
        }
    }

    /** Why a series whose contract the registry lacks, or gives as zero, is skipped. */
    static String notDeployed(String name, String run) {
        return name + " is " + ContractRegistry.notDeployed(name, run);
    }
}
