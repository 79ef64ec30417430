package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading events back in (block, log index) order, from legacy and current databases alike. */
class SeriesEventsTest {
    @TempDir Path dir;

    private static Event event(long block, int index) {
        return Event.of(
                block, index, 1_700_000_000L + block, Event.E18, Event.E18.add(BigInteger.ONE));
    }

    @Test
    void aLegacyDatabaseGivesItsStoredJsonInBlockAndLogIndexOrderWithinTheBlocksAsked()
            throws Exception {
        // given: rows written out of order, one as the original CLI wrote RT quotes
        Event a = event(10, 0);
        Event b = event(10, 1);
        Event c = event(12, 0);
        Event d = event(15, 3);
        Path file = dir.resolve("rt-XPOW_APOW:T000.db");
        Db.legacy(
                file,
                Kind.RT,
                List.of(d.json(Kind.RT), b.legacyRtJson(), c.json(Kind.RT), a.json(Kind.RT)));

        try (Connection connection = Db.plain(file)) {
            // when
            List<String> all = new ArrayList<>();
            long count = SeriesEvents.forEachJson(connection, 0, Long.MAX_VALUE, all::add);
            List<String> some = new ArrayList<>();
            SeriesEvents.forEachJson(connection, 10, 12, some::add);

            // then
            assertThat(count).isEqualTo(4);
            assertThat(all)
                    .containsExactly(
                            a.json(Kind.RT), b.legacyRtJson(), c.json(Kind.RT), d.json(Kind.RT));
            assertThat(some).containsExactly(a.json(Kind.RT), b.legacyRtJson(), c.json(Kind.RT));
            assertThat(SeriesEvents.lastBlock(connection)).hasValue(15);
            assertThat(SeriesDatabase.inspect(connection)).isEqualTo(SchemaState.LEGACY);
        }
    }

    @Test
    void aDatabaseWithoutEventsHasNoLastBlock() throws Exception {
        try (Connection connection = SeriesDatabase.openWriter(dir.resolve("ri.db"), Kind.RI)) {
            assertThat(SeriesEvents.lastBlock(connection)).isEmpty();
            assertThat(SeriesEvents.forEachJson(connection, 0, 100, json -> {})).isZero();
        }
    }
}
