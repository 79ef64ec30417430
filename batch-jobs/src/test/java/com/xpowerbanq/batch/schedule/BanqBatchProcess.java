package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.BanqBatchApplication;
import com.xpowerbanq.batch.keeper.BatchContexts;
import com.xpowerbanq.devnet.Devnet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * banq-batch as a child JVM on the test's class path, as an operator runs it: on a devnet, with a
 * state directory, its output in a file, and only the environment given (no signing key unless
 * {@code environment} names one).
 */
public final class BanqBatchProcess {
    private BanqBatchProcess() {}

    public static Process start(
            Devnet devnet,
            Path state,
            Map<String, String> environment,
            Path output,
            List<String> arguments)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BanqBatchApplication.class.getName());
        command.addAll(arguments);
        command.addAll(BatchContexts.options(devnet.rpcUrl(), devnet.registryFile(), state));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().remove("PRIVATE_KEY");
        builder.environment().remove("PRIVATE_KEY_FILE");
        // serve's management port: a free one unless given, as tests of several builds may run
        // on one machine at once
        builder.environment().put(MANAGEMENT_PORT, String.valueOf(freePort()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static final String MANAGEMENT_PORT = "BANQ_MANAGEMENT_PORT";

    /** A loopback port nothing listens on now. */
    public static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
