package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per selected series; the partition's context holds only the series id. */
class KeeperPartitioner implements Partitioner {
    static final String SERIES_KEY = KeeperPartitioner.class.getSimpleName() + ".series";

    private final @Nullable String selection;
    private final Kind kind;

    KeeperPartitioner(@Nullable String selection, Kind kind) {
        this.selection = selection;
        this.kind = kind;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Series series : SeriesSelection.parse(selection, kind)) {
            ExecutionContext context = new ExecutionContext();
            context.putString(SERIES_KEY, series.instanceId());
            partitions.put(series.instanceId(), context);
        }
        return partitions;
    }
}
