package com.xpowerbanq.batch.metrics;

import com.xpowerbanq.batch.status.StatusService;
import com.xpowerbanq.batch.status.StatusSnapshot;
import com.xpowerbanq.batch.status.StatusSnapshot.ScheduleStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.SeriesStatus;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Series;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The gauges read from the status snapshot: per {@code run} and {@code series} the last block, the
 * lag behind the chain head in blocks and seconds, the rows and the last event's time; per {@code
 * schedule} the next fire and the last success. Unknown values (no database yet, chain down) are
 * NaN.
 */
final class SeriesMetrics implements MeterBinder {
    private final StatusService status;
    private final String run;
    private final List<String> schedules;

    SeriesMetrics(StatusService status, String run, List<String> schedules) {
        this.status = status;
        this.run = run;
        this.schedules = List.copyOf(schedules);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Series series : Catalogue.all()) {
            String id = series.instanceId();
            series(
                    registry,
                    "banq.series.last.block",
                    "last block scanned",
                    id,
                    SeriesStatus::lastBlock);
            series(
                    registry,
                    "banq.series.head.lag.blocks",
                    "blocks behind the chain head",
                    id,
                    SeriesStatus::lagBlocks);
            series(
                    registry,
                    "banq.series.head.lag.seconds",
                    "seconds behind the chain head",
                    id,
                    SeriesStatus::lagSeconds);
            series(
                    registry,
                    "banq.series.rows",
                    "rows in the series database",
                    id,
                    s -> s.database() ? s.rows() : null);
            series(
                    registry,
                    "banq.series.last.event.timestamp.seconds",
                    "time of the newest event",
                    id,
                    s -> seconds(s.lastEventTime()));
        }
        for (String name : schedules) {
            schedule(
                    registry,
                    "banq.schedule.next.fire.timestamp.seconds",
                    "next fire",
                    name,
                    s -> seconds(s.nextFire()));
            schedule(
                    registry,
                    "banq.schedule.last.success.timestamp.seconds",
                    "end of the last successful run",
                    name,
                    s -> seconds(s.lastSuccess()));
        }
    }

    private void series(
            MeterRegistry registry,
            String name,
            String description,
            String id,
            Function<SeriesStatus, @Nullable Number> value) {
        gauge(
                        name,
                        description,
                        "series",
                        id,
                        snapshot ->
                                snapshot.series().stream()
                                        .filter(s -> s.series().equals(id))
                                        .findFirst()
                                        .map(value)
                                        .orElse(null))
                .tag("run", run)
                .register(registry);
    }

    private void schedule(
            MeterRegistry registry,
            String name,
            String description,
            String schedule,
            Function<ScheduleStatus, @Nullable Number> value) {
        gauge(
                        name,
                        description,
                        "schedule",
                        schedule,
                        snapshot ->
                                snapshot.schedules().stream()
                                        .filter(s -> s.schedule().equals(schedule))
                                        .findFirst()
                                        .map(value)
                                        .orElse(null))
                .register(registry);
    }

    private Gauge.Builder<StatusService> gauge(
            String name,
            String description,
            String tag,
            String tagValue,
            Function<StatusSnapshot, @Nullable Number> value) {
        ToDoubleFunction<StatusService> read =
                service -> {
                    Number n = value.apply(service.snapshot());
                    return n == null ? Double.NaN : n.doubleValue();
                };
        return Gauge.builder(name, status, read)
                .description(description)
                .tag(tag, tagValue)
                .strongReference(true);
    }

    private static @Nullable Long seconds(@Nullable Instant time) {
        return time == null ? null : time.getEpochSecond();
    }
}
