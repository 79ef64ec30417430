package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.Row;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtMidRow;
import com.xpowerbanq.schema.row.RtRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What the devnet emitted, asked with web3j's own eth_getLogs (not the code under test) under the
 * topics of the devnet's contract run, and what a series database holds, in the same shape so the
 * two compare by equality.
 */
final class ChainTruth {

    /** An event's identity and content. */
    record Event(
            long block, int index, String blockHash, String tx, String data, List<String> topics) {}

    private final Devnet devnet;

    ChainTruth(Devnet devnet) {
        this.devnet = devnet;
    }

    List<Event> events(Series series) {
        try {
            EthFilter filter =
                    new EthFilter(
                            DefaultBlockParameter.valueOf(BigInteger.ZERO),
                            DefaultBlockParameterName.LATEST,
                            emitter(series));
            switch (series) {
                case RiSeries ri ->
                        filter.addSingleTopic(Hash.sha3String(ContractRun.REINDEX_SIGNATURE));
                case RtSeries rt -> {
                    filter.addSingleTopic(Hash.sha3String(devnet.run().refreshSignature()));
                    filter.addSingleTopic(topic(token(rt.source().name())));
                    filter.addSingleTopic(topic(token(rt.target().name())));
                }
            }
            List<Event> events = new ArrayList<>();
            for (EthLog.LogResult<?> r : devnet.web3j().ethGetLogs(filter).send().getLogs()) {
                Log log = (Log) r.get();
                events.add(
                        new Event(
                                log.getBlockNumber().longValueExact(),
                                log.getLogIndex().intValueExact(),
                                log.getBlockHash(),
                                log.getTransactionHash(),
                                log.getData(),
                                log.getTopics()));
            }
            events.sort(Comparator.comparingLong(Event::block).thenComparingInt(Event::index));
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String emitter(Series series) throws IOException {
        return switch (series) {
            case RiSeries ri -> {
                Function f =
                        new Function(
                                ri.mode().label() + "Of",
                                List.of(new Address(token(ri.token().name()))),
                                List.of(new TypeReference<Address>() {}));
                String result =
                        devnet.web3j()
                                .ethCall(
                                        Transaction.createEthCallTransaction(
                                                null,
                                                address(ri.pool().id()),
                                                FunctionEncoder.encode(f)),
                                        DefaultBlockParameterName.LATEST)
                                .send()
                                .getValue();
                yield FunctionReturnDecoder.decode(result, f.getOutputParameters())
                        .get(0)
                        .toString();
            }
            case RtSeries rt -> address(rt.oracle().id());
        };
    }

    private String token(String name) {
        return address(name);
    }

    private String address(String name) {
        return devnet.registry().address(name, devnet.run().id()).orElseThrow();
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
    }

    /**
     * The database of the series in the state directory holds exactly the events the chain emitted
     * for it, in order, each once, with its id.
     */
    void assertStoresExactly(Path state, Series series) {
        List<Event> expected = events(series);
        assertThat(expected).as("events of %s on the devnet", series.instanceId()).isNotEmpty();
        assertThat(stored(state.resolve(series.stateFile()), devnet.chainId(), devnet.run()))
                .as("rows of %s", series.instanceId())
                .containsExactlyElementsOf(expected);
    }

    /** The events a v10a series database holds, each row read as its typed row, checking its id. */
    static List<Event> stored(Path file, long chainId) {
        return stored(file, chainId, ContractRun.V10A);
    }

    /** The events a series database of the run holds, read as its typed rows, checking ids. */
    static List<Event> stored(Path file, long chainId, ContractRun run) {
        Class<? extends Row> kind =
                Catalogue.fromStateFile(file.getFileName().toString()).kind() == Kind.RI
                        ? RiRow.class
                        : run.packed() ? RtMidRow.class : RtRow.class;
        List<Event> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT id, json FROM raw_logs ORDER BY ev_block, ev_index")) {
            while (rs.next()) {
                Row row = RowJson.read(rs.getString(2), kind);
                LogJson log = row.log();
                Event event =
                        new Event(
                                log.blockNumber(),
                                log.index(),
                                log.blockHash(),
                                log.transactionHash(),
                                log.data(),
                                log.topics());
                String expectedId = EventId.of(chainId, event.blockHash(), event.index());
                if (!rs.getString(1).equals(expectedId) || !row.id().equals(expectedId)) {
                    throw new AssertionError("row id " + rs.getString(1) + " is not " + expectedId);
                }
                events.add(event);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return events;
    }

    static long count(Path file, String sql) {
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + file + ": " + sql, e);
        }
    }
}
