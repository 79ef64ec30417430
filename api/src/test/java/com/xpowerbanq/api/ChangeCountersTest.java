package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counters read through files kept open are those read by opening the files afresh, after every
 * commit and after SQLite made a new {@code -shm}.
 */
class ChangeCountersTest {
    @TempDir Path dir;

    @Test
    void keptOpenCountersFollowEveryCommitAndANewShm() throws Exception {
        Path file = dir.resolve("ri_x.db");
        Path wal = dir.resolve("ri_x.db-wal");
        try (ChangeCounters kept = new ChangeCounters(file, wal)) {
            long before;
            try (Connection writer = writer(file)) {
                commit(writer, 1);
                before = kept.read();
                assertThat(before).isEqualTo(afresh(file, wal));

                commit(writer, 2);
                assertThat(kept.read()).isNotEqualTo(before).isEqualTo(afresh(file, wal));
            }
            // the last connection closed: SQLite checkpointed and removed the -wal and -shm
            assertThat(Files.exists(dir.resolve("ri_x.db-shm"))).isFalse();
            assertThat(kept.read()).isEqualTo(afresh(file, wal));

            try (Connection writer = writer(file)) {
                commit(writer, 3);
                assertThat(Files.exists(dir.resolve("ri_x.db-shm"))).isTrue();
                long now = kept.read();
                assertThat(now).isEqualTo(afresh(file, wal));
                commit(writer, 4);
                assertThat(kept.read()).isNotEqualTo(now).isEqualTo(afresh(file, wal));
            }
        }
    }

    @Test
    void aMissingFileCountsAsMissing() throws Exception {
        Path file = dir.resolve("none.db");
        try (ChangeCounters kept = new ChangeCounters(file, dir.resolve("none.db-wal"))) {
            assertThat(kept.read()).isZero();
        }
    }

    private static long afresh(Path file, Path wal) throws Exception {
        return java.util.Objects.requireNonNull(FileStamp.of(file, wal)).counters();
    }

    private static Connection writer(Path file) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS t(v INTEGER)");
        }
        return c;
    }

    private static void commit(Connection c, int value) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t(v) VALUES (" + value + ")");
        }
    }
}
