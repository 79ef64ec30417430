package com.xpowerbanq.batch.metrics;

import com.xpowerbanq.batch.keeper.KeeperOutcomes;
import com.xpowerbanq.batch.keeper.KeeperReport;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.tx.TxOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * {@code banq_keeper_transactions_total{run,job,series,outcome}}, one count per series a keeper job
 * handled (outcome: the transaction's, {@code confirmed}, {@code reverted}, …, or what was done
 * instead: {@code would-send}, {@code held}, {@code skipped}, {@code failed}), and {@code
 * banq_keeper_gas_spent_wei_total{run,job}}: gas used times the effective price, from the receipt.
 */
final class KeeperMetrics implements KeeperOutcomes {
    private static final Logger log = LoggerFactory.getLogger(KeeperMetrics.class);

    private final MeterRegistry registry;
    private final String run;
    private final Supplier<JsonRpcChainClient> chain;

    KeeperMetrics(MeterRegistry registry, String run, Supplier<JsonRpcChainClient> chain) {
        this.registry = registry;
        this.run = run;
        this.chain = chain;
    }

    @Override
    public void kept(String job, KeeperReport report) {
        TxOutcome tx = report.tx();
        String outcome = tx != null ? tx.status().name() : report.action().name();
        Counter.builder("banq.keeper.transactions")
                .description("series handled by the keeper jobs, by outcome")
                .tag("run", run)
                .tag("job", job)
                .tag("series", report.series())
                .tag("outcome", outcome.toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(registry)
                .increment();
        if (tx != null && tx.hash() != null) {
            spent(job, tx.hash());
        }
    }

    private void spent(String job, String hash) {
        try {
            TransactionReceipt receipt =
                    chain.get()
                            .request(
                                    "eth_getTransactionReceipt(" + hash + ")",
                                    w -> w.ethGetTransactionReceipt(hash))
                            .getTransactionReceipt()
                            .orElse(null);
            if (receipt == null || receipt.getEffectiveGasPrice() == null) {
                return;
            }
            BigInteger wei =
                    receipt.getGasUsed()
                            .multiply(
                                    new BigInteger(
                                            receipt.getEffectiveGasPrice().substring(2), 16));
            Counter.builder("banq.keeper.gas.spent.wei")
                    .description("wei the keeper transactions paid for gas")
                    .tag("run", run)
                    .tag("job", job)
                    .register(registry)
                    .increment(wei.doubleValue());
        } catch (RuntimeException e) {
            log.debug("gas of {} not counted: {}", hash, e.getMessage());
        }
    }
}
