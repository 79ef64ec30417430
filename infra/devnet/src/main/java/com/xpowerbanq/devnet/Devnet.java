package com.xpowerbanq.devnet;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A local chain with the emulated protocol of one contract run (v10a unless told otherwise): anvil
 * on a loopback port, the contracts deployed, the registry written, and days of activity simulated.
 * Close it to stop anvil; it is also stopped when the JVM exits.
 *
 * <pre>{@code
 * try (Devnet devnet = Devnet.start(DevnetOptions.defaults().withDays(3))) {
 *     String rpc = devnet.rpcUrl();
 *     Path registry = devnet.registryFile();
 * }
 * }</pre>
 */
public final class Devnet implements AutoCloseable {

    /** anvil's default chain id. */
    public static final long CHAIN_ID = 31337;

    /** Blocks mined after each simulation so that anvil's `finalized` (latest − 64) covers it. */
    public static final int FINALITY_BLOCKS = 65;

    /**
     * Seconds between a simulation's last step and the blocks that end it: more than the oracles'
     * retwap limit, so that every pair is due again (refreshed() false) when a simulation ends.
     */
    public static final long QUIET_AFTER_STEPS = 3600;

    private static final Logger log = LoggerFactory.getLogger(Devnet.class);
    private static final long DAY = 86_400;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final AnvilProcess anvil;
    private final Web3j web3j;
    private final JsonRpcChainClient chain;
    private final AnvilRpc rpc;
    private final Activity activity;
    private final ContractRegistry registry;
    private final Path registryFile;
    private final @Nullable Path tempDir;
    private final DeployedProtocol protocol;
    private final ContractRun run;
    private final Duration dutyDeadline;
    private final ExecutorService duties =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread thread = new Thread(r, "devnet-keeper-duty");
                        // a duty past its deadline may never return: it must not hold the JVM
                        thread.setDaemon(true);
                        return thread;
                    });
    private @Nullable Keeper keeper;
    private @Nullable Path keyFile;

    private Devnet(
            AnvilProcess anvil,
            Web3j web3j,
            JsonRpcChainClient chain,
            AnvilRpc rpc,
            Activity activity,
            ContractRegistry registry,
            Path registryFile,
            @Nullable Path tempDir,
            DeployedProtocol protocol,
            ContractRun run,
            Duration dutyDeadline) {
        this.anvil = anvil;
        this.web3j = web3j;
        this.chain = chain;
        this.rpc = rpc;
        this.activity = activity;
        this.registry = registry;
        this.registryFile = registryFile;
        this.tempDir = tempDir;
        this.protocol = protocol;
        this.run = run;
        this.dutyDeadline = dutyDeadline;
    }

    /**
     * Starts anvil with its genesis {@code options.days()} days in the past, deploys the protocol,
     * writes the registry and simulates the days up to about now.
     */
    public static Devnet start(DevnetOptions options) {
        Path binary = AnvilBinary.locate(options.anvil());
        Path tempDir = null;
        Path stateDir;
        try {
            if (options.stateDir() == null) {
                tempDir = Files.createTempDirectory("banq-devnet-");
                stateDir = tempDir;
            } else {
                stateDir = Files.createDirectories(options.stateDir());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the devnet state directory", e);
        }
        // leave room for the quiet hour and the final blocks, so the chain ends before now
        long now = Instant.now().getEpochSecond();
        long genesis = now - options.days() * DAY - QUIET_AFTER_STEPS - 2L * FINALITY_BLOCKS;
        // a fresh log per devnet, so that its last lines are this anvil's when it fails
        Path anvilLog = stateDir.resolve("anvil.log");
        AnvilProcess anvil;
        try {
            Files.deleteIfExists(anvilLog);
            anvil = AnvilProcess.start(binary, options.port(), genesis, anvilLog);
        } catch (IOException e) {
            deleteQuietly(tempDir);
            throw new UncheckedIOException("cannot clear the old anvil log " + anvilLog, e);
        } catch (RuntimeException e) {
            deleteQuietly(tempDir);
            throw e;
        }
        Web3j web3j = Web3j.build(new HttpService(anvil.url()));
        // anvil on loopback either answers or is gone: retries would only slow a failure
        JsonRpcChainClient chain =
                JsonRpcChainClient.connect(List.of(anvil.url()), CALL_TIMEOUT, RetryPolicy.once());
        AnvilRpc rpc = new AnvilRpc(chain);
        Devnet devnet = null;
        try {
            long started = System.nanoTime();
            rpc.setAutomine(false);
            Transactor tx = new Transactor(chain, rpc, DevAccounts.account(0));
            DeployedProtocol protocol =
                    new Deployment(chain, tx, deployerAddress())
                            .deploy(genesis + 1, options.run(), new Quotes(), new Utilisation());
            Path registryFile = stateDir.resolve("contracts.env");
            ContractRegistry registry = DevnetRegistry.of(anvil.url(), protocol, options.run());
            registry.write(registryFile);
            devnet =
                    new Devnet(
                            anvil,
                            web3j,
                            chain,
                            rpc,
                            options.activity(),
                            registry,
                            registryFile,
                            tempDir,
                            protocol,
                            options.run(),
                            options.dutyDeadline());
            if (options.keeper() != null) {
                devnet.keeper = options.keeper().open(devnet);
            }
            devnet.run(tx, genesis + 2, genesis + 2 + options.days() * DAY);
            log.info(
                    "devnet on {}: deployed and simulated {} days in {} ms",
                    anvil.url(),
                    options.days(),
                    (System.nanoTime() - started) / 1_000_000);
            return devnet;
        } catch (RuntimeException e) {
            RuntimeException failure =
                    anvil.isAlive()
                            ? e
                            : new DevnetException(e.getMessage() + "; " + anvil.exitReport(), e);
            // anvil first: a keeper still waiting on it then fails at once instead of holding
            // the close
            anvil.close();
            if (devnet != null) {
                devnet.duties.shutdownNow();
            }
            closeKeeper(devnet == null ? null : devnet.keeper);
            web3j.shutdown();
            chain.close();
            deleteQuietly(tempDir);
            throw failure;
        }
    }

    /** The keeper of this devnet, closed on failure too (it is not yet the caller's). */
    private static void closeKeeper(@Nullable Keeper keeper) {
        if (keeper != null) {
            keeper.close();
        }
    }

    /**
     * Simulates more days of activity from the latest block on; ends, an hour after the last step
     * or more, with {@value #FINALITY_BLOCKS} blocks a second apart.
     */
    public void simulate(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, got " + days);
        }
        long from = latestTimestamp();
        rpc.setAutomine(false);
        run(new Transactor(chain, rpc, DevAccounts.account(0)), from, from + days * DAY);
    }

    private void run(Transactor tx, long fromExclusive, long toInclusive) {
        try {
            long last = fromExclusive;
            long keptDays = 0;
            long dayStarted = System.nanoTime();
            for (Activity.Step step : activity.plan(protocol, fromExclusive, toInclusive)) {
                if (step.timestamp() <= last) {
                    throw new DevnetException(
                            "activity step at "
                                    + step.timestamp()
                                    + " is not after the previous block at "
                                    + last);
                }
                step.calls().forEach(tx::call);
                last = tx.mineAt(step.timestamp());
                if (!step.duties().isEmpty()) {
                    last = keep(step, tx);
                    long day = (step.timestamp() - fromExclusive) / DAY;
                    if (day > keptDays) {
                        keptDays = day;
                        long now = System.nanoTime();
                        // the seconds of each day show whether seeding stays flat as the chain
                        // grows (anvil's cost per block grows with its height)
                        log.info(
                                "keeper jobs: day {} of {} simulated ({} s)",
                                day,
                                (toInclusive - fromExclusive) / DAY,
                                String.format(Locale.ROOT, "%.2f", (now - dayStarted) / 1e9));
                        dayStarted = now;
                    }
                }
            }
            rpc.mineAt(Math.max(last + QUIET_AFTER_STEPS, toInclusive));
            rpc.mine(FINALITY_BLOCKS - 1, 1);
        } finally {
            rpc.setAutomine(true);
        }
    }

    /**
     * Hands the step's duties to the keeper while a {@link BlockPump} mines what it sends, just
     * after the step's block; returns the latest block's timestamp then. A duty that overruns its
     * deadline stops the devnet with what the chain says about the keeper's transactions.
     */
    private long keep(Activity.Step step, Transactor tx) {
        Keeper current = keeper;
        if (current == null) {
            throw new DevnetException(
                    "the activity leaves "
                            + step.duties()
                            + " at "
                            + step.timestamp()
                            + " to a keeper, but this devnet has none (DevnetOptions.withKeeper)");
        }
        try (BlockPump pump = BlockPump.start(rpc)) {
            for (Keeper.Duty duty : step.duties()) {
                performWithinDeadline(current, duty, step.timestamp(), pump);
            }
        }
        tx.resync();
        return latestTimestamp();
    }

    private void performWithinDeadline(Keeper keeper, Keeper.Duty duty, long at, BlockPump pump) {
        Future<?> done = duties.submit(() -> keeper.perform(duty));
        try {
            done.get(dutyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            RuntimeException pumpFailure = pump.failure();
            throw new DevnetException(
                    "keeper duty "
                            + duty
                            + " of the step at "
                            + at
                            + " did not finish within "
                            + dutyDeadline.toSeconds()
                            + " s"
                            + (pumpFailure == null
                                    ? ""
                                    : " (mining failed: " + pumpFailure.getMessage() + ")")
                            + "; "
                            + new StuckDutyReport(rpc, chain, anvil).describe(deployerAddress()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new DevnetException("keeper duty " + duty + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while the keeper performed " + duty, e);
        }
    }

    /** "http://127.0.0.1:PORT". */
    public String rpcUrl() {
        return anvil.url();
    }

    public long chainId() {
        return CHAIN_ID;
    }

    /** The contract run this devnet emulates; its registry names its contracts under it. */
    public ContractRun run() {
        return run;
    }

    /** The contract registry of this devnet ({@link #run()}, PROVIDER_URL = {@link #rpcUrl()}). */
    public ContractRegistry registry() {
        return registry;
    }

    /** The registry file ({@code contracts.env}) this devnet wrote. */
    public Path registryFile() {
        return registryFile;
    }

    /** The deployed addresses (registry names, positions, feeds). */
    public DeployedProtocol protocol() {
        return protocol;
    }

    /** A web3j client on this devnet for tests that call what they check; closed with it. */
    public Web3j web3j() {
        return web3j;
    }

    /** anvil's account 0, which deployed the protocol and may steer it and retwap. */
    public Credentials deployer() {
        return DevAccounts.account(0);
    }

    /**
     * The deployer's private key in {@code keeper.key} beside the registry, readable by its owner
     * only, for keeper jobs (PRIVATE_KEY_FILE); written on the first call.
     */
    public synchronized Path keeperKeyFile() {
        if (keyFile != null) {
            return keyFile;
        }
        Path key = registryFile.resolveSibling("keeper.key");
        try {
            Files.deleteIfExists(key);
            Files.createFile(
                    key,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(
                    key,
                    Numeric.toHexStringWithPrefixZeroPadded(
                                    deployer().getEcKeyPair().getPrivateKey(), 64)
                            + "\n");
            keyFile = key;
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keeper key " + key, e);
        }
    }

    /** anvil's well-known dev account i (0..9), each funded with 10000 ETH. */
    public Credentials account(int i) {
        return DevAccounts.account(i);
    }

    /** Mines n empty blocks one second apart. */
    public void mineBlocks(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n > 0) {
            rpc.mine(n, 1);
        }
    }

    /**
     * Mines an empty block at the given time (epoch seconds, after the latest block), so that an
     * outside driver (e.g. keeper jobs) can place its own transactions in simulated time.
     */
    public void advanceTo(long timestamp) {
        long latest = latestTimestamp();
        if (timestamp <= latest) {
            throw new IllegalArgumentException(
                    "timestamp " + timestamp + " is not after the latest block's " + latest);
        }
        rpc.mineAt(timestamp);
    }

    /** Moves the chain's clock forward and mines one block there. */
    public void increaseTime(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
        }
        rpc.increaseTime(seconds);
        rpc.mine(1, 1);
    }

    /** The latest block's timestamp, epoch seconds. */
    public long latestTimestamp() {
        return latestBlock().getTimestamp().longValueExact();
    }

    /** The latest block's number. */
    public long latestBlockNumber() {
        return latestBlock().getNumber().longValueExact();
    }

    private org.web3j.protocol.core.methods.response.EthBlock.Block latestBlock() {
        return chain.request(
                        "eth_getBlockByNumber(latest)",
                        w -> w.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
                .getBlock();
    }

    /** The pid of the anvil process. */
    long anvilPid() {
        return anvil.pid();
    }

    /** anvil and the guard that stops it with the JVM. */
    List<ProcessHandle> processes() {
        return anvil.processes();
    }

    /** Whether anvil still runs. */
    public boolean isRunning() {
        return anvil.isAlive();
    }

    /** Completes when anvil exits, for whatever reason. */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        return anvil.process().onExit();
    }

    /** anvil's exit status and the last lines of its log, to say why it stopped. */
    public String exitReport() {
        return anvil.exitReport();
    }

    /** Closes the keeper, stops anvil and removes a temporary state directory. Idempotent. */
    @Override
    public void close() {
        Keeper current = keeper;
        keeper = null;
        duties.shutdownNow();
        closeKeeper(current);
        web3j.shutdown();
        chain.close();
        anvil.close();
        deleteQuietly(tempDir);
    }

    private static String deployerAddress() {
        return DevAccounts.account(0).getAddress();
    }

    private static void deleteQuietly(@Nullable Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not remove the devnet directory {}: {}", dir, e.getMessage());
        }
    }
}
