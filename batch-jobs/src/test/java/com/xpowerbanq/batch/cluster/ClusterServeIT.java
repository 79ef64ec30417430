package com.xpowerbanq.batch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.xpowerbanq.batch.keeper.KeeperDevnet;
import com.xpowerbanq.batch.schedule.BanqBatchProcess;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Two {@code banq-batch serve} daemons, host-a and host-b, as child JVMs sharing one real
 * PostgreSQL (job repository and clustered Quartz store) against the devnet, on a fast schedule:
 * each keeper fire runs on exactly one of them; when the host running a keeper execution is killed
 * with SIGKILL the other takes over its fire and the following ones, completes the interrupted
 * execution once, and the chain shows one Reindex per position per fire: none doubled, none
 * skipped. The index job runs on both, each into its own series databases.
 */
class ClusterServeIT {
    private static final List<String> SERIES =
            List.of("APOW:supply:P000", "XPOW:supply:P000", "APOW:borrow:P000", "XPOW:borrow:P000");
    private static final int PERIOD_SECONDS = 10;
    private static final Pattern FIRE =
            Pattern.compile(
                    "reindex: fired \\((\\w+), due (\\S+), delayed \\d+ ms\\), execution (\\d+) (\\w+)");

    @TempDir static Path shared;
    static Devnet devnet;
    static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start();
        devnet =
                Devnet.start(
                        DevnetOptions.defaults()
                                .withDays(0)
                                .withStateDir(shared.resolve("devnet")));
    }

    @AfterAll
    static void stop() {
        if (devnet != null) {
            devnet.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachFireRunsOnceAndADeadHostsFireIsTakenOver() throws Exception {
        Path keyFile = KeeperDevnet.keyFile(shared, devnet.account(3));
        long fromBlock = devnet.latestBlockNumber() + 1;
        Map<String, Process> daemons = new HashMap<>();
        Map<String, Path> logs = new TreeMap<>();
        // a block a second and one series at a time: a keeper run lasts a few seconds, so the
        // kill below lands in the middle of one
        KeeperDevnet.blockTime(devnet.rpcUrl(), 1);
        try {
            for (String host : List.of("host-a", "host-b")) {
                logs.put(host, shared.resolve(host + ".log"));
                daemons.put(host, serve(host, keyFile, logs.get(host)));
            }

            // given: two keeper fires done by the cluster
            await("two reindex fires completed across both hosts")
                    .atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> completedFires(logs).size() >= 2);

            // when: the host running the next keeper execution dies mid-run
            String victim =
                    await("a reindex execution running with one series kept")
                            .atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(200))
                            .until(ClusterServeIT::hostRunningReindexMidway, h -> h != null);
            long interrupted = runningReindexExecution();
            daemons.get(victim).destroyForcibly();
            assertThat(daemons.get(victim).waitFor(30, TimeUnit.SECONDS)).isTrue();
            Instant killed = Instant.now();
            String survivor = victim.equals("host-a") ? "host-b" : "host-a";

            // then: the survivor completes the interrupted execution's instance once, in time
            await("the interrupted execution " + interrupted + " restarted and completed")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> completedRestartOf(interrupted) != null);
            Duration takeover = Duration.between(killed, Instant.now());
            assertThat(hostOf(completedRestartOf(interrupted))).isEqualTo(survivor);
            int firesBefore = completedFires(logs).size();
            // stopped between two fires, so that no run is cut short by the shutdown
            await("one more fire on the survivor, then none running")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () ->
                                    completedFires(logs).size() >= firesBefore + 1
                                            && runningReindexExecution() == 0);
            daemons.get(survivor).destroy();
            assertThat(daemons.get(survivor).waitFor(90, TimeUnit.SECONDS)).isTrue();
            System.out.println(
                    "takeover of a killed host's fire within " + takeover.toMillis() + " ms");
            assertThat(takeover).isLessThan(Duration.ofSeconds(60));
        } finally {
            KeeperDevnet.blockTime(devnet.rpcUrl(), 0);
            daemons.values().forEach(Process::destroyForcibly);
        }

        // each fire once across both logs, one after another: none skipped (the first may be a
        // start-up's catch-up of a fire missed before the cluster existed)
        List<Fire> fires = completedFires(logs);
        Map<String, Long> dues =
                fires.stream().collect(Collectors.groupingBy(Fire::due, Collectors.counting()));
        assertThat(dues).allSatisfy((due, count) -> assertThat(count).as(due).isEqualTo(1));
        List<Instant> cronDues =
                fires.stream()
                        .filter(f -> !f.trigger().equals("missed"))
                        .map(f -> Instant.parse(f.due()))
                        .sorted()
                        .toList();
        for (int i = 1; i < cronDues.size(); i++) {
            assertThat(Duration.between(cronDues.get(i - 1), cronDues.get(i)))
                    .as("fires after %s", cronDues.get(i - 1))
                    .isLessThanOrEqualTo(Duration.ofSeconds(PERIOD_SECONDS));
        }
        assertThat(fires).anyMatch(f -> f.trigger().equals("recovered"));

        // the job repository agrees: one instance per fire, every instance completed
        assertThat(countOf("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'reindex'"))
                .isEqualTo(fires.size());
        assertThat(
                        countOf(
                                "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE I WHERE JOB_NAME = 'reindex'"
                                        + " AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION E"
                                        + " WHERE E.JOB_INSTANCE_ID = I.JOB_INSTANCE_ID"
                                        + " AND E.STATUS = 'COMPLETED')"))
                .isZero();

        // and the chain: one Reindex per position per fire, never two
        Map<String, Long> perPosition =
                KeeperDevnet.reindexLogs(devnet, fromBlock).stream()
                        .collect(
                                Collectors.groupingBy(
                                        (Log log) -> log.getAddress().toLowerCase(),
                                        TreeMap::new,
                                        Collectors.counting()));
        assertThat(perPosition).hasSize(SERIES.size());
        assertThat(perPosition)
                .allSatisfy((position, count) -> assertThat(count).isEqualTo((long) fires.size()));

        // status names the host of each execution: the interrupted one, the survivor's restart
        Path status = shared.resolve("status.txt");
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.put("BANQ_HOST", "host-a");
        Process listing =
                BanqBatchProcess.start(
                        devnet, shared.resolve("host-a"), environment, status, List.of("status"));
        assertThat(listing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(listing.exitValue()).isZero();
        String printed = Files.readString(status);
        assertThat(printed).containsPattern("execution \\d+  FAILED .* on host-[ab]");
        assertThat(printed).containsPattern("execution \\d+  COMPLETED .* on host-[ab]");

        // the index job ran on both hosts, each into its own series databases
        for (String host : logs.keySet()) {
            assertThat(
                            countOf(
                                    "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS P JOIN"
                                            + " BATCH_JOB_EXECUTION E USING (JOB_EXECUTION_ID)"
                                            + " JOIN BATCH_JOB_INSTANCE I USING (JOB_INSTANCE_ID)"
                                            + " WHERE I.JOB_NAME = 'reindex-watch' AND"
                                            + " P.PARAMETER_NAME = 'host' AND P.PARAMETER_VALUE = '"
                                            + host
                                            + "' AND E.STATUS = 'COMPLETED'"))
                    .as(host)
                    .isPositive();
            assertThat(Files.list(shared.resolve(host)).map(p -> p.getFileName().toString()))
                    .as(host)
                    .contains("ri-APOW:supply:P000.db");
        }
    }

    private static Process serve(String host, Path keyFile, Path output) throws Exception {
        Map<String, String> environment = new HashMap<>(postgres.environment());
        environment.put("BANQ_HOST", host);
        environment.put("BANQ_CLUSTER_CHECKIN_INTERVAL", "1s");
        environment.put("PRIVATE_KEY_FILE", keyFile.toString());
        String series = String.join(",", SERIES);
        return BanqBatchProcess.start(
                devnet,
                shared.resolve(host),
                environment,
                output,
                List.of(
                        "serve",
                        "--banq.keeper.workers=1",
                        "--banq.prune.enabled=false",
                        "--banq.schedule.jitter=0s",
                        "--banq.schedule.reindex.cron=*/" + PERIOD_SECONDS + " * * * * ?",
                        "--banq.schedule.reindex.parameters.series=" + series,
                        "--banq.schedule.reindex.parameters.broadcast=true",
                        "--banq.schedule.reindex-watch.cron=5/" + PERIOD_SECONDS + " * * * * ?",
                        "--banq.schedule.reindex-watch.parameters.series=" + series,
                        "--banq.schedule.reindex-watch.parameters.to=latest",
                        "--banq.schedule.retwap.enabled=false",
                        "--banq.schedule.retwap-watch.enabled=false"));
    }

    private record Fire(String trigger, String due, long execution, String status) {}

    /** The reindex fires both daemons logged as completed. */
    private static List<Fire> completedFires(Map<String, Path> logs) throws Exception {
        List<Fire> fires = new ArrayList<>();
        for (Path log : logs.values()) {
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log)) {
                Matcher fire = FIRE.matcher(line);
                if (fire.find() && fire.group(4).equals("COMPLETED")) {
                    fires.add(
                            new Fire(
                                    fire.group(1),
                                    fire.group(2),
                                    Long.parseLong(fire.group(3)),
                                    fire.group(4)));
                }
            }
        }
        return fires;
    }

    /** The host of the reindex execution running now, once it has kept one series. */
    private static String hostRunningReindexMidway() {
        return stringOf(
                "SELECT H.HOST FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE I USING"
                        + " (JOB_INSTANCE_ID) JOIN BANQ_EXECUTION_HOST H USING (JOB_EXECUTION_ID)"
                        + " WHERE I.JOB_NAME = 'reindex' AND E.STATUS = 'STARTED' AND EXISTS"
                        + " (SELECT 1 FROM BATCH_STEP_EXECUTION S WHERE S.JOB_EXECUTION_ID ="
                        + " E.JOB_EXECUTION_ID AND S.STEP_NAME LIKE 'reindex.series:%' AND"
                        + " S.STATUS = 'COMPLETED')");
    }

    private static long runningReindexExecution() {
        return countOf(
                "SELECT COALESCE(MAX(E.JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION E JOIN BATCH_JOB_INSTANCE"
                        + " I USING (JOB_INSTANCE_ID) WHERE I.JOB_NAME = 'reindex' AND E.STATUS ="
                        + " 'STARTED'");
    }

    /** The completed execution of the interrupted one's instance, null until there is one. */
    private static Long completedRestartOf(long interrupted) {
        long id =
                countOf(
                        "SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0) FROM BATCH_JOB_EXECUTION WHERE"
                                + " STATUS = 'COMPLETED' AND JOB_INSTANCE_ID = (SELECT"
                                + " JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID"
                                + " = "
                                + interrupted
                                + ")");
        return id == 0 ? null : id;
    }

    private static String hostOf(long execution) {
        return stringOf(
                "SELECT HOST FROM BANQ_EXECUTION_HOST WHERE JOB_EXECUTION_ID = " + execution);
    }

    private static long countOf(String sql) {
        String value = stringOf(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String stringOf(String sql) {
        try (Connection connection = postgres.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            return null; // the schema is not there yet: ask again
        }
    }
}
