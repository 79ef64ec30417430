package com.xpowerbanq.batch.index;

import static com.xpowerbanq.batch.index.SeriesPartitions.PAIR;
import static com.xpowerbanq.batch.index.SeriesPartitions.UNDEPLOYED;
import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The partitions of an index job: one per selected series, each knowing only its series. */
class SeriesPartitionerTest {

    @Test
    void eachSelectedSeriesGetsAPartitionNamedByItsIdHoldingOnlyThatId() {
        // given: a selection with a series whose oracle the registry gives as the zero address
        List<Series> selected = List.of(PAIR, UNDEPLOYED, Catalogue.parse("XPOW_USDC_T005"));

        // when
        Map<String, ExecutionContext> partitions = new SeriesPartitioner(selected).partition(1);

        // then: the zero-address series is partitioned too, its reader records the skip; an id
        // spelled with underscores names its partition in the canonical form
        assertThat(partitions.keySet())
                .containsExactly("XPOW_APOW:T000", "USDC_APOW:T002", "XPOW_USDC:T005");
        assertThat(partitions.get("USDC_APOW:T002"))
                .isEqualTo(
                        new ExecutionContext(Map.of(SeriesPartitioner.SERIES, "USDC_APOW:T002")));
        assertThat(partitions.get("XPOW_USDC:T005").getString(SeriesPartitioner.SERIES))
                .isEqualTo("XPOW_USDC:T005");
    }

    @Test
    void theGridSizeDoesNotChangeThePartitions() {
        // given
        SeriesPartitioner partitioner = new SeriesPartitioner(List.of(PAIR, UNDEPLOYED));

        // when
        Map<String, ExecutionContext> one = partitioner.partition(1);
        Map<String, ExecutionContext> many = partitioner.partition(64);

        // then
        assertThat(many).isEqualTo(one).hasSize(2);
    }

    @Test
    void aJobWithoutParametersHasAPartitionForEverySeriesOfItsKind() {
        // given
        List<Series> all = IndexJobParameters.of(Kind.RI, new JobParameters()).series();

        // when
        Map<String, ExecutionContext> partitions = new SeriesPartitioner(all).partition(1);

        // then
        assertThat(partitions.keySet())
                .containsExactlyElementsOf(
                        Catalogue.of(Kind.RI).stream().map(Series::instanceId).toList())
                .hasSize(Catalogue.ri().size());
    }
}
