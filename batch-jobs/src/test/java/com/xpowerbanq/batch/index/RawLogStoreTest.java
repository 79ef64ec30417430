package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chunk writer on a real series database file. */
class RawLogStoreTest {
    private static final String CONTRACT = "0x47b36e824631e97e94d462f822181ed08a459384";

    @TempDir Path dir;

    private final Series series = Catalogue.parse("APOW:supply:P000");

    @Test
    void rowsAndProgressAreWrittenTogetherAndAReplayWritesNothing() {
        List<SeriesRow> rows = WriterBench.generate(series, 40);
        Path file = dir.resolve(series.stateFile());
        try (RawLogStore store = RawLogStore.open(file, Kind.RI)) {
            assertThat(store.write(rows.subList(0, 16), new WindowEnd(1015, 31337, CONTRACT)))
                    .isEqualTo(16);
            assertThat(store.write(rows.subList(16, 40), new WindowEnd(1039, 31337, CONTRACT)))
                    .isEqualTo(24);

            // a chunk replayed after a crash
            assertThat(store.write(rows.subList(16, 32), new WindowEnd(1031, 31337, CONTRACT)))
                    .isZero();

            assertThat(ChainTruth.count(file, "SELECT count(*) FROM raw_logs")).isEqualTo(40);
            assertThat(store.lastBlock(31337, CONTRACT)).hasValue(1031);
        }
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
