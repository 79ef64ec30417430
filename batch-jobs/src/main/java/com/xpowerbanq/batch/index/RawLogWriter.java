package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk into the series database in one SQLite transaction: the rows, idempotently, and
 * the last window end among them as the scan's progress. A chunk replayed after a crash between
 * this commit and the job repository's writes nothing new.
 */
public class RawLogWriter implements ItemStreamWriter<ScanItem> {
    static final String INSERTED = "RawLogWriter.inserted";

    private final Path file;
    private final Kind kind;
    private final ContractRun run;
    private @Nullable RawLogStore store;
    private long inserted;

    RawLogWriter(Path file, Kind kind) {
        this(file, kind, ContractRun.V10A);
    }

    RawLogWriter(Path file, Kind kind, ContractRun run) {
        this.file = file;
        this.kind = kind;
        this.run = run;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        store = RawLogStore.open(file, kind, run);
        inserted = context.getLong(INSERTED, 0);
    }

    @Override
    public void write(Chunk<? extends ScanItem> chunk) {
        RawLogStore s = store;
        if (s == null) {
            throw new IllegalStateException("writer of " + file + " not open");
        }
        List<SeriesRow> rows = new ArrayList<>(chunk.size());
        WindowEnd progress = null;
        for (ScanItem item : chunk) {
            switch (item) {
                case SeriesRow row -> rows.add(row);
                case WindowEnd end -> progress = end;
            }
        }
        inserted += s.write(rows, progress);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putLong(INSERTED, inserted);
    }

    @Override
    public void close() throws ItemStreamException {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
