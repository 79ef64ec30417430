package com.xpowerbanq.batch.status;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's current {@link StatusSnapshot}, gathered again when the last one is older than the
 * refresh interval: a scrape reads some 250 values and the page a few hundred more, and the series
 * databases and the chain are asked once for all of them.
 */
public final class StatusService {
    private final StatusCollector collector;
    private final Duration refresh;
    private final Clock clock;
    private @Nullable StatusSnapshot last;

    public StatusService(StatusCollector collector, Duration refresh, Clock clock) {
        this.collector = collector;
        this.refresh = refresh;
        this.clock = clock;
    }

    public synchronized StatusSnapshot snapshot() {
        if (last == null || last.taken().plus(refresh).isBefore(clock.instant())) {
            last = collector.collect();
        }
        return last;
    }
}
