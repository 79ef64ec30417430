package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.Series;

/** Hears what the index jobs do, window by window; implementations must be thread-safe. */
public interface ScanProgress {

    /** A series will scan {@code from..to} in {@code windows} windows. */
    void planned(Series series, long from, long to, int windows);

    /** One window of a series was fetched. */
    void window(Series series, int index, int windows, long from, long to, int events);

    /** A series has nothing to scan in this contract run. */
    void skipped(Series series, String reason);

    ScanProgress NONE =
            new ScanProgress() {
                @Override
                public void planned(Series series, long from, long to, int windows) {}

                @Override
                public void window(
                        Series series, int index, int windows, long from, long to, int events) {}

                @Override
                public void skipped(Series series, String reason) {}
            };
}
