package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void v5MatchesTheRfcExampleForTheDnsNamespace() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(EventId.v5(dns, "www.example.com"))
                .hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void idDependsOnChainBlockHashAndLogIndexOnly() {
        String hash = "0xB3D883227C4D433DACDBEFDBA98B8278E77BB89033000B4A08E9061CB81ECBBB";

        String id = EventId.of(31337, hash, 0);

        assertThat(EventId.of(31337, hash.toLowerCase(), 0)).isEqualTo(id);
        assertThat(EventId.of(31337, hash, 1)).isNotEqualTo(id);
        assertThat(EventId.of(43114, hash, 0)).isNotEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
    }
}
