package com.xpowerbanq.batch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.devnet.SteadyActivity;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * {@code ./banq devnet}'s simulation: the market moves on the devnet, and every Reindex and Refresh
 * event of the simulated day comes from a transaction that the keeper jobs sent, signed with the
 * devnet's keeper key straight to the position or oracle, in simulated time; on the v10a run here,
 * on a packed run in {@link KeeperDrivenPackedDevnetIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeeperDrivenDevnetIT {
    private Devnet devnet;
    private String reindex;
    private String refresh;

    /** The contract run the devnet emulates. */
    ContractRun run() {
        return ContractRun.V10A;
    }

    @BeforeAll
    void simulateOneDayWithTheKeeperJobs(@TempDir Path dir) throws Exception {
        // given: the job repository an earlier devnet left in the same state directory
        Path stale = dir.resolve("devnet").resolve("keeper-jobs");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("banq-batch.db"), "executions of a chain that is gone");

        reindex = Hash.sha3String(ContractRun.REINDEX_SIGNATURE);
        refresh = Hash.sha3String(run().refreshSignature());
        devnet =
                Devnet.start(
                        DevnetOptions.defaults()
                                .withRun(run())
                                .withDays(1)
                                .withStateDir(dir.resolve("devnet"))
                                .withKeeper(
                                        d ->
                                                KeeperJobsKeeper.open(
                                                        d, KeeperJobsKeeper.jobsDir(d))));
    }

    @AfterAll
    void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    void everyPositionIsReindexedByTheKeeperFourTimesADay() throws Exception {
        for (RiSeries series : Catalogue.ri()) {
            // given
            String position = devnet.protocol().position(series.instanceId());

            // when
            List<Log> logs = logs(position, reindex);

            // then: sent to the position itself (not through the devnet's Driver) by the keeper
            assertThat(logs).as(series.instanceId()).hasSize(4);
            for (Log log : logs) {
                assertSentByTheKeeperTo(log, position);
                long stamp = new BigInteger(log.getData().substring(2 + 128), 16).longValueExact();
                assertThat(stamp % SteadyActivity.REINDEX_EVERY)
                        .as("seconds after the planned 00:30/06:30/12:30/18:30")
                        .isBetween(
                                SteadyActivity.REINDEX_OFFSET, SteadyActivity.REINDEX_OFFSET + 30);
            }
        }
    }

    @Test
    void everyPairIsRetwappedByTheKeeperTwelveTimesADay() throws Exception {
        for (RtSeries series : Catalogue.rt()) {
            // given
            String oracle = devnet.protocol().address(series.oracle().id());
            String source = devnet.protocol().address(series.source().name());
            String target = devnet.protocol().address(series.target().name());

            // when
            List<Log> logs =
                    logs(oracle, refresh).stream()
                            .filter(log -> topicAddress(log, 1).equalsIgnoreCase(source))
                            .filter(log -> topicAddress(log, 2).equalsIgnoreCase(target))
                            .toList();

            // then: the first retwap set the pair's first quote, the others moved it
            assertThat(logs).as(series.instanceId()).hasSize(12);
            for (Log log : logs) {
                assertSentByTheKeeperTo(log, oracle);
            }
        }
    }

    @Test
    void eachDutyWasOneCompletedRunOfTheKeeperJob() throws Exception {
        // when
        Map<String, Integer> runs = completedRuns(KeeperJobsKeeper.jobsDir(devnet));

        // then: 4 reindex steps and 12 retwap steps in the day
        assertThat(runs).containsEntry("reindex", 4).containsEntry("retwap", 12);
    }

    private void assertSentByTheKeeperTo(Log log, String contract) throws Exception {
        Transaction tx =
                devnet.web3j()
                        .ethGetTransactionByHash(log.getTransactionHash())
                        .send()
                        .getTransaction()
                        .orElseThrow();
        assertThat(tx.getFrom()).isEqualToIgnoringCase(devnet.deployer().getAddress());
        assertThat(tx.getTo()).isEqualToIgnoringCase(contract);
    }

    private List<Log> logs(String address, String topic) throws Exception {
        Web3j web3j = devnet.web3j();
        EthFilter filter =
                new EthFilter(
                                DefaultBlockParameter.valueOf(BigInteger.ZERO),
                                DefaultBlockParameterName.LATEST,
                                address)
                        .addSingleTopic(topic);
        return web3j.ethGetLogs(filter).send().getLogs().stream()
                .map(result -> (Log) ((EthLog.LogObject) result).get())
                .toList();
    }

    private static String topicAddress(Log log, int i) {
        return "0x" + log.getTopics().get(i).substring(26);
    }

    private static Map<String, Integer> completedRuns(Path jobs) throws Exception {
        Map<String, Integer> runs = new TreeMap<>();
        String sql =
                "select i.JOB_NAME, count(*) from BATCH_JOB_EXECUTION e join BATCH_JOB_INSTANCE i"
                        + " on e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID where e.STATUS = 'COMPLETED'"
                        + " group by i.JOB_NAME";
        try (Connection c =
                        DriverManager.getConnection(
                                "jdbc:sqlite:" + jobs.resolve("banq-batch.db"));
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                runs.put(rs.getString(1), rs.getInt(2));
            }
        }
        return runs;
    }
}
