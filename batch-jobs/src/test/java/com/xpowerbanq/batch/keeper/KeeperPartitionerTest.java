package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The partitions of a keeper job: one per series its {@code series} parameter selects. */
class KeeperPartitionerTest {

    private static List<String> ids(Kind kind) {
        return Catalogue.of(kind).stream().map(Series::instanceId).toList();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "all", " ALL "})
    void noSelectionOrAllGivesAPartitionForEverySeriesOfTheJobsKind(String selection) {
        // when
        Map<String, ExecutionContext> reindex =
                new KeeperPartitioner(selection, Kind.RI).partition(1);
        Map<String, ExecutionContext> retwap =
                new KeeperPartitioner(selection, Kind.RT).partition(1);

        // then
        assertThat(reindex.keySet()).containsExactlyElementsOf(ids(Kind.RI));
        assertThat(retwap.keySet()).containsExactlyElementsOf(ids(Kind.RT));
    }

    @Test
    void aListGivesItsSeriesOnceEachInOrderUnderTheirInstanceIds() {
        // given: T002 is the zero address in some registries; the keeper's tasklet skips it,
        // the partitioner does not know the registry
        String selection = "USDC_APOW_T002, XPOW_APOW:T000,,usdc_apow:T002";

        // when
        Map<String, ExecutionContext> partitions =
                new KeeperPartitioner(selection, Kind.RT).partition(8);

        // then
        assertThat(partitions.keySet()).containsExactly("USDC_APOW:T002", "XPOW_APOW:T000");
        assertThat(partitions.values())
                .extracting(context -> context.getString(KeeperPartitioner.SERIES_KEY))
                .containsExactly("USDC_APOW:T002", "XPOW_APOW:T000");
        assertThat(partitions.values()).allSatisfy(context -> assertThat(context.size()).isOne());
    }

    @Test
    void aSeriesOfTheOtherKindFailsThePartitioningNamingIt() {
        // given
        KeeperPartitioner reindex =
                new KeeperPartitioner("APOW:supply:P000,XPOW_APOW:T000", Kind.RI);

        // when / then
        assertThatThrownBy(() -> reindex.partition(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series XPOW_APOW:T000 is a RT series");
    }

    @Test
    void apiNamesAsTheWebUiSpellsThemGiveTheSamePartitionsAsInstanceIds() {
        // given: the names in the link directory and the nginx logs
        String selection = "ri_wavax_borrow_4,ri_usdt_supply_6, AVAX:borrow:P004";

        // when
        Map<String, ExecutionContext> partitions =
                new KeeperPartitioner(selection, Kind.RI).partition(8);

        // then
        assertThat(partitions.keySet()).containsExactly("AVAX:borrow:P004", "USDT:supply:P006");
    }

    @Test
    void anUnknownNameFailsThePartitioningSayingWhereTheNamesAreListed() {
        KeeperPartitioner reindex = new KeeperPartitioner("ri_avax_borrow_4", Kind.RI);

        assertThatThrownBy(() -> reindex.partition(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wavax")
                .hasMessageContaining("`banq batch list`");
    }
}
