package com.xpowerbanq.devnet;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import sun.misc.Signal;

/**
 * {@code ./banq devnet [--days N] [--port P] [--state-dir DIR]}: runs the devnet in the foreground
 * until Ctrl-C or SIGTERM. Prints {@code PROVIDER_URL=...}, {@code CONTRACTS_FILE=...} and {@code
 * PRIVATE_KEY_FILE=...} (the dev deployer's key, for keeper jobs) on stdout once ready.
 */
public final class DevnetMain {

    static final int EX_OK = 0;
    static final int EX_USAGE = 64;
    static final int EX_UNAVAILABLE = 69;
    static final int EX_SOFTWARE = 70;

    static final String USAGE =
            "usage: banq devnet [--days N] [--port P] [--state-dir DIR]\n"
                    + "  --days N         days of activity to simulate before serving (default 30)\n"
                    + "  --port P         loopback port for JSON-RPC (default: a free one)\n"
                    + "  --state-dir DIR  where contracts.env, keeper.key and anvil.log go"
                    + " (default var/devnet)";

    /** Parsed command line. */
    record Args(int days, int port, Path stateDir) {}

    /** A command line that cannot be run; the message says what to fix. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] argv) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-devnet.xml");
        }
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, null);
    }

    /**
     * Runs the devnet command; with a keeper factory, the simulated reindexes and retwaps are sent
     * by that keeper (banq-batch's keeper jobs) instead of the devnet's Driver.
     */
    public static int run(
            String[] argv, PrintStream out, PrintStream err, Keeper.@Nullable Factory keeper) {
        Args args;
        try {
            args = parse(argv);
        } catch (UsageException e) {
            err.println("banq devnet: " + e.getMessage());
            err.println(USAGE);
            return EX_USAGE;
        }
        if (args == null) {
            out.println(USAGE);
            return EX_OK;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        DevnetOptions options =
                DevnetOptions.defaults()
                        .withDays(args.days())
                        .withPort(args.port())
                        .withStateDir(args.stateDir());
        if (keeper != null) {
            options = options.withKeeper(keeper);
        }
        try (Devnet devnet = Devnet.start(options)) {
            Path key = devnet.keeperKeyFile();
            devnet.onExit().thenRun(stop::countDown);
            out.println("PROVIDER_URL=" + devnet.rpcUrl());
            out.println("CONTRACTS_FILE=" + devnet.registryFile().toAbsolutePath());
            out.println("PRIVATE_KEY_FILE=" + key.toAbsolutePath());
            out.flush();
            err.println("banq devnet: ready (chain id " + devnet.chainId() + "); Ctrl-C stops it");
            stop.await();
            if (!devnet.isRunning()) {
                err.println("banq devnet: anvil exited unexpectedly");
                return EX_UNAVAILABLE;
            }
            err.println("banq devnet: stopping");
            return EX_OK;
        } catch (DevnetException e) {
            err.println("banq devnet: " + e.getMessage());
            return EX_UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EX_SOFTWARE;
        } catch (RuntimeException e) {
            err.println("banq devnet: " + e);
            return EX_SOFTWARE;
        }
    }

    /** Returns null when help was asked for. */
    static @Nullable Args parse(String[] argv) throws UsageException {
        int days = DevnetOptions.DEFAULT_DAYS;
        int port = 0;
        Path stateDir = Path.of("var", "devnet");
        for (int i = 0; i < argv.length; i++) {
            String flag = argv[i];
            switch (flag) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--days" -> days = number(flag, value(argv, ++i, flag), 0, 3650);
                case "--port" -> port = number(flag, value(argv, ++i, flag), 1, 65535);
                case "--state-dir" -> stateDir = Path.of(value(argv, ++i, flag));
                default -> throw new UsageException("unknown argument '" + flag + "'");
            }
        }
        return new Args(days, port, stateDir.toAbsolutePath());
    }

    private static String value(String[] argv, int i, String flag) throws UsageException {
        if (i >= argv.length || argv[i].startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return argv[i];
    }

    private static int number(String flag, String text, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new UsageException(
                        flag + " must be in " + min + ".." + max + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + text + "'");
        }
    }

    private DevnetMain() {}
}
