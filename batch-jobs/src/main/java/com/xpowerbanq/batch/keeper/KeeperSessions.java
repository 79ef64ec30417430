package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.tx.FeePolicy;
import com.xpowerbanq.chain.tx.NonceBook;
import com.xpowerbanq.chain.tx.ReceiptPolling;
import com.xpowerbanq.chain.tx.Signer;
import com.xpowerbanq.chain.tx.TransactionSender;
import com.xpowerbanq.schema.ContractRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * One chain connection for transactions (the first endpoint) and, when broadcasting, one {@link
 * TransactionSender} per job execution, shared by all its partitions; view calls go through the
 * index jobs' {@link ChainClient} over every endpoint; the nonces of every sender come from the
 * process's one {@link NonceBook}, so parallel jobs from one key never collide. Closed when the job
 * ends.
 */
public final class KeeperSessions implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(KeeperSessions.class);
    private final KeeperChainSettings chain;
    private final KeeperProperties properties;
    private final Map<String, String> environment;
    private final NonceBook nonces;
    private final Supplier<ChainClient> reads;
    private final Map<Long, KeeperSession> open = new ConcurrentHashMap<>();
    private Level runLines = Level.INFO;

    /**
     * Sessions on {@code chain}, their nonces from {@code nonces}, their view calls through {@code
     * reads} (every endpoint, with retries and failover).
     */
    public KeeperSessions(
            KeeperChainSettings chain,
            KeeperProperties properties,
            Map<String, String> environment,
            NonceBook nonces,
            Supplier<ChainClient> reads) {
        this.chain = chain;
        this.properties = properties;
        this.environment = environment;
        this.nonces = nonces;
        this.reads = reads;
    }

    /** Logs the lines at the start and end of each job at {@code level} (serve: DEBUG). */
    KeeperSessions loggingRunsAt(Level level) {
        this.runLines = level;
        return this;
    }

    KeeperSession session(long jobExecutionId, boolean broadcast) {
        return open.computeIfAbsent(jobExecutionId, id -> connect(broadcast));
    }

    private KeeperSession connect(boolean broadcast) {
        JsonRpcChainClient sending = chain.connectSending();
        try {
            ContractRegistry registry = chain.registry().get();
            TransactionSender sender = null;
            if (broadcast) {
                sender =
                        TransactionSender.connect(
                                sending,
                                signer(),
                                FeePolicy.fromEnvironment(environment),
                                ReceiptPolling.every(
                                                properties.receiptPoll(),
                                                properties.receiptTimeout())
                                        .lookingEvery(properties.healFraction()),
                                nonces);
            }
            return new KeeperSession(
                    sending, new ContractReads(reads.get()), registry, chain.contractRun(), sender);
        } catch (ChainUnavailableException e) {
            sending.close();
            throw new IllegalStateException(
                    "cannot reach the chain at "
                            + chain.sendingEndpoint()
                            + " (PROVIDER_URL): "
                            + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            sending.close();
            throw e;
        }
    }

    /**
     * The address the keepers send from, when a key is configured (PRIVATE_KEY or
     * PRIVATE_KEY_FILE); empty otherwise. Only the address leaves this class.
     */
    public java.util.Optional<String> keeperAddress() {
        boolean configured =
                environment.get(Signer.PRIVATE_KEY) != null
                        || environment.get(Signer.PRIVATE_KEY_FILE) != null
                        || properties.privateKeyFile() != null;
        return configured ? java.util.Optional.of(signer().address()) : java.util.Optional.empty();
    }

    private Signer signer() {
        Map<String, String> keys = new HashMap<>();
        String inline = environment.get(Signer.PRIVATE_KEY);
        if (inline != null) {
            keys.put(Signer.PRIVATE_KEY, inline);
        }
        String file = environment.get(Signer.PRIVATE_KEY_FILE);
        if (file == null || file.isBlank()) {
            file = properties.privateKeyFile();
        }
        if (file != null) {
            keys.put(Signer.PRIVATE_KEY_FILE, file);
        }
        return Signer.fromEnvironment(keys);
    }

    /** Connects (and, when broadcasting, reads the key) before any partition runs: fail fast. */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        boolean broadcast =
                KeeperParametersValidator.KeeperOptions.from(jobExecution.getJobParameters())
                        .broadcast();
        KeeperSession session = session(jobExecution.getId(), broadcast);
        if (session.sender() != null && open.size() == 1) {
            // no other job of this process is sending: the key may have signed elsewhere since
            // the last run (another tool, a wallet), so the chain's count is the one to trust
            session.sender().resyncNonce();
        }
        log.atLevel(runLines)
                .log(
                        "{}: {} on chain via {} (contract run {})",
                        jobExecution.getJobInstance().getJobName(),
                        session.sender() == null
                                ? "dry run, nothing is signed or sent"
                                : "broadcasting from " + session.sender().from(),
                        chain.sendingEndpoint(),
                        session.run());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        KeeperSession session = open.remove(jobExecution.getId());
        if (session != null) {
            session.sending().close();
        }
        Map<String, Long> outcomes =
                jobExecution.getStepExecutions().stream()
                        .filter(
                                step ->
                                        step.getExecutionContext()
                                                .containsKey(KeeperPartitioner.SERIES_KEY))
                        .collect(
                                Collectors.groupingBy(
                                        step -> step.getExitStatus().getExitCode(),
                                        TreeMap::new,
                                        Collectors.counting()));
        log.atLevel(runLines)
                .log(
                        "{}: {} series {}",
                        jobExecution.getJobInstance().getJobName(),
                        jobExecution.getStatus(),
                        outcomes);
    }

    /** What the partitions of one job execution share. */
    record KeeperSession(
            JsonRpcChainClient sending,
            ContractReads reads,
            ContractRegistry registry,
            String run,
            @Nullable TransactionSender sender) {}
}
