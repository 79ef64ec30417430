package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps that leave their reindexes and retwaps to a keeper, and a devnet without one. */
class KeeperDutiesIT {

    @Test
    void theKeeperIsCalledRightAfterEachStepInSimulatedTime() {
        // given: a keeper that records what it is asked and when, on a fresh devnet
        List<String> asked = new ArrayList<>();
        List<Keeper.Duty> closed = new ArrayList<>();
        Keeper.Factory factory =
                devnet ->
                        new Keeper() {
                            @Override
                            public void perform(Duty duty) {
                                asked.add(duty + "@" + devnet.latestTimestamp());
                            }

                            @Override
                            public void close() {
                                closed.add(null);
                            }
                        };

        // when: one simulated day
        try (Devnet devnet =
                Devnet.start(DevnetOptions.defaults().withDays(1).withKeeper(factory))) {
            // then: 4 reindex and 12 retwap duties, each just after its step's block
            assertThat(asked).filteredOn(a -> a.startsWith("REINDEX@")).hasSize(4);
            assertThat(asked).filteredOn(a -> a.startsWith("RETWAP@")).hasSize(12);
            for (String a : asked) {
                long time = Long.parseLong(a.substring(a.indexOf('@') + 1));
                long slot =
                        a.startsWith("REINDEX")
                                ? SteadyActivity.REINDEX_EVERY
                                : SteadyActivity.RETWAP_EVERY;
                long offset = a.startsWith("REINDEX") ? SteadyActivity.REINDEX_OFFSET : 0;
                assertThat(time % slot).as(a).isEqualTo(offset);
            }
            assertThat(closed).isEmpty();
        }
        // and the keeper is closed with the devnet
        assertThat(closed).hasSize(1);
    }

    @Test
    void stepsWithDutiesButNoKeeperFailNamingWhatIsMissing() {
        // given: the market-only activity and no keeper
        DevnetOptions options =
                DevnetOptions.defaults().withDays(1).withActivity(SteadyActivity.marketOnly());

        // when, then
        assertThatThrownBy(() -> Devnet.start(options).close())
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("to a keeper")
                .hasMessageContaining("DevnetOptions.withKeeper");
    }
}
