package com.xpowerbanq.api;

import com.xpowerbanq.schema.SchemaState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per served database, the last day it can answer and how old that day is: a series whose index job
 * stopped shows here before the web UI's chart goes blank. Read from the daily rollup on each
 * scrape (one indexed row per database); databases of the original schema are left out.
 */
final class DatabaseDays {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDays.class);

    private final DatabaseDirectory directory;
    private final Clock clock;
    private final MultiGauge lastDay;
    private final MultiGauge age;

    DatabaseDays(DatabaseDirectory directory, MeterRegistry registry) {
        this(directory, registry, Clock.systemUTC());
    }

    DatabaseDays(DatabaseDirectory directory, MeterRegistry registry, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.lastDay =
                MultiGauge.builder("banq.api.database.last.day.timestamp")
                        .description("Start (UTC) of the newest day a series database holds")
                        .baseUnit("seconds")
                        .register(registry);
        this.age =
                MultiGauge.builder("banq.api.database.last.day.age")
                        .description("Seconds since the start of the newest day a database holds")
                        .baseUnit("seconds")
                        .register(registry);
    }

    /** Reads every served database's last day again. */
    void refresh() {
        long now = clock.instant().getEpochSecond();
        List<MultiGauge.Row<?>> days = new ArrayList<>();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        for (String name : directory.names()) {
            Long start = lastDayStart(name);
            if (start != null) {
                Tags tags = Tags.of("database", name);
                days.add(MultiGauge.Row.of(tags, start));
                ages.add(MultiGauge.Row.of(tags, now - start));
            }
        }
        lastDay.register(days, true);
        age.register(ages, true);
    }

    private Long lastDayStart(String name) {
        try {
            ServedDatabase db = directory.lease(name).db();
            if (db.layout() != SchemaState.CURRENT || db.problem() != null) {
                return null;
            }
            try (Connection c = db.connection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT max(day) FROM daily_rollup")) {
                String day = rs.next() ? rs.getString(1) : null;
                return day == null
                        ? null
                        : LocalDate.parse(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
        } catch (SQLException | RuntimeException e) {
            // the request path reports and evicts a failing database; a scrape only leaves it out
            LOG.debug("{}.db: no last day for the metrics: {}", name, e.getMessage());
            return null;
        }
    }
}
