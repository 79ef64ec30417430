package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.SeriesDatabaseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunk writer on a real series database file. */
class RawLogStoreTest {
    private static final String CONTRACT = "0x47b36e824631e97e94d462f822181ed08a459384";

    @TempDir Path dir;

    private final Series series = Catalogue.parse("APOW:supply:P000");

    @Test
    void aV10bStoreRefusesTheDatabaseOfAV10aScanAndLeavesItsRows() throws Exception {
        // given: the series database a v10a scan wrote
        Path file = dir.resolve(series.stateFile());
        try (RawLogStore store = RawLogStore.open(file, Kind.RI, ContractRun.V10A)) {
            store.write(WriterBench.generate(series, 16), new WindowEnd(1015, 31337, CONTRACT));
        }

        // then: a scan configured with CONTRACT_RUN=v10b does not write into it
        assertThatThrownBy(() -> RawLogStore.open(file, Kind.RI, ContractRun.V10B))
                .hasRootCauseInstanceOf(SeriesDatabaseException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("contract run v10a")
                .hasMessageContaining("contract run v10b");
        assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs")).isEqualTo(16);
        try (RawLogStore store = RawLogStore.open(file, Kind.RI, ContractRun.V10A)) {
            assertThat(store.lastBlock(31337, CONTRACT)).hasValue(1015);
        }
    }

    @Test
    void rowsAndProgressAreWrittenTogetherAndAReplayWritesNothing() throws Exception {
        List<SeriesRow> rows = WriterBench.generate(series, 40);
        Path file = dir.resolve(series.stateFile());
        Path wal = dir.resolve(series.stateFile() + "-wal");
        try (RawLogStore store = RawLogStore.open(file, Kind.RI);
                // an API reader keeps the file open, so closing the store is not the last close
                Connection reader = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            assertThat(store.write(rows.subList(0, 16), new WindowEnd(1015, 31337, CONTRACT)))
                    .isEqualTo(16);
            assertThat(store.write(rows.subList(16, 40), new WindowEnd(1039, 31337, CONTRACT)))
                    .isEqualTo(24);

            // a chunk replayed after a crash
            assertThat(store.write(rows.subList(16, 32), new WindowEnd(1031, 31337, CONTRACT)))
                    .isZero();

            assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs")).isEqualTo(40);
            assertThat(store.lastBlock(31337, CONTRACT)).hasValue(1031);
            assertThat(Files.size(wal)).isPositive();

            try (Statement s = reader.createStatement();
                    ResultSet rs = s.executeQuery("SELECT sum(n) FROM daily_rollup")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(40);
            }

            // closing gives the WAL's space back (it may grow to journal_size_limit while writing)
            store.close();
            assertThat(Files.exists(wal) ? Files.size(wal) : 0).isZero();
        }
    }

    @Test
    void anEventTheOriginalWroteUnderAnotherIdIsNotWrittenAgain() throws Exception {
        // given: a database of the original system holding the first event under its own id
        Path file = dir.resolve(series.stateFile());
        List<SeriesRow> rows = WriterBench.generate(series, 3);
        try (Connection legacy = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            LegacySchema.create(legacy, Kind.RI);
            try (PreparedStatement insert =
                    legacy.prepareStatement("INSERT INTO raw_logs(id, json) VALUES (?, ?)")) {
                insert.setString(1, "legacy-uuid");
                insert.setString(2, rows.get(0).json().replace(rows.get(0).id(), "legacy-uuid"));
                insert.executeUpdate();
            }
        }

        // when: the writer migrates it and writes the same events under our ids
        try (RawLogStore store = RawLogStore.open(file, Kind.RI)) {
            // then: only the two events the database did not hold are added
            assertThat(store.write(rows, new WindowEnd(1002, 31337, CONTRACT))).isEqualTo(2);
        }
        assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs")).isEqualTo(3);
        assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs WHERE id = 'legacy-uuid'"))
                .isEqualTo(1);
    }

    @Test
    void progressOfAnotherChainOrContractIsIgnored() {
        Path file = dir.resolve(series.stateFile());
        try (RawLogStore store = RawLogStore.open(file, Kind.RI)) {
            store.write(List.of(), new WindowEnd(500, 31337, CONTRACT));

            assertThat(store.lastBlock(31337, CONTRACT.toUpperCase().replace("0X", "0x")))
                    .hasValue(500);
            assertThat(store.lastBlock(43114, CONTRACT)).isEmpty();
            assertThat(store.lastBlock(31337, "0x" + "1".repeat(40))).isEmpty();
        }
    }
}
