package com.xpowerbanq.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.launch.JobBusyException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockWaitTest {
    private final CountDownLatch running = new CountDownLatch(1);

    private LockWait waiting(Duration wait) {
        return new LockWait(wait, Duration.ofMillis(10), running, Clock.systemUTC());
    }

    /** A launch that finds the lock held {@code busy} times, then launches. */
    private static LockWait.Launch<String> heldFor(int busy, AtomicInteger tries) {
        return () -> {
            if (tries.incrementAndGet() <= busy) {
                throw new JobBusyException("job reindex is already running on a host");
            }
            return "launched";
        };
    }

    @Test
    void aTakenOverFireTriesAgainUntilTheDeadHostsLockIsFreed() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        assertThat(waiting(Duration.ofSeconds(30)).launch("reindex", heldFor(3, tries)))
                .isEqualTo("launched");
        assertThat(tries).hasValue(4);
    }

    @Test
    void anOrdinaryFireDoesNotWait() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> waiting(Duration.ZERO).launch("reindex", heldFor(1, tries)))
                .isInstanceOf(JobBusyException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void theWaitEndsWithTheLockStillHeldOrTheDaemonStopping() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                waiting(Duration.ofMillis(100))
                                        .launch("reindex", heldFor(Integer.MAX_VALUE, tries)))
                .isInstanceOf(JobBusyException.class);
        assertThat(tries.get()).isBetween(2, 20);

        running.countDown();
        AtomicInteger afterStop = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                waiting(Duration.ofSeconds(30))
                                        .launch("reindex", heldFor(Integer.MAX_VALUE, afterStop)))
                .isInstanceOf(JobBusyException.class);
        assertThat(afterStop).hasValue(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                waiting(Duration.ofSeconds(30))
                                        .launch(
                                                "reindex",
                                                () -> {
                                                    tries.incrementAndGet();
                                                    throw new IllegalStateException("chain down");
                                                }))
                .hasMessage("chain down");
        assertThat(tries).hasValue(1);
    }
}
