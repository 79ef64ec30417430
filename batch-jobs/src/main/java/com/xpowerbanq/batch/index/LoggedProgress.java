package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's scan progress: each series' plan and each window at DEBUG, since {@code serve} logs
 * one line per run and the numbers live in its metrics and status page.
 */
public final class LoggedProgress implements ScanProgress {
    private static final Logger log = LoggerFactory.getLogger(LoggedProgress.class);

    @Override
    public void planned(Series series, long from, long to, int windows) {
        log.debug("{}: blocks {}..{}, {} windows", series.instanceId(), from, to, windows);
    }

    @Override
    public void window(Series series, int index, int windows, long from, long to, int events) {
        log.debug(
                "[window {}/{}] {} blocks {}..{}: {} events",
                index,
                windows,
                series.instanceId(),
                from,
                to,
                events);
    }

    @Override
    public void skipped(Series series, String reason) {
        log.debug("{}: skipped, {}", series.instanceId(), reason);
    }
}
