package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.SeriesDatabase;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.utils.Numeric;

/**
 * For each contract run, one small devnet of that run: reindex-watch and retwap-watch over all 42
 * series write exactly the events the chain emitted under the run's topics (count and content,
 * against eth_getLogs), and each row's values are what the CLI's formulas give for its log's data,
 * computed here from the raw words: on v10b/v10c the index_log as emitted and the packed quote cut
 * into mid, rel and utc; on v10a the quote tuple as bid, ask and time. Each database records the
 * run it was written for.
 */
class EveryRunIndexJobsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U48 = BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE);

    @TempDir Path state;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContractRun.class)
    void watchJobsWriteExactlyTheEventsOfTheRun(ContractRun run) {
        try (Devnet devnet = Devnet.start(DevnetOptions.defaults().withDays(1).withRun(run));
                ConfigurableApplicationContext app = app(devnet, run)) {
            // when: both watch jobs over every series, from deployment
            JobRunner runner = app.getBean(JobRunner.class);
            Map<String, String> all = Map.of("series", "all", "from", "deploy");
            assertThat(runner.run(JobNames.REINDEX_WATCH, all).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(runner.run(JobNames.RETWAP_WATCH, all).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);

            // then: exactly the chain's events, and each row's values from its log's words
            ChainTruth truth = new ChainTruth(devnet);
            for (RiSeries series : Catalogue.ri()) {
                truth.assertStoresExactly(state, series);
                assertRecordsTheRun(state.resolve(series.stateFile()), run);
                for (JsonNode row : rows(state.resolve(series.stateFile()))) {
                    List<BigInteger> words = words(row);
                    assertThat(number(row, run.packed() ? "index_log" : "index_ray"))
                            .as("%s index", series.instanceId())
                            .isEqualTo(words.get(0));
                    assertThat(number(row, "util_wad")).isEqualTo(words.get(1));
                    assertThat(number(row, "stamp")).isEqualTo(words.get(2));
                }
            }
            for (RtSeries series : Catalogue.rt()) {
                truth.assertStoresExactly(state, series);
                assertRecordsTheRun(state.resolve(series.stateFile()), run);
                for (JsonNode row : rows(state.resolve(series.stateFile()))) {
                    assertQuoteOfItsLog(row, run, series);
                }
            }
        }
    }

    private static void assertQuoteOfItsLog(JsonNode row, ContractRun run, RtSeries series) {
        List<BigInteger> words = words(row);
        String what = series.instanceId() + " quote";
        if (run.packed()) {
            assertThat(words).as("%s is one word", what).hasSize(1);
            BigInteger word = words.get(0);
            assertThat(number(row, "quote_mid")).as(what).isEqualTo(word.shiftRight(128));
            assertThat(number(row, "quote_rel")).as(what).isEqualTo(word.shiftRight(64).and(U64));
            assertThat(number(row, "quote_utc")).as(what).isEqualTo(word.shiftRight(16).and(U48));
            assertThat(number(row, "quote_utc").longValueExact())
                    .as("%s time", what)
                    .isGreaterThan(1_600_000_000L);
        } else {
            assertThat(number(row, "quote_bid")).as(what).isEqualTo(words.get(0));
            assertThat(number(row, "quote_ask")).as(what).isEqualTo(words.get(1));
            assertThat(number(row, "quote_time")).as(what).isEqualTo(words.get(2));
        }
    }

    private static void assertRecordsTheRun(Path file, ContractRun run) {
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            assertThat(SeriesDatabase.runOf(c)).as("run recorded in %s", file).isEqualTo(run);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private ConfigurableApplicationContext app(Devnet devnet, ContractRun run) {
        return CommandLine.start(
                "--state-dir=" + state,
                "--banq.chain.provider-url=" + devnet.rpcUrl(),
                "--banq.chain.contracts-file=" + devnet.registryFile(),
                "--banq.chain.contract-run=" + run.id());
    }

    /** The 32-byte words of the row's log data, as the chain gave them. */
    private static List<BigInteger> words(JsonNode row) {
        String data = Numeric.cleanHexPrefix(row.get("log").get("data").asText());
        List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i < data.length(); i += 64) {
            words.add(new BigInteger(data.substring(i, i + 64), 16));
        }
        return words;
    }

    /** A field the rows write as a decimal with a trailing n ("123n"). */
    private static BigInteger number(JsonNode row, String field) {
        String text = row.get(field).asText();
        assertThat(text).as(field).endsWith("n");
        return new BigInteger(text.substring(0, text.length() - 1));
    }

    private static List<JsonNode> rows(Path file) {
        List<JsonNode> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT json FROM raw_logs ORDER BY ev_block, ev_index")) {
            while (rs.next()) {
                rows.add(JSON.readTree(rs.getString(1)));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return rows;
    }
}
