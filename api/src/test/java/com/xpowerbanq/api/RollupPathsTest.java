package com.xpowerbanq.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot of a quiet file and the windowed query of a changing one give the same bytes. */
class RollupPathsTest {
    private static final LocalDate FIRST = LocalDate.parse("2025-03-01");

    @TempDir Path dir;

    @Test
    void snapshotWindowsEqualWindowedQueries() throws Exception {
        Random random = new Random(5);
        Path ri = dir.resolve("ri.db");
        Path rt = dir.resolve("rt.db");
        long start = FIRST.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try (SeriesFiles a = SeriesFiles.current(ri, true);
                SeriesFiles b = SeriesFiles.current(rt, false)) {
            for (int i = 0; i < 400; i++) {
                long time = start + random.nextInt(40 * 86_400);
                a.reindex(time, random.nextDouble());
                b.refresh(time, 1 + random.nextDouble(), 1 + random.nextDouble());
            }
        }
        FileStamp stamp = FileStamp.of(ri, dir.resolve("none-wal"));
        try (Connection c = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(ri));
                Connection d = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(rt))) {
            RollupSnapshot averages = RollupSnapshot.load(c, Route.DAILY_AVERAGE, stamp);
            RollupSnapshot ohlc = RollupSnapshot.load(d, Route.DAILY_OHLC, stamp);
            RollupWindows windows = new RollupWindows();
            for (int i = 0; i < 200; i++) {
                LocalDate lhs = FIRST.plusDays(random.nextInt(50) - 5);
                DayWindow window = new DayWindow(lhs, lhs.plusDays(random.nextInt(30)));
                int maxRows = 1 + random.nextInt(40);

                assertThat(averages.window(window, maxRows))
                        .isEqualTo(DailyRow.toJson(windows.averages(c, window, maxRows)));
                assertThat(ohlc.window(window, maxRows))
                        .isEqualTo(DailyRow.toJson(windows.ohlc(d, window, maxRows)));
            }
        }
    }
}
