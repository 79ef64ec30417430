package com.xpowerbanq.batch.devnet;

import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetException;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * A devnet served in the foreground: started, announced by its {@code PROVIDER_URL=}, {@code
 * CONTRACTS_FILE=}, {@code PRIVATE_KEY_FILE=} and {@code CONTRACT_RUN=} lines on stdout, kept until
 * SIGINT or SIGTERM, or until anvil exits on its own.
 */
final class ForegroundDevnet {
    private final PrintStream out;
    private final PrintStream err;

    ForegroundDevnet(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode serve(DevnetOptions options) {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try (Devnet devnet = Devnet.start(options)) {
            devnet.onExit().thenRun(stop::countDown);
            out.println("PROVIDER_URL=" + devnet.rpcUrl());
            out.println("CONTRACTS_FILE=" + devnet.registryFile().toAbsolutePath());
            out.println("PRIVATE_KEY_FILE=" + devnet.keeperKeyFile().toAbsolutePath());
            out.println("CONTRACT_RUN=" + devnet.run().id());
            out.flush();
            err.println("banq devnet: ready (chain id " + devnet.chainId() + "); Ctrl-C stops it");
            stop.await();
            if (!devnet.isRunning()) {
                err.println("banq devnet: anvil exited unexpectedly: " + devnet.exitReport());
                return ExitCode.UNAVAILABLE;
            }
            err.println("banq devnet: stopping");
            return ExitCode.OK;
        } catch (DevnetException e) {
            err.println("banq devnet: " + e.getMessage());
            return ExitCode.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERNAL;
        } catch (RuntimeException e) {
            err.println("banq devnet: " + e);
            return ExitCode.INTERNAL;
        }
    }
}
