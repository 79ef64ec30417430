package com.xpowerbanq.infra;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real banq-batch jar running {@code serve} as banq-batch.service runs it (its JVM flags), with
 * its management port on a free loopback port and its chain a loopback port nobody answers on: the
 * daemon starts, serves its metrics, and asks nothing beyond this host.
 */
record BatchServeProcess(Process process, Path log, int managementPort) implements AutoCloseable {

    /** Starts the daemon, or skips the calling test when the jar has not been built. */
    static BatchServeProcess start(Path workDir) throws IOException {
        Path jar =
                Path.of(
                        System.getProperty(
                                "banq.batch.jar",
                                Repository.root()
                                        .resolve("batch-jobs/target/banq-batch.jar")
                                        .toString()));
        assumeThat(Files.isRegularFile(jar))
                .as("%s is not built: build it with `./banq build` or mvn verify", jar)
                .isTrue();
        int managementPort = LoopbackNginx.freePort();
        int deadChain = LoopbackNginx.freePort();
        Path log = workDir.resolve("banq-batch.log");
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(
                SystemdUnitsTest.javaOpts(
                        Files.readString(Repository.infra("systemd", "banq-batch.service"))));
        argv.addAll(
                List.of(
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--state-dir",
                        Files.createDirectories(workDir.resolve("banq")).toString()));
        ProcessBuilder builder =
                new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("PRIVATE_KEY");
        builder.environment().remove("PRIVATE_KEY_FILE");
        builder.environment().put("BANQ_LOG_JOURNAL", "false");
        builder.environment().put("BANQ_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().put("PROVIDER_URL", "http://127.0.0.1:" + deadChain);
        return new BatchServeProcess(builder.start(), log, managementPort);
    }

    /** What the daemon printed, for failure messages. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as systemd stops it; killed when it has not stopped within a minute. */
    @Override
    public void close() throws Exception {
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            process.destroyForcibly();
        }
    }
}
