package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.index.ScanProgress;
import com.xpowerbanq.schema.Series;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints one line per window, and on a terminal keeps a progress bar with rate and ETA under the
 * lines. Thread-safe: partitions report from their own threads.
 */
final class ConsoleProgress implements ScanProgress {
    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicLong plannedBlocks = new AtomicLong();
    private final AtomicLong doneBlocks = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private boolean barShown;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void planned(Series series, long from, long to, int windows) {
        plannedBlocks.addAndGet(Math.max(0, to - from + 1));
        String range =
                to < from
                        ? "up to date"
                        : "blocks " + from + ".." + to + ", " + windows + " windows";
        line(series.instanceId() + ": " + range);
    }

    @Override
    public void window(Series series, int index, int windows, long from, long to, int n) {
        doneBlocks.addAndGet(to - from + 1);
        events.addAndGet(n);
        int width = Math.max(3, String.valueOf(windows).length());
        line(
                String.format(
                        "[window %0" + width + "d/%0" + width + "d] %s blocks %d..%d: %d events",
                        index,
                        windows,
                        series.instanceId(),
                        from,
                        to,
                        n));
    }

    @Override
    public void skipped(Series series, String reason) {
        line(series.instanceId() + ": skipped, " + reason);
    }

    private synchronized void line(String text) {
        if (terminal) {
            out.print("\r\033[K");
        }
        out.println(text);
        if (terminal) {
            out.print(bar());
            barShown = true;
        }
        out.flush();
    }

    /** Removes the bar before the summary is printed. */
    synchronized void finish() {
        if (terminal && barShown) {
            out.print("\r\033[K");
            out.flush();
            barShown = false;
        }
    }

    String bar() {
        long total = plannedBlocks.get();
        long done = Math.min(doneBlocks.get(), total);
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * 30);
        String eta =
                rate <= 0 || done >= total
                        ? "--:--"
                        : clock(Duration.ofSeconds((long) ((total - done) / rate)));
        return String.format(
                "[%s%s] %3.0f%% %d/%d blocks, %d events, %.0f blocks/s, ETA %s",
                "#".repeat(filled),
                ".".repeat(30 - filled),
                fraction * 100,
                done,
                total,
                events.get(),
                rate,
                eta);
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /** Whether stdout is an interactive terminal (JDK 22+ asks the console; older: any console). */
    static boolean stdoutIsTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
