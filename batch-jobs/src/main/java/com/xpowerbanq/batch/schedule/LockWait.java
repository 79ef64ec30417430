package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.JobBusyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A launch that finds its job's lock held tries again every {@code every} until {@code wait} has
 * passed, or the daemon stops; then the {@link JobBusyException} stands. A fire taken over from a
 * host that was cut off from the database, rather than dead, meets that host's lock until the
 * server drops its connection.
 */
final class LockWait {
    private static final Logger log = LoggerFactory.getLogger(LockWait.class);

    /** One try at a launch. */
    @FunctionalInterface
    interface Launch<T> {
        T run() throws Exception;
    }

    private final Duration wait;
    private final Duration every;
    private final CountDownLatch stopping;
    private final Clock clock;

    LockWait(Duration wait, Duration every, CountDownLatch stopping, Clock clock) {
        this.wait = wait;
        this.every = every;
        this.stopping = stopping;
        this.clock = clock;
    }

    <T> T launch(String job, Launch<T> launch) throws Exception {
        Instant giveUp = clock.instant().plus(wait);
        while (true) {
            try {
                return launch.run();
            } catch (JobBusyException busy) {
                if (!clock.instant().isBefore(giveUp)
                        || stopping.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw busy;
                }
                log.info("{}: {}; trying again until {}", job, busy.getMessage(), giveUp);
            }
        }
    }
}
