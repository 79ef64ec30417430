package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.AdaptiveLogFetcher;
import com.xpowerbanq.chain.rpc.ChainClient;
import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.chain.rpc.LogQuery;
import com.xpowerbanq.schema.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Walks the block windows of one series' scan plan, fetching each window's logs with eth_getLogs
 * and handing over its rows and then a {@link WindowEnd}. Its position (window start and items
 * already handed over from that window) is saved in the step's ExecutionContext after every chunk.
 */
public class BlockWindowLogReader implements ItemStreamReader<ScanItem> {
    static final String WINDOW_START = "BlockWindowLogReader.windowStart";
    static final String EMITTED = "BlockWindowLogReader.emitted";
    static final String EVENTS = "BlockWindowLogReader.events";

    private final Series series;
    private final IndexJobParameters parameters;
    private final ScanPlanner planner;
    private final SeriesContracts contracts;
    private final ChainClient chain;
    private final ScanProgress progress;

    private @Nullable ScanPlan plan;
    private @Nullable EventDecoder decoder;
    private @Nullable AdaptiveLogFetcher fetcher;
    private @Nullable List<ScanItem> buffer;
    private long windowStart;
    private int emitted;
    private long events;

    BlockWindowLogReader(
            Series series,
            IndexJobParameters parameters,
            ScanPlanner planner,
            SeriesContracts contracts,
            ChainClient chain,
            ScanProgress progress) {
        this.series = series;
        this.parameters = parameters;
        this.planner = planner;
        this.contracts = contracts;
        this.chain = chain;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        ScanPlan saved = ScanPlan.loadFrom(context);
        ScanPlan current = saved != null ? saved : planner.plan(series, parameters);
        current.saveTo(context);
        plan = current;
        if (current.isSkipped()) {
            progress.skipped(series, current.skip());
            return;
        }
        try {
            decoder = contracts.decoder(series);
        } catch (SeriesContracts.Skip skip) {
            throw new ItemStreamException(series.instanceId() + ": " + skip.getMessage());
        }
        fetcher = new AdaptiveLogFetcher(chain, current.window());
        windowStart = context.getLong(WINDOW_START, current.from());
        emitted = context.getInt(EMITTED, 0);
        events = context.getLong(EVENTS, 0);
        progress.planned(series, windowStart, current.to(), current.windows());
    }

    @Override
    public @Nullable ScanItem read() {
        ScanPlan p = plan;
        if (p == null || p.isSkipped()) {
            return null;
        }
        if (buffer == null) {
            if (windowStart > p.to()) {
                return null;
            }
            buffer = fetchWindow(p);
            if (emitted > buffer.size()) {
                throw new IllegalStateException(
                        series.instanceId()
                                + ": the window from block "
                                + windowStart
                                + " now has fewer events than a previous run handed over");
            }
        }
        ScanItem item = buffer.get(emitted++);
        if (item instanceof SeriesRow) {
            events++;
        }
        if (emitted == buffer.size()) {
            windowStart = ((WindowEnd) item).lastBlock() + 1;
            emitted = 0;
            buffer = null;
        }
        return item;
    }

    private List<ScanItem> fetchWindow(ScanPlan p) {
        long end = Math.min(p.to(), windowStart + p.window() - 1);
        EventDecoder d = decoder;
        AdaptiveLogFetcher f = fetcher;
        if (d == null || f == null) {
            throw new IllegalStateException("reader of " + series.instanceId() + " not open");
        }
        List<ChainLog> logs = f.fetch(new LogQuery(p.contract(), d.topics(), windowStart, end));
        List<ScanItem> items = new ArrayList<>(logs.size() + 1);
        logs.stream()
                .filter(log -> !log.removed())
                .sorted(
                        Comparator.comparingLong(ChainLog::blockNumber)
                                .thenComparingInt(ChainLog::logIndex))
                .forEach(log -> items.add(d.decode(p.chainId(), log)));
        progress.window(
                series, p.windowIndex(windowStart), p.windows(), windowStart, end, items.size());
        items.add(new WindowEnd(end, p.chainId(), p.contract()));
        return items;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        if (plan != null && !plan.isSkipped()) {
            context.putLong(WINDOW_START, windowStart);
            context.putInt(EMITTED, emitted);
            context.putLong(EVENTS, events);
        }
    }

    @Override
    public void close() throws ItemStreamException {
        buffer = null;
    }
}
