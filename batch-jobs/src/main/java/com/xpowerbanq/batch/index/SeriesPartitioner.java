package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per series, named by its instance id; the grid size is the number of series. */
class SeriesPartitioner implements Partitioner {
    static final String SERIES = "SeriesPartitioner.series";

    private final List<Series> series;

    SeriesPartitioner(List<Series> series) {
        this.series = series;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (Series s : series) {
            ExecutionContext context = new ExecutionContext();
            context.putString(SERIES, s.instanceId());
            partitions.put(s.instanceId(), context);
        }
        return partitions;
    }
}
