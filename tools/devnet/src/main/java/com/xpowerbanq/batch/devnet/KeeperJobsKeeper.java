package com.xpowerbanq.batch.devnet;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.keeper.KeeperJobs;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetException;
import com.xpowerbanq.devnet.Keeper;
import com.xpowerbanq.schema.Catalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The devnet's keeper is banq-batch itself: each duty of a simulated step is one broadcasting run
 * of the {@code reindex} or {@code retwap} job, launched through the {@link JobRunner} that the CLI
 * and the scheduler use, signed with the devnet's keeper key. Its executions go to a job repository
 * of their own ({@code keeper-jobs/} beside the devnet's registry), so they never mix with the
 * operator's.
 */
public final class KeeperJobsKeeper implements Keeper {

    /** The job parameters of each duty: every series, broadcast; retwap every due pair. */
    static final Map<Duty, Map<String, String>> RUNS =
            new EnumMap<>(
                    Map.of(
                            Duty.REINDEX,
                            Map.of(KeeperJobs.SERIES, "all", KeeperJobs.BROADCAST, "true"),
                            Duty.RETWAP,
                            Map.of(
                                    KeeperJobs.SERIES,
                                    "all",
                                    KeeperJobs.BROADCAST,
                                    "true",
                                    // the simulated market moves little between two retwaps;
                                    // a keeper that held small deltas would leave gaps
                                    KeeperJobs.PERCENT_MIN,
                                    "0")));

    private final ConfigurableApplicationContext context;
    private final JobRunner runner;

    private KeeperJobsKeeper(ConfigurableApplicationContext context) {
        this.context = context;
        this.runner = context.getBean(JobRunner.class);
    }

    /**
     * A keeper on the devnet's chain, registry and key; its job repository in {@code jobs}, started
     * afresh: executions of an earlier devnet kept a chain that is gone, and restarting one of them
     * would skip the series it had completed there.
     */
    public static KeeperJobsKeeper open(Devnet devnet, Path jobs) {
        deleteTree(jobs);
        return new KeeperJobsKeeper(
                CommandLine.start(
                        "--state-dir=" + jobs,
                        "--banq.chain.provider-url=" + devnet.rpcUrl(),
                        "--banq.chain.contracts-file=" + devnet.registryFile(),
                        "--banq.chain.contract-run=" + devnet.run().id(),
                        "--banq.keeper.private-key-file=" + devnet.keeperKeyFile(),
                        "--banq.keeper.receipt-poll=20ms",
                        // well inside the devnet's duty deadline, so a lost transaction fails
                        // the job with its series and nonce before the devnet gives up
                        "--banq.keeper.receipt-timeout=30s",
                        // every series at once: the devnet mines what is pending in one block,
                        // so a duty costs one or two blocks instead of one per series
                        "--banq.keeper.workers=" + Catalogue.ri().size(),
                        "--banq.quiet=true",
                        "--logging.level.com.xpowerbanq.batch=WARN"));
    }

    /** Where a devnet's keeper keeps its job repository: beside the registry. */
    public static Path jobsDir(Devnet devnet) {
        return devnet.registryFile().resolveSibling("keeper-jobs");
    }

    @Override
    public void perform(Duty duty) {
        String job = duty == Duty.REINDEX ? KeeperJobs.REINDEX : KeeperJobs.RETWAP;
        JobExecution execution = runner.run(job, RUNS.get(duty));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new DevnetException(
                    "keeper job "
                            + job
                            + " (execution "
                            + execution.getId()
                            + ") ended "
                            + execution.getStatus()
                            + ": "
                            + execution.getExitStatus().getExitDescription());
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the keeper's job repository " + dir, e);
        }
    }
}
